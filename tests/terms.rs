//! One word, one count: merge groups (合并词), a word's tags counted together or apart,
//! suggested stop words, traditional documents counted with simplified ones and terms shown in
//! traditional characters — through the public API, as the page and the CLI use it.

#![cfg(not(target_arch = "wasm32"))]

use wenxi::{
    AnalysisOptions, Analyzer, FilterOptions, KwicOptions, Merge, Script, SuggestOptions, Variant,
};

fn analyzer(texts: &[&str]) -> Analyzer {
    let mut analyzer = Analyzer::new();
    for (i, text) in texts.iter().enumerate() {
        analyzer
            .add_text(&format!("{i}.txt"), text, &mut |_| {})
            .unwrap();
    }
    analyzer
}

fn freq(analyzer: &Analyzer, options: &AnalysisOptions, term: &str) -> Option<u32> {
    let options = AnalysisOptions {
        top_terms: u32::MAX,
        ..options.clone()
    };
    let analysis = analyzer.analyze(&options).unwrap();
    analysis
        .terms
        .iter()
        .find(|t| t.term == term)
        .map(|t| t.freq)
}

#[test]
fn a_merge_counts_its_forms_as_one_term_under_its_name() {
    let a = analyzer(&[
        "劳动模范是劳模。劳模精神，劳动模范的精神。",
        "工会组织和工会。",
    ]);
    let plain = AnalysisOptions::default();
    assert_eq!(freq(&a, &plain, "劳模"), Some(2));
    assert_eq!(freq(&a, &plain, "劳动模范"), Some(2));
    let merges = vec![
        Merge {
            name: "劳模".into(),
            forms: vec!["劳动模范".into()],
        },
        Merge {
            name: "工会".into(),
            forms: vec!["工会组织".into(), "不在文中".into()],
        },
    ];
    let merged = AnalysisOptions {
        merges: merges.clone(),
        ..AnalysisOptions::default()
    };
    assert_eq!(freq(&a, &merged, "劳模"), Some(4));
    assert_eq!(freq(&a, &merged, "劳动模范"), None);
    assert_eq!(freq(&a, &merged, "工会"), Some(2));
    // Contexts of the merged term show every form, in the document's own words.
    let kwic = a
        .kwic(
            "劳模",
            &KwicOptions {
                merges,
                ..KwicOptions::default()
            },
        )
        .unwrap();
    assert_eq!(kwic.total, 4);
    let keywords: Vec<&str> = kwic.lines.iter().map(|l| l.keyword.as_str()).collect();
    assert_eq!(keywords, ["劳动模范", "劳模", "劳模", "劳动模范"]);
}

#[test]
fn a_word_with_two_tags_is_one_term_unless_asked() {
    // posseg (Python jieba 0.42.1) tags 米 m after a number, q in 长米.
    let a = analyzer(&["他跑了100米。这个东西长米。"]);
    let everything = FilterOptions {
        stop_words: false,
        single_chars: false,
        ..FilterOptions::default()
    };
    let rows = |separate_pos| {
        let options = AnalysisOptions {
            filter: everything.clone(),
            separate_pos,
            top_terms: u32::MAX,
            ..AnalysisOptions::default()
        };
        let analysis = a.analyze(&options).unwrap();
        let mut rows: Vec<(String, u32)> = analysis
            .terms
            .iter()
            .filter(|t| t.term == "米")
            .map(|t| (t.pos.clone(), t.freq))
            .collect();
        rows.sort();
        rows
    };
    let together = rows(false);
    let apart = rows(true);
    assert_eq!(together.len(), 1, "{together:?}");
    assert_eq!(apart, [("m".to_string(), 1), ("q".to_string(), 1)]);
    assert_eq!(
        together[0].1,
        apart.iter().map(|r| r.1).sum::<u32>(),
        "the same occurrences"
    );
}

