//! Keyword in context: every occurrence of a term with the text around it.

use crate::corpus::{merge_groups, DocView, Merge, Terms, Vocabulary};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::ops::Range;

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
    /// Merge groups, as in the analysis: the term a group is named finds all its forms.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub merges: Vec<Merge>,
}

impl Default for KwicOptions {
    fn default() -> Self {
        KwicOptions {
            documents: None,
            width: 20,
            limit: 1000,
            sort: KwicSort::Position,
            merges: Vec::new(),
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

/// Every counted occurrence of `term` in `docs`: as a token when it is a word of the corpus
/// (any of its tags; every form of a merge group named `term`), else as a run of tokens whose
/// words make it up, else as a substring (so a discovered phrase can be looked up before it is
/// accepted). Lines show each document's own characters (a traditional document's, a
/// number's full-width form).
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
    let mut hits: Vec<(usize, usize, usize)> = Vec::new(); // (doc index, byte range)
    let how = TermMatch::of(docs, vocab, term, &options.merges);
    for (d, doc) in docs.iter().enumerate() {
        hits.extend(
            how.occurrences(doc, vocab)
                .into_iter()
                .map(|r| (d, r.start, r.end)),
        );
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
        .map(|(d, at, end)| {
            let doc = docs[d].doc;
            let (from_byte, from_chars) = match counted {
                Some((counted_doc, byte, chars)) if counted_doc == d && byte <= at => (byte, chars),
                _ => (0, 0),
            };
            let offset = from_chars + doc.text[from_byte..at].chars().count();
            counted = Some((d, at, offset));
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

/// How a term is found in a selection: as the tokens of its term (a word of the corpus under
/// any of its tags, or a merge group's forms) when the selection counts any; else as a run of
/// tokens whose (simplified) words make it up, so that a phrase not accepted yet is found in
/// traditional documents too; else as a substring of the counted text (a word only ever found
/// inside longer ones).
#[derive(Debug)]
pub struct TermMatch {
    how: How,
    term: String,
}

#[derive(Debug)]
enum How {
    Tokens { terms: Terms, wanted: u32 },
    Words,
    Text,
    Nothing,
}

impl TermMatch {
    pub fn of(docs: &[DocView], vocab: &Vocabulary, term: &str, merges: &[Merge]) -> TermMatch {
        let mut found = TermMatch {
            how: How::Nothing,
            term: term.to_string(),
        };
        if term.is_empty() {
            return found;
        }
        let merges = merge_groups(merges);
        let named = merges
            .iter()
            .find(|(name, _)| name == term)
            .and_then(|(name, forms)| forms.iter().chain([name]).find_map(|f| vocab.id(f)));
        if let Some(id) = named.or_else(|| vocab.id(term)) {
            let terms = Terms::new(vocab, &merges, false);
            let wanted = terms.of(id);
            found.how = How::Tokens { terms, wanted };
            if docs.iter().any(|d| found.count(d, vocab) > 0) {
                return found;
            }
        }
        found.how = How::Words;
        if docs.iter().any(|d| !found.word_runs(d, vocab).is_empty()) {
            return found;
        }
        found.how = How::Text;
        found
    }

    /// Byte ranges of the counted occurrences in one document, in text order.
    pub fn occurrences(&self, doc: &DocView, vocab: &Vocabulary) -> Vec<Range<usize>> {
        match &self.how {
            How::Tokens { terms, wanted } => doc
                .tokens()
                .filter(|t| terms.of(t.word) == *wanted)
                .map(|&t| doc.doc.token_range(t, vocab))
                .collect(),
            How::Words => self.word_runs(doc, vocab),
            How::Text => doc
                .doc
                .text
                .match_indices(self.term.as_str())
                .map(|(at, _)| at)
                .filter(|&at| doc.counts_byte(at))
                .map(|at| at..at + self.term.len())
                .collect(),
            How::Nothing => Vec::new(),
        }
    }

    /// How many counted occurrences one document has.
    pub fn count(&self, doc: &DocView, vocab: &Vocabulary) -> u32 {
        match &self.how {
            How::Tokens { terms, wanted } => doc
                .counts()
                .iter()
                .filter(|&&(word, _)| terms.of(word) == *wanted)
                .map(|&(_, n)| n)
                .sum(),
            How::Nothing => 0,
            How::Words | How::Text => self.occurrences(doc, vocab).len() as u32,
        }
    }

    /// Runs of two or more counted tokens whose words spell the term.
    fn word_runs(&self, doc: &DocView, vocab: &Vocabulary) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for run in doc.sentences() {
            for (i, &t) in run.iter().enumerate() {
                let mut rest = self.term.as_str();
                let mut j = i;
                while let Some(after) = run
                    .get(j)
                    .and_then(|u| rest.strip_prefix(vocab.word(u.word)))
                    .filter(|_| !rest.is_empty())
                {
                    rest = after;
                    j += 1;
                }
                if rest.is_empty() && j > i + 1 {
                    let end = doc.doc.token_range(run[j - 1], vocab).end;
                    out.push(t.start as usize..end);
                }
            }
        }
        out
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
