//! The JSON shape scan 64 bytes at a time with AVX2.
//!
//! Per block: byte classes by comparison (`vpcmpeqb`), turned into 64-bit masks; escapes and the inside of strings by simdjson's carry and prefix-XOR
//! arithmetic on those masks; then the depth change at every byte as a prefix sum of +1/−1 bytes
//! in the vector registers, compared with what is left of the depth budget. No branch, no early
//! exit and no memory address depends on the bytes.

use super::{JsonShape, MAX_DEPTH, nonzero};
use std::arch::x86_64::*;
use subtle::Choice;
use zeroize::Zeroize;

/// The odd bit positions, for simdjson's backslash-run arithmetic.
const ODD_BITS: u64 = 0xaaaa_aaaa_aaaa_aaaa;

/// What carries from one 64-byte block to the next.
struct Scan {
    /// Whether the first byte of the next block is escaped (0 or 1).
    escaped: u64,
    /// All ones when the next block starts inside a string.
    in_string: u64,
    /// The depth at the end of the blocks so far.
    depth: i64,
    /// Bytes set where a block went deeper than allowed.
    too_deep: __m256i,
    /// All ones until a bracket outside strings has been seen.
    before_first: u64,
    object: u64,
    array: u64,
}

/// One 64-byte block as two vectors.
#[derive(Clone, Copy)]
struct Block(__m256i, __m256i);

impl Block {
    /// SAFETY: the caller passes 64 readable bytes (unaligned is fine).
    #[target_feature(enable = "avx2")]
    unsafe fn load(bytes: &[u8]) -> Block {
        debug_assert!(bytes.len() >= 64);
        // SAFETY: 64 readable bytes, as the caller promises.
        unsafe {
            Block(
                _mm256_loadu_si256(bytes.as_ptr().cast()),
                _mm256_loadu_si256(bytes.as_ptr().add(32).cast()),
            )
        }
    }

    /// 0xFF at each byte equal to `byte`, 0 elsewhere.
    #[target_feature(enable = "avx2")]
    fn each_eq(self, byte: u8) -> Block {
        let b = _mm256_set1_epi8(byte as i8);
        Block(_mm256_cmpeq_epi8(self.0, b), _mm256_cmpeq_epi8(self.1, b))
    }

    /// The 64-bit mask of the bytes equal to `byte`.
    #[target_feature(enable = "avx2")]
    fn eq(self, byte: u8) -> u64 {
        let b = _mm256_set1_epi8(byte as i8);
        bits(_mm256_cmpeq_epi8(self.0, b), _mm256_cmpeq_epi8(self.1, b))
    }
}

/// The sign bits of 64 bytes as a 64-bit mask.
#[target_feature(enable = "avx2")]
fn bits(lo: __m256i, hi: __m256i) -> u64 {
    u64::from(_mm256_movemask_epi8(lo) as u32) | (u64::from(_mm256_movemask_epi8(hi) as u32) << 32)
}

/// The 32 bits of `mask` as 32 bytes: 0xFF where the bit is set, 0 where it is not.
#[target_feature(enable = "avx2")]
fn bytes_of(mask: u32) -> __m256i {
    let spread = _mm256_shuffle_epi8(
        _mm256_set1_epi32(mask as i32),
        _mm256_setr_epi8(
            0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3,
            3, 3, 3,
        ),
    );
    let bit = _mm256_set1_epi64x(0x8040_2010_0804_0201u64 as i64);
    _mm256_cmpeq_epi8(_mm256_and_si256(spread, bit), bit)
}

/// Running sums of the bytes within each 16-byte lane.
#[target_feature(enable = "avx2")]
fn lane_prefix_sums(mut x: __m256i) -> __m256i {
    x = _mm256_add_epi8(x, _mm256_slli_si256::<1>(x));
    x = _mm256_add_epi8(x, _mm256_slli_si256::<2>(x));
    x = _mm256_add_epi8(x, _mm256_slli_si256::<4>(x));
    _mm256_add_epi8(x, _mm256_slli_si256::<8>(x))
}

/// The XOR of each bit with all the bits below it: a carry-less multiplication by all ones.
#[target_feature(enable = "pclmulqdq")]
fn prefix_xor(x: u64) -> u64 {
    let product = _mm_clmulepi64_si128::<0>(_mm_set_epi64x(0, x as i64), _mm_set1_epi8(-1));
    _mm_cvtsi128_si64(product) as u64
}

/// `x` limited to `lo..=hi`, by masks rather than branches (all values far from overflow).
fn clamp(x: i64, lo: i64, hi: i64) -> i64 {
    let below = (x - lo) >> 63; // all ones when x < lo
    let x = (lo & below) | (x & !below);
    let above = (hi - x) >> 63; // all ones when x > hi
    (hi & above) | (x & !above)
}

impl Scan {
    #[target_feature(enable = "avx2")]
    fn new() -> Scan {
        Scan {
            escaped: 0,
            in_string: 0,
            depth: 0,
            too_deep: _mm256_setzero_si256(),
            before_first: u64::MAX,
            object: 0,
            array: 0,
        }
    }

