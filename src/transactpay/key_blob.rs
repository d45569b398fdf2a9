//! TransactPay's encryption key as the dashboard hands it out: standard Base64 of the text
//! `bits!<RSAKeyValue>...</RSAKeyValue>`, read and written.
//!
//! The bit count in front is redundant with the modulus, which is exactly why it is checked: a
//! prefix that disagrees with the modulus means the blob was edited or pieced together from two
//! keys, and sealing to it would produce requests the gateway cannot open.

use super::rsa_key_value;
use crate::encoding::base64::encode;
use crate::error::{Error, ErrorKind, Result, excerpt};
use crate::keys::{KeyEncoding, KeyOptions, KeyOrigin, KeyStructure, PublicKey};

/// The longest bit-count prefix read (`16384` has five digits; a little slack for the error).
const MAX_PREFIX_LEN: usize = 16;

fn malformed(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::MalformedKey, message.into())
}

/// Whether `bytes` starts like key text: a short run of printable ASCII (spaces allowed, so that a
/// mistyped count is reported as such), then `!`.
///
/// DER never matches (its second byte is a length ≥ 0x80 for any RSA key), Base64 and PEM never
/// contain `!`, and XML starts with `<`, so this tells the text form apart from every other format
/// without guessing.
pub(crate) fn looks_like_key_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(MAX_PREFIX_LEN + 1)];
    match head.iter().position(|&b| b == b'!') {
        Some(bang) => head[..bang]
            .iter()
            .all(|&b| (b.is_ascii_graphic() || b == b' ' || b == b'\t') && b != b'<'),
        None => false,
    }
}

/// Reads the key text `bits!<RSAKeyValue>...` (decoded from a blob, or given as is).
pub(crate) fn parse_key_text(
    text: &[u8],
    encoding: KeyEncoding,
    options: &KeyOptions,
) -> Result<PublicKey> {
    let bang = text.iter().position(|&b| b == b'!').ok_or_else(|| {
        malformed(
            "the TransactPay key text has no '!' after the bit count (expected \
             'bits!<RSAKeyValue>...', e.g. '4096!<RSAKeyValue>...')",
        )
    })?;
    let declared = parse_bit_count(&text[..bang])?;
    let components = rsa_key_value::parse(&text[bang + 1..])?;
    let actual = bit_length(&components.modulus);
    if declared != actual {
        return Err(malformed(format!(
            "the TransactPay key says {declared} bits but its modulus has {actual} bits: the key \
             was edited or assembled from two keys; copy it again from the dashboard"
        )));
    }
    let origin = KeyOrigin {
        encoding,
        structure: KeyStructure::RsaKeyValue,
    };
    PublicKey::from_components(&components.modulus, &components.exponent, origin, options)
}

/// Reads the decimal bit count before the `!`: digits only, positive, no sign.
fn parse_bit_count(prefix: &[u8]) -> Result<usize> {
    let shown = String::from_utf8_lossy(&prefix[..prefix.len().min(MAX_PREFIX_LEN)]);
    let not_a_count = || {
        malformed(format!(
            "the TransactPay key's bit count {} (before the '!') is not a positive number; \
             expected e.g. '4096!<RSAKeyValue>...'",
            excerpt(&shown)
        ))
    };
    if prefix.is_empty() || prefix.len() > 6 || !prefix.iter().all(u8::is_ascii_digit) {
        return Err(not_a_count());
    }
    let bits = prefix
        .iter()
        .fold(0usize, |n, &d| n * 10 + usize::from(d - b'0'));
    if bits == 0 {
        return Err(not_a_count());
    }
    Ok(bits)
}

/// The bit length of a big-endian unsigned number (leading zero bytes ignored).
fn bit_length(number: &[u8]) -> usize {
    match number.iter().position(|&b| b != 0) {
        Some(i) => (number.len() - i) * 8 - number[i].leading_zeros() as usize,
        None => 0,
    }
}

/// Writes `key` as .NET's `RSA.ToXmlString(false)` does:
/// `<RSAKeyValue><Modulus>…</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>`, with no
/// declaration and no whitespace.
///
/// Works for any [`PublicKey`], whatever format it was loaded from.
pub fn to_xml_string(key: &PublicKey) -> String {
    rsa_key_value::write(key.modulus(), key.exponent())
}

/// Writes the decoded text of a dashboard blob: `bits!` followed by [`to_xml_string`], where
/// `bits` is the modulus bit length (e.g. `4096!<RSAKeyValue>...`).
pub fn to_key_text(key: &PublicKey) -> String {
    format!("{}!{}", key.bits(), to_xml_string(key))
}

/// Writes `key` exactly as the TransactPay dashboard shows an encryption key: standard padded
/// Base64, on one line, of [`to_key_text`].
///
/// A 4096-bit key with exponent 65537 gives 1016 characters beginning
/// `NDA5NiE8UlNBS2V5VmFsdWU+PE1vZHVsdXM+`. Tests and test doubles use it to hand a merchant's
/// code a key in the form the real dashboard gives.
///
/// ```
/// use payseal::keys::PrivateKey;
/// use payseal::transactpay::{parse_encryption_key, to_dashboard_blob};
/// # fn main() -> payseal::Result<()> {
/// let pair = PrivateKey::generate(2048)?;
/// let blob = to_dashboard_blob(pair.public_key());
/// assert!(blob.starts_with("MjA0OCE8UlNBS2V5VmFsdWU+")); // "2048!<RSAKeyValue>"
/// let back = parse_encryption_key(&blob, &Default::default())?;
/// assert_eq!(back.fingerprint(), pair.public_key().fingerprint());
/// # Ok(()) }
/// ```
pub fn to_dashboard_blob(key: &PublicKey) -> String {
    encode(to_key_text(key).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_text_shape() {
        assert!(looks_like_key_text(b"4096!<RSAKeyValue>"));
        assert!(looks_like_key_text(b"abc!"));
        assert!(looks_like_key_text(b"!<RSAKeyValue>"));
        assert!(!looks_like_key_text(b"<RSAKeyValue>"));
        assert!(!looks_like_key_text(
            b"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"
        ));
        assert!(!looks_like_key_text(b"0\x82\x02!<"));
        assert!(looks_like_key_text(b"40 96!<"));
        assert!(!looks_like_key_text(b"40\n96!<"));
        assert!(!looks_like_key_text(b"12345678901234567!"));
    }

    #[test]
    fn bit_counts() {
        assert_eq!(parse_bit_count(b"4096").unwrap(), 4096);
        assert_eq!(parse_bit_count(b"2048").unwrap(), 2048);
        for bad in [
            &b""[..],
            b"0",
            b"000",
            b"-4096",
            b"+4096",
            b"4096 ",
            b"40x6",
            b"1234567",
        ] {
            let e = parse_bit_count(bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::MalformedKey);
            assert!(e.message().contains("not a positive number"), "{e}");
        }
    }

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_length(&[]), 0);
        assert_eq!(bit_length(&[0, 0]), 0);
        assert_eq!(bit_length(&[1]), 1);
        assert_eq!(bit_length(&[0, 0x80, 0]), 16);
        assert_eq!(bit_length(&[0x7f, 0xff]), 15);
    }
}
