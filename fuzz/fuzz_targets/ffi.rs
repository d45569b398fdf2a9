//! The C ABI entry points that take bytes: `payseal_keepz_new` (fuzzed key text),
//! `payseal_keepz_open`, `payseal_transactpay_new`, `payseal_transactpay_parse_response` and
//! `payseal_endpoint`. Every buffer and handle is freed (LeakSanitizer reports any that is not).
//!
//! Input: `[selector][status hi][status lo][bytes ...]`.
//!
//! Invariants: never `PAYSEAL_PANIC`; a NULL/0 buffer pair on an empty output; a handle exactly
//! when the status is OK; `payseal_keepz_open` of a well-formed envelope either opens or answers
//! `PAYSEAL_CANNOT_OPEN` (or a Keepz error carried inside it).
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

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let selector = data[0];
    let status_code = u16::from_be_bytes([data[1], data[2]]);
    let bytes = &data[3..];
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
