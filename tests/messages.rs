//! Error messages carry no secret and nothing that could forge or garble a log line.
//!
//! Secrets — a marker string inside plaintext fields, card numbers — and hostile characters (ESC
//! sequences, CR/LF, NUL, NEL, bidi overrides, zero-width characters) and 200 kB values are fed
//! through every error path of the Rust API that takes input: `open_as` (serde errors of the
//! decrypted plaintext), the Keepz answer and callback parsers, the TransactPay answer and webhook
//! parsers, amounts, the envelope readers' `NotEnvelope` messages (bodies and query strings), the
//! gateways' own error messages, keys, names of options. Every message is checked with
//! `payseal_test_support::messages::problems`: no secret (where the input held one), no raw
//! control or format character, at most 1 KiB. The same through the C ABI's `error` buffer is
//! `ffi/src/tests/messages.rs`. `PAYSEAL_SHOW_MESSAGES=1` prints every message, for review.

use payseal::keepz::Keepz;
use payseal::keepz::api::{
    KeepzCallback, OrderStatusRequest, SubscriptionHistoryRequest, parse_plain_callback,
};
use payseal::keys::{KeyFormat, PrivateKey, PublicKey};
use payseal::transactpay::api::{OrderStatusData, VerifyData, parse_response, parse_webhook};
use payseal::transactpay::{TransactPay, parse_encryption_key};
use payseal::{Amount, Backend, RawJson, RsaPadding};
use payseal_test_support::messages::{CONTROL, PAN, PAN_SPACED, long_hostile_value, problems};
use payseal_test_support::secrets::MARKER;
use payseal_test_support::{b64, key_bytes, private_key, public_key};
use serde::Deserialize;
use serde_json::json;

const ORDER: &str = "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a";

/// Every secret a test puts into a value that may be secret.
const SECRETS: [&str; 4] = [MARKER, PAN, PAN_SPACED, "SECRET-MARKER"];

/// A value holding every secret and every hostile character.
fn secret_value() -> String {
    format!("{PAN_SPACED} {MARKER} {CONTROL} {PAN}")
}

/// The integrator (opens with the 2048-bit test key) and whoever seals to it.
fn keepz() -> (Keepz, Keepz) {
    let backend = Backend::default();
    let integrator = Keepz::builder()
        .open_with(private_key("rsa2048.pkcs8.pem", backend))
        .build()
        .unwrap();
    let sender = Keepz::builder()
        .seal_to(public_key("rsa2048.spki.pem", backend))
        .build()
        .unwrap();
    (integrator, sender)
}

/// Collects the problems of every case, so that one run reports all of them.
#[derive(Default)]
struct Report(Vec<String>);

impl Report {
    /// `result` must be an error whose message is clean; `secret` says whether the input held
    /// secrets (plaintext values, card data, key material) rather than only hostile names.
    fn check<T>(&mut self, what: &str, result: payseal::Result<T>, secret: bool) {
        match result {
            Ok(_) => self.0.push(format!("{what}: succeeded, expected an error")),
            Err(e) => {
                if std::env::var_os("PAYSEAL_SHOW_MESSAGES").is_some() {
                    eprintln!("{what}:\n    {}", e.message());
                }
                let secrets: &[&str] = if secret { &SECRETS } else { &[] };
                self.0.extend(problems(what, e.message(), secrets));
                self.0.extend(problems(
                    &format!("{what} (Display)"),
                    &e.to_string(),
                    secrets,
                ));
            }
        }
    }

