//! Refund (v2): POST `/api/integrator/order/refund/v2` → `status`, `errorMessage`.

use super::amount::check_keepz_amount;
use super::endpoint::{self, Endpoint};
use super::enums::{ReceiverType, RefundInitiator};
use super::ids::{check_present, check_uuid};
use super::request::{KeepzRequest, KeepzResponse};
use super::status::OrderStatus;
use crate::described;
use crate::error::Result;
use crate::money::Amount;
use serde::{Deserialize, Serialize};

described! {
/// Refunds all or part of a paid order (needs the refund permission, Keepz error 6038; the amount
/// must be within what was paid, error 6007).
///
/// ```
/// use payseal::keepz::api::{RefundInitiator, RefundRequest};
/// # fn main() -> payseal::Result<()> {
/// let mut refund = RefundRequest::new(
///     "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e",
///     "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a",
///     "5".parse()?,
/// );
/// refund.refund_initiator = Some(RefundInitiator::Integrator);
/// assert!(serde_json::to_string(&refund).unwrap().ends_with(r#""amount":5,"refundInitiator":"INTEGRATOR"}"#));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundRequest {
    /// `integratorId` (UUID).
    [uuid] pub integrator_id: String,
    /// `integratorOrderId` (UUID).
    [uuid] pub integrator_order_id: String,
    /// `amount` to refund: greater than 0, at most two decimals.
    pub amount: Amount,
    /// `refundInitiator`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_initiator: Option<RefundInitiator>,
    /// `refundDetails`: how the refund is shared between the receivers of a split payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_details: Option<Vec<RefundDetail>>,
}
}

described! {
/// One receiver's part of a refund (`refundDetails[]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundDetail {
    /// `receiverType`.
    pub receiver_type: ReceiverType,
    /// `receiverIdentifier`.
    pub receiver_identifier: String,
    /// `amount`: greater than 0, at most two decimals.
    pub amount: Amount,
}
}

impl RefundRequest {
    /// A refund of `amount` with no initiator and no details.
    pub fn new(
        integrator_id: impl Into<String>,
        integrator_order_id: impl Into<String>,
        amount: Amount,
    ) -> RefundRequest {
        RefundRequest {
            integrator_id: integrator_id.into(),
            integrator_order_id: integrator_order_id.into(),
            amount,
            refund_initiator: None,
            refund_details: None,
        }
    }
}

impl KeepzRequest for RefundRequest {
    const OPERATION: &'static str = "refund";
    const ENDPOINT: Endpoint = endpoint::REFUND;
    type Response = RefundResponse;

    fn validate(&self) -> Result<()> {
        check_uuid("integratorId", &self.integrator_id)?;
        check_uuid("integratorOrderId", &self.integrator_order_id)?;
        check_keepz_amount("amount", &self.amount)?;
        for (i, detail) in self.refund_details.iter().flatten().enumerate() {
            check_present(
                &format!("refundDetails[{i}].receiverIdentifier"),
                &detail.receiver_identifier,
            )?;
            check_keepz_amount(&format!("refundDetails[{i}].amount"), &detail.amount)?;
        }
        Ok(())
    }
}

described! {
/// The decrypted answer to a refund.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundResponse {
    /// `status`: `REFUND_REQUESTED` when accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OrderStatus>,
    /// `errorMessage`, when Keepz explains a refusal here rather than with an error body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
}
}

impl KeepzResponse for RefundResponse {}
