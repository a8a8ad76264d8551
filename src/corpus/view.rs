//! What of a document counts in an aggregate: its body (and its lines set aside, when the
//! document says to count them), minus the passages that another document of the selection
//! already has when reused passages count once. A view never copies tokens: it is a list of
//! token index ranges over the document's own, with the word counts of those tokens.

use super::document::{Document, Token};
use super::vocabulary::Vocabulary;
use std::borrow::Cow;
use std::ops::Range;

/// The counted part of one document.
#[derive(Debug, Clone)]
pub struct DocView<'a> {
    pub doc: &'a Document,
    /// Token index ranges that count, sorted and disjoint.
    spans: Cow<'a, [Range<u32>]>,
    /// (word id, count) of the counted tokens, by word id.
    counts: Cow<'a, [(u32, u32)]>,
    /// Counted tokens that are not whitespace.
    token_count: u32,
}

impl<'a> DocView<'a> {
    /// The counted part of `doc`, leaving out the tokens that start inside `excluded` (byte
    /// ranges of its text, sorted, disjoint).
    pub fn new(doc: &'a Document, vocab: &Vocabulary, excluded: &[Range<usize>]) -> DocView<'a> {
        let spans: Cow<'a, [Range<u32>]> = if doc.meta.count_furniture {
            Cow::Owned(std::iter::once(0..doc.tokens.len() as u32).collect())
        } else {
            Cow::Borrowed(&doc.body_spans)
        };
        if excluded.is_empty() {
            let (counts, token_count) = if doc.meta.count_furniture {
                (
                    Cow::Owned(merge_counts(&doc.counts, &doc.furniture_counts)),
                    doc.token_count + doc.furniture_token_count,
                )
            } else {
                (Cow::Borrowed(doc.counts.as_slice()), doc.token_count)
            };
            return DocView {
                doc,
                spans,
                counts,
                token_count,
            };
        }
        let mut kept: Vec<Range<u32>> = Vec::new();
        let mut x = 0;
        for span in spans.iter() {
            for i in span.clone() {
                let start = doc.tokens[i as usize].start as usize;
                while x < excluded.len() && excluded[x].end <= start {
                    x += 1;
                }
                if excluded.get(x).is_some_and(|r| r.start <= start) {
                    continue;
                }
                match kept.last_mut() {
                    Some(last) if last.end == i => last.end = i + 1,
                    _ => kept.push(i..i + 1),
                }
            }
        }
        let mut words: Vec<u32> = kept
            .iter()
            .flat_map(|s| &doc.tokens[s.start as usize..s.end as usize])
            .map(|t| t.word)
            .filter(|&w| !vocab.kind(w).space)
            .collect();
        let token_count = words.len() as u32;
        words.sort_unstable();
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for w in words {
            match counts.last_mut() {
                Some(last) if last.0 == w => last.1 += 1,
                _ => counts.push((w, 1)),
            }
        }
        DocView {
            doc,
            spans: Cow::Owned(kept),
            counts: Cow::Owned(counts),
            token_count,
        }
    }

    /// (word id, count) of the counted tokens, by word id.
    pub fn counts(&self) -> &[(u32, u32)] {
        &self.counts
    }

    /// Counted tokens that are not whitespace.
    pub fn token_count(&self) -> u32 {
        self.token_count
    }

    /// The counted tokens, in text order.
    pub fn tokens(&self) -> impl Iterator<Item = &Token> + '_ {
        self.spans
            .iter()
            .flat_map(|s| &self.doc.tokens[s.start as usize..s.end as usize])
    }

    /// The counted tokens of each sentence (a sentence partly left out gives its counted runs).
    pub fn sentences(&self) -> impl Iterator<Item = &[Token]> + '_ {
        let spans: &[Range<u32>] = &self.spans;
        self.doc.sentence_starts.windows(2).flat_map(move |w| {
            let (a, b) = (w[0], w[1]);
            let first = spans.partition_point(|s| s.end <= a);
            spans[first..]
                .iter()
                .take_while(move |s| s.start < b)
                .map(move |s| &self.doc.tokens[s.start.max(a) as usize..s.end.min(b) as usize])
                .filter(|run| !run.is_empty())
        })
    }

    /// Whether the byte at `at` lies inside a counted token (the token's start to the next
    /// token's start): where a substring found in the text is counted.
    pub fn counts_byte(&self, at: usize) -> bool {
        let tokens = &self.doc.tokens;
        // The last token starting at or before `at`.
        let i = tokens.partition_point(|t| t.start as usize <= at);
        if i == 0 {
            return false;
        }
        let i = (i - 1) as u32;
        let s = self.spans.partition_point(|s| s.end <= i);
        self.spans.get(s).is_some_and(|s| s.start <= i)
    }
}

/// The sum of two (word id, count) lists sorted by word id.
fn merge_counts(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => unreachable!("the loop stops when both are done"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_counts_by_word() {
        assert_eq!(
            merge_counts(&[(1, 2), (3, 1)], &[(0, 1), (3, 4), (9, 1)]),
            [(0, 1), (1, 2), (3, 5), (9, 1)]
        );
        assert_eq!(merge_counts(&[], &[(2, 2)]), [(2, 2)]);
    }
}
