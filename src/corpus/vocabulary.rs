//! The vocabulary: every distinct word the corpus has seen, interned once, with what is known
//! about it (tag, IDF, kind, length), found when it first appears. The kinds of words and the
//! built-in stop list live here because a word's kind is judged once, on entry.

use super::stored::{Reader, Writer, PREPARED_FILE};
use crate::error::{Error, Result};
use crate::segment::Segmenter;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Every distinct (word, tag) seen, with what is known about it. Ids are dense. A word's first
/// entry (its *primary* entry, [`Vocabulary::id`]) has the tag the dictionary gives it; the
/// same word tagged otherwise somewhere (posseg's HMM decides per occurrence) is an entry of
/// its own that points back to the primary one ([`Vocabulary::primary`]), so that counting
/// can take the word's tags together or apart.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<Box<str>, u32>,
    /// Entries of a word with another tag than its primary's: (primary id, tag id) → id.
    retagged: FxHashMap<(u32, u8), u32>,
    words: Vec<Box<str>>,
    primary: Vec<u32>,
    tags: Vec<u8>,
    /// jieba's IDF of each word (the table's median for words it lacks); NaN while the table is
    /// not loaded (a sentinel rather than an `Option`, which would double the column).
    idf: Vec<f32>,
    chars: Vec<u32>,
    kinds: Vec<WordKind>,
    /// Whether the word is one jieba's dictionary route takes whole (two or more characters,
    /// in the dictionary or a user word): what part-of-speech tagging needs to know.
    route_word: Vec<bool>,
    tag_names: Vec<Box<str>>,
    tag_ids: FxHashMap<Box<str>, u8>,
}

/// One vocabulary entry.
#[derive(Debug, Clone, Copy)]
pub struct WordEntry<'a> {
    pub text: &'a str,
    pub tag: u8,
    pub chars: u32,
    pub kind: WordKind,
}

impl Vocabulary {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The primary entry of `word`.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// The primary entry of the word of entry `id` (itself for a primary entry).
    pub fn primary(&self, id: u32) -> u32 {
        self.primary[id as usize]
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    pub fn tag(&self, id: u32) -> &str {
        &self.tag_names[self.tags[id as usize] as usize]
    }

    pub fn kind(&self, id: u32) -> WordKind {
        self.kinds[id as usize]
    }

    pub fn is_route_word(&self, id: u32) -> bool {
        self.route_word[id as usize]
    }

    pub fn entry(&self, id: u32) -> WordEntry<'_> {
        let i = id as usize;
        WordEntry {
            text: &self.words[i],
            tag: self.tags[i],
            chars: self.chars[i],
            kind: self.kinds[i],
        }
    }

    /// jieba's IDF of a word (the table's median for words it lacks); `None` while the table
    /// is not loaded.
    pub fn idf(&self, id: u32) -> Option<f32> {
        let idf = self.idf[id as usize];
        (!idf.is_nan()).then_some(idf)
    }

    /// Looks every entry's IDF up again: after the dictionary's IDF table is loaded.
    pub fn refresh_idf(&mut self, segmenter: &Segmenter) {
        for (i, word) in self.words.iter().enumerate() {
            let primary = self.primary[i] as usize;
            // A retagged entry comes after its primary one, whose IDF is already new.
            self.idf[i] = if primary == i {
                segmenter.describe(word).1.unwrap_or(f32::NAN)
            } else {
                self.idf[primary]
            };
        }
    }

    /// The tags seen so far; [`WordEntry::tag`] indexes them.
    pub fn tag_names(&self) -> &[Box<str>] {
        &self.tag_names
    }

    /// The primary entry of `word`; a new word's tag, IDF, kind and length are found once, here.
    #[inline]
    pub fn intern(&mut self, word: &str, segmenter: &Segmenter) -> u32 {
        match self.ids.get(word) {
            Some(&id) => id,
            None => self.add(word, segmenter),
        }
    }

    /// The entry of the word of primary entry `id` with `tag` (`id` itself when that is its tag).
    #[inline]
    pub fn with_tag(&mut self, id: u32, tag: &str) -> u32 {
        if self.tag(id) == tag {
            return id;
        }
        let tag_id = self.tag_id(tag);
        if let Some(&entry) = self.retagged.get(&(id, tag_id)) {
            return entry;
        }
        let i = id as usize;
        let entry = self.words.len() as u32;
        self.words.push(self.words[i].clone());
        self.primary.push(id);
        self.tags.push(tag_id);
        self.idf.push(self.idf[i]);
        self.chars.push(self.chars[i]);
        self.kinds.push(self.kinds[i]);
        self.route_word.push(self.route_word[i]);
        self.retagged.insert((id, tag_id), entry);
        entry
    }

