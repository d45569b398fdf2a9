//! The process-wide key cache (`payseal::keys::cache`): the same bytes and options give the same
//! parsed key, anything else a separate entry; failures are not kept; the least recently used
//! entry is evicted at capacity; capacity 0 turns it off; concurrent lookups of one key parse it
//! once; and a key dropped by the cache is wiped, as this binary's scanning allocator shows.
//!
//! The cache is one per process, so every test here holds the allocator's scenario lock: they run
//! one at a time, and the counters they read are theirs alone.

use payseal::Backend;
use payseal::ErrorKind;
use payseal::keepz::Keepz;
use payseal::keys::cache::{self, CacheStats};
use payseal::keys::{KeyOptions, PrivateKey, PublicKey};
use payseal::transactpay::TransactPay;
use payseal_test_support::alloc::{Secrets, TestAllocator, lock};
use payseal_test_support::secrets::*;
use payseal_test_support::*;
use std::sync::{Arc, Barrier};
use zeroize::Zeroizing;

#[global_allocator]
static ALLOC: TestAllocator = TestAllocator;

/// An empty cache of the default capacity with its counters at zero.
fn fresh() {
    cache::set_capacity(cache::DEFAULT_CAPACITY).unwrap();
    cache::clear();
    cache::reset_counters();
}

fn counters() -> (u64, u64, u64) {
    let CacheStats {
        hits,
        misses,
        evictions,
        ..
    } = cache::stats();
    (hits, misses, evictions)
}

fn options(backend: Backend) -> KeyOptions {
    KeyOptions::with_backend(backend)
}

#[test]
fn the_same_bytes_and_options_give_the_same_parsed_key() {
    let _g = lock();
    fresh();
    let pem = key_bytes("rsa2048.pkcs8.pem");
    for backend in Backend::available() {
        let first = cache::private_key(&pem, &options(backend)).unwrap();
        let again = cache::private_key(&pem, &options(backend)).unwrap();
        assert!(PrivateKey::ptr_eq(&first, &again), "{backend:?}");
        assert_eq!(first.backend(), backend);
        // Parsed directly, the same bytes make another key.
        let direct = PrivateKey::parse_with(&pem, &options(backend)).unwrap();
        assert!(!PrivateKey::ptr_eq(&first, &direct));
        assert_eq!(
            first.public_key().fingerprint(),
            direct.public_key().fingerprint()
        );
    }
    let n = Backend::available().len() as u64;
    assert_eq!(counters(), (n, n, 0));
    assert_eq!(cache::stats().entries, n as usize);

    // The cached key works, and interoperates with an independent implementation.
    let key = cache::private_key(&pem, &KeyOptions::default()).unwrap();
    let keepz = Keepz::builder()
        .seal_to(cache::public_key(key_bytes("rsa2048.spki.pem"), &KeyOptions::default()).unwrap())
        .open_with(key)
        .build()
        .unwrap();
    let body = keepz.seal_bytes(br#"{"a":1}"#).unwrap();
    let keys = unb64(body.encrypted_keys.as_deref().unwrap());
    let key_string =
        openssl_rsa_decrypt("rsa2048.pkcs8.pem", payseal::RsaPadding::OaepSha256, &keys);
    assert_eq!(key_string.len(), 69);
    assert_eq!(
        keepz.open(body.to_json_body().as_bytes()).unwrap().as_str(),
        r#"{"a":1}"#
    );
}

#[test]
fn each_parser_and_option_is_its_own_entry() {
    let _g = lock();
    fresh();
    let pem = key_bytes("rsa2048.spki.pem");
    let default = KeyOptions::default();
    let public = cache::public_key(&pem, &default).unwrap();
    // The same bytes read as TransactPay's encryption key: another parser, another entry.
    let encryption = cache::transactpay_encryption_key(&pem, &default).unwrap();
    assert!(!PublicKey::ptr_eq(&public, &encryption));
    assert_eq!(public.fingerprint(), encryption.fingerprint());
    // Another minimum size: another entry (it could refuse what the first accepted).
    let lenient = KeyOptions {
        min_bits: 1024,
        ..default
    };
    let other = cache::public_key(&pem, &lenient).unwrap();
    assert!(!PublicKey::ptr_eq(&public, &other));
    // The same bytes in another format are other bytes: another entry, the same key.
    let der = cache::public_key(key_bytes("rsa2048.spki.der"), &default).unwrap();
    assert!(!PublicKey::ptr_eq(&public, &der));
    assert_eq!(public.fingerprint(), der.fingerprint());
    assert_eq!(counters(), (0, 4, 0));
    assert!(PublicKey::ptr_eq(
        &public,
        &cache::public_key(&pem, &default).unwrap()
    ));
    assert!(PublicKey::ptr_eq(
        &encryption,
        &cache::transactpay_encryption_key(&pem, &default).unwrap()
    ));
    assert_eq!(counters(), (2, 4, 0));
    assert_eq!(cache::stats().entries, 4);
}

#[test]
fn failures_are_not_kept() {
    let _g = lock();
    fresh();
    let default = KeyOptions::default();
    let small = key_bytes("rsa1024.pkcs8.pem");
    for _ in 0..2 {
        let e = cache::private_key(&small, &default).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::KeyTooSmall);
        let e = cache::private_key(key_bytes("rsa2048.spki.pem"), &default).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnsupportedKey);
        let e = cache::public_key(b"not a key", &default).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::MalformedKey);
    }
    assert_eq!(counters(), (0, 6, 0));
    assert_eq!(cache::stats().entries, 0);
}

