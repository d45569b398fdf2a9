#!/usr/bin/env bash
# Regenerates the fixed test keys (FOR TESTS ONLY: these private keys are public).
# Each key is written with the openssl CLI, independently of payseal, in every format payseal reads.
set -euo pipefail
cd "$(dirname "$0")"
for bits in 2048 4096; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:$bits -out rsa$bits.pkcs8.pem 2>/dev/null
  openssl pkey -in rsa$bits.pkcs8.pem -traditional -out rsa$bits.pkcs1.pem
  # `openssl pkey -outform DER` writes PKCS#1 ("traditional") DER on OpenSSL 3.0; pkcs8 -topk8
  # writes the PKCS#8 PrivateKeyInfo that Keepz hands out (MIIE.../MIIJ... as bare Base64).
  openssl pkcs8 -topk8 -nocrypt -in rsa$bits.pkcs8.pem -outform DER -out rsa$bits.pkcs8.der
  base64 -w0 rsa$bits.pkcs8.der > rsa$bits.pkcs8.b64
  base64 -w 76 rsa$bits.pkcs8.der > rsa$bits.pkcs8.wrapped.b64
  openssl pkey -in rsa$bits.pkcs8.pem -traditional -outform DER -out rsa$bits.pkcs1.der
  openssl pkey -in rsa$bits.pkcs8.pem -pubout -out rsa$bits.spki.pem
  openssl rsa -in rsa$bits.pkcs8.pem -RSAPublicKey_out -out rsa$bits.pkcs1-pub.pem 2>/dev/null
  openssl pkey -in rsa$bits.pkcs8.pem -pubout -outform DER -out rsa$bits.spki.der
  openssl pkey -in rsa$bits.pkcs8.pem -pubout -outform DER | base64 -w0 > rsa$bits.spki.b64
  openssl pkey -in rsa$bits.pkcs8.pem -pubout -outform DER | base64 -w 64 > rsa$bits.spki.wrapped.b64
done
# Keys payseal must refuse, each for its own reason.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa1024.pkcs8.pem 2>/dev/null
openssl pkey -in rsa1024.pkcs8.pem -pubout -out rsa1024.spki.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.pkcs8.pem 2>/dev/null
openssl pkey -in ec.pkcs8.pem -pubout -out ec.spki.pem
openssl ec -in ec.pkcs8.pem -out ec.sec1.pem 2>/dev/null
openssl pkcs8 -topk8 -in rsa2048.pkcs8.pem -v2 aes-256-cbc -passout pass:test -out rsa2048.encrypted.pem
openssl pkcs8 -topk8 -in rsa2048.pkcs8.pem -v2 aes-256-cbc -passout pass:test -outform DER -out rsa2048.encrypted.der
openssl req -x509 -new -key rsa2048.pkcs8.pem -subj /CN=payseal-test -days 3650 -out rsa2048.cert.pem 2>/dev/null
openssl rsa -in rsa2048.pkcs8.pem -aes256 -passout pass:test -traditional -out rsa2048.pkcs1.encrypted.pem 2>/dev/null
