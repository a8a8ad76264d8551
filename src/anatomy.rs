//! The article's anatomy, found at cleaning time: which lines of a cleaned text are the
//! article's body and which are page furniture — navigation bars, breadcrumbs, share and print
//! controls, related-article lists, editor lines, counters, copyright and ICP footers, app and
//! QR-code prompts, bylines — and the metadata the byline carries (date, source, author).
//!
//! Line rules are data (`src/data/furniture.txt`, a small pattern language described there);
//! what needs the lines around a line is structure, here: the page title line, the lines set
//! aside around a byline, and the labels and related-article lists after the end of the article.
//! Set-aside lines stay in the text; the corpus just does not count them (unless asked to).

use crate::metadata::{byline, is_ideograph, Byline, Date};
use crate::script::ScriptData;
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

/// What a line set aside is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum FurnitureKind {
    /// The page's own title ("headline-section-site"), when the headline follows.
    PageTitle,
    Navigation,
    Breadcrumb,
    /// Date, source and author lines (their values become metadata).
    Byline,
    /// Share, print, font-size controls.
    Share,
    /// Related-article and previous/next lists.
    Related,
    Editor,
    /// View and click counters.
    Counter,
    Copyright,
    /// ICP and 公网安备 numbers, 举报 lines, "about us" menus.
    Footer,
    /// App, QR-code and account prompts.
    App,
    /// Section labels around the article (between the page title and the headline, after the end).
    Label,
    /// Lines with no letter, digit or ideograph.
    Symbols,
}

impl FurnitureKind {
    fn from_name(name: &str) -> Option<FurnitureKind> {
        Some(match name {
            "navigation" => FurnitureKind::Navigation,
            "breadcrumb" => FurnitureKind::Breadcrumb,
            "share" => FurnitureKind::Share,
            "related" => FurnitureKind::Related,
            "editor" => FurnitureKind::Editor,
            "counter" => FurnitureKind::Counter,
            "copyright" => FurnitureKind::Copyright,
            "footer" => FurnitureKind::Footer,
            "app" => FurnitureKind::App,
            _ => return None,
        })
    }

    /// Lines that only come after an article: what follows them may be the page's tail.
    fn ends_article(self) -> bool {
        matches!(
            self,
            FurnitureKind::Editor
                | FurnitureKind::Related
                | FurnitureKind::Share
                | FurnitureKind::Copyright
                | FurnitureKind::Footer
                | FurnitureKind::App
                | FurnitureKind::Counter
        )
    }
}

/// A line set aside: which line (index), its byte range in the text, its kind and the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furniture {
    pub line: u32,
    pub range: Range<usize>,
    pub kind: FurnitureKind,
    /// The pattern of `furniture.txt` that matched, or the structural rule's name.
    pub rule: &'static str,
}

/// What [`anatomy`] finds in a cleaned text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anatomy {
    /// The lines set aside, in text order.
    pub furniture: Vec<Furniture>,
    /// The first line of the body (the title), if any line is body.
    pub first_body_line: Option<u32>,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub author: Option<String>,
}

/// No line rule applies to a line longer than this (in characters): a long line is a paragraph.
const MAX_RULE_CHARS: usize = 120;
/// A label is a short line without sentence punctuation.
const LABEL_MAX_CHARS: usize = 12;
/// Labels between the page title and the headline may be a little longer (section names).
const HEADER_LABEL_MAX_CHARS: usize = 20;
/// A bullet line of a related list (its headline).
const BULLET_MAX_CHARS: usize = 60;
/// The teaser under a bullet of a related list.
const TEASER_MAX_CHARS: usize = 200;
/// The headline is looked for among the lines after the page title, up to this one.
const HEADLINE_SEARCH_LINES: usize = 16;
/// The header (where a date alone on a line is a byline) ends at the first paragraph, or here.
const HEADER_MAX_LINES: usize = 12;
/// A date alone on one of this many last lines is the date the text was signed.
const CLOSING_LINES: usize = 3;
/// A paragraph: a line at least this long with sentence punctuation …
const PARAGRAPH_MIN_CHARS: usize = 50;
/// … or a sentence at least this long.
const SENTENCE_MIN_CHARS: usize = 20;

