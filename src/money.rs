//! Money as an exact decimal: [`Amount`].
//!
//! Gateways take amounts in major units with a fraction (`10.05` GEL, `1500.2500` NGN). A binary
//! float cannot hold most of these (`0.1 + 0.2` prints `0.30000000000000004`), and Keepz refuses
//! an amount with more than two decimals (error 6058), so a float that prints `10.100000000000001`
//! turns a valid payment into a rejected one. [`Amount`] is a decimal — an integer mantissa and a
//! count of decimals — from the text it was read from to the text it is written as.
//!
//! # Canonical form
//!
//! An amount is kept without trailing fractional zeros: `10.10` and `10.1` are the same amount and
//! both are written `10.1`; `10.00` is written `10`. Every gateway reads a JSON number by value, so
//! the shortest exact text is the least surprising one, and equality, hashing and ordering follow
//! the value. [`Amount::format_fixed`] writes a fixed number of decimals for display.
//!
//! # JSON
//!
//! An amount is written as a JSON **number** with exactly its canonical digits, and read from a
//! JSON number or a JSON string holding a decimal, digit for digit. Without its
//! `arbitrary_precision` feature, serde_json carries a number with a fraction as an `f64` in both
//! directions; that feature would be switched on for *every* crate of a program that links payseal
//! (Cargo unifies features), breaking their `#[serde(untagged)]` and internally tagged enums with
//! `f64` fields and their `Value`s sent to other formats. So payseal uses serde_json's additive
//! `raw_value` feature instead, which changes nothing for other crates: an amount is written as a
//! [`RawValue`] holding its digits, and read from the raw text of the JSON value.
//!
//! What that means for a caller:
//!
//! - `serde_json::to_string`, `to_vec`, `to_writer` and `from_str`, `from_slice`, `from_reader`
//!   are exact; so is `serde_json::from_value` for what a `Value` holds. A `Value` itself cannot
//!   hold more than an `f64`: `serde_json::to_value(&amount)` rounds an amount of more than 15
//!   significant digits;
//! - binary (not human-readable) formats — MessagePack, bincode, postcard — get the amount as a
//!   decimal string, exactly;
//! - other human-readable formats (YAML, TOML) have no JSON to embed and see serde_json's raw-value
//!   wrapper; there, write the amount through its `Display` and `FromStr` (serde_with's
//!   `DisplayFromStr`, for one);
//! - inside a container serde buffers (`#[serde(untagged)]`, internally tagged enums, `flatten`)
//!   no raw JSON text survives — a number arrives as an `f64` — so an `Amount` there is an error,
//!   never a rounded value: read that field as a `String` and [`Amount::parse`] it. payseal's own
//!   types use no such container for amounts.
//!
//! ```
//! use payseal::money::Amount;
//! # fn main() -> payseal::Result<()> {
//! let a: Amount = "0.1".parse()?;
//! let b: Amount = "0.2".parse()?;
//! let sum = a.checked_add(b)?;
//! assert_eq!(sum, "0.3".parse()?);
//! assert_eq!(serde_json::to_string(&sum).unwrap(), "0.3");
//! assert_eq!(Amount::from_minor(1005, 2)?.to_string(), "10.05");
//! assert_eq!("10.10".parse::<Amount>()?.to_string(), "10.1");
//! # Ok(()) }
//! ```

use crate::error::{Error, ErrorKind, Result};
use crate::json::{JsonKind, text_of};
use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// The most decimals an [`Amount`] keeps (after trailing zeros are dropped).
pub const MAX_DECIMALS: u8 = 18;

/// The most digits before the decimal point: amounts are below 10^15 in absolute value.
pub const MAX_INTEGER_DIGITS: u8 = 15;

/// The longest text [`Amount::parse`] reads; longer input is refused before any work.
const MAX_TEXT_LEN: usize = 128;

/// The largest decimal exponent (`1e64`) [`Amount::parse`] applies.
const MAX_EXPONENT: i64 = 64;

/// An exact decimal amount of money, in major units (lari, naira), possibly negative.
///
/// Bounded: fewer than 10^15 in absolute value and at most [`MAX_DECIMALS`] decimals, so no
/// arithmetic here can overflow and no input can make it allocate without bound. Gateway rules
/// (Keepz: positive, at most two decimals) are checked by the request types that use it.
///
/// ```
/// use payseal::money::Amount;
/// # fn main() -> payseal::Result<()> {
/// let amount: Amount = "1500.2500".parse()?;
/// assert_eq!(amount.decimals(), 2);
/// assert_eq!(amount.format_fixed(4)?, "1500.2500");
/// assert_eq!(amount.to_minor(2)?, 150025);
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Amount {
    /// The digits as an integer: the value is `mantissa / 10^scale`.
    mantissa: i128,
    /// Decimals; the mantissa has no trailing zero when this is non-zero.
    scale: u8,
}

