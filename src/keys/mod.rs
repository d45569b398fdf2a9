//! RSA keys in every form merchants hold them: PEM (SubjectPublicKeyInfo, PKCS#1, PKCS#8), DER, and
//! bare Base64 DER on one line or wrapped (how Keepz hands keys out).
//!
//! A key is parsed once into a handle prepared for one [`Backend`] and reused from any thread.
//! Parsing detects the format; when a key cannot be used the error says what was found (a
//! certificate, an EC key, an encrypted PKCS#8 file, a truncated paste, a public key where a
//! private one is needed) and what is expected.
//!
//! ```
//! use payseal::keys::{KeyFormat, PrivateKey};
//! # fn main() -> payseal::Result<()> {
//! let private = PrivateKey::generate(2048)?;
//! let public_pem = private.public_key().export(KeyFormat::Pem);
//! let public = payseal::keys::PublicKey::parse(&public_pem)?;
//! assert_eq!(public.fingerprint(), private.public_key().fingerprint());
//! # Ok(()) }
//! ```

pub mod cache;
mod der;
mod parse;
mod pem;
mod private_op;
mod rsa_step;

pub use parse::MAX_KEY_INPUT;

use crate::backend::padding::implicit_rejection::RejectionKey;
use crate::backend::{Backend, PrivateKeyImpl, PublicKeyImpl, RsaPadding};
use crate::error::{Error, ErrorKind, Result, excerpt};
use der::RsaDer;
use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::Arc;
use zeroize::Zeroizing;

/// The smallest RSA modulus accepted by default.
pub const MIN_RSA_BITS: usize = 2048;
/// The smallest RSA modulus accepted even when a caller lowers the minimum (for old test keys;
/// the aws-lc backend never goes below 2048, see [`Backend::min_rsa_bits`]).
pub const ABSOLUTE_MIN_RSA_BITS: usize = 1024;

/// How the key text was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyEncoding {
    /// PEM armour (`-----BEGIN ...-----`).
    Pem,
    /// Raw DER bytes.
    Der,
    /// Bare Base64 of DER, on one line or wrapped.
    Base64Der,
    /// TransactPay's dashboard blob: Base64 of `bits!<RSAKeyValue>...`.
    TransactPayBlob,
    /// The blob's decoded text `bits!<RSAKeyValue>...`.
    TransactPayText,
    /// Bare .NET `<RSAKeyValue>` XML.
    Xml,
}

/// The key structure found inside the encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyStructure {
    /// X.509 SubjectPublicKeyInfo.
    Spki,
    /// PKCS#1 RSAPublicKey.
    Pkcs1Public,
    /// PKCS#8 PrivateKeyInfo.
    Pkcs8,
    /// PKCS#1 RSAPrivateKey.
    Pkcs1Private,
    /// Modulus and exponent (XML).
    RsaKeyValue,
}

/// Where a loaded key came from: its encoding and structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyOrigin {
    /// The outer encoding.
    pub encoding: KeyEncoding,
    /// The structure inside.
    pub structure: KeyStructure,
}

impl fmt::Display for KeyOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let encoding = match self.encoding {
            KeyEncoding::Pem => "PEM",
            KeyEncoding::Der => "DER",
            KeyEncoding::Base64Der => "bare Base64 DER",
            KeyEncoding::TransactPayBlob => "TransactPay dashboard blob",
            KeyEncoding::TransactPayText => "TransactPay key text",
            KeyEncoding::Xml => "RSAKeyValue XML",
        };
        let structure = match self.structure {
            KeyStructure::Spki => "X.509 SubjectPublicKeyInfo",
            KeyStructure::Pkcs1Public => "PKCS#1 RSAPublicKey",
            KeyStructure::Pkcs8 => "PKCS#8 PrivateKeyInfo",
            KeyStructure::Pkcs1Private => "PKCS#1 RSAPrivateKey",
            KeyStructure::RsaKeyValue => "modulus and exponent",
        };
        write!(f, "{encoding} ({structure})")
    }
}

/// The formats a key can be exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyFormat {
    /// PEM of SubjectPublicKeyInfo (`PUBLIC KEY`) or PKCS#8 (`PRIVATE KEY`).
    Pem,
    /// PEM of PKCS#1 (`RSA PUBLIC KEY`, `RSA PRIVATE KEY`).
    Pkcs1Pem,
    /// DER of SubjectPublicKeyInfo or PKCS#8.
    Der,
    /// Single-line standard Base64 of SubjectPublicKeyInfo or PKCS#8 DER (how Keepz hands keys out).
    Base64Der,
}

impl KeyFormat {
    /// Every format.
    pub const ALL: [KeyFormat; 4] = [
        KeyFormat::Pem,
        KeyFormat::Pkcs1Pem,
        KeyFormat::Der,
        KeyFormat::Base64Der,
    ];

