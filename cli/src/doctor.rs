//! `payseal doctor`: for an integrator whose envelopes fail — what each key is, whether the keys
//! belong together, and why an envelope does not open (through the separate diagnostics handle,
//! `KeepzDiagnostics`, never the production open path).

use crate::io::{CliResult, PaddingArg, describe, read_file};
use payseal::keepz::{DiagnoseOptions, EnvelopeMode, KeepzDiagnostics, KeepzOptions};
use payseal::keys::{PrivateKey, PublicKey};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct DoctorArgs {
    /// A public key (Keepz's, or the integrator's own), in any format.
    #[arg(long)]
    public_key: Vec<PathBuf>,
    /// The integrator's private key, in any format.
    #[arg(long)]
    private_key: Option<PathBuf>,
    /// A response or callback body that does not open (needs --private-key).
    #[arg(long)]
    envelope: Option<PathBuf>,
    /// The RSA padding the integration expects.
    #[arg(long, value_enum, default_value = "oaep-sha256")]
    padding: PaddingArg,
    /// Legacy envelopes.
    #[arg(long)]
    legacy: bool,
    /// When the key block does not open, also try the other RSA padding.
    #[arg(long)]
    try_other_padding: bool,
}

fn report_public(path: &Path) -> Option<PublicKey> {
    let bytes = match read_file(path) {
        Ok(b) => b,
        Err(e) => {
            println!("✗ {e}");
            return None;
        }
    };
    match PublicKey::parse(&bytes) {
        Ok(key) => {
            println!(
                "✓ {}: {}-bit RSA public key, {}, fingerprint {}",
                path.display(),
                key.bits(),
                key.origin(),
                key.fingerprint()
            );
            Some(key)
        }
        Err(first) => match payseal::transactpay::parse_encryption_key(&bytes, &Default::default())
        {
            Ok(key) => {
                println!(
                    "✓ {}: {}-bit RSA public key, {}, fingerprint {}",
                    path.display(),
                    key.bits(),
                    key.origin(),
                    key.fingerprint()
                );
                Some(key)
            }
            Err(_) => {
                println!("✗ {}: {}", path.display(), describe(&first));
                None
            }
        },
    }
}

pub fn run(args: &DoctorArgs) -> CliResult<()> {
    let publics: Vec<PublicKey> = args
        .public_key
        .iter()
        .filter_map(|p| report_public(p))
        .collect();
    let private = match &args.private_key {
        None => None,
        Some(path) => match PrivateKey::parse(read_file(path)?) {
            Ok(key) => {
                println!(
                    "✓ {}: {}-bit RSA private key, {}, public fingerprint {}",
                    path.display(),
                    key.bits(),
                    key.public_key().origin(),
                    key.public_key().fingerprint()
                );
                Some(key)
            }
            Err(e) => {
                println!("✗ {}: {}", path.display(), describe(&e));
                None
            }
        },
    };
    if let Some(private) = &private {
        for public in &publics {
            if public.fingerprint() == private.public_key().fingerprint() {
                println!(
                    "• the public key {} is the public half of this private key (your own key: \
                     Keepz seals responses to it; requests must be sealed to Keepz's key instead)",
                    &public.fingerprint()[..16]
                );
            } else {
                println!(
                    "• the public key {} is not this private key's public half (expected for \
                     Keepz's key; a mistake if it is meant to be your own)",
                    &public.fingerprint()[..16]
                );
            }
        }
    }
    if let Some(envelope) = &args.envelope {
        let Some(private) = private else {
            return Err("--envelope needs a readable --private-key".into());
        };
        let body = read_file(envelope)?;
        let options = KeepzOptions {
            padding: args.padding.into(),
            mode: if args.legacy {
                EnvelopeMode::Legacy
            } else {
                EnvelopeMode::Hybrid
            },
            ..KeepzOptions::default()
        };
        let doctor = KeepzDiagnostics::new(private, options);
        let ask = DiagnoseOptions::default().try_other_padding(args.try_other_padding);
        let diagnosis = doctor.explain(&body, ask);
        println!("envelope {}:", envelope.display());
        for step in &diagnosis.steps {
            println!("  - {step}");
        }
        match diagnosis.reason {
            None => println!("✓ it opens with these settings"),
            Some(reason) => {
                println!("✗ {reason}");
                return Err("the envelope does not open (see above)".into());
            }
        }
    }
    Ok(())
}
