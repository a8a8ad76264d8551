//! WXP1, the part-of-speech model file: Python jieba 0.42.1's `posseg` HMM (start, transition
//! and emission log-probabilities over 4 positions × 64 tags, and the states each character
//! may take), as the pinned jieba-rs ships it in `src/data/posseg.txt` (the same numbers as
//! Python's `prob_*.py` and `char_state_tab.py`; `scripts/heldout_reference.py --check-model`
//! compares them). `build.rs` encodes it (it includes this file too); the core decodes it.
//!
//! A state is `rank * 64 + tag`, with the positions ranked B, E, M, S and the tags sorted: the
//! order of Python's `(position, tag)` tuples, which Python's Viterbi breaks ties by.
//!
//! Layout (varints are unsigned LEB128, f64 little-endian, bit for bit):
//!
//! ```text
//! "WXP1"
//! varint n_tags (64), each tag as UTF-8 + '\n', sorted
//! varint n, n × (u8 state, f64)                       start log-probabilities (others: none)
//! varint n, n × (u8 from, u8 to, f64)                 transitions, sorted by (from, to)
//! varint n, n × f64                                   distinct emission values, ascending
//! varint n_chars; per character, ascending:
//!   varint code point − previous code point (the first: the code point)
//!   u8 1 if the character may take any state (it has emissions but no state list), else 0
//!   varint k, k × (u8 state ascending, varint 0 = no emission | 1 + value index)
//! ```
//!
//! A character with a state list keeps exactly those states (emissions it has for other states
//! are never read by the Viterbi, so they are left out); one without keeps its emissions.

// The encoding half is build.rs's (which includes this file); the core only decodes.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

pub const MAGIC: &[u8; 4] = b"WXP1";
pub const POSITIONS: usize = 4;
/// Rank of each position in Python's tuple order (`'B' < 'E' < 'M' < 'S'`).
pub const RANK_B: u8 = 0;
pub const RANK_E: u8 = 1;
pub const RANK_M: u8 = 2;
pub const RANK_S: u8 = 3;
/// Value index of an emission the model does not have.
pub const NO_EMISSION: u32 = u32::MAX;

/// One character's states.
#[derive(Debug, Clone, PartialEq)]
pub struct CharRow {
    pub ch: char,
    /// The character may take any state (only those listed have an emission).
    pub any: bool,
    /// (state, index into `values` or [`NO_EMISSION`]), ascending by state.
    pub states: Vec<(u8, u32)>,
}

/// A decoded WXP1.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decoded {
    pub tags: Vec<String>,
    pub start: Vec<(u8, f64)>,
    pub trans: Vec<(u8, u8, f64)>,
    pub values: Vec<f64>,
    pub chars: Vec<CharRow>,
}

impl Decoded {
    /// The number of states (positions × tags).
    pub fn states(&self) -> usize {
        POSITIONS * self.tags.len()
    }
}

