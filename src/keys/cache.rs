//! Parsed keys shared process-wide, for hosts that cannot keep a handle between requests.
//!
//! Parsing a key is the expensive part of making a handle (a 4096-bit private key: ≈ 0.9 ms on
//! aws-lc, several times a seal), and a PHP-FPM worker throws every object away at the end of each
//! request, so a host that builds its handle per request would parse the same key again each
//! time. The C ABI's constructors (`payseal_keepz_new`, `payseal_transactpay_new`) therefore ask
//! this cache first: key bytes and options seen before give back the key parsed and checked then.
//! A Rust program that keeps its handles needs none of this; it can use the same functions when
//! it cannot.
//!
//! - **Keyed by a digest**, never by the key bytes: HMAC-SHA-256 under a random key drawn once
//!   per process, over the parser used, every field of [`KeyOptions`] and the input bytes. No copy
//!   of the input is kept, and the digests cannot be compared with those of another process or
//!   with a digest of a guessed key computed elsewhere.
//! - **Holds `Arc`s**: an entry is one more reference to the same parsed key the handles use.
//!   Evicting or clearing an entry drops that reference; the key is wiped when its last reference
//!   goes (the entry's, or the last handle's, whichever is later), as any parsed key is.
//! - **Bounded**: at most [`capacity`] entries (default [`DEFAULT_CAPACITY`]); the least recently
//!   used is evicted to make room. Capacity 0 turns the cache off and empties it.
//! - **Safe under concurrent constructors**: the table is locked only to find or make an entry;
//!   each entry has its own lock, held while its key is parsed, so that threads asking for the
//!   same key at once wait for one parse instead of each doing it, and other keys are not held up.
//! - Failures are not kept: an input that does not parse is parsed (and refused) again each time.
//!
//! What a lookup reveals: a constructor that finds its key returns in microseconds instead of a
//! millisecond, so whoever can time handle creation learns whether those key bytes were used in
//! this process since they were last evicted. Only the host chooses the keys a handle is made
//! from; SECURITY.md discusses it.
//!
//! ```
//! use payseal::keys::{KeyOptions, PrivateKey, cache};
//! # fn main() -> payseal::Result<()> {
//! let pem = PrivateKey::generate(2048)?.export(payseal::keys::KeyFormat::Pem);
//! let first = cache::private_key(&pem, &KeyOptions::default())?;    // parsed
//! let again = cache::private_key(&pem, &KeyOptions::default())?;    // found
//! assert!(PrivateKey::ptr_eq(&first, &again));
//! cache::clear();                                                    // forget every key
//! # Ok(()) }
//! ```

use super::{KeyOptions, PrivateKey, PublicKey};
use crate::error::{Error, ErrorKind, Result};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use zeroize::Zeroizing;

/// Entries kept by default: more than the keys any one merchant holds (two or three), so that a
/// multi-tenant host with a few dozen keys still finds most of them.
pub const DEFAULT_CAPACITY: usize = 32;

/// The largest capacity [`set_capacity`] accepts. Lookups scan the table, and a parsed key holds
/// a few KiB: a bound keeps both small.
pub const MAX_CAPACITY: usize = 1024;

/// The cache's counters and size, from [`stats`]. Counters run from the start of the process
/// (or the last [`reset_counters`]) and count only lookups made while the cache is on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Lookups that found a parsed key.
    pub hits: u64,
    /// Lookups that had to parse (whether or not the input then parsed).
    pub misses: u64,
    /// Entries dropped to make room for others.
    pub evictions: u64,
    /// Entries held now.
    pub entries: usize,
    /// The most entries held ([`capacity`]); 0 when the cache is off.
    pub capacity: usize,
}

/// Looks up a private key, parsing it with [`PrivateKey::parse_with`] when it is not cached.
pub fn private_key(input: impl AsRef<[u8]>, options: &KeyOptions) -> Result<PrivateKey> {
    let input = input.as_ref();
    match get_or_parse(Parser::Private, input, options, || {
        PrivateKey::parse_with(input, options).map(Parsed::Private)
    })? {
        Parsed::Private(key) => Ok(key),
        Parsed::Public(_) => PrivateKey::parse_with(input, options),
    }
}

