//! Term co-occurrence: pairs of the top terms counted within a sentence or a
//! window of terms, scored by an association measure, kept as a network whose
//! communities (Louvain) the page colours. Counting touches only the chosen
//! nodes, so its cost grows with the number of tokens (times the window or the
//! sentence length), never with the square of the vocabulary.

use crate::corpus::{Counts, DocView};
use crate::parallel::{add_counts, add_slices, fold_docs};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// What counts as "together".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// Both terms occur in the same sentence (each sentence counts once per pair).
    Sentence,
    /// Both terms occur in the same run of `window` consecutive terms (each run is a unit).
    Window,
}

/// How a pair is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Measure {
    Count,
    Jaccard,
    Dice,
    /// Normalised pointwise mutual information, in [-1, 1].
    Npmi,
    /// Log-likelihood ratio (G²) of the 2×2 table.
    Llr,
}

/// Network settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkOptions {
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub unit: Unit,
    /// Window size in terms, for `Unit::Window`.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub window: u32,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub measure: Measure,
    /// Number of nodes: the most frequent terms.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub nodes: u32,
    /// At most this many edges, the best by the measure.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub max_edges: u32,
    /// Edges scoring below this are dropped.
    #[cfg_attr(test, ts(optional = nullable))]
    pub min_score: Option<f64>,
    /// Pairs seen fewer times than this are dropped.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub min_count: u32,
}

