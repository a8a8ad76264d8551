//! Directories are walked without following symbolic links unless `--follow-links` says so;
//! with it, a link back to an ancestor (a loop) is reported on stderr and every file is still
//! read once. (Before walkdir, `self -> .` made the command read one file 41 times.)
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Command;

const TEXT: &str = "大力弘扬劳模精神、劳动精神、工匠精神。";

/// A fresh directory under the system's temporary one, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("wenxi-cli-{label}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// `corpus/one.txt`, `corpus/self -> .` (a loop) and `corpus/more -> ../elsewhere`, a link to
/// a directory holding `two.txt`.
fn corpus_with_links(label: &str) -> (TempDir, PathBuf) {
    let temp = TempDir::new(label);
    let corpus = temp.0.join("corpus");
    let elsewhere = temp.0.join("elsewhere");
    fs::create_dir_all(&corpus).unwrap();
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(corpus.join("one.txt"), TEXT).unwrap();
    fs::write(elsewhere.join("two.txt"), TEXT).unwrap();
    symlink(".", corpus.join("self")).unwrap();
    symlink("../elsewhere", corpus.join("more")).unwrap();
    (temp, corpus)
}

/// `wenxi segment --json ARGS`: the exit status, the names of the documents read, stderr.
fn documents_read(args: &[&str], dir: &Path) -> (bool, Vec<String>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_wenxi"))
        .args(["segment", "--json"])
        .args(args)
        .arg(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let docs: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {stderr}"));
    let names = docs
        .as_array()
        .expect("a list of documents")
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect();
    (output.status.success(), names, stderr)
}

fn file_names(paths: &[String]) -> Vec<&str> {
    paths
        .iter()
        .map(|p| p.rsplit('/').next().unwrap())
        .collect()
}

#[test]
fn links_are_not_followed_by_default() {
    let (_temp, corpus) = corpus_with_links("default");
    let (ok, names, stderr) = documents_read(&[], &corpus);
    assert!(ok, "{stderr}");
    assert_eq!(file_names(&names), ["one.txt"], "{names:?}");
    // Each skipped link is mentioned, with the flag that would follow it.
    for link in ["more", "self"] {
        assert!(
            stderr.contains(&format!("corpus/{link}")) && stderr.contains("--follow-links"),
            "{link}: {stderr}"
        );
    }
}

#[test]
fn follow_links_reads_each_file_once_and_reports_the_loop() {
    let (_temp, corpus) = corpus_with_links("follow");
    let (ok, names, stderr) = documents_read(&["--follow-links"], &corpus);
    assert!(ok, "a loop is a warning, not a failure: {stderr}");
    assert_eq!(file_names(&names), ["two.txt", "one.txt"], "{names:?}");
    assert!(names[0].ends_with("corpus/more/two.txt"), "{names:?}");
    let loops: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("corpus/self"))
        .collect();
    assert_eq!(loops.len(), 1, "{stderr}");
    assert!(loops[0].contains("loop"), "{stderr}");
}
