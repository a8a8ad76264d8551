//! Frequencies of the terms of a selection of documents: one pass over their per-document
//! word counts, never over their tokens. Which vocabulary entries count as one term is
//! decided here, at aggregation time ([`Terms`]): a word's entries with different tags, and
//! the forms of a merge group, never by segmenting again.

use super::view::DocView;
use super::vocabulary::Vocabulary;
use rustc_hash::FxHashMap;

/// Not a term.
const NONE: u32 = u32::MAX;

/// A merge (合并词): forms counted as one term under a name the person chose (劳模 =
/// 劳动模范 + 劳模). Applied when counting: nothing is segmented again.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Merge {
    /// The term's name (itself one of the forms, whether listed or not).
    pub name: String,
    pub forms: Vec<String>,
}

/// Merges as (name, forms), names and forms trimmed, empty ones left out.
pub fn merge_groups(merges: &[Merge]) -> Vec<(String, Vec<String>)> {
    merges
        .iter()
        .filter(|m| !m.name.trim().is_empty())
        .map(|m| {
            let forms = m
                .forms
                .iter()
                .map(|f| f.trim().to_string())
                .filter(|f| !f.is_empty())
                .collect();
            (m.name.trim().to_string(), forms)
        })
        .collect()
}

/// Which vocabulary entries are counted as one term: each entry's term, named by the entry
/// that stands for it (its word's primary entry, or a merge group's first form), and the
/// names merge groups chose.
#[derive(Debug, Clone)]
pub struct Terms {
    of: Vec<u32>,
    names: FxHashMap<u32, String>,
}

impl Terms {
    /// A word's entries together (`separate_pos` false: the same word with two tags is one
    /// term) or apart; the forms of each group in `merges` (name, forms) together under its
    /// name, whatever their tags (the name counts as a form too). A form already in an
    /// earlier group stays there.
    pub fn new(vocab: &Vocabulary, merges: &[(String, Vec<String>)], separate_pos: bool) -> Terms {
        let mut head_of: FxHashMap<u32, u32> = FxHashMap::default();
        let mut names = FxHashMap::default();
        for (name, forms) in merges {
            let mut head = None;
            for form in forms.iter().map(String::as_str).chain([name.as_str()]) {
                let Some(primary) = vocab.id(form) else {
                    continue;
                };
                if head_of.contains_key(&primary) {
                    continue;
                }
                let h = *head.get_or_insert(primary);
                head_of.insert(primary, h);
            }
            if let Some(h) = head {
                names.insert(h, name.clone());
            }
        }
        let of = (0..vocab.len() as u32)
            .map(|id| {
                let primary = vocab.primary(id);
                match head_of.get(&primary) {
                    Some(&head) => head,
                    None if separate_pos => id,
                    None => primary,
                }
            })
            .collect();
        Terms { of, names }
    }

    /// Every entry its own term (`n` entries).
    #[cfg(test)]
    pub fn identity(n: usize) -> Terms {
        Terms {
            of: (0..n as u32).collect(),
            names: FxHashMap::default(),
        }
    }

    /// The term of entry `id`.
    #[inline]
    pub fn of(&self, id: u32) -> u32 {
        self.of[id as usize]
    }

    /// The name of a term: a merge group's chosen name, else its word.
    pub fn name<'a>(&'a self, term: u32, vocab: &'a Vocabulary) -> &'a str {
        self.names
            .get(&term)
            .map_or_else(|| vocab.word(term), String::as_str)
    }

    pub fn len(&self) -> usize {
        self.of.len()
    }
}

/// Frequencies of the terms of a selection of documents, indexed by term (the entry that
/// stands for it, see [`Terms`]).
#[derive(Debug, Clone)]
pub struct Counts {
    /// The term each entry counts towards, if it is counted at all.
    term_of: Vec<u32>,
    /// Each term's most frequent entry in the selection (whose tag the term shows).
    main: Vec<u32>,
    /// Frequency of each word in the selection (terms only; 0 for the rest).
    pub freq: Vec<u32>,
    /// Number of selected documents each term occurs in.
    pub doc_freq: Vec<u32>,
    /// Tokens of the selection that are not whitespace.
    pub tokens: u64,
    /// Tokens of the selection that are terms.
    pub term_tokens: u64,
}

