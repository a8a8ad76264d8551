//! A prepared document as bytes ([`PreparedDocument::to_bytes`], [`PreparedDocument::from_bytes`]):
//! what the page keeps in IndexedDB so that a returning visit does not segment again, and what
//! a worker of a pool hands to the one that owns the corpus.
//!
//! Layout (little-endian): the magic `WXPD`, the format version (u32), the payload's length
//! (u64) and a checksum of it (u64), then the payload: the [`SegmentationKey`] it was segmented
//! under, the document's fields and its own vocabulary. Integers in the payload are LEB128
//! varints; offsets that only grow (token starts, sentence starts, spans) are stored as
//! differences, so that a token takes ~3 bytes instead of 8. Every length, id and offset is
//! checked on reading: damaged, short or foreign bytes are refused with
//! [`Error::BadDataFile`] (`file` = [`PREPARED_FILE`]), never a panic, and nothing read can
//! make a later slice of the text panic.

use super::document::{Document, Metadata, Token};
use super::vocabulary::Vocabulary;
use super::PreparedDocument;
use crate::anatomy::{rule_named, Furniture, FurnitureKind};
use crate::dictionary::checksum;
use crate::error::{Error, Result};
use crate::metadata::DateSource;
use crate::script::{Script, Variant};
use crate::segment::Segmenter;
use rustc_hash::FxHashMap;
use std::fmt;

const MAGIC: &[u8; 4] = b"WXPD";
/// The layout's version: a buffer of another version is refused (and the page rebuilds it).
pub const PREPARED_FORMAT_VERSION: u32 = 1;
const HEADER_BYTES: usize = 4 + 4 + 8 + 8;
/// `Error::BadDataFile`'s `file` for prepared-document bytes.
pub const PREPARED_FILE: &str = "prepared document";

/// What decides how a text is segmented, as it can be compared across visits (unlike the
/// corpus's in-memory counter): the engine's version, the dictionary, the user words, and
/// whether posseg's model and the script tables were loaded. A prepared document whose key
/// does not fit the corpus's is segmented again from its text when added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentationKey {
    /// The crate's version and the layout's: another engine may clean or cut otherwise.
    pub engine: String,
    /// A hash of the dictionary file's bytes.
    pub dictionary: u64,
    /// A hash of the user words, in order.
    pub user_words: u64,
    pub posseg: bool,
    pub script: bool,
}

impl SegmentationKey {
    pub(crate) fn of(segmenter: &Segmenter, script: bool) -> SegmentationKey {
        let mut words = Vec::new();
        for word in segmenter.user_words() {
            words.extend_from_slice(word.as_bytes());
            words.push(b'\n');
        }
        SegmentationKey {
            engine: engine_version(),
            dictionary: segmenter.dictionary_identity(),
            user_words: checksum(&words),
            posseg: segmenter.has_posseg(),
            script,
        }
    }

    /// Whether a document of `script` segmented under `self` is segmented as it would be
    /// under `current`. The script tables only matter to traditional documents (they are
    /// loaded when one first appears, so a returning visit may not have them yet).
    pub fn fits(&self, current: &SegmentationKey, script: Script) -> bool {
        self.engine == current.engine
            && self.dictionary == current.dictionary
            && self.user_words == current.user_words
            && self.posseg == current.posseg
            && (script == Script::Simplified || self.script == current.script)
    }
}

/// `1.2.0/1-d0123456789abcdef-u0123456789abcdef-p1-s0`: what the page stores beside a
/// prepared document, and compares.
impl fmt::Display for SegmentationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-d{:016x}-u{:016x}-p{}-s{}",
            self.engine,
            self.dictionary,
            self.user_words,
            u8::from(self.posseg),
            u8::from(self.script)
        )
    }
}

fn engine_version() -> String {
    format!("{}/{}", env!("CARGO_PKG_VERSION"), PREPARED_FORMAT_VERSION)
}

// Out of line, like the readers' and writers' steps: the .wasm counts against the download budget.
#[inline(never)]
fn bad(reason: impl Into<String>) -> Error {
    Error::BadDataFile {
        file: PREPARED_FILE,
        reason: reason.into(),
    }
}

