//! Prototype of the proposed indexing path (scratch): jieba-rs `cut` (no `tag`), and the tag,
//! IDF, kind and char count of a word computed once, when it enters the vocabulary, from the
//! WXD1 columns (binary search in the sorted word list) or a guess for OOV words.
//! Expects the including crate to have `clean`, `decode`, `error` (wenxi's own files via #[path])
//! and `wxdict` modules.
#![allow(dead_code)]

use crate::wxdict::Decoded;
use jieba_rs::Jieba;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// The dictionary: WXD1 columns + a jieba built from them + user words.
pub struct Lexicon {
    pub d: Decoded,
    pub jieba: Jieba,
    /// Tag ids: WXD1 tags, then extra tags ("x", "m", "eng", "nz").
    pub tag_names: Vec<String>,
    pub user_words: FxHashSet<String>,
    pub idf_median: f32,
}

pub fn tag_id(names: &mut Vec<String>, t: &str) -> u8 {
    match names.iter().position(|n| n == t) {
        Some(i) => i as u8,
        None => {
            names.push(t.to_string());
            (names.len() - 1) as u8
        }
    }
}

impl Lexicon {
    /// Build jieba from WXD1 through the public `with_dict` (a `word freq tag` text).
    pub fn new(wxd1: &[u8]) -> Lexicon {
        let d = crate::wxdict::decode(wxd1);
        let text = crate::wxdict::dict_text(&d);
        let jieba = Jieba::with_dict(&mut std::io::Cursor::new(text.as_bytes())).unwrap();
        Self::with_jieba(d, jieba)
    }

    pub fn with_jieba(d: Decoded, jieba: Jieba) -> Lexicon {
        let mut tag_names = d.tags.clone();
        for t in ["x", "m", "eng", "nz"] {
            tag_id(&mut tag_names, t);
        }
        // Upper median of the IDF values, as Python jieba (and IdfTable::parse) take it.
        let mut vals: Vec<f32> = d.idf_ids.iter().filter(|&&i| i != u16::MAX).map(|&i| d.idf_values[i as usize]).collect();
        let mid = vals.len() / 2;
        let idf_median = *vals.select_nth_unstable_by(mid, f32::total_cmp).1;
        Lexicon { d, jieba, tag_names, user_words: FxHashSet::default(), idf_median }
    }

    pub fn add_user_word(&mut self, w: &str) {
        self.jieba.add_word(w, None, Some("nz"));
        self.user_words.insert(w.to_string());
    }

