//! Keepz typed API: request JSON byte for byte, responses parsed from real envelopes, errors,
//! callbacks.
//!
//! Envelopes are real: a Keepz test double (a handle that seals to the integrator's public key,
//! with no identifier) seals each fixture, and the integrator's handle opens and parses it.

use payseal::datetime::NaiveDateTime;
use payseal::keepz::api::*;
use payseal::keepz::{ExceptionGroup, Keepz};
use payseal::keys::{PrivateKey, PublicKey};
use payseal::money::Amount;
use payseal::{ErrorKind, GatewayFailure};

const INTEGRATOR_ID: &str = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
const RECEIVER_ID: &str = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
const ORDER_ID: &str = "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a";

fn file(path: &str) -> Vec<u8> {
    let full = format!("{}/tests/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn fixture(name: &str) -> Vec<u8> {
    file(&format!("fixtures/keepz/{name}"))
}

/// The integrator: opens with its private key (rsa2048), seals to Keepz's key (rsa4096).
fn integrator() -> Keepz {
    Keepz::builder()
        .seal_to(PublicKey::parse(file("keys/rsa4096.spki.pem")).unwrap())
        .open_with(PrivateKey::parse(file("keys/rsa2048.pkcs8.pem")).unwrap())
        .identifier(INTEGRATOR_ID)
        .build()
        .unwrap()
}

/// Keepz's test double, answering: seals to the integrator's public key, no identifier.
fn keepz_answering() -> Keepz {
    Keepz::builder()
        .seal_to(PublicKey::parse(file("keys/rsa2048.spki.pem")).unwrap())
        .build()
        .unwrap()
}

/// Keepz's test double, receiving: opens with Keepz's private key.
fn keepz_receiving() -> Keepz {
    Keepz::builder()
        .open_with(PrivateKey::parse(file("keys/rsa4096.pkcs8.pem")).unwrap())
        .build()
        .unwrap()
}

/// A fixture as Keepz would send it: sealed to the integrator.
fn sealed(name: &str) -> Vec<u8> {
    keepz_answering()
        .seal_bytes(&fixture(name))
        .unwrap()
        .to_json_body()
        .into_bytes()
}

fn amount(text: &str) -> Amount {
    text.parse().unwrap()
}

// ---------------------------------------------------------------- requests: golden JSON

#[test]
fn create_order_minimal_json() {
    let order = CreateOrderRequest::new(amount("10.50"), RECEIVER_ID, INTEGRATOR_ID, ORDER_ID);
    order.validate().unwrap();
    assert_eq!(
        serde_json::to_string(&order).unwrap(),
        r#"{"amount":10.5,"receiverId":"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f","receiverType":"BRANCH","integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"}"#
    );
}

#[test]
fn create_order_every_field_json() {
    let mut order = CreateOrderRequest::new(amount("100"), RECEIVER_ID, INTEGRATOR_ID, ORDER_ID);
    order.currency = Some(Currency::Usd);
    order.acquiring_currency = Some(Currency::Gel);
    order.distribution_currency = Some(Currency::Eur);
    order.language = Some(Language::Ka);
    order.success_redirect_uri = Some("https://shop.example/ok".into());
    order.fail_redirect_uri = Some("https://shop.example/fail".into());
    order.callback_uri = Some("https://shop.example/keepz/callback".into());
    order.direct_link_provider = Some(DirectLinkProvider::Tbc);
    order.open_banking_link_provider = Some(OpenBankingLinkProvider::Bog);
    order.installment_payment_provider =
        Some(InstallmentPaymentProvider::Other("CREDO_PLUS".into()));
    order.personal_number = Some("01001012345".into());
    order.is_foreign = Some(false);
    order.commission_type = Some(CommissionType::Both);
    order.save_card = Some(true);
    order.card_token = Some("7d2c9a41-0b6e-4f3d-9a8c-1e5f7b3d2c4a".into());
    order.valid_until = Some(NaiveDateTime::new(2030, 1, 31, 23, 5, 0).unwrap());
    order.tip_receiver_id = Some("tip-42".into());
    order.tip_receiver_type = Some(ReceiverType::User);
    order.subscription_plan = Some(SubscriptionPlan {
        interval: SubscriptionInterval::Monthly,
        interval_count: 1,
        amount: amount("9.99"),
        start_date: Some("2030-02-01".into()),
    });
    order.split_details = Some(vec![
        SplitDetail {
            receiver_type: ReceiverType::Branch,
            receiver_identifier: RECEIVER_ID.into(),
            amount: amount("60.00"),
        },
        SplitDetail {
            receiver_type: ReceiverType::Iban,
            receiver_identifier: "GE29NB0000000101904917".into(),
            amount: amount("40"),
        },
    ]);
    order.order_properties = Some(serde_json::json!({"sku":"A-1"}));
    order.validate().unwrap();
    let expected = concat!(
        r#"{"amount":100,"receiverId":"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f","receiverType":"BRANCH","#,
        r#""integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","#,
        r#""currency":"USD","acquiringCurrency":"GEL","distributionCurrency":"EUR","language":"KA","#,
        r#""successRedirectUri":"https://shop.example/ok","failRedirectUri":"https://shop.example/fail","#,
        r#""callbackUri":"https://shop.example/keepz/callback","directLinkProvider":"TBC","#,
        r#""openBankingLinkProvider":"BOG","installmentPaymentProvider":"CREDO_PLUS","#,
        r#""personalNumber":"01001012345","isForeign":false,"commissionType":"BOTH","saveCard":true,"#,
        r#""cardToken":"7d2c9a41-0b6e-4f3d-9a8c-1e5f7b3d2c4a","validUntil":"2030-01-31 23:05:00","#,
        r#""tipReceiverId":"tip-42","tipReceiverType":"USER","#,
        r#""subscriptionPlan":{"interval":"MONTHLY","intervalCount":1,"amount":9.99,"startDate":"2030-02-01"},"#,
        r#""splitDetails":[{"receiverType":"BRANCH","receiverIdentifier":"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f","amount":60},"#,
        r#"{"receiverType":"IBAN","receiverIdentifier":"GE29NB0000000101904917","amount":40}],"#,
        r#""orderProperties":{"sku":"A-1"}}"#
    );
    assert_eq!(serde_json::to_string(&order).unwrap(), expected);
    // The typed request reads back (a Keepz test double can use it).
    let back: CreateOrderRequest = serde_json::from_str(expected).unwrap();
    assert_eq!(back, order);
}

#[test]
fn other_requests_json() {
    let cases: Vec<(String, &str)> = vec![
        (
            serde_json::to_string(&OrderStatusRequest::new(INTEGRATOR_ID, ORDER_ID)).unwrap(),
            r#"{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"}"#,
        ),
        (
            serde_json::to_string(&CancelOrderRequest::new(INTEGRATOR_ID, ORDER_ID)).unwrap(),
            r#"{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"}"#,
        ),
        (
            serde_json::to_string(&RefundRequest {
                refund_initiator: Some(RefundInitiator::Operator),
                refund_details: Some(vec![RefundDetail {
                    receiver_type: ReceiverType::Branch,
                    receiver_identifier: RECEIVER_ID.into(),
                    amount: amount("2.50"),
                }]),
                ..RefundRequest::new(INTEGRATOR_ID, ORDER_ID, amount("2.5"))
            })
            .unwrap(),
            r#"{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","amount":2.5,"refundInitiator":"OPERATOR","refundDetails":[{"receiverType":"BRANCH","receiverIdentifier":"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f","amount":2.5}]}"#,
        ),
        (
            serde_json::to_string(&RefundRequest::new(INTEGRATOR_ID, ORDER_ID, amount("0.1")))
                .unwrap(),
            r#"{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","amount":0.1}"#,
        ),
        (
            serde_json::to_string(&SavedCardRequest::new(ORDER_ID)).unwrap(),
            r#"{"integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"}"#,
        ),
        (
            serde_json::to_string(&SubscriptionHistoryRequest::new("sub-2f9c1a7e")).unwrap(),
            r#"{"subscriptionId":"sub-2f9c1a7e"}"#,
        ),
        (
            serde_json::to_string(&RevokeSubscriptionRequest::new("sub-2f9c1a7e")).unwrap(),
            r#"{"subscriptionId":"sub-2f9c1a7e"}"#,
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
}

#[test]
fn endpoints_per_request_type_and_by_name() {
    fn check<R: KeepzRequest>(method: &str, path: &str, placement: Placement) {
        let e = R::ENDPOINT;
        assert_eq!(
            (e.method.as_str(), e.path, e.placement),
            (method, path, placement)
        );
        assert_eq!(Endpoint::for_operation(R::OPERATION), Some(e));
    }
    check::<CreateOrderRequest>("POST", "/api/integrator/order", Placement::Body);
    check::<OrderStatusRequest>("GET", "/api/integrator/order/status", Placement::Query);
    check::<CancelOrderRequest>("DELETE", "/api/integrator/order/cancel", Placement::Query);
    check::<RefundRequest>("POST", "/api/integrator/order/refund/v2", Placement::Body);
    check::<SavedCardRequest>("GET", "/api/v1/integrator/card/order-id", Placement::Query);
    check::<SubscriptionHistoryRequest>(
        "POST",
        "/api/v1/integrator/subscription/history",
        Placement::Body,
    );
    check::<RevokeSubscriptionRequest>(
        "POST",
        "/api/v1/integrator/subscription/revoke",
        Placement::Body,
    );
    assert_eq!(
        TEST_BASE_URL,
        "https://gateway.dev.keepz.me/ecommerce-service"
    );
    assert_eq!(
        PRODUCTION_BASE_URL,
        "https://gateway.keepz.me/ecommerce-service"
    );
    assert_eq!(
        Endpoint::for_operation("saved_card_distributor").map(|e| e.path),
        Some("/api/distributor/order-id")
    );
}

#[test]
fn validation_refuses_before_sealing() {
    let good = CreateOrderRequest::new(amount("10.05"), RECEIVER_ID, INTEGRATOR_ID, ORDER_ID);
    let refuse = |order: CreateOrderRequest, kind: ErrorKind| {
        let err = integrator().prepare(&order).unwrap_err();
        assert_eq!(err.kind(), kind, "{err}");
    };
    refuse(
        CreateOrderRequest {
            amount: amount("10.005"),
            ..good.clone()
        },
        ErrorKind::InvalidAmount,
    );
    refuse(
        CreateOrderRequest {
            amount: amount("0"),
            ..good.clone()
        },
        ErrorKind::InvalidAmount,
    );
    refuse(
        CreateOrderRequest {
            amount: amount("-5"),
            ..good.clone()
        },
        ErrorKind::InvalidAmount,
    );
    refuse(
        CreateOrderRequest {
            receiver_id: "branch-1".into(),
            ..good.clone()
        },
        ErrorKind::InvalidRequest,
    );
    refuse(
        CreateOrderRequest {
            integrator_order_id: "order-1".into(),
            ..good.clone()
        },
        ErrorKind::InvalidRequest,
    );
    refuse(
        CreateOrderRequest {
            receiver_type: ReceiverType::User,
            ..good.clone()
        },
        ErrorKind::InvalidRequest,
    );
    refuse(
        CreateOrderRequest {
            card_token: Some("tok".into()),
            ..good.clone()
        },
        ErrorKind::InvalidRequest,
    );
    refuse(
        CreateOrderRequest {
            split_details: Some(vec![SplitDetail {
                receiver_type: ReceiverType::Iban,
                receiver_identifier: "GE29NB0000000101904917".into(),
                amount: amount("1.001"),
            }]),
            ..good.clone()
        },
        ErrorKind::InvalidAmount,
    );
    refuse(
        CreateOrderRequest {
            subscription_plan: Some(SubscriptionPlan {
                interval: SubscriptionInterval::Weekly,
                interval_count: 0,
                amount: amount("1"),
                start_date: None,
            }),
            ..good.clone()
        },
        ErrorKind::InvalidRequest,
    );
    assert_eq!(
        RefundRequest::new(INTEGRATOR_ID, ORDER_ID, amount("1.999"))
            .validate()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidAmount
    );
    assert_eq!(
        RevokeSubscriptionRequest::new(" ")
            .validate()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidRequest
    );
    assert!(integrator().prepare(&good).is_ok());
}

#[test]
fn prepared_requests_open_on_keepz_side_to_the_golden_json() {
    let client = integrator();
    let keepz = keepz_receiving();

    let order = CreateOrderRequest::new(amount("10.05"), RECEIVER_ID, INTEGRATOR_ID, ORDER_ID);
    let sent = client.prepare(&order).unwrap();
    assert_eq!(sent.method(), "POST");
    assert_eq!(
        sent.url(TEST_BASE_URL),
        format!("{TEST_BASE_URL}/api/integrator/order")
    );
    let body = sent.body().unwrap();
    assert!(body.starts_with(&format!(
        r#"{{"identifier":"{INTEGRATOR_ID}","encryptedData":""#
    )));
    let opened = keepz.open(body.as_bytes()).unwrap();
    assert_eq!(opened.as_str(), serde_json::to_string(&order).unwrap());
    assert!(opened.as_str().contains(r#""amount":10.05,"#));

    let status = OrderStatusRequest::new(INTEGRATOR_ID, ORDER_ID);
    let sent = client.prepare(&status).unwrap();
    assert!(sent.body().is_none());
    let url = sent.url(PRODUCTION_BASE_URL);
    let (path, query) = url.split_once('?').unwrap();
    assert_eq!(
        path,
        format!("{PRODUCTION_BASE_URL}/api/integrator/order/status")
    );
    assert!(!query.contains('+') && query.ends_with("&aes=true"));
    let opened = keepz.open_query(query).unwrap();
    assert_eq!(opened.parse::<OrderStatusRequest>().unwrap(), status);
}

// ---------------------------------------------------------------- responses from envelopes

#[test]
fn create_order_response_from_envelope() {
    let r = integrator()
        .parse_response::<CreateOrderRequest>(200, &sealed("create_order.json"))
        .unwrap();
    assert_eq!(r.integrator_order_id.as_deref(), Some(ORDER_ID));
    assert!(r.url_for_qr.starts_with("https://checkout.keepz.me/"));
}

#[test]
fn order_status_responses_from_envelopes() {
    let client = integrator();
    let status = |name: &str| {
        client
            .parse_response::<OrderStatusRequest>(200, &sealed(name))
            .unwrap()
            .status
    };
    let success = status("order_status_success.json");
    assert!(success.is_paid() && success.is_final());
    assert_eq!(status("order_status_cancelled.json"), OrderStatus::Canceled);
    let unknown = status("order_status_unknown.json");
    assert_eq!(unknown, OrderStatus::Unknown("ON_HOLD".into()));
    assert!(!unknown.is_final() && !unknown.is_paid());
    let r = client
        .parse_response::<OrderStatusRequest>(200, &sealed("order_status_missing_id.json"))
        .unwrap();
    assert_eq!(
        (r.integrator_order_id, r.status),
        (None, OrderStatus::ToBeConfirmed)
    );
    let cancel = client
        .parse_response::<CancelOrderRequest>(200, &sealed("cancel_order.json"))
        .unwrap();
    assert_eq!(cancel.status, OrderStatus::Canceled);
}

#[test]
fn every_documented_status_parses_from_an_envelope() {
    let client = integrator();
    let double = keepz_answering();
    for text in [
        "INITIAL",
        "PROCESSING",
        "SUCCESS",
        "FAILED",
        "CANCELED",
        "CANCELLED",
        "EXPIRED",
        "REFUND_REQUESTED",
        "PARTIALLY_REFUNDED",
        "REFUNDED_BY_OPERATOR",
        "REFUNDED_BY_INTEGRATOR",
        "REFUNDED_BY_KEEPZ",
        "REFUNDED_FAILED",
        "WAITING_FOR_CONSENT",
        "TO_BE_CONFIRMED",
    ] {
        let body = double
            .seal(&serde_json::json!({"integratorOrderId": ORDER_ID, "status": text}))
            .unwrap()
            .to_json_body();
        let status = client
            .parse_response::<OrderStatusRequest>(200, body.as_bytes())
            .unwrap()
            .status;
        assert!(status.is_known(), "{text}");
        let expect_final = matches!(
            text,
            "SUCCESS" | "FAILED" | "CANCELED" | "CANCELLED" | "EXPIRED"
        ) || text.starts_with("REFUNDED_");
        assert_eq!(status.is_final(), expect_final, "{text}");
        assert_eq!(status.is_paid(), text == "SUCCESS", "{text}");
    }
}

#[test]
fn refund_saved_card_and_history_from_envelopes() {
    let client = integrator();
    let refund = client
        .parse_response::<RefundRequest>(200, &sealed("refund.json"))
        .unwrap();
    assert_eq!(refund.status, Some(OrderStatus::RefundRequested));
    assert_eq!(refund.error_message, None);
    let refused = client
        .parse_response::<RefundRequest>(200, &sealed("refund_refused.json"))
        .unwrap();
    assert_eq!(refused.status, None);
    assert!(refused.error_message.unwrap().contains("exceeds"));

    let card = client
        .parse_response::<SavedCardRequest>(200, &sealed("saved_card.json"))
        .unwrap();
    assert_eq!(card.token, "7d2c9a41-0b6e-4f3d-9a8c-1e5f7b3d2c4a");
    assert_eq!(card.card_mask.as_deref(), Some("411111******1111"));
    assert_eq!(card.card_brand.as_deref(), Some("VISA"));

    let history = client
        .parse_response::<SubscriptionHistoryRequest>(200, &sealed("subscription_history.json"))
        .unwrap();
    assert_eq!(history.0.len(), 3);
    assert_eq!(history.0[0].refunded_amount, None);
    assert_eq!(
        history.0[1].fail_reason.as_deref(),
        Some("Insufficient funds")
    );
    assert_eq!(history.0[2].refunded_amount, Some(amount("9.99")));
}

#[test]
fn revoke_answers_with_an_empty_body() {
    let client = integrator();
    let empty = fixture("empty.txt");
    assert_eq!(
        client
            .parse_response::<RevokeSubscriptionRequest>(200, &empty)
            .unwrap(),
        SubscriptionRevoked
    );
    assert!(
        client
            .parse_response::<RevokeSubscriptionRequest>(204, b"  \r\n")
            .is_ok()
    );
    // An envelope is accepted too.
    let body = keepz_answering()
        .seal(&serde_json::json!({}))
        .unwrap()
        .to_json_body();
    assert!(
        client
            .parse_response::<RevokeSubscriptionRequest>(200, body.as_bytes())
            .is_ok()
    );
    // Empty is success only for revoke, and only with a 2xx.
    assert_eq!(
        client
            .parse_response::<RevokeSubscriptionRequest>(500, &empty)
            .unwrap_err()
            .kind(),
        ErrorKind::EmptyBody
    );
    assert_eq!(
        client
            .parse_response::<OrderStatusRequest>(200, &empty)
            .unwrap_err()
            .kind(),
        ErrorKind::EmptyBody
    );
}

// ---------------------------------------------------------------- errors

fn keepz_error(err: &payseal::Error) -> &payseal::keepz::KeepzApiError {
    match err.gateway_failure() {
        Some(GatewayFailure::Keepz(e)) => e,
        other => panic!("not a Keepz error: {other:?} ({err})"),
    }
}

#[test]
fn plain_error_404_is_typed_not_found() {
    let err = integrator()
        .parse_response::<OrderStatusRequest>(404, &fixture("error_not_found.json"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::GatewayError);
    let e = keepz_error(&err);
    assert_eq!(e.message, "Integrator order not found");
    assert_eq!(
        (e.status_code, e.exception_group, e.http_status),
        (6005, Some(5), Some(404))
    );
    assert_eq!(e.group(), Some(ExceptionGroup::NotFound));
    assert_eq!(e.group_name(), Some("not found"));
    assert_eq!(e.code_name(), Some("integrator order not found"));
    assert_eq!(e.hint(), None);
}

#[test]
fn envelope_error_codes_carry_hints() {
    let err = integrator()
        .parse_response::<CreateOrderRequest>(500, &fixture("error_decrypt.json"))
        .unwrap_err();
    let e = keepz_error(&err);
    assert_eq!(
        (e.group_name(), e.http_status),
        (Some("general"), Some(500))
    );
    assert!(e.hint().unwrap().contains("RSA padding"));
    assert!(err.message().contains("6010"));

    let err = integrator()
        .parse_response::<CreateOrderRequest>(400, &fixture("error_decimals.json"))
        .unwrap_err();
    assert_eq!(keepz_error(&err).group_name(), Some("validation"));
    assert_eq!(
        keepz_error(&err).code_name(),
        Some("amount has more than 2 decimal places")
    );
}

#[test]
fn error_sealed_inside_an_envelope_is_still_the_typed_error() {
    let err = integrator()
        .parse_response::<OrderStatusRequest>(200, &sealed("error_not_found.json"))
        .unwrap_err();
    assert_eq!(keepz_error(&err).status_code, 6005);
    assert_eq!(keepz_error(&err).http_status, Some(200));
}

#[test]
fn transport_failures_have_their_own_kinds() {
    let client = integrator();
    let kind = |status: u16, body: &[u8]| {
        client
            .parse_response::<OrderStatusRequest>(status, body)
            .unwrap_err()
            .kind()
    };
    assert_eq!(kind(502, &fixture("html_502.html")), ErrorKind::NotJson);
    assert_eq!(
        kind(200, br#"{"encryptedData":"abc","encrypted"#),
        ErrorKind::NotJson
    );
    assert_eq!(
        kind(500, &fixture("not_envelope.json")),
        ErrorKind::NotEnvelope
    );
    assert_eq!(kind(200, b"[]"), ErrorKind::NotEnvelope);
    assert_eq!(
        kind(
            200,
            br#"{"encryptedData":"AAAA","encryptedKeys":"AAAA","aes":true}"#
        ),
        ErrorKind::CannotOpen
    );
    // A success envelope with a failing HTTP status is not read as a success.
    assert_eq!(
        kind(503, &sealed("order_status_success.json")),
        ErrorKind::UnexpectedResponse
    );
    // The right envelope with the wrong shape.
    assert_eq!(
        kind(200, &sealed("saved_card.json")),
        ErrorKind::UnexpectedResponse
    );
    // Over the handle's limit.
    let small = Keepz::builder()
        .open_with(PrivateKey::parse(file("keys/rsa2048.pkcs8.pem")).unwrap())
        .max_body(64)
        .build()
        .unwrap();
    assert_eq!(
        small
            .parse_response::<OrderStatusRequest>(200, &sealed("order_status_success.json"))
            .unwrap_err()
            .kind(),
        ErrorKind::BodyTooLarge
    );
}

#[test]
fn a_seal_only_handle_still_reads_error_bodies() {
    let seal_only = keepz_answering();
    let err = seal_only
        .parse_response::<OrderStatusRequest>(404, &fixture("error_not_found.json"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::GatewayError);
    let err = seal_only
        .parse_response::<OrderStatusRequest>(200, &sealed("order_status_success.json"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MissingKey);
}

// ---------------------------------------------------------------- callbacks

#[test]
fn order_callback_from_an_envelope_is_unverified_and_rechecks() {
    let hint = integrator()
        .parse_callback(&sealed("callback_order.json"))
        .unwrap();
    assert_eq!(hint.integrator_order_id(), Some(ORDER_ID));
    let KeepzCallback::Order(cb) = hint.peek_unverified() else {
        panic!("not an order callback")
    };
    assert_eq!(cb.status, Some(OrderStatus::Success));
    assert_eq!(cb.amount, Some(amount("10.05")));
    assert_eq!(
        cb.acquiring_amount.map(|a| a.to_string()).as_deref(),
        Some("10.05")
    );
    assert_eq!(
        cb.card_info.as_ref().and_then(|c| c.card_brand.as_deref()),
        Some("MasterCard")
    );
    let recheck = hint.order_status_request(INTEGRATOR_ID).unwrap();
    assert_eq!(recheck, OrderStatusRequest::new(INTEGRATOR_ID, ORDER_ID));
    // A callback for another integrator is not re-checked under our id.
    assert_eq!(
        hint.order_status_request("00000000-0000-4000-8000-000000000000")
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidRequest
    );
    assert!(hint.subscription_history_request().is_err());
}

#[test]
fn plain_callbacks_are_accepted_too() {
    let failed = integrator()
        .parse_callback(&fixture("callback_order_failed.json"))
        .unwrap();
    let KeepzCallback::Order(cb) = failed.into_unverified_inner() else {
        panic!()
    };
    assert_eq!((cb.status, cb.card_info), (Some(OrderStatus::Failed), None));
    assert_eq!(cb.amount, Some(amount("25")));

    let sub = parse_plain_callback(&fixture("callback_subscription.json")).unwrap();
    assert_eq!(sub.subscription_id(), Some("sub-2f9c1a7e"));
    let KeepzCallback::Subscription(s) = sub.peek_unverified() else {
        panic!()
    };
    assert_eq!(s.history_id.as_deref(), Some("48213"));
    assert_eq!(s.amount, Some(amount("9.99")));
    assert_eq!(
        sub.subscription_history_request().unwrap(),
        SubscriptionHistoryRequest::new("sub-2f9c1a7e")
    );
    assert!(sub.order_status_request(INTEGRATOR_ID).is_err());

    // The plain parser refuses an envelope rather than pretend it read it.
    assert_eq!(
        parse_plain_callback(&sealed("callback_order.json"))
            .unwrap_err()
            .kind(),
        ErrorKind::UnexpectedResponse
    );
}

#[test]
fn malformed_callbacks_are_errors_not_panics() {
    let client = integrator();
    let kind = |body: &[u8]| client.parse_callback(body).unwrap_err().kind();
    assert_eq!(kind(b""), ErrorKind::EmptyBody);
    assert_eq!(kind(&fixture("html_502.html")), ErrorKind::NotJson);
    assert_eq!(
        kind(br#"{"status":"SUCCESS"}"#),
        ErrorKind::UnexpectedResponse
    );
    assert_eq!(kind(br#"{"integratorOrderId":ORDER}"#), ErrorKind::NotJson);
    assert_eq!(
        kind(br#"{"integratorOrderId":"x","amount":"ten"}"#),
        ErrorKind::UnexpectedResponse
    );
    assert_eq!(kind(br#"["SUCCESS"]"#), ErrorKind::UnexpectedResponse);
    assert_eq!(
        kind(br#"{"encryptedData":"AAAA","encryptedKeys":"AAAA","aes":true}"#),
        ErrorKind::CannotOpen
    );
}

#[test]
fn random_bytes_never_panic() {
    let client = integrator();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    const ALPHABET: &[u8] = b"{}[]\":,0123456789.eE-+ tfnul\\aencryptedDatastatusCode<html>";
    for len in 0..300usize {
        let body: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                ALPHABET[(seed % ALPHABET.len() as u64) as usize]
            })
            .collect();
        let _ = client.parse_response::<OrderStatusRequest>(200, &body);
        let _ = client.parse_response::<RevokeSubscriptionRequest>(404, &body);
        let _ = client.parse_callback(&body);
    }
}

#[test]
fn truncated_and_mutated_plaintexts_never_panic() {
    let client = integrator();
    let double = keepz_answering();
    for name in [
        "callback_order.json",
        "order_status_success.json",
        "subscription_history.json",
    ] {
        let plain = fixture(name);
        let mut variants: Vec<Vec<u8>> = (0..plain.len())
            .step_by(7)
            .map(|cut| plain[..cut].to_vec())
            .collect();
        for at in (0..plain.len()).step_by(5) {
            let mut mutated = plain.clone();
            mutated[at] = b'1';
            variants.push(mutated);
        }
        for variant in variants {
            // Plain, as a callback or an error body.
            let _ = client.parse_callback(&variant);
            let _ = client.parse_response::<OrderStatusRequest>(400, &variant);
            // Sealed, when it is still JSON (the sealer refuses anything else).
            if let Ok(envelope) = double.seal_bytes(&variant) {
                let body = envelope.to_json_body();
                let _ = client.parse_response::<OrderStatusRequest>(200, body.as_bytes());
                let _ = client.parse_response::<SubscriptionHistoryRequest>(200, body.as_bytes());
                let _ = client.parse_callback(body.as_bytes());
            }
        }
    }
}
