//! Keepz against the sandbox over real HTTP, driven through payseal's typed API as an integration
//! would: create → status → pay on the checkout page → callback → saved card → refund (and its
//! callbacks) → pay with the saved card; subscriptions; and every refusal as Keepz's error body
//! with the right code and HTTP status.

mod common;

use common::receiver::Receiver;
use common::{Sandbox, control, keepz_call as call, post_form, send, wait_for};
use payseal::keepz::Keepz;
use payseal::keepz::api::{
    CancelOrderRequest, CreateOrderRequest, KeepzCallback, KeepzRequest, OrderStatus,
    OrderStatusRequest, RefundRequest, RevokeSubscriptionRequest, SavedCardRequest,
    SubscriptionHistoryRequest, SubscriptionInterval, SubscriptionPlan, new_order_id,
};
use payseal::{ErrorKind, GatewayFailure, RsaPadding};

const RECEIVER_ID: &str = "7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c";

/// Sends a JSON payload payseal would refuse to prepare (to see what the gateway says).
fn call_raw<R: KeepzRequest>(
    sandbox: &Sandbox,
    keepz: &Keepz,
    payload: &serde_json::Value,
) -> payseal::Result<R::Response> {
    let envelope = keepz.seal(payload)?;
    let url = R::ENDPOINT.url(&sandbox.keepz_url());
    let answer = match R::ENDPOINT.placement {
        payseal::keepz::api::Placement::Body => {
            send("POST", &url, Some(&envelope.to_json_body()), &[])
        }
        _ => send(
            R::ENDPOINT.method.as_str(),
            &format!("{url}?{}", envelope.to_query_string()),
            None,
            &[],
        ),
    };
    keepz.parse_response::<R>(answer.status, answer.body.as_bytes())
}

/// Keepz's `statusCode` and the HTTP status of a gateway error.
fn keepz_error<T: std::fmt::Debug>(result: payseal::Result<T>) -> (i64, Option<i64>, Option<u16>) {
    let error = result.unwrap_err();
    match error.gateway_failure() {
        Some(GatewayFailure::Keepz(e)) => (e.status_code, e.exception_group, e.http_status),
        _ => panic!("not a Keepz error: {error:?}"),
    }
}

fn order(sandbox: &Sandbox, amount: &str) -> CreateOrderRequest {
    CreateOrderRequest::new(
        amount.parse().unwrap(),
        RECEIVER_ID,
        sandbox.integrator_id(),
        new_order_id().unwrap(),
    )
}

fn status(sandbox: &Sandbox, keepz: &Keepz, id: &str) -> OrderStatus {
    call(
        sandbox,
        keepz,
        &OrderStatusRequest::new(sandbox.integrator_id(), id),
    )
    .unwrap()
    .status
}

/// Opens the `n`-th callback at the receiver as the integrator does.
fn callback(keepz: &Keepz, receiver: &Receiver, n: usize) -> KeepzCallback {
    let body = receiver.wait_for(n);
    keepz
        .parse_callback(body.as_bytes())
        .unwrap()
        .into_unverified_inner()
}

/// A sandbox, the integrator's handle and a callback receiver (the directory lives as long).
fn setup(extra: &[&str]) -> (tempfile::TempDir, Sandbox, Keepz, Receiver) {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::start(dir.path(), extra);
    let keepz = sandbox.integrator();
    (dir, sandbox, keepz, Receiver::start())
}