    fn assert_clean(self) {
        assert!(
            self.0.is_empty(),
            "{} problems:\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct WantsNumber {
    amount: u32,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct WantsAmount {
    amount: Amount,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
enum Kind {
    Card,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct WantsKind {
    kind: Kind,
}

/// Decrypted plaintexts: whatever they hold, a typed read that fails says where and what kind of
/// problem, never the value.
#[test]
fn secrets_inside_a_plaintext_never_reach_a_message() {
    let (integrator, sender) = keepz();
    let seal = |value: serde_json::Value| sender.seal(&value).unwrap().to_json_body();
    let secret = secret_value();
    let mut report = Report::default();

    let body = seal(json!({"amount": secret}));
    report.check(
        "open_as: a string where a number goes",
        integrator.open_as::<WantsNumber>(body.as_bytes()),
        true,
    );
    report.check(
        "open_as: an amount that is not one",
        integrator.open_as::<WantsAmount>(body.as_bytes()),
        true,
    );
    let body = seal(json!({"amount": 4111111111111111u64}));
    report.check(
        "open_as: a card number where a u32 goes",
        integrator.open_as::<WantsNumber>(body.as_bytes()),
        true,
    );
    let body = seal(json!({"kind": secret}));
    report.check(
        "open_as: an unknown variant",
        integrator.open_as::<WantsKind>(body.as_bytes()),
        true,
    );
    for (what, plaintext) in [
        (
            "a card number as the order id",
            json!({"integratorOrderId": 4111111111111111u64}),
        ),
        (
            "a card number as the amount",
            json!({"integratorOrderId": ORDER, "amount": secret}),
        ),
        (
            "a secret as the card info",
            json!({"integratorOrderId": ORDER, "cardInfo": secret}),
        ),
        (
            "a secret as the subscription id's type",
            json!({"subscriptionId": [secret]}),
        ),
        (
            "a secret as an acquiring amount",
            json!({"integratorOrderId": ORDER, "acquiringAmount": {"v": secret}}),
        ),
    ] {
        let body = seal(plaintext.clone());
        report.check(
            &format!("parse_callback (sealed): {what}"),
            integrator.parse_callback(body.as_bytes()),
            true,
        );
        report.check(
            &format!("parse_plain_callback: {what}"),
            parse_plain_callback(plaintext.to_string().as_bytes()),
            true,
        );
        report.check(
            &format!("KeepzCallback::from_json: {what}"),
            KeepzCallback::from_json(&plaintext.to_string()),
            true,
        );
    }
    let body = seal(json!({"status": 4111111111111111u64}));
    report.check(
        "parse_response (order status): a card number as the status",
        integrator.parse_response::<OrderStatusRequest>(200, body.as_bytes()),
        true,
    );
    let body = seal(json!([{"time": "t", "refundedAmount": secret}]));
    report.check(
        "parse_response (subscription history): a secret as an amount",
        integrator.parse_response::<SubscriptionHistoryRequest>(200, body.as_bytes()),
        true,
    );
    report.assert_clean();
}

/// TransactPay answers and webhooks, typed.
#[test]
fn secrets_inside_answers_and_webhooks_never_reach_a_message() {
    let secret = secret_value();
    let mut report = Report::default();
    let answer = |data: serde_json::Value| json!({"statusCode": "00", "data": data}).to_string();
    report.check(
        "transactpay parse_response (verify): a secret as an amount",
        parse_response::<VerifyData>(
            200,
            answer(json!({"totalAmountCharged": secret})).as_bytes(),
        ),
        true,
    );
    report.check(
        "transactpay parse_response (verify): a card number where an object goes",
        parse_response::<VerifyData>(200, answer(json!(4111111111111111u64)).as_bytes()),
        true,
    );
    report.check(
        "transactpay parse_response (order status): a secret as a payment",
        parse_response::<OrderStatusData>(
            200,
            answer(json!({"orderPayments": [secret]})).as_bytes(),
        ),
        true,
    );
    report.check(
        "transactpay parse_response (order status): a secret as the charged amount",
        parse_response::<OrderStatusData>(
            200,
            answer(json!({"orderSummary": {"totalChargedAmount": secret}})).as_bytes(),
        ),
        true,
    );
    for (what, body) in [
        (
            "a secret as an amount",
            json!({"data": {"orderReference": "ORD-1", "totalAmountCharged": secret}}),
        ),
        (
            "a secret as a payment",
            json!({"data": {"orderReference": "ORD-1", "orderPayments": [secret]}}),
        ),
        (
            "a string data that is not JSON",
            json!({"data": format!("{{\"orderReference\": \"{secret}")}),
        ),
    ] {
        report.check(
            &format!("parse_webhook: {what}"),
            parse_webhook(body.to_string().as_bytes()),
            true,
        );
    }
    let raw = RawJson::from_text(json!({"amount": secret}).to_string()).unwrap();
    report.check("RawJson::parse", raw.parse::<WantsNumber>(), true);
    report.check(
        "RawJson::from_text",
        RawJson::from_text(format!("{{\"amount\": \"{secret}")),
        true,
    );
    for text in [
        PAN_SPACED.to_string(),
        format!("{PAN}.123"),
        format!("{PAN}{PAN}"),
        secret.clone(),
        format!("1e99999{PAN}"),
        format!("1.5e{PAN}"),
        MARKER.to_string(),
        long_hostile_value(),
    ] {
        report.check(
            &format!("Amount::parse({:?}…)", &text[..text.len().min(12)]),
            Amount::parse(&text),
            true,
        );
    }
    report.assert_clean();
}

/// Gateway bodies that are not envelopes: names and values from the body are escaped and cut,
/// never echoed whole.
#[test]
fn names_and_values_of_bodies_are_escaped_and_cut() {
    let (integrator, _) = keepz();
    let long = long_hostile_value();
    let name = format!("n{CONTROL}{}", "x".repeat(300));
    let mut report = Report::default();
    let gateway = TransactPay::builder()
        .open_with(private_key("rsa2048.pkcs8.pem", Backend::default()))
        .build()
        .unwrap();
    let bodies: Vec<(&str, String)> = vec![
        (
            "an aes value of 200 kB",
            json!({"encryptedData": "AAAA", "encryptedKeys": "AAAA", "aes": long}).to_string(),
        ),
        (
            "hostile names and no envelope field",
            json!({ name.as_str(): 1, "other": long, "\u{202e}x": 2 }).to_string(),
        ),
        (
            "a hostile name twice",
            format!(r#"{{"encryptedData":"AAAA",{0}:1,{0}:2}}"#, json!(name)),
        ),
        (
            "encryptedData of the wrong type",
            json!({"encryptedData": {"x": long}}).to_string(),
        ),
        (
            "a Keepz error whose message is 200 kB of control characters",
            json!({"message": long, "statusCode": 6005, "exceptionGroup": 5}).to_string(),
        ),
    ];
    for (what, body) in &bodies {
        report.check(
            &format!("keepz open: {what}"),
            integrator.open(body.as_bytes()),
            false,
        );
        report.check(
            &format!("keepz parse_response: {what}"),
            integrator.parse_response::<OrderStatusRequest>(404, body.as_bytes()),
            false,
        );
        report.check(
            &format!("transactpay open: {what}"),
            gateway.open(&body.as_bytes()[..body.len().min(60_000)]),
            false,
        );
    }
    report.check(
        "transactpay open: a hostile name twice",
        gateway.open(format!(r#"{{"data":"AAAA",{0}:1,{0}:2}}"#, json!(name)).as_bytes()),
        false,
    );
    let (sender, _) = keepz();
    let sealed_error = Keepz::builder()
        .seal_to(public_key("rsa2048.spki.pem", Backend::default()))
        .build()
        .unwrap()
        .seal(&json!({"message": long, "statusCode": 6005}))
        .unwrap()
        .to_json_body();
    report.check(
        "keepz open_response: a sealed Keepz error with a 200 kB message",
        sender.open_response(200, sealed_error.as_bytes()),
        false,
    );
    report.check(
        "transactpay parse_response: a 200 kB failure message",
        parse_response::<VerifyData>(
            400,
            json!({"statusCode": "09", "status": long, "message": long})
                .to_string()
                .as_bytes(),
        ),
        false,
    );
    let pct_name: String = name.bytes().map(|b| format!("%{b:02X}")).collect();
    for (what, query) in [
        (
            "a hostile name twice",
            format!("encryptedData=AAAA&{pct_name}=1&{pct_name}=2"),
        ),
        ("no encryptedData", format!("{pct_name}=1")),
        ("a bad escape", format!("encryptedData=%{CONTROL}")),
    ] {
        report.check(
            &format!("keepz open_query: {what}"),
            integrator.open_query(&query),
            false,
        );
    }
    report.assert_clean();
}

/// Keys, key blobs and the names of options: key material never appears, and names are escaped
/// and cut.
#[test]
fn keys_and_names_are_never_echoed_raw() {
    let secret = secret_value();
    let long = long_hostile_value();
    let mut report = Report::default();
    let pem = |label: &str, body: &str| {
        format!("-----BEGIN {label}-----\n{body}\n-----END {label}-----\n").into_bytes()
    };
    let label = format!("{CONTROL}{}", "L".repeat(40_000));
    let real_body: String = String::from_utf8(key_bytes("rsa2048.pkcs8.pem"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    for (what, input) in [
        (
            "a PEM label of 40 kB with control characters",
            pem(&label, &real_body),
        ),
        (
            "a PEM block without its end, hostile label",
            format!("-----BEGIN {label}-----\n{real_body}\n").into_bytes(),
        ),
        (
            "a PEM body holding secrets",
            pem("PRIVATE KEY", &format!("{MARKER}{PAN}\n{CONTROL}")),
        ),
        ("bare text holding secrets", secret.clone().into_bytes()),
        (
            "a private key cut short",
            real_body.as_bytes()[..real_body.len() / 2].to_vec(),
        ),
    ] {
        report.check(
            &format!("PrivateKey::parse: {what}"),
            PrivateKey::parse(&input),
            true,
        );
        report.check(
            &format!("PublicKey::parse: {what}"),
            PublicKey::parse(&input),
            true,
        );
        report.check(
            &format!("parse_encryption_key: {what}"),
            parse_encryption_key(&input, &Default::default()),
            true,
        );
    }
    let xml = format!(
        "<RSAKeyValue><Modulus>{MARKER}</Modulus><{CONTROL}x>AQAB</{CONTROL}x></RSAKeyValue>"
    );
    for (what, input) in [
        ("XML with a hostile element name", xml.clone()),
        (
            "key text with a hostile bit count",
            format!("40{CONTROL}96!{xml}"),
        ),
        (
            "a blob with a hostile bit count",
            b64(format!("4{CONTROL}!<RSAKeyValue>").as_bytes()),
        ),
        (
            "a prefixed name",
            format!("4096!<RSAKeyValue><a:{CONTROL}>x</a:{CONTROL}></RSAKeyValue>"),
        ),
    ] {
        report.check(
            &format!("parse_encryption_key: {what}"),
            parse_encryption_key(input.as_bytes(), &Default::default()),
            true,
        );
    }
    for (what, result) in [
        (
            "Keepz identifier",
            Keepz::builder()
                .open_with(PrivateKey::parse(key_bytes("rsa2048.pkcs8.pem")).unwrap())
                .identifier(long.clone())
                .build()
                .map(|_| ()),
        ),
        ("Backend::from_name", Backend::from_name(&long).map(|_| ())),
        (
            "RsaPadding::from_name",
            RsaPadding::from_name(&long).map(|_| ()),
        ),
        (
            "KeyFormat::from_name",
            KeyFormat::from_name(&long).map(|_| ()),
        ),
        (
            "Currency::from_str",
            long.parse::<payseal::keepz::api::Currency>().map(|_| ()),
        ),
        (
            "NaiveDateTime::parse",
            payseal::datetime::NaiveDateTime::parse(&long).map(|_| ()),
        ),
    ] {
        report.check(what, result, false);
    }
    report.assert_clean();
}