impl Default for NetworkOptions {
    fn default() -> Self {
        NetworkOptions {
            unit: Unit::Sentence,
            window: 5,
            measure: Measure::Npmi,
            nodes: 60,
            max_edges: 150,
            min_score: None,
            min_count: 2,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NetworkNode {
    pub id: u32,
    pub term: String,
    pub freq: u32,
    pub doc_freq: u32,
    /// Community index, 0 for the largest.
    pub community: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NetworkEdge {
    /// Index into `nodes`.
    pub source: u32,
    pub target: u32,
    pub count: u32,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Network {
    pub unit: Unit,
    pub measure: Measure,
    /// Number of units counted in: sentences, or windows.
    pub units: u64,
    pub nodes: Vec<NetworkNode>,
    pub edges: Vec<NetworkEdge>,
}

/// Build the network of the top terms of `docs`; `word` names a vocabulary id.
#[cfg_attr(target_arch = "wasm32", inline(never))] // see crate::Analyzer::analyze
pub fn network(
    docs: &[DocView],
    counts: &Counts,
    options: &NetworkOptions,
    word: impl Fn(u32) -> String,
) -> Network {
    let top = counts.top_by_frequency(options.nodes as usize);
    let mut slot = vec![u32::MAX; counts.freq.len()];
    for (i, &id) in top.iter().enumerate() {
        slot[id as usize] = i as u32;
    }
    let n = top.len();
    // Per node: units it occurs in (sentence) or its frequency (window).
    let PairCounts {
        occurrences,
        pairs,
        units,
    } = fold_docs(
        docs,
        || PairCounts::new(n),
        |all, doc| all.add(doc, counts, &slot, options),
        PairCounts::merge,
    );

    let mut edges: Vec<NetworkEdge> = pairs
        .into_iter()
        .filter(|&(_, count)| count >= options.min_count.max(1))
        .map(|((a, b), count)| NetworkEdge {
            source: a,
            target: b,
            count,
            score: score(
                options.measure,
                count as f64,
                occurrences[a as usize] as f64,
                occurrences[b as usize] as f64,
                units as f64,
            ),
        })
        .filter(|e| options.min_score.is_none_or(|min| e.score >= min))
        .collect();
    edges.sort_unstable_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(y.count.cmp(&x.count))
            .then((x.source, x.target).cmp(&(y.source, y.target)))
    });
    edges.truncate(options.max_edges as usize);

    let communities = louvain(n, &edges);
    let nodes = top
        .iter()
        .zip(communities)
        .map(|(&id, community)| NetworkNode {
            id,
            term: word(id),
            freq: counts.freq[id as usize],
            doc_freq: counts.doc_freq[id as usize],
            community,
        })
        .collect();
    Network {
        unit: options.unit,
        measure: options.measure,
        units,
        nodes,
        edges,
    }
}

/// Units counted in and the pairs seen together in them, over some of the documents.
struct PairCounts {
    occurrences: Vec<u64>,
    pairs: FxHashMap<(u32, u32), u32>,
    units: u64,
}

impl PairCounts {
    fn new(nodes: usize) -> Self {
        PairCounts {
            occurrences: vec![0; nodes],
            pairs: FxHashMap::default(),
            units: 0,
        }
    }

    /// Counts `doc`'s units; `slot`: each term's node, or `u32::MAX`.
    fn add(&mut self, doc: &DocView, counts: &Counts, slot: &[u32], options: &NetworkOptions) {
        let mut present: Vec<u32> = Vec::new();
        match options.unit {
            Unit::Sentence => {
                for sentence in doc.sentences() {
                    present.clear();
                    present.extend(
                        sentence
                            .iter()
                            .filter_map(|t| counts.term(t.word))
                            .map(|term| slot[term as usize])
                            .filter(|&s| s != u32::MAX),
                    );
                    present.sort_unstable();
                    present.dedup();
                    self.units += u64::from(sentence.iter().any(|t| counts.term(t.word).is_some()));
                    count_unit(&present, &mut self.occurrences, &mut self.pairs);
                }
            }
            Unit::Window => {
                // Every run of `window` consecutive terms is a unit, like a sentence: a term
                // counts once per window it is in, a pair once per window holding both, so
                // every measure stays within its range (a pair never outnumbers its terms).
                let terms: Vec<u32> = doc
                    .tokens()
                    .filter_map(|t| counts.term(t.word))
                    .map(|term| slot[term as usize])
                    .collect();
                let window = options.window.max(2) as usize;
                for start in 0..terms.len() {
                    present.clear();
                    present.extend(
                        terms[start..(start + window).min(terms.len())]
                            .iter()
                            .copied()
                            .filter(|&s| s != u32::MAX),
                    );
                    present.sort_unstable();
                    present.dedup();
                    self.units += 1;
                    count_unit(&present, &mut self.occurrences, &mut self.pairs);
                }
            }
        }
    }

    /// The counts of both (sums: the same whatever the order of the documents).
    fn merge(mut self, other: Self) -> Self {
        add_slices(&mut self.occurrences, &other.occurrences);
        add_counts(&mut self.pairs, other.pairs);
        self.units += other.units;
        self
    }
}

/// Count one unit holding the (sorted, distinct) nodes `present`.
fn count_unit(present: &[u32], occurrences: &mut [u64], pairs: &mut FxHashMap<(u32, u32), u32>) {
    for (i, &a) in present.iter().enumerate() {
        occurrences[a as usize] += 1;
        for &b in &present[i + 1..] {
            *pairs.entry((a, b)).or_default() += 1;
        }
    }
}

/// Score a pair seen together `a` times, its members `fx` and `fy` times, out of `n` units.
pub fn score(measure: Measure, a: f64, fx: f64, fy: f64, n: f64) -> f64 {
    match measure {
        Measure::Count => a,
        Measure::Jaccard => (a / (fx + fy - a)).min(1.0),
        Measure::Dice => (2.0 * a / (fx + fy)).min(1.0),
        Measure::Npmi => {
            let p_xy = (a / n).min(1.0);
            if p_xy >= 1.0 {
                return 1.0;
            }
            ((p_xy / ((fx / n) * (fy / n))).ln() / -p_xy.ln()).clamp(-1.0, 1.0)
        }
        Measure::Llr => log_likelihood(
            a,
            (fx - a).max(0.0),
            (fy - a).max(0.0),
            (n - fx - fy + a).max(0.0),
        ),
    }
}

/// G² of a 2×2 table [[k11, k12], [k21, k22]], signed negative when the pair is rarer than chance.
pub fn log_likelihood(k11: f64, k12: f64, k21: f64, k22: f64) -> f64 {
    let n = k11 + k12 + k21 + k22;
    if n <= 0.0 {
        return 0.0;
    }
    let term = |k: f64, row: f64, col: f64| {
        let expected = row * col / n;
        if k > 0.0 && expected > 0.0 {
            k * (k / expected).ln()
        } else {
            0.0
        }
    };
    let (r1, r2, c1, c2) = (k11 + k12, k21 + k22, k11 + k21, k12 + k22);
    let g2 = 2.0 * (term(k11, r1, c1) + term(k12, r1, c2) + term(k21, r2, c1) + term(k22, r2, c2));
    if k11 < r1 * c1 / n {
        -g2.max(0.0)
    } else {
        g2.max(0.0)
    }
}

/// Louvain community detection (one-level moves, then aggregation, repeated) on the
/// undirected graph of `n` nodes; weights are the edge scores, floored at a small
/// positive value so that negative or zero scores still join their ends.
/// Returns each node's community, numbered by size (0 = largest), ties by first node.
pub fn louvain(n: usize, edges: &[NetworkEdge]) -> Vec<u32> {
    let mut weighted: Vec<(usize, usize, f64)> = edges
        .iter()
        .map(|e| (e.source as usize, e.target as usize, e.score.max(1e-6)))
        .collect();
    let mut membership: Vec<usize> = (0..n).collect();
    let mut size = n;
    loop {
        let level = one_level(size, &weighted);
        let communities = level.iter().copied().max().map_or(0, |m| m + 1);
        for m in membership.iter_mut() {
            *m = level[*m];
        }
        if communities == size {
            break;
        }
        let mut merged: FxHashMap<(usize, usize), f64> = FxHashMap::default();
        for &(a, b, w) in &weighted {
            let (ca, cb) = (level[a], level[b]);
            *merged.entry((ca.min(cb), ca.max(cb))).or_default() += w;
        }
        weighted = merged.into_iter().map(|((a, b), w)| (a, b, w)).collect();
        weighted.sort_unstable_by_key(|x| (x.0, x.1));
        size = communities;
    }
    renumber_by_size(&membership)
}

/// One Louvain level: move nodes to the neighbouring community with the best
/// modularity gain until nothing moves. Returns dense community ids.
fn one_level(n: usize, edges: &[(usize, usize, f64)]) -> Vec<usize> {
    let mut adjacency: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut degree = vec![0.0; n];
    let mut self_loops = vec![0.0; n];
    let mut total = 0.0;
    for &(a, b, w) in edges {
        if a == b {
            self_loops[a] += w;
            degree[a] += 2.0 * w;
        } else {
            adjacency[a].push((b, w));
            adjacency[b].push((a, w));
            degree[a] += w;
            degree[b] += w;
        }
        total += w;
    }
    let mut community: Vec<usize> = (0..n).collect();
    if total <= 0.0 {
        return community;
    }
    let m2 = 2.0 * total;
    let mut community_degree = degree.clone();
    let mut links: FxHashMap<usize, f64> = FxHashMap::default();
    for _pass in 0..100 {
        let mut moved = false;
        for v in 0..n {
            let current = community[v];
            links.clear();
            for &(u, w) in &adjacency[v] {
                *links.entry(community[u]).or_default() += w;
            }
            community_degree[current] -= degree[v];
            let gain = |c: usize, k_in: f64| k_in - community_degree[c] * degree[v] / m2;
            let mut best = current;
            let mut best_gain = gain(current, links.get(&current).copied().unwrap_or(0.0));
            let mut candidates: Vec<(usize, f64)> = links.iter().map(|(&c, &w)| (c, w)).collect();
            candidates.sort_unstable_by_key(|c| c.0); // deterministic tie-breaking
            for (c, k_in) in candidates {
                let g = gain(c, k_in);
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            community_degree[best] += degree[v];
            if best != current {
                community[v] = best;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    // Dense ids in order of first appearance.
    let mut dense = vec![usize::MAX; n];
    let mut next = 0;
    community
        .iter()
        .map(|&c| {
            if dense[c] == usize::MAX {
                dense[c] = next;
                next += 1;
            }
            dense[c]
        })
        .collect()
}

fn renumber_by_size(membership: &[usize]) -> Vec<u32> {
    let communities = membership.iter().copied().max().map_or(0, |m| m + 1);
    let mut sizes = vec![(0usize, usize::MAX); communities];
    for (node, &c) in membership.iter().enumerate() {
        sizes[c].0 += 1;
        sizes[c].1 = sizes[c].1.min(node);
    }
    let mut order: Vec<usize> = (0..communities).collect();
    order.sort_unstable_by(|&a, &b| {
        sizes[b]
            .0
            .cmp(&sizes[a].0)
            .then(sizes[a].1.cmp(&sizes[b].1))
    });
    let mut rank = vec![0u32; communities];
    for (r, &c) in order.iter().enumerate() {
        rank[c] = r as u32;
    }
    membership.iter().map(|&c| rank[c]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(source: u32, target: u32) -> NetworkEdge {
        NetworkEdge {
            source,
            target,
            count: 1,
            score: 1.0,
        }
    }

    #[test]
    fn louvain_finds_two_triangles() {
        let edges = [
            edge(0, 1),
            edge(1, 2),
            edge(0, 2),
            edge(3, 4),
            edge(4, 5),
            edge(3, 5),
            edge(2, 3),
        ];
        let c = louvain(6, &edges);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_eq!(c[3], c[4]);
        assert_eq!(c[4], c[5]);
        assert_ne!(c[0], c[3]);
        assert_eq!(louvain(2, &[]), [0, 1]);
    }

    #[test]
    fn measures_behave() {
        assert_eq!(score(Measure::Count, 3.0, 5.0, 5.0, 100.0), 3.0);
        assert_eq!(score(Measure::Jaccard, 5.0, 5.0, 5.0, 100.0), 1.0);
        assert_eq!(score(Measure::Dice, 2.0, 4.0, 4.0, 100.0), 0.5);
        assert!((score(Measure::Npmi, 5.0, 5.0, 5.0, 100.0) - 1.0).abs() < 1e-9);
        assert!(score(Measure::Npmi, 1.0, 50.0, 50.0, 100.0) < 0.0);
        assert!(score(Measure::Llr, 10.0, 10.0, 10.0, 1000.0) > 50.0);
        assert!(score(Measure::Llr, 1.0, 50.0, 50.0, 100.0) < 0.0);
    }
}
