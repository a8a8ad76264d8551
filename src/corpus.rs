//! The corpus: documents added and removed one by one, each cleaned and segmented
//! once, when added. Tokens are kept compactly (word id + byte offset) per sentence;
//! everything else is re-aggregated from them on demand.

use crate::clean::{clean, sentences};
use crate::decode::decode;
use crate::error::{Error, Result};
use crate::filter::WordKind;
use crate::segment::Segmenter;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Files larger than this are refused: a browser tab holds the text, its cleaned
/// copy and ~8 bytes per token, and must stay responsive.
pub const MAX_DOCUMENT_BYTES: u64 = 100_000_000;
/// Longest title kept, in characters.
const TITLE_MAX_CHARS: usize = 40;
/// Progress is reported after about this many bytes of text are segmented.
const PROGRESS_STEP_BYTES: usize = 256 * 1024;

/// Every distinct word seen, with what is known about it. Ids are dense.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    tags: Vec<u8>,
    /// jieba's IDF of each word (the table's median for words it lacks).
    idf: Vec<f32>,
    chars: Vec<u32>,
    kinds: Vec<WordKind>,
    tag_names: Vec<Box<str>>,
    tag_ids: FxHashMap<Box<str>, u8>,
}

/// One vocabulary entry.
#[derive(Debug, Clone, Copy)]
pub struct WordEntry<'a> {
    pub text: &'a str,
    pub tag: u8,
    pub chars: u32,
    pub kind: WordKind,
}

impl Vocabulary {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    pub fn tag(&self, id: u32) -> &str {
        &self.tag_names[self.tags[id as usize] as usize]
    }

    pub fn entry(&self, id: u32) -> WordEntry<'_> {
        let i = id as usize;
        WordEntry {
            text: &self.words[i],
            tag: self.tags[i],
            chars: self.chars[i],
            kind: self.kinds[i],
        }
    }

    /// jieba's IDF of a word (the table's median for words it lacks).
    pub fn idf(&self, id: u32) -> f32 {
        self.idf[id as usize]
    }

    pub fn tag_names(&self) -> &[Box<str>] {
        &self.tag_names
    }

    /// The id of `word`; a new word's tag, IDF, kind and length are found once, here.
    #[inline]
    fn intern(&mut self, word: &str, segmenter: &Segmenter) -> u32 {
        match self.ids.get(word) {
            Some(&id) => id,
            None => self.add(word, segmenter),
        }
    }

    #[inline(never)]
    fn add(&mut self, word: &str, segmenter: &Segmenter) -> u32 {
        let (tag, idf) = segmenter.describe(word);
        let id = self.words.len() as u32;
        let tag_id = match self.tag_ids.get(tag) {
            Some(&t) => t,
            None => {
                // jieba has about sixty tags; u8 leaves room.
                let t = u8::try_from(self.tag_names.len()).unwrap_or(u8::MAX);
                self.tag_names.push(tag.into());
                self.tag_ids.insert(tag.into(), t);
                t
            }
        };
        self.ids.insert(word.into(), id);
        self.words.push(word.into());
        self.tags.push(tag_id);
        self.idf.push(idf);
        self.chars.push(word.chars().count() as u32);
        self.kinds.push(WordKind::of(word));
        id
    }
}

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

impl Document {
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
    pub fn token_range(&self, token: Token, vocab: &Vocabulary) -> std::ops::Range<usize> {
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
}

/// What the page's document list shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// Documents, their tokens, and the vocabulary they share.
#[derive(Debug)]
pub struct Corpus {
    segmenter: Segmenter,
    vocab: Vocabulary,
    docs: Vec<Document>,
    next_id: u32,
    /// Per-document word counts by word id, all zero between documents (reused).
    counter: Vec<u32>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for Corpus {
    fn default() -> Self {
        Self::new()
    }
}

impl Corpus {
    /// An empty corpus with the built-in dictionary (native builds).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new() -> Self {
        Self::with_segmenter(Segmenter::new())
    }

    /// An empty corpus that segments with `segmenter`.
    pub fn with_segmenter(segmenter: Segmenter) -> Self {
        Corpus {
            segmenter,
            vocab: Vocabulary::default(),
            docs: Vec::new(),
            next_id: 0,
            counter: Vec::new(),
        }
    }

