//! Frequencies of the terms of a selection of documents: one pass over their per-document
//! word counts, never over their tokens.

use super::document::Document;

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
        // Word 2 is not a term (a stop word, say).
        let counts = Counts::of(&[&a, &b], vec![true, true, false, true], 3);
        assert_eq!(counts.freq, [4, 0, 0, 0]);
        assert_eq!(counts.doc_freq, [2, 0, 0, 0]);
        assert_eq!(counts.is_term, [true, false, false, false]);
        assert_eq!((counts.tokens, counts.term_tokens), (13, 4));
        assert_eq!(counts.vocabulary(), 1);
        let counts = Counts::of(&[&a, &b], vec![true; 4], 1);
        assert_eq!(counts.top_by_frequency(3), [2, 0, 1]);
        assert_eq!(counts.top_by_frequency(usize::MAX), [2, 0, 1, 3]);
    }
}
