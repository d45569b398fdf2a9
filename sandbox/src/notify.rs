//! Callbacks (Keepz) and webhooks (TransactPay): posted in order, one at a time, retried with a
//! doubling wait, every attempt logged (`GET /_sandbox/deliveries`).
//!
//! A delivery succeeds on any 2xx answer. By default only loopback hosts are posted to: a sandbox
//! should not become a way to reach other machines (`--allow-remote-callbacks` lifts it).

use crate::app::App;
use crate::state::World;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// How long one attempt may take.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(5);

/// The most bytes of an answer kept in the log.
const ANSWER_LOG_LIMIT: usize = 200;

/// One try at posting a delivery.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attempt {
    /// When (Unix seconds).
    pub at: i64,
    /// The HTTP status answered, if any.
    pub http_status: Option<u16>,
    /// What went wrong, if anything (no connection, timeout, not 2xx).
    pub error: Option<String>,
}

/// A callback or webhook and what became of it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    /// Its number, in the order they were made.
    pub id: u64,
    /// `keepz_callback`, `keepz_subscription_callback` or `transactpay_webhook`.
    pub kind: String,
    /// Where it goes.
    pub url: String,
    /// The order (integratorOrderId, reference) or subscription it is about.
    pub about: String,
    /// The status it reports.
    pub status: String,
    /// The payload before sealing (for reading the log; the body is what is sent), as exact
    /// JSON text.
    pub payload: payseal::RawJson,
    /// The body posted (a sealed envelope for Keepz, plain JSON for TransactPay).
    pub body: String,
    /// Every attempt so far.
    pub attempts: Vec<Attempt>,
    /// `pending`, `delivered` or `failed` (every attempt used).
    pub state: String,
}

/// The queue the delivery worker reads.
#[derive(Clone)]
pub struct DeliveryQueue(mpsc::UnboundedSender<u64>);

/// A new queue and its receiving end (for [`run_worker`]).
pub fn queue() -> (DeliveryQueue, mpsc::UnboundedReceiver<u64>) {
    let (tx, rx) = mpsc::unbounded_channel();
    (DeliveryQueue(tx), rx)
}

/// What a new delivery is.
pub struct NewDelivery<'a> {
    /// See [`Delivery::kind`].
    pub kind: &'a str,
    /// See [`Delivery::url`].
    pub url: &'a str,
    /// See [`Delivery::about`].
    pub about: &'a str,
    /// See [`Delivery::status`].
    pub status: &'a str,
    /// See [`Delivery::payload`].
    pub payload: payseal::RawJson,
    /// See [`Delivery::body`].
    pub body: String,
}

impl DeliveryQueue {
    /// Logs a delivery as pending and queues it.
    pub fn send(&self, world: &mut World, new: NewDelivery<'_>) {
        let id = world.next_delivery_id();
        world.put_delivery(
            id,
            Delivery {
                id,
                kind: new.kind.into(),
                url: new.url.into(),
                about: new.about.into(),
                status: new.status.into(),
                payload: new.payload,
                body: new.body,
                attempts: Vec::new(),
                state: "pending".into(),
            },
        );
        let _ = self.0.send(id);
    }
}

/// Whether `url` may be posted to: plain `http://` to a loopback host, or anywhere when allowed.
fn check_target(url: &str, allow_remote: bool) -> Result<hyper::Uri, String> {
    let uri: hyper::Uri = url.parse().map_err(|_| format!("{url:?} is not a URL"))?;
    if uri.scheme_str() != Some("http") {
        return Err("the sandbox posts over plain http:// only".into());
    }
    let host = uri.host().unwrap_or_default();
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if !loopback && !allow_remote {
        return Err(format!(
            "{host} is not a loopback host; start the sandbox with --allow-remote-callbacks to \
             post there"
        ));
    }
    Ok(uri)
}