    pub fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    pub fn document(&self, id: u32) -> Result<&Document> {
        self.docs
            .iter()
            .find(|d| d.id == id)
            .ok_or(Error::NoSuchDocument { id })
    }

    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// Decode, clean and segment the file `name`; `progress` hears the fraction done.
    pub fn add_bytes(
        &mut self,
        name: &str,
        bytes: &[u8],
        progress: &mut dyn FnMut(f64),
    ) -> Result<&Document> {
        if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
            return Err(Error::TooLarge {
                name: name.to_string(),
                bytes: bytes.len() as u64,
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        reserve_memory(bytes.len());
        let decoded = decode(name, bytes)?;
        self.add_decoded(
            name,
            &decoded.text,
            decoded.encoding,
            bytes.len() as u64,
            progress,
        )
    }

    /// Add text that is already a string (pasted, say).
    pub fn add_text(
        &mut self,
        name: &str,
        text: &str,
        progress: &mut dyn FnMut(f64),
    ) -> Result<&Document> {
        let bytes = text.len() as u64;
        if bytes > MAX_DOCUMENT_BYTES {
            return Err(Error::TooLarge {
                name: name.to_string(),
                bytes,
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        if text.trim().is_empty() {
            return Err(if text.is_empty() {
                Error::Empty { name: name.into() }
            } else {
                Error::Blank { name: name.into() }
            });
        }
        reserve_memory(text.len());
        self.add_decoded(name, text, "UTF-8", bytes, progress)
    }

    fn add_decoded(
        &mut self,
        name: &str,
        text: &str,
        encoding: &str,
        bytes: u64,
        progress: &mut dyn FnMut(f64),
    ) -> Result<&Document> {
        let text = clean(text);
        if text.is_empty() {
            return Err(Error::Blank {
                name: name.to_string(),
            });
        }
        let id = self.next_id;
        self.next_id += 1;
        let mut doc = Document {
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
        };
        segment_document(
            &self.segmenter,
            &mut self.vocab,
            &mut self.counter,
            &mut doc,
            progress,
        );
        self.docs.push(doc);
        Ok(self.docs.last().expect("just pushed"))
    }

    /// Remove a document; returns whether it was there.
    pub fn remove(&mut self, id: u32) -> bool {
        let before = self.docs.len();
        self.docs.retain(|d| d.id != id);
        self.docs.len() != before
    }

    /// Replace the user words and re-segment every document if they changed.
    /// Returns how many documents were re-segmented.
    pub fn set_user_words(&mut self, words: &[String]) -> Result<usize> {
        if !self.segmenter.set_user_words(words)? {
            return Ok(0);
        }
        // New words change tags and word boundaries: start the vocabulary afresh.
        self.vocab = Vocabulary::default();
        for doc in &mut self.docs {
            segment_document(
                &self.segmenter,
                &mut self.vocab,
                &mut self.counter,
                doc,
                &mut |_| {},
            );
        }
        Ok(self.docs.len())
    }

    /// The documents with the given ids (all when `None`), in corpus order; ids no
    /// longer in the corpus are skipped, so a request racing a removal still answers.
    pub fn select(&self, ids: Option<&[u32]>) -> Vec<&Document> {
        match ids {
            None => self.docs.iter().collect(),
            Some(ids) => self.docs.iter().filter(|d| ids.contains(&d.id)).collect(),
        }
    }
}

/// Frequencies of the terms of a selection of documents.
#[derive(Debug, Clone)]
pub struct Counts {
    /// Whether each vocabulary entry is a term (filters and minimum frequency applied).
    pub is_term: Vec<bool>,
    /// Frequency of each word in the selection (terms only; 0 for the rest).
    pub freq: Vec<u32>,
    /// Number of selected documents each term occurs in.
    pub doc_freq: Vec<u32>,
    /// Tokens of the selection that are not whitespace.
    pub tokens: u64,
    /// Tokens of the selection that are terms.
    pub term_tokens: u64,
    /// Number of documents selected.
    pub documents: usize,
}

impl Counts {
    /// Count `docs`, keeping the words `is_term` allows that occur at least `min_frequency` times.
    pub fn of(docs: &[&Document], mut is_term: Vec<bool>, min_frequency: u32) -> Counts {
        let mut freq = vec![0u32; is_term.len()];
        let mut doc_freq = vec![0u32; is_term.len()];
        let mut tokens = 0;
        for doc in docs {
            tokens += u64::from(doc.token_count);
            for &(word, count) in &doc.counts {
                if is_term[word as usize] {
                    freq[word as usize] += count;
                    doc_freq[word as usize] += 1;
                }
            }
        }
        let mut term_tokens = 0;
        for (id, term) in is_term.iter_mut().enumerate() {
            if *term && freq[id] < min_frequency.max(1) {
                *term = false;
                freq[id] = 0;
                doc_freq[id] = 0;
            }
            term_tokens += u64::from(freq[id]);
        }
        Counts {
            is_term,
            freq,
            doc_freq,
            tokens,
            term_tokens,
            documents: docs.len(),
        }
    }

    /// Term ids ordered by frequency (then by id, for stable output), at most `limit`.
    pub fn top_by_frequency(&self, limit: usize) -> Vec<u32> {
        let mut ids: Vec<u32> = (0..self.freq.len() as u32)
            .filter(|&id| self.freq[id as usize] > 0)
            .collect();
        ids.sort_unstable_by(|&a, &b| {
            self.freq[b as usize]
                .cmp(&self.freq[a as usize])
                .then(a.cmp(&b))
        });
        ids.truncate(limit);
        ids
    }

    /// Number of distinct terms.
    pub fn vocabulary(&self) -> usize {
        self.freq.iter().filter(|&&f| f > 0).count()
    }
}

fn segment_document(
    segmenter: &Segmenter,
    vocab: &mut Vocabulary,
    counter: &mut Vec<u32>,
    doc: &mut Document,
    progress: &mut dyn FnMut(f64),
) {
    let text = &doc.text;
    let ranges = sentences(text);
    let (tokens, sentence_starts) = match segment_by_line(segmenter, vocab, text, &ranges, progress)
    {
        Some(segmented) => segmented,
        None => segment_by_sentence(segmenter, vocab, text, &ranges, progress),
    };
    let (counts, token_count) = count_words(&tokens, vocab, counter);
    doc.tokens = tokens;
    doc.sentence_starts = sentence_starts;
    doc.counts = counts;
    doc.token_count = token_count;
    progress(1.0);
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
    ranges: &[std::ops::Range<usize>],
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
    ranges: &[std::ops::Range<usize>],
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
        if !vocab.kinds[t.word as usize].space {
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

/// Before a large file (≥ 1 MiB) is added, makes sure the heap can hold what adding it takes (the text,
/// its cleaned copy, ~8 bytes per token), by allocating max(4 × its size, 32 MiB) and freeing
/// it at once. In wasm the allocator otherwise grows the memory 64 KiB at a time, and each
/// `memory.grow` of a large memory costs a copy or a remap: measured, this took indexing in the
/// browser from 8 to 20 MiB/s. Freed memory stays with the allocator, which reuses it. When the
/// memory cannot grow that far, nothing is reserved (and the add may still fit). Native
/// allocators need no help.
#[allow(unused_variables)]
fn reserve_memory(file_bytes: usize) {
    #[cfg(target_arch = "wasm32")]
    if file_bytes >= 1 << 20 {
        let want = file_bytes.saturating_mul(4).max(32 << 20);
        let mut block: Vec<u8> = Vec::new();
        if block.try_reserve_exact(want).is_ok() {
            // The allocation must happen, not be optimised away with the free that follows.
            std::hint::black_box(&mut block);
        }
    }
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

    fn no_progress() -> impl FnMut(f64) {
        |_| {}
    }

    #[test]
    fn adds_segments_counts_and_removes() {
        let mut corpus = Corpus::new();
        let doc = corpus
            .add_text(
                "a.txt",
                "大力弘扬劳模精神。\n工会和职工，推动工会改革。",
                &mut no_progress(),
            )
            .unwrap();
        assert_eq!(doc.title, "大力弘扬劳模精神。");
        assert_eq!(doc.tokens.len(), 13);
        assert_eq!(doc.sentence_count(), 2);
        let id = doc.id;
        let gonghui = corpus.vocab().id("工会").unwrap();
        let doc = corpus.document(id).unwrap();
        assert_eq!(
            doc.counts.iter().find(|c| c.0 == gonghui),
            Some(&(gonghui, 2))
        );
        assert!(corpus.remove(id));
        assert!(!corpus.remove(id));
        assert!(corpus.documents().is_empty());
    }

    #[test]
    fn bad_input_leaves_the_corpus_unchanged() {
        let mut corpus = Corpus::new();
        corpus
            .add_text("a.txt", "工会工作", &mut no_progress())
            .unwrap();
        let err = corpus
            .add_bytes("b.txt", b"\x89PNG\r\n\x1a\n\0\0", &mut no_progress())
            .unwrap_err();
        assert!(matches!(err, Error::NotText { .. }));
        let err = corpus
            .add_text("c.txt", "  \n ", &mut no_progress())
            .unwrap_err();
        assert_eq!(
            err,
            Error::Blank {
                name: "c.txt".into()
            }
        );
        assert_eq!(corpus.documents().len(), 1);
    }

    #[test]
    fn by_line_and_by_sentence_give_the_same_tokens() {
        let segmenter = Segmenter::new();
        let texts = [
            "他说：“好！”我们走吧。Really? Yes. 3.14 是数……对；\n下一段 a.b. c",
            "大力弘扬劳模精神、劳动精神、工匠精神。\n工会和职工，推动工会改革。 \n\n「引号」（括号）2020-11-26 www.workercn.cn.",
            "劳模精神...后面。.前面？!好",
        ];
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
            assert_eq!(by_line_vocab.words, vocab.words, "{text}");
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

    #[test]
    fn user_words_resegment_every_document() {
        let mut corpus = Corpus::new();
        corpus
            .add_text("a.txt", "大力弘扬劳模精神", &mut no_progress())
            .unwrap();
        assert!(corpus.vocab().id("劳模精神").is_none());
        assert_eq!(corpus.set_user_words(&["劳模精神".into()]).unwrap(), 1);
        assert!(corpus.vocab().id("劳模精神").is_some());
        assert_eq!(
            corpus.vocab().tag(corpus.vocab().id("劳模精神").unwrap()),
            "nz"
        );
    }
}
