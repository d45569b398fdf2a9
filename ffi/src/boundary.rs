//! The panic boundary and the writing of results: every exported function goes through here.

use super::buffer::payseal_buffer;
use super::status::payseal_status;
use payseal::error::{Error, ErrorKind};
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// Whether this thread is inside an exported body, where a panic becomes `PAYSEAL_PANIC`.
    static INSIDE_BOUNDARY: Cell<bool> = const { Cell::new(false) };
}

/// Wraps the process's panic hook once so that a panic caught at the boundary is not also printed
/// on the host's stderr (it is reported through the status and the error buffer instead). Panics
/// anywhere else still reach the previous hook.
fn quiet_caught_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !INSIDE_BOUNDARY.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// What an exported body produces: bytes for `out` on success, or an error. A gateway error may
/// carry bytes too (its JSON), which are written to `out` as well.
pub(crate) enum Outcome {
    Bytes(Vec<u8>),
    Failure(Error, Option<Vec<u8>>),
}

impl From<payseal::Result<Vec<u8>>> for Outcome {
    fn from(r: payseal::Result<Vec<u8>>) -> Outcome {
        match r {
            Ok(bytes) => Outcome::Bytes(bytes),
            Err(e) => Outcome::Failure(e, None),
        }
    }
}

/// Refuses two output arguments that are the same `payseal_buffer` (NULLs aside).
///
/// The rule of the ABI: every output of a call (`out` and `error`; `private_out`, `public_out`
/// and `error` of `payseal_keygen`) is a distinct buffer. Otherwise one write would replace
/// another — a gateway error's JSON in `out` overwritten by the message in `error`, a private key
/// by a public one — and the first allocation would leak, unwiped. Such a call is refused with
/// `PAYSEAL_INVALID_ARGUMENT` before anything else is done, and only the message is written (to
/// `error`, which is then the one buffer to free).
pub(crate) fn distinct_outputs(outputs: &[(*mut payseal_buffer, &str)]) -> payseal::Result<()> {
    for (i, (a, a_name)) in outputs.iter().enumerate() {
        for (b, b_name) in &outputs[i + 1..] {
            if !a.is_null() && a == b {
                return Err(Error::new(
                    ErrorKind::InvalidArgument,
                    format!(
                        "{a_name} and {b_name} are the same payseal_buffer: every output of a \
                         call must be a buffer of its own"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Runs `body` inside `catch_unwind`, writes `out` (on success) and `error` (on failure), and
/// returns the status. `out` must be non-NULL when the function has an output. `out` and `error`
/// must be distinct ([`distinct_outputs`]): otherwise nothing runs.
pub(crate) fn run(
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
    body: impl FnOnce() -> Outcome,
) -> payseal_status {
    if let Err(e) = distinct_outputs(&[(out, "out"), (error, "error")]) {
        write_error(error, &e);
        return payseal_status::from_kind(e.kind());
    }
    quiet_caught_panics();
    INSIDE_BOUNDARY.with(|inside| inside.set(true));
    let caught = catch_unwind(AssertUnwindSafe(body));
    INSIDE_BOUNDARY.with(|inside| inside.set(false));
    let outcome = caught.unwrap_or_else(|_| {
        Outcome::Failure(
            Error::new(
                ErrorKind::Panic,
                "internal error: a panic was caught at the C ABI boundary",
            ),
            None,
        )
    });
    match outcome {
        Outcome::Bytes(bytes) => {
            // SAFETY: the caller passes NULL or a valid, writable buffer.
            if let Some(out) = unsafe { out.as_mut() } {
                *out = payseal_buffer::from_vec(bytes);
            }
            payseal_status::PAYSEAL_OK
        }
        Outcome::Failure(e, gateway_json) => {
            if let (Some(json), Some(out)) = (gateway_json, unsafe { out.as_mut() }) {
                *out = payseal_buffer::from_vec(json);
            }
            write_error(error, &e);
            payseal_status::from_kind(e.kind())
        }
    }
}

/// Runs a handle constructor at the boundary: `*out` is set to NULL first, and to the new boxed
/// handle on success (release it with [`free_handle`]).
pub(crate) fn new_handle<T>(
    out: *mut *mut T,
    error: *mut payseal_buffer,
    body: impl FnOnce() -> payseal::Result<T>,
) -> payseal_status {
    if !out.is_null() {
        // SAFETY: a non-NULL `out` is writable; callers never see a stale handle on failure.
        unsafe { *out = std::ptr::null_mut() };
    }
    let mut made: Option<T> = None;
    let status = run(std::ptr::null_mut(), error, || {
        Outcome::from((|| {
            if out.is_null() {
                return Err(null("out"));
            }
            made = Some(body()?);
            Ok(Vec::new())
        })())
    });
    if let Some(handle) = made {
        // SAFETY: checked non-NULL above.
        unsafe { *out = Box::into_raw(Box::new(handle)) };
    }
    status
}

/// Releases a handle made by [`new_handle`]; NULL is ignored.
///
/// # Safety
/// `handle` must be NULL or a handle from [`new_handle`] of the same type, not yet freed.
pub(crate) unsafe fn free_handle<T>(handle: *mut T) {
    if !handle.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: made by Box::into_raw in new_handle.
            drop(unsafe { Box::from_raw(handle) });
        }));
    }
}

/// Fills the optional error buffer with the failure's message.
pub(crate) fn write_error(error: *mut payseal_buffer, e: &Error) {
    // SAFETY: the caller passes NULL or a valid, writable buffer.
    if let Some(error) = unsafe { error.as_mut() } {
        *error = payseal_buffer::from_vec(e.message().as_bytes().to_vec());
    }
}

/// The error for a NULL where a value is required.
pub(crate) fn null(name: &str) -> Error {
    Error::new(ErrorKind::NullArgument, format!("{name} is NULL"))
}
