//! Wenxi's segmenter against Python jieba 0.42.1 `jieba.lcut` on the seeds, token for
//! token. The reference is made by `scripts/jieba_reference.py`; the only differences
//! allowed are listed in `KNOWN_DIFFERENCES`, each with its reason.

// Native only: they need the dictionary compiled into native builds (`Analyzer::new`).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;
use wenxi::internals::Segmenter;

/// The one known difference: jieba-rs keeps a run of ASCII letters and digits joined by
/// `-` or `.` as one token (`2020-11-26`, `010-84151598`, `www.workercn.cn`), where
/// Python jieba 0.42.1 buffers only letters and digits and so splits at each `-` and `.`.
/// Both keep the same characters; Wenxi's number filter drops dates and phone numbers
/// either way.
fn is_known_difference(ours: &[&str], theirs: &[&str]) -> bool {
    ours.len() == 1
        && ours[0].is_ascii()
        && ours[0].contains(['-', '.'])
        && theirs.concat() == ours[0]
        && theirs
            .iter()
            .all(|t| t.chars().all(|c| c.is_ascii_alphanumeric()) || *t == "-" || *t == ".")
}

#[test]
fn segmentation_agrees_with_python_jieba_on_the_seeds() {
    let segmenter = Segmenter::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut report = String::new();
    let mut seeds: Vec<_> = fs::read_dir(root.join("seeds"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    seeds.sort();
    let mut compared = 0;
    for seed in seeds
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let text = fs::read_to_string(seed).unwrap();
        let fixture = root
            .join("tests/fixtures/jieba-py")
            .join(seed.file_stem().unwrap())
            .with_extension("tokens");
        let expected: Vec<String> = fs::read_to_string(&fixture)
            .unwrap_or_else(|e| {
                panic!("{}: {e}; run scripts/jieba_reference.py", fixture.display())
            })
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let got = segmenter.cut(&text);
        compared += 1;
        report.push_str(&diff(&seed.display().to_string(), &got, &expected));
    }
    assert_eq!(compared, 5, "expected the five seeds");
    assert!(
        report.is_empty(),
        "segmentation differs from Python jieba:\n{report}"
    );
}

/// Walk both token lists in step, resynchronising on byte position; return the
/// differences that are not known.
fn diff(name: &str, got: &[&str], expected: &[String]) -> String {
    let mut out = String::new();
    let (mut i, mut j, mut pos_i, mut pos_j) = (0, 0, 0usize, 0usize);
    while i < got.len() || j < expected.len() {
        if pos_i == pos_j && i < got.len() && j < expected.len() && got[i] == expected[j] {
            pos_i += got[i].len();
            pos_j += expected[j].len();
            i += 1;
            j += 1;
            continue;
        }
        // Collect the differing span until both sides meet at the same position again.
        let (start_i, start_j) = (i, j);
        loop {
            if pos_i <= pos_j && i < got.len() {
                pos_i += got[i].len();
                i += 1;
            } else if j < expected.len() {
                pos_j += expected[j].len();
                j += 1;
            } else {
                pos_i += got.get(i).map_or(0, |t| t.len());
                i += 1;
            }
            if pos_i == pos_j || (i >= got.len() && j >= expected.len()) {
                break;
            }
        }
        let ours: Vec<&str> = got[start_i..i.min(got.len())].to_vec();
        let theirs: Vec<&str> = expected[start_j..j.min(expected.len())]
            .iter()
            .map(String::as_str)
            .collect();
        if !is_known_difference(&ours, &theirs) {
            out.push_str(&format!("{name}: jieba-rs {ours:?} vs Python {theirs:?}\n"));
        }
    }
    out
}
