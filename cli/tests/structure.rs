//! The commands over a corpus's structure, run as a person would: `wenxi documents`, `trends`,
//! `reuse` and `compare` on the seeds and on a folder of nested folders.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds")
}

/// `wenxi ARGS` in `dir`: exit status, stdout, stderr.
fn wenxi(args: &[&str], dir: &Path) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_wenxi"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The TSV rows (after the header) whose first cell ends with `name`.
fn rows<'a>(tsv: &'a str, name: &str) -> Vec<Vec<&'a str>> {
    tsv.lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|cells| cells[0].ends_with(name))
        .collect()
}

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

#[test]
fn documents_show_metadata_and_the_lines_set_aside() {
    let dir = seeds();
    let (ok, out, err) = wenxi(&["documents", "."], &dir);
    assert!(ok, "{err}");
    let header: Vec<&str> = out.lines().next().unwrap().split('\t').collect();
    assert_eq!(
        header[..7],
        [
            "name",
            "title",
            "date",
            "date_source",
            "source",
            "author",
            "groups"
        ]
    );
    let row = &rows(&out, "001_cb0b64c34cfde53f.txt")[0];
    assert_eq!(row[1], "大力弘扬劳模精神、劳动精神、工匠精神");
    assert_eq!((row[2], row[3]), ("2020-11-26", "text"));
    assert_eq!(
        (row[4], row[5], row[6]),
        ("中工网-工人日报", "王晓峰", "seeds")
    );
    assert_eq!(row[9], "28", "lines set aside");
    // The others have no date in their text: the file's modification time, and said so.
    let row = &rows(&out, "000_4416c66cbc1a965c.txt")[0];
    assert_eq!((row[3], row[9]), ("fileTime", "0"));

    let (ok, out, _) = wenxi(
        &["documents", "--set-aside", "001_cb0b64c34cfde53f.txt"],
        &dir,
    );
    assert!(ok);
    let lines = rows(&out, "001_cb0b64c34cfde53f.txt");
    assert_eq!(lines.len(), 28);
    assert!(lines
        .iter()
        .any(|l| l[2] == "editor" && l[4] == "编辑:迟语洋"));
    assert!(lines
        .iter()
        .any(|l| l[2] == "copyright" && l[4].starts_with("Copyright ©")));

    let (ok, out, _) = wenxi(&["documents", "--json", "001_cb0b64c34cfde53f.txt"], &dir);
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["author"], "王晓峰");
    assert_eq!(
        json[0]["groups"],
        serde_json::json!([]),
        "a file named alone has no group"
    );
    assert_eq!(json[0]["furniture"].as_array().unwrap().len(), 28);
}

#[test]
fn folders_are_groups_and_file_names_are_dates() {
    let temp = TempDir::new("groups");
    let nested = temp.0.join("news/2023/上海");
    fs::create_dir_all(&nested).unwrap();
    fs::create_dir_all(temp.0.join("news/2024")).unwrap();
    let text = "劳动模范是民族的精英，是人民的楷模。大力弘扬劳模精神、劳动精神、工匠精神。";
    fs::write(nested.join("2023-05-01_讲话.txt"), text).unwrap();
    fs::write(temp.0.join("news/2024/20240301.txt"), text.repeat(2)).unwrap();
    fs::write(temp.0.join("news/2024/notes.txt"), "劳模精神。").unwrap();
    // Hidden files and folders are skipped.
    fs::write(temp.0.join("news/.hidden.txt"), "劳模精神。").unwrap();
    fs::create_dir_all(temp.0.join("news/.git")).unwrap();
    fs::write(temp.0.join("news/.git/x.txt"), "劳模精神。").unwrap();
    let (ok, out, err) = wenxi(&["documents", "news"], &temp.0);
    assert!(ok, "{err}");
    let row = &rows(&out, "2023-05-01_讲话.txt")[0];
    assert_eq!(
        (row[2], row[3], row[6]),
        ("2023-05-01", "fileName", "news/2023/上海")
    );
    let row = &rows(&out, "20240301.txt")[0];
    assert_eq!(
        (row[2], row[3], row[6]),
        ("2024-03-01", "fileName", "news/2024")
    );
    assert_eq!(
        out.lines().count(),
        4,
        "three documents, no hidden one: {out}"
    );
    // Trends by group and by year, cut to one level and at full depth.
    let (ok, out, err) = wenxi(
        &[
            "trends",
            "劳模",
            "news",
            "--by",
            "group",
            "--group-depth",
            "2",
        ],
        &temp.0,
    );
    assert!(ok, "{err}");
    let bins: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(bins, ["news/2023", "news/2024"]);
    let (ok, out, _) = wenxi(&["trends", "劳模", "精神", "news", "--by", "year"], &temp.0);
    assert!(ok);
    let cells: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    // 2023: one document; 2024: one dated by its name, and notes.txt by its file time (now).
    assert_eq!(
        (cells[0][0], cells[0][2], cells[0][4], cells[0][5]),
        ("2023", "1", "劳模", "1")
    );
    assert_eq!(
        (cells[1][0], cells[1][4], cells[1][5]),
        ("2023", "精神", "3")
    );
    assert!(cells
        .iter()
        .any(|c| c[0] == "2024" && c[4] == "劳模" && c[5] == "2"));
}

