//! The little of HTTP that payseal names: request methods.
//!
//! payseal sends nothing itself; it tells a host which method to use so that any HTTP client can
//! send what payseal built.

use crate::error::{Error, ErrorKind, Result};
use std::fmt;

/// An HTTP request method used by one of the gateways.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method as written in a request line (`"GET"`, `"POST"`, `"DELETE"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Checks a base URL a host gives in place of a gateway's own (a test double, the refund host
/// TransactPay names): `https://` or `http://`, then a host, and nothing a path could not be
/// appended to — no query, no fragment, no spaces or control characters, at most 2048 bytes.
/// [`ErrorKind::InvalidArgument`] otherwise; the message quotes at most 64 characters of it.
///
/// ```
/// use payseal::http::check_base_url;
/// assert!(check_base_url("http://127.0.0.1:8080/keepz").is_ok());
/// assert!(check_base_url("https://refunds.example/").is_ok());
/// for bad in ["", "ftp://x", "https://", "https://x/?a=1", "https://x/#top", "https://a b", "https://x\r\n"] {
///     assert!(check_base_url(bad).is_err(), "{bad:?}");
/// }
/// ```
pub fn check_base_url(url: &str) -> Result<()> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|r| r.split('/').next().unwrap_or_default());
    let ok = url.len() <= 2048
        && host.is_some_and(|h| !h.is_empty())
        && url
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'?' && b != b'#');
    if ok {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::InvalidArgument,
            format!(
                "{:?} is not a base URL: expected https:// or http://, a host and an optional \
                 path, without a query, a fragment or spaces",
                url.chars().take(64).collect::<String>()
            ),
        ))
    }
}
