//! Two rules of the C ABI that protect the host from its own mistakes (the C side of both is
//! `tests/c/test_errors.c`, "lengths" and "aliased outputs"):
//!
//! - every `(ptr, len)` input with a length over `isize::MAX` is `PAYSEAL_INVALID_LENGTH`, checked
//!   before the pointer is touched (a slice that long is undefined behaviour in Rust);
//! - the outputs of one call must be distinct buffers: the same buffer as `out` and `error` (or
//!   twice among keygen's three) is refused with `PAYSEAL_INVALID_ARGUMENT` and only the message
//!   is written, so nothing leaks and nothing is overwritten unwiped.

use super::*;
use payseal_test_support::key_bytes;

/// A length no buffer has, and a pointer that must never be read.
const HUGE: usize = isize::MAX as usize + 1;

fn dangling() -> *const u8 {
    std::ptr::NonNull::<u8>::dangling().as_ptr()
}

/// A `(ptr, len)` pair: the real input, or the dangling pointer with [`HUGE`] when `huge`.
fn pair(real: &[u8], huge: bool) -> (*const u8, usize) {
    if huge {
        (dangling(), HUGE)
    } else {
        (ptr(real), real.len())
    }
}

#[test]
fn every_input_length_over_isize_max_is_refused_before_it_is_read() {
    use payseal_status::*;
    let public = key_bytes("rsa2048.spki.pem");
    let private = key_bytes("rsa2048.pkcs8.pem");
    let (status, keepz) = keepz_new(&public, &private, b"", &Default::default());
    assert_eq!(status, PAYSEAL_OK);
    let (status, transactpay) = transactpay_new(&public, &private, PAYSEAL_BACKEND_DEFAULT);
    assert_eq!(status, PAYSEAL_OK);
    let mut diagnostics = std::ptr::null_mut();
    let status = unsafe {
        payseal_keepz_diagnostics_new(
            private.as_ptr(),
            private.len(),
            std::ptr::null(),
            &mut diagnostics,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(status, PAYSEAL_OK);
    let body = br#"{"encryptedData":"AAAA"}"#;
    let payload = br#"{"a":1}"#;

    // (function and input, how many inputs it has, the call with input `i` made huge)
    type Call<'a> = Box<dyn Fn(usize) -> payseal_status + 'a>;
    let calls: Vec<(&str, usize, Call<'_>)> = vec![
        (
            "payseal_keepz_new",
            3,
            Box::new(|i| {
                let (a, an) = pair(&public, i == 0);
                let (b, bn) = pair(&private, i == 1);
                let (c, cn) = pair(ID.as_bytes(), i == 2);
                let mut out = std::ptr::null_mut();
                let status = unsafe {
                    payseal_keepz_new(
                        a,
                        an,
                        b,
                        bn,
                        c,
                        cn,
                        std::ptr::null(),
                        &mut out,
                        std::ptr::null_mut(),
                    )
                };
                unsafe { payseal_keepz_free(out) };
                status
            }),
        ),
        (
            "payseal_keepz_seal",
            1,
            Box::new(|_| {
                let (p, n) = pair(payload, true);
                call(|out, err| unsafe { payseal_keepz_seal(keepz, p, n, out, err) }).status
            }),
        ),
        (
            "payseal_keepz_seal_query",
            1,
            Box::new(|_| {
                let (p, n) = pair(payload, true);
                call(|out, err| unsafe { payseal_keepz_seal_query(keepz, p, n, out, err) }).status
            }),
        ),
        (
            "payseal_keepz_open",
            1,
            Box::new(|_| {
                let (p, n) = pair(body, true);
                call(|out, err| unsafe { payseal_keepz_open(keepz, 200, p, n, out, err) }).status
            }),
        ),
        (
            "payseal_keepz_diagnostics_new",
            1,
            Box::new(|_| {
                let (p, n) = pair(&private, true);
                let mut out = std::ptr::null_mut();
                let status = unsafe {
                    payseal_keepz_diagnostics_new(
                        p,
                        n,
                        std::ptr::null(),
                        &mut out,
                        std::ptr::null_mut(),
                    )
                };
                unsafe { payseal_keepz_diagnostics_free(out) };
                status
            }),
        ),
        (
            "payseal_keepz_diagnostics_explain",
            1,
            Box::new(|_| {
                let (p, n) = pair(body, true);
                call(|out, err| unsafe {
                    payseal_keepz_diagnostics_explain(diagnostics, p, n, 0, out, err)
                })
                .status
            }),
        ),
        (
            "payseal_transactpay_new",
            2,
            Box::new(|i| {
                let (a, an) = pair(&public, i == 0);
                let (b, bn) = pair(&private, i == 1);
                let mut out = std::ptr::null_mut();
                let status = unsafe {
                    payseal_transactpay_new(
                        a,
                        an,
                        b,
                        bn,
                        PAYSEAL_BACKEND_DEFAULT,
                        &mut out,
                        std::ptr::null_mut(),
                    )
                };
                unsafe { payseal_transactpay_free(out) };
                status
            }),
        ),
        (
            "payseal_transactpay_seal",
            1,
            Box::new(|_| {
                let (p, n) = pair(payload, true);
                call(|out, err| unsafe { payseal_transactpay_seal(transactpay, p, n, out, err) })
                    .status
            }),
        ),
        (
            "payseal_transactpay_open",
            1,
            Box::new(|_| {
                let (p, n) = pair(body, true);
                call(|out, err| unsafe { payseal_transactpay_open(transactpay, p, n, out, err) })
                    .status
            }),
        ),
        (
            "payseal_transactpay_parse_response",
            1,
            Box::new(|_| {
                let (p, n) = pair(body, true);
                call(|out, err| unsafe { payseal_transactpay_parse_response(200, p, n, out, err) })
                    .status
            }),
        ),
        (
            "payseal_endpoint",
            2,
            Box::new(|i| {
                let (g, gn) = pair(b"keepz", i == 0);
                let (o, on) = pair(b"order_status", i == 1);
                call(|out, err| unsafe { payseal_endpoint(g, gn, o, on, out, err) }).status
            }),
        ),
    ];
    for (name, inputs, f) in &calls {
        for i in 0..*inputs {
            assert_eq!(f(i), PAYSEAL_INVALID_LENGTH, "{name}, input {i}");
        }
    }
    unsafe {
        payseal_keepz_free(keepz);
        payseal_transactpay_free(transactpay);
        payseal_keepz_diagnostics_free(diagnostics);
    }
}

/// The bytes of `buf` (then freed).
fn message(buf: payseal_buffer) -> String {
    String::from_utf8(take(buf)).unwrap()
}

#[test]
fn one_buffer_as_two_outputs_is_refused_and_only_the_message_written() {
    use payseal_status::*;
    let private = key_bytes("rsa2048.pkcs8.pem");
    let (status, keepz) = keepz_new(b"", &private, b"", &Default::default());
    assert_eq!(status, PAYSEAL_OK);
    // A Keepz error body: without the rule, its JSON went to `out`, then the message replaced it.
    let error_body = br#"{"message":"Order not found","statusCode":6005,"exceptionGroup":5}"#;
    let mut both = empty();
    let status = unsafe {
        payseal_keepz_open(
            keepz,
            404,
            error_body.as_ptr(),
            error_body.len(),
            &mut both,
            &mut both,
        )
    };
    assert_eq!(status, PAYSEAL_INVALID_ARGUMENT);
    assert!(message(both).contains("out and error are the same payseal_buffer"));

    // keygen: private_out = public_out, and error = either.
    let keygen = |private_out: *mut payseal_buffer,
                  public_out: *mut payseal_buffer,
                  error: *mut payseal_buffer| unsafe {
        payseal_keygen(
            2048,
            PAYSEAL_BACKEND_DEFAULT,
            PAYSEAL_KEY_FORMAT_PEM,
            PAYSEAL_KEY_FORMAT_PEM,
            private_out,
            public_out,
            error,
        )
    };
    let (mut a, mut err) = (empty(), empty());
    assert_eq!(keygen(&mut a, &mut a, &mut err), PAYSEAL_INVALID_ARGUMENT);
    assert!(a.data.is_null(), "a key was written to the shared buffer");
    assert!(message(err).contains("private_out and public_out are the same"));
    let (mut a, mut b) = (empty(), empty());
    assert_eq!(keygen(&mut a, &mut b, &mut b), PAYSEAL_INVALID_ARGUMENT);
    assert!(a.data.is_null());
    assert!(message(b).contains("public_out and error are the same"));
    let mut a = empty();
    let mut b = empty();
    assert_eq!(keygen(&mut a, &mut b, &mut a), PAYSEAL_INVALID_ARGUMENT);
    assert!(b.data.is_null());
    assert!(message(a).contains("are the same payseal_buffer"));
    unsafe { payseal_keepz_free(keepz) };
}
