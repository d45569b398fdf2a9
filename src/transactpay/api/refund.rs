//! Refund: POST `/payment/order/refund` (plain body, secret key) — path unsettled.

use super::endpoint::{self, TransactPayEndpoint};
use super::request::{TransactPayRequest, check_amount, check_present};
use crate::described;
use crate::error::Result;
use crate::money::Amount;
use serde::{Deserialize, Serialize};

described! {
/// Refunds an order, fully (no `amount`) or partly.
///
/// **The endpoint is unsettled**: [`endpoint::REFUND`] follows the pattern of the other
/// operations, but TransactPay's documentation shows refunds on another host. Send it where
/// TransactPay tells you with `RefundRequest::ENDPOINT.url_with_base(host)` and, if needed,
/// `.with_path(path)`.
///
/// ```
/// use payseal::transactpay::api::{RefundRequest, TransactPayRequest};
/// # fn main() -> payseal::Result<()> {
/// let refund = RefundRequest { reference: "ORD-1001".into(), reason: None, amount: Some("250.5".parse()?) };
/// assert_eq!(serde_json::to_string(&refund).unwrap(), r#"{"reference":"ORD-1001","amount":250.5}"#);
/// let url = RefundRequest::ENDPOINT.url_with_base("https://refunds.transactpay.example");
/// assert_eq!(url, "https://refunds.transactpay.example/payment/order/refund");
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundRequest {
    /// `reference` of the order.
    pub reference: String,
    /// `reason`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `amount` to refund: greater than 0, at most four decimals; `None` refunds the whole order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
}
}

impl TransactPayRequest for RefundRequest {
    const OPERATION: &'static str = "refund";
    const ENDPOINT: TransactPayEndpoint = endpoint::REFUND;
    /// The documentation does not describe the refund answer; it is kept as JSON.
    type Data = crate::RawJson;

    fn validate(&self) -> Result<()> {
        check_present("reference", &self.reference)?;
        if let Some(amount) = &self.amount {
            check_amount("amount", amount)?;
        }
        Ok(())
    }
}
