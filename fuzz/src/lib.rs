//! The checks the fuzz targets run on each input, shared with the regression tests:
//! `tests/fuzz_regressions.rs` includes this file (`#[path]`), so a crashing input kept
//! there goes through exactly the checks that found it. Every function takes raw bytes,
//! as libFuzzer hands them over; text targets read them as UTF-8 with `from_utf8_lossy`
//! so that every input means something.

use std::borrow::Cow;
use wenxi::internals::{clean, sentences, Segmenter};
use wenxi::{
    AnalysisOptions, Analyzer, FilterOptions, KeynessOptions, KeywordWeight, KwicOptions, KwicSort,
    Measure, Unit,
};

/// Separates the documents of an `analysis` input (after its first byte, the option selector).
pub const DOCUMENT_SEPARATOR: &[u8] = b"\x1e\x1e";
/// An `analysis` input holds at most this many documents (the last takes the rest).
pub const MAX_DOCUMENTS: usize = 3;

fn lossy(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// `decode`: never panics; what it accepts has something besides whitespace and controls,
/// and valid UTF-8 that it reads as plain UTF-8 comes back unchanged.
pub fn decode(data: &[u8]) {
    let Ok(decoded) = wenxi::internals::decode("fuzz.txt", data) else {
        return;
    };
    assert!(
        decoded
            .text
            .chars()
            .any(|c| !(c.is_whitespace() || c == '\u{feff}' || c.is_control())),
        "accepted a blank text"
    );
    if decoded.encoding == "UTF-8" {
        assert_eq!(decoded.text.as_bytes(), data, "UTF-8 must be read as it is");
    }
}

/// Checks a cleaned text and its sentences; returns the sentence ranges.
fn check_clean(text: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let cleaned = clean(text);
    assert_eq!(clean(&cleaned), cleaned, "clean is idempotent");
    assert!(!cleaned.contains('\r'), "no carriage returns");
    for line in cleaned.split('\n').filter(|_| !cleaned.is_empty()) {
        assert!(!line.is_empty(), "no blank lines: {cleaned:?}");
        assert!(
            !line.starts_with(' ') && !line.ends_with(' ') && !line.contains("  "),
            "spaces trimmed and collapsed: {line:?}"
        );
    }
    let ranges = sentences(&cleaned);
    let mut previous_end = 0;
    for range in &ranges {
        assert!(range.start < range.end, "empty sentence {range:?}");
        assert!(
            range.end <= cleaned.len(),
            "sentence {range:?} out of bounds"
        );
        assert!(
            cleaned.is_char_boundary(range.start) && cleaned.is_char_boundary(range.end),
            "sentence {range:?} not on char boundaries"
        );
        assert!(
            range.start >= previous_end,
            "sentences overlap or go backwards"
        );
        let between = &cleaned[previous_end..range.start];
        assert!(
            between.trim().is_empty(),
            "text between sentences is lost: {between:?}"
        );
        let sentence = &cleaned[range.clone()];
        assert_eq!(sentence, sentence.trim(), "sentences are trimmed");
        assert!(!sentence.contains('\n'), "a sentence never spans lines");
        previous_end = range.end;
    }
    assert!(
        cleaned[previous_end..].trim().is_empty(),
        "text after the last sentence is lost"
    );
    (cleaned, ranges)
}

/// `clean`: clean and sentences on any text: sentence ranges in bounds, on char
/// boundaries, increasing and non-overlapping, covering all but whitespace; clean is
/// idempotent and keeps its promises (no CR, no blank lines, spaces trimmed and collapsed).
pub fn clean_and_sentences(data: &[u8]) {
    check_clean(&lossy(data));
}

/// The segmenter, built once (building jieba's dictionary is the costly step).
pub fn segmenter() -> &'static Segmenter {
    static SEGMENTER: std::sync::OnceLock<Segmenter> = std::sync::OnceLock::new();
    SEGMENTER.get_or_init(Segmenter::new)
}

/// `segment`: every sentence of the cleaned text, segmented, is tiled exactly by its
/// tokens: contiguous, non-empty, on char boundaries, each the text at its offset.
pub fn segment(segmenter: &Segmenter, data: &[u8]) {
    let (cleaned, ranges) = check_clean(&lossy(data));
    for range in ranges {
        let sentence = &cleaned[range];
        let mut expected_at = 0;
        segmenter.tag_each(sentence, |word, tag, at| {
            assert_eq!(at, expected_at, "tokens are contiguous in {sentence:?}");
            assert!(!word.is_empty(), "empty token in {sentence:?}");
            assert!(!tag.is_empty(), "token {word:?} has no tag");
            let end = at + word.len();
            assert!(end <= sentence.len(), "token {word:?} out of bounds");
            assert!(
                sentence.is_char_boundary(at) && sentence.is_char_boundary(end),
                "token {word:?} not on char boundaries"
            );
            assert_eq!(&sentence[at..end], word, "token is the text at its offset");
            expected_at = end;
        });
        assert_eq!(expected_at, sentence.len(), "tokens cover {sentence:?}");
    }
}

