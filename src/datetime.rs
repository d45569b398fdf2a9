//! A naive (time-zone-free) date and time: [`NaiveDateTime`].
//!
//! Both gateways exchange wall-clock times without a zone: Keepz's `validUntil` is
//! `yyyy-MM-dd HH:mm:ss`, TransactPay's dates look like `2024-03-31T14:05:46.37`. Neither says
//! which zone it means (Keepz's servers run in Georgia, TransactPay's in Nigeria), so payseal does
//! not pretend to know: it keeps the fields as written and converts nothing. A full date library
//! would add a dependency for six numbers and two formats.

use crate::error::{Error, ErrorKind, Result, excerpt};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date and wall-clock time with no time zone, checked to exist (no 31 April, no 25:00;
/// 29 February only in leap years). Years 1–9999.
///
/// ```
/// use payseal::datetime::NaiveDateTime;
/// # fn main() -> payseal::Result<()> {
/// let t = NaiveDateTime::new(2025, 3, 1, 18, 30, 0)?;
/// assert_eq!(t.to_string(), "2025-03-01 18:30:00");
/// let tp: NaiveDateTime = "2024-03-31T14:05:46.37".parse()?;
/// assert_eq!(tp.nanosecond(), 370_000_000);
/// assert!(NaiveDateTime::new(2023, 2, 29, 0, 0, 0).is_err());
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NaiveDateTime {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn invalid(what: impl fmt::Display) -> Error {
    Error::new(
        ErrorKind::InvalidRequest,
        format!("invalid date-time: {what}"),
    )
}

impl NaiveDateTime {
    /// A date and time to the second; errors ([`ErrorKind::InvalidRequest`]) when it does not
    /// exist.
    pub fn new(
        year: u16,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
    ) -> Result<NaiveDateTime> {
        if !(1..=9999).contains(&year) {
            return Err(invalid(format_args!("year {year} is outside 1–9999")));
        }
        if !(1..=12).contains(&month) {
            return Err(invalid(format_args!("month {month} is outside 1–12")));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(invalid(format_args!(
                "{year:04}-{month:02} has no day {day}"
            )));
        }
        if hour > 23 || minute > 59 || second > 59 {
            return Err(invalid(format_args!(
                "{hour:02}:{minute:02}:{second:02} is not a time of day"
            )));
        }
        Ok(NaiveDateTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
            nanosecond: 0,
        })
    }

    /// The same instant with a fraction of a second (0–999 999 999 ns).
    pub fn with_nanosecond(self, nanosecond: u32) -> Result<NaiveDateTime> {
        if nanosecond > 999_999_999 {
            return Err(invalid(format_args!(
                "{nanosecond} ns is not a fraction of a second"
            )));
        }
        Ok(NaiveDateTime { nanosecond, ..self })
    }

    /// Reads `yyyy-MM-dd HH:mm:ss` (Keepz) or `yyyy-MM-ddTHH:mm:ss` with an optional fraction of
    /// up to nine digits (TransactPay, ISO 8601 without a zone). A zone suffix is refused rather
    /// than silently dropped.
    pub fn parse(text: &str) -> Result<NaiveDateTime> {
        let bad = || {
            invalid(format_args!(
                "{} is not yyyy-MM-dd HH:mm:ss or yyyy-MM-ddTHH:mm:ss[.fraction]",
                excerpt(text).with_limit(40)
            ))
        };
        let b = text.as_bytes();
        if b.len() < 19 || !text.is_ascii() {
            return Err(bad());
        }
        let num = |range: std::ops::Range<usize>| -> Result<u16> {
            let part = &text[range];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse::<u16>().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b' ' | b'T') || b[13] != b':' {
            return Err(bad());
        }
        if b[16] != b':' {
            return Err(bad());
        }
        let small = |v: u16| u8::try_from(v).map_err(|_| bad());
        let base = NaiveDateTime::new(
            num(0..4)?,
            small(num(5..7)?)?,
            small(num(8..10)?)?,
            small(num(11..13)?)?,
            small(num(14..16)?)?,
            small(num(17..19)?)?,
        )?;
        let rest = &text[19..];
        if rest.is_empty() {
            return Ok(base);
        }
        let fraction = rest.strip_prefix('.').ok_or_else(bad)?;
        if fraction.is_empty()
            || fraction.len() > 9
            || !fraction.bytes().all(|c| c.is_ascii_digit())
        {
            return Err(bad());
        }
        let padded = format!("{fraction:0<9}");
        let nanos = padded.parse::<u32>().map_err(|_| bad())?;
        base.with_nanosecond(nanos)
    }

    /// The year (1–9999).
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1–12).
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month (1–31).
    pub fn day(&self) -> u8 {
        self.day
    }

    /// The hour (0–23).
    pub fn hour(&self) -> u8 {
        self.hour
    }

    /// The minute (0–59).
    pub fn minute(&self) -> u8 {
        self.minute
    }

    /// The second (0–59).
    pub fn second(&self) -> u8 {
        self.second
    }

    /// The fraction of the second, in nanoseconds.
    pub fn nanosecond(&self) -> u32 {
        self.nanosecond
    }

    /// Whether this is `0001-01-01T00:00:00`, .NET's `DateTime.MinValue`, which TransactPay sends
    /// for "no date".
    pub fn is_min_value(&self) -> bool {
        *self == NaiveDateTime::MIN
    }

    /// `0001-01-01 00:00:00`.
    pub const MIN: NaiveDateTime = NaiveDateTime {
        year: 1,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
        nanosecond: 0,
    };
}

