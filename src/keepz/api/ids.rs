//! UUID-shaped identifiers: checked before sealing, generated for new orders.
//!
//! Keepz names everything with UUIDs (`integratorId`, `receiverId`, `integratorOrderId`,
//! `cardToken`). A malformed one costs a round trip and comes back as a generic validation error;
//! checked here, it is refused with the field's name.

use crate::error::{Error, ErrorKind, Result};

/// Whether `value` has the UUID shape: 8-4-4-4-12 hexadecimal digits (either case). The version is
/// not checked: Keepz parses any UUID.
pub fn is_uuid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Checks that the field `field` holds a UUID ([`ErrorKind::InvalidRequest`] otherwise).
pub(crate) fn check_uuid(field: &str, value: &str) -> Result<()> {
    if is_uuid(value) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::InvalidRequest,
            format!(
                "{field} {:?} is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
                value.chars().take(64).collect::<String>()
            ),
        ))
    }
}

/// Checks that the field `field` is not empty or blank.
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

/// A fresh random (version 4) UUID in lower case, from the OS random number generator — what
/// Keepz expects as `integratorOrderId`.
///
/// ```
/// let id = payseal::keepz::api::new_order_id().unwrap();
/// assert!(payseal::keepz::api::is_uuid(&id));
/// assert_eq!(&id[14..15], "4");
/// ```
pub fn new_order_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    crate::backend::fill_random(&mut bytes)?;
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    ))
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
        ] {
            assert!(!is_uuid(bad), "{bad}");
            assert_eq!(
                check_uuid("x", bad).unwrap_err().kind(),
                ErrorKind::InvalidRequest
            );
        }
        let a = new_order_id().unwrap();
        assert!(is_uuid(&a));
        assert_ne!(a, new_order_id().unwrap());
    }
}
