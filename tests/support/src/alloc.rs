//! [`TestAllocator`]: the global allocator of the test binaries that measure what payseal
//! allocates and look for secrets it should have wiped. It wraps `System` and
//!
//! - counts the bytes each thread allocates ([`allocated_by`]), so that "refused before it is
//!   copied or decoded" is checked by measurement rather than by timing;
//! - tracks the bytes each thread holds and their highest level ([`peak_during`]): the peak heap
//!   of a call, for the bounded-work tests and the memory bench (a moving `realloc` counts as the
//!   new block appearing before the old one goes, as it does in memory);
//! - while a [`Secrets`] scenario is armed, scans every block the Rust allocator frees on the
//!   armed thread (other tests of the binary run concurrently on theirs) for the registered secrets and for the *shape* of Keepz's decrypted key string
//!   `<44 Base64>.<24 Base64>` (69 bytes), in both byte orders (big-endian bytes, and the reversed
//!   order of little-endian bignum limbs).
//!
//! A binary opts in with `#[global_allocator] static ALLOC: TestAllocator = TestAllocator;`.
//! What it cannot see: memory a C library allocates and frees itself (AWS-LC's `OPENSSL_malloc`
//! and `OPENSSL_free` bypass Rust's global allocator), stack frames and registers, and memory
//! never freed while armed. See SECURITY.md.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, UnsafeCell};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Counts per thread, and scans freed blocks while armed.
pub struct TestAllocator;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
    /// Bytes allocated minus bytes freed on this thread (negative when it frees what another
    /// thread, or an earlier measurement, allocated).
    static HELD: Cell<isize> = const { Cell::new(0) };
    /// The highest `HELD` since the last reset.
    static PEAK: Cell<isize> = const { Cell::new(0) };
    /// Whether this thread runs an armed scenario.
    static ARMED_HERE: Cell<bool> = const { Cell::new(false) };
}

fn count(bytes: usize) {
    // `try_with`: the allocator may run while thread-locals are being torn down.
    let _ = ALLOCATED.try_with(|c| c.set(c.get().saturating_add(bytes)));
    let _ = HELD.try_with(|held| {
        let now = held.get().saturating_add(bytes as isize);
        held.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

fn uncount(bytes: usize) {
    let _ = HELD.try_with(|held| held.set(held.get().saturating_sub(bytes as isize)));
}

unsafe impl GlobalAlloc for TestAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // Handed out zeroed, so that a scan of this block when it is freed sees only what its own
        // owner wrote: the system allocator reuses blocks, and bytes a *previous* owner left
        // behind (the `rsa` crate's known unwiped primes, freed by an earlier rustcrypto call)
        // would otherwise be blamed on whatever code happens to get the block next.
        let block = unsafe { System.alloc(layout) };
        if !block.is_null() {
            // SAFETY: `block` is a fresh allocation of `layout.size()` bytes.
            unsafe { std::ptr::write_bytes(block, 0, layout.size()) };
        }
        block
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if ARMED.load(Ordering::Acquire) && ARMED_HERE.try_with(Cell::get).unwrap_or(false) {
            // SAFETY: the block is live and `layout.size()` bytes long until freed below.
            scan(unsafe { std::slice::from_raw_parts(ptr, layout.size()) });
        }
        uncount(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }
    // `realloc` is deliberately not forwarded to `System.realloc`: the default implementation
    // allocates (counted), copies and calls `dealloc` on the old block, so a growing Vec's
    // abandoned buffers are scanned too.
}

/// Bytes this thread allocated while running `f` (with [`TestAllocator`] installed).
pub fn allocated_by<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATED.with(Cell::get);
    let out = f();
    (out, ALLOCATED.with(Cell::get) - before)
}

/// The peak heap of `f` on this thread: the most bytes it held at once above what the thread
/// held when it started (its result, allocated inside, included). Allocation sizes
/// do not depend on timing, so one call is an exact measurement.
pub fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = HELD.with(Cell::get);
    PEAK.with(|peak| peak.set(base));
    let out = std::hint::black_box(f());
    let peak = PEAK.with(Cell::get) - base;
    (out, peak.max(0) as usize)
}

// ---------------------------------------------------------------------------------------------
// Scanning freed blocks.

const SLOTS: usize = 16;
const MAX_PATTERN: usize = 64;

struct Pattern {
    bytes: UnsafeCell<[u8; MAX_PATTERN]>,
    len: AtomicUsize,
    hits: AtomicUsize,
}

// SAFETY: `bytes` is written only while disarmed (under SCENARIO) and read only while armed.
unsafe impl Sync for Pattern {}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: Pattern = Pattern {
    bytes: UnsafeCell::new([0; MAX_PATTERN]),
    len: AtomicUsize::new(0),
    hits: AtomicUsize::new(0),
};
static PATTERNS: [Pattern; SLOTS] = [EMPTY; SLOTS];
static KEY_STRING_HITS: AtomicUsize = AtomicUsize::new(0);
static ARMED: AtomicBool = AtomicBool::new(false);
static SCANNED_BLOCKS: AtomicUsize = AtomicUsize::new(0);
static SCENARIO: Mutex<()> = Mutex::new(());
/// When non-zero: a freed block of exactly this many bytes must be all zeros (a wiped object
/// whose content is not a known pattern, such as an expanded AES key schedule).
static WATCHED_SIZE: AtomicUsize = AtomicUsize::new(0);
static UNWIPED_WATCHED: AtomicUsize = AtomicUsize::new(0);

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

