//! The text Keepz wraps with RSA: `Base64(aesKey) + "." + Base64(iv)` — 44 + 1 + 24 = 69 ASCII
//! bytes for a 32-byte key and a 16-byte IV.

use crate::backend::fill_random;
use crate::encoding::base64::{decode_strict, encode};
use crate::error::Result;
use subtle::{Choice, ConditionallySelectable};
use zeroize::Zeroizing;

/// The length of a key string.
pub(crate) const KEY_STRING_LEN: usize = 69;

/// AES-256 key and IV, wiped on drop.
pub(crate) struct AesMaterial {
    pub key: [u8; 32],
    pub iv: [u8; 16],
}

impl AesMaterial {
    /// A fresh key and IV from the OS CSPRNG, in one call (one system call instead of two).
    pub(crate) fn random() -> Result<AesMaterial> {
        let mut bytes = Zeroizing::new([0u8; 48]);
        fill_random(bytes.as_mut_slice())?;
        let mut material = AesMaterial {
            key: [0; 32],
            iv: [0; 16],
        };
        material.key.copy_from_slice(&bytes[..32]);
        material.iv.copy_from_slice(&bytes[32..]);
        Ok(material)
    }
}

impl AesMaterial {
    /// `b` where `choice` is set, else `a`, byte by byte without a branch.
    pub(crate) fn select(a: &AesMaterial, b: &AesMaterial, choice: Choice) -> AesMaterial {
        let mut out = AesMaterial {
            key: a.key,
            iv: a.iv,
        };
        for (o, b) in out.key.iter_mut().zip(&b.key) {
            o.conditional_assign(b, choice);
        }
        for (o, b) in out.iv.iter_mut().zip(&b.iv) {
            o.conditional_assign(b, choice);
        }
        out
    }
}

impl Drop for AesMaterial {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.key.zeroize();
        self.iv.zeroize();
    }
}

/// Writes the key string for `material`.
pub(crate) fn encode_key_string(material: &AesMaterial) -> Zeroizing<Vec<u8>> {
    let key = Zeroizing::new(encode(&material.key));
    let iv = Zeroizing::new(encode(&material.iv));
    let mut out = Zeroizing::new(Vec::with_capacity(KEY_STRING_LEN));
    out.extend_from_slice(key.as_bytes());
    out.push(b'.');
    out.extend_from_slice(iv.as_bytes());
    out
}

/// Reads a key string; `None` unless it is exactly `<44 Base64>.<24 Base64>` decoding to 32 and
/// 16 bytes.
pub(crate) fn decode_key_string(text: &[u8]) -> Option<AesMaterial> {
    if text.len() != KEY_STRING_LEN || text[44] != b'.' {
        return None;
    }
    let key = Zeroizing::new(decode_strict(&text[..44]).ok()?);
    let iv = Zeroizing::new(decode_strict(&text[45..]).ok()?);
    Some(AesMaterial {
        key: key.as_slice().try_into().ok()?,
        iv: iv.as_slice().try_into().ok()?,
    })
}

/// Why a key string does not read (for diagnostics only).
pub(crate) fn explain_key_string(text: &[u8]) -> String {
    if text.len() != KEY_STRING_LEN {
        return format!(
            "the RSA-decrypted key string is {} bytes; expected {KEY_STRING_LEN} \
             (Base64 of a 32-byte key, '.', Base64 of a 16-byte IV)",
            text.len()
        );
    }
    if text[44] != b'.' {
        return "the RSA-decrypted key string has no '.' after the 44-character key".to_string();
    }
    "the RSA-decrypted key string's key or IV is not standard Base64 of 32 and 16 bytes".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let m = AesMaterial {
            key: [7; 32],
            iv: [9; 16],
        };
        let text = encode_key_string(&m);
        assert_eq!(text.len(), KEY_STRING_LEN);
        let back = decode_key_string(&text).unwrap();
        assert_eq!(back.key, m.key);
        assert_eq!(back.iv, m.iv);
        assert!(decode_key_string(&text[1..]).is_none());
        let mut bad = text.to_vec();
        bad[44] = b':';
        assert!(decode_key_string(&bad).is_none());
    }
}
