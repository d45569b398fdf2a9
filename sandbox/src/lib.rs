//! payseal-sandbox: a local Keepz and TransactPay that integrations are tested against.
//!
//! A real HTTP/1.1 server (axum over hyper, on tokio) that answers on the gateways' own paths the
//! way they do: Keepz requests are opened with Keepz's private key and answered with envelopes
//! sealed to the integrator's public key, or with Keepz's plain error bodies; TransactPay's
//! `{"data"}` bodies are opened with its private key, `api-key` headers are checked, answers come
//! in its shapes. Every rule a request is checked against is payseal's own (its typed requests'
//! `validate`), and every body is built from payseal's typed responses, so the sandbox and
//! payseal cannot disagree about the wire format.
//!
//! Around that: orders with a state machine, callbacks and webhooks posted with retries and a
//! log, a checkout page a person (or a browser test) pays on, a control API and faults for tests,
//! and an optional SQLite state file. `README.md` (section "Sandbox") is the user's guide.

pub mod config;

mod app;
mod checkout;
mod clock;
mod control;
mod exact;
mod faults;
mod keepz;
mod keys;
mod notify;
mod ready;
mod server;
mod state;
mod store;
mod transactpay;

pub use server::run;
