//! Pay: POST `/payment/order/pay` (encrypted, public key), by card, bank transfer or Opay.
//!
//! The three payloads share the path and differ in `paymentoption`, which each type writes itself
//! (`C`, `bank-transfer`, `Opay`) so that it cannot disagree with the rest of the payload.

use super::card::CardDetails;
use super::data::PayData;
use super::endpoint::{self, TransactPayEndpoint};
use super::payment_option::PaymentOption;
use super::request::{TransactPayRequest, check_code, check_present};
use crate::error::Result;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// Pays an order with a card. The answer usually carries a 3-D Secure page
/// (`paymentDetail.redirectUrl`, status code `02`) or asks for a PIN/OTP
/// ([`super::AuthorizeRequest`]).
///
/// ```
/// use payseal::transactpay::api::{CardDetails, PayWithCardRequest};
/// let pay = PayWithCardRequest {
///     reference: "ORD-1001".into(),
///     country: "NG".into(),
///     card: CardDetails::new("4111111111111111", "12", "30", "123"),
/// };
/// assert_eq!(
///     serde_json::to_string(&pay).unwrap(),
///     r#"{"reference":"ORD-1001","paymentoption":"C","country":"NG","card":{"cardnumber":"4111111111111111","expirymonth":"12","expiryyear":"30","cvv":"123"}}"#
/// );
/// assert!(!format!("{pay:?}").contains("4111"));
/// ```
#[derive(Clone, Debug)]
pub struct PayWithCardRequest {
    /// `reference` of the order.
    pub reference: String,
    /// `country` (`NG`).
    pub country: String,
    /// `card` (redacted in `Debug`, wiped on drop).
    pub card: CardDetails,
}

/// Pays an order by bank transfer: the answer names the account to transfer to
/// (`bankTransferDetails`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayByBankTransferRequest {
    /// `reference` of the order.
    pub reference: String,
    /// `country` (`NG`).
    pub country: String,
    /// `BankTransfer`.
    pub bank_transfer: BankTransfer,
}

/// The bank of a transfer (`BankTransfer`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankTransfer {
    /// `bankcode`.
    pub bankcode: String,
}

/// Pays an order with an Opay wallet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayWithOpayRequest {
    /// `reference` of the order.
    pub reference: String,
}

impl Serialize for PayWithCardRequest {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PayWithCardRequest", 4)?;
        st.serialize_field("reference", &self.reference)?;
        st.serialize_field("paymentoption", &PaymentOption::Card)?;
        st.serialize_field("country", &self.country)?;
        st.serialize_field("card", &self.card)?;
        st.end()
    }
}

impl Serialize for PayByBankTransferRequest {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PayByBankTransferRequest", 4)?;
        st.serialize_field("reference", &self.reference)?;
        st.serialize_field("paymentoption", &PaymentOption::BankTransfer)?;
        st.serialize_field("country", &self.country)?;
        st.serialize_field("BankTransfer", &self.bank_transfer)?;
        st.end()
    }
}

impl Serialize for PayWithOpayRequest {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PayWithOpayRequest", 2)?;
        st.serialize_field("reference", &self.reference)?;
        st.serialize_field("paymentoption", &PaymentOption::Opay)?;
        st.end()
    }
}

impl TransactPayRequest for PayWithCardRequest {
    const OPERATION: &'static str = "pay";
    const ENDPOINT: TransactPayEndpoint = endpoint::PAY;
    type Data = PayData;

    fn validate(&self) -> Result<()> {
        check_present("reference", &self.reference)?;
        check_code("country", &self.country, 2)?;
        self.card.validate()
    }
}

impl TransactPayRequest for PayByBankTransferRequest {
    const OPERATION: &'static str = "pay";
    const ENDPOINT: TransactPayEndpoint = endpoint::PAY;
    type Data = PayData;

    fn validate(&self) -> Result<()> {
        check_present("reference", &self.reference)?;
        check_code("country", &self.country, 2)?;
        check_present("BankTransfer.bankcode", &self.bank_transfer.bankcode)
    }
}

impl TransactPayRequest for PayWithOpayRequest {
    const OPERATION: &'static str = "pay";
    const ENDPOINT: TransactPayEndpoint = endpoint::PAY;
    type Data = PayData;

    fn validate(&self) -> Result<()> {
        check_present("reference", &self.reference)
    }
}
