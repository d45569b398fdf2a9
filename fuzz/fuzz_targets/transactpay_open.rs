//! A TransactPay request body → `TransactPay::open` with a fixed private key
//! (tests/keys/rsa2048.pkcs8.pem), on both backends.
//!
//! Input: `[backend][body ...]`.
//!
//! Invariants: no panic; a body of well-formed envelope shape (a JSON object with a string `data`)
//! either opens to a JSON object or fails with exactly `CannotOpen` and its one message.
#![no_main]

#[path = "common/top_level.rs"]
mod top_level;

use libfuzzer_sys::fuzz_target;
use payseal::keys::{KeyOptions, PrivateKey};
use payseal::transactpay::TransactPay;
use payseal::{Backend, Error, ErrorKind};
use std::sync::LazyLock;

const KEY: &[u8] = include_bytes!("../../tests/keys/rsa2048.pkcs8.pem");

static HANDLES: LazyLock<Vec<TransactPay>> = LazyLock::new(|| {
    [Backend::AwsLc, Backend::RustCrypto]
        .into_iter()
        .map(|backend| {
            let key = PrivateKey::parse_with(KEY, &KeyOptions::with_backend(backend)).unwrap();
            TransactPay::builder()
                .encryption_key(key.public_key().clone())
                .open_with(key)
                .build()
                .unwrap()
        })
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let handle = &HANDLES[usize::from(selector) % HANDLES.len()];
    let shaped = top_level::object_fields(body)
        .is_some_and(|obj| obj.get("data") == Some(&top_level::Kind::String));
    match handle.open(body) {
        Ok(plaintext) => {
            assert!(shaped, "opened a body that is not envelope-shaped");
            assert!(
                top_level::is_json_object(plaintext.as_bytes()),
                "opened plaintext is not an object"
            );
        }
        Err(e) if shaped => {
            assert_eq!(
                e.kind(),
                ErrorKind::CannotOpen,
                "well-formed envelope failed with {e:?}"
            );
            assert_eq!(e.message(), Error::cannot_open().message());
        }
        Err(e) => assert_ne!(
            e.kind(),
            ErrorKind::CannotOpen,
            "CannotOpen for a non-envelope"
        ),
    }
});
