package payseal

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"strings"
	"testing"
)

// Interop with Go's own crypto: envelopes sealed by payseal are opened with crypto/rsa and
// crypto/aes + crypto/cipher, and envelopes built with them are opened by payseal.

const identifier = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e"

var interopPayload = []byte(`{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","amount":12.5,"description":"გადახდა ` +
	strings.Repeat("x", 100) + `"}`)

func rsaEncrypt(t testing.TB, pub *rsa.PublicKey, p Padding, msg []byte) []byte {
	t.Helper()
	var ct []byte
	var err error
	if p == PaddingOAEPSHA256 {
		ct, err = rsa.EncryptOAEP(sha256.New(), rand.Reader, pub, msg, nil)
	} else {
		ct, err = rsa.EncryptPKCS1v15(rand.Reader, pub, msg)
	}
	if err != nil {
		t.Fatal(err)
	}
	return ct
}

func rsaDecrypt(t testing.TB, priv *rsa.PrivateKey, p Padding, ct []byte) []byte {
	t.Helper()
	var msg []byte
	var err error
	if p == PaddingOAEPSHA256 {
		msg, err = rsa.DecryptOAEP(sha256.New(), nil, priv, ct, nil)
	} else {
		msg, err = rsa.DecryptPKCS1v15(nil, priv, ct)
	}
	if err != nil {
		t.Fatalf("Go could not RSA-decrypt payseal's block: %v", err)
	}
	return msg
}

// goSealKeepz builds a hybrid envelope as the Keepz specification describes it, with Go only.
func goSealKeepz(t testing.TB, pub *rsa.PublicKey, p Padding, plaintext []byte) []byte {
	t.Helper()
	key, iv := make([]byte, 32), make([]byte, aes.BlockSize)
	_, _ = rand.Read(key)
	_, _ = rand.Read(iv)
	block, _ := aes.NewCipher(key)
	pad := aes.BlockSize - len(plaintext)%aes.BlockSize
	padded := append(append([]byte(nil), plaintext...), bytes.Repeat([]byte{byte(pad)}, pad)...)
	ct := make([]byte, len(padded))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(ct, padded)
	wrap := base64.StdEncoding.EncodeToString(key) + "." + base64.StdEncoding.EncodeToString(iv)
	body, _ := json.Marshal(map[string]any{
		"encryptedData": base64.StdEncoding.EncodeToString(ct),
		"encryptedKeys": base64.StdEncoding.EncodeToString(rsaEncrypt(t, pub, p, []byte(wrap))),
		"aes":           true,
	})
	return body
}

