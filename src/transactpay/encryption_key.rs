//! Reading TransactPay's encryption key in whichever form a merchant has it.
//!
//! The dashboard gives a Base64 blob; people also paste its decoded text, the bare .NET XML (at
//! times a whole private-key export, with a declaration and indentation), or, in tests, a PEM or
//! DER public key. The form is recognised from the first bytes, never guessed from the outcome of
//! trying each parser in turn, so an error always speaks about the form the input is actually in.

use super::key_blob::{looks_like_key_text, parse_key_text};
use super::rsa_key_value;
use crate::encoding::base64::{Base64Problem, decode_lenient, decode_strict};
use crate::error::{Error, ErrorKind, Result};
use crate::keys::{KeyEncoding, KeyOptions, KeyOrigin, KeyStructure, MAX_KEY_INPUT, PublicKey};
use zeroize::Zeroizing;

/// How many leading Base64 characters are decoded to recognise a blob (18 bytes: more than any
/// `bits!<` prefix needs).
const PROBE_CHARS: usize = 24;

fn malformed(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::MalformedKey, message.into())
}

/// Reads TransactPay's encryption key in any accepted form and prepares it for
/// `options.backend`.
///
/// Accepted, recognised from the first bytes:
/// - the dashboard blob, standard Base64 of `bits!<RSAKeyValue>...` (origin
///   [`KeyEncoding::TransactPayBlob`]);
/// - its decoded text `bits!<RSAKeyValue>...` ([`KeyEncoding::TransactPayText`]);
/// - bare `<RSAKeyValue>` XML, with or without an XML declaration and whitespace, possibly a
///   private-key export whose `P`, `Q`, `DP`, `DQ`, `InverseQ` and `D` are ignored
///   ([`KeyEncoding::Xml`]);
/// - a public key in PEM, DER or Base64 DER, as [`PublicKey::parse_with`] reads it.
///
/// The bit count before `!` must equal the modulus bit length. Every problem is
/// [`ErrorKind::MalformedKey`] with a message naming it, except a modulus under the minimum
/// ([`ErrorKind::KeyTooSmall`]) and the errors [`PublicKey::parse_with`] gives for PEM and DER.
pub fn parse_encryption_key(input: impl AsRef<[u8]>, options: &KeyOptions) -> Result<PublicKey> {
    let input = input.as_ref();
    if input.len() > MAX_KEY_INPUT {
        return Err(malformed(format!(
            "the encryption key is {} bytes, more than the {MAX_KEY_INPUT} bytes any RSA key needs",
            input.len()
        )));
    }
    let text = input
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(input)
        .trim_ascii();
    if text.is_empty() {
        return Err(malformed("the encryption key is empty"));
    }
    if text[0] == b'<' {
        return parse_xml(text, options);
    }
    if looks_like_key_text(text) {
        return parse_key_text(text, KeyEncoding::TransactPayText, options);
    }
    if let Some(decoded) = decode_blob(text)? {
        return parse_key_text(&decoded, KeyEncoding::TransactPayBlob, options);
    }
    PublicKey::parse_with(input, options).map_err(|e| {
        if e.kind() == ErrorKind::MalformedKey {
            malformed(format!(
                "the encryption key is not a TransactPay blob, key text or RSAKeyValue XML, nor a \
                 PEM or DER public key: {}",
                e.message()
            ))
        } else {
            e
        }
    })
}

/// Reads bare `<RSAKeyValue>` XML. There is no bit count to check; the minimum size still applies.
fn parse_xml(xml: &[u8], options: &KeyOptions) -> Result<PublicKey> {
    let components = rsa_key_value::parse(xml)?;
    let origin = KeyOrigin {
        encoding: KeyEncoding::Xml,
        structure: KeyStructure::RsaKeyValue,
    };
    PublicKey::from_components(&components.modulus, &components.exponent, origin, options)
}

/// Decodes `text` if it is a dashboard blob: Base64 whose first bytes read `bits!` (or `<`).
/// `Ok(None)` when it is something else (PEM, Base64 DER, DER), for the PEM/DER reader.
fn decode_blob(text: &[u8]) -> Result<Option<Zeroizing<Vec<u8>>>> {
    if contains(text, b"-----BEGIN ") {
        return Ok(None);
    }
    // The leading run of Base64 alphabet characters, so that a damaged character further on is
    // reported as a damaged blob rather than as "not a key at all".
    let probe: Vec<u8> = text
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .take(PROBE_CHARS)
        .take_while(|&b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
        .collect();
    let usable = probe.len() / 4 * 4;
    if usable < 8 {
        return Ok(None);
    }
    let Ok(head) = decode_strict(&probe[..usable]) else {
        return Ok(None);
    };
    let bare_xml = head.starts_with(b"<");
    if !looks_like_key_text(&head) && !bare_xml {
        return Ok(None);
    }
    let decoded = Zeroizing::new(decode_lenient(text).map_err(|p| {
        let hint = match p {
            Base64Problem::BadPadding => {
                " (the blob looks cut off: copy all of it from the dashboard)"
            }
            Base64Problem::BadCharacter { .. } => "",
        };
        malformed(format!(
            "the TransactPay encryption key blob is not standard Base64: {p}{hint}"
        ))
    })?);
    if bare_xml {
        return Err(malformed(
            "the Base64 blob decodes to RSAKeyValue XML without the 'bits!' prefix the dashboard \
             puts in front (expected Base64 of e.g. '4096!<RSAKeyValue>...'); pass the XML itself \
             to read it without the prefix",
        ));
    }
    Ok(Some(decoded))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probes_do_not_claim_other_formats() {
        assert!(
            decode_blob(b"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")
                .unwrap()
                .is_none()
        );
        assert!(
            decode_blob(b"-----BEGIN PUBLIC KEY-----\nNDA5NiE8\n")
                .unwrap()
                .is_none()
        );
        assert!(decode_blob(b"NDA5").unwrap().is_none());
        assert!(decode_blob(b"\x30\x82\x01\x22").unwrap().is_none());
    }

    #[test]
    fn blob_errors() {
        let e = decode_blob(b"NDA5NiE8UlNBS2V5VmFsdWU").unwrap_err();
        assert!(e.message().contains("cut off"), "{e}");
        let e = decode_blob(b"NDA5NiE8UlNB*2V5VmFsdWU+").unwrap_err();
        assert!(e.message().contains("outside the Base64 alphabet"), "{e}");
        // Base64 of "<RSAKeyValue>"
        let e = decode_blob(b"PFJTQUtleVZhbHVlPg==").unwrap_err();
        assert!(e.message().contains("without the 'bits!' prefix"), "{e}");
        let ok = decode_blob(b"NDA5NiE8UlNB\nS2V5VmFsdWU+").unwrap().unwrap();
        assert_eq!(ok.as_slice(), b"4096!<RSAKeyValue>");
    }
}
