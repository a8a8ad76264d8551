//! Keyness: which terms make a document (or a group) different from the rest —
//! log-likelihood (G²) for significance, log ratio for effect size.

use crate::cooccur::log_likelihood;
use crate::corpus::Counts;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct KeyTerm {
    pub term: String,
    pub target_freq: u32,
    pub reference_freq: u32,
    /// G², positive when the term is over-used in the target, negative when under-used.
    pub llr: f64,
    /// log2 of the ratio of relative frequencies (0.5 added to zero counts).
    pub log_ratio: f64,
}

/// Terms of `target` against `reference`, the most over-used first (by G²), at most `limit`.
pub fn keyness(
    target: &Counts,
    reference: &Counts,
    limit: usize,
    word: impl Fn(u32) -> String,
) -> Vec<KeyTerm> {
    let (c, d) = (target.term_tokens as f64, reference.term_tokens as f64);
    if c == 0.0 || d == 0.0 {
        return Vec::new();
    }
    let mut terms: Vec<KeyTerm> = (0..target.freq.len())
        .filter(|&id| target.freq[id] > 0 || reference.freq[id] > 0)
        .map(|id| {
            let (a, b) = (target.freq[id] as f64, reference.freq[id] as f64);
            let llr = log_likelihood(a, b, c - a, d - b);
            let log_ratio = ((a.max(0.5) / c) / (b.max(0.5) / d)).log2();
            KeyTerm {
                term: word(id as u32),
                target_freq: a as u32,
                reference_freq: b as u32,
                llr,
                log_ratio,
            }
        })
        .collect();
    terms.sort_unstable_by(|x, y| y.llr.total_cmp(&x.llr).then(x.term.cmp(&y.term)));
    terms.truncate(limit);
    terms
}
