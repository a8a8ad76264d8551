//! WXD2, the dictionary file, and WXI1, its IDF table: jieba's `dict.txt` and `idf.txt` as two
//! compact, well-compressing files. `build.rs` encodes them from the pinned jieba-rs's own data
//! files (it includes this file too); the core decodes them. The IDF table is a file of its own
//! because only keyword weighting needs it, not segmentation: the page fetches it after the
//! first cloud (238 KB brotli of the dictionary's 1.4 MB).
//!
//! Layout of WXD2 (every varint is unsigned LEB128):
//!
//! ```text
//! "WXD2"
//! varint n_words
//! varint n_tags, then each tag as UTF-8 + '\n'        (most used first)
//! varint len, words: per word one byte = how many leading UTF-8 bytes it shares with the
//!        previous word (< 0x80), the rest of the word, '\n'; all in GB18030 (bytes < 0x80 are
//!        ASCII there, so the prefix bytes and '\n' survive decoding as single bytes). Words are
//!        sorted by code point (UTF-8 byte order) and unique.
//! varint len, freq column: a varint per word; 0 = not in dict.txt (only in idf.txt)
//! varint len, tag column: a byte per dict.txt word (freq > 0): index into the tags
//! ```
//!
//! Layout of WXI1, over the words of one WXD2:
//!
//! ```text
//! "WXI1"
//! varint version (IDF_VERSION)
//! u64 LE: FNV-1a of that WXD2's words section, so that a table is never applied to the
//!         words of another dictionary
//! varint n_idf, then each distinct IDF value, f32 LE  (most used first)
//! varint len, idf column: a varint per word; 0 = not in idf.txt, else 1 + index into the values
//! ```
//!
//! jieba's IDF table has only a few thousand distinct values, so the table is lossless.

use std::collections::{BTreeMap, HashMap};

pub const MAGIC: &[u8; 4] = b"WXD2";
pub const IDF_MAGIC: &[u8; 4] = b"WXI1";
pub const IDF_VERSION: u64 = 1;
/// Tag index of a word that is only in idf.txt.
pub const NO_TAG: u8 = u8::MAX;
/// IDF index of a word that is not in idf.txt.
pub const NO_IDF: u16 = u16::MAX;
/// Words are expanded and columns read this many at a time by functions that are never
/// inlined, so that a wasm engine's tiering can switch to optimised code part way through.
const BATCH: usize = 4096;

/// A decoded WXD2: the words one after another in one string, and a column per field.
#[derive(Debug, Clone, Default)]
pub struct Decoded {
    /// Every word, concatenated; word `i` ends at `ends[i]` and starts where `i - 1` ends.
    pub words: String,
    pub ends: Vec<u32>,
    /// jieba's frequency; 0 = only in idf.txt.
    pub freqs: Vec<u32>,
    /// Index into `tags`, or [`NO_TAG`].
    pub tag_ids: Vec<u8>,
    pub tags: Vec<String>,
    /// FNV-1a of the words section: what a WXI1 must name to apply to these words.
    pub words_hash: u64,
}

/// A decoded WXI1: each word's IDF, by the index of the word in its [`Decoded`].
#[derive(Debug, Clone, Default)]
pub struct IdfColumn {
    /// Index into `values`, or [`NO_IDF`].
    pub ids: Vec<u16>,
    pub values: Vec<f32>,
}

