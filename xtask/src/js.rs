//! The JS checks: ESLint, Prettier, the TypeScript checker over `// @ts-check` modules, and the
//! Node unit tests of the page's pure modules. Every tool comes from node_modules (`npx --no`),
//! installed from the lock like the rest of the page's packages.

use anyhow::Result;

use crate::util;
use crate::web;

fn npx(tool: &str, args: &[&str]) -> Result<()> {
    web::ensure_node_modules()?;
    // `--no`: never fetch a package; `--`: the rest is the tool's, not npm's.
    util::run(util::program("npx").args(["--no", "--", tool]).args(args))
}

/// `eslint .` with eslint.config.js; warnings fail too.
pub fn lint() -> Result<()> {
    npx("eslint", &["--max-warnings", "0", "."])
}

/// `prettier --check .` with .prettierrc.json and .prettierignore.
pub fn format_check() -> Result<()> {
    npx("prettier", &["--check", "--log-level", "warn", "."])
}

/// `tsc --noEmit -p tsconfig.json`: JSDoc types of every `// @ts-check` module, against the
/// types generated from the Rust structs and the wasm glue's own .d.ts (so after the wasm build).
pub fn type_check() -> Result<()> {
    npx("tsc", &["--noEmit", "-p", "tsconfig.json"])
}
