//! `cargo xtask fuzz`: every cargo-fuzz target of `fuzz/` for a fixed time, one after the
//! other, then each target's executions and coverage. Not part of `cargo xtask test`: it needs
//! nightly and cargo-fuzz (`cargo install cargo-fuzz`) and takes many minutes.
//!
//! Each target starts from its committed seeds (`fuzz/seeds/<target>/`, read only) and keeps
//! what it learns in `fuzz/corpus-work/<target>/` (ignored by git), so later runs go on from
//! there. Crashing inputs land in `fuzz/artifacts/<target>/`; the full libFuzzer output of
//! each run in `fuzz/logs/<target>.log`.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::util;

/// The targets of `fuzz/Cargo.toml`, in the order they run.
pub const TARGETS: &[&str] = &["decode", "clean", "segment", "analysis"];
pub const DEFAULT_SECONDS: u64 = 600;

/// What one run reported.
#[derive(Debug, Default, PartialEq)]
struct Summary {
    executions: Option<u64>,
    cov: Option<u64>,
    ft: Option<u64>,
    corpus: Option<String>,
    exec_per_sec: Option<u64>,
}

pub fn command(args: &[String]) -> Result<()> {
    let mut seconds = DEFAULT_SECONDS;
    let mut targets: Vec<&str> = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = args.next().context("--seconds needs a number")?;
                seconds = value
                    .parse::<u64>()
                    .ok()
                    .filter(|&s| s > 0)
                    .with_context(|| {
                        format!("--seconds needs a whole number above 0, not {value:?}")
                    })?;
            }
            name => match TARGETS.iter().find(|&&t| t == name) {
                Some(target) => targets.push(target),
                None => bail!(
                    "`cargo xtask fuzz` does not know {name:?} (targets: {})",
                    TARGETS.join(", ")
                ),
            },
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }

    let fuzz_dir = util::root().join("fuzz");
    let mut version = nightly_cargo();
    version.args(["fuzz", "--version"]).stdout(Stdio::null());
    if !version.status().is_ok_and(|s| s.success()) {
        bail!(
            "`cargo +nightly fuzz` is not available: install nightly (`rustup toolchain install \
             nightly`) and cargo-fuzz (`cargo install cargo-fuzz`)"
        );
    }
    let mut build = nightly_cargo();
    build.args(["fuzz", "build"]);
    util::run(&mut build)?;

    let mut results = Vec::new();
    for &target in &targets {
        let work = fuzz_dir.join("corpus-work").join(target);
        let seeds = fuzz_dir.join("seeds").join(target);
        let logs = fuzz_dir.join("logs");
        fs::create_dir_all(&work).with_context(|| format!("cannot create {}", work.display()))?;
        fs::create_dir_all(&logs).with_context(|| format!("cannot create {}", logs.display()))?;
        let log_path = logs.join(format!("{target}.log"));
        println!(
            "\n== fuzz {target}: {seconds} s (full output: {})",
            log_path.display()
        );
        let mut run = nightly_cargo();
        run.args(["fuzz", "run", target])
            .arg(&work)
            .arg(&seeds)
            .args([
                "--".to_string(),
                format!("-max_total_time={seconds}"),
                "-print_final_stats=1".to_string(),
                // A single input that takes this long is a hang worth reporting.
                "-timeout=60".to_string(),
            ]);
        let started = Instant::now();
        let (ok, summary) = run_logged(&mut run, &log_path)?;
        results.push((target, ok, started.elapsed().as_secs(), summary));
    }

    println!(
        "\n{:<10} {:>7} {:>13} {:>9} {:>7} {:>8}  corpus",
        "target", "seconds", "executions", "exec/s", "cov", "ft"
    );
    for (target, ok, secs, s) in &results {
        let show = |v: Option<u64>| v.map_or("?".to_string(), |v| v.to_string());
        println!(
            "{target:<10} {secs:>7} {:>13} {:>9} {:>7} {:>8}  {}{}",
            show(s.executions),
            show(s.exec_per_sec),
            show(s.cov),
            show(s.ft),
            s.corpus.as_deref().unwrap_or("?"),
            if *ok {
                ""
            } else {
                "  FAILED (see fuzz/artifacts/)"
            }
        );
    }
    let failed: Vec<&str> = results
        .iter()
        .filter(|(_, ok, _, _)| !ok)
        .map(|(t, _, _, _)| *t)
        .collect();
    if !failed.is_empty() {
        bail!(
            "fuzzing found a failure in: {} (crashing inputs in fuzz/artifacts/; keep each as a \
             test in tests/fuzz_regressions.rs)",
            failed.join(", ")
        );
    }
    Ok(())
}

