//! The RSA step of the open path, as one call shaped for the constant-time decision that follows
//! it: `(validity, output)`, both marked secret for valgrind here, at this one place
//! (`crate::ct::secret`; `scripts/ct-check.sh`).
//!
//! Today both functions wrap the backend's padded decryption, which reports a bad padding as an
//! error: turning that error into a `Choice` takes a branch, and for PKCS#1 v1.5 on aws-lc the
//! decryption itself branches on the padding (issue 12, finding 1). That is the RSA work's to
//! replace, keeping these signatures: a raw RSA operation and payseal's own constant-time
//! unpadding, with the secret marking moved into it.

use super::PrivateKey;
use crate::backend::RsaPadding;
use crate::ct::KEY_STRING_LEN;
use crate::ct::secret::{mark_secret, rsa_input_tainted, secret_choice};
use subtle::Choice;
use zeroize::Zeroizing;

impl PrivateKey {
    /// Unwraps a Keepz key block: whether it opened to a 69-byte text, and the text (zeros when
    /// it did not).
    pub(crate) fn unwrap_key_string(
        &self,
        padding: RsaPadding,
        block: &[u8],
    ) -> (Choice, Zeroizing<[u8; KEY_STRING_LEN]>) {
        let mut text = Zeroizing::new([0u8; KEY_STRING_LEN]);
        let opened = self.rsa_decrypt(padding, block);
        let valid = match opened.as_deref() {
            Ok(message) if message.len() == KEY_STRING_LEN => {
                text.copy_from_slice(message);
                Choice::from(1)
            }
            _ => Choice::from(0),
        };
        mark_secret(text.as_mut_slice());
        (secret_choice(valid), text)
    }

    /// Decrypts a PKCS#1 v1.5 block holding a whole message (Keepz legacy, TransactPay): whether
    /// it opened, and the message (empty when it did not). Its length is public from here on.
    pub(crate) fn decrypt_message(&self, block: &[u8]) -> (Choice, Zeroizing<Vec<u8>>) {
        let (valid, mut message) = match self.rsa_decrypt(RsaPadding::Pkcs1v15, block) {
            Ok(message) => (Choice::from(1), message),
            Err(()) => (Choice::from(0), Zeroizing::new(Vec::new())),
        };
        mark_secret(message.as_mut_slice());
        (secret_choice(valid), message)
    }

    /// The backend's decryption; with the harness's [`taint_rsa_input`] switch on, of a copy of
    /// `block` marked secret.
    ///
    /// [`taint_rsa_input`]: crate::ct::secret::taint_rsa_input
    fn rsa_decrypt(
        &self,
        padding: RsaPadding,
        block: &[u8],
    ) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
        if rsa_input_tainted() {
            let mut tainted = block.to_vec();
            mark_secret(tainted.as_mut_slice());
            return self.decrypt(padding, &tainted);
        }
        self.decrypt(padding, block)
    }
}
