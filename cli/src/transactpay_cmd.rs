//! `payseal transactpay seal|open`.

use crate::io::{BackendArg, CliResult, backend, describe, private_key, read_file, read_stdin};
use payseal::keys::KeyOptions;
use payseal::transactpay::{TransactPay, parse_encryption_key};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Subcommand)]
pub enum TransactPayCommand {
    /// Read a payload (JSON object) on stdin and print the `{"data": "..."}` body.
    Seal {
        /// The encryption key: the dashboard blob, its decoded text, RSAKeyValue XML, or a
        /// PEM/DER public key.
        #[arg(long)]
        key: PathBuf,
        /// Crypto backend.
        #[arg(long, value_enum)]
        backend: Option<BackendArg>,
    },
    /// Read a `{"data": "..."}` body on stdin and print the plaintext JSON (TransactPay's side:
    /// for tests and test doubles).
    Open {
        /// The private key of the encryption key pair.
        #[arg(long)]
        private_key: PathBuf,
        /// Crypto backend.
        #[arg(long, value_enum)]
        backend: Option<BackendArg>,
    },
}

pub fn run(command: TransactPayCommand) -> CliResult<()> {
    match command {
        TransactPayCommand::Seal { key, backend: b } => {
            let options = KeyOptions::with_backend(backend(b)?);
            let public = parse_encryption_key(read_file(&key)?, &options)
                .map_err(|e| format!("{}: {}", key.display(), describe(&e)))?;
            let handle = TransactPay::from_key(public);
            let payload = read_stdin(handle.max_body())?;
            let sealed = handle
                .seal_bytes(payload.trim_ascii_end())
                .map_err(|e| describe(&e))?;
            println!("{}", sealed.to_json_body());
            Ok(())
        }
        TransactPayCommand::Open {
            private_key: path,
            backend: b,
        } => {
            let key = private_key(&path, backend(b)?)?;
            let handle = TransactPay::builder()
                .open_with(key)
                .build()
                .map_err(|e| describe(&e))?;
            let body = read_stdin(handle.max_body() + 1)?;
            let plaintext = handle.open(&body).map_err(|e| describe(&e))?;
            let mut stdout = std::io::stdout();
            stdout
                .write_all(plaintext.as_bytes())
                .and_then(|()| stdout.write_all(b"\n"))
                .map_err(|e| format!("cannot write standard output: {e}"))
        }
    }
}
