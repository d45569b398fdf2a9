//! The constructors go through the process-wide key cache: two handles made from the same key
//! bytes and backend share one parsed key; another backend, or the cache turned off, gives
//! another. (Exact counters are `tests/c/test_key_cache.c`'s, in a process of its own: the tests
//! of this binary run in parallel and share the cache.)

use super::*;
use payseal::keys::{PrivateKey, PublicKey};
use payseal_test_support::key_bytes;

fn keepz(public: &[u8], private: &[u8], backend: Backend) -> *mut payseal_keepz {
    let options = payseal_keepz_options {
        backend: backend_code(backend),
        ..Default::default()
    };
    let (status, handle) = keepz_new(public, private, b"", &options);
    assert_eq!(status, payseal_status::PAYSEAL_OK);
    handle
}

fn keys(handle: *mut payseal_keepz) -> (PublicKey, PrivateKey) {
    let keepz = unsafe { &(*handle).0 };
    (
        keepz.seal_key().unwrap().clone(),
        keepz.open_key().unwrap().clone(),
    )
}

#[test]
fn handles_from_the_same_key_bytes_share_the_parsed_keys() {
    // Not while another test has the cache off.
    let _g = KEY_CACHE_CAPACITY.lock().unwrap_or_else(|e| e.into_inner());
    let (public, private) = (
        key_bytes("rsa2048.spki.b64"),
        key_bytes("rsa2048.pkcs8.b64"),
    );
    for backend in Backend::available() {
        let (a, b) = (
            keepz(&public, &private, backend),
            keepz(&public, &private, backend),
        );
        let ((pa, ka), (pb, kb)) = (keys(a), keys(b));
        assert!(PublicKey::ptr_eq(&pa, &pb) && PrivateKey::ptr_eq(&ka, &kb));
        assert_eq!(ka.backend(), backend);
        // TransactPay's constructor finds the private key the Keepz handles cached.
        let mut tp: *mut payseal_transactpay = std::ptr::null_mut();
        let status = unsafe {
            payseal_transactpay_new(
                public.as_ptr(),
                public.len(),
                private.as_ptr(),
                private.len(),
                backend_code(backend),
                &mut tp,
                std::ptr::null_mut(),
            )
        };
        assert_eq!(status, payseal_status::PAYSEAL_OK);
        assert!(PrivateKey::ptr_eq(
            &ka,
            unsafe { &(*tp).0 }.open_key().unwrap()
        ));
        unsafe {
            payseal_transactpay_free(tp);
            payseal_keepz_free(a);
            payseal_keepz_free(b);
        }
    }
    if Backend::available().len() == 2 {
        let (a, b) = (
            keepz(&public, &private, Backend::AwsLc),
            keepz(&public, &private, Backend::RustCrypto),
        );
        assert!(!PrivateKey::ptr_eq(&keys(a).1, &keys(b).1));
        unsafe {
            payseal_keepz_free(a);
            payseal_keepz_free(b);
        }
    }
}

#[test]
fn capacity_zero_gives_each_handle_its_own_keys() {
    let (public, private) = (
        key_bytes("rsa2048.spki.pem"),
        key_bytes("rsa2048.pkcs1.pem"),
    );
    without_key_cache(|| {
        let (a, b) = (
            keepz(&public, &private, Backend::default()),
            keepz(&public, &private, Backend::default()),
        );
        assert!(!PrivateKey::ptr_eq(&keys(a).1, &keys(b).1));
        unsafe {
            payseal_keepz_free(a);
            payseal_keepz_free(b);
        }
        let out = call(|out, err| unsafe { payseal_key_cache_stats(out, err) });
        assert_eq!(out.status, payseal_status::PAYSEAL_OK);
        let stats: serde_json::Value = serde_json::from_slice(&out.out.unwrap()).unwrap();
        assert_eq!(stats["capacity"], 0);
        assert_eq!(stats["entries"], 0);
        let out = call(|_, err| unsafe { payseal_key_cache_set_capacity(1025, err) });
        assert_eq!(out.status, payseal_status::PAYSEAL_INVALID_ARGUMENT);
    });
}
