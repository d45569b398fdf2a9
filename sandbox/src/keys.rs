//! The keys an integration needs, found in the keys directory or generated into it.
//!
//! Files (private ones readable by the owner only):
//! - `keepz_public.b64`: Keepz's public key as Keepz hands it out (bare Base64 of DER), and
//!   `keepz_private.pem`, the sandbox's half (what lets it open requests);
//! - `integrator_private.pem`, `integrator_public.pem`, `integrator_id.txt`: the integrator's key
//!   pair and id (with `--integrator-public-key`, the sandbox seals to that key instead and writes
//!   no integrator private key);
//! - `transactpay_encryption_key.txt`: TransactPay's dashboard blob (Base64 of
//!   `4096!<RSAKeyValue>…`), `transactpay_private.pem` the sandbox's half, and
//!   `transactpay_public_key.txt` / `transactpay_secret_key.txt`, the dashboard's API keys.
//!
//! An existing file is always used as it is, so a sandbox restarted on the same directory (and
//! `--state` file) is the same gateway to the integration.

use crate::config::Config;
use payseal::keys::{KeyFormat, PrivateKey, PublicKey};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Keepz's public key, bare Base64 DER.
pub const KEEPZ_PUBLIC: &str = "keepz_public.b64";
const KEEPZ_PRIVATE: &str = "keepz_private.pem";
/// The integrator's private key (PKCS#8 PEM).
pub const INTEGRATOR_PRIVATE: &str = "integrator_private.pem";
const INTEGRATOR_PUBLIC: &str = "integrator_public.pem";
const INTEGRATOR_ID: &str = "integrator_id.txt";
const TRANSACTPAY_BLOB: &str = "transactpay_encryption_key.txt";
const TRANSACTPAY_PRIVATE: &str = "transactpay_private.pem";
const TRANSACTPAY_PUBLIC_KEY: &str = "transactpay_public_key.txt";
const TRANSACTPAY_SECRET_KEY: &str = "transactpay_secret_key.txt";

/// The paths an integration reads (all absolute), as announced in the ready line.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyFiles {
    /// Keepz's public key (bare Base64 DER).
    pub keepz_public: PathBuf,
    /// The integrator's private key, unless `--integrator-public-key` was given.
    pub integrator_private: Option<PathBuf>,
    /// The integrator's public key.
    pub integrator_public: PathBuf,
    /// The integrator id, one line.
    pub integrator_id: PathBuf,
    /// TransactPay's dashboard encryption key blob.
    pub transactpay_encryption_key: PathBuf,
    /// TransactPay's public API key (`PGW-PUBLICKEY-TEST-…`).
    pub transactpay_public_key: PathBuf,
    /// TransactPay's secret API key (`PGW-SECRETKEY-TEST-…`).
    pub transactpay_secret_key: PathBuf,
}

/// Every key of both gateways' sides.
pub struct KeySet {
    /// Keepz's private key: opens requests.
    pub keepz_private: PrivateKey,
    /// The integrator's public key: answers and callbacks are sealed to it.
    pub integrator_public: PublicKey,
    /// The integrator id requests must carry.
    pub integrator_id: String,
    /// TransactPay's private key: opens `{"data"}` bodies.
    pub transactpay_private: PrivateKey,
    /// The public API key (`api-key` on encrypted endpoints).
    pub transactpay_public_key: String,
    /// The secret API key (`api-key` on verify and refund).
    pub transactpay_secret_key: String,
    /// Where they are.
    pub files: KeyFiles,
}

fn read(path: &Path) -> Result<Option<Vec<u8>>, String> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

