//! TransactPay: the `{"data": "..."}` envelope (RSA PKCS#1 v1.5, one block) and its key formats.

pub mod api;
mod api_error;

pub use api_error::TransactPayApiError;
