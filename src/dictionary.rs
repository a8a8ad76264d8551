//! jieba's dictionary and IDF table, read from two compact files ([`format`]): WXD2 (words,
//! frequencies, tags) and WXI1 (the IDF table over the same words).
//!
//! `build.rs` generates them from the data files of the jieba-rs in `Cargo.lock`, so they
//! cannot drift from the segmenter's version. Natively both are compiled in
//! ([`Dictionary::builtin`]); in the browser the worker fetches `wenxi.wxd` while the `.wasm`
//! compiles and hands the bytes to the `Analyzer` constructor, and fetches `wenxi.wxi` later
//! ([`Dictionary::load_idf`]): only jieba's TF-IDF needs it, and until then it is unknown.
//!
//! Besides building jieba, the decoded columns answer, for any word, the tag jieba's
//! dictionary gives it and its IDF, by binary search in the sorted words: once per new
//! vocabulary word, so no hash table of 370,000 words is ever built.

mod format;

use crate::error::{Error, Result};
pub(crate) use format::checksum;
use format::{Decoded, IdfColumn, NO_IDF, NO_TAG};
use jieba_rs::Jieba;
use std::sync::{Mutex, OnceLock};

/// The [`checksum`] of the `wenxi.wxd` this build made (build.rs): a file with it is decoded
/// when first needed, one with another is decoded (and checked) at once.
const BUILT_WXD: u64 = include!(concat!(env!("OUT_DIR"), "/wenxi.wxd.checksum"));

/// The dictionary generated at build time (native builds only: the wasm fetches it).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN_WXD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wenxi.wxd"));
/// Its IDF table (native builds only: the page fetches it after the first cloud).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN_WXI: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wenxi.wxi"));

/// A decoded dictionary: words, frequencies, tags, and the IDF values once loaded.
#[derive(Debug)]
pub struct Dictionary {
    /// The words, frequencies and tags, decoded when first needed (see `pending`).
    d: OnceLock<Decoded>,
    /// The file's bytes until they are decoded: only ever the file this build made (its
    /// checksum is [`BUILT_WXD`]), which decodes; any other file is decoded at once. A page
    /// whose first analysis is of documents prepared elsewhere never waits for the decoding
    /// (~25 ms natively, ~150 ms in a browser's first, unoptimised run of the code).
    pending: Mutex<Option<Box<[u8]>>>,
    /// Set once by [`Dictionary::load_idf`] (through a shared reference: the segmenter and
    /// its clones share the dictionary).
    idf: OnceLock<Idf>,
    /// A hash of the WXD2 file's bytes: what a stored segmentation was made with (the IDF
    /// table plays no part in segmentation).
    identity: u64,
}

#[derive(Debug)]
struct Idf {
    column: IdfColumn,
    /// The upper median of the IDF values, as Python jieba takes it: the IDF of words the
    /// table lacks (user words included, so they are never silently ignored).
    median: f32,
}

/// What the dictionary knows of one word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lookup<'a> {
    /// The tag of a jieba dictionary word; `None` for words only in the IDF table or in neither.
    pub tag: Option<&'a str>,
    /// The word's IDF, or the median for words not in the table; `None` until the IDF table
    /// is loaded.
    pub idf: Option<f32>,
}

