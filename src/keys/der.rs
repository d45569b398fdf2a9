//! DER structures of RSA keys: X.509 SubjectPublicKeyInfo, PKCS#1, PKCS#8, and conversions
//! between them, plus the recognition of DER that is *not* a usable RSA key (so the error can say
//! what it is).

use crate::error::ErrorKind;
use der::asn1::{BitStringRef, OctetStringRef};
use der::{Decode, Encode};
use pkcs1::{RsaPrivateKeyRef, RsaPublicKeyRef};
use pkcs8::PrivateKeyInfoRef;
use spki::SubjectPublicKeyInfoRef;
use zeroize::Zeroizing;

/// A DER document recognised as an RSA key.
pub(crate) enum RsaDer {
    /// X.509 SubjectPublicKeyInfo.
    Spki(Vec<u8>),
    /// PKCS#1 RSAPublicKey.
    Pkcs1Public(Vec<u8>),
    /// PKCS#8 PrivateKeyInfo (unencrypted).
    Pkcs8(Zeroizing<Vec<u8>>),
    /// PKCS#1 RSAPrivateKey.
    Pkcs1Private(Zeroizing<Vec<u8>>),
}

/// DER that is not a usable RSA key: what it is, and whether that is damage
/// ([`ErrorKind::MalformedKey`]) or the wrong kind of key ([`ErrorKind::UnsupportedKey`]).
pub(crate) struct NotRsa {
    pub kind: ErrorKind,
    pub found: String,
}

fn damaged(found: impl Into<String>) -> NotRsa {
    NotRsa {
        kind: ErrorKind::MalformedKey,
        found: found.into(),
    }
}

fn other_kind(found: impl Into<String>) -> NotRsa {
    NotRsa {
        kind: ErrorKind::UnsupportedKey,
        found: found.into(),
    }
}

/// Recognises DER as one of the RSA key structures, or says what it is instead.
pub(crate) fn classify(der: &[u8]) -> Result<RsaDer, NotRsa> {
    if let Ok(spki) = SubjectPublicKeyInfoRef::from_der(der) {
        return if spki.algorithm.oid == pkcs1::ALGORITHM_OID {
            RsaPublicKeyRef::from_der(spki.subject_public_key.raw_bytes())
                .map(|_| RsaDer::Spki(der.to_vec()))
                .map_err(|_| damaged("an X.509 public key whose RSA part is malformed"))
        } else {
            Err(other_kind(format!(
                "a {} public key, not an RSA key",
                algorithm_name(&spki.algorithm.oid)
            )))
        };
    }
    if let Ok(info) = PrivateKeyInfoRef::from_der(der) {
        return if info.algorithm.oid == pkcs1::ALGORITHM_OID {
            RsaPrivateKeyRef::from_der(info.private_key.as_bytes())
                .map(|_| RsaDer::Pkcs8(Zeroizing::new(der.to_vec())))
                .map_err(|_| damaged("a PKCS#8 private key whose RSA part is malformed"))
        } else {
            Err(other_kind(format!(
                "a {} private key, not an RSA key",
                algorithm_name(&info.algorithm.oid)
            )))
        };
    }
    if RsaPrivateKeyRef::from_der(der).is_ok() {
        return Ok(RsaDer::Pkcs1Private(Zeroizing::new(der.to_vec())));
    }
    if RsaPublicKeyRef::from_der(der).is_ok() {
        return Ok(RsaDer::Pkcs1Public(der.to_vec()));
    }
    Err(describe_unknown(der))
}

/// Names DER that is not an RSA key structure: a certificate, an encrypted PKCS#8 file, an EC key,
/// or a document that ends early (a truncated paste).
fn describe_unknown(der: &[u8]) -> NotRsa {
    // 1.2.840.113549.1.5.* (PKCS#5: PBES2, PBES1) and 1.2.840.10045.* (ANSI X9.62: EC)
    const PKCS5_PREFIX: &[u8] = &[0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x05];
    const X962_PREFIX: &[u8] = &[0x2A, 0x86, 0x48, 0xCE, 0x3D];
    let head = &der[..der.len().min(64)];
    if contains(head, PKCS5_PREFIX) {
        return other_kind(
            "an encrypted PKCS#8 private key (payseal needs the key unencrypted: \
             `openssl pkcs8 -in key.pem -out plain.pem` decrypts it)",
        );
    }
    if contains(head, X962_PREFIX) {
        return other_kind("an EC key, not an RSA key");
    }
    if looks_like_certificate(der) {
        return other_kind(
            "an X.509 certificate, not a bare key (extract the key with \
             `openssl x509 -in cert.pem -pubkey -noout`)",
        );
    }
    match der::asn1::AnyRef::from_der(der) {
        Err(e) if matches!(e.kind(), der::ErrorKind::Incomplete { .. }) => damaged(format!(
            "DER data that ends early ({} bytes): the key looks truncated, paste all of it",
            der.len()
        )),
        _ => damaged(format!(
            "{} bytes of DER (or binary) data that is not an RSA key",
            der.len()
        )),
    }
}

