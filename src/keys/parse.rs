//! Turning key text or bytes, in whatever form a merchant has them, into a recognised RSA DER
//! document — or into an error that says what was found and what is expected.

use super::KeyEncoding;
use super::der::{NotRsa, RsaDer, classify};
use super::pem::{self, PemProblem};
use crate::encoding::base64::decode_secret;
use crate::error::{Error, ErrorKind, Result, excerpt};

/// The largest key input accepted (a 16384-bit private key in PEM is about 12 KiB).
pub const MAX_KEY_INPUT: usize = 64 * 1024;

fn malformed(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::MalformedKey, message.into())
}

fn unsupported(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::UnsupportedKey, message.into())
}

/// Decodes PEM, DER, or bare Base64 DER into a recognised RSA key document.
pub(crate) fn decode(input: &[u8]) -> Result<(RsaDer, KeyEncoding)> {
    if input.len() > MAX_KEY_INPUT {
        return Err(malformed(format!(
            "the key input is {} bytes, more than the {MAX_KEY_INPUT} bytes any RSA key needs",
            input.len()
        )));
    }
    // Binary DER is read exactly as given: its last byte may well be 0x0a or 0x20, so it must not
    // be trimmed like text. (No text form of a key starts with the byte 0x30, '0'.)
    if input.first() == Some(&0x30) {
        let doc = classify(input).map_err(unrecognised)?;
        return Ok((doc, KeyEncoding::Der));
    }
    let trimmed = input.trim_ascii();
    if trimmed.is_empty() {
        return Err(malformed("the key input is empty"));
    }
    if pem::looks_like_pem(trimmed) {
        return decode_pem(trimmed);
    }
    if trimmed.starts_with(b"-----") {
        return Err(malformed(
            "the key text has PEM dashes but no '-----BEGIN ...-----' line",
        ));
    }
    let der = decode_secret(trimmed).map_err(|p| {
        malformed(format!(
            "the key is neither PEM, DER nor Base64 of DER: as Base64, {p}"
        ))
    })?;
    let doc = classify(&der).map_err(unrecognised)?;
    Ok((doc, KeyEncoding::Base64Der))
}

fn unrecognised(not_rsa: NotRsa) -> Error {
    Error::new(
        not_rsa.kind,
        format!(
            "found {}; expected an RSA key (X.509 SubjectPublicKeyInfo or PKCS#1 for a public key, \
             unencrypted PKCS#8 or PKCS#1 for a private key)",
            not_rsa.found
        ),
    )
}

fn decode_pem(text: &[u8]) -> Result<(RsaDer, KeyEncoding)> {
    let block = pem::parse(text).map_err(|p| match p {
        PemProblem::MissingEnd(label) => malformed(format!(
            "the PEM block labelled {} has no matching '-----END ...-----' line: the key looks \
             truncated",
            excerpt(&label)
        )),
        PemProblem::BadBody(why) => malformed(format!("the PEM body does not decode: {why}")),
    })?;
    let expected_structure = match block.label.as_str() {
        "PUBLIC KEY" | "RSA PUBLIC KEY" | "PRIVATE KEY" | "RSA PRIVATE KEY" => block.label.as_str(),
        "ENCRYPTED PRIVATE KEY" => {
            return Err(unsupported(
                "found an encrypted PKCS#8 private key (ENCRYPTED PRIVATE KEY); payseal needs it \
                 unencrypted: `openssl pkcs8 -in key.pem -out plain.pem` decrypts it",
            ));
        }
        "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => {
            return Err(unsupported(
                "found an X.509 certificate, not a key; extract the public key with \
                 `openssl x509 -in cert.pem -pubkey -noout`",
            ));
        }
        "EC PRIVATE KEY" | "EC PUBLIC KEY" | "EC PARAMETERS" => {
            return Err(unsupported(format!(
                "found an EC key ({}), not an RSA key",
                block.label
            )));
        }
        "OPENSSH PRIVATE KEY" => {
            return Err(unsupported(
                "found an OpenSSH private key; convert it with `ssh-keygen -p -m PKCS8 -f key`",
            ));
        }
        other => {
            return Err(unsupported(format!(
                "found a PEM block labelled {}; expected PUBLIC KEY, RSA PUBLIC KEY, PRIVATE KEY \
                 or RSA PRIVATE KEY",
                excerpt(other)
            )));
        }
    };
    if block.legacy_encrypted {
        return Err(unsupported(
            "found a password-protected RSA PRIVATE KEY (Proc-Type: 4,ENCRYPTED); payseal needs it \
             unencrypted: `openssl rsa -in key.pem -out plain.pem` decrypts it",
        ));
    }
    let doc = classify(&block.der).map_err(unrecognised)?;
    let matches = matches!(
        (&doc, expected_structure),
        (RsaDer::Spki(_), "PUBLIC KEY")
            | (RsaDer::Pkcs1Public(_), "RSA PUBLIC KEY")
            | (RsaDer::Pkcs8(_), "PRIVATE KEY")
            | (RsaDer::Pkcs1Private(_), "RSA PRIVATE KEY")
    );
    if !matches {
        return Err(malformed(format!(
            "the PEM label says '{expected_structure}' but the content is a different key structure"
        )));
    }
    Ok((doc, KeyEncoding::Pem))
}
