//! The conformity vectors in `tests/vectors/`: fixed keys, envelopes, canned gateway responses and
//! bad inputs with the status each must give. Every binding's tests read the same files; this test
//! checks them through the C ABI itself (the functions the bindings call).
//!
//! `PAYSEAL_BLESS_VECTORS=1 cargo test -p payseal-ffi vectors` regenerates the files (new
//! envelopes, since sealing is randomised); without it, the committed files are only checked.

use super::*;
use payseal::keepz::{EnvelopeMode, Keepz};
use payseal::transactpay::TransactPay;
use payseal::{Backend, RsaPadding};
use payseal_test_support::*;
use serde_json::{Value, json};
use std::path::PathBuf;

fn dir() -> PathBuf {
    repo_root().join("tests/vectors")
}

fn text(name: &str) -> String {
    String::from_utf8(key_bytes(name)).unwrap()
}

// ---------------------------------------------------------------- generation

fn keys_json() -> Value {
    let mut out = serde_json::Map::new();
    for bits in [2048, 4096] {
        let public = public_key(&format!("rsa{bits}.spki.pem"), Backend::default());
        out.insert(
            format!("rsa{bits}"),
            json!({
                "bits": bits,
                "fingerprint": public.fingerprint(),
                "public_pem": text(&format!("rsa{bits}.spki.pem")),
                "public_pkcs1_pem": text(&format!("rsa{bits}.pkcs1-pub.pem")),
                "public_base64_der": text(&format!("rsa{bits}.spki.b64")),
                "private_pem": text(&format!("rsa{bits}.pkcs8.pem")),
                "private_pkcs1_pem": text(&format!("rsa{bits}.pkcs1.pem")),
                "private_base64_der": text(&format!("rsa{bits}.pkcs8.b64")),
                "transactpay_blob": payseal::transactpay::to_dashboard_blob(&public),
            }),
        );
    }
    Value::Object(out)
}

fn responder(bits: usize, padding: RsaPadding, mode: EnvelopeMode) -> Keepz {
    Keepz::builder()
        .seal_to(public_key(
            &format!("rsa{bits}.spki.pem"),
            Backend::default(),
        ))
        .padding(padding)
        .mode(mode)
        .build()
        .unwrap()
}

