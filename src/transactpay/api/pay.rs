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
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

/// Any pay payload, told apart by its `paymentoption` — what TransactPay's side reads from
/// `/payment/order/pay` (the sandbox uses it; a merchant sends one of the three types).
///
/// ```
/// use payseal::transactpay::api::{PayRequest, TransactPayRequest};
/// let pay: PayRequest = serde_json::from_str(r#"{"reference":"ORD-1","paymentoption":"Opay"}"#).unwrap();
/// assert!(matches!(pay, PayRequest::Opay(_)));
/// assert!(pay.validate().is_ok());
/// assert!(serde_json::from_str::<PayRequest>(r#"{"reference":"ORD-1","paymentoption":"C"}"#).is_err());
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum PayRequest {
    /// `paymentoption` `C`.
    Card(PayWithCardRequest),
    /// `paymentoption` `bank-transfer`.
    BankTransfer(PayByBankTransferRequest),
    /// `paymentoption` `Opay`.
    Opay(PayWithOpayRequest),
}

impl PayRequest {
    /// The order's `reference`.
    pub fn reference(&self) -> &str {
        match self {
            PayRequest::Card(r) => &r.reference,
            PayRequest::BankTransfer(r) => &r.reference,
            PayRequest::Opay(r) => &r.reference,
        }
    }

    /// The payment option it carries.
    pub fn payment_option(&self) -> PaymentOption {
        match self {
            PayRequest::Card(_) => PaymentOption::Card,
            PayRequest::BankTransfer(_) => PaymentOption::BankTransfer,
            PayRequest::Opay(_) => PaymentOption::Opay,
        }
    }
}

/// The fields of every pay payload, read once; each type then takes the ones it needs.
#[derive(Deserialize)]
struct PayWire {
    reference: String,
    paymentoption: PaymentOption,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    card: Option<CardDetails>,
    #[serde(rename = "BankTransfer", default)]
    bank_transfer: Option<BankTransfer>,
}

fn missing<E: serde::de::Error>(field: &str, option: PaymentOption) -> E {
    E::custom(format!("paymentoption {option} needs the field {field}"))
}

impl<'de> Deserialize<'de> for PayRequest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let mut wire = PayWire::deserialize(d)?;
        let option = wire.paymentoption;
        let country = |wire: &mut PayWire| {
            wire.country
                .take()
                .ok_or_else(|| missing::<D::Error>("country", option))
        };
        Ok(match wire.paymentoption {
            PaymentOption::Card => PayRequest::Card(PayWithCardRequest {
                country: country(&mut wire)?,
                card: wire
                    .card
                    .take()
                    .ok_or_else(|| missing::<D::Error>("card", option))?,
                reference: std::mem::take(&mut wire.reference),
            }),
            PaymentOption::BankTransfer => PayRequest::BankTransfer(PayByBankTransferRequest {
                country: country(&mut wire)?,
                bank_transfer: wire
                    .bank_transfer
                    .take()
                    .ok_or_else(|| missing::<D::Error>("BankTransfer", option))?,
                reference: std::mem::take(&mut wire.reference),
            }),
            PaymentOption::Opay => PayRequest::Opay(PayWithOpayRequest {
                reference: std::mem::take(&mut wire.reference),
            }),
        })
    }
}

impl Serialize for PayRequest {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            PayRequest::Card(r) => r.serialize(s),
            PayRequest::BankTransfer(r) => r.serialize(s),
            PayRequest::Opay(r) => r.serialize(s),
        }
    }
}

impl TransactPayRequest for PayRequest {
    const OPERATION: &'static str = "pay";
    const ENDPOINT: TransactPayEndpoint = endpoint::PAY;
    type Data = PayData;

    fn validate(&self) -> Result<()> {
        match self {
            PayRequest::Card(r) => r.validate(),
            PayRequest::BankTransfer(r) => r.validate(),
            PayRequest::Opay(r) => r.validate(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pay_payload_reads_back_as_sent() {
        let card = PayWithCardRequest {
            reference: "ORD-1".into(),
            country: "NG".into(),
            card: CardDetails::new("4111111111111111", "12", "30", "123"),
        };
        let bank = PayByBankTransferRequest {
            reference: "ORD-2".into(),
            country: "NG".into(),
            bank_transfer: BankTransfer {
                bankcode: "058".into(),
            },
        };
        let opay = PayWithOpayRequest {
            reference: "ORD-3".into(),
        };
        for json in [
            serde_json::to_string(&card).unwrap(),
            serde_json::to_string(&bank).unwrap(),
            serde_json::to_string(&opay).unwrap(),
        ] {
            let read: PayRequest = serde_json::from_str(&json).unwrap();
            assert_eq!(serde_json::to_string(&read).unwrap(), json);
            assert!(read.validate().is_ok());
        }
        let e = serde_json::from_str::<PayRequest>(
            r#"{"reference":"R","paymentoption":"bank-transfer","country":"NG"}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("BankTransfer"));
    }
}
