//! Create order: POST `/api/integrator/order` → `integratorOrderId`, `urlForQR`.

use super::amount::check_keepz_amount;
use super::endpoint::{self, Endpoint};
use super::enums::{
    CommissionType, Currency, DirectLinkProvider, InstallmentPaymentProvider, Language,
    OpenBankingLinkProvider, ReceiverType, SubscriptionInterval,
};
use super::ids::{check_present, check_uuid};
use super::request::{KeepzRequest, KeepzResponse};
use crate::datetime::NaiveDateTime;
use crate::described;
use crate::error::{Error, ErrorKind, Result};
use crate::money::Amount;
use serde::{Deserialize, Serialize};

described! {
/// The create-order payload, with Keepz's field names (specification §2). Optional fields are
/// omitted from the JSON when `None`.
///
/// ```
/// use payseal::keepz::api::{CreateOrderRequest, Currency, KeepzRequest};
/// # fn main() -> payseal::Result<()> {
/// let mut order = CreateOrderRequest::new(
///     "10.05".parse()?,
///     "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
///     "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e",
///     "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a",
/// );
/// order.currency = Some(Currency::Gel);
/// order.validate()?;
/// assert_eq!(
///     serde_json::to_string(&order).unwrap(),
///     r#"{"amount":10.05,"receiverId":"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f","receiverType":"BRANCH","integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","currency":"GEL"}"#
/// );
/// order.amount = "10.005".parse()?;
/// assert_eq!(order.validate().unwrap_err().kind(), payseal::ErrorKind::InvalidAmount);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateOrderRequest {
    /// `amount`: greater than 0, at most two decimals.
    pub amount: Amount,
    /// `receiverId`: the branch that receives the money (UUID).
    [uuid] pub receiver_id: String,
    /// `receiverType`: must be `BRANCH` (Keepz error 6024).
    pub receiver_type: ReceiverType,
    /// `integratorId`: the integrator's id issued by Keepz (UUID).
    [uuid] pub integrator_id: String,
    /// `integratorOrderId`: the integrator's own order id, a fresh UUID v4 per order
    /// ([`super::new_order_id`]); reusing one is Keepz error 6023.
    [uuid] pub integrator_order_id: String,
    /// `currency` (Keepz's default: GEL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// `acquiringCurrency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acquiring_currency: Option<Currency>,
    /// `distributionCurrency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution_currency: Option<Currency>,
    /// `language` of the checkout page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// `successRedirectUri`: where the payer lands after paying (needs Keepz's permission for
    /// dynamic redirects, error 6036).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_redirect_uri: Option<String>,
    /// `failRedirectUri`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_redirect_uri: Option<String>,
    /// `callbackUri`: where Keepz posts the callback (needs the dynamic-callback permission,
    /// error 6056).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_uri: Option<String>,
    /// `directLinkProvider`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_link_provider: Option<DirectLinkProvider>,
    /// `openBankingLinkProvider`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_banking_link_provider: Option<OpenBankingLinkProvider>,
    /// `installmentPaymentProvider`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub installment_payment_provider: Option<InstallmentPaymentProvider>,
    /// `personalNumber` of the payer (instalments; Keepz error 6070 when required and missing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_number: Option<String>,
    /// `isForeign`: the payer is not a Georgian resident (instalments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_foreign: Option<bool>,
    /// `commissionType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commission_type: Option<CommissionType>,
    /// `saveCard`: keep the card for later payments (needs the save-card permission, error 6031).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub save_card: Option<bool>,
    /// `cardToken`: pay with a saved card (UUID from the saved-card operation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    [uuid] pub card_token: Option<String>,
    /// `validUntil`, written `yyyy-MM-dd HH:mm:ss`; must be in the future (Keepz error 6035).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDateTime>,
    /// `tipReceiverId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip_receiver_id: Option<String>,
    /// `tipReceiverType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip_receiver_type: Option<ReceiverType>,
    /// `subscriptionPlan`: make the order the first payment of a subscription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_plan: Option<SubscriptionPlan>,
    /// `splitDetails`: share the amount between receivers (needs the split permission,
    /// error 6057).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split_details: Option<Vec<SplitDetail>>,
    /// `orderProperties`: free-form properties, sent as given (the specification does not
    /// describe their shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_properties: Option<serde_json::Value>,
}
}

