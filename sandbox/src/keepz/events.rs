//! What follows a change of a Keepz order: the card it saved, the subscription it started, the
//! refund that settles later, and a callback sealed to the integrator for each new status.

use super::machine::{ChargeRecord, Event, KeepzOrder, Subscription, keepz_error};
use crate::app::App;
use crate::clock;
use crate::exact::raw_json;
use crate::notify::NewDelivery;
use crate::state::{SavedCardRecord, World};
use payseal::keepz::KeepzApiError;
use payseal::keepz::api::{
    CardInfo, Currency, OrderCallback, OrderStatus, SavedCard, SubscriptionCallback,
    SubscriptionCharge, new_order_id,
};
use std::sync::Arc;
use std::time::Duration;

/// The card every sandbox payment is made with (a Visa test number).
fn test_card(token: String) -> SavedCard {
    SavedCard {
        token,
        provider: Some("CREDO".into()),
        card_mask: Some("411111******1111".into()),
        expiration_date: Some("12/30".into()),
        card_brand: Some("VISA".into()),
    }
}

/// Applies `event` to the order `key` (lower-case id): the status, then everything that follows
/// from it. `save_card` is the payer's choice on the checkout page (honoured only when the order
/// asked for `saveCard`).
pub fn transition(
    app: &Arc<App>,
    world: &mut World,
    key: &str,
    event: Event,
    save_card: bool,
) -> Result<OrderStatus, KeepzApiError> {
    let mut order = world
        .keepz_orders
        .get(key)
        .cloned()
        .ok_or_else(|| keepz_error(6005, None))?;
    let before = order.status.clone();
    let now = clock::now_unix();
    order.apply(&event, now)?;
    let after = order.status.clone();
    if before == after {
        return Ok(after);
    }
    let mut subscription = None;
    if after == OrderStatus::Success {
        if save_card && order.request.save_card == Some(true) && order.card_token.is_none() {
            let token = new_order_id().unwrap_or_default();
            world.put_card(
                token.clone(),
                SavedCardRecord {
                    integrator_order_id: order.request.integrator_order_id.clone(),
                    card: test_card(token.clone()),
                },
            );
            order.card_token = Some(token);
        }
        if let Some(plan) = order.request.subscription_plan.clone() {
            let id = new_order_id().unwrap_or_default();
            let first = ChargeRecord {
                history_id: new_order_id().unwrap_or_default(),
                charge: SubscriptionCharge {
                    time: Some(clock::to_naive(now).to_string()),
                    status: Some("SUCCESS".into()),
                    refund_time: None,
                    refunded_amount: None,
                    fail_reason: None,
                },
            };
            let sub = Subscription {
                id: id.clone(),
                integrator_order_id: order.request.integrator_order_id.clone(),
                plan,
                charges: vec![first],
                revoked: false,
            };
            order.subscription_id = Some(id.clone());
            world.put_subscription(id, sub.clone());
            subscription = Some(sub);
        }
    }
    if after == OrderStatus::RefundRequested {
        schedule_refund_settlement(app, key.to_string());
    }
    world.put_keepz_order(key.to_string(), order.clone());
    send_order_callback(app, world, &order);
    if let Some(sub) = subscription {
        send_subscription_callback(app, world, &sub, &order);
    }
    Ok(after)
}

/// The refund settles after `--refund-settle-ms` (unless a test settled it already).
fn schedule_refund_settlement(app: &Arc<App>, key: String) {
    let app = Arc::clone(app);
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(app.config.refund_settle_ms)).await;
        let mut world = app.world();
        if world
            .keepz_orders
            .get(&key)
            .is_some_and(|o| o.status == OrderStatus::RefundRequested)
        {
            let _ = transition(&app, &mut world, &key, Event::SettleRefund, false);
        }
    });
}

