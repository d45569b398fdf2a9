//! Authorize: POST `/payment/order/pay/authorize` (encrypted, public key) — the PIN or OTP a card
//! payment asked for.

use super::endpoint::{self, TransactPayEndpoint};
use super::request::{TransactPayRequest, check_present};
use crate::described;
use crate::error::Result;
use serde::{Deserialize, Serialize};
use std::fmt;
use zeroize::{Zeroize, ZeroizeOnDrop};

described! {
/// Completes a card payment with the PIN or one-time code the payer entered. The code is a
/// credential: `Debug` hides it and it is wiped on drop.
///
/// ```
/// use payseal::transactpay::api::AuthorizeRequest;
/// let auth = AuthorizeRequest::new("PAY-REF-1", "123456");
/// assert_eq!(serde_json::to_string(&auth).unwrap(), r#"{"orderPaymentReference":"PAY-REF-1","otp":"123456"}"#);
/// assert!(!format!("{auth:?}").contains("123456"));
/// ```
#[derive(Clone, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct AuthorizeRequest {
    /// `orderPaymentReference` from the pay answer.
    #[serde(rename = "orderPaymentReference")]
    pub order_payment_reference: String,
    /// `otp`: the PIN or one-time code.
    pub otp: String,
}
}

impl AuthorizeRequest {
    /// The request for one payment.
    pub fn new(order_payment_reference: impl Into<String>, otp: impl Into<String>) -> Self {
        AuthorizeRequest {
            order_payment_reference: order_payment_reference.into(),
            otp: otp.into(),
        }
    }
}

impl fmt::Debug for AuthorizeRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthorizeRequest")
            .field("order_payment_reference", &self.order_payment_reference)
            .field("otp", &"<redacted>")
            .finish()
    }
}

impl TransactPayRequest for AuthorizeRequest {
    const OPERATION: &'static str = "authorize";
    const ENDPOINT: TransactPayEndpoint = endpoint::AUTHORIZE;
    /// The documentation does not describe the authorize answer; it is kept as JSON.
    type Data = crate::RawJson;

    fn validate(&self) -> Result<()> {
        check_present("orderPaymentReference", &self.order_payment_reference)?;
        check_present("otp", &self.otp)
    }
}
