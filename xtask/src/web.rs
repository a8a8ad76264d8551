//! The page: npm dependencies and the Vite production build into `dist/`.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::util;
use crate::wasm::{self, SizeReport};

/// Everything `cargo xtask build` does: wasm + glue + size report, then `dist/`.
pub fn build_all() -> Result<SizeReport> {
    let report = wasm::build()?;
    vite_build()?;
    Ok(report)
}

/// Installs node_modules when missing or older than package-lock.json.
pub fn ensure_node_modules() -> Result<()> {
    let root = util::root();
    let lock = root.join("package-lock.json");
    // npm writes this copy of the lock on every install; it tells whether node_modules is current.
    let installed = root.join("node_modules").join(".package-lock.json");
    let vite = root.join("node_modules").join("vite").join("package.json");
    let stale = !vite.is_file() || !installed.is_file() || newer(&lock, &installed);
    if !stale {
        return Ok(());
    }
    // `npm install`, not `npm ci`: npm 11's ci refuses this lock because rollup's optional
    // per-platform packages (which the registry here does not list) are "missing" from it,
    // though install resolves the same versions from the same lock.
    util::run(util::program("npm").args(["install", "--no-audit", "--no-fund"]))
}

fn newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(a), modified(b)) {
        (Some(a), Some(b)) => a > b,
        _ => false,
    }
}

/// `vite build`: the served page into `dist/` (with its service worker and manifest).
pub fn vite_build() -> Result<()> {
    vite(&["build"])?;
    let root = util::root();
    if !root.join("dist").join("index.html").is_file() {
        bail!("vite build did not write dist/index.html");
    }
    check_precached(&root.join("dist"))
}

/// Workbox leaves out, with only a warning, any file above `maximumFileSizeToCacheInBytes`
/// (vite.config.js); a page whose engine (the .wasm or the dictionary, .wxd) is missing offline
/// must fail the build instead.
fn check_precached(dist: &Path) -> Result<()> {
    let sw = fs::read_to_string(dist.join("sw.js"))
        .context("vite build did not write dist/sw.js (the service worker, vite-plugin-pwa)")?;
    for entry in fs::read_dir(dist.join("assets")).context("dist/assets/ is missing")? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let engine = name.ends_with(".wasm") || name.ends_with(".wxd");
        if engine && !sw.contains(&format!("\"assets/{name}\"")) {
            bail!(
                "dist/sw.js does not precache assets/{name}: is it larger than Workbox's \
                 maximumFileSizeToCacheInBytes in vite.config.js?"
            );
        }
    }
    Ok(())
}

/// Runs `vite <args>` from node_modules after checking that the wasm glue is there.
pub fn vite(args: &[&str]) -> Result<()> {
    let root = util::root();
    if !root.join("www").join("pkg").join("wenxi.js").is_file() {
        bail!("www/pkg/wenxi.js is missing: the wasm build must run before vite build");
    }
    ensure_node_modules()?;
    // `--no`: never fetch a package, vite comes from node_modules; `--`: the rest is vite's, not
    // npm's (npm would take options such as --port as its own config).
    util::run(util::program("npx").args(["--no", "--", "vite"]).args(args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wasm_left_out_of_the_precache_fails_the_build() {
        let dist = std::env::temp_dir().join(format!("xtask-precache-{}", std::process::id()));
        fs::create_dir_all(dist.join("assets")).unwrap();
        fs::write(dist.join("assets").join("wenxi_bg-AbC123.wasm"), b"\0asm").unwrap();
        fs::write(
            dist.join("sw.js"),
            r#"precache([{url:"index.html",revision:"1"}])"#,
        )
        .unwrap();
        let err = check_precached(&dist).unwrap_err().to_string();
        assert!(err.contains("assets/wenxi_bg-AbC123.wasm"), "{err}");
        fs::write(
            dist.join("sw.js"),
            r#"precache([{url:"assets/wenxi_bg-AbC123.wasm",revision:null}])"#,
        )
        .unwrap();
        check_precached(&dist).unwrap();
        fs::write(dist.join("assets").join("wenxi-XyZ.wxd"), b"WXD1").unwrap();
        let err = check_precached(&dist).unwrap_err().to_string();
        assert!(err.contains("assets/wenxi-XyZ.wxd"), "{err}");
        fs::write(
            dist.join("sw.js"),
            r#"precache([{url:"assets/wenxi_bg-AbC123.wasm",revision:null},{url:"assets/wenxi-XyZ.wxd",revision:null}])"#,
        )
        .unwrap();
        check_precached(&dist).unwrap();
        fs::remove_dir_all(&dist).unwrap();
    }
}