/// Looks up a public key, parsing it with [`PublicKey::parse_with`] when it is not cached.
pub fn public_key(input: impl AsRef<[u8]>, options: &KeyOptions) -> Result<PublicKey> {
    let input = input.as_ref();
    cached_public(Parser::Public, input, options, || {
        PublicKey::parse_with(input, options)
    })
}

/// Looks up TransactPay's encryption key, parsing it with
/// [`crate::transactpay::parse_encryption_key`] when it is not cached.
pub fn transactpay_encryption_key(
    input: impl AsRef<[u8]>,
    options: &KeyOptions,
) -> Result<PublicKey> {
    let input = input.as_ref();
    cached_public(Parser::TransactPayEncryption, input, options, || {
        crate::transactpay::parse_encryption_key(input, options)
    })
}

/// Sets the most entries kept (0 turns the cache off and empties it); entries over the new
/// capacity are evicted, least recently used first. More than [`MAX_CAPACITY`] is
/// [`ErrorKind::InvalidArgument`].
pub fn set_capacity(capacity: usize) -> Result<()> {
    if capacity > MAX_CAPACITY {
        return Err(Error::new(
            ErrorKind::InvalidArgument,
            format!("a key cache of {capacity} entries; at most {MAX_CAPACITY} are allowed"),
        ));
    }
    let evicted = {
        let mut table = table();
        table.capacity = capacity;
        table.shrink_to(capacity)
    };
    EVICTIONS.fetch_add(evicted.len() as u64, Ordering::Relaxed);
    drop(evicted); // outside the lock: the last reference to a key wipes it
    Ok(())
}

/// The most entries kept; 0 when the cache is off.
pub fn capacity() -> usize {
    table().capacity
}

/// Drops every entry. Keys that live handles still use stay until those handles are dropped;
/// the others are wiped now.
pub fn clear() {
    let entries = std::mem::take(&mut table().entries);
    drop(entries); // outside the lock
}

/// The counters and the current size.
pub fn stats() -> CacheStats {
    let table = table();
    CacheStats {
        hits: HITS.load(Ordering::Relaxed),
        misses: MISSES.load(Ordering::Relaxed),
        evictions: EVICTIONS.load(Ordering::Relaxed),
        entries: table.entries.len(),
        capacity: table.capacity,
    }
}

/// Sets the hit, miss and eviction counters back to zero.
pub fn reset_counters() {
    for counter in [&HITS, &MISSES, &EVICTIONS] {
        counter.store(0, Ordering::Relaxed);
    }
}

// --- The table ------------------------------------------------------------------------------

/// Which parser made an entry: part of the digest, so that the same bytes read by two parsers
/// (a PEM public key is both a public key and a TransactPay encryption key) are two entries.
#[derive(Clone, Copy)]
enum Parser {
    Private = 1,
    Public = 2,
    TransactPayEncryption = 3,
}

#[derive(Clone)]
enum Parsed {
    Private(PrivateKey),
    Public(PublicKey),
}

type Digest = [u8; 32];

/// One entry's key, filled by the first caller under the entry's own lock.
#[derive(Default)]
struct Slot(Mutex<Option<Parsed>>);

struct Entry {
    digest: Digest,
    last_use: u64,
    slot: Arc<Slot>,
}

struct Table {
    entries: Vec<Entry>,
    capacity: usize,
    /// A clock for least-recently-used eviction: bumped on every lookup.
    tick: u64,
}

impl Table {
    /// The entry for `digest`, made (evicting the least recently used one if full) when absent;
    /// with any evicted entry, to be dropped once the table is unlocked.
    fn slot_for(&mut self, digest: &Digest) -> (Arc<Slot>, Vec<Entry>) {
        self.tick += 1;
        let tick = self.tick;
        if let Some(entry) = self.entries.iter_mut().find(|e| e.digest == *digest) {
            entry.last_use = tick;
            return (Arc::clone(&entry.slot), Vec::new());
        }
        let evicted = self.shrink_to(self.capacity.saturating_sub(1));
        let slot = Arc::new(Slot::default());
        self.entries.push(Entry {
            digest: *digest,
            last_use: tick,
            slot: Arc::clone(&slot),
        });
        (slot, evicted)
    }

