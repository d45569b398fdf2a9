//! The diagnostics handle through the C ABI: made from the private key alone, explains as the
//! core's `KeepzDiagnostics` does (JSON `{"opens","reason","steps"}`), tries the other padding only
//! with `PAYSEAL_DIAGNOSE_TRY_OTHER_PADDING`, refuses unknown flags. (That a `payseal_keepz` cannot
//! diagnose is the header's doing: there is no function that takes one.)

use super::*;
use payseal_test_support::key_bytes;

fn explain(
    diagnostics: *const payseal_keepz_diagnostics,
    body: &[u8],
    flags: u32,
) -> (payseal_status, serde_json::Value) {
    let got = call(|out, err| unsafe {
        payseal_keepz_diagnostics_explain(diagnostics, ptr(body), body.len(), flags, out, err)
    });
    let json = got
        .out
        .map(|bytes| serde_json::from_slice(&bytes).unwrap())
        .unwrap_or_default();
    (got.status, json)
}

#[test]
fn a_diagnostics_handle_explains_and_tries_the_other_padding_only_when_told() {
    use payseal_status::*;
    let private = key_bytes("rsa2048.pkcs8.pem");
    let oaep_options = payseal_keepz_options::default();
    let mut diagnostics = std::ptr::null_mut();
    let status = unsafe {
        payseal_keepz_diagnostics_new(
            private.as_ptr(),
            private.len(),
            &oaep_options,
            &mut diagnostics,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(status, PAYSEAL_OK);
    let pkcs1_sender = payseal::keepz::Keepz::builder()
        .seal_to(payseal::keys::PublicKey::parse(key_bytes("rsa2048.spki.pem")).unwrap())
        .padding(payseal::RsaPadding::Pkcs1v15)
        .build()
        .unwrap();
    let body = pkcs1_sender.seal_bytes(b"{}").unwrap().to_json_body();

    let (status, d) = explain(diagnostics, body.as_bytes(), 0);
    assert_eq!(status, PAYSEAL_OK);
    assert_eq!(d["opens"], false);
    assert!(!d.to_string().contains("pkcs1v15"), "tried unasked: {d}");
    let (status, d) = explain(
        diagnostics,
        body.as_bytes(),
        PAYSEAL_DIAGNOSE_TRY_OTHER_PADDING,
    );
    assert_eq!(status, PAYSEAL_OK);
    let reason = d["reason"].as_str().unwrap();
    assert!(reason.contains("set the padding to pkcs1v15"), "{d}");
    assert!(d["steps"].as_array().unwrap().len() >= 2);

    let (status, _) = explain(diagnostics, body.as_bytes(), 2);
    assert_eq!(status, PAYSEAL_INVALID_ARGUMENT);
    let (status, _) = explain(std::ptr::null(), body.as_bytes(), 0);
    assert_eq!(status, PAYSEAL_NULL_ARGUMENT);

    // A handle made with PKCS#1 v1.5 opens it.
    let pkcs1_options = payseal_keepz_options {
        padding: PAYSEAL_PADDING_PKCS1V15,
        ..Default::default()
    };
    let mut pkcs1 = std::ptr::null_mut();
    let status = unsafe {
        payseal_keepz_diagnostics_new(
            private.as_ptr(),
            private.len(),
            &pkcs1_options,
            &mut pkcs1,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(status, PAYSEAL_OK);
    let (status, d) = explain(pkcs1, body.as_bytes(), 0);
    assert_eq!(
        (status, &d["opens"]),
        (PAYSEAL_OK, &serde_json::json!(true))
    );

    // A public key is not a private key; bad options are refused as for payseal_keepz_new.
    let public = key_bytes("rsa2048.spki.pem");
    let bad_legacy = payseal_keepz_options {
        legacy: 7,
        ..Default::default()
    };
    for (key, options, expected) in [
        (&public, &oaep_options, PAYSEAL_UNSUPPORTED_KEY),
        (&private, &bad_legacy, PAYSEAL_INVALID_ARGUMENT),
    ] {
        let mut handle = std::ptr::null_mut();
        let status = unsafe {
            payseal_keepz_diagnostics_new(
                key.as_ptr(),
                key.len(),
                options,
                &mut handle,
                std::ptr::null_mut(),
            )
        };
        assert_eq!(status, expected);
        assert!(handle.is_null());
    }
    unsafe {
        payseal_keepz_diagnostics_free(diagnostics);
        payseal_keepz_diagnostics_free(pkcs1);
    }
}
