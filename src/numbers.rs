//! Numbers kept whole: decimals, percentages, times, dates and ratios that jieba cuts apart
//! (`33．5％` → `33 | ． | 5 | ％`, `08:27:11` → `08 | : | 27 | : | 11`) become one token, in
//! half-width and full-width alike, counted under their half-width form (`33.5%`, as the
//! cleaning already folds full-width digits: `３３．５％` arrives here as `33．5％`).
//!
//! A number is ASCII digit groups joined by single separators — `.` `．` (decimals, versions,
//! `2020.11.26`), `:` `：` (times, scores), `/` `／` (dates, fractions), `-` `－` (dates), `,`
//! before exactly three digits (thousands) — and an optional `%` `％` `‰` after. Only spans that
//! jieba's own tokens tile exactly are merged, so no Chinese word changes: a number starts and
//! ends where jieba put a token boundary, and holds nothing but digits and separators.

use std::ops::Range;

/// One number made of several of jieba's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// The tokens it replaces (indexes into the token list).
    pub tokens: Range<usize>,
    /// Its half-width form.
    pub word: String,
}

fn separator(c: char) -> Option<char> {
    match c {
        '.' | '．' => Some('.'),
        ':' | '：' => Some(':'),
        '/' | '／' => Some('/'),
        '-' | '－' => Some('-'),
        _ => None,
    }
}

fn percent(c: char) -> Option<char> {
    match c {
        '%' | '％' => Some('%'),
        '‰' => Some('‰'),
        _ => None,
    }
}

/// The longest number at the start of `text`: its length in bytes and half-width form, if it
/// has more than one digit group or a percent sign (a bare digit run is jieba's already).
fn scan(text: &str) -> Option<(usize, String)> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let first = digits(text);
    if first == 0 {
        return None;
    }
    let mut end = first;
    let mut word = String::from(&text[..first]);
    let mut groups = 1;
    loop {
        let rest = &text[end..];
        let Some(c) = rest.chars().next() else { break };
        let (sep, len) = match separator(c) {
            Some(s) => (s, c.len_utf8()),
            None if c == ',' => (',', 1),
            None => break,
        };
        let n = digits(&rest[len..]);
        // Thousands: exactly three digits after the comma, and no digit right after them.
        if n == 0 || (sep == ',' && n != 3) {
            break;
        }
        word.push(sep);
        word.push_str(&rest[len..len + n]);
        end += len + n;
        groups += 1;
    }
    if let Some(c) = text[end..].chars().next() {
        if let Some(p) = percent(c) {
            word.push(p);
            end += c.len_utf8();
            return Some((end, word));
        }
    }
    (groups > 1).then_some((end, word))
}

/// The numbers among `tokens` (byte ranges of `text`, in order, tiling it) that jieba cut into
/// several tokens.
pub fn find(text: &str, tokens: &[Range<usize>]) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let start = tokens[i].start;
        let starts_number = text.as_bytes()[start].is_ascii_digit()
            && !(start > 0 && text.as_bytes()[start - 1].is_ascii_digit());
        if !starts_number {
            i += 1;
            continue;
        }
        let Some((len, word)) = scan(&text[start..]) else {
            i += 1;
            continue;
        };
        let end = start + len;
        // The number must end where a token ends, and not run on into more digits.
        let mut j = i;
        while j < tokens.len() && tokens[j].end < end {
            j += 1;
        }
        let tiled = j < tokens.len() && tokens[j].end == end;
        let runs_on = text[end..].starts_with(|c: char| c.is_ascii_digit());
        if tiled && !runs_on && j > i {
            out.push(Number {
                tokens: i..j + 1,
                word,
            });
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens of `pieces` (jieba's cut of their concatenation) after merging.
    fn merged(pieces: &[&str]) -> Vec<String> {
        let text: String = pieces.concat();
        let mut tokens = Vec::new();
        let mut at = 0;
        for p in pieces {
            tokens.push(at..at + p.len());
            at += p.len();
        }
        let numbers = find(&text, &tokens);
        let mut out = Vec::new();
        let mut i = 0;
        for n in numbers {
            while i < n.tokens.start {
                out.push(text[tokens[i].clone()].to_string());
                i += 1;
            }
            out.push(format!("<{}>", n.word));
            i = n.tokens.end;
        }
        out.extend(tokens[i..].iter().map(|r| text[r.clone()].to_string()));
        out
    }

    #[test]
    fn decimals_percentages_times_and_dates_stay_whole_in_both_widths() {
        assert_eq!(
            merged(&["增长", "33", "．", "5", "％"]),
            ["增长", "<33.5%>"]
        );
        assert_eq!(merged(&["增长", "33.5", "%"]), ["增长", "<33.5%>"]);
        assert_eq!(merged(&["1", "．", "5", "亿"]), ["<1.5>", "亿"]);
        assert_eq!(
            merged(&["08", ":", "27", ":", "11", "发生"]),
            ["<08:27:11>", "发生"]
        );
        assert_eq!(merged(&["08", "：", "27"]), ["<08:27>"]);
        assert_eq!(merged(&["2020", "－", "11", "－", "26"]), ["<2020-11-26>"]);
        assert_eq!(merged(&["2020", "／", "11", "／", "26"]), ["<2020/11/26>"]);
        assert_eq!(
            merged(&["1", ",", "000", ",", "000", "元"]),
            ["<1,000,000>", "元"]
        );
        assert_eq!(merged(&["5", "‰"]), ["<5‰>"]);
    }

    #[test]
    fn leaves_alone_what_is_not_one_number() {
        // Already one token, or nothing to join.
        assert_eq!(merged(&["2020-11-26"]), ["2020-11-26"]);
        assert_eq!(merged(&["1998", "年"]), ["1998", "年"]);
        // A comma list and a sentence-ending dot are not numbers.
        assert_eq!(
            merged(&["1", ",", "2", ",", "3"]),
            ["1", ",", "2", ",", "3"]
        );
        assert_eq!(merged(&["共", "5", "．"]), ["共", "5", "．"]);
        // A span jieba's tokens do not tile (the digits are part of a longer token) stays cut.
        assert_eq!(merged(&["V1", ".", "5"]), ["V1", ".", "5"]);
        assert_eq!(merged(&["1", ".", "5GB"]), ["1", ".", "5GB"]);
        // Chinese words around a number keep their boundaries.
        assert_eq!(
            merged(&["比", "上年", "增长", "3", "．", "5", "％", "以上"]),
            ["比", "上年", "增长", "<3.5%>", "以上"]
        );
    }
}