/// The payload being written.
#[derive(Default)]
pub(super) struct Writer {
    out: Vec<u8>,
}

impl Writer {
    /// A number below 128 written inline, a longer one out of line (as [`Reader::uint`]).
    #[inline(always)]
    pub(super) fn uint(&mut self, v: u64) {
        if v < 0x80 {
            self.out.push(v as u8);
        } else {
            self.long_uint(v);
        }
    }

    #[inline(never)]
    fn long_uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }

    /// A signed difference (zigzag), for offsets that usually but not always grow.
    fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    pub(super) fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    pub(super) fn f32(&mut self, v: f32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn u64(&mut self, v: u64) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    #[inline(never)]
    pub(super) fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.out.extend_from_slice(s.as_bytes());
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.byte(0),
            Some(s) => {
                self.byte(1);
                self.str(s);
            }
        }
    }

    fn pairs(&mut self, pairs: &[(u32, u32)]) {
        self.uint(pairs.len() as u64);
        for &(a, b) in pairs {
            self.uint(a.into());
            self.uint(b.into());
        }
    }
}

/// The payload being read: every read is checked.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A number of one byte (most word ids and offsets' steps) read inline; longer ones out of
    /// line ([`Reader::long_uint`]). The tokens are millions of these: the call was a third of
    /// adding a prepared document in V8.
    #[inline(always)]
    pub(super) fn uint(&mut self) -> Result<u64> {
        match self.bytes.get(self.at) {
            Some(&b) if b < 0x80 => {
                self.at += 1;
                Ok(u64::from(b))
            }
            _ => self.long_uint(),
        }
    }

    #[inline(never)]
    fn long_uint(&mut self) -> Result<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at).ok_or_else(|| bad("cut short"))?;
            self.at += 1;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(bad("a number too long"))
    }

    pub(super) fn u32(&mut self) -> Result<u32> {
        u32::try_from(self.uint()?).map_err(|_| bad("a number out of range"))
    }

    fn int(&mut self) -> Result<i64> {
        let v = self.uint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    /// A count of items that take at least `min_bytes` each: never more than the bytes left
    /// can hold, so that a damaged count cannot ask for a huge allocation.
    #[inline(never)]
    pub(super) fn len(&mut self, min_bytes: usize) -> Result<usize> {
        let n = self.uint()?;
        if n > ((self.bytes.len() - self.at) / min_bytes.max(1)) as u64 {
            return Err(bad("a count larger than the bytes"));
        }
        Ok(n as usize)
    }

    #[inline(never)]
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| bad("cut short"))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    pub(super) fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn bool(&mut self) -> Result<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(bad("a flag that is neither 0 nor 1")),
        }
    }

    pub(super) fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }

    #[inline(never)]
    pub(super) fn str(&mut self) -> Result<&'a str> {
        let n = self.len(1)?;
        std::str::from_utf8(self.take(n)?).map_err(|_| bad("text that is not UTF-8"))
    }

    fn string(&mut self) -> Result<String> {
        self.str().map(str::to_string)
    }

    fn opt_string(&mut self) -> Result<Option<String>> {
        Ok(if self.bool()? {
            Some(self.string()?)
        } else {
            None
        })
    }

    fn pairs(&mut self, words: usize) -> Result<Vec<(u32, u32)>> {
        let n = self.len(2)?;
        let mut pairs = Vec::with_capacity(n);
        for _ in 0..n {
            let word = self.u32()?;
            if word as usize >= words {
                return Err(bad("a count of a word not in the vocabulary"));
            }
            pairs.push((word, self.u32()?));
        }
        Ok(pairs)
    }
}