    /// The name used on the command line and in the C ABI.
    pub const fn name(self) -> &'static str {
        match self {
            KeyFormat::Pem => "pem",
            KeyFormat::Pkcs1Pem => "pkcs1-pem",
            KeyFormat::Der => "der",
            KeyFormat::Base64Der => "base64-der",
        }
    }

    /// The format with this name.
    pub fn from_name(name: &str) -> Result<KeyFormat> {
        KeyFormat::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidArgument,
                    format!(
                        "unknown key format {}: expected pem, pkcs1-pem, der or base64-der",
                        excerpt(name)
                    ),
                )
            })
    }
}

/// Options for loading a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyOptions {
    /// The backend that will use the key.
    pub backend: Backend,
    /// The smallest modulus accepted, in bits (default 2048; never below 1024, nor below the
    /// backend's own minimum).
    pub min_bits: usize,
}

impl Default for KeyOptions {
    fn default() -> Self {
        KeyOptions {
            backend: Backend::default(),
            min_bits: MIN_RSA_BITS,
        }
    }
}

impl KeyOptions {
    /// Default options on `backend`.
    pub fn with_backend(backend: Backend) -> Self {
        KeyOptions {
            backend,
            ..KeyOptions::default()
        }
    }
}

struct PublicInner {
    spki: Vec<u8>,
    modulus: Vec<u8>,
    exponent: Vec<u8>,
    bits: usize,
    origin: KeyOrigin,
    backend: Backend,
    imp: PublicKeyImpl,
}

/// An RSA public key, parsed once and prepared for one backend. Cheap to clone; `Send + Sync`.
#[derive(Clone)]
pub struct PublicKey(Arc<PublicInner>);

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublicKey")
            .field("bits", &self.0.bits)
            .field("origin", &self.0.origin)
            .field("backend", &self.0.backend)
            .field("fingerprint", &self.fingerprint())
            .finish()
    }
}

fn check_bits(bits: usize, options: &KeyOptions) -> Result<()> {
    let min = options
        .min_bits
        .max(ABSOLUTE_MIN_RSA_BITS)
        .max(options.backend.min_rsa_bits());
    if bits < min {
        return Err(Error::new(
            ErrorKind::KeyTooSmall,
            format!("the RSA key has {bits} bits; at least {min} are required"),
        ));
    }
    let max = options.backend.max_rsa_bits();
    if bits > max {
        return Err(Error::new(
            ErrorKind::KeyTooLarge,
            format!(
                "the RSA key has {bits} bits; the {} backend handles at most {max}",
                options.backend.name()
            ),
        ));
    }
    Ok(())
}

fn modulus_bits(modulus: &[u8]) -> usize {
    match modulus.iter().position(|&b| b != 0) {
        Some(i) => (modulus.len() - i) * 8 - modulus[i].leading_zeros() as usize,
        None => 0,
    }
}

fn der_error(what: &str) -> impl FnOnce(::der::Error) -> Error + '_ {
    move |e| Error::new(ErrorKind::MalformedKey, format!("{what}: {e}"))
}

impl PublicKey {
    /// Parses a public key in any supported format on the default backend.
    pub fn parse(input: impl AsRef<[u8]>) -> Result<PublicKey> {
        PublicKey::parse_with(input, &KeyOptions::default())
    }

    /// Parses a public key in any supported format with explicit options.
    pub fn parse_with(input: impl AsRef<[u8]>, options: &KeyOptions) -> Result<PublicKey> {
        let (doc, encoding) = parse::decode(input.as_ref())?;
        let (spki, structure) = match doc {
            RsaDer::Spki(der) => (der, KeyStructure::Spki),
            RsaDer::Pkcs1Public(der) => (
                der::spki_from_pkcs1(&der).map_err(der_error("PKCS#1 public key"))?,
                KeyStructure::Pkcs1Public,
            ),
            RsaDer::Pkcs8(_) | RsaDer::Pkcs1Private(_) => {
                return Err(Error::new(
                    ErrorKind::UnsupportedKey,
                    "found a private key where a public key is expected; give the public key \
                     (never hand a private key to the side that only seals)",
                ));
            }
        };
        PublicKey::from_spki(
            spki,
            KeyOrigin {
                encoding,
                structure,
            },
            options,
        )
    }

    /// Builds a key from a big-endian modulus and public exponent (used by the XML formats).
    pub(crate) fn from_components(
        modulus: &[u8],
        exponent: &[u8],
        origin: KeyOrigin,
        options: &KeyOptions,
    ) -> Result<PublicKey> {
        let spki = der::spki_from_components(modulus, exponent)
            .map_err(der_error("RSA modulus and exponent"))?;
        PublicKey::from_spki(spki, origin, options)
    }

