//! Properties of the TransactPay envelope and key reader, on every backend: arbitrary payloads up
//! to the one-block limit round-trip; damaged ciphertexts, arbitrary bodies and arbitrary key
//! text are refused without a panic.

mod transactpay_support;

use payseal::ErrorKind;
use payseal::keys::KeyOptions;
use payseal::transactpay::{TransactPay, parse_encryption_key};
use proptest::prelude::*;
use std::sync::OnceLock;
use transactpay_support::{b64, backends, dotnet_key, private_key, unb64};

/// One gateway handle per (key size, backend), built once: key parsing is not what is tested.
fn handles(bits: usize) -> &'static [TransactPay] {
    static H2048: OnceLock<Vec<TransactPay>> = OnceLock::new();
    static H4096: OnceLock<Vec<TransactPay>> = OnceLock::new();
    let cell = if bits == 2048 { &H2048 } else { &H4096 };
    cell.get_or_init(|| {
        backends()
            .into_iter()
            .map(|b| {
                TransactPay::builder()
                    .open_with(private_key(bits, b))
                    .build()
                    .unwrap()
            })
            .collect()
    })
}

fn blob_text_2048() -> &'static (String, String) {
    static KEY: OnceLock<(String, String)> = OnceLock::new();
    KEY.get_or_init(|| {
        let key = dotnet_key(2048);
        (key.blob, key.text)
    })
}

/// `{"s": s}` as compact JSON, with `s` shortened (by whole characters) until it fits `max`.
fn object_within(mut s: String, max: usize) -> Vec<u8> {
    loop {
        let json = serde_json::to_vec(&serde_json::json!({ "s": s })).unwrap();
        if json.len() <= max {
            return json;
        }
        s.pop();
    }
}

fn key_size() -> impl Strategy<Value = usize> {
    prop_oneof![3 => Just(2048usize), 1 => Just(4096usize)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any string, JSON-escaped inside an object and cut to the limit, comes back byte for byte,
    /// sealed on each backend and opened on each backend.
    #[test]
    fn string_payloads_round_trip(s in any::<String>(), bits in key_size(), pad in 0usize..520) {
        let handles = handles(bits);
        let max = handles[0].max_payload_len();
        // Bias towards the limit: append filler, then cut to fit.
        let json = object_within(format!("{s}{}", "x".repeat(pad)), max);
        prop_assert!(json.len() <= max);
        for sealer in handles {
            let from_bytes = sealer.seal_bytes(&json).unwrap().to_json_body();
            let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
            let from_value = sealer.seal(&value).unwrap().to_json_body();
            for opener in handles {
                for body in [&from_bytes, &from_value] {
                    let opened = opener.open(body.as_bytes()).unwrap();
                    prop_assert_eq!(opened.as_bytes(), json.as_slice());
                }
            }
        }
    }

    /// Any payload over the limit is refused with PayloadTooLarge, naming its size.
    #[test]
    fn oversized_payloads_are_refused(extra in 1usize..300, bits in key_size()) {
        let handle = &handles(bits)[0];
        let max = handle.max_payload_len();
        let json = format!(r#"{{"s":"{}"}}"#, "y".repeat(max + extra - 8));
        prop_assert_eq!(json.len(), max + extra);
        let e = handle.seal_bytes(json.as_bytes()).unwrap_err();
        prop_assert_eq!(e.kind(), ErrorKind::PayloadTooLarge);
        let expected = format!("the payload is {} bytes", max + extra);
        prop_assert!(e.message().starts_with(&expected));
    }

    /// A ciphertext with one byte changed never opens, on any backend, and never panics.
    #[test]
    fn a_flipped_ciphertext_byte_cannot_open(
        s in "[ -~]{0,64}",
        bits in key_size(),
        index in any::<prop::sample::Index>(),
        mask in 1u8..=255,
    ) {
        let handles = handles(bits);
        for sealer in handles {
            let sealed = sealer.seal(&serde_json::json!({ "s": s })).unwrap();
            let mut block = unb64(&sealed.data);
            let i = index.index(block.len());
            block[i] ^= mask;
            let body = format!(r#"{{"data":"{}"}}"#, b64(&block));
            for opener in handles {
                let e = opener.open(body.as_bytes()).unwrap_err();
                prop_assert_eq!(e.kind(), ErrorKind::CannotOpen);
                prop_assert_eq!(e.message(), payseal::error::CANNOT_OPEN_MESSAGE);
            }
        }
    }

    /// Arbitrary bytes as a body: an error of the body's kind, never a panic, never a plaintext.
    #[test]
    fn arbitrary_bodies_are_refused(body in prop::collection::vec(any::<u8>(), 0..700)) {
        for handle in handles(2048) {
            let e = handle.open(&body).unwrap_err();
            prop_assert!(matches!(
                e.kind(),
                ErrorKind::EmptyBody | ErrorKind::NotJson | ErrorKind::NotEnvelope | ErrorKind::CannotOpen
            ), "{:?}", e);
        }
    }

    /// Arbitrary Base64-looking data: the one open error.
    #[test]
    fn arbitrary_data_cannot_open(data in "[A-Za-z0-9+/]{0,400}={0,2}") {
        let body = format!(r#"{{"data":"{data}"}}"#);
        for handle in handles(2048) {
            prop_assert_eq!(handle.open(body.as_bytes()).unwrap_err().kind(), ErrorKind::CannotOpen);
        }
    }

    /// Arbitrary input to the key reader: a typed error, never a panic.
    #[test]
    fn arbitrary_key_input_is_refused(input in prop::collection::vec(any::<u8>(), 0..1200)) {
        for backend in backends() {
            let e = parse_encryption_key(&input, &KeyOptions::with_backend(backend)).unwrap_err();
            prop_assert!(matches!(
                e.kind(),
                ErrorKind::MalformedKey | ErrorKind::UnsupportedKey | ErrorKind::KeyTooSmall
            ), "{:?}", e);
        }
    }

    /// A dashboard blob or key text with one byte changed: read (the change hit Base64 that still
    /// decodes to a usable key of the declared size) or refused with a key error; never a panic.
    #[test]
    fn damaged_keys_never_panic(
        index in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        use_text in any::<bool>(),
    ) {
        let (blob, text) = blob_text_2048();
        let mut input = if use_text { text.clone().into_bytes() } else { blob.clone().into_bytes() };
        let i = index.index(input.len());
        input[i] = byte;
        for backend in backends() {
            match parse_encryption_key(&input, &KeyOptions::with_backend(backend)) {
                Ok(key) => prop_assert_eq!(key.bits(), 2048),
                Err(e) => prop_assert!(matches!(
                    e.kind(),
                    ErrorKind::MalformedKey
                        | ErrorKind::UnsupportedKey
                        | ErrorKind::KeyTooSmall
                        | ErrorKind::KeyTooLarge
                ), "{:?}", e),
            }
        }
    }
}
