//! WXD1: jieba's dict.txt + idf.txt merged into one compact file (scratch prototype).
//!
//! Layout (all varints are LEB128):
//!   "WXD1"
//!   varint n_words
//!   varint n_tags,  then each tag as UTF-8 + '\n'          (tags ordered by use, most used first)
//!   varint n_idf,   then each IDF value as f32 LE           (ordered by use, most used first)
//!   varint len, words section (GB18030 bytes): per word, 1 byte = number of leading UTF-8 *bytes* shared
//!          with the previous word (0..=16), then the rest of the word, then '\n'. Words are sorted
//!          by code point (= UTF-8 byte order), as dict.txt is.
//!   varint len, freq column: varint per word, 0 = the word is not in dict.txt (idf.txt only)
//!   varint len, tag column: one byte per dict.txt word (freq > 0), index into the tag table
//!   varint len, idf column: varint per word, 0 = not in idf.txt, else 1 + index into the IDF table
//!
//! The words section is decoded from GB18030 in one call (bytes < 0x80 are ASCII in GB18030, so the
//! prefix bytes and '\n' survive decoding as single UTF-8 bytes).
#![allow(dead_code)]

use std::collections::HashMap;

pub struct Entry<'a> {
    pub word: &'a str,
    /// 0 = not a jieba dictionary word.
    pub freq: u64,
    pub tag: &'a str,
    /// f32 IDF or None.
    pub idf: Option<f32>,
}

