//! The bad-input catalogue of SECURITY.md, one test per row (or a few rows grouped): every class of
//! hostile or broken input, with the error kind it must produce. Nothing may panic, hang, overflow
//! the stack or allocate without bound.
//!
//! This binary's global allocator counts the bytes each thread allocates, so that "refused before
//! it is copied or decoded" is checked by measurement rather than by timing. The same catalogue
//! through the C ABI is in `ffi/src/tests/bad_inputs.rs`.

use payseal::keepz::api::{KeepzCallback, OrderStatusRequest, parse_plain_callback};
use payseal::keepz::{DiagnoseOptions, EnvelopeMode, Keepz, KeepzDiagnostics};
use payseal::transactpay::TransactPay;
use payseal::transactpay::api::{VerifyData, parse_response, parse_webhook};
use payseal::{Backend, ErrorKind, RsaPadding};
use payseal_test_support::alloc::{TestAllocator, allocated_by};
use payseal_test_support::hostile::*;
use payseal_test_support::*;

#[global_allocator]
static ALLOC: TestAllocator = TestAllocator;

// ---------------------------------------------------------------------------------------------
// Fixtures.

const ID: &str = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
const ORDER: &str = "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a";

/// (integrator: seals to Keepz's 2048-bit key, opens with its own; keepz test double)
fn keepz_pair(backend: Backend) -> (Keepz, Keepz) {
    let integrator = Keepz::builder()
        .seal_to(public_key("rsa4096.spki.pem", backend))
        .open_with(private_key("rsa2048.pkcs8.pem", backend))
        .identifier(ID)
        .build()
        .unwrap();
    let keepz = Keepz::builder()
        .seal_to(public_key("rsa2048.spki.pem", backend))
        .open_with(private_key("rsa4096.pkcs8.pem", backend))
        .build()
        .unwrap();
    (integrator, keepz)
}

/// The diagnostics handle for what `handle` opens (a separate handle: a `Keepz` cannot diagnose).
fn doctor(handle: &Keepz) -> KeepzDiagnostics {
    KeepzDiagnostics::new(handle.open_key().unwrap().clone(), *handle.options())
}

/// A TransactPay handle that can open (the gateway's side).
fn transactpay(backend: Backend) -> TransactPay {
    TransactPay::builder()
        .open_with(private_key("rsa2048.pkcs8.pem", backend))
        .build()
        .unwrap()
}

fn kind<T: std::fmt::Debug>(r: payseal::Result<T>) -> ErrorKind {
    r.unwrap_err().kind()
}

/// A hybrid Keepz envelope body around arbitrary plaintext bytes, sealed to `rsa2048` with
/// OAEP-SHA-256 by openssl (so payseal's own seal path, which refuses bad payloads, is not used).
fn keepz_body_around(plaintext: &[u8]) -> String {
    let key = [0x5au8; 32];
    let iv = [0xa5u8; 16];
    let data = b64(&openssl_aes(false, &key, &iv, plaintext));
    let keys = b64(&openssl_rsa_encrypt(
        "rsa2048.spki.pem",
        RsaPadding::OaepSha256,
        format!("{}.{}", b64(&key), b64(&iv)).as_bytes(),
    ));
    serde_json::json!({"encryptedData": data, "encryptedKeys": keys, "aes": true}).to_string()
}

fn envelope(data: &str, keys: &str) -> String {
    serde_json::json!({"encryptedData": data, "encryptedKeys": keys, "aes": true}).to_string()
}

// ---------------------------------------------------------------------------------------------
// Sizes.

