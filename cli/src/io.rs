//! Reading inputs and naming options for the command line.

use payseal::keys::{KeyOptions, PrivateKey, PublicKey};
use payseal::{Backend, RsaPadding};
use std::io::Read;
use std::path::Path;

/// The error text of a command: one line for stderr.
pub type CliResult<T> = Result<T, String>;

/// Formats a payseal error as one line.
pub fn describe(e: &payseal::Error) -> String {
    format!("{} (error {}: {:?})", e.message(), e.code(), e.kind())
}

/// Reads all of stdin, up to `limit` bytes.
pub fn read_stdin(limit: usize) -> CliResult<Vec<u8>> {
    let mut buf = Vec::new();
    std::io::stdin()
        .take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if buf.len() > limit {
        return Err(format!("standard input is larger than {limit} bytes"));
    }
    Ok(buf)
}

/// Reads a file, naming it in the error.
pub fn read_file(path: &Path) -> CliResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Loads a public key file in any supported format.
pub fn public_key(path: &Path, backend: Backend) -> CliResult<PublicKey> {
    PublicKey::parse_with(read_file(path)?, &KeyOptions::with_backend(backend))
        .map_err(|e| format!("{}: {}", path.display(), describe(&e)))
}

/// Loads a private key file in any supported format.
pub fn private_key(path: &Path, backend: Backend) -> CliResult<PrivateKey> {
    PrivateKey::parse_with(read_file(path)?, &KeyOptions::with_backend(backend))
        .map_err(|e| format!("{}: {}", path.display(), describe(&e)))
}

/// The `--padding` option.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum PaddingArg {
    /// RSAES-OAEP, SHA-256, MGF1-SHA-256 (Keepz's default).
    #[value(name = "oaep-sha256")]
    OaepSha256,
    /// RSAES-PKCS#1 v1.5.
    #[value(name = "pkcs1v15")]
    Pkcs1v15,
}

impl From<PaddingArg> for RsaPadding {
    fn from(p: PaddingArg) -> RsaPadding {
        match p {
            PaddingArg::OaepSha256 => RsaPadding::OaepSha256,
            PaddingArg::Pkcs1v15 => RsaPadding::Pkcs1v15,
        }
    }
}

/// The `--backend` option.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum BackendArg {
    /// AWS-LC (aws-lc-rs).
    #[value(name = "aws-lc")]
    AwsLc,
    /// RustCrypto (rsa, aes, cbc).
    #[value(name = "rustcrypto")]
    RustCrypto,
}

/// The chosen backend, or the build's default; an error when it is not compiled in.
pub fn backend(arg: Option<BackendArg>) -> CliResult<Backend> {
    let backend = match arg {
        None => return Ok(Backend::default()),
        Some(BackendArg::AwsLc) => Backend::AwsLc,
        Some(BackendArg::RustCrypto) => Backend::RustCrypto,
    };
    if backend.is_available() {
        Ok(backend)
    } else {
        Err(format!(
            "the {} backend is not compiled into this build (cargo feature `{}`)",
            backend.name(),
            backend.name()
        ))
    }
}
