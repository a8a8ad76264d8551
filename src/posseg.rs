//! Python jieba's part-of-speech HMM (`jieba.posseg`), ported so that words outside the
//! dictionary get the tag `posseg.lcut` gives them: 恩佐/nr, 温宪/nr, and whatever posseg makes
//! of the run of single characters they sit in.
//!
//! `jieba.posseg` cuts a block of text along the same dictionary route as `jieba.lcut`. Where
//! the route leaves a run of single characters ("the buffer") that is not itself a dictionary
//! word, `lcut` cuts it with a 4-state HMM and `posseg` with a 256-state one (B/M/E/S × 64
//! tags) that decides boundaries and tags together. So the two cut such runs differently now
//! and then (lcut 之作 / posseg 之 作). Wenxi keeps lcut's boundaries; [`PossegModel::tag_run`]
//! rebuilds posseg's buffers from lcut's tokens, runs posseg's HMM over each, and gives every
//! token the tag of the posseg word with the same span, or else of the posseg word it overlaps
//! most.
//!
//! The Viterbi is Python's (`jieba/posseg/viterbi.py`), not a faster approximation: the same
//! candidate states at each step (a character's state list, intersected with what the previous
//! states can reach, falling back as Python does), the same sums in the same order, and ties
//! broken as Python's `max` over `(probability, (position, tag))` tuples breaks them — which
//! decides the tag of characters the model has never seen.

pub mod format;

use rustc_hash::FxHashMap;

/// Python's `MIN_FLOAT`: the log-probability of an emission the model does not have.
const MIN_FLOAT: f64 = -3.14e100;
const STATES: usize = 256;

/// A set of states.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Mask([u64; 4]);

impl Mask {
    const ALL: Mask = Mask([u64::MAX; 4]);

    fn insert(&mut self, s: usize) {
        self.0[s >> 6] |= 1 << (s & 63);
    }

    fn and(self, other: Mask) -> Mask {
        Mask(std::array::from_fn(|i| self.0[i] & other.0[i]))
    }

    fn or(self, other: Mask) -> Mask {
        Mask(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }

    fn is_empty(&self) -> bool {
        self.0 == [0; 4]
    }

    /// The states, ascending (Python's tuple order).
    fn iter(self) -> impl Iterator<Item = usize> {
        (0..4).flat_map(move |w| {
            let mut bits = self.0[w];
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let b = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                Some(w * 64 + b)
            })
        })
    }
}

/// What the model knows of one character.
#[derive(Clone, Copy)]
struct Row {
    /// Where its (state, emission) pairs start in `row_states` / `row_emits`.
    at: u32,
    len: u16,
    /// The states it may take (every state when the model lists none for it).
    mask: Mask,
}

/// The posseg HMM, decoded from a WXP1 file ([`format`]).
pub struct PossegModel {
    tags: Vec<Box<str>>,
    start: Vec<f64>,
    /// `trans[to * 256 + from]`; `-inf` where there is no transition (Python's `MIN_INF`).
    trans: Vec<f64>,
    /// States with at least one transition (Python keeps only those as predecessors).
    has_trans: Mask,
    successors: Vec<Mask>,
    predecessors: Vec<Mask>,
    rows: FxHashMap<char, Row>,
    row_states: Vec<u8>,
    row_emits: Vec<f64>,
}

impl std::fmt::Debug for PossegModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PossegModel")
            .field("tags", &self.tags.len())
            .field("chars", &self.rows.len())
            .finish()
    }
}

/// What [`PossegModel::tag_run`] needs to know of the dictionary.
pub trait Lexicon<'a> {
    /// Whether token `i` is a word of jieba's dictionary (or a user word) of two or more
    /// characters: what the dictionary route takes whole.
    fn route_word(&self, i: usize) -> bool;
    /// Whether `s` is a word of jieba's dictionary (a whole buffer can be one).
    fn is_word(&self, s: &str) -> bool;
}

/// A word `posseg` cut, as a byte range of the text given, with its tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span<'a> {
    pub start: usize,
    pub end: usize,
    pub tag: &'a str,
}

