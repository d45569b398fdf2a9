//! Keepz, on its real paths: `/ecommerce-service` + each operation's path from payseal's own
//! endpoint table (so the sandbox cannot serve a path payseal would not send to).

mod answer;
mod decode;
pub mod events;
mod handlers;
pub mod machine;

pub use answer::error as error_response;

use crate::app::App;
use axum::Router;
use payseal::keepz::api::{
    CANCEL_ORDER, CREATE_ORDER, Endpoint, ORDER_STATUS, REFUND, REVOKE_SUBSCRIPTION, SAVED_CARD,
    SAVED_CARD_DISTRIBUTOR, SUBSCRIPTION_HISTORY,
};
use std::sync::Arc;

/// The path prefix of Keepz's base URL (`https://gateway.keepz.me/ecommerce-service`).
pub const PREFIX: &str = "/ecommerce-service";

/// Adds `handler` at the endpoint's path (below [`PREFIX`]) and method.
fn route<H, T>(router: Router<Arc<App>>, endpoint: &Endpoint, handler: H) -> Router<Arc<App>>
where
    H: axum::handler::Handler<T, Arc<App>>,
    T: 'static,
{
    let path = format!("{PREFIX}{}", endpoint.path);
    crate::server::route(router, &path, endpoint.method, handler)
}

/// The Keepz routes.
pub fn routes() -> Router<Arc<App>> {
    let mut router = Router::new();
    router = route(router, &CREATE_ORDER, handlers::create_order);
    router = route(router, &ORDER_STATUS, handlers::order_status);
    router = route(router, &CANCEL_ORDER, handlers::cancel_order);
    router = route(router, &REFUND, handlers::refund);
    router = route(router, &SAVED_CARD, handlers::saved_card);
    router = route(router, &SAVED_CARD_DISTRIBUTOR, handlers::saved_card);
    router = route(
        router,
        &SUBSCRIPTION_HISTORY,
        handlers::subscription_history,
    );
    route(router, &REVOKE_SUBSCRIPTION, handlers::revoke_subscription)
}