/// 64-bit FNV-1a: a cheap fingerprint of the words section (not a defence against forgery;
/// it tells a table made for other words).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Decoded {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Word `i` (`i < len()`).
    #[inline]
    pub fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.words[start..self.ends[i] as usize]
    }

    /// Index of `word`, by binary search in the sorted words.
    pub fn find(&self, word: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0usize, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.word(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

// The encoder is build.rs's (which includes this file) and the tests'; the core only decodes.
#[cfg_attr(not(test), allow(dead_code))]
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

/// Encode the text of jieba's `dict.txt` (`word freq [tag]` lines) and `idf.txt`
/// (`word idf` lines) as a WXD2 and its WXI1. Fails on what the format cannot hold.
#[cfg_attr(not(test), allow(dead_code))]
pub fn encode(dict_txt: &str, idf_txt: &str) -> Result<(Vec<u8>, Vec<u8>), String> {
    struct Row<'a> {
        freq: u64,
        tag: &'a str,
        idf: Option<f32>,
    }
    let mut rows: BTreeMap<&str, Row> = BTreeMap::new();
    for (n, line) in dict_txt.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let freq: u64 = match fields.next() {
            Some(f) => f
                .parse()
                .map_err(|e| format!("dict.txt line {}: frequency {f:?}: {e}", n + 1))?,
            None => 0,
        };
        if freq == 0 {
            // 0 marks "only in idf.txt"; jieba gives such words no weight anyway.
            return Err(format!("dict.txt line {}: frequency 0 for {word}", n + 1));
        }
        let tag = fields.next().unwrap_or("");
        rows.insert(
            word,
            Row {
                freq,
                tag,
                idf: None,
            },
        );
    }
    for (n, line) in idf_txt.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let (Some(word), Some(value)) = (fields.next(), fields.next()) else {
            continue;
        };
        let value: f32 = value
            .parse()
            .map_err(|e| format!("idf.txt line {}: {value:?}: {e}", n + 1))?;
        rows.entry(word)
            .or_insert(Row {
                freq: 0,
                tag: "",
                idf: None,
            })
            .idf = Some(value);
    }

    // Tables, most used first (small indexes, short varints).
    let mut tag_use: HashMap<&str, usize> = HashMap::new();
    let mut idf_use: HashMap<u32, usize> = HashMap::new();
    for row in rows.values() {
        if row.freq > 0 {
            *tag_use.entry(row.tag).or_default() += 1;
        }
        if let Some(v) = row.idf {
            *idf_use.entry(v.to_bits()).or_default() += 1;
        }
    }
    let mut tags: Vec<(&str, usize)> = tag_use.into_iter().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if tags.len() >= NO_TAG as usize {
        return Err(format!("{} tags; at most {} fit", tags.len(), NO_TAG));
    }
    let tag_index: HashMap<&str, u8> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.0, i as u8))
        .collect();
    let mut idfs: Vec<(u32, usize)> = idf_use.into_iter().collect();
    idfs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if idfs.len() >= NO_IDF as usize {
        return Err(format!("{} IDF values; at most {} fit", idfs.len(), NO_IDF));
    }
    let idf_index: HashMap<u32, u64> = idfs
        .iter()
        .enumerate()
        .map(|(i, v)| (v.0, i as u64))
        .collect();

    let mut out = MAGIC.to_vec();
    put_varint(&mut out, rows.len() as u64);
    put_varint(&mut out, tags.len() as u64);
    for (tag, _) in &tags {
        out.extend_from_slice(tag.as_bytes());
        out.push(b'\n');
    }
    let mut words = String::new();
    let (mut freq_col, mut tag_col, mut idf_col) = (Vec::new(), Vec::new(), Vec::new());
    let mut prev = "";
    for (word, row) in &rows {
        if word.contains('\n') {
            return Err(format!("{word:?} contains a line break"));
        }
        let shared = word
            .char_indices()
            .zip(prev.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, c), _)| i + c.len_utf8());
        // At most 0x7f shared bytes: one ASCII byte. Longer shared prefixes are cut there
        // (on a char boundary), which only costs a few bytes.
        let mut shared = shared.min(0x7f);
        while !word.is_char_boundary(shared) {
            shared -= 1;
        }
        words.push(char::from(shared as u8));
        words.push_str(&word[shared..]);
        words.push('\n');
        prev = word;
        put_varint(&mut freq_col, row.freq);
        if row.freq > 0 {
            tag_col.push(tag_index[row.tag]);
        }
        put_varint(
            &mut idf_col,
            row.idf.map_or(0, |v| 1 + idf_index[&v.to_bits()]),
        );
    }
    let (words_gb, _, unmappable) = encoding_rs::GB18030.encode(&words);
    if unmappable {
        return Err("a word has a character GB18030 cannot encode".into());
    }
    for section in [&words_gb[..], &freq_col, &tag_col] {
        put_varint(&mut out, section.len() as u64);
        out.extend_from_slice(section);
    }
    let mut wxi = IDF_MAGIC.to_vec();
    put_varint(&mut wxi, IDF_VERSION);
    wxi.extend_from_slice(&fnv1a(&words_gb).to_le_bytes());
    put_varint(&mut wxi, idfs.len() as u64);
    for (bits, _) in &idfs {
        wxi.extend_from_slice(&bits.to_le_bytes());
    }
    put_varint(&mut wxi, idf_col.len() as u64);
    wxi.extend_from_slice(&idf_col);
    Ok((out, wxi))
}

