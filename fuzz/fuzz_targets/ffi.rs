//! The C ABI entry points that take bytes: `payseal_keepz_new` (fuzzed key text),
//! `payseal_keepz_open`, `payseal_transactpay_new`, `payseal_transactpay_parse_response` and
//! `payseal_endpoint`; with bit 0x20 of the selector, the typed operations (`payseal_keepz_parse`,
//! `payseal_transactpay_parse`, `payseal_keepz_callback`, `payseal_transactpay_webhook`,
//! `payseal_keepz_prepare`, `payseal_transactpay_prepare`, `payseal_keepz_open_query`), the first
//! byte after the status choosing the operation. Every buffer and handle is freed (LeakSanitizer
//! reports any that is not).
//!
//! Input: `[selector][status hi][status lo][bytes ...]`.
//!
//! Invariants: never `PAYSEAL_PANIC`; a NULL/0 buffer pair on an empty output; a handle exactly
//! when the status is OK; `payseal_keepz_open` of a well-formed envelope either opens or answers
//! `PAYSEAL_CANNOT_OPEN` (or a Keepz error carried inside it); a typed output is JSON with no
//! number that is not an integer (amounts cross as strings, whatever the input).
#![no_main]

#[path = "common/top_level.rs"]
mod top_level;

// The C ABI crate (payseal-ffi) builds only libpayseal.so and libpayseal.a, no rlib a Rust crate
// could link (its lib shares the name `payseal` with the core crate, and two rlibs of one name
// would collide in the workspace's target directory): its source is compiled into this target.
#[allow(dead_code, unused_imports)]
#[path = "../../ffi/src/lib.rs"]
mod payseal_ffi;

use libfuzzer_sys::fuzz_target;
use payseal_ffi::*;
use std::ptr;
use std::sync::LazyLock;

const KEY: &[u8] = include_bytes!("../../tests/keys/rsa2048.pkcs8.pem");
const PUBLIC: &[u8] = include_bytes!("../../tests/keys/rsa2048.spki.pem");
const ID: &str = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";

struct Handle(*mut payseal_keepz);
// SAFETY: payseal_keepz is immutable and documented as shareable between threads.
unsafe impl Send for Handle {}
unsafe impl Sync for Handle {}

static KEEPZ: LazyLock<Handle> = LazyLock::new(|| {
    let mut handle = ptr::null_mut();
    let mut error = empty();
    let status = unsafe {
        payseal_keepz_new(
            ptr::null(),
            0,
            KEY.as_ptr(),
            KEY.len(),
            ptr::null(),
            0,
            ptr::null(),
            &mut handle,
            &mut error,
        )
    };
    assert_eq!(status, payseal_status::PAYSEAL_OK);
    Handle(handle)
});

/// The integrator's handle with both keys and an integrator id (prepare, callbacks).
static INTEGRATOR: LazyLock<Handle> = LazyLock::new(|| {
    let mut handle = ptr::null_mut();
    let status = unsafe {
        payseal_keepz_new(
            PUBLIC.as_ptr(),
            PUBLIC.len(),
            KEY.as_ptr(),
            KEY.len(),
            ID.as_ptr(),
            ID.len(),
            ptr::null(),
            &mut handle,
            ptr::null_mut(),
        )
    };
    assert_eq!(status, payseal_status::PAYSEAL_OK);
    Handle(handle)
});

struct TpHandle(*mut payseal_transactpay);
// SAFETY: as for Handle.
unsafe impl Send for TpHandle {}
unsafe impl Sync for TpHandle {}

static TRANSACTPAY: LazyLock<TpHandle> = LazyLock::new(|| {
    let mut handle = ptr::null_mut();
    let status = unsafe {
        payseal_transactpay_new(
            PUBLIC.as_ptr(),
            PUBLIC.len(),
            ptr::null(),
            0,
            0,
            &mut handle,
            ptr::null_mut(),
        )
    };
    assert_eq!(status, payseal_status::PAYSEAL_OK);
    TpHandle(handle)
});

fn empty() -> payseal_buffer {
    payseal_buffer {
        data: ptr::null_mut(),
        len: 0,
    }
}

