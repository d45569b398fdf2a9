//! The bad-input catalogue of SECURITY.md through the C ABI (the Rust API's rows are in the core's
//! `tests/bad_inputs.rs`, the C-side matrix in `tests/c/test_errors.c`): oversized bodies refused
//! before any copy, NUL bytes and invalid UTF-8 in `(ptr, len)` inputs, deep JSON, HTML pages and
//! numbers beyond `f64`.

use super::*;
use payseal_test_support::alloc::allocated_by;
use payseal_test_support::hostile::*;
use payseal_test_support::key_bytes;

fn ffi_keepz(public: &[u8], private: &[u8]) -> *mut payseal_keepz {
    let (status, handle) = keepz_new(public, private, b"", &Default::default());
    assert_eq!(status, payseal_status::PAYSEAL_OK);
    handle
}

fn ffi_transactpay(with_private: bool) -> *mut payseal_transactpay {
    let public = key_bytes("rsa2048.spki.pem");
    let private = if with_private {
        key_bytes("rsa2048.pkcs8.pem")
    } else {
        Vec::new()
    };
    let (status, handle) = transactpay_new(&public, &private, PAYSEAL_BACKEND_DEFAULT);
    assert_eq!(status, payseal_status::PAYSEAL_OK);
    handle
}

/// A body over the limit, and a body whose Base64 field *claims* far more than the limit, are
/// refused with `PAYSEAL_BODY_TOO_LARGE` before anything is copied, parsed or decoded: the thread
/// allocates only the error message, never anything proportional to the body.
#[test]
fn oversized_bodies_are_refused_before_any_copy_or_decode() {
    let (huge_field, huge_data) = (huge_keepz_body(), huge_transactpay_body());
    let limit = 4096; // bytes the thread may allocate: error messages only
    let k = ffi_keepz(b"", &key_bytes("rsa2048.pkcs8.pem"));
    let t = ffi_transactpay(true);
    let (got, bytes) = allocated_by(|| {
        call(|out, err| unsafe {
            payseal_keepz_open(k, 200, huge_field.as_ptr(), huge_field.len(), out, err)
        })
    });
    assert_eq!(got.status, payseal_status::PAYSEAL_BODY_TOO_LARGE);
    assert!(bytes < limit, "payseal_keepz_open allocated {bytes} bytes");
    let (got, bytes) = allocated_by(|| {
        call(|out, err| unsafe {
            payseal_transactpay_open(t, huge_data.as_ptr(), huge_data.len(), out, err)
        })
    });
    assert_eq!(got.status, payseal_status::PAYSEAL_BODY_TOO_LARGE);
    assert!(
        bytes < limit,
        "payseal_transactpay_open allocated {bytes} bytes"
    );
    let (got, bytes) = allocated_by(|| {
        call(|out, err| unsafe {
            payseal_transactpay_parse_response(200, huge_data.as_ptr(), huge_data.len(), out, err)
        })
    });
    assert_eq!(got.status, payseal_status::PAYSEAL_BODY_TOO_LARGE);
    assert!(
        bytes < limit,
        "payseal_transactpay_parse_response allocated {bytes} bytes"
    );
    unsafe {
        payseal_keepz_free(k);
        payseal_transactpay_free(t);
    }
}

