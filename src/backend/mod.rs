//! The one seam between payseal and crypto libraries.
//!
//! A backend provides a handful of operations: RSA encryption with OAEP-SHA-256 (MGF1-SHA-256,
//! empty label) and PKCS#1 v1.5, the **raw** (unpadded, blinded) RSA private operation, raw
//! AES-256-CBC, key generation and the OS CSPRNG. Everything above it is written once, including
//! the removal of RSA and CBC padding ([`padding`](self::padding), `pkcs7`): no backend's own
//! padded decryption is used, so both behave identically and the secret data from the RSA output
//! onwards is only ever touched by payseal's constant-time code.
//!
//! Two backends exist and both may be compiled into one build:
//! - [`Backend::AwsLc`] (feature `aws-lc`, the default): AWS-LC through `aws-lc-rs`, and
//!   `aws-lc-sys` for the raw private operation; constant-time and blinded, and the fastest.
//! - [`Backend::RustCrypto`] (feature `rustcrypto`): the pure-Rust `rsa` 0.10 line (constant-time
//!   bignums and blinding, through its `hazmat` raw operation), `aes` and `cbc`.

#[cfg(feature = "aws-lc")]
mod aws_lc;
pub(crate) mod padding;
mod pkcs7;
#[cfg(feature = "rustcrypto")]
mod rustcrypto;

#[cfg(test)]
pub(crate) use pkcs7::pkcs7_unpad_ct;
pub(crate) use pkcs7::{pkcs7_check_ct, pkcs7_pad};

use crate::error::{Error, ErrorKind, Result, excerpt};
use zeroize::Zeroizing;

#[cfg(not(any(feature = "aws-lc", feature = "rustcrypto")))]
compile_error!("payseal needs at least one backend: enable the `aws-lc` or `rustcrypto` feature");

/// Which crypto library performs the RSA and AES operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Backend {
    /// AWS-LC through `aws-lc-rs` (feature `aws-lc`).
    AwsLc,
    /// The RustCrypto crates `rsa` 0.10, `aes`, `cbc` (feature `rustcrypto`).
    RustCrypto,
}

impl Backend {
    /// The build's default: `AwsLc` when compiled in, else `RustCrypto`.
    pub const fn default_backend() -> Backend {
        if cfg!(feature = "aws-lc") {
            Backend::AwsLc
        } else {
            Backend::RustCrypto
        }
    }

    /// The backends compiled into this build, default first.
    pub fn available() -> Vec<Backend> {
        [Backend::AwsLc, Backend::RustCrypto]
            .into_iter()
            .filter(|b| b.is_available())
            .collect()
    }

    /// Whether this backend is compiled into this build.
    pub const fn is_available(self) -> bool {
        match self {
            Backend::AwsLc => cfg!(feature = "aws-lc"),
            Backend::RustCrypto => cfg!(feature = "rustcrypto"),
        }
    }

    /// The backend's name as used on the command line and in the C ABI (`aws-lc`, `rustcrypto`).
    pub const fn name(self) -> &'static str {
        match self {
            Backend::AwsLc => "aws-lc",
            Backend::RustCrypto => "rustcrypto",
        }
    }

    /// The backend with this name.
    pub fn from_name(name: &str) -> Result<Backend> {
        match name {
            "aws-lc" => Ok(Backend::AwsLc),
            "rustcrypto" => Ok(Backend::RustCrypto),
            other => Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "unknown backend {}: expected \"aws-lc\" or \"rustcrypto\"",
                    excerpt(other)
                ),
            )),
        }
    }

    /// The smallest RSA modulus (bits) this backend can use, whatever the caller allows.
    pub const fn min_rsa_bits(self) -> usize {
        match self {
            Backend::AwsLc => 2048,
            Backend::RustCrypto => 1024,
        }
    }

    /// The largest RSA modulus (bits) this backend can use: what aws-lc-rs and `rsa` 0.10
    /// (`RsaPublicKey::MAX_SIZE`) accept for a public key.
    pub const fn max_rsa_bits(self) -> usize {
        match self {
            Backend::AwsLc | Backend::RustCrypto => 8192,
        }
    }

    fn unavailable(self) -> Error {
        Error::new(
            ErrorKind::BackendUnavailable,
            format!(
                "the {} backend is not compiled into this build (enable the cargo feature `{}`)",
                self.name(),
                self.name()
            ),
        )
    }
}

impl Default for Backend {
    fn default() -> Self {
        Backend::default_backend()
    }
}

