//! `bindings/description.json` is what `payseal_describe` returns, and what it says comes from
//! the Rust types. `PAYSEAL_BLESS_DESCRIPTION=1 cargo test -p payseal-ffi description` rewrites
//! the file; without it, a stale file fails the test.

use super::*;
use payseal_test_support::repo_root;
use serde_json::{Value, json};

fn described() -> Value {
    serde_json::from_str(&crate::operations::description_text()).unwrap()
}

#[test]
fn committed_description_is_current() {
    let text = crate::operations::description_text();
    let got = call(|o, e| unsafe { payseal_describe(o, e) });
    assert_eq!(got.status, payseal_status::PAYSEAL_OK);
    assert_eq!(got.out.unwrap(), text.as_bytes());
    let path = repo_root().join("bindings/description.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != text {
        if std::env::var_os("PAYSEAL_BLESS_DESCRIPTION").is_some() {
            std::fs::write(&path, &text).unwrap();
        } else {
            panic!(
                "{} is stale: run `PAYSEAL_BLESS_DESCRIPTION=1 cargo test -p payseal-ffi \
                 description` and commit it",
                path.display()
            );
        }
    }
}

/// A few facts of the description checked against the Rust definitions they come from.
#[test]
fn description_follows_the_rust_types() {
    let d = described();
    let fields =
        |name: &str| -> Vec<Value> { d["objects"][name]["fields"].as_array().unwrap().clone() };
    let field = |object: &str, name: &str| -> Value {
        fields(object)
            .into_iter()
            .find(|f| f["name"] == name)
            .unwrap_or_else(|| panic!("{object}.{name}"))
    };
    // Keepz's create order: 26 fields with Keepz's names, the UUIDs and the amount typed.
    assert_eq!(fields("keepz.CreateOrderRequest").len(), 26);
    for (object, name, key, expected) in [
        (
            "keepz.CreateOrderRequest",
            "amount",
            "type",
            json!("amount"),
        ),
        (
            "keepz.CreateOrderRequest",
            "receiverId",
            "type",
            json!("uuid"),
        ),
        (
            "keepz.CreateOrderRequest",
            "cardToken",
            "type",
            json!("uuid"),
        ),
        (
            "keepz.CreateOrderRequest",
            "cardToken",
            "required",
            json!(false),
        ),
        (
            "keepz.CreateOrderRequest",
            "currency",
            "ref",
            json!("keepz.Currency"),
        ),
        (
            "keepz.CreateOrderResponse",
            "urlForQR",
            "required",
            json!(true),
        ),
        (
            "transactpay.CreateOrderRequest",
            "paymentMeta",
            "type",
            json!("json"),
        ),
        (
            "transactpay.PaymentDetails",
            "RedirectUrl",
            "type",
            json!("string"),
        ),
        (
            "transactpay.OrderSummary",
            "statusId",
            "ref",
            json!("transactpay.StatusId"),
        ),
        (
            "transactpay.OrderSummary",
            "dateCreated",
            "type",
            json!("gatewayDate"),
        ),
        (
            "keepz.SubscriptionPlan",
            "intervalCount",
            "int",
            json!("u32"),
        ),
    ] {
        assert_eq!(field(object, name)[key], expected, "{object}.{name} {key}");
    }
    let split = field("keepz.CreateOrderRequest", "splitDetails");
    assert_eq!(split["items"]["ref"], "keepz.SplitDetail");
    // Keepz's statuses with their facts, from OrderStatus::is_final and is_paid.
    let statuses = d["enums"]["keepz.OrderStatus"]["values"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(statuses.len(), 14);
    for s in &statuses {
        let status = payseal::keepz::api::OrderStatus::from_wire(s["value"].as_str().unwrap());
        assert_eq!(s["final"], status.is_final(), "{s}");
        assert_eq!(s["paid"], status.is_paid(), "{s}");
    }
    assert_eq!(
        statuses.iter().find(|s| s["value"] == "CANCELED").unwrap()["aliases"],
        serde_json::json!(["CANCELLED"])
    );
    assert_eq!(d["enums"]["keepz.OrderStatus"]["open"], true);
    assert_eq!(d["enums"]["keepz.Currency"]["open"], false);
    let ids = d["enums"]["transactpay.StatusId"]["values"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(
        ids.iter()
            .map(|v| v["value"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [1, 2, 4, 5, 6]
    );
    // Every payseal_status, with the header's names.
    let statuses = d["statuses"].as_array().unwrap();
    assert_eq!(statuses.len(), payseal::ErrorKind::ALL.len() + 1);
    assert!(
        statuses
            .iter()
            .any(|s| s["constant"] == "PAYSEAL_GATEWAY_ERROR" && s["code"] == 10)
    );
    // Every operation of both gateways.
    let ops: Vec<String> = d["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            format!(
                "{}.{}",
                o["gateway"].as_str().unwrap(),
                o["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(ops.len(), 15);
    assert_eq!(
        d["variants"]["transactpay.PayRequest"]["tag"],
        "paymentoption"
    );
    assert_eq!(d["abiVersion"], PAYSEAL_ABI_VERSION);
}