/// NUL bytes are ordinary bytes in `(ptr, len)` inputs: a NUL inside an identifier makes it not
/// a UUID, inside a key makes it malformed, inside JSON makes it not JSON, inside a body makes it
/// not JSON; it never truncates an input the way a C string would.
#[test]
fn nul_bytes_across_the_c_abi() {
    use payseal_status::*;
    let public = key_bytes("rsa2048.spki.pem");
    let private = key_bytes("rsa2048.pkcs8.pem");
    let options = payseal_keepz_options::default();
    // identifier "<uuid>\0" and "\0<uuid>"
    for id in [
        format!("{ID}\0"),
        format!("\0{ID}"),
        format!("{}\0{}", &ID[..8], &ID[9..]),
    ] {
        let (status, h) = keepz_new(&public, b"", id.as_bytes(), &options);
        assert_eq!(status, PAYSEAL_INVALID_ARGUMENT, "{id:?}");
        assert!(h.is_null());
    }
    // a key with a NUL in the middle, or a NUL after it
    let mut nul_inside = private.clone();
    nul_inside[100] = 0;
    let (status, h) = keepz_new(b"", &nul_inside, b"", &options);
    assert_eq!(status, PAYSEAL_MALFORMED_KEY);
    assert!(h.is_null());
    let nul_after = [private.as_slice(), b"\0"].concat();
    let (status, h) = keepz_new(b"", &nul_after, b"", &options);
    assert!(
        matches!(status, PAYSEAL_MALFORMED_KEY | PAYSEAL_OK),
        "{status:?}"
    );
    unsafe { payseal_keepz_free(h) };

    let k = ffi_keepz(&public, &private);
    let t = ffi_transactpay(true);
    // payloads: raw NUL inside a JSON string is a control character, so not JSON; an escaped
    // \u0000 is valid JSON and round-trips.
    for payload in [&b"{\"a\":\"x\0y\"}"[..], b"{\"a\":1}\0", b"\0{\"a\":1}"] {
        let s = call(|out, err| unsafe {
            payseal_keepz_seal(k, payload.as_ptr(), payload.len(), out, err)
        });
        assert_eq!(s.status, PAYSEAL_NOT_JSON, "{payload:?}");
        let s = call(|out, err| unsafe {
            payseal_transactpay_seal(t, payload.as_ptr(), payload.len(), out, err)
        });
        assert_eq!(s.status, PAYSEAL_NOT_JSON, "{payload:?}");
    }
    let escaped = br#"{"a":"x\u0000y"}"#;
    let sealed = call(|out, err| unsafe {
        payseal_keepz_seal(k, escaped.as_ptr(), escaped.len(), out, err)
    });
    assert_eq!(sealed.status, PAYSEAL_OK);
    let body = sealed.out.unwrap();
    let opened =
        call(|out, err| unsafe { payseal_keepz_open(k, 200, body.as_ptr(), body.len(), out, err) });
    assert_eq!(opened.status, PAYSEAL_OK);
    assert_eq!(opened.out.unwrap(), escaped);
    // bodies with NUL bytes
    for body in [&b"\0"[..], b"{\"encryptedData\":\"\0\"}\0", b"\0\0\0\0"] {
        let s = call(|out, err| unsafe {
            payseal_keepz_open(k, 200, body.as_ptr(), body.len(), out, err)
        });
        assert_eq!(s.status, PAYSEAL_NOT_JSON, "{body:?}");
        let s = call(|out, err| unsafe {
            payseal_transactpay_open(t, body.as_ptr(), body.len(), out, err)
        });
        assert_eq!(s.status, PAYSEAL_NOT_JSON, "{body:?}");
    }
    unsafe {
        payseal_keepz_free(k);
        payseal_transactpay_free(t);
    }
}