#[test]
fn create_pay_save_card_refund_and_reuse_the_card() {
    let (_dir, sandbox, keepz, receiver) = setup(&[]);

    let mut create = order(&sandbox, "25.50");
    create.callback_uri = Some(receiver.url.clone());
    create.save_card = Some(true);
    let id = create.integrator_order_id.clone();
    let created = call(&sandbox, &keepz, &create).unwrap();
    assert_eq!(created.integrator_order_id.as_deref(), Some(id.as_str()));
    assert!(
        created
            .url_for_qr
            .ends_with(&format!("/checkout/keepz/{id}"))
    );
    assert_eq!(status(&sandbox, &keepz, &id), OrderStatus::Initial);
    assert_eq!(
        keepz_error(call(&sandbox, &keepz, &create)).0,
        6023,
        "a second order with the same id"
    );

    // The payer pays on the checkout page, keeping the card.
    let page = send("GET", &created.url_for_qr, None, &[]);
    assert!(page.body.contains("id=\"save-card\"") && page.body.contains(">INITIAL<"));
    let paid = post_form(
        &created.url_for_qr,
        &[("action", "pay"), ("saveCard", "on")],
    );
    assert_eq!(paid.status, 200);
    assert!(paid.body.contains(">SUCCESS<"), "{}", paid.body);

    // The callback: sealed to the integrator's key; a hint, re-checked with a status request.
    let KeepzCallback::Order(cb) = callback(&keepz, &receiver, 1) else {
        panic!("an order callback")
    };
    assert_eq!(
        (cb.status.clone(), cb.amount.unwrap().to_string()),
        (Some(OrderStatus::Success), "25.5".into())
    );
    let token = cb
        .card_info
        .as_ref()
        .and_then(|c| c.token.clone())
        .expect("the saved card's token");
    let hint = keepz
        .parse_callback(receiver.bodies()[0].as_bytes())
        .unwrap();
    let recheck = hint.order_status_request(&sandbox.integrator_id()).unwrap();
    assert!(call(&sandbox, &keepz, &recheck).unwrap().status.is_paid());

    // The saved card, by the order that saved it.
    let card = call(&sandbox, &keepz, &SavedCardRequest::new(&id)).unwrap();
    assert_eq!(
        (card.token.as_str(), card.card_mask.as_deref()),
        (token.as_str(), Some("411111******1111"))
    );

    // A partial refund: REFUND_REQUESTED, then PARTIALLY_REFUNDED — a callback each.
    let refund = RefundRequest::new(sandbox.integrator_id(), &id, "5.25".parse().unwrap());
    let answer = call(&sandbox, &keepz, &refund).unwrap();
    assert_eq!(answer.status, Some(OrderStatus::RefundRequested));
    let KeepzCallback::Order(cb) = callback(&keepz, &receiver, 3) else {
        panic!()
    };
    assert_eq!(cb.status, Some(OrderStatus::PartiallyRefunded));
    assert_eq!(
        status(&sandbox, &keepz, &id),
        OrderStatus::PartiallyRefunded
    );
    let too_much = RefundRequest::new(sandbox.integrator_id(), &id, "20.26".parse().unwrap());
    assert_eq!(
        keepz_error(call(&sandbox, &keepz, &too_much)),
        (6007, Some(1), Some(400))
    );
    let rest = RefundRequest::new(sandbox.integrator_id(), &id, "20.25".parse().unwrap());
    call(&sandbox, &keepz, &rest).unwrap();
    wait_for("the full refund", || {
        (status(&sandbox, &keepz, &id) == OrderStatus::RefundedByIntegrator).then_some(())
    });

    // A second order paid with the saved card: no checkout, SUCCESS at once, a callback.
    let mut again = order(&sandbox, "3");
    again.card_token = Some(token);
    again.callback_uri = Some(receiver.url.clone());
    call(&sandbox, &keepz, &again).unwrap();
    assert_eq!(
        status(&sandbox, &keepz, &again.integrator_order_id),
        OrderStatus::Success
    );
    let mut unknown = order(&sandbox, "3");
    unknown.card_token = Some(new_order_id().unwrap());
    assert_eq!(
        keepz_error(call(&sandbox, &keepz, &unknown)),
        (6075, Some(5), Some(404))
    );

    // The log has every callback, delivered at the first attempt.
    let log = control(&sandbox, "GET", &format!("/deliveries?about={id}"), None);
    let statuses: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "SUCCESS",
            "REFUND_REQUESTED",
            "PARTIALLY_REFUNDED",
            "REFUND_REQUESTED",
            "REFUNDED_BY_INTEGRATOR"
        ]
    );
    assert!(
        log.as_array()
            .unwrap()
            .iter()
            .all(|d| d["state"] == "delivered")
    );
}

