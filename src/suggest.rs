//! Suggested stop words: terms that are frequent, spread evenly over every document of the
//! selection, and key to none of them (进行, 表示, 认为 …) — words that say nothing about
//! what sets one text apart, each offered to be stopped with one click.
//!
//! Evenness is Gries' DP ("deviation of proportions", Gries 2008): half the sum, over the
//! documents, of |the share of the term's occurrences in the document − the document's share
//! of the selection's term tokens|. 0 is a term spread exactly as the text is, values near 1
//! a term crowded into one small part. DP rather than Juilland's D because D assumes parts of
//! equal size, and documents are anything but: DP weighs each by its size, stays within
//! [0, 1) whatever the number of parts, and needs no corrections for it. "Key to none" is the
//! log-likelihood (G²) of the term in each document against the rest of the selection, below
//! the 5 % critical value (3.84) in every one, over-use and under-use alike.

use crate::cooccur::log_likelihood;
use crate::corpus::{Counts, DocView};
use serde::{Deserialize, Serialize};

/// G² below this in every document: no document over- or under-uses the term (p ≥ 0.05).
const KEYNESS_CRITICAL: f64 = 3.84;

/// Options of `suggest_stop_words`; every field has a default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct SuggestOptions {
    /// At least this many occurrences in the selection.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub min_frequency: u32,
    /// At most this DP (0 = spread exactly as the text).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub max_dp: f64,
    /// At most this many suggestions, the most frequent first.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub limit: u32,
}

impl Default for SuggestOptions {
    fn default() -> Self {
        SuggestOptions {
            min_frequency: 10,
            max_dp: 0.2,
            limit: 50,
        }
    }
}

/// One suggested stop word.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SuggestedStopWord {
    pub term: String,
    pub pos: String,
    pub freq: u32,
    pub doc_freq: u32,
    /// Gries' DP over the selection's documents.
    pub dp: f64,
    /// The largest |G²| of the term in one document against the rest.
    pub max_keyness: f64,
}

/// A candidate found: (term, DP, max |G²|).
pub type Suggestion = (u32, f64, f64);

/// The terms of `counts` (over `docs`) that qualify, the most frequent first. Needs two
/// documents at least: in one, nothing can be spread or key.
pub fn suggest(docs: &[DocView], counts: &Counts, options: &SuggestOptions) -> Vec<Suggestion> {
    let k = docs.len();
    if k < 2 {
        return Vec::new();
    }
    let candidates: Vec<u32> = (0..counts.freq.len() as u32)
        .filter(|&t| {
            let i = t as usize;
            counts.freq[i] >= options.min_frequency.max(1) && counts.doc_freq[i] as usize == k
        })
        .collect();
    let mut index = vec![u32::MAX; counts.freq.len()];
    for (c, &t) in candidates.iter().enumerate() {
        index[t as usize] = c as u32;
    }
    // Per document: its term tokens, and each candidate's count.
    let mut sizes = vec![0f64; k];
    let mut per_doc = vec![0u32; k * candidates.len()];
    for (d, doc) in docs.iter().enumerate() {
        for &(entry, count) in doc.counts() {
            let Some(term) = counts.term(entry) else {
                continue;
            };
            sizes[d] += f64::from(count);
            let c = index[term as usize];
            if c != u32::MAX {
                per_doc[d * candidates.len() + c as usize] += count;
            }
        }
    }
    let total: f64 = sizes.iter().sum();
    let mut out: Vec<Suggestion> = candidates
        .iter()
        .enumerate()
        .filter_map(|(c, &term)| {
            let f = f64::from(counts.freq[term as usize]);
            let (mut dp, mut max_keyness) = (0.0, 0f64);
            for d in 0..k {
                let v = f64::from(per_doc[d * candidates.len() + c]);
                dp += (v / f - sizes[d] / total).abs();
                let g2 = log_likelihood(v, f - v, sizes[d] - v, total - sizes[d] - (f - v));
                max_keyness = max_keyness.max(g2.abs());
            }
            let dp = dp / 2.0;
            (dp <= options.max_dp && max_keyness < KEYNESS_CRITICAL).then_some((
                term,
                dp,
                max_keyness,
            ))
        })
        .collect();
    out.sort_by(|a, b| {
        counts.freq[b.0 as usize]
            .cmp(&counts.freq[a.0 as usize])
            .then(a.0.cmp(&b.0))
    });
    out.truncate(options.limit as usize);
    out
}
