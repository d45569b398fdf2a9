//! Arbitrary bytes as a key, in every reader: `PublicKey::parse`, `PrivateKey::parse` (on both
//! backends) and `transactpay::parse_encryption_key` (blob, key text, XML, PEM, DER).
//!
//! Invariants: no panic; every error is one of the key kinds; a key that parses has a sane size,
//! and re-reads to the same fingerprint from its own export.
#![no_main]

use libfuzzer_sys::fuzz_target;
use payseal::keys::{KeyFormat, KeyOptions, PrivateKey, PublicKey};
use payseal::{Backend, ErrorKind};

fn key_error(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::MalformedKey
            | ErrorKind::UnsupportedKey
            | ErrorKind::KeyTooSmall
            | ErrorKind::KeyTooLarge
    )
}

fn check_public(key: &PublicKey) {
    assert!(
        key.bits() >= 1024 && key.bits() <= 16384,
        "{} bits",
        key.bits()
    );
    assert_eq!(key.size_bytes(), key.bits().div_ceil(8));
    let again = PublicKey::parse_with(
        key.export(KeyFormat::Pem),
        &KeyOptions::with_backend(key.backend()),
    )
    .expect("a parsed public key re-reads from its own PEM");
    assert_eq!(again.fingerprint(), key.fingerprint());
}

fuzz_target!(|data: &[u8]| {
    for backend in [Backend::AwsLc, Backend::RustCrypto] {
        let options = KeyOptions::with_backend(backend);
        match PublicKey::parse_with(data, &options) {
            Ok(key) => check_public(&key),
            Err(e) => assert!(key_error(e.kind()), "PublicKey::parse: {e:?}"),
        }
        match payseal::transactpay::parse_encryption_key(data, &options) {
            Ok(key) => check_public(&key),
            Err(e) => assert!(key_error(e.kind()), "parse_encryption_key: {e:?}"),
        }
    }
    // Private keys: one backend per input (RSA key checks are the slow part).
    let backend = if data.len() % 2 == 0 {
        Backend::AwsLc
    } else {
        Backend::RustCrypto
    };
    match PrivateKey::parse_with(data, &KeyOptions::with_backend(backend)) {
        Ok(key) => check_public(key.public_key()),
        Err(e) => assert!(key_error(e.kind()), "PrivateKey::parse: {e:?}"),
    }
    // The default-options entry points as well.
    let _ = PublicKey::parse(data);
});