#[test]
fn trends_reuse_and_compare_on_the_seeds() {
    let dir = seeds();
    let (ok, out, err) = wenxi(&["trends", "劳模", "工匠精神", "."], &dir);
    assert!(ok, "{err}");
    let row = rows(&out, "001_cb0b64c34cfde53f.txt");
    assert_eq!((row[0][4], row[0][5], row[0][6]), ("劳模", "19", "290.08"));
    assert_eq!((row[1][4], row[1][5]), ("工匠精神", "6"));
    // The terms end where the paths begin: a missing path is not taken for a term.
    let (ok, _, err) = wenxi(&["trends", "劳模", "no-such-folder"], &dir);
    assert!(!ok && err.contains("files or directories"), "{err}");

    let (ok, out, err) = wenxi(&["reuse", "."], &dir);
    assert!(ok, "{err}");
    let pair = &rows(&out, "000_4416c66cbc1a965c.txt")[0];
    assert!(pair[1].ends_with("001_cb0b64c34cfde53f.txt"));
    assert_eq!((pair[2], pair[3], pair[8]), ("3", "257", "132"));
    let (ok, out, _) = wenxi(&["reuse", "--passages", "."], &dir);
    assert!(ok);
    let mut runs: Vec<&str> = rows(&out, "000_4416c66cbc1a965c.txt")
        .iter()
        .map(|r| r[2])
        .collect();
    runs.sort();
    assert_eq!(runs, ["132", "60", "65"]);
    let (ok, out, _) = wenxi(&["reuse", "--min-chars", "100", "."], &dir);
    assert!(ok);
    assert_eq!(
        out.lines().count(),
        2,
        "one pair shares 100 characters: {out}"
    );
    let (ok, _, err) = wenxi(&["reuse", "--min-chars", "3", "."], &dir);
    assert!(!ok && err.contains("minChars"), "{err}");

    let (ok, out, err) = wenxi(
        &["compare", "--target", "001_cb0b64c34cfde53f.txt", "."],
        &dir,
    );
    assert!(ok, "{err}");
    assert_eq!(out.lines().nth(1).unwrap().split('\t').next(), Some("劳模"));
    // Against one other document instead of the rest.
    let (ok, out, _) = wenxi(
        &[
            "compare",
            "--target",
            "001_cb0b64c34cfde53f.txt",
            "--reference",
            "000_4416c66cbc1a965c.txt",
            "--json",
        ],
        &dir,
    );
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        json["referenceTokens"].as_u64().unwrap() < 4000,
        "only 000 is the reference"
    );
}

#[test]
fn the_switches_count_furniture_and_reused_passages() {
    let dir = seeds();
    let count = |args: &[&str]| -> u32 {
        let (ok, out, err) = wenxi(args, &dir);
        assert!(ok, "{err}");
        out.lines()
            .skip(1)
            .find(|l| l.starts_with("中工网\t") || l.starts_with("一以贯之\t"))
            .map_or(0, |l| l.split('\t').nth(2).unwrap().parse().unwrap())
    };
    let keywords = ["keywords", "--by", "freq", "--top", "100000", "."];
    assert_eq!(count(&keywords), 12, "一以贯之 in the seeds");
    // The three in 001 are in a passage 000 has (the run of 60 characters): counted once.
    assert_eq!(count(&[&keywords[..], &["--count-once"]].concat()), 9);
    let one = [
        "keywords",
        "--by",
        "freq",
        "--top",
        "100000",
        "001_cb0b64c34cfde53f.txt",
    ];
    let with = [&one[..], &["--with-furniture"]].concat();
    let (_, out, _) = wenxi(&with, &dir);
    assert!(
        out.lines().any(|l| l.starts_with("中工网\t")),
        "counted with --with-furniture"
    );
    let (_, out, _) = wenxi(&one, &dir);
    assert!(
        !out.lines().any(|l| l.starts_with("中工网\t")),
        "set aside by default"
    );
}