/// Checks the buffer's shape, returns its bytes, and frees it.
fn take(mut buffer: payseal_buffer) -> Vec<u8> {
    assert_eq!(buffer.data.is_null(), buffer.len == 0, "buffer {buffer:?}");
    let bytes = if buffer.data.is_null() {
        Vec::new()
    } else {
        unsafe { std::slice::from_raw_parts(buffer.data, buffer.len) }.to_vec()
    };
    unsafe { payseal_buffer_free(&mut buffer) };
    assert!(buffer.data.is_null() && buffer.len == 0);
    bytes
}

fn check(status: payseal_status, out: payseal_buffer, error: payseal_buffer) -> (Vec<u8>, Vec<u8>) {
    assert_ne!(
        status,
        payseal_status::PAYSEAL_PANIC,
        "panic behind the C ABI"
    );
    let (out, error) = (take(out), take(error));
    if status == payseal_status::PAYSEAL_OK {
        assert!(error.is_empty());
    } else {
        assert!(!error.is_empty(), "{status:?} without an error message");
    }
    // Every text output is UTF-8 (JSON or a message).
    assert!(std::str::from_utf8(&error).is_ok());
    (out, error)
}

fn well_formed_hybrid(body: &[u8]) -> bool {
    use top_level::Kind;
    let Some(obj) = top_level::object_fields(body) else {
        return false;
    };
    obj.get("encryptedData") == Some(&Kind::String)
        && obj.get("encryptedKeys") == Some(&Kind::String)
        && matches!(obj.get("aes"), None | Some(Kind::Null | Kind::True))
}

/// No number in a typed output may be read as a binary float.
fn integers_only(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Number(n) => n.is_i64() || n.is_u64(),
        serde_json::Value::Array(items) => items.iter().all(integers_only),
        serde_json::Value::Object(fields) => fields.values().all(integers_only),
        _ => true,
    }
}

