//! Keepz's known `statusCode` values (spec §4), with names and, for the envelope codes, hints.

/// The name of a known Keepz status code.
pub fn name(code: i64) -> Option<&'static str> {
    Some(match code {
        6002 => "active check order not found",
        6003 => "integrator order expired",
        6004 | 6008 => "active integrator not found",
        6005 => "integrator order not found",
        6006 => "order cannot be cancelled (not found or already final)",
        6007 => "refund amount out of range",
        6009 => "failed to encrypt",
        6010 => "failed to decrypt",
        6011 => "failed to parse",
        6013 => "AES decryption failed",
        6014 => "AES encryption failed",
        6015 => "order no longer valid",
        6016 => "order already paid",
        6017 => "order expired",
        6021 => "bad number format",
        6022 => "integrator may not create orders",
        6023 => "duplicate integratorOrderId",
        6024 => "receiver type must be BRANCH",
        6026 => "amount out of limits",
        6030 => "tip receiver not found",
        6031 => "integrator may not save cards",
        6035 => "validUntil must be in the future",
        6036 => "integrator may not use dynamic redirects",
        6038 => "integrator may not refund",
        6046 => "order not found",
        6049 => "invalid create-order parameter",
        6054 => "unhandled error",
        6056 => "integrator may not use dynamic callbacks",
        6057 => "integrator may not split payments",
        6058 => "amount has more than 2 decimal places",
        6059..=6066 => "split details error",
        6068 => "amount must be greater than 0",
        6070 => "personal number required",
        6075 => "integrator card not found",
        6090 => "integrator may not pay with saved cards",
        6100 => "subscription plan not found",
        _ => return None,
    })
}

/// What to do about an envelope error (6009–6014).
pub fn hint(code: i64) -> Option<&'static str> {
    Some(match code {
        6009 => {
            "Keepz could not encrypt its response: check that Keepz holds your current public key"
        }
        6010 => {
            "Keepz could not open the request: check that it was sealed to Keepz's current public \
             key and that the RSA padding matches what Keepz expects for this integrator"
        }
        6011 => {
            "Keepz opened the request but could not parse it: check that the payload is compact \
             UTF-8 JSON with the documented field names"
        }
        6013 => {
            "Keepz could not AES-decrypt encryptedData: check that the AES key and IV in \
             encryptedKeys belong to this encryptedData and that both use standard Base64"
        }
        6014 => {
            "Keepz could not AES-encrypt its response: retry, and report it to Keepz if it persists"
        }
        _ => return None,
    })
}

/// The `exceptionGroup` Keepz sends with a known status code (spec §4), for answering as Keepz
/// does (the sandbox) — a client reads the group from the body, never from this table.
pub fn group(code: i64) -> Option<i64> {
    Some(match code {
        6007 | 6021 | 6026 | 6035 | 6049 | 6058 | 6059..=6066 | 6068 | 6070 => 1,
        6003 | 6006 | 6015 | 6016 | 6017 | 6023 | 6024 => 2,
        6022 | 6031 | 6036 | 6038 | 6056 | 6057 | 6090 => 3,
        6002 | 6004 | 6005 | 6008 | 6030 | 6046 | 6075 | 6100 => 5,
        6009 | 6010 | 6011 | 6013 | 6014 | 6054 => 6,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_code_has_a_group_and_back() {
        for code in 6000..6200 {
            assert_eq!(name(code).is_some(), group(code).is_some(), "{code}");
        }
        assert_eq!(
            (group(6005), group(6010), group(6058)),
            (Some(5), Some(6), Some(1))
        );
    }
}
