//! Checks on request values that both gateways need, written once: a field is present, an
//! identifier has the UUID shape. Each gateway's own rules (Keepz's two decimals, TransactPay's
//! currency codes) live with its requests.

use crate::error::{Error, ErrorKind, Result, excerpt};

/// Whether `value` has the UUID shape: 8-4-4-4-12 hexadecimal digits (either case). The version is
/// not checked: Keepz parses any UUID.
///
/// ```
/// use payseal::keepz::api::is_uuid;
/// assert!(is_uuid("1B5E2C7A-8d3f-4e6a-9c1b-2f4d6e8a0c3e"));
/// assert!(!is_uuid("{1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e}"));
/// ```
pub fn is_uuid(value: &str) -> bool {
    let mut groups = value.split('-');
    let shaped = [8, 4, 4, 4, 12].iter().all(|&len| {
        groups
            .next()
            .is_some_and(|g| g.len() == len && g.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    shaped && groups.next().is_none()
}

/// Checks that the field `field` holds a UUID ([`ErrorKind::InvalidRequest`] otherwise).
pub(crate) fn check_uuid(field: &str, value: &str) -> Result<()> {
    if is_uuid(value) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::InvalidRequest,
            format!(
                "{field} {} is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
                excerpt(value)
            ),
        ))
    }
}

/// Checks that the field `field` is not empty or blank ([`ErrorKind::InvalidRequest`]).
pub(crate) fn check_present(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(Error::new(
            ErrorKind::InvalidRequest,
            format!("{field} must not be empty"),
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_uuid("1B5E2C7A-8d3f-4e6a-9c1b-2f4d6e8a0c3e"));
        for bad in [
            "",
            "1b5e2c7a8d3f4e6a9c1b2f4d6e8a0c3e",
            "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3",
            "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3g",
            "{1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e}",
            "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e-",
            "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e-0000",
        ] {
            assert!(!is_uuid(bad), "{bad}");
            assert_eq!(
                check_uuid("x", bad).unwrap_err().kind(),
                ErrorKind::InvalidRequest
            );
        }
        assert!(check_present("x", " y ").is_ok());
        assert_eq!(
            check_present("x", " \t").unwrap_err().kind(),
            ErrorKind::InvalidRequest
        );
    }
}