/// The typed operations: `bytes[0]` chooses the operation, the rest is the request or body.
unsafe fn typed(selector: u8, status_code: u16, bytes: &[u8]) {
    let Some((&choice, rest)) = bytes.split_first() else {
        return;
    };
    let keepz_ops: Vec<&str> = payseal::keepz::api::OPERATIONS.iter().map(|(n, _)| *n).collect();
    let tp_ops = payseal::transactpay::api::OPERATION_NAMES;
    let keepz_op = keepz_ops[usize::from(choice) % keepz_ops.len()];
    let tp_op = tp_ops[usize::from(choice) % tp_ops.len()];
    let (p, n) = (rest.as_ptr(), rest.len());
    let (mut out, mut error) = (empty(), empty());
    let expect = selector & 0x10 != 0 && matches!(tp_op, "order_status" | "verify");
    let (amount, currency) = if expect { ("1000.00", "NGN") } else { ("", "") };
    let status = unsafe {
        match selector & 0x07 {
            0 => payseal_keepz_parse(
                KEEPZ.0, keepz_op.as_ptr(), keepz_op.len(), status_code, p, n, &mut out, &mut error,
            ),
            1 => payseal_transactpay_parse(
                tp_op.as_ptr(), tp_op.len(), status_code, p, n, amount.as_ptr(), amount.len(),
                currency.as_ptr(), currency.len(), &mut out, &mut error,
            ),
            2 => payseal_keepz_callback(
                INTEGRATOR.0, p, n, 0, ptr::null(), 0, &mut out, &mut error,
            ),
            3 => payseal_transactpay_webhook(
                TRANSACTPAY.0, p, n, 0, ptr::null(), 0, &mut out, &mut error,
            ),
            4 => payseal_keepz_prepare(
                INTEGRATOR.0, keepz_op.as_ptr(), keepz_op.len(), p, n, 0, ptr::null(), 0,
                &mut out, &mut error,
            ),
            5 => payseal_transactpay_prepare(
                TRANSACTPAY.0, tp_op.as_ptr(), tp_op.len(), p, n, 0, ptr::null(), 0, &mut out,
                &mut error,
            ),
            _ => payseal_keepz_open_query(KEEPZ.0, p, n, &mut out, &mut error),
        }
    };
    let (out, _) = check(status, out, error);
    let json_out = selector & 0x07 != 6
        && matches!(
            status,
            payseal_status::PAYSEAL_OK | payseal_status::PAYSEAL_GATEWAY_ERROR
        );
    if json_out {
        let value: serde_json::Value = serde_json::from_slice(&out).expect("typed output is JSON");
        assert!(integers_only(&value), "a non-integer number in {value}");
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let selector = data[0];
    let status_code = u16::from_be_bytes([data[1], data[2]]);
    let bytes = &data[3..];
    if selector & 0x20 != 0 {
        unsafe { typed(selector, status_code, bytes) };
        return;
    }
    let (ptr_, len) = (bytes.as_ptr(), bytes.len());
    unsafe {
        match selector % 5 {
            0 => {
                // Fuzzed key text as Keepz's public key, then as the integrator's private key.
                let options = payseal_keepz_options {
                    backend: u32::from(selector >> 6) % 3,
                    ..Default::default()
                };
                for as_private in [false, true] {
                    let mut handle = ptr::null_mut();
                    let mut error = empty();
                    let (pubp, publ, privp, privl) = if as_private {
                        (ptr::null(), 0, ptr_, len)
                    } else {
                        (ptr_, len, ptr::null(), 0)
                    };
                    let status = payseal_keepz_new(
                        pubp,
                        publ,
                        privp,
                        privl,
                        ptr_,
                        len.min(64),
                        &options,
                        &mut handle,
                        &mut error,
                    );
                    check(status, empty(), error);
                    assert_eq!(status == payseal_status::PAYSEAL_OK, !handle.is_null());
                    payseal_keepz_free(handle);
                }
            }
            1 => {
                let (mut out, mut error) = (empty(), empty());
                let status =
                    payseal_keepz_open(KEEPZ.0, status_code, ptr_, len, &mut out, &mut error);
                let (out, _) = check(status, out, error);
                if status == payseal_status::PAYSEAL_OK {
                    assert!(top_level::is_json_container(&out) || out.is_empty());
                }
                if well_formed_hybrid(bytes) {
                    assert!(
                        matches!(
                            status,
                            payseal_status::PAYSEAL_OK
                                | payseal_status::PAYSEAL_CANNOT_OPEN
                                | payseal_status::PAYSEAL_GATEWAY_ERROR
                                | payseal_status::PAYSEAL_UNEXPECTED_RESPONSE
                        ),
                        "well-formed envelope: {status:?}"
                    );
                }
            }
            2 => {
                // Fuzzed encryption key; the fixed private key alongside on odd selectors.
                let mut handle = ptr::null_mut();
                let mut error = empty();
                let (privp, privl) = if selector & 0x10 != 0 {
                    (KEY.as_ptr(), KEY.len())
                } else {
                    (ptr::null(), 0)
                };
                let status = payseal_transactpay_new(
                    ptr_,
                    len,
                    privp,
                    privl,
                    u32::from(selector >> 6) % 3,
                    &mut handle,
                    &mut error,
                );
                check(status, empty(), error);
                assert_eq!(status == payseal_status::PAYSEAL_OK, !handle.is_null());
                if !handle.is_null() {
                    assert!(payseal_transactpay_max_payload(handle) > 0);
                }
                payseal_transactpay_free(handle);
            }
            3 => {
                let (mut out, mut error) = (empty(), empty());
                let status = payseal_transactpay_parse_response(
                    status_code,
                    ptr_,
                    len,
                    &mut out,
                    &mut error,
                );
                let (out, _) = check(status, out, error);
                if status == payseal_status::PAYSEAL_OK {
                    assert!(top_level::is_json_object(&out), "normalized JSON");
                }
            }
            _ => {
                let split = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
                let (gateway, operation) = (&bytes[..split], bytes.get(split + 1..).unwrap_or(&[]));
                let (mut out, mut error) = (empty(), empty());
                let status = payseal_endpoint(
                    gateway.as_ptr(),
                    gateway.len(),
                    operation.as_ptr(),
                    operation.len(),
                    &mut out,
                    &mut error,
                );
                let (out, _) = check(status, out, error);
                if status == payseal_status::PAYSEAL_OK {
                    assert!(top_level::is_json_object(&out), "endpoint JSON");
                }
            }
        }
    }
});
