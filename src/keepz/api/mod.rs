//! Keepz's operations as types: requests with Keepz's real field names, where each one goes,
//! what comes back, and callbacks.
//!
//! - Requests: [`CreateOrderRequest`], [`OrderStatusRequest`], [`CancelOrderRequest`],
//!   [`RefundRequest`], [`SavedCardRequest`], [`SubscriptionHistoryRequest`],
//!   [`RevokeSubscriptionRequest`] — each a [`KeepzRequest`] that knows its [`Endpoint`] and
//!   response type, and validates what Keepz would refuse (UUIDs, amounts) before sealing.
//! - Sending: [`Keepz::prepare`](crate::keepz::Keepz::prepare) → [`PreparedRequest`].
//! - Reading: [`Keepz::parse_response`](crate::keepz::Keepz::parse_response) → the typed response,
//!   a typed Keepz error, or a transport error.
//! - Callbacks: [`Keepz::parse_callback`](crate::keepz::Keepz::parse_callback) →
//!   [`Unverified<KeepzCallback>`](crate::Unverified), to be re-checked with an order status.
//!
//! Amounts are [`Amount`](crate::money::Amount)s (exact decimals, at most two decimals for Keepz).

mod amount;
mod callback;
mod create_order;
mod endpoint;
mod enums;
mod ids;
mod order_status;
mod prepare;
mod refund;
mod request;
mod response;
mod saved_card;
mod status;
mod subscription;

pub use amount::KEEPZ_MAX_DECIMALS;
pub use callback::{
    CardInfo, KeepzCallback, OrderCallback, SubscriptionCallback, parse_plain_callback,
};
pub use create_order::{CreateOrderRequest, CreateOrderResponse, SplitDetail, SubscriptionPlan};
pub use endpoint::{
    CANCEL_ORDER, CREATE_ORDER, Endpoint, OPERATIONS, ORDER_STATUS, PRODUCTION_BASE_URL, Placement,
    REFUND, REVOKE_SUBSCRIPTION, SAVED_CARD, SAVED_CARD_DISTRIBUTOR, SUBSCRIPTION_HISTORY,
    TEST_BASE_URL,
};
pub use enums::{
    CommissionType, Currency, DirectLinkProvider, InstallmentPaymentProvider, Language,
    OpenBankingLinkProvider, ReceiverType, RefundInitiator, SubscriptionInterval,
};
pub use ids::{is_uuid, new_order_id};
pub use order_status::{CancelOrderRequest, OrderStatusRequest, OrderStatusResponse};
pub use prepare::PreparedRequest;
pub use refund::{RefundDetail, RefundRequest, RefundResponse};
pub use request::{KeepzRequest, KeepzResponse};
pub use saved_card::{SavedCard, SavedCardRequest};
pub use status::OrderStatus;
pub use subscription::{
    RevokeSubscriptionRequest, SubscriptionCharge, SubscriptionHistory, SubscriptionHistoryRequest,
    SubscriptionRevoked,
};
