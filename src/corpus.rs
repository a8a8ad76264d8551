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

    pub fn tag_names(&self) -> &[Box<str>] {
        &self.tag_names
    }

    fn intern(&mut self, word: &str, tag: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
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
#[derive(Debug, Default)]
pub struct Corpus {
    segmenter: Segmenter,
    vocab: Vocabulary,
    docs: Vec<Document>,
    next_id: u32,
}

impl Corpus {
    /// An empty corpus; builds jieba's dictionary.
    pub fn new() -> Self {
        Self::default()
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
        segment_document(&self.segmenter, &mut self.vocab, &mut doc, progress);
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
            segment_document(&self.segmenter, &mut self.vocab, doc, &mut |_| {});
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
    doc: &mut Document,
    progress: &mut dyn FnMut(f64),
) {
    let text = &doc.text;
    let ranges = sentences(text);
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut sentence_starts = Vec::with_capacity(ranges.len() + 1);
    let mut next_report = PROGRESS_STEP_BYTES;
    for range in &ranges {
        sentence_starts.push(tokens.len() as u32);
        let base = range.start;
        segmenter.tag_each(&text[range.clone()], |word, tag, at| {
            tokens.push(Token {
                word: vocab.intern(word, tag),
                start: (base + at) as u32,
            });
        });
        if range.end >= next_report {
            progress(range.end as f64 / text.len() as f64);
            next_report = range.end + PROGRESS_STEP_BYTES;
        }
    }
    sentence_starts.push(tokens.len() as u32);
    let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
    let mut token_count = 0;
    for t in &tokens {
        if !vocab.entry(t.word).kind.space {
            *counts.entry(t.word).or_default() += 1;
            token_count += 1;
        }
    }
    let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
    counts.sort_unstable();
    doc.tokens = tokens;
    doc.sentence_starts = sentence_starts;
    doc.counts = counts;
    doc.token_count = token_count;
    progress(1.0);
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
