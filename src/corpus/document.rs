//! One document: its cleaned text, segmented once into compact tokens (word id + byte
//! offset) grouped by sentence, and its word counts; its anatomy (the lines set aside as page
//! furniture) and its metadata (date, source, author, groups).
//!
//! A traditional-script document is segmented through its simplified conversion (when the
//! script tables are loaded): the words are simplified, their offsets the original's, so that
//! contexts show the document's own characters. Numbers jieba cuts apart come back whole, and
//! every word gets posseg's tag for where it stands (see `crate::segment`).

use super::vocabulary::Vocabulary;
use crate::anatomy::{Anatomy, Furniture, FurnitureKind};
use crate::clean::sentences;
use crate::metadata::{
    file_name_date, file_time_date, normalise_group, path_group, user_date, DateSource,
};
use crate::numbers;
use crate::script::{Converted, Script, ScriptData, Variant};
use crate::segment::{Segmenter, NUMBER_TAG};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::hash::Hasher;
use std::ops::Range;

/// Longest title kept, in characters.
const TITLE_MAX_CHARS: usize = 40;
/// Progress is reported after about this many bytes of text are segmented.
const PROGRESS_STEP_BYTES: usize = 256 * 1024;

/// A token: a vocabulary id and where it starts in the document's cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub word: u32,
    pub start: u32,
}

/// One document of the corpus.
#[derive(Debug)]
pub struct Document {
    pub id: u32,
    pub name: String,
    pub title: String,
    pub encoding: String,
    pub bytes: u64,
    /// The cleaned text that tokens point into.
    pub text: String,
    pub chars: u32,
    pub tokens: Vec<Token>,
    /// Index of each sentence's first token, with `tokens.len()` at the end.
    pub sentence_starts: Vec<u32>,
    /// (word id, count) for every word of the body (the lines not set aside), by word id.
    pub counts: Vec<(u32, u32)>,
    /// Tokens of the body that are not whitespace.
    pub token_count: u32,
    /// (word id, count) of the lines set aside, by word id.
    pub furniture_counts: Vec<(u32, u32)>,
    /// Tokens of the lines set aside that are not whitespace.
    pub furniture_token_count: u32,
    /// Token index ranges of the body's sentences, merged, in order.
    pub body_spans: Vec<Range<u32>>,
    /// The lines set aside as page furniture, in text order.
    pub furniture: Vec<Furniture>,
    /// A hash of `text`, for exact duplicates.
    pub content_hash: u64,
    /// Where the file came from, as given.
    pub path: Option<String>,
    pub meta: Metadata,
    /// The script the text is written in.
    pub script: Script,
    /// The Taiwan/Hong Kong/standard forms of a traditional document that was converted.
    pub variant: Option<Variant>,
    /// End offsets of the tokens whose span in `text` is not their word's length (a number in
    /// full-width form, a conversion that changed the length), by start offset.
    pub spans: FxHashMap<u32, u32>,
}

/// What is known about a document besides its text; every field can be edited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// "YYYY-MM-DD" (or "YYYY-MM", "YYYY" when a person said so).
    pub date: Option<String>,
    pub date_source: Option<DateSource>,
    pub source: Option<String>,
    pub author: Option<String>,
    /// Sorted, without repeats.
    pub groups: Vec<String>,
    /// Count the lines set aside as if they were the body.
    pub count_furniture: bool,
}

/// Where a file came from: its path inside what was dropped, and when it was last modified.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct FileOrigin {
    /// "新闻/2023/上海/a.txt": the folders are the document's group, the file name may hold a date.
    #[cfg_attr(test, ts(optional = nullable))]
    pub path: Option<String>,
    /// Milliseconds since 1970 UTC (JS `File.lastModified`): the date of last resort.
    #[cfg_attr(test, ts(optional = nullable))]
    pub modified: Option<f64>,
    /// Minutes east of UTC of the person's clock (`-new Date(modified).getTimezoneOffset()`).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub utc_offset_minutes: i32,
}

/// A change of metadata for one or many documents; a field left out is left alone.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct MetadataPatch {
    #[cfg_attr(test, ts(optional = nullable))]
    pub title: Option<String>,
    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY"; null = no date.
    #[cfg_attr(test, ts(as = "Option<String>", optional = nullable))]
    pub date: Edit<String>,
    #[cfg_attr(test, ts(as = "Option<String>", optional = nullable))]
    pub source: Edit<String>,
    #[cfg_attr(test, ts(as = "Option<String>", optional = nullable))]
    pub author: Edit<String>,
    /// Replace the groups.
    #[cfg_attr(test, ts(optional = nullable))]
    pub groups: Option<Vec<String>>,
    /// Then add these …
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub add_groups: Vec<String>,
    /// … and remove these.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub remove_groups: Vec<String>,
    #[cfg_attr(test, ts(optional = nullable))]
    pub count_furniture: Option<bool>,
}

