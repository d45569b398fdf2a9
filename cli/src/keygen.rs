//! `payseal keygen`: a key pair in every supported format.

use crate::io::{BackendArg, CliResult, backend, describe};
use payseal::keys::{KeyFormat, PrivateKey};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct KeygenArgs {
    /// Modulus size in bits (2048, 3072, 4096 or 8192 on aws-lc).
    #[arg(long, default_value_t = 4096)]
    bits: usize,
    /// Directory to write the files into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Crypto backend.
    #[arg(long, value_enum)]
    backend: Option<BackendArg>,
}

/// The TransactPay dashboard blob of the public key.
pub const TRANSACTPAY_BLOB: &str = "transactpay.blob";

/// The files written, as (file name, public?, format).
pub const FILES: [(&str, bool, KeyFormat); 8] = [
    ("private.pem", false, KeyFormat::Pem),
    ("private.pkcs1.pem", false, KeyFormat::Pkcs1Pem),
    ("private.der", false, KeyFormat::Der),
    ("private.b64", false, KeyFormat::Base64Der),
    ("public.pem", true, KeyFormat::Pem),
    ("public.pkcs1.pem", true, KeyFormat::Pkcs1Pem),
    ("public.der", true, KeyFormat::Der),
    ("public.b64", true, KeyFormat::Base64Der),
];

pub fn run(args: &KeygenArgs) -> CliResult<()> {
    let key =
        PrivateKey::generate_with(args.bits, backend(args.backend)?).map_err(|e| describe(&e))?;
    std::fs::create_dir_all(&args.out)
        .map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    for (name, public, format) in FILES {
        let bytes = if public {
            key.public_key().export(format)
        } else {
            key.export(format).to_vec()
        };
        write_file(&args.out.join(name), &bytes, !public)?;
    }
    // TransactPay's dashboard shows the public key as this blob.
    let blob = payseal::transactpay::to_dashboard_blob(key.public_key());
    write_file(&args.out.join(TRANSACTPAY_BLOB), blob.as_bytes(), false)?;
    println!(
        "wrote a {}-bit key pair to {} (public fingerprint {})",
        key.bits(),
        args.out.display(),
        key.public_key().fingerprint()
    );
    Ok(())
}

/// Writes a file; private keys are readable by the owner only.
pub fn write_file(path: &std::path::Path, bytes: &[u8], private: bool) -> CliResult<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    // A private key's file is created owner-only (no moment at the umask's mode), and one that
    // already existed is restricted before the key is written into it.
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| format!("cannot restrict {}: {e}", path.display()))?;
    }
    file.write_all(bytes)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(())
}
