//! Money on the wire: exact decimal text in both directions, bounds, gateway rules.

use payseal::ErrorKind;
use payseal::keepz::api::{CreateOrderRequest, KeepzRequest};
use payseal::money::Amount;
use payseal::transactpay::api::{VerifyData, parse_response};
use proptest::prelude::*;

fn amount(text: &str) -> Amount {
    text.parse().unwrap()
}

fn json(a: &Amount) -> String {
    serde_json::to_string(a).unwrap()
}

#[test]
fn serializes_the_exact_canonical_number() {
    for (input, bytes) in [
        ("10.5", "10.5"),
        ("10.50", "10.5"),
        ("10.10", "10.1"),
        ("10.00", "10"),
        ("0.05", "0.05"),
        ("-0.05", "-0.05"),
        ("1e2", "100"),
        ("999999999999999.99", "999999999999999.99"),
        ("0.000000000000000001", "0.000000000000000001"),
    ] {
        assert_eq!(json(&amount(input)), bytes, "{input}");
    }
    // Inside a struct, it is a JSON number, not a string.
    let v = serde_json::json!({ "amount": amount("10.05") });
    assert_eq!(v.to_string(), r#"{"amount":10.05}"#);
}

#[test]
fn sums_are_exact() {
    let sum = amount("0.1").checked_add(amount("0.2")).unwrap();
    assert_eq!(json(&sum), "0.3");
    assert_eq!(sum, amount("0.3"));
    let mut total = Amount::ZERO;
    for _ in 0..10 {
        total = total.checked_add(amount("0.1")).unwrap();
    }
    assert_eq!(json(&total), "1");
    assert_eq!(
        json(&amount("10.1").checked_sub(amount("0.1")).unwrap()),
        "10"
    );
    assert_eq!(
        Amount::from_minor(1, 2)
            .unwrap()
            .checked_add(Amount::from_minor(2, 2).unwrap())
            .unwrap(),
        amount("0.03")
    );
}

#[test]
fn keepz_refuses_three_decimals_before_sealing() {
    let order = |a: &str| {
        CreateOrderRequest::new(
            amount(a),
            "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
            "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e",
            "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a",
        )
        .validate()
    };
    assert_eq!(
        order("10.005").unwrap_err().kind(),
        ErrorKind::InvalidAmount
    );
    assert!(
        order("10.005")
            .unwrap_err()
            .message()
            .contains("2 are allowed")
    );
    assert!(order("10.050").is_ok(), "trailing zeros are not decimals");
    assert_eq!(order("-10").unwrap_err().kind(), ErrorKind::InvalidAmount);
    assert_eq!(order("0.00").unwrap_err().kind(), ErrorKind::InvalidAmount);
}

#[test]
fn huge_and_malformed_values_are_bounded_errors() {
    for text in [
        "1000000000000000",
        "-1000000000000000",
        "1e15",
        "123456789012345678901234567890",
        "1e100000",
        "0.0000000000000000001",
    ] {
        let err = Amount::parse(text).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidAmount, "{text}");
    }
    assert_eq!(
        Amount::parse(&"9".repeat(10_000)).unwrap_err().kind(),
        ErrorKind::InvalidAmount
    );
    assert!(serde_json::from_str::<Amount>("1e400").is_err());
    assert!(serde_json::from_str::<Amount>("true").is_err());
    assert!(serde_json::from_str::<Amount>("\"1,5\"").is_err());
    let max = amount("999999999999999.999999999999999999");
    assert!(max.checked_add(amount("0.000000000000000001")).is_err());
    assert!(amount("-999999999999999").checked_sub(amount("1")).is_err());
}

#[test]
fn negative_values_parse_but_gateways_refuse_them() {
    let refund = amount("-12.34");
    assert!(refund.is_negative());
    assert_eq!(json(&refund), "-12.34");
    assert_eq!(refund.to_minor(2).unwrap(), -1234);
    assert_eq!(
        refund.check_positive("amount").unwrap_err().kind(),
        ErrorKind::InvalidAmount
    );
}