// The structural rules, as `Furniture::rule` names them.
const RULE_SYMBOLS: &str = "no letter, digit or ideograph";
const RULE_BYLINE: &str = "a byline: date, source, author";
const RULE_NAME_BY_BYLINE: &str = "a name next to the byline";
const RULE_MENU: &str = "channel names (menu words)";
const RULE_PAGE_TITLE: &str = "the page title: the headline, then section or site";
const RULE_HEADER_LABEL: &str = "a label between the page title and the headline";
const RULE_TAIL_LABEL: &str = "a label after the end of the article";
const RULE_TAIL_RELATED: &str = "a related-article list after the end of the article";

/// The rule named `name` (a pattern of `furniture.txt` or a structural rule), as
/// [`Furniture::rule`] holds it: how a stored document's lines set aside are read back.
pub fn rule_named(name: &str) -> Option<&'static str> {
    static STRUCTURAL: [&str; 8] = [
        RULE_SYMBOLS,
        RULE_BYLINE,
        RULE_NAME_BY_BYLINE,
        RULE_MENU,
        RULE_PAGE_TITLE,
        RULE_HEADER_LABEL,
        RULE_TAIL_LABEL,
        RULE_TAIL_RELATED,
    ];
    STRUCTURAL
        .iter()
        .copied()
        .chain(rules().rules.iter().map(|rule| rule.text.as_str()))
        .find(|&rule| rule == name)
}

/// One line of the text.
struct Line<'a> {
    text: &'a str,
    range: Range<usize>,
    chars: usize,
}

/// Sort the lines of a cleaned `text` (one paragraph a line, as `clean` makes it) into body and
/// furniture, and read the byline's metadata.
pub fn anatomy(text: &str) -> Anatomy {
    let rules = rules();
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        lines.push(Line {
            text: line,
            range: at..at + line.len(),
            chars: line.chars().count(),
        });
        at += line.len() + 1;
    }
    let n = lines.len();
    let header_end = lines
        .iter()
        .position(is_paragraph)
        .unwrap_or(n)
        .min(HEADER_MAX_LINES);
    let mut kinds: Vec<Option<(FurnitureKind, &'static str)>> = vec![None; n];
    let mut bylines: Vec<(usize, Byline)> = Vec::new();
    // A date alone on one of the last lines: the date an official text is signed (落款), read
    // when no byline has one; the line is content.
    let mut closing_date = None;
    let mut folded = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.chars > MAX_RULE_CHARS {
            continue;
        }
        if !line.text.chars().any(char::is_alphanumeric) {
            kinds[i] = Some((FurnitureKind::Symbols, RULE_SYMBOLS));
            continue;
        }
        if let Some(b) = byline(line.text) {
            if !b.date_only || i < header_end {
                kinds[i] = Some((FurnitureKind::Byline, RULE_BYLINE));
                bylines.push((i, b));
                continue;
            }
            if i + CLOSING_LINES >= n {
                closing_date = closing_date.or(b.date);
            }
        }
        fold_into(line.text, &mut folded);
        if rules.is_menu_line(&folded) {
            kinds[i] = Some((FurnitureKind::Navigation, RULE_MENU));
        } else if let Some(rule) = rules.matching(&folded, line.chars) {
            kinds[i] = Some((rule.kind, rule.text.as_str()));
        }
    }

    mark_page_title(&lines, &mut kinds);

    // A lone name next to a byline is part of it (the author, as in seed 001).
    let mut author = None;
    for &(i, _) in &bylines {
        for j in [i.wrapping_sub(1), i + 1] {
            if j < n && kinds[j].is_none() && rules.is_name(lines[j].text) {
                kinds[j] = Some((FurnitureKind::Byline, RULE_NAME_BY_BYLINE));
                author.get_or_insert_with(|| lines[j].text.to_string());
            }
        }
    }

    mark_tail(text, &lines, &mut kinds);

    let first_body = kinds.iter().position(Option::is_none);
    // A lone name right under the title is its author (the line stays: it may be content).
    if author.is_none() {
        if let Some(next) = first_body.map(|t| t + 1).filter(|&j| j < n) {
            if kinds[next].is_none() && rules.is_name(lines[next].text) {
                author = Some(lines[next].text.to_string());
            }
        }
    }
    let field = |pick: fn(&Byline) -> Option<String>| bylines.iter().find_map(|(_, b)| pick(b));
    Anatomy {
        furniture: kinds
            .iter()
            .enumerate()
            .filter_map(|(i, kind)| {
                kind.map(|(kind, rule)| Furniture {
                    line: i as u32,
                    range: lines[i].range.clone(),
                    kind,
                    rule,
                })
            })
            .collect(),
        first_body_line: first_body.map(|i| i as u32),
        date: bylines.iter().find_map(|(_, b)| b.date).or(closing_date),
        source: field(|b| b.source.clone()),
        author: field(|b| b.author.clone()).or(author),
    }
}

