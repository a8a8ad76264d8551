//! Phrase discovery: runs of two or three adjacent words, inside a sentence, that
//! occur together far more than chance (pointwise mutual information, G²) and are
//! used in varied contexts (left and right branching entropy) — units like
//! `劳模精神` that jieba splits into `劳模` + `精神`. Accepting one adds it as a user word.

use crate::cooccur::log_likelihood;
use crate::corpus::{DocView, Vocabulary};
use crate::parallel::{add_counts, add_slices, fold_docs};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct PhraseOptions {
    /// A phrase must occur at least this often.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub min_count: u32,
    /// At most this many phrases, best first.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub limit: u32,
}

impl Default for PhraseOptions {
    fn default() -> Self {
        PhraseOptions {
            min_count: 3,
            limit: 50,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Phrase {
    pub phrase: String,
    pub parts: Vec<String>,
    pub count: u32,
    /// log2 of observed over expected, at the weakest joint.
    pub pmi: f64,
    /// G² at the weakest joint.
    pub llr: f64,
    /// Branching entropy (nats) of the words before and after.
    pub left_entropy: f64,
    pub right_entropy: f64,
    /// What phrases are ranked by: ln(count) × PMI × min(left, right entropy).
    pub score: f64,
}

/// Phrases with less entropy than this on either side are fragments of a longer unit.
const MIN_ENTROPY: f64 = 0.7;
/// Longest phrase, in characters.
const MAX_PHRASE_CHARS: u32 = 8;
const NONE: u32 = u32::MAX;

type Gram = [u32; 3];

/// The words seen before and after a candidate, and how often a boundary was.
#[derive(Default)]
struct Contexts {
    left: FxHashMap<u32, u32>,
    right: FxHashMap<u32, u32>,
    left_boundaries: u32,
    right_boundaries: u32,
}

impl Contexts {
    fn merge(&mut self, other: Contexts) {
        add_counts(&mut self.left, other.left);
        add_counts(&mut self.right, other.right);
        self.left_boundaries += other.left_boundaries;
        self.right_boundaries += other.right_boundaries;
    }
}

/// The words before and after each occurrence in `doc` of a candidate (`index`: its place in
/// `contexts`).
fn add_contexts(
    contexts: &mut [Contexts],
    index: &FxHashMap<Gram, usize>,
    doc: &DocView,
    vocab: &Vocabulary,
    joinable: &[bool],
) {
    for sentence in doc.sentences() {
        for i in 0..sentence.len() {
            for len in 2..=3 {
                let Some(run) = sentence.get(i..i + len) else {
                    break;
                };
                let g = gram(run.iter().map(|t| vocab.primary(t.word)));
                let Some(&at) = index.get(&g) else {
                    continue;
                };
                let ctx = &mut contexts[at];
                // Sentence edges and punctuation are boundaries: each one a distinct context.
                match i
                    .checked_sub(1)
                    .map(|j| vocab.primary(sentence[j].word))
                    .filter(|&w| joinable[w as usize])
                {
                    Some(w) => *ctx.left.entry(w).or_default() += 1,
                    None => ctx.left_boundaries += 1,
                }
                match sentence
                    .get(i + len)
                    .map(|t| vocab.primary(t.word))
                    .filter(|&w| joinable[w as usize])
                {
                    Some(w) => *ctx.right.entry(w).or_default() += 1,
                    None => ctx.right_boundaries += 1,
                }
            }
        }
    }
}

/// The first pass's counts: every word, and every run of two or three joinable words.
struct GramCounts {
    unigrams: Vec<u32>,
    total: u64,
    grams: FxHashMap<Gram, u32>,
}

impl GramCounts {
    fn new(words: usize) -> Self {
        GramCounts {
            unigrams: vec![0; words],
            total: 0,
            grams: FxHashMap::default(),
        }
    }

    fn add(&mut self, doc: &DocView, vocab: &Vocabulary, joinable: &[bool]) {
        for sentence in doc.sentences() {
            for (i, t) in sentence.iter().enumerate() {
                self.unigrams[vocab.primary(t.word) as usize] += 1;
                self.total += 1;
                if !joinable[vocab.primary(t.word) as usize] {
                    continue;
                }
                for len in 2..=3 {
                    let Some(run) = sentence.get(i..i + len) else {
                        break;
                    };
                    if !run.iter().all(|t| joinable[vocab.primary(t.word) as usize]) {
                        break;
                    }
                    *self
                        .grams
                        .entry(gram(run.iter().map(|t| vocab.primary(t.word))))
                        .or_default() += 1;
                }
            }
        }
    }

    /// The counts of both (sums: the same whatever the order of the documents).
    fn merge(mut self, other: Self) -> Self {
        add_slices(&mut self.unigrams, &other.unigrams);
        self.total += other.total;
        add_counts(&mut self.grams, other.grams);
        self
    }
}

/// Discover phrases in `docs`.
#[cfg_attr(target_arch = "wasm32", inline(never))] // see crate::Analyzer::analyze
pub fn discover(docs: &[DocView], vocab: &Vocabulary, options: &PhraseOptions) -> Vec<Phrase> {
    let joinable: Vec<bool> = (0..vocab.len() as u32)
        .map(|id| {
            let e = vocab.entry(id);
            !(e.kind.space || e.kind.punctuation || e.kind.number || e.kind.stop)
        })
        .collect();
    let GramCounts {
        unigrams,
        total,
        grams,
    } = fold_docs(
        docs,
        || GramCounts::new(vocab.len()),
        |counts, doc| counts.add(doc, vocab, &joinable),
        GramCounts::merge,
    );
    let n = total as f64;
    let count_of = |g: &Gram| -> f64 {
        match g {
            [a, NONE, NONE] => unigrams[*a as usize] as f64,
            _ => grams.get(g).copied().unwrap_or(0) as f64,
        }
    };

    let min_count = options.min_count.max(2);
    let mut candidates: Vec<(Gram, u32, f64, f64)> = Vec::new();
    for (&g, &count) in &grams {
        if count < min_count
            || g.iter()
                .filter(|&&w| w != NONE)
                .map(|&w| vocab.entry(w).chars)
                .sum::<u32>()
                > MAX_PHRASE_CHARS
        {
            continue;
        }
        // The weakest joint decides: a phrase is only as tight as its loosest split.
        let splits: &[(Gram, Gram)] = if g[2] == NONE {
            &[([g[0], NONE, NONE], [g[1], NONE, NONE])]
        } else {
            &[
                ([g[0], NONE, NONE], [g[1], g[2], NONE]),
                ([g[0], g[1], NONE], [g[2], NONE, NONE]),
            ]
        };
        let c = count as f64;
        let (pmi, llr) = splits
            .iter()
            .fold((f64::MAX, f64::MAX), |(pmi, llr), (x, y)| {
                let (fx, fy) = (count_of(x), count_of(y));
                let split_pmi = (c * n / (fx * fy)).log2();
                let split_llr = log_likelihood(c, fx - c, fy - c, n - fx - fy + c);
                (pmi.min(split_pmi), llr.min(split_llr))
            });
        if pmi > 0.0 {
            candidates.push((g, count, pmi, llr));
        }
    }

    // Second pass: contexts of the surviving candidates only.
    let index: FxHashMap<Gram, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.0, i))
        .collect();
    let contexts = fold_docs(
        docs,
        || -> Vec<Contexts> { (0..candidates.len()).map(|_| Contexts::default()).collect() },
        |contexts, doc| add_contexts(contexts, &index, doc, vocab, &joinable),
        |mut all, partial| {
            for (ctx, more) in all.iter_mut().zip(partial) {
                ctx.merge(more);
            }
            all
        },
    );

    let mut phrases: Vec<(Gram, Phrase)> = candidates
        .into_iter()
        .zip(&contexts)
        .filter_map(|((g, count, pmi, llr), ctx)| {
            let left_entropy = entropy(&ctx.left, ctx.left_boundaries);
            let right_entropy = entropy(&ctx.right, ctx.right_boundaries);
            if left_entropy.min(right_entropy) < MIN_ENTROPY {
                return None;
            }
            let parts: Vec<String> = g
                .iter()
                .filter(|&&w| w != NONE)
                .map(|&w| vocab.word(w).to_string())
                .collect();
            let score = (count as f64).ln() * pmi * left_entropy.min(right_entropy);
            Some((
                g,
                Phrase {
                    phrase: parts.concat(),
                    parts,
                    count,
                    pmi,
                    llr,
                    left_entropy,
                    right_entropy,
                    score,
                },
            ))
        })
        .collect();
    phrases.sort_unstable_by(|a, b| {
        b.1.score
            .total_cmp(&a.1.score)
            .then(a.1.phrase.cmp(&b.1.phrase))
            // Two splits of one text (ab|c and a|bc) tie on both; the first pass's map is
            // filled in no set order on several threads, so the words decide.
            .then(a.0.cmp(&b.0))
    });
    phrases.truncate(options.limit as usize);
    phrases.into_iter().map(|(_, p)| p).collect()
}

fn gram(words: impl Iterator<Item = u32>) -> Gram {
    let mut g = [NONE; 3];
    for (slot, w) in g.iter_mut().zip(words) {
        *slot = w;
    }
    g
}

/// Entropy of the contexts, each boundary counted as a context of its own. Summed in the
/// order of the counts, not of the map, so that the last bits never depend on the order the
/// map was filled in (on several threads, no set order).
fn entropy(contexts: &FxHashMap<u32, u32>, boundaries: u32) -> f64 {
    let mut counts: Vec<u32> = contexts.values().copied().collect();
    counts.sort_unstable();
    let total = (counts.iter().sum::<u32>() + boundaries) as f64;
    if total == 0.0 {
        return 0.0;
    }
    let h = |c: f64| -(c / total) * (c / total).ln();
    counts.iter().map(|&c| h(c as f64)).sum::<f64>() + boundaries as f64 * h(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_counts_boundaries_as_distinct() {
        let mut one = FxHashMap::default();
        one.insert(7, 4);
        assert_eq!(entropy(&one, 0), 0.0);
        assert!((entropy(&FxHashMap::default(), 4) - 4f64.ln()).abs() < 1e-12);
    }
}