/// The RSA encryption padding of a key wrap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum RsaPadding {
    /// RSAES-OAEP with SHA-256, MGF1-SHA-256 and an empty label (Keepz's default).
    #[default]
    OaepSha256,
    /// RSAES-PKCS#1 v1.5 (TransactPay; Keepz's legacy mode and explicit option).
    Pkcs1v15,
}

impl RsaPadding {
    /// The name used on the command line and in the C ABI (`oaep-sha256`, `pkcs1v15`).
    pub const fn name(self) -> &'static str {
        match self {
            RsaPadding::OaepSha256 => "oaep-sha256",
            RsaPadding::Pkcs1v15 => "pkcs1v15",
        }
    }

    /// The padding with this name.
    pub fn from_name(name: &str) -> Result<RsaPadding> {
        match name {
            "oaep-sha256" => Ok(RsaPadding::OaepSha256),
            "pkcs1v15" => Ok(RsaPadding::Pkcs1v15),
            other => Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "unknown RSA padding {}: expected \"oaep-sha256\" or \"pkcs1v15\"",
                    excerpt(other)
                ),
            )),
        }
    }

    /// The largest message this padding can wrap under a key of `k` bytes.
    pub const fn max_message_len(self, k: usize) -> usize {
        match self {
            // 2 * hLen + 2 with SHA-256
            RsaPadding::OaepSha256 => k.saturating_sub(66),
            RsaPadding::Pkcs1v15 => k.saturating_sub(11),
        }
    }
}

/// A public key prepared for one backend.
pub(crate) enum PublicKeyImpl {
    #[cfg(feature = "aws-lc")]
    AwsLc(aws_lc::PublicKey),
    #[cfg(feature = "rustcrypto")]
    RustCrypto(rustcrypto::PublicKey),
}

impl PublicKeyImpl {
    /// Prepares an X.509 SubjectPublicKeyInfo DER key for `backend`.
    pub(crate) fn from_spki_der(backend: Backend, der: &[u8]) -> Result<Self> {
        match backend {
            #[cfg(feature = "aws-lc")]
            Backend::AwsLc => Ok(PublicKeyImpl::AwsLc(aws_lc::PublicKey::from_spki_der(der)?)),
            #[cfg(feature = "rustcrypto")]
            Backend::RustCrypto => Ok(PublicKeyImpl::RustCrypto(
                rustcrypto::PublicKey::from_spki_der(der)?,
            )),
            #[allow(unreachable_patterns)]
            other => Err(other.unavailable()),
        }
    }

    /// Encrypts one RSA block; `msg` must fit the padding (checked by the caller).
    pub(crate) fn encrypt(&self, padding: RsaPadding, msg: &[u8]) -> Result<Vec<u8>> {
        match self {
            #[cfg(feature = "aws-lc")]
            PublicKeyImpl::AwsLc(k) => k.encrypt(padding, msg),
            #[cfg(feature = "rustcrypto")]
            PublicKeyImpl::RustCrypto(k) => k.encrypt(padding, msg),
        }
    }
}

/// A private key prepared for one backend (the large pure-Rust key is boxed).
pub(crate) enum PrivateKeyImpl {
    #[cfg(feature = "aws-lc")]
    AwsLc(aws_lc::PrivateKey),
    #[cfg(feature = "rustcrypto")]
    RustCrypto(Box<rustcrypto::PrivateKey>),
}

impl PrivateKeyImpl {
    /// Prepares an unencrypted PKCS#8 DER RSA key for `backend`.
    pub(crate) fn from_pkcs8_der(backend: Backend, der: &[u8]) -> Result<Self> {
        match backend {
            #[cfg(feature = "aws-lc")]
            Backend::AwsLc => Ok(PrivateKeyImpl::AwsLc(aws_lc::PrivateKey::from_pkcs8_der(
                der,
            )?)),
            #[cfg(feature = "rustcrypto")]
            Backend::RustCrypto => Ok(PrivateKeyImpl::RustCrypto(Box::new(
                rustcrypto::PrivateKey::from_pkcs8_der(der)?,
            ))),
            #[allow(unreachable_patterns)]
            other => Err(other.unavailable()),
        }
    }

