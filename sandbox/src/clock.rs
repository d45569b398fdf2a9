//! Time as the gateways write it: Unix seconds, Keepz's `yyyy-MM-dd HH:mm:ss`, TransactPay's
//! `2024-03-31T14:05:46.37` — all in UTC (neither gateway documents a time zone).

use payseal::datetime::NaiveDateTime;
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch, now.
pub fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// A Unix time as a naive UTC date-time (days to civil date: Howard Hinnant's algorithm).
pub fn to_naive(unix: i64) -> NaiveDateTime {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    NaiveDateTime::new(
        year,
        month,
        day,
        (secs / 3600) as u8,
        (secs % 3600 / 60) as u8,
        (secs % 60) as u8,
    )
    .unwrap_or_else(|_| NaiveDateTime::new(1970, 1, 1, 0, 0, 0).expect("the epoch exists"))
}

/// TransactPay's date text for a Unix time (`2024-03-31T14:05:46`).
pub fn transactpay_date(unix: i64) -> String {
    to_naive(unix).to_string().replace(' ', "T")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(to_naive(0).to_string(), "1970-01-01 00:00:00");
        assert_eq!(to_naive(951_782_400).to_string(), "2000-02-29 00:00:00");
        assert_eq!(
            transactpay_date(1_711_893_946),
            "2024-03-31T14:05:46".to_string()
        );
    }
}
