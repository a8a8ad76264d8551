//! The command line on traditional files, numbers and merges: `segment` prints each token's own
//! text and tag (and the word it counts as), `--merge` counts forms as one term.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

fn wenxi(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_wenxi"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A file in the system's temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("wenxi-cli-{}-{name}", std::process::id()));
        fs::write(&path, bytes).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

#[test]
fn segment_prints_the_files_own_text_its_tag_and_the_counted_word() {
    // 這裡的軟體，勞模精神。３３．５％ in Big5, as a Taiwan file would come.
    let (big5, _, _) = encoding_rs::BIG5.encode("這裡的軟體，勞模精神。33．5％");
    let file = TempFile::new("tw.txt", &big5);
    let out = wenxi(&["segment", file.path()]);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .map(|l| l.split('\t').skip(1).collect())
        .collect();
    assert!(rows.contains(&vec!["軟體", "n", "3", "5", "软件"]), "{out}");
    assert!(rows.contains(&vec!["勞模", "n", "6", "8", "劳模"]), "{out}");
    assert!(rows.contains(&vec!["精神", "n", "8", "10", ""]), "{out}");
    assert!(
        rows.contains(&vec!["33．5％", "m", "11", "16", "33.5%"]),
        "{out}"
    );
}

#[test]
fn merge_counts_forms_as_one_term() {
    let file = TempFile::new("m.txt", "劳动模范是劳模。劳动模范的精神。".as_bytes());
    let freq = |out: &str, term: &str| {
        out.lines()
            .find(|l| l.split('\t').next() == Some(term))
            .map(|l| l.split('\t').nth(2).unwrap().to_string())
    };
    let plain = wenxi(&["keywords", "--by", "freq", file.path()]);
    assert_eq!(freq(&plain, "劳模").as_deref(), Some("1"));
    assert_eq!(freq(&plain, "劳动模范").as_deref(), Some("2"));
    let merged = wenxi(&[
        "keywords",
        "--by",
        "freq",
        "--merge",
        "劳模=劳动模范,劳模",
        file.path(),
    ]);
    assert_eq!(freq(&merged, "劳模").as_deref(), Some("3"));
    assert_eq!(freq(&merged, "劳动模范"), None);
    let kwic = wenxi(&["kwic", "劳模", "--merge", "劳模=劳动模范", file.path()]);
    assert_eq!(kwic.lines().count(), 3, "{kwic}");
}