// goOpenKeepz opens a hybrid envelope with Go only.
func goOpenKeepz(t testing.TB, priv *rsa.PrivateKey, p Padding, body []byte) []byte {
	t.Helper()
	var env struct {
		Identifier    string `json:"identifier"`
		EncryptedData string `json:"encryptedData"`
		EncryptedKeys string `json:"encryptedKeys"`
		AES           bool   `json:"aes"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		t.Fatalf("payseal's body is not JSON: %v", err)
	}
	if env.Identifier != identifier || !env.AES {
		t.Fatalf("envelope fields: %+v", env)
	}
	wrapped, err := base64.StdEncoding.DecodeString(env.EncryptedKeys)
	if err != nil || len(wrapped) != priv.Size() {
		t.Fatalf("encryptedKeys: %d bytes, %v", len(wrapped), err)
	}
	parts := strings.Split(string(rsaDecrypt(t, priv, p, wrapped)), ".")
	if len(parts) != 2 {
		t.Fatalf("key text has %d parts", len(parts))
	}
	key, err1 := base64.StdEncoding.DecodeString(parts[0])
	iv, err2 := base64.StdEncoding.DecodeString(parts[1])
	if err1 != nil || err2 != nil || len(key) != 32 || len(iv) != 16 {
		t.Fatalf("key %d bytes, iv %d bytes", len(key), len(iv))
	}
	ct, err := base64.StdEncoding.DecodeString(env.EncryptedData)
	if err != nil || len(ct) == 0 || len(ct)%aes.BlockSize != 0 {
		t.Fatalf("encryptedData: %d bytes, %v", len(ct), err)
	}
	block, _ := aes.NewCipher(key)
	plain := make([]byte, len(ct))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(plain, ct)
	pad := int(plain[len(plain)-1])
	if pad < 1 || pad > aes.BlockSize || !bytes.Equal(plain[len(plain)-pad:], bytes.Repeat([]byte{byte(pad)}, pad)) {
		t.Fatal("bad PKCS#7 padding")
	}
	return plain[:len(plain)-pad]
}

func TestInteropKeepzHybrid(t *testing.T) {
	for _, keyName := range []string{"rsa2048", "rsa4096"} {
		for _, p := range []Padding{PaddingOAEPSHA256, PaddingPKCS1v15} {
			t.Run(fmt.Sprintf("%s/padding%d", keyName, p), func(t *testing.T) {
				priv := goPrivateKey(t, keyName)
				key := keys(t)[keyName]
				opts := &KeepzOptions{Padding: p}

				// payseal seals (JSON body and query string) → Go opens.
				sealer := mustKeepz(t, []byte(key.PublicPEM), nil, identifier, opts)
				body, err := sealer.Seal(interopPayload)
				if err != nil {
					t.Fatal(err)
				}
				if got := goOpenKeepz(t, priv, p, body); !bytes.Equal(got, interopPayload) {
					t.Fatalf("Go opened %q", got)
				}
				query, err := sealer.SealQuery(interopPayload)
				if err != nil {
					t.Fatal(err)
				}
				if got := goOpenKeepz(t, priv, p, queryToJSON(t, query)); !bytes.Equal(got, interopPayload) {
					t.Fatalf("Go opened the query's envelope as %q", got)
				}

				// Go seals → payseal opens (response and callback).
				opener := mustKeepz(t, nil, []byte(key.PrivateBase64DER), "", opts)
				goBody := goSealKeepz(t, &priv.PublicKey, p, interopPayload)
				for _, status := range []int{200, 0} {
					got, err := opener.Open(status, goBody)
					if err != nil || !bytes.Equal(got, interopPayload) {
						t.Fatalf("payseal opened Go's envelope as %q, %v", got, err)
					}
				}

				// The other padding must not open it: no silent fallback.
				other := PaddingPKCS1v15 - p
				wrong := mustKeepz(t, nil, []byte(key.PrivatePEM), "", &KeepzOptions{Padding: other})
				_, err = wrong.Open(200, goBody)
				wantStatus(t, "other padding", err, StatusCannotOpen)
				if !IsCannotOpen(err) {
					t.Fatal("IsCannotOpen")
				}
				// Diagnosis: a separate handle; the other padding is tried only when asked.
				wrongDoctor, err := NewKeepzDiagnostics([]byte(key.PrivatePEM), &KeepzOptions{Padding: other})
				if err != nil {
					t.Fatal(err)
				}
				defer wrongDoctor.Close()
				d, err := wrongDoctor.Explain(goBody, DiagnoseOptions{})
				if err != nil || d.Opens || d.Reason == nil || len(d.Steps) == 0 {
					t.Fatalf("diagnosis %+v, %v", d, err)
				}
				d, err = wrongDoctor.Explain(goBody, DiagnoseOptions{TryOtherPadding: true})
				if err != nil || d.Opens || !strings.Contains(*d.Reason, "set the padding to") {
					t.Fatalf("diagnosis trying the other padding %+v, %v", d, err)
				}
				doctor, err := NewKeepzDiagnostics([]byte(key.PrivateBase64DER), opts)
				if err != nil {
					t.Fatal(err)
				}
				defer doctor.Close()
				d, err = doctor.Explain(goBody, DiagnoseOptions{})
				if err != nil || !d.Opens || d.Reason != nil {
					t.Fatalf("diagnosis of a good body %+v, %v", d, err)
				}
			})
		}
	}
}

func TestInteropKeepzLegacy(t *testing.T) {
	priv := goPrivateKey(t, "rsa2048")
	key := keys(t)["rsa2048"]
	opts := &KeepzOptions{Padding: PaddingPKCS1v15, Legacy: true}
	payload := []byte(`{"integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"}`)

	sealer := mustKeepz(t, []byte(key.PublicPKCS1PEM), nil, identifier, opts)
	body, err := sealer.Seal(payload)
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]any
	if err := json.Unmarshal(body, &env); err != nil {
		t.Fatal(err)
	}
	if _, has := env["encryptedKeys"]; has {
		t.Fatalf("legacy envelope with encryptedKeys: %s", body)
	}
	ct, _ := base64.StdEncoding.DecodeString(env["encryptedData"].(string))
	if got := rsaDecrypt(t, priv, PaddingPKCS1v15, ct); !bytes.Equal(got, payload) {
		t.Fatalf("Go opened %q", got)
	}

	goBody, _ := json.Marshal(map[string]string{
		"encryptedData": base64.StdEncoding.EncodeToString(rsaEncrypt(t, &priv.PublicKey, PaddingPKCS1v15, payload)),
	})
	opener := mustKeepz(t, nil, []byte(key.PrivatePKCS1PEM), "", opts)
	got, err := opener.Open(200, goBody)
	if err != nil || !bytes.Equal(got, payload) {
		t.Fatalf("payseal opened Go's legacy envelope as %q, %v", got, err)
	}
}

func TestInteropTransactPay(t *testing.T) {
	for _, keyName := range []string{"rsa2048", "rsa4096"} {
		t.Run(keyName, func(t *testing.T) {
			priv := goPrivateKey(t, keyName)
			key := keys(t)[keyName]
			payload := []byte(`{"customer":{"firstname":"Ada","country":"NG"},"order":{"amount":20000,"reference":"ORD-1","currency":"NGN"}}`)

			// payseal seals with the dashboard blob → Go's DecryptPKCS1v15 opens it.
			tp := mustTransactPay(t, []byte(key.TransactPayBlob), nil)
			if tp.MaxPayload() != priv.Size()-11 {
				t.Fatalf("MaxPayload %d, k-11 = %d", tp.MaxPayload(), priv.Size()-11)
			}
			body, err := tp.Seal(payload)
			if err != nil {
				t.Fatal(err)
			}
			var env struct{ Data string }
			if err := json.Unmarshal(body, &env); err != nil {
				t.Fatal(err)
			}
			ct, err := base64.StdEncoding.DecodeString(env.Data)
			if err != nil || len(ct) != priv.Size() {
				t.Fatalf("data: %d bytes, %v", len(ct), err)
			}
			if got := rsaDecrypt(t, priv, PaddingPKCS1v15, ct); !bytes.Equal(got, payload) {
				t.Fatalf("Go opened %q", got)
			}

			// A payload of exactly k-11 bytes, sealed by payseal, opened by Go.
			full := []byte(`{"r":"` + strings.Repeat("y", tp.MaxPayload()-8) + `"}`)
			body, err = tp.Seal(full)
			if err != nil {
				t.Fatal(err)
			}
			_ = json.Unmarshal(body, &env)
			ct, _ = base64.StdEncoding.DecodeString(env.Data)
			if got := rsaDecrypt(t, priv, PaddingPKCS1v15, ct); !bytes.Equal(got, full) {
				t.Fatal("full-size payload differs")
			}

			// Go's EncryptPKCS1v15 seals → payseal opens with the private key (the test double).
			double := mustTransactPay(t, []byte(key.PublicPEM), []byte(key.PrivatePKCS1PEM))
			goBody, _ := json.Marshal(map[string]string{
				"data": base64.StdEncoding.EncodeToString(rsaEncrypt(t, &priv.PublicKey, PaddingPKCS1v15, payload)),
			})
			got, err := double.Open(goBody)
			if err != nil || !bytes.Equal(got, payload) {
				t.Fatalf("payseal opened Go's envelope as %q, %v", got, err)
			}
		})
	}
}

// Keys made by payseal are read by crypto/x509 and work with crypto/rsa, and the reverse.
func TestInteropGeneratedKeys(t *testing.T) {
	privDER, pubDER, err := GenerateKeys(2048, BackendDefault, KeyFormatDER, KeyFormatDER)
	if err != nil {
		t.Fatal(err)
	}
	k, err := x509.ParsePKCS8PrivateKey(privDER)
	if err != nil {
		t.Fatalf("Go cannot read payseal's PKCS#8: %v", err)
	}
	priv := k.(*rsa.PrivateKey)
	pk, err := x509.ParsePKIXPublicKey(pubDER)
	if err != nil {
		t.Fatalf("Go cannot read payseal's SPKI: %v", err)
	}
	if !priv.PublicKey.Equal(pk) || priv.N.BitLen() != 2048 || priv.E != 65537 {
		t.Fatal("the pair does not match")
	}
	// payseal seals to its generated public key; Go opens.
	sealer := mustKeepz(t, pubDER, nil, identifier, nil)
	body, err := sealer.Seal(interopPayload)
	if err != nil {
		t.Fatal(err)
	}
	if got := goOpenKeepz(t, priv, PaddingOAEPSHA256, body); !bytes.Equal(got, interopPayload) {
		t.Fatal("round trip through a generated key")
	}

	// A key made by Go (PKCS#1 and PKCS#8, PEM and DER) opens in payseal.
	goKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pkcs1 := x509.MarshalPKCS1PrivateKey(goKey)
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(goKey)
	forms := map[string][]byte{
		"PKCS#1 PEM": pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: pkcs1}),
		"PKCS#8 PEM": pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}),
	}
	// Known libpayseal issue (reported): src/keys/parse.rs trims ASCII whitespace off the input
	// before it looks for DER, so a valid binary DER private key whose last byte is 0x09, 0x0a,
	// 0x0c, 0x0d or 0x20 (about 2% of keys) is refused as "truncated". Binary DER is tried here
	// only when its last byte is not one of those, so the test does not fail at random.
	if !endsInASCIISpace(pkcs1) {
		forms["PKCS#1 DER"] = pkcs1
	}
	if !endsInASCIISpace(pkcs8) {
		forms["PKCS#8 DER"] = pkcs8
	}
	goBody := goSealKeepz(t, &goKey.PublicKey, PaddingOAEPSHA256, interopPayload)
	for name, der := range forms {
		opener := mustKeepz(t, nil, der, "", nil)
		got, err := opener.Open(200, goBody)
		if err != nil || !bytes.Equal(got, interopPayload) {
			t.Fatalf("%s: %q, %v", name, got, err)
		}
	}

	// The TransactPay blob format for the public key, and the Base64 DER for the private key.
	privB64, blob, err := GenerateKeys(2048, BackendDefault, KeyFormatBase64DER, KeyFormatTransactPayBlob)
	if err != nil {
		t.Fatal(err)
	}
	der, err := base64.StdEncoding.DecodeString(string(privB64))
	if err != nil {
		t.Fatal(err)
	}
	k, err = x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		t.Fatal(err)
	}
	tp := mustTransactPay(t, blob, nil)
	body, err = tp.Seal([]byte(`{"a":1}`))
	if err != nil {
		t.Fatal(err)
	}
	var env struct{ Data string }
	_ = json.Unmarshal(body, &env)
	ct, _ := base64.StdEncoding.DecodeString(env.Data)
	if got := rsaDecrypt(t, k.(*rsa.PrivateKey), PaddingPKCS1v15, ct); string(got) != `{"a":1}` {
		t.Fatalf("%q", got)
	}
}

func endsInASCIISpace(b []byte) bool {
	switch b[len(b)-1] {
	case '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}