/// A field of a patch: left out (keep the value), or there, as a value or as null (clear it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Edit<T> {
    #[default]
    Keep,
    Set(Option<T>),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Edit<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Called only for a field that is there (`serde(default)` covers the rest).
        Option::<T>::deserialize(deserializer).map(Edit::Set)
    }
}

impl MetadataPatch {
    /// The patch with its values as stored (dates, groups), or the first that is not valid.
    pub fn validated(&self) -> crate::error::Result<MetadataPatch> {
        let bad = |option: &'static str, value: &str| crate::error::Error::BadOption {
            option,
            value: value.to_string(),
        };
        let date = match &self.date {
            Edit::Set(Some(date)) => {
                Edit::Set(Some(user_date(date).ok_or_else(|| bad("date", date))?))
            }
            other => other.clone(),
        };
        let groups = |list: &[String]| -> crate::error::Result<Vec<String>> {
            list.iter()
                .map(|g| normalise_group(g).ok_or_else(|| bad("groups", g)))
                .collect()
        };
        let text = |value: &Edit<String>| match value {
            Edit::Keep => Edit::Keep,
            Edit::Set(v) => Edit::Set(
                v.as_deref()
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_string),
            ),
        };
        Ok(MetadataPatch {
            title: self.title.as_deref().map(|t| t.trim().to_string()),
            date,
            source: text(&self.source),
            author: text(&self.author),
            groups: self.groups.as_deref().map(groups).transpose()?,
            add_groups: groups(&self.add_groups)?,
            remove_groups: groups(&self.remove_groups)?,
            count_furniture: self.count_furniture,
        })
    }
}

/// What the page's document list shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DocumentInfo {
    pub id: u32,
    pub name: String,
    pub title: String,
    pub encoding: String,
    pub bytes: u64,
    /// Characters, tokens and sentences of the whole cleaned text (furniture included).
    pub chars: u32,
    pub tokens: u32,
    pub sentences: u32,
    pub path: Option<String>,
    pub date: Option<String>,
    pub date_source: Option<DateSource>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub groups: Vec<String>,
    pub count_furniture: bool,
    pub furniture_lines: u32,
    pub furniture_chars: u32,
    /// The first document (in the order added) with the same cleaned text.
    pub duplicate_of: Option<u32>,
    /// The script the document is written in ("simplified" | "traditional").
    pub script: Script,
    /// Whether a traditional document was counted through its simplified form (false until
    /// the script tables are loaded: `Analyzer::set_script_data`).
    pub converted: bool,
}

/// A line set aside, as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FurnitureLine {
    /// Index of the line in the cleaned text.
    pub line: u32,
    /// Character offsets of the line in the cleaned text.
    pub start: u32,
    pub end: u32,
    pub kind: FurnitureKind,
    pub rule: String,
    pub text: String,
}

impl Document {
    /// A document of cleaned `text`, not segmented yet, with its anatomy read from it.
    #[cfg(test)]
    pub fn new(id: u32, name: &str, encoding: &str, bytes: u64, text: String) -> Document {
        let anatomy = crate::anatomy::anatomy(&text);
        Document::with_anatomy(id, name, encoding, bytes, text, anatomy)
    }

    /// A document of cleaned `text` and its anatomy (lines set aside; the title is the first
    /// line of the body; date, source and author from the byline), not segmented yet.
    pub fn with_anatomy(
        id: u32,
        name: &str,
        encoding: &str,
        bytes: u64,
        text: String,
        anatomy: Anatomy,
    ) -> Document {
        let first = anatomy.first_body_line.unwrap_or(0) as usize;
        let title_line = text.split('\n').nth(first).unwrap_or("");
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(text.as_bytes());
        let meta = Metadata {
            date_source: anatomy.date.map(|_| DateSource::Text),
            date: anatomy.date.map(|d| d.to_string()),
            source: anatomy.source,
            author: anatomy.author,
            ..Metadata::default()
        };
        Document {
            id,
            name: name.to_string(),
            title: title_of(title_line),
            encoding: encoding.to_string(),
            bytes,
            chars: text.chars().count() as u32,
            content_hash: hasher.finish(),
            text,
            tokens: Vec::new(),
            sentence_starts: Vec::new(),
            counts: Vec::new(),
            token_count: 0,
            furniture_counts: Vec::new(),
            furniture_token_count: 0,
            body_spans: Vec::new(),
            furniture: anatomy.furniture,
            path: None,
            meta,
            script: Script::Simplified,
            variant: None,
            spans: FxHashMap::default(),
        }
    }