    fn from_spki(spki: Vec<u8>, origin: KeyOrigin, options: &KeyOptions) -> Result<PublicKey> {
        let (modulus, exponent) =
            der::rsa_components(&spki).map_err(der_error("RSA public key"))?;
        let bits = modulus_bits(&modulus);
        check_bits(bits, options)?;
        let imp = PublicKeyImpl::from_spki_der(options.backend, &spki)?;
        Ok(PublicKey(Arc::new(PublicInner {
            spki,
            modulus,
            exponent,
            bits,
            origin,
            backend: options.backend,
            imp,
        })))
    }

    /// Whether `a` and `b` are the same parsed key (one allocation, as clones of one key and the
    /// keys [`cache`] hands out for the same bytes are), not merely equal keys.
    pub fn ptr_eq(a: &PublicKey, b: &PublicKey) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// The modulus size in bits.
    pub fn bits(&self) -> usize {
        self.0.bits
    }

    /// The modulus size in bytes (`k`): the length of every RSA ciphertext under this key.
    pub fn size_bytes(&self) -> usize {
        self.0.bits.div_ceil(8)
    }

    /// The big-endian modulus, without leading zero bytes.
    pub fn modulus(&self) -> &[u8] {
        &self.0.modulus
    }

    /// The big-endian public exponent, without leading zero bytes.
    pub fn exponent(&self) -> &[u8] {
        &self.0.exponent
    }

    /// Where the key came from.
    pub fn origin(&self) -> KeyOrigin {
        self.0.origin
    }

    /// The backend the key is prepared for.
    pub fn backend(&self) -> Backend {
        self.0.backend
    }

    /// The same key prepared for another backend.
    pub fn with_backend(&self, backend: Backend) -> Result<PublicKey> {
        if backend == self.0.backend {
            return Ok(self.clone());
        }
        let options = KeyOptions {
            backend,
            min_bits: ABSOLUTE_MIN_RSA_BITS,
        };
        PublicKey::from_spki(self.0.spki.clone(), self.0.origin, &options)
    }

    /// SHA-256 of the SubjectPublicKeyInfo DER, in lower-case hex: equal for a public key and
    /// the public half of its private key, whatever format either was loaded from.
    pub fn fingerprint(&self) -> String {
        hex(&Sha256::digest(&self.0.spki))
    }

    /// The SubjectPublicKeyInfo DER.
    pub fn to_der(&self) -> &[u8] {
        &self.0.spki
    }

    /// Exports the key in `format` (text formats as UTF-8 bytes).
    pub fn export(&self, format: KeyFormat) -> Vec<u8> {
        match format {
            KeyFormat::Pem => pem::encode("PUBLIC KEY", &self.0.spki).into_bytes(),
            KeyFormat::Pkcs1Pem => {
                let pkcs1 = der::pkcs1_from_spki(&self.0.spki).unwrap_or_default();
                pem::encode("RSA PUBLIC KEY", &pkcs1).into_bytes()
            }
            KeyFormat::Der => self.0.spki.clone(),
            KeyFormat::Base64Der => crate::encoding::base64::encode(&self.0.spki).into_bytes(),
        }
    }

    /// Encrypts one RSA block, checking the size limit of the padding first.
    pub(crate) fn encrypt(&self, padding: RsaPadding, msg: &[u8]) -> Result<Vec<u8>> {
        let max = padding.max_message_len(self.size_bytes());
        if msg.len() > max {
            return Err(Error::new(
                ErrorKind::PayloadTooLarge,
                format!(
                    "{} bytes do not fit one {}-bit RSA block with {} padding (at most {max} bytes)",
                    msg.len(),
                    self.bits(),
                    padding.name()
                ),
            ));
        }
        self.0.imp.encrypt(padding, msg)
    }
}

struct PrivateInner {
    pkcs8: Zeroizing<Vec<u8>>,
    public: PublicKey,
    imp: PrivateKeyImpl,
    /// SHA-256 of `d` as a k-byte string, for implicit rejection (wiped on drop).
    rejection_key: RejectionKey,
}

/// An RSA private key, parsed once and prepared for one backend. Its DER is wiped on drop and
/// never shown by `Debug`. Cheap to clone; `Send + Sync`.
#[derive(Clone)]
pub struct PrivateKey(Arc<PrivateInner>);

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateKey")
            .field("bits", &self.0.public.bits())
            .field("origin", &self.0.public.origin())
            .field("backend", &self.0.public.backend())
            .field("public_fingerprint", &self.0.public.fingerprint())
            .finish_non_exhaustive()
    }
}

impl PrivateKey {
    /// Parses a private key in any supported format on the default backend.
    pub fn parse(input: impl AsRef<[u8]>) -> Result<PrivateKey> {
        PrivateKey::parse_with(input, &KeyOptions::default())
    }

