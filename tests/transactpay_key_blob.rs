//! TransactPay's encryption key: read in every accepted form and written back, checked against an
//! independent writer (openssl + Python standard library) on the fixed openssl-generated keys.

mod transactpay_support;

use payseal::keys::{KeyEncoding, KeyFormat, KeyOptions, KeyStructure, PrivateKey, PublicKey};
use payseal::transactpay::{
    TransactPay, parse_encryption_key, to_dashboard_blob, to_key_text, to_xml_string,
};
use payseal::{Backend, ErrorKind};
use transactpay_support::{backends, dotnet_key, public_key, read_key, unb64};

fn parse(input: impl AsRef<[u8]>, backend: Backend) -> PublicKey {
    parse_encryption_key(input, &KeyOptions::with_backend(backend))
        .unwrap_or_else(|e| panic!("{backend:?}: {e}"))
}

fn check_independent_route(bits: usize) {
    let expected = dotnet_key(bits);
    assert_eq!(expected.bits, bits);
    for backend in backends() {
        let pem = public_key(bits, backend);

        // payseal reads what the independent writer wrote...
        let forms = [
            (&expected.blob, KeyEncoding::TransactPayBlob),
            (&expected.text, KeyEncoding::TransactPayText),
            (&expected.xml, KeyEncoding::Xml),
        ];
        for (input, encoding) in forms {
            let key = parse(input, backend);
            assert_eq!(
                key.fingerprint(),
                pem.fingerprint(),
                "{backend:?} {encoding:?}"
            );
            assert_eq!(key.bits(), bits);
            assert_eq!(key.backend(), backend);
            assert_eq!(key.origin().encoding, encoding);
            assert_eq!(key.origin().structure, KeyStructure::RsaKeyValue);
        }

        // ...and writes it byte for byte, from a key loaded in another format.
        assert_eq!(to_dashboard_blob(&pem), expected.blob, "{backend:?}");
        assert_eq!(to_key_text(&pem), expected.text, "{backend:?}");
        assert_eq!(to_xml_string(&pem), expected.xml, "{backend:?}");
    }
}

#[test]
fn independent_blob_2048_loads_and_is_reproduced() {
    check_independent_route(2048);
}

#[test]
fn independent_blob_4096_loads_and_is_reproduced() {
    check_independent_route(4096);
}

#[test]
fn real_4096_blob_has_the_dashboard_shape() {
    let blob = to_dashboard_blob(&public_key(4096, Backend::default()));
    assert_eq!(blob.len(), 1016);
    assert!(blob.starts_with("NDA5NiE8UlNBS2V5VmFsdWU+PE1vZHVsdXM+"));
    assert!(!blob.contains(['\n', '\r', ' ']));
    let decoded = unb64(&blob);
    assert_eq!(decoded.len(), 760);
    let text = String::from_utf8(decoded).unwrap();
    assert!(text.starts_with("4096!<RSAKeyValue><Modulus>"));
    assert!(text.ends_with("</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>"));
    // 512 modulus bytes, no leading zero: 684 Base64 characters.
    let modulus = &text["4096!<RSAKeyValue><Modulus>".len()..text.find("</Modulus>").unwrap()];
    assert_eq!(modulus.len(), 684);
    assert_eq!(unb64(modulus).len(), 512);
    assert_ne!(unb64(modulus)[0], 0);
}

#[test]
fn private_key_xml_is_read_as_its_public_key() {
    let expected = dotnet_key(2048);
    for backend in backends() {
        let fingerprint = public_key(2048, backend).fingerprint();
        let compact = expected.private_xml.as_deref().unwrap();
        let pretty = expected.pretty_private_xml.as_deref().unwrap();
        let bom = format!("\u{feff}{pretty}");
        for xml in [compact, pretty, bom.as_str()] {
            let key = parse(xml, backend);
            assert_eq!(key.fingerprint(), fingerprint);
            assert_eq!(key.origin().encoding, KeyEncoding::Xml);
        }
        // The private elements are ignored: what is written back is the public form only.
        assert_eq!(to_xml_string(&parse(pretty, backend)), expected.xml);
        // The same, behind the dashboard prefix, in text and blob form.
        let text = format!("2048!{pretty}");
        assert_eq!(parse(&text, backend).fingerprint(), fingerprint);
        let blob = transactpay_support::b64(text.as_bytes());
        assert_eq!(parse(&blob, backend).fingerprint(), fingerprint);
    }
}