#[test]
fn suggested_stop_words_are_frequent_even_and_key_nowhere() {
    // 进行 and 表示 run evenly through all three documents; 工会 and 农业 are each
    // concentrated in one.
    let doc = |topic: &str| {
        let mut text = String::new();
        for i in 0..12 {
            text.push_str(&format!(
                "会议进行了第{i}次讨论，代表表示{topic}问题重要，{topic}{topic}需要研究。"
            ));
        }
        text
    };
    let a = analyzer(&[&doc("工会"), &doc("农业"), &doc("教育")]);
    let suggested = a.suggest_stop_words(&AnalysisOptions::default(), &SuggestOptions::default());
    let terms: Vec<&str> = suggested.iter().map(|s| s.term.as_str()).collect();
    for even in ["进行", "表示", "会议", "讨论"] {
        assert!(terms.contains(&even), "{even} not in {terms:?}");
    }
    for uneven in ["工会", "农业", "教育"] {
        assert!(!terms.contains(&uneven), "{uneven} in {terms:?}");
    }
    for s in &suggested {
        assert!(s.dp >= 0.0 && s.dp <= 0.2 && s.max_keyness < 3.84, "{s:?}");
        assert_eq!(s.doc_freq, 3);
    }
    // One document: nothing can be spread over documents.
    let one = analyzer(&[&doc("工会")]);
    assert!(one
        .suggest_stop_words(&AnalysisOptions::default(), &SuggestOptions::default())
        .is_empty());
}

#[test]
fn traditional_documents_count_with_simplified_ones_and_keep_their_own_characters() {
    let mut a = analyzer(&["我们的软件和网络。劳模精神。"]);
    let info = a
        .add_text(
            "tw.txt",
            "這裡的軟體和網路，為什麼著急？勞模精神。",
            &mut |_| {},
        )
        .unwrap();
    assert_eq!((info.script, info.converted), (Script::Traditional, true));
    let plain = AnalysisOptions::default();
    // Taiwan words become the mainland's (軟體 → 软件, 網路 → 网络); characters convert.
    assert_eq!(freq(&a, &plain, "软件"), Some(2));
    assert_eq!(freq(&a, &plain, "网络"), Some(2));
    assert_eq!(freq(&a, &plain, "劳模"), Some(2));
    let tokens = a.segment(info.id).unwrap();
    let software = tokens.iter().find(|t| t.word == "软件").unwrap();
    assert_eq!(software.text, "軟體");
    let kwic = a.kwic("劳模", &KwicOptions::default()).unwrap();
    let keywords: Vec<&str> = kwic.lines.iter().map(|l| l.keyword.as_str()).collect();
    assert_eq!(keywords, ["劳模", "勞模"]);
    // Shown in traditional: as the traditional document wrote it, else converted.
    let scripts = a.scripts();
    assert_eq!((scripts.simplified, scripts.traditional), (1, 1));
    assert_eq!(scripts.variant, Variant::Taiwan);
    let forms = a
        .traditional_forms(&["软件".into(), "头发".into(), "里面".into()], None)
        .unwrap();
    assert_eq!(forms, ["軟體", "頭髮", "裡面"]);
}

#[test]
fn without_the_tables_a_traditional_document_waits_and_is_counted_once_they_come() {
    let wxd = wenxi::internals::BUILTIN_WXD;
    let mut a = Analyzer::with_dictionary(wxd).unwrap();
    let info = a
        .add_text("t.txt", "勞模精神，軟體發展。", &mut |_| {})
        .unwrap();
    assert_eq!((info.script, info.converted), (Script::Traditional, false));
    assert!(a.needs_script_data());
    assert!(a.traditional_forms(&["软件".into()], None).is_none());
    assert_eq!(a.set_script_data(wenxi::internals::BUILTIN_WXS).unwrap(), 1);
    assert!(!a.needs_script_data());
    assert!(a.documents()[0].converted);
    assert_eq!(freq(&a, &AnalysisOptions::default(), "劳模"), Some(1));
    // Without the part-of-speech model, words outside the dictionary are x; with it, posseg's.
    let mut b = Analyzer::with_dictionary(wxd).unwrap();
    b.add_text("s.txt", "温宪说，恩佐和徐虎来了。", &mut |_| {})
        .unwrap();
    let tag = |a: &Analyzer, word: &str| {
        let tokens = a.segment(a.documents()[0].id).unwrap();
        tokens.iter().find(|t| t.word == word).unwrap().tag.clone()
    };
    assert_eq!(tag(&b, "恩佐"), "x");
    assert_eq!(
        b.set_posseg_model(wenxi::internals::BUILTIN_WXP).unwrap(),
        1
    );
    assert_eq!(tag(&b, "恩佐"), "nr");
    let damaged = b.set_posseg_model(b"WXP1\x05").unwrap_err();
    assert_eq!(damaged.code(), "bad_data_file");
}