/// The anatomy of a traditional `text` read on its simplified form (the rules and bylines are
/// written in simplified characters), in the text's own terms: its lines (conversion never
/// touches a line break), their ranges, and the source and author in its own characters.
pub fn anatomy_converted(text: &str, data: &ScriptData) -> Anatomy {
    let converted = data.to_simplified(text);
    if converted.text.matches('\n').count() != text.matches('\n').count() {
        return anatomy(text);
    }
    let mut found = anatomy(&converted.text);
    let mut ranges = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        ranges.push(at..at + line.len());
        at += line.len() + 1;
    }
    for f in &mut found.furniture {
        f.range = ranges[f.line as usize].clone();
    }
    let own = |value: String| -> String {
        converted
            .text
            .find(&value)
            .and_then(|at| {
                let start = converted.original(at)?;
                let end = converted.original(at + value.len())?;
                text.get(start..end)
            })
            .map_or(value.clone(), str::to_string)
    };
    found.source = found.source.map(own);
    found.author = found.author.map(own);
    found
}

impl Anatomy {
    /// The anatomy of `lines` moved to `text`, in which line i of `lines` became line
    /// `line_map[i]` (some lines joined; the lines set aside never are, so each is still a line).
    pub fn moved(mut self, text: &str, line_map: &[u32]) -> Anatomy {
        let mut ranges = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            ranges.push(at..at + line.len());
            at += line.len() + 1;
        }
        for f in &mut self.furniture {
            f.line = line_map[f.line as usize];
            f.range = ranges[f.line as usize].clone();
        }
        self.first_body_line = self.first_body_line.map(|i| line_map[i as usize]);
        self
    }

    /// Whether each of `lines` lines is set aside.
    pub fn set_aside(&self, lines: usize) -> Vec<bool> {
        let mut out = vec![false; lines];
        for f in &self.furniture {
            out[f.line as usize] = true;
        }
        out
    }
}

fn is_sentence_punctuation(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | ',' | '！' | '!' | '？' | '?' | '；' | ';' | '：' | ':' | '、'
    )
}

/// A paragraph: long with sentence punctuation, or a sentence (ending in 。！？).
fn is_paragraph(line: &Line) -> bool {
    (line.chars >= PARAGRAPH_MIN_CHARS && line.text.chars().any(is_sentence_punctuation))
        || (line.chars >= SENTENCE_MIN_CHARS
            && line.text.ends_with(['。', '！', '？', '!', '?', '”', '」']))
}

fn is_label(line: &Line, max_chars: usize) -> bool {
    line.chars <= max_chars
        && !line.text.chars().any(is_sentence_punctuation)
        && line.text.chars().any(char::is_alphanumeric)
}

fn is_bullet(line: &Line) -> bool {
    line.chars <= BULLET_MAX_CHARS
        && line.text.chars().next().is_some_and(|c| {
            matches!(
                c,
                '•' | '●'
                    | '◆'
                    | '◇'
                    | '■'
                    | '□'
                    | '▪'
                    | '▫'
                    | '►'
                    | '▶'
                    | '▷'
                    | '★'
                    | '☆'
                    | '·'
            )
        })
}