fn put_varint(out: &mut Vec<u8>, mut x: u64) {
    loop {
        let byte = (x & 0x7f) as u8;
        x >>= 7;
        if x == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A state as posseg.txt writes it: (position, tag) numbers.
type FileState = (usize, usize);
/// A character's states, each with its emission if it has one.
type StateList = Vec<(u8, Option<f64>)>;

/// jieba-rs's position numbers (B=0 M=1 E=2 S=3) as ranks.
fn rank_of(position: usize) -> Result<u8, String> {
    match position {
        0 => Ok(RANK_B),
        1 => Ok(RANK_M),
        2 => Ok(RANK_E),
        3 => Ok(RANK_S),
        p => Err(format!("position {p} is not one of B M E S")),
    }
}

/// Encode jieba-rs's `posseg.txt` (sections `@TAGS @START @TRANS @EMIT @CHAR_STATE`).
pub fn encode(posseg_txt: &str) -> Result<Vec<u8>, String> {
    let mut file_tags: Vec<&str> = Vec::new();
    let mut start: Vec<((usize, usize), f64)> = Vec::new();
    let mut trans: Vec<(FileState, FileState, f64)> = Vec::new();
    let mut emit: BTreeMap<char, BTreeMap<(usize, usize), f64>> = BTreeMap::new();
    let mut char_states: BTreeMap<char, BTreeSet<(usize, usize)>> = BTreeMap::new();
    let number = |s: &str, n: usize| -> Result<usize, String> {
        s.trim()
            .parse()
            .map_err(|e| format!("line {n}: {s:?}: {e}"))
    };
    let value = |s: &str, n: usize| -> Result<f64, String> {
        s.trim()
            .parse()
            .map_err(|e| format!("line {n}: {s:?}: {e}"))
    };
    let pair = |s: &str, n: usize| -> Result<(usize, usize), String> {
        let (p, t) = s
            .split_once(',')
            .ok_or_else(|| format!("line {n}: {s:?} is not position,tag"))?;
        Ok((number(p, n)?, number(t, n)?))
    };
    let mut section = "";
    for (i, line) in posseg_txt.lines().enumerate() {
        let n = i + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('@') {
            section = line;
            continue;
        }
        match section {
            "@TAGS" => file_tags = line.split(',').map(str::trim).collect(),
            "@START" => {
                let mut f = line.splitn(3, ',');
                let (p, t, v) = (f.next(), f.next(), f.next());
                let (Some(p), Some(t), Some(v)) = (p, t, v) else {
                    return Err(format!("line {n}: not position,tag,value"));
                };
                start.push(((number(p, n)?, number(t, n)?), value(v, n)?));
            }
            "@TRANS" => {
                let mut segments = line.split('|');
                let from = pair(segments.next().unwrap_or(""), n)?;
                for seg in segments.filter(|s| !s.trim().is_empty()) {
                    let (to, v) = seg
                        .rsplit_once(',')
                        .ok_or_else(|| format!("line {n}: {seg:?}"))?;
                    trans.push((from, pair(to, n)?, value(v, n)?));
                }
            }
            "@EMIT" => {
                let mut segments = line.split('|');
                let state = pair(segments.next().unwrap_or(""), n)?;
                for seg in segments.filter(|s| !s.trim().is_empty()) {
                    let (ch, v) = seg
                        .rsplit_once(',')
                        .ok_or_else(|| format!("line {n}: {seg:?}"))?;
                    let mut chars = ch.chars();
                    let (Some(c), None) = (chars.next(), chars.next()) else {
                        return Err(format!("line {n}: {ch:?} is not one character"));
                    };
                    emit.entry(c).or_default().insert(state, value(v, n)?);
                }
            }
            "@CHAR_STATE" => {
                let mut segments = line.split('|');
                let ch = segments.next().unwrap_or("");
                let mut chars = ch.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else {
                    return Err(format!("line {n}: {ch:?} is not one character"));
                };
                let states = segments
                    .filter(|s| !s.trim().is_empty())
                    .map(|s| pair(s, n))
                    .collect::<Result<BTreeSet<_>, _>>()?;
                if !states.is_empty() {
                    char_states.insert(c, states);
                }
            }
            other => return Err(format!("line {n}: outside a known section ({other:?})")),
        }
    }
    if file_tags.is_empty() || file_tags.len() > 64 {
        return Err(format!("{} tags; 1 to 64 fit", file_tags.len()));
    }
    let mut sorted = file_tags.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() != file_tags.len() {
        return Err("a tag is listed twice".into());
    }
    let tag_rank = |t: usize| -> Result<usize, String> {
        let tag = file_tags.get(t).ok_or(format!("tag {t} is out of range"))?;
        Ok(sorted.binary_search(tag).expect("sorted holds every tag"))
    };
    let state = |(p, t): (usize, usize)| -> Result<u8, String> {
        Ok(rank_of(p)? * 64 + tag_rank(t)? as u8)
    };

    let mut out = MAGIC.to_vec();
    put_varint(&mut out, sorted.len() as u64);
    for tag in &sorted {
        out.extend_from_slice(tag.as_bytes());
        out.push(b'\n');
    }
    let mut start_rows: Vec<(u8, f64)> = start
        .iter()
        .map(|&(s, v)| Ok((state(s)?, v)))
        .collect::<Result<_, String>>()?;
    start_rows.sort_by_key(|r| r.0);
    put_varint(&mut out, start_rows.len() as u64);
    for (s, v) in start_rows {
        out.push(s);
        out.extend_from_slice(&v.to_le_bytes());
    }
    let mut trans_rows: Vec<(u8, u8, f64)> = trans
        .iter()
        .map(|&(a, b, v)| Ok((state(a)?, state(b)?, v)))
        .collect::<Result<_, String>>()?;
    trans_rows.sort_by_key(|r| (r.0, r.1));
    put_varint(&mut out, trans_rows.len() as u64);
    for (a, b, v) in trans_rows {
        out.push(a);
        out.push(b);
        out.extend_from_slice(&v.to_le_bytes());
    }

    // Each character's states, with the emission values they read.
    let mut rows: BTreeMap<char, (bool, StateList)> = BTreeMap::new();
    for (&c, states) in &char_states {
        let emissions = emit.get(&c);
        let mut list: StateList = states
            .iter()
            .map(|&s| Ok((state(s)?, emissions.and_then(|e| e.get(&s)).copied())))
            .collect::<Result<_, String>>()?;
        list.sort_by_key(|r| r.0);
        rows.insert(c, (false, list));
    }
    for (&c, emissions) in &emit {
        if char_states.contains_key(&c) {
            continue;
        }
        let mut list: StateList = emissions
            .iter()
            .map(|(&s, &v)| Ok((state(s)?, Some(v))))
            .collect::<Result<_, String>>()?;
        list.sort_by_key(|r| r.0);
        rows.insert(c, (true, list));
    }
    let mut values: Vec<f64> = rows
        .values()
        .flat_map(|(_, list)| list.iter().filter_map(|r| r.1))
        .collect();
    values.sort_by(f64::total_cmp);
    values.dedup_by(|a, b| a.to_bits() == b.to_bits());
    put_varint(&mut out, values.len() as u64);
    for v in &values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    put_varint(&mut out, rows.len() as u64);
    let mut previous = 0u32;
    for (c, (any, list)) in &rows {
        put_varint(&mut out, u64::from(*c as u32 - previous));
        previous = *c as u32;
        out.push(u8::from(*any));
        put_varint(&mut out, list.len() as u64);
        for (s, v) in list {
            out.push(*s);
            let index = match v {
                Some(v) => {
                    1 + values
                        .binary_search_by(|x| x.total_cmp(v))
                        .expect("every value is in the table") as u64
                }
                None => 0,
            };
            put_varint(&mut out, index);
        }
    }
    Ok(out)
}

/// A cursor over the file that never reads past its end.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self, what: &str) -> Result<u64, String> {
        let mut x = 0u64;
        let mut shift = 0;
        loop {
            let byte = *self
                .buf
                .get(self.pos)
                .ok_or_else(|| format!("{what} is cut short"))?;
            self.pos += 1;
            if shift >= 64 || (shift == 63 && byte > 1) {
                return Err(format!("{what} is out of range"));
            }
            x |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(x);
            }
            shift += 7;
        }
    }

    fn count(&mut self, what: &str, max: usize) -> Result<usize, String> {
        let n = self.varint(what)?;
        if n > max as u64 {
            return Err(format!("{what} {n} is more than the file can hold"));
        }
        Ok(n as usize)
    }

    fn byte(&mut self, what: &str) -> Result<u8, String> {
        let b = *self
            .buf
            .get(self.pos)
            .ok_or_else(|| format!("{what} is cut short"))?;
        self.pos += 1;
        Ok(b)
    }

    fn f64(&mut self, what: &str) -> Result<f64, String> {
        let bytes = self
            .buf
            .get(self.pos..self.pos + 8)
            .ok_or_else(|| format!("{what} is cut short"))?;
        self.pos += 8;
        let v = f64::from_le_bytes(bytes.try_into().expect("eight bytes"));
        if v.is_nan() {
            return Err(format!("{what} is not a number"));
        }
        Ok(v)
    }
}