    /// Index of `word` in the sorted WXD1 word list.
    #[inline]
    pub fn find(&self, word: &str) -> Option<usize> {
        let d = &self.d;
        let (mut lo, mut hi) = (0usize, d.spans.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match d.word(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// (tag id, idf) of a word, as `Jieba::tag` would tag it (without the posseg HMM).
    pub fn describe(&self, word: &str) -> (u8, f32) {
        match self.find(word) {
            Some(i) => {
                let idf = match self.d.idf_ids[i] {
                    u16::MAX => self.idf_median,
                    k => self.d.idf_values[k as usize],
                };
                let tag = if self.d.freqs[i] > 0 {
                    self.d.tag_ids[i]
                } else if self.user_words.contains(word) {
                    tag_pos(&self.tag_names, "nz")
                } else {
                    tag_pos(&self.tag_names, guess_tag(word))
                };
                (tag, idf)
            }
            None => {
                let tag = if self.user_words.contains(word) { "nz" } else { guess_tag(word) };
                (tag_pos(&self.tag_names, tag), self.idf_median)
            }
        }
    }
}

fn tag_pos(names: &[String], t: &str) -> u8 {
    names.iter().position(|n| n == t).unwrap() as u8
}

/// jieba-rs 0.11 `Jieba::guess_tag` without the posseg HMM (what `default-features = false` does).
pub fn guess_tag(word: &str) -> &'static str {
    let (mut eng, mut m) = (0, 0);
    for c in word.chars() {
        if c.is_ascii_alphanumeric() {
            eng += 1;
            if c.is_ascii_digit() {
                m += 1;
            }
        }
    }
    if eng > 0 {
        if eng == m { "m" } else { "eng" }
    } else {
        "x"
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kind {
    pub space: bool,
    pub punctuation: bool,
    pub number: bool,
    pub stop: bool,
}

fn stop_words() -> &'static FxHashSet<&'static str> {
    static W: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    W.get_or_init(|| {
        include_str!("/work/main/src/data/stopwords-zh.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Copy of wenxi::filter::WordKind::of.
pub fn kind_of(word: &str) -> Kind {
    let space = word.chars().all(char::is_whitespace);
    let punctuation = !space && word.chars().all(|c| is_punct(c) || c.is_whitespace());
    let number = !space
        && !punctuation
        && word.chars().all(|c| c.is_numeric() || "零〇一二三四五六七八九十百千万亿两点.,:%-/".contains(c) || c == '％');
    Kind { space, punctuation, number, stop: stop_words().contains(word) }
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32, 0x2000..=0x206F | 0x2190..=0x2BFF | 0x3000..=0x303F | 0xFE10..=0xFE1F | 0xFE30..=0xFE4F
            | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0x00A1..=0x00BF | 0x00D7 | 0x00F7 | 0x1F000..=0x1FAFF)
}

/// Vocabulary with everything about a word computed once, at interning.
#[derive(Default)]
pub struct Vocab {
    pub ids: FxHashMap<Box<str>, u32>,
    pub words: Vec<Box<str>>,
    pub tags: Vec<u8>,
    pub idf: Vec<f32>,
    pub chars: Vec<u32>,
    pub kinds: Vec<Kind>,
}

impl Vocab {
    #[inline]
    pub fn intern(&mut self, lex: &Lexicon, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        let (tag, idf) = lex.describe(word);
        self.ids.insert(word.into(), id);
        self.words.push(word.into());
        self.tags.push(tag);
        self.idf.push(idf);
        self.chars.push(word.chars().count() as u32);
        self.kinds.push(kind_of(word));
        id
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub word: u32,
    pub start: u32,
}

pub struct Doc {
    pub text: String,
    pub tokens: Vec<Token>,
    pub sentence_starts: Vec<u32>,
    pub counts: Vec<(u32, u32)>,
    pub token_count: u32,
}

/// decode + clean + sentences + cut + intern + counts, as wenxi's add_document does.
/// `dense` selects the per-document counter: a dense Vec indexed by word id (reused through
/// `scratch`) instead of an FxHashMap + sort.
pub fn index(lex: &Lexicon, vocab: &mut Vocab, name: &str, bytes: &[u8], dense: bool, scratch: &mut Vec<u32>) -> Doc {
    let decoded = crate::decode::decode(name, bytes).unwrap();
    let text = crate::clean::clean(&decoded.text);
    let ranges = crate::clean::sentences(&text);
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut sentence_starts = Vec::with_capacity(ranges.len() + 1);
    for r in &ranges {
        sentence_starts.push(tokens.len() as u32);
        let base = r.start;
        for t in lex.jieba.cut(&text[r.clone()], true) {
            tokens.push(Token { word: vocab.intern(lex, t.word), start: (base + t.byte_start) as u32 });
        }
    }
    sentence_starts.push(tokens.len() as u32);
    let mut token_count = 0;
    let counts = if dense {
        if scratch.len() < vocab.words.len() {
            scratch.resize(vocab.words.len(), 0);
        }
        let mut touched = Vec::new();
        for t in &tokens {
            if !vocab.kinds[t.word as usize].space {
                let c = &mut scratch[t.word as usize];
                if *c == 0 {
                    touched.push(t.word);
                }
                *c += 1;
                token_count += 1;
            }
        }
        touched.sort_unstable();
        touched.into_iter().map(|w| { let c = std::mem::take(&mut scratch[w as usize]); (w, c) }).collect()
    } else {
        let mut m: FxHashMap<u32, u32> = FxHashMap::default();
        for t in &tokens {
            if !vocab.kinds[t.word as usize].space {
                *m.entry(t.word).or_default() += 1;
                token_count += 1;
            }
        }
        let mut v: Vec<(u32, u32)> = m.into_iter().collect();
        v.sort_unstable();
        v
    };
    Doc { text, tokens, sentence_starts, counts, token_count }
}

/// `index` with the measured speed-ups: fast clean, and jieba run once per line (paragraph)
/// instead of once per sentence, tokens outside the sentence ranges (the whitespace between
/// sentences) dropped. Same tokens as `index` (jieba's blocks never cross a sentence boundary,
/// since every boundary is next to a character that ends a block).
pub fn index2(lex: &Lexicon, vocab: &mut Vocab, name: &str, bytes: &[u8], scratch: &mut Vec<u32>) -> Doc {
    let decoded = crate::decode::decode(name, bytes).unwrap();
    let text = crate::fastclean::clean(&decoded.text);
    drop(decoded);
    let ranges = crate::clean::sentences(&text);
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut sentence_starts = Vec::with_capacity(ranges.len() + 1);
    let mut k = 0; // current sentence
    let mut base = 0;
    for line in text.split('\n') {
        for t in lex.jieba.cut(line, true) {
            let at = base + t.byte_start;
            while k < ranges.len() && ranges[k].end <= at {
                k += 1;
            }
            if k < ranges.len() && ranges[k].start <= at {
                debug_assert!(at + t.word.len() <= ranges[k].end, "token crosses a sentence end");
                while sentence_starts.len() <= k {
                    sentence_starts.push(tokens.len() as u32);
                }
                tokens.push(Token { word: vocab.intern(lex, t.word), start: at as u32 });
            }
        }
        base += line.len() + 1;
    }
    while sentence_starts.len() <= ranges.len() {
        sentence_starts.push(tokens.len() as u32);
    }
    let mut token_count = 0;
    if scratch.len() < vocab.words.len() {
        scratch.resize(vocab.words.len(), 0);
    }
    let mut touched = Vec::new();
    for t in &tokens {
        if !vocab.kinds[t.word as usize].space {
            let c = &mut scratch[t.word as usize];
            if *c == 0 {
                touched.push(t.word);
            }
            *c += 1;
            token_count += 1;
        }
    }
    touched.sort_unstable();
    let counts = touched.into_iter().map(|w| (w, std::mem::take(&mut scratch[w as usize]))).collect();
    Doc { text, tokens, sentence_starts, counts, token_count }
}
