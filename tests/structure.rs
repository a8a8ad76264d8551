//! Golden tests of the corpus's structure over the five seeds: what each seed keeps and sets
//! aside as page furniture and the metadata read from it, the passages the seeds share, trends
//! and dispersion. One line per line, field, pair or point, so a diff shows what changed.
//! After an intended change: `WENXI_BLESS=1 cargo test --test structure`, then review the diff.

// Native only: they need the dictionary compiled into native builds (`Analyzer::new`).
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::fs;
use wenxi::{
    AnalysisOptions, Analyzer, DispersionOptions, KeynessOptions, KwicOptions, MetadataPatch,
    PassageOptions, ReuseOptions, TrendBy, TrendOptions,
};

mod common;

use common::{root, seeded_analyzer};

/// Compare `actual` with the golden file, or rewrite it when blessing.
fn check(name: &str, actual: &str) {
    common::check_golden(name, actual, "structure");
}

fn shorten(line: &str, chars: usize) -> String {
    let n = line.chars().count();
    if n <= chars {
        line.to_string()
    } else {
        format!(
            "{}… ({n} chars)",
            line.chars().take(chars).collect::<String>()
        )
    }
}

/// Each seed: its metadata, one field a line, then every line of its cleaned text, kept
/// (shortened) or set aside (whole, with its kind and rule).
#[test]
fn anatomy_of_the_seeds() {
    let analyzer = seeded_analyzer();
    for doc in analyzer.documents() {
        let mut out = String::new();
        let or_none = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        writeln!(out, "name\t{}", doc.name).unwrap();
        writeln!(out, "title\t{}", doc.title).unwrap();
        let source = doc.date_source.map_or("-".into(), |s| format!("{s:?}"));
        writeln!(out, "date\t{}\t{source}", or_none(&doc.date)).unwrap();
        writeln!(out, "source\t{}", or_none(&doc.source)).unwrap();
        writeln!(out, "author\t{}", or_none(&doc.author)).unwrap();
        writeln!(out, "groups\t{}", doc.groups.join(" ")).unwrap();
        writeln!(
            out,
            "set aside\t{} lines\t{} of {} chars",
            doc.furniture_lines, doc.furniture_chars, doc.chars
        )
        .unwrap();
        let furniture = analyzer.furniture(doc.id).unwrap();
        let text = analyzer.document_text(doc.id).unwrap();
        for (i, line) in text.split('\n').enumerate() {
            match furniture.iter().find(|f| f.line as usize == i) {
                Some(f) => writeln!(out, "{i}\tset aside\t{:?}\t{}\t{}", f.kind, f.rule, f.text),
                None => writeln!(out, "{i}\tkept\t{}", shorten(line, 30)),
            }
            .unwrap();
        }
        check(
            &format!("anatomy/{}.txt", doc.name.trim_end_matches(".txt")),
            &out,
        );
    }
}

/// No sentence of an article's body is set aside: no line that ends a sentence (。！？ or a
/// closing quote) but the related-article teasers after the end of seed 001's article; and the
/// four seeds that are plain articles (not saved web pages) lose nothing but a line of symbols.
#[test]
fn no_sentence_of_a_body_is_set_aside() {
    let analyzer = seeded_analyzer();
    for doc in analyzer.documents() {
        for f in analyzer.furniture(doc.id).unwrap() {
            let sentence = f.text.ends_with(['。', '！', '？', '”']);
            let teaser = f.rule.contains("related-article list");
            assert!(
                !sentence || teaser,
                "{}: line {} set aside ({:?}): {}",
                doc.name,
                f.line,
                f.kind,
                f.text
            );
        }
        if !doc.name.starts_with("001") {
            assert!(
                doc.furniture_chars <= 1,
                "{}: {}",
                doc.name,
                doc.furniture_chars
            );
        }
    }
}

