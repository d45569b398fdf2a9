//! RSAES-OAEP decoding with SHA-256, MGF1-SHA-256 and the empty label (RFC 8017 §7.1.2, step 3),
//! branch-free.
//!
//! `EM = Y || maskedSeed || maskedDB`; unmasking gives `DB = lHash' || PS || 0x01 || M`. The
//! three checks (Y is zero, lHash' is SHA-256 of the empty label, a 0x01 ends a run of zeros)
//! are combined into one [`subtle::Choice`] with no early exit, because telling them apart is
//! Manger's attack. The masks are computed and applied whatever the bytes hold.

use super::Decoded;
use sha2::{Digest, Sha256};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};

/// The SHA-256 output length, `hLen`.
const H_LEN: usize = 32;

/// SHA-256 of the empty string: `lHash` for the empty label both gateways use.
const EMPTY_LABEL_HASH: [u8; H_LEN] = [
    0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
    0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
];

/// XORs `out` with MGF1-SHA-256(`seed`, `out.len()`) (RFC 8017 §B.2.1).
fn xor_mgf1(out: &mut [u8], seed: &[u8]) {
    for (counter, chunk) in (0u32..).zip(out.chunks_mut(H_LEN)) {
        let mask = Sha256::new()
            .chain_update(seed)
            .chain_update(counter.to_be_bytes())
            .finalize();
        for (byte, m) in chunk.iter_mut().zip(mask.iter()) {
            *byte ^= m;
        }
    }
}

/// Checks and unmasks the OAEP padding of `em` (the raw RSA output, `k` bytes) in place: after
/// the call `em` is `Y || seed || DB`, so the message is its last [`Decoded::len`] bytes.
pub(crate) fn decode(em: &mut [u8]) -> Decoded {
    let k = em.len();
    if k < 2 * H_LEN + 2 {
        return Decoded::invalid();
    }
    let (y, rest) = em.split_at_mut(1);
    let (seed, db) = rest.split_at_mut(H_LEN);
    xor_mgf1(seed, db); // seed = maskedSeed ⊕ MGF1(maskedDB, hLen)
    xor_mgf1(db, seed); // DB = maskedDB ⊕ MGF1(seed, k − hLen − 1)

    let mut valid = y[0].ct_eq(&0) & db[..H_LEN].ct_eq(&EMPTY_LABEL_HASH);
    let mut looking = Choice::from(1);
    let mut message_start = 0u32; // an index into `em`
    for (i, byte) in db.iter().enumerate().skip(H_LEN) {
        let is_zero = byte.ct_eq(&0);
        let is_one = byte.ct_eq(&1);
        message_start.conditional_assign(&((1 + H_LEN + i + 1) as u32), looking & is_one);
        // Before the 0x01, only zeros (PS) may appear.
        valid &= !looking | is_zero | is_one;
        looking &= !is_one;
    }
    valid &= !looking;
    // message_start <= k when found; the value is discarded when invalid.
    Decoded::new(valid, (k as u32).wrapping_sub(message_start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_label_hash_is_sha256_of_nothing() {
        assert_eq!(Sha256::digest(b"").as_slice(), EMPTY_LABEL_HASH);
    }

    /// Builds EM for `db` with `seed` (RFC 8017 §7.1.1 steps 2e–2i).
    fn encode(seed: &[u8; H_LEN], db: &[u8]) -> Vec<u8> {
        let mut masked_db = db.to_vec();
        xor_mgf1(&mut masked_db, seed);
        let mut masked_seed = seed.to_vec();
        xor_mgf1(&mut masked_seed, &masked_db);
        [&[0u8][..], &masked_seed, &masked_db].concat()
    }

    fn db(k: usize, message: &[u8]) -> Vec<u8> {
        let mut db = EMPTY_LABEL_HASH.to_vec();
        db.resize(k - H_LEN - 1 - message.len() - 1, 0);
        db.push(1);
        db.extend_from_slice(message);
        db
    }

    #[test]
    fn round_trip_every_message_length() {
        let k = 128;
        for len in 0..=k - 2 * H_LEN - 2 {
            let message: Vec<u8> = (0..len as u8).collect();
            let mut em = encode(&[7; H_LEN], &db(k, &message));
            let d = decode(&mut em);
            assert!(bool::from(d.valid), "length {len}");
            assert_eq!(d.reveal(&em).unwrap().as_slice(), message);
        }
    }

    #[test]
    fn each_defect_alone_is_invalid() {
        let k = 128;
        let good = db(k, b"key string");
        let mut cases = Vec::new();
        let mut bad_hash = good.clone();
        bad_hash[5] ^= 1;
        cases.push(encode(&[1; H_LEN], &bad_hash));
        let mut no_one = good.clone();
        let one = no_one.iter().rposition(|&b| b == 1).unwrap();
        no_one[one] = 0;
        cases.push(encode(&[1; H_LEN], &no_one));
        let mut junk_in_ps = good.clone();
        junk_in_ps[H_LEN + 2] = 0x80;
        cases.push(encode(&[1; H_LEN], &junk_in_ps));
        let mut nonzero_y = encode(&[1; H_LEN], &good);
        nonzero_y[0] = 1;
        cases.push(nonzero_y);
        for mut em in cases {
            let d = decode(&mut em);
            assert!(!bool::from(d.valid));
            assert_eq!(d.len, 0);
        }
        assert!(!bool::from(decode(&mut [0u8; 2 * H_LEN + 1]).valid));
    }
}