/// A cursor over the file that never reads past its end.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self, what: &str) -> Result<u64, String> {
        read_varint(self.buf, &mut self.pos).ok_or_else(|| format!("{what} is cut short"))
    }

    fn count(&mut self, what: &str, max: usize) -> Result<usize, String> {
        let n = self.varint(what)?;
        if n > max as u64 {
            return Err(format!("{what} {n} is more than the file can hold"));
        }
        Ok(n as usize)
    }

    fn take(&mut self, len: usize, what: &str) -> Result<&'a [u8], String> {
        let end = self
            .pos
            .checked_add(len)
            .filter(|&end| end <= self.buf.len())
            .ok_or_else(|| format!("{what} is cut short"))?;
        let bytes = &self.buf[self.pos..end];
        self.pos = end;
        Ok(bytes)
    }

    fn section(&mut self, what: &str) -> Result<&'a [u8], String> {
        let len = self.count(what, self.buf.len())?;
        self.take(len, what)
    }
}

#[inline]
fn read_varint(buf: &[u8], pos: &mut usize) -> Option<u64> {
    let mut x = 0u64;
    let mut shift = 0;
    loop {
        let byte = *buf.get(*pos)?;
        *pos += 1;
        if shift >= 64 || (shift == 63 && byte > 1) {
            return None; // more than 64 bits
        }
        x |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(x);
        }
        shift += 7;
    }
}

/// Decode a WXD2 file, checking everything the lookups rely on (words sorted and unique,
/// indexes in range, sections the length they claim). The message says what is wrong.
pub fn decode(buf: &[u8]) -> Result<Decoded, String> {
    if buf.len() < MAGIC.len() || &buf[..MAGIC.len()] != MAGIC {
        return Err("it does not start with WXD2".into());
    }
    let mut r = Reader {
        buf,
        pos: MAGIC.len(),
    };
    // Every word takes at least two bytes of the words section.
    let n = r.count("the word count", buf.len() / 2)?;
    let n_tags = r.count("the tag count", NO_TAG as usize - 1)?;
    let mut tags = Vec::with_capacity(n_tags);
    for _ in 0..n_tags {
        let rest = &buf[r.pos..];
        let len = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or("the tag table is cut short")?;
        let tag = std::str::from_utf8(&rest[..len]).map_err(|_| "a tag is not UTF-8")?;
        tags.push(tag.to_string());
        r.pos += len + 1;
    }
    let words_gb = r.section("the words section")?;
    let freq_col = r.section("the frequency column")?;
    let tag_col = r.section("the tag column")?;
    if r.pos != buf.len() {
        return Err(format!(
            "{} bytes follow the last section",
            buf.len() - r.pos
        ));
    }

    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(words_gb);
    if had_errors {
        return Err("the words are not valid GB18030".into());
    }
    let text = text.as_bytes();
    let mut words = Vec::with_capacity(text.len() * 3 / 2);
    let mut ends = Vec::with_capacity(n);
    let mut at = 0;
    while at < text.len() {
        at = expand_words(text, at, &mut words, &mut ends)?;
    }
    if ends.len() != n {
        return Err(format!("{} words where {n} were announced", ends.len()));
    }
    let words = String::from_utf8(words).map_err(|_| "a word is not valid text")?;
    let mut d = Decoded {
        words,
        ends,
        freqs: Vec::with_capacity(n),
        tag_ids: Vec::with_capacity(n),
        tags,
        words_hash: fnv1a(words_gb),
    };
    let mut cursors = Cursors::default();
    while d.freqs.len() < n {
        let batch = BATCH.min(n - d.freqs.len());
        read_columns([freq_col, tag_col], batch, &mut cursors, &mut d)?;
    }
    if cursors.freq != freq_col.len() || cursors.tag != tag_col.len() {
        return Err("a column is longer than the words".into());
    }
    Ok(d)
}

