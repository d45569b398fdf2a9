//! The checkout page behind each order's `urlForQR` (Keepz) and payment URL (TransactPay): a
//! small HTML page where a person — or a browser test — pays, declines or abandons the order, and
//! may save the card when the order asked for it. Buttons and the status carry ids (`#pay`,
//! `#fail`, `#abandon`, `#save-card`, `#status`) for tests to find.
//!
//! After paying, the page shows the result and a link back to the shop (`#return`, the order's
//! redirect URL) rather than redirecting on its own.

use crate::app::App;
use crate::keepz::events::transition as keepz_transition;
use crate::keepz::machine::Event;
use crate::transactpay::events::transition as tp_transition;
use crate::transactpay::machine::TpEvent;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;
use std::sync::Arc;

/// The routes of both checkout pages.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/checkout/keepz/{id}", get(keepz_page).post(keepz_act))
        .route(
            "/checkout/transactpay/{payment_reference}",
            get(tp_page).post(tp_act),
        )
}

/// What the page's form posts.
#[derive(Deserialize)]
struct Action {
    action: String,
    #[serde(rename = "saveCard", default)]
    save_card: Option<String>,
}

/// Text for HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Everything a page shows.
struct Page<'a> {
    gateway: &'a str,
    order: &'a str,
    amount: String,
    currency: &'a str,
    status: &'a str,
    open: bool,
    offer_save_card: bool,
    return_url: Option<&'a str>,
    notice: Option<&'a str>,
}

fn render(page: &Page<'_>) -> String {
    let form = if page.open {
        let save = if page.offer_save_card {
            "<p><label><input type=\"checkbox\" id=\"save-card\" name=\"saveCard\" checked> \
             Save this card for later payments</label></p>"
        } else {
            ""
        };
        format!(
            "<form method=\"post\">\
             <p class=\"card\">Test card: VISA 4111 1111 1111 1111, 12/30</p>{save}\
             <button id=\"pay\" name=\"action\" value=\"pay\">Pay</button> \
             <button id=\"fail\" name=\"action\" value=\"fail\">Decline</button> \
             <button id=\"abandon\" name=\"action\" value=\"abandon\">Abandon</button>\
             </form>"
        )
    } else {
        String::new()
    };
    let back = page
        .return_url
        .filter(|_| !page.open)
        .map(|url| {
            format!(
                "<p><a id=\"return\" href=\"{}\">Return to the shop</a></p>",
                escape(url)
            )
        })
        .unwrap_or_default();
    let notice = page
        .notice
        .map(|n| format!("<p id=\"notice\">{}</p>", escape(n)))
        .unwrap_or_default();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{gateway} checkout — payseal sandbox</title>\
         <style>body{{font-family:sans-serif;max-width:32em;margin:2em auto}}\
         .amount{{font-size:2em}}button{{font-size:1.2em;margin-right:.5em}}</style></head>\
         <body><main><h1>{gateway} checkout <small>(payseal sandbox)</small></h1>\
         <p>Order <code id=\"order\">{order}</code></p>\
         <p class=\"amount\"><span id=\"amount\">{amount}</span> <span id=\"currency\">{currency}</span></p>\
         <p>Status: <strong id=\"status\">{status}</strong></p>{notice}{form}{back}</main></body></html>",
        gateway = escape(page.gateway),
        order = escape(page.order),
        amount = escape(&page.amount),
        currency = escape(page.currency),
        status = escape(page.status),
    )
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, Html("<p>No such order.</p>")).into_response()
}

fn keepz_render(app: &App, id: &str, notice: Option<&str>) -> Response {
    let world = app.world();
    let Some(order) = world.keepz_orders.get(&id.to_lowercase()) else {
        return not_found();
    };
    let request = &order.request;
    let return_url = match order.status {
        payseal::keepz::api::OrderStatus::Success => request.success_redirect_uri.as_deref(),
        _ => request.fail_redirect_uri.as_deref(),
    };
    Html(render(&Page {
        gateway: "Keepz",
        order: &request.integrator_order_id,
        amount: request.amount.to_string(),
        currency: request.currency.map_or("GEL", |c| c.as_str()),
        status: order.status.as_str(),
        open: order.is_open(),
        offer_save_card: request.save_card == Some(true),
        return_url,
        notice,
    }))
    .into_response()
}

async fn keepz_page(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    keepz_render(&app, &id, None)
}

async fn keepz_act(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    Form(action): Form<Action>,
) -> Response {
    let event = match action.action.as_str() {
        "pay" => Event::Pay,
        "fail" => Event::Decline,
        "abandon" => return keepz_render(&app, &id, Some("You left the order unpaid.")),
        _ => return (StatusCode::BAD_REQUEST, "unknown action").into_response(),
    };
    let result = {
        let mut world = app.world();
        let key = id.to_lowercase();
        if !world.keepz_orders.contains_key(&key) {
            return not_found();
        }
        keepz_transition(&app, &mut world, &key, event, action.save_card.is_some())
    };
    match result {
        Ok(_) => Redirect::to(&format!("/checkout/keepz/{id}")).into_response(),
        Err(e) => keepz_render(&app, &id, Some(&e.message)),
    }
}

/// The order reference of a payment reference.
fn tp_reference(app: &App, payment_reference: &str) -> Option<String> {
    app.world()
        .tp_orders
        .iter()
        .find(|(_, o)| o.payment_reference == payment_reference)
        .map(|(r, _)| r.clone())
}

fn tp_render(app: &App, payment_reference: &str, notice: Option<&str>) -> Response {
    let Some(reference) = tp_reference(app, payment_reference) else {
        return not_found();
    };
    let world = app.world();
    let order = &world.tp_orders[&reference];
    let request = &order.request;
    let open = order.status == payseal::transactpay::api::StatusId::Pending;
    Html(render(&Page {
        gateway: "TransactPay",
        order: &request.order.reference,
        amount: order.charged().to_string(),
        currency: &request.order.currency,
        status: crate::transactpay::shapes_status_text(order.status),
        open,
        offer_save_card: false,
        return_url: Some(&request.payment.redirect_url),
        notice,
    }))
    .into_response()
}

async fn tp_page(State(app): State<Arc<App>>, Path(payment_reference): Path<String>) -> Response {
    tp_render(&app, &payment_reference, None)
}

async fn tp_act(
    State(app): State<Arc<App>>,
    Path(payment_reference): Path<String>,
    Form(action): Form<Action>,
) -> Response {
    let paid = match action.action.as_str() {
        "pay" => true,
        "fail" => false,
        "abandon" => {
            return tp_render(&app, &payment_reference, Some("You left the order unpaid."));
        }
        _ => return (StatusCode::BAD_REQUEST, "unknown action").into_response(),
    };
    let Some(reference) = tp_reference(&app, &payment_reference) else {
        return not_found();
    };
    let result = tp_transition(&app, &mut app.world(), &reference, TpEvent::Complete(paid));
    match result {
        Ok(_) => {
            Redirect::to(&format!("/checkout/transactpay/{payment_reference}")).into_response()
        }
        Err(e) => tp_render(&app, &payment_reference, Some(&e.message)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_from_the_order() {
        let html = render(&Page {
            gateway: "Keepz",
            order: "<script>",
            amount: "1".into(),
            currency: "GEL",
            status: "SUCCESS",
            open: false,
            offer_save_card: false,
            return_url: Some("https://shop.example/?a=1&b=\"2\""),
            notice: None,
        });
        assert!(!html.contains("<script>"));
        assert!(html.contains("a=1&amp;b=&quot;2&quot;"));
        assert!(!html.contains("id=\"pay\""));
    }
}
