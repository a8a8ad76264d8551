//! jieba's dictionary and IDF table, read from one compact WXD1 file ([`format`]).
//!
//! `build.rs` generates the file from the data files of the jieba-rs in `Cargo.lock`, so it
//! cannot drift from the segmenter's version. Natively it is compiled in
//! ([`Dictionary::builtin`]); in the browser the worker fetches it as `wenxi.wxd` while the
//! `.wasm` compiles, and hands the bytes to the `Analyzer` constructor.
//!
//! Besides building jieba, the decoded columns answer, for any word, the tag jieba's
//! dictionary gives it and its IDF, by binary search in the sorted words: once per new
//! vocabulary word, so no hash table of 370,000 words is ever built.

mod format;

use crate::error::{Error, Result};
use format::{Decoded, NO_IDF, NO_TAG};
use jieba_rs::Jieba;

/// The dictionary generated at build time (native builds only: the wasm fetches it).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN_WXD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wenxi.wxd"));

/// A decoded dictionary: words, frequencies, tags and IDF values.
#[derive(Debug)]
pub struct Dictionary {
    d: Decoded,
    /// The upper median of the IDF values, as Python jieba takes it: the IDF of words the
    /// table lacks (user words included, so they are never silently ignored).
    idf_median: f32,
    /// A hash of the file's bytes: what a stored segmentation was made with.
    identity: u64,
}

/// What the dictionary knows of one word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lookup<'a> {
    /// The tag of a jieba dictionary word; `None` for words only in the IDF table or in neither.
    pub tag: Option<&'a str>,
    /// The word's IDF, or the median for words not in the table.
    pub idf: f32,
}

impl Dictionary {
    /// Decode a WXD1 file; a damaged or foreign file is [`Error::BadDictionary`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Dictionary> {
        let d = format::decode(bytes).map_err(|reason| Error::BadDictionary { reason })?;
        let mut values: Vec<f32> = d
            .idf_ids
            .iter()
            .filter(|&&i| i != NO_IDF)
            .map(|&i| d.idf_values[i as usize]) // checked by decode
            .collect();
        let idf_median = if values.is_empty() {
            0.0
        } else {
            let mid = values.len() / 2;
            *values.select_nth_unstable_by(mid, f32::total_cmp).1
        };
        Ok(Dictionary {
            d,
            idf_median,
            identity: crate::corpus::checksum(bytes),
        })
    }

    /// The dictionary compiled into native builds, decoded once per process.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin() -> &'static std::sync::Arc<Dictionary> {
        static BUILTIN: std::sync::OnceLock<std::sync::Arc<Dictionary>> =
            std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            std::sync::Arc::new(
                Dictionary::from_bytes(BUILTIN_WXD).expect("build.rs wrote a valid dictionary"),
            )
        })
    }

    /// A hash of the file it was decoded from.
    pub fn identity(&self) -> u64 {
        self.identity
    }

    /// Number of words (jieba dictionary ∪ IDF table).
    pub fn len(&self) -> usize {
        self.d.len()
    }

    pub fn is_empty(&self) -> bool {
        self.d.is_empty()
    }

    pub fn idf_median(&self) -> f32 {
        self.idf_median
    }

    /// Tag and IDF of `word`.
    pub fn lookup(&self, word: &str) -> Lookup<'_> {
        match self.d.find(word) {
            Some(i) => Lookup {
                tag: match self.d.tag_ids[i] {
                    NO_TAG => None,
                    t => Some(&self.d.tags[t as usize]),
                },
                idf: match self.d.idf_ids[i] {
                    NO_IDF => self.idf_median,
                    k => self.d.idf_values[k as usize],
                },
            },
            None => Lookup {
                tag: None,
                idf: self.idf_median,
            },
        }
    }

    /// The IDF of `word` (the median for words not in the table).
    pub fn idf(&self, word: &str) -> f32 {
        self.lookup(word).idf
    }

    /// (word, frequency, tag) of every jieba dictionary word, in code point order.
    pub fn jieba_words(&self) -> impl Iterator<Item = (&str, u32, &str)> + '_ {
        (0..self.d.len()).filter(|&i| self.d.freqs[i] > 0).map(|i| {
            (
                self.d.word(i),
                self.d.freqs[i],
                &*self.d.tags[self.d.tag_ids[i] as usize],
            )
        })
    }

    /// A jieba with this dictionary: the costly step (~25 ms natively, more in wasm), so build
    /// it once. The words go to jieba in code point order, the order of the file, which lets the
    /// vendored jieba-rs load them without a lookup per word (`Jieba::from_sorted_words`).
    pub fn jieba(&self) -> Jieba {
        let tags: Vec<&str> = self.d.tags.iter().map(String::as_str).collect();
        let words = (0..self.d.len()).filter(|&i| self.d.freqs[i] > 0).map(|i| {
            let tag = self.d.tag_ids[i] as usize; // freq > 0: a tag (checked by decode)
            (self.d.word(i), self.d.freqs[i] as usize, tag)
        });
        Jieba::from_sorted_words(&tags, words, self.d.len())
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
                .d
                .find(word)
                .unwrap_or_else(|| panic!("{word} is missing"));
            assert_eq!(dict.d.freqs[i].to_string(), freq, "{word}");
            assert_eq!(dict.lookup(word).tag, Some(tag), "{word}");
            dict_words += 1;
        }
        let mut values = Vec::new();
        for line in IDF_TXT.lines() {
            let mut fields = line.split_whitespace();
            let (word, value) = (fields.next().unwrap(), fields.next().unwrap());
            let value: f32 = value.parse().unwrap();
            // Bit for bit: the IDF table is lossless.
            assert_eq!(dict.idf(word).to_bits(), value.to_bits(), "{word}");
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
        assert_eq!(dict.idf_median(), values[values.len() / 2]);
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
        let bytes = format::encode(dict, idf).unwrap();
        let d = Dictionary::from_bytes(&bytes).unwrap();
        assert_eq!(d.len(), 6);
        let l = d.lookup("中国人");
        assert_eq!((l.tag, l.idf), (Some("n"), 7.25));
        let l = d.lookup("人民");
        assert_eq!((l.tag, l.idf), (None, 3.0));
        // Upper median of 2.5, 3.0, 7.25.
        assert_eq!(d.idf_median(), 3.0);
        assert_eq!(d.lookup("一一").idf, 3.0);
        assert_eq!(d.lookup("没有").tag, None);
        let words: Vec<_> = d.jieba_words().collect();
        assert_eq!(words[0], ("abc", 1, "eng"));
        assert_eq!(words.len(), 5);
    }

    #[test]
    fn damaged_files_are_refused_with_a_reason() {
        let good = format::encode("中国 100 ns\n中国人 30 n\n", "中国 2.5\n").unwrap();
        let message = |bytes: &[u8]| Dictionary::from_bytes(bytes).unwrap_err().to_string();
        assert_eq!(
            message(b"PK\x03\x04"),
            "词典文件（wenxi.wxd）已损坏或不是文析的词典（it does not start with WXD1）。 / \
             The dictionary file (wenxi.wxd) is damaged or not a Wenxi dictionary: it does not start with WXD1."
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
        let mut bytes = format::encode("乙 1 n\n甲 1 n\n", "").unwrap();
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
}
