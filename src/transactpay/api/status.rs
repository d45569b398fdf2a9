//! Order status: POST `/payment/order/status` (encrypted, public key); and verify: POST
//! `/payment/order/verify` (plain, secret key).

use super::data::{OrderStatusData, VerifyData};
use super::endpoint::{self, TransactPayEndpoint};
use super::request::{TransactPayRequest, check_present};
use crate::described;
use crate::error::Result;
use serde::{Deserialize, Serialize};

described! {
/// Asks for an order's status with the public key (encrypted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderStatusRequest {
    /// `reference` of the order.
    pub reference: String,
}
}

described! {
/// Verifies an order server-side with the secret key (plain body): the re-check that makes a
/// webhook trustworthy.
///
/// ```
/// use payseal::transactpay::api::{TransactPayRequest, VerifyRequest};
/// let verify = VerifyRequest { reference: "ORD-1001".into() };
/// assert_eq!(serde_json::to_string(&verify).unwrap(), r#"{"reference":"ORD-1001"}"#);
/// assert!(!VerifyRequest::ENDPOINT.encrypted);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyRequest {
    /// `reference` of the order.
    pub reference: String,
}
}

impl TransactPayRequest for OrderStatusRequest {
    const OPERATION: &'static str = "order_status";
    const ENDPOINT: TransactPayEndpoint = endpoint::ORDER_STATUS;
    type Data = OrderStatusData;

    fn validate(&self) -> Result<()> {
        check_present("reference", &self.reference)
    }
}

impl TransactPayRequest for VerifyRequest {
    const OPERATION: &'static str = "verify";
    const ENDPOINT: TransactPayEndpoint = endpoint::VERIFY;
    type Data = VerifyData;

    fn validate(&self) -> Result<()> {
        check_present("reference", &self.reference)
    }
}