    /// Take an anatomy read again (a traditional document's, on its simplified form, once the
    /// script tables came): its lines set aside, the title when it was the first line of the
    /// body, and the date, source and author the text had not given before.
    pub fn reread_anatomy(&mut self, anatomy: Anatomy) {
        let first_body_line = |furniture: &[Furniture]| {
            let mut line = 0;
            for f in furniture {
                if f.line != line {
                    break;
                }
                line += 1;
            }
            line as usize
        };
        let title_then = title_of(
            self.text
                .split('\n')
                .nth(first_body_line(&self.furniture))
                .unwrap_or(""),
        );
        if self.title == title_then {
            let first = anatomy.first_body_line.unwrap_or(0) as usize;
            self.title = title_of(self.text.split('\n').nth(first).unwrap_or(""));
        }
        // The text's date wins over the file's, as when a document is added.
        let weaker = !matches!(
            self.meta.date_source,
            Some(DateSource::User | DateSource::Text)
        );
        if let Some(date) = anatomy.date.filter(|_| weaker) {
            self.meta.date = Some(date.to_string());
            self.meta.date_source = Some(DateSource::Text);
        }
        if self.meta.source.is_none() {
            self.meta.source = anatomy.source;
        }
        if self.meta.author.is_none() {
            self.meta.author = anatomy.author;
        }
        self.furniture = anatomy.furniture;
    }

    /// Whether the document waits for the script tables to be counted with the others.
    pub fn needs_script_data(&self) -> bool {
        self.script == Script::Traditional && self.variant.is_none()
    }

    /// Take what the file's origin says: the group from its folders; the date from its name,
    /// else from its modification time, when the text had none.
    pub fn set_origin(&mut self, origin: &FileOrigin) {
        self.path = origin.path.clone();
        if let Some(group) = origin.path.as_deref().and_then(path_group) {
            self.meta.groups = vec![group];
        }
        if self.meta.date.is_some() {
            return;
        }
        let file_name = origin.path.as_deref().unwrap_or(&self.name);
        let (date, source) = match file_name_date(file_name) {
            Some(date) => (Some(date), DateSource::FileName),
            None => (
                origin
                    .modified
                    .and_then(|ms| file_time_date(ms, origin.utc_offset_minutes)),
                DateSource::FileTime,
            ),
        };
        if let Some(date) = date {
            self.meta.date = Some(date.to_string());
            self.meta.date_source = Some(source);
        }
    }

    /// Apply a patch made by [`MetadataPatch::validated`]; returns whether what counts changed.
    pub fn apply(&mut self, patch: &MetadataPatch) -> bool {
        if let Some(title) = &patch.title {
            self.title = title.clone();
        }
        if let Edit::Set(date) = &patch.date {
            self.meta.date = date.clone();
            self.meta.date_source = date.as_ref().map(|_| DateSource::User);
        }
        if let Edit::Set(source) = &patch.source {
            self.meta.source = source.clone();
        }
        if let Edit::Set(author) = &patch.author {
            self.meta.author = author.clone();
        }
        let groups = &mut self.meta.groups;
        if let Some(replace) = &patch.groups {
            groups.clone_from(replace);
        }
        groups.extend(patch.add_groups.iter().cloned());
        groups.retain(|g| !patch.remove_groups.contains(g));
        groups.sort();
        groups.dedup();
        match patch.count_furniture {
            Some(on) if on != self.meta.count_furniture => {
                self.meta.count_furniture = on;
                true
            }
            _ => false,
        }
    }

    /// Characters of the lines set aside.
    pub fn furniture_chars(&self) -> u32 {
        self.furniture
            .iter()
            .map(|f| self.text[f.range.clone()].chars().count() as u32)
            .sum()
    }

    /// The lines set aside, with character offsets.
    pub fn furniture_lines(&self) -> Vec<FurnitureLine> {
        let mut chars_before = 0u32;
        let mut last_byte = 0usize;
        self.furniture
            .iter()
            .map(|f| {
                chars_before += self.text[last_byte..f.range.start].chars().count() as u32;
                let line = &self.text[f.range.clone()];
                let len = line.chars().count() as u32;
                last_byte = f.range.end;
                let start = chars_before;
                chars_before += len;
                FurnitureLine {
                    line: f.line,
                    start,
                    end: start + len,
                    kind: f.kind,
                    rule: f.rule.to_string(),
                    text: line.to_string(),
                }
            })
            .collect()
    }