    /// Parses a private key in any supported format with explicit options.
    pub fn parse_with(input: impl AsRef<[u8]>, options: &KeyOptions) -> Result<PrivateKey> {
        let (doc, encoding) = parse::decode(input.as_ref())?;
        let (pkcs8, structure) = match doc {
            RsaDer::Pkcs8(der) => (der, KeyStructure::Pkcs8),
            RsaDer::Pkcs1Private(der) => (
                der::pkcs8_from_pkcs1(&der).map_err(der_error("PKCS#1 private key"))?,
                KeyStructure::Pkcs1Private,
            ),
            RsaDer::Spki(_) | RsaDer::Pkcs1Public(_) => {
                return Err(Error::new(
                    ErrorKind::UnsupportedKey,
                    "found a public key where a private key is needed; opening envelopes takes \
                     your own private key (PKCS#8 'PRIVATE KEY' or PKCS#1 'RSA PRIVATE KEY')",
                ));
            }
        };
        PrivateKey::from_pkcs8(
            pkcs8,
            KeyOrigin {
                encoding,
                structure,
            },
            options,
        )
    }

    fn from_pkcs8(
        pkcs8: Zeroizing<Vec<u8>>,
        origin: KeyOrigin,
        options: &KeyOptions,
    ) -> Result<PrivateKey> {
        let spki = der::spki_of_pkcs8(&pkcs8).map_err(der_error("RSA private key"))?;
        let public = PublicKey::from_spki(spki, origin, options)?;
        let imp = PrivateKeyImpl::from_pkcs8_der(options.backend, &pkcs8)?;
        let d = der::private_exponent(&pkcs8).map_err(der_error("RSA private key"))?;
        let rejection_key = RejectionKey::from_private_exponent(&d, public.size_bytes())
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::MalformedKey,
                    "the RSA private key's private exponent is longer than its modulus",
                )
            })?;
        Ok(PrivateKey(Arc::new(PrivateInner {
            pkcs8,
            public,
            imp,
            rejection_key,
        })))
    }

    /// Generates a key pair of `bits` (exponent 65537) on the default backend.
    pub fn generate(bits: usize) -> Result<PrivateKey> {
        PrivateKey::generate_with(bits, Backend::default())
    }

    /// Generates a key pair of `bits` on `backend`.
    pub fn generate_with(bits: usize, backend: Backend) -> Result<PrivateKey> {
        let options = KeyOptions::with_backend(backend);
        check_bits(bits, &options)?;
        let pkcs8 = crate::backend::generate_pkcs8(backend, bits)?;
        let origin = KeyOrigin {
            encoding: KeyEncoding::Der,
            structure: KeyStructure::Pkcs8,
        };
        PrivateKey::from_pkcs8(pkcs8, origin, &options)
    }

    /// Whether `a` and `b` are the same parsed key (one allocation, as clones of one key and the
    /// keys [`cache`] hands out for the same bytes are), not merely equal keys.
    pub fn ptr_eq(a: &PrivateKey, b: &PrivateKey) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// The public half.
    pub fn public_key(&self) -> &PublicKey {
        &self.0.public
    }

    /// The modulus size in bits.
    pub fn bits(&self) -> usize {
        self.0.public.bits()
    }

    /// The modulus size in bytes (`k`).
    pub fn size_bytes(&self) -> usize {
        self.0.public.size_bytes()
    }

    /// The backend the key is prepared for.
    pub fn backend(&self) -> Backend {
        self.0.public.backend()
    }

    /// The same key prepared for another backend.
    pub fn with_backend(&self, backend: Backend) -> Result<PrivateKey> {
        if backend == self.backend() {
            return Ok(self.clone());
        }
        let options = KeyOptions {
            backend,
            min_bits: ABSOLUTE_MIN_RSA_BITS,
        };
        PrivateKey::from_pkcs8(self.0.pkcs8.clone(), self.0.public.origin(), &options)
    }

    /// Exports the key in `format` (text formats as UTF-8 bytes). The result is wiped on drop.
    pub fn export(&self, format: KeyFormat) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(match format {
            KeyFormat::Pem => pem::encode("PRIVATE KEY", &self.0.pkcs8).into_bytes(),
            KeyFormat::Pkcs1Pem => {
                let pkcs1 = der::pkcs1_from_pkcs8(&self.0.pkcs8).unwrap_or_default();
                pem::encode("RSA PRIVATE KEY", &pkcs1).into_bytes()
            }
            KeyFormat::Der => self.0.pkcs8.to_vec(),
            KeyFormat::Base64Der => crate::encoding::base64::encode(&self.0.pkcs8).into_bytes(),
        })
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}
