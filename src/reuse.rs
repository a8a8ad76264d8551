//! Text reuse: the passages two documents share, at least `min_chars` characters long, for
//! every pair of documents at once.
//!
//! Texts are compared after normalising: whitespace is left out, letters and digits are folded
//! to lower-case ASCII, and every run of punctuation marks and symbols is one and the same mark,
//! so "，" matches ",", "、" and "。”". Characters are counted after that.
//!
//! Winnowing (Schleimer, Wilkerson and Aiken, 2003): every k-gram of a document is hashed, and
//! of every window of `w` consecutive k-grams the smallest hash is kept as a fingerprint. With
//! k = ⌈min/2⌉ and w = min − k + 1, a shared run of `min` characters holds a whole window in both
//! documents, so both keep a fingerprint of the same hash at the same place in the run: every
//! such run is found. Documents sharing a fingerprint are then compared character by character
//! from there, along the diagonal, to the longest common run; runs of at least `min` are the
//! passages. Work is proportional to the text plus the shared passages, not to the number of
//! pairs of documents.

use crate::script::Converted;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The smallest and largest `min_chars` accepted.
pub const MIN_CHARS: std::ops::RangeInclusive<u32> = 8..=10_000;
/// A fingerprint found in more documents than this is boilerplate (a disclaimer every page of a
/// site prints): it pairs nothing, or one line would make millions of pairs.
const MAX_DOCUMENTS_PER_FINGERPRINT: usize = 500;
/// What every run of punctuation becomes.
const PUNCTUATION: u32 = 1;

/// One document to compare: its text and the byte ranges of it that count, and for a
/// traditional document its simplified conversion, which is compared instead (so that its
/// passages are found in simplified copies too) while offsets stay the text's own.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    pub id: u32,
    pub text: &'a str,
    pub counted: Vec<Range<usize>>,
    pub converted: Option<&'a Converted>,
}

/// A passage two documents share: byte ranges in each one's text, and its length in
/// normalised characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub chars: u32,
}

/// Two documents that share passages; `a` came before `b` in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub a: u32,
    pub b: u32,
    /// In `a`'s text order.
    pub passages: Vec<Passage>,
    /// Normalised characters of `a` (of `b`) inside a shared passage.
    pub a_chars: u32,
    pub b_chars: u32,
    pub longest: u32,
}

/// Every pair of documents that share passages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReuseIndex {
    pub min_chars: u32,
    /// The documents' ids, in input order, and how many normalised characters each has.
    pub ids: Vec<u32>,
    pub lengths: Vec<u32>,
    /// In input order of `a`, then `b`.
    pub pairs: Vec<Pair>,
}

// Postings, seeds and runs are packed into u128s (and spans into u64s) and sorted as such: one
// sort for all of them, which keeps the .wasm small (each standard sort instantiated for another
// type costs kilobytes) and sorts fast.

/// A fingerprint: hash, document, position of its k-gram. Sorts by hash, then document.
#[derive(Clone, Copy)]
struct Posting(u128);

impl Posting {
    fn new(hash: u64, doc: u32, pos: u32) -> Posting {
        Posting(u128::from(hash) << 64 | u128::from(doc) << 32 | u128::from(pos))
    }
    fn hash(self) -> u64 {
        (self.0 >> 64) as u64
    }
    fn doc(self) -> u32 {
        (self.0 >> 32) as u32
    }
    fn pos(self) -> u32 {
        self.0 as u32
    }
}

/// Positions (in normalised characters) fit 27 bits: a document has at most 100 MB.
const POS_BITS: u32 = 27;
/// Documents fit 24 bits.
const DOC_BITS: u32 = 24;

/// Where two documents share a fingerprint. Sorts by pair, diagonal (pos in a − pos in b),
/// then pos in a.
#[derive(Clone, Copy)]
struct Seed(u128);

