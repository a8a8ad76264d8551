//! Which words count as terms: the built-in stop list, the user's stop words,
//! punctuation, numbers, single characters, a part-of-speech allow-list and
//! minimum length. Applied per vocabulary entry, so changing a filter never
//! re-segments anything.

use crate::corpus::Vocabulary;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The built-in Chinese stop list (function words; see `src/data/stopwords-zh.txt`).
pub fn builtin_stop_words() -> &'static FxHashSet<&'static str> {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("data/stopwords-zh.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// What to drop before counting. Every choice is a setting; the defaults suit a word cloud.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct FilterOptions {
    /// Drop the built-in stop words.
    pub stop_words: bool,
    /// Drop the user's stop words.
    pub user_stop_words: bool,
    /// Drop punctuation and symbols.
    pub punctuation: bool,
    /// Drop numbers (Arabic or Chinese numerals, dates and times).
    pub numbers: bool,
    /// Drop words of one character.
    pub single_chars: bool,
    /// Minimum length in characters.
    pub min_length: u32,
    /// Minimum frequency in the selection.
    pub min_frequency: u32,
    /// Allowed part-of-speech tags; a one-letter tag allows its family (`n` allows `nr`, `ns`, ...).
    /// `None` allows every tag.
    pub pos: Option<Vec<String>>,
}

impl Default for FilterOptions {
    fn default() -> Self {
        FilterOptions {
            stop_words: true,
            user_stop_words: true,
            punctuation: true,
            numbers: true,
            single_chars: true,
            min_length: 1,
            min_frequency: 1,
            pos: None,
        }
    }
}

impl FilterOptions {
    /// Whether each vocabulary entry is a term under these options (frequency aside).
    pub fn term_mask(&self, vocab: &Vocabulary, user_stop_words: &FxHashSet<String>) -> Vec<bool> {
        let tag_allowed: Vec<bool> = vocab
            .tag_names()
            .iter()
            .map(|tag| match &self.pos {
                None => true,
                Some(allowed) => allowed.iter().any(|p| {
                    tag.as_ref() == p.as_str()
                        || (p.chars().count() == 1 && tag.starts_with(p.as_str()))
                }),
            })
            .collect();
        (0..vocab.len())
            .map(|id| {
                let word = vocab.entry(id as u32);
                let kind = word.kind;
                !(kind.space
                    || (self.punctuation && kind.punctuation)
                    || (self.numbers && kind.number)
                    || (self.single_chars && word.chars == 1)
                    || (self.stop_words && kind.stop)
                    || word.chars < self.min_length
                    || !tag_allowed[word.tag as usize]
                    || (self.user_stop_words && user_stop_words.contains(word.text)))
            })
            .collect()
    }
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
    }
}
