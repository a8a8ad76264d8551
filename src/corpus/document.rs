//! One document: its cleaned text, segmented once into compact tokens (word id + byte
//! offset) grouped by sentence, and its word counts.

use super::vocabulary::Vocabulary;
use crate::clean::sentences;
use crate::segment::Segmenter;
use serde::Serialize;
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
    /// (word id, count) for every word in the document, by word id.
    pub counts: Vec<(u32, u32)>,
    /// Tokens that are not whitespace.
    pub token_count: u32,
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
    pub chars: u32,
    pub tokens: u32,
    pub sentences: u32,
}

impl Document {
    /// A document of cleaned `text`, not segmented yet.
    pub fn new(id: u32, name: &str, encoding: &str, bytes: u64, text: String) -> Document {
        Document {
            id,
            name: name.to_string(),
            title: title_of(&text),
            encoding: encoding.to_string(),
            bytes,
            chars: text.chars().count() as u32,
            text,
            tokens: Vec::new(),
            sentence_starts: Vec::new(),
            counts: Vec::new(),
            token_count: 0,
        }
    }

    /// The tokens of each sentence.
    pub fn sentences(&self) -> impl Iterator<Item = &[Token]> + '_ {
        self.sentence_starts
            .windows(2)
            .map(|w| &self.tokens[w[0] as usize..w[1] as usize])
    }

    pub fn sentence_count(&self) -> usize {
        self.sentence_starts.len().saturating_sub(1)
    }

    /// Byte range of a token in `text`.
    pub fn token_range(&self, token: Token, vocab: &Vocabulary) -> Range<usize> {
        let start = token.start as usize;
        start..start + vocab.word(token.word).len()
    }

    pub fn info(&self) -> DocumentInfo {
        DocumentInfo {
            id: self.id,
            name: self.name.clone(),
            title: self.title.clone(),
            encoding: self.encoding.clone(),
            bytes: self.bytes,
            chars: self.chars,
            tokens: self.token_count,
            sentences: self.sentence_count() as u32,
        }
    }

    /// (Re-)segment the text: tokens, sentence starts and counts, new words interned into
    /// `vocab`. `counter` is scratch space, indexed by word id and all zero between calls.
    pub fn segment(
        &mut self,
        segmenter: &Segmenter,
        vocab: &mut Vocabulary,
        counter: &mut Vec<u32>,
        progress: &mut dyn FnMut(f64),
    ) {
        let text = &self.text;
        let ranges = sentences(text);
        let (tokens, sentence_starts) =
            match segment_by_line(segmenter, vocab, text, &ranges, progress) {
                Some(segmented) => segmented,
                None => segment_by_sentence(segmenter, vocab, text, &ranges, progress),
            };
        let (counts, token_count) = count_words(&tokens, vocab, counter);
        self.tokens = tokens;
        self.sentence_starts = sentence_starts;
        self.counts = counts;
        self.token_count = token_count;
        progress(1.0);
    }
}

/// Tokens and sentence starts, jieba run once per line (paragraph) rather than once per
/// sentence: fewer, longer calls. The same tokens as [`segment_by_sentence`], because jieba's
/// blocks never cross a sentence end (every end is at punctuation, or a `.` before a space,
/// where a block ends); the tokens between sentences (spaces) are left out, as sentences are
/// trimmed. Should a token ever cross a sentence end, returns `None` and the caller segments
/// sentence by sentence instead.
fn segment_by_line(
    segmenter: &Segmenter,
    vocab: &mut Vocabulary,
    text: &str,
    ranges: &[Range<usize>],
    progress: &mut dyn FnMut(f64),
) -> Option<(Vec<Token>, Vec<u32>)> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut sentence_starts = Vec::with_capacity(ranges.len() + 1);
    let mut sentence = 0; // the first sentence that does not end before the current token
    let mut line_start = 0;
    let mut next_report = PROGRESS_STEP_BYTES;
    let mut crossed = false;
    for line in text.split('\n') {
        segmenter.cut_each(line, |word, at| {
            let at = line_start + at;
            while sentence < ranges.len() && ranges[sentence].end <= at {
                sentence += 1;
            }
            let Some(range) = ranges.get(sentence) else {
                return; // trailing space
            };
            if at < range.start {
                return; // space between sentences
            }
            if at + word.len() > range.end {
                crossed = true;
                return;
            }
            while sentence_starts.len() <= sentence {
                sentence_starts.push(tokens.len() as u32);
            }
            tokens.push(Token {
                word: vocab.intern(word, segmenter),
                start: at as u32,
            });
        });
        if crossed {
            return None;
        }
        line_start += line.len() + 1;
        if line_start >= next_report && line_start < text.len() {
            progress(line_start as f64 / text.len() as f64);
            next_report = line_start + PROGRESS_STEP_BYTES;
        }
    }
    while sentence_starts.len() <= ranges.len() {
        sentence_starts.push(tokens.len() as u32);
    }
    Some((tokens, sentence_starts))
}

/// Tokens and sentence starts, jieba run once per sentence.
fn segment_by_sentence(
    segmenter: &Segmenter,
    vocab: &mut Vocabulary,
    text: &str,
    ranges: &[Range<usize>],
    progress: &mut dyn FnMut(f64),
) -> (Vec<Token>, Vec<u32>) {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut sentence_starts = Vec::with_capacity(ranges.len() + 1);
    let mut next_report = PROGRESS_STEP_BYTES;
    for range in ranges {
        sentence_starts.push(tokens.len() as u32);
        let base = range.start;
        segmenter.cut_each(&text[range.clone()], |word, at| {
            tokens.push(Token {
                word: vocab.intern(word, segmenter),
                start: (base + at) as u32,
            });
        });
        if range.end >= next_report {
            progress(range.end as f64 / text.len() as f64);
            next_report = range.end + PROGRESS_STEP_BYTES;
        }
    }
    sentence_starts.push(tokens.len() as u32);
    (tokens, sentence_starts)
}

/// (word id, count) of the tokens that are not whitespace, by word id, and their number.
/// `counter` is indexed by word id and all zero before and after (a dense counter: no
/// hashing per token, and only the words that occur are visited again).
fn count_words(
    tokens: &[Token],
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
        let words = |vocab: &Vocabulary| -> Vec<String> {
            (0..vocab.len() as u32)
                .map(|id| vocab.word(id).to_string())
                .collect()
        };
        for text in texts {
            let ranges = sentences(text);
            let mut by_line_vocab = Vocabulary::default();
            let by_line =
                segment_by_line(&segmenter, &mut by_line_vocab, text, &ranges, &mut |_| {})
                    .expect("no token crosses a sentence end");
            let mut vocab = Vocabulary::default();
            let by_sentence =
                segment_by_sentence(&segmenter, &mut vocab, text, &ranges, &mut |_| {});
            assert_eq!(by_line, by_sentence, "{text}");
            assert_eq!(words(&by_line_vocab), words(&vocab), "{text}");
        }
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