#[test]
fn the_least_recently_used_entry_is_evicted_at_capacity() {
    let _g = lock();
    fresh();
    cache::set_capacity(2).unwrap();
    let default = KeyOptions::default();
    let [a, b, c] = ["rsa2048.spki.pem", "rsa2048.spki.der", "rsa4096.spki.pem"].map(key_bytes);
    let first_a = cache::public_key(&a, &default).unwrap();
    cache::public_key(&b, &default).unwrap();
    cache::public_key(&a, &default).unwrap(); // a is now more recent than b
    cache::public_key(&c, &default).unwrap(); // evicts b
    assert_eq!(counters(), (1, 3, 1));
    assert!(PublicKey::ptr_eq(
        &first_a,
        &cache::public_key(&a, &default).unwrap()
    ));
    cache::public_key(&b, &default).unwrap(); // parsed again; evicts c
    assert_eq!(counters(), (2, 4, 2));
    assert_eq!(cache::stats().entries, 2);
    // Shrinking evicts too, least recently used first: c is gone, b stays.
    cache::set_capacity(1).unwrap();
    assert_eq!(counters(), (2, 4, 3));
    cache::public_key(&b, &default).unwrap();
    assert_eq!(counters(), (3, 4, 3));
    fresh();
}

#[test]
fn capacity_zero_turns_the_cache_off() {
    let _g = lock();
    fresh();
    let pem = key_bytes("rsa2048.spki.pem");
    let default = KeyOptions::default();
    cache::public_key(&pem, &default).unwrap();
    cache::set_capacity(0).unwrap();
    assert_eq!(cache::capacity(), 0);
    assert_eq!(cache::stats().entries, 0);
    let one = cache::public_key(&pem, &default).unwrap();
    let two = cache::public_key(&pem, &default).unwrap();
    assert!(!PublicKey::ptr_eq(&one, &two));
    assert_eq!(cache::stats().entries, 0);
    assert_eq!(counters(), (0, 1, 1), "lookups while off are not counted");
    let e = cache::set_capacity(cache::MAX_CAPACITY + 1).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert_eq!(cache::capacity(), 0, "a refused capacity changes nothing");
    fresh();
    assert_eq!(cache::capacity(), cache::DEFAULT_CAPACITY);
}

