//! The seven Keepz endpoints, on their real paths below `/ecommerce-service`.

use super::answer;
use super::decode::{Incoming, check_integrator, open, validation_code};
use super::events::transition;
use super::machine::{Event, KeepzOrder, keepz_error};
use crate::app::App;
use crate::faults::{Gateway, intercept};
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use payseal::keepz::KeepzApiError;
use payseal::keepz::api::{
    CancelOrderRequest, CreateOrderRequest, CreateOrderResponse, KeepzRequest, OrderStatusRequest,
    OrderStatusResponse, ReceiverType, RefundRequest, RefundResponse, RevokeSubscriptionRequest,
    SavedCardRequest, SubscriptionHistory, SubscriptionHistoryRequest,
};
use std::sync::Arc;

/// The checkout page of an order.
fn checkout_url(app: &App, integrator_order_id: &str) -> String {
    format!("{}/checkout/keepz/{integrator_order_id}", app.public_url)
}

/// Runs `handle` after the fault queue had its say; the result is sealed, or Keepz's error.
async fn serve<T: serde::Serialize>(
    app: Arc<App>,
    handle: impl FnOnce(&Arc<App>) -> Result<T, KeepzApiError>,
) -> Response {
    let wrong_key = match intercept(&app, Gateway::Keepz).await {
        Ok(wrong_key) => wrong_key,
        Err(response) => return response,
    };
    match handle(&app) {
        Ok(payload) => answer::sealed(&app, &payload, wrong_key),
        Err(e) => answer::error(&e),
    }
}

fn query(raw: &Option<String>) -> Incoming<'_> {
    Incoming::Query(raw.as_deref().unwrap_or(""))
}

/// POST `/api/integrator/order`.
pub async fn create_order(State(app): State<Arc<App>>, body: Bytes) -> Response {
    serve(app, |app| {
        let request: CreateOrderRequest = open(app, Incoming::Body(&body), 6049)?;
        let mut amounts = vec![&request.amount];
        amounts.extend(request.split_details.iter().flatten().map(|s| &s.amount));
        amounts.extend(request.subscription_plan.iter().map(|p| &p.amount));
        request.validate().map_err(|e| {
            let otherwise = if request.receiver_type == ReceiverType::Branch {
                6049
            } else {
                6024
            };
            keepz_error(validation_code(&e, &amounts, otherwise), None)
        })?;
        check_integrator(app, Some(&request.integrator_id))?;
        let now = crate::clock::now_unix();
        let order = KeepzOrder::new(request.clone(), now);
        if order.is_overdue(now) {
            return Err(keepz_error(6035, None));
        }
        let key = request.integrator_order_id.to_lowercase();
        let mut world = app.world();
        if world.keepz_orders.contains_key(&key) {
            return Err(keepz_error(6023, None));
        }
        let token = request.card_token.as_ref().map(|t| t.to_lowercase());
        if token.as_ref().is_some_and(|t| !world.cards.contains_key(t)) {
            return Err(keepz_error(6075, None));
        }
        world.put_keepz_order(key.clone(), order);
        if token.is_some() {
            // A saved card pays at once: no checkout page, a callback as for any payment.
            transition(app, &mut world, &key, Event::Pay, false)?;
        }
        Ok(CreateOrderResponse {
            integrator_order_id: Some(request.integrator_order_id.clone()),
            url_for_qr: checkout_url(app, &request.integrator_order_id),
        })
    })
    .await
}

/// Finds an order by the ids of a status or cancel request (6005, or `missing`).
fn status_of(
    app: &Arc<App>,
    integrator_id: &str,
    integrator_order_id: &str,
    event: Option<Event>,
    missing: i64,
) -> Result<OrderStatusResponse, KeepzApiError> {
    check_integrator(app, Some(integrator_id))?;
    let key = integrator_order_id.to_lowercase();
    let mut world = app.world();
    if !world.keepz_orders.contains_key(&key) {
        return Err(keepz_error(missing, None));
    }
    let status = match event {
        Some(event) => transition(app, &mut world, &key, event, false)?,
        None => world.keepz_orders[&key].status.clone(),
    };
    Ok(OrderStatusResponse {
        integrator_order_id: Some(integrator_order_id.to_string()),
        status,
    })
}