fn pow10(exp: u8) -> i128 {
    10i128.pow(u32::from(exp))
}

fn amount_error(message: String) -> Error {
    Error::new(ErrorKind::InvalidAmount, message)
}

fn exponent_out_of_range() -> Error {
    amount_error(format!(
        "the amount's exponent is out of range (at most {MAX_EXPONENT} in absolute value)"
    ))
}

impl Amount {
    /// Zero.
    pub const ZERO: Amount = Amount {
        mantissa: 0,
        scale: 0,
    };

    /// Builds the canonical amount `mantissa / 10^scale`, checking the bounds.
    fn normalized(mut mantissa: i128, mut scale: u8) -> Result<Amount> {
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        if scale > MAX_DECIMALS {
            return Err(amount_error(format!(
                "the amount has {scale} decimals; at most {MAX_DECIMALS} are supported"
            )));
        }
        if mantissa.unsigned_abs() >= pow10(MAX_INTEGER_DIGITS + scale).unsigned_abs() {
            return Err(amount_error(format!(
                "the amount is out of range: it must be below 10^{MAX_INTEGER_DIGITS} in absolute value"
            )));
        }
        Ok(Amount { mantissa, scale })
    }

    /// Reads a decimal: `10`, `10.05`, `-3.5`, and JSON's exponent form (`1.5e2`). No binary float
    /// is involved; trailing fractional zeros are dropped.
    ///
    /// Errors ([`ErrorKind::InvalidAmount`]): not a decimal (`.5`, `1,5`, `NaN`, empty), more than
    /// [`MAX_DECIMALS`] decimals, or 10^15 or more.
    pub fn parse(text: &str) -> Result<Amount> {
        // The text is never quoted back: an amount read from a callback or an answer can hold
        // anything (a card number in the wrong field), and the caller has the text anyway.
        let invalid = || {
            amount_error(
                "the amount is not a decimal (expected digits with an optional '.' fraction, e.g. \
                 10.05)"
                    .to_string(),
            )
        };
        if text.len() > MAX_TEXT_LEN {
            return Err(amount_error(format!(
                "the amount text is {} bytes long; at most {MAX_TEXT_LEN} are read",
                text.len()
            )));
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        let negative = bytes.first() == Some(&b'-');
        if negative {
            i += 1;
        }
        let int_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let int_digits = &text[int_start..i];
        if int_digits.is_empty() {
            return Err(invalid());
        }
        let mut frac_digits = "";
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            frac_digits = &text[start..i];
            if frac_digits.is_empty() {
                return Err(invalid());
            }
        }
        let mut exponent: i64 = 0;
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            i += 1;
            let exp_negative = bytes.get(i) == Some(&b'-');
            if matches!(bytes.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &text[start..i];
            if digits.is_empty() {
                return Err(invalid());
            }
            let digits = digits.trim_start_matches('0');
            if digits.len() > 4 {
                return Err(exponent_out_of_range());
            }
            exponent = digits.parse::<i64>().unwrap_or(0);
            if exponent > MAX_EXPONENT {
                return Err(exponent_out_of_range());
            }
            if exp_negative {
                exponent = -exponent;
            }
        }
        if i != bytes.len() {
            return Err(invalid());
        }

        // All digits, and where the decimal point falls among them after the exponent.
        let digits: String = [int_digits, frac_digits].concat();
        let point = int_digits.len() as i64 + exponent;
        let len = digits.len() as i64;
        let (integer, fraction): (String, String) = if point <= 0 {
            (String::new(), "0".repeat((-point) as usize) + &digits)
        } else if point >= len {
            (digits + &"0".repeat((point - len) as usize), String::new())
        } else {
            let (a, b) = digits.split_at(point as usize);
            (a.to_string(), b.to_string())
        };
        let integer = integer.trim_start_matches('0');
        let fraction = fraction.trim_end_matches('0');
        if integer.len() > usize::from(MAX_INTEGER_DIGITS) {
            return Err(amount_error(format!(
                "the amount is out of range: it must be below 10^{MAX_INTEGER_DIGITS} in absolute value"
            )));
        }
        if fraction.len() > usize::from(MAX_DECIMALS) {
            return Err(amount_error(format!(
                "the amount has {} decimals; at most {MAX_DECIMALS} are supported",
                fraction.len()
            )));
        }
        let all = [integer, fraction].concat();
        // At most 33 digits: fits an i128 (about 1.7 * 10^38).
        let magnitude = if all.is_empty() {
            0
        } else {
            all.parse::<i128>().map_err(|_| invalid())?
        };
        let mantissa = if negative { -magnitude } else { magnitude };
        Amount::normalized(mantissa, fraction.len() as u8)
    }

