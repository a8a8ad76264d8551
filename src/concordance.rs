//! Keyword in context: every occurrence of a term with the text around it.

use crate::corpus::{DocView, Vocabulary};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum KwicSort {
    /// In document order.
    Position,
    /// By the words just before the term, read right to left (as AntConc's 1L).
    Left,
    /// By the words just after the term (1R).
    Right,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct KwicOptions {
    /// Document ids to search; `None` = all.
    #[cfg_attr(test, ts(optional = nullable))]
    pub documents: Option<Vec<u32>>,
    /// Characters of context on each side.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub width: u32,
    /// At most this many lines (the total is still reported).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub limit: u32,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub sort: KwicSort,
}

impl Default for KwicOptions {
    fn default() -> Self {
        KwicOptions {
            documents: None,
            width: 20,
            limit: 1000,
            sort: KwicSort::Position,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct KwicLine {
    pub doc_id: u32,
    pub doc_name: String,
    pub left: String,
    pub keyword: String,
    pub right: String,
    /// Character offset of the term in the document's cleaned text.
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Kwic {
    pub term: String,
    pub total: u32,
    pub lines: Vec<KwicLine>,
}

/// Longest context accepted on each side, in characters.
const MAX_WIDTH: u32 = 500;

/// Every counted occurrence of `term` in `docs`: as a token when it is a word of the corpus,
/// otherwise as a substring (so a discovered phrase can be looked up before it is accepted).
pub fn kwic(
    docs: &[DocView],
    vocab: &Vocabulary,
    term: &str,
    options: &KwicOptions,
) -> Result<Kwic> {
    let term = term.trim();
    if options.width > MAX_WIDTH {
        return Err(Error::BadOption {
            option: "width",
            value: options.width.to_string(),
        });
    }
    let width = options.width as usize;
    let mut hits: Vec<(usize, usize)> = Vec::new(); // (doc index, byte offset)
    let how = TermMatch::of(docs, vocab, term);
    for (d, doc) in docs.iter().enumerate() {
        hits.extend(how.occurrences(doc, term).into_iter().map(|at| (d, at)));
    }
    let total = hits.len() as u32;
    // In document order nothing after the limit is shown, so its lines are never built.
    if options.sort == KwicSort::Position {
        hits.truncate(options.limit as usize);
    }
    // Hits come in text order within each document, so the character offset of each one is
    // counted on from the previous hit, not from the start (which was quadratic).
    let mut counted: Option<(usize, usize, usize)> = None; // (doc index, byte, chars before it)
    let mut lines: Vec<KwicLine> = hits
        .into_iter()
        .map(|(d, at)| {
            let doc = docs[d].doc;
            let (from_byte, from_chars) = match counted {
                Some((counted_doc, byte, chars)) if counted_doc == d && byte <= at => (byte, chars),
                _ => (0, 0),
            };
            let offset = from_chars + doc.text[from_byte..at].chars().count();
            counted = Some((d, at, offset));
            let end = at + term.len();
            let left: String = {
                let mut chars: Vec<char> = doc.text[..at].chars().rev().take(width).collect();
                chars.reverse();
                chars.into_iter().map(flatten).collect()
            };
            let right: String = doc.text[end..].chars().take(width).map(flatten).collect();
            KwicLine {
                doc_id: doc.id,
                doc_name: doc.name.clone(),
                left,
                keyword: doc.text[at..end].to_string(),
                right,
                offset: offset as u32,
            }
        })
        .collect();
    match options.sort {
        KwicSort::Position => {}
        KwicSort::Left => lines.sort_by(|a, b| a.left.chars().rev().cmp(b.left.chars().rev())),
        KwicSort::Right => lines.sort_by(|a, b| a.right.cmp(&b.right)),
    }
    lines.truncate(options.limit as usize);
    Ok(Kwic {
        term: term.to_string(),
        total,
        lines,
    })
}

/// How a term is found in a selection: as the tokens of a word of the corpus when the
/// selection has any, else as a substring of the counted text (a phrase not accepted as a word
/// yet, or a word only ever found inside longer ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermMatch {
    Token(u32),
    Text,
    Nothing,
}

impl TermMatch {
    pub fn of(docs: &[DocView], vocab: &Vocabulary, term: &str) -> TermMatch {
        if term.is_empty() {
            return TermMatch::Nothing;
        }
        match vocab.id(term) {
            Some(id) if docs.iter().any(|d| d.count_of(id) > 0) => TermMatch::Token(id),
            _ => TermMatch::Text,
        }
    }

    /// Byte offsets of the counted occurrences of `term` in one document, in text order.
    pub fn occurrences(self, doc: &DocView, term: &str) -> Vec<usize> {
        match self {
            TermMatch::Token(id) => doc
                .tokens()
                .filter(|t| t.word == id)
                .map(|t| t.start as usize)
                .collect(),
            TermMatch::Text => doc
                .doc
                .text
                .match_indices(term)
                .map(|(at, _)| at)
                .filter(|&at| doc.counts_byte(at))
                .collect(),
            TermMatch::Nothing => Vec::new(),
        }
    }

    /// How many counted occurrences one document has.
    pub fn count(self, doc: &DocView, term: &str) -> u32 {
        match self {
            TermMatch::Token(id) => doc.count_of(id),
            _ => self.occurrences(doc, term).len() as u32,
        }
    }
}

/// Line breaks become spaces so a context line stays one line.
fn flatten(c: char) -> char {
    if c == '\n' {
        ' '
    } else {
        c
    }
}
