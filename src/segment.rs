//! Segmentation with jieba-rs: words with byte offsets and part-of-speech tags,
//! and user words that change segmentation from the moment they are added.
//!
//! Boundaries are `jieba.lcut`'s. Tags are `jieba.posseg`'s when the part-of-speech model is
//! loaded ([`Segmenter::set_posseg`]; native builds have it built in): the dictionary's tag for
//! the words the dictionary route takes whole, and posseg's HMM for the runs of characters it
//! does not (see [`crate::posseg`]). Without the model, words outside the dictionary are tagged
//! as jieba-rs tags them without its HMM (`m`, `eng`, else `x`).

use crate::dictionary::Dictionary;
use crate::error::{Error, Result};
use crate::numbers;
use crate::posseg::{self, PossegModel};
use jieba_rs::Jieba;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

/// The part-of-speech tag user words get ("other proper noun"), so that noun filters keep them.
pub const USER_WORD_TAG: &str = "nz";
/// The tag of a number made of several of jieba's tokens (`33.5%`).
pub const NUMBER_TAG: &str = "m";

/// A token of a segmented text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut<'a> {
    /// Where it is in the text (bytes).
    pub range: Range<usize>,
    /// The word it counts as: the text itself, or a number's half-width form.
    pub word: std::borrow::Cow<'a, str>,
    pub tag: &'a str,
}

impl<'a> Cut<'a> {
    fn of(text: &'a str, range: Range<usize>, tag: &'a str) -> Cut<'a> {
        Cut {
            word: text[range.clone()].into(),
            range,
            tag,
        }
    }
}
/// Longest user word accepted, in characters.
pub const MAX_USER_WORD_CHARS: usize = 20;

/// jieba with its dictionary built once, plus the user's words. jieba is built when it is first
/// needed (to cut a text): adding documents prepared elsewhere and analysing them never need
/// it, so a page whose first analysis is of prepared documents need not wait for the build.
pub struct Segmenter {
    dictionary: Arc<Dictionary>,
    /// jieba with the dictionary and `user_words`, once built (see [`Segmenter::jieba`]).
    jieba: std::sync::OnceLock<Jieba>,
    user_words: Vec<String>,
    /// jieba's HMM for words not in the dictionary; on, as in `jieba.lcut`.
    hmm: bool,
    /// Python jieba's part-of-speech HMM, when loaded.
    posseg: Option<Arc<PossegModel>>,
}

