//! Files are segmented on several threads at once (rayon) and added in their order: the output
//! does not depend on how many threads there are, and the files that cannot be read are
//! reported in order, the others still analysed.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

fn wenxi(threads: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wenxi"))
        .env("RAYON_NUM_THREADS", threads)
        .args(args)
        .output()
        .unwrap()
}

/// A directory of files in the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn any_number_of_threads_gives_the_same_output_in_the_files_order() {
    let dir =
        TempDir(std::env::temp_dir().join(format!("wenxi-cli-parallel-{}", std::process::id())));
    fs::create_dir_all(&dir.0).unwrap();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let mut names = Vec::new();
    for (i, entry) in fs::read_dir(&seeds).unwrap().enumerate() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            // Named so that their order is not the order read_dir gives.
            let name = format!("{:02}.txt", 20 - i);
            fs::copy(&path, dir.0.join(&name)).unwrap();
            names.push(name);
        }
    }
    fs::write(dir.0.join("03-broken.txt"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    fs::write(dir.0.join("04-blank.txt"), "  \n ").unwrap();
    let path = dir.0.to_str().unwrap();

    let one = wenxi("1", &["segment", path]);
    let four = wenxi("4", &["segment", path]);
    assert_eq!(one.status.code(), Some(1), "two files are refused");
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(one.stderr, four.stderr);
    let stderr = String::from_utf8(four.stderr).unwrap();
    let broken = stderr
        .find("03-broken.txt")
        .expect("the broken file is reported");
    let blank = stderr
        .find("04-blank.txt")
        .expect("the blank file is reported");
    assert!(broken < blank, "{stderr}");
    // Every readable file, in the order of their names.
    let stdout = String::from_utf8(four.stdout).unwrap();
    let mut order: Vec<&str> = Vec::new();
    for line in stdout.lines() {
        let file = line.split('\t').next().unwrap();
        if order.last() != Some(&file) {
            order.push(file);
        }
    }
    names.sort();
    let expected: Vec<String> = names
        .iter()
        .map(|n| dir.0.join(n).display().to_string())
        .collect();
    assert_eq!(order, expected);

    let keywords = |threads| wenxi(threads, &["keywords", "--top", "30", path]).stdout;
    assert_eq!(keywords("1"), keywords("3"));
}

/// The analyses of one call run at once (the core's `parallel` feature), and the passes of the
/// phrases and the network over the documents are shared out among the threads: keywords,
/// TextRank, the network and the phrases are the same, byte for byte (JSON: every digit of
/// every score), on one thread and on two or three.
#[test]
fn the_analyses_are_the_same_on_one_thread_and_on_two() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let seeds = seeds.to_str().unwrap();
    for args in [
        &["keywords", "--by", "textrank", "--top", "40", seeds][..],
        &["keywords", "--by", "tfidf-corpus", "--json", seeds],
        &["network", "--measure", "llr", seeds],
        &["network", "--unit", "window", seeds],
        &["network", "--json", seeds],
        &["phrases", "--min-count", "2", seeds],
        &["phrases", "--min-count", "2", "--json", seeds],
    ] {
        let one = wenxi("1", args);
        assert!(one.status.success(), "{args:?}");
        assert!(!one.stdout.is_empty(), "{args:?}");
        for threads in ["2", "3"] {
            assert_eq!(
                one.stdout,
                wenxi(threads, args).stdout,
                "{args:?} on {threads}"
            );
        }
    }
}