    /// The bytes inside strings (the opening quote included, the closing one not), from the
    /// quote and backslash masks.
    #[target_feature(enable = "pclmulqdq")]
    fn strings(&mut self, quote: u64, backslash: u64) -> u64 {
        // simdjson's `json_escape_scanner`: in each run of backslashes, every other one escapes
        // the byte after it, counting from the start of the run.
        let potential = backslash & !self.escaped;
        let escape_and_terminal = ((potential << 1) | ODD_BITS).wrapping_sub(potential) ^ ODD_BITS;
        let escaped = escape_and_terminal ^ (backslash | self.escaped);
        self.escaped = (escape_and_terminal & backslash) >> 63;
        let inside = prefix_xor(quote & !escaped) ^ self.in_string;
        self.in_string = ((inside as i64) >> 63) as u64;
        inside
    }

    /// Notes the first bracket outside strings, if it is in this block; `opening` has 0xFF at
    /// each `[` and `{`.
    #[target_feature(enable = "avx2")]
    fn first_bracket(&mut self, block: Block, opening: Block, inside: u64) {
        let opening = bits(opening.0, opening.1) & !inside;
        // Bit 5 of each byte (moved to bit 7): set for `{`, clear for `[`.
        let bit5 = bits(
            _mm256_slli_epi16::<2>(block.0),
            _mm256_slli_epi16::<2>(block.1),
        );
        let first = opening & opening.wrapping_neg() & self.before_first;
        self.object |= first & bit5;
        self.array |= first & !bit5;
        // Stays all ones only while no block has had one.
        self.before_first &= ((opening | opening.wrapping_neg()) >> 63).wrapping_sub(1);
    }

    /// Adds the block's brackets outside strings to the depth, noting any byte where it goes
    /// over the limit. `opening` and `closing` have 0xFF at each `[`/`{` and `]`/`}`.
    #[target_feature(enable = "avx2")]
    fn depth(&mut self, opening: Block, closing: Block, inside: u64) {
        // +1 at an opening bracket, −1 at a closing one (comparisons give −1 for true).
        let step = |open: __m256i, close: __m256i, outside: u32| {
            _mm256_and_si256(_mm256_sub_epi8(close, open), bytes_of(outside))
        };
        let outside = !inside;
        let low = lane_prefix_sums(step(opening.0, closing.0, outside as u32));
        let high = lane_prefix_sums(step(opening.1, closing.1, (outside >> 32) as u32));
        // Each lane's total, broadcast within the lane: [t0 | t1] and [t2 | t3].
        let last = _mm256_set1_epi8(15);
        let (low_total, high_total) = (
            _mm256_shuffle_epi8(low, last),
            _mm256_shuffle_epi8(high, last),
        );
        // What comes before each lane: [0 | t0] and [t0 + t1 | t0 + t1 + t2].
        let low_before = _mm256_permute2x128_si256::<0x08>(low_total, low_total);
        let both_low = _mm256_add_epi8(
            low_total,
            _mm256_permute2x128_si256::<0x01>(low_total, low_total),
        );
        let high_before = _mm256_add_epi8(
            both_low,
            _mm256_permute2x128_si256::<0x08>(high_total, high_total),
        );
        // The depth change since the block's start, at every byte: within −64..=64.
        let low = _mm256_add_epi8(low, low_before);
        let high = _mm256_add_epi8(high, high_before);
        // Too deep where the change exceeds what is left of the budget (clamped to i8; exact,
        // since the change is within −64..=64).
        let budget = _mm256_set1_epi8(clamp(MAX_DEPTH - self.depth, -65, 64) as i8);
        self.too_deep = _mm256_or_si256(
            self.too_deep,
            _mm256_or_si256(
                _mm256_cmpgt_epi8(low, budget),
                _mm256_cmpgt_epi8(high, budget),
            ),
        );
        self.depth += i64::from(_mm256_extract_epi8::<31>(high) as i8);
    }

    #[target_feature(enable = "avx2,pclmulqdq")]
    fn block(&mut self, block: Block) {
        let inside = self.strings(block.eq(b'"'), block.eq(b'\\'));
        // `[`/`{` and `]`/`}` differ from each other only in bit 5; folded, each pair is one byte.
        let fold = _mm256_set1_epi8(0x20);
        let folded = Block(
            _mm256_or_si256(block.0, fold),
            _mm256_or_si256(block.1, fold),
        );
        let opening = folded.each_eq(b'{');
        let closing = folded.each_eq(b'}');
        self.first_bracket(block, opening, inside);
        self.depth(opening, closing, inside);
    }
}

/// Scans `bytes`: every 64-byte block, then one block holding the remaining 0..=63 bytes
/// followed by spaces (neither a quote, a backslash nor a bracket).
#[target_feature(enable = "avx2,pclmulqdq")]
pub(crate) fn scan(bytes: &[u8]) -> JsonShape {
    let mut scan = Scan::new();
    let blocks = bytes.chunks_exact(64);
    let rest = blocks.remainder();
    let mut last = [b' '; 64];
    last[..rest.len()].copy_from_slice(rest);
    // One loop over both, so that the block's code is inlined once and its state stays in
    // registers.
    for block in blocks.chain(std::iter::once(&last[..])) {
        // SAFETY: every block is 64 bytes (`chunks_exact(64)`, then `last`).
        scan.block(unsafe { Block::load(block) });
    }
    last.zeroize();
    JsonShape {
        object: nonzero(scan.object),
        array: nonzero(scan.array),
        depth_ok: Choice::from(_mm256_testz_si256(scan.too_deep, scan.too_deep) as u8),
    }
}