    /// Byte ranges of the text that counts: all of it when the document's furniture is counted,
    /// else the text between the lines set aside.
    pub fn counted_text(&self) -> Vec<Range<usize>> {
        if self.meta.count_furniture || self.furniture.is_empty() {
            return std::iter::once(0..self.text.len()).collect();
        }
        let mut out = Vec::with_capacity(self.furniture.len() + 1);
        let mut at = 0;
        for f in &self.furniture {
            if f.range.start > at {
                out.push(at..f.range.start);
            }
            at = f.range.end;
        }
        if at < self.text.len() {
            out.push(at..self.text.len());
        }
        out
    }

    pub fn sentence_count(&self) -> usize {
        self.sentence_starts.len().saturating_sub(1)
    }

    /// Byte range of a token in `text`.
    pub fn token_range(&self, token: Token, vocab: &Vocabulary) -> Range<usize> {
        let start = token.start as usize;
        match self.spans.get(&token.start) {
            Some(&end) => start..end as usize,
            None => start..start + vocab.word(token.word).len(),
        }
    }

    /// What the document list shows; `duplicate_of` is the corpus's to know.
    pub fn info(&self, duplicate_of: Option<u32>) -> DocumentInfo {
        DocumentInfo {
            id: self.id,
            name: self.name.clone(),
            title: self.title.clone(),
            encoding: self.encoding.clone(),
            bytes: self.bytes,
            chars: self.chars,
            tokens: self.token_count + self.furniture_token_count,
            sentences: self.sentence_count() as u32,
            path: self.path.clone(),
            date: self.meta.date.clone(),
            date_source: self.meta.date_source,
            source: self.meta.source.clone(),
            author: self.meta.author.clone(),
            groups: self.meta.groups.clone(),
            count_furniture: self.meta.count_furniture,
            furniture_lines: self.furniture.len() as u32,
            furniture_chars: self.furniture_chars(),
            duplicate_of,
            script: self.script,
            converted: self.variant.is_some(),
        }
    }

    /// (Re-)segment the text: tokens, sentence starts and counts, new words interned into
    /// `vocab`. A traditional document goes through its simplified form when `script` is
    /// given. `counter` is scratch space, indexed by word id and all zero between calls.
    pub fn segment(
        &mut self,
        segmenter: &Segmenter,
        script: Option<&ScriptData>,
        vocab: &mut Vocabulary,
        counter: &mut Vec<u32>,
        progress: &mut dyn FnMut(f64),
    ) {
        let converted = match script {
            Some(data) if self.script == Script::Traditional => {
                self.variant = Some(data.variant(&self.text));
                Some((data, data.to_simplified(&self.text)))
            }
            _ => {
                self.variant = None;
                None
            }
        };
        let words = Words {
            segmenter,
            regional: converted
                .as_ref()
                .zip(self.variant)
                .map(|((data, _), variant)| (*data, variant)),
        };
        let text = converted.as_ref().map_or(&*self.text, |(_, c)| &*c.text);
        let (mut cuts, mut sentence_starts) = match segment_by_line(&words, vocab, text, progress) {
            Some(segmented) => segmented,
            None => segment_by_sentence(&words, vocab, text, progress),
        };
        if let Some((_, c)) = &converted {
            map_to_original(c, vocab, segmenter, &mut cuts, &mut sentence_starts);
        }
        // The old tokens go before the counting: a re-segmented document holds one set.
        self.tokens = Vec::new();
        let (tokens, spans) = cuts.finish();
        self.spans = spans;
        // Tokens are at the original's offsets now, where the lines set aside are.
        let body_spans = body_spans(&tokens, &sentence_starts, &self.furniture);
        let (counts, token_count) = count_words(
            body_spans
                .iter()
                .flat_map(|s| &tokens[s.start as usize..s.end as usize]),
            vocab,
            counter,
        );
        let (furniture_counts, furniture_token_count) = count_words(
            gaps(&body_spans, tokens.len() as u32).flat_map(|s| &tokens[s]),
            vocab,
            counter,
        );
        self.tokens = tokens;
        self.sentence_starts = sentence_starts;
        self.counts = counts;
        self.token_count = token_count;
        self.furniture_counts = furniture_counts;
        self.furniture_token_count = furniture_token_count;
        self.body_spans = body_spans;
        progress(1.0);
    }
}