impl Counts {
    /// Count `docs`: the entries `mask` allows, each towards its term in `terms`, keeping the
    /// terms that occur at least `min_frequency` times.
    pub fn of(docs: &[DocView], mask: Vec<bool>, min_frequency: u32, terms: &Terms) -> Counts {
        let n = mask.len();
        let mut freq = vec![0u32; n];
        let mut doc_freq = vec![0u32; n];
        let mut last_doc = vec![u32::MAX; n];
        let mut entry_freq = vec![0u32; n];
        let mut tokens = 0;
        for (d, doc) in docs.iter().enumerate() {
            tokens += u64::from(doc.token_count());
            for &(word, count) in doc.counts() {
                if mask[word as usize] {
                    let term = terms.of(word) as usize;
                    freq[term] += count;
                    entry_freq[word as usize] += count;
                    if last_doc[term] != d as u32 {
                        last_doc[term] = d as u32;
                        doc_freq[term] += 1;
                    }
                }
            }
        }
        let mut term_tokens = 0;
        for id in 0..n {
            if freq[id] > 0 && freq[id] < min_frequency.max(1) {
                freq[id] = 0;
                doc_freq[id] = 0;
            }
            term_tokens += u64::from(freq[id]);
        }
        let mut main = vec![NONE; n];
        for (entry, &f) in entry_freq.iter().enumerate() {
            let term = terms.of(entry as u32) as usize;
            if f > 0 && (main[term] == NONE || f > entry_freq[main[term] as usize]) {
                main[term] = entry as u32;
            }
        }
        let term_of = (0..n)
            .map(|id| {
                let term = terms.of(id as u32);
                if mask[id] && freq[term as usize] > 0 {
                    term
                } else {
                    NONE
                }
            })
            .collect();
        Counts {
            term_of,
            main,
            freq,
            doc_freq,
            tokens,
            term_tokens,
        }
    }

    /// The entry of `term` that occurs most in the selection (the term itself if none does).
    pub fn main_entry(&self, term: u32) -> u32 {
        match self.main[term as usize] {
            NONE => term,
            entry => entry,
        }
    }

    /// The term a token of entry `id` counts as, if it counts.
    #[inline]
    pub fn term(&self, id: u32) -> Option<u32> {
        match self.term_of[id as usize] {
            NONE => None,
            term => Some(term),
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

#[cfg(test)]
mod tests {
    use super::super::{Document, Vocabulary};
    use super::*;

    fn document(id: u32, counts: Vec<(u32, u32)>) -> Document {
        let mut doc = Document::new(id, "a.txt", "UTF-8", 1, "文".into());
        doc.token_count = counts.iter().map(|c| c.1).sum();
        doc.counts = counts;
        doc
    }

    #[test]
    fn counts_terms_of_the_selection_above_the_minimum() {
        let a = document(0, vec![(0, 3), (1, 1), (2, 5)]);
        let b = document(1, vec![(0, 1), (1, 1), (3, 2)]);
        let vocab = Vocabulary::default();
        let views = [DocView::new(&a, &vocab, &[]), DocView::new(&b, &vocab, &[])];
        let views = &views[..];
        // Word 2 is not a term (a stop word, say).
        let counts = Counts::of(views, vec![true, true, false, true], 3, &Terms::identity(4));
        assert_eq!(counts.freq, [4, 0, 0, 0]);
        assert_eq!(counts.doc_freq, [2, 0, 0, 0]);
        assert_eq!((counts.term(0), counts.term(1)), (Some(0), None));
        assert_eq!((counts.tokens, counts.term_tokens), (13, 4));
        assert_eq!(counts.vocabulary(), 1);
        let counts = Counts::of(views, vec![true; 4], 1, &Terms::identity(4));
        assert_eq!((counts.term(2), counts.term(1)), (Some(2), Some(1)));
        assert_eq!(counts.top_by_frequency(3), [2, 0, 1]);
        assert_eq!(counts.top_by_frequency(usize::MAX), [2, 0, 1, 3]);
        // Entries 0 and 2 counted as one term (two tags of a word, or a merge), named 0.
        let terms = Terms {
            of: vec![0, 1, 0, 3],
            names: FxHashMap::default(),
        };
        let counts = Counts::of(views, vec![true; 4], 1, &terms);
        assert_eq!(counts.freq, [9, 2, 0, 2]);
        assert_eq!(counts.doc_freq, [2, 2, 0, 1]);
        assert_eq!(counts.term(2), Some(0));
        assert_eq!(counts.main_entry(0), 2);
    }
}