impl Seed {
    fn new(a: u32, b: u32, pa: u32, pb: u32) -> Seed {
        debug_assert!(a.max(b) < 1 << DOC_BITS && pa.max(pb) < 1 << POS_BITS);
        let diagonal = u128::from(pa) + (1 << POS_BITS) - u128::from(pb);
        Seed(
            u128::from(a) << (DOC_BITS + POS_BITS + 1 + POS_BITS)
                | u128::from(b) << (POS_BITS + 1 + POS_BITS)
                | diagonal << POS_BITS
                | u128::from(pa),
        )
    }
    fn pair(self) -> (u32, u32) {
        let pair = self.0 >> (POS_BITS + 1 + POS_BITS);
        (
            (pair >> DOC_BITS) as u32,
            (pair & ((1 << DOC_BITS) - 1)) as u32,
        )
    }
    fn diagonal(self) -> u128 {
        self.0 >> POS_BITS & ((1 << (POS_BITS + 1)) - 1)
    }
    fn pa(self) -> u32 {
        (self.0 & ((1 << POS_BITS) - 1)) as u32
    }
    fn pb(self) -> u32 {
        (u128::from(self.pa()) + (1 << POS_BITS) - self.diagonal()) as u32
    }
}

/// The normalised characters of the counted text (and, when asked, the byte offset in the
/// text of each).
fn normalise(text: &Text, chars: &mut Vec<u32>, mut offsets: Option<&mut Vec<u32>>) {
    chars.clear();
    if let Some(o) = offsets.as_deref_mut() {
        o.clear();
    }
    let mut push = |c: char, at: usize| {
        if c.is_whitespace() {
            return;
        }
        let code = if !c.is_alphanumeric() {
            if chars.last() == Some(&PUNCTUATION) {
                return;
            }
            PUNCTUATION
        } else {
            fold(c) as u32
        };
        chars.push(code);
        if let Some(o) = offsets.as_deref_mut() {
            o.push(at as u32);
        }
    };
    match text.converted {
        None => {
            for range in &text.counted {
                for (i, c) in text.text[range.clone()].char_indices() {
                    push(c, range.start + i);
                }
            }
        }
        Some(converted) => {
            // A character inside a stretch the conversion changed the length of is placed at
            // the stretch's start.
            let mut counted = text.counted.iter().peekable();
            let mut at = 0;
            for (i, c) in converted.text.char_indices() {
                at = converted.original(i).unwrap_or(at);
                while counted.next_if(|r| r.end <= at).is_some() {}
                match counted.peek() {
                    Some(r) if r.start <= at => push(c, at),
                    Some(_) => {}
                    None => break,
                }
            }
        }
    }
}

fn fold(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).map_or(c, |c| c.to_ascii_lowercase())
        }
        c => c.to_ascii_lowercase(),
    }
}

/// k-gram length and window for runs of `min_chars`.
fn k_and_w(min_chars: u32) -> (usize, usize) {
    let k = min_chars.div_ceil(2) as usize;
    (k, min_chars as usize - k + 1)
}

const BASE: u64 = 0x0000_0100_0000_01B3;