const FURNITURE_KINDS: [FurnitureKind; 13] = [
    FurnitureKind::PageTitle,
    FurnitureKind::Navigation,
    FurnitureKind::Breadcrumb,
    FurnitureKind::Byline,
    FurnitureKind::Share,
    FurnitureKind::Related,
    FurnitureKind::Editor,
    FurnitureKind::Counter,
    FurnitureKind::Copyright,
    FurnitureKind::Footer,
    FurnitureKind::App,
    FurnitureKind::Label,
    FurnitureKind::Symbols,
];
const DATE_SOURCES: [DateSource; 4] = [
    DateSource::Text,
    DateSource::FileName,
    DateSource::FileTime,
    DateSource::User,
];
const VARIANTS: [Variant; 3] = [Variant::Standard, Variant::Taiwan, Variant::HongKong];

fn index_of<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).expect("listed") as u8
}

fn from_index<T: Copy>(all: &[T], i: u8, _what: &str) -> Result<T> {
    all.get(i as usize)
        .copied()
        .ok_or_else(|| bad("an unknown kind, date source or variant"))
}

impl PreparedDocument {
    /// The key it was segmented under ([`SegmentationKey`]'s `Display` is what the page stores).
    pub fn key(&self) -> &SegmentationKey {
        &self.key
    }

