//! Keepz's rules for amounts, checked before sealing.

use crate::error::Result;
use crate::money::Amount;

/// The most decimals Keepz accepts in an amount (more is Keepz error 6058).
pub const KEEPZ_MAX_DECIMALS: u8 = 2;

/// Checks a Keepz amount: greater than 0 (Keepz error 6068) and at most two decimals (6058).
/// `what` names the field in the error ([`crate::ErrorKind::InvalidAmount`]).
pub(crate) fn check_keepz_amount(what: &str, amount: &Amount) -> Result<()> {
    amount.check_positive(what)?;
    amount.check_decimals(KEEPZ_MAX_DECIMALS, what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn mirrors_keepz_errors() {
        let ok = |s: &str| check_keepz_amount("amount", &s.parse().unwrap());
        assert!(ok("10.05").is_ok());
        assert!(ok("10.10").is_ok());
        assert!(ok("10.050").is_ok());
        for bad in ["10.005", "0", "-1", "0.001"] {
            assert_eq!(
                ok(bad).unwrap_err().kind(),
                ErrorKind::InvalidAmount,
                "{bad}"
            );
        }
    }
}
