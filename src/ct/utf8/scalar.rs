//! The byte-at-a-time form of the UTF-8 check: the reference for [`super::avx2`], and the code
//! used where AVX2 is not available. About 15 integer operations a byte.

use super::{FOURTH_BYTE_BIAS, PREV_HIGH, PREV_LOW, THIRD_BYTE_BIAS, THIS_HIGH};
use subtle::{Choice, ConstantTimeEq};

/// A 16-entry byte table packed into one integer, read by shifting: the table stays in a
/// register, so the index (a secret nibble) never becomes a memory address.
struct NibbleTable(u128);

impl NibbleTable {
    const fn new(table: [u8; 16]) -> NibbleTable {
        NibbleTable(u128::from_le_bytes(table))
    }

    fn get(&self, nibble: u8) -> u8 {
        (self.0 >> (u32::from(nibble & 15) * 8)) as u8
    }
}

const PREV_HIGH_T: NibbleTable = NibbleTable::new(PREV_HIGH);
const PREV_LOW_T: NibbleTable = NibbleTable::new(PREV_LOW);
const THIS_HIGH_T: NibbleTable = NibbleTable::new(THIS_HIGH);

/// The error bits of `byte` after `prev1`, `prev2`, `prev3` (nearest first); zero when fine.
fn errors(byte: u8, prev1: u8, prev2: u8, prev3: u8) -> u8 {
    let special =
        PREV_HIGH_T.get(prev1 >> 4) & PREV_LOW_T.get(prev1 & 15) & THIS_HIGH_T.get(byte >> 4);
    let must_continue =
        (prev2.saturating_sub(THIRD_BYTE_BIAS) | prev3.saturating_sub(FOURTH_BYTE_BIAS)) & 0x80;
    special ^ must_continue
}

/// Whether `bytes` is UTF-8; no branch or memory access depends on the bytes.
pub(crate) fn is_utf8(bytes: &[u8]) -> Choice {
    let (mut prev1, mut prev2, mut prev3) = (0u8, 0u8, 0u8);
    let mut error = 0u8;
    // The space after the end catches a sequence cut off by it.
    for &byte in bytes.iter().chain(b" ") {
        error |= errors(byte, prev1, prev2, prev3);
        (prev3, prev2, prev1) = (prev2, prev1, byte);
    }
    error.ct_eq(&0)
}