fn looks_like_certificate(der: &[u8]) -> bool {
    // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version, ... }, ... }
    fn content_of_sequence(bytes: &[u8]) -> Option<&[u8]> {
        if *bytes.first()? != 0x30 {
            return None;
        }
        let len_byte = *bytes.get(1)?;
        let header = if len_byte < 0x80 {
            2
        } else {
            2 + (len_byte & 0x7f) as usize
        };
        bytes.get(header..)
    }
    content_of_sequence(der)
        .and_then(content_of_sequence)
        .and_then(|tbs| tbs.first())
        == Some(&0xA0)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn algorithm_name(oid: &der::asn1::ObjectIdentifier) -> String {
    match oid.to_string().as_str() {
        "1.2.840.10045.2.1" => "EC".to_string(),
        "1.3.101.112" => "Ed25519".to_string(),
        "1.3.101.110" => "X25519".to_string(),
        "1.2.840.10040.4.1" => "DSA".to_string(),
        "1.2.840.113549.1.1.10" => "RSA-PSS".to_string(),
        other => format!("non-RSA (algorithm {other})"),
    }
}

/// Wraps PKCS#1 RSAPublicKey DER in an X.509 SubjectPublicKeyInfo.
pub(crate) fn spki_from_pkcs1(pkcs1_der: &[u8]) -> Result<Vec<u8>, der::Error> {
    SubjectPublicKeyInfoRef {
        algorithm: pkcs1::ALGORITHM_ID,
        subject_public_key: BitStringRef::from_bytes(pkcs1_der)?,
    }
    .to_der()
}

/// The PKCS#1 RSAPublicKey inside an X.509 SubjectPublicKeyInfo.
pub(crate) fn pkcs1_from_spki(spki_der: &[u8]) -> Result<Vec<u8>, der::Error> {
    Ok(SubjectPublicKeyInfoRef::from_der(spki_der)?
        .subject_public_key
        .raw_bytes()
        .to_vec())
}

/// Wraps PKCS#1 RSAPrivateKey DER in an unencrypted PKCS#8 PrivateKeyInfo.
pub(crate) fn pkcs8_from_pkcs1(pkcs1_der: &[u8]) -> Result<Zeroizing<Vec<u8>>, der::Error> {
    PrivateKeyInfoRef::new(pkcs1::ALGORITHM_ID, OctetStringRef::new(pkcs1_der)?)
        .to_der()
        .map(Zeroizing::new)
}

/// The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo.
pub(crate) fn pkcs1_from_pkcs8(pkcs8_der: &[u8]) -> Result<Zeroizing<Vec<u8>>, der::Error> {
    Ok(Zeroizing::new(
        PrivateKeyInfoRef::from_der(pkcs8_der)?
            .private_key
            .as_bytes()
            .to_vec(),
    ))
}

/// The private exponent `d` (big-endian) of a PKCS#8 RSA key, in a buffer wiped on drop.
pub(crate) fn private_exponent(pkcs8_der: &[u8]) -> Result<Zeroizing<Vec<u8>>, der::Error> {
    let pkcs1 = pkcs1_from_pkcs8(pkcs8_der)?;
    let key = RsaPrivateKeyRef::from_der(&pkcs1)?;
    Ok(Zeroizing::new(key.private_exponent.as_bytes().to_vec()))
}

/// The SubjectPublicKeyInfo of the public half of a PKCS#8 RSA key.
pub(crate) fn spki_of_pkcs8(pkcs8_der: &[u8]) -> Result<Vec<u8>, der::Error> {
    let pkcs1 = pkcs1_from_pkcs8(pkcs8_der)?;
    let key = RsaPrivateKeyRef::from_der(&pkcs1)?;
    let public = key.public_key().to_der()?;
    spki_from_pkcs1(&public)
}

/// The big-endian modulus and public exponent (no leading zero bytes) of an SPKI RSA key.
pub(crate) fn rsa_components(spki_der: &[u8]) -> Result<(Vec<u8>, Vec<u8>), der::Error> {
    let spki = SubjectPublicKeyInfoRef::from_der(spki_der)?;
    let key = RsaPublicKeyRef::from_der(spki.subject_public_key.raw_bytes())?;
    Ok((
        key.modulus.as_bytes().to_vec(),
        key.public_exponent.as_bytes().to_vec(),
    ))
}

/// Builds SPKI DER from a big-endian modulus and exponent (leading zero bytes allowed).
pub(crate) fn spki_from_components(modulus: &[u8], exponent: &[u8]) -> Result<Vec<u8>, der::Error> {
    let public = pkcs1::RsaPublicKey {
        modulus: der::asn1::UintRef::new(modulus)?,
        public_exponent: der::asn1::UintRef::new(exponent)?,
    };
    spki_from_pkcs1(&public.to_der()?)
}
