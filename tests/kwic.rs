//! Keyword in context over several documents: every line's offset points at its term in the
//! document's text, whatever the order and the limit.

// Native only: they need the dictionary compiled into native builds (`Analyzer::new`).
#![cfg(not(target_arch = "wasm32"))]

use wenxi::{Analyzer, KwicOptions, KwicSort};

fn analyzer() -> Analyzer {
    let mut analyzer = Analyzer::new();
    let first = "工会组织职工。😀 𠀀工会维护职工权益！\n第二段：工会、职工和劳模。".repeat(30);
    let second = "Trade unions 工会 and workers 职工 — 工会。".repeat(40);
    for (name, text) in [("一.txt", first), ("二.txt", second)] {
        analyzer.add_text(name, &text, &mut |_| {}).unwrap();
    }
    analyzer
}

/// The term is at `offset` characters into its document, with `left` just before it.
fn assert_lines_point_at_the_term(analyzer: &Analyzer, options: &KwicOptions) -> u32 {
    let kwic = analyzer.kwic("工会", options).unwrap();
    for line in &kwic.lines {
        let text = analyzer.document_text(line.doc_id).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let at = line.offset as usize;
        let found: String = chars[at..at + 2].iter().collect();
        assert_eq!(found, "工会", "offset {} in {}", at, line.doc_name);
        let before: String = chars[at.saturating_sub(line.left.chars().count())..at]
            .iter()
            .map(|&c| if c == '\n' { ' ' } else { c })
            .collect();
        assert_eq!(before, line.left);
    }
    kwic.total
}

/// How often segmentation made 工会 a token of its own: the lines KWIC must find.
fn tokens_of_the_term(analyzer: &Analyzer) -> u32 {
    let mut count = 0;
    for doc in analyzer.documents() {
        let tokens = analyzer.segment(doc.id).unwrap();
        count += tokens.iter().filter(|t| t.word == "工会").count() as u32;
    }
    assert!(count > 100, "the test text lost its 工会: {count}");
    count
}

#[test]
fn offsets_are_right_in_every_order() {
    let analyzer = analyzer();
    for sort in [KwicSort::Position, KwicSort::Left, KwicSort::Right] {
        let options = KwicOptions {
            sort,
            width: 6,
            ..Default::default()
        };
        assert_eq!(
            assert_lines_point_at_the_term(&analyzer, &options),
            tokens_of_the_term(&analyzer)
        );
    }
}

#[test]
fn the_limit_keeps_the_first_lines_and_the_total() {
    let analyzer = analyzer();
    let all = analyzer.kwic("工会", &KwicOptions::default()).unwrap();
    let options = KwicOptions {
        limit: 7,
        ..Default::default()
    };
    let some = analyzer.kwic("工会", &options).unwrap();
    assert_eq!(
        (some.total, some.lines.len()),
        (tokens_of_the_term(&analyzer), 7)
    );
    assert_eq!(some.lines, all.lines[..7]);
    assert_lines_point_at_the_term(&analyzer, &options);
}
