//! The SQLite state file (a sandbox restarted between test steps keeps its orders), the delivery
//! log with retries, the loopback-only rule for callbacks, the sink, and `payseal-sandbox ctl`.

mod common;

use common::receiver::Receiver;
use common::{Sandbox, control, delivery, keepz_call, wait_for};
use payseal::keepz::api::{CreateOrderRequest, OrderStatus, OrderStatusRequest, new_order_id};

const RECEIVER_ID: &str = "7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c";

fn create(sandbox: &Sandbox, callback: &str) -> String {
    let mut order = CreateOrderRequest::new(
        "4.20".parse().unwrap(),
        RECEIVER_ID,
        sandbox.integrator_id(),
        new_order_id().unwrap(),
    );
    order.callback_uri = Some(callback.to_string());
    keepz_call(sandbox, &sandbox.integrator(), &order).unwrap();
    order.integrator_order_id
}

fn status(sandbox: &Sandbox, id: &str) -> payseal::Result<OrderStatus> {
    let request = OrderStatusRequest::new(sandbox.integrator_id(), id);
    keepz_call(sandbox, &sandbox.integrator(), &request).map(|r| r.status)
}

#[test]
fn a_restarted_sandbox_keeps_its_state() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.sqlite");
    let state_arg = state.to_str().unwrap();
    let mut first = Sandbox::start(dir.path(), &["--state", state_arg]);
    let sink_url = format!("{}/_sandbox/sink/callbacks", first.url());
    let id = create(&first, &sink_url);
    control(
        &first,
        "POST",
        &format!("/keepz/orders/{id}/advance"),
        Some(r#"{"status":"SUCCESS"}"#),
    );
    wait_for("the callback in the sink", || {
        let got = control(&first, "GET", "/sink/callbacks", None);
        (got.as_array().unwrap().len() == 1).then_some(())
    });
    first.kill();

    // Same keys, same state file, another port: the order, its status and the log are there.
    let second = Sandbox::start(dir.path(), &["--state", state_arg]);
    assert_ne!(first.url(), second.url());
    assert_eq!(status(&second, &id).unwrap(), OrderStatus::Success);
    let log = control(&second, "GET", "/deliveries", None);
    assert_eq!(log[0]["state"], "delivered");
    assert_eq!(
        control(&second, "GET", "/sink/callbacks", None)
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Without the state file, a new sandbox knows nothing (Keepz: 6005).
    drop(second);
    let third = Sandbox::start(dir.path(), &[]);
    let error = status(&third, &id).unwrap_err();
    assert!(error.message().contains("6005"), "{error}");
}

#[test]
fn callbacks_are_retried_logged_and_kept_on_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::start(dir.path(), &["--delivery-attempts", "4"]);
    // The receiver fails twice, then takes it.
    let flaky = Receiver::answering(&[500, 503]);
    let id = create(&sandbox, &flaky.url);
    control(
        &sandbox,
        "POST",
        &format!("/keepz/orders/{id}/advance"),
        Some(r#"{"status":"SUCCESS"}"#),
    );
    let delivered = delivery(&sandbox, &id, "delivered");
    let statuses: Vec<_> = delivered["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["httpStatus"].clone())
        .collect();
    assert_eq!(statuses, [500, 503, 200]);
    assert_eq!(flaky.bodies().len(), 3);
    assert_eq!(
        flaky.bodies()[0],
        flaky.bodies()[2],
        "the same sealed body each time"
    );

    // Nobody listening: every attempt fails, the delivery is given up and logged as failed.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let gone = create(&sandbox, &format!("http://{closed}/hook"));
    control(
        &sandbox,
        "POST",
        &format!("/keepz/orders/{gone}/advance"),
        None,
    );
    let failed = delivery(&sandbox, &gone, "failed");
    assert_eq!(failed["attempts"].as_array().unwrap().len(), 4);

    // A callbackUri that is not loopback is refused without a connection (no
    // --allow-remote-callbacks). 0.0.0.0 is not a loopback address, yet a connection to it stays on
    // this machine: were the rule broken, the test would still send nothing off the machine.
    let far = create(&sandbox, &format!("http://0.0.0.0:{}/hook", closed.port()));
    control(
        &sandbox,
        "POST",
        &format!("/keepz/orders/{far}/advance"),
        None,
    );
    let refused = delivery(&sandbox, &far, "failed");
    assert!(
        refused["attempts"][0]["error"]
            .as_str()
            .unwrap()
            .contains("not a loopback host")
    );
}

#[test]
fn ctl_drives_a_running_sandbox() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::start(dir.path(), &[]);
    let id = create(&sandbox, &format!("{}/_sandbox/sink/x", sandbox.url()));
    let ctl = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_payseal-sandbox"))
            .args(["ctl", "--url", &sandbox.url()])
            .args(args)
            .output()
            .unwrap()
    };
    let out = ctl(&["advance", "keepz", &id]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        r#"{"status":"PROCESSING"}"#
    );
    assert!(ctl(&["expire", &id]).status.success());
    assert_eq!(status(&sandbox, &id).unwrap(), OrderStatus::Expired);
    assert!(
        !ctl(&["expire", &id]).status.success(),
        "an expired order does not expire again"
    );
    assert!(ctl(&["fault", "keepz:error:6054"]).status.success());
    assert!(
        status(&sandbox, &id)
            .unwrap_err()
            .message()
            .contains("6054")
    );
    let log = ctl(&["deliveries"]);
    assert!(String::from_utf8_lossy(&log.stdout).contains("EXPIRED"));
}