/// A body over the limit, and a body whose Base64 field *claims* far more than the limit, are
/// refused with `BodyTooLarge` before anything is copied, parsed or decoded: the thread allocates
/// only the error message (a few hundred bytes), never anything proportional to the body.
#[test]
fn oversized_bodies_are_refused_before_any_copy_or_decode() {
    let (huge_field, huge_data) = (huge_keepz_body(), huge_transactpay_body());
    let backend = Backend::default();
    let (integrator, _) = keepz_pair(backend);
    let gateway = transactpay(backend);
    let query = format!("encryptedData={}&encryptedKeys=AAAA", "A".repeat(BIG_BODY));
    let limit = 4096; // bytes the thread may allocate: error messages only

    type Check<'a> = (&'static str, Box<dyn Fn() -> ErrorKind + 'a>);
    let checks: Vec<Check<'_>> = vec![
        (
            "keepz open",
            Box::new(|| kind(integrator.open(&huge_field))),
        ),
        (
            "keepz open_query",
            Box::new(|| kind(integrator.open_query(&query))),
        ),
        (
            "keepz parse_response",
            Box::new(|| kind(integrator.parse_response::<OrderStatusRequest>(200, &huge_field))),
        ),
        (
            "keepz parse_callback",
            Box::new(|| kind(integrator.parse_callback(&huge_field))),
        ),
        (
            "keepz parse_plain_callback",
            Box::new(|| kind(parse_plain_callback(&huge_field))),
        ),
        (
            "keepz diagnostics",
            Box::new(|| {
                let d = doctor(&integrator).explain(&huge_field, DiagnoseOptions::default());
                assert!(!d.opens);
                ErrorKind::BodyTooLarge
            }),
        ),
        (
            "transactpay open",
            Box::new(|| kind(gateway.open(&huge_data))),
        ),
        (
            "transactpay parse_response",
            Box::new(|| kind(parse_response::<VerifyData>(200, &huge_data))),
        ),
        (
            "transactpay parse_webhook",
            Box::new(|| kind(parse_webhook(&huge_data))),
        ),
    ];
    for (what, check) in checks {
        let (got, bytes) = allocated_by(&*check);
        assert_eq!(got, ErrorKind::BodyTooLarge, "{what}");
        assert!(
            bytes < limit,
            "{what} allocated {bytes} bytes for a refused body"
        );
    }
}

