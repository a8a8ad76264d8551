//! The wasm build: `cargo build --target wasm32-unknown-unknown`, JS glue by
//! `wasm-bindgen-cli-support`, and a size report of what a visitor downloads.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use wasm_bindgen_cli_support::Bindgen;

use crate::util::{self, human_bytes};

pub const TARGET: &str = "wasm32-unknown-unknown";
/// The root crate, as in its Cargo.toml; wasm-bindgen names the outputs after it.
const CRATE: &str = "wenxi";

/// Sizes of the `.wasm` that wasm-bindgen emitted.
#[derive(Debug, Clone, Copy)]
pub struct SizeReport {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Set by `cargo xtask test`: build the wasm with the `test-hooks` feature (a deliberate panic
/// the crash-recovery browser test calls). Shipped builds never have it.
pub const TEST_HOOKS_ENV: &str = "WENXI_TEST_HOOKS";

/// The dictionary build.rs generates; the worker fetches it from next to the .wasm.
pub const DICTIONARY: &str = "wenxi.wxd";
/// The other data files build.rs generates, which the page loads when it needs them: the
/// part-of-speech model, the traditional-script tables and jieba's IDF table (src/posseg.rs,
/// src/script.rs, src/dictionary.rs).
pub const LAZY_DATA: [&str; 3] = ["wenxi.wxp", "wenxi.wxs", "wenxi.wxi"];

/// Builds the wasm, generates `www/pkg/` (glue, .wasm, the dictionary and the start-up
/// snapshot) and prints the size report.
pub fn build() -> Result<SizeReport> {
    check_bindgen_versions(&util::root().join("Cargo.lock"))?;
    ensure_target()?;
    let mut cargo = util::cargo();
    cargo.args([
        "build",
        "--release",
        "--target",
        TARGET,
        "-p",
        CRATE,
        "--lib",
        // JSON on stdout (to learn the build script's OUT_DIR), diagnostics as usual on stderr.
        "--message-format=json-render-diagnostics",
    ]);
    if std::env::var_os(TEST_HOOKS_ENV).is_some() {
        cargo.args(["--features", "test-hooks"]);
    }
    let messages = util::run_capturing(&mut cargo)?;
    let out_dir = build_script_out_dir(&messages, CRATE).with_context(|| {
        format!("cargo reported no build script output for {CRATE}; cannot find {DICTIONARY}")
    })?;
    // Re-checked after the build: it may have created or updated Cargo.lock.
    check_bindgen_versions(&util::root().join("Cargo.lock"))?;

    let input = util::target_dir()
        .join(TARGET)
        .join("release")
        .join(format!("{CRATE}.wasm"));
    let pkg = util::root().join("www").join("pkg");
    generate_glue(&input, &pkg)?;
    optimize(&pkg.join(format!("{CRATE}_bg.wasm")))?;
    for name in std::iter::once(DICTIONARY).chain(LAZY_DATA) {
        let file = out_dir.join(name);
        fs::copy(&file, pkg.join(name))
            .with_context(|| format!("cannot copy {} into www/pkg/", file.display()))?;
    }

    // The start-up snapshot (www/pkg/snapshot.json): the seeds' first analysis, computed by
    // the .wasm just built, in Node (scripts/snapshot.mjs).
    util::run(util::program("node").arg(util::root().join("scripts").join("snapshot.mjs")))?;

    let wasm = pkg.join(format!("{CRATE}_bg.wasm"));
    let report = size_report(&wasm)?;
    print_size_report(&wasm, &report);
    for name in std::iter::once(DICTIONARY).chain(LAZY_DATA) {
        let file = pkg.join(name);
        print_size_report(&file, &size_report(&file)?);
    }
    Ok(report)
}

/// The `out_dir` of `package`'s build script, from cargo's `--message-format=json` lines.
fn build_script_out_dir(messages: &str, package: &str) -> Option<PathBuf> {
    messages
        .lines()
        .rev()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "build-script-executed")
        .filter(|m| {
            // "path+file:///work/wenxi#0.1.0" (cargo ≥ 1.77) or "wenxi 0.1.0 (path+file://...)".
            let id = m["package_id"].as_str().unwrap_or("");
            id.starts_with(&format!("{package} "))
                || id
                    .rsplit_once('#')
                    .is_some_and(|(path, _)| path.ends_with(&format!("/{package}")))
                || id.contains(&format!("#{package}@"))
        })
        .find_map(|m| m["out_dir"].as_str().map(PathBuf::from))
}

/// Adds the wasm32 target through rustup when it is missing (CI machines start without it).
pub fn ensure_target() -> Result<()> {
    let output = match util::program("rustup")
        .args(["target", "list", "--installed"])
        .output()
    {
        Ok(output) if output.status.success() => output,
        // Without rustup (a distro toolchain) the target may still be there; cargo will say if not.
        _ => {
            eprintln!(
                "note: cannot ask rustup for installed targets; assuming {TARGET} is present"
            );
            return Ok(());
        }
    };
    let installed = String::from_utf8_lossy(&output.stdout);
    if installed.lines().any(|line| line.trim() == TARGET) {
        return Ok(());
    }
    println!("The {TARGET} target is missing; adding it.");
    util::run(util::program("rustup").args(["target", "add", TARGET]))
}

/// The glue generator and the runtime crate speak one schema version; a mismatch only shows up
/// as an obscure error deep inside wasm-bindgen, so say it plainly and early.
pub fn check_bindgen_versions(lock: &Path) -> Result<()> {
    let text = match fs::read_to_string(lock) {
        Ok(text) => text,
        // No lock yet: the first cargo build writes it, and we check again after that.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", lock.display())),
    };
    let runtime = locked_versions(&text, "wasm-bindgen");
    let generator = locked_versions(&text, "wasm-bindgen-cli-support");
    let where_pinned =
        "Pin both to the same exact version: `wasm-bindgen = \"=X.Y.Z\"` in the root \
                        Cargo.toml and `wasm-bindgen-cli-support = \"=X.Y.Z\"` in xtask/Cargo.toml";
    match (runtime.as_slice(), generator.as_slice()) {
        ([runtime], [generator]) if runtime == generator => Ok(()),
        ([runtime], [generator]) => bail!(
            "Cargo.lock has wasm-bindgen {runtime} (the runtime the wasm is built with) but \
             wasm-bindgen-cli-support {generator} (the glue generator in xtask). The generated JS \
             would not match the wasm. {where_pinned}."
        ),
        ([], _) => Ok(()), // the wasm32-only dependency is not resolved yet; cargo build adds it
        (_, []) => bail!("Cargo.lock has no wasm-bindgen-cli-support; is xtask in the workspace?"),
        _ => bail!(
            "Cargo.lock has several versions (wasm-bindgen {runtime:?}, wasm-bindgen-cli-support \
             {generator:?}); the wasm and its glue need exactly one and the same. {where_pinned}."
        ),
    }
}

/// Versions of `package` in a Cargo.lock (`name = "..."` is followed by `version = "..."`).
fn locked_versions(lock_text: &str, package: &str) -> Vec<String> {
    let needle = format!("name = \"{package}\"");
    let mut versions = Vec::new();
    let mut lines = lock_text.lines();
    while let Some(line) = lines.next() {
        if line.trim() != needle {
            continue;
        }
        let version = lines
            .next()
            .and_then(|l| l.trim().strip_prefix("version = \""))
            .and_then(|l| l.strip_suffix('"'));
        if let Some(version) = version {
            versions.push(version.to_string());
        }
    }
    versions
}

fn generate_glue(input: &Path, out_dir: &Path) -> Result<()> {
    if !input.is_file() {
        bail!("{} is missing after the build", input.display());
    }
    // Start clean so that no stale snippet or old output survives a rename.
    if out_dir.exists() {
        fs::remove_dir_all(out_dir)
            .with_context(|| format!("cannot clear {}", out_dir.display()))?;
    }
    println!(
        "Generating JS glue (wasm-bindgen-cli-support, --target web) into {}",
        out_dir.display()
    );
    let started = Instant::now();
    Bindgen::new()
        .input_path(input)
        .web(true)?
        .typescript(false)
        // The library defaults to omitting `new URL('wenxi_bg.wasm', import.meta.url)` (the CLI
        // does not); keep it so that a bare `await init()` works as docs/API.md promises.
        .omit_default_module_path(false)
        .generate(out_dir)
        .context("wasm-bindgen could not generate the JS glue")?;
    println!("  done in {:.1?}", started.elapsed());
    for name in [format!("{CRATE}.js"), format!("{CRATE}_bg.wasm")] {
        if !out_dir.join(&name).is_file() {
            bail!(
                "wasm-bindgen did not write {name} into {}",
                out_dir.display()
            );
        }
    }
    Ok(())
}

/// binaryen's `wasm-opt` level, chosen by measurement (docs/performance/STARTUP.md): -O3
/// segments ~20% faster than LLVM's output alone, as small as -Oz within 0.1%, and takes half
/// the time of -O4, which is no faster. Leaving out `-g` drops the name section (59 KB raw).
///
/// `-ocimfs 200`: a function with one caller is inlined only when small. By default binaryen
/// inlines every such function whatever its size, and so undid the `#[inline(never)]` that
/// keeps the analysis's phases apart (see `Analyzer::analyze`): the exported `analyze` became
/// one 38 KB function and `addPrepared` one of 21 KB, which V8 compiles again with TurboFan
/// (its top tier) in the background of the start-up, where each is called once and the
/// compiled code serves only later calls. Kept apart, a cold start's TurboFan work fell from
/// ~790 to ~500 ms of CPU on two cores, the module grew 1.7 KB, and nothing ran slower
/// (docs/performance/STARTUP.md, "TurboFan's work at start-up").
const WASM_OPT_ARGS: [&str; 5] = [
    "-O3",
    "-ocimfs",
    "200",
    "--strip-debug",
    "--strip-producers",
];

/// With this set (`WENXI_WASM_NAMES=1 cargo xtask build`) the name section stays, for profiles
/// that name wasm functions (V8's `--trace-wasm-compilation-times`, a CPU profile); the code
/// and its function indices are the same as without it.
const KEEP_NAMES_ENV: &str = "WENXI_WASM_NAMES";

/// The arguments `optimize` passes to wasm-opt (see [`KEEP_NAMES_ENV`]).
fn wasm_opt_args() -> Vec<&'static str> {
    let keep_names = std::env::var_os(KEEP_NAMES_ENV).is_some_and(|v| !v.is_empty() && v != "0");
    WASM_OPT_ARGS
        .into_iter()
        .map(|arg| {
            if keep_names && arg == "--strip-debug" {
                "-g"
            } else {
                arg
            }
        })
        .collect()
}

