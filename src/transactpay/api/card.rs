//! Card data (PCI scope): never printed, wiped when dropped.

use crate::described;
use crate::error::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use std::fmt;
use zeroize::{Zeroize, ZeroizeOnDrop};

described! {
/// A card as TransactPay's pay payload spells it (`cardnumber`, `expirymonth`, `expiryyear`,
/// `cvv`).
///
/// `Debug` shows nothing of the card, and every copy is overwritten with zeros when dropped.
/// payseal serializes it only into the payload that is encrypted at once (that buffer is wiped
/// too). There is no `PartialEq`: comparing card data is not something payseal should make easy.
///
/// ```
/// use payseal::transactpay::api::CardDetails;
/// let card = CardDetails::new("4111 1111 1111 1111", "12", "2030", "123");
/// assert_eq!(format!("{card:?}"), "CardDetails { redacted }");
/// assert!(card.validate().is_ok());
/// ```
#[derive(Clone, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct CardDetails {
    /// `cardnumber`: digits only (spaces and dashes are removed by [`CardDetails::new`]).
    pub cardnumber: String,
    /// `expirymonth`: two digits, `01`–`12`.
    pub expirymonth: String,
    /// `expiryyear`: as printed on the card (`30` or `2030`).
    pub expiryyear: String,
    /// `cvv`: three or four digits.
    pub cvv: String,
}
}

fn digits(text: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// The Luhn checksum every card number carries: catches a mistyped digit before the gateway does.
fn luhn_ok(number: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in number.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum.is_multiple_of(10)
}

fn invalid(message: &'static str) -> Error {
    Error::new(ErrorKind::InvalidRequest, message)
}

impl CardDetails {
    /// A card; spaces and dashes in the number are dropped (the input strings are not wiped:
    /// the caller owns them).
    pub fn new(cardnumber: &str, expirymonth: &str, expiryyear: &str, cvv: &str) -> CardDetails {
        CardDetails {
            cardnumber: cardnumber
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .collect(),
            expirymonth: expirymonth.to_string(),
            expiryyear: expiryyear.to_string(),
            cvv: cvv.to_string(),
        }
    }

    /// Checks the shapes (12–19 digits with a valid Luhn checksum, month 01–12, year of 2 or 4
    /// digits, CVV of 3 or 4 digits). Messages never contain the card data.
    pub fn validate(&self) -> Result<()> {
        if !digits(&self.cardnumber, 12, 19) || !luhn_ok(&self.cardnumber) {
            return Err(invalid(
                "card.cardnumber is not a card number (12–19 digits with a valid checksum)",
            ));
        }
        let month_ok =
            digits(&self.expirymonth, 2, 2) && matches!(self.expirymonth.parse::<u8>(), Ok(1..=12));
        if !month_ok {
            return Err(invalid("card.expirymonth must be two digits, 01 to 12"));
        }
        if !(digits(&self.expiryyear, 2, 2) || digits(&self.expiryyear, 4, 4)) {
            return Err(invalid("card.expiryyear must be two or four digits"));
        }
        if !digits(&self.cvv, 3, 4) {
            return Err(invalid("card.cvv must be three or four digits"));
        }
        Ok(())
    }
}

impl fmt::Debug for CardDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CardDetails { redacted }")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_without_echoing() {
        assert!(
            CardDetails::new("4111-1111-1111-1111", "01", "30", "1234")
                .validate()
                .is_ok()
        );
        for card in [
            CardDetails::new("4111111111111112", "12", "2030", "123"),
            CardDetails::new("4111111111111111", "13", "2030", "123"),
            CardDetails::new("4111111111111111", "1", "2030", "123"),
            CardDetails::new("4111111111111111", "12", "203", "123"),
            CardDetails::new("4111111111111111", "12", "2030", "12"),
            CardDetails::new("41111111111a1111", "12", "2030", "123"),
        ] {
            let e = card.validate().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidRequest);
            assert!(!e.message().contains("4111"));
        }
    }

    #[test]
    fn zeroize_clears_every_field() {
        let mut card = CardDetails::new("4111111111111111", "12", "2030", "123");
        card.zeroize();
        assert!(card.cardnumber.is_empty() && card.cvv.is_empty());
    }
}
