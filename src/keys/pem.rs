//! A lenient PEM reader: any line endings, leading and trailing spaces, text around the block.
//!
//! Keys reach payseal pasted through dashboards, environment variables and config files, so the
//! armour is found wherever it is, RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`) are noticed, and the
//! Base64 body may be wrapped at any width.

use crate::encoding::base64::decode_secret;
use zeroize::Zeroizing;

/// One PEM block.
pub(crate) struct PemBlock {
    /// The label between `BEGIN ` and the dashes, e.g. `RSA PRIVATE KEY`.
    pub label: String,
    /// Whether RFC 1421 headers mark the body as encrypted (`Proc-Type: 4,ENCRYPTED`).
    pub legacy_encrypted: bool,
    /// The decoded body.
    pub der: Zeroizing<Vec<u8>>,
}

/// What went wrong reading PEM text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum PemProblem {
    /// `-----BEGIN X-----` without a matching `-----END X-----`: usually a truncated paste.
    MissingEnd(String),
    /// The Base64 body does not decode.
    BadBody(String),
}

/// Whether the text contains a PEM BEGIN line.
pub(crate) fn looks_like_pem(text: &[u8]) -> bool {
    find(text, b"-----BEGIN ").is_some()
}

/// Reads the first PEM block in `text`.
pub(crate) fn parse(text: &[u8]) -> Result<PemBlock, PemProblem> {
    let start = find(text, b"-----BEGIN ").ok_or_else(|| PemProblem::MissingEnd(String::new()))?;
    let after_begin = &text[start + 11..];
    let label_end =
        find(after_begin, b"-----").ok_or_else(|| PemProblem::MissingEnd(String::new()))?;
    let label = String::from_utf8_lossy(&after_begin[..label_end])
        .trim()
        .to_string();
    let body_and_rest = &after_begin[label_end + 5..];
    let end_marker = format!("-----END {label}-----");
    let body_end = find(body_and_rest, end_marker.as_bytes())
        .ok_or_else(|| PemProblem::MissingEnd(label.clone()))?;
    let body = &body_and_rest[..body_end];

    // RFC 1421 headers: lines with a colon before the Base64 body.
    let mut legacy_encrypted = false;
    let mut base64_lines: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(body.len()));
    for line in body.split(|&b| b == b'\n') {
        let line = line.trim_ascii();
        if line.contains(&b':') {
            if line.starts_with(b"Proc-Type:") && find(line, b"ENCRYPTED").is_some() {
                legacy_encrypted = true;
            }
            continue;
        }
        base64_lines.extend_from_slice(line);
    }
    let der = decode_secret(&base64_lines).map_err(|p| PemProblem::BadBody(p.to_string()))?;
    Ok(PemBlock {
        label,
        legacy_encrypted,
        der,
    })
}

/// Writes DER as PEM with 64-character lines and `\n` line endings.
pub(crate) fn encode(label: &str, der: &[u8]) -> String {
    let b64 = Zeroizing::new(crate::encoding::base64::encode(der));
    let mut out = String::with_capacity(b64.len() + b64.len() / 64 + 2 * label.len() + 40);
    out.push_str("-----BEGIN ");
    out.push_str(label);
    out.push_str("-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        // Base64 is ASCII, so every chunk is valid UTF-8.
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str("-----END ");
    out.push_str(label);
    out.push_str("-----\n");
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_crlf_and_indent() {
        let der: Vec<u8> = (0..200u8).collect();
        let pem = encode("PUBLIC KEY", &der).replace('\n', "\r\n   ");
        let block = parse(format!("garbage\n   {pem}").as_bytes()).unwrap();
        assert_eq!(block.label, "PUBLIC KEY");
        assert_eq!(&block.der[..], &der[..]);
        assert!(!block.legacy_encrypted);
    }

    #[test]
    fn truncated_and_encrypted() {
        assert_eq!(
            parse(b"-----BEGIN PRIVATE KEY-----\nAAAA\n").err(),
            Some(PemProblem::MissingEnd("PRIVATE KEY".into()))
        );
        let enc = b"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        assert!(parse(enc).unwrap().legacy_encrypted);
    }
}