/// Invalid UTF-8 across the C ABI: identifiers and payloads are `PAYSEAL_INVALID_UTF8`; a body
/// that is not UTF-8 is `PAYSEAL_NOT_JSON`; a key that is not UTF-8 (and not DER) is malformed.
#[test]
fn invalid_utf8_across_the_c_abi() {
    use payseal_status::*;
    let public = key_bytes("rsa2048.spki.pem");
    let private = key_bytes("rsa2048.pkcs8.pem");
    let options = payseal_keepz_options::default();
    for id in [
        &b"\xff"[..],
        b"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3\xc3",
        b"\xed\xa0\x80",
    ] {
        let (status, h) = keepz_new(&public, b"", id, &options);
        assert_eq!(status, PAYSEAL_INVALID_UTF8, "{id:?}");
        assert!(h.is_null());
    }
    let mut bad_key = private.clone();
    bad_key[120] = 0xff;
    assert_eq!(
        keepz_new(b"", &bad_key, b"", &options).0,
        PAYSEAL_MALFORMED_KEY
    );
    let k = ffi_keepz(&public, &private);
    let t = ffi_transactpay(true);
    // overlong '/', a lone surrogate, a truncated sequence
    for payload in [
        &b"{\"a\":\"\xc0\xaf\"}"[..],
        b"{\"a\":\"\xed\xa0\x80\"}",
        b"{\"a\":\"\xe2\x82\"}",
    ] {
        let s = call(|out, err| unsafe {
            payseal_keepz_seal(k, payload.as_ptr(), payload.len(), out, err)
        });
        assert_eq!(s.status, PAYSEAL_INVALID_UTF8);
        let s = call(|out, err| unsafe {
            payseal_transactpay_seal(t, payload.as_ptr(), payload.len(), out, err)
        });
        assert_eq!(s.status, PAYSEAL_INVALID_UTF8);
        let s = call(|out, err| unsafe {
            payseal_keepz_open(k, 200, payload.as_ptr(), payload.len(), out, err)
        });
        assert_eq!(s.status, PAYSEAL_NOT_JSON);
        let s = call(|out, err| unsafe {
            payseal_transactpay_parse_response(200, payload.as_ptr(), payload.len(), out, err)
        });
        assert_eq!(s.status, PAYSEAL_NOT_JSON);
    }
    unsafe {
        payseal_keepz_free(k);
        payseal_transactpay_free(t);
    }
}

/// A deep payload given to seal, or a deep answer to parse, is `PAYSEAL_NOT_JSON`, on a small
/// stack.
#[test]
fn deep_payloads_across_the_c_abi() {
    on_small_stack(|| {
        let k = ffi_keepz(&key_bytes("rsa2048.spki.pem"), b"");
        let deep = nested_objects(DEEP);
        let s =
            call(|out, err| unsafe { payseal_keepz_seal(k, deep.as_ptr(), deep.len(), out, err) });
        assert_eq!(s.status, payseal_status::PAYSEAL_NOT_JSON);
        let inner = format!(r#"{{"statusCode":"00","status":"success","data":{deep}}}"#);
        for body in [&deep, &inner] {
            let s = call(|out, err| unsafe {
                payseal_transactpay_parse_response(200, body.as_ptr(), body.len(), out, err)
            });
            assert_eq!(s.status, payseal_status::PAYSEAL_NOT_JSON);
        }
        unsafe { payseal_keepz_free(k) };
    });
}

/// A gateway's HTML error page is `PAYSEAL_NOT_JSON`, with `*out` untouched.
#[test]
fn html_bodies() {
    for page in HTML_PAGES {
        let s = call(|out, err| unsafe {
            payseal_transactpay_parse_response(502, page.as_ptr(), page.len(), out, err)
        });
        assert_eq!(s.status, payseal_status::PAYSEAL_NOT_JSON);
        assert!(s.out.is_none());
    }
}

/// Numbers beyond `f64` (`1e400`, 400-digit integers, 20 significant digits, integers beyond 2^53)
/// in an answer's `data` reach the host byte for byte through
/// `payseal_transactpay_parse_response`: never an infinity, never rounded.
#[test]
fn numbers_beyond_f64_keep_every_digit() {
    let digits400 = "9".repeat(400);
    for n in [
        "1e400",
        "-1e400",
        "1e-400",
        "1E+999999999999",
        &digits400,
        "1500.2500000000000001",
        "9007199254740993",
        "1.50",
    ] {
        let body = format!(
            r#"{{"statusCode":"00","status":"success","data":{{"orderReference":"ORD-1","totalAmountCharged":{n}}}}}"#
        );
        let got = call(|out, err| unsafe {
            payseal_transactpay_parse_response(200, body.as_ptr(), body.len(), out, err)
        });
        assert_eq!(got.status, payseal_status::PAYSEAL_OK);
        let out = String::from_utf8(got.out.unwrap()).unwrap();
        assert!(
            out.contains(&format!(r#""totalAmountCharged":{n}}}"#)),
            "{n}: {out}"
        );
    }
}
