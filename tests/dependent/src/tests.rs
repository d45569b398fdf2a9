use super::*;
use payseal::Amount;
use payseal::keepz::Keepz;
use payseal::keepz::api::CreateOrderRequest;
use payseal::keys::PrivateKey;
use payseal::transactpay::api::{VerifyData, parse_response};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// The program's own serde: what `arbitrary_precision` breaks.

#[test]
fn own_untagged_enum_reads_a_float() {
    // With arbitrary_precision: "data did not match any variant of untagged enum Price".
    let prices: Vec<Price> = serde_json::from_str(r#"[1.5, "n/a", 2]"#).unwrap();
    assert_eq!(
        prices,
        [
            Price::Number(1.5),
            Price::Text("n/a".into()),
            Price::Number(2.0)
        ]
    );
}

#[test]
fn own_internally_tagged_enum_reads_floats() {
    // With arbitrary_precision: "invalid type: map, expected f64".
    let event: Event =
        serde_json::from_str(r#"{"type":"refund","amount":12.5,"reason":"damaged"}"#).unwrap();
    assert_eq!(
        event,
        Event::Refund {
            amount: 12.5,
            reason: "damaged".into()
        }
    );
    let reading: Event = serde_json::from_str(r#"{"type":"reading","celsius":-3.25}"#).unwrap();
    assert_eq!(reading, Event::Reading { celsius: -3.25 });
}

#[test]
fn own_flattened_struct_reads_floats() {
    let record: Record = serde_json::from_str(r#"{"id":"r1","weight":0.75,"ratio":1e-3}"#).unwrap();
    assert_eq!(record.measurements.weight, 0.75);
    assert_eq!(record.measurements.ratio, 0.001);
}

#[test]
fn values_compare_by_value() {
    // With arbitrary_precision a Value number keeps its text: 1.0 != 1.00.
    let a: Value = serde_json::from_str("1.0").unwrap();
    let b: Value = serde_json::from_str("1.00").unwrap();
    assert_eq!(a, b);
    assert_eq!(a, json!(1.0));
}

#[test]
fn value_numbers_go_to_messagepack_as_numbers() {
    // With arbitrary_precision a Value number serializes as the map
    // {"$serde_json::private::Number": "1.5"} in every non-JSON format.
    let value = json!({"amount": 1.5, "count": 7, "tags": ["a"]});
    let bytes = rmp_serde::to_vec_named(&value).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("serde_json::private"), "{text}");
    // 0xcb: a MessagePack float64, holding 1.5.
    let float64 = [&[0xcb][..], &1.5f64.to_be_bytes()].concat();
    assert!(bytes.windows(9).any(|w| w == float64), "{bytes:02x?}");
    // Read back by another program's own types.
    #[derive(Deserialize)]
    struct Typed {
        amount: f64,
        count: u64,
    }
    let typed: Typed = rmp_serde::from_slice(&bytes).unwrap();
    assert_eq!((typed.amount, typed.count), (1.5, 7));
    let back: Value = rmp_serde::from_slice(&bytes).unwrap();
    assert_eq!(back, value);
}

// ---------------------------------------------------------------------------------------------
// payseal's typed API in the same program: amounts stay exact.

#[test]
fn payseal_typed_requests_and_answers_are_exact() {
    // A Keepz create-order request, sealed by the integrator and opened by a test double.
    let keepz_key = PrivateKey::generate(2048).unwrap();
    let integrator_id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
    let integrator = Keepz::builder()
        .seal_to(keepz_key.public_key().clone())
        .identifier(integrator_id)
        .build()
        .unwrap();
    let keepz = Keepz::builder().open_with(keepz_key).build().unwrap();
    let amount: Amount = "1234567890.10".parse().unwrap();
    let order = CreateOrderRequest::new(
        amount,
        "7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c",
        integrator_id,
        "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a",
    );
    let sent = integrator.prepare(&order).unwrap();
    let opened = keepz.open(sent.body().unwrap().as_bytes()).unwrap();
    assert!(
        opened.as_str().contains(r#""amount":1234567890.1"#),
        "{}",
        opened.as_str()
    );

    // A TransactPay answer whose amount no f64 holds.
    let answer = br#"{"statusCode":"00","status":"success","data":{"orderReference":"ORD-1","statusId":5,"totalAmountCharged":1500.2500000000000001,"currencyName":"NGN"}}"#;
    let data = parse_response::<VerifyData>(200, answer)
        .unwrap()
        .into_data()
        .unwrap();
    let charged = data.total_amount_charged.unwrap();
    assert_eq!(charged.to_string(), "1500.2500000000000001");
    assert!(!data.is_paid(&"1500.25".parse().unwrap(), "NGN"));
    assert!(data.is_paid(&charged, "NGN"));
    // Written back as JSON: the same digits.
    assert!(
        serde_json::to_string(&data)
            .unwrap()
            .contains(r#""totalAmountCharged":1500.2500000000000001"#)
    );
}

#[test]
fn payseal_amounts_go_to_messagepack_exactly() {
    // MessagePack is a binary format: an Amount travels as its decimal string, and comes back.
    let amount: Amount = "1500.2500000000000001".parse().unwrap();
    let bytes = rmp_serde::to_vec(&amount).unwrap();
    assert_eq!(
        rmp_serde::from_slice::<String>(&bytes).unwrap(),
        "1500.2500000000000001"
    );
    assert_eq!(rmp_serde::from_slice::<Amount>(&bytes).unwrap(), amount);
}
