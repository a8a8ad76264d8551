//! What the golden tests share: the project's root, the seeds, an analyzer holding them, and the
//! comparison with a golden file (rewritten when `WENXI_BLESS` is set).
// Each test crate uses part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use wenxi::Analyzer;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seeds' .txt files, in name order.
pub fn seeds() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(root().join("seeds"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

/// An analyzer with the five seeds added, in name order.
pub fn seeded_analyzer() -> Analyzer {
    let mut analyzer = Analyzer::new();
    for path in seeds() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        analyzer
            .add_document(&name, &fs::read(&path).unwrap(), &mut |_| {})
            .unwrap();
    }
    analyzer
}

/// Compares `actual` with the golden file `path` (under tests/golden/), or rewrites it when
/// blessing; `test` names the test target, for the message that says how to bless.
pub fn check_golden(path: &str, actual: &str, test: &str) {
    let path = root().join("tests/golden").join(path);
    if std::env::var_os("WENXI_BLESS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run WENXI_BLESS=1 cargo test --test {test}",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the golden file at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             If the change is intended: WENXI_BLESS=1 cargo test --test {test}, then review git diff.",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}