    /// A whole amount (`from_int(10)` is `10`).
    pub fn from_int(units: i64) -> Result<Amount> {
        Amount::normalized(i128::from(units), 0)
    }

    /// An amount given in minor units with `decimals` decimals: `from_minor(1005, 2)` is `10.05`.
    pub fn from_minor(minor: i64, decimals: u8) -> Result<Amount> {
        if decimals > MAX_DECIMALS {
            return Err(amount_error(format!(
                "{decimals} decimals requested; at most {MAX_DECIMALS} are supported"
            )));
        }
        Amount::normalized(i128::from(minor), decimals)
    }

    /// The amount in minor units of `decimals` decimals: `10.05` with 2 is `1005`.
    ///
    /// Errors when the amount has more decimals than that (it would have to be rounded) or does not
    /// fit an `i64`.
    pub fn to_minor(&self, decimals: u8) -> Result<i64> {
        if self.scale > decimals {
            return Err(amount_error(format!(
                "the amount {self} has {} decimals, more than {decimals}",
                self.scale
            )));
        }
        if decimals > MAX_DECIMALS {
            return Err(amount_error(format!(
                "{decimals} decimals requested; at most {MAX_DECIMALS} are supported"
            )));
        }
        let minor = self.mantissa * pow10(decimals - self.scale);
        i64::try_from(minor).map_err(|_| {
            amount_error(format!(
                "the amount {self} in minor units of {decimals} decimals does not fit 64 bits"
            ))
        })
    }

    /// The number of decimals of the canonical form (`10.10` has 1).
    pub fn decimals(&self) -> u8 {
        self.scale
    }

    /// Whether the amount is zero.
    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    /// Whether the amount is greater than zero.
    pub fn is_positive(&self) -> bool {
        self.mantissa > 0
    }

    /// Whether the amount is below zero.
    pub fn is_negative(&self) -> bool {
        self.mantissa < 0
    }

    /// The two mantissas at a common scale (exact: both bounded well below `i128::MAX`).
    fn aligned(self, other: Amount) -> (i128, i128, u8) {
        let scale = self.scale.max(other.scale);
        (
            self.mantissa * pow10(scale - self.scale),
            other.mantissa * pow10(scale - other.scale),
            scale,
        )
    }

    /// The exact sum, or [`ErrorKind::InvalidAmount`] when it leaves the range.
    pub fn checked_add(self, other: Amount) -> Result<Amount> {
        let (a, b, scale) = self.aligned(other);
        Amount::normalized(a + b, scale)
    }

    /// The exact difference, or [`ErrorKind::InvalidAmount`] when it leaves the range.
    pub fn checked_sub(self, other: Amount) -> Result<Amount> {
        let (a, b, scale) = self.aligned(other);
        Amount::normalized(a - b, scale)
    }

    /// Checks that the amount has at most `max` decimals; `what` names it in the error.
    pub fn check_decimals(&self, max: u8, what: &str) -> Result<()> {
        if self.scale > max {
            return Err(amount_error(format!(
                "{what} {self} has {} decimals; at most {max} are allowed",
                self.scale
            )));
        }
        Ok(())
    }

    /// Checks that the amount is greater than zero; `what` names it in the error.
    pub fn check_positive(&self, what: &str) -> Result<()> {
        if !self.is_positive() {
            return Err(amount_error(format!(
                "{what} must be greater than 0 (got {self})"
            )));
        }
        Ok(())
    }

    /// The amount with exactly `decimals` decimals (`10.1` with 2 is `"10.10"`), for display.
    /// Errors rather than rounds when the amount has more decimals.
    pub fn format_fixed(&self, decimals: u8) -> Result<String> {
        self.check_decimals(decimals, "the amount")?;
        let mut text = self.to_string();
        if decimals > 0 {
            if self.scale == 0 {
                text.push('.');
            }
            text.extend(std::iter::repeat_n('0', usize::from(decimals - self.scale)));
        }
        Ok(text)
    }
}

impl Default for Amount {
    fn default() -> Self {
        Amount::ZERO
    }
}

impl From<u32> for Amount {
    fn from(units: u32) -> Amount {
        Amount {
            mantissa: i128::from(units),
            scale: 0,
        }
    }
}

impl FromStr for Amount {
    type Err = Error;
    fn from_str(text: &str) -> Result<Amount> {
        Amount::parse(text)
    }
}