fn write(path: &Path, bytes: &[u8], private: bool) -> Result<(), String> {
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

/// A private key from `dir/name`, or a new one of `bits` written there.
fn private_key(dir: &Path, name: &str, bits: usize) -> Result<PrivateKey, String> {
    let path = dir.join(name);
    if let Some(bytes) = read(&path)? {
        return PrivateKey::parse(bytes).map_err(|e| format!("{}: {e}", path.display()));
    }
    let key = PrivateKey::generate(bits).map_err(|e| format!("generating a key: {e}"))?;
    write(&path, &key.export(KeyFormat::Pem), true)?;
    Ok(key)
}

/// One line of text from `dir/name`, or `make()` written there.
fn text(dir: &Path, name: &str, make: impl FnOnce() -> String) -> Result<String, String> {
    let path = dir.join(name);
    if let Some(bytes) = read(&path)? {
        return String::from_utf8(bytes)
            .map(|s| s.trim().to_string())
            .map_err(|_| format!("{} is not text", path.display()));
    }
    let value = make();
    write(&path, format!("{value}\n").as_bytes(), true)?;
    Ok(value)
}

/// 32 random hex digits, as in the dashboard's API keys.
fn random_hex() -> String {
    payseal::keepz::api::new_order_id()
        .unwrap_or_default()
        .replace('-', "")
}

/// Finds or makes every key (see the module docs).
pub fn load_or_create(config: &Config) -> Result<KeySet, String> {
    let dir = &config.keys_dir;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let dir = dir
        .canonicalize()
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    let bits = config.key_bits;

    let keepz_private = private_key(&dir, KEEPZ_PRIVATE, bits)?;
    write(
        &dir.join(KEEPZ_PUBLIC),
        &keepz_private.public_key().export(KeyFormat::Base64Der),
        false,
    )?;

    let (integrator_public, integrator_private) = match &config.integrator_public_key {
        Some(path) => {
            let bytes = read(path)?.ok_or_else(|| format!("{} does not exist", path.display()))?;
            let key = PublicKey::parse(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            (key, None)
        }
        None => {
            let key = private_key(&dir, INTEGRATOR_PRIVATE, bits)?;
            (key.public_key().clone(), Some(dir.join(INTEGRATOR_PRIVATE)))
        }
    };
    write(
        &dir.join(INTEGRATOR_PUBLIC),
        &integrator_public.export(KeyFormat::Pem),
        false,
    )?;
    let integrator_id = match &config.integrator_id {
        Some(id) if payseal::keepz::api::is_uuid(id) => {
            write(
                &dir.join(INTEGRATOR_ID),
                format!("{id}\n").as_bytes(),
                false,
            )?;
            id.to_lowercase()
        }
        Some(id) => return Err(format!("--integrator-id {id:?} is not a UUID")),
        None => text(&dir, INTEGRATOR_ID, || {
            payseal::keepz::api::new_order_id().unwrap_or_default()
        })?,
    };

    let transactpay_private = private_key(&dir, TRANSACTPAY_PRIVATE, bits)?;
    write(
        &dir.join(TRANSACTPAY_BLOB),
        payseal::transactpay::to_dashboard_blob(transactpay_private.public_key()).as_bytes(),
        false,
    )?;
    let transactpay_public_key = text(&dir, TRANSACTPAY_PUBLIC_KEY, || {
        format!("PGW-PUBLICKEY-TEST-{}", random_hex())
    })?;
    let transactpay_secret_key = text(&dir, TRANSACTPAY_SECRET_KEY, || {
        format!("PGW-SECRETKEY-TEST-{}", random_hex())
    })?;

    Ok(KeySet {
        keepz_private,
        integrator_public,
        integrator_id,
        transactpay_private,
        transactpay_public_key,
        transactpay_secret_key,
        files: KeyFiles {
            keepz_public: dir.join(KEEPZ_PUBLIC),
            integrator_private,
            integrator_public: dir.join(INTEGRATOR_PUBLIC),
            integrator_id: dir.join(INTEGRATOR_ID),
            transactpay_encryption_key: dir.join(TRANSACTPAY_BLOB),
            transactpay_public_key: dir.join(TRANSACTPAY_PUBLIC_KEY),
            transactpay_secret_key: dir.join(TRANSACTPAY_SECRET_KEY),
        },
    })
}
