//! Saved card: GET `/api/v1/integrator/card/order-id` → the card saved by an order.

use super::endpoint::{self, Endpoint};
use super::ids::check_uuid;
use super::request::{KeepzRequest, KeepzResponse};
use crate::described;
use crate::error::Result;
use serde::{Deserialize, Serialize};

described! {
/// Asks for the card an order saved (`saveCard: true`), to pay later with its token.
///
/// The path is [`endpoint::SAVED_CARD`]; one Keepz page names
/// [`endpoint::SAVED_CARD_DISTRIBUTOR`] instead (unsettled): send to that path if Keepz says so,
/// the payload and answer are the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedCardRequest {
    /// `integratorOrderId` of the order that saved the card (UUID).
    [uuid] pub integrator_order_id: String,
}
}

impl SavedCardRequest {
    /// The request for one order.
    pub fn new(integrator_order_id: impl Into<String>) -> SavedCardRequest {
        SavedCardRequest {
            integrator_order_id: integrator_order_id.into(),
        }
    }
}

impl KeepzRequest for SavedCardRequest {
    const OPERATION: &'static str = "saved_card";
    const ENDPOINT: Endpoint = endpoint::SAVED_CARD;
    type Response = SavedCard;

    fn validate(&self) -> Result<()> {
        check_uuid("integratorOrderId", &self.integrator_order_id)
    }
}

described! {
/// A saved card: a token and what may be shown to the payer. No card number: Keepz sends only
/// the mask.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedCard {
    /// `token`: reusable as `cardToken` in create order.
    pub token: String,
    /// `provider` (e.g. `CREDO`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// `cardMask` (e.g. `411111******1111`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_mask: Option<String>,
    /// `expirationDate` (`MM/YY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
    /// `cardBrand` (`VISA`, `MasterCard`, `AMEX`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_brand: Option<String>,
}
}

impl KeepzResponse for SavedCard {}