impl Dictionary {
    /// Decode a WXD2 file (without IDF values until [`Dictionary::load_idf`]); a damaged or
    /// foreign file is [`Error::BadDictionary`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Dictionary> {
        let identity = checksum(bytes);
        let dictionary = Dictionary {
            d: OnceLock::new(),
            pending: Mutex::new(None),
            idf: OnceLock::new(),
            identity,
        };
        if identity == BUILT_WXD {
            *dictionary.lock_pending() = Some(bytes.into());
        } else {
            let d = format::decode(bytes).map_err(|reason| Error::BadDictionary { reason })?;
            let _ = dictionary.d.set(d);
        }
        Ok(dictionary)
    }

    fn lock_pending(&self) -> std::sync::MutexGuard<'_, Option<Box<[u8]>>> {
        self.pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The decoded words, frequencies and tags (decoded now if they were not).
    fn d(&self) -> &Decoded {
        self.d.get_or_init(|| {
            let bytes = self
                .lock_pending()
                .take()
                .expect("a dictionary is either decoded or pending");
            format::decode(&bytes)
                .expect("the build's own dictionary decodes (its checksum matched)")
        })
    }

    /// Whether the words are decoded yet.
    pub fn is_decoded(&self) -> bool {
        self.d.get().is_some()
    }

    /// Load the IDF table (a WXI1 file made for this dictionary's words). A damaged file, or
    /// one made for another dictionary, is [`Error::BadDataFile`] and changes nothing. Once
    /// loaded the table stays: a second call checks the file and keeps the first table.
    pub fn load_idf(&self, wxi: &[u8]) -> Result<()> {
        let column = format::decode_idf(wxi, self.d()).map_err(|reason| Error::BadDataFile {
            file: "wenxi.wxi",
            reason,
        })?;
        let mut values: Vec<f32> = column
            .ids
            .iter()
            .filter(|&&i| i != NO_IDF)
            .map(|&i| column.values[i as usize]) // checked by decode_idf
            .collect();
        let median = if values.is_empty() {
            0.0
        } else {
            let mid = values.len() / 2;
            *values.select_nth_unstable_by(mid, f32::total_cmp).1
        };
        let _ = self.idf.set(Idf { column, median });
        Ok(())
    }

    /// Whether the IDF table is loaded.
    pub fn has_idf(&self) -> bool {
        self.idf.get().is_some()
    }

    /// The dictionary compiled into native builds, with its IDF table, decoded once per process.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin() -> &'static std::sync::Arc<Dictionary> {
        static BUILTIN: OnceLock<std::sync::Arc<Dictionary>> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let dictionary =
                Dictionary::from_bytes(BUILTIN_WXD).expect("build.rs wrote a valid dictionary");
            dictionary
                .load_idf(BUILTIN_WXI)
                .expect("build.rs wrote a valid IDF table for it");
            std::sync::Arc::new(dictionary)
        })
    }

    /// A hash of the file it was decoded from.
    pub fn identity(&self) -> u64 {
        self.identity
    }

    /// Number of words (jieba dictionary ∪ IDF table).
    pub fn len(&self) -> usize {
        self.d().len()
    }

    pub fn is_empty(&self) -> bool {
        self.d().is_empty()
    }

    /// The median IDF (`None` until the table is loaded).
    pub fn idf_median(&self) -> Option<f32> {
        self.idf.get().map(|idf| idf.median)
    }

    /// Tag and IDF of `word`.
    pub fn lookup(&self, word: &str) -> Lookup<'_> {
        let idf = self.idf.get();
        match self.d().find(word) {
            Some(i) => Lookup {
                tag: match self.d().tag_ids[i] {
                    NO_TAG => None,
                    t => Some(&self.d().tags[t as usize]),
                },
                idf: idf.map(|idf| match idf.column.ids[i] {
                    NO_IDF => idf.median,
                    k => idf.column.values[k as usize],
                }),
            },
            None => Lookup {
                tag: None,
                idf: idf.map(|idf| idf.median),
            },
        }
    }

    /// The IDF of `word` (the median for words not in the table; `None` until it is loaded).
    pub fn idf(&self, word: &str) -> Option<f32> {
        self.lookup(word).idf
    }

    /// jieba's frequency of `word` (0 for a word not in jieba's dictionary): how common it is
    /// in general Chinese, the reference of keyness when nothing else is left to compare with.
    pub fn frequency(&self, word: &str) -> u32 {
        self.d().find(word).map_or(0, |i| self.d().freqs[i])
    }

    /// The sum of jieba's frequencies: the size of its general-language "corpus".
    pub fn total_frequency(&self) -> u64 {
        self.d().freqs.iter().map(|&f| u64::from(f)).sum()
    }

    /// (word, frequency, tag) of every jieba dictionary word, in code point order.
    pub fn jieba_words(&self) -> impl Iterator<Item = (&str, u32, &str)> + '_ {
        (0..self.d().len())
            .filter(|&i| self.d().freqs[i] > 0)
            .map(|i| {
                (
                    self.d().word(i),
                    self.d().freqs[i],
                    &*self.d().tags[self.d().tag_ids[i] as usize],
                )
            })
    }

    /// A jieba with this dictionary: the costly step (~25 ms natively, more in wasm), so build
    /// it once. The words go to jieba in code point order, the order of the file, which lets the
    /// vendored jieba-rs load them without a lookup per word (`Jieba::from_sorted_words`).
    pub fn jieba(&self) -> Jieba {
        let tags: Vec<&str> = self.d().tags.iter().map(String::as_str).collect();
        let words = (0..self.d().len())
            .filter(|&i| self.d().freqs[i] > 0)
            .map(|i| {
                let tag = self.d().tag_ids[i] as usize; // freq > 0: a tag (checked by decode)
                (self.d().word(i), self.d().freqs[i] as usize, tag)
            });
        Jieba::from_sorted_words(&tags, words, self.d().len())
            .expect("decode checked that the words are sorted, unique and tagged")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// jieba-rs's own files, as build.rs found them (copied into OUT_DIR for this test only).
    #[cfg(not(target_arch = "wasm32"))]
    const DICT_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/dict.txt"));
    #[cfg(not(target_arch = "wasm32"))]
    const IDF_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/idf.txt"));

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn builtin_dictionary_holds_jiebas_files_exactly() {
        let dict = Dictionary::builtin();
        let mut dict_words = 0;
        for line in DICT_TXT.lines() {
            let mut fields = line.split_whitespace();
            let (word, freq, tag) = (
                fields.next().unwrap(),
                fields.next().unwrap(),
                fields.next().unwrap_or(""),
            );
            let i = dict
                .d()
                .find(word)
                .unwrap_or_else(|| panic!("{word} is missing"));
            assert_eq!(dict.d().freqs[i].to_string(), freq, "{word}");
            assert_eq!(dict.lookup(word).tag, Some(tag), "{word}");
            dict_words += 1;
        }
        let mut values = Vec::new();
        for line in IDF_TXT.lines() {
            let mut fields = line.split_whitespace();
            let (word, value) = (fields.next().unwrap(), fields.next().unwrap());
            let value: f32 = value.parse().unwrap();
            // Bit for bit: the IDF table is lossless.
            assert_eq!(dict.idf(word).unwrap().to_bits(), value.to_bits(), "{word}");
            values.push(value);
        }
        assert_eq!(dict_words, 349_045);
        assert_eq!(values.len(), 270_132);
        assert_eq!(
            dict.jieba_words().count(),
            dict_words,
            "the only jieba words are dict.txt's"
        );
        values.sort_by(f32::total_cmp);
        assert_eq!(dict.idf_median(), Some(values[values.len() / 2]));
        assert_eq!(dict.idf("这个词不在表里劳模精神"), dict.idf_median());
        assert_eq!(dict.lookup("这个词不在表里劳模精神").tag, None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn jieba_built_from_it_segments_like_jieba() {
        let jieba = Dictionary::builtin().jieba();
        let words: Vec<&str> = jieba
            .cut("大力弘扬劳模精神、劳动精神、工匠精神", true)
            .iter()
            .map(|t| t.word)
            .collect();
        assert_eq!(
            words,
            [
                "大力", "弘扬", "劳模", "精神", "、", "劳动", "精神", "、", "工匠", "精神"
            ]
        );
    }

    #[test]
    fn small_dictionaries_round_trip() {
        let dict = "一 5 m\n一一 2 d\n中国 100 ns\n中国人 30 n\nabc 1 eng\n";
        let idf = "中国 2.5\n中国人 7.25\n人民 3.0\n";
        let (wxd, wxi) = format::encode(dict, idf).unwrap();
        let d = Dictionary::from_bytes(&wxd).unwrap();
        assert_eq!(d.len(), 6);
        // Before the IDF table: tags, no IDF.
        assert!(!d.has_idf());
        let l = d.lookup("中国人");
        assert_eq!((l.tag, l.idf), (Some("n"), None));
        assert_eq!(d.idf_median(), None);
        d.load_idf(&wxi).unwrap();
        assert!(d.has_idf());
        let l = d.lookup("中国人");
        assert_eq!((l.tag, l.idf), (Some("n"), Some(7.25)));
        let l = d.lookup("人民");
        assert_eq!((l.tag, l.idf), (None, Some(3.0)));
        // Upper median of 2.5, 3.0, 7.25.
        assert_eq!(d.idf_median(), Some(3.0));
        assert_eq!(d.lookup("一一").idf, Some(3.0));
        assert_eq!(d.lookup("没有").tag, None);
        let words: Vec<_> = d.jieba_words().collect();
        assert_eq!(words[0], ("abc", 1, "eng"));
        assert_eq!(words.len(), 5);
    }

    #[test]
    fn damaged_files_are_refused_with_a_reason() {
        let (good, _) = format::encode("中国 100 ns\n中国人 30 n\n", "中国 2.5\n").unwrap();
        let message = |bytes: &[u8]| Dictionary::from_bytes(bytes).unwrap_err().to_string();
        assert_eq!(
            message(b"PK\x03\x04"),
            "词典文件（wenxi.wxd）已损坏或不是文析的词典（it does not start with WXD2）。 / \
             The dictionary file (wenxi.wxd) is damaged or not a Wenxi dictionary: it does not start with WXD2."
        );
        // Every truncation and every single-byte change is refused or decodes; never a panic.
        for len in 0..good.len() {
            assert!(
                Dictionary::from_bytes(&good[..len]).is_err(),
                "cut at {len}"
            );
        }
        for at in 0..good.len() {
            for byte in [0x00, 0x7f, 0x80, 0xff] {
                let mut bad = good.clone();
                bad[at] = byte;
                let _ = Dictionary::from_bytes(&bad);
            }
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(message(&longer).contains("1 bytes follow the last section"));
    }

    #[test]
    fn unsorted_words_are_refused() {
        let (mut bytes, _) = format::encode("乙 1 n\n甲 1 n\n", "").unwrap();
        // Swap the two one-character words in the words section (GB18030: 2 bytes each).
        let at = bytes.windows(2).position(|w| w == [0, 0xD2]).unwrap();
        let (a, b) = (at + 1, at + 5);
        let first = [bytes[a], bytes[a + 1]];
        bytes[a] = bytes[b];
        bytes[a + 1] = bytes[b + 1];
        bytes[b] = first[0];
        bytes[b + 1] = first[1];
        assert!(Dictionary::from_bytes(&bytes)
            .unwrap_err()
            .to_string()
            .contains("not sorted"));
    }

    #[test]
    fn damaged_or_foreign_idf_tables_are_refused_with_a_reason() {
        let (wxd, wxi) = format::encode("中国 100 ns\n中国人 30 n\n", "中国 2.5\n").unwrap();
        let (_, other) = format::encode("中国 100 ns\n中华 30 n\n", "中国 2.5\n").unwrap();
        let message = |bytes: &[u8]| {
            let d = Dictionary::from_bytes(&wxd).unwrap();
            let e = d.load_idf(bytes).unwrap_err();
            assert!(!d.has_idf(), "a refused table is not loaded");
            assert_eq!(e.code(), "bad_data_file");
            e.to_string()
        };
        assert!(message(&wxd)
            .contains("(wenxi.wxi) is damaged or not Wenxi's: it does not start with WXI1"));
        assert!(message(&other).contains("it was made for another dictionary"));
        let mut newer = wxi.clone();
        newer[4] = 2;
        assert!(message(&newer).contains("it is version 2; this build reads 1"));
        let mut longer = wxi.clone();
        longer.push(0);
        assert!(message(&longer).contains("1 bytes follow the last section"));
        // Every truncation is refused, every single-byte change refused or loaded; never a panic.
        for len in 0..wxi.len() {
            message(&wxi[..len]);
        }
        for at in 0..wxi.len() {
            for byte in [0x00, 0x01, 0x7f, 0x80, 0xff] {
                let mut bad = wxi.clone();
                bad[at] = byte;
                let _ = Dictionary::from_bytes(&wxd).unwrap().load_idf(&bad);
            }
        }
    }
}
