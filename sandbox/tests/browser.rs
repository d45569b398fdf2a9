//! The checkout pages in a real browser: headless Chromium (Debian's `chromium` and
//! `chromium-driver`), driven over the WebDriver protocol on loopback. Opens an order's checkout
//! page, clicks "Pay", sees the status change on the page and the callback (Keepz) or webhook
//! (TransactPay) arrive, and re-checks the order through payseal's typed API.
//!
//! Needs chromedriver, so it is `#[ignore]`d in the plain test run; the test command runs it as
//! its own step: `cargo test -p payseal-sandbox --test browser -- --ignored`.

mod common;

use common::receiver::Receiver;
use common::{Sandbox, agent_with_timeout, keepz_call, send};
use payseal::keepz::api::{
    CreateOrderRequest, KeepzCallback, OrderStatus, OrderStatusRequest, new_order_id,
};
use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The key WebDriver names element references with.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// chromedriver and one browser session; both ended when dropped.
struct Browser {
    driver: Child,
    url: String,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        let driver_path =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        assert!(
            std::path::Path::new(&driver_path).exists(),
            "{driver_path} is missing: install Debian's chromium and chromium-driver"
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().unwrap();
        let mut browser = Browser {
            driver,
            url: format!("http://127.0.0.1:{port}"),
            session: String::new(),
            _profile: profile,
        };
        common::wait_for("chromedriver", || {
            let answer = agent_with_timeout(Duration::from_secs(2))
                .get(format!("{}/status", browser.url))
                .call()
                .ok()?;
            (answer.status() == 200).then_some(())
        });
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-default-apps",
            "--disable-extensions",
            "--no-proxy-server",
            "--disable-dev-shm-usage",
        ]
        .iter()
        .map(|a| a.to_string())
        .chain([format!(
            "--user-data-dir={}",
            browser._profile.path().display()
        )])
        .collect::<Vec<_>>();
        let session = browser.command(
            "POST",
            "/session",
            json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"binary": chromium, "args": args},
            }}}),
        );
        browser.session = session["sessionId"]
            .as_str()
            .expect("a session")
            .to_string();
        browser
    }

    /// One WebDriver command: its HTTP status and `value`.
    fn try_command(&self, method: &str, path: &str, body: &Value) -> (u16, Value) {
        let url = if path == "/session" {
            format!("{}{path}", self.url)
        } else {
            format!("{}/session/{}{path}", self.url, self.session)
        };
        let agent = agent_with_timeout(Duration::from_secs(60));
        let mut response = match method {
            "GET" => agent.get(&url).call(),
            "DELETE" => agent.delete(&url).call(),
            _ => agent
                .post(&url)
                .header("content-type", "application/json")
                .send(body.to_string()),
        }
        .expect("chromedriver answers");
        let text = response.body_mut().read_to_string().unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        (response.status().as_u16(), value["value"].clone())
    }

    /// One WebDriver command that must succeed; its `value`.
    fn command(&self, method: &str, path: &str, body: Value) -> Value {
        let (status, value) = self.try_command(method, path, &body);
        assert_eq!(status, 200, "{method} {path}: {value}");
        value
    }

    fn open(&self, url: &str) {
        self.command("POST", "/url", json!({ "url": url }));
    }

    fn element(&self, css: &str) -> String {
        let found = self.command(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("{css}: {found}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let id = self.element(css);
        self.command("POST", &format!("/element/{id}/click"), json!({}));
    }

    /// The text of `css` now, if the page has it (not while a new page loads: the element found
    /// may be gone by the time its text is asked for).
    fn try_text(&self, css: &str) -> Option<String> {
        let body = json!({"using": "css selector", "value": css});
        let (status, found) = self.try_command("POST", "/element", &body);
        let id = found[ELEMENT].as_str().filter(|_| status == 200)?;
        let (status, text) = self.try_command("GET", &format!("/element/{id}/text"), &Value::Null);
        text.as_str().filter(|_| status == 200).map(str::to_string)
    }

    /// Waits (at most 20 s) for `css`'s text to be `expected`.
    fn wait_for_text(&self, css: &str, expected: &str) {
        let started = Instant::now();
        loop {
            let text = self.try_text(css);
            if text.as_deref() == Some(expected) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{css} says {text:?}, not {expected:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Saves a screenshot where `PAYSEAL_BROWSER_SCREENSHOTS` (a directory) says, if set.
    fn screenshot(&self, name: &str) {
        if let Ok(dir) = std::env::var("PAYSEAL_BROWSER_SCREENSHOTS") {
            use base64::Engine;
            let png = self.command("GET", "/screenshot", Value::Null);
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(png.as_str().unwrap())
                .unwrap();
            std::fs::write(
                std::path::Path::new(&dir).join(format!("{name}.png")),
                bytes,
            )
            .unwrap();
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = agent_with_timeout(Duration::from_secs(10))
                .delete(format!("{}/session/{}", self.url, self.session))
                .call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

#[test]
#[ignore = "needs chromium and chromium-driver; run with --ignored (scripts/test-all.sh does)"]
fn a_person_pays_on_the_checkout_pages() {
    let dir = tempfile::tempdir().unwrap();
    let receiver = Receiver::start();
    let sandbox = Sandbox::start(dir.path(), &["--transactpay-webhook", &receiver.url]);
    let keepz = sandbox.integrator();
    let browser = Browser::start();

    // Keepz: an order that asks to save the card.
    let mut order = CreateOrderRequest::new(
        "12.50".parse().unwrap(),
        "7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c",
        sandbox.integrator_id(),
        new_order_id().unwrap(),
    );
    order.callback_uri = Some(receiver.url.clone());
    order.save_card = Some(true);
    let created = keepz_call(&sandbox, &keepz, &order).unwrap();

    browser.open(&created.url_for_qr);
    browser.wait_for_text("#status", "INITIAL");
    browser.wait_for_text("#amount", "12.5");
    browser.screenshot("keepz-before");
    browser.click("#pay");
    browser.wait_for_text("#status", "SUCCESS");
    browser.screenshot("keepz-after");

    let body = receiver.wait_for(1);
    let hint = keepz.parse_callback(body.as_bytes()).unwrap();
    let KeepzCallback::Order(callback) = hint.peek_unverified() else {
        panic!("an order callback")
    };
    assert_eq!(callback.status, Some(OrderStatus::Success));
    assert!(
        callback
            .card_info
            .as_ref()
            .and_then(|c| c.token.as_ref())
            .is_some(),
        "the card was saved"
    );
    let recheck = OrderStatusRequest::new(sandbox.integrator_id(), &order.integrator_order_id);
    let status = keepz_call(&sandbox, &keepz, &recheck).unwrap();
    assert_eq!(status.status, OrderStatus::Success);

    // TransactPay: pay by card, then the 3-D Secure page in the browser.
    use payseal::transactpay::TransactPay;
    use payseal::transactpay::api::{
        CardDetails, CreateOrderRequest as TpOrder, Customer, OrderDetails, PayData,
        PayWithCardRequest, StatusId, TransactPayRequest, parse_response, parse_webhook,
    };
    let tp = TransactPay::new(sandbox.key_file("transactpayEncryptionKey")).unwrap();
    let public_key = String::from_utf8(sandbox.key_file("transactpayPublicKey")).unwrap();
    let headers = payseal::transactpay::request_headers(public_key.trim()).unwrap();
    let tp_order = TpOrder::new(
        Customer {
            firstname: "Ada".into(),
            lastname: "Obi".into(),
            mobile: "+2348012345678".into(),
            country: "NG".into(),
            email: "a@x.ng".into(),
        },
        OrderDetails {
            amount: "1000".parse().unwrap(),
            reference: "WEB-1".into(),
            description: "B".into(),
            currency: "NGN".into(),
        },
        "http://127.0.0.1:9/r",
    );
    let url = |endpoint: &payseal::transactpay::api::TransactPayEndpoint| {
        endpoint.url_with_base(&sandbox.url())
    };
    let answer = send(
        "POST",
        &url(&TpOrder::ENDPOINT),
        Some(&tp.seal(&tp_order).unwrap().to_json_body()),
        &headers,
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let pay = PayWithCardRequest {
        reference: "WEB-1".into(),
        country: "NG".into(),
        card: CardDetails::new("4111111111111111", "12", "30", "123"),
    };
    let answer = send(
        "POST",
        &url(&PayWithCardRequest::ENDPOINT),
        Some(&tp.seal(&pay).unwrap().to_json_body()),
        &headers,
    );
    let data: PayData = parse_response(answer.status, answer.body.as_bytes())
        .unwrap()
        .into_data()
        .unwrap();
    browser.open(&data.payment_detail.unwrap().redirect_url.unwrap());
    browser.wait_for_text("#status", "Pending");
    browser.click("#pay");
    browser.wait_for_text("#status", "Successful");
    browser.screenshot("transactpay-after");
    let webhook = common::wait_for("the webhook", || {
        receiver
            .bodies()
            .into_iter()
            .filter_map(|b| parse_webhook(b.as_bytes()).ok())
            .find(|w| w.peek_unverified().data.status_id == Some(StatusId::Successful))
    });
    assert_eq!(webhook.order_reference(), Some("WEB-1"));
}
