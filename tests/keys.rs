//! Key loading in every format, every refusal with its kind, and export checked against openssl.

use payseal::keys::{
    KeyEncoding, KeyFormat, KeyOptions, KeyStructure, MAX_KEY_INPUT, PrivateKey, PublicKey,
};
use payseal::{Backend, ErrorKind};
use payseal_test_support::*;

fn openssl_spki_der(bits: usize) -> Vec<u8> {
    key_bytes(&format!("rsa{bits}.spki.der"))
}

#[test]
fn every_public_format_loads_to_the_same_key() {
    for bits in [2048, 4096] {
        let expected = openssl_spki_der(bits);
        for backend in Backend::available() {
            for file in public_key_files(bits) {
                let key = public_key(&file, backend);
                assert_eq!(key.bits(), bits, "{file}");
                assert_eq!(key.to_der(), &expected[..], "{file}");
                assert_eq!(key.backend(), backend);
                let (encoding, structure) = (key.origin().encoding, key.origin().structure);
                let expected_encoding = if file.ends_with(".pem") {
                    KeyEncoding::Pem
                } else if file.ends_with(".der") {
                    KeyEncoding::Der
                } else {
                    KeyEncoding::Base64Der
                };
                assert_eq!(encoding, expected_encoding, "{file}");
                let expected_structure = if file.contains("pkcs1") {
                    KeyStructure::Pkcs1Public
                } else {
                    KeyStructure::Spki
                };
                assert_eq!(structure, expected_structure, "{file}");
            }
        }
    }
}

#[test]
fn every_private_format_loads_with_the_matching_public_half() {
    for bits in [2048, 4096] {
        let expected = openssl_spki_der(bits);
        for backend in Backend::available() {
            for file in private_key_files(bits) {
                let key = private_key(&file, backend);
                assert_eq!(key.bits(), bits);
                assert_eq!(key.public_key().to_der(), &expected[..], "{file}");
            }
        }
    }
}

#[test]
fn keys_pasted_with_crlf_indentation_and_surrounding_text_load() {
    let pem = String::from_utf8(key_bytes("rsa2048.spki.pem")).unwrap();
    let messy = format!("KEEPZ_PUBLIC_KEY=\r\n  {}\r\n", pem.replace('\n', "\r\n  "));
    assert!(PublicKey::parse(messy).is_ok());
    let b64 = String::from_utf8(key_bytes("rsa2048.spki.b64")).unwrap();
    assert!(PublicKey::parse(format!("  {b64}\n\n")).is_ok());
}

fn kind_of_public(input: &[u8]) -> ErrorKind {
    PublicKey::parse(input).expect_err("must be refused").kind()
}

fn kind_of_private(input: &[u8]) -> ErrorKind {
    PrivateKey::parse(input)
        .expect_err("must be refused")
        .kind()
}

fn message_of_private(input: &[u8]) -> String {
    PrivateKey::parse(input)
        .expect_err("must be refused")
        .message()
        .to_string()
}

#[test]
fn refusals_say_what_was_found() {
    // EC keys, in SPKI, PKCS#8 and SEC1 form.
    let e = PublicKey::parse(key_bytes("ec.spki.pem")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedKey);
    assert!(e.message().contains("EC"), "{e}");
    let e = PrivateKey::parse(key_bytes("ec.pkcs8.pem")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedKey);
    assert!(e.message().contains("EC"), "{e}");
    assert!(message_of_private(&key_bytes("ec.sec1.pem")).contains("EC"));
    // A certificate.
    let e = PublicKey::parse(key_bytes("rsa2048.cert.pem")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedKey);
    assert!(e.message().contains("certificate"), "{e}");
    // A certificate as bare Base64 DER (no PEM label to go by).
    let cert_der = openssl(
        &[
            "x509",
            "-in",
            key_path("rsa2048.cert.pem").to_str().unwrap(),
            "-outform",
            "DER",
        ],
        b"",
    );
    let e = PublicKey::parse(b64(&cert_der)).unwrap_err();
    assert!(e.message().contains("certificate"), "{e}");
    // Encrypted private keys: PKCS#8 PEM and DER, and legacy encrypted PKCS#1.
    for file in [
        "rsa2048.encrypted.pem",
        "rsa2048.encrypted.der",
        "rsa2048.pkcs1.encrypted.pem",
    ] {
        let e = PrivateKey::parse(key_bytes(file)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnsupportedKey, "{file}");
        assert!(
            e.message().contains("encrypted") || e.message().contains("password"),
            "{file}: {e}"
        );
    }
    // Too small.
    assert_eq!(
        kind_of_public(&key_bytes("rsa1024.spki.pem")),
        ErrorKind::KeyTooSmall
    );
    assert_eq!(
        kind_of_private(&key_bytes("rsa1024.pkcs8.pem")),
        ErrorKind::KeyTooSmall
    );
    // ...unless the caller lowers the minimum on purpose, on a backend that goes that low.
    for backend in Backend::available() {
        let lowered = KeyOptions {
            min_bits: 1024,
            backend,
        };
        let result = PublicKey::parse_with(key_bytes("rsa1024.spki.pem"), &lowered);
        if backend.min_rsa_bits() <= 1024 {
            assert!(result.is_ok());
        } else {
            assert_eq!(result.unwrap_err().kind(), ErrorKind::KeyTooSmall);
        }
    }
    // The wrong half.
    let e = PrivateKey::parse(key_bytes("rsa2048.spki.pem")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedKey);
    assert!(
        e.message()
            .contains("public key where a private key is needed"),
        "{e}"
    );
    let e = PublicKey::parse(key_bytes("rsa2048.pkcs8.pem")).unwrap_err();
    assert!(
        e.message().contains("private key where a public key"),
        "{e}"
    );
}