/// Runs binaryen's `wasm-opt` (the `binaryen` npm package: Emscripten-built, runs in Node, so
/// nothing else to install) over `wasm` in place. It takes ~30 s, so the output for an
/// unchanged input is kept in target/ and reused.
fn optimize(wasm: &Path) -> Result<()> {
    let bytes = fs::read(wasm).with_context(|| format!("cannot read {}", wasm.display()))?;
    let args = wasm_opt_args();
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    args.hash(&mut hasher);
    let cache = util::target_dir().join("xtask-wasm-opt").join(format!(
        "{:016x}-{}.wasm",
        hasher.finish(),
        bytes.len()
    ));
    if !cache.is_file() {
        crate::web::ensure_node_modules()?;
        let tool = util::root()
            .join("node_modules")
            .join("binaryen")
            .join("bin")
            .join("wasm-opt");
        println!("Optimizing with wasm-opt {}", args.join(" "));
        let started = Instant::now();
        fs::create_dir_all(cache.parent().expect("the cache file has a folder"))?;
        let partial = cache.with_extension("partial");
        util::run(
            util::program("node")
                .arg(&tool)
                .args(&args)
                .arg(wasm)
                .arg("-o")
                .arg(&partial),
        )?;
        fs::rename(&partial, &cache)?;
        println!("  done in {:.1?}", started.elapsed());
    }
    let optimized = fs::read(&cache)?;
    if !optimized.starts_with(&WASM_HEADER) {
        bail!(
            "wasm-opt wrote no WebAssembly module to {}",
            cache.display()
        );
    }
    println!(
        "  {}: {} -> {} raw",
        wasm.file_name().unwrap_or_default().to_string_lossy(),
        human_bytes(bytes.len() as u64),
        human_bytes(optimized.len() as u64)
    );
    fs::write(wasm, optimized).with_context(|| format!("cannot write {}", wasm.display()))
}