/// A body exactly at the limit is read; one byte more is refused (the limit is inclusive).
#[test]
fn the_body_limit_is_exact() {
    let backend = Backend::default();
    let (_, keepz) = keepz_pair(backend);
    let integrator = Keepz::builder()
        .open_with(private_key("rsa2048.pkcs8.pem", backend))
        .build()
        .unwrap();
    let body = keepz.seal_bytes(br#"{"ok":true}"#).unwrap().to_json_body();
    let exact = Keepz::builder()
        .open_with(private_key("rsa2048.pkcs8.pem", backend))
        .max_body(body.len())
        .build()
        .unwrap();
    assert_eq!(
        exact.open(body.as_bytes()).unwrap().as_str(),
        r#"{"ok":true}"#
    );
    let one_less = Keepz::builder()
        .open_with(private_key("rsa2048.pkcs8.pem", backend))
        .max_body(body.len() - 1)
        .build()
        .unwrap();
    assert_eq!(
        kind(one_less.open(body.as_bytes())),
        ErrorKind::BodyTooLarge
    );
    assert!(integrator.open(body.as_bytes()).is_ok());
}

/// A body cut short anywhere: never a panic; `NotJson` while the JSON is unfinished, and
/// `CannotOpen` when a Base64 field was shortened inside otherwise valid JSON.
#[test]
fn truncated_bodies() {
    for backend in Backend::available() {
        let (integrator, keepz) = keepz_pair(backend);
        let body = keepz.seal_bytes(br#"{"ok":true}"#).unwrap().to_json_body();
        for cut in (0..body.len()).step_by(7) {
            let got = kind(integrator.open(&body.as_bytes()[..cut]));
            let expected = if body[..cut].trim().is_empty() {
                ErrorKind::EmptyBody
            } else {
                ErrorKind::NotJson
            };
            assert_eq!(got, expected, "cut at {cut}");
        }
        let sealed = keepz.seal_bytes(br#"{"ok":true}"#).unwrap();
        let data = &sealed.encrypted_data;
        let keys = sealed.encrypted_keys.as_deref().unwrap();
        for cut in [0, 4, 8, data.len() - 4] {
            let body = envelope(&data[..cut], keys);
            assert_eq!(
                kind(integrator.open(body.as_bytes())),
                ErrorKind::CannotOpen
            );
        }
        for cut in [0, 4, 340, keys.len() - 4] {
            let body = envelope(data, &keys[..cut]);
            assert_eq!(
                kind(integrator.open(body.as_bytes())),
                ErrorKind::CannotOpen
            );
        }
        // TransactPay: the data string cut short.
        let t = transactpay(backend);
        let sealed = t.seal(&serde_json::json!({"reference": "R-1"})).unwrap();
        for cut in [0, 4, 100, sealed.data.len() - 4] {
            let body = serde_json::json!({"data": &sealed.data[..cut]}).to_string();
            assert_eq!(kind(t.open(body.as_bytes())), ErrorKind::CannotOpen);
        }
        let body = sealed.to_json_body();
        assert_eq!(
            kind(t.open(&body.as_bytes()[..body.len() - 1])),
            ErrorKind::NotJson
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Base64.

/// The URL-safe alphabet, bad or missing padding, characters outside the alphabet and non-ASCII
/// are `CannotOpen`; ASCII whitespace and line breaks inside the Base64 are accepted (servers wrap
/// it), on both gateways.
#[test]
fn base64_alphabet_padding_and_whitespace() {
    for backend in Backend::available() {
        let (integrator, keepz) = keepz_pair(backend);
        let sealed = keepz.seal_bytes(br#"{"ok":true}"#).unwrap();
        let data = sealed.encrypted_data.clone();
        let keys = sealed.encrypted_keys.clone().unwrap();
        let url_safe = |s: &str| s.replace('+', "-").replace('/', "_");
        let bad_keys = [
            url_safe(&keys),
            format!("{}=", keys),                       // one '=' too many
            keys.trim_end_matches('=').to_string(),     // padding removed
            format!("{}*{}", &keys[..10], &keys[11..]), // outside the alphabet
            format!("{}é{}", &keys[..10], &keys[12..]), // non-ASCII
            format!("={}", &keys[1..]),                 // padding first
            "\0".repeat(keys.len()),                    // NUL bytes
        ];
        for bad in &bad_keys {
            let body = envelope(&data, bad);
            assert_eq!(
                kind(integrator.open(body.as_bytes())),
                ErrorKind::CannotOpen,
                "{bad:?}"
            );
        }
        // The data field too, when it carries a '+' or '/' (random ciphertext nearly always does).
        for bad in [format!("{data}="), format!("{}!{}", &data[..4], &data[5..])] {
            let body = envelope(&bad, &keys);
            assert_eq!(
                kind(integrator.open(body.as_bytes())),
                ErrorKind::CannotOpen
            );
        }
        // Whitespace and line breaks are accepted.
        let wrap = |s: &str| {
            s.as_bytes()
                .chunks(64)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect::<Vec<_>>()
                .join("\r\n ")
        };
        let body = envelope(&wrap(&data), &wrap(&keys));
        assert_eq!(
            integrator.open(body.as_bytes()).unwrap().as_str(),
            r#"{"ok":true}"#
        );

        let t = transactpay(backend);
        let sealed = t.seal(&serde_json::json!({"reference": "R-1"})).unwrap();
        for bad in [
            url_safe(&sealed.data),
            format!("{}=", sealed.data),
            "@@@@".into(),
        ] {
            let body = serde_json::json!({ "data": bad }).to_string();
            assert_eq!(kind(t.open(body.as_bytes())), ErrorKind::CannotOpen);
        }
        let body = serde_json::json!({ "data": wrap(&sealed.data) }).to_string();
        assert!(t.open(body.as_bytes()).is_ok());
    }
}

// ---------------------------------------------------------------------------------------------
// Envelope shape.

/// Fields swapped: `CannotOpen`. Missing: `NotEnvelope`. Wrong JSON type: `NotEnvelope`.
#[test]
fn envelope_fields_swapped_missing_or_of_the_wrong_type() {
    let backend = Backend::default();
    let (integrator, keepz) = keepz_pair(backend);
    let sealed = keepz.seal_bytes(br#"{"ok":true}"#).unwrap();
    let data = sealed.encrypted_data.as_str();
    let keys = sealed.encrypted_keys.as_deref().unwrap();
    let open = |body: serde_json::Value| kind(integrator.open(body.to_string().as_bytes()));
    use serde_json::json;
    assert_eq!(
        open(json!({"encryptedData": keys, "encryptedKeys": data})),
        ErrorKind::CannotOpen
    );
    assert_eq!(
        open(json!({"encryptedKeys": keys, "aes": true})),
        ErrorKind::NotEnvelope
    );
    assert_eq!(
        open(json!({"encryptedData": data, "aes": true})),
        ErrorKind::NotEnvelope
    );
    assert_eq!(open(json!({})), ErrorKind::NotEnvelope);
    assert_eq!(open(json!([data, keys])), ErrorKind::NotEnvelope);
    assert_eq!(open(json!(data)), ErrorKind::NotEnvelope);
    assert_eq!(open(json!(null)), ErrorKind::NotEnvelope);
    for wrong in [
        json!(1),
        json!(true),
        json!(null),
        json!([data]),
        json!({"v": data}),
    ] {
        assert_eq!(
            open(json!({"encryptedData": wrong, "encryptedKeys": keys})),
            ErrorKind::NotEnvelope,
            "encryptedData = {wrong}"
        );
        if !wrong.is_null() {
            assert_eq!(
                open(json!({"encryptedData": data, "encryptedKeys": wrong})),
                ErrorKind::NotEnvelope,
                "encryptedKeys = {wrong}"
            );
        }
    }
    for wrong in [json!("true"), json!(1), json!(false), json!({})] {
        assert_eq!(
            open(json!({"encryptedData": data, "encryptedKeys": keys, "aes": wrong})),
            ErrorKind::NotEnvelope,
            "aes = {wrong}"
        );
    }
    // A legacy handle given a hybrid envelope, and the other way round.
    let legacy = Keepz::builder()
        .open_with(private_key("rsa2048.pkcs8.pem", backend))
        .mode(EnvelopeMode::Legacy)
        .build()
        .unwrap();
    assert_eq!(
        kind(legacy.open(envelope(data, keys).as_bytes())),
        ErrorKind::NotEnvelope
    );

    // TransactPay.
    let t = transactpay(backend);
    let topen = |body: serde_json::Value| kind(t.open(body.to_string().as_bytes()));
    for wrong in [
        json!(1),
        json!(true),
        json!(null),
        json!(["QUJD"]),
        json!({"data": "QUJD"}),
    ] {
        assert_eq!(
            topen(json!({ "data": wrong })),
            ErrorKind::NotEnvelope,
            "data = {wrong}"
        );
    }
    assert_eq!(topen(json!({"Data": "QUJD"})), ErrorKind::NotEnvelope);
    assert_eq!(topen(json!(["QUJD"])), ErrorKind::NotEnvelope);
}

/// Duplicate keys in an envelope: serde_json alone would keep the last value silently, so a proxy
/// that reads the first and payseal would see two different envelopes. payseal refuses them with
/// `NotEnvelope`, on both gateways.
#[test]
fn duplicate_envelope_fields_are_refused() {
    let backend = Backend::default();
    let (integrator, keepz) = keepz_pair(backend);
    let sealed = keepz.seal_bytes(br#"{"ok":true}"#).unwrap();
    let data = sealed.encrypted_data.as_str();
    let keys = sealed.encrypted_keys.as_deref().unwrap();
    let other = keepz.seal_bytes(br#"{"ok":false}"#).unwrap();
    let bodies = [
        format!(
            r#"{{"encryptedData":"{}","encryptedData":"{data}","encryptedKeys":"{keys}","aes":true}}"#,
            other.encrypted_data
        ),
        format!(
            r#"{{"encryptedData":"{data}","encryptedKeys":"{keys}","encryptedKeys":"{keys}"}}"#
        ),
        format!(r#"{{"encryptedData":"{data}","encryptedKeys":"{keys}","aes":true,"aes":true}}"#),
        format!(r#"{{"encryptedData":"{data}","encryptedKeys":"{keys}","x":1,"x":2}}"#),
    ];
    for body in &bodies {
        let e = integrator.open(body.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotEnvelope, "{body}");
        assert!(e.message().contains("twice"), "{e}");
        assert_eq!(
            kind(integrator.parse_callback(body.as_bytes())),
            ErrorKind::NotEnvelope
        );
    }
    // Duplicates in a Keepz error body are refused the same way.
    let error = br#"{"message":"a","message":"b","statusCode":6005,"exceptionGroup":5}"#;
    assert_eq!(kind(integrator.open(error)), ErrorKind::NotEnvelope);
    // The query string, too.
    let query = format!(
        "encryptedData={}&encryptedData={}&encryptedKeys={}",
        urlencode(&other.encrypted_data),
        urlencode(data),
        urlencode(keys)
    );
    assert_eq!(kind(integrator.open_query(&query)), ErrorKind::NotEnvelope);

    let t = transactpay(backend);
    let a = t.seal(&serde_json::json!({"reference": "A"})).unwrap().data;
    let b = t.seal(&serde_json::json!({"reference": "B"})).unwrap().data;
    let body = format!(r#"{{"data":"{a}","data":"{b}"}}"#);
    assert_eq!(kind(t.open(body.as_bytes())), ErrorKind::NotEnvelope);
    // Without the duplicate, both open.
    assert!(t.open(format!(r#"{{"data":"{a}"}}"#).as_bytes()).is_ok());
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D")
}

/// RSA blocks of the wrong length (empty, one byte short, one byte long, a 4096-bit block for a
/// 2048-bit key): `CannotOpen`, on both gateways, in both Keepz paddings and in legacy mode.
#[test]
fn rsa_blocks_of_the_wrong_length() {
    for backend in Backend::available() {
        let (integrator, keepz) = keepz_pair(backend);
        let sealed = keepz.seal_bytes(br#"{"ok":true}"#).unwrap();
        let data = sealed.encrypted_data.as_str();
        let block = unb64(sealed.encrypted_keys.as_deref().unwrap());
        assert_eq!(block.len(), 256);
        let long = [block.clone(), vec![0]].concat();
        let big = [block.clone(), block.clone()].concat();
        let lengths: [&[u8]; 6] = [&[], &[0], &block[1..], &block[..255], &long, &big];
        for padding in [RsaPadding::OaepSha256, RsaPadding::Pkcs1v15] {
            let h = Keepz::builder()
                .open_with(private_key("rsa2048.pkcs8.pem", backend))
                .padding(padding)
                .build()
                .unwrap();
            for bad in lengths {
                let body = envelope(data, &b64(bad));
                assert_eq!(
                    kind(h.open(body.as_bytes())),
                    ErrorKind::CannotOpen,
                    "{}",
                    bad.len()
                );
            }
        }
        let legacy = Keepz::builder()
            .open_with(private_key("rsa2048.pkcs8.pem", backend))
            .mode(EnvelopeMode::Legacy)
            .build()
            .unwrap();
        let t = transactpay(backend);
        for bad in lengths {
            let body = serde_json::json!({ "encryptedData": b64(bad) }).to_string();
            assert_eq!(kind(legacy.open(body.as_bytes())), ErrorKind::CannotOpen);
            let body = serde_json::json!({ "data": b64(bad) }).to_string();
            assert_eq!(kind(t.open(body.as_bytes())), ErrorKind::CannotOpen);
        }
        let _ = integrator;
    }
}

/// Keys of the wrong type or size, across both gateways and both backends (the full matrix of
/// formats is in tests/keys.rs and tests/transactpay_malformed_keys.rs).
#[test]
fn keys_of_the_wrong_type_or_size() {
    use payseal::keys::{KeyOptions, PrivateKey, PublicKey};
    for backend in Backend::available() {
        let options = KeyOptions::with_backend(backend);
        let public = |name: &str| kind(PublicKey::parse_with(key_bytes(name), &options));
        let private = |name: &str| kind(PrivateKey::parse_with(key_bytes(name), &options));
        assert_eq!(public("rsa1024.spki.pem"), ErrorKind::KeyTooSmall);
        assert_eq!(private("rsa1024.pkcs8.pem"), ErrorKind::KeyTooSmall);
        assert_eq!(public("ec.spki.pem"), ErrorKind::UnsupportedKey);
        assert_eq!(private("ec.pkcs8.pem"), ErrorKind::UnsupportedKey);
        assert_eq!(private("ec.sec1.pem"), ErrorKind::UnsupportedKey);
        assert_eq!(private("rsa2048.encrypted.pem"), ErrorKind::UnsupportedKey);
        assert_eq!(private("rsa2048.spki.pem"), ErrorKind::UnsupportedKey);
        assert_eq!(public("rsa2048.pkcs8.pem"), ErrorKind::UnsupportedKey);
        assert_eq!(public("rsa2048.cert.pem"), ErrorKind::UnsupportedKey);
        let pem = String::from_utf8(key_bytes("rsa2048.pkcs8.pem")).unwrap();
        let truncated = &pem[..pem.len() / 2];
        assert_eq!(
            kind(PrivateKey::parse_with(truncated, &options)),
            ErrorKind::MalformedKey
        );
        assert_eq!(
            kind(PrivateKey::parse_with(b"", &options)),
            ErrorKind::MalformedKey
        );
        assert_eq!(
            kind(PrivateKey::parse_with(b"\0\0\0\0", &options)),
            ErrorKind::MalformedKey
        );
        assert_eq!(
            kind(TransactPay::new_with(key_bytes("ec.spki.pem"), &options)),
            ErrorKind::UnsupportedKey
        );
        assert_eq!(
            kind(TransactPay::new_with(
                key_bytes("rsa1024.spki.pem"),
                &options
            )),
            ErrorKind::KeyTooSmall
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Deep nesting: serde_json's recursion limit (128) must turn it into an error, through every
// parser, never into a stack overflow (`on_small_stack`: a 1 MiB stack).

#[test]
fn deep_json_bodies_are_errors_not_stack_overflows() {
    let backend = Backend::default();
    let (integrator, _) = keepz_pair(backend);
    on_small_stack(move || {
        let gateway = transactpay(backend);
        for deep in [nested_arrays(DEEP), nested_objects(DEEP)] {
            let b = deep.as_bytes();
            assert_eq!(kind(integrator.open(b)), ErrorKind::NotJson);
            assert_eq!(
                kind(integrator.parse_response::<OrderStatusRequest>(200, b)),
                ErrorKind::NotJson
            );
            assert_eq!(kind(integrator.parse_callback(b)), ErrorKind::NotJson);
            assert_eq!(kind(parse_plain_callback(b)), ErrorKind::NotJson);
            assert!(!doctor(&integrator).explain(b, Default::default()).opens);
            assert_eq!(kind(gateway.open(b)), ErrorKind::NotJson);
            assert_eq!(
                kind(parse_response::<VerifyData>(200, b)),
                ErrorKind::NotJson
            );
            assert_eq!(
                kind(parse_response::<serde_json::Value>(200, b)),
                ErrorKind::NotJson
            );
            assert_eq!(kind(parse_webhook(b)), ErrorKind::NotJson);
            // Deep values inside an otherwise well-formed body.
            let inner = format!(r#"{{"statusCode":"00","status":"success","data":{deep}}}"#);
            assert_eq!(
                kind(parse_response::<serde_json::Value>(200, inner.as_bytes())),
                ErrorKind::NotJson
            );
            let inner = format!(r#"{{"encryptedData":"AAAA","encryptedKeys":"AAAA","x":{deep}}}"#);
            assert_eq!(kind(integrator.open(inner.as_bytes())), ErrorKind::NotJson);
            // A webhook whose data is a *string* holding deep JSON (parsed a second time).
            let webhook = serde_json::json!({ "data": deep }).to_string();
            assert_eq!(
                kind(parse_webhook(webhook.as_bytes())),
                ErrorKind::UnexpectedResponse
            );
            // Payloads to seal.
            assert_eq!(kind(gateway.seal_bytes(b)), ErrorKind::NotJson);
        }
    });
}

/// A deep plaintext inside a valid envelope: `CannotOpen` (the open path checks the JSON with the
/// same recursion limit), and the typed parsers never see it.
#[test]
fn deep_plaintext_inside_a_valid_envelope() {
    let deep_body = keepz_body_around(nested_arrays(DEEP).as_bytes());
    let deep_objects = keepz_body_around(nested_objects(DEEP).as_bytes());
    // within the limit: opens
    let shallow = keepz_body_around(nested_arrays(100).as_bytes());
    for backend in Backend::available() {
        let integrator = Keepz::builder()
            .open_with(private_key("rsa2048.pkcs8.pem", backend))
            .build()
            .unwrap();
        let (deep_body, deep_objects, shallow) =
            (deep_body.clone(), deep_objects.clone(), shallow.clone());
        on_small_stack(move || {
            for body in [&deep_body, &deep_objects] {
                let b = body.as_bytes();
                assert_eq!(kind(integrator.open(b)), ErrorKind::CannotOpen);
                assert_eq!(kind(integrator.parse_callback(b)), ErrorKind::CannotOpen);
                assert_eq!(
                    kind(integrator.parse_response::<OrderStatusRequest>(200, b)),
                    ErrorKind::CannotOpen
                );
                assert_eq!(
                    kind(integrator.open_as::<serde_json::Value>(b)),
                    ErrorKind::CannotOpen
                );
                let d = doctor(&integrator).explain(b, Default::default());
                assert!(!d.opens);
            }
            assert_eq!(integrator.open(shallow.as_bytes()).unwrap().len(), 200);
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers beyond f64.

/// Amounts like `1e400`, `-1e400`, `1e-400` and 400-digit integers: never a panic, never an
/// infinity, never a silently rounded value. Where a typed amount is required they are
/// `UnexpectedResponse` (responses, callbacks, webhooks) or `InvalidAmount` (parsing an amount);
/// untyped JSON keeps them digit for digit (its exact text, `payseal::RawJson`).
#[test]
fn numbers_beyond_f64() {
    use payseal::Amount;
    let digits400 = "9".repeat(400);
    let huge = [
        "1e400",
        "-1e400",
        "1e-400",
        "1E+999999999999",
        digits400.as_str(),
    ];
    for n in huge {
        assert!(Amount::parse(n).is_err(), "{n}");
        assert_eq!(kind(Amount::parse(n)), ErrorKind::InvalidAmount, "{n}");
    }
    let backend = Backend::default();
    let (integrator, keepz) = keepz_pair(backend);
    for n in huge {
        // A Keepz callback (plain and sealed).
        let callback = format!(
            r#"{{"integratorId":"{ID}","integratorOrderId":"{ORDER}","status":"SUCCESS","amount":{n}}}"#
        );
        let plain = parse_plain_callback(callback.as_bytes());
        assert_eq!(kind(plain), ErrorKind::UnexpectedResponse, "{n}");
        let sealed = keepz
            .seal_bytes(callback.as_bytes())
            .unwrap()
            .to_json_body();
        assert_eq!(
            kind(integrator.parse_callback(sealed.as_bytes())),
            ErrorKind::UnexpectedResponse
        );
        // Untyped, the plaintext keeps the number exactly.
        let opened = integrator.open(sealed.as_bytes()).unwrap();
        assert!(opened.as_str().contains(n));
        // TransactPay webhook and verify response.
        let webhook =
            format!(r#"{{"Data":{{"OrderReference":"ORD-1","TotalAmountCharged":{n}}}}}"#);
        assert_eq!(
            kind(parse_webhook(webhook.as_bytes())),
            ErrorKind::UnexpectedResponse,
            "{n}"
        );
        let response = format!(
            r#"{{"statusCode":"00","status":"success","data":{{"orderReference":"ORD-1","totalAmountCharged":{n}}}}}"#
        );
        let parsed = parse_response::<VerifyData>(200, response.as_bytes());
        assert!(
            matches!(
                parsed.as_ref().map_err(|e| e.kind()),
                Err(ErrorKind::UnexpectedResponse)
            ),
            "{n}: {parsed:?}"
        );
        let untyped = parse_response::<payseal::RawJson>(200, response.as_bytes())
            .unwrap()
            .into_data()
            .unwrap();
        assert!(untyped.get().contains(n), "{n}: {untyped}");
        // Sealing a payload with such a number sends it exactly as given.
        let payload = format!(r#"{{"amount":{n}}}"#);
        let body = keepz.seal_bytes(payload.as_bytes()).unwrap().to_json_body();
        assert_eq!(integrator.open(body.as_bytes()).unwrap().as_str(), payload);
    }
    let _ = KeepzCallback::from_value(serde_json::json!({}));
}

// ---------------------------------------------------------------------------------------------
// HTML.

/// Gateway bodies that are HTML pages (a proxy's 502, a WAF's block page): `NotJson` with a message
/// naming HTML, through every reader.
#[test]
fn html_bodies() {
    let backend = Backend::default();
    let (integrator, _) = keepz_pair(backend);
    let t = transactpay(backend);
    for page in HTML_PAGES {
        let html = |e: payseal::Error| {
            assert_eq!(e.kind(), ErrorKind::NotJson);
            e.message().to_string()
        };
        let m = html(integrator.open(page).unwrap_err());
        if page[0] != 0xef {
            assert!(m.contains("HTML"), "{m}");
        }
        html(
            integrator
                .parse_response::<OrderStatusRequest>(502, page)
                .unwrap_err(),
        );
        html(integrator.parse_callback(page).unwrap_err());
        html(parse_plain_callback(page).unwrap_err());
        html(t.open(page).unwrap_err());
        let m = html(parse_response::<VerifyData>(502, page).unwrap_err());
        if page[0] != 0xef {
            assert!(m.contains("HTML"), "{m}");
        }
        html(parse_webhook(page).unwrap_err());
    }
}
