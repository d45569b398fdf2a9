//! The RSA step of the open path, as one call shaped for the constant-time decision that follows
//! it: `(validity, output)`. The output is secret (marked for valgrind in
//! [`PrivateKey::rsa_private_raw`]); the validity is a [`Choice`] to combine, never a branch.

use super::PrivateKey;
use crate::backend::RsaPadding;
use crate::ct::KEY_STRING_LEN;
use subtle::Choice;
use zeroize::Zeroizing;

impl PrivateKey {
    /// Unwraps a Keepz key block: whether it opened (padding valid *and* a 69-byte message), and
    /// the last 69 bytes of the decoded block either way. A block refused on public grounds (not
    /// `k` bytes, not below the modulus) gives false.
    pub(crate) fn unwrap_key_string(
        &self,
        padding: RsaPadding,
        block: &[u8],
    ) -> (Choice, Zeroizing<[u8; KEY_STRING_LEN]>) {
        self.unwrap_fixed::<KEY_STRING_LEN>(padding, block)
    }

    /// Decrypts a PKCS#1 v1.5 block holding a whole message (Keepz legacy, TransactPay) with
    /// implicit rejection: always a message (synthetic for a bad padding), whose length is public
    /// from here on. Only a block refused on public grounds gives false and an empty message.
    pub(crate) fn decrypt_message(&self, block: &[u8]) -> (Choice, Zeroizing<Vec<u8>>) {
        match self.decrypt_implicit_rejection(block) {
            Ok(message) => (Choice::from(1), message),
            Err(()) => (Choice::from(0), Zeroizing::new(Vec::new())),
        }
    }
}