fn keepz_open_json() -> Value {
    let status_response =
        json!({"integratorOrderId": "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a", "status": "SUCCESS"});
    let status_text = status_response.to_string();
    let seal = |bits, padding, mode| {
        responder(bits, padding, mode)
            .seal_bytes(status_text.as_bytes())
            .unwrap()
            .to_json_body()
    };
    let oaep = seal(2048, RsaPadding::OaepSha256, EnvelopeMode::Hybrid);
    let mut wrapped: Value = serde_json::from_str(&oaep).unwrap();
    let data = wrapped["encryptedData"].as_str().unwrap().to_string();
    wrapped["encryptedData"] = json!(format!("{}\r\n{}", &data[..8], &data[8..]));
    let mut tampered: Value = serde_json::from_str(&oaep).unwrap();
    let mut block = unb64(tampered["encryptedKeys"].as_str().unwrap());
    block[7] ^= 1;
    tampered["encryptedKeys"] = json!(b64(&block));
    let error_inside = responder(2048, RsaPadding::OaepSha256, EnvelopeMode::Hybrid)
        .seal_bytes(br#"{"message":"Order already paid","statusCode":6016,"exceptionGroup":2}"#)
        .unwrap()
        .to_json_body();
    let ok = |name: &str, key: &str, padding: &str, legacy: bool, body: String| {
        json!({"name": name, "key": key, "padding": padding, "legacy": legacy, "http_status": 200,
               "body": body, "expect_status": 0, "expect_output": status_text})
    };
    let fail = |name: &str, http: u16, body: &str, status: u32| {
        json!({"name": name, "key": "rsa2048", "padding": "oaep-sha256", "legacy": false,
               "http_status": http, "body": body, "expect_status": status, "expect_output": null})
    };
    json!([
        ok(
            "hybrid OAEP-SHA-256, 2048-bit",
            "rsa2048",
            "oaep-sha256",
            false,
            oaep.clone()
        ),
        ok(
            "hybrid OAEP-SHA-256, 4096-bit",
            "rsa4096",
            "oaep-sha256",
            false,
            seal(4096, RsaPadding::OaepSha256, EnvelopeMode::Hybrid)
        ),
        ok(
            "hybrid PKCS#1 v1.5, 2048-bit",
            "rsa2048",
            "pkcs1v15",
            false,
            seal(2048, RsaPadding::Pkcs1v15, EnvelopeMode::Hybrid)
        ),
        ok(
            "legacy RSA-only, 2048-bit",
            "rsa2048",
            "pkcs1v15",
            true,
            seal(2048, RsaPadding::Pkcs1v15, EnvelopeMode::Legacy)
        ),
        ok(
            "Base64 wrapped with a line break",
            "rsa2048",
            "oaep-sha256",
            false,
            wrapped.to_string()
        ),
        json!({"name": "callback (no HTTP status)", "key": "rsa2048", "padding": "oaep-sha256",
               "legacy": false, "http_status": 0, "body": oaep, "expect_status": 0,
               "expect_output": status_text}),
        json!({"name": "empty 200 body (subscription revoke)", "key": "rsa2048", "padding": "oaep-sha256",
               "legacy": false, "http_status": 200, "body": "", "expect_status": 0, "expect_output": ""}),
        json!({"name": "Keepz error body, HTTP 404", "key": "rsa2048", "padding": "oaep-sha256",
               "legacy": false, "http_status": 404,
               "body": r#"{"message":"Integrator order not found","statusCode":6005,"exceptionGroup":5}"#,
               "expect_status": 10, "expect_output": null,
               "expect_output_json": {"gateway": "keepz", "message": "Integrator order not found",
                   "statusCode": 6005, "exceptionGroup": 5, "httpStatus": 404, "group": "not found",
                   "codeName": "integrator order not found", "hint": null}}),
        json!({"name": "Keepz error sealed inside an envelope", "key": "rsa2048", "padding": "oaep-sha256",
               "legacy": false, "http_status": 409, "body": error_inside, "expect_status": 10,
               "expect_output": null,
               "expect_output_json": {"gateway": "keepz", "message": "Order already paid",
                   "statusCode": 6016, "exceptionGroup": 2, "httpStatus": 409, "group": "business logic",
                   "codeName": "order already paid", "hint": null}}),
        fail("wrong padding configured", 200, &oaep, 9)
            .as_object()
            .cloned()
            .map(|mut o| {
                o.insert("padding".into(), json!("pkcs1v15"));
                Value::Object(o)
            })
            .unwrap(),
        fail("tampered RSA block", 200, &tampered.to_string(), 9),
        fail(
            "sealed to another key",
            200,
            &seal(4096, RsaPadding::OaepSha256, EnvelopeMode::Hybrid),
            9
        ),
        fail(
            "HTML 502 page",
            502,
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            11
        ),
        fail(
            "truncated JSON",
            200,
            r#"{"encryptedData":"AAAA","encryptedKe"#,
            11
        ),
        fail("empty body, no HTTP status", 0, "", 12),
        fail(
            "JSON that is not an envelope",
            200,
            r#"{"hello":"world"}"#,
            13
        ),
    ])
}

fn keepz_seal_json() -> Value {
    json!([
        {"name": "order status request", "key": "rsa2048", "padding": "oaep-sha256", "legacy": false,
         "identifier": ID,
         "payload": format!(r#"{{"integratorId":"{ID}","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"}}"#),
         "expect_status": 0},
        {"name": "Georgian text, 4096-bit, PKCS#1 v1.5", "key": "rsa4096", "padding": "pkcs1v15",
         "legacy": false, "identifier": ID, "payload": r#"{"description":"გადახდა","amount":12.5}"#,
         "expect_status": 0},
        {"name": "legacy, fits", "key": "rsa2048", "padding": "pkcs1v15", "legacy": true,
         "identifier": ID, "payload": format!(r#"{{"x":"{}"}}"#, "a".repeat(245 - 8)), "expect_status": 0},
        {"name": "legacy, one byte too many", "key": "rsa2048", "padding": "pkcs1v15", "legacy": true,
         "identifier": ID, "payload": format!(r#"{{"x":"{}"}}"#, "a".repeat(246 - 8)), "expect_status": 7},
        {"name": "payload not JSON", "key": "rsa2048", "padding": "oaep-sha256", "legacy": false,
         "identifier": ID, "payload": "{nope", "expect_status": 11},
        {"name": "payload a JSON string", "key": "rsa2048", "padding": "oaep-sha256", "legacy": false,
         "identifier": ID, "payload": "\"text\"", "expect_status": 19},
    ])
}

fn transactpay_json() -> Value {
    let payload = r#"{"reference":"ORD-2024-0001","paymentoption":"C","country":"NG"}"#;
    let handle = TransactPay::new(text("rsa2048.spki.pem")).unwrap();
    let body = handle
        .seal_bytes(payload.as_bytes())
        .unwrap()
        .to_json_body();
    let seal_case = |name: &str, key: &str, len: usize, status: u32| {
        // {"r":"xxx…"} of exactly `len` bytes
        json!({"name": name, "key": key, "payload": format!(r#"{{"r":"{}"}}"#, "x".repeat(len - 8)),
               "expect_status": status})
    };
    json!({
        "seal": [
            seal_case("2048-bit: exactly 245 bytes", "rsa2048", 245, 0),
            seal_case("2048-bit: 246 bytes refused", "rsa2048", 246, 7),
            seal_case("4096-bit: exactly 501 bytes", "rsa4096", 501, 0),
            seal_case("4096-bit: 502 bytes refused", "rsa4096", 502, 7),
            {"name": "not an object", "key": "rsa2048", "payload": "[1,2]", "expect_status": 19},
        ],
        "open": [
            {"name": "sealed by payseal", "key": "rsa2048", "body": body, "expect_status": 0, "expect_output": payload},
            {"name": "not base64", "key": "rsa2048", "body": r#"{"data":"@@@@"}"#, "expect_status": 9, "expect_output": null},
            {"name": "no data field", "key": "rsa2048", "body": r#"{"payload":"x"}"#, "expect_status": 13, "expect_output": null},
        ],
        "max_payload": {"rsa2048": 245, "rsa4096": 501},
    })
}

fn transactpay_responses_json() -> Value {
    let case = |name: &str, http: u16, body: &str, status: u32, expect: Value| json!({"name": name, "http_status": http, "body": body, "expect_status": status, "expect_output_json": expect});
    json!([
        case(
            "verify success, status_code number and boolean status",
            200,
            r#"{"status":true,"status_code":0,"message":"ok","data":{"orderReference":"ORD-1","statusId":5,"totalAmountCharged":1000.1234,"currencyName":"NGN"}}"#,
            0,
            json!({"httpStatus": 200, "statusCode": "00", "status": "true", "message": "ok",
                       "data": {"orderReference": "ORD-1", "statusId": 5, "totalAmountCharged": 1000.1234, "currencyName": "NGN"}})
        ),
        case(
            "order created",
            200,
            r#"{"statusCode":"01","status":"success","data":{"order":{"reference":"ORD-1"}}}"#,
            0,
            json!({"httpStatus": 200, "statusCode": "01", "status": "success", "message": null,
                       "data": {"order": {"reference": "ORD-1"}}})
        ),
        case(
            "gateway failure",
            400,
            r#"{"statusCode":"09","status":"failed","message":"Order not found"}"#,
            10,
            json!({"gateway": "transactpay", "httpStatus": 400, "statusCode": "09", "status": "failed", "message": "Order not found"})
        ),
        case(
            "HTML page",
            502,
            "<html><body>502 Bad Gateway</body></html>",
            11,
            Value::Null
        ),
        case("empty body", 200, "", 12, Value::Null),
    ])
}

fn key_errors_json() -> Value {
    let case = |name: &str, gateway: &str, public: &str, private: &str, status: u32| json!({"name": name, "gateway": gateway, "public_key": public, "private_key": private, "expect_status": status});
    let pem = text("rsa2048.spki.pem");
    json!([
        case("garbage public key", "keepz", "not a key", "", 3),
        case("truncated PEM", "keepz", &pem[..pem.len() / 2], "", 3),
        case("1024-bit key", "keepz", &text("rsa1024.spki.pem"), "", 4),
        case("EC public key", "keepz", &text("ec.spki.pem"), "", 6),
        case("certificate", "keepz", &text("rsa2048.cert.pem"), "", 6),
        case(
            "encrypted private key",
            "keepz",
            "",
            &text("rsa2048.encrypted.pem"),
            6
        ),
        case("public key given as private", "keepz", "", &pem, 6),
        case("no key at all", "keepz", "", "", 15),
        case(
            "TransactPay blob with wrong bit prefix",
            "transactpay",
            "MTAyNCE8UlNBS2V5VmFsdWU+PE1vZHVsdXM+QVFBQjwvTW9kdWx1cz48RXhwb25lbnQ+QVFBQjwvRXhwb25lbnQ+PC9SU0FLZXlWYWx1ZT4=",
            "",
            3
        ),
        case(
            "TransactPay EC key",
            "transactpay",
            &text("ec.spki.pem"),
            "",
            6
        ),
    ])
}

fn endpoints_json() -> Value {
    let mut cases = Vec::new();
    for (op, e) in payseal::keepz::api::OPERATIONS {
        cases.push(json!({"gateway": "keepz", "operation": op, "expect_status": 0, "expect_output_json": crate::json::keepz_endpoint(e)}));
    }
    for op in payseal::transactpay::api::OPERATION_NAMES {
        let e = payseal::transactpay::api::TransactPayEndpoint::for_operation(op)
            .unwrap_or_else(|| panic!("transactpay operation {op}"));
        cases.push(json!({"gateway": "transactpay", "operation": op, "expect_status": 0, "expect_output_json": crate::json::transactpay_endpoint(&e)}));
    }
    cases.push(json!({"gateway": "keepz", "operation": "no_such_thing", "expect_status": 14, "expect_output_json": null}));
    cases.push(json!({"gateway": "paypal", "operation": "create_order", "expect_status": 14, "expect_output_json": null}));
    Value::Array(cases)
}

fn bless() {
    let files = [
        ("keys.json", keys_json()),
        ("keepz_open.json", keepz_open_json()),
        ("keepz_seal.json", keepz_seal_json()),
        ("transactpay.json", transactpay_json()),
        ("transactpay_responses.json", transactpay_responses_json()),
        ("key_errors.json", key_errors_json()),
        ("endpoints.json", endpoints_json()),
    ];
    for (name, value) in files {
        let mut text = serde_json::to_string_pretty(&value).unwrap();
        text.push('\n');
        std::fs::write(dir().join(name), text).unwrap();
    }
}

// ---------------------------------------------------------------- checking through the C ABI

fn load(name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(dir().join(name)).unwrap()).unwrap()
}

fn keys() -> Value {
    load("keys.json")
}

fn keepz_handle(
    public: &str,
    private: &str,
    identifier: &str,
    padding: &str,
    legacy: bool,
) -> (u32, *mut payseal_keepz) {
    let options = payseal_keepz_options {
        padding: if padding == "pkcs1v15" {
            PAYSEAL_PADDING_PKCS1V15
        } else {
            PAYSEAL_PADDING_OAEP_SHA256
        },
        legacy: legacy as u32,
        max_body: 0,
        backend: PAYSEAL_BACKEND_DEFAULT,
    };
    let (status, handle) = keepz_new(
        public.as_bytes(),
        private.as_bytes(),
        identifier.as_bytes(),
        &options,
    );
    (status as u32, handle)
}

fn check_output(case: &Value, got: &Out) {
    let name = case["name"].as_str().unwrap();
    assert_eq!(
        got.status as u32,
        case["expect_status"].as_u64().unwrap() as u32,
        "{name}"
    );
    if let Some(expected) = case["expect_output"].as_str() {
        assert_eq!(
            String::from_utf8(got.out.clone().expect("output written")).unwrap(),
            expected,
            "{name}"
        );
    }
    if let Some(expected) = case.get("expect_output_json").filter(|v| !v.is_null()) {
        let out: Value = serde_json::from_slice(got.out.as_ref().expect("output written")).unwrap();
        assert_eq!(&out, expected, "{name}");
    }
    if case["expect_status"] != 0 && case["expect_status"] != 10 {
        assert!(got.out.is_none(), "{name}: output written on failure");
    }
}

#[test]
fn vectors_hold_through_the_c_abi() {
    if std::env::var_os("PAYSEAL_BLESS_VECTORS").is_some() {
        bless();
    }
    let keys = keys();
    // keepz_open
    for case in load("keepz_open.json").as_array().unwrap() {
        let private = keys[case["key"].as_str().unwrap()]["private_pem"]
            .as_str()
            .unwrap();
        let (status, h) = keepz_handle(
            "",
            private,
            "",
            case["padding"].as_str().unwrap(),
            case["legacy"].as_bool().unwrap(),
        );
        assert_eq!(status, 0);
        let body = case["body"].as_str().unwrap();
        let got = call(|o, e| unsafe {
            payseal_keepz_open(
                h,
                case["http_status"].as_u64().unwrap() as u16,
                body.as_ptr(),
                body.len(),
                o,
                e,
            )
        });
        check_output(case, &got);
        unsafe { payseal_keepz_free(h) };
    }
    // keepz_seal: seal with the public key, open with the private key
    for case in load("keepz_seal.json").as_array().unwrap() {
        let key = &keys[case["key"].as_str().unwrap()];
        let (padding, legacy) = (
            case["padding"].as_str().unwrap(),
            case["legacy"].as_bool().unwrap(),
        );
        let (s1, sealer) = keepz_handle(
            key["public_base64_der"].as_str().unwrap(),
            "",
            case["identifier"].as_str().unwrap(),
            padding,
            legacy,
        );
        let (s2, opener) = keepz_handle(
            "",
            key["private_pkcs1_pem"].as_str().unwrap(),
            "",
            padding,
            legacy,
        );
        assert_eq!((s1, s2), (0, 0));
        let payload = case["payload"].as_str().unwrap();
        let sealed = call(|o, e| unsafe {
            payseal_keepz_seal(sealer, payload.as_ptr(), payload.len(), o, e)
        });
        assert_eq!(
            sealed.status as u32,
            case["expect_status"].as_u64().unwrap() as u32,
            "{}",
            case["name"]
        );
        if sealed.status == payseal_status::PAYSEAL_OK {
            let body = sealed.out.unwrap();
            let opened = call(|o, e| unsafe {
                payseal_keepz_open(opener, 200, body.as_ptr(), body.len(), o, e)
            });
            assert_eq!(opened.status, payseal_status::PAYSEAL_OK);
            assert_eq!(opened.out.unwrap(), payload.as_bytes());
        } else {
            assert!(sealed.out.is_none());
        }
        unsafe {
            payseal_keepz_free(sealer);
            payseal_keepz_free(opener)
        };
    }
    // transactpay
    let tp = load("transactpay.json");
    for case in tp["seal"]
        .as_array()
        .unwrap()
        .iter()
        .chain(tp["open"].as_array().unwrap())
    {
        let key = &keys[case["key"].as_str().unwrap()];
        let blob = key["transactpay_blob"].as_str().unwrap();
        let private = key["private_pem"].as_str().unwrap();
        let (status, h) = transactpay_new(blob.as_bytes(), private.as_bytes(), 0);
        assert_eq!(status, payseal_status::PAYSEAL_OK);
        assert_eq!(
            unsafe { payseal_transactpay_max_payload(h) } as u64,
            tp["max_payload"][case["key"].as_str().unwrap()]
                .as_u64()
                .unwrap()
        );
        if let Some(payload) = case["payload"].as_str() {
            let sealed = call(|o, e| unsafe {
                payseal_transactpay_seal(h, payload.as_ptr(), payload.len(), o, e)
            });
            assert_eq!(
                sealed.status as u32,
                case["expect_status"].as_u64().unwrap() as u32,
                "{}",
                case["name"]
            );
            if let Some(body) = sealed.out {
                let opened = call(|o, e| unsafe {
                    payseal_transactpay_open(h, body.as_ptr(), body.len(), o, e)
                });
                assert_eq!(opened.out.unwrap(), payload.as_bytes());
            }
        } else {
            let body = case["body"].as_str().unwrap();
            let got = call(|o, e| unsafe {
                payseal_transactpay_open(h, body.as_ptr(), body.len(), o, e)
            });
            check_output(case, &got);
        }
        unsafe { payseal_transactpay_free(h) };
    }
    for case in load("transactpay_responses.json").as_array().unwrap() {
        let body = case["body"].as_str().unwrap();
        let got = call(|o, e| unsafe {
            payseal_transactpay_parse_response(
                case["http_status"].as_u64().unwrap() as u16,
                body.as_ptr(),
                body.len(),
                o,
                e,
            )
        });
        check_output(case, &got);
    }
    for case in load("key_errors.json").as_array().unwrap() {
        let (public, private) = (
            case["public_key"].as_str().unwrap(),
            case["private_key"].as_str().unwrap(),
        );
        let status = if case["gateway"] == "keepz" {
            let (status, h) = keepz_handle(public, private, "", "oaep-sha256", false);
            unsafe { payseal_keepz_free(h) };
            status
        } else {
            let (status, h) = transactpay_new(public.as_bytes(), b"", 0);
            unsafe { payseal_transactpay_free(h) };
            status as u32
        };
        assert_eq!(
            status,
            case["expect_status"].as_u64().unwrap() as u32,
            "{}",
            case["name"]
        );
    }
    for case in load("endpoints.json").as_array().unwrap() {
        let (g, op) = (
            case["gateway"].as_str().unwrap(),
            case["operation"].as_str().unwrap(),
        );
        let got = call(|o, e| unsafe {
            payseal_endpoint(g.as_ptr(), g.len(), op.as_ptr(), op.len(), o, e)
        });
        assert_eq!(
            got.status as u32,
            case["expect_status"].as_u64().unwrap() as u32,
            "{g} {op}"
        );
        if got.status == payseal_status::PAYSEAL_OK {
            let out: Value = serde_json::from_slice(&got.out.unwrap()).unwrap();
            assert_eq!(out, case["expect_output_json"]);
        }
    }
}

#[test]
fn vector_keys_are_the_test_keys() {
    let keys = keys();
    for bits in [2048, 4096] {
        let k = &keys[format!("rsa{bits}")];
        let public =
            payseal::keys::PublicKey::parse(k["public_base64_der"].as_str().unwrap()).unwrap();
        assert_eq!(public.fingerprint(), k["fingerprint"].as_str().unwrap());
        assert_eq!(
            k["private_pem"].as_str().unwrap(),
            text(&format!("rsa{bits}.pkcs8.pem"))
        );
        let from_blob = payseal::transactpay::parse_encryption_key(
            k["transactpay_blob"].as_str().unwrap(),
            &Default::default(),
        )
        .unwrap();
        assert_eq!(from_blob.fingerprint(), public.fingerprint());
    }
}
