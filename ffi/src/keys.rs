//! Key generation and endpoint descriptors across the C ABI (for hosts' tests and test doubles,
//! and so that hosts need not hard-code paths).

use super::args::{require_out, text};
use super::backend::backend_from;
use super::boundary::{Outcome, distinct_outputs, run, write_error};
use super::buffer::payseal_buffer;
use super::status::payseal_status;
use payseal::error::{Error, ErrorKind, Result, excerpt};
use payseal::keys::{KeyFormat, PrivateKey};

/// Key format: PEM (`PUBLIC KEY` / `PRIVATE KEY`).
pub const PAYSEAL_KEY_FORMAT_PEM: u32 = 0;
/// Key format: PKCS#1 PEM (`RSA PUBLIC KEY` / `RSA PRIVATE KEY`).
pub const PAYSEAL_KEY_FORMAT_PKCS1_PEM: u32 = 1;
/// Key format: DER (SubjectPublicKeyInfo / PKCS#8).
pub const PAYSEAL_KEY_FORMAT_DER: u32 = 2;
/// Key format: single-line Base64 of DER (how Keepz hands keys out).
pub const PAYSEAL_KEY_FORMAT_BASE64_DER: u32 = 3;
/// Key format (public keys only): TransactPay's dashboard blob.
pub const PAYSEAL_KEY_FORMAT_TRANSACTPAY_BLOB: u32 = 4;

fn format_from(code: u32) -> Result<KeyFormat> {
    match code {
        PAYSEAL_KEY_FORMAT_PEM => Ok(KeyFormat::Pem),
        PAYSEAL_KEY_FORMAT_PKCS1_PEM => Ok(KeyFormat::Pkcs1Pem),
        PAYSEAL_KEY_FORMAT_DER => Ok(KeyFormat::Der),
        PAYSEAL_KEY_FORMAT_BASE64_DER => Ok(KeyFormat::Base64Der),
        PAYSEAL_KEY_FORMAT_TRANSACTPAY_BLOB => Err(Error::new(
            ErrorKind::InvalidArgument,
            "the TransactPay blob format is for public keys only",
        )),
        other => Err(Error::new(
            ErrorKind::InvalidArgument,
            format!("unknown key format {other}"),
        )),
    }
}

/// Generates an RSA key pair (exponent 65537) and exports the private key in `private_format`
/// into `*private_out` and the public key in `public_format` into `*public_out`.
/// `bits` is 2048, 3072, 4096 or 8192 (aws-lc); `backend` is a `PAYSEAL_BACKEND_*` value.
///
/// # Safety
/// `private_out` and `public_out` must be writable; `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keygen(
    bits: u32,
    backend: u32,
    private_format: u32,
    public_format: u32,
    private_out: *mut payseal_buffer,
    public_out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    // Before anything else: a private key must never land in a buffer that is also written
    // with something else.
    if let Err(e) = distinct_outputs(&[
        (private_out, "private_out"),
        (public_out, "public_out"),
        (error, "error"),
    ]) {
        write_error(error, &e);
        return payseal_status::from_kind(e.kind());
    }
    let mut public_bytes: Option<Vec<u8>> = None;
    let status = run(private_out, error, || {
        Outcome::from((|| {
            require_out(private_out, "private_out")?;
            require_out(public_out, "public_out")?;
            let private_format = format_from(private_format)?;
            let key = PrivateKey::generate_with(bits as usize, backend_from(backend)?)?;
            public_bytes = Some(if public_format == PAYSEAL_KEY_FORMAT_TRANSACTPAY_BLOB {
                payseal::transactpay::to_dashboard_blob(key.public_key()).into_bytes()
            } else {
                key.public_key().export(format_from(public_format)?)
            });
            Ok(key.export(private_format).to_vec())
        })())
    });
    if let Some(bytes) = public_bytes {
        if status == payseal_status::PAYSEAL_OK {
            // SAFETY: checked non-NULL above.
            unsafe { *public_out = payseal_buffer::from_vec(bytes) };
        }
    }
    status
}

/// The endpoint of an operation, as JSON, so hosts need not hard-code paths. `gateway` is
/// `"keepz"` or `"transactpay"`; `operation` one of the operation names (`"create_order"`,
/// `"order_status"`, ...). Keepz: `{"gateway","method","path","placement":"body"|"query"}`;
/// TransactPay: `{"gateway","method","path","encrypted":bool,"apiKey":"public"|"secret"}`.
/// An unknown name is `PAYSEAL_INVALID_ARGUMENT`.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_endpoint(
    gateway: *const u8,
    gateway_len: usize,
    operation: *const u8,
    operation_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    run(out, error, || {
        Outcome::from((|| {
            require_out(out, "out")?;
            let gateway = unsafe { text(gateway, gateway_len, "gateway") }?;
            let operation = unsafe { text(operation, operation_len, "operation") }?;
            let value = match gateway {
                "keepz" => payseal::keepz::api::Endpoint::for_operation(operation)
                    .map(|e| super::json::keepz_endpoint(&e)),
                "transactpay" => {
                    payseal::transactpay::api::TransactPayEndpoint::for_operation(operation)
                        .map(|e| super::json::transactpay_endpoint(&e))
                }
                other => {
                    return Err(Error::new(
                        ErrorKind::InvalidArgument,
                        format!(
                            "unknown gateway {}: expected \"keepz\" or \"transactpay\"",
                            excerpt(other)
                        ),
                    ));
                }
            };
            value.map(|v| v.to_string().into_bytes()).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidArgument,
                    format!("{gateway} has no operation {}", excerpt(operation)),
                )
            })
        })())
    })
}