    /// The document as bytes: see the module's comment for the layout.
    pub fn to_bytes(&self) -> Vec<u8> {
        let doc = &self.doc;
        let mut w = Writer::default();
        // Room for the text and ~3 bytes a token, so that a large document is not copied as
        // its buffer grows.
        w.out.reserve(doc.text.len() + 3 * doc.tokens.len() + 1024);
        let key = &self.key;
        w.str(&key.engine);
        w.u64(key.dictionary);
        w.u64(key.user_words);
        w.byte(u8::from(key.posseg));
        w.byte(u8::from(key.script));
        // With the key: whether the script tables matter ([`PreparedDocument::peek`]).
        w.byte(match doc.script {
            Script::Simplified => 0,
            Script::Traditional => 1,
        });

        w.str(&doc.name);
        w.str(&doc.title);
        w.str(&doc.encoding);
        w.uint(doc.bytes);
        w.str(&doc.text);
        w.uint(doc.chars.into());
        w.uint(doc.tokens.len() as u64);
        let mut start = 0i64;
        for token in &doc.tokens {
            w.uint(token.word.into());
            w.int(i64::from(token.start) - start);
            start = token.start.into();
        }
        w.uint(doc.sentence_starts.len() as u64);
        let mut previous = 0u32;
        for &s in &doc.sentence_starts {
            w.uint((s - previous).into());
            previous = s;
        }
        w.pairs(&doc.counts);
        w.uint(doc.token_count.into());
        w.pairs(&doc.furniture_counts);
        w.uint(doc.furniture_token_count.into());
        w.uint(doc.body_spans.len() as u64);
        for span in &doc.body_spans {
            w.uint(span.start.into());
            w.uint(span.end.into());
        }
        w.uint(doc.furniture.len() as u64);
        for f in &doc.furniture {
            w.uint(f.line.into());
            w.uint(f.range.start as u64);
            w.uint(f.range.end as u64);
            w.byte(index_of(&FURNITURE_KINDS, &f.kind));
            w.str(f.rule);
        }
        w.u64(doc.content_hash);
        w.opt_str(doc.path.as_deref());
        let meta = &doc.meta;
        w.opt_str(meta.date.as_deref());
        match meta.date_source {
            None => w.byte(0),
            Some(s) => w.byte(1 + index_of(&DATE_SOURCES, &s)),
        }
        w.opt_str(meta.source.as_deref());
        w.opt_str(meta.author.as_deref());
        w.uint(meta.groups.len() as u64);
        for g in &meta.groups {
            w.str(g);
        }
        w.byte(u8::from(meta.count_furniture));
        match doc.variant {
            None => w.byte(0),
            Some(v) => w.byte(1 + index_of(&VARIANTS, &v)),
        }
        let mut spans: Vec<(u32, u32)> = doc.spans.iter().map(|(&s, &e)| (s, e)).collect();
        spans.sort_unstable();
        w.uint(spans.len() as u64);
        let mut previous = 0u32;
        for (s, e) in spans {
            w.uint((s - previous).into());
            w.uint(e.saturating_sub(s).into());
            previous = s;
        }
        self.vocab.encode(&mut w);

        let payload = w.out;
        let mut out = Vec::with_capacity(HEADER_BYTES + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&PREPARED_FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    /// Read what [`PreparedDocument::to_bytes`] wrote. Bytes that are cut short, damaged (the
    /// checksum), of another format version or not a prepared document at all are
    /// [`Error::BadDataFile`] with `file` = [`PREPARED_FILE`] and a reason.
    pub fn from_bytes(bytes: &[u8]) -> Result<PreparedDocument> {
        let payload = payload_of(bytes)?;
        let field = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8"));
        if field(16) != checksum(payload) {
            return Err(bad("damaged (the checksum differs)"));
        }
        let mut r = Reader {
            bytes: payload,
            at: 0,
        };
        let prepared = read_payload(&mut r)?;
        if r.at != payload.len() {
            return Err(bad("bytes after the end"));
        }
        Ok(prepared)
    }
}

/// The key and the document's script, at the payload's start.
fn read_key(r: &mut Reader) -> Result<(SegmentationKey, Script)> {
    let key = SegmentationKey {
        engine: r.string()?,
        dictionary: r.u64()?,
        user_words: r.u64()?,
        posseg: r.bool()?,
        script: r.bool()?,
    };
    let script = match r.byte()? {
        0 => Script::Simplified,
        1 => Script::Traditional,
        _ => return Err(bad("an unknown script")),
    };
    Ok((key, script))
}

/// The payload of bytes whose header is a prepared document's, of this format version and
/// length (the checksum is not looked at).
fn payload_of(bytes: &[u8]) -> Result<&[u8]> {
    if bytes.len() < HEADER_BYTES || &bytes[..4] != MAGIC {
        return Err(bad("not a prepared document"));
    }
    let version = u32::from_le_bytes(bytes[4..8].try_into().expect("4 bytes"));
    if version != PREPARED_FORMAT_VERSION {
        return Err(bad(format!(
            "format version {version}, this engine reads {PREPARED_FORMAT_VERSION}"
        )));
    }
    let payload = &bytes[HEADER_BYTES..];
    if u64::from_le_bytes(bytes[8..16].try_into().expect("8 bytes")) != payload.len() as u64 {
        return Err(bad("cut short or with bytes after the end"));
    }
    Ok(payload)
}

impl PreparedDocument {
    /// The key a prepared document was segmented under and its script, read from the start of
    /// its bytes only (cheap; [`PreparedDocument::from_bytes`] still checks the rest).
    pub fn peek(bytes: &[u8]) -> Result<(SegmentationKey, Script)> {
        read_key(&mut Reader {
            bytes: payload_of(bytes)?,
            at: 0,
        })
    }
}

fn read_payload(r: &mut Reader) -> Result<PreparedDocument> {
    let (key, script) = read_key(r)?;
    let name = r.string()?;
    let title = r.string()?;
    let encoding = r.string()?;
    let bytes = r.uint()?;
    let text = r.string()?;
    let text_len = text.len() as u64;
    // Offsets into the text must be on its characters' boundaries: slicing it must not panic.
    let offset = |v: u64, _what: &str| -> Result<u32> {
        match u32::try_from(v) {
            Ok(o) if v <= text_len && text.is_char_boundary(o as usize) => Ok(o),
            _ => Err(bad("an offset outside the text or not on a character")),
        }
    };
    let chars = r.u32()?;
    let n = r.len(2)?;
    let mut tokens = Vec::with_capacity(n);
    let mut start = 0i64;
    for _ in 0..n {
        let word = r.u32()?;
        start = start
            .checked_add(r.int()?)
            .ok_or_else(|| bad("a token outside the text"))?;
        let start = offset(
            u64::try_from(start).map_err(|_| bad("a token outside the text"))?,
            "a token",
        )?;
        tokens.push(Token { word, start });
    }
    let n = r.len(1)?;
    let mut sentence_starts = Vec::with_capacity(n);
    let mut previous = 0u32;
    for _ in 0..n {
        previous = previous
            .checked_add(r.u32()?)
            .filter(|&s| s as usize <= tokens.len())
            .ok_or_else(|| bad("a sentence outside the tokens"))?;
        sentence_starts.push(previous);
    }
    if sentence_starts
        .last()
        .is_some_and(|&s| s as usize != tokens.len())
    {
        return Err(bad("sentences that do not end with the tokens"));
    }
    // Word ids are checked against the vocabulary once it is read (it comes last).
    let counts = r.pairs(usize::MAX)?;
    let token_count = r.u32()?;
    let furniture_counts = r.pairs(usize::MAX)?;
    let furniture_token_count = r.u32()?;
    let n = r.len(2)?;
    let mut body_spans = Vec::with_capacity(n);
    for _ in 0..n {
        let (start, end) = (r.u32()?, r.u32()?);
        if start > end || end as usize > tokens.len() {
            return Err(bad("a span outside the tokens"));
        }
        body_spans.push(start..end);
    }
    let n = r.len(5)?;
    let mut furniture = Vec::with_capacity(n);
    for _ in 0..n {
        let line = r.u32()?;
        let start = offset(r.uint()?, "a furniture line")? as usize;
        let end = offset(r.uint()?, "a furniture line")? as usize;
        if start > end {
            return Err(bad("a furniture line outside the text"));
        }
        let kind = from_index(&FURNITURE_KINDS, r.byte()?, "kind of furniture")?;
        let rule = rule_named(r.str()?).ok_or_else(|| bad("an unknown furniture rule"))?;
        furniture.push(Furniture {
            line,
            range: start..end,
            kind,
            rule,
        });
    }
    let content_hash = r.u64()?;
    let path = r.opt_string()?;
    let date = r.opt_string()?;
    let date_source = match r.byte()? {
        0 => None,
        i => Some(from_index(&DATE_SOURCES, i - 1, "date source")?),
    };
    let source = r.opt_string()?;
    let author = r.opt_string()?;
    let n = r.len(1)?;
    let mut groups = Vec::with_capacity(n);
    for _ in 0..n {
        groups.push(r.string()?);
    }
    let count_furniture = r.bool()?;
    let variant = match r.byte()? {
        0 => None,
        i => Some(from_index(&VARIANTS, i - 1, "variant")?),
    };
    let n = r.len(2)?;
    let mut spans = FxHashMap::default();
    spans.reserve(n);
    let mut previous = 0u32;
    for _ in 0..n {
        previous = previous
            .checked_add(r.u32()?)
            .ok_or_else(|| bad("a span outside the text"))?;
        let start = offset(previous.into(), "a span")?;
        let end = offset(u64::from(start) + r.uint()?, "a span")?;
        spans.insert(start, end);
    }
    let vocab = Vocabulary::decode(r)?;
    let words = vocab.len();
    let known = |&(word, _): &(u32, u32)| (word as usize) < words;
    if !tokens.iter().all(|t| (t.word as usize) < words)
        || !counts.iter().all(known)
        || !furniture_counts.iter().all(known)
    {
        return Err(bad("a word not in the vocabulary"));
    }
    let doc = Document {
        id: 0,
        name,
        title,
        encoding,
        bytes,
        text,
        chars,
        tokens,
        sentence_starts,
        counts,
        token_count,
        furniture_counts,
        furniture_token_count,
        body_spans,
        furniture,
        content_hash,
        path,
        meta: Metadata {
            date,
            date_source,
            source,
            author,
            groups,
            count_furniture,
        },
        script,
        variant,
        spans,
    };
    Ok(PreparedDocument {
        doc,
        vocab,
        segmentation: None,
        key,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::tests::{fingerprint, new_corpus};
    use super::*;
    use crate::corpus::{Corpus, FileOrigin};
    use proptest::prelude::*;

    /// The seeds, a traditional text, a page with furniture lines and metadata, full-width numbers.
    fn files() -> Vec<(String, Vec<u8>)> {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(seeds)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .map(|path| (path.display().to_string(), std::fs::read(&path).unwrap()))
            .collect();
        files.sort();
        files.push((
            "page.txt".into(),
            "首页 | 新闻 | 体育\n工会工作要讲实效\n2024-03-05 来源：人民网 作者：张三\n\
             ２０２４年，张三丰在北京说：工会工作要讲实效。\n分享到：微信 微博\n"
                .into(),
        ));
        files.push((
            "trad.txt".into(),
            "臺灣的計程車司機說，這個軟體很好用。我們的電腦裡有資料。".into(),
        ));
        files
    }

    fn origin() -> FileOrigin {
        FileOrigin {
            path: Some("新闻/2023/上海/a.txt".into()),
            modified: Some(1.7e12),
            utc_offset_minutes: 480,
        }
    }

    #[test]
    fn bytes_give_the_corpus_adding_the_files_gives() {
        let mut serial = new_corpus();
        let mut stored = new_corpus();
        for (name, bytes) in files() {
            serial
                .add_bytes(&name, &bytes, &origin(), &mut |_| {})
                .unwrap();
            let prepared = stored.prepare_bytes(&name, &bytes, &origin()).unwrap();
            let encoded = prepared.to_bytes();
            let decoded = PreparedDocument::from_bytes(&encoded).unwrap();
            // Everything written is read back: writing it again gives the same bytes.
            assert_eq!(decoded.to_bytes(), encoded, "{name}");
            assert!(decoded.segmentation.is_none());
            stored.add_prepared(decoded);
        }
        assert_eq!(fingerprint(&stored), fingerprint(&serial));
        let furniture = |c: &Corpus| {
            format!(
                "{:?}",
                c.documents()
                    .iter()
                    .map(|d| (
                        &d.furniture,
                        &d.meta,
                        &d.title,
                        d.variant,
                        &d.body_spans,
                        &d.furniture_counts
                    ))
                    .collect::<Vec<_>>()
            )
        };
        assert_eq!(furniture(&stored), furniture(&serial));
        assert!(stored.documents().iter().any(|d| !d.furniture.is_empty()));
    }

    #[test]
    fn a_large_document_takes_little_more_than_its_text() {
        let all: Vec<u8> = files().into_iter().flat_map(|(_, b)| b).collect();
        let all = all.repeat(8);
        let prepared = new_corpus()
            .prepare_bytes("all.txt", &all, &FileOrigin::default())
            .unwrap();
        let tokens = prepared.doc.tokens.len();
        let encoded = prepared.to_bytes();
        let beyond_text = encoded.len() - prepared.doc.text.len();
        // Tokens as varints (8 bytes each in memory), and the vocabulary once.
        assert!(
            beyond_text < tokens * 4,
            "{beyond_text} bytes for {tokens} tokens"
        );
        eprintln!(
            "{} bytes of file, {} encoded, {tokens} tokens",
            all.len(),
            encoded.len()
        );
    }

    fn some_bytes() -> Vec<u8> {
        let corpus = new_corpus();
        let (name, bytes) = files().swap_remove(0);
        corpus
            .prepare_bytes(&name, &bytes, &origin())
            .unwrap()
            .to_bytes()
    }

    fn refused(bytes: &[u8]) -> String {
        match PreparedDocument::from_bytes(bytes) {
            Err(Error::BadDataFile { file, reason }) => {
                assert_eq!(file, PREPARED_FILE);
                reason
            }
            other => panic!("not refused: {:?}", other.map(|p| p.doc.name)),
        }
    }

    #[test]
    fn truncated_flipped_and_foreign_bytes_are_refused() {
        let bytes = some_bytes();
        for cut in [
            0,
            3,
            HEADER_BYTES - 1,
            HEADER_BYTES,
            bytes.len() / 2,
            bytes.len() - 1,
        ] {
            refused(&bytes[..cut]);
        }
        for at in [0, 5, 9, 17, HEADER_BYTES, bytes.len() / 3, bytes.len() - 1] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x10;
            refused(&flipped);
        }
        let mut longer = bytes.clone();
        longer.push(0);
        refused(&longer);
        assert_eq!(
            refused(b"\x89PNG\r\n\x1a\n\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"),
            "not a prepared document"
        );
        let (key, script) = PreparedDocument::peek(&bytes).unwrap();
        assert_eq!(
            (key, script),
            (new_corpus().segmentation_key(), Script::Simplified)
        );
        let mut newer = bytes.clone();
        newer[4] = 2;
        assert!(refused(&newer).contains("format version 2"));
    }

    /// Bytes with a valid header around a damaged payload: the checks of the payload itself.
    fn with_header(payload: &[u8]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&PREPARED_FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(payload).to_le_bytes());
        out.extend_from_slice(payload);
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_damage_to_the_payload_is_refused_or_read_without_panic(
            at in 0usize..1_000_000, value in any::<u8>(), cut in 0usize..1_000_000,
        ) {
            let bytes = some_bytes();
            let mut payload = bytes[HEADER_BYTES..].to_vec();
            let at = at % payload.len();
            payload[at] = value;
            payload.truncate(payload.len() - cut % 4);
            // Whatever is read must be safe to add.
            if let Ok(prepared) = PreparedDocument::from_bytes(&with_header(&payload)) {
                let mut corpus = new_corpus();
                let doc = corpus.add_prepared(prepared);
                for t in &doc.tokens {
                    let end = doc.spans.get(&t.start).copied().unwrap_or(t.start);
                    prop_assert!(doc.text.get(t.start as usize..end as usize).is_some());
                }
                for f in &doc.furniture {
                    prop_assert!(doc.text.get(f.range.clone()).is_some());
                }
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = PreparedDocument::from_bytes(&bytes);
            let _ = PreparedDocument::from_bytes(&with_header(&bytes));
        }

        #[test]
        fn any_text_round_trips(text in "[工会劳模精神北京臺灣電腦 ，。\\n0-9a-z２０]{1,80}") {
            let corpus = new_corpus();
            if let Ok(prepared) = corpus.prepare_bytes("a.txt", text.as_bytes(), &FileOrigin::default()) {
                let encoded = prepared.to_bytes();
                prop_assert_eq!(PreparedDocument::from_bytes(&encoded).unwrap().to_bytes(), encoded);
            }
        }
    }

    #[test]
    fn a_stale_key_is_segmented_again_and_a_fitting_one_is_not() {
        let text = "大力弘扬劳模精神".as_bytes();
        let corpus = new_corpus();
        let bytes = corpus
            .prepare_bytes("a.txt", text, &FileOrigin::default())
            .unwrap()
            .to_bytes();
        let mut changed = new_corpus();
        changed.set_user_words(&["劳模精神".into()]).unwrap();
        assert_ne!(changed.segmentation_key(), corpus.segmentation_key());
        changed.add_prepared(PreparedDocument::from_bytes(&bytes).unwrap());
        assert!(changed.vocab().id("劳模精神").is_some());
        let mut serial = new_corpus();
        serial.set_user_words(&["劳模精神".into()]).unwrap();
        serial
            .add_bytes("a.txt", text, &FileOrigin::default(), &mut |_| {})
            .unwrap();
        assert_eq!(fingerprint(&changed), fingerprint(&serial));

        // Same key in another corpus (another visit): taken as it is.
        let mut same = new_corpus();
        same.add_prepared(PreparedDocument::from_bytes(&bytes).unwrap());
        assert!(same.vocab().id("劳模精神").is_none());
        assert_eq!(
            same.segmentation_key().to_string(),
            corpus.segmentation_key().to_string()
        );
    }

    #[test]
    fn the_script_tables_only_matter_to_traditional_documents() {
        let key = new_corpus().segmentation_key();
        let without = SegmentationKey {
            script: false,
            ..key.clone()
        };
        assert!(key.fits(&without, Script::Simplified));
        assert!(!key.fits(&without, Script::Traditional));
        let words = SegmentationKey {
            user_words: 1,
            ..key.clone()
        };
        assert!(!key.fits(&words, Script::Simplified));
        let shown = key.to_string();
        assert!(
            shown.starts_with(concat!(env!("CARGO_PKG_VERSION"), "/1-d")),
            "{shown}"
        );
        assert!(shown.ends_with("-p1-s1"), "{shown}");
    }
}