described! {
/// One share of a split payment (`splitDetails[]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitDetail {
    /// `receiverType`: BRANCH, USER or IBAN.
    pub receiver_type: ReceiverType,
    /// `receiverIdentifier`: the branch or user id, or the IBAN.
    pub receiver_identifier: String,
    /// `amount` of this share: greater than 0, at most two decimals.
    pub amount: Amount,
}
}

described! {
/// A recurring charge started by this order (`subscriptionPlan`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionPlan {
    /// `interval`: MONTHLY or WEEKLY.
    pub interval: SubscriptionInterval,
    /// `intervalCount`: charge every this many intervals (at least 1).
    pub interval_count: u32,
    /// `amount` of each charge: greater than 0, at most two decimals.
    pub amount: Amount,
    /// `startDate`, sent as given: the specification does not settle its format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
}
}

impl CreateOrderRequest {
    /// An order with the required fields (receiver type `BRANCH`) and nothing optional.
    pub fn new(
        amount: Amount,
        receiver_id: impl Into<String>,
        integrator_id: impl Into<String>,
        integrator_order_id: impl Into<String>,
    ) -> CreateOrderRequest {
        CreateOrderRequest {
            amount,
            receiver_id: receiver_id.into(),
            receiver_type: ReceiverType::Branch,
            integrator_id: integrator_id.into(),
            integrator_order_id: integrator_order_id.into(),
            currency: None,
            acquiring_currency: None,
            distribution_currency: None,
            language: None,
            success_redirect_uri: None,
            fail_redirect_uri: None,
            callback_uri: None,
            direct_link_provider: None,
            open_banking_link_provider: None,
            installment_payment_provider: None,
            personal_number: None,
            is_foreign: None,
            commission_type: None,
            save_card: None,
            card_token: None,
            valid_until: None,
            tip_receiver_id: None,
            tip_receiver_type: None,
            subscription_plan: None,
            split_details: None,
            order_properties: None,
        }
    }
}

impl SplitDetail {
    fn validate(&self, index: usize) -> Result<()> {
        check_present(
            &format!("splitDetails[{index}].receiverIdentifier"),
            &self.receiver_identifier,
        )?;
        check_keepz_amount(&format!("splitDetails[{index}].amount"), &self.amount)
    }
}

impl SubscriptionPlan {
    fn validate(&self) -> Result<()> {
        if self.interval_count == 0 {
            return Err(Error::new(
                ErrorKind::InvalidRequest,
                "subscriptionPlan.intervalCount must be at least 1",
            ));
        }
        check_keepz_amount("subscriptionPlan.amount", &self.amount)
    }
}

impl KeepzRequest for CreateOrderRequest {
    const OPERATION: &'static str = "create_order";
    const ENDPOINT: Endpoint = endpoint::CREATE_ORDER;
    type Response = CreateOrderResponse;

    fn validate(&self) -> Result<()> {
        check_keepz_amount("amount", &self.amount)?;
        check_uuid("receiverId", &self.receiver_id)?;
        check_uuid("integratorId", &self.integrator_id)?;
        check_uuid("integratorOrderId", &self.integrator_order_id)?;
        if self.receiver_type != ReceiverType::Branch {
            return Err(Error::new(
                ErrorKind::InvalidRequest,
                format!(
                    "receiverType must be BRANCH for create order, not {} (Keepz error 6024)",
                    self.receiver_type
                ),
            ));
        }
        if let Some(token) = &self.card_token {
            check_uuid("cardToken", token)?;
        }
        if let Some(plan) = &self.subscription_plan {
            plan.validate()?;
        }
        for (i, split) in self.split_details.iter().flatten().enumerate() {
            split.validate(i)?;
        }
        Ok(())
    }
}

described! {
/// The decrypted answer to create order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateOrderResponse {
    /// `integratorOrderId`, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrator_order_id: Option<String>,
    /// `urlForQR`: the checkout URL to send the payer to (or show as a QR code).
    #[serde(rename = "urlForQR")]
    pub url_for_qr: String,
}
}

impl KeepzResponse for CreateOrderResponse {}
