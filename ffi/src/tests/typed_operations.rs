//! `tests/vectors/typed_operations.json` through the C ABI: requests that must be prepared (and
//! what the gateway's side opens from them) or refused with their status; answers, callbacks and
//! webhooks with the typed result expected. `tests/c/test_operations.c` checks the same file
//! against the built library, and every binding reads it too.
//!
//! Sealing is randomised, so a vector never holds ciphertext: a Keepz answer is given as the
//! plaintext a test double seals at check time (`answer`), and a prepared request is checked by
//! what the test double opens from it (`expect_plaintext`).

use super::*;
use payseal_test_support::repo_root;
use serde_json::Value;

fn load(name: &str) -> Value {
    let path = repo_root().join("tests/vectors").join(name);
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The handles every case uses: the integrator's, a Keepz test double (seals answers to the
/// integrator, opens requests with Keepz's key) and a TransactPay handle that also opens.
struct Handles {
    keepz: *mut payseal_keepz,
    keepz_double: *mut payseal_keepz,
    transactpay: *mut payseal_transactpay,
}

impl Handles {
    fn new(file: &Value) -> Handles {
        let keys = load("keys.json");
        let key = |role: &str, form: &str| -> Vec<u8> {
            keys[file["keys"][role].as_str().unwrap()][form]
                .as_str()
                .unwrap()
                .as_bytes()
                .to_vec()
        };
        let options = payseal_keepz_options::default();
        let id = file["integratorId"].as_str().unwrap().as_bytes();
        let (s1, keepz) = keepz_new(
            &key("keepz", "public_base64_der"),
            &key("integrator", "private_pem"),
            id,
            &options,
        );
        let (s2, keepz_double) = keepz_new(
            &key("integrator", "public_pem"),
            &key("keepz", "private_pem"),
            b"",
            &options,
        );
        let (s3, transactpay) = transactpay_new(
            &key("transactpay", "transactpay_blob"),
            &key("transactpay", "private_pem"),
            0,
        );
        assert_eq!([s1, s2, s3], [payseal_status::PAYSEAL_OK; 3]);
        Handles {
            keepz,
            keepz_double,
            transactpay,
        }
    }
}

impl Drop for Handles {
    fn drop(&mut self) {
        unsafe {
            payseal_keepz_free(self.keepz);
            payseal_keepz_free(self.keepz_double);
            payseal_transactpay_free(self.transactpay);
        }
    }
}

fn str_of<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key].as_str().unwrap_or("")
}

/// `base_url` and `custom_base_url` of a case (default: test).
fn base(case: &Value) -> (u32, String) {
    let choice = match str_of(case, "base_url") {
        "" | "test" => PAYSEAL_BASE_URL_TEST,
        "production" => PAYSEAL_BASE_URL_PRODUCTION,
        "custom" => PAYSEAL_BASE_URL_CUSTOM,
        other => panic!("base_url {other}"),
    };
    (choice, str_of(case, "custom_base_url").to_string())
}

/// The request bytes: `request_text` as given, else `request` written as JSON.
fn request(case: &Value) -> Vec<u8> {
    match case.get("request_text") {
        Some(text) => text.as_str().unwrap().as_bytes().to_vec(),
        None => case["request"].to_string().into_bytes(),
    }
}

/// Checks status and message; returns the output as JSON on success or a gateway error.
fn outcome(case: &Value, got: &Out) -> Option<Value> {
    let name = str_of(case, "name");
    let expected = case["expect_status"].as_u64().unwrap() as u32;
    assert_eq!(got.status as u32, expected, "{name}: {}", got.message);
    if let Some(part) = case["expect_error"].as_str() {
        assert!(
            got.message.contains(part),
            "{name}: {:?} lacks {part:?}",
            got.message
        );
    }
    if let Some(part) = case["expect_error_excludes"].as_str() {
        assert!(
            !got.message.contains(part),
            "{name}: {:?} has {part:?}",
            got.message
        );
    }
    match expected {
        0 | 10 => {
            let out = serde_json::from_slice(got.out.as_ref().expect("output")).unwrap();
            assert_no_fractions(&out, name);
            Some(out)
        }
        _ => {
            assert!(got.out.is_none(), "{name}: output written on failure");
            None
        }
    }
}

