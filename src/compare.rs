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

/// G² and log ratio of a term seen `a` times in a target of `c` term tokens and `b` times in
/// a reference of `d` (both sizes > 0).
pub fn key_scores(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let llr = log_likelihood(a, b, c - a, d - b);
    let log_ratio = ((a.max(0.5) / c) / (b.max(0.5) / d)).log2();
    (llr, log_ratio)
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
            let (llr, log_ratio) = key_scores(a, b, c, d);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_scores_sign_follows_over_and_under_use() {
        // 10 in 100 against 10 in 1,000: over-used, ten times as often.
        let (llr, ratio) = key_scores(10.0, 10.0, 100.0, 1000.0);
        assert!(llr > 10.0, "{llr}");
        assert!((ratio - 10f64.log2()).abs() < 1e-9);
        let (llr, ratio) = key_scores(1.0, 100.0, 100.0, 1000.0);
        assert!(llr < 0.0 && ratio < 0.0);
        // As often in both: nothing to say.
        let (llr, ratio) = key_scores(5.0, 50.0, 100.0, 1000.0);
        assert!(llr.abs() < 1e-9 && ratio.abs() < 1e-9);
    }
}
