//! Segmentation with jieba-rs: words with byte offsets and part-of-speech tags,
//! and user words that change segmentation from the moment they are added.

use crate::error::{Error, Result};
use jieba_rs::Jieba;

/// The part-of-speech tag user words get ("other proper noun"), so that noun filters keep them.
pub const USER_WORD_TAG: &str = "nz";
/// Longest user word accepted, in characters.
pub const MAX_USER_WORD_CHARS: usize = 20;

/// jieba with its dictionary built once, plus the user's words.
pub struct Segmenter {
    jieba: Jieba,
    user_words: Vec<String>,
    /// jieba's HMM for words not in the dictionary; on, as in `jieba.lcut`.
    hmm: bool,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("user_words", &self.user_words)
            .finish()
    }
}

impl Segmenter {
    /// Build jieba's dictionary (the costly step: do it once and keep the segmenter).
    pub fn new() -> Self {
        Segmenter {
            jieba: Jieba::new(),
            user_words: Vec::new(),
            hmm: true,
        }
    }

    /// The user words in the order they were given.
    pub fn user_words(&self) -> &[String] {
        &self.user_words
    }

    /// Replace the user words. Adding words extends the dictionary in place; removing one
    /// rebuilds it, since jieba cannot forget a word. Returns whether anything changed.
    pub fn set_user_words(&mut self, words: &[String]) -> Result<bool> {
        let mut wanted: Vec<String> = Vec::with_capacity(words.len());
        for word in words {
            let word = word.trim();
            let chars = word.chars().count();
            if chars == 0 || chars > MAX_USER_WORD_CHARS || word.chars().any(char::is_whitespace) {
                return Err(Error::BadUserWord {
                    word: word.to_string(),
                });
            }
            if !wanted.iter().any(|w| w == word) {
                wanted.push(word.to_string());
            }
        }
        if wanted == self.user_words {
            return Ok(false);
        }
        let only_additions = self.user_words.iter().all(|w| wanted.contains(w));
        if !only_additions {
            self.jieba = Jieba::new();
            self.user_words.clear();
        }
        for word in &wanted {
            if !self.user_words.contains(word) {
                self.jieba.add_word(word, None, Some(USER_WORD_TAG));
            }
        }
        self.user_words = wanted;
        Ok(true)
    }

    /// Segment `text`, handing each word, its tag and its byte offset in `text` to `emit`.
    pub fn tag_each(&self, text: &str, mut emit: impl FnMut(&str, &str, usize)) {
        for tag in self.jieba.tag(text, self.hmm) {
            emit(tag.word, tag.tag, tag.byte_start);
        }
    }

    /// The words of `text`, as `jieba.lcut(text)` would give them.
    pub fn cut<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.jieba
            .cut(text, self.hmm)
            .into_iter()
            .map(|t| t.word)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_words_change_segmentation_and_can_be_removed() {
        let mut s = Segmenter::new();
        let text = "大力弘扬劳模精神";
        assert_eq!(s.cut(text), ["大力", "弘扬", "劳模", "精神"]);
        assert!(s.set_user_words(&["劳模精神".to_string()]).unwrap());
        assert_eq!(s.cut(text), ["大力", "弘扬", "劳模精神"]);
        assert!(!s.set_user_words(&["劳模精神".to_string()]).unwrap());
        assert!(s.set_user_words(&[]).unwrap());
        assert_eq!(s.cut(text), ["大力", "弘扬", "劳模", "精神"]);
    }

    #[test]
    fn tags_come_with_offsets() {
        let s = Segmenter::new();
        let mut got = Vec::new();
        s.tag_each("工会和职工", |w, t, at| {
            got.push(format!("{w}/{t}@{at}"))
        });
        assert_eq!(got, ["工会/n@0", "和/c@6", "职工/n@9"]);
    }

    #[test]
    fn refuses_words_that_cannot_be_words() {
        let mut s = Segmenter::new();
        let err = s.set_user_words(&["劳模 精神".to_string()]).unwrap_err();
        assert_eq!(
            err,
            Error::BadUserWord {
                word: "劳模 精神".into()
            }
        );
        assert!(s.user_words().is_empty());
    }
}
