//! Property tests: any JSON payload round-trips on every backend pair; any single-byte change to
//! either field of an envelope gives the one open error and never a panic.

use payseal::keepz::Keepz;
use payseal::{Backend, ErrorKind};
use payseal_test_support::*;
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

const ID: &str = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";

/// (sealer, opener) per backend pair, built once.
fn handles() -> &'static Vec<(Keepz, Keepz)> {
    static HANDLES: OnceLock<Vec<(Keepz, Keepz)>> = OnceLock::new();
    HANDLES.get_or_init(|| {
        let mut out = Vec::new();
        for a in Backend::available() {
            for b in Backend::available() {
                let sealer = Keepz::builder()
                    .seal_to(public_key("rsa2048.spki.pem", a))
                    .identifier(ID)
                    .build()
                    .unwrap();
                let opener = Keepz::builder()
                    .open_with(private_key("rsa2048.pkcs8.pem", b))
                    .build()
                    .unwrap();
                out.push((sealer, opener));
            }
        }
        out
    })
}

/// Text with ASCII, Georgian, other non-ASCII, escapes and control characters.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            any::<char>(),
            proptest::char::range('ა', 'ჰ'),
            proptest::char::range(' ', '~'),
            Just('"'),
            Just('\\'),
            Just('\n'),
        ],
        0..max,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        text(40).prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::btree_map(text(12), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_json_round_trips(value in json_value(), pair in 0usize..4) {
        let (sealer, opener) = &handles()[pair % handles().len()];
        // Keepz payloads are objects (or arrays): wrap scalars as a request would.
        let value = serde_json::json!({"value": value});
        let body = sealer.seal(&value).unwrap().to_json_body();
        let opened = opener.open(body.as_bytes()).unwrap();
        prop_assert_eq!(opened.as_str(), serde_json::to_string(&value).unwrap());
    }

    #[test]
    fn large_text_payloads_round_trip(s in text(100_000), pair in 0usize..4) {
        let (sealer, opener) = &handles()[pair % handles().len()];
        let value = serde_json::json!({"note": s});
        let body = sealer.seal(&value).unwrap().to_json_body();
        let back: Value = opener.open_as(body.as_bytes()).unwrap();
        prop_assert_eq!(back, value);
    }

    #[test]
    fn any_single_byte_change_gives_the_one_error(
        in_keys in any::<bool>(),
        position in any::<proptest::sample::Index>(),
        replacement in any::<u8>(),
        pair in 0usize..4,
    ) {
        let (sealer, opener) = &handles()[pair % handles().len()];
        let sealed = sealer.seal_bytes(br#"{"integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","amount":10}"#).unwrap();
        let mut data = sealed.encrypted_data.clone().into_bytes();
        let mut keys = sealed.encrypted_keys.clone().unwrap().into_bytes();
        let field = if in_keys { &mut keys } else { &mut data };
        let i = position.index(field.len());
        prop_assume!(field[i] != replacement);
        field[i] = replacement;
        // Whitespace inside Base64 is tolerated by design; everything else must fail.
        prop_assume!(!replacement.is_ascii_whitespace());
        let body = serde_json::json!({
            "encryptedData": String::from_utf8_lossy(&data),
            "encryptedKeys": String::from_utf8_lossy(&keys),
            "aes": true,
        }).to_string();
        let result = opener.open(body.as_bytes());
        // A change inside Base64 padding bits can decode to the same bytes; that is not a change.
        let same_bytes = unb64_strict(&data) == unb64_strict(sealed.encrypted_data.as_bytes())
            && unb64_strict(&keys) == unb64_strict(sealed.encrypted_keys.as_deref().unwrap().as_bytes());
        if !same_bytes {
            let e = result.unwrap_err();
            prop_assert_eq!(e.kind(), ErrorKind::CannotOpen);
            prop_assert_eq!(e.message(), payseal::error::CANNOT_OPEN_MESSAGE);
        }
    }
}

#[test]
fn a_zero_length_and_a_100_kib_payload_round_trip() {
    let (sealer, opener) = &handles()[0];
    for payload in [
        "{}".to_string(),
        format!("[\"{}\"]", "ქ".repeat(100 * 1024 / 3)),
    ] {
        let body = sealer
            .seal_bytes(payload.as_bytes())
            .unwrap()
            .to_json_body();
        assert_eq!(opener.open(body.as_bytes()).unwrap().as_str(), payload);
    }
}