#[test]
fn refusals_are_keepz_error_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::start(dir.path(), &[]);
    let keepz = sandbox.integrator();
    let id = sandbox.integrator_id();

    // Unknown order: 6005, group 5, HTTP 404.
    let unknown = OrderStatusRequest::new(&id, new_order_id().unwrap());
    assert_eq!(
        keepz_error(call(&sandbox, &keepz, &unknown)),
        (6005, Some(5), Some(404))
    );
    // Amounts payseal refuses, sent anyway: 6058 (three decimals), 6068 (zero).
    let mut payload = serde_json::to_value(order(&sandbox, "10")).unwrap();
    payload["amount"] = serde_json::from_str("10.005").unwrap();
    assert_eq!(
        keepz_error(call_raw::<CreateOrderRequest>(&sandbox, &keepz, &payload)),
        (6058, Some(1), Some(400))
    );
    payload["amount"] = serde_json::from_str("0").unwrap();
    assert_eq!(
        keepz_error(call_raw::<CreateOrderRequest>(&sandbox, &keepz, &payload)).0,
        6068
    );
    payload["amount"] = serde_json::from_str("10").unwrap();
    payload["receiverType"] = "USER".into();
    assert_eq!(
        keepz_error(call_raw::<CreateOrderRequest>(&sandbox, &keepz, &payload)).0,
        6024
    );
    // Invented field names (callbackUrl for callbackUri, orderId for integratorOrderId): 6049.
    let invented = serde_json::json!({"amount": 10, "receiverId": RECEIVER_ID, "receiverType": "BRANCH", "integratorId": id, "orderId": new_order_id().unwrap()});
    assert_eq!(
        keepz_error(call_raw::<CreateOrderRequest>(&sandbox, &keepz, &invented)).0,
        6049
    );
    // validUntil in the past: 6035.
    let mut late = order(&sandbox, "1");
    late.valid_until = Some("2001-01-01 00:00:00".parse().unwrap());
    assert_eq!(keepz_error(call(&sandbox, &keepz, &late)).0, 6035);

    // Sealed with the wrong RSA padding, or to the wrong key: 6010, group 6, HTTP 500.
    let pkcs1 = Keepz::builder()
        .seal_to(payseal::keys::PublicKey::parse(sandbox.key_file("keepzPublic")).unwrap())
        .open_with(payseal::keys::PrivateKey::parse(sandbox.key_file("integratorPrivate")).unwrap())
        .identifier(&id)
        .padding(RsaPadding::Pkcs1v15)
        .build()
        .unwrap();
    assert_eq!(
        keepz_error(call(&sandbox, &pkcs1, &unknown)),
        (6010, Some(6), Some(500))
    );
    let stranger = payseal::keys::PrivateKey::generate(2048).unwrap();
    let wrong_key = Keepz::builder()
        .seal_to(stranger.public_key().clone())
        .identifier(&id)
        .build()
        .unwrap();
    let prepared = wrong_key.prepare(&order(&sandbox, "1")).unwrap();
    let answer = send(
        "POST",
        &prepared.url(&sandbox.keepz_url()),
        prepared.body().as_deref(),
        &[],
    );
    assert_eq!(
        (answer.status, answer.body.as_str()),
        (
            500,
            r#"{"message":"Failed to decrypt","statusCode":6010,"exceptionGroup":6}"#
        )
    );
    // Another integrator's identifier: 6004.
    let other = Keepz::integrator(
        sandbox.key_file("keepzPublic"),
        sandbox.key_file("integratorPrivate"),
        "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e",
    )
    .unwrap();
    assert_eq!(keepz_error(call(&sandbox, &other, &unknown)).0, 6004);
    // An unencoded '+' in a query string turns into a space, as on the real server: 6010 or 6011.
    let sealed = keepz.seal(&unknown).unwrap();
    let raw = format!(
        "identifier={id}&encryptedData={}&encryptedKeys={}&aes=true",
        sealed.encrypted_data,
        sealed.encrypted_keys.unwrap()
    );
    if raw.contains('+') {
        let answer = send(
            "GET",
            &format!("{}/api/integrator/order/status?{raw}", sandbox.keepz_url()),
            None,
            &[],
        );
        assert!(answer.status == 500, "{}", answer.body);
    }

    // Cancel: an open order is CANCELED; a paid or unknown one is 6006 (HTTP 409).
    let open = order(&sandbox, "2");
    call(&sandbox, &keepz, &open).unwrap();
    let cancel = CancelOrderRequest::new(&id, &open.integrator_order_id);
    assert_eq!(
        call(&sandbox, &keepz, &cancel).unwrap().status,
        OrderStatus::Canceled
    );
    assert_eq!(
        keepz_error(call(&sandbox, &keepz, &cancel)),
        (6006, Some(2), Some(409))
    );
    // A canceled order cannot be paid on the page either.
    let url = format!(
        "{}/checkout/keepz/{}",
        sandbox.url(),
        open.integrator_order_id
    );
    assert!(
        post_form(&url, &[("action", "pay")])
            .body
            .contains("Order no longer valid")
    );
    // No card saved: 6075. Unknown subscription: 6100.
    assert_eq!(
        keepz_error(call(
            &sandbox,
            &keepz,
            &SavedCardRequest::new(&open.integrator_order_id)
        ))
        .0,
        6075
    );
    assert_eq!(
        keepz_error(call(
            &sandbox,
            &keepz,
            &SubscriptionHistoryRequest::new("nope")
        ))
        .0,
        6100
    );
}

