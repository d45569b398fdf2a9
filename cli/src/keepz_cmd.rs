//! `payseal keepz seal|open`.

use crate::io::{
    BackendArg, CliResult, PaddingArg, backend, describe, private_key, public_key, read_stdin,
};
use payseal::keepz::{DEFAULT_MAX_BODY, EnvelopeMode, Keepz};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Subcommand)]
pub enum KeepzCommand {
    /// Read a payload (JSON) on stdin and print the envelope.
    Seal {
        /// The public key to seal to (Keepz's), in any supported format.
        #[arg(long)]
        public_key: PathBuf,
        /// The integrator id, sent as `identifier`.
        #[arg(long)]
        identifier: Option<String>,
        /// RSA padding of the key wrap.
        #[arg(long, value_enum, default_value = "oaep-sha256")]
        padding: PaddingArg,
        /// Print a percent-encoded query string (GET/DELETE endpoints) instead of a JSON body.
        #[arg(long)]
        query: bool,
        /// Legacy envelopes: the whole JSON RSA PKCS#1 v1.5-encrypted, no AES.
        #[arg(long)]
        legacy: bool,
        /// Crypto backend.
        #[arg(long, value_enum)]
        backend: Option<BackendArg>,
    },
    /// Read a response or callback body on stdin and print the plaintext JSON.
    Open {
        /// The private key to open with (the integrator's own), in any supported format.
        #[arg(long)]
        private_key: PathBuf,
        /// RSA padding of the key wrap.
        #[arg(long, value_enum, default_value = "oaep-sha256")]
        padding: PaddingArg,
        /// Legacy envelopes.
        #[arg(long)]
        legacy: bool,
        /// Read the answer as a typed value and print it pretty.
        #[arg(long = "as", value_enum)]
        as_type: Option<crate::typed::TypedAs>,
        /// The HTTP status the body came with (for --as; 0 for a callback).
        #[arg(long, default_value_t = 200)]
        http_status: u16,
        /// Crypto backend.
        #[arg(long, value_enum)]
        backend: Option<BackendArg>,
    },
}

fn mode(legacy: bool) -> EnvelopeMode {
    if legacy {
        EnvelopeMode::Legacy
    } else {
        EnvelopeMode::Hybrid
    }
}

pub fn run(command: KeepzCommand) -> CliResult<()> {
    match command {
        KeepzCommand::Seal {
            public_key: path,
            identifier,
            padding,
            query,
            legacy,
            backend: b,
        } => {
            let mut builder = Keepz::builder()
                .seal_to(public_key(&path, backend(b)?)?)
                .padding(padding.into())
                .mode(mode(legacy));
            if let Some(id) = identifier {
                builder = builder.identifier(id);
            }
            let keepz = builder.build().map_err(|e| describe(&e))?;
            let payload = read_stdin(DEFAULT_MAX_BODY)?;
            let payload = payload.trim_ascii_end();
            let sealed = keepz.seal_bytes(payload).map_err(|e| describe(&e))?;
            let out = if query {
                sealed.to_query_string()
            } else {
                sealed.to_json_body()
            };
            println!("{out}");
            Ok(())
        }
        KeepzCommand::Open {
            private_key: path,
            padding,
            legacy,
            as_type,
            http_status,
            backend: b,
        } => {
            let keepz = Keepz::builder()
                .open_with(private_key(&path, backend(b)?)?)
                .padding(padding.into())
                .mode(mode(legacy))
                .build()
                .map_err(|e| describe(&e))?;
            let body = read_stdin(DEFAULT_MAX_BODY + 1)?;
            if let Some(as_type) = as_type {
                return crate::typed::run(&keepz, as_type, http_status, &body);
            }
            match keepz.open(&body) {
                Ok(plaintext) => {
                    let mut stdout = std::io::stdout();
                    stdout
                        .write_all(plaintext.as_bytes())
                        .and_then(|()| stdout.write_all(b"\n"))
                        .map_err(|e| format!("cannot write standard output: {e}"))
                }
                Err(e) => Err(crate::typed::gateway_or(&e)),
            }
        }
    }
}