/// No output carries a JSON number a host could read into a binary float: every number is an
/// integer (amounts and untyped numbers are strings).
fn assert_no_fractions(value: &Value, name: &str) {
    match value {
        Value::Number(n) => assert!(
            n.is_i64() || n.is_u64(),
            "{name}: the number {n} in an output"
        ),
        Value::Array(items) => items.iter().for_each(|v| assert_no_fractions(v, name)),
        Value::Object(fields) => fields.values().for_each(|v| assert_no_fractions(v, name)),
        _ => {}
    }
}

/// What the gateway's side opens from a prepared request.
fn opened(h: &Handles, prepared: &Value) -> String {
    let body = prepared["body"].as_str().unwrap_or("");
    let query = prepared["query"].as_str().unwrap_or("");
    let got = match (
        str_of(prepared, "gateway"),
        prepared["encrypted"].as_bool().unwrap(),
    ) {
        ("keepz", _) if !query.is_empty() => call(|o, e| unsafe {
            payseal_keepz_open_query(h.keepz_double, query.as_ptr(), query.len(), o, e)
        }),
        ("keepz", _) => call(|o, e| unsafe {
            payseal_keepz_open(h.keepz_double, 0, body.as_ptr(), body.len(), o, e)
        }),
        ("transactpay", true) => call(|o, e| unsafe {
            payseal_transactpay_open(h.transactpay, body.as_ptr(), body.len(), o, e)
        }),
        _ => return body.to_string(),
    };
    assert_eq!(got.status, payseal_status::PAYSEAL_OK, "{}", got.message);
    String::from_utf8(got.out.unwrap()).unwrap()
}

/// A prepared request against its expectation (`url` without the query string) and its
/// plaintext.
fn check_prepared(h: &Handles, name: &str, prepared: &Value, expect: &Value, plaintext: &str) {
    for (key, value) in expect.as_object().unwrap() {
        if key == "url" && prepared["placement"] == "query" {
            let query = prepared["query"].as_str().unwrap();
            assert_eq!(
                prepared["url"].as_str().unwrap(),
                format!("{}?{query}", value.as_str().unwrap()),
                "{name}"
            );
        } else {
            assert_eq!(&prepared[key], value, "{name}: {key}");
        }
    }
    let in_body = prepared["placement"] == "body";
    assert_eq!(prepared["body"].is_string(), in_body, "{name}: body");
    assert_eq!(prepared["query"].is_string(), !in_body, "{name}: query");
    assert_eq!(
        opened(h, prepared),
        plaintext,
        "{name}: what the gateway opens"
    );
}

fn prepare(h: &Handles, case: &Value) {
    let (op, request) = (str_of(case, "operation"), request(case));
    let (choice, custom) = base(case);
    let got = call(|o, e| unsafe {
        let args = (
            op.as_ptr(),
            op.len(),
            request.as_ptr(),
            request.len(),
            choice,
        );
        let url = (ptr(custom.as_bytes()), custom.len());
        match str_of(case, "gateway") {
            "keepz" => payseal_keepz_prepare(
                h.keepz, args.0, args.1, args.2, args.3, args.4, url.0, url.1, o, e,
            ),
            _ => payseal_transactpay_prepare(
                h.transactpay,
                args.0,
                args.1,
                args.2,
                args.3,
                args.4,
                url.0,
                url.1,
                o,
                e,
            ),
        }
    });
    if let Some(out) = outcome(case, &got) {
        assert_eq!(out["gateway"], case["gateway"]);
        assert_eq!(out["operation"], case["operation"]);
        let plaintext = str_of(case, "expect_plaintext");
        check_prepared(h, str_of(case, "name"), &out, &case["expect"], plaintext);
    }
}

/// The body of a parse or callback case: `answer` sealed by the Keepz test double, else `body`.
fn body(h: &Handles, case: &Value) -> Vec<u8> {
    match case["answer"].as_str() {
        Some(answer) => {
            let sealed = call(|o, e| unsafe {
                payseal_keepz_seal(h.keepz_double, answer.as_ptr(), answer.len(), o, e)
            });
            assert_eq!(
                sealed.status,
                payseal_status::PAYSEAL_OK,
                "{}",
                sealed.message
            );
            sealed.out.unwrap()
        }
        None => str_of(case, "body").as_bytes().to_vec(),
    }
}

