//! UUID-shaped identifiers: checked before sealing, generated for new orders.
//!
//! Keepz names everything with UUIDs (`integratorId`, `receiverId`, `integratorOrderId`,
//! `cardToken`). A malformed one costs a round trip and comes back as a generic validation error;
//! checked here, it is refused with the field's name.

use crate::error::Result;
pub use crate::field_checks::is_uuid;
pub(crate) use crate::field_checks::{check_present, check_uuid};

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
    fn fresh_ids_are_uuids() {
        let a = new_order_id().unwrap();
        assert!(is_uuid(&a));
        assert_ne!(a, new_order_id().unwrap());
    }
}
