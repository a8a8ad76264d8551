//! `cargo xtask bench [--runs N] [--no-native]`: the issue-5 benchmark, not part of `test`.
//!
//! 1. builds the page as it ships (`cargo xtask build`: no test hooks);
//! 2. unless `--no-native`, runs the native criterion benchmark (`cargo bench --bench core`:
//!    Wenxi's decode + clean + segment + index next to jieba-rs's own `cut`, same dictionary)
//!    and keeps its medians in target/bench-native.json;
//! 3. runs benches/browser.mjs: the built page in headless Chromium, next to jieba-wasm 2.4.0 in
//!    the same browser run, and prints the table (min / median / max and the ratios);
//! 4. runs benches/panel.mjs: 5,000 files picked as a folder, and the document panel's longest
//!    main-thread task while it is scrolled, searched, sorted and filtered (issue 9);
//! 5. runs benches/cloud.mjs: the cloud's layout engine in its worker next to d3-cloud in a
//!    worker (200 words, a heart, 1200 × 800), and the longest main-thread task while the
//!    page's cloud lays out again;
//! 6. runs benches/pool.mjs: 100 MB dropped as ten files, added by the pool of workers and by
//!    the analysis worker alone in the same run (issue 12), and the pool's speed-up.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::util;
use crate::web;

pub fn command(args: &[String]) -> Result<()> {
    let mut runs = 5u32;
    let mut native = true;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--runs" => {
                runs = rest
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .context("--runs needs a positive number")?;
            }
            "--no-native" => native = false,
            other => bail!("`cargo xtask bench` does not know {other:?} (--runs N, --no-native)"),
        }
    }
    web::build_all()?;
    let native_json = util::target_dir().join("bench-native.json");
    if native {
        util::run(
            util::cargo().args(["bench", "-p", "wenxi", "--bench", "core", "--", "--noplot"]),
        )?;
        let results = criterion_medians(&util::target_dir().join("criterion"))?;
        fs::write(&native_json, results)
            .with_context(|| format!("cannot write {}", native_json.display()))?;
    } else {
        // No stale numbers from an earlier run next to this run's.
        let _ = fs::remove_file(&native_json);
    }
    let exe = std::env::current_exe().context("cannot find the xtask binary")?;
    let mut node = util::program("node");
    node.args(["benches/browser.mjs", "--runs", &runs.to_string()]);
    if native {
        node.arg("--native").arg(&native_json);
    }
    util::run(node.env("WENXI_XTASK_BIN", &exe))?;
    util::run(util::program("node").arg("benches/panel.mjs"))?;
    // The word cloud: the engine in its worker next to d3-cloud, and the page's relayouts.
    util::run(util::program("node").args(["benches/cloud.mjs", "--runs", &runs.to_string()]))?;
    // Every core: a 100 MB drop by the pool of workers and by one worker, in the same run.
    util::run(
        util::program("node")
            .args(["benches/pool.mjs", "--runs", &runs.to_string()])
            .env("WENXI_XTASK_BIN", &exe),
    )
}

/// `[{group, function, bytes, medianNs}]` (JSON) of every benchmark criterion just measured.
fn criterion_medians(dir: &Path) -> Result<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.ends_with("new/benchmark.json") {
                found.push(path);
            }
        }
    }
    let mut rows = Vec::new();
    for path in found {
        let read = |p: &PathBuf| -> Result<serde_json::Value> {
            let text =
                fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
            serde_json::from_str(&text).with_context(|| format!("{} is not JSON", p.display()))
        };
        let benchmark = read(&path)?;
        let estimates = read(&path.with_file_name("estimates.json"))?;
        rows.push(serde_json::json!({
            "group": benchmark["group_id"],
            "function": benchmark["function_id"],
            "bytes": benchmark["throughput"]["Bytes"],
            "medianNs": estimates["median"]["point_estimate"],
        }));
    }
    if rows.is_empty() {
        bail!("criterion left no results under {}", dir.display());
    }
    Ok(serde_json::to_string_pretty(&rows)?)
}
