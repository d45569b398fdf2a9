//! Keepz: the hybrid envelope (`encryptedData`, `encryptedKeys`, `aes: true`), both directions,
//! the legacy RSA-only mode, and Keepz's error body.
//!
//! See [`Keepz`] for the handle, [`SealedEnvelope`] for the wire forms (JSON body and query
//! string), and [`KeepzDiagnostics`] — a separate handle, never reachable from a [`Keepz`] — for
//! the offline explanation of an envelope that does not open.

pub mod api;
mod diagnose;
mod envelope;
mod error_codes;
mod gateway_error;
mod handle;
pub(crate) mod key_string;
mod open;
mod options;
mod seal;

pub use diagnose::{DiagnoseOptions, Diagnosis, KeepzDiagnostics};
pub use envelope::SealedEnvelope;
pub use gateway_error::{ExceptionGroup, KeepzApiError};
pub use handle::{Keepz, KeepzBuilder};
pub use options::{DEFAULT_MAX_BODY, EnvelopeMode, KeepzOptions};
