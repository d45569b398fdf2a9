//! Keepz handles across the C ABI.

use super::args::{bytes, handle, optional, require_out};
use super::backend::backend_from;
use super::boundary::{Outcome, free_handle, new_handle, run};
use super::buffer::payseal_buffer;
use super::status::payseal_status;
use payseal::backend::RsaPadding;
use payseal::error::{Error, ErrorKind, Result};
use payseal::keepz::{DEFAULT_MAX_BODY, EnvelopeMode, Keepz, KeepzOptions};
use payseal::keys::{KeyOptions, cache};

/// `padding`: RSAES-OAEP with SHA-256 and MGF1-SHA-256 (Keepz's default).
pub const PAYSEAL_PADDING_OAEP_SHA256: u32 = 0;
/// `padding`: RSAES-PKCS#1 v1.5.
pub const PAYSEAL_PADDING_PKCS1V15: u32 = 1;
/// Options of a Keepz handle. Zero-initialise it for the defaults.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct payseal_keepz_options {
    /// `PAYSEAL_PADDING_OAEP_SHA256` (0, default) or `PAYSEAL_PADDING_PKCS1V15`.
    pub padding: u32,
    /// 0: hybrid envelopes (default); 1: legacy RSA-only envelopes.
    pub legacy: u32,
    /// The largest body `payseal_keepz_open` accepts; 0 means the default (1 MiB).
    pub max_body: usize,
    /// `PAYSEAL_BACKEND_DEFAULT` (0), `PAYSEAL_BACKEND_AWS_LC` or `PAYSEAL_BACKEND_RUSTCRYPTO`.
    pub backend: u32,
}

/// An opaque Keepz handle: keys parsed once, immutable, safe to share between threads.
pub struct payseal_keepz(pub(crate) Keepz);

fn padding_from(code: u32) -> Result<RsaPadding> {
    match code {
        PAYSEAL_PADDING_OAEP_SHA256 => Ok(RsaPadding::OaepSha256),
        PAYSEAL_PADDING_PKCS1V15 => Ok(RsaPadding::Pkcs1v15),
        other => Err(Error::new(
            ErrorKind::InvalidArgument,
            format!("unknown padding {other}"),
        )),
    }
}

/// The core's options for a C options struct (NULL: the defaults), and the key options of its
/// backend.
pub(crate) fn options_from(
    options: *const payseal_keepz_options,
) -> Result<(KeepzOptions, KeyOptions)> {
    // SAFETY: NULL or a valid options struct (the caller's contract).
    let options = unsafe { options.as_ref() }.copied().unwrap_or_default();
    let keepz_options = KeepzOptions {
        padding: padding_from(options.padding)?,
        mode: match options.legacy {
            0 => EnvelopeMode::Hybrid,
            1 => EnvelopeMode::Legacy,
            other => {
                return Err(Error::new(
                    ErrorKind::InvalidArgument,
                    format!("legacy must be 0 or 1, not {other}"),
                ));
            }
        },
        max_body: if options.max_body == 0 {
            DEFAULT_MAX_BODY
        } else {
            options.max_body
        },
    };
    let key_options = KeyOptions::with_backend(backend_from(options.backend)?);
    Ok((keepz_options, key_options))
}

fn build(
    public: Option<&[u8]>,
    private: Option<&[u8]>,
    identifier: Option<&str>,
    options: *const payseal_keepz_options,
) -> Result<Keepz> {
    let (keepz_options, key_options) = options_from(options)?;
    let mut builder = Keepz::builder().options(keepz_options);
    if let Some(key) = public {
        builder = builder.seal_to(cache::public_key(key, &key_options)?);
    }
    if let Some(key) = private {
        builder = builder.open_with(cache::private_key(key, &key_options)?);
    }
    if let Some(id) = identifier {
        builder = builder.identifier(id);
    }
    builder.build()
}

