//! TransactPay, on the paths of payseal's endpoint table (`/payment/order/...`).

mod answer;
mod decode;
pub mod events;
mod handlers;
pub mod machine;
mod shapes;

pub use answer::failure_with as failure_response;
pub use shapes::status_text as shapes_status_text;

use crate::app::App;
use axum::Router;
use payseal::transactpay::api::{
    AUTHORIZE, CREATE_ORDER, ORDER_FEE, ORDER_STATUS, PAY, REFUND, TransactPayEndpoint, VERIFY,
};
use std::sync::Arc;

/// Adds `handler` at the endpoint's path and method.
fn route<H, T>(
    router: Router<Arc<App>>,
    endpoint: &TransactPayEndpoint,
    handler: H,
) -> Router<Arc<App>>
where
    H: axum::handler::Handler<T, Arc<App>>,
    T: 'static,
{
    crate::server::route(router, &endpoint.path, endpoint.method, handler)
}

/// The TransactPay routes.
pub fn routes() -> Router<Arc<App>> {
    let mut router = Router::new();
    router = route(router, &CREATE_ORDER, handlers::create_order);
    router = route(router, &ORDER_FEE, handlers::order_fee);
    router = route(router, &PAY, handlers::pay);
    router = route(router, &AUTHORIZE, handlers::authorize);
    router = route(router, &ORDER_STATUS, handlers::order_status);
    router = route(router, &VERIFY, handlers::verify);
    route(router, &REFUND, handlers::refund)
}
