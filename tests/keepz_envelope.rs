//! The Keepz envelope: round trips, cross-backend, every malformed body with its error kind and the
//! one open error (the diagnostics handle that explains it offline: `tests/keepz_diagnostics.rs`).

use payseal::keepz::{EnvelopeMode, Keepz, KeepzApiError};
use payseal::{Backend, ErrorKind, GatewayFailure, RsaPadding};
use payseal_test_support::*;

const ID: &str = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";

/// (integrator handle, keepz test-double handle) for a key size and backend pair.
fn pair(bits: usize, integrator_backend: Backend, keepz_backend: Backend) -> (Keepz, Keepz) {
    let integrator = Keepz::builder()
        .seal_to(public_key(
            &format!("rsa{bits}.spki.pem"),
            integrator_backend,
        ))
        .open_with(private_key("rsa2048.pkcs1.pem", integrator_backend))
        .identifier(ID)
        .build()
        .unwrap();
    let keepz = Keepz::builder()
        .seal_to(public_key("rsa2048.spki.b64", keepz_backend))
        .open_with(private_key(&format!("rsa{bits}.pkcs8.b64"), keepz_backend))
        .build()
        .unwrap();
    (integrator, keepz)
}

#[test]
fn request_and_response_round_trip_across_backends() {
    let request = serde_json::json!({"integratorId": ID, "integratorOrderId": "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"});
    let response = serde_json::json!({"integratorOrderId": "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a", "status": "SUCCESS"});
    for bits in [2048, 4096] {
        for a in Backend::available() {
            for b in Backend::available() {
                let (integrator, keepz) = pair(bits, a, b);
                let body = integrator.seal(&request).unwrap().to_json_body();
                let got: serde_json::Value = keepz.open_as(body.as_bytes()).unwrap();
                assert_eq!(got, request, "{bits} {a:?}->{b:?}");
                let reply = keepz.seal(&response).unwrap();
                assert!(reply.identifier.is_none());
                let reply = reply.to_json_body();
                assert!(!reply.contains("identifier"));
                let got: serde_json::Value = integrator.open_as(reply.as_bytes()).unwrap();
                assert_eq!(got, response);
            }
        }
    }
}

#[test]
fn sealed_fields_have_the_documented_shape() {
    let (integrator, _) = pair(4096, Backend::default(), Backend::default());
    let sealed = integrator.seal_bytes(b"{}").unwrap();
    let keys = sealed.encrypted_keys.as_deref().unwrap();
    assert_eq!(keys.len(), 684, "512-byte block = 684 Base64 characters");
    assert_eq!(unb64(keys).len(), 512);
    assert_eq!(
        unb64(&sealed.encrypted_data).len(),
        16,
        "2 bytes pad to one block"
    );
    let body: serde_json::Value = serde_json::from_str(&sealed.to_json_body()).unwrap();
    let fields: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut sorted = fields.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        ["aes", "encryptedData", "encryptedKeys", "identifier"]
    );
    assert_eq!(body["aes"], true);
    // Fresh key and IV every time.
    let again = integrator.seal_bytes(b"{}").unwrap();
    assert_ne!(again.encrypted_data, sealed.encrypted_data);
    assert_ne!(again.encrypted_keys, sealed.encrypted_keys);
}

#[test]
fn payloads_are_compact_json() {
    let (integrator, keepz) = pair(2048, Backend::default(), Backend::default());
    let value = serde_json::json!({"a": [1, 2, {"b": "c"}], "ka": "ქართული"});
    let opened = keepz
        .open(integrator.seal(&value).unwrap().to_json_body().as_bytes())
        .unwrap();
    assert_eq!(opened.as_str(), r#"{"a":[1,2,{"b":"c"}],"ka":"ქართული"}"#);
    // Bytes are sent exactly as given, and must be UTF-8 JSON.
    for scalar in [&b"1"[..], b"\"text\"", b"null", b"true"] {
        let e = integrator.seal_bytes(scalar).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidRequest);
    }
    let opened = keepz
        .open(
            integrator
                .seal_bytes(b"{ \"x\" : 1 }")
                .unwrap()
                .to_json_body()
                .as_bytes(),
        )
        .unwrap();
    assert_eq!(opened.as_str(), "{ \"x\" : 1 }");
    assert_eq!(
        integrator.seal_bytes(b"{nope").unwrap_err().kind(),
        ErrorKind::NotJson
    );
    assert_eq!(
        integrator.seal_bytes(b"\xff").unwrap_err().kind(),
        ErrorKind::InvalidUtf8
    );
}

