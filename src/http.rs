//! The little of HTTP that payseal names: request methods.
//!
//! payseal sends nothing itself; it tells a host which method to use so that any HTTP client can
//! send what payseal built.

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
