//! Reading C arguments: `(ptr, len)` pairs into slices and text, handles into references.

use super::boundary::null;
use payseal::error::{Error, ErrorKind, Result};

/// A `(ptr, len)` input as a slice. `NULL, 0` is empty; `NULL` with a length is an error; a
/// length over `isize::MAX` is [`ErrorKind::InvalidLength`] whatever the pointer, checked first:
/// `slice::from_raw_parts` requires it (a larger slice is undefined behaviour), and no object
/// that large exists, so such a pair is a bug in the caller (a negative `ssize_t` cast to
/// `size_t`, an uninitialised length), never input to read.
///
/// Every input of every exported function goes through here ([`text`] and [`optional`] too).
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes that outlive the call.
pub(crate) unsafe fn bytes<'a>(ptr: *const u8, len: usize, name: &str) -> Result<&'a [u8]> {
    if len > isize::MAX as usize {
        return Err(Error::new(
            ErrorKind::InvalidLength,
            format!("{name}_len is {len}, over PTRDIFF_MAX: not the length of a buffer"),
        ));
    }
    if ptr.is_null() {
        if len == 0 { Ok(&[]) } else { Err(null(name)) }
    } else {
        // SAFETY: guaranteed by the caller.
        Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
    }
}

/// A `(ptr, len)` input as UTF-8 text.
///
/// # Safety
/// As for [`bytes`].
pub(crate) unsafe fn text<'a>(ptr: *const u8, len: usize, name: &str) -> Result<&'a str> {
    let raw = unsafe { bytes(ptr, len, name) }?;
    std::str::from_utf8(raw)
        .map_err(|_| Error::new(ErrorKind::InvalidUtf8, format!("{name} is not valid UTF-8")))
}

/// An optional input: `NULL, 0` means absent.
///
/// # Safety
/// As for [`bytes`].
pub(crate) unsafe fn optional<'a>(
    ptr: *const u8,
    len: usize,
    name: &str,
) -> Result<Option<&'a [u8]>> {
    let raw = unsafe { bytes(ptr, len, name) }?;
    Ok((!raw.is_empty()).then_some(raw))
}

/// A handle pointer as a reference.
///
/// # Safety
/// `ptr` must be NULL or a live handle of type `T` made by payseal.
pub(crate) unsafe fn handle<'a, T>(ptr: *const T, name: &str) -> Result<&'a T> {
    // SAFETY: guaranteed by the caller.
    unsafe { ptr.as_ref() }.ok_or_else(|| null(name))
}

/// Checks that an output pointer is present.
pub(crate) fn require_out<T>(ptr: *mut T, name: &str) -> Result<()> {
    if ptr.is_null() {
        Err(null(name))
    } else {
        Ok(())
    }
}
