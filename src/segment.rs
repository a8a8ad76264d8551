//! Segmentation with jieba-rs: words with byte offsets and part-of-speech tags,
//! and user words that change segmentation from the moment they are added.

use crate::dictionary::Dictionary;
use crate::error::{Error, Result};
use jieba_rs::Jieba;
use std::sync::Arc;

/// The part-of-speech tag user words get ("other proper noun"), so that noun filters keep them.
pub const USER_WORD_TAG: &str = "nz";
/// Longest user word accepted, in characters.
pub const MAX_USER_WORD_CHARS: usize = 20;

/// jieba with its dictionary built once, plus the user's words.
pub struct Segmenter {
    dictionary: Arc<Dictionary>,
    jieba: Jieba,
    user_words: Vec<String>,
    /// jieba's HMM for words not in the dictionary; on, as in `jieba.lcut`.
    hmm: bool,
}

#[cfg(not(target_arch = "wasm32"))]
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
    /// A segmenter with the built-in dictionary (native builds; jieba is built once per
    /// process and cloned, which takes a few milliseconds).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new() -> Self {
        static JIEBA: std::sync::OnceLock<Jieba> = std::sync::OnceLock::new();
        let dictionary = Dictionary::builtin();
        Segmenter {
            jieba: JIEBA.get_or_init(|| dictionary.jieba()).clone(),
            dictionary: Arc::clone(dictionary),
            user_words: Vec::new(),
            hmm: true,
        }
    }

    /// Build jieba from `dictionary` (the costly step: do it once and keep the segmenter).
    pub fn with_dictionary(dictionary: Arc<Dictionary>) -> Self {
        Segmenter {
            jieba: dictionary.jieba(),
            dictionary,
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
            self.jieba = self.dictionary.jieba();
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

    /// Segment `text`, handing each word and its byte offset in `text` to `emit`.
    #[inline]
    pub fn cut_each(&self, text: &str, mut emit: impl FnMut(&str, usize)) {
        for token in self.jieba.cut(text, self.hmm) {
            emit(token.word, token.byte_start);
        }
    }

    /// The tag jieba's `tag` gives `word` (the dictionary's tag; `nz` for user words; for
    /// other words `m` for digits, `eng` for Latin letters, else `x`) and its IDF.
    pub fn describe(&self, word: &str) -> (&str, f32) {
        let lookup = self.dictionary.lookup(word);
        let tag = match lookup.tag {
            Some(tag) => tag,
            None if self.user_words.iter().any(|w| w == word) => USER_WORD_TAG,
            None => guess_tag(word),
        };
        (tag, lookup.idf)
    }

    /// Segment `text`, handing each word, its tag and its byte offset in `text` to `emit`.
    pub fn tag_each(&self, text: &str, mut emit: impl FnMut(&str, &str, usize)) {
        self.cut_each(text, |word, at| emit(word, self.describe(word).0, at));
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

/// jieba-rs's tag for a word outside its dictionary, without the posseg HMM (which Wenxi
/// does not ship): `m` for ASCII digits only, `eng` for other ASCII letters and digits, else `x`.
pub fn guess_tag(word: &str) -> &'static str {
    let (mut alphanumeric, mut digits) = (0, 0);
    for c in word.chars() {
        if c.is_ascii_alphanumeric() {
            alphanumeric += 1;
            if c.is_ascii_digit() {
                digits += 1;
            }
        }
    }
    match (alphanumeric, digits) {
        (0, _) => "x",
        (a, d) if a == d => "m",
        _ => "eng",
    }
}

// Native only: they segment with the dictionary compiled into native builds.
#[cfg(all(test, not(target_arch = "wasm32")))]
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
    fn tags_agree_with_jiebas_own_tagger() {
        // jieba-rs without default features tags out-of-dictionary words as guess_tag does.
        let s = Segmenter::new();
        let text = "2020年，ChatGPT和劳模精神在北京。一是，二是";
        let theirs: Vec<String> = s
            .jieba
            .tag(text, true)
            .iter()
            .map(|t| format!("{}/{}", t.word, t.tag))
            .collect();
        let mut ours = Vec::new();
        s.tag_each(text, |w, t, _| ours.push(format!("{w}/{t}")));
        assert_eq!(ours, theirs);
        assert!(ours.contains(&"一是/x".to_string()), "{ours:?}");
    }

    #[test]
    fn user_words_are_nz_unless_the_dictionary_tags_them() {
        let mut s = Segmenter::new();
        s.set_user_words(&["劳模精神".into(), "工会".into()])
            .unwrap();
        assert_eq!(s.describe("劳模精神").0, "nz");
        assert_eq!(s.describe("工会").0, "n");
        assert_eq!(guess_tag("2020"), "m");
        assert_eq!(guess_tag("GPT4"), "eng");
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