/// A first line "headline-section-site" (the page's title, as a browser saves it) whose
/// headline comes again a few lines down: the first line and the short labels between are
/// furniture.
fn mark_page_title(lines: &[Line], kinds: &mut [Option<(FurnitureKind, &'static str)>]) {
    let Some(first) = lines.first() else {
        return;
    };
    if kinds[0].is_some() {
        return;
    }
    let separators = [" - ", " | ", "-", "_", "|", "｜", "—", "–", "－"];
    let headlines: Vec<&str> = first
        .text
        .char_indices()
        .filter(|&(i, _)| {
            separators
                .iter()
                .any(|s| first.text[i..].starts_with(s) && first.text.len() > i + s.len())
        })
        .map(|(i, _)| first.text[..i].trim())
        .filter(|h| h.chars().count() >= 4)
        .collect();
    if headlines.is_empty() {
        return;
    }
    let Some(headline) = (1..lines.len().min(HEADLINE_SEARCH_LINES))
        .find(|&j| kinds[j].is_none() && headlines.contains(&lines[j].text.trim()))
    else {
        return;
    };
    kinds[0] = Some((FurnitureKind::PageTitle, RULE_PAGE_TITLE));
    for k in 1..headline {
        if kinds[k].is_none() && is_label(&lines[k], HEADER_LABEL_MAX_CHARS) {
            kinds[k] = Some((FurnitureKind::Label, RULE_HEADER_LABEL));
        }
    }
}

/// The page's tail: from the end, as long as the lines are furniture, short labels or a list
/// of bullet headlines with their teasers; if that run holds a line that only follows an
/// article (an editor line, a related-list heading, a footer …) in the second half of the text,
/// what comes after it is set aside too.
fn mark_tail(text: &str, lines: &[Line], kinds: &mut [Option<(FurnitureKind, &'static str)>]) {
    let n = lines.len();
    let candidate = |k: usize, kinds: &[Option<(FurnitureKind, &'static str)>]| {
        kinds[k].is_some()
            || is_label(&lines[k], LABEL_MAX_CHARS)
            || is_bullet(&lines[k])
            || (k > 0
                && kinds[k - 1].is_none()
                && is_bullet(&lines[k - 1])
                && lines[k].chars <= TEASER_MAX_CHARS)
    };
    let mut start = n;
    while start > 0 && candidate(start - 1, kinds) {
        start -= 1;
    }
    let Some(end_marker) = (start..n).find(|&k| {
        kinds[k].is_some_and(|(kind, _)| kind.ends_article())
            && lines[k].range.start * 2 >= text.len()
    }) else {
        return;
    };
    for k in end_marker + 1..n {
        if kinds[k].is_some() {
            continue;
        }
        let in_list = is_bullet(&lines[k]) || (k > 0 && is_bullet(&lines[k - 1]));
        kinds[k] = Some(if in_list {
            (FurnitureKind::Related, RULE_TAIL_RELATED)
        } else {
            (FurnitureKind::Label, RULE_TAIL_LABEL)
        });
    }
}

/// The line as rules see it: spaces removed, ASCII lower-cased, full-width ASCII folded.
fn fold_into(line: &str, out: &mut Vec<char>) {
    out.clear();
    out.extend(line.chars().filter(|c| !c.is_whitespace()).map(fold));
}

fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    };
    c.to_ascii_lowercase()
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Lit(char),
    /// `*`
    Any,
    /// `?`
    One,
    /// `\d`: one or more digits.
    Digits,
    /// `{a|b}`, with the first characters of its choices (sorted), to skip quickly.
    Alt(Vec<Vec<char>>, Vec<char>),
}

impl Tok {
    /// Whether a match of this token can start with `c` (`None`: with anything).
    fn may_start(&self, c: char) -> Option<bool> {
        match self {
            Tok::Lit(l) => Some(*l == c),
            Tok::Alt(_, firsts) => Some(firsts.binary_search(&c).is_ok()),
            Tok::Digits => Some(c.is_ascii_digit()),
            Tok::Any | Tok::One => None,
        }
    }
}

#[derive(Debug)]
pub struct Rule {
    kind: FurnitureKind,
    pattern: Vec<Tok>,
    /// For every literal and choice of the pattern, the characters one of which a matching
    /// line must have: a quick test that rules out most rules for most lines.
    needs: Vec<Vec<char>>,
    max_chars: Option<usize>,
    /// The pattern as written in the file.
    text: String,
}

/// The rules of `furniture.txt`, parsed. (The word lists are sorted vectors, searched by
/// bisection: as fast here as hash sets, and less code in the .wasm.)
#[derive(Debug, Default)]
pub struct Rules {
    rules: Vec<Rule>,
    /// Channel names, folded, sorted.
    menu: Vec<Vec<char>>,
    /// Their first characters, sorted.
    menu_firsts: Vec<u32>,
    menu_max_chars: usize,
    /// One-character family names, as code points.
    surnames: Vec<u32>,
    /// Two-character family names, both code points in one number.
    double_surnames: Vec<u64>,
}

fn pair(a: char, b: char) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

/// The built-in rules (`src/data/furniture.txt`). Not inlined: its first call parses the file,
/// code the .wasm should hold once.
#[inline(never)]
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        // The file is part of the build; a test parses it and fails on any bad line.
        Rules::parse(include_str!("data/furniture.txt")).unwrap_or_default()
    })
}