/// Reusable buffers, so that tagging allocates nothing once warm, and the words posseg cut
/// from the buffers seen lately: the same runs of characters recur (这一, 他说, a name in an
/// article), and the HMM is the costly part of tagging.
#[derive(Default)]
pub struct Scratch {
    chars: Vec<(usize, char)>,
    back: Vec<u8>,
    path: Vec<u8>,
    spans: Vec<(usize, usize, u16)>,
    /// Buffer → its words (byte ranges relative to it, tag), for the model at `cached_for`.
    cache: FxHashMap<Box<str>, Box<[RelativeSpan]>>,
    cached_for: usize,
}

/// A word of a buffer: byte range relative to the buffer, tag index.
type RelativeSpan = (u32, u32, u16);

/// The cache is emptied when it holds this many buffers (it keeps the memory bounded).
const CACHE_LIMIT: usize = 1 << 16;

/// Tag indexes past the model's tags: the fixed tags `__cut_detail` gives non-Han pieces.
const TAG_M: u16 = 1000;
const TAG_ENG: u16 = 1001;
const TAG_X: u16 = 1002;

/// Python's `re_han_detail`: `[\u4E00-\u9FD5]`.
fn is_han_detail(c: char) -> bool {
    ('\u{4E00}'..='\u{9FD5}').contains(&c)
}

/// Python's `re_han_internal`: the characters of a block posseg cuts along the dictionary.
pub fn is_block_char(c: char) -> bool {
    is_han_detail(c) || c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_')
}

impl PossegModel {
    /// Decode a WXP1 file.
    pub fn from_bytes(bytes: &[u8]) -> Result<PossegModel, String> {
        let d = format::decode(bytes)?;
        if d.states() != STATES {
            return Err(format!("{} tags where posseg has 64", d.tags.len()));
        }
        let mut start = vec![MIN_FLOAT; STATES];
        for &(s, v) in &d.start {
            start[s as usize] = v;
        }
        let mut trans = vec![f64::NEG_INFINITY; STATES * STATES];
        let mut successors = vec![Mask::default(); STATES];
        let mut predecessors = vec![Mask::default(); STATES];
        let mut has_trans = Mask::default();
        for &(from, to, v) in &d.trans {
            let (from, to) = (from as usize, to as usize);
            trans[to * STATES + from] = v;
            successors[from].insert(to);
            predecessors[to].insert(from);
            has_trans.insert(from);
        }
        let mut rows = FxHashMap::default();
        rows.reserve(d.chars.len());
        let (mut row_states, mut row_emits) = (Vec::new(), Vec::new());
        for c in &d.chars {
            let mut mask = if c.any { Mask::ALL } else { Mask::default() };
            let at = row_states.len() as u32;
            for &(s, v) in &c.states {
                mask.insert(s as usize);
                row_states.push(s);
                row_emits.push(match v {
                    format::NO_EMISSION => MIN_FLOAT,
                    i => d.values[i as usize],
                });
            }
            rows.insert(
                c.ch,
                Row {
                    at,
                    len: c.states.len() as u16,
                    mask,
                },
            );
        }
        Ok(PossegModel {
            tags: d.tags.into_iter().map(String::into_boxed_str).collect(),
            start,
            trans,
            has_trans,
            successors,
            predecessors,
            rows,
            row_states,
            row_emits,
        })
    }