    /// Removes least recently used entries until at most `len` are left.
    fn shrink_to(&mut self, len: usize) -> Vec<Entry> {
        let mut evicted = Vec::new();
        while self.entries.len() > len {
            let oldest = (0..self.entries.len())
                .min_by_key(|&i| self.entries[i].last_use)
                .unwrap_or(0);
            evicted.push(self.entries.swap_remove(oldest));
        }
        evicted
    }

    /// Removes the entry for `digest` if it is still `slot` (a failed parse leaves nothing).
    fn forget(&mut self, digest: &Digest, slot: &Arc<Slot>) -> Option<Entry> {
        let i = self
            .entries
            .iter()
            .position(|e| e.digest == *digest && Arc::ptr_eq(&e.slot, slot))?;
        Some(self.entries.swap_remove(i))
    }
}

static TABLE: Mutex<Table> = Mutex::new(Table {
    entries: Vec::new(),
    capacity: DEFAULT_CAPACITY,
    tick: 0,
});
static HITS: AtomicU64 = AtomicU64::new(0);
static MISSES: AtomicU64 = AtomicU64::new(0);
static EVICTIONS: AtomicU64 = AtomicU64::new(0);

/// Locks a mutex whatever an earlier holder did: every critical section here leaves the data
/// consistent (a table of whole entries, a slot that is empty or full), panic or not.
fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn table() -> MutexGuard<'static, Table> {
    locked(&TABLE)
}

/// The per-process HMAC key; `None` if the system RNG failed (then nothing is cached).
fn digest_key() -> Option<&'static [u8; 32]> {
    static KEY: OnceLock<Option<Zeroizing<[u8; 32]>>> = OnceLock::new();
    KEY.get_or_init(|| {
        let mut key = Zeroizing::new([0u8; 32]);
        crate::backend::fill_random(key.as_mut()).ok()?;
        Some(key)
    })
    .as_deref()
}

/// HMAC-SHA-256 of the parser, every option and the input.
fn digest(key: &[u8; 32], parser: Parser, input: &[u8], options: &KeyOptions) -> Digest {
    // Destructured without `..`: a new field of KeyOptions does not compile until it is added here.
    let KeyOptions { backend, min_bits } = *options;
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(&[parser as u8]);
    mac.update(&(backend.name().len() as u64).to_le_bytes());
    mac.update(backend.name().as_bytes());
    mac.update(&(min_bits as u64).to_le_bytes());
    mac.update(input);
    mac.finalize().into_bytes().into()
}

fn cached_public(
    parser: Parser,
    input: &[u8],
    options: &KeyOptions,
    parse: impl Fn() -> Result<PublicKey>,
) -> Result<PublicKey> {
    match get_or_parse(parser, input, options, || parse().map(Parsed::Public))? {
        Parsed::Public(key) => Ok(key),
        Parsed::Private(_) => parse(),
    }
}

/// The key for these bytes and options: found, or parsed by `parse` and kept.
fn get_or_parse(
    parser: Parser,
    input: &[u8],
    options: &KeyOptions,
    parse: impl FnOnce() -> Result<Parsed>,
) -> Result<Parsed> {
    let Some(key) = digest_key() else {
        return parse();
    };
    if capacity() == 0 {
        return parse();
    }
    let digest = digest(key, parser, input, options);
    let (slot, evicted) = {
        let mut table = table();
        if table.capacity == 0 {
            drop(table);
            return parse();
        }
        table.slot_for(&digest)
    };
    EVICTIONS.fetch_add(evicted.len() as u64, Ordering::Relaxed);
    drop(evicted);

    let mut parsed = locked(&slot.0);
    if let Some(found) = parsed.as_ref() {
        HITS.fetch_add(1, Ordering::Relaxed);
        return Ok(found.clone());
    }
    MISSES.fetch_add(1, Ordering::Relaxed);
    match parse() {
        Ok(key) => {
            *parsed = Some(key.clone());
            Ok(key)
        }
        Err(e) => {
            drop(parsed);
            let forgotten = table().forget(&digest, &slot);
            drop(forgotten);
            Err(e)
        }
    }
}