/// Token index ranges of the sentences outside the lines set aside, merged. A sentence is
/// placed by its first token (the text segmented may be a conversion; the tokens' offsets are
/// the document's own).
fn body_spans(
    tokens: &[Token],
    sentence_starts: &[u32],
    furniture: &[Furniture],
) -> Vec<Range<u32>> {
    let mut spans: Vec<Range<u32>> = Vec::new();
    let mut f = 0;
    for w in sentence_starts.windows(2) {
        let tokens_of_sentence = w[0]..w[1];
        let Some(first) = tokens.get(w[0] as usize).filter(|_| w[0] < w[1]) else {
            continue;
        };
        let at = first.start as usize;
        while f < furniture.len() && furniture[f].range.end <= at {
            f += 1;
        }
        // Sentences never cross a line, so a sentence is in a line set aside or outside all.
        let set_aside = furniture.get(f).is_some_and(|line| line.range.start <= at);
        if set_aside {
            continue;
        }
        match spans.last_mut() {
            Some(last) if last.end == tokens_of_sentence.start => last.end = tokens_of_sentence.end,
            _ => spans.push(tokens_of_sentence),
        }
    }
    spans
}

/// The token ranges between `spans` (sorted, disjoint) in 0..len.
pub fn gaps(spans: &[Range<u32>], len: u32) -> impl Iterator<Item = Range<usize>> + '_ {
    let starts = std::iter::once(0).chain(spans.iter().map(|s| s.end));
    let ends = spans.iter().map(|s| s.start).chain(std::iter::once(len));
    starts
        .zip(ends)
        .filter(|(a, b)| a < b)
        .map(|(a, b)| a as usize..b as usize)
}

/// A token while segmenting: an entry and its byte range, and whether that range is as long as
/// the entry's word (most are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cut {
    word: u32,
    start: u32,
    end: u32,
    fits: bool,
}

/// The tokens of a document as they are kept: compact tokens, and the ends of the few whose
/// range is not their word's length. Collected straight into that form, with no list of
/// [`Cut`]s (12 bytes a token) on the way, which for a 100 MB file was 300 MB more at the peak.
#[derive(Debug, Default, PartialEq)]
struct Cuts {
    tokens: Vec<Token>,
    spans: FxHashMap<u32, u32>,
    /// Bytes of the text being segmented, for the estimate of how many tokens it has.
    text_bytes: usize,
}

/// The text first segmented into room for a token every 4 bytes (more than Chinese text
/// needs), before the room for the rest is estimated from it.
const SAMPLE_BYTES: usize = 1 << 20;

impl Cuts {
    /// Room for the tokens of the first [`SAMPLE_BYTES`] of `text_bytes` of text; `push` makes
    /// room for the rest from the tokens a byte found by then. Room for a token every 4
    /// bytes of the whole (a token is 8 bytes) would be twice the text: for a 100 MB file,
    /// ~60 MB more at the peak than the tokens need (`finish` gave it back only afterwards).
    fn for_text(text_bytes: usize) -> Cuts {
        Cuts {
            tokens: Vec::with_capacity(text_bytes.min(SAMPLE_BYTES) / 4 + 1),
            spans: FxHashMap::default(),
            text_bytes,
        }
    }

    /// Room for the tokens of the text from byte `at` on (where the next token starts), at
    /// the rate of tokens per byte so far and 1/32 more; never less than 1/8 of what is kept,
    /// so that a text denser in tokens further on is not copied token by token.
    fn make_room(&mut self, at: usize) {
        let len = self.tokens.len();
        let rest = self.text_bytes.saturating_sub(at) as u64;
        let estimate = (rest * len as u64 / at.max(1) as u64) * 33 / 32;
        self.tokens
            .reserve_exact((estimate as usize).max(len / 8).max(1024));
    }

    fn len(&self) -> usize {
        self.tokens.len()
    }

    fn push(&mut self, cut: Cut) {
        if self.tokens.len() == self.tokens.capacity() {
            self.make_room(cut.start as usize);
        }
        self.tokens.push(Token {
            word: cut.word,
            start: cut.start,
        });
        if !cut.fits {
            self.spans.insert(cut.start, cut.end);
        }
    }

    /// Where token `i` ends.
    fn end(&self, i: usize, vocab: &Vocabulary) -> u32 {
        let t = self.tokens[i];
        match self.spans.get(&t.start) {
            Some(&end) => end,
            None => t.start + vocab.word(t.word).len() as u32,
        }
    }