#[test]
fn expiry_and_the_control_api() {
    let (_dir, sandbox, keepz, receiver) = setup(&[]);

    // validUntil passes while the order waits: EXPIRED, with a callback.
    let mut soon = order(&sandbox, "1");
    let in_two_seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 2;
    soon.valid_until = Some(naive(in_two_seconds));
    soon.callback_uri = Some(receiver.url.clone());
    call(&sandbox, &keepz, &soon).unwrap();
    let KeepzCallback::Order(cb) = callback(&keepz, &receiver, 1) else {
        panic!()
    };
    assert_eq!(cb.status, Some(OrderStatus::Expired));
    let page = format!(
        "{}/checkout/keepz/{}",
        sandbox.url(),
        soon.integrator_order_id
    );
    assert!(
        post_form(&page, &[("action", "pay")])
            .body
            .contains("Order expired")
    );

    // The control API: advance one step (PROCESSING), then to FAILED; expire another.
    let mut o = order(&sandbox, "1");
    o.callback_uri = Some(receiver.url.clone());
    call(&sandbox, &keepz, &o).unwrap();
    let path = format!("/keepz/orders/{}", o.integrator_order_id);
    assert_eq!(
        control(&sandbox, "POST", &format!("{path}/advance"), None)["status"],
        "PROCESSING"
    );
    assert_eq!(
        control(
            &sandbox,
            "POST",
            &format!("{path}/advance"),
            Some(r#"{"status":"FAILED"}"#)
        )["status"],
        "FAILED"
    );
    assert_eq!(
        status(&sandbox, &keepz, &o.integrator_order_id),
        OrderStatus::Failed
    );
    let KeepzCallback::Order(cb) = callback(&keepz, &receiver, 3) else {
        panic!()
    };
    assert_eq!(cb.status, Some(OrderStatus::Failed));
    let again = send(
        "POST",
        &format!("{}/_sandbox{path}/advance", sandbox.url()),
        None,
        &[],
    );
    assert_eq!(again.status, 409);
}

/// A Unix time as Keepz's `validUntil` (UTC).
fn naive(unix: u64) -> payseal::datetime::NaiveDateTime {
    let text = std::process::Command::new("date")
        .args(["-u", "-d", &format!("@{unix}"), "+%Y-%m-%d %H:%M:%S"])
        .output()
        .unwrap()
        .stdout;
    String::from_utf8(text).unwrap().trim().parse().unwrap()
}

#[test]
fn subscriptions_charge_call_back_and_revoke() {
    let (_dir, sandbox, keepz, receiver) = setup(&[]);

    let mut first = order(&sandbox, "9.99");
    first.callback_uri = Some(receiver.url.clone());
    first.subscription_plan = Some(SubscriptionPlan {
        interval: SubscriptionInterval::Monthly,
        interval_count: 1,
        amount: "9.99".parse().unwrap(),
        start_date: None,
    });
    let created = call(&sandbox, &keepz, &first).unwrap();
    post_form(&created.url_for_qr, &[("action", "pay")]);
    // The order's callback, then the subscription's.
    let KeepzCallback::Subscription(sub) = callback(&keepz, &receiver, 2) else {
        panic!("a subscription callback")
    };
    assert_eq!(
        (sub.status.clone(), sub.amount.unwrap().to_string()),
        (Some(OrderStatus::Success), "9.99".into())
    );
    let history = call(
        &sandbox,
        &keepz,
        &SubscriptionHistoryRequest::new(&sub.subscription_id),
    )
    .unwrap();
    assert_eq!(history.0.len(), 1);

    // The next period, failed, through the control API: a callback and a second history entry.
    control(
        &sandbox,
        "POST",
        &format!("/keepz/subscriptions/{}/charge", sub.subscription_id),
        Some(r#"{"failReason":"insufficient funds"}"#),
    );
    let KeepzCallback::Subscription(next) = callback(&keepz, &receiver, 3) else {
        panic!()
    };
    assert_eq!(next.status, Some(OrderStatus::Failed));
    let history = call(
        &sandbox,
        &keepz,
        &SubscriptionHistoryRequest::new(&sub.subscription_id),
    )
    .unwrap();
    assert_eq!(
        history.0[1].fail_reason.as_deref(),
        Some("insufficient funds")
    );

    // Revoke: HTTP 200 with an empty body, which payseal reads as SubscriptionRevoked.
    let revoke = RevokeSubscriptionRequest::new(&sub.subscription_id);
    let prepared = keepz.prepare(&revoke).unwrap();
    let answer = send(
        "POST",
        &prepared.url(&sandbox.keepz_url()),
        prepared.body().as_deref(),
        &[],
    );
    assert_eq!((answer.status, answer.body.as_str()), (200, ""));
    keepz
        .parse_response::<RevokeSubscriptionRequest>(answer.status, answer.body.as_bytes())
        .unwrap();
    let charge = send(
        "POST",
        &format!(
            "{}/_sandbox/keepz/subscriptions/{}/charge",
            sandbox.url(),
            sub.subscription_id
        ),
        None,
        &[],
    );
    assert_eq!(charge.status, 409);
}

#[test]
fn faults_are_what_integrations_must_survive() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::start(dir.path(), &["--fault", "keepz:html502"]);
    let keepz = sandbox.integrator();
    let known = order(&sandbox, "1");
    let fault = |spec: &str| {
        control(&sandbox, "POST", "/faults", Some(spec));
    };
    let check = OrderStatusRequest::new(sandbox.integrator_id(), &known.integrator_order_id);

    // --fault at start: the first call gets the proxy's HTML page (and changes nothing).
    assert_eq!(
        call(&sandbox, &keepz, &known).unwrap_err().kind(),
        ErrorKind::NotJson
    );
    assert_eq!(
        keepz_error(call(&sandbox, &keepz, &check)).0,
        6005,
        "the faulty call created nothing"
    );
    call(&sandbox, &keepz, &known).unwrap();

    fault(r#"{"gateway":"keepz","kind":"empty"}"#);
    assert_eq!(
        call(&sandbox, &keepz, &check).unwrap_err().kind(),
        ErrorKind::EmptyBody
    );
    fault(r#"{"gateway":"keepz","kind":"wrong-key"}"#);
    assert_eq!(
        call(&sandbox, &keepz, &check).unwrap_err().kind(),
        ErrorKind::CannotOpen
    );
    fault(r#"{"gateway":"keepz","kind":"error","statusCode":6054,"count":2}"#);
    assert_eq!(
        keepz_error(call(&sandbox, &keepz, &check)),
        (6054, Some(6), Some(500))
    );
    assert_eq!(keepz_error(call(&sandbox, &keepz, &check)).0, 6054);
    assert_eq!(
        call(&sandbox, &keepz, &check).unwrap().status,
        OrderStatus::Initial
    );

    // A slow answer: a client that waits less gives up; the next call is answered at once.
    fault(r#"{"gateway":"keepz","kind":"slow","delayMs":3000}"#);
    let prepared = keepz.prepare(&check).unwrap();
    let impatient = common::agent_with_timeout(std::time::Duration::from_millis(500));
    assert!(
        impatient
            .get(prepared.url(&sandbox.keepz_url()))
            .call()
            .is_err()
    );
    assert_eq!(
        control(&sandbox, "GET", "/faults", None),
        serde_json::json!([])
    );
    // A fault for the other gateway is left alone.
    fault(r#"{"gateway":"transactpay","kind":"html502"}"#);
    assert_eq!(
        call(&sandbox, &keepz, &check).unwrap().status,
        OrderStatus::Initial
    );
    assert_eq!(
        control(&sandbox, "GET", "/faults", None)
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let bad = send(
        "POST",
        &format!("{}/_sandbox/faults", sandbox.url()),
        Some(r#"{"gateway":"transactpay","kind":"wrong-key"}"#),
        &[],
    );
    assert_eq!(bad.status, 400);
}