    /// The model compiled into native builds, decoded once per process.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin() -> &'static std::sync::Arc<PossegModel> {
        static BUILTIN: std::sync::OnceLock<std::sync::Arc<PossegModel>> =
            std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            std::sync::Arc::new(
                PossegModel::from_bytes(BUILTIN_WXP).expect("build.rs wrote a valid model"),
            )
        })
    }

    fn tag_name(&self, tag: u16) -> &str {
        match tag {
            TAG_M => "m",
            TAG_ENG => "eng",
            TAG_X => "x",
            t => &self.tags[t as usize],
        }
    }

    /// A character's candidate states, and its emissions written into `emit` (which holds
    /// `MIN_FLOAT` everywhere else; the caller resets what this wrote).
    fn load_row(&self, c: char, emit: &mut [f64; STATES]) -> (Mask, Option<Row>) {
        match self.rows.get(&c) {
            Some(&row) => {
                let range = row.at as usize..row.at as usize + row.len as usize;
                for (&s, &e) in self.row_states[range.clone()]
                    .iter()
                    .zip(&self.row_emits[range])
                {
                    emit[s as usize] = e;
                }
                (row.mask, Some(row))
            }
            None => (Mask::ALL, None),
        }
    }

    fn unload_row(&self, row: Option<Row>, emit: &mut [f64; STATES]) {
        if let Some(row) = row {
            let range = row.at as usize..row.at as usize + row.len as usize;
            for &s in &self.row_states[range] {
                emit[s as usize] = MIN_FLOAT;
            }
        }
    }

    /// Python's `viterbi(obs, char_state_tab_P, start_P, trans_P, emit_P)`: the best state of
    /// each character of `scratch.chars`, into `scratch.path`. `false` where Python would fail
    /// (no state can follow), which the caller treats as a run it cannot tag.
    fn viterbi(&self, scratch: &mut Scratch) -> bool {
        let n = scratch.chars.len();
        let mut emit = [MIN_FLOAT; STATES];
        let mut score = [0f64; STATES];
        let mut next = [0f64; STATES];
        scratch.back.clear();
        scratch.back.resize(n * STATES, 0);

        let (mut present, row) = self.load_row(scratch.chars[0].1, &mut emit);
        for y in present.iter() {
            score[y] = self.start[y] + emit[y];
        }
        self.unload_row(row, &mut emit);
        for t in 1..n {
            let prev = present.and(self.has_trans);
            if prev.is_empty() {
                return false;
            }
            let mut expect = Mask::default();
            for y0 in prev.iter() {
                expect = expect.or(self.successors[y0]);
            }
            let (mask, row) = self.load_row(scratch.chars[t].1, &mut emit);
            let mut obs = mask.and(expect);
            if obs.is_empty() {
                obs = expect;
            }
            let back = &mut scratch.back[t * STATES..(t + 1) * STATES];
            for y in obs.iter() {
                let trans = &self.trans[y * STATES..(y + 1) * STATES];
                let mut best = f64::NEG_INFINITY;
                let mut best_from = None;
                // Ascending, and `>=`: on a tie the larger state wins, as in Python's max.
                for y0 in prev.and(self.predecessors[y]).iter() {
                    let p = score[y0] + trans[y0] + emit[y];
                    if best_from.is_none() || p >= best {
                        best = p;
                        best_from = Some(y0);
                    }
                }
                // Only the fallback to every state can reach here with no predecessor: Python
                // then takes -inf from the largest predecessor.
                let from = best_from.unwrap_or_else(|| prev.iter().last().expect("not empty"));
                next[y] = best;
                back[y] = from as u8;
            }
            self.unload_row(row, &mut emit);
            std::mem::swap(&mut score, &mut next);
            present = obs;
        }
        let mut last = None;
        let mut best = f64::NEG_INFINITY;
        for y in present.iter() {
            if last.is_none() || score[y] >= best {
                best = score[y];
                last = Some(y);
            }
        }
        let Some(mut state) = last else {
            return false;
        };
        scratch.path.clear();
        scratch.path.resize(n, 0);
        for t in (0..n).rev() {
            scratch.path[t] = state as u8;
            state = scratch.back[t * STATES + state] as usize;
        }
        true
    }

    /// Python's `POSTokenizer.__cut` over a run of Han characters starting at byte `base` of
    /// the text: words as the best path's B/M/E/S marks cut them, into `scratch.spans`.
    fn cut_han(&self, run: &str, base: usize, scratch: &mut Scratch) {
        scratch.chars.clear();
        scratch.chars.extend(run.char_indices());
        if !self.viterbi(scratch) {
            scratch.spans.push((base, base + run.len(), TAG_X));
            return;
        }
        let n = scratch.chars.len();
        let byte = |i: usize, s: &Scratch| {
            if i < n {
                base + s.chars[i].0
            } else {
                base + run.len()
            }
        };
        let (mut begin, mut next_i) = (0, 0);
        for i in 0..n {
            let state = scratch.path[i];
            let tag = u16::from(state & 63);
            match state >> 6 {
                format::RANK_B => begin = i,
                format::RANK_E => {
                    let span = (byte(begin, scratch), byte(i + 1, scratch), tag);
                    scratch.spans.push(span);
                    next_i = i + 1;
                }
                format::RANK_S => {
                    let span = (byte(i, scratch), byte(i + 1, scratch), tag);
                    scratch.spans.push(span);
                    next_i = i + 1;
                }
                _ => {}
            }
        }
        if next_i < n {
            let tag = u16::from(scratch.path[next_i] & 63);
            let span = (byte(next_i, scratch), base + run.len(), tag);
            scratch.spans.push(span);
        }
    }

    /// Python's `POSTokenizer.__cut_detail(buffer)`: Han runs through the HMM; the rest split
    /// into runs of digits and dots (`m`), of letters and digits that start with a letter
    /// (`eng`), and anything else (`x`).
    fn cut_detail(&self, text: &str, base: usize, scratch: &mut Scratch) {
        let mut at = 0;
        while at < text.len() {
            let rest = &text[at..];
            let han = rest.find(|c| !is_han_detail(c)).unwrap_or(rest.len());
            if han > 0 {
                self.cut_han(&rest[..han], base + at, scratch);
                at += han;
                continue;
            }
            let other = rest.find(is_han_detail).unwrap_or(rest.len());
            detail_pieces(&rest[..other], base + at, &mut scratch.spans);
            at += other;
        }
    }

    /// [`Self::cut_detail`] through the scratch's cache of recent buffers.
    fn cut_detail_cached(&self, buffer: &str, base: usize, scratch: &mut Scratch) {
        let me = self as *const PossegModel as usize;
        if scratch.cached_for != me || scratch.cache.len() >= CACHE_LIMIT {
            scratch.cache.clear();
            scratch.cached_for = me;
        }
        if let Some(spans) = scratch.cache.get(buffer) {
            let base32 = base as u32;
            scratch.spans.extend(
                spans
                    .iter()
                    .map(|&(s, e, t)| ((base32 + s) as usize, (base32 + e) as usize, t)),
            );
            return;
        }
        self.cut_detail(buffer, base, scratch);
        let relative: Box<[RelativeSpan]> = scratch
            .spans
            .iter()
            .map(|&(s, e, t)| ((s - base) as u32, (e - base) as u32, t))
            .collect();
        scratch.cache.insert(buffer.into(), relative);
    }

    /// posseg's words and tags for `text` (any text: split into posseg's blocks first, the
    /// blocks cut with every character a route word of its own — the buffer case). For tests
    /// and for tagging a word on its own; the corpus tags with [`PossegModel::tag_run`].
    pub fn cut_detail_spans<'m>(&'m self, text: &str, scratch: &mut Scratch) -> Vec<Span<'m>> {
        scratch.spans.clear();
        self.cut_detail(text, 0, scratch);
        scratch
            .spans
            .iter()
            .map(|&(start, end, tag)| Span {
                start,
                end,
                tag: self.tag_name(tag),
            })
            .collect()
    }

    /// Tags for the tokens of `text` as `jieba.posseg` gives them, on lcut's boundaries.
    ///
    /// `tokens` are byte ranges of `text`, in order, tiling it. posseg's tag goes into `tags`
    /// for every token that holds a Han character and lies in a buffer posseg cuts with its
    /// HMM; the others keep theirs (`None` there: the dictionary's tag, which is also what
    /// posseg gives a buffer of one character or one that is a dictionary word).
    pub fn tag_run<'a>(
        &'a self,
        text: &str,
        tokens: &[std::ops::Range<usize>],
        lexicon: &impl Lexicon<'a>,
        tags: &mut [Option<&'a str>],
        scratch: &mut Scratch,
    ) {
        let route_word = |k| lexicon.route_word(k);
        let is_word = |s: &str| lexicon.is_word(s);
        let mut i = 0;
        while i < tokens.len() {
            // A buffer: consecutive tokens the route left as single characters (or that the
            // HMM made of them), inside one posseg block.
            let is_piece = |k: usize| {
                let range = &tokens[k];
                let s = &text[range.clone()];
                s.chars().all(is_block_char) && !route_word(k)
            };
            if !is_piece(i) {
                i += 1;
                continue;
            }
            let first = i;
            while i < tokens.len()
                && is_piece(i)
                && (i == first || tokens[i].start == tokens[i - 1].end)
            {
                i += 1;
            }
            let (start, end) = (tokens[first].start, tokens[i - 1].end);
            let buffer = &text[start..end];
            let pieces = first..i;
            // One character, or a dictionary word the route passed by: each character gets
            // its dictionary tag (Python's word_tag_tab.get(c, 'x')).
            if buffer.chars().nth(1).is_none() || is_word(buffer) {
                continue;
            }
            scratch.spans.clear();
            self.cut_detail_cached(buffer, start, scratch);
            for k in pieces {
                let range = tokens[k].clone();
                if !text[range.clone()].chars().any(is_han_detail) {
                    continue;
                }
                let mut best: Option<(usize, u16)> = None;
                for &(s, e, tag) in &scratch.spans {
                    if s == range.start && e == range.end {
                        best = Some((usize::MAX, tag));
                        break;
                    }
                    let overlap = e.min(range.end).saturating_sub(s.max(range.start));
                    if overlap > 0 && best.is_none_or(|(o, _)| overlap > o) {
                        best = Some((overlap, tag));
                    }
                }
                if let Some((_, tag)) = best {
                    tags[k] = Some(self.tag_name(tag));
                }
            }
        }
    }
}

