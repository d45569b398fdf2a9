//! The outcome of an operation whose failure may be the gateway's own error.

use crate::boundary::Outcome;

/// On `PAYSEAL_GATEWAY_ERROR`, the gateway's error goes to `*out` as JSON (as for
/// `payseal_keepz_open`); every other failure leaves `*out` untouched.
pub(crate) fn with_gateway_error(result: payseal::Result<Vec<u8>>) -> Outcome {
    match result {
        Ok(bytes) => Outcome::Bytes(bytes),
        Err(e) => {
            let json = crate::json::gateway_error(&e).map(|v| v.to_string().into_bytes());
            Outcome::Failure(e, json)
        }
    }
}