impl Rules {
    /// Parse the rules file; an error names the line.
    pub fn parse(text: &str) -> Result<Rules, String> {
        let mut rules = Rules::default();
        for (number, raw) in text.lines().enumerate() {
            let line = strip_comment(raw);
            let mut fields = line.split_whitespace();
            let Some(directive) = fields.next() else {
                continue;
            };
            let error = |what: &str| format!("furniture.txt:{}: {what}: {raw}", number + 1);
            match directive {
                "menu" => {
                    for word in fields {
                        let word: Vec<char> = word.chars().map(fold).collect();
                        rules.menu_max_chars = rules.menu_max_chars.max(word.len());
                        rules.menu.push(word);
                    }
                }
                "surname" => {
                    for word in fields {
                        let chars: Vec<char> = word.chars().collect();
                        match chars.as_slice() {
                            [a, b] => rules.double_surnames.push(pair(*a, *b)),
                            _ => rules.surnames.extend(chars.iter().map(|&c| c as u32)),
                        }
                    }
                }
                name => {
                    let kind =
                        FurnitureKind::from_name(name).ok_or_else(|| error("unknown kind"))?;
                    let text = fields.next().ok_or_else(|| error("no pattern"))?;
                    let max_chars = match fields.next() {
                        None => None,
                        Some(max) => Some(max.parse().map_err(|_| error("MAX is not a number"))?),
                    };
                    if fields.next().is_some() {
                        return Err(error("more than KIND PATTERN MAX"));
                    }
                    let pattern = compile(text).map_err(|e| error(&e))?;
                    let needs = pattern
                        .iter()
                        .filter_map(|t| match t {
                            Tok::Lit(c) => Some(vec![*c]),
                            Tok::Alt(_, firsts) => Some(firsts.clone()),
                            Tok::Digits => Some(('0'..='9').collect()),
                            Tok::Any | Tok::One => None,
                        })
                        .collect();
                    rules.rules.push(Rule {
                        kind,
                        pattern,
                        needs,
                        max_chars,
                        text: text.to_string(),
                    });
                }
            }
        }
        // Sorted as strings (a sort the .wasm has anyway): the same order as the char slices.
        let mut menu: Vec<String> = rules.menu.iter().map(|w| w.iter().collect()).collect();
        menu.sort();
        rules.menu = menu.iter().map(|w| w.chars().collect()).collect();
        rules.menu_firsts = rules.menu.iter().map(|w| w[0] as u32).collect();
        rules.menu_firsts.sort_unstable();
        rules.menu_firsts.dedup();
        rules.surnames.sort_unstable();
        rules.double_surnames.sort_unstable();
        Ok(rules)
    }