    /// Brings in every entry of `other` (a vocabulary built with the same segmenter), in its
    /// order: new words get the ids interning them in that order would have given. Returns
    /// the id here of each of `other`'s ids.
    pub fn absorb(&mut self, other: &Vocabulary, segmenter: &Segmenter) -> Vec<u32> {
        let mut ids = Vec::with_capacity(other.len());
        for (i, word) in other.words.iter().enumerate() {
            let primary = other.primary[i] as usize;
            let id = if primary == i {
                // The word's tag and whether jieba's route takes it whole are known from where
                // it was segmented (under the same segmentation key, so the same dictionary and
                // user words): neither jieba nor the dictionary's words are needed for them, only
                // for the IDF once that table is loaded.
                match self.ids.get(&**word) {
                    Some(&id) => id,
                    None => {
                        let idf = if segmenter.dictionary().has_idf() {
                            segmenter.describe(word).1
                        } else {
                            None
                        };
                        self.push(word, other.tag(i as u32), idf, other.route_word[i])
                    }
                }
            } else {
                // A retagged entry comes after its primary one.
                self.with_tag(ids[primary], other.tag(i as u32))
            };
            ids.push(id);
        }
        ids
    }

    /// Entry `id`'s kind and whether jieba's route takes it whole, one bit each (space,
    /// punctuation, number, stop, route): as the prepared form stores them, and the digest reads them.
    pub(super) fn flags(&self, id: u32) -> u8 {
        let kind = self.kinds[id as usize];
        u8::from(kind.space)
            | u8::from(kind.punctuation) << 1
            | u8::from(kind.number) << 2
            | u8::from(kind.stop) << 3
            | u8::from(self.route_word[id as usize]) << 4
    }

    /// Writes every entry (see `stored.rs`): the tag names, then per entry its word, how far
    /// back its primary entry is (0: itself), its tag, IDF and kind.
    pub(super) fn encode(&self, w: &mut Writer) {
        w.uint(self.tag_names.len() as u64);
        for tag in &self.tag_names {
            w.str(tag);
        }
        w.uint(self.words.len() as u64);
        for (i, word) in self.words.iter().enumerate() {
            w.str(word);
            w.uint((i as u32 - self.primary[i]).into());
            w.byte(self.tags[i]);
            w.f32(self.idf[i]);
            w.byte(self.flags(i as u32));
        }
    }

    /// Reads what [`Vocabulary::encode`] wrote, checking every id and tag.
    pub(super) fn decode(r: &mut Reader) -> Result<Vocabulary> {
        let bad = |reason: &str| Error::BadDataFile {
            file: PREPARED_FILE,
            reason: reason.to_string(),
        };
        let mut vocab = Vocabulary::default();
        let tags = r.len(1)?;
        if tags > 256 {
            return Err(bad("more than 256 tags"));
        }
        for _ in 0..tags {
            let tag = r.str()?;
            if vocab.tag_ids.contains_key(tag) {
                return Err(bad("a tag twice"));
            }
            vocab.tag_id(tag);
        }
        let n = r.len(8)?;
        vocab.primary.reserve_exact(n);
        vocab.words.reserve_exact(n);
        vocab.tags.reserve_exact(n);
        vocab.idf.reserve_exact(n);
        vocab.chars.reserve_exact(n);
        vocab.kinds.reserve_exact(n);
        vocab.route_word.reserve_exact(n);
        vocab.ids.reserve(n);
        for i in 0..n as u32 {
            let word = r.str()?;
            let back = r.u32()?;
            let tag = r.byte()?;
            let idf = r.f32()?;
            let flags = r.byte()?;
            if tag as usize >= vocab.tag_names.len() || flags >> 5 != 0 {
                return Err(bad("an unknown tag or kind"));
            }
            let primary = i
                .checked_sub(back)
                .ok_or_else(|| bad("a word's entry out of range"))?;
            if back == 0 {
                if vocab.ids.insert(word.into(), i).is_some() {
                    return Err(bad("a word twice"));
                }
            } else {
                if vocab.primary[primary as usize] != primary
                    || *vocab.words[primary as usize] != *word
                    || vocab.tags[primary as usize] == tag
                    || vocab.retagged.insert((primary, tag), i).is_some()
                {
                    return Err(bad("a retagged entry that does not fit its word"));
                }
            }
            vocab.words.push(word.into());
            vocab.primary.push(primary);
            vocab.tags.push(tag);
            vocab.idf.push(idf);
            vocab.chars.push(word.chars().count() as u32);
            vocab.kinds.push(WordKind {
                space: flags & 1 != 0,
                punctuation: flags & 2 != 0,
                number: flags & 4 != 0,
                stop: flags & 8 != 0,
            });
            vocab.route_word.push(flags & 16 != 0);
        }
        Ok(vocab)
    }

