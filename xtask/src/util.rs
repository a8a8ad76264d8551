//! Paths and process helpers shared by the commands.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// The workspace root (this crate lives in `<root>/xtask`). `cargo run` says where the
/// manifest is at run time; that wins over the path compiled in, because two clones sharing one
/// `CARGO_TARGET_DIR` share one xtask binary, which would otherwise build the other clone.
pub fn root() -> PathBuf {
    if let Some(manifest_dir) = env::var_os("CARGO_MANIFEST_DIR") {
        return PathBuf::from(manifest_dir)
            .parent()
            .expect("xtask sits inside the workspace root")
            .to_path_buf();
    }
    // Run as a bare binary (the browser tests' server, started in the workspace): the workspace
    // around the working directory, not the one this binary was built from — two clones can
    // share one target directory, and each must serve its own dist/.
    if let Some(found) = env::current_dir()
        .ok()
        .as_deref()
        .and_then(workspace_around)
    {
        return found;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the workspace root")
        .to_path_buf()
}

/// The nearest folder at or above `dir` that holds this workspace (a Cargo.toml beside
/// xtask/Cargo.toml).
fn workspace_around(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join("Cargo.toml").is_file() && d.join("xtask").join("Cargo.toml").is_file())
        .map(Path::to_path_buf)
}

/// Cargo's target directory, honouring `CARGO_TARGET_DIR`.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// `cargo` run from the workspace root: the same cargo that runs us when invoked via the alias.
pub fn cargo() -> Command {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.current_dir(root());
    command
}

/// Any program run from the workspace root.
pub fn program(name: &str) -> Command {
    let mut command = Command::new(name);
    command.current_dir(root());
    command
}

/// Runs a command with inherited stdio, failing with the command line when it fails.
pub fn run(command: &mut Command) -> Result<()> {
    let line = describe(command);
    println!("$ {line}");
    let status = command
        .status()
        .with_context(|| format!("cannot start `{line}` (is it installed and on PATH?)"))?;
    if !status.success() {
        bail!("`{line}` failed ({status})");
    }
    Ok(())
}

/// Like [`run`], but returns what the command wrote to stdout (stderr is inherited).
pub fn run_capturing(command: &mut Command) -> Result<String> {
    let line = describe(command);
    println!("$ {line}");
    let output = command
        .stderr(std::process::Stdio::inherit())
        .output()
        .with_context(|| format!("cannot start `{line}` (is it installed and on PATH?)"))?;
    if !output.status.success() {
        bail!("`{line}` failed ({})", output.status);
    }
    String::from_utf8(output.stdout).with_context(|| format!("`{line}` wrote non-UTF-8 output"))
}

/// The command line as a person would type it (`cargo`, not the full path in `$CARGO`).
pub fn describe(command: &Command) -> String {
    let program = Path::new(command.get_program());
    let name = program.file_name().unwrap_or(program.as_os_str());
    let mut parts = vec![name.to_string_lossy().into_owned()];
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

pub fn no_options(command: &str, rest: &[String]) -> Result<()> {
    if let Some(extra) = rest.first() {
        bail!("`cargo xtask {command}` takes no option {extra:?}");
    }
    Ok(())
}

/// Human-readable byte count: exact bytes plus KiB/MiB.
pub fn human_bytes(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KIB * KIB {
        format!("{:.2} MiB ({bytes} B)", b / (KIB * KIB))
    } else if b >= KIB {
        format!("{:.1} KiB ({bytes} B)", b / KIB)
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_holds_the_workspace_manifest() {
        assert!(root().join("Cargo.toml").is_file());
        assert!(root().join("xtask").join("Cargo.toml").is_file());
    }

    #[test]
    fn a_bare_binary_finds_the_workspace_around_its_working_directory() {
        let root = root();
        assert_eq!(
            workspace_around(&root.join("www").join("views")),
            Some(root.clone())
        );
        assert_eq!(workspace_around(&root), Some(root));
        assert_eq!(workspace_around(Path::new("/")), None);
    }

    #[test]
    fn human_bytes_picks_a_unit() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(2048), "2.0 KiB (2048 B)");
        assert_eq!(human_bytes(3 * 1024 * 1024), "3.00 MiB (3145728 B)");
    }
}