/// Decode a WXI1 file for the words of `d`, checking that it was made for them and that every
/// index is in range. The message says what is wrong.
pub fn decode_idf(buf: &[u8], d: &Decoded) -> Result<IdfColumn, String> {
    if buf.len() < IDF_MAGIC.len() || &buf[..IDF_MAGIC.len()] != IDF_MAGIC {
        return Err("it does not start with WXI1".into());
    }
    let mut r = Reader {
        buf,
        pos: IDF_MAGIC.len(),
    };
    let version = r.varint("the version")?;
    if version != IDF_VERSION {
        return Err(format!(
            "it is version {version}; this build reads {IDF_VERSION}"
        ));
    }
    let hash = r.take(8, "the word-list fingerprint")?;
    let hash = u64::from_le_bytes(hash.try_into().expect("8 bytes"));
    if hash != d.words_hash {
        return Err("it was made for another dictionary".into());
    }
    let n_idf = r.count("the IDF value count", NO_IDF as usize - 1)?;
    let values: Vec<f32> = r
        .take(4 * n_idf, "the IDF table")?
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let column = r.section("the IDF column")?;
    if r.pos != buf.len() {
        return Err(format!(
            "{} bytes follow the last section",
            buf.len() - r.pos
        ));
    }
    let n = d.len();
    let mut idf = IdfColumn {
        ids: Vec::with_capacity(n),
        values,
    };
    let mut at = 0;
    while idf.ids.len() < n {
        let batch = BATCH.min(n - idf.ids.len());
        read_idf_column(column, batch, &mut at, &mut idf)?;
    }
    if at != column.len() {
        return Err("the IDF column is longer than the words".into());
    }
    Ok(idf)
}

/// The IDF indexes of the next `batch` words.
#[inline(never)]
fn read_idf_column(
    column: &[u8],
    batch: usize,
    at: &mut usize,
    idf: &mut IdfColumn,
) -> Result<(), String> {
    for _ in 0..batch {
        let i = read_varint(column, at).ok_or("the IDF column is cut short")?;
        idf.ids.push(match i {
            0 => NO_IDF,
            i if i <= idf.values.len() as u64 => (i - 1) as u16,
            _ => return Err("an IDF index is out of range".into()),
        });
    }
    Ok(())
}

/// Up to `BATCH` words of the decoded words section from byte `at` into `words`, their ends
/// into `ends`; returns where it stopped. (Bytes, not a `String`: the whole is checked to be
/// UTF-8 once, at the end.)
#[inline(never)]
fn expand_words(
    text: &[u8],
    mut at: usize,
    words: &mut Vec<u8>,
    ends: &mut Vec<u32>,
) -> Result<usize, String> {
    for _ in 0..BATCH {
        if at >= text.len() {
            break;
        }
        let shared = text[at] as usize;
        if shared >= 0x80 {
            return Err("a word's shared-prefix length is out of range".into());
        }
        let from = at + 1;
        let len = text[from..]
            .iter()
            .position(|&b| b == b'\n')
            .ok_or("the words section is cut short")?;
        let start = words.len();
        let prev_start = if ends.len() < 2 {
            0
        } else {
            ends[ends.len() - 2] as usize
        };
        if shared > 0 {
            // Within the previous word and ending on a character boundary (the next byte of
            // the previous word, if any, is not a UTF-8 continuation byte).
            if shared > start - prev_start
                || (prev_start + shared < start && (words[prev_start + shared] as i8) < -0x40)
            {
                return Err("a word shares more than the previous word has".into());
            }
            words.extend_from_within(prev_start..prev_start + shared);
        }
        words.extend_from_slice(&text[from..from + len]);
        if words.len() == start || (start > 0 && words[start..] <= words[prev_start..start]) {
            return Err("the words are not sorted, unique and non-empty".into());
        }
        let end = u32::try_from(words.len()).map_err(|_| "the words are too long")?;
        ends.push(end);
        at = from + len + 1;
    }
    Ok(at)
}

#[derive(Default)]
struct Cursors {
    freq: usize,
    tag: usize,
}

/// The columns of the next `batch` words.
#[inline(never)]
fn read_columns(
    [freq_col, tag_col]: [&[u8]; 2],
    batch: usize,
    at: &mut Cursors,
    d: &mut Decoded,
) -> Result<(), String> {
    for _ in 0..batch {
        let freq =
            read_varint(freq_col, &mut at.freq).ok_or("the frequency column is cut short")?;
        let freq = u32::try_from(freq).map_err(|_| "a frequency is out of range")?;
        d.freqs.push(freq);
        if freq > 0 {
            let tag = *tag_col.get(at.tag).ok_or("the tag column is cut short")?;
            if tag as usize >= d.tags.len() {
                return Err("a tag index is out of range".into());
            }
            d.tag_ids.push(tag);
            at.tag += 1;
        } else {
            d.tag_ids.push(NO_TAG);
        }
    }
    Ok(())
}

/// A 64-bit hash of `bytes`, the same on every platform, eight bytes a step. Every step is a
/// bijection of the state, so any change within one 8-byte word is always seen. (What a
/// dictionary file is known by, and build.rs says which file the build made: here, so that both
/// have it.)
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0xCBF2_9CE4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        h = (h.rotate_left(23) ^ word).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(23) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^ (h >> 29)
}