    /// The first rule that matches a folded line of `chars` characters.
    fn matching(&self, folded: &[char], chars: usize) -> Option<&Rule> {
        // The line's characters, sorted (as code points: a sort the .wasm has anyway).
        let mut has: Vec<u32> = folded.iter().map(|&c| c as u32).collect();
        has.sort_unstable();
        has.dedup();
        let present = |c: &char| has.binary_search(&(*c as u32)).is_ok();
        self.rules.iter().find(|rule| {
            rule.max_chars.is_none_or(|max| chars <= max)
                && rule.needs.iter().all(|any| any.iter().any(present))
                && matches(&rule.pattern, folded)
        })
    }

    /// A navigation bar of channel names: at least 4 of them, covering 70 % of the line's
    /// characters, with nothing but separators for punctuation.
    fn is_menu_line(&self, folded: &[char]) -> bool {
        let separator = |c: char| matches!(c, '|' | '/' | '·' | '•' | '-' | '>');
        let total = folded.iter().filter(|&&c| !separator(c)).count();
        let (mut words, mut covered, mut other) = (0, 0, 0);
        let mut i = 0;
        while i < folded.len() {
            let c = folded[i];
            if separator(c) {
                i += 1;
                continue;
            }
            // Punctuation other than separators, or too much that is no channel name: not a menu.
            if !c.is_alphanumeric() || other * 10 > total * 3 {
                return false;
            }
            let starts_one = self.menu_firsts.binary_search(&(c as u32)).is_ok();
            let longest = (1..=self.menu_max_chars.min(folded.len() - i))
                .rev()
                .filter(|_| starts_one)
                .find(|&len| {
                    self.menu
                        .binary_search_by(|w| w.as_slice().cmp(&folded[i..i + len]))
                        .is_ok()
                });
            match longest {
                Some(len) => {
                    words += 1;
                    covered += len;
                    i += len;
                }
                None => {
                    other += 1;
                    i += 1;
                }
            }
        }
        words >= 4 && covered * 10 >= (covered + other) * 7
    }

    /// A lone name: 2-4 ideographs starting with a family name.
    fn is_name(&self, line: &str) -> bool {
        let chars: Vec<char> = line.trim().chars().collect();
        if !(2..=4).contains(&chars.len()) || !chars.iter().all(|&c| is_ideograph(c)) {
            return false;
        }
        (chars.len() >= 3
            && self
                .double_surnames
                .binary_search(&pair(chars[0], chars[1]))
                .is_ok())
            || self.surnames.binary_search(&(chars[0] as u32)).is_ok()
    }
}

/// A line without its comment: `#` at the start, or after a space or tab; `\#` stays.
fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') {
            return &line[..i];
        }
    }
    line
}

fn compile(pattern: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        out.push(match c {
            '*' => Tok::Any,
            '?' => Tok::One,
            '\\' => match chars.next() {
                Some('d') => Tok::Digits,
                Some(c) => Tok::Lit(fold(c)),
                None => return Err("a pattern ends with \\".into()),
            },
            '{' => {
                let mut options = vec![Vec::new()];
                loop {
                    match chars.next() {
                        None => return Err("{ without }".into()),
                        Some('}') => break,
                        Some('|') => options.push(Vec::new()),
                        Some('\\') => {
                            let c = chars.next().ok_or("a pattern ends with \\")?;
                            options.last_mut().expect("one option").push(fold(c));
                        }
                        Some(c) => options.last_mut().expect("one option").push(fold(c)),
                    }
                }
                if options.iter().any(Vec::is_empty) {
                    return Err("an empty choice in {…}".into());
                }
                let mut firsts: Vec<char> = options.iter().map(|o| o[0]).collect();
                firsts.sort_unstable();
                firsts.dedup();
                Tok::Alt(options, firsts)
            }
            c => Tok::Lit(fold(c)),
        });
    }
    Ok(out)
}

