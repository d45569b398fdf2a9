//! Every gateway operation through the C ABI, as JSON in and out, one description for all
//! hosts.
//!
//! - prepare: an operation's name and its request as JSON (the gateway's own field names) →
//!   read into the Rust request type, checked by it, sealed by the handle, placed
//!   ([`payseal_keepz_prepare`], [`payseal_transactpay_prepare`]);
//! - parse: an operation's name and the HTTP status and body received → the typed answer in
//!   the ABI's form, the gateway's typed error, or a transport error ([`payseal_keepz_parse`],
//!   [`payseal_transactpay_parse`]);
//! - callbacks and webhooks → the unverified content and its re-check, prepared
//!   ([`payseal_keepz_callback`], [`payseal_transactpay_webhook`]);
//! - a new order id ([`payseal_new_order_id`]); the test doubles' query-string opener
//!   ([`payseal_keepz_open_query`]);
//! - the description of all of it ([`payseal_describe`]).
//!
//! The rules (validation, parsing, derived facts) are the core's, called here; this module
//! reads JSON into the core's types (`read`), writes them back in the ABI's form
//! (`normalize`: amounts as decimal strings, statuses with their facts) and defines the few
//! documents that exist only for the ABI (`shapes`).

mod base_url;
mod call;
mod describe;
mod keepz;
mod normalize;
mod order_id;
mod prepared;
mod read;
mod registry;
mod shapes;
mod transactpay;

pub use base_url::{PAYSEAL_BASE_URL_CUSTOM, PAYSEAL_BASE_URL_PRODUCTION, PAYSEAL_BASE_URL_TEST};
pub use describe::payseal_describe;
pub use keepz::{
    payseal_keepz_callback, payseal_keepz_open_query, payseal_keepz_parse, payseal_keepz_prepare,
};
pub use order_id::payseal_new_order_id;
pub(crate) use shapes::{KeepzError, TransactPayError};
pub use transactpay::{
    payseal_transactpay_parse, payseal_transactpay_prepare, payseal_transactpay_webhook,
};

#[cfg(test)]
pub(crate) use describe::description_text;
#[cfg(test)]
pub(crate) use registry::{keepz_operation_names, transactpay_operation_names};