/// Eight threads start together and ask for three keys twenty times each: each key is parsed
/// exactly once (the others wait on its entry), every thread gets that one parsed key, and the
/// keys work.
#[test]
fn concurrent_lookups_parse_each_key_once() {
    let _g = lock();
    fresh();
    const THREADS: usize = 8;
    const ROUNDS: usize = 20;
    let inputs = Arc::new(
        [
            "rsa2048.pkcs8.pem",
            "rsa2048.pkcs8.der",
            "rsa4096.pkcs8.b64",
        ]
        .map(key_bytes),
    );
    let start = Arc::new(Barrier::new(THREADS));
    let threads: Vec<_> = (0..THREADS)
        .map(|t| {
            let (inputs, start) = (Arc::clone(&inputs), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                let mut got: Vec<Vec<PrivateKey>> = vec![Vec::new(); inputs.len()];
                for round in 0..ROUNDS {
                    // Each thread walks the keys in its own order.
                    let i = (t + round) % inputs.len();
                    got[i].push(cache::private_key(&inputs[i], &KeyOptions::default()).unwrap());
                }
                got
            })
        })
        .collect();
    let results: Vec<Vec<Vec<PrivateKey>>> =
        threads.into_iter().map(|t| t.join().unwrap()).collect();
    let (hits, misses, evictions) = counters();
    assert_eq!(misses, inputs.len() as u64, "each key parsed once");
    assert_eq!(hits + misses, (THREADS * ROUNDS) as u64);
    assert_eq!(evictions, 0);
    for i in 0..inputs.len() {
        let all: Vec<&PrivateKey> = results.iter().flat_map(|r| &r[i]).collect();
        assert!(all.iter().all(|k| PrivateKey::ptr_eq(k, all[0])), "key {i}");
    }
    // The one parsed 4096-bit key opens what OpenSSL's public key sealed... to it.
    let key = results[0][2][0].clone();
    let transactpay = TransactPay::builder().open_with(key).build().unwrap();
    let block = openssl_rsa_encrypt(
        "rsa4096.spki.pem",
        payseal::RsaPadding::Pkcs1v15,
        br#"{"ok":true}"#,
    );
    let body = format!(r#"{{"data":"{}"}}"#, b64(&block));
    assert_eq!(
        transactpay.open(body.as_bytes()).unwrap().as_str(),
        r#"{"ok":true}"#
    );
    fresh();
}

/// A key the cache drops (cleared, or evicted) is wiped once its last handle is gone too: parsed
/// through the cache from four formats, used by handles, the handles dropped, then the cache
/// cleared — all armed — no window of d, p, q or of the PEM text is left in freed memory (the
/// cache keeps no copy of the input, and the parsed key wipes itself on its last drop). On
/// rustcrypto, only the `rsa` crate's known p/q temporaries (tests/wiped_secrets.rs).
#[test]
fn a_key_the_cache_drops_is_wiped() {
    let _g = lock();
    let der = pkcs8_der();
    let pem = pkcs8_pem();
    let pkcs1_pem = Zeroizing::new(key_bytes("rsa2048.pkcs1.pem"));
    let pkcs8_b64 = Zeroizing::new(key_bytes("rsa2048.pkcs8.b64"));
    for backend in Backend::available() {
        fresh();
        let mut secrets = Secrets::new();
        add_private_key(&mut secrets, &der, &pem);
        let options = options(backend);
        let found = secrets.armed(|| {
            for input in [&pem[..], &der[..], &pkcs1_pem[..], &pkcs8_b64[..]] {
                let key = cache::private_key(input, &options).unwrap();
                let keepz = Keepz::builder()
                    .seal_to(key.public_key().clone())
                    .open_with(key)
                    .build()
                    .unwrap();
                let body = keepz.seal_bytes(br#"{"ok":true}"#).unwrap().to_json_body();
                assert!(keepz.open(body.as_bytes()).is_ok());
                drop(keepz);
                // Still cached: the next handle gets the same key.
                let again = cache::private_key(input, &options).unwrap();
                drop(again);
            }
            assert_eq!(cache::stats().entries, 4);
            cache::clear();
        });
        assert!(
            unexpected_on(backend, &found).is_empty(),
            "{backend:?}: a key dropped by the cache left {found:?} in freed memory"
        );
        assert_eq!(counters(), (4, 4, 0));
    }

    // Evicted rather than cleared: the same. One key, capacity 1, a second key evicts it.
    fresh();
    cache::set_capacity(1).unwrap();
    let mut secrets = Secrets::new();
    add_private_key(&mut secrets, &der, &pem);
    let other = key_bytes("rsa4096.pkcs8.der");
    let found = secrets.armed(|| {
        drop(cache::private_key(&pem[..], &KeyOptions::default()).unwrap());
        drop(cache::private_key(&other, &KeyOptions::default()).unwrap());
    });
    assert!(
        unexpected_on(Backend::default(), &found).is_empty(),
        "eviction left {found:?}"
    );
    assert_eq!(counters(), (0, 2, 1));
    fresh();
}