fn matches(pattern: &[Tok], s: &[char]) -> bool {
    match pattern.split_first() {
        None => s.is_empty(),
        // `*` then something that starts with known characters: try only where one is.
        Some((Tok::Any, rest)) => match rest.first() {
            None => true,
            Some(next) => (0..=s.len()).any(|i| {
                s.get(i).is_none_or(|&c| next.may_start(c).unwrap_or(true))
                    && matches(rest, &s[i..])
            }),
        },
        Some((Tok::One, rest)) => !s.is_empty() && matches(rest, &s[1..]),
        Some((Tok::Lit(c), rest)) => s.first() == Some(c) && matches(rest, &s[1..]),
        Some((Tok::Digits, rest)) => {
            let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
            (1..=n).any(|k| matches(rest, &s[k..]))
        }
        Some((Tok::Alt(options, _), rest)) => options
            .iter()
            .any(|o| s.starts_with(o) && matches(rest, &s[o.len()..])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, FurnitureKind)> {
        anatomy(text)
            .furniture
            .iter()
            .map(|f| (text[f.range.clone()].to_string(), f.kind))
            .collect()
    }

    fn is_match(pattern: &str, line: &str) -> bool {
        let mut folded = Vec::new();
        fold_into(line, &mut folded);
        matches(&compile(pattern).unwrap(), &folded)
    }

    #[test]
    fn the_rules_file_parses() {
        let rules = Rules::parse(include_str!("data/furniture.txt")).unwrap();
        assert!(rules.rules.len() > 40, "{}", rules.rules.len());
        let menu = |w: &str| rules.menu.contains(&w.chars().collect::<Vec<char>>());
        assert!(menu("首页") && menu("english"));
        assert!(rules.is_name("王晓峰") && rules.is_name("付子豪") && rules.is_name("欧阳修"));
        assert!(!rules.is_name("中工理论") && !rules.is_name("王") && !rules.is_name("王2"));
    }

    #[test]
    fn bad_rules_name_their_line() {
        for (text, what) in [
            ("nonsense  编辑:*", "unknown kind"),
            ("editor", "no pattern"),
            ("editor  {编辑", "{ without }"),
            ("editor  {编辑|}", "empty choice"),
            ("editor  编辑 many", "MAX is not a number"),
        ] {
            let error = Rules::parse(&format!("# a comment\n{text}\n")).unwrap_err();
            assert!(error.contains(what) && error.contains(":2:"), "{error}");
        }
    }

    #[test]
    fn patterns() {
        assert!(is_match("编辑:*", "编辑：迟语洋"));
        assert!(is_match("编辑:*", "编辑:迟语洋"));
        assert!(!is_match("编辑:*", "主编辑:迟语洋"));
        assert!(is_match("*icp{备|证}*", "京ICP备12345678号-1"));
        assert!(is_match("{阅读|浏览}:\\d*", "浏览： 1234 次"));
        assert!(!is_match("{阅读|浏览}:\\d*", "浏览：很多次"));
        assert!(is_match("a?c", "abc") && !is_match("a?c", "ac"));
        assert!(is_match("\\*\\{x\\}", "*{x}"));
        assert!(is_match(
            "*copyright*",
            "Copyright © 2008-2022 by www.workercn.cn"
        ));
        assert_eq!(strip_comment("editor  a\\#b  # note"), "editor  a\\#b  ");
    }

    #[test]
    fn menu_lines_are_navigation() {
        let rules = rules();
        let menu = |line: &str| {
            let mut folded = Vec::new();
            fold_into(line, &mut folded);
            rules.is_menu_line(&folded)
        };
        assert!(menu("首页学习时政看点工事全总工会评论权益视频财经企业就业民生国际军事理论汽车健康人物书画摄影旅行文化公益教育娱乐体育"));
        assert!(menu("首页 | 新闻 | 图片 | 视频 | 评论"));
        assert!(!menu("教育 科技 文化"), "three words are not a menu");
        assert!(!menu("经济、政治、文化、社会、生态"));
        assert!(!menu("大力弘扬劳模精神劳动精神工匠精神"));
    }

    #[test]
    fn a_web_page_keeps_its_article() {
        let text = [
            "劳模精神代代相传-中工理论-中工网",
            "首页 | 新闻 | 图片 | 视频 | 评论",
            "中工理论",
            "劳模精神代代相传",
            "王晓峰",
            "2020-11-26 08:27:11 来源:中工网-工人日报",
            "有幸在现场聆听了习近平总书记的重要讲话,深受教育、倍感振奋。感受最深的一点是,总书记讲话篇幅不长却字字千钧。",
            "下一步,我们将认真贯彻落实习近平总书记重要讲话精神,按照全总统一部署,着力做好以下工作,这是后面的话。",
            "编辑:迟语洋",
            "相关新闻",
            "• 团结动员亿万职工建功新征程",
            "我们要认真学习宣传贯彻习近平总书记重要讲话精神,团结动员亿万职工。",
            "专家学者",
            "京ICP备12345678号",
            "扫码关注",
            "×",
        ]
        .join("\n");
        let a = anatomy(&text);
        let kept: Vec<&str> = text
            .split('\n')
            .enumerate()
            .filter(|(i, _)| !a.furniture.iter().any(|f| f.line as usize == *i))
            .map(|(_, l)| l)
            .collect();
        assert_eq!(kept.len(), 3, "{kept:#?}");
        assert_eq!(kept[0], "劳模精神代代相传");
        assert_eq!(
            text.split('\n').nth(a.first_body_line.unwrap() as usize),
            Some("劳模精神代代相传")
        );
        assert_eq!(a.date.unwrap().to_string(), "2020-11-26");
        assert_eq!(a.source.as_deref(), Some("中工网-工人日报"));
        assert_eq!(a.author.as_deref(), Some("王晓峰"));
        let k = kinds(&text);
        assert_eq!(k[0].1, FurnitureKind::PageTitle);
        assert_eq!(k[1].1, FurnitureKind::Navigation);
        assert_eq!(k[2], ("中工理论".into(), FurnitureKind::Label));
        assert!(k.contains(&("王晓峰".into(), FurnitureKind::Byline)));
        assert!(k.contains(&("编辑:迟语洋".into(), FurnitureKind::Editor)));
        assert!(k.contains(&(
            "• 团结动员亿万职工建功新征程".into(),
            FurnitureKind::Related
        )));
        assert!(k.contains(&("专家学者".into(), FurnitureKind::Label)));
        assert!(k.contains(&("×".into(), FurnitureKind::Symbols)));
    }

    #[test]
    fn plain_text_keeps_everything() {
        let text = "大力弘扬劳模精神劳动精神工匠精神\n全国总工会组织部 付子豪\n习近平总书记指出,在长期实践中,我国工人阶级和广大劳动群众大力弘扬劳模精神。\n编者按\n专家学者";
        assert_eq!(anatomy(text).furniture, []);
        assert_eq!(anatomy(text).author, None);
        // A short list at the end with no article-ending line before it is content.
        let list = "获奖名单如下，这是一段很长很长的正文，说明了评选的经过和结果，共有三位同志获奖。\n张三\n李四\n王五";
        assert_eq!(anatomy(list).furniture, []);
    }

    #[test]
    fn a_name_under_the_title_is_the_author() {
        let a = anatomy("弘扬劳模精神\n徐留平\n这是正文的第一段，很长很长，讲了很多道理，也讲了很多故事，大家都很感动，这是真的。");
        assert_eq!(a.author.as_deref(), Some("徐留平"));
        assert_eq!(a.furniture, [], "the name stays: it may be content");
    }

    #[test]
    fn a_date_alone_is_a_byline_only_in_the_header() {
        let body =
            "这是正文的第一段，很长很长，讲了很多道理，也讲了很多故事，大家都很感动，这是真的。";
        let a = anatomy(&format!("标题\n2024年5月1日\n{body}\n二〇二四年五月二日"));
        assert_eq!(a.date.unwrap().to_string(), "2024-05-01");
        assert_eq!(a.furniture.len(), 1);
        let a = anatomy(&format!("标题\n{body}\n二〇二四年五月二日"));
        assert_eq!(
            a.date.unwrap().to_string(),
            "2024-05-02",
            "the date it was signed"
        );
        assert_eq!(a.furniture, [], "a closing date line is content");
        let a = anatomy(&format!(
            "标题\n{body}\n2024年5月2日\n{body}\n{body}\n{body}"
        ));
        assert_eq!(
            (a.date, a.furniture.len()),
            (None, 0),
            "a date inside is neither"
        );
    }
}
