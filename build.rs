//! Generates Wenxi's dictionary, `OUT_DIR/wenxi.wxd` (WXD2, see src/dictionary/format.rs), and
//! its IDF table, `OUT_DIR/wenxi.wxi` (WXI1, the same file), from the data files of the pinned
//! jieba-rs (`dict.txt` and `idf.txt`), so that they are always the ones of the jieba-rs in
//! `Cargo.lock`, never a copy that could drift from it. The two text
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

// (Its decoder is unused here: the file allows dead code outside tests.)
#[path = "src/posseg/format.rs"]
mod posseg_format;

#[path = "src/script/dict.rs"]
mod script_dict;

use script_dict::{convert_string, parse_opencc, Dict};

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
    let (wxd, wxi) = format::encode(&texts[0], &texts[1])
        .unwrap_or_else(|why| panic!("cannot encode jieba-rs's dictionary as WXD2: {why}"));
    // Its checksum, for the core to know its own dictionary (src/dictionary.rs, BUILT_WXD).
    fs::write(
        out.join("wenxi.wxd.checksum"),
        format!("0x{:016x}_u64", format::checksum(&wxd)),
    )
    .unwrap_or_else(|e| panic!("cannot write wenxi.wxd.checksum into OUT_DIR: {e}"));
    fs::write(out.join("wenxi.wxd"), wxd)
        .unwrap_or_else(|e| panic!("cannot write wenxi.wxd into OUT_DIR: {e}"));
    fs::write(out.join("wenxi.wxi"), wxi)
        .unwrap_or_else(|e| panic!("cannot write wenxi.wxi into OUT_DIR: {e}"));

    let path = data_dir.join("posseg.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let posseg =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let wxp = posseg_format::encode(&posseg)
        .unwrap_or_else(|why| panic!("cannot encode jieba-rs's posseg.txt as WXP1: {why}"));
    fs::write(out.join("wenxi.wxp"), wxp)
        .unwrap_or_else(|e| panic!("cannot write wenxi.wxp into OUT_DIR: {e}"));

    let (wxs, detect) = script_tables(&manifest_dir.join("src/data/opencc"), &texts[0]);
    fs::write(out.join("wenxi.wxs"), wxs)
        .unwrap_or_else(|e| panic!("cannot write wenxi.wxs into OUT_DIR: {e}"));
    fs::write(out.join("script-detect.bin"), detect)
        .unwrap_or_else(|e| panic!("cannot write script-detect.bin into OUT_DIR: {e}"));
}

/// Taiwan/Hong Kong words whose plain simplified form is a jieba word at least this frequent
/// are mainland words in their own right (建立, 资讯): not converted.
const MAINLAND_WORD_FREQ: u64 = 100;
/// The CJK Unified Ideographs block, where the script of a text shows.
const DETECT_FROM: u32 = 0x4E00;
const DETECT_TO: u32 = 0x9FFF;

/// WXS1 (the OpenCC tables of src/data/opencc, as src/script.rs uses them; see its README)
/// and the script-detection bitsets: which characters only traditional text has, which only
/// simplified text has.
fn script_tables(dir: &Path, jieba_dict: &str) -> (Vec<u8>, Vec<u8>) {
    let read = |name: &str| {
        let path = dir.join(format!("{name}.txt"));
        println!("cargo:rerun-if-changed={}", path.display());
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    };
    let table = |names: &[&str]| {
        let texts: Vec<String> = names.iter().map(|n| read(n)).collect();
        Dict::new(texts.iter().flat_map(|t| parse_opencc(t)))
    };
    let ts_chars = table(&["TSCharacters"]);
    let st_chars = table(&["STCharacters"]);

    // Regional words (Taiwan/Hong Kong → mainland), keyed and valued in simplified form, for
    // whole tokens of traditional documents; not those whose plain conversion is a common
    // mainland word in its own right.
    let ts_phrases = table(&["TSPhrases"]);
    let freq: std::collections::HashMap<&str, u64> = jieba_dict
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            Some((f.next()?, f.next()?.parse().ok()?))
        })
        .collect();
    let regional_words = |name: &str| {
        let text = read(name);
        let mut words = Dict::default();
        for (key, value) in parse_opencc(&text) {
            let key = convert_string(&[&ts_phrases, &ts_chars], key);
            let value = convert_string(&[&ts_phrases, &ts_chars], value);
            if key != value && freq.get(key.as_str()).copied().unwrap_or(0) < MAINLAND_WORD_FREQ {
                words.insert(&key, &value);
            }
        }
        words
    };

    // STPhrases for showing terms, which are words: without the entries whose key converts to
    // their value anyway, through the other entries and STCharacters (39,000 of 49,000).
    // Shortest keys first, so that each is checked against the shorter entries that stay.
    // (In running text such an entry can still matter, by keeping a longer key that starts
    // inside it from matching; a term has no text around it.)
    let mut st_phrases = table(&["STPhrases", "STPhrases_GeneratedFromRegionalPhrases"]);
    let mut entries: Vec<(String, String)> = st_phrases
        .entries()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    entries.sort_by_key(|(k, _)| k.chars().count());
    for (key, value) in &entries {
        st_phrases.remove(key);
        if convert_string(&[&st_phrases, &st_chars], key) != *value {
            st_phrases.insert(key, value);
        }
    }

    let tables = [
        ("normalize", table(&["CJK_Compatibility_Ideographs"])),
        ("ts_phrases", ts_phrases.clone()),
        ("ts_chars", ts_chars.clone()),
        ("tw_words", regional_words("TWPhrasesRev")),
        ("hk_words", regional_words("HKPhrasesRev")),
        (
            "variant_phrases",
            table(&["TWVariantsRevPhrases", "HKVariantsRevPhrases"]),
        ),
        ("variants", table(&["TWVariantsRev", "HKVariantsRev"])),
        ("st_phrases", st_phrases),
        ("st_chars", st_chars.clone()),
        ("tw_variant_phrases", table(&["TWVariantsPhrases"])),
        ("tw_variants", table(&["TWVariants"])),
        ("hk_variant_phrases", table(&["HKVariantsPhrases"])),
        ("hk_variants", table(&["HKVariants"])),
    ];
    let named: Vec<(&str, &Dict)> = tables.iter().map(|(n, d)| (*n, d)).collect();
    let wxs = script_dict::encode(&named).unwrap_or_else(|why| panic!("cannot encode WXS1: {why}"));

    // A character is traditional-only if it converts to something else and simplified text
    // never has it (it does not convert the other way); and the other way round.
    let converts = |dict: &Dict, c: char| {
        let s = c.to_string();
        dict.get(&s).is_some_and(|v| v != s)
    };
    let bytes = ((DETECT_TO - DETECT_FROM + 1) / 8) as usize;
    let mut detect = vec![0u8; 2 * bytes];
    for code in DETECT_FROM..=DETECT_TO {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let (t, s) = (converts(&ts_chars, c), converts(&st_chars, c));
        let bit = (code - DETECT_FROM) as usize;
        if t && !s {
            detect[bit / 8] |= 1 << (bit % 8);
        }
        if s && !t {
            detect[bytes + bit / 8] |= 1 << (bit % 8);
        }
    }
    (wxs, detect)
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