fn parse(h: &Handles, case: &Value) {
    let (op, body) = (str_of(case, "operation"), body(h, case));
    let http = case["http_status"].as_u64().unwrap() as u16;
    let (amount, currency) = (
        str_of(case, "expected_amount"),
        str_of(case, "expected_currency"),
    );
    let got = call(|o, e| unsafe {
        match str_of(case, "gateway") {
            "keepz" => payseal_keepz_parse(
                h.keepz,
                op.as_ptr(),
                op.len(),
                http,
                ptr(&body),
                body.len(),
                o,
                e,
            ),
            _ => payseal_transactpay_parse(
                op.as_ptr(),
                op.len(),
                http,
                ptr(&body),
                body.len(),
                ptr(amount.as_bytes()),
                amount.len(),
                ptr(currency.as_bytes()),
                currency.len(),
                o,
                e,
            ),
        }
    });
    if let Some(out) = outcome(case, &got) {
        assert_eq!(out, case["expect_output"], "{}", str_of(case, "name"));
    }
}

/// A callback or webhook: the hint, then its re-check.
fn hint(h: &Handles, case: &Value, gateway: &str) {
    let body = body(h, case);
    let (choice, custom) = base(case);
    let url = (ptr(custom.as_bytes()), custom.len());
    let got = call(|o, e| unsafe {
        match gateway {
            "keepz" => {
                payseal_keepz_callback(h.keepz, ptr(&body), body.len(), choice, url.0, url.1, o, e)
            }
            _ => payseal_transactpay_webhook(
                h.transactpay,
                ptr(&body),
                body.len(),
                choice,
                url.0,
                url.1,
                o,
                e,
            ),
        }
    });
    if let Some(mut out) = outcome(case, &got) {
        let recheck = out.as_object_mut().unwrap().remove("recheck").unwrap();
        let name = str_of(case, "name");
        assert_eq!(out, case["expect_output"], "{name}");
        let plaintext = str_of(case, "expect_recheck_plaintext");
        check_prepared(h, name, &recheck, &case["expect_recheck"], plaintext);
    }
}

#[test]
fn typed_operation_vectors_hold_through_the_c_abi() {
    let file = load("typed_operations.json");
    let h = Handles::new(&file);
    let count = |key: &str| file[key].as_array().unwrap().len();
    for case in file["prepare"].as_array().unwrap() {
        prepare(&h, case);
    }
    for case in file["parse"].as_array().unwrap() {
        parse(&h, case);
    }
    for case in file["callbacks"].as_array().unwrap() {
        hint(&h, case, "keepz");
    }
    for case in file["webhooks"].as_array().unwrap() {
        hint(&h, case, "transactpay");
    }
    // Every operation of both gateways is prepared and parsed at least once.
    for (gateway, ops) in [
        ("keepz", crate::operations::keepz_operation_names()),
        (
            "transactpay",
            crate::operations::transactpay_operation_names(),
        ),
    ] {
        for op in ops {
            for group in ["prepare", "parse"] {
                let covered = file[group].as_array().unwrap().iter().any(|c| {
                    c["gateway"] == gateway && c["operation"] == op && c["expect_status"] == 0
                });
                assert!(covered, "no successful {group} vector for {gateway} {op}");
            }
        }
    }
    assert!(count("callbacks") > 0 && count("webhooks") > 0);
}

#[test]
fn new_order_ids_are_fresh_v4_uuids() {
    let a = call(|o, e| unsafe { payseal_new_order_id(o, e) });
    let b = call(|o, e| unsafe { payseal_new_order_id(o, e) });
    let (a, b) = (a.out.unwrap(), b.out.unwrap());
    let a = String::from_utf8(a).unwrap();
    assert!(payseal::keepz::api::is_uuid(&a) && a.len() == 36);
    assert_eq!(&a[14..15], "4");
    assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    assert_ne!(a.as_bytes(), b);
}