#[test]
fn damaged_input_is_malformed() {
    let pem = key_bytes("rsa2048.spki.pem");
    // A truncated PEM paste (no END line).
    let e = PublicKey::parse(&pem[..pem.len() / 2]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MalformedKey);
    assert!(e.message().contains("truncated"), "{e}");
    // A truncated Base64 paste (cut at a multiple of 4 so the Base64 itself is valid).
    let b64text = key_bytes("rsa2048.spki.b64");
    let e = PublicKey::parse(&b64text[..200]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MalformedKey);
    assert!(e.message().contains("truncated"), "{e}");
    // Truncated DER.
    let der = key_bytes("rsa2048.pkcs8.der");
    assert_eq!(
        kind_of_private(&der[..der.len() - 10]),
        ErrorKind::MalformedKey
    );
    // Empty, whitespace, garbage, URL-safe Base64, an oversized input.
    assert_eq!(kind_of_public(b""), ErrorKind::MalformedKey);
    assert_eq!(kind_of_public(b" \n\t"), ErrorKind::MalformedKey);
    assert_eq!(
        kind_of_public(b"not a key at all!"),
        ErrorKind::MalformedKey
    );
    let url_safe: Vec<u8> = b64text
        .iter()
        .map(|&b| match b {
            b'+' => b'-',
            b'/' => b'_',
            b => b,
        })
        .collect();
    if url_safe != b64text {
        let e = PublicKey::parse(&url_safe).unwrap_err();
        assert!(e.message().contains("URL-safe"), "{e}");
    }
    assert_eq!(
        kind_of_public(&vec![b'A'; MAX_KEY_INPUT + 1]),
        ErrorKind::MalformedKey
    );
    // A PEM label that lies about its content.
    let lying = String::from_utf8(pem)
        .unwrap()
        .replace("PUBLIC KEY", "RSA PUBLIC KEY");
    assert_eq!(kind_of_public(lying.as_bytes()), ErrorKind::MalformedKey);
}

#[test]
fn exports_read_back_and_match_openssl() {
    let dir = tempfile::tempdir().unwrap();
    for backend in Backend::available() {
        let key = private_key("rsa2048.pkcs8.pem", backend);
        let public = key.public_key();
        let expected_spki = openssl_spki_der(2048);
        for format in KeyFormat::ALL {
            let exported = public.export(format);
            let back = PublicKey::parse(&exported).unwrap();
            assert_eq!(back.to_der(), &expected_spki[..], "{format:?}");
            let exported_private = key.export(format);
            let back = PrivateKey::parse(&exported_private[..]).unwrap();
            assert_eq!(back.public_key().fingerprint(), public.fingerprint());
            // openssl reads every export and finds the same key.
            let path = dir.path().join(format!("k.{}", format.name()));
            let (bytes, inform) = match format {
                KeyFormat::Base64Der => (
                    unb64(std::str::from_utf8(&exported_private).unwrap()),
                    "DER",
                ),
                KeyFormat::Der => (exported_private.to_vec(), "DER"),
                _ => (exported_private.to_vec(), "PEM"),
            };
            std::fs::write(&path, bytes).unwrap();
            let spki = openssl(
                &[
                    "pkey",
                    "-inform",
                    inform,
                    "-in",
                    path.to_str().unwrap(),
                    "-pubout",
                    "-outform",
                    "DER",
                ],
                b"",
            );
            assert_eq!(spki, expected_spki, "{format:?}");
        }
        assert_eq!(
            String::from_utf8(public.export(KeyFormat::Pem)).unwrap(),
            String::from_utf8(key_bytes("rsa2048.spki.pem")).unwrap()
        );
    }
}

