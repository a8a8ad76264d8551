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

/// Terms of `target` against `reference`, the most over-used first (by G²), at most `limit`;
/// then up to `under` of the most under-used (G² < 0) that `limit` left out, the most negative
/// first.
pub fn keyness(
    target: &Counts,
    reference: &Counts,
    limit: usize,
    under: usize,
    word: impl Fn(u32) -> String,
) -> Vec<KeyTerm> {
    let (c, d) = (target.term_tokens as f64, reference.term_tokens as f64);
    if c == 0.0 || d == 0.0 {
        return Vec::new();
    }
    let terms: Vec<KeyTerm> = (0..target.freq.len())
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
    most_over_then_under(terms, limit, under)
}

/// The `limit` terms with the highest G², then up to `under` of the rest with G² < 0, the
/// most negative first; ties by term.
fn most_over_then_under(mut terms: Vec<KeyTerm>, limit: usize, under: usize) -> Vec<KeyTerm> {
    terms.sort_unstable_by(|x, y| y.llr.total_cmp(&x.llr).then(x.term.cmp(&y.term)));
    let rest = terms.split_off(limit.min(terms.len()));
    terms.extend(
        rest.into_iter()
            .rev()
            .take_while(|t| t.llr < 0.0)
            .take(under),
    );
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_under_used_come_after_the_limit() {
        let term = |name: &str, llr: f64| KeyTerm {
            term: name.to_string(),
            target_freq: 1,
            reference_freq: 1,
            llr,
            log_ratio: llr.signum(),
        };
        let terms = || {
            vec![
                term("少", -2.0),
                term("多", 9.0),
                term("平", 0.0),
                term("缺", -8.0),
            ]
        };
        let names = |terms: Vec<KeyTerm>| terms.into_iter().map(|t| t.term).collect::<Vec<_>>();
        assert_eq!(names(most_over_then_under(terms(), 1, 0)), ["多"]);
        assert_eq!(
            names(most_over_then_under(terms(), 1, 5)),
            ["多", "缺", "少"]
        );
        assert_eq!(names(most_over_then_under(terms(), 1, 1)), ["多", "缺"]);
        // What the limit keeps is not listed twice.
        assert_eq!(
            names(most_over_then_under(terms(), 3, 5)),
            ["多", "平", "少", "缺"]
        );
    }

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