/// The passages the seeds share, one line per pair and per passage (with its text in each).
#[test]
fn reuse_of_the_seeds() {
    let analyzer = seeded_analyzer();
    let docs = analyzer.documents();
    let name = |id: u32| docs.iter().find(|d| d.id == id).unwrap().name.clone();
    let reuse = analyzer.reuse(&ReuseOptions::default()).unwrap();
    let mut out = format!(
        "min chars {}, {} documents, {} pairs\n",
        reuse.min_chars, reuse.documents, reuse.total_pairs
    );
    for pair in &reuse.pairs {
        writeln!(
            out,
            "{}\t{}\t{} passages\tshared {} ({} / {})\tshares {:.4} / {:.4}\tlongest {}\tduplicate {}",
            name(pair.a),
            name(pair.b),
            pair.passages,
            pair.shared_chars,
            pair.a_chars,
            pair.b_chars,
            pair.a_share,
            pair.b_share,
            pair.longest,
            pair.duplicate
        )
        .unwrap();
        let passages = analyzer
            .reuse_passages(pair.a, pair.b, &PassageOptions::default())
            .unwrap();
        let (ta, tb) = (
            analyzer.document_text(pair.a).unwrap(),
            analyzer.document_text(pair.b).unwrap(),
        );
        let slice = |text: &str, start: u32, end: u32| -> String {
            text.chars()
                .skip(start as usize)
                .take((end - start) as usize)
                .collect()
        };
        for p in &passages.passages {
            writeln!(
                out,
                "  {} chars\ta {}..{}\t{}\n  \tb {}..{}\t{}",
                p.chars,
                p.a_start,
                p.a_end,
                slice(ta, p.a_start, p.a_end),
                p.b_start,
                p.b_end,
                slice(tb, p.b_start, p.b_end)
            )
            .unwrap();
        }
    }
    check("reuse-seeds.txt", &out);
    // The runs: 000 and 001 share passages of 60, 65 and 132 characters.
    let pair = reuse
        .pairs
        .iter()
        .find(|p| name(p.a).starts_with("000") && name(p.b).starts_with("001"));
    let passages = analyzer
        .reuse_passages(pair.unwrap().a, pair.unwrap().b, &PassageOptions::default())
        .unwrap();
    let mut runs: Vec<u32> = passages.passages.iter().map(|p| p.chars).collect();
    runs.sort_unstable();
    assert_eq!(runs, [60, 65, 132]);
}

