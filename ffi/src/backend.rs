//! Choosing a crypto backend across the C ABI.

use payseal::backend::Backend;
use payseal::error::{Error, ErrorKind, Result};

/// `backend`: the build's default (aws-lc when compiled in).
pub const PAYSEAL_BACKEND_DEFAULT: u32 = 0;
/// `backend`: AWS-LC.
pub const PAYSEAL_BACKEND_AWS_LC: u32 = 1;
/// `backend`: RustCrypto.
pub const PAYSEAL_BACKEND_RUSTCRYPTO: u32 = 2;

pub(crate) fn backend_from(code: u32) -> Result<Backend> {
    let backend = match code {
        PAYSEAL_BACKEND_DEFAULT => return Ok(Backend::default()),
        PAYSEAL_BACKEND_AWS_LC => Backend::AwsLc,
        PAYSEAL_BACKEND_RUSTCRYPTO => Backend::RustCrypto,
        other => {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("unknown backend {other}"),
            ));
        }
    };
    if backend.is_available() {
        Ok(backend)
    } else {
        Err(Error::new(
            ErrorKind::BackendUnavailable,
            format!(
                "the {} backend is not compiled into this library",
                backend.name()
            ),
        ))
    }
}

/// Whether a `PAYSEAL_BACKEND_*` backend is compiled into this library (the default always is).
#[unsafe(no_mangle)]
pub extern "C" fn payseal_backend_available(backend: u32) -> bool {
    std::panic::catch_unwind(|| backend_from(backend).is_ok()).unwrap_or(false)
}