    fn tag_id(&mut self, tag: &str) -> u8 {
        match self.tag_ids.get(tag) {
            Some(&t) => t,
            None => {
                // jieba has about sixty tags; u8 leaves room.
                let t = u8::try_from(self.tag_names.len()).unwrap_or(u8::MAX);
                self.tag_names.push(tag.into());
                self.tag_ids.insert(tag.into(), t);
                t
            }
        }
    }

    #[inline(never)]
    fn add(&mut self, word: &str, segmenter: &Segmenter) -> u32 {
        let (tag, idf) = segmenter.describe(word);
        let route = word.chars().nth(1).is_some() && segmenter.is_jieba_word(word);
        self.push(word, tag, idf, route)
    }

    /// A new primary entry: `word` with its tag, its IDF and whether jieba's route takes it whole.
    fn push(&mut self, word: &str, tag: &str, idf: Option<f32>, route: bool) -> u32 {
        let id = self.words.len() as u32;
        let tag_id = self.tag_id(tag);
        self.ids.insert(word.into(), id);
        self.words.push(word.into());
        self.primary.push(id);
        self.tags.push(tag_id);
        self.idf.push(idf.unwrap_or(f32::NAN));
        let chars = word.chars().count() as u32;
        self.chars.push(chars);
        self.kinds.push(WordKind::of(word));
        self.route_word.push(route);
        id
    }
}

/// The built-in Chinese stop list (function words; see `src/data/stopwords-zh.txt`).
pub fn builtin_stop_words() -> &'static FxHashSet<&'static str> {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../data/stopwords-zh.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// What a word is, judged once when it enters the vocabulary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordKind {
    pub space: bool,
    pub punctuation: bool,
    pub number: bool,
    pub stop: bool,
}

impl WordKind {
    pub fn of(word: &str) -> WordKind {
        let space = word.chars().all(char::is_whitespace);
        let punctuation = !space
            && word
                .chars()
                .all(|c| is_punctuation_or_symbol(c) || c.is_whitespace());
        let number = !space
            && !punctuation
            && word.chars().all(|c| {
                c.is_numeric()
                    || "零〇一二三四五六七八九十百千万亿两点.,:%-/".contains(c)
                    || c == '％'
            });
        let stop = builtin_stop_words().contains(word);
        WordKind {
            space,
            punctuation,
            number,
            stop,
        }
    }
}

fn is_punctuation_or_symbol(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32,
            0x2000..=0x206F     // general punctuation
            | 0x2190..=0x2BFF   // arrows, math, technical, box drawing, shapes, dingbats
            | 0x3000..=0x303F   // CJK symbols and punctuation
            | 0xFE10..=0xFE1F | 0xFE30..=0xFE4F // vertical and compatibility forms
            | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 // full-width punctuation
            | 0x00A1..=0x00BF | 0x00D7 | 0x00F7
            | 0x1F000..=0x1FAFF) // emoji and pictographs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert!(WordKind::of("，").punctuation);
        assert!(WordKind::of("——").punctuation);
        assert!(WordKind::of("“").punctuation);
        assert!(WordKind::of("2020").number);
        assert!(WordKind::of("10.5%").number);
        assert!(WordKind::of("三十").number);
        assert!(!WordKind::of("劳模").number);
        assert!(WordKind::of("的").stop);
        assert!(WordKind::of("我们").stop);
        assert!(!WordKind::of("工会").stop);
        assert!(WordKind::of(" ").space);
    }

    #[test]
    fn builtin_list_is_loaded_without_punctuation() {
        let words = builtin_stop_words();
        assert!(words.len() > 700);
        assert!(!words.contains("，"));
        for enumerator in ["一是", "二是", "十是", "首先", "其次", "最后"] {
            assert!(words.contains(enumerator), "{enumerator}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_words_description_is_found_once() {
        let segmenter = Segmenter::new();
        let mut vocab = Vocabulary::default();
        let a = vocab.intern("工会", &segmenter);
        let b = vocab.intern("，", &segmenter);
        assert_eq!(vocab.intern("工会", &segmenter), a);
        assert_eq!(vocab.len(), 2);
        assert_eq!(
            (vocab.word(a), vocab.tag(a), vocab.entry(a).chars),
            ("工会", "n", 2)
        );
        assert!(vocab.kind(b).punctuation && !vocab.kind(a).punctuation);
        assert_eq!(vocab.id("工会"), Some(a));
        assert_eq!(vocab.id("职工"), None);
        // The same word with another tag is an entry of its own, pointing back to the first.
        let v = vocab.with_tag(a, "v");
        assert_ne!(v, a);
        assert_eq!(
            (vocab.word(v), vocab.tag(v), vocab.primary(v)),
            ("工会", "v", a)
        );
        assert_eq!(vocab.with_tag(a, "v"), v);
        assert_eq!(vocab.with_tag(a, "n"), a);
        assert_eq!(vocab.id("工会"), Some(a));
        assert!(vocab.is_route_word(a) && !vocab.is_route_word(b));
    }
}
