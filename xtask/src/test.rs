//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::util;
use crate::wasm;
use crate::{budget, js, single, web};

/// State passed between steps (none at the moment: each step reads what the last one wrote).
#[derive(Default)]
struct Run {}

struct Step {
    name: &'static str,
    /// Not run with `--quick`.
    browser: bool,
    run: fn(&mut Run) -> Result<()>,
}

const STEPS: &[Step] = &[
    Step {
        name: "rustfmt: cargo fmt --all -- --check",
        browser: false,
        run: |_| util::run(util::cargo().args(["fmt", "--all", "--", "--check"])),
    },
    Step {
        name: "ESLint: eslint --max-warnings 0 .",
        browser: false,
        run: |_| js::lint(),
    },
    Step {
        name: "Prettier: prettier --check .",
        browser: false,
        run: |_| js::format_check(),
    },
    Step {
        name: "clippy (host): cargo clippy --workspace --all-targets -- -D warnings",
        browser: false,
        run: |_| {
            util::run(util::cargo().args([
                "clippy",
                "--workspace",
                // The vendored jieba-rs is a member (a path dependency inside the workspace) but
                // upstream's code, linted upstream; its tests need upstream's data files.
                "--exclude",
                "jieba-rs-wenxi",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]))
        },
    },
    Step {
        name:
            "clippy (wasm32): cargo clippy -p wenxi --all-targets --target wasm32-unknown-unknown",
        browser: false,
        run: |_| {
            wasm::ensure_target()?;
            // --all-targets: the tests and benches too (native-only ones are cfg'd out).
            util::run(util::cargo().args([
                "clippy",
                "-p",
                "wenxi",
                "--all-targets",
                "--target",
                wasm::TARGET,
                "--",
                "-D",
                "warnings",
            ]))
        },
    },
    Step {
        name: "native tests: cargo test --workspace",
        browser: false,
        run: |_| {
            util::run(util::cargo().args(["test", "--workspace", "--exclude", "jieba-rs-wenxi"]))
        },
    },
    Step {
        name: "JS unit tests in Node: node --test tests/unit/",
        browser: false,
        run: |_| node_tests("tests/unit", None),
    },
    Step {
        name: "wasm build: cargo build --target wasm32 + wasm-bindgen glue",
        browser: false,
        run: |_| wasm::build().map(drop),
    },
    Step {
        name: "types: tsc --noEmit (JSDoc of the // @ts-check modules)",
        browser: false,
        run: |_| js::type_check(),
    },
    Step {
        name: "wasm tests in Node: node --test tests/wasm/",
        browser: false,
        run: |_| node_tests("tests/wasm", None),
    },
    Step {
        name: "page build: vite build",
        browser: false,
        run: |_| web::vite_build(),
    },
    Step {
        name: "size budget: the first word cloud's download, brotli, at most 2.0 MB",
        browser: false,
        run: |_| budget::check(&util::root().join("dist")),
    },
    Step {
        name: "single file: vite build --mode single (dist-single/wenxi.html)",
        browser: false,
        run: |_| single::build().map(drop),
    },
    Step {
        name: "browser tests: node --test tests/e2e/ (headless Chromium)",
        browser: true,
        run: |_| {
            // The harness serves dist/ with this very binary, so it tests the real server.
            let exe = std::env::current_exe().context("cannot find the xtask binary")?;
            node_tests("tests/e2e", Some(&exe))
        },
    },
];

pub fn command(args: &[String]) -> Result<()> {
    let mut quick = false;
    for arg in args {
        match arg.as_str() {
            "--quick" => quick = true,
            other => bail!("`cargo xtask test` does not know {other:?} (only --quick)"),
        }
    }
    // The tests run against a wasm with the crash hook; `cargo xtask build` makes one without.
    std::env::set_var(crate::wasm::TEST_HOOKS_ENV, "1");
    let started = Instant::now();
    let mut run = Run::default();
    let mut timings = Vec::new();
    let total = STEPS.len();
    for (i, step) in STEPS.iter().enumerate() {
        let number = i + 1;
        if quick && step.browser {
            banner(&format!(
                "[{number}/{total}] {} — skipped (--quick)",
                step.name
            ));
            continue;
        }
        banner(&format!("[{number}/{total}] {}", step.name));
        let step_started = Instant::now();
        if let Err(e) = (step.run)(&mut run) {
            let elapsed = step_started.elapsed();
            print_timings(&timings);
            eprintln!();
            eprintln!("{}", "━".repeat(78));
            eprintln!(
                "✗ FAILED at step {number}/{total}: {} (after {})",
                step.name,
                clock(elapsed)
            );
            eprintln!("{}", "━".repeat(78));
            return Err(e);
        }
        timings.push((step.name, step_started.elapsed()));
    }
    print_timings(&timings);
    println!(
        "✓ {} steps passed in {}{}",
        timings.len(),
        clock(started.elapsed()),
        if quick {
            " (--quick: browser tests skipped)"
        } else {
            ""
        }
    );
    Ok(())
}

fn print_timings(timings: &[(&str, Duration)]) {
    banner("time per step");
    for (name, elapsed) in timings {
        println!("  {:>7}  {name}", clock(*elapsed));
    }
}

fn banner(title: &str) {
    println!();
    println!(
        "━━━ {title} {}",
        "━".repeat(74usize.saturating_sub(title.chars().count()))
    );
}

fn clock(d: Duration) -> String {
    let secs = d.as_secs();
    if secs >= 60 {
        format!("{}m{:02}s", secs / 60, secs % 60)
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

/// Runs Node's test runner on the `*.test.mjs` files of a folder. The files are listed here
/// rather than passing the folder, whose meaning differs between Node versions (20: a folder to
/// search; 22+: a glob), and so that helper modules such as harness.mjs are never run as tests.
fn node_tests(dir: &str, xtask_bin: Option<&Path>) -> Result<()> {
    let files = test_files(&util::root().join(dir))?;
    if files.is_empty() {
        bail!("no *.test.mjs files in {dir}/");
    }
    let mut command: Command = util::program("node");
    command.arg("--test");
    command.args(files.iter().map(|f| Path::new(dir).join(f)));
    if let Some(bin) = xtask_bin {
        command.env("WENXI_XTASK_BIN", bin);
    }
    util::run(&mut command)
}

fn test_files(dir: &Path) -> Result<Vec<String>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".test.mjs") {
            files.push(name);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_step_is_last_so_quick_runs_everything_else() {
        let browser: Vec<_> = STEPS.iter().map(|s| s.browser).collect();
        assert_eq!(browser.iter().filter(|b| **b).count(), 1);
        assert_eq!(browser.last(), Some(&true));
    }

    #[test]
    fn finds_only_test_files() {
        let files = test_files(&util::root().join("tests").join("e2e")).unwrap();
        assert!(files.iter().all(|f| f.ends_with(".test.mjs")), "{files:?}");
        assert!(!files.iter().any(|f| f == "harness.mjs"));
    }

    #[test]
    fn clock_reads_well() {
        assert_eq!(clock(Duration::from_millis(1500)), "1.5s");
        assert_eq!(clock(Duration::from_secs(125)), "2m05s");
    }
}
