//! What follows a change of a TransactPay order: the webhook, in the verify shape, to the URL set
//! as in the dashboard (`--transactpay-webhook` or the control API).

use super::machine::{TpEvent, TpFailure, TpOrder, codes};
use super::shapes;
use crate::app::App;
use crate::exact::raw_json;
use crate::notify::NewDelivery;
use crate::state::World;
use payseal::transactpay::api::TransactPayWebhook;

/// The checkout page of an order (by its `paymentReference`, which needs no escaping).
pub fn checkout_url(app: &App, order: &TpOrder) -> String {
    format!(
        "{}/checkout/transactpay/{}",
        app.public_url, order.payment_reference
    )
}

/// The order with this `reference`, or TransactPay's "not found".
pub fn find(world: &World, reference: &str) -> Result<TpOrder, TpFailure> {
    world
        .tp_orders
        .get(reference)
        .cloned()
        .ok_or_else(|| TpFailure::new(404, codes::NOT_FOUND, "Order not found"))
}

/// Applies `event` to the order `reference`, and sends a webhook when its status changed.
pub fn transition(
    app: &App,
    world: &mut World,
    reference: &str,
    event: TpEvent,
) -> Result<TpOrder, TpFailure> {
    let mut order = find(world, reference)?;
    let before = order.status;
    order.apply(event, crate::clock::now_unix())?;
    world.put_tp_order(reference.to_string(), order.clone());
    if order.status != before {
        send_webhook(app, world, &order);
    }
    Ok(order)
}

fn send_webhook(app: &App, world: &mut World, order: &TpOrder) {
    let Some(url) = world.settings.transactpay_webhook.clone() else {
        return;
    };
    let webhook = TransactPayWebhook {
        data: shapes::verify(order, &checkout_url(app, order)),
    };
    let body = serde_json::to_string(&webhook).unwrap_or_default();
    app.deliveries.send(
        world,
        NewDelivery {
            kind: "transactpay_webhook",
            url: &url,
            about: &order.request.order.reference,
            status: shapes::status_text(order.status),
            payload: raw_json(&webhook),
            body,
        },
    );
}