    /// The tokens, without the room left over (given back in place: no copy), and the spans.
    fn finish(mut self) -> (Vec<Token>, FxHashMap<u32, u32>) {
        self.tokens.shrink_to_fit();
        (self.tokens, self.spans)
    }
}

/// What segmenting a text needs besides the text: the segmenter, and for a converted
/// Taiwan/Hong Kong document the tables of its regional words.
struct Words<'a> {
    segmenter: &'a Segmenter,
    regional: Option<(&'a ScriptData, Variant)>,
}

impl Words<'_> {
    /// The tokens of `text` (a line or a sentence, starting at byte `base` of the document):
    /// jieba's words, posseg's tags, numbers whole, regional words as the mainland's.
    fn cut(&self, vocab: &mut Vocabulary, text: &str, base: usize, mut emit: impl FnMut(Cut)) {
        let mut ranges = Vec::new();
        self.segmenter.cut_ranges(text, &mut ranges);
        let ids: Vec<u32> = ranges
            .iter()
            .map(|r| vocab.intern(&text[r.clone()], self.segmenter))
            .collect();
        let mut tags: Vec<Option<&str>> = vec![None; ranges.len()];
        self.segmenter
            .retag(text, &ranges, |k| vocab.is_route_word(ids[k]), &mut tags);
        let numbers = numbers::find(text, &ranges);
        let mut next_number = numbers.iter().peekable();
        let mut k = 0;
        while k < ranges.len() {
            if let Some(n) = next_number.next_if(|n| n.tokens.start == k) {
                let id = vocab.intern(&n.word, self.segmenter);
                let (start, end) = (base + ranges[k].start, base + ranges[n.tokens.end - 1].end);
                emit(Cut {
                    word: vocab.with_tag(id, NUMBER_TAG),
                    start: start as u32,
                    end: end as u32,
                    fits: end - start == n.word.len(),
                });
                k = n.tokens.end;
                continue;
            }
            let regional = self
                .regional
                .and_then(|(data, variant)| data.regional_word(vocab.word(ids[k]), variant));
            let word = match (regional, tags[k]) {
                (Some(mainland), _) => vocab.intern(mainland, self.segmenter),
                (None, Some(tag)) => vocab.with_tag(ids[k], tag),
                (None, None) => ids[k],
            };
            emit(Cut {
                word,
                start: (base + ranges[k].start) as u32,
                end: (base + ranges[k].end) as u32,
                fits: ranges[k].len() == vocab.word(word).len(),
            });
            k += 1;
        }
    }
}

/// Offsets of the converted text back to the original's. A boundary that falls inside a
/// stretch the conversion changed the length of has no counterpart there: the tokens on
/// either side of it become one.
fn map_to_original(
    converted: &Converted,
    vocab: &mut Vocabulary,
    segmenter: &Segmenter,
    cuts: &mut Cuts,
    sentence_starts: &mut [u32],
) {
    if converted.keeps_offsets() {
        return;
    }
    let mut out: Vec<Cut> = Vec::with_capacity(cuts.len());
    let mut removed_before = vec![0u32; cuts.len() + 1];
    let mut removed = 0;
    for (i, removed_before) in removed_before.iter_mut().take(cuts.len()).enumerate() {
        let t = cuts.tokens[i];
        let t_end = cuts.end(i, vocab);
        *removed_before = removed;
        let start = converted.original(t.start as usize);
        let end = converted.original(t_end as usize);
        match (start, out.last_mut()) {
            (None, Some(previous)) => {
                let joined = format!("{}{}", vocab.word(previous.word), vocab.word(t.word));
                previous.word = vocab.intern(&joined, segmenter);
                if let Some(end) = end {
                    previous.end = end as u32;
                }
                removed += 1;
            }
            _ => out.push(Cut {
                word: t.word,
                start: start.unwrap_or(0) as u32,
                end: end.map_or(t_end, |e| e as u32),
                fits: false,
            }),
        }
    }
    removed_before[cuts.len()] = removed;
    for s in sentence_starts.iter_mut() {
        *s -= removed_before[*s as usize];
    }
    // An end that fell inside a changed stretch ends where the next token starts.
    for i in 0..out.len().saturating_sub(1) {
        out[i].end = out[i].end.min(out[i + 1].start).max(out[i].start);
    }
    let mut mapped = Cuts {
        tokens: Vec::with_capacity(out.len()),
        spans: FxHashMap::default(),
        text_bytes: cuts.text_bytes,
    };
    for mut cut in out {
        cut.fits = (cut.end - cut.start) as usize == vocab.word(cut.word).len();
        mapped.push(cut);
    }
    *cuts = mapped;
}

