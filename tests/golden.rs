//! Golden tests over the five seeds: segmentation, keywords, phrases and network
//! edges, one readable line per item, so a diff shows exactly what changed.
//! After an intended change, regenerate with `WENXI_BLESS=1 cargo test --test golden`
//! and review the diff.

// Native only: they need the dictionary compiled into native builds (`Analyzer::new`).
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use wenxi::{AnalysisOptions, KeywordWeight};

mod common;

use common::seeded_analyzer;

/// Compare `actual` with the golden file, or rewrite it when blessing.
fn check(name: &str, actual: &str) {
    common::check_golden(name, actual, "golden");
}

#[test]
fn segmentation() {
    let analyzer = seeded_analyzer();
    for doc in analyzer.documents() {
        let mut out = format!(
            "# {} · {} · {} chars · {} tokens\n",
            doc.name, doc.encoding, doc.chars, doc.tokens
        );
        for t in analyzer.segment(doc.id).unwrap() {
            // The document's own text after the word where the two differ (a number written
            // in full-width form, a traditional document's characters).
            let own = if t.text == t.word {
                String::new()
            } else {
                format!("\t{}", t.text.escape_debug())
            };
            writeln!(
                out,
                "{}\t{}\t{}{own}",
                t.start,
                t.word.escape_debug(),
                t.tag
            )
            .unwrap();
        }
        check(
            &format!("segment/{}.tsv", doc.name.trim_end_matches(".txt")),
            &out,
        );
    }
}

#[test]
fn keywords() {
    let analyzer = seeded_analyzer();
    let options = AnalysisOptions {
        top_terms: 100,
        keyword_weight: KeywordWeight::Tfidf,
        ..Default::default()
    };
    let analysis = analyzer.analyze(&options).unwrap();
    let mut out = String::from("term\tpos\tfreq\tdoc_freq\ttfidf\ttfidf_corpus\ttextrank\n");
    for t in &analysis.terms {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{:.6}\t{:.6}\t{:.6}",
            t.term,
            t.pos,
            t.freq,
            t.doc_freq,
            t.tfidf.expect("native builds have jieba's IDF table"),
            t.tfidf_corpus,
            t.textrank
        )
        .unwrap();
    }
    check("keywords.tsv", &out);
    // Per document, as the page's "one document" view shows them.
    let mut out = String::new();
    for doc in analyzer.documents() {
        let options = AnalysisOptions {
            documents: Some(vec![doc.id]),
            top_terms: 15,
            keyword_weight: KeywordWeight::Tfidf,
            ..Default::default()
        };
        let terms = analyzer.analyze(&options).unwrap().terms;
        let row: Vec<String> = terms
            .iter()
            .map(|t| format!("{}({})", t.term, t.freq))
            .collect();
        writeln!(out, "{}\t{}", doc.name, row.join(" ")).unwrap();
    }
    check("keywords-per-document.tsv", &out);
}

#[test]
fn phrases() {
    let analysis = seeded_analyzer()
        .analyze(&AnalysisOptions::default())
        .unwrap();
    let mut out =
        String::from("phrase\tparts\tcount\tpmi\tllr\tleft_entropy\tright_entropy\tscore\n");
    for p in &analysis.phrases {
        writeln!(
            out,
            "{}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.3}",
            p.phrase,
            p.parts.join(" "),
            p.count,
            p.pmi,
            p.llr,
            p.left_entropy,
            p.right_entropy,
            p.score
        )
        .unwrap();
    }
    check("phrases.tsv", &out);
    for expected in ["劳模精神", "劳动精神", "工匠精神"] {
        assert!(
            analysis.phrases.iter().any(|p| p.phrase == expected),
            "{expected} not discovered"
        );
    }
}

#[test]
fn network_edges() {
    let network = seeded_analyzer()
        .analyze(&AnalysisOptions::default())
        .unwrap()
        .network;
    let mut out = format!(
        "# unit {:?}, measure {:?}, {} units\n",
        network.unit, network.measure, network.units
    );
    for n in &network.nodes {
        writeln!(
            out,
            "node\t{}\tfreq={}\tdf={}\tcommunity={}",
            n.term, n.freq, n.doc_freq, n.community
        )
        .unwrap();
    }
    for e in &network.edges {
        let (s, t) = (
            &network.nodes[e.source as usize],
            &network.nodes[e.target as usize],
        );
        writeln!(
            out,
            "edge\t{}\t{}\tcount={}\tscore={:.4}",
            s.term, t.term, e.count, e.score
        )
        .unwrap();
    }
    check("network.tsv", &out);
}

/// The same default analysis as JSON, for the wasm test to compare against.
#[test]
fn native_analysis_fixture() {
    let analyzer = seeded_analyzer();
    let analysis = analyzer.analyze(&AnalysisOptions::default()).unwrap();
    let kwic = analyzer.kwic("劳模", &Default::default()).unwrap();
    let fixture = serde_json::json!({
        "documents": analyzer.documents(),
        "analysis": analysis,
        "kwic": { "term": kwic.term, "total": kwic.total, "first": kwic.lines.first() },
    });
    check(
        "native-analysis.json",
        &(serde_json::to_string_pretty(&fixture).unwrap() + "\n"),
    );
}

