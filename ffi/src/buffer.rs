//! Library-allocated output buffers, wiped when freed.

use zeroize::Zeroize;

/// Bytes allocated by payseal. Release with [`payseal_buffer_free`], never with `free()`.
///
/// Text outputs (JSON, query strings, PEM) are UTF-8 and **not** NUL-terminated: use `len`.
/// An empty output has `data == NULL` and `len == 0`.
#[repr(C)]
#[derive(Debug)]
pub struct payseal_buffer {
    /// The bytes, or NULL when empty.
    pub data: *mut u8,
    /// The number of bytes.
    pub len: usize,
}

impl payseal_buffer {
    /// Moves `bytes` into a C buffer (the allocation is exactly `len` bytes).
    pub(crate) fn from_vec(bytes: Vec<u8>) -> payseal_buffer {
        if bytes.is_empty() {
            return payseal_buffer {
                data: std::ptr::null_mut(),
                len: 0,
            };
        }
        let boxed: Box<[u8]> = bytes.into_boxed_slice();
        let len = boxed.len();
        payseal_buffer {
            data: Box::into_raw(boxed).cast::<u8>(),
            len,
        }
    }
}

/// Wipes and releases a buffer payseal returned, then sets it to `{NULL, 0}`. Safe to call on an
/// empty or already freed buffer, and with NULL.
///
/// # Safety
/// `buffer` must be NULL or point to a `payseal_buffer` filled by payseal (or zeroed).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_buffer_free(buffer: *mut payseal_buffer) {
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: the caller passes NULL or a valid buffer.
        let Some(buffer) = (unsafe { buffer.as_mut() }) else {
            return;
        };
        if !buffer.data.is_null() && buffer.len > 0 {
            // SAFETY: data/len came from `from_vec`'s `Box<[u8]>` of exactly `len` bytes.
            let mut boxed: Box<[u8]> = unsafe {
                Box::from_raw(std::ptr::slice_from_raw_parts_mut(buffer.data, buffer.len))
            };
            boxed.zeroize();
            drop(boxed);
        }
        buffer.data = std::ptr::null_mut();
        buffer.len = 0;
    });
}