/// Posts the order's new status to its `callbackUri`, sealed to the integrator's key.
fn send_order_callback(app: &App, world: &mut World, order: &KeepzOrder) {
    let Some(url) = order.request.callback_uri.clone() else {
        return;
    };
    let request = &order.request;
    let currency = request.currency.unwrap_or(Currency::Gel);
    let card_info = order
        .card_token
        .as_ref()
        .and_then(|token| world.cards.get(token))
        .map(|record| CardInfo {
            token: Some(record.card.token.clone()),
            provider: record.card.provider.clone(),
            card_mask: record.card.card_mask.clone(),
            expiration_date: record.card.expiration_date.clone(),
            card_brand: record.card.card_brand.clone(),
        });
    let callback = OrderCallback {
        integrator_order_id: request.integrator_order_id.clone(),
        integrator_id: Some(request.integrator_id.clone()),
        status: Some(order.status.clone()),
        amount: Some(request.amount),
        receiver_id: Some(request.receiver_id.clone()),
        receiver_type: Some(request.receiver_type.as_str().to_string()),
        card_info,
        initial_currency: Some(currency.as_str().to_string()),
        acquiring_currency: Some(
            request
                .acquiring_currency
                .unwrap_or(currency)
                .as_str()
                .to_string(),
        ),
        acquiring_amount: Some(request.amount),
    };
    send(
        app,
        world,
        "keepz_callback",
        &url,
        &callback.integrator_order_id,
        order.status.as_str(),
        &callback,
    );
}

/// Posts a subscription charge to the order's `callbackUri`.
fn send_subscription_callback(
    app: &App,
    world: &mut World,
    sub: &Subscription,
    order: &KeepzOrder,
) {
    let Some(url) = order.request.callback_uri.clone() else {
        return;
    };
    let Some(last) = sub.charges.last() else {
        return;
    };
    let status = last.charge.status.clone().unwrap_or_default();
    let callback = SubscriptionCallback {
        subscription_id: sub.id.clone(),
        history_id: Some(last.history_id.clone()),
        status: Some(OrderStatus::from_wire(&status)),
        amount: Some(sub.plan.amount),
    };
    send(
        app,
        world,
        "keepz_subscription_callback",
        &url,
        &sub.id,
        &status,
        &callback,
    );
}

fn send<T: serde::Serialize>(
    app: &App,
    world: &mut World,
    kind: &str,
    url: &str,
    about: &str,
    status: &str,
    payload: &T,
) {
    let Ok(envelope) = app.keepz.seal(payload) else {
        eprintln!("payseal-sandbox: cannot seal a callback for {about}");
        return;
    };
    app.deliveries.send(
        world,
        NewDelivery {
            kind,
            url,
            about,
            status,
            payload: raw_json(payload),
            body: envelope.to_json_body(),
        },
    );
}

/// Charges a subscription again (the control API's stand-in for the next period): `failure` makes
/// it a failed charge with that reason.
pub fn charge_subscription(
    app: &App,
    world: &mut World,
    id: &str,
    failure: Option<String>,
) -> Result<(), String> {
    let mut sub = world
        .subscriptions
        .get(id)
        .cloned()
        .ok_or_else(|| format!("no subscription {id}"))?;
    if sub.revoked {
        return Err(format!("subscription {id} is revoked"));
    }
    sub.charges.push(ChargeRecord {
        history_id: new_order_id().unwrap_or_default(),
        charge: SubscriptionCharge {
            time: Some(clock::to_naive(clock::now_unix()).to_string()),
            status: Some(
                if failure.is_some() {
                    "FAILED"
                } else {
                    "SUCCESS"
                }
                .into(),
            ),
            refund_time: None,
            refunded_amount: None,
            fail_reason: failure,
        },
    });
    world.put_subscription(id.to_string(), sub.clone());
    if let Some(order) = world
        .keepz_orders
        .get(&sub.integrator_order_id.to_lowercase())
        .cloned()
    {
        send_subscription_callback(app, world, &sub, &order);
    }
    Ok(())
}

/// Expires overdue open orders, twice a second, for as long as the sandbox runs.
pub async fn run_expiry(app: Arc<App>) {
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    loop {
        tick.tick().await;
        let now = clock::now_unix();
        let mut world = app.world();
        let overdue: Vec<String> = world
            .keepz_orders
            .iter()
            .filter(|(_, o)| o.is_open() && o.is_overdue(now))
            .map(|(k, _)| k.clone())
            .collect();
        for key in overdue {
            let _ = transition(&app, &mut world, &key, Event::Expire, false);
        }
    }
}