#[test]
fn network_by_window_stays_within_each_measures_range() {
    use wenxi::{Measure, NetworkOptions, Unit};
    let analyzer = seeded_analyzer();
    for measure in [Measure::Jaccard, Measure::Dice, Measure::Npmi] {
        let options = AnalysisOptions {
            network: NetworkOptions {
                unit: Unit::Window,
                window: 8,
                measure,
                ..Default::default()
            },
            ..Default::default()
        };
        let network = analyzer.analyze(&options).unwrap().network;
        assert!(network.edges.len() > 50, "{measure:?}: too few edges");
        for e in &network.edges {
            let (lo, hi) = if measure == Measure::Npmi {
                (-1.0, 1.0)
            } else {
                (0.0, 1.0)
            };
            assert!(
                e.score >= lo && e.score < hi,
                "{measure:?} score {} out of range",
                e.score
            );
            let (s, t) = (
                &network.nodes[e.source as usize],
                &network.nodes[e.target as usize],
            );
            assert!(
                e.count <= s.freq.max(t.freq) * 8,
                "count {} for {} / {}",
                e.count,
                s.term,
                t.term
            );
        }
    }
    let options = AnalysisOptions {
        network: NetworkOptions {
            unit: Unit::Window,
            window: 5,
            measure: Measure::Llr,
            ..Default::default()
        },
        ..Default::default()
    };
    let network = analyzer.analyze(&options).unwrap().network;
    let mut out = format!(
        "# unit {:?}, measure {:?}, {} units\n",
        network.unit, network.measure, network.units
    );
    for e in &network.edges {
        let (s, t) = (
            &network.nodes[e.source as usize],
            &network.nodes[e.target as usize],
        );
        writeln!(
            out,
            "edge\t{}\t{}\tcount={}\tscore={:.4}",
            s.term, t.term, e.count, e.score
        )
        .unwrap();
    }
    check("network-window-llr.tsv", &out);
}

/// The cloud's colour by document group and by keyness (`Analyzer::colour_data`) for the seeds'
/// top 40 words: all five selected (grouped by source, against jieba's dictionary), then the
/// first three against the other two; a word no seed has, which has no data.
#[test]
fn colour_data() {
    use wenxi::{ColourData, ColourDataOptions};
    let analyzer = seeded_analyzer();
    let mut terms: Vec<String> = analyzer
        .analyze(&AnalysisOptions {
            top_terms: 40,
            ..Default::default()
        })
        .unwrap()
        .terms
        .into_iter()
        .map(|t| t.term)
        .collect();
    terms.push("不在文中的词".to_string());
    let ids: Vec<u32> = analyzer.documents().iter().map(|d| d.id).collect();
    let mut out = String::new();
    let mut section = |title: &str, data: ColourData| {
        writeln!(
            out,
            "# {title} · by {:?} · against {:?} · {} / {} tokens",
            data.group_by, data.reference, data.target_tokens, data.reference_tokens
        )
        .unwrap();
        for g in &data.groups {
            writeln!(
                out,
                "group\t{}\t{} documents\t{} term tokens",
                g.name, g.documents, g.term_tokens
            )
            .unwrap();
        }
        for t in &data.terms {
            let group = t
                .group
                .map_or("–", |g| data.groups[g as usize].name.as_str());
            let llr = t.llr.map_or("–".to_string(), |x| format!("{x:.1}"));
            let ratio = t.log_ratio.map_or("–".to_string(), |x| format!("{x:.2}"));
            writeln!(out, "{}\t{group}\t{llr}\t{ratio}", t.term).unwrap();
        }
    };
    section(
        "all seeds",
        analyzer
            .colour_data(&terms, &ColourDataOptions::default())
            .unwrap(),
    );
    section(
        "seeds 1–3 against 4–5",
        analyzer
            .colour_data(
                &terms,
                &ColourDataOptions {
                    documents: Some(ids[..3].to_vec()),
                    ..Default::default()
                },
            )
            .unwrap(),
    );
    section(
        "seed 2 against seed 1 (a comparison chosen in Compare)",
        analyzer
            .colour_data(
                &terms,
                &ColourDataOptions {
                    documents: Some(vec![ids[1]]),
                    reference: Some(vec![ids[0]]),
                    ..Default::default()
                },
            )
            .unwrap(),
    );
    check("colour-data.txt", &out);
}

/// The cloud coloured by a comparison chosen in Compare has Compare's numbers: each word's G²
/// and log ratio are those `keyness` gives for the same target and reference, under-used words
/// (some only the reference has) too.
#[test]
fn colour_data_has_the_numbers_of_keyness() {
    use wenxi::{ColourDataOptions, KeynessOptions};
    let analyzer = seeded_analyzer();
    let ids: Vec<u32> = analyzer.documents().iter().map(|d| d.id).collect();
    let keyness = analyzer
        .keyness(
            &[ids[1]],
            &KeynessOptions {
                reference: Some(vec![ids[0]]),
                limit: 30,
                under: 30,
                ..Default::default()
            },
        )
        .unwrap();
    assert!(keyness
        .terms
        .iter()
        .any(|t| t.llr < -3.84 && t.target_freq == 0));
    let terms: Vec<String> = keyness.terms.iter().map(|t| t.term.clone()).collect();
    let data = analyzer
        .colour_data(
            &terms,
            &ColourDataOptions {
                documents: Some(vec![ids[1]]),
                reference: Some(vec![ids[0]]),
                ..Default::default()
            },
        )
        .unwrap();
    for (key, colour) in keyness.terms.iter().zip(&data.terms) {
        assert_eq!(key.term, colour.term);
        let llr = colour.llr.expect("a word either side counts has data");
        assert!(
            (llr - key.llr).abs() < 1e-9,
            "{}: {llr} ≠ {}",
            key.term,
            key.llr
        );
        assert!((colour.log_ratio.unwrap() - key.log_ratio).abs() < 1e-9);
    }
}