#[test]
fn transactpay_four_decimals_read_exactly_from_numbers_and_strings() {
    let body = br#"{"statusCode":"00","data":{"totalAmountCharged":1234567890.1234,"fee":"0.0001","amount":999999999999999.9999}}"#;
    let data = parse_response::<VerifyData>(200, body)
        .unwrap()
        .data
        .unwrap();
    assert_eq!(
        data.total_amount_charged.unwrap().to_string(),
        "1234567890.1234"
    );
    assert_eq!(data.fee.unwrap().to_minor(4).unwrap(), 1);
    // 19 significant digits: an f64 would read 1000000000000000.
    assert_eq!(data.amount.unwrap().to_string(), "999999999999999.9999");
    // 0.1 + 0.2 as TransactPay might send the sum.
    let a: Amount = serde_json::from_str("0.30000000000000004").unwrap();
    assert_eq!(a.to_string(), "0.30000000000000004");
    assert_ne!(a, amount("0.3"));
}

#[test]
fn ordering_and_fixed_formatting() {
    assert!(amount("10.05") > amount("10.0499"));
    assert_eq!(amount("10.1").format_fixed(2).unwrap(), "10.10");
    assert_eq!(amount("1500.25").format_fixed(4).unwrap(), "1500.2500");
    assert!(amount("10.001").format_fixed(2).is_err());
}

proptest! {
    #[test]
    fn any_text_parses_or_errors_without_panicking(text in ".{0,80}") {
        if let Ok(a) = Amount::parse(&text) {
            prop_assert_eq!(Amount::parse(&a.to_string()).unwrap(), a);
        }
    }

    #[test]
    fn numeric_text_round_trips_exactly(
        int in 0u64..999_999_999_999_999,
        frac in proptest::collection::vec(0u8..10, 0..18),
        negative in any::<bool>(),
    ) {
        let digits: String = frac.iter().map(|d| char::from(b'0' + d)).collect();
        let text = format!("{}{int}{}{digits}", if negative { "-" } else { "" }, if digits.is_empty() { "" } else { "." });
        let a = Amount::parse(&text).unwrap();
        // The JSON number is the input without trailing fractional zeros (and without "-0").
        let mut expected = text.clone();
        if expected.contains('.') {
            expected = expected.trim_end_matches('0').trim_end_matches('.').to_string();
        }
        if expected == "-0" { expected = "0".into(); }
        prop_assert_eq!(json(&a), expected);
        let back: Amount = serde_json::from_str(&json(&a)).unwrap();
        prop_assert_eq!(back, a);
    }

    #[test]
    fn minor_unit_sums_match_decimal_sums(a in -10_000_000i64..10_000_000, b in -10_000_000i64..10_000_000) {
        let sum = Amount::from_minor(a, 2).unwrap().checked_add(Amount::from_minor(b, 2).unwrap()).unwrap();
        prop_assert_eq!(sum.to_minor(2).unwrap(), a + b);
    }
}

