//! The control API for tests, below `/_sandbox`: look at orders, advance or expire them, charge
//! subscriptions, set the webhook URL, queue faults, read the delivery log, and a sink that
//! records whatever is posted to it (a callback URL for tests that run no server of their own).

pub mod client;

use crate::app::App;
use crate::faults::FaultSpec;
use crate::keepz::events::{charge_subscription, transition as keepz_transition};
use crate::keepz::machine::Event;
use crate::state::{Settings, SinkMessage};
use crate::transactpay::events::transition as tp_transition;
use crate::transactpay::machine::TpEvent;
use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use payseal::keepz::api::OrderStatus;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// The control routes.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/_sandbox", get(ready))
        .route("/_sandbox/keepz/orders", get(keepz_orders))
        .route("/_sandbox/keepz/orders/{id}", get(keepz_order))
        .route("/_sandbox/keepz/orders/{id}/advance", post(keepz_advance))
        .route("/_sandbox/keepz/orders/{id}/expire", post(keepz_expire))
        .route("/_sandbox/keepz/cards", get(keepz_cards))
        .route("/_sandbox/keepz/subscriptions", get(keepz_subscriptions))
        .route(
            "/_sandbox/keepz/subscriptions/{id}/charge",
            post(keepz_charge),
        )
        .route("/_sandbox/transactpay/orders", get(tp_orders))
        .route("/_sandbox/transactpay/orders/{reference}", get(tp_order))
        .route(
            "/_sandbox/transactpay/orders/{reference}/advance",
            post(tp_advance),
        )
        .route(
            "/_sandbox/transactpay/webhook",
            get(tp_webhook).put(set_tp_webhook),
        )
        .route(
            "/_sandbox/faults",
            get(faults).post(add_fault).delete(clear_faults),
        )
        .route("/_sandbox/deliveries", get(deliveries))
        .route("/_sandbox/sink/{name}", get(sink).post(to_sink))
        .route("/_sandbox/sink/{name}/{index}", get(sink_body))
}

/// `{"error": message}` with `status`.
fn refuse(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(serde_json::json!({ "error": message.into() }))).into_response()
}

/// The body as JSON of type `T`; an empty body is `T::default()`.
/// (Boxed: a `Response` is large for an `Err`.)
fn body_or_default<T: for<'de> Deserialize<'de> + Default>(
    body: &[u8],
) -> Result<T, Box<Response>> {
    if body.trim_ascii().is_empty() {
        return Ok(T::default());
    }
    serde_json::from_slice(body).map_err(|e| {
        Box::new(refuse(
            StatusCode::BAD_REQUEST,
            format!("the body is not what this takes: {e}"),
        ))
    })
}

async fn ready(State(app): State<Arc<App>>) -> Response {
    Json(app.ready.clone()).into_response()
}

async fn keepz_orders(State(app): State<Arc<App>>) -> Response {
    Json(app.world().keepz_orders.clone()).into_response()
}

async fn keepz_order(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    match app.world().keepz_orders.get(&id.to_lowercase()) {
        Some(order) => Json(order.clone()).into_response(),
        None => refuse(StatusCode::NOT_FOUND, format!("no Keepz order {id}")),
    }
}

/// `POST …/advance`: `{"status": "SUCCESS", "saveCard": true}`, or nothing for the next step.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Advance {
    status: Option<String>,
    #[serde(default)]
    save_card: bool,
    #[serde(default)]
    status_id: Option<i64>,
}

/// The event that moves an order to `target`, or one step on.
fn keepz_event(current: &OrderStatus, target: Option<&str>) -> Result<Event, String> {
    let target = match target {
        Some(t) => OrderStatus::from_wire(t),
        None => match current {
            OrderStatus::Initial => OrderStatus::Processing,
            OrderStatus::Processing => OrderStatus::Success,
            OrderStatus::RefundRequested => OrderStatus::RefundedByIntegrator,
            other => return Err(format!("a {other} order has no next step")),
        },
    };
    Ok(match target {
        OrderStatus::Processing => Event::Process,
        OrderStatus::Success => Event::Pay,
        OrderStatus::Failed => Event::Decline,
        OrderStatus::Expired => Event::Expire,
        OrderStatus::Canceled => Event::Cancel,
        OrderStatus::RefundedByIntegrator | OrderStatus::PartiallyRefunded => Event::SettleRefund,
        other => {
            return Err(format!(
                "cannot move an order to {other} (use the Keepz API for refunds)"
            ));
        }
    })
}

fn keepz_step(app: &Arc<App>, id: &str, advance: &Advance, force: Option<&str>) -> Response {
    let key = id.to_lowercase();
    let mut world = app.world();
    let Some(order) = world.keepz_orders.get(&key) else {
        return refuse(StatusCode::NOT_FOUND, format!("no Keepz order {id}"));
    };
    let event = match keepz_event(&order.status, force.or(advance.status.as_deref())) {
        Ok(event) => event,
        Err(e) => return refuse(StatusCode::CONFLICT, e),
    };
    match keepz_transition(app, &mut world, &key, event, advance.save_card) {
        Ok(status) => Json(serde_json::json!({ "status": status.as_str() })).into_response(),
        Err(e) => refuse(StatusCode::CONFLICT, e.message),
    }
}

async fn keepz_advance(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    match body_or_default::<Advance>(&body) {
        Ok(advance) => keepz_step(&app, &id, &advance, None),
        Err(response) => *response,
    }
}

async fn keepz_expire(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    keepz_step(&app, &id, &Advance::default(), Some("EXPIRED"))
}

