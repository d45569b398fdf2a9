//! The command line: how the sandbox is started (`Config`) and the `ctl` client that drives a
//! running one.

use crate::faults::FaultSpec;
use std::net::IpAddr;
use std::path::PathBuf;

/// `payseal-sandbox [OPTIONS]` starts the sandbox; `payseal-sandbox ctl ...` drives one.
#[derive(clap::Parser, Debug)]
#[command(
    name = "payseal-sandbox",
    version,
    about = "A local Keepz and TransactPay for integration tests",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Talk to a running sandbox instead of starting one.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// How to start the sandbox.
    #[command(flatten)]
    pub config: Config,
}

/// The subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Drive a running sandbox through its control API (advance, expire, faults, log).
    Ctl(Ctl),
}

/// How the sandbox starts.
#[derive(clap::Args, Debug, Clone)]
pub struct Config {
    /// Address to listen on. Loopback by default: the sandbox is for tests on this machine.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Port to listen on; 0 picks a free one (read it from the ready line or --ready-file).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Directory of the keys: existing keys there are used, missing ones are generated and written.
    #[arg(long, default_value = "sandbox-keys")]
    pub keys_dir: PathBuf,
    /// Size of generated RSA keys (both gateways use 4096; 2048 starts faster).
    #[arg(long, default_value_t = 4096)]
    pub key_bits: usize,
    /// The integrator id Keepz "issued" (default: the one in the keys directory, or a new one).
    #[arg(long)]
    pub integrator_id: Option<String>,
    /// Your own integrator public key (any format), to test with the key pair you already have;
    /// otherwise a pair is generated into the keys directory.
    #[arg(long)]
    pub integrator_public_key: Option<PathBuf>,
    /// The RSA padding Keepz expects of this integrator's requests: `oaep` (SHA-256) or `pkcs1v15`.
    #[arg(long, default_value = "oaep")]
    pub keepz_padding: String,
    /// Keep orders, cards, subscriptions and the delivery log in this SQLite file, so that a
    /// restarted sandbox (same --keys-dir) still knows them. In memory otherwise.
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// Also write the ready line (URLs, keys, ids as JSON) to this file once listening.
    #[arg(long)]
    pub ready_file: Option<PathBuf>,
    /// Where TransactPay posts webhooks (its dashboard setting); settable later by the control API.
    #[arg(long)]
    pub transactpay_webhook: Option<String>,
    /// A fault for the next matching call, e.g. `keepz:html502`, `transactpay:slow:2000`,
    /// `keepz:error:6005`, `keepz:wrong-key`, `empty`. Repeatable; used in order.
    #[arg(long = "fault")]
    pub faults: Vec<FaultSpec>,
    /// Attempts per callback or webhook before it is given up (logged either way).
    #[arg(long, default_value_t = 5)]
    pub delivery_attempts: u32,
    /// Wait before the first retry, in milliseconds; doubled for each further one.
    #[arg(long, default_value_t = 500)]
    pub delivery_retry_ms: u64,
    /// How long a Keepz refund stays REFUND_REQUESTED before it settles, in milliseconds.
    #[arg(long, default_value_t = 1000)]
    pub refund_settle_ms: u64,
    /// Post callbacks and webhooks to hosts other than loopback too (off: the sandbox does not
    /// become a way to reach other machines).
    #[arg(long)]
    pub allow_remote_callbacks: bool,
    /// The base URL announced in checkout links, when clients reach the sandbox through another
    /// name (a container, a proxy). Default: http://HOST:PORT.
    #[arg(long)]
    pub public_url: Option<String>,
}

/// `payseal-sandbox ctl --url URL ACTION`.
#[derive(clap::Args, Debug)]
pub struct Ctl {
    /// The sandbox's base URL (the ready line's "url").
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    pub url: String,
    /// What to do.
    #[command(subcommand)]
    pub action: CtlAction,
}

/// The control actions.
#[derive(clap::Subcommand, Debug)]
pub enum CtlAction {
    /// Move a Keepz order (by integratorOrderId) or a TransactPay order (by reference) one step
    /// on, or to STATUS (Keepz: PROCESSING, SUCCESS, FAILED, EXPIRED, CANCELED; TransactPay: 5, 4).
    Advance {
        /// `keepz` or `transactpay`.
        gateway: String,
        /// The order's id or reference.
        order: String,
        /// The status to move to.
        #[arg(long)]
        status: Option<String>,
    },
    /// Expire a Keepz order now.
    Expire {
        /// The integratorOrderId.
        order: String,
    },
    /// Queue a fault for the next matching call (same syntax as --fault).
    Fault {
        /// e.g. `keepz:html502`.
        spec: FaultSpec,
    },
    /// Print the callbacks and webhooks sent, with every attempt.
    Deliveries,
}

/// Runs a `ctl` action and prints the sandbox's JSON answer.
pub fn run_ctl(ctl: &Ctl) -> Result<(), String> {
    crate::control::client::run(ctl)
}