/// Trends of two terms, per document in date order and by group, and where 劳模 is.
#[test]
fn trends_and_dispersion_of_the_seeds() {
    let mut analyzer = seeded_analyzer();
    let docs = analyzer.documents();
    // Groups and dates as a person would set them: two groups, three dates.
    let ids: Vec<u32> = docs.iter().map(|d| d.id).collect();
    let patch = |groups: &[&str], date: Option<&str>| MetadataPatch {
        groups: Some(groups.iter().map(|g| g.to_string()).collect()),
        date: date.map_or(wenxi::Edit::Keep, |d| wenxi::Edit::Set(Some(d.into()))),
        ..MetadataPatch::default()
    };
    analyzer
        .update_documents(Some(&ids[..2]), &patch(&["全总/机关"], Some("2020-12-10")))
        .unwrap();
    analyzer
        .update_documents(Some(&ids[2..3]), &patch(&["全总/党组"], Some("2025-05-06")))
        .unwrap();
    analyzer
        .update_documents(Some(&ids[3..]), &patch(&["地方"], None))
        .unwrap();
    let terms = ["劳模".to_string(), "工匠精神".to_string()];
    let mut out = String::new();
    for (by, depth) in [
        (TrendBy::Document, None),
        (TrendBy::Month, None),
        (TrendBy::Year, None),
        (TrendBy::Group, None),
        (TrendBy::Group, Some(1)),
    ] {
        let options = TrendOptions {
            by,
            group_depth: depth,
            ..TrendOptions::default()
        };
        let trends = analyzer.trends(&terms, &options).unwrap();
        writeln!(
            out,
            "# by {by:?}, group depth {depth:?}; unbinned {:?}",
            trends.unbinned
        )
        .unwrap();
        for (i, bin) in trends.bins.iter().enumerate() {
            let values: Vec<String> = trends
                .series
                .iter()
                .map(|s| format!("{} {} ({:.2})", s.term, s.counts[i], s.per_ten_thousand[i]))
                .collect();
            writeln!(
                out,
                "{}\t{}\tdocs {:?}\twords {}\t{}",
                bin.key,
                shorten(&bin.label, 16),
                bin.documents,
                bin.words,
                values.join("\t")
            )
            .unwrap();
        }
    }
    let dispersion = analyzer
        .dispersion("劳模", &DispersionOptions::default())
        .unwrap();
    writeln!(out, "# dispersion of 劳模: {} hits", dispersion.total).unwrap();
    for d in &dispersion.documents {
        writeln!(out, "{}\t{} chars\t{:?}", d.name, d.chars, d.offsets).unwrap();
    }
    check("trends-seeds.txt", &out);
    // A bin's documents are the contexts a click opens: as many lines as the bin counts.
    let trends = analyzer
        .trends(
            &terms,
            &TrendOptions {
                by: TrendBy::Group,
                ..TrendOptions::default()
            },
        )
        .unwrap();
    for (i, bin) in trends.bins.iter().enumerate() {
        let kwic = analyzer
            .kwic(
                "劳模",
                &KwicOptions {
                    documents: Some(bin.documents.clone()),
                    ..KwicOptions::default()
                },
            )
            .unwrap();
        assert_eq!(kwic.total, trends.series[0].counts[i], "{}", bin.key);
    }
}

/// The furniture of seed 001 is not counted, unless switched on; the count-once switch leaves
/// 000's passages out of 001's counts and back in when off.
#[test]
fn the_switches_change_what_counts() {
    let mut analyzer = seeded_analyzer();
    let docs = analyzer.documents();
    let id = |prefix: &str| docs.iter().find(|d| d.name.starts_with(prefix)).unwrap().id;
    let (d000, d001) = (id("000"), id("001"));
    let freq = |analyzer: &Analyzer, docs: Vec<u32>, term: &str| {
        let options = AnalysisOptions {
            documents: Some(docs),
            top_terms: 100_000,
            ..AnalysisOptions::default()
        };
        let analysis = analyzer.analyze(&options).unwrap();
        analysis
            .terms
            .iter()
            .find(|t| t.term == term)
            .map_or(0, |t| t.freq)
    };
    assert_eq!(
        freq(&analyzer, vec![d001], "中工网"),
        0,
        "furniture is not counted"
    );
    let on = MetadataPatch {
        count_furniture: Some(true),
        ..MetadataPatch::default()
    };
    analyzer.update_documents(Some(&[d001]), &on).unwrap();
    assert!(freq(&analyzer, vec![d001], "中工网") >= 4, "counted again");
    analyzer
        .update_documents(
            None,
            &MetadataPatch {
                count_furniture: Some(false),
                ..MetadataPatch::default()
            },
        )
        .unwrap();

    let both = vec![d000, d001];
    let before = freq(&analyzer, both.clone(), "一以贯之");
    analyzer.set_count_once(true, 50).unwrap();
    let once = freq(&analyzer, both.clone(), "一以贯之");
    assert!(once < before, "{once} < {before}");
    // Alone, 001 keeps its passages: there is no earlier document in its selection.
    assert_eq!(freq(&analyzer, vec![d001], "一以贯之"), {
        analyzer.set_count_once(false, 50).unwrap();
        freq(&analyzer, vec![d001], "一以贯之")
    });
    assert_eq!(freq(&analyzer, both, "一以贯之"), before);
    // Keyness of 001 against 000 (a reference set), with and without the switch.
    let options = KeynessOptions {
        reference: Some(vec![d000]),
        ..KeynessOptions::default()
    };
    let keyness = analyzer.keyness(&[d001], &options).unwrap();
    assert!(keyness.reference_tokens > 0 && keyness.target_tokens > 0);
}

