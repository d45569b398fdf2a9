//! The six Keepz handles the open targets use (`keepz_open`, `keepz_query`): the fixed private key
//! tests/keys/rsa2048.pkcs8.pem on each backend, in OAEP-hybrid, PKCS#1-hybrid and legacy mode.
//! A target picks one with its input's first byte (`config % 6`), so seeds carry over between them.
#![allow(dead_code)]

use payseal::keepz::{EnvelopeMode, Keepz};
use payseal::keys::{KeyOptions, PrivateKey};
use payseal::{Backend, RsaPadding};
use std::sync::LazyLock;

pub const KEY: &[u8] = include_bytes!("../../../tests/keys/rsa2048.pkcs8.pem");

pub static HANDLES: LazyLock<Vec<(Keepz, EnvelopeMode)>> = LazyLock::new(|| {
    let mut handles = Vec::new();
    for backend in [Backend::AwsLc, Backend::RustCrypto] {
        let key = PrivateKey::parse_with(KEY, &KeyOptions::with_backend(backend)).unwrap();
        for (padding, mode) in [
            (RsaPadding::OaepSha256, EnvelopeMode::Hybrid),
            (RsaPadding::Pkcs1v15, EnvelopeMode::Hybrid),
            (RsaPadding::Pkcs1v15, EnvelopeMode::Legacy),
        ] {
            let keepz = Keepz::builder()
                .open_with(key.clone())
                .padding(padding)
                .mode(mode)
                .build()
                .unwrap();
            handles.push((keepz, mode));
        }
    }
    handles
});