impl fmt::Display for NaiveDateTime {
    /// `yyyy-MM-dd HH:mm:ss` (Keepz's format; the fraction of a second is not written).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

impl fmt::Debug for NaiveDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NaiveDateTime({self}")?;
        if self.nanosecond != 0 {
            write!(f, ".{:09}", self.nanosecond)?;
        }
        f.write_str(")")
    }
}

impl FromStr for NaiveDateTime {
    type Err = Error;
    fn from_str(text: &str) -> Result<NaiveDateTime> {
        NaiveDateTime::parse(text)
    }
}

impl Serialize for NaiveDateTime {
    /// Writes `yyyy-MM-dd HH:mm:ss`, the format of Keepz's `validUntil`.
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NaiveDateTime {
    fn deserialize<D: Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<NaiveDateTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        NaiveDateTime::parse(&text).map_err(|e| D::Error::custom(e.message()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses() {
        let t = NaiveDateTime::new(2024, 2, 29, 23, 59, 59).unwrap();
        assert_eq!(t.to_string(), "2024-02-29 23:59:59");
        assert_eq!(NaiveDateTime::parse("2024-02-29 23:59:59").unwrap(), t);
        assert_eq!(NaiveDateTime::parse("2024-02-29T23:59:59").unwrap(), t);
        let f = NaiveDateTime::parse("2024-03-31T14:05:46.37").unwrap();
        assert_eq!(f.nanosecond(), 370_000_000);
        assert!(
            NaiveDateTime::parse("0001-01-01T00:00:00")
                .unwrap()
                .is_min_value()
        );
    }

    #[test]
    fn refuses_impossible_and_malformed() {
        for bad in [
            "2023-02-29 00:00:00",
            "2024-04-31 00:00:00",
            "2024-13-01 00:00:00",
            "2024-01-01 24:00:00",
            "2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00+04:00",
            "2024-01-01T00:00:00.",
            "2024-01-01T00:00:00.1234567890",
            "2024-1-01 00:00:00",
            "0000-01-01 00:00:00",
            "２０２４-01-01 00:00:00",
            "",
        ] {
            assert!(NaiveDateTime::parse(bad).is_err(), "{bad:?}");
        }
    }
}
