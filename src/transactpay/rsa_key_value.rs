//! .NET's `<RSAKeyValue>` XML: the structure inside TransactPay's encryption key.
//!
//! Reading is strict about structure and lenient only where real copies differ: whitespace between
//! elements, an XML declaration, elements in any order, and the private-key elements (`P`, `Q`,
//! `DP`, `DQ`, `InverseQ`, `D`) that a `ToXmlString(true)` export adds, which are checked for shape
//! and then ignored. A missing, repeated or unknown element is an error that names it, because a
//! key assembled from a damaged copy would encrypt to nobody.
//!
//! Writing reproduces `RSA.ToXmlString(false)` byte for byte: no declaration, no whitespace,
//! `Modulus` then `Exponent`, standard padded Base64 of the big-endian values without leading
//! zero bytes.

use super::xml::{Spanned, Token, is_xml_whitespace, tokenize};
use crate::encoding::base64::{decode_lenient, encode};
use crate::error::{Error, ErrorKind, Result};

/// The root element.
const ROOT: &str = "RSAKeyValue";

/// The elements `RSAKeyValue` may contain. The last six belong to a private key and are ignored.
const CHILDREN: [&str; 8] = ["Modulus", "Exponent", "P", "Q", "DP", "DQ", "InverseQ", "D"];

/// The public components read from `<RSAKeyValue>`.
pub(crate) struct RsaKeyValue {
    /// The big-endian modulus as written (leading zero bytes, if any, kept).
    pub modulus: Vec<u8>,
    /// The big-endian public exponent as written.
    pub exponent: Vec<u8>,
}

fn malformed(message: impl Into<String>) -> Error {
    Error::new(
        ErrorKind::MalformedKey,
        format!("the RSAKeyValue XML {}", message.into()),
    )
}

