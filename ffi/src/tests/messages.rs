//! The C ABI's `error` buffer carries no secret and nothing that could forge or garble a log line
//! (the Rust API's side is the core's `tests/messages.rs`): hostile names and 200 kB values in
//! bodies, secrets in keys and payloads, hostile names of gateways and operations. Each message is
//! checked with `payseal_test_support::messages::problems`.

use super::*;
use payseal_test_support::key_bytes;
use payseal_test_support::messages::{CONTROL, PAN, PAN_SPACED, long_hostile_value, problems};
use payseal_test_support::secrets::MARKER;
use serde_json::json;

const SECRETS: [&str; 3] = [MARKER, PAN, PAN_SPACED];

/// Calls an ABI function with fresh `out` and `error` buffers; returns the status and the message
/// (both buffers freed).
fn message_of(
    f: impl FnOnce(*mut payseal_buffer, *mut payseal_buffer) -> payseal_status,
) -> (payseal_status, String) {
    let (mut out, mut err) = (empty(), empty());
    let status = f(&mut out, &mut err);
    take(out);
    (status, String::from_utf8(take(err)).expect("UTF-8 message"))
}

#[derive(Default)]
struct Report(Vec<String>);

impl Report {
    fn check(&mut self, what: &str, (status, message): (payseal_status, String), secret: bool) {
        if status == payseal_status::PAYSEAL_OK {
            self.0.push(format!("{what}: succeeded, expected an error"));
            return;
        }
        let secrets: &[&str] = if secret { &SECRETS } else { &[] };
        self.0.extend(problems(what, &message, secrets));
    }
}