impl Ord for Amount {
    fn cmp(&self, other: &Amount) -> Ordering {
        let (a, b, _) = self.aligned(*other);
        a.cmp(&b)
    }
}

impl PartialOrd for Amount {
    fn partial_cmp(&self, other: &Amount) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Amount {
    /// The canonical text: `-12.5`, `0.05`, `10`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mantissa < 0 {
            f.write_str("-")?;
        }
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        if scale == 0 {
            return f.write_str(&digits);
        }
        let padded = if digits.len() <= scale {
            "0".repeat(scale + 1 - digits.len()) + &digits
        } else {
            digits
        };
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{int}.{frac}")
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({self})")
    }
}

impl Amount {
    /// Reads an amount from the exact text of a JSON value: a number, or a string holding a
    /// decimal.
    pub(crate) fn from_json(raw: &RawValue) -> Result<Amount> {
        match JsonKind::of(raw) {
            JsonKind::Number => Amount::parse(raw.get()),
            JsonKind::String => Amount::parse(&text_of(raw).unwrap_or_default()),
            other => Err(amount_error(format!(
                "expected an amount (a JSON number or a decimal string), found {}",
                other.name()
            ))),
        }
    }
}

impl Serialize for Amount {
    /// Writes a JSON number with exactly the canonical digits (a decimal string in binary
    /// formats; see the module docs).
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            RawValue::from_string(self.to_string())
                .map_err(S::Error::custom)?
                .serialize(serializer)
        } else {
            serializer.collect_str(self)
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    /// Reads a JSON number or a string holding a decimal, digit for digit (from a decimal string
    /// in binary formats).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Amount, D::Error> {
        let amount = if deserializer.is_human_readable() {
            Amount::from_json(&Box::<RawValue>::deserialize(deserializer)?)
        } else {
            Amount::parse(&String::deserialize(deserializer)?)
        };
        amount.map_err(|e| D::Error::custom(e.message()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(text: &str) -> Amount {
        Amount::parse(text).unwrap()
    }

    #[test]
    fn canonical_text() {
        for (input, output) in [
            ("10", "10"),
            ("10.00", "10"),
            ("10.10", "10.1"),
            ("0.05", "0.05"),
            ("-0.05", "-0.05"),
            ("-0", "0"),
            ("007.50", "7.5"),
            ("1.5e2", "150"),
            ("15E-1", "1.5"),
            ("1e-18", "0.000000000000000001"),
            (
                "999999999999999.999999999999999999",
                "999999999999999.999999999999999999",
            ),
        ] {
            assert_eq!(a(input).to_string(), output, "{input}");
        }
    }

    #[test]
    fn refuses_malformed_and_out_of_range() {
        for bad in [
            "", "-", ".5", "5.", "1,5", "NaN", "inf", "+1", " 1", "1 ", "1e", "1e+", "0x10",
            "1.2.3",
        ] {
            assert_eq!(
                Amount::parse(bad).unwrap_err().kind(),
                ErrorKind::InvalidAmount,
                "{bad:?}"
            );
        }
        for bad in [
            "1000000000000000",
            "1e15",
            "1e-19",
            "0.0000000000000000001",
            "1e99999",
        ] {
            assert_eq!(
                Amount::parse(bad).unwrap_err().kind(),
                ErrorKind::InvalidAmount
            );
        }
        assert!(Amount::parse(&"9".repeat(200)).is_err());
        assert!(Amount::parse(&format!("1.{}", "0".repeat(100))).is_ok());
    }

    #[test]
    fn arithmetic_is_exact_and_bounded() {
        assert_eq!(a("0.1").checked_add(a("0.2")).unwrap(), a("0.3"));
        assert_eq!(a("10.05").checked_sub(a("0.05")).unwrap(), a("10"));
        let max = a("999999999999999");
        assert_eq!(
            max.checked_add(a("1")).unwrap_err().kind(),
            ErrorKind::InvalidAmount
        );
        assert!(a("0.1") < a("0.10000001"));
        assert!(a("-1") < a("0"));
        assert_eq!(a("2.50").cmp(&a("2.5")), Ordering::Equal);
    }

    #[test]
    fn minor_units() {
        assert_eq!(Amount::from_minor(1005, 2).unwrap(), a("10.05"));
        assert_eq!(a("10.1").to_minor(2).unwrap(), 1010);
        assert!(a("10.005").to_minor(2).is_err());
        assert_eq!(a("10.1").format_fixed(2).unwrap(), "10.10");
        assert_eq!(a("10").format_fixed(2).unwrap(), "10.00");
        assert_eq!(a("10").format_fixed(0).unwrap(), "10");
        assert!(Amount::from_int(i64::MAX).is_err());
    }
}