/// Tokens and sentence starts, jieba run once per line (paragraph) rather than once per
/// sentence: fewer, longer calls. The same tokens as [`segment_by_sentence`], because jieba's
/// blocks never cross a sentence end (every end is at punctuation, or a `.` before a space,
/// where a block ends); the tokens between sentences (spaces) are left out, as sentences are
/// trimmed. Should a token ever cross a sentence end, returns `None` and the caller segments
/// sentence by sentence instead.
///
/// Sentences are found line by line (they never cross one), so that a large text's sentences
/// are never all listed at once (16 bytes each: 11 MB for 100 MB of text, at the peak).
fn segment_by_line(
    words: &Words,
    vocab: &mut Vocabulary,
    text: &str,
    progress: &mut dyn FnMut(f64),
) -> Option<(Cuts, Vec<u32>)> {
    let mut tokens = Cuts::for_text(text.len());
    let mut sentence_starts = Vec::new();
    let mut sentences_before = 0; // in the lines before this one
    let mut line_start = 0;
    let mut next_report = PROGRESS_STEP_BYTES;
    let mut crossed = false;
    for line in text.split('\n') {
        let ranges = sentences(line);
        let mut sentence = 0; // the first sentence that does not end before the current token
        words.cut(vocab, line, line_start, |cut| {
            let (at, end) = (
                cut.start as usize - line_start,
                cut.end as usize - line_start,
            );
            while sentence < ranges.len() && ranges[sentence].end <= at {
                sentence += 1;
            }
            let Some(range) = ranges.get(sentence) else {
                return; // trailing space
            };
            if at < range.start {
                return; // space between sentences
            }
            if end > range.end {
                crossed = true;
                return;
            }
            while sentence_starts.len() <= sentences_before + sentence {
                sentence_starts.push(tokens.len() as u32);
            }
            tokens.push(cut);
        });
        if crossed {
            return None;
        }
        sentences_before += ranges.len();
        line_start += line.len() + 1;
        if line_start >= next_report && line_start < text.len() {
            progress(line_start as f64 / text.len() as f64);
            next_report = line_start + PROGRESS_STEP_BYTES;
        }
    }
    while sentence_starts.len() <= sentences_before {
        sentence_starts.push(tokens.len() as u32);
    }
    sentence_starts.shrink_to_fit();
    Some((tokens, sentence_starts))
}

/// Tokens and sentence starts, jieba run once per sentence.
fn segment_by_sentence(
    words: &Words,
    vocab: &mut Vocabulary,
    text: &str,
    progress: &mut dyn FnMut(f64),
) -> (Cuts, Vec<u32>) {
    let mut tokens = Cuts::for_text(text.len());
    let mut sentence_starts = Vec::new();
    let mut next_report = PROGRESS_STEP_BYTES;
    let mut line_start = 0;
    for line in text.split('\n') {
        for range in sentences(line) {
            let range = line_start + range.start..line_start + range.end;
            sentence_starts.push(tokens.len() as u32);
            words.cut(vocab, &text[range.clone()], range.start, |cut| {
                tokens.push(cut)
            });
            if range.end >= next_report {
                progress(range.end as f64 / text.len() as f64);
                next_report = range.end + PROGRESS_STEP_BYTES;
            }
        }
        line_start += line.len() + 1;
    }
    sentence_starts.push(tokens.len() as u32);
    sentence_starts.shrink_to_fit();
    (tokens, sentence_starts)
}

/// (word id, count) of the tokens that are not whitespace, by word id, and their number.
/// `counter` is indexed by word id and all zero before and after (a dense counter: no
/// hashing per token, and only the words that occur are visited again).
fn count_words<'t>(
    tokens: impl Iterator<Item = &'t Token>,
    vocab: &Vocabulary,
    counter: &mut Vec<u32>,
) -> (Vec<(u32, u32)>, u32) {
    if counter.len() < vocab.len() {
        counter.resize(vocab.len(), 0);
    }
    let mut seen = Vec::new();
    let mut token_count = 0;
    for t in tokens {
        if !vocab.kind(t.word).space {
            let count = &mut counter[t.word as usize];
            if *count == 0 {
                seen.push(t.word);
            }
            *count += 1;
            token_count += 1;
        }
    }
    seen.sort_unstable();
    let counts = seen
        .into_iter()
        .map(|w| (w, std::mem::take(&mut counter[w as usize])))
        .collect();
    (counts, token_count)
}