/// `cargo +nightly` through rustup, run in `fuzz/`, without the toolchain that runs xtask.
fn nightly_cargo() -> Command {
    let mut command = util::program("cargo");
    command
        .arg("+nightly")
        .current_dir(util::root().join("fuzz"))
        .env_remove("CARGO")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC");
    command
}

/// Runs a fuzzer, writing all of its output to `log_path` and showing all but the lines about
/// each new corpus entry and newly covered function; returns whether it succeeded and the
/// final figures.
fn run_logged(command: &mut Command, log_path: &std::path::Path) -> Result<(bool, Summary)> {
    let line = util::describe(command);
    println!("$ {line}");
    let mut log = fs::File::create(log_path)
        .with_context(|| format!("cannot create {}", log_path.display()))?;
    // libFuzzer reports on stderr; cargo's own output goes there too.
    let mut child = command
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start `{line}`"))?;
    let stderr = child.stderr.take().expect("piped");
    let mut summary = Summary::default();
    let mut stderr = BufReader::new(stderr);
    let mut bytes = Vec::new();
    // Byte lines, read leniently: a crash report may quote the input.
    while stderr
        .read_until(b'\n', &mut bytes)
        .context("reading the fuzzer's output")?
        > 0
    {
        let line = String::from_utf8_lossy(&bytes)
            .trim_end_matches(['\n', '\r'])
            .to_string();
        bytes.clear();
        writeln!(log, "{line}")?;
        let status = line.split_whitespace().nth(1).unwrap_or("");
        let noisy = (line.starts_with('#') && matches!(status, "NEW" | "REDUCE"))
            || line.trim_start().starts_with("NEW_FUNC");
        if !noisy {
            eprintln!("{line}");
        }
        parse_line(&line, &mut summary);
    }
    let status = child.wait()?;
    Ok((status.success(), summary))
}

/// Picks the figures out of libFuzzer's status lines (`#N DONE cov: C ft: F corp: ...`)
/// and final stats (`stat::number_of_executed_units: N`).
fn parse_line(line: &str, summary: &mut Summary) {
    if let Some(rest) = line.strip_prefix("stat::number_of_executed_units:") {
        summary.executions = rest.trim().parse().ok();
        return;
    }
    if let Some(rest) = line.strip_prefix("stat::average_exec_per_sec:") {
        summary.exec_per_sec = rest.trim().parse().ok();
        return;
    }
    if !line.starts_with('#') || !line.contains(" cov: ") {
        return;
    }
    let mut words = line[1..].split_whitespace();
    summary.executions = words.next().and_then(|n| n.parse().ok());
    while let Some(word) = words.next() {
        match word {
            "cov:" => summary.cov = words.next().and_then(|v| v.parse().ok()),
            "ft:" => summary.ft = words.next().and_then(|v| v.parse().ok()),
            "corp:" => summary.corpus = words.next().map(str::to_string),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzer_figures() {
        let mut s = Summary::default();
        for line in [
            "#2\tINITED cov: 100 ft: 200 corp: 8/5Kb exec/s: 0 rss: 50Mb",
            "#19292\tNEW    cov: 2893 ft: 11883 corp: 1245/474Kb lim: 2409 exec/s: 1929 rss: 217Mb",
            "#19317\tDONE   cov: 2893 ft: 11883 corp: 1245/474Kb lim: 2409 exec/s: 1756 rss: 218Mb",
            "stat::number_of_executed_units: 19317",
            "stat::average_exec_per_sec:     1756",
        ] {
            parse_line(line, &mut s);
        }
        assert_eq!(
            s,
            Summary {
                executions: Some(19317),
                cov: Some(2893),
                ft: Some(11883),
                corpus: Some("1245/474Kb".into()),
                exec_per_sec: Some(1756),
            }
        );
    }
}
