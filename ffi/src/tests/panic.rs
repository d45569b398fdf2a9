//! Faults: a panic injected inside a C ABI call leaves handles usable, on one thread and on
//! several at once. (The Rust API under 8 threads: `tests/stress.rs` in the core crate.)

use super::*;
use payseal_test_support::key_bytes;

/// Threads that share the handles.
const THREADS: usize = 8;

/// A Keepz and a TransactPay seal, each opened again, through the shared handles.
fn round_trip(k: *mut payseal_keepz, t: *mut payseal_transactpay) {
    let payload = br#"{"amount":10}"#;
    let sealed =
        call(|o, e| unsafe { payseal_keepz_seal(k, payload.as_ptr(), payload.len(), o, e) });
    let body = sealed.out.expect("sealed");
    let opened =
        call(|o, e| unsafe { payseal_keepz_open(k, 200, body.as_ptr(), body.len(), o, e) });
    assert_eq!(opened.out.as_deref(), Some(&payload[..]));

    let sealed =
        call(|o, e| unsafe { payseal_transactpay_seal(t, payload.as_ptr(), payload.len(), o, e) });
    let body = sealed.out.expect("sealed");
    let opened =
        call(|o, e| unsafe { payseal_transactpay_open(t, body.as_ptr(), body.len(), o, e) });
    assert_eq!(opened.out.as_deref(), Some(&payload[..]));
}

/// `payseal_selftest_panic` panics inside the boundary: it returns `PAYSEAL_PANIC` with a message,
/// on this thread and on 8 threads at once, and the handles made before it still work afterwards
/// (the handles are immutable, so no lock can be poisoned and no state half-written).
#[test]
fn a_panic_inside_the_c_abi_leaves_handles_usable() {
    let public = key_bytes("rsa2048.spki.pem");
    let private = key_bytes("rsa2048.pkcs8.pem");
    for backend in Backend::available() {
        let code = backend_code(backend);
        let options = payseal_keepz_options {
            backend: code,
            ..Default::default()
        };
        let (s, k) = keepz_new(&public, &private, b"", &options);
        assert_eq!(s, payseal_status::PAYSEAL_OK);
        let (s, t) = transactpay_new(&public, &private, code);
        assert_eq!(s, payseal_status::PAYSEAL_OK);
        round_trip(k, t);
        let mut err = empty();
        let s = unsafe { payseal_selftest_panic(&mut err) };
        assert_eq!(s, payseal_status::PAYSEAL_PANIC);
        let message = unsafe { std::slice::from_raw_parts(err.data, err.len) };
        assert!(String::from_utf8_lossy(message).contains("panic"));
        unsafe { payseal_buffer_free(&mut err) };
        assert_eq!(
            unsafe { payseal_selftest_panic(std::ptr::null_mut()) },
            payseal_status::PAYSEAL_PANIC
        );
        round_trip(k, t);

        // Panics and work interleaved on 8 threads sharing the handles.
        let (kp, tp) = (k as usize, t as usize);
        let threads: Vec<_> = (0..THREADS)
            .map(|i| {
                std::thread::spawn(move || {
                    for j in 0..20 {
                        if (i + j) % 3 == 0 {
                            let s = unsafe { payseal_selftest_panic(std::ptr::null_mut()) };
                            assert_eq!(s, payseal_status::PAYSEAL_PANIC);
                        } else {
                            round_trip(kp as *mut payseal_keepz, tp as *mut payseal_transactpay);
                        }
                    }
                })
            })
            .collect();
        for th in threads {
            th.join().expect("no panic escapes the C ABI");
        }
        round_trip(k, t);
        unsafe {
            payseal_keepz_free(k);
            payseal_transactpay_free(t);
        }
    }
}