/// The first line, shortened to its first sentence or to `TITLE_MAX_CHARS` characters.
fn title_of(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.chars().count() <= TITLE_MAX_CHARS {
        return line.to_string();
    }
    if let Some(first) = sentences(line).first() {
        let sentence = &line[first.clone()];
        if sentence.chars().count() <= TITLE_MAX_CHARS {
            return sentence.to_string();
        }
    }
    let mut short: String = line.chars().take(TITLE_MAX_CHARS).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn by_line_and_by_sentence_give_the_same_tokens() {
        let segmenter = Segmenter::new();
        let texts = [
            "他说：“好！”我们走吧。Really? Yes. 3.14 是数……对；\n下一段 a.b. c",
            "大力弘扬劳模精神、劳动精神、工匠精神。\n工会和职工，推动工会改革。 \n\n「引号」（括号）2020-11-26 www.workercn.cn.",
            "劳模精神...后面。.前面？!好",
        ];
        // The same words, tags and places (by line, the spaces between sentences are
        // interned too, so ids may differ).
        let described = |(cuts, starts): &(Cuts, Vec<u32>), vocab: &Vocabulary| {
            let cuts: Vec<(String, String, u32, u32)> = (0..cuts.len())
                .map(|i| {
                    let c = cuts.tokens[i];
                    (
                        vocab.word(c.word).into(),
                        vocab.tag(c.word).into(),
                        c.start,
                        cuts.end(i, vocab),
                    )
                })
                .collect();
            (cuts, starts.clone())
        };
        for text in texts {
            // Sentences found line by line are the text's sentences.
            let by_lines: Vec<Range<usize>> = text
                .split('\n')
                .scan(0, |start, line| {
                    let at = *start;
                    *start += line.len() + 1;
                    Some(
                        sentences(line)
                            .into_iter()
                            .map(move |r| at + r.start..at + r.end),
                    )
                })
                .flatten()
                .collect();
            assert_eq!(by_lines, sentences(text), "{text}");
            let mut by_line_vocab = Vocabulary::default();
            let words = Words {
                segmenter: &segmenter,
                regional: None,
            };
            let by_line = segment_by_line(&words, &mut by_line_vocab, text, &mut |_| {})
                .expect("no token crosses a sentence end");
            let mut vocab = Vocabulary::default();
            let by_sentence = segment_by_sentence(&words, &mut vocab, text, &mut |_| {});
            assert_eq!(
                described(&by_line, &by_line_vocab),
                described(&by_sentence, &vocab),
                "{text}"
            );
        }
    }

    #[test]
    fn room_for_tokens_follows_the_rate_of_the_text_so_far() {
        let cut = |at: usize| Cut {
            word: 0,
            start: at as u32,
            end: at as u32 + 1,
            fits: true,
        };
        // A token every 6 bytes: the room estimated from the first part fits, within 1/32.
        let text_bytes = 8 * SAMPLE_BYTES;
        let mut cuts = Cuts::for_text(text_bytes);
        for at in (0..text_bytes).step_by(6) {
            cuts.push(cut(at));
        }
        let n = text_bytes.div_ceil(6);
        assert_eq!(cuts.len(), n);
        assert!(
            cuts.tokens.capacity() <= n + n / 32 + 1024,
            "{}",
            cuts.tokens.capacity()
        );
        // Twice as dense in the second half: the room grows, every token is kept, in order.
        let mut cuts = Cuts::for_text(text_bytes);
        let half = text_bytes / 2;
        let starts: Vec<usize> = (0..half)
            .step_by(6)
            .chain((half..text_bytes).step_by(3))
            .collect();
        for &at in &starts {
            cuts.push(cut(at));
        }
        let (tokens, _) = cuts.finish();
        assert_eq!(tokens.capacity(), tokens.len());
        assert!(tokens.iter().map(|t| t.start as usize).eq(starts));
    }

    #[test]
    fn long_first_lines_make_short_titles() {
        assert_eq!(
            title_of("同志们: 按照会议安排,围绕学习主题。后面还有很多很多内容"),
            "同志们: 按照会议安排,围绕学习主题。后面还有很多很多内容"
        );
        let long = "一".repeat(30) + "。" + &"二".repeat(30);
        assert_eq!(title_of(&long), "一".repeat(30) + "。");
        assert_eq!(title_of(&"三".repeat(50)), "三".repeat(40) + "…");
    }
}