thread_local! {
    static POSSEG_SCRATCH: RefCell<posseg::Scratch> = RefCell::new(posseg::Scratch::default());
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
            jieba: JIEBA.get_or_init(|| dictionary.jieba()).clone().into(),
            dictionary: Arc::clone(dictionary),
            user_words: Vec::new(),
            hmm: true,
            posseg: Some(Arc::clone(PossegModel::builtin())),
        }
    }

    /// A segmenter with `dictionary`; jieba is built from it when first needed (the costly
    /// step: keep the segmenter). No part-of-speech model until [`Segmenter::set_posseg`].
    pub fn with_dictionary(dictionary: Arc<Dictionary>) -> Self {
        Segmenter {
            jieba: std::sync::OnceLock::new(),
            dictionary,
            user_words: Vec::new(),
            hmm: true,
            posseg: None,
        }
    }

    /// Tag with posseg's model from now on (`None`: without it).
    pub fn set_posseg(&mut self, model: Option<Arc<PossegModel>>) {
        self.posseg = model;
    }

    /// jieba with the dictionary and the user words, built now if it was not.
    fn jieba(&self) -> &Jieba {
        self.jieba.get_or_init(|| {
            let mut jieba = self.dictionary.jieba();
            for word in &self.user_words {
                jieba.add_word(word, None, Some(USER_WORD_TAG));
            }
            jieba
        })
    }

    /// Builds jieba now if it is not built yet (while nothing waits for it).
    pub fn build(&self) {
        self.jieba();
    }

    /// Whether jieba is built.
    pub fn is_built(&self) -> bool {
        self.jieba.get().is_some()
    }

    /// A hash of the dictionary's file (see [`Dictionary::identity`]).
    pub fn dictionary_identity(&self) -> u64 {
        self.dictionary.identity()
    }

    pub fn has_posseg(&self) -> bool {
        self.posseg.is_some()
    }

    /// The dictionary jieba was built from.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
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
        match self.jieba.get_mut() {
            // Built: extended in place (jieba cannot forget a word).
            Some(jieba) if only_additions => {
                for word in &wanted {
                    if !self.user_words.contains(word) {
                        jieba.add_word(word, None, Some(USER_WORD_TAG));
                    }
                }
            }
            // Built again with the new words when next needed.
            Some(_) => self.jieba = std::sync::OnceLock::new(),
            None => {}
        }
        self.user_words = wanted;
        Ok(true)
    }

    /// Segment `text`, handing each word and its byte offset in `text` to `emit`.
    #[inline]
    pub fn cut_each(&self, text: &str, mut emit: impl FnMut(&str, usize)) {
        for token in self.jieba().cut(text, self.hmm) {
            emit(token.word, token.byte_start);
        }
    }

    /// The tag jieba's `tag` gives `word` (the dictionary's tag; `nz` for user words; for
    /// other words `m` for digits, `eng` for Latin letters, else `x`) and its IDF (`None`
    /// until the dictionary's IDF table is loaded).
    pub fn describe(&self, word: &str) -> (&str, Option<f32>) {
        let lookup = self.dictionary.lookup(word);
        let tag = match lookup.tag {
            Some(tag) => tag,
            None if self.user_words.iter().any(|w| w == word) => USER_WORD_TAG,
            None => guess_tag(word),
        };
        (tag, lookup.idf)
    }

    /// Whether `word` is one jieba's dictionary route can take whole (a dictionary or user word).
    pub fn is_jieba_word(&self, word: &str) -> bool {
        self.jieba().has_word(word)
    }

    /// The tags posseg's HMM gives `tokens` (byte ranges tiling `text`, as jieba cut it), when
    /// the model is loaded, into `tags` (`None`: the word's own tag). `route_word(i)`: whether
    /// token `i` is a jieba word of two or more characters (the caller usually knows; else
    /// [`Self::is_jieba_word`]).
    pub fn retag<'a>(
        &'a self,
        text: &str,
        tokens: &[Range<usize>],
        route_word: impl Fn(usize) -> bool,
        tags: &mut [Option<&'a str>],
    ) {
        let Some(model) = &self.posseg else {
            return;
        };
        struct Words<'s, F> {
            segmenter: &'s Segmenter,
            route_word: F,
        }
        impl<'s, F: Fn(usize) -> bool> posseg::Lexicon<'s> for Words<'s, F> {
            fn route_word(&self, i: usize) -> bool {
                (self.route_word)(i)
            }
            fn is_word(&self, s: &str) -> bool {
                self.segmenter.is_jieba_word(s)
            }
        }
        let words = Words {
            segmenter: self,
            route_word,
        };
        POSSEG_SCRATCH
            .with(|scratch| model.tag_run(text, tokens, &words, tags, &mut scratch.borrow_mut()));
    }

    /// jieba's tokens of `text` as byte ranges (lcut's boundaries), into `out`.
    pub fn cut_ranges(&self, text: &str, out: &mut Vec<Range<usize>>) {
        out.clear();
        self.cut_each(text, |word, at| out.push(at..at + word.len()));
    }

    /// The tokens of `text`: lcut's words, numbers whole ([`crate::numbers`]), each with its
    /// tag (posseg's, when the model is loaded). Looks every word up in the dictionary: the
    /// corpus, which knows its words already, does the same steps with its vocabulary.
    pub fn tokens<'a>(&'a self, text: &'a str) -> Vec<Cut<'a>> {
        let mut ranges = Vec::new();
        self.cut_ranges(text, &mut ranges);
        let mut tags: Vec<Option<&str>> = vec![None; ranges.len()];
        self.retag(
            text,
            &ranges,
            |k| {
                let w = &text[ranges[k].clone()];
                w.chars().nth(1).is_some() && self.is_jieba_word(w)
            },
            &mut tags,
        );
        let tags: Vec<&str> = ranges
            .iter()
            .zip(tags)
            .map(|(r, t)| t.unwrap_or_else(|| self.describe(&text[r.clone()]).0))
            .collect();
        let mut out = Vec::with_capacity(ranges.len());
        let mut next = 0;
        for number in numbers::find(text, &ranges) {
            for k in next..number.tokens.start {
                out.push(Cut::of(text, ranges[k].clone(), tags[k]));
            }
            out.push(Cut {
                range: ranges[number.tokens.start].start..ranges[number.tokens.end - 1].end,
                word: number.word.into(),
                tag: NUMBER_TAG,
            });
            next = number.tokens.end;
        }
        for k in next..ranges.len() {
            out.push(Cut::of(text, ranges[k].clone(), tags[k]));
        }
        out
    }

    /// Segment `text`, handing each word, its tag and its byte offset in `text` to `emit`.
    pub fn tag_each(&self, text: &str, mut emit: impl FnMut(&str, &str, usize)) {
        for cut in self.tokens(text) {
            emit(&cut.word, cut.tag, cut.range.start);
        }
    }

    /// The words of `text`, as `jieba.lcut(text)` would give them.
    pub fn cut<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.jieba()
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
    fn without_the_model_tags_agree_with_jiebas_own_tagger() {
        // jieba-rs without default features tags out-of-dictionary words as guess_tag does.
        let mut s = Segmenter::new();
        s.set_posseg(None);
        let text = "2020年，ChatGPT和劳模精神在北京。一是，二是";
        let theirs: Vec<String> = s
            .jieba()
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
    fn with_the_model_words_outside_the_dictionary_get_posseg_tags() {
        let s = Segmenter::new();
        let tagged = |text: &str| {
            let mut out = Vec::new();
            s.tag_each(text, |w, t, _| out.push(format!("{w}/{t}")));
            out
        };
        // Python jieba 0.42.1: posseg.lcut cuts 温宪/nr 说/v, 徐虎/nr 来/v where lcut has
        // 温宪说, 徐虎来; Wenxi keeps lcut's words and gives each the tag of the posseg word
        // it overlaps most. 一是 (posseg 一/m 是/v) likewise.
        assert_eq!(
            tagged("温宪说，恩佐和徐虎来了。"),
            [
                "温宪说/nr",
                "，/x",
                "恩佐/nr",
                "和/c",
                "徐虎来/nr",
                "了/ul",
                "。/x"
            ]
        );
        assert_eq!(
            tagged("2020年，ChatGPT和劳模精神在北京。一是，二是"),
            [
                "2020/m",
                "年/m",
                "，/x",
                "ChatGPT/eng",
                "和/c",
                "劳模/n",
                "精神/n",
                "在/p",
                "北京/ns",
                "。/x",
                "一是/m",
                "，/x",
                "二是/m"
            ]
        );
        // Numbers jieba cuts apart come back whole, in half-width form.
        assert_eq!(
            tagged("增长33．5％，08:27:11"),
            ["增长/v", "33.5%/m", "，/x", "08:27:11/m"]
        );
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