/// The documents of an `analysis` input: the selector byte, then up to
/// [`MAX_DOCUMENTS`] documents separated by [`DOCUMENT_SEPARATOR`].
pub fn split_analysis_input(data: &[u8]) -> Option<(u8, Vec<&[u8]>)> {
    let (&selector, mut rest) = data.split_first()?;
    let mut documents = Vec::new();
    while documents.len() + 1 < MAX_DOCUMENTS {
        let Some(at) = rest
            .windows(DOCUMENT_SEPARATOR.len())
            .position(|w| w == DOCUMENT_SEPARATOR)
        else {
            break;
        };
        documents.push(&rest[..at]);
        rest = &rest[at + DOCUMENT_SEPARATOR.len()..];
    }
    documents.push(rest);
    Some((selector, documents))
}

/// The analysis options a selector byte stands for: bit 0 the unit, bits 1-3 the measure
/// and the keyword weight, bit 4 filters off, bit 5 minimum counts of 1, bits 6-7 the
/// window, the number of nodes and the KWIC sort.
pub fn options_of(selector: u8) -> AnalysisOptions {
    let mut options = AnalysisOptions::default();
    options.network.unit = if selector & 1 == 0 {
        Unit::Sentence
    } else {
        Unit::Window
    };
    let kind = usize::from((selector >> 1) & 7);
    options.network.measure = [
        Measure::Count,
        Measure::Jaccard,
        Measure::Dice,
        Measure::Npmi,
        Measure::Llr,
    ][kind % 5];
    options.keyword_weight = [
        KeywordWeight::Freq,
        KeywordWeight::Tfidf,
        KeywordWeight::TfidfCorpus,
        KeywordWeight::Textrank,
    ][kind % 4];
    if selector & 0x10 != 0 {
        options.filter = FilterOptions {
            stop_words: false,
            user_stop_words: false,
            punctuation: false,
            numbers: false,
            single_chars: false,
            ..FilterOptions::default()
        };
    }
    if selector & 0x20 != 0 {
        options.network.min_count = 1;
        options.phrases.min_count = 1;
        options.filter.min_frequency = 1;
    }
    let size = usize::from(selector >> 6);
    options.network.window = [0, 1, 2, 5][size];
    options.network.nodes = [0, 1, 3, 60][size];
    options.top_terms = [0, 1, 5, 200][size];
    options
}

fn check_analysis(analyzer: &Analyzer, options: &AnalysisOptions) {
    let analysis = analyzer
        .analyze(options)
        .expect("valid options always analyse");
    assert!(analysis.terms.len() <= options.top_terms as usize);
    assert!(analysis.term_tokens <= analysis.tokens);
    for term in &analysis.terms {
        assert!(term.freq > 0 && term.doc_freq > 0, "{term:?}");
        assert!(
            term.tfidf.is_some_and(f64::is_finite)
                && term.tfidf_corpus.is_finite()
                && term.textrank.is_finite(),
            "{term:?}"
        );
    }
    let network = &analysis.network;
    assert!(network.nodes.len() <= options.network.nodes as usize);
    assert!(network.edges.len() <= options.network.max_edges as usize);
    for edge in &network.edges {
        assert!(
            (edge.source as usize) < network.nodes.len()
                && (edge.target as usize) < network.nodes.len(),
            "{edge:?} points outside the nodes"
        );
        assert!(edge.count >= options.network.min_count.max(1), "{edge:?}");
        let (low, high) = match options.network.measure {
            Measure::Count | Measure::Llr => (f64::NEG_INFINITY, f64::INFINITY),
            Measure::Jaccard | Measure::Dice => (0.0, 1.0),
            Measure::Npmi => (-1.0, 1.0),
        };
        assert!(
            edge.score.is_finite() && edge.score >= low && edge.score <= high,
            "{:?} score out of range: {edge:?}",
            options.network.measure
        );
    }
    for phrase in &analysis.phrases {
        assert!(phrase.count >= options.phrases.min_count, "{phrase:?}");
        assert!(
            phrase.score.is_finite() && phrase.pmi.is_finite() && phrase.llr.is_finite(),
            "{phrase:?}"
        );
        assert_eq!(phrase.parts.concat(), phrase.phrase, "{phrase:?}");
    }
}