/// The magic number and version every binary WebAssembly module starts with.
const WASM_HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/// Sizes of a .wasm: raw, gzip, brotli. Brotli at quality 11 takes many seconds for a large
/// file, so the report of an unchanged file is kept in target/ and reused.
pub fn size_report(wasm: &Path) -> Result<SizeReport> {
    let bytes = fs::read(wasm).with_context(|| format!("cannot read {}", wasm.display()))?;
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    let key = format!("{:016x}-{}", hasher.finish(), bytes.len());
    let cache = util::target_dir().join("xtask-wasm-size.txt");
    if let Some(report) = fs::read_to_string(&cache)
        .ok()
        .and_then(|text| parse_cached(&text, &key))
    {
        return Ok(report);
    }

    // gzip runs beside brotli, which dominates.
    let (gzip, brotli) = std::thread::scope(|scope| {
        let gzip = scope.spawn(|| gzip_len(&bytes));
        let brotli = brotli_len(&bytes);
        (gzip.join().expect("gzip thread does not panic"), brotli)
    });
    let report = SizeReport {
        raw: bytes.len() as u64,
        gzip: gzip?,
        brotli: brotli?,
    };
    // Only a cache: failing to write it costs time next build, nothing else.
    let _ = fs::write(
        &cache,
        format!("{key} {} {} {}\n", report.raw, report.gzip, report.brotli),
    );
    Ok(report)
}

