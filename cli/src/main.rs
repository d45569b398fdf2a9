//! `payseal`: seal, open and inspect Keepz and TransactPay envelopes from the command line.
//!
//! Every failure exits non-zero with one clear line on stderr, never a panic message.

mod bench;
mod demo;
mod doctor;
mod io;
mod keepz_cmd;
mod keygen;
mod sandbox;
mod transactpay_cmd;
mod typed;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "payseal",
    version,
    about = "Seal and open Keepz and TransactPay envelopes"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Walk through a Keepz exchange with throw-away keys, step by step.
    Demo,
    /// Generate an RSA key pair in every supported format.
    Keygen(keygen::KeygenArgs),
    /// Keepz envelopes.
    #[command(subcommand)]
    Keepz(keepz_cmd::KeepzCommand),
    /// Explain why keys or envelopes do not work: formats, sizes, fingerprints, the real reason.
    Doctor(doctor::DoctorArgs),
    /// TransactPay envelopes.
    #[command(subcommand)]
    Transactpay(transactpay_cmd::TransactPayCommand),
    /// Measure throughput on this machine: ops/s of the main cases, and the time ratio to the
    /// bare RSA (and AES) primitive, per backend (~30 s).
    Bench(bench::BenchArgs),
    /// Start a local Keepz and TransactPay to test integrations against (runs `payseal-sandbox`).
    Sandbox(sandbox::SandboxArgs),
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|_| {
        eprintln!("payseal: internal error (please report it)");
    }));
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo => demo::run(),
        Command::Keygen(args) => keygen::run(&args),
        Command::Doctor(args) => doctor::run(&args),
        Command::Keepz(command) => keepz_cmd::run(command),
        Command::Transactpay(command) => transactpay_cmd::run(command),
        Command::Bench(args) => bench::run(&args),
        Command::Sandbox(args) => sandbox::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("payseal: {message}");
            ExitCode::FAILURE
        }
    }
}
