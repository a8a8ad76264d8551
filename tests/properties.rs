//! Properties that must hold for any input, checked on generated text: decoding never
//! panics, tokens tile each sentence exactly, offsets are in bounds and on character
//! boundaries, and adding then removing a document restores every count.

// Native only: proptest, and the dictionary compiled into native builds.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::sync::{Mutex, OnceLock};
use wenxi::internals::{clean, decode, sentences, Segmenter};
use wenxi::{AnalysisOptions, Analyzer};

fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(Segmenter::new)
}

/// Text made of the kinds of characters people's files hold: common Chinese, punctuation,
/// ASCII, full-width forms, line breaks, emoji and CJK extension B.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("劳模精神".to_string()),
        Just("工会组织".to_string()),
        Just("，".to_string()),
        Just("。".to_string()),
        Just("\n".to_string()),
        Just("\r\n\r\n".to_string()),
        Just(" ".to_string()),
        Just("\u{3000}".to_string()),
        Just("2020-11-26".to_string()),
        Just("ＡＢＣ１２３".to_string()),
        Just("😀".to_string()),
        Just("𠀀𠀁".to_string()),
        Just("“引号”".to_string()),
        Just("Hello world. ".to_string()),
        "[\u{4e00}-\u{9fa5}]{1,12}",
        "[a-zA-Z0-9 .,!?-]{1,10}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = decode("x.txt", &bytes);
    }

    #[test]
    fn tokens_tile_every_sentence(raw in text()) {
        let cleaned = clean(&raw);
        for range in sentences(&cleaned) {
            prop_assert!(cleaned.is_char_boundary(range.start) && cleaned.is_char_boundary(range.end));
            let sentence = &cleaned[range.clone()];
            let mut rebuilt = String::new();
            let mut expected_at = 0;
            segmenter().tag_each(sentence, |word, _tag, at| {
                assert_eq!(at, expected_at, "tokens are contiguous");
                assert!(sentence.is_char_boundary(at) && sentence.is_char_boundary(at + word.len()));
                assert_eq!(&sentence[at..at + word.len()], word);
                expected_at = at + word.len();
                rebuilt.push_str(word);
            });
            prop_assert_eq!(rebuilt, sentence);
        }
    }

    #[test]
    fn cleaning_is_stable(raw in text()) {
        let once = clean(&raw);
        prop_assert_eq!(clean(&once), once.clone());
        prop_assert!(!once.contains('\r'));
        prop_assert!(!once.contains("\n\n"));
    }
}

/// One analyzer for the add/remove property: building jieba's dictionary per case is slow.
fn shared_analyzer() -> &'static Mutex<Analyzer> {
    static ANALYZER: OnceLock<Mutex<Analyzer>> = OnceLock::new();
    ANALYZER.get_or_init(|| {
        let mut analyzer = Analyzer::new();
        analyzer
            .add_text(
                "base.txt",
                "大力弘扬劳模精神、劳动精神、工匠精神。工会组织要团结职工。",
                &mut |_| {},
            )
            .unwrap();
        Mutex::new(analyzer)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn adding_then_removing_a_document_restores_the_counts(raw in text()) {
        let mut analyzer = shared_analyzer().lock().unwrap();
        let options = AnalysisOptions::default();
        let before = analyzer.analyze(&options).unwrap();
        let documents = analyzer.documents();
        if let Ok(info) = analyzer.add_text("extra.txt", &raw, &mut |_| {}) {
            prop_assert!(analyzer.remove_document(info.id));
        }
        prop_assert_eq!(analyzer.documents(), documents);
        prop_assert_eq!(analyzer.analyze(&options).unwrap(), before);
    }
}