/// Sends one HTTP/1.1 request and reads the answer: `(status, body)`.
pub async fn request(
    method: &str,
    uri: hyper::Uri,
    body: Option<String>,
) -> Result<(u16, String), String> {
    let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
    let mut builder = hyper::Request::builder().method(method).uri(uri).header(
        "user-agent",
        concat!("payseal-sandbox/", env!("CARGO_PKG_VERSION")),
    );
    if body.is_some() {
        builder = builder.header("content-type", "application/json");
    }
    let request = builder
        .body(Full::new(Bytes::from(body.unwrap_or_default())))
        .map_err(|e| e.to_string())?;
    let exchange = async {
        let response = client.request(request).await.map_err(|e| {
            let mut text = e.to_string();
            if let Some(source) = std::error::Error::source(&e) {
                text = format!("{text}: {source}");
            }
            text
        })?;
        let status = response.status().as_u16();
        let bytes = response
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        Ok::<_, String>((status, String::from_utf8_lossy(&bytes).into_owned()))
    };
    tokio::time::timeout(ATTEMPT_TIMEOUT, exchange)
        .await
        .map_err(|_| format!("no answer within {} s", ATTEMPT_TIMEOUT.as_secs()))?
}

/// One attempt at a delivery.
async fn attempt(app: &App, url: &str, body: &str) -> Attempt {
    let at = crate::clock::now_unix();
    let result = match check_target(url, app.config.allow_remote_callbacks) {
        Ok(uri) => request("POST", uri, Some(body.to_string())).await,
        Err(e) => Err(e),
    };
    match result {
        Ok((status, _)) if (200..300).contains(&status) => Attempt {
            at,
            http_status: Some(status),
            error: None,
        },
        Ok((status, answer)) => Attempt {
            at,
            http_status: Some(status),
            error: Some(format!(
                "HTTP {status}: {}",
                answer.chars().take(ANSWER_LOG_LIMIT).collect::<String>()
            )),
        },
        Err(error) => Attempt {
            at,
            http_status: None,
            error: Some(error),
        },
    }
}

/// Where a delivery goes and what it posts.
fn target(app: &App, id: u64) -> Option<(String, String)> {
    app.world()
        .deliveries
        .get(&id)
        .map(|d| (d.url.clone(), d.body.clone()))
}

/// Logs an attempt (the lock is taken and released here, never across an `.await`).
fn record(app: &App, id: u64, result: Attempt, done: bool, last: bool) {
    let mut world = app.world();
    if let Some(mut delivery) = world.deliveries.get(&id).cloned() {
        delivery.attempts.push(result);
        if done {
            delivery.state = "delivered".into();
        } else if last {
            delivery.state = "failed".into();
        }
        world.put_delivery(id, delivery);
    }
}

/// Sends queued deliveries one after the other, for as long as the sandbox runs.
pub async fn run_worker(app: Arc<App>, mut queue: mpsc::UnboundedReceiver<u64>) {
    while let Some(id) = queue.recv().await {
        let Some((url, body)) = target(&app, id) else {
            continue;
        };
        let attempts = app.config.delivery_attempts.max(1);
        for n in 0..attempts {
            let result = attempt(&app, &url, &body).await;
            let done = result.error.is_none();
            record(&app, id, result, done, n + 1 == attempts);
            if done {
                break;
            }
            if n + 1 < attempts {
                let wait = app.config.delivery_retry_ms.saturating_mul(1 << n.min(16));
                tokio::time::sleep(Duration::from_millis(wait)).await;
            }
        }
    }
}

/// Deliveries left pending by a previous run (with `--state`) are queued again.
pub fn requeue_pending(app: &App) {
    let world = app.world();
    for delivery in world.deliveries.values().filter(|d| d.state == "pending") {
        let _ = app.deliveries.0.send(delivery.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_unless_allowed() {
        for ok in [
            "http://127.0.0.1:9/cb",
            "http://localhost/cb",
            "http://[::1]:80/x",
            "http://127.8.9.10/",
        ] {
            assert!(check_target(ok, false).is_ok(), "{ok}");
        }
        for refused in [
            "http://10.0.0.1/cb",
            "http://example.com/",
            "https://127.0.0.1/",
        ] {
            assert!(check_target(refused, false).is_err(), "{refused}");
        }
        assert!(check_target("http://example.com/", true).is_ok());
        assert!(check_target("not a url", true).is_err());
    }
}