#[test]
fn generated_keys_work_and_debug_shows_no_secret() {
    for backend in Backend::available() {
        let key = PrivateKey::generate_with(2048, backend).unwrap();
        assert_eq!(key.bits(), 2048);
        let debug = format!("{key:?}");
        let pkcs8_b64 = String::from_utf8(key.export(KeyFormat::Base64Der).to_vec()).unwrap();
        assert!(!debug.contains(&pkcs8_b64[40..80]), "{debug}");
        assert!(debug.contains("2048"));
        // openssl agrees the generated key is a consistent RSA key.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gen.pem");
        std::fs::write(&path, &key.export(KeyFormat::Pem)[..]).unwrap();
        let check = openssl(
            &["rsa", "-check", "-noout", "-in", path.to_str().unwrap()],
            b"",
        );
        assert!(String::from_utf8_lossy(&check).contains("RSA key ok"));
    }
    assert_eq!(
        PrivateKey::generate(1024).unwrap_err().kind(),
        ErrorKind::KeyTooSmall
    );
}

#[test]
fn a_key_moves_between_backends() {
    let backends = Backend::available();
    let key = private_key("rsa2048.pkcs1.pem", backends[0]);
    for backend in &backends {
        let moved = key.with_backend(*backend).unwrap();
        assert_eq!(moved.backend(), *backend);
        assert_eq!(
            moved.public_key().fingerprint(),
            key.public_key().fingerprint()
        );
    }
}

/// Regression: binary DER whose last byte is 0x0a or 0x20 was trimmed like text and refused as
/// truncated (about 2% of private keys).
#[test]
fn der_ending_in_a_whitespace_byte_loads() {
    let backend = Backend::default();
    let key = (0..2000)
        .map(|_| PrivateKey::generate_with(2048, backend).unwrap())
        .find(|k| {
            k.export(KeyFormat::Der)
                .last()
                .is_some_and(u8::is_ascii_whitespace)
        })
        .expect("one key in 2000 ends in a whitespace byte (p > 1 - 1e-17)");
    let der = key.export(KeyFormat::Der);
    let back = PrivateKey::parse(&der[..]).unwrap();
    assert_eq!(
        back.public_key().fingerprint(),
        key.public_key().fingerprint()
    );
}

#[test]
fn pkcs8_bare_base64_is_what_keepz_hands_out() {
    for bits in [2048, 4096] {
        let b64 = key_bytes(&format!("rsa{bits}.pkcs8.b64"));
        assert!(b64.starts_with(if bits == 2048 { b"MIIE" } else { b"MIIJ" }));
        let key = PrivateKey::parse(&b64).unwrap();
        assert_eq!(key.public_key().origin().structure, KeyStructure::Pkcs8);
    }
}

/// PKCS#1 RSAPublicKey DER for a modulus of exactly `bits` bits (odd, top bit set; not a product
/// of two primes, which no size check needs) and exponent 65537.
fn pkcs1_public_der(bits: usize) -> Vec<u8> {
    use der::Encode;
    let mut modulus = vec![0x5au8; bits.div_ceil(8)];
    let top_bits = bits - (modulus.len() - 1) * 8;
    modulus[0] = 1 << (top_bits - 1) | 1;
    *modulus.last_mut().unwrap() |= 1;
    pkcs1::RsaPublicKey {
        modulus: der::asn1::UintRef::new(&modulus).unwrap(),
        public_exponent: der::asn1::UintRef::new(&[1, 0, 1]).unwrap(),
    }
    .to_der()
    .unwrap()
}

/// The largest modulus is what both backends' libraries accept (aws-lc-rs and `rsa` 0.10 both
/// stop at 8192 bits): one bit more is `KeyTooLarge` — not the `UnsupportedKey` that `rsa` would
/// give if payseal let the key through to it.
#[test]
fn key_size_limit_is_the_backends_own() {
    for backend in Backend::available() {
        let options = KeyOptions::with_backend(backend);
        let at_limit = PublicKey::parse_with(pkcs1_public_der(8192), &options).unwrap();
        assert_eq!(at_limit.bits(), 8192);
        for bits in [8193, 8200, 16384] {
            let err = PublicKey::parse_with(pkcs1_public_der(bits), &options).unwrap_err();
            assert_eq!(
                err.kind(),
                ErrorKind::KeyTooLarge,
                "{bits} bits on {backend:?}: {err}"
            );
        }
        assert_eq!(backend.max_rsa_bits(), 8192);
    }
}
