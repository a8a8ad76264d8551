//! The page: npm dependencies and the Vite production build into `dist/`.

use std::fs;
use std::path::Path;

use anyhow::{bail, Result};

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
    if lock.is_file() {
        util::run(util::program("npm").args(["ci", "--no-audit", "--no-fund"]))
    } else {
        util::run(util::program("npm").args(["install", "--no-audit", "--no-fund"]))
    }
}

fn newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(a), modified(b)) {
        (Some(a), Some(b)) => a > b,
        _ => false,
    }
}

pub fn vite_build() -> Result<()> {
    let root = util::root();
    if !root.join("www").join("pkg").join("wenxi.js").is_file() {
        bail!("www/pkg/wenxi.js is missing: the wasm build must run before vite build");
    }
    ensure_node_modules()?;
    // `--no`: never fetch a package, vite comes from node_modules; `--`: the rest is vite's, not
    // npm's (npm would take options such as --port as its own config).
    util::run(util::program("npx").args(["--no", "--", "vite", "build"]))?;
    if !root.join("dist").join("index.html").is_file() {
        bail!("vite build did not write dist/index.html");
    }
    Ok(())
}
