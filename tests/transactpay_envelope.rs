//! The TransactPay envelope: interoperability with openssl, the one-block limit, compact JSON,
//! every backend against every other, and the error of each kind of bad body.

mod transactpay_support;

use payseal::error::CANNOT_OPEN_MESSAGE;
use payseal::keys::{KeyOptions, PrivateKey};
use payseal::transactpay::{
    DEFAULT_MAX_BODY, SealedData, TransactPay, request_headers, to_dashboard_blob,
};
use payseal::{Backend, ErrorKind};
use serde_json::json;
use transactpay_support::{
    b64, backends, dotnet_key, openssl_decrypt, openssl_encrypt, private_key, public_key, unb64,
};

/// A seal-only handle on the fixed key `rsa{bits}`, from the independent dashboard blob.
fn merchant(bits: usize, backend: Backend) -> TransactPay {
    TransactPay::new_with(dotnet_key(bits).blob, &KeyOptions::with_backend(backend)).unwrap()
}

/// An open-capable handle (the gateway's side) on the fixed key `rsa{bits}`.
fn gateway(bits: usize, backend: Backend) -> TransactPay {
    TransactPay::builder()
        .open_with(private_key(bits, backend))
        .build()
        .unwrap()
}

/// A compact JSON object of exactly `len` bytes.
fn object_of_len(len: usize) -> String {
    let overhead = r#"{"p":""}"#.len();
    assert!(len >= overhead);
    format!(r#"{{"p":"{}"}}"#, "x".repeat(len - overhead))
}

/// A create-order request shaped like the docs' example, trimmed to fit one 2048-bit block
/// (244 of 245 bytes compact).
fn create_order() -> serde_json::Value {
    json!({
        "customer": {
            "firstname": "Ada", "lastname": "Obi", "mobile": "+2348012345678",
            "country": "NG", "email": "a@example.ng"
        },
        "order": {
            "amount": 1000, "reference": "ORD-1", "description": "Order",
            "currency": "NGN"
        },
        "payment": { "RedirectUrl": "https://m.example/r" }
    })
}

fn check_openssl_decrypts_payseal(bits: usize) {
    let payload = create_order();
    let compact = serde_json::to_vec(&payload).unwrap();
    for backend in backends() {
        let sealed = merchant(bits, backend).seal(&payload).unwrap();
        let block = unb64(&sealed.data);
        assert_eq!(block.len(), bits / 8);
        assert_eq!(openssl_decrypt(bits, &block), compact, "{backend:?}");
        // Bytes are sent exactly as given, whitespace and all.
        let pretty =
            serde_json::to_vec_pretty(&json!({"reference": "ORD-1", "otp": "123456"})).unwrap();
        assert!(pretty.contains(&b'\n'));
        let sealed = merchant(bits, backend).seal_bytes(&pretty).unwrap();
        assert_eq!(openssl_decrypt(bits, &unb64(&sealed.data)), pretty);
    }
}

#[test]
fn openssl_decrypts_what_payseal_seals_2048() {
    check_openssl_decrypts_payseal(2048);
}

#[test]
fn openssl_decrypts_what_payseal_seals_4096() {
    check_openssl_decrypts_payseal(4096);
}

fn check_payseal_opens_openssl(bits: usize) {
    let payload = br#"{"reference":"ORD-2024-0001","paymentoption":"C","country":"NG"}"#;
    let block = openssl_encrypt(bits, payload);
    let body = format!(r#"{{"data":"{}"}}"#, b64(&block));
    for backend in backends() {
        let opened = gateway(bits, backend).open(body.as_bytes()).unwrap();
        assert_eq!(opened.as_bytes(), payload, "{backend:?}");
    }
}

#[test]
fn payseal_opens_what_openssl_seals_2048() {
    check_payseal_opens_openssl(2048);
}

#[test]
fn payseal_opens_what_openssl_seals_4096() {
    check_payseal_opens_openssl(4096);
}

#[test]
fn the_body_is_one_block_of_base64_in_compact_json() {
    for (bits, chars, padding) in [(2048, 344, "=="), (4096, 684, "=")] {
        for backend in backends() {
            let sealed = merchant(bits, backend)
                .seal(&json!({"reference": "x"}))
                .unwrap();
            assert_eq!(sealed.data.len(), chars);
            assert!(sealed.data.ends_with(padding) && !sealed.data.ends_with("==="));
            assert_eq!(
                sealed.to_json_body(),
                format!(r#"{{"data":"{}"}}"#, sealed.data)
            );
            assert_eq!(sealed.to_json_value(), json!({"data": sealed.data}));
        }
    }
}

#[test]
fn exactly_k_minus_11_bytes_seal_and_k_minus_10_are_refused() {
    for (bits, max) in [(2048, 245), (4096, 501)] {
        for backend in backends() {
            let handle = gateway(bits, backend);
            assert_eq!(handle.max_payload_len(), max);
            assert_eq!(merchant(bits, backend).max_payload_len(), max);

            let fits = object_of_len(max);
            let sealed = handle.seal_bytes(fits.as_bytes()).unwrap();
            let body = sealed.to_json_body();
            assert_eq!(handle.open(body.as_bytes()).unwrap().as_str(), fits);
            let value: serde_json::Value = serde_json::from_str(&fits).unwrap();
            assert_eq!(
                handle.seal(&value).map(|s| s.data.len()).unwrap(),
                sealed.data.len()
            );

            let over = object_of_len(max + 1);
            let expected = format!(
                "the payload is {} bytes; one {bits}-bit RSA block carries at most {max}",
                max + 1
            );
            for e in [
                handle.seal_bytes(over.as_bytes()).unwrap_err(),
                handle
                    .seal(&serde_json::from_str::<serde_json::Value>(&over).unwrap())
                    .unwrap_err(),
            ] {
                assert_eq!(e.kind(), ErrorKind::PayloadTooLarge);
                // payseal's own check, not the backend's or the key's: nothing was encrypted.
                assert_eq!(e.message(), expected);
            }
        }
    }
}

#[test]
fn the_4096_bit_limit_message_names_both_numbers() {
    let e = merchant(4096, Backend::default())
        .seal_bytes(object_of_len(502).as_bytes())
        .unwrap_err();
    assert_eq!(
        e.message(),
        "the payload is 502 bytes; one 4096-bit RSA block carries at most 501"
    );
}

#[test]
fn serde_values_are_sealed_compact() {
    for backend in backends() {
        let handle = gateway(2048, backend);
        let order = create_order();
        let body = handle.seal(&order).unwrap().to_json_body();
        let opened = handle.open(body.as_bytes()).unwrap();
        assert_eq!(opened.len(), 244);
        assert!(!opened.as_str().contains([' ', '\n']));
        assert_eq!(opened.as_bytes(), serde_json::to_vec(&order).unwrap());
        assert_eq!(opened.parse::<serde_json::Value>().unwrap(), order);

        #[derive(serde::Serialize)]
        struct Status<'a> {
            reference: &'a str,
        }
        let body = handle
            .seal(&Status { reference: "ORD 1" })
            .unwrap()
            .to_json_body();
        assert_eq!(
            handle.open(body.as_bytes()).unwrap().as_str(),
            r#"{"reference":"ORD 1"}"#
        );
        let back: serde_json::Value = handle.open_as(body.as_bytes()).unwrap();
        assert_eq!(back, json!({"reference": "ORD 1"}));
    }
}

#[test]
fn every_backend_opens_what_every_backend_seals() {
    let payload = json!({"reference": "ORD-1", "otp": "123456"});
    for bits in [2048, 4096] {
        for sealer in backends() {
            let body = merchant(bits, sealer)
                .seal(&payload)
                .unwrap()
                .to_json_body();
            for opener in backends() {
                let opened = gateway(bits, opener).open(body.as_bytes()).unwrap();
                assert_eq!(
                    opened.parse::<serde_json::Value>().unwrap(),
                    payload,
                    "{sealer:?} → {opener:?}"
                );
            }
        }
    }
}

#[test]
fn bad_bodies_get_their_own_kinds() {
    for backend in backends() {
        let handle = TransactPay::builder()
            .open_with(private_key(2048, backend))
            .max_body(1000)
            .build()
            .unwrap();
        let cases: [(&[u8], ErrorKind); 10] = [
            (b"", ErrorKind::EmptyBody),
            (b" \r\n", ErrorKind::EmptyBody),
            (b"<html><body>Bad gateway</body></html>", ErrorKind::NotJson),
            (b"data=abc", ErrorKind::NotJson),
            (b"[1,2]", ErrorKind::NotEnvelope),
            (b"\"QUJD\"", ErrorKind::NotEnvelope),
            (br#"{"reference":"x"}"#, ErrorKind::NotEnvelope),
            (br#"{"data":null}"#, ErrorKind::NotEnvelope),
            (br#"{"data":{"statusCode":"00"}}"#, ErrorKind::NotEnvelope),
            (&[b' '; 1001], ErrorKind::BodyTooLarge),
        ];
        for (body, kind) in cases {
            let e = handle.open(body).unwrap_err();
            assert_eq!(
                e.kind(),
                kind,
                "{backend:?} {:?}: {e}",
                String::from_utf8_lossy(body)
            );
        }
    }
}

#[test]
fn every_decoding_failure_is_the_one_cannot_open() {
    let bits = 2048;
    let not_json = openssl_encrypt(bits, b"not json");
    let not_utf8 = openssl_encrypt(bits, b"{\"a\":\"\xff\"}");
    let not_object = openssl_encrypt(bits, b"\"just a string\"");
    let empty = openssl_encrypt(bits, b"");
    let other_key = openssl_encrypt(4096, b"{}");
    let valid = openssl_encrypt(bits, b"{}");
    let data = [
        "%%%%".to_string(),
        "QUJD".to_string(),
        b64(&valid)
            .replace('+', "-")
            .replace('/', "_")
            .replace('=', ""),
        b64(&valid[1..]),
        b64(&[valid.as_slice(), &[0]].concat()),
        b64(&not_json),
        b64(&not_utf8),
        b64(&not_object),
        b64(&empty),
        b64(&other_key),
        b64(&vec![0; 256]),
        b64(&vec![0xff; 256]),
        String::new(),
    ];
    for backend in backends() {
        let handle = gateway(bits, backend);
        assert!(
            handle
                .open(format!(r#"{{"data":"{}"}}"#, b64(&valid)).as_bytes())
                .is_ok()
        );
        for d in &data {
            let body = format!(r#"{{"data":"{d}"}}"#);
            let e = handle.open(body.as_bytes()).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::CannotOpen, "{backend:?} {d:?}");
            assert_eq!(e.message(), CANNOT_OPEN_MESSAGE);
        }
    }
}

#[test]
fn base64_wrapped_in_the_body_still_opens() {
    let handle = gateway(2048, Backend::default());
    let sealed = handle.seal(&json!({"reference": "x"})).unwrap();
    let wrapped = format!(
        r#"{{"data":"{}\r\n{}"}}"#,
        &sealed.data[..76],
        &sealed.data[76..]
    );
    assert_eq!(
        handle.open(wrapped.as_bytes()).unwrap().as_str(),
        r#"{"reference":"x"}"#
    );
}

#[test]
fn payloads_must_be_utf8_json_objects() {
    let handle = merchant(2048, Backend::default());
    let cases: [(&[u8], ErrorKind); 6] = [
        (b"{\"a\":\"\xff\"}", ErrorKind::InvalidUtf8),
        (b"not json", ErrorKind::NotJson),
        (b"", ErrorKind::NotJson),
        (b"{\"a\":1} trailing", ErrorKind::NotJson),
        (b"[1,2]", ErrorKind::InvalidRequest),
        (b"\"text\"", ErrorKind::InvalidRequest),
    ];
    for (payload, kind) in cases {
        assert_eq!(handle.seal_bytes(payload).unwrap_err().kind(), kind);
    }
    assert_eq!(
        handle.seal("a string").unwrap_err().kind(),
        ErrorKind::InvalidRequest
    );
    assert_eq!(
        handle.seal(&42).unwrap_err().kind(),
        ErrorKind::InvalidRequest
    );
    assert!(handle.seal_bytes(b" \n{ }\n").is_ok());
}

#[test]
fn keys_the_handle_needs() {
    let e = merchant(2048, Backend::default())
        .open(br#"{"data":"QUJD"}"#)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MissingKey);
    let e = TransactPay::builder().build().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MissingKey);
    let e = TransactPay::builder()
        .encryption_key(public_key(4096, Backend::default()))
        .open_with(private_key(2048, Backend::default()))
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    let e = TransactPay::builder()
        .open_with(private_key(2048, Backend::default()))
        .max_body(0)
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);

    // Both halves of one pair, each on its own backend.
    for sealer in backends() {
        for opener in backends() {
            let handle = TransactPay::builder()
                .encryption_key(public_key(2048, sealer))
                .open_with(private_key(2048, opener))
                .build()
                .unwrap();
            assert_eq!(handle.max_body(), DEFAULT_MAX_BODY);
            assert_eq!(handle.encryption_key().backend(), sealer);
            let body = handle.seal(&json!({"a": 1})).unwrap().to_json_body();
            assert_eq!(handle.open(body.as_bytes()).unwrap().as_str(), r#"{"a":1}"#);
        }
    }
    // A handle from a parsed key is seal-only.
    let handle = TransactPay::from_key(public_key(2048, Backend::default()));
    assert!(handle.open_key().is_none());
    assert!(handle.seal(&json!({})).is_ok());
}

#[test]
fn handle_is_send_sync_clone_and_debug_shows_no_secrets() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<TransactPay>();
    assert_send_sync::<SealedData>();

    let private = PrivateKey::generate(2048).unwrap();
    let handle = TransactPay::builder()
        .open_with(private.clone())
        .build()
        .unwrap();
    let debug = format!("{handle:?}");
    assert!(debug.contains(&private.public_key().fingerprint()));
    let pem = String::from_utf8(private.export(payseal::keys::KeyFormat::Pem).to_vec()).unwrap();
    let secret_line = pem.lines().nth(5).unwrap();
    assert!(!debug.contains(secret_line));
    assert!(!debug.contains("PRIVATE KEY"));

    let body = handle.seal(&json!({"cvv": "123"})).unwrap().to_json_body();
    let opened = handle.clone().open(body.as_bytes()).unwrap();
    assert!(!format!("{opened:?}").contains("123"));

    // The blob written from the pair seals to the same key.
    let from_blob = TransactPay::new(to_dashboard_blob(private.public_key())).unwrap();
    let body = from_blob.seal(&json!({"a": 1})).unwrap().to_json_body();
    assert!(handle.open(body.as_bytes()).is_ok());
}

#[test]
fn headers_are_named() {
    let key = "PGW-PUBLICKEY-TEST-0123456789abcdef0123456789abcdef";
    assert_eq!(
        request_headers(key).unwrap(),
        [("api-key", key), ("Content-Type", "application/json")]
    );
    let e = request_headers("PGW-SECRETKEY-TEST-x\r\nHost: evil").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(!e.message().contains("SECRETKEY-TEST-x"));
}
