//! OpenCC's conversion engine, small: dictionaries matched longest-first (`Dict`), groups of
//! them tried in order (OpenCC's "short_circuit" groups), conversion that records where the
//! text changed length (`Unit`s, so offsets map back), OpenCC's max-match segmentation, and
//! WXS1, the file the tables travel in. `build.rs` includes this file (to reduce and encode
//! the tables), the core decodes and converts with it.
//!
//! WXS1 (varints are unsigned LEB128):
//!
//! ```text
//! "WXS1"
//! varint n_tables; per table: its name + '\n', varint n_entries, varint len, then `len` bytes
//!        of "key\tvalue\n" entries, sorted by key, unique, UTF-8
//! ```

// The encoding half is build.rs's (which includes this file); the core only decodes.
#![allow(dead_code)]

use rustc_hash::FxHashMap;
use std::ops::Range;

pub const MAGIC: &[u8; 4] = b"WXS1";
/// Keys are at most this long (in characters), so a prefix lookup needs no allocation.
pub const MAX_KEY_CHARS: usize = 32;

/// A conversion table: key → value, matched longest first.
#[derive(Debug, Default, Clone)]
pub struct Dict {
    map: FxHashMap<Box<str>, Box<str>>,
    /// The longest key (in characters) that starts with each character.
    longest: FxHashMap<char, u8>,
}

impl Dict {
    /// A table of `(key, value)` pairs; of two with the same key the first stays.
    pub fn new<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> Dict {
        let mut dict = Dict::default();
        for (k, v) in pairs {
            dict.insert(k.as_ref(), v.as_ref());
        }
        dict
    }

    /// Add an entry, unless the key is there already.
    pub fn insert(&mut self, key: &str, value: &str) {
        let Some(first) = key.chars().next() else {
            return;
        };
        if self.map.contains_key(key) {
            return;
        }
        let chars = key.chars().count().min(u8::MAX as usize) as u8;
        let longest = self.longest.entry(first).or_default();
        *longest = (*longest).max(chars);
        self.map.insert(key.into(), value.into());
    }

    /// Drop `key` (the longest-key bounds stay: they only cost a lookup).
    pub fn remove(&mut self, key: &str) -> Option<Box<str>> {
        self.map.remove(key)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.map.get(key).map(|v| &**v)
    }

    /// The entries, sorted by key.
    pub fn entries(&self) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = self.map.iter().map(|(k, v)| (&**k, &**v)).collect();
        out.sort_unstable();
        out
    }

    /// The longest key `text` starts with: its length in bytes and its value.
    #[inline]
    pub fn prefix(&self, text: &str) -> Option<(usize, &str)> {
        let first = text.chars().next()?;
        let longest = *self.longest.get(&first)? as usize;
        let mut ends = [0usize; MAX_KEY_CHARS];
        let mut n = 0;
        for (i, c) in text.char_indices().take(longest.min(ends.len())) {
            ends[n] = i + c.len_utf8();
            n += 1;
        }
        (0..n).rev().find_map(|k| {
            let key = &text[..ends[k]];
            self.map.get(key).map(|v| (key.len(), &**v))
        })
    }
}

/// OpenCC's text format: `key<TAB>value value ...` lines, `#` comments; the first value is the
/// one conversion uses.
pub fn parse_opencc(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (key, values) = l.split_once('\t')?;
            let value = values.split(' ').next()?;
            (!key.is_empty() && !value.is_empty()).then_some((key, value))
        })
        .collect()
}

/// The first table of `group` that has a key `text` starts with, and its longest such key
/// (OpenCC's short-circuit group).
#[inline]
pub fn group_prefix<'d>(group: &[&'d Dict], text: &str) -> Option<(usize, &'d str)> {
    group.iter().find_map(|d| d.prefix(text))
}

/// A stretch where conversion changed the length (in bytes): `out` in the converted text came
/// from `inp` in the text converted. Everywhere else offsets shift by the units before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub out: (u32, u32),
    pub inp: (u32, u32),
}

/// Convert `text` with `group`, appending to `out`; `units` gets the stretches whose length
/// changed, with offsets relative to `inp_base` in the input and to `out`'s start.
pub fn convert(
    group: &[&Dict],
    text: &str,
    inp_base: usize,
    out: &mut String,
    units: &mut Vec<Unit>,
) {
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        match group_prefix(group, rest) {
            Some((len, value)) => {
                if value.len() != len {
                    units.push(Unit {
                        out: (out.len() as u32, (out.len() + value.len()) as u32),
                        inp: ((inp_base + at) as u32, (inp_base + at + len) as u32),
                    });
                }
                out.push_str(value);
                at += len;
            }
            None => {
                let len = rest.chars().next().map_or(1, char::len_utf8);
                out.push_str(&rest[..len]);
                at += len;
            }
        }
    }
}

