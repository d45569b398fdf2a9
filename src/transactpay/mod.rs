//! TransactPay: the `{"data": "..."}` envelope (RSA PKCS#1 v1.5, one block) and its key formats.

pub mod api;
mod api_error;
mod encryption_key;
mod envelope;
mod handle;
mod headers;
mod key_blob;
mod open;
mod rsa_key_value;
mod seal;
mod xml;

pub use api_error::TransactPayApiError;
pub use encryption_key::parse_encryption_key;
pub use envelope::SealedData;
pub use handle::{DEFAULT_MAX_BODY, TransactPay, TransactPayBuilder};
pub use headers::{API_KEY_HEADER, CONTENT_TYPE, CONTENT_TYPE_HEADER, request_headers};
pub use key_blob::{to_dashboard_blob, to_key_text, to_xml_string};
