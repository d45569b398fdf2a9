//! `payseal-sandbox`: starts the sandbox (see `payseal-sandbox --help`), or talks to a running
//! one (`payseal-sandbox ctl --help`).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = payseal_sandbox::config::Cli::parse();
    let result = match cli.command {
        Some(payseal_sandbox::config::Command::Ctl(ctl)) => payseal_sandbox::config::run_ctl(&ctl),
        None => payseal_sandbox::run(cli.config),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("payseal-sandbox: {message}");
            ExitCode::FAILURE
        }
    }
}
