//! Create order: POST `/payment/order/create` (encrypted, public key).

use super::data::CreateOrderData;
use super::endpoint::{self, TransactPayEndpoint};
use super::request::{TransactPayRequest, check_amount, check_code, check_present};
use crate::described;
use crate::error::{Error, ErrorKind, Result};
use crate::money::Amount;
use serde::{Deserialize, Serialize};

described! {
/// The create-order payload, with the documentation's spellings (`firstname`, `RedirectUrl`,
/// `paymentMeta`). Keep it small: the encrypted payload is limited to one RSA block (501 bytes for
/// a 4096-bit key); the documentation's own example is 255 bytes compact.
///
/// ```
/// use payseal::transactpay::api::{CreateOrderRequest, Customer, OrderDetails, TransactPayRequest};
/// # fn main() -> payseal::Result<()> {
/// let request = CreateOrderRequest::new(
///     Customer {
///         firstname: "Ada".into(),
///         lastname: "Obi".into(),
///         mobile: "+2348012345678".into(),
///         country: "NG".into(),
///         email: "ada@example.com".into(),
///     },
///     OrderDetails {
///         amount: "1500.25".parse()?,
///         reference: "ORD-1001".into(),
///         description: "Books".into(),
///         currency: "NGN".into(),
///     },
///     "https://shop.example/return",
/// );
/// request.validate()?;
/// assert_eq!(
///     serde_json::to_string(&request).unwrap(),
///     r#"{"customer":{"firstname":"Ada","lastname":"Obi","mobile":"+2348012345678","country":"NG","email":"ada@example.com"},"order":{"amount":1500.25,"reference":"ORD-1001","description":"Books","currency":"NGN"},"payment":{"RedirectUrl":"https://shop.example/return"}}"#
/// );
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOrderRequest {
    /// `customer`.
    pub customer: Customer,
    /// `order`.
    pub order: OrderDetails,
    /// `payment`.
    pub payment: PaymentDetails,
    /// `paymentMeta`: free-form, sent as given (the documentation does not describe it).
    #[serde(
        rename = "paymentMeta",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_meta: Option<serde_json::Value>,
}
}

described! {
/// The payer (`customer`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// `firstname`.
    pub firstname: String,
    /// `lastname`.
    pub lastname: String,
    /// `mobile`, in E.164 form (`+2348012345678`).
    pub mobile: String,
    /// `country`: ISO 3166 two-letter code (`NG`).
    pub country: String,
    /// `email`.
    pub email: String,
}
}

described! {
/// The order (`order`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetails {
    /// `amount` in major units: greater than 0, at most four decimals.
    pub amount: Amount,
    /// `reference`: the merchant's unique order reference (used again for pay, status, verify).
    pub reference: String,
    /// `description`.
    pub description: String,
    /// `currency`: ISO 4217 code (`NGN`).
    pub currency: String,
}
}

described! {
/// Where the payer returns (`payment`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentDetails {
    /// `RedirectUrl` (capitalised, as documented).
    #[serde(rename = "RedirectUrl")]
    pub redirect_url: String,
}
}

impl CreateOrderRequest {
    /// An order with no `paymentMeta`.
    pub fn new(
        customer: Customer,
        order: OrderDetails,
        redirect_url: impl Into<String>,
    ) -> CreateOrderRequest {
        CreateOrderRequest {
            customer,
            order,
            payment: PaymentDetails {
                redirect_url: redirect_url.into(),
            },
            payment_meta: None,
        }
    }
}

/// E.164: `+`, then 8 to 15 digits, the first not 0.
fn check_e164(mobile: &str) -> Result<()> {
    let digits = mobile.strip_prefix('+').unwrap_or("");
    let ok = (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if ok {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::InvalidRequest,
            "customer.mobile must be in E.164 form: '+', the country code and the number, \
             e.g. +2348012345678",
        ))
    }
}

impl TransactPayRequest for CreateOrderRequest {
    const OPERATION: &'static str = "create_order";
    const ENDPOINT: TransactPayEndpoint = endpoint::CREATE_ORDER;
    type Data = CreateOrderData;

    fn validate(&self) -> Result<()> {
        check_present("customer.firstname", &self.customer.firstname)?;
        check_present("customer.lastname", &self.customer.lastname)?;
        check_e164(&self.customer.mobile)?;
        check_code("customer.country", &self.customer.country, 2)?;
        check_present("customer.email", &self.customer.email)?;
        check_amount("order.amount", &self.order.amount)?;
        check_present("order.reference", &self.order.reference)?;
        check_code("order.currency", &self.order.currency, 3)?;
        check_present("payment.RedirectUrl", &self.payment.redirect_url)
    }
}
