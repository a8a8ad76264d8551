//! Which words count as terms: the built-in stop list, the user's stop words,
//! punctuation, numbers, single characters, a part-of-speech allow-list and
//! minimum length. Applied per vocabulary entry, so changing a filter never
//! re-segments anything.

use crate::corpus::Vocabulary;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// What to drop before counting. Every choice is a setting; the defaults suit a word cloud.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct FilterOptions {
    /// Drop the built-in stop words.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub stop_words: bool,
    /// Drop the user's stop words.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub user_stop_words: bool,
    /// Drop punctuation and symbols.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub punctuation: bool,
    /// Drop numbers (Arabic or Chinese numerals, dates and times).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub numbers: bool,
    /// Drop words of one character.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub single_chars: bool,
    /// Minimum length in characters.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub min_length: u32,
    /// Minimum frequency in the selection.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub min_frequency: u32,
    /// Allowed part-of-speech tags; a one-letter tag allows its family (`n` allows `nr`, `ns`, ...).
    /// `None` allows every tag.
    #[cfg_attr(test, ts(optional = nullable))]
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    #[test]
    fn the_mask_drops_what_the_options_say() {
        let segmenter = Segmenter::new();
        let mut vocab = Vocabulary::default();
        let words = ["工会", "，", "的", "2020", "会", "劳模精神", "改革"];
        for word in words {
            vocab.intern(word, &segmenter);
        }
        let kept = |options: &FilterOptions, user: &[&str]| -> Vec<&str> {
            let user: FxHashSet<String> = user.iter().map(|w| w.to_string()).collect();
            let mask = options.term_mask(&vocab, &user);
            words
                .iter()
                .zip(mask)
                .filter(|(_, m)| *m)
                .map(|(w, _)| *w)
                .collect()
        };
        let defaults = FilterOptions::default();
        assert_eq!(kept(&defaults, &[]), ["工会", "劳模精神", "改革"]);
        assert_eq!(kept(&defaults, &["改革"]), ["工会", "劳模精神"]);
        let nothing_dropped = FilterOptions {
            stop_words: false,
            user_stop_words: false,
            punctuation: false,
            numbers: false,
            single_chars: false,
            ..FilterOptions::default()
        };
        assert_eq!(kept(&nothing_dropped, &["改革"]), words);
        let longer = FilterOptions {
            min_length: 3,
            ..FilterOptions::default()
        };
        assert_eq!(kept(&longer, &[]), ["劳模精神"]);
        // A one-letter tag allows its family: `n` keeps 工会 (n); `v` keeps 改革 (vn).
        let verbs = FilterOptions {
            pos: Some(vec!["v".into()]),
            ..FilterOptions::default()
        };
        assert_eq!(kept(&verbs, &[]), ["改革"]);
    }
}
