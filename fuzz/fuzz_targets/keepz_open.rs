//! A Keepz body → `Keepz::open`, `Keepz::open_response(status, body)` and the separate
//! `KeepzDiagnostics` handle's `explain` (with and without trying the other padding), with a fixed
//! private key (tests/keys/rsa2048.pkcs8.pem) under six handle configurations.
//!
//! Input: `[config][status hi][status lo][body ...]`.
//!
//! Invariants: no panic; a body of well-formed envelope shape (a JSON object with string
//! `encryptedData`, string `encryptedKeys` and `aes` absent/null/true for hybrid handles; no
//! `encryptedKeys` for legacy ones) either opens to a JSON object or array, or fails with exactly
//! `CannotOpen` and its one message; `open_response` agrees with `open`; the diagnosis says a body
//! opens exactly when `open` opens it.
#![no_main]

#[path = "common/handles.rs"]
mod handles;
#[path = "common/top_level.rs"]
mod top_level;

use handles::HANDLES;
use libfuzzer_sys::fuzz_target;
use payseal::keepz::{DiagnoseOptions, EnvelopeMode, KeepzDiagnostics};
use payseal::{Error, ErrorKind};

/// Whether `body` is the shape of an envelope this handle opens (so only `CannotOpen` may fail).
fn well_formed(body: &[u8], mode: EnvelopeMode) -> bool {
    use top_level::Kind;
    let Some(obj) = top_level::object_fields(body) else {
        return false;
    };
    let data = obj.get("encryptedData") == Some(&Kind::String);
    let keys = obj.get("encryptedKeys");
    let aes = obj.get("aes");
    match mode {
        EnvelopeMode::Hybrid => {
            data && keys == Some(&Kind::String)
                && matches!(aes, None | Some(Kind::Null | Kind::True))
        }
        EnvelopeMode::Legacy => {
            data && matches!(keys, None | Some(Kind::Null))
                && matches!(aes, None | Some(Kind::Null | Kind::True | Kind::False))
        }
        other => panic!("no envelope shape for {other:?}"),
    }
}

fn assert_cannot_open(e: &Error, what: &str, body: &[u8]) {
    assert_eq!(
        e.kind(),
        ErrorKind::CannotOpen,
        "{what}: a well-formed envelope failed with {e:?}: {:?}",
        String::from_utf8_lossy(body)
    );
    assert_eq!(
        e.message(),
        Error::cannot_open().message(),
        "{what}: CannotOpen message differs"
    );
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let (keepz, mode) = &HANDLES[usize::from(data[0]) % HANDLES.len()];
    let status = u16::from_be_bytes([data[1], data[2]]);
    let body = &data[3..];
    let shaped = well_formed(body, *mode);

    let opened = keepz.open(body);
    match &opened {
        Ok(plaintext) => {
            assert!(
                top_level::is_json_container(plaintext.as_bytes()),
                "an opened plaintext is a JSON object or array"
            );
            assert!(shaped, "opened a body that is not envelope-shaped");
        }
        Err(e) if shaped => assert_cannot_open(e, "open", body),
        Err(e) => assert_ne!(e.kind(), ErrorKind::Panic),
    }

    // open_response with the fuzzed status, and as a callback (status 0).
    for status in [status, 0, 200] {
        match keepz.open_response(status, body) {
            Ok(Some(_)) => assert!(opened.is_ok(), "open_response opened what open did not"),
            Ok(None) => assert!(body.trim_ascii().is_empty()),
            Err(e) if shaped => match e.kind() {
                ErrorKind::CannotOpen => {
                    assert_cannot_open(&e, "open_response", body);
                    assert!(
                        opened.is_err(),
                        "open_response failed to open what open did"
                    );
                }
                // An envelope holding Keepz's error, or a non-2xx status with an envelope.
                ErrorKind::GatewayError | ErrorKind::UnexpectedResponse => {
                    assert!(opened.is_ok(), "{e:?} for an envelope that does not open")
                }
                other => panic!("open_response: well-formed envelope failed with {other:?}: {e}"),
            },
            Err(_) => {}
        }
    }

    let doctor = KeepzDiagnostics::new(keepz.open_key().unwrap().clone(), *keepz.options());
    for ask in [
        DiagnoseOptions::default(),
        DiagnoseOptions::default().try_other_padding(true),
    ] {
        let diagnosis = doctor.explain(body, ask);
        assert_eq!(
            diagnosis.opens,
            opened.is_ok(),
            "the diagnosis and open disagree: {diagnosis:?}"
        );
        let _ = diagnosis.to_json_value();
    }
});
