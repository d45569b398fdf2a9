//! The byte-at-a-time JSON shape scan: the reference for [`super::avx2`] and the code used where
//! AVX2 is not available. Every byte updates the same state with the same integer operations;
//! comparisons become all-ones/all-zero masks, never branches.

use super::{JsonShape, MAX_DEPTH, nonzero};

/// All ones when `a == b`, else zero: arithmetic only (`subtle`'s `ct_eq` would add an optimization
/// barrier, a volatile read, for every comparison of every byte).
fn eq_mask(a: u8, b: u8) -> u64 {
    let x = u64::from(a ^ b);
    (((x | x.wrapping_neg()) >> 63) ^ 1).wrapping_neg()
}

/// Scans `bytes`; see [`super::scan`].
pub(crate) fn scan(bytes: &[u8]) -> JsonShape {
    // Masks are all ones (true) or zero (false).
    let mut escaped = 0u64; // this byte follows an unescaped backslash
    let mut in_string = 0u64;
    let mut depth = 0i64;
    let mut too_deep = 0u64;
    let mut before_first = u64::MAX; // no bracket outside strings seen yet
    let (mut object, mut array) = (0u64, 0u64);
    for &b in bytes {
        let quote = eq_mask(b, b'"') & !escaped;
        let backslash = eq_mask(b, b'\\');
        escaped = backslash & !escaped;
        in_string ^= quote;

        let outside = !in_string;
        let open = (eq_mask(b, b'[') | eq_mask(b, b'{')) & outside;
        let close = (eq_mask(b, b']') | eq_mask(b, b'}')) & outside;
        depth += (open & 1) as i64 - (close & 1) as i64;
        // The sign bit of MAX_DEPTH - depth is set exactly when depth > MAX_DEPTH.
        too_deep |= ((MAX_DEPTH - depth) >> 63) as u64;

        let first = before_first & open;
        object |= first & eq_mask(b, b'{');
        array |= first & eq_mask(b, b'[');
        before_first &= !open;
    }
    JsonShape {
        object: nonzero(object),
        array: nonzero(array),
        depth_ok: !nonzero(too_deep),
    }
}