/// `analysis`: up to three documents added as files (errors are fine), analysed with the
/// default options and with those of the selector byte; KWIC of a token of the text;
/// keyness of the first document; the segment view; then one document removed and the
/// list checked. Leaves `analyzer` with the documents it had before.
pub fn analysis(analyzer: &mut Analyzer, data: &[u8]) {
    let Some((selector, documents)) = split_analysis_input(data) else {
        return;
    };
    let before = analyzer.documents().len();
    let mut ids = Vec::new();
    for (i, bytes) in documents.iter().enumerate() {
        let mut last = 0.0;
        let added = analyzer.add_document(&format!("doc{i}.txt"), bytes, &mut |fraction| {
            assert!(
                (last..=1.0).contains(&fraction),
                "progress {fraction} after {last}"
            );
            last = fraction;
        });
        if let Ok(info) = added {
            assert!(info.chars > 0);
            ids.push(info.id);
        }
    }
    assert_eq!(analyzer.documents().len(), before + ids.len());

    check_analysis(analyzer, &AnalysisOptions::default());
    check_analysis(analyzer, &options_of(selector));

    if let Some(&first) = ids.first() {
        let info = analyzer
            .documents()
            .into_iter()
            .find(|d| d.id == first)
            .expect("just added");
        let tokens = analyzer.segment(first).expect("the document is there");
        let words = tokens
            .iter()
            .filter(|t| !t.word.chars().all(char::is_whitespace))
            .count();
        assert_eq!(
            words, info.tokens as usize,
            "tokens counts all but whitespace"
        );
        let text: Vec<char> = analyzer
            .document_text(first)
            .expect("the document is there")
            .chars()
            .collect();
        assert_eq!(text.len(), info.chars as usize);
        let mut previous_end = 0;
        for token in &tokens {
            assert!(
                token.start >= previous_end && token.start <= token.end && token.end <= info.chars,
                "{token:?}"
            );
            let at: String = text[token.start as usize..token.end as usize]
                .iter()
                .collect();
            assert_eq!(at, token.text, "the segment view's character offsets");
            previous_end = token.end;
        }

        if !tokens.is_empty() {
            let token = &tokens[usize::from(selector) % tokens.len()];
            let term = token.word.trim();
            let sort = [
                KwicSort::Position,
                KwicSort::Left,
                KwicSort::Right,
                KwicSort::Position,
            ][usize::from(selector >> 6)];
            let kwic = analyzer
                .kwic(
                    &token.word,
                    &KwicOptions {
                        width: u32::from(selector % 30),
                        limit: 50,
                        sort,
                        ..KwicOptions::default()
                    },
                )
                .expect("a valid width");
            assert!(kwic.lines.len() <= 50 && kwic.lines.len() <= kwic.total as usize);
            if !term.is_empty() {
                assert!(
                    kwic.total >= 1,
                    "{term:?} is in the text but KWIC misses it"
                );
            }
            // Each line's keyword is its document's own text at its offset (a traditional
            // document's characters, a number's full-width form: not always the term's).
            for line in &kwic.lines {
                let text: Vec<char> = analyzer
                    .document_text(line.doc_id)
                    .expect("the document is there")
                    .chars()
                    .collect();
                let at = line.offset as usize;
                let keyword: String = text[at..at + line.keyword.chars().count()].iter().collect();
                assert_eq!(keyword, line.keyword);
                assert!(!line.keyword.is_empty());
            }
        }

        let keyness = analyzer
            .keyness(&[first], &KeynessOptions::default())
            .expect("the document is there");
        for term in &keyness.terms {
            assert!(
                term.llr.is_finite() && term.log_ratio.is_finite(),
                "{term:?}"
            );
        }

        let gone = ids[usize::from(selector) % ids.len()];
        let count = analyzer.documents().len();
        assert!(analyzer.remove_document(gone));
        let after = analyzer.documents();
        assert_eq!(after.len(), count - 1, "the list shrank by one");
        assert!(after.iter().all(|d| d.id != gone));
        assert!(!analyzer.remove_document(gone), "removed twice");
        check_analysis(analyzer, &options_of(selector));
    }
    for id in ids {
        analyzer.remove_document(id);
    }
    assert_eq!(analyzer.documents().len(), before);
}