/// The same cleaned text is a duplicate whatever its encoding (GB18030 here), line endings or name; the first
/// copy is named, and when it goes, the next one stands alone.
#[test]
fn exact_duplicates_whatever_the_encoding_or_name() {
    let mut analyzer = Analyzer::new();
    let seed = fs::read_to_string(root().join("seeds/001_cb0b64c34cfde53f.txt")).unwrap();
    let first = analyzer
        .add_document("a.txt", seed.as_bytes(), &mut |_| {})
        .unwrap();
    assert_eq!(first.duplicate_of, None);
    let crlf = seed.replace('\n', "\r\n");
    let (gbk, _, lossy) = encoding_rs::GB18030.encode(&crlf);
    assert!(!lossy);
    let copy = analyzer
        .add_document("另一个名字.txt", &gbk, &mut |_| {})
        .unwrap();
    assert_eq!(
        (copy.encoding.as_str(), copy.duplicate_of),
        ("GBK", Some(first.id))
    );
    let other = analyzer
        .add_text("c.txt", &seed.replace("王晓峰", "王小峰"), &mut |_| {})
        .unwrap();
    assert_eq!(other.duplicate_of, None, "one character differs");
    let infos = analyzer.documents();
    assert_eq!(infos[1].duplicate_of, Some(first.id));
    assert!(analyzer.remove_document(first.id));
    assert_eq!(analyzer.documents()[0].duplicate_of, None);
}

