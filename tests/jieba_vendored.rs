//! The vendored jieba-rs (vendor/jieba-rs: 0.11.0 plus `Jieba::from_sorted_words`) against the
//! registry's jieba-rs 0.11.0 built the way Wenxi built it before, one `add_word` per dictionary
//! word: the same words, tags and boundaries on the seeds, on every dictionary word, on
//! texts made of dictionary words run together, and on strings mixing scripts; and user words
//! added afterwards change both the same way.

// Native only: the dictionary compiled into native builds.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;
use wenxi::internals::Dictionary;

fn upstream(dictionary: &Dictionary) -> upstream_jieba::Jieba {
    let mut jieba = upstream_jieba::Jieba::empty();
    for (word, freq, tag) in dictionary.jieba_words() {
        jieba.add_word(word, Some(freq as usize), Some(tag));
    }
    jieba
}

/// Words and tags of both, with and without the HMM, on `text`.
fn assert_same(ours: &jieba_rs::Jieba, theirs: &upstream_jieba::Jieba, text: &str) {
    for hmm in [true, false] {
        let a: Vec<(&str, usize)> = ours
            .cut(text, hmm)
            .iter()
            .map(|t| (t.word, t.byte_start))
            .collect();
        let b: Vec<(&str, usize)> = theirs
            .cut(text, hmm)
            .iter()
            .map(|t| (t.word, t.byte_start))
            .collect();
        assert_eq!(a, b, "cut(hmm: {hmm}) of {text:?}");
    }
    let a: Vec<(&str, &str)> = ours
        .tag(text, true)
        .iter()
        .map(|t| (t.word, t.tag))
        .collect();
    let b: Vec<(&str, &str)> = theirs
        .tag(text, true)
        .iter()
        .map(|t| (t.word, t.tag))
        .collect();
    assert_eq!(a, b, "tag of {text:?}");
}

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn the_vendored_jieba_segments_as_jieba_rs_does() {
    let dictionary = Dictionary::builtin();
    let ours = dictionary.jieba();
    let theirs = upstream(dictionary);

    let seeds = seeds();
    assert_eq!(seeds.len(), 5);
    for seed in &seeds {
        for line in seed.lines() {
            assert_same(&ours, &theirs, line);
        }
        assert_same(&ours, &theirs, seed);
    }

    // Every dictionary word is one (and has_word agrees), and so are its frequency's effects:
    // words run together in groups of three, every fifth word, exercise the route through
    // the frequencies of overlapping words.
    let words: Vec<(&str, u32, &str)> = dictionary.jieba_words().collect();
    assert_eq!(words.len(), 349_045);
    for &(word, _, _) in &words {
        assert!(ours.has_word(word), "{word}");
    }
    for (i, group) in words.chunks(3).enumerate().filter(|(i, _)| i % 5 == 0) {
        let text: String = group.iter().map(|w| w.0).collect();
        if i % 25 == 0 {
            assert_same(&ours, &theirs, &text);
        } else {
            let a: Vec<&str> = ours.cut(&text, true).iter().map(|t| t.word).collect();
            let b: Vec<&str> = theirs.cut(&text, true).iter().map(|t| t.word).collect();
            assert_eq!(a, b, "{text}");
        }
    }
    for text in [
        "",
        " ",
        "ChatGPT和GPT-4在2023年，3.14％的𠀀𠀁𪚥人说“好”！",
        "龘靐齉𤕤𦡦𦡦 mixed 中文 and English, 123.45",
        "他说：“好！”我们走吧。Really? Yes. 3.14 是数……对；\n下一段 a.b. c",
    ] {
        assert_same(&ours, &theirs, text);
        assert!(!ours.has_word("这个词不在词典里") && !theirs.has_word("这个词不在词典里"));
    }
}

#[test]
fn user_words_added_later_change_both_alike() {
    let dictionary = Dictionary::builtin();
    let mut ours = dictionary.jieba();
    let mut theirs = upstream(dictionary);
    let text = "大力弘扬劳模精神、劳动精神、工匠精神，推动新时代产业工人队伍建设改革。";
    for word in ["劳模精神", "产业工人队伍", "工匠精神", "大力"] {
        let a = ours.add_word(word, None, Some("nz"));
        let b = theirs.add_word(word, None, Some("nz"));
        assert_eq!(a, b, "suggested frequency of {word}");
        assert_same(&ours, &theirs, text);
    }
    for seed in seeds() {
        assert_same(&ours, &theirs, &seed);
    }
}

#[test]
fn words_out_of_order_are_refused() {
    let refused = |words: &[(&str, usize, usize)]| {
        jieba_rs::Jieba::from_sorted_words(&["n"], words.iter().copied(), words.len())
            .err()
            .map(|e| e.to_string())
    };
    assert_eq!(refused(&[("中国", 5, 0), ("中国人", 3, 0)]), None);
    let message = refused(&[("中国人", 3, 0), ("中国", 5, 0)]).unwrap();
    assert!(message.contains("increasing order"), "{message}");
    assert!(refused(&[("中国", 3, 0), ("中国", 5, 0)]).is_some());
    assert!(refused(&[("b", 3, 0), ("a", 5, 0)]).is_some());
    assert!(refused(&[("", 3, 0)]).unwrap().contains("empty"));
    assert!(refused(&[("中国", 3, 1)]).unwrap().contains("tag index"));
}

#[test]
fn a_dictionary_larger_than_its_hint_still_loads() {
    // The trie is sized for `words_hint`; a wrong hint means rehashing as it grows, with the
    // words it had kept.
    let words: Vec<String> = (0..20_000).map(|i| format!("w{i:05}x")).collect();
    let jieba =
        jieba_rs::Jieba::from_sorted_words(&["x"], words.iter().map(|w| (w.as_str(), 1, 0)), 10)
            .unwrap();
    for word in &words {
        assert!(jieba.has_word(word), "{word}");
    }
    assert_eq!(
        jieba
            .cut("w00001xw19999x", false)
            .iter()
            .map(|t| t.word)
            .collect::<Vec<_>>(),
        ["w00001x", "w19999x"]
    );
}