fn put_varint(out: &mut Vec<u8>, mut x: u64) {
    loop {
        let b = (x & 0x7f) as u8;
        x >>= 7;
        if x == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

#[inline]
fn get_varint(buf: &[u8], pos: &mut usize) -> u64 {
    let mut x = 0u64;
    let mut shift = 0;
    loop {
        let b = buf[*pos];
        *pos += 1;
        x |= ((b & 0x7f) as u64) << shift;
        if b < 0x80 {
            return x;
        }
        shift += 7;
    }
}

/// Build WXD1 from the text of dict.txt and idf.txt.
pub fn encode(dict_txt: &str, idf_txt: &str) -> Vec<u8> {
    use std::collections::BTreeMap;
    let mut rows: BTreeMap<&str, (u64, &str, Option<&str>)> = BTreeMap::new();
    for line in dict_txt.lines() {
        let mut it = line.split_whitespace();
        let Some(w) = it.next() else { continue };
        let f: u64 = it.next().map_or(0, |x| x.parse().unwrap());
        assert!(f > 0, "freq 0 in dict.txt would collide with the 'not in dict' marker: {w}");
        let t = it.next().unwrap_or("");
        rows.insert(w, (f, t, None));
    }
    for line in idf_txt.lines() {
        let mut it = line.split_whitespace();
        let (Some(w), Some(v)) = (it.next(), it.next()) else { continue };
        rows.entry(w).or_insert((0, "", None)).2 = Some(v);
    }
    // Tags and IDF values, most used first.
    let mut tag_use: HashMap<&str, usize> = HashMap::new();
    let mut idf_use: HashMap<u32, usize> = HashMap::new();
    for (f, t, v) in rows.values() {
        if *f > 0 {
            *tag_use.entry(t).or_default() += 1;
        }
        if let Some(v) = v {
            *idf_use.entry(v.parse::<f32>().unwrap().to_bits()).or_default() += 1;
        }
    }
    let mut tags: Vec<(&str, usize)> = tag_use.into_iter().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let tag_index: HashMap<&str, usize> = tags.iter().enumerate().map(|(i, t)| (t.0, i)).collect();
    let mut idfs: Vec<(u32, usize)> = idf_use.into_iter().collect();
    idfs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let idf_index: HashMap<u32, usize> = idfs.iter().enumerate().map(|(i, t)| (t.0, i)).collect();

    let mut out = b"WXD1".to_vec();
    put_varint(&mut out, rows.len() as u64);
    put_varint(&mut out, tags.len() as u64);
    for (t, _) in &tags {
        out.extend_from_slice(t.as_bytes());
        out.push(b'\n');
    }
    put_varint(&mut out, idfs.len() as u64);
    for (bits, _) in &idfs {
        out.extend_from_slice(&bits.to_le_bytes());
    }
    let mut words_utf8 = String::new();
    let mut freq_col = Vec::new();
    let mut tag_col = Vec::new();
    let mut idf_col = Vec::new();
    let mut prev = "";
    for (w, (f, t, v)) in &rows {
        let shared = w.chars().zip(prev.chars()).take_while(|(a, b)| a == b).count();
        let byte_at = w.char_indices().nth(shared).map_or(w.len(), |(i, _)| i);
        // The shared prefix as a UTF-8 byte count (< 0x80, so one ASCII byte in GB18030).
        assert!(byte_at < 0x80);
        words_utf8.push(char::from(byte_at as u8));
        words_utf8.push_str(&w[byte_at..]);
        words_utf8.push('\n');
        prev = w;
        put_varint(&mut freq_col, *f);
        if *f > 0 {
            tag_col.push(tag_index[t] as u8);
        }
        put_varint(
            &mut idf_col,
            v.map_or(0, |v| 1 + idf_index[&v.parse::<f32>().unwrap().to_bits()] as u64),
        );
    }
    let (words_gb, _, unmappable) = encoding_rs::GB18030.encode(&words_utf8);
    assert!(!unmappable);
    for section in [&words_gb[..], &freq_col, &tag_col, &idf_col] {
        put_varint(&mut out, section.len() as u64);
        out.extend_from_slice(section);
    }
    out
}

/// A decoded WXD1: the words as one UTF-8 string plus columns.
pub struct Decoded {
    pub words: String,
    /// Byte range of each word in `words`.
    pub spans: Vec<(u32, u32)>,
    pub freqs: Vec<u64>,
    /// Tag index per word (u8::MAX = not a dictionary word).
    pub tag_ids: Vec<u8>,
    pub tags: Vec<String>,
    /// IDF index per word (u16::MAX = none).
    pub idf_ids: Vec<u16>,
    pub idf_values: Vec<f32>,
}

impl Decoded {
    pub fn word(&self, i: usize) -> &str {
        let (a, b) = self.spans[i];
        &self.words[a as usize..b as usize]
    }
    pub fn tag(&self, i: usize) -> &str {
        &self.tags[self.tag_ids[i] as usize]
    }
    pub fn len(&self) -> usize {
        self.spans.len()
    }
}

/// Decode WXD1 into flat arrays: every word is written out in full, one after another
/// (newline-separated, so `words` doubles as a `word freq tag`-less word list).
pub fn decode(buf: &[u8]) -> Decoded {
    assert_eq!(&buf[..4], b"WXD1");
    let mut pos = 4;
    let n = get_varint(buf, &mut pos) as usize;
    let n_tags = get_varint(buf, &mut pos) as usize;
    let mut tags = Vec::with_capacity(n_tags);
    for _ in 0..n_tags {
        let end = pos + buf[pos..].iter().position(|&b| b == b'\n').unwrap();
        tags.push(std::str::from_utf8(&buf[pos..end]).unwrap().to_string());
        pos = end + 1;
    }
    let n_idf = get_varint(buf, &mut pos) as usize;
    let idf_values: Vec<f32> = (0..n_idf)
        .map(|i| f32::from_le_bytes(buf[pos + 4 * i..pos + 4 * i + 4].try_into().unwrap()))
        .collect();
    pos += 4 * n_idf;
    let mut section = || {
        let len = get_varint(buf, &mut pos) as usize;
        let s = &buf[pos..pos + len];
        pos += len;
        s
    };
    let words_gb = section();
    let freq_col = section();
    let tag_col = section();
    let idf_col = section();
    let (fc, _) = encoding_rs::GB18030.decode_without_bom_handling(words_gb);
    let fc = fc.as_bytes();

    let mut words = String::with_capacity(fc.len() * 3 / 2);
    let mut spans = Vec::with_capacity(n);
    let mut prev_start = 0usize;
    let mut i = 0;
    while i < fc.len() {
        let shared = fc[i] as usize;
        i += 1;
        let end = i + memchr_nl(&fc[i..]);
        let start = words.len();
        if shared > 0 {
            // Copy the first `shared` bytes of the previous word.
            words.extend_from_within(prev_start..prev_start + shared);
        }
        // SAFETY-free: fc is valid UTF-8 and i..end is on char boundaries.
        words.push_str(unsafe { std::str::from_utf8_unchecked(&fc[i..end]) });
        spans.push((start as u32, words.len() as u32));
        words.push('\n');
        prev_start = start;
        i = end + 1;
    }
    assert_eq!(spans.len(), n);
    let mut freqs = Vec::with_capacity(n);
    let mut tag_ids = Vec::with_capacity(n);
    let mut idf_ids = Vec::with_capacity(n);
    let (mut fp, mut tp, mut ip) = (0, 0, 0);
    for _ in 0..n {
        let f = get_varint(freq_col, &mut fp);
        freqs.push(f);
        if f > 0 {
            tag_ids.push(tag_col[tp]);
            tp += 1;
        } else {
            tag_ids.push(u8::MAX);
        }
        let v = get_varint(idf_col, &mut ip);
        idf_ids.push(if v == 0 { u16::MAX } else { (v - 1) as u16 });
    }
    Decoded { words, spans, freqs, tag_ids, tags, idf_ids, idf_values }
}

#[inline]
fn memchr_nl(s: &[u8]) -> usize {
    s.iter().position(|&b| b == b'\n').unwrap()
}

/// The `word freq tag` text jieba's `with_dict` reads, for the dictionary words of `d`.
pub fn dict_text(d: &Decoded) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(d.words.len() * 2);
    for i in 0..d.len() {
        if d.freqs[i] > 0 {
            let _ = writeln!(s, "{} {} {}", d.word(i), d.freqs[i], d.tag(i));
        }
    }
    s
}


/// `decode` with the word expansion and the columns done in batches by never-inlined functions,
/// so that a wasm engine's dynamic tiering can switch to optimised code part way through.
pub fn decode_batched(buf: &[u8], batch: usize) -> Decoded {
    assert_eq!(&buf[..4], b"WXD1");
    let mut pos = 4;
    let n = get_varint(buf, &mut pos) as usize;
    let n_tags = get_varint(buf, &mut pos) as usize;
    let mut tags = Vec::with_capacity(n_tags);
    for _ in 0..n_tags {
        let end = pos + buf[pos..].iter().position(|&b| b == b'\n').unwrap();
        tags.push(std::str::from_utf8(&buf[pos..end]).unwrap().to_string());
        pos = end + 1;
    }
    let n_idf = get_varint(buf, &mut pos) as usize;
    let idf_values: Vec<f32> = (0..n_idf)
        .map(|i| f32::from_le_bytes(buf[pos + 4 * i..pos + 4 * i + 4].try_into().unwrap()))
        .collect();
    pos += 4 * n_idf;
    let mut section = || {
        let len = get_varint(buf, &mut pos) as usize;
        let s = &buf[pos..pos + len];
        pos += len;
        s
    };
    let words_gb = section();
    let freq_col = section();
    let tag_col = section();
    let idf_col = section();
    let (fc, _) = encoding_rs::GB18030.decode_without_bom_handling(words_gb);
    let fc = fc.as_bytes();
    let mut d = Decoded {
        words: String::with_capacity(fc.len() * 3 / 2),
        spans: Vec::with_capacity(n),
        freqs: Vec::with_capacity(n),
        tag_ids: Vec::with_capacity(n),
        tags,
        idf_ids: Vec::with_capacity(n),
        idf_values,
    };
    let (mut i, mut prev_start) = (0usize, 0usize);
    while i < fc.len() {
        i = expand_batch(fc, i, batch, &mut d.words, &mut d.spans, &mut prev_start);
    }
    assert_eq!(d.spans.len(), n);
    let (mut fp, mut tp, mut ip) = (0, 0, 0);
    let mut done = 0;
    while done < n {
        let k = batch.min(n - done);
        columns_batch(freq_col, tag_col, idf_col, k, &mut fp, &mut tp, &mut ip, &mut d);
        done += k;
    }
    d
}

#[inline(never)]
fn expand_batch(fc: &[u8], mut i: usize, batch: usize, words: &mut String, spans: &mut Vec<(u32, u32)>, prev_start: &mut usize) -> usize {
    let mut k = 0;
    while i < fc.len() && k < batch {
        let shared = fc[i] as usize;
        i += 1;
        let end = i + memchr_nl(&fc[i..]);
        let start = words.len();
        if shared > 0 {
            words.extend_from_within(*prev_start..*prev_start + shared);
        }
        words.push_str(unsafe { std::str::from_utf8_unchecked(&fc[i..end]) });
        spans.push((start as u32, words.len() as u32));
        words.push('\n');
        *prev_start = start;
        i = end + 1;
        k += 1;
    }
    i
}

#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn columns_batch(freq_col: &[u8], tag_col: &[u8], idf_col: &[u8], k: usize, fp: &mut usize, tp: &mut usize, ip: &mut usize, d: &mut Decoded) {
    for _ in 0..k {
        let f = get_varint(freq_col, fp);
        d.freqs.push(f);
        if f > 0 {
            d.tag_ids.push(tag_col[*tp]);
            *tp += 1;
        } else {
            d.tag_ids.push(u8::MAX);
        }
        let v = get_varint(idf_col, ip);
        d.idf_ids.push(if v == 0 { u16::MAX } else { (v - 1) as u16 });
    }
}
