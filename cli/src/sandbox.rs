//! `payseal sandbox …`: starts the sandbox (the `payseal-sandbox` binary of the `payseal-sandbox`
//! crate) with the same arguments.
//!
//! The sandbox is an HTTP server on tokio; running it in-process would make every other command
//! of this tool carry tokio, axum and SQLite. So the tool looks for `payseal-sandbox` beside
//! itself, then on `PATH` (or at `PAYSEAL_SANDBOX`), and hands over to it, as `git` runs its
//! `git-*` commands.

use crate::io::CliResult;
use std::path::PathBuf;
use std::process::Command;

#[derive(clap::Args)]
#[command(disable_help_flag = true)]
pub struct SandboxArgs {
    /// The sandbox's own arguments (`payseal sandbox --help` shows them).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

/// Where `payseal-sandbox` is: `PAYSEAL_SANDBOX`, beside this binary, or on `PATH`.
fn locate() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PAYSEAL_SANDBOX") {
        return Some(PathBuf::from(path)).filter(|p| p.is_file());
    }
    let name = format!("payseal-sandbox{}", std::env::consts::EXE_SUFFIX);
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(&name)));
    beside.filter(|p| p.is_file()).or_else(|| {
        std::env::split_paths(&std::env::var_os("PATH")?)
            .map(|dir| dir.join(&name))
            .find(|p| p.is_file())
    })
}

pub fn run(args: &SandboxArgs) -> CliResult<()> {
    let path = locate().ok_or(
        "payseal-sandbox is not installed: `cargo install --path sandbox` from the payseal \
         repository, or run it with `cargo run -p payseal-sandbox --`",
    )?;
    let mut command = Command::new(&path);
    command.args(&args.args);
    #[cfg(unix)]
    {
        // Become the sandbox, so that signals (Ctrl-C, a test's kill) reach it directly.
        use std::os::unix::process::CommandExt;
        let error = command.exec();
        Err(format!("cannot run {}: {error}", path.display()))
    }
    #[cfg(not(unix))]
    {
        let status = command
            .status()
            .map_err(|e| format!("cannot run {}: {e}", path.display()))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("payseal-sandbox exited with {status}"))
        }
    }
}