#[test]
fn pasted_blob_and_text_with_surrounding_whitespace_and_wrapping() {
    let expected = dotnet_key(2048);
    let wrapped: String = expected
        .blob
        .as_bytes()
        .chunks(64)
        .map(|c| format!("{}\r\n", std::str::from_utf8(c).unwrap()))
        .collect();
    for backend in backends() {
        let fingerprint = public_key(2048, backend).fingerprint();
        for input in [
            format!("  {}\n", expected.blob),
            wrapped.clone(),
            format!("\n{}\n", expected.text),
        ] {
            assert_eq!(parse(&input, backend).fingerprint(), fingerprint);
        }
    }
}

#[test]
fn pem_der_and_base64_der_public_keys_are_accepted() {
    let cases = [
        ("spki.pem", KeyEncoding::Pem, KeyStructure::Spki),
        ("pkcs1-pub.pem", KeyEncoding::Pem, KeyStructure::Pkcs1Public),
        ("spki.der", KeyEncoding::Der, KeyStructure::Spki),
        ("spki.b64", KeyEncoding::Base64Der, KeyStructure::Spki),
        (
            "spki.wrapped.b64",
            KeyEncoding::Base64Der,
            KeyStructure::Spki,
        ),
    ];
    for backend in backends() {
        for bits in [2048, 4096] {
            let fingerprint = public_key(bits, backend).fingerprint();
            for (suffix, encoding, structure) in cases {
                let name = format!("rsa{bits}.{suffix}");
                let key = parse(read_key(&name), backend);
                assert_eq!(key.fingerprint(), fingerprint, "{name}");
                assert_eq!(key.origin().encoding, encoding, "{name}");
                assert_eq!(key.origin().structure, structure, "{name}");
            }
        }
    }
}

#[test]
fn private_key_files_are_refused_as_encryption_keys() {
    for name in [
        "rsa2048.pkcs8.pem",
        "rsa2048.pkcs1.pem",
        "rsa2048.pkcs8.der",
    ] {
        let e = parse_encryption_key(read_key(name), &KeyOptions::default()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnsupportedKey, "{name}: {e}");
    }
}

#[test]
fn generated_keys_round_trip_through_every_written_form() {
    for backend in backends() {
        let pair = PrivateKey::generate_with(2048, backend).unwrap();
        let public = pair.public_key();
        let blob = to_dashboard_blob(public);
        for input in [blob.clone(), to_key_text(public), to_xml_string(public)] {
            let back = parse(&input, backend);
            assert_eq!(back.fingerprint(), public.fingerprint());
            // Written again, byte for byte.
            assert_eq!(to_dashboard_blob(&back), blob);
        }
        // Every backend reads what every other wrote.
        for other in backends() {
            assert_eq!(parse(&blob, other).fingerprint(), public.fingerprint());
        }
    }
}

#[test]
fn writer_matches_independent_route_after_pem_round_trip() {
    // A key exported by payseal as PEM and read back writes the same blob as the original.
    let expected = dotnet_key(4096);
    let original = parse(&expected.blob, Backend::default());
    let pem = original.export(KeyFormat::Pem);
    let reloaded = parse(&pem, Backend::default());
    assert_eq!(reloaded.origin().encoding, KeyEncoding::Pem);
    assert_eq!(to_dashboard_blob(&reloaded), expected.blob);
}

#[test]
fn handle_accepts_every_form() {
    let expected = dotnet_key(2048);
    let fingerprint = public_key(2048, Backend::default()).fingerprint();
    let spki = read_key("rsa2048.spki.pem");
    for input in [
        expected.blob.as_bytes(),
        expected.text.as_bytes(),
        expected.xml.as_bytes(),
        &spki,
    ] {
        let handle = TransactPay::new(input).unwrap();
        assert_eq!(handle.encryption_key().fingerprint(), fingerprint);
        assert_eq!(handle.max_payload_len(), 245);
    }
    for backend in backends() {
        let handle =
            TransactPay::new_with(&expected.blob, &KeyOptions::with_backend(backend)).unwrap();
        assert_eq!(handle.encryption_key().backend(), backend);
    }
}
