//! Order fee: POST `/payment/order/fee` (encrypted, public key).

use super::endpoint::{self, TransactPayEndpoint};
use super::payment_option::PaymentOption;
use super::request::{TransactPayRequest, check_amount, check_code};
use crate::described;
use crate::error::Result;
use crate::money::Amount;
use serde::{Deserialize, Serialize};

described! {
/// Asks what TransactPay charges for paying `amount` with a payment option.
///
/// ```
/// use payseal::transactpay::api::{FeeRequest, PaymentOption};
/// # fn main() -> payseal::Result<()> {
/// let fee = FeeRequest { amount: "100.5".parse()?, currency: "NGN".into(), paymentoption: PaymentOption::Card };
/// assert_eq!(serde_json::to_string(&fee).unwrap(), r#"{"amount":100.5,"currency":"NGN","paymentoption":"C"}"#);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeRequest {
    /// `amount`: greater than 0, at most four decimals.
    pub amount: Amount,
    /// `currency` (`NGN`).
    pub currency: String,
    /// `paymentoption`.
    pub paymentoption: PaymentOption,
}
}

impl TransactPayRequest for FeeRequest {
    const OPERATION: &'static str = "order_fee";
    const ENDPOINT: TransactPayEndpoint = endpoint::ORDER_FEE;
    /// The documentation does not describe the fee answer; it is kept as JSON (amounts exact).
    type Data = crate::RawJson;

    fn validate(&self) -> Result<()> {
        check_amount("amount", &self.amount)?;
        check_code("currency", &self.currency, 3)
    }
}