/// Decode a WXP1 file, checking everything the Viterbi relies on (states in range, states of a
/// character ascending, values indexed in range). The message says what is wrong.
pub fn decode(buf: &[u8]) -> Result<Decoded, String> {
    if buf.len() < MAGIC.len() || &buf[..MAGIC.len()] != MAGIC {
        return Err("it does not start with WXP1".into());
    }
    let mut r = Reader {
        buf,
        pos: MAGIC.len(),
    };
    let n_tags = r.count("the tag count", 64)?;
    if n_tags == 0 {
        return Err("there are no tags".into());
    }
    let mut tags = Vec::with_capacity(n_tags);
    for _ in 0..n_tags {
        let rest = &buf[r.pos..];
        let len = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or("the tag table is cut short")?;
        let tag = std::str::from_utf8(&rest[..len]).map_err(|_| "a tag is not UTF-8")?;
        if tags
            .last()
            .is_some_and(|last: &String| last.as_str() >= tag)
        {
            return Err("the tags are not sorted".into());
        }
        tags.push(tag.to_string());
        r.pos += len + 1;
    }
    let states = POSITIONS * n_tags;
    let state = |r: &mut Reader, what: &str| -> Result<u8, String> {
        let s = r.byte(what)?;
        if s as usize >= states {
            return Err(format!("{what} is out of range"));
        }
        Ok(s)
    };
    let n = r.count("the start count", states)?;
    let mut start = Vec::with_capacity(n);
    for _ in 0..n {
        start.push((state(&mut r, "a start state")?, r.f64("a start value")?));
    }
    let n = r.count("the transition count", states * states)?;
    let mut trans = Vec::with_capacity(n);
    for _ in 0..n {
        let from = state(&mut r, "a transition")?;
        let to = state(&mut r, "a transition")?;
        trans.push((from, to, r.f64("a transition value")?));
    }
    let n = r.count("the value count", buf.len() / 8)?;
    let mut values = Vec::with_capacity(n);
    for _ in 0..n {
        values.push(r.f64("an emission value")?);
    }
    let n = r.count("the character count", buf.len() / 3)?;
    let mut chars = Vec::with_capacity(n);
    let mut code = 0u32;
    for i in 0..n {
        let delta = r.varint("a character")?;
        if i > 0 && delta == 0 {
            return Err("the characters are not ascending".into());
        }
        code = u32::try_from(u64::from(code) + delta).map_err(|_| "a character is out of range")?;
        let ch = char::from_u32(code).ok_or("a character is out of range")?;
        let any = match r.byte("a character's kind")? {
            0 => false,
            1 => true,
            _ => return Err("a character's kind is out of range".into()),
        };
        let k = r.count("a character's state count", states)?;
        let mut list: Vec<(u8, u32)> = Vec::with_capacity(k);
        for _ in 0..k {
            let s = state(&mut r, "a character's state")?;
            if list.last().is_some_and(|&(last, _)| last >= s) {
                return Err("a character's states are not ascending".into());
            }
            let v = match r.varint("an emission index")? {
                0 => NO_EMISSION,
                i if i <= values.len() as u64 => (i - 1) as u32,
                _ => return Err("an emission index is out of range".into()),
            };
            list.push((s, v));
        }
        chars.push(CharRow {
            ch,
            any,
            states: list,
        });
    }
    if r.pos != buf.len() {
        return Err(format!(
            "{} bytes follow the last section",
            buf.len() - r.pos
        ));
    }
    Ok(Decoded {
        tags,
        start,
        trans,
        values,
        chars,
    })
}