/// Whether `block` holds `<43 Base64>=.<22 Base64>==` (or that text reversed) anywhere.
fn has_key_string(block: &[u8]) -> bool {
    if block.len() < 69 {
        return false;
    }
    for i in 0..=block.len() - 69 {
        let w = &block[i..i + 69];
        let forward = w[43] == b'='
            && w[44] == b'.'
            && w[67] == b'='
            && w[68] == b'='
            && w[..43].iter().all(|&b| is_b64(b))
            && w[45..67].iter().all(|&b| is_b64(b));
        let reversed = w[0] == b'='
            && w[1] == b'='
            && w[24] == b'.'
            && w[25] == b'='
            && w[2..24].iter().all(|&b| is_b64(b))
            && w[26..].iter().all(|&b| is_b64(b));
        if forward || reversed {
            return true;
        }
    }
    false
}

fn contains(block: &[u8], pattern: &[u8]) -> bool {
    !pattern.is_empty()
        && block.len() >= pattern.len()
        && block.windows(pattern.len()).any(|w| w == pattern)
}

fn scan(block: &[u8]) {
    SCANNED_BLOCKS.fetch_add(1, Ordering::Relaxed);
    for p in &PATTERNS {
        let len = p.len.load(Ordering::Acquire);
        if len == 0 {
            continue;
        }
        // SAFETY: written only while disarmed.
        let pattern = unsafe { &(&*p.bytes.get())[..len] };
        if contains(block, pattern) {
            p.hits.fetch_add(1, Ordering::Relaxed);
        }
    }
    if has_key_string(block) {
        KEY_STRING_HITS.fetch_add(1, Ordering::Relaxed);
    }
    if block.len() == WATCHED_SIZE.load(Ordering::Acquire) && block.iter().any(|&b| b != 0) {
        UNWIPED_WATCHED.fetch_add(1, Ordering::Relaxed);
    }
}

/// Frees one heap copy of a value made by `make`, armed, while watching blocks of its size, and
/// returns how many such blocks were freed with a byte that is not zero: for wiped objects whose
/// content is no known pattern (an expanded AES key schedule). Call it under [`lock`].
pub fn unwiped_after_drop<T>(make: impl FnOnce() -> T) -> usize {
    let secrets = Secrets::new();
    UNWIPED_WATCHED.store(0, Ordering::Relaxed);
    WATCHED_SIZE.store(std::mem::size_of::<T>(), Ordering::Release);
    let value = make();
    secrets.armed(|| drop(Box::new(value)));
    WATCHED_SIZE.store(0, Ordering::Release);
    UNWIPED_WATCHED.load(Ordering::Relaxed)
}

/// The blocks scanned so far (the positive controls check that scanning happens at all).
pub fn scanned_blocks() -> usize {
    SCANNED_BLOCKS.load(Ordering::Relaxed)
}

/// Serializes the scenarios of a binary: one set of registered secrets at a time.
pub fn lock() -> MutexGuard<'static, ()> {
    SCENARIO.lock().unwrap_or_else(|e| e.into_inner())
}

/// Registered secrets, by name, for the report. Hold [`lock`] while using one.
pub struct Secrets {
    names: Vec<String>,
}

impl Secrets {
    /// No secrets registered (and every hit count reset).
    #[allow(clippy::new_without_default)]
    pub fn new() -> Secrets {
        for p in &PATTERNS {
            p.len.store(0, Ordering::Release);
            p.hits.store(0, Ordering::Relaxed);
        }
        KEY_STRING_HITS.store(0, Ordering::Relaxed);
        Secrets { names: Vec::new() }
    }

    /// Registers up to 64 bytes to look for, under `name`.
    pub fn add(&mut self, name: impl Into<String>, bytes: &[u8]) {
        assert!(!ARMED.load(Ordering::Acquire));
        let i = self.names.len();
        assert!(i < SLOTS && !bytes.is_empty() && bytes.len() <= MAX_PATTERN);
        // SAFETY: disarmed, and scenarios are serialized by SCENARIO.
        unsafe { (&mut *PATTERNS[i].bytes.get())[..bytes.len()].copy_from_slice(bytes) };
        PATTERNS[i].len.store(bytes.len(), Ordering::Release);
        self.names.push(name.into());
    }

    /// Runs `f` armed (on this thread) and returns the names of the secrets found in freed blocks (with
    /// "key string" for the key-string detector). Panics when [`TestAllocator`] is not the
    /// binary's global allocator: a scan that never runs would find nothing.
    pub fn armed(&self, f: impl FnOnce()) -> Vec<String> {
        for p in &PATTERNS {
            p.hits.store(0, Ordering::Relaxed);
        }
        KEY_STRING_HITS.store(0, Ordering::Relaxed);
        let scanned = scanned_blocks();
        ARMED_HERE.with(|armed| armed.set(true));
        ARMED.store(true, Ordering::Release);
        drop(std::hint::black_box(vec![0u8; 16]));
        f();
        ARMED.store(false, Ordering::Release);
        ARMED_HERE.with(|armed| armed.set(false));
        assert!(
            scanned_blocks() > scanned,
            "TestAllocator is not this binary's #[global_allocator]"
        );
        let mut found: Vec<String> = self
            .names
            .iter()
            .enumerate()
            .filter(|(i, _)| PATTERNS[*i].hits.load(Ordering::Relaxed) > 0)
            .map(|(i, n)| format!("{n} ({} blocks)", PATTERNS[i].hits.load(Ordering::Relaxed)))
            .collect();
        let ks = KEY_STRING_HITS.load(Ordering::Relaxed);
        if ks > 0 {
            found.push(format!("key string ({ks} blocks)"));
        }
        found
    }
}