/// Reads `<RSAKeyValue>` XML (the part after `bits!` in TransactPay's key text).
pub(crate) fn parse(xml: &[u8]) -> Result<RsaKeyValue> {
    let text = std::str::from_utf8(xml).map_err(|e| {
        malformed(format!(
            "is not UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let tokens = tokenize(text).map_err(|e| malformed(format!("is malformed {e}")))?;
    let mut reader = Reader {
        tokens: &tokens,
        next: 0,
    };
    let texts = reader.document()?;
    let modulus = decode_component("Modulus", texts[0])?;
    let exponent = decode_component("Exponent", texts[1])?;
    Ok(RsaKeyValue { modulus, exponent })
}

/// Writes the exact text of .NET's `RSA.ToXmlString(false)` for these components.
pub(crate) fn write(modulus: &[u8], exponent: &[u8]) -> String {
    let modulus = encode(modulus);
    let exponent = encode(exponent);
    let mut out = String::with_capacity(modulus.len() + exponent.len() + 64);
    out.push_str("<RSAKeyValue><Modulus>");
    out.push_str(&modulus);
    out.push_str("</Modulus><Exponent>");
    out.push_str(&exponent);
    out.push_str("</Exponent></RSAKeyValue>");
    out
}

fn decode_component(name: &str, text: Option<&str>) -> Result<Vec<u8>> {
    let text = text.ok_or_else(|| malformed(format!("has no <{name}> element")))?;
    if is_xml_whitespace(text) {
        return Err(malformed(format!("has an empty <{name}> element")));
    }
    let bytes = decode_lenient(text.as_bytes())
        .map_err(|p| malformed(format!("has a <{name}> that is not standard Base64: {p}")))?;
    if bytes.iter().all(|&b| b == 0) {
        return Err(malformed(format!("has a <{name}> of zero")));
    }
    Ok(bytes)
}

/// Walks the tokens of one document.
struct Reader<'t, 'a> {
    tokens: &'t [Spanned<'a>],
    next: usize,
}

impl<'a> Reader<'_, 'a> {
    /// The next token that is not whitespace-only text, and its offset.
    fn next_significant(&mut self) -> Option<Spanned<'a>> {
        while let Some(spanned) = self.tokens.get(self.next).copied() {
            self.next += 1;
            match spanned.token {
                Token::Text(t) if is_xml_whitespace(t) => continue,
                _ => return Some(spanned),
            }
        }
        None
    }

    /// Reads the whole document; returns the text of `Modulus` and `Exponent` (if present).
    fn document(&mut self) -> Result<[Option<&'a str>; 2]> {
        let mut first = true;
        loop {
            let Some(Spanned { offset, token }) = self.next_significant() else {
                return Err(malformed("is empty: no <RSAKeyValue> element"));
            };
            match token {
                Token::Declaration if first => first = false,
                Token::Declaration => {
                    return Err(malformed(format!(
                        "has an XML declaration that is not at the start (byte {offset})"
                    )));
                }
                Token::Start(ROOT) => break,
                Token::Empty(ROOT) => return Err(malformed("has an empty <RSAKeyValue/>")),
                Token::Start(name) | Token::Empty(name) => {
                    return Err(malformed(format!(
                        "has the root element <{name}>; expected <{ROOT}>"
                    )));
                }
                Token::End(name) => {
                    return Err(malformed(format!(
                        "starts with a closing tag </{name}> (byte {offset})"
                    )));
                }
                Token::Text(_) => {
                    return Err(malformed(format!(
                        "has text before <{ROOT}> (byte {offset})"
                    )));
                }
            }
        }
        let texts = self.children()?;
        if let Some(Spanned { offset, .. }) = self.next_significant() {
            return Err(malformed(format!(
                "has content after </{ROOT}> (byte {offset})"
            )));
        }
        Ok(texts)
    }

    /// Reads the children of the root up to `</RSAKeyValue>`.
    fn children(&mut self) -> Result<[Option<&'a str>; 2]> {
        let mut seen = [false; CHILDREN.len()];
        let mut texts: [Option<&'a str>; 2] = [None, None];
        loop {
            let Some(Spanned { offset, token }) = self.next_significant() else {
                return Err(malformed(format!(
                    "ends before </{ROOT}>: it looks truncated"
                )));
            };
            let (name, empty) = match token {
                Token::End(ROOT) => return Ok(texts),
                Token::Start(name) => (name, false),
                Token::Empty(name) => (name, true),
                Token::End(name) => {
                    return Err(malformed(format!(
                        "has an unexpected </{name}> inside <{ROOT}> (byte {offset})"
                    )));
                }
                Token::Text(_) => {
                    return Err(malformed(format!(
                        "has text directly inside <{ROOT}> (byte {offset})"
                    )));
                }
                Token::Declaration => {
                    return Err(malformed(format!(
                        "has an XML declaration inside <{ROOT}> (byte {offset})"
                    )));
                }
            };
            let index = CHILDREN.iter().position(|&c| c == name).ok_or_else(|| {
                malformed(format!(
                    "has an unknown element <{name}> inside <{ROOT}>; expected Modulus, \
                     Exponent (and, in a private key, P, Q, DP, DQ, InverseQ, D)"
                ))
            })?;
            if seen[index] {
                return Err(malformed(format!("has a repeated element <{name}>")));
            }
            seen[index] = true;
            let text = if empty { "" } else { self.leaf(name)? };
            if index < 2 {
                texts[index] = Some(text);
            }
        }
    }

    /// Reads the text of a leaf element whose start tag was just read, and its end tag.
    fn leaf(&mut self, name: &str) -> Result<&'a str> {
        let mut text = "";
        if let Some(Spanned {
            token: Token::Text(t),
            ..
        }) = self.tokens.get(self.next)
        {
            text = t;
            self.next += 1;
        }
        match self.tokens.get(self.next).copied() {
            Some(Spanned {
                token: Token::End(end),
                ..
            }) if end == name => {
                self.next += 1;
                Ok(text)
            }
            Some(Spanned {
                token: Token::End(end),
                offset,
            }) => Err(malformed(format!(
                "closes <{name}> with </{end}> (byte {offset})"
            ))),
            Some(Spanned { offset, .. }) => Err(malformed(format!(
                "has markup inside <{name}> (byte {offset}); expected only Base64 text"
            ))),
            None => Err(malformed(format!(
                "ends inside <{name}>: it looks truncated"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = "<RSAKeyValue><Modulus>AQID</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>";

    fn message(xml: &str) -> String {
        match parse(xml.as_bytes()) {
            Ok(_) => panic!("{xml:?} was accepted"),
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::MalformedKey, "{xml:?}");
                e.message().to_string()
            }
        }
    }

    #[test]
    fn reads_the_dotnet_form_and_writes_it_back() {
        let kv = parse(XML.as_bytes()).unwrap();
        assert_eq!(kv.modulus, [1, 2, 3]);
        assert_eq!(kv.exponent, [1, 0, 1]);
        assert_eq!(write(&kv.modulus, &kv.exponent), XML);
    }

    #[test]
    fn tolerates_whitespace_declaration_order_and_private_elements() {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<RSAKeyValue>\n  \
                   <Exponent>AQAB</Exponent>\n  <Modulus>\n    AQ\n    ID\n  </Modulus>\n  \
                   <P>AQ==</P><Q>Ag==</Q><DP>Aw==</DP><DQ>BA==</DQ><InverseQ>BQ==</InverseQ>\
                   <D>Bg==</D>\n</RSAKeyValue>\n";
        let kv = parse(xml.as_bytes()).unwrap();
        assert_eq!(kv.modulus, [1, 2, 3]);
        assert_eq!(kv.exponent, [1, 0, 1]);
    }

    #[test]
    fn names_what_is_wrong() {
        let doubled = format!("{XML}<RSAKeyValue/>");
        let trailing = format!("{XML}trailing");
        let leading = format!("x{XML}");
        let two_declarations = format!("<?xml version=\"1.0\"?><?xml version=\"1.0\"?>{XML}");
        let cases: [(&str, &str); 27] = [
            ("", "no <RSAKeyValue>"),
            (
                "<RSAKeyValue><Exponent>AQAB</Exponent></RSAKeyValue>",
                "no <Modulus>",
            ),
            (
                "<RSAKeyValue><Modulus>AQID</Modulus></RSAKeyValue>",
                "no <Exponent>",
            ),
            (
                "<RSAKeyValue><Modulus>AQID</Modulus><Modulus>AQID</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>",
                "repeated element <Modulus>",
            ),
            (
                "<RSAKeyValue><Modulus>AQID</Modulus><Exponent>AQAB</Exponent><D>AQ==</D><D>AQ==</D></RSAKeyValue>",
                "repeated element <D>",
            ),
            (
                "<RSAKeyValue><Modulus>AQID</Modulus><Exponent>AQAB</Exponent><Foo>x</Foo></RSAKeyValue>",
                "unknown element <Foo>",
            ),
            (
                "<RSAKeyValue><modulus>AQID</modulus><Exponent>AQAB</Exponent></RSAKeyValue>",
                "unknown element <modulus>",
            ),
            (
                "<RSAKeyValue><Modulus>AQ*D</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>",
                "<Modulus> that is not standard Base64",
            ),
            (
                "<RSAKeyValue><Modulus>AQID</Modulus><Exponent>AQA</Exponent></RSAKeyValue>",
                "<Exponent> that is not standard Base64",
            ),
            (
                "<RSAKeyValue><Modulus></Modulus><Exponent>AQAB</Exponent></RSAKeyValue>",
                "empty <Modulus>",
            ),
            (
                "<RSAKeyValue><Modulus/><Exponent>AQAB</Exponent></RSAKeyValue>",
                "empty <Modulus>",
            ),
            (
                "<RSAKeyValue><Modulus>AAAA</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>",
                "<Modulus> of zero",
            ),
            (
                "<RSAKeyValue><Modulus>AQID</Modulus><Exponent>AQAB</Exponent>",
                "truncated",
            ),
            ("<RSAKeyValue><Modulus>AQID", "truncated"),
            (
                "<RSAKeyValue><Modulus>AQID</Exponent>",
                "closes <Modulus> with </Exponent>",
            ),
            (
                "<RSAKeyValue><Modulus><P>AQ==</P></Modulus>",
                "markup inside <Modulus>",
            ),
            (&doubled, "content after"),
            (&trailing, "content after"),
            (&leading, "text before"),
            (&two_declarations, "declaration"),
            (
                "<KeyValue><Modulus>AQID</Modulus></KeyValue>",
                "root element <KeyValue>",
            ),
            ("<RSAKeyValue/>", "empty <RSAKeyValue/>"),
            ("</RSAKeyValue>", "closing tag"),
            ("<RSAKeyValue>AQID</RSAKeyValue>", "text directly inside"),
            (
                "<RSAKeyValue></Modulus></RSAKeyValue>",
                "unexpected </Modulus>",
            ),
            ("<RSAKeyValue xmlns=\"x\"></RSAKeyValue>", "attributes"),
            ("<RSAKeyValue><!-- x --></RSAKeyValue>", "comments"),
        ];
        for (xml, needle) in cases {
            let m = message(xml);
            assert!(
                m.contains(needle),
                "{xml:?}: {m:?} does not mention {needle:?}"
            );
        }
        let m = message("<RSAKeyValue>\u{0}\u{ff}");
        assert!(m.contains("text directly inside"), "{m}");
        let e = parse(b"<RSAKeyValue>\xff</RSAKeyValue>").err().unwrap();
        assert!(e.message().contains("not UTF-8"), "{e}");
    }
}
