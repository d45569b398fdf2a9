//! The Rust tests that go through the C ABI: the conformity vectors, bad input, wiped buffers and
//! handles, and panics at the boundary.
//!
//! They are unit tests of this crate rather than files in `tests/` because the crate builds no
//! rlib an integration test could link (see `Cargo.toml`), and because the wiped-memory test
//! needs the ABI code in the same binary as its scanning global allocator: a `libpayseal.so`
//! loaded at run time would bring its own allocator. The C programs in `tests/c/` test the
//! built library itself.

mod abi_rules;
mod bad_inputs;
mod description;
mod diagnostics;
mod key_cache;
mod messages;
mod panic;
mod typed_operations;
mod vectors;
mod wiped_secrets;

use crate::*;
use payseal::Backend;
use payseal_test_support::alloc::TestAllocator;

/// Counts allocations per thread and scans freed blocks for secrets (payseal-test-support).
#[global_allocator]
static ALLOC: TestAllocator = TestAllocator;

/// Held by the tests that change the process-wide key cache's capacity (they run one at a time;
/// the others only use the cache).
static KEY_CACHE_CAPACITY: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `f` with the key cache off (emptied first), then turns it back on at its default size.
fn without_key_cache<T>(f: impl FnOnce() -> T) -> T {
    let _g = KEY_CACHE_CAPACITY.lock().unwrap_or_else(|e| e.into_inner());
    assert_eq!(
        unsafe { payseal_key_cache_set_capacity(0, std::ptr::null_mut()) },
        payseal_status::PAYSEAL_OK
    );
    let out = f();
    assert_eq!(
        unsafe { payseal_key_cache_set_capacity(32, std::ptr::null_mut()) },
        payseal_status::PAYSEAL_OK
    );
    out
}

/// The integrator id the tests use.
const ID: &str = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";

/// An empty output buffer.
fn empty() -> payseal_buffer {
    payseal_buffer {
        data: std::ptr::null_mut(),
        len: 0,
    }
}

/// The bytes of a buffer payseal filled, which is then freed (wiped).
fn take(mut buf: payseal_buffer) -> Vec<u8> {
    let bytes = if buf.data.is_null() {
        Vec::new()
    } else {
        unsafe { std::slice::from_raw_parts(buf.data, buf.len) }.to_vec()
    };
    unsafe { payseal_buffer_free(&mut buf) };
    bytes
}

/// What one ABI call gave back.
struct Out {
    status: payseal_status,
    /// `*out`, if the call wrote it.
    out: Option<Vec<u8>>,
    /// The error message (empty on success).
    message: String,
}

/// Calls an ABI function with a sentinel `out` (to see whether it was written) and a fresh
/// `error` buffer, and checks that every failure comes with its message.
fn call(f: impl FnOnce(*mut payseal_buffer, *mut payseal_buffer) -> payseal_status) -> Out {
    let mut out = payseal_buffer {
        data: std::ptr::dangling_mut::<u8>(),
        len: 12345,
    };
    let mut err = empty();
    let status = f(&mut out, &mut err);
    let message = take(err);
    if status != payseal_status::PAYSEAL_OK {
        assert!(!message.is_empty(), "no message for {status:?}");
    }
    let written = !(out.data == std::ptr::dangling_mut::<u8>() && out.len == 12345);
    Out {
        status,
        out: written.then(|| take(out)),
        message: String::from_utf8_lossy(&message).into_owned(),
    }
}

/// The ABI's code for a backend.
fn backend_code(backend: Backend) -> u32 {
    match backend {
        Backend::AwsLc => PAYSEAL_BACKEND_AWS_LC,
        Backend::RustCrypto => PAYSEAL_BACKEND_RUSTCRYPTO,
        other => panic!("no ABI code for {other:?}"),
    }
}

/// A pointer for an input: NULL for an empty one.
fn ptr(bytes: &[u8]) -> *const u8 {
    if bytes.is_empty() {
        std::ptr::null()
    } else {
        bytes.as_ptr()
    }
}

/// `payseal_keepz_new`; an empty key or identifier is passed as NULL.
fn keepz_new(
    public: &[u8],
    private: &[u8],
    identifier: &[u8],
    options: &payseal_keepz_options,
) -> (payseal_status, *mut payseal_keepz) {
    let mut handle: *mut payseal_keepz = std::ptr::null_mut();
    let status = unsafe {
        payseal_keepz_new(
            ptr(public),
            public.len(),
            ptr(private),
            private.len(),
            ptr(identifier),
            identifier.len(),
            options,
            &mut handle,
            std::ptr::null_mut(),
        )
    };
    (status, handle)
}

/// `payseal_transactpay_new`; an empty private key is passed as NULL.
fn transactpay_new(
    public: &[u8],
    private: &[u8],
    backend: u32,
) -> (payseal_status, *mut payseal_transactpay) {
    let mut handle: *mut payseal_transactpay = std::ptr::null_mut();
    let status = unsafe {
        payseal_transactpay_new(
            ptr(public),
            public.len(),
            ptr(private),
            private.len(),
            backend,
            &mut handle,
            std::ptr::null_mut(),
        )
    };
    (status, handle)
}
