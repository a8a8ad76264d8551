//! What the cargo-fuzz targets (`fuzz/`, `cargo xtask fuzz`) check, run on the committed seeds
//! and on every input that ever made a target fail, byte for byte. The checks are the fuzz
//! crate's own (`fuzz/src/lib.rs`, included here), so a kept input meets exactly the
//! assertions that caught it.

// Native only: they need the dictionary compiled into native builds (`Analyzer::new`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::fs;
use std::path::Path;
use wenxi::Analyzer;

/// Every committed seed of `target`, as (file name, bytes).
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut seeds: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&path).expect("a readable seed"))
        })
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

#[test]
fn seeds_pass_the_decode_checks() {
    for (_, bytes) in seeds("decode") {
        checks::decode(&bytes);
    }
}

#[test]
fn seeds_pass_the_clean_checks() {
    for (_, bytes) in seeds("clean") {
        checks::clean_and_sentences(&bytes);
    }
}

#[test]
fn seeds_pass_the_segment_checks() {
    for (_, bytes) in seeds("segment") {
        checks::segment(checks::segmenter(), &bytes);
    }
}

#[test]
fn seeds_pass_the_analysis_checks() {
    let mut analyzer = Analyzer::new();
    for (_, bytes) in seeds("analysis") {
        checks::analysis(&mut analyzer, &bytes);
    }
}

#[test]
fn analysis_inputs_split_into_at_most_three_documents() {
    assert_eq!(checks::split_analysis_input(b""), None);
    assert_eq!(
        checks::split_analysis_input(b"\x07a\x1e\x1eb\x1e\x1ec\x1e\x1ed"),
        Some((7, vec![&b"a"[..], b"b", b"c\x1e\x1ed"]))
    );
}

// Inputs the fuzzers found, oldest first.

/// The first input each text target tried, the empty one: the clean check itself read the
/// empty text as one blank line (a fault of the check, kept so it stays fixed).
#[test]
fn empty_input() {
    checks::decode(b"");
    checks::clean_and_sentences(b"");
    checks::segment(checks::segmenter(), b"");
    checks::analysis(&mut Analyzer::new(), b"");
}