/// OpenCC's maximum-match segmentation: each key of `dict` found (longest first) is a segment
/// of its own, and the text between them another.
pub fn segments(dict: &Dict, text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut at, mut run) = (0, 0);
    while at < text.len() {
        match dict.prefix(&text[at..]) {
            Some((len, _)) => {
                if run < at {
                    out.push(run..at);
                }
                out.push(at..at + len);
                at += len;
                run = at;
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if run < text.len() {
        out.push(run..text.len());
    }
    out
}

/// Convert with `group` and return the text (no offsets).
pub fn convert_string(group: &[&Dict], text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    convert(group, text, 0, &mut out, &mut Vec::new());
    out
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

/// Encode named tables as WXS1.
pub fn encode(tables: &[(&str, &Dict)]) -> Result<Vec<u8>, String> {
    let mut out = MAGIC.to_vec();
    put_varint(&mut out, tables.len() as u64);
    for (name, dict) in tables {
        if name.contains('\n') || name.is_empty() {
            return Err(format!("bad table name {name:?}"));
        }
        out.extend_from_slice(name.as_bytes());
        out.push(b'\n');
        let mut section = String::new();
        let entries = dict.entries();
        for (k, v) in &entries {
            if k.contains(['\t', '\n']) || v.contains(['\t', '\n']) {
                return Err(format!("{name}: an entry holds a tab or a line break"));
            }
            if k.chars().count() > MAX_KEY_CHARS {
                return Err(format!(
                    "{name}: {k} is longer than {MAX_KEY_CHARS} characters"
                ));
            }
            section.push_str(k);
            section.push('\t');
            section.push_str(v);
            section.push('\n');
        }
        put_varint(&mut out, entries.len() as u64);
        put_varint(&mut out, section.len() as u64);
        out.extend_from_slice(section.as_bytes());
    }
    Ok(out)
}

fn read_varint(buf: &[u8], pos: &mut usize, what: &str) -> Result<u64, String> {
    let mut x = 0u64;
    let mut shift = 0;
    loop {
        let byte = *buf
            .get(*pos)
            .ok_or_else(|| format!("{what} is cut short"))?;
        *pos += 1;
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

/// Decode a WXS1 file into its named tables, checking that each is what `encode` writes.
pub fn decode(buf: &[u8]) -> Result<Vec<(String, Dict)>, String> {
    if buf.len() < MAGIC.len() || &buf[..MAGIC.len()] != MAGIC {
        return Err("it does not start with WXS1".into());
    }
    let mut pos = MAGIC.len();
    let n = read_varint(buf, &mut pos, "the table count")?;
    if n > 64 {
        return Err(format!("{n} tables is more than the file can hold"));
    }
    let mut tables = Vec::new();
    for _ in 0..n {
        let rest = &buf[pos..];
        let len = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or("a table name is cut short")?;
        let name = std::str::from_utf8(&rest[..len]).map_err(|_| "a table name is not UTF-8")?;
        pos += len + 1;
        let entries = read_varint(buf, &mut pos, "an entry count")?;
        let len = read_varint(buf, &mut pos, "a table length")?;
        let end = usize::try_from(len)
            .ok()
            .and_then(|len| pos.checked_add(len))
            .filter(|&end| end <= buf.len())
            .ok_or_else(|| format!("table {name} is cut short"))?;
        let text = std::str::from_utf8(&buf[pos..end])
            .map_err(|_| format!("table {name} is not UTF-8"))?;
        pos = end;
        let mut dict = Dict::default();
        let mut previous = "";
        let mut count = 0u64;
        for line in text.split_terminator('\n') {
            let (k, v) = line
                .split_once('\t')
                .filter(|(k, v)| !k.is_empty() && !v.is_empty() && !v.contains('\t'))
                .ok_or_else(|| format!("table {name} has a line that is not key<TAB>value"))?;
            if count > 0 && k <= previous {
                return Err(format!("table {name} is not sorted"));
            }
            dict.insert(k, v);
            previous = k;
            count += 1;
        }
        if count != entries || !text.is_empty() && !text.ends_with('\n') {
            return Err(format!(
                "table {name} has {count} entries where {entries} were announced"
            ));
        }
        tables.push((name.to_string(), dict));
    }
    if pos != buf.len() {
        return Err(format!("{} bytes follow the last table", buf.len() - pos));
    }
    Ok(tables)
}