/// The non-Han part of a buffer, as `re_skip_detail.split` and the tests after it cut it.
fn detail_pieces(text: &str, base: usize, spans: &mut Vec<(usize, usize, u16)>) {
    let b = text.as_bytes();
    let mut at = 0;
    let mut other_from = 0;
    while at < b.len() {
        let c = b[at];
        // `([\.0-9]+|[a-zA-Z0-9]+)`: the first alternative is tried first.
        let end = if c == b'.' || c.is_ascii_digit() {
            at + b[at..]
                .iter()
                .take_while(|c| **c == b'.' || c.is_ascii_digit())
                .count()
        } else if c.is_ascii_alphanumeric() {
            at + b[at..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count()
        } else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        if other_from < at {
            spans.push((base + other_from, base + at, TAG_X));
        }
        let piece = &b[at..end];
        let tag = if piece[0] == b'.' || piece[0].is_ascii_digit() {
            TAG_M
        } else {
            TAG_ENG
        };
        spans.push((base + at, base + end, tag));
        at = end;
        other_from = end;
    }
    if other_from < b.len() {
        spans.push((base + other_from, base + b.len(), TAG_X));
    }
}

/// The model generated at build time (native builds only: the page fetches it).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN_WXP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wenxi.wxp"));

// Native only: the tests use the model and tables compiled into native builds.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<String> {
        let model = PossegModel::builtin();
        let mut scratch = Scratch::default();
        model
            .cut_detail_spans(text, &mut scratch)
            .iter()
            .map(|s| format!("{}/{}", &text[s.start..s.end], s.tag))
            .collect()
    }

    #[test]
    fn cuts_and_tags_as_python_posseg_does() {
        // posseg.lcut on buffers (runs the dictionary route leaves as single characters),
        // from Python jieba 0.42.1: jieba.posseg.dt._POSTokenizer__cut_detail(...)
        assert_eq!(
            spans("我来到北京清华大学"),
            ["我/r", "来/v", "到/v", "北京/ns", "清华大学/nt"]
        );
        assert_eq!(spans("温宪说"), ["温宪/nr", "说/v"]);
        assert_eq!(spans("陈妍说"), ["陈妍/nr", "说/v"]);
        assert_eq!(spans("1998年"), ["1998/m", "年/m"]);
        assert_eq!(spans("这一"), ["这/r", "一/m"]);
        assert_eq!(spans("之作"), ["之/u", "作/n"]);
        assert_eq!(
            spans("GPT4和4G."),
            ["GPT4/eng", "和/c", "4/m", "G/eng", "./m"]
        );
        // Characters the model never saw: Python's tie-breaking picks their states.
        assert_eq!(spans("龘齉"), ["龘/x", "齉/zg"]);
    }
}
