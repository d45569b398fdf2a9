//! The UTF-8 check 32 bytes at a time with AVX2: the three nibble tables live in registers and
//! are read with `vpshufb`, so no memory address depends on the data, and every instruction used
//! takes the same time whatever the bytes (no ASCII shortcut, no early exit).

use super::{FOURTH_BYTE_BIAS, PREV_HIGH, PREV_LOW, THIRD_BYTE_BIAS, THIS_HIGH};
use std::arch::x86_64::*;
use subtle::Choice;
use zeroize::Zeroize;

/// The three tables, each in both 128-bit lanes (`vpshufb` looks up within a lane).
struct Tables {
    prev_high: __m256i,
    prev_low: __m256i,
    this_high: __m256i,
}

#[target_feature(enable = "avx2")]
fn both_lanes(table: &[u8; 16]) -> __m256i {
    // SAFETY: `table` is 16 readable bytes; the load is unaligned.
    let lane = unsafe { _mm_loadu_si128(table.as_ptr().cast()) };
    _mm256_broadcastsi128_si256(lane)
}

/// The bytes of `input` shifted by `N` positions towards the end, the first `N` taken from the
/// end of `prev` (so byte `i` of the result is the byte `N` before byte `i` of `input`).
#[target_feature(enable = "avx2")]
fn earlier<const SHIFT: i32>(input: __m256i, prev: __m256i) -> __m256i {
    // [prev's high lane, input's low lane]: the 16 bytes before each lane of `input`.
    let before = _mm256_permute2x128_si256::<0x21>(prev, input);
    _mm256_alignr_epi8::<SHIFT>(input, before)
}

/// The high nibble of each byte.
#[target_feature(enable = "avx2")]
fn high_nibbles(v: __m256i) -> __m256i {
    _mm256_and_si256(_mm256_srli_epi16::<4>(v), _mm256_set1_epi8(0x0f))
}

/// The error bits of the 32 bytes of `input`, given the 32 before them.
#[target_feature(enable = "avx2")]
fn errors(t: &Tables, input: __m256i, prev: __m256i) -> __m256i {
    let prev1 = earlier::<15>(input, prev);
    let prev2 = earlier::<14>(input, prev);
    let prev3 = earlier::<13>(input, prev);
    let special = _mm256_and_si256(
        _mm256_and_si256(
            _mm256_shuffle_epi8(t.prev_high, high_nibbles(prev1)),
            _mm256_shuffle_epi8(t.prev_low, _mm256_and_si256(prev1, _mm256_set1_epi8(0x0f))),
        ),
        _mm256_shuffle_epi8(t.this_high, high_nibbles(input)),
    );
    let must_continue = _mm256_and_si256(
        _mm256_or_si256(
            _mm256_subs_epu8(prev2, _mm256_set1_epi8(THIRD_BYTE_BIAS as i8)),
            _mm256_subs_epu8(prev3, _mm256_set1_epi8(FOURTH_BYTE_BIAS as i8)),
        ),
        _mm256_set1_epi8(0x80u8 as i8),
    );
    _mm256_xor_si256(special, must_continue)
}

/// Whether `bytes` is UTF-8. The loop runs over every 32-byte block and then one block holding
/// the remaining 0..=31 bytes followed by spaces (which catch a sequence cut off at the end).
#[target_feature(enable = "avx2")]
pub(crate) fn is_utf8(bytes: &[u8]) -> Choice {
    let t = Tables {
        prev_high: both_lanes(&PREV_HIGH),
        prev_low: both_lanes(&PREV_LOW),
        this_high: both_lanes(&THIS_HIGH),
    };
    let mut error = _mm256_setzero_si256();
    let mut prev = _mm256_setzero_si256();
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        // SAFETY: `block` is 32 readable bytes; the load is unaligned.
        let input = unsafe { _mm256_loadu_si256(block.as_ptr().cast()) };
        error = _mm256_or_si256(error, errors(&t, input, prev));
        prev = input;
    }
    let rest = blocks.remainder();
    let mut last = [b' '; 32];
    last[..rest.len()].copy_from_slice(rest);
    // SAFETY: `last` is 32 readable bytes; the load is unaligned.
    let input = unsafe { _mm256_loadu_si256(last.as_ptr().cast()) };
    last.zeroize();
    error = _mm256_or_si256(error, errors(&t, input, prev));
    Choice::from(_mm256_testz_si256(error, error) as u8)
}
