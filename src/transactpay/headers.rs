//! The HTTP headers a TransactPay request goes out with. payseal sends nothing itself; it names
//! the headers so that every host spells them the same way.

use crate::error::{Error, ErrorKind, Result};

/// The header carrying the merchant's key: the public key (`PGW-PUBLICKEY-...`) on encrypted
/// endpoints, the secret key (`PGW-SECRETKEY-...`) on verify and refund.
pub const API_KEY_HEADER: &str = "api-key";

/// The content-type header's name.
pub const CONTENT_TYPE_HEADER: &str = "Content-Type";

/// The content type of every TransactPay request body.
pub const CONTENT_TYPE: &str = "application/json";

/// The headers of a request: `api-key: <api_key>` and `Content-Type: application/json`.
///
/// The key must be non-empty visible ASCII (no spaces or line breaks), so it cannot inject another
/// header; otherwise [`ErrorKind::InvalidArgument`]. The key itself never appears in the message:
/// it may be the secret key.
pub fn request_headers(api_key: &str) -> Result<[(&'static str, &str); 2]> {
    let key = api_key.trim();
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Error::new(
            ErrorKind::InvalidArgument,
            "the api-key must be the dashboard's key (PGW-PUBLICKEY-... or PGW-SECRETKEY-...): \
             non-empty visible ASCII with no spaces or line breaks",
        ));
    }
    Ok([(API_KEY_HEADER, key), (CONTENT_TYPE_HEADER, CONTENT_TYPE)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let key = "PGW-PUBLICKEY-TEST-0123456789abcdef0123456789abcdef";
        assert_eq!(
            request_headers(&format!(" {key}\n")).unwrap(),
            [("api-key", key), ("Content-Type", "application/json")]
        );
        for bad in ["", "  ", "PGW-PUBLICKEY\r\nX-Evil: 1", "a b", "clé"] {
            let e = request_headers(bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidArgument);
            assert!(!e.message().contains("Evil"));
        }
    }
}
