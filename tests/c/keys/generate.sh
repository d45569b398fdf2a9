#!/usr/bin/env bash
# Regenerates the C tests' extra keys (FOR TESTS ONLY: this private key is public), with the openssl
# CLI alone: a valid 2048-bit RSA private key whose DER encodings (PKCS#8 and PKCS#1 both end with
# the CRT coefficient) have an ASCII whitespace byte (0x09, 0x0a, 0x0c, 0x0d or 0x20) as their LAST
# byte, as about 2% of all keys do. payseal must read it like any other DER key.
set -euo pipefail
cd "$(dirname "$0")"
while :; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out candidate.pem 2>/dev/null
  openssl pkcs8 -topk8 -nocrypt -in candidate.pem -outform DER -out candidate.der
  last=$(tail -c 1 candidate.der | od -An -tx1 | tr -d ' \n')
  case "$last" in 09|0a|0c|0d|20) break ;; esac
done
mv candidate.der rsa2048.trailing-space.pkcs8.der
# PKCS#1 RSAPrivateKey: the OCTET STRING inside the PKCS#8 document (at offset 22 for 2048 bits);
# extracted rather than converted, because `openssl pkey/rsa -outform DER` differ across versions.
openssl asn1parse -inform DER -in rsa2048.trailing-space.pkcs8.der -strparse 22 -noout -out rsa2048.trailing-space.pkcs1.der
openssl pkey -in candidate.pem -pubout -out rsa2048.trailing-space.spki.pem
rm -f candidate.pem
chmod 644 rsa2048.trailing-space.*