fn mix(mut x: u64) -> u64 {
    // splitmix64's finaliser: winnowing wants hashes that order k-grams at random.
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The winnowed fingerprints of `chars`: (hash, position of its k-gram).
fn fingerprints(chars: &[u32], k: usize, w: usize, doc: u32, out: &mut Vec<Posting>) {
    if chars.len() < k + w - 1 {
        return;
    }
    let top = (0..k - 1).fold(1u64, |p, _| p.wrapping_mul(BASE)); // BASE^(k-1)
    let mut rolling = chars[..k].iter().fold(0u64, |h, &c| {
        h.wrapping_mul(BASE).wrapping_add(u64::from(c))
    });
    let grams = chars.len() - k + 1;
    // A window's candidates, increasing by hash; on ties the later k-gram wins (robust
    // winnowing), so a run of equal hashes keeps few fingerprints.
    let mut window: std::collections::VecDeque<(u64, u32)> = std::collections::VecDeque::new();
    let mut last_kept = u32::MAX;
    for i in 0..grams {
        if i > 0 {
            rolling = rolling
                .wrapping_sub(u64::from(chars[i - 1]).wrapping_mul(top))
                .wrapping_mul(BASE)
                .wrapping_add(u64::from(chars[i + k - 1]));
        }
        let hash = mix(rolling);
        while window.back().is_some_and(|&(h, _)| h >= hash) {
            window.pop_back();
        }
        window.push_back((hash, i as u32));
        if i + 1 < w {
            continue;
        }
        let start = (i + 1 - w) as u32;
        while window.front().is_some_and(|&(_, p)| p < start) {
            window.pop_front();
        }
        let &(hash, pos) = window.front().expect("the window holds its last k-gram");
        if pos != last_kept {
            out.push(Posting::new(hash, doc, pos));
            last_kept = pos;
        }
    }
}

/// Every pair of `texts` sharing passages of at least `min_chars` normalised characters
/// (`min_chars` within [`MIN_CHARS`]).
pub fn index(texts: &[Text], min_chars: u32) -> ReuseIndex {
    let min_chars = min_chars.clamp(*MIN_CHARS.start(), *MIN_CHARS.end());
    let (k, w) = k_and_w(min_chars);
    let mut lengths = Vec::with_capacity(texts.len());
    let mut postings = Vec::new();
    let mut scratch = Vec::new();
    for (d, text) in texts.iter().enumerate() {
        normalise(text, &mut scratch, None);
        lengths.push(scratch.len() as u32);
        fingerprints(&scratch, k, w, d as u32, &mut postings);
    }
    let mut postings: Vec<u128> = postings.into_iter().map(|p| p.0).collect();
    postings.sort_unstable();
    let postings: Vec<Posting> = postings.into_iter().map(Posting).collect();

    let mut seeds: Vec<u128> = Vec::new();
    for group in postings.chunk_by(|x, y| x.hash() == y.hash()) {
        if group.len() < 2 || group[0].doc() == group[group.len() - 1].doc() {
            continue;
        }
        let documents = 1 + group
            .windows(2)
            .filter(|p| p[0].doc() != p[1].doc())
            .count();
        if documents > MAX_DOCUMENTS_PER_FINGERPRINT {
            continue;
        }
        for (i, p) in group.iter().enumerate() {
            for q in group[i + 1..].iter().filter(|q| q.doc() != p.doc()) {
                seeds.push(Seed::new(p.doc(), q.doc(), p.pos(), q.pos()).0);
            }
        }
    }
    drop(postings);
    seeds.sort_unstable();
    let seeds: Vec<Seed> = seeds.into_iter().map(Seed).collect();

    // The normalised text (and byte offsets) of the documents some seed points into.
    let mut normalised: Vec<Option<(Vec<u32>, Vec<u32>)>> = vec![None; texts.len()];
    for seed in &seeds {
        let (a, b) = seed.pair();
        for d in [a, b] {
            let slot = &mut normalised[d as usize];
            if slot.is_none() {
                let (mut chars, mut offsets) = (Vec::new(), Vec::new());
                normalise(&texts[d as usize], &mut chars, Some(&mut offsets));
                *slot = Some((chars, offsets));
            }
        }
    }

    let mut pairs = Vec::new();
    for pair_seeds in seeds.chunk_by(|x, y| x.pair() == y.pair()) {
        let (a, b) = pair_seeds[0].pair();
        let (a, b) = (a as usize, b as usize);
        let (Some((ca, oa)), Some((cb, ob))) = (&normalised[a], &normalised[b]) else {
            unreachable!("every seeded document is normalised");
        };
        // (start in a, start in b, length), packed: sorts by start in a.
        let mut runs: Vec<u128> = Vec::new();
        for diagonal in pair_seeds.chunk_by(|x, y| x.diagonal() == y.diagonal()) {
            let mut covered_until = 0usize;
            for seed in diagonal {
                let (pa, pb) = (seed.pa() as usize, seed.pb() as usize);
                if pa < covered_until || ca[pa..pa + k] != cb[pb..pb + k] {
                    continue;
                }
                let back = ca[..pa]
                    .iter()
                    .rev()
                    .zip(cb[..pb].iter().rev())
                    .take_while(|(x, y)| x == y)
                    .count();
                let forward = ca[pa..]
                    .iter()
                    .zip(&cb[pb..])
                    .take_while(|(x, y)| x == y)
                    .count();
                covered_until = pa + forward;
                if back + forward >= min_chars as usize {
                    let (sa, sb, len) = (pa - back, pb - back, back + forward);
                    runs.push((sa as u128) << 64 | (sb as u128) << 32 | len as u128);
                }
            }
        }
        if runs.is_empty() {
            continue;
        }
        runs.sort_unstable();
        let runs: Vec<(usize, usize, usize)> = runs
            .into_iter()
            .map(|r| {
                (
                    (r >> 64) as usize,
                    (r >> 32) as u32 as usize,
                    r as u32 as usize,
                )
            })
            .collect();
        let a_chars = covered(runs.iter().map(|r| pack(r.0, r.0 + r.2)).collect());
        let b_chars = covered(runs.iter().map(|r| pack(r.1, r.1 + r.2)).collect());
        let bytes = |text: &str, offsets: &[u32], start: usize, len: usize| {
            let last = offsets[start + len - 1] as usize;
            let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
            offsets[start] as usize..end
        };
        let passages: Vec<Passage> = runs
            .iter()
            .map(|&(sa, sb, len)| Passage {
                a: bytes(texts[a].text, oa, sa, len),
                b: bytes(texts[b].text, ob, sb, len),
                chars: len as u32,
            })
            .collect();
        pairs.push(Pair {
            a: texts[a].id,
            b: texts[b].id,
            longest: passages.iter().map(|p| p.chars).max().unwrap_or(0),
            passages,
            a_chars,
            b_chars,
        });
    }
    ReuseIndex {
        min_chars,
        ids: texts.iter().map(|t| t.id).collect(),
        lengths,
        pairs,
    }
}

/// A span (start, end) packed in a u64, so that spans sort as u64s.
fn pack(start: usize, end: usize) -> u64 {
    (start as u64) << 32 | end as u64
}

fn unpack(span: u64) -> Range<usize> {
    (span >> 32) as usize..span as u32 as usize
}

/// The length of the union of packed spans.
fn covered(mut spans: Vec<u64>) -> u32 {
    spans.sort_unstable();
    let (mut total, mut until) = (0, 0);
    for span in spans {
        let r = unpack(span);
        let start = r.start.max(until);
        if r.end > start {
            total += r.end - start;
            until = r.end;
        }
    }
    total as u32
}

impl ReuseIndex {
    /// Normalised characters of document `id`.
    pub fn length_of(&self, id: u32) -> u32 {
        position(&self.ids, id).map_or(0, |i| self.lengths[i])
    }

    /// For each document of `selection` (ids in input order), the byte ranges of its text that
    /// an earlier document of the selection also has: what counts once leaves out. Sorted,
    /// merged, one list per document of the selection.
    pub fn repeated(&self, selection: &[u32]) -> Vec<Vec<Range<usize>>> {
        let mut spans: Vec<Vec<u64>> = vec![Vec::new(); selection.len()];
        for pair in &self.pairs {
            let (Some(pa), Some(pb)) = (position(selection, pair.a), position(selection, pair.b))
            else {
                continue;
            };
            let (later, ranges): (usize, Vec<u64>) = if pa < pb {
                (
                    pb,
                    pair.passages
                        .iter()
                        .map(|p| pack(p.b.start, p.b.end))
                        .collect(),
                )
            } else {
                (
                    pa,
                    pair.passages
                        .iter()
                        .map(|p| pack(p.a.start, p.a.end))
                        .collect(),
                )
            };
            spans[later].extend(ranges);
        }
        spans
            .into_iter()
            .map(|mut spans| {
                spans.sort_unstable();
                let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
                for r in spans.into_iter().map(unpack) {
                    match merged.last_mut() {
                        Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                        _ => merged.push(r),
                    }
                }
                merged
            })
            .collect()
    }
}

/// Where `id` is in `ids`, which are in input order: the corpus's order, in which ids grow.
pub fn position(ids: &[u32], id: u32) -> Option<usize> {
    ids.binary_search(&id).ok()
}

/// Options of `reuse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct ReuseOptions {
    /// Document ids to compare; `None` = all.
    #[cfg_attr(test, ts(optional = nullable))]
    pub documents: Option<Vec<u32>>,
    /// Shortest passage, in normalised characters.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub min_chars: u32,
    /// Most pairs listed (`total_pairs` counts them all).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub limit: u32,
}

