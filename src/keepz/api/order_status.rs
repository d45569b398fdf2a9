//! Order status: GET `/api/integrator/order/status` → `integratorOrderId`, `status`; and cancel:
//! DELETE `/api/integrator/order/cancel`, same payload and answer.

use super::endpoint::{self, Endpoint};
use super::ids::check_uuid;
use super::request::{KeepzRequest, KeepzResponse};
use super::status::OrderStatus;
use crate::described;
use crate::error::Result;
use serde::{Deserialize, Serialize};

described! {
/// Asks for an order's status: the re-check that makes a callback trustworthy.
///
/// ```
/// use payseal::keepz::api::{KeepzRequest, OrderStatusRequest, Placement};
/// let req = OrderStatusRequest::new(
///     "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e",
///     "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a",
/// );
/// assert_eq!(OrderStatusRequest::ENDPOINT.placement, Placement::Query);
/// assert_eq!(
///     serde_json::to_string(&req).unwrap(),
///     r#"{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderStatusRequest {
    /// `integratorId` (UUID).
    [uuid] pub integrator_id: String,
    /// `integratorOrderId` (UUID).
    [uuid] pub integrator_order_id: String,
}
}

described! {
/// Cancels an order that is not final yet (Keepz error 6006 otherwise).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CancelOrderRequest {
    /// `integratorId` (UUID).
    [uuid] pub integrator_id: String,
    /// `integratorOrderId` (UUID).
    [uuid] pub integrator_order_id: String,
}
}

impl OrderStatusRequest {
    /// The request for one order.
    pub fn new(
        integrator_id: impl Into<String>,
        integrator_order_id: impl Into<String>,
    ) -> OrderStatusRequest {
        OrderStatusRequest {
            integrator_id: integrator_id.into(),
            integrator_order_id: integrator_order_id.into(),
        }
    }
}

impl CancelOrderRequest {
    /// The request for one order.
    pub fn new(
        integrator_id: impl Into<String>,
        integrator_order_id: impl Into<String>,
    ) -> CancelOrderRequest {
        CancelOrderRequest {
            integrator_id: integrator_id.into(),
            integrator_order_id: integrator_order_id.into(),
        }
    }
}

fn check_ids(integrator_id: &str, integrator_order_id: &str) -> Result<()> {
    check_uuid("integratorId", integrator_id)?;
    check_uuid("integratorOrderId", integrator_order_id)
}

impl KeepzRequest for OrderStatusRequest {
    const OPERATION: &'static str = "order_status";
    const ENDPOINT: Endpoint = endpoint::ORDER_STATUS;
    type Response = OrderStatusResponse;

    fn validate(&self) -> Result<()> {
        check_ids(&self.integrator_id, &self.integrator_order_id)
    }
}

impl KeepzRequest for CancelOrderRequest {
    const OPERATION: &'static str = "cancel_order";
    const ENDPOINT: Endpoint = endpoint::CANCEL_ORDER;
    type Response = OrderStatusResponse;

    fn validate(&self) -> Result<()> {
        check_ids(&self.integrator_id, &self.integrator_order_id)
    }
}

described! {
/// The decrypted answer to order status and to cancel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderStatusResponse {
    /// `integratorOrderId`, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrator_order_id: Option<String>,
    /// `status`.
    pub status: OrderStatus,
}
}

impl KeepzResponse for OrderStatusResponse {}
