//! Keyword weights: TF-IDF against jieba's IDF table (from the dictionary, looked up once
//! per vocabulary word), TF-IDF against an IDF computed from the loaded corpus, and
//! TextRank over term co-occurrence within a window, as jieba's `extract_tags` and `textrank` define them, but computed from
//! the tokens already in the corpus instead of segmenting again.

use crate::corpus::{Counts, DocView, Document, Terms, Vocabulary};
use rustc_hash::FxHashMap;

/// Smoothed IDF of each word over `all_docs`: ln((1 + N) / (1 + df)) + 1.
#[cfg_attr(target_arch = "wasm32", inline(never))] // see crate::Analyzer::analyze
pub fn corpus_idf(all_docs: &[Document], terms: &Terms) -> Vec<f64> {
    let mut df = vec![0u32; terms.len()];
    let mut last_doc = vec![usize::MAX; terms.len()];
    for (d, doc) in all_docs.iter().enumerate() {
        for &(word, _) in &doc.counts {
            let term = terms.of(word) as usize;
            if last_doc[term] != d {
                last_doc[term] = d;
                df[term] += 1;
            }
        }
    }
    let n = all_docs.len() as f64;
    df.into_iter()
        .map(|d| ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0)
        .collect()
}

/// TextRank window: terms up to this many tokens apart are linked (jieba's `span`).
pub const TEXTRANK_SPAN: usize = 5;
const TEXTRANK_DAMPING: f64 = 0.85;
const TEXTRANK_ITERATIONS: usize = 10;
/// The graph is built over at most this many of the most frequent terms, which bounds
/// its size on large corpora; rarer terms do not reach the top of a TextRank list.
pub const TEXTRANK_MAX_NODES: usize = 2000;

/// TextRank weights of the most frequent terms of `docs`, normalised as jieba does
/// (the best gets 1.0). Pairs are counted within `TEXTRANK_SPAN` tokens inside a document.
#[cfg_attr(target_arch = "wasm32", inline(never))] // see crate::Analyzer::analyze
pub fn textrank(docs: &[DocView], counts: &Counts) -> FxHashMap<u32, f64> {
    const NOT_A_NODE: u32 = u32::MAX;
    let nodes = counts.top_by_frequency(TEXTRANK_MAX_NODES);
    let mut index = vec![NOT_A_NODE; counts.freq.len()];
    for (i, &id) in nodes.iter().enumerate() {
        index[id as usize] = i as u32;
    }
    let mut edges: FxHashMap<(u32, u32), f64> = FxHashMap::default();
    for doc in docs {
        let slots: Vec<u32> = doc
            .tokens()
            .map(|t| {
                counts
                    .term(t.word)
                    .map_or(NOT_A_NODE, |term| index[term as usize])
            })
            .collect();
        for (i, &a) in slots.iter().enumerate() {
            if a == NOT_A_NODE {
                continue;
            }
            for &b in slots.iter().take(i + TEXTRANK_SPAN).skip(i + 1) {
                if b != NOT_A_NODE && a != b {
                    *edges.entry((a.min(b), a.max(b))).or_default() += 1.0;
                }
            }
        }
    }
    let ranks = weighted_pagerank(nodes.len(), &edges);
    let (min, max) = ranks
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &r| (lo.min(r), hi.max(r)));
    nodes
        .iter()
        .zip(ranks)
        .map(|(&id, r)| {
            (
                id,
                if max > min / 10.0 {
                    (r - min / 10.0) / (max - min / 10.0)
                } else {
                    0.0
                },
            )
        })
        .collect()
}

/// jieba's undirected weighted PageRank: ten sweeps, updating in place.
fn weighted_pagerank(n: usize, edges: &FxHashMap<(u32, u32), f64>) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let mut adjacency: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
    let mut sorted: Vec<(&(u32, u32), &f64)> = edges.iter().collect();
    sorted.sort_unstable_by_key(|(k, _)| **k); // deterministic neighbour order
    for (&(a, b), &w) in sorted {
        adjacency[a as usize].push((b, w));
        adjacency[b as usize].push((a, w));
    }
    let out_sum: Vec<f64> = adjacency
        .iter()
        .map(|adj| adj.iter().map(|e| e.1).sum())
        .collect();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..TEXTRANK_ITERATIONS {
        for v in 0..n {
            let s: f64 = adjacency[v]
                .iter()
                .map(|&(u, w)| w / out_sum[u as usize] * rank[u as usize])
                .sum();
            rank[v] = (1.0 - TEXTRANK_DAMPING) + TEXTRANK_DAMPING * s;
        }
    }
    rank
}

/// TF-IDF (bundled and corpus IDF) of `term`: its share of the selection's term tokens times IDF.
/// The bundled one is `None` while jieba's IDF table is not loaded.
pub fn tfidf(
    term: u32,
    counts: &Counts,
    vocab: &Vocabulary,
    corpus_idf: &[f64],
) -> (Option<f64>, f64) {
    let tf = counts.freq[term as usize] as f64 / counts.term_tokens.max(1) as f64;
    (
        vocab.idf(term).map(|idf| tf * f64::from(idf)),
        tf * corpus_idf[term as usize],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagerank_favours_the_hub() {
        let mut edges = FxHashMap::default();
        edges.insert((0, 1), 1.0);
        edges.insert((0, 2), 1.0);
        edges.insert((0, 3), 1.0);
        let r = weighted_pagerank(4, &edges);
        assert!(r[0] > r[1] && r[1] == r[2] && r[2] == r[3]);
    }
}