/// The default shortest passage.
pub const DEFAULT_MIN_CHARS: u32 = 50;

impl Default for ReuseOptions {
    fn default() -> Self {
        ReuseOptions {
            documents: None,
            min_chars: DEFAULT_MIN_CHARS,
            limit: 1000,
        }
    }
}

/// Options of `reusePassages`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct PassageOptions {
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub min_chars: u32,
}

impl Default for PassageOptions {
    fn default() -> Self {
        PassageOptions {
            min_chars: DEFAULT_MIN_CHARS,
        }
    }
}

/// Two documents that share passages, as the Reuse view lists them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReusePair {
    /// Document ids; `a` was added before `b`.
    pub a: u32,
    pub b: u32,
    pub passages: u32,
    /// Normalised characters of `a` (of `b`) inside a shared passage.
    pub a_chars: u32,
    pub b_chars: u32,
    /// The larger of the two.
    pub shared_chars: u32,
    /// `a_chars` over `a`'s normalised characters (0..1).
    pub a_share: f64,
    pub b_share: f64,
    pub longest: u32,
    /// The same cleaned text.
    pub duplicate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Reuse {
    pub min_chars: u32,
    /// Documents compared.
    pub documents: u32,
    /// Pairs found; `pairs` lists the first `limit`, most shared first.
    pub total_pairs: u32,
    pub pairs: Vec<ReusePair>,
}