#[test]
fn error_buffers_are_escaped_cut_and_free_of_secrets() {
    let long = long_hostile_value();
    let name = format!("n{CONTROL}{}", "x".repeat(300));
    let secret = format!("{PAN_SPACED} {MARKER} {CONTROL} {PAN}");
    let mut report = Report::default();
    let (status, keepz) = keepz_new(
        b"",
        &key_bytes("rsa2048.pkcs8.pem"),
        b"",
        &Default::default(),
    );
    assert_eq!(status, payseal_status::PAYSEAL_OK);
    let (status, sender) = keepz_new(
        &key_bytes("rsa2048.spki.pem"),
        b"",
        b"",
        &Default::default(),
    );
    assert_eq!(status, payseal_status::PAYSEAL_OK);
    let (status, gateway) = transactpay_new(
        &key_bytes("rsa2048.spki.pem"),
        &key_bytes("rsa2048.pkcs8.pem"),
        PAYSEAL_BACKEND_DEFAULT,
    );
    assert_eq!(status, payseal_status::PAYSEAL_OK);

    let bodies = [
        (
            "an aes value of 200 kB",
            json!({"encryptedData": "AAAA", "encryptedKeys": "AAAA", "aes": long}).to_string(),
        ),
        (
            "hostile names",
            json!({ name.as_str(): 1, "\u{202e}x": 2 }).to_string(),
        ),
        (
            "a hostile name twice",
            format!(
                r#"{{"data":"AAAA","encryptedData":"AAAA",{0}:1,{0}:2}}"#,
                json!(name)
            ),
        ),
        (
            "a Keepz error with a 200 kB message",
            json!({"message": long, "statusCode": 6005}).to_string(),
        ),
    ];
    for (what, body) in &bodies {
        report.check(
            &format!("payseal_keepz_open: {what}"),
            message_of(|out, err| unsafe {
                payseal_keepz_open(keepz, 404, body.as_ptr(), body.len(), out, err)
            }),
            false,
        );
        let cut = &body.as_bytes()[..body.len().min(60_000)];
        report.check(
            &format!("payseal_transactpay_open: {what}"),
            message_of(|out, err| unsafe {
                payseal_transactpay_open(gateway, cut.as_ptr(), cut.len(), out, err)
            }),
            false,
        );
    }
    let failure = json!({"statusCode": "09", "status": long, "message": long}).to_string();
    report.check(
        "payseal_transactpay_parse_response: a 200 kB failure message",
        message_of(|out, err| unsafe {
            payseal_transactpay_parse_response(400, failure.as_ptr(), failure.len(), out, err)
        }),
        false,
    );
    let sealed_error = take_ok(|out, err| unsafe {
        let payload = json!({"message": long, "statusCode": 6005}).to_string();
        payseal_keepz_seal(sender, payload.as_ptr(), payload.len(), out, err)
    });
    report.check(
        "payseal_keepz_open: a sealed Keepz error with a 200 kB message",
        message_of(|out, err| unsafe {
            payseal_keepz_open(
                keepz,
                200,
                sealed_error.as_ptr(),
                sealed_error.len(),
                out,
                err,
            )
        }),
        false,
    );
    let not_json = format!("{{\"card\": \"{secret}");
    report.check(
        "payseal_keepz_seal: a payload with secrets that is not JSON",
        message_of(|out, err| unsafe {
            payseal_keepz_seal(sender, not_json.as_ptr(), not_json.len(), out, err)
        }),
        true,
    );

    let label = format!("{CONTROL}{}", "L".repeat(40_000));
    let keys = [
        (
            "a PEM label of 40 kB with control characters",
            format!("-----BEGIN {label}-----\nAAAA\n-----END {label}-----\n"),
        ),
        (
            "a PEM body holding secrets",
            format!("-----BEGIN PRIVATE KEY-----\n{secret}\n-----END PRIVATE KEY-----\n"),
        ),
        (
            "key XML with secrets and a hostile element",
            format!("4096!<RSAKeyValue><Modulus>{MARKER}</Modulus><{CONTROL}/></RSAKeyValue>"),
        ),
    ];
    for (what, key) in &keys {
        let key = key.as_bytes();
        report.check(
            &format!("payseal_keepz_new (private key): {what}"),
            message_of(|_, err| unsafe {
                let mut handle = std::ptr::null_mut();
                payseal_keepz_new(
                    std::ptr::null(),
                    0,
                    key.as_ptr(),
                    key.len(),
                    std::ptr::null(),
                    0,
                    std::ptr::null(),
                    &mut handle,
                    err,
                )
            }),
            true,
        );
        report.check(
            &format!("payseal_transactpay_new: {what}"),
            message_of(|_, err| unsafe {
                let mut handle = std::ptr::null_mut();
                payseal_transactpay_new(
                    key.as_ptr(),
                    key.len(),
                    std::ptr::null(),
                    0,
                    PAYSEAL_BACKEND_DEFAULT,
                    &mut handle,
                    err,
                )
            }),
            true,
        );
    }
    report.check(
        "payseal_keepz_new: a 200 kB identifier",
        message_of(|_, err| unsafe {
            let mut handle = std::ptr::null_mut();
            let private = key_bytes("rsa2048.pkcs8.pem");
            payseal_keepz_new(
                std::ptr::null(),
                0,
                private.as_ptr(),
                private.len(),
                long.as_ptr(),
                long.len(),
                std::ptr::null(),
                &mut handle,
                err,
            )
        }),
        false,
    );
    for (what, gateway_name, operation) in [
        ("a hostile gateway", long.as_str(), "order_status"),
        ("a hostile operation", "keepz", long.as_str()),
        ("a hostile operation", "transactpay", long.as_str()),
    ] {
        report.check(
            &format!("payseal_endpoint: {what}"),
            message_of(|out, err| unsafe {
                payseal_endpoint(
                    gateway_name.as_ptr(),
                    gateway_name.len(),
                    operation.as_ptr(),
                    operation.len(),
                    out,
                    err,
                )
            }),
            false,
        );
    }
    unsafe {
        payseal_keepz_free(keepz);
        payseal_keepz_free(sender);
        payseal_transactpay_free(gateway);
    }
    assert!(
        report.0.is_empty(),
        "{} problems:\n{}",
        report.0.len(),
        report.0.join("\n")
    );
}

/// The output of a call that must succeed.
fn take_ok(f: impl FnOnce(*mut payseal_buffer, *mut payseal_buffer) -> payseal_status) -> Vec<u8> {
    let (mut out, mut err) = (empty(), empty());
    let status = f(&mut out, &mut err);
    let message = take(err);
    assert_eq!(
        status,
        payseal_status::PAYSEAL_OK,
        "{}",
        String::from_utf8_lossy(&message)
    );
    take(out)
}
