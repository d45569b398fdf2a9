//! The choices a Keepz handle is made with.

use crate::backend::RsaPadding;

/// The default maximum body size accepted by `open` (1 MiB).
pub const DEFAULT_MAX_BODY: usize = 1024 * 1024;

/// Which envelope scheme a handle speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum EnvelopeMode {
    /// AES-256-CBC payload, RSA-wrapped key and IV, `aes: true` (the current scheme).
    #[default]
    Hybrid,
    /// Older integrations: the whole JSON RSA PKCS#1 v1.5-encrypted (at most k − 11 bytes), no AES.
    Legacy,
}

/// Options of a Keepz handle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeepzOptions {
    /// The RSA padding of the key wrap (hybrid mode). OAEP-SHA-256 by default; payseal never falls
    /// back from one padding to the other on its own.
    pub padding: RsaPadding,
    /// Hybrid (default) or legacy envelopes.
    pub mode: EnvelopeMode,
    /// The largest body `open` accepts, in bytes; larger bodies are refused before decoding.
    pub max_body: usize,
}

impl Default for KeepzOptions {
    fn default() -> Self {
        KeepzOptions {
            padding: RsaPadding::OaepSha256,
            mode: EnvelopeMode::Hybrid,
            max_body: DEFAULT_MAX_BODY,
        }
    }
}

impl KeepzOptions {
    /// The RSA padding actually used: legacy mode is always PKCS#1 v1.5.
    pub fn effective_padding(&self) -> RsaPadding {
        match self.mode {
            EnvelopeMode::Hybrid => self.padding,
            EnvelopeMode::Legacy => RsaPadding::Pkcs1v15,
        }
    }
}