/// Numbers no `f64` holds — 1500.2500000000000001 (20 significant digits), 18 decimals, integers
/// beyond 2^53 and beyond 64 bits — come through every reader digit for digit: typed TransactPay
/// answers and webhooks, Keepz callbacks (plain and from a `Value`), the lenient text fields, the
/// untyped `RawJson` parts, and back out through serialization. payseal does this without
/// serde_json's `arbitrary_precision` (tests/dependent/ proves the feature stays off).
#[test]
fn digits_beyond_f64_survive_every_reader() {
    use payseal::RawJson;
    use payseal::keepz::api::{KeepzCallback, parse_plain_callback};
    use payseal::transactpay::api::{CreateOrderData, OrderStatusData, parse_webhook};
    const PRECISE: &str = "1500.2500000000000001";
    const EIGHTEEN: &str = "0.123456789012345678";
    const BEYOND_2_53: &str = "9007199254740993";
    const BEYOND_64_BITS: &str = "123456789012345678901234567890";
    assert_ne!(PRECISE.parse::<f64>().unwrap().to_string(), PRECISE);
    assert_ne!(BEYOND_2_53.parse::<f64>().unwrap().to_string(), BEYOND_2_53);

    // TransactPay order status: amounts, an id and a reference given as numbers.
    let body = format!(
        r#"{{"statusCode":"00","data":{{"orderSummary":{{"id":{BEYOND_64_BITS},"paymentReference":{BEYOND_2_53},"totalChargedAmount":{PRECISE},"fee":{EIGHTEEN},"statusId":5}}}}}}"#
    );
    let summary = parse_response::<OrderStatusData>(200, body.as_bytes())
        .unwrap()
        .into_data()
        .unwrap()
        .order_summary
        .unwrap();
    assert_eq!(summary.total_charged_amount.unwrap().to_string(), PRECISE);
    assert_eq!(summary.fee.unwrap().to_string(), EIGHTEEN);
    assert_eq!(summary.id.as_deref(), Some(BEYOND_64_BITS));
    assert_eq!(summary.payment_reference.as_deref(), Some(BEYOND_2_53));
    // ...and written back exactly.
    let written = serde_json::to_string(&summary).unwrap();
    assert!(
        written.contains(&format!(r#""totalChargedAmount":{PRECISE}"#)),
        "{written}"
    );

    // The parts payseal keeps untyped, and an untyped `data`.
    let body = format!(
        r#"{{"statusCode":"01","data":{{"payment":{{"amount":{PRECISE},"ref":{BEYOND_64_BITS}}}}}}}"#
    );
    let data = parse_response::<CreateOrderData>(200, body.as_bytes())
        .unwrap()
        .into_data()
        .unwrap();
    assert_eq!(
        data.payment.unwrap().get(),
        format!(r#"{{"amount":{PRECISE},"ref":{BEYOND_64_BITS}}}"#)
    );
    let untyped = parse_response::<RawJson>(200, body.as_bytes())
        .unwrap()
        .into_data()
        .unwrap();
    assert!(untyped.get().contains(PRECISE) && untyped.get().contains(BEYOND_64_BITS));

    // A TransactPay webhook (PascalCase names rewritten, digits untouched).
    let webhook = format!(
        r#"{{"Data":{{"OrderReference":"ORD-1","TotalAmountCharged":{PRECISE},"StatusId":5}}}}"#
    );
    let hint = parse_webhook(webhook.as_bytes()).unwrap();
    assert_eq!(
        hint.peek_unverified()
            .data
            .total_amount_charged
            .unwrap()
            .to_string(),
        PRECISE
    );

    // A Keepz callback: plain JSON, and through `from_json`.
    let callback = format!(
        r#"{{"integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","status":"SUCCESS","amount":{PRECISE},"acquiringAmount":"{EIGHTEEN}"}}"#
    );
    for parsed in [
        parse_plain_callback(callback.as_bytes())
            .unwrap()
            .peek_unverified()
            .clone(),
        KeepzCallback::from_json(&callback).unwrap(),
    ] {
        let KeepzCallback::Order(order) = parsed else {
            panic!("an order callback")
        };
        assert_eq!(order.amount.unwrap().to_string(), PRECISE);
        assert_eq!(order.acquiring_amount.unwrap().to_string(), EIGHTEEN);
    }
}

/// JSON text carries an amount exactly, as a number or a string; a `serde_json::Value` cannot.
/// (Binary formats carry it as a decimal string: tests/dependent/, with MessagePack.)
#[test]
fn amounts_through_json_text_and_through_value() {
    let a = amount("1500.2500000000000001");
    assert_eq!(json(&a), "1500.2500000000000001");
    assert_eq!(
        serde_json::from_str::<Amount>("\"1500.2500000000000001\"").unwrap(),
        a
    );
    // serde_json's Value holds an f64: the one lossy door, documented in payseal::money.
    let value = serde_json::to_value(a).unwrap();
    assert_eq!(value.to_string(), "1500.25");
}

/// Inside a container serde buffers (`#[serde(untagged)]`, internally tagged, `flatten`),
/// serde_json hands a number on as an `f64` before an `Amount` sees it, and no raw JSON text
/// survives the buffer: reading an `Amount` there is an error — never a silently rounded amount.
/// (Such a field reads as a `String` and `Amount::parse`; see `payseal::money`.)
#[test]
fn amounts_refuse_a_buffered_binary_float() {
    #[derive(Debug, serde::Deserialize)]
    #[serde(tag = "type")]
    #[allow(dead_code)]
    enum Event {
        Paid { amount: Amount },
    }
    let err = serde_json::from_str::<Event>(r#"{"type":"Paid","amount":1500.2500000000000001}"#)
        .unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");
    let err = serde_json::from_str::<Event>(r#"{"type":"Paid","amount":"1500.25"}"#).unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");
}