/// Creates a Keepz handle. Either key may be absent (`NULL, 0`) for a seal-only or open-only
/// handle; keys may be in any supported format (PEM, DER, bare Base64 DER). The identifier (the
/// integrator id, a UUID) may be absent to seal responses. `options` may be NULL for defaults.
/// Keys seen before (the same bytes and backend) are taken from the process-wide key cache
/// instead of being parsed again (`payseal_key_cache_set_capacity`).
/// On success `*out` holds a handle to release with `payseal_keepz_free`; on failure `*out` is
/// set to NULL.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_new(
    keepz_public_key: *const u8,
    keepz_public_key_len: usize,
    integrator_private_key: *const u8,
    integrator_private_key_len: usize,
    identifier: *const u8,
    identifier_len: usize,
    options: *const payseal_keepz_options,
    out: *mut *mut payseal_keepz,
    error: *mut payseal_buffer,
) -> payseal_status {
    new_handle(out, error, || {
        let public =
            unsafe { optional(keepz_public_key, keepz_public_key_len, "keepz_public_key") }?;
        let private = unsafe {
            optional(
                integrator_private_key,
                integrator_private_key_len,
                "integrator_private_key",
            )
        }?;
        let id = unsafe { optional(identifier, identifier_len, "identifier") }?
            .map(|raw| {
                std::str::from_utf8(raw).map_err(|_| {
                    Error::new(ErrorKind::InvalidUtf8, "identifier is not valid UTF-8")
                })
            })
            .transpose()?;
        build(public, private, id, options).map(payseal_keepz)
    })
}

/// Releases a Keepz handle (NULL is ignored). Call it exactly once per handle.
///
/// # Safety
/// `handle` must be NULL or a handle from `payseal_keepz_new` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_free(handle: *mut payseal_keepz) {
    unsafe { free_handle(handle) }
}

unsafe fn seal_with(
    keepz: *const payseal_keepz,
    payload: *const u8,
    payload_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
    render: fn(&payseal::keepz::SealedEnvelope) -> String,
) -> payseal_status {
    run(out, error, || {
        Outcome::from((|| {
            require_out(out, "out")?;
            let keepz = unsafe { handle(keepz, "keepz") }?;
            let payload = unsafe { bytes(payload, payload_len, "payload") }?;
            Ok(render(&keepz.0.seal_bytes(payload)?).into_bytes())
        })())
    })
}

/// Seals a payload (UTF-8 JSON object, sent as given) into the JSON body
/// `{"identifier":…,"encryptedData":…,"encryptedKeys":…,"aes":true}` for POST endpoints.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_seal(
    keepz: *const payseal_keepz,
    payload: *const u8,
    payload_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    unsafe {
        seal_with(keepz, payload, payload_len, out, error, |s| {
            s.to_json_body()
        })
    }
}

/// Seals a payload into a percent-encoded query string
/// `identifier=…&encryptedData=…&encryptedKeys=…&aes=true` for GET and DELETE endpoints.
///
/// # Safety
/// As for `payseal_keepz_seal`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_seal_query(
    keepz: *const payseal_keepz,
    payload: *const u8,
    payload_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    unsafe {
        seal_with(keepz, payload, payload_len, out, error, |s| {
            s.to_query_string()
        })
    }
}

/// Opens a response or callback. `http_status` is the response's status code, or 0 for a
/// callback. Outcomes:
/// - `PAYSEAL_OK`: `*out` holds the plaintext JSON; for an empty 2xx body (subscription revoke)
///   `*out` is empty (`NULL, 0`);
/// - `PAYSEAL_GATEWAY_ERROR`: `*out` holds Keepz's error as JSON (`statusCode`,
///   `exceptionGroup`, `message`, `httpStatus`, `group`, `codeName`, `hint`);
/// - `PAYSEAL_CANNOT_OPEN` (one error for every cryptographic reason), `PAYSEAL_NOT_JSON`,
///   `PAYSEAL_EMPTY_BODY`, `PAYSEAL_NOT_ENVELOPE`, `PAYSEAL_BODY_TOO_LARGE`, ...: `*out` untouched.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_open(
    keepz: *const payseal_keepz,
    http_status: u16,
    body: *const u8,
    body_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    run(out, error, || {
        super::json::with_gateway_error((|| {
            require_out(out, "out")?;
            let keepz = unsafe { handle(keepz, "keepz") }?;
            let body = unsafe { bytes(body, body_len, "body") }?;
            // An empty 2xx body (subscription revoke) is an empty output.
            Ok(keepz
                .0
                .open_response(http_status, body)?
                .map_or_else(Vec::new, |plaintext| plaintext.into_bytes().to_vec()))
        })())
    })
}