    /// The raw RSA private operation `c^d mod n`, blinded, as exactly `k` big-endian bytes, with
    /// no padding removed. `ciphertext` is `k` bytes and a value in `2..n-1` (checked by the
    /// caller, `PrivateKey::rsa_private_raw`); the error is for a failure inside the library.
    pub(crate) fn rsa_private_raw(
        &self,
        ciphertext: &[u8],
    ) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
        match self {
            #[cfg(feature = "aws-lc")]
            PrivateKeyImpl::AwsLc(k) => k.rsa_private_raw(ciphertext),
            #[cfg(feature = "rustcrypto")]
            PrivateKeyImpl::RustCrypto(k) => k.rsa_private_raw(ciphertext),
        }
    }
}

/// Generates an RSA key pair of `bits` with public exponent 65537, as PKCS#8 DER.
pub(crate) fn generate_pkcs8(backend: Backend, bits: usize) -> Result<Zeroizing<Vec<u8>>> {
    match backend {
        #[cfg(feature = "aws-lc")]
        Backend::AwsLc => aws_lc::generate_pkcs8(bits),
        #[cfg(feature = "rustcrypto")]
        Backend::RustCrypto => rustcrypto::generate_pkcs8(bits),
        #[allow(unreachable_patterns)]
        other => Err(other.unavailable()),
    }
}

/// AES-256-CBC encryption with PKCS#7 padding.
pub(crate) fn aes256_cbc_encrypt(
    backend: Backend,
    key: &[u8; 32],
    iv: &[u8; 16],
    plaintext: &[u8],
) -> Result<Vec<u8>> {
    // Wiped if encryption fails; on success it holds only ciphertext and is moved out.
    let mut buf = Zeroizing::new(pkcs7_pad(plaintext));
    aes256_cbc_encrypt_raw(backend, key, iv, &mut buf)?;
    Ok(std::mem::take(&mut *buf))
}

/// Raw AES-256-CBC encryption in place; `buf` is a whole number of blocks.
fn aes256_cbc_encrypt_raw(
    backend: Backend,
    key: &[u8; 32],
    iv: &[u8; 16],
    buf: &mut [u8],
) -> Result<()> {
    debug_assert_eq!(buf.len() % 16, 0);
    match backend {
        #[cfg(feature = "aws-lc")]
        Backend::AwsLc => aws_lc::cbc_encrypt_raw(key, iv, buf),
        #[cfg(feature = "rustcrypto")]
        Backend::RustCrypto => rustcrypto::cbc_encrypt_raw(key, iv, buf),
        #[allow(unreachable_patterns)]
        other => Err(other.unavailable()),
    }
}

/// AES-256-CBC decryption and PKCS#7 removal, in place in the ciphertext's buffer (which is
/// wiped on drop from here on: it holds the plaintext). The padding check is constant-time, but
/// the answer is a `Result`: a CBC padding oracle, compiled for the conformance tests only. The
/// open path (and the diagnosis, which must not tell a bad padding from bad JSON) uses
/// [`aes256_cbc_decrypt_padded`] and checks the padding inside its one decision.
#[cfg(test)]
pub(crate) fn aes256_cbc_decrypt(
    backend: Backend,
    key: &[u8; 32],
    iv: &[u8; 16],
    ciphertext: Vec<u8>,
) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
    let mut buf = aes256_cbc_decrypt_padded(backend, key, iv, ciphertext)?;
    let len = pkcs7_unpad_ct(&buf)?;
    buf.truncate(len);
    Ok(buf)
}

/// AES-256-CBC decryption in place, the padding left on, in a buffer wiped on drop. Fails only
/// for reasons that are public: a ciphertext that is empty or not whole blocks, a backend error.
pub(crate) fn aes256_cbc_decrypt_padded(
    backend: Backend,
    key: &[u8; 32],
    iv: &[u8; 16],
    ciphertext: Vec<u8>,
) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
    let mut buf = Zeroizing::new(ciphertext);
    if buf.is_empty() || !buf.len().is_multiple_of(16) {
        return Err(());
    }
    let ok = match backend {
        #[cfg(feature = "aws-lc")]
        Backend::AwsLc => aws_lc::cbc_decrypt_raw(key, iv, &mut buf).is_ok(),
        #[cfg(feature = "rustcrypto")]
        Backend::RustCrypto => rustcrypto::cbc_decrypt_raw(key, iv, &mut buf).is_ok(),
        #[allow(unreachable_patterns)]
        _ => false,
    };
    if !ok {
        return Err(());
    }
    Ok(buf)
}

/// Fills `buf` from the operating system's CSPRNG.
pub(crate) fn fill_random(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|e| {
        Error::new(
            ErrorKind::Crypto,
            format!("the operating system's random number generator failed: {e}"),
        )
    })
}