/// GET `/api/integrator/order/status`.
pub async fn order_status(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    serve(app, |app| {
        let request: OrderStatusRequest = open(app, query(&raw), 6011)?;
        request.validate().map_err(|_| keepz_error(6005, None))?;
        status_of(
            app,
            &request.integrator_id,
            &request.integrator_order_id,
            None,
            6005,
        )
    })
    .await
}

/// DELETE `/api/integrator/order/cancel`.
pub async fn cancel_order(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    serve(app, |app| {
        let request: CancelOrderRequest = open(app, query(&raw), 6011)?;
        request.validate().map_err(|_| keepz_error(6006, None))?;
        status_of(
            app,
            &request.integrator_id,
            &request.integrator_order_id,
            Some(Event::Cancel),
            6006,
        )
    })
    .await
}

/// POST `/api/integrator/order/refund/v2`.
pub async fn refund(State(app): State<Arc<App>>, body: Bytes) -> Response {
    serve(app, |app| {
        let request: RefundRequest = open(app, Incoming::Body(&body), 6011)?;
        let mut amounts = vec![&request.amount];
        amounts.extend(request.refund_details.iter().flatten().map(|d| &d.amount));
        request
            .validate()
            .map_err(|e| keepz_error(validation_code(&e, &amounts, 6007), None))?;
        check_integrator(app, Some(&request.integrator_id))?;
        let key = request.integrator_order_id.to_lowercase();
        let mut world = app.world();
        if !world.keepz_orders.contains_key(&key) {
            return Err(keepz_error(6005, None));
        }
        let status = transition(
            app,
            &mut world,
            &key,
            Event::RequestRefund(request.amount),
            false,
        )?;
        Ok(RefundResponse {
            status: Some(status),
            error_message: None,
        })
    })
    .await
}

/// GET `/api/v1/integrator/card/order-id` (and the path one documentation page gives).
pub async fn saved_card(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    serve(app, |app| {
        let request: SavedCardRequest = open(app, query(&raw), 6011)?;
        request.validate().map_err(|_| keepz_error(6075, None))?;
        let world = app.world();
        world
            .keepz_orders
            .get(&request.integrator_order_id.to_lowercase())
            .and_then(|order| order.card_token.as_ref())
            .and_then(|token| world.cards.get(token))
            .map(|record| record.card.clone())
            .ok_or_else(|| keepz_error(6075, None))
    })
    .await
}

/// POST `/api/v1/integrator/subscription/history`.
pub async fn subscription_history(State(app): State<Arc<App>>, body: Bytes) -> Response {
    serve(app, |app| {
        let request: SubscriptionHistoryRequest = open(app, Incoming::Body(&body), 6011)?;
        request.validate().map_err(|_| keepz_error(6100, None))?;
        let world = app.world();
        let sub = world
            .subscriptions
            .get(&request.subscription_id)
            .ok_or_else(|| keepz_error(6100, None))?;
        Ok(SubscriptionHistory(
            sub.charges.iter().map(|c| c.charge.clone()).collect(),
        ))
    })
    .await
}

/// POST `/api/v1/integrator/subscription/revoke`: HTTP 200 with an empty body.
pub async fn revoke_subscription(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let wrong_key = match intercept(&app, Gateway::Keepz).await {
        Ok(wrong_key) => wrong_key,
        Err(response) => return response,
    };
    let _ = wrong_key; // nothing is sealed: the answer is empty
    let result = (|| {
        let request: RevokeSubscriptionRequest = open(&app, Incoming::Body(&body), 6011)?;
        request.validate().map_err(|_| keepz_error(6100, None))?;
        let mut world = app.world();
        let mut sub = world
            .subscriptions
            .get(&request.subscription_id)
            .cloned()
            .ok_or_else(|| keepz_error(6100, None))?;
        sub.revoked = true;
        world.put_subscription(sub.id.clone(), sub);
        Ok::<_, KeepzApiError>(())
    })();
    match result {
        Ok(()) => answer::empty(),
        Err(e) => answer::error(&e),
    }
}