/// A traditional copy of seed 001 (OpenCC 1.4.2 `s2t`, `scripts/traditional_fixture.py`) is
/// read through its simplified form: the same lines are set aside as the simplified seed's,
/// its byline's source and author and its passages shared with seed 000 are found, and all of
/// it is reported in the copy's own characters and offsets. Both when the script tables are
/// there from the start (native builds) and when they come after the document (the page).
#[test]
fn a_traditional_document_is_read_and_reported_in_its_own_characters() {
    let seed = |name: &str| fs::read(root().join("seeds").join(name)).unwrap();
    let traditional = fs::read(root().join("tests/fixtures/traditional/001_s2t.txt")).unwrap();
    let own = String::from_utf8(traditional.clone())
        .unwrap()
        .replace("\r\n", "\n");

    let mut simplified = Analyzer::new();
    let s000 = simplified
        .add_document("000.txt", &seed("000_4416c66cbc1a965c.txt"), &mut |_| {})
        .unwrap()
        .id;
    let s001 = simplified
        .add_document("001.txt", &seed("001_cb0b64c34cfde53f.txt"), &mut |_| {})
        .unwrap()
        .id;
    let expected_furniture = simplified.furniture(s001).unwrap();
    let expected_passages = simplified
        .reuse_passages(s000, s001, &PassageOptions::default())
        .unwrap();
    assert_eq!(expected_passages.passages.len(), 3);

    let with_tables_first = {
        let mut a = Analyzer::new();
        a.add_document("000.txt", &seed("000_4416c66cbc1a965c.txt"), &mut |_| {})
            .unwrap();
        a.add_document("001_s2t.txt", &traditional, &mut |_| {})
            .unwrap();
        a
    };
    let tables_later = {
        let mut a = Analyzer::with_dictionary(wenxi::internals::BUILTIN_WXD).unwrap();
        a.add_document("000.txt", &seed("000_4416c66cbc1a965c.txt"), &mut |_| {})
            .unwrap();
        a.add_document("001_s2t.txt", &traditional, &mut |_| {})
            .unwrap();
        assert!(a.needs_script_data());
        assert_eq!(a.set_script_data(wenxi::internals::BUILTIN_WXS).unwrap(), 1);
        a
    };
    for (how, a) in [
        ("tables first", &with_tables_first),
        ("tables later", &tables_later),
    ] {
        let docs = a.documents();
        let (t000, t001) = (docs[0].id, docs[1].id);
        let info = &docs[1];
        assert!(info.converted, "{how}");
        assert_eq!(info.title, "大力弘揚勞模精神、勞動精神、工匠精神", "{how}");
        assert_eq!(info.source.as_deref(), Some("中工網-工人日報"), "{how}");
        assert_eq!(info.author.as_deref(), Some("王曉峯"), "{how}");
        assert_eq!(info.date.as_deref(), Some("2020-11-26"), "{how}");

        // The same lines set aside, each given as the copy's own line.
        let text = a.document_text(t001).unwrap();
        let simplified_text = simplified.document_text(s001).unwrap();
        assert_eq!(
            text.split('\n').count(),
            simplified_text.split('\n').count(),
            "{how}"
        );
        assert!(own.contains(text.split('\n').nth(7).unwrap()), "{how}");
        let furniture = a.furniture(t001).unwrap();
        let lines: Vec<(u32, String)> = furniture
            .iter()
            .map(|f| (f.line, format!("{:?}", f.kind)))
            .collect();
        let expected: Vec<(u32, String)> = expected_furniture
            .iter()
            .map(|f| (f.line, format!("{:?}", f.kind)))
            .collect();
        assert_eq!(lines, expected, "{how}");
        for f in &furniture {
            let line = text.split('\n').nth(f.line as usize).unwrap();
            assert_eq!(f.text, line, "{how}");
            let chars: String = text
                .chars()
                .skip(f.start as usize)
                .take((f.end - f.start) as usize)
                .collect();
            assert_eq!(chars, line, "{how}");
        }
        let texts: Vec<&str> = furniture.iter().map(|f| f.text.as_str()).collect();
        assert!(
            texts.iter().any(|t| t.contains("來源:中工網-工人日報")),
            "{how}: {texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.starts_with("編輯:遲語洋")),
            "{how}: {texts:?}"
        );

        // The passages shared with seed 000, at the copy's own character offsets (s2t keeps
        // every character's place here), in its own characters.
        let passages = a
            .reuse_passages(t000, t001, &PassageOptions::default())
            .unwrap();
        let spans = |p: &wenxi::ReusePassages| -> Vec<(u32, u32, u32, u32, u32)> {
            p.passages
                .iter()
                .map(|x| (x.a_start, x.a_end, x.b_start, x.b_end, x.chars))
                .collect()
        };
        assert_eq!(spans(&passages), spans(&expected_passages), "{how}");
        let slice = |start: u32, end: u32| -> String {
            text.chars()
                .skip(start as usize)
                .take((end - start) as usize)
                .collect()
        };
        let first = &passages.passages[0];
        assert!(
            slice(first.b_start, first.b_end).starts_with("一以貫之的深厚感情"),
            "{how}: {}",
            slice(first.b_start, first.b_end)
        );

        // The body counts as the simplified seed's does.
        let analysis = |a: &Analyzer, id: u32| {
            a.analyze(&AnalysisOptions {
                documents: Some(vec![id]),
                top_terms: 10_000,
                ..AnalysisOptions::default()
            })
            .unwrap()
        };
        let (ours, theirs) = (analysis(a, t001), analysis(&simplified, s001));
        assert_eq!(ours.tokens, theirs.tokens, "{how}");
        // (Ties are in vocabulary order, which differs when the copy was first segmented as
        // it is: compare the counts.)
        let terms = |x: &wenxi::Analysis| -> Vec<(String, u32)> {
            let mut terms: Vec<(String, u32)> =
                x.terms.iter().map(|t| (t.term.clone(), t.freq)).collect();
            terms.sort();
            terms
        };
        assert_eq!(terms(&ours), terms(&theirs), "{how}");
    }
}