/// One shared passage: character offsets in each document's cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReusePassage {
    pub a_start: u32,
    pub a_end: u32,
    pub b_start: u32,
    pub b_end: u32,
    /// Normalised characters.
    pub chars: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReusePassages {
    pub a: u32,
    pub b: u32,
    pub min_chars: u32,
    /// In `a`'s text order.
    pub passages: Vec<ReusePassage>,
}

/// Character offsets of byte offsets of `text` (in any order; each on a char boundary).
pub fn char_offsets(text: &str, bytes: &[usize]) -> Vec<u32> {
    // (byte offset, index), packed to sort as u64s.
    let mut order: Vec<u64> = bytes.iter().enumerate().map(|(i, &b)| pack(b, i)).collect();
    order.sort_unstable();
    let mut out = vec![0u32; bytes.len()];
    let (mut byte, mut chars) = (0usize, 0u32);
    for r in order.into_iter().map(unpack) {
        chars += text[byte..r.start].chars().count() as u32;
        byte = r.start;
        out[r.end] = chars;
    }
    out
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn text(id: u32, s: &str) -> Text<'_> {
        Text {
            id,
            text: s,
            counted: vec![0..s.len()],
            converted: None,
        }
    }

    /// Random ideographs (xorshift from `seed`): two calls share no run worth the name.
    fn filler(seed: u32, chars: usize) -> String {
        let mut x = u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..chars)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from_u32(0x4E00 + (x % 20_000) as u32).unwrap()
            })
            .collect()
    }

    #[test]
    fn finds_a_shared_passage_and_where_it_is() {
        let shared = "习近平总书记的重要讲话极大激励着全国总工会机关的青年干部，大家一致表示要把讲话精神落到实处。";
        let a = format!("{}{shared}{}", filler(1, 40), filler(2, 30));
        let b = format!(
            "{}\n{}{}",
            filler(3, 10),
            shared.replace('，', ","),
            filler(4, 50)
        );
        let index = index(&[text(10, &a), text(20, &b)], 20);
        assert_eq!(index.pairs.len(), 1);
        let pair = &index.pairs[0];
        assert_eq!((pair.a, pair.b), (10, 20));
        assert_eq!(pair.passages.len(), 1);
        let p = &pair.passages[0];
        assert_eq!(&a[p.a.clone()], shared);
        assert_eq!(&b[p.b.clone()], shared.replace('，', ","));
        assert_eq!(p.chars as usize, shared.chars().count());
        assert_eq!(
            (pair.a_chars, pair.b_chars, pair.longest),
            (p.chars, p.chars, p.chars)
        );
    }

    #[test]
    fn every_run_of_min_chars_is_found_and_shorter_ones_are_not() {
        for min in [8, 20, 49, 50, 51, 120] {
            for extra in [0usize, 1, 7] {
                let run = filler(99, min as usize + extra);
                let short = filler(98, min as usize - 1);
                let a = format!(
                    "{}{run}{}{short}{}",
                    filler(1, 33),
                    filler(2, 17),
                    filler(3, 5)
                );
                let b = format!("{}{short}{}{run}", filler(4, 3), filler(5, 60));
                let index = index(&[text(0, &a), text(1, &b)], min);
                let runs: Vec<u32> = index
                    .pairs
                    .iter()
                    .flat_map(|p| &p.passages)
                    .map(|p| p.chars)
                    .collect();
                assert_eq!(runs, [min + extra as u32], "min {min}, extra {extra}");
            }
        }
    }

    #[test]
    fn normalises_space_width_case_and_punctuation() {
        let mut chars = Vec::new();
        normalise(&text(0, "Ａb 1２，。”、\n工会"), &mut chars, None);
        let expected: Vec<u32> = ['a', 'b', '1', '2']
            .iter()
            .map(|&c| c as u32)
            .chain([PUNCTUATION])
            .chain(['工', '会'].iter().map(|&c| c as u32))
            .collect();
        assert_eq!(chars, expected);
    }

    #[test]
    fn only_counted_text_is_compared() {
        let shared = filler(7, 60);
        let a = format!("{}\n{shared}", filler(1, 80));
        let b = format!("{shared}\n{}", filler(2, 80));
        let mut texts = [text(0, &a), text(1, &b)];
        assert_eq!(index(&texts, 50).pairs.len(), 1);
        texts[1].counted = vec![shared.len() + 1..b.len()];
        assert_eq!(index(&texts, 50).pairs.len(), 0);
    }

    #[test]
    fn a_passage_counts_once_in_the_first_document_of_the_selection() {
        let shared = filler(7, 60);
        let a = format!("{}{shared}", filler(1, 80));
        let b = format!("{shared}{}", filler(2, 80));
        let c = format!("{}{shared}{}", filler(3, 5), filler(4, 9));
        let index = index(&[text(0, &a), text(1, &b), text(2, &c)], 50);
        assert_eq!(index.pairs.len(), 3);
        let repeated = index.repeated(&[0, 1, 2]);
        assert_eq!(repeated[0], []);
        assert_eq!(repeated[1], [0..shared.len()]);
        let start = filler(3, 5).len();
        assert_eq!(repeated[2], [start..start + shared.len()]);
        // Without the first, the second keeps it.
        let repeated = index.repeated(&[1, 2]);
        assert_eq!((repeated[0].len(), repeated[1].len()), (0, 1));
        assert_eq!(index.repeated(&[2]), [[]]);
    }
}