async fn keepz_cards(State(app): State<Arc<App>>) -> Response {
    Json(app.world().cards.clone()).into_response()
}

async fn keepz_subscriptions(State(app): State<Arc<App>>) -> Response {
    Json(app.world().subscriptions.clone()).into_response()
}

/// `POST …/charge`: `{"failReason": "..."}` for a failed charge, nothing for a paid one.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Charge {
    fail_reason: Option<String>,
}

async fn keepz_charge(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let charge = match body_or_default::<Charge>(&body) {
        Ok(charge) => charge,
        Err(response) => return *response,
    };
    let mut world = app.world();
    match charge_subscription(&app, &mut world, &id, charge.fail_reason) {
        Ok(()) => Json(world.subscriptions.get(&id).cloned()).into_response(),
        Err(e) => refuse(StatusCode::CONFLICT, e),
    }
}

async fn tp_orders(State(app): State<Arc<App>>) -> Response {
    Json(app.world().tp_orders.clone()).into_response()
}

async fn tp_order(State(app): State<Arc<App>>, Path(reference): Path<String>) -> Response {
    match app.world().tp_orders.get(&reference) {
        Some(order) => Json(order.clone()).into_response(),
        None => refuse(
            StatusCode::NOT_FOUND,
            format!("no TransactPay order {reference}"),
        ),
    }
}

/// `POST …/advance`: `{"statusId": 4}` fails the pending payment; nothing (or 5) pays it.
async fn tp_advance(
    State(app): State<Arc<App>>,
    Path(reference): Path<String>,
    body: Bytes,
) -> Response {
    let advance = match body_or_default::<Advance>(&body) {
        Ok(advance) => advance,
        Err(response) => return *response,
    };
    let paid = match advance.status_id {
        None | Some(5) => true,
        Some(4) => false,
        Some(other) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                format!("statusId {other}: use 5 or 4"),
            );
        }
    };
    let mut world = app.world();
    match tp_transition(&app, &mut world, &reference, TpEvent::Complete(paid)) {
        Ok(order) => Json(serde_json::json!({ "statusId": order.status.number() })).into_response(),
        Err(e) => refuse(
            StatusCode::from_u16(e.http).unwrap_or(StatusCode::CONFLICT),
            e.message,
        ),
    }
}

/// `PUT /_sandbox/transactpay/webhook`: `{"url": "http://127.0.0.1:9000/hook"}` (or null).
#[derive(Deserialize, Default)]
struct Webhook {
    url: Option<String>,
}

async fn tp_webhook(State(app): State<Arc<App>>) -> Response {
    Json(serde_json::json!({ "url": app.world().settings.transactpay_webhook })).into_response()
}

async fn set_tp_webhook(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let webhook = match body_or_default::<Webhook>(&body) {
        Ok(webhook) => webhook,
        Err(response) => return *response,
    };
    app.world().set_settings(Settings {
        transactpay_webhook: webhook.url.clone(),
    });
    Json(serde_json::json!({ "url": webhook.url })).into_response()
}

async fn faults(State(app): State<Arc<App>>) -> Response {
    Json(app.faults().list().to_vec()).into_response()
}

async fn add_fault(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let spec: FaultSpec = match serde_json::from_slice(&body) {
        Ok(spec) => spec,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, format!("not a fault: {e}")),
    };
    let mut faults = app.faults();
    match faults.push(spec) {
        Ok(()) => Json(faults.list().to_vec()).into_response(),
        Err(e) => refuse(StatusCode::BAD_REQUEST, e),
    }
}

async fn clear_faults(State(app): State<Arc<App>>) -> Response {
    app.faults().clear();
    StatusCode::NO_CONTENT.into_response()
}

/// `GET /_sandbox/deliveries?about=ID&kind=KIND`: the log, oldest first.
async fn deliveries(
    State(app): State<Arc<App>>,
    Query(filter): Query<HashMap<String, String>>,
) -> Response {
    let world = app.world();
    let list: Vec<_> = world
        .deliveries
        .values()
        .filter(|d| {
            filter
                .get("about")
                .is_none_or(|a| d.about.eq_ignore_ascii_case(a))
        })
        .filter(|d| filter.get("kind").is_none_or(|k| &d.kind == k))
        .cloned()
        .collect();
    Json(list).into_response()
}

async fn sink(State(app): State<Arc<App>>, Path(name): Path<String>) -> Response {
    Json(app.world().sinks.get(&name).cloned().unwrap_or_default()).into_response()
}

/// `GET /_sandbox/sink/{name}/{index}`: one message's body exactly as it was posted (`index` from
/// 0, or `last`) — for shell tests that pipe a callback into `payseal keepz open`.
async fn sink_body(
    State(app): State<Arc<App>>,
    Path((name, index)): Path<(String, String)>,
) -> Response {
    let world = app.world();
    let list = world
        .sinks
        .get(&name)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let message = match index.as_str() {
        "last" => list.last(),
        n => n.parse::<usize>().ok().and_then(|n| list.get(n)),
    };
    match message {
        Some(m) => (
            [(
                header::CONTENT_TYPE,
                m.content_type
                    .clone()
                    .unwrap_or_else(|| "application/octet-stream".into()),
            )],
            m.body.clone(),
        )
            .into_response(),
        None => refuse(
            StatusCode::NOT_FOUND,
            format!("sink {name} has no message {index}"),
        ),
    }
}

async fn to_sink(
    State(app): State<Arc<App>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let message = SinkMessage {
        at: crate::clock::now_unix(),
        content_type: headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    app.world().push_sink(&name, message);
    StatusCode::OK.into_response()
}
