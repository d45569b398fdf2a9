//! The text Keepz wraps with RSA: `Base64(aesKey) + "." + Base64(iv)` — 44 + 1 + 24 = 69 ASCII
//! bytes for a 32-byte key and a 16-byte IV.

use crate::backend::fill_random;
pub(crate) use crate::ct::KEY_STRING_LEN;
use crate::encoding::base64::encode;
use crate::error::Result;
use subtle::{Choice, ConditionallySelectable};
use zeroize::Zeroizing;

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

    /// Reads a key string in constant time: whether it is one, and the key and IV it holds
    /// (garbage when it is not). See [`crate::ct::key_string`].
    pub(crate) fn from_key_string(text: &[u8; KEY_STRING_LEN]) -> (Choice, AesMaterial) {
        let mut material = AesMaterial {
            key: [0; 32],
            iv: [0; 16],
        };
        let valid =
            crate::ct::key_string::decode_key_string(text, &mut material.key, &mut material.iv);
        (valid, material)
    }

    /// Replaces `self` with `other` when `choice` is true, in constant time.
    pub(crate) fn assign_if(&mut self, other: &AesMaterial, choice: Choice) {
        for (mine, theirs) in self.key.iter_mut().zip(&other.key) {
            mine.conditional_assign(theirs, choice);
        }
        for (mine, theirs) in self.iv.iter_mut().zip(&other.iv) {
            mine.conditional_assign(theirs, choice);
        }
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
/// 16 bytes (the tests' reading; the open path and the diagnosis keep the `Choice`).
#[cfg(test)]
pub(crate) fn decode_key_string(text: &[u8]) -> Option<AesMaterial> {
    let text: &[u8; KEY_STRING_LEN] = text.try_into().ok()?;
    let (valid, material) = AesMaterial::from_key_string(text);
    bool::from(valid).then_some(material)
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