fn parse_cached(text: &str, key: &str) -> Option<SizeReport> {
    let mut fields = text.split_whitespace();
    if fields.next()? != key {
        return None;
    }
    let mut number = || fields.next()?.parse().ok();
    Some(SizeReport {
        raw: number()?,
        gzip: number()?,
        brotli: number()?,
    })
}

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

/// Quality 11 with a 4 MiB window: what a static host precompresses with.
pub fn brotli_len(bytes: &[u8]) -> Result<u64> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(bytes)?;
        writer.flush()?;
    } // dropping the writer finishes the stream
    Ok(out.len() as u64)
}

fn print_size_report(wasm: &Path, report: &SizeReport) {
    let name = wasm.file_name().map(PathBuf::from).unwrap_or_default();
    println!("Size of {}:", name.display());
    println!("  raw     {}", human_bytes(report.raw));
    println!("  gzip    {}   (level 9)", human_bytes(report.gzip));
    println!("  brotli  {}   (quality 11)", human_bytes(report.brotli));
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-cli-support"
version = "0.2.130"
"#;

    fn write_lock(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-lock-{}-{name}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("Cargo.lock");
        fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn finds_locked_versions() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), ["0.2.130"]);
        assert_eq!(
            locked_versions(LOCK, "wasm-bindgen-cli-support"),
            ["0.2.130"]
        );
        assert!(locked_versions(LOCK, "wasm-bindgen-shared").is_empty());
    }

    #[test]
    fn equal_versions_pass() {
        check_bindgen_versions(&write_lock("equal", LOCK)).unwrap();
    }

    #[test]
    fn different_versions_fail_clearly() {
        let lock = LOCK.replacen("0.2.130", "0.2.131", 1);
        let err = check_bindgen_versions(&write_lock("differ", &lock)).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("wasm-bindgen 0.2.131"), "{message}");
        assert!(
            message.contains("wasm-bindgen-cli-support 0.2.130"),
            "{message}"
        );
    }

    #[test]
    fn finds_the_build_scripts_out_dir() {
        let messages = r#"{"reason":"compiler-artifact","package_id":"registry+https://github.com/rust-lang/crates.io-index#serde@1.0.0"}
{"reason":"build-script-executed","package_id":"registry+https://github.com/rust-lang/crates.io-index#jieba-rs@0.11.0","out_dir":"/t/jieba/out"}
{"reason":"build-script-executed","package_id":"path+file:///work/wt-perf#wenxi@0.1.0","out_dir":"/t/wenxi-1/out"}
not json
{"reason":"build-finished","success":true}"#;
        assert_eq!(
            build_script_out_dir(messages, "wenxi"),
            Some(PathBuf::from("/t/wenxi-1/out"))
        );
        let same_name = r#"{"reason":"build-script-executed","package_id":"path+file:///work/wenxi#0.1.0","out_dir":"/o"}"#;
        assert_eq!(
            build_script_out_dir(same_name, "wenxi"),
            Some(PathBuf::from("/o"))
        );
        assert_eq!(build_script_out_dir(messages, "other"), None);
    }

    #[test]
    fn this_workspace_is_consistent() {
        check_bindgen_versions(&util::root().join("Cargo.lock")).unwrap();
    }

    #[test]
    fn cached_report_is_used_only_for_its_key() {
        let report = parse_cached("abc-4 4 30 20\n", "abc-4").unwrap();
        assert_eq!((report.raw, report.gzip, report.brotli), (4, 30, 20));
        assert!(parse_cached("abc-4 4 30 20\n", "abd-4").is_none());
        assert!(parse_cached("abc-4 4 30\n", "abc-4").is_none());
    }

    #[test]
    fn compressed_sizes_are_smaller_for_repetitive_input() {
        let bytes = b"wenxi ".repeat(10_000);
        assert!(gzip_len(&bytes).unwrap() < 1_000);
        assert!(brotli_len(&bytes).unwrap() < 1_000);
    }
}
