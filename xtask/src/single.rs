//! `cargo xtask single`: one self-contained `dist-single/wenxi.html` (JS, CSS, the .wasm and the
//! seeds inline) that opens by double-click from the file system, with no server.
//!
//! The bundling is Vite's (`vite build --mode single`, see vite.config.js: the page script, the
//! stylesheet, the worker as a blob: URL, the .wasm as base64, the seeds as a module); this
//! command runs it, checks that the file refers to nothing outside itself, and reports its size.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::util::{self, human_bytes};
use crate::{wasm, web};

pub const FILE: &str = "wenxi.html";

pub fn command(args: &[String]) -> Result<()> {
    let mut build_wasm = true;
    for arg in args {
        match arg.as_str() {
            "--no-wasm" => build_wasm = false,
            other => bail!("`cargo xtask single` does not know {other:?} (only --no-wasm)"),
        }
    }
    if build_wasm {
        wasm::build()?;
    }
    build().map(drop)
}

/// `vite build --mode single`, then the checks and the size report; returns the file's path.
pub fn build() -> Result<PathBuf> {
    web::vite(&["build", "--mode", "single"])?;
    let dir = util::root().join("dist-single");
    let path = dir.join(FILE);
    let html =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    check_self_contained(&html)
        .with_context(|| format!("{} is not self-contained", path.display()))?;
    let others: Vec<String> = fs::read_dir(&dir)?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != FILE)
        .collect();
    if !others.is_empty() {
        bail!("dist-single/ should hold only {FILE}, not also {others:?}");
    }
    let zipped = deflate_len(html.as_bytes())?;
    println!("Single file {}:", path.display());
    println!("  raw     {}", human_bytes(html.len() as u64));
    println!(
        "  zipped  {}   (deflate, as in a .zip attachment)",
        human_bytes(zipped)
    );
    Ok(path)
}

/// The markup outside <script> and <style> may point only at `data:` URLs or fragments: from
/// file:// anything else would be a missing file (or a request to the network). The CSP must
/// be the single file's own (`default-src 'none'`), and no manifest may be linked.
fn check_self_contained(html: &str) -> Result<()> {
    if !html.contains("default-src 'none'") {
        bail!("its Content-Security-Policy is not the single file's (default-src 'none')");
    }
    let markup = markup_only(html);
    for attribute in ["src=", "href="] {
        let mut rest = markup.as_str();
        while let Some(at) = rest.find(attribute) {
            rest = &rest[at + attribute.len()..];
            let value = rest.trim_start_matches(['"', '\'']);
            let end = value.find(['"', '\'', ' ', '>']).unwrap_or(value.len());
            let value = &value[..end];
            if !(value.starts_with("data:") || value.starts_with('#')) {
                bail!("it refers to another file: {attribute}{value:?}");
            }
        }
    }
    if markup.contains("rel=\"manifest\"") {
        bail!("it links a web app manifest, which cannot load from file://");
    }
    Ok(())
}

/// The HTML with the contents of every <script> and <style> element left out.
fn markup_only(html: &str) -> String {
    let mut out = String::with_capacity(html.len().min(1 << 16));
    let mut rest = html;
    loop {
        let next = ["<script", "<style"]
            .iter()
            .filter_map(|tag| rest.find(tag).map(|at| (at, *tag)))
            .min();
        let Some((at, tag)) = next else {
            out.push_str(rest);
            return out;
        };
        // Keep the opening tag itself (its attributes are checked too).
        let open_end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        out.push_str(&rest[..open_end]);
        let close = format!("</{}", &tag[1..]);
        match rest[open_end..].find(&close) {
            Some(end) => rest = &rest[open_end + end..],
            None => return out,
        }
    }
}

fn deflate_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSP: &str = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'">"#;

    #[test]
    fn inline_everything_passes() {
        let html = format!(
            r##"<html><head>{CSP}<link rel="icon" href="data:," /><style>a{{background:url(x.png)}}</style>
<script type="module">const s = '<img src="x.png">';</script></head>
<body><a href="#top">top</a></body></html>"##
        );
        check_self_contained(&html).unwrap();
    }

    #[test]
    fn a_file_or_a_manifest_outside_fails() {
        for tag in [
            r#"<script type="module" src="./assets/index.js"></script>"#,
            r#"<link rel="stylesheet" href="assets/index.css">"#,
            r#"<img src='https://example.com/x.png'>"#,
        ] {
            let html = format!("<html><head>{CSP}</head><body>{tag}</body></html>");
            assert!(check_self_contained(&html).is_err(), "{tag}");
        }
        let html = format!(r#"<html><head>{CSP}<link rel="manifest" href="data:,"></head></html>"#);
        assert!(check_self_contained(&html).is_err());
        assert!(check_self_contained("<html><head></head></html>").is_err());
    }

    #[test]
    fn script_and_style_contents_are_left_out() {
        let html = "a<script x>code</script>b<style>css</style>c";
        assert_eq!(markup_only(html), "a<script x></script>b<style></style>c");
    }
}