#[test]
fn gateway_error_empty_html_and_other_bodies_are_told_apart() {
    let (integrator, _) = pair(2048, Backend::default(), Backend::default());
    let e = integrator
        .open(br#"{"message": "Integrator order not found", "statusCode": 6005, "exceptionGroup": 5}"#)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::GatewayError);
    let Some(GatewayFailure::Keepz(api)) = e.gateway_failure() else {
        panic!("no typed error: {e:?}")
    };
    assert_eq!(api.status_code, 6005);
    assert_eq!(api.group().unwrap().name(), "not found");
    assert_eq!(api.code_name(), Some("integrator order not found"));

    let e = integrator
        .open(br#"{"message":"x","statusCode":6010,"exceptionGroup":6}"#)
        .unwrap_err();
    let Some(GatewayFailure::Keepz(KeepzApiError {
        status_code: 6010, ..
    })) = e.gateway_failure()
    else {
        panic!()
    };
    assert!(e.message().contains("RSA padding"), "{e}");

    assert_eq!(
        integrator.open(b"").unwrap_err().kind(),
        ErrorKind::EmptyBody
    );
    assert_eq!(
        integrator.open(b"  \r\n").unwrap_err().kind(),
        ErrorKind::EmptyBody
    );
    let html = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let e = integrator.open(html).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotJson);
    assert!(e.message().contains("HTML"), "{e}");
    assert_eq!(
        integrator.open(b"{\"encryptedData\":").unwrap_err().kind(),
        ErrorKind::NotJson
    );
    for body in [
        &br#"[1,2]"#[..],
        br#"{"hello":"world"}"#,
        br#"{"encryptedData":5,"encryptedKeys":"AAAA"}"#,
        br#"{"encryptedData":"AAAA","encryptedKeys":["x"]}"#,
        br#"{"encryptedData":"AAAA","encryptedKeys":"AAAA","aes":"yes"}"#,
        br#"{"encryptedData":"AAAA"}"#,
    ] {
        assert_eq!(
            integrator.open(body).unwrap_err().kind(),
            ErrorKind::NotEnvelope,
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn oversized_bodies_are_refused_before_decoding() {
    let integrator = Keepz::builder()
        .open_with(private_key("rsa2048.pkcs8.pem", Backend::default()))
        .max_body(1000)
        .build()
        .unwrap();
    let body = format!(
        r#"{{"encryptedData":"{}","encryptedKeys":"AAAA"}}"#,
        "A".repeat(1000)
    );
    assert_eq!(
        integrator.open(body.as_bytes()).unwrap_err().kind(),
        ErrorKind::BodyTooLarge
    );
    // Not JSON at all, but too large: the size is checked first.
    assert_eq!(
        integrator.open(&[b'<'; 1001]).unwrap_err().kind(),
        ErrorKind::BodyTooLarge
    );
    assert_eq!(
        Keepz::builder()
            .open_with(private_key("rsa2048.pkcs8.pem", Backend::default()))
            .max_body(0)
            .build()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidArgument
    );
}

#[test]
fn handles_without_the_needed_key_or_with_a_bad_identifier_are_refused() {
    let seal_only = Keepz::builder()
        .seal_to(public_key("rsa2048.spki.pem", Backend::default()))
        .build()
        .unwrap();
    assert_eq!(
        seal_only.open(b"{}").unwrap_err().kind(),
        ErrorKind::MissingKey
    );
    let open_only = Keepz::builder()
        .open_with(private_key("rsa2048.pkcs8.pem", Backend::default()))
        .build()
        .unwrap();
    assert_eq!(
        open_only.seal_bytes(b"{}").unwrap_err().kind(),
        ErrorKind::MissingKey
    );
    assert_eq!(
        Keepz::builder().build().unwrap_err().kind(),
        ErrorKind::MissingKey
    );
    for bad in [
        "",
        "integrator-1",
        "1b5e2c7a8d3f4e6a9c1b2f4d6e8a0c3e",
        "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3g",
    ] {
        let e = Keepz::builder()
            .seal_to(public_key("rsa2048.spki.pem", Backend::default()))
            .identifier(bad)
            .build()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{bad}");
    }
}

#[test]
fn legacy_payload_limit_is_a_typed_error() {
    for bits in [2048usize, 4096] {
        let keepz = Keepz::builder()
            .seal_to(public_key(
                &format!("rsa{bits}.spki.pem"),
                Backend::default(),
            ))
            .mode(EnvelopeMode::Legacy)
            .build()
            .unwrap();
        let limit = bits / 8 - 11;
        let fits = format!("[\"{}\"]", "x".repeat(limit - 4));
        assert!(keepz.seal_bytes(fits.as_bytes()).is_ok());
        let too_big = format!("[\"{}\"]", "x".repeat(limit - 3));
        let e = keepz.seal_bytes(too_big.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::PayloadTooLarge);
        assert!(e.message().contains(&limit.to_string()), "{e}");
        assert!(e.message().contains(&(limit + 1).to_string()), "{e}");
    }
}

/// Every way an envelope can be broken opens to the same error: same kind, same message.
#[test]
fn every_open_failure_is_one_indistinguishable_error() {
    for backend in Backend::available() {
        let (integrator, keepz) = pair(2048, backend, backend);
        let sealed = integrator.seal_bytes(br#"{"ok":true}"#).unwrap();
        let data = sealed.encrypted_data.clone();
        let keys = sealed.encrypted_keys.clone().unwrap();
        let body = |d: &str, k: &str| {
            serde_json::json!({"encryptedData": d, "encryptedKeys": k, "aes": true}).to_string()
        };
        let other = private_key("rsa4096.pkcs8.pem", backend);
        // A valid RSA block around a bad key string, and around a good key string for wrong data.
        let seal_raw = |msg: &[u8]| {
            b64(&openssl_rsa_encrypt(
                "rsa4096.spki.pem",
                RsaPadding::OaepSha256,
                msg,
            ))
        };
        let not_json = {
            let key = [1u8; 32];
            let iv = [2u8; 16];
            let ct = openssl_aes(false, &key, &iv, b"not json at all");
            body(
                &b64(&ct),
                &seal_raw(format!("{}.{}", b64(&key), b64(&iv)).as_bytes()),
            )
        };
        let not_utf8 = {
            let key = [3u8; 32];
            let iv = [4u8; 16];
            let ct = openssl_aes(false, &key, &iv, b"\"\xff\xfe\"");
            body(
                &b64(&ct),
                &seal_raw(format!("{}.{}", b64(&key), b64(&iv)).as_bytes()),
            )
        };
        let other_keepz = Keepz::builder().open_with(other.clone()).build().unwrap();
        let pkcs1_handle = Keepz::builder()
            .open_with(private_key("rsa2048.pkcs8.pem", backend))
            .padding(RsaPadding::Pkcs1v15)
            .build()
            .unwrap();
        let url_safe_keys = keys.replace('+', "-").replace('/', "_");
        assert_ne!(
            url_safe_keys, keys,
            "344 Base64 characters without + or / (p < 1e-4)"
        );
        let mut flipped_data = unb64(&data);
        flipped_data[0] ^= 1;
        let mut flipped_keys = unb64(&keys);
        flipped_keys[100] ^= 0x80;
        let cases: Vec<(&str, &Keepz, String)> = vec![
            ("bad RSA block", &keepz, body(&data, &b64(&flipped_keys))),
            ("wrong key", &other_keepz, body(&data, &keys)),
            ("bad CBC", &keepz, body(&b64(&flipped_data), &keys)),
            ("short data", &keepz, body(&b64(&unb64(&data)[..8]), &keys)),
            ("empty data", &keepz, body("", &keys)),
            (
                "key string",
                &other_keepz,
                body(&data, &seal_raw(b"not.a-key-string")),
            ),
            ("not json", &other_keepz, not_json),
            ("not utf8", &other_keepz, not_utf8),
            ("base64 keys", &keepz, body(&data, "!!!!")),
            ("base64 data", &keepz, body("@@@@", &keys)),
            ("url-safe", &keepz, body(&data, &url_safe_keys)),
            (
                "short block",
                &keepz,
                body(&data, &b64(&unb64(&keys)[..255])),
            ),
            ("pkcs1 handle", &pkcs1_handle, body(&data, &keys)),
        ];
        let mut messages = std::collections::HashSet::new();
        for (name, handle, body) in &cases {
            let e = handle
                .open(body.as_bytes())
                .expect_err(&format!("{name} on {backend:?} must not open"));
            assert_eq!(
                e.kind(),
                ErrorKind::CannotOpen,
                "{name} on {backend:?}: {e}"
            );
            messages.insert(e.message().to_string());
            assert!(e.gateway_failure().is_none());
        }
        assert_eq!(messages.len(), 1, "{messages:?}");
        // Whitespace inside Base64 is tolerated.
        let wrapped = body(&format!("{}\r\n{}", &data[..10], &data[10..]), &keys);
        assert!(keepz.open(wrapped.as_bytes()).is_ok());
    }
}

#[test]
fn open_query_reads_what_to_query_string_wrote() {
    let (integrator, keepz) = pair(2048, Backend::default(), Backend::default());
    let sealed = integrator.seal_bytes(br#"{"q":"a+b/c="}"#).unwrap();
    let opened = keepz.open_query(&sealed.to_query_string()).unwrap();
    assert_eq!(opened.as_str(), r#"{"q":"a+b/c="}"#);
    // An unencoded '+' (the classic bug) turns into a space and the envelope no longer opens.
    let broken = format!(
        "encryptedData={}&encryptedKeys={}&aes=true",
        sealed.encrypted_data,
        sealed.encrypted_keys.as_deref().unwrap()
    );
    if broken.contains('+') {
        assert_eq!(
            keepz.open_query(&broken).unwrap_err().kind(),
            ErrorKind::CannotOpen
        );
    }
}

#[test]
fn plaintext_debug_is_redacted() {
    let (integrator, keepz) = pair(2048, Backend::default(), Backend::default());
    let body = integrator
        .seal_bytes(br#"{"card":"4111111111111111"}"#)
        .unwrap()
        .to_json_body();
    let opened = keepz.open(body.as_bytes()).unwrap();
    let debug = format!("{opened:?}");
    assert!(!debug.contains("4111"), "{debug}");
}
