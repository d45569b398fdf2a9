//! Wiped secrets through the C ABI: the scan of `tests/wiped_secrets.rs` (this binary's global
//! allocator scans freed blocks for registered secrets while a scenario is armed), applied to
//! `payseal_buffer`s and handles.

use super::*;
use payseal_test_support::alloc::{Secrets, lock};
use payseal_test_support::key_bytes;
use payseal_test_support::secrets::*;
use zeroize::Zeroizing;

/// Through the C ABI: a handle made from a PEM private key, a seal, an open whose plaintext is
/// returned in a `payseal_buffer`, `payseal_buffer_free` and `payseal_keepz_free` leave no
/// plaintext, key string or key material in freed memory; `payseal_keygen`'s private key output
/// is wiped by `payseal_buffer_free` too. The key cache is off meanwhile, so that the handle holds
/// the key's last reference (a key dropped by the cache: `tests/key_cache.rs` in the core).
#[test]
fn c_abi_buffers_and_handles_are_wiped() {
    let _g = lock();
    let der = pkcs8_der();
    let pem = pkcs8_pem();
    let public = key_bytes("rsa2048.spki.pem");
    let (mut value, payload) = marker_payload();
    for backend in Backend::available() {
        let backend_code = backend_code(backend);
        let mut secrets = Secrets::new();
        secrets.add("plaintext", MARKER.as_bytes());
        add_private_key(&mut secrets, &der, &pem);
        let found = without_key_cache(|| {
            secrets.armed(|| unsafe {
                let options = payseal_keepz_options {
                    backend: backend_code,
                    ..Default::default()
                };
                let (status, k) = keepz_new(&public, &pem, b"", &options);
                assert_eq!(status, payseal_status::PAYSEAL_OK);
                for _ in 0..4 {
                    let mut sealed = empty();
                    let status = payseal_keepz_seal(
                        k,
                        payload.as_ptr(),
                        payload.len(),
                        &mut sealed,
                        std::ptr::null_mut(),
                    );
                    assert_eq!(status, payseal_status::PAYSEAL_OK);
                    let mut opened = empty();
                    let status = payseal_keepz_open(
                        k,
                        200,
                        sealed.data,
                        sealed.len,
                        &mut opened,
                        std::ptr::null_mut(),
                    );
                    assert_eq!(status, payseal_status::PAYSEAL_OK);
                    assert_eq!(
                        std::slice::from_raw_parts(opened.data, opened.len),
                        &payload[..]
                    );
                    payseal_buffer_free(&mut opened);
                    assert!(opened.data.is_null());
                    payseal_buffer_free(&mut sealed);
                }
                payseal_keepz_free(k);
            })
        });
        // rustcrypto: only the rsa crate's own p/q temporaries (see the test above).
        assert!(
            unexpected_on(backend, &found).is_empty(),
            "{backend:?}: the C ABI left {found:?} in freed memory"
        );

        // keygen: the private key comes back in a buffer; freeing it must wipe it. The key is
        // new, so its windows are registered after it is made, and the scan covers the free.
        let mut private = empty();
        let mut public_out = empty();
        let status = unsafe {
            payseal_keygen(
                2048,
                backend_code,
                PAYSEAL_KEY_FORMAT_DER,
                0,
                &mut private,
                &mut public_out,
                std::ptr::null_mut(),
            )
        };
        assert_eq!(status, payseal_status::PAYSEAL_OK);
        let generated = Zeroizing::new(
            unsafe { std::slice::from_raw_parts(private.data, private.len) }.to_vec(),
        );
        let mut secrets = Secrets::new();
        let ints = rsa_integers(&generated);
        secrets.add("generated d", &ints[3][64..96]);
        secrets.add("generated p", &ints[4][32..64]);
        let found = secrets.armed(|| unsafe {
            payseal_buffer_free(&mut private);
            payseal_buffer_free(&mut public_out);
        });
        assert!(
            found.is_empty(),
            "{backend:?}: payseal_buffer_free left {found:?}"
        );
    }
    wipe_value(&mut value);
}

/// A card payment and an OTP through `payseal_transactpay_prepare` — read from the host's JSON,
/// checked, sealed — leave no card number or OTP in freed memory, accepted or refused (a card
/// number sent as a JSON number is refused without being copied).
#[test]
fn typed_requests_with_card_data_are_wiped() {
    let _g = lock();
    let blob = payseal::transactpay::to_dashboard_blob(&payseal_test_support::public_key(
        "rsa2048.spki.pem",
        Backend::default(),
    ));
    let (status, tp) = transactpay_new(blob.as_bytes(), b"", 0);
    assert_eq!(status, payseal_status::PAYSEAL_OK);
    let card = "4012888888881881";
    let otp = "90817263";
    let requests: Vec<(&str, String)> = vec![
        (
            "pay",
            format!(
                r#"{{"reference":"ORD-1","paymentoption":"C","country":"NG","card":{{"cardnumber":"{card}","expirymonth":"12","expiryyear":"30","cvv":"123"}}}}"#
            ),
        ),
        (
            "pay",
            format!(
                r#"{{"reference":"ORD-1","paymentoption":"C","country":"NG","card":{{"cardnumber":{card},"expirymonth":"12","expiryyear":"30","cvv":"123"}}}}"#
            ),
        ),
        (
            "authorize",
            format!(r#"{{"orderPaymentReference":"PAY-1","otp":"{otp}"}}"#),
        ),
    ];
    let mut secrets = Secrets::new();
    secrets.add("card number", card.as_bytes());
    secrets.add("otp", otp.as_bytes());
    let mut statuses = Vec::new();
    let found = secrets.armed(|| unsafe {
        for (op, request) in &requests {
            let mut out = empty();
            let status = payseal_transactpay_prepare(
                tp,
                op.as_ptr(),
                op.len(),
                request.as_ptr(),
                request.len(),
                PAYSEAL_BASE_URL_TEST,
                std::ptr::null(),
                0,
                &mut out,
                std::ptr::null_mut(),
            );
            statuses.push(status);
            payseal_buffer_free(&mut out);
        }
    });
    unsafe { payseal_transactpay_free(tp) };
    use payseal_status::*;
    assert_eq!(statuses, [PAYSEAL_OK, PAYSEAL_INVALID_REQUEST, PAYSEAL_OK]);
    assert!(found.is_empty(), "prepare left {found:?} in freed memory");
}
