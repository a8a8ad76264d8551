//! Generates Wenxi's dictionary, `OUT_DIR/wenxi.wxd` (WXD1, see src/dictionary/format.rs),
//! from the data files of the pinned jieba-rs (`dict.txt` and `idf.txt`), so that it is always
//! the one of the jieba-rs in `Cargo.lock`, never a copy that could drift from it. The two text
//! files are copied next to it for the test that checks the encoding is lossless. From the same
//! jieba-rs's `posseg.txt` (Python jieba's part-of-speech HMM) it generates `OUT_DIR/wenxi.wxp`
//! (WXP1, see src/posseg/format.rs).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

// The same encoder the core's tests exercise; the decoder in it is unused here.
#[allow(dead_code)]
#[path = "src/dictionary/format.rs"]
mod format;

#[allow(dead_code)]
#[path = "src/posseg/format.rs"]
mod posseg_format;

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let lock = manifest_dir.join("Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock.display());
    println!("cargo:rerun-if-env-changed=WENXI_JIEBA_DATA");

    let data_dir = match env::var_os("WENXI_JIEBA_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => find_jieba_data(&lock).unwrap_or_else(|why| {
            panic!("cannot find jieba-rs's data files ({why}); set WENXI_JIEBA_DATA to its src/data folder")
        }),
    };
    println!("cargo:rerun-if-changed=src/dictionary/format.rs");
    println!("cargo:rerun-if-changed=src/posseg/format.rs");
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    let mut texts = Vec::new();
    for name in ["dict.txt", "idf.txt"] {
        let path = data_dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        fs::write(out.join(name), &text)
            .unwrap_or_else(|e| panic!("cannot write {name} into OUT_DIR: {e}"));
        texts.push(text);
    }
    let wxd = format::encode(&texts[0], &texts[1])
        .unwrap_or_else(|why| panic!("cannot encode jieba-rs's dictionary as WXD1: {why}"));
    fs::write(out.join("wenxi.wxd"), wxd)
        .unwrap_or_else(|e| panic!("cannot write wenxi.wxd into OUT_DIR: {e}"));

    let path = data_dir.join("posseg.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let posseg =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let wxp = posseg_format::encode(&posseg)
        .unwrap_or_else(|why| panic!("cannot encode jieba-rs's posseg.txt as WXP1: {why}"));
    fs::write(out.join("wenxi.wxp"), wxp)
        .unwrap_or_else(|e| panic!("cannot write wenxi.wxp into OUT_DIR: {e}"));
}

/// The jieba-rs version locked in `Cargo.lock`, looked up in cargo's registry sources.
fn find_jieba_data(lock: &Path) -> Result<PathBuf, String> {
    let lock_text = fs::read_to_string(lock).map_err(|e| format!("{}: {e}", lock.display()))?;
    let version = locked_version(&lock_text, "jieba-rs").ok_or("jieba-rs is not in Cargo.lock")?;
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let registry_src = cargo_home.join("registry").join("src");
    let entries =
        fs::read_dir(&registry_src).map_err(|e| format!("{}: {e}", registry_src.display()))?;
    for entry in entries.flatten() {
        let candidate = entry
            .path()
            .join(format!("jieba-rs-{version}"))
            .join("src")
            .join("data");
        if candidate.join("dict.txt").is_file() && candidate.join("idf.txt").is_file() {
            return Ok(candidate);
        }
    }
    Err(format!(
        "jieba-rs-{version} is not under {}",
        registry_src.display()
    ))
}

fn locked_version(lock_text: &str, package: &str) -> Option<String> {
    let needle = format!("name = \"{package}\"");
    let mut lines = lock_text.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle {
            let version = lines
                .next()?
                .trim()
                .strip_prefix("version = \"")?
                .strip_suffix('"')?;
            return Some(version.to_string());
        }
    }
    None
}
