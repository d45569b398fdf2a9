package payseal

// Benchmarks, not tests: the binding against Go's own crypto/rsa + crypto/aes doing the same
// envelope, with the 4096-bit vector key. Run with scripts/bench-bindings.sh (which adds the
// Rust-native figure), or here:
//
//	PKG_CONFIG_PATH=<prefix>/lib/pkgconfig LD_LIBRARY_PATH=<prefix>/lib go test -run '^$' -bench . -benchtime 2s
//
// `go test` without -bench only compiles them.

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
)

const benchID = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e"

// benchPayload is a compact JSON object of exactly n bytes.
func benchPayload(n int) []byte {
	head, tail := `{"reference":"ORD-1001","note":"`, `"}`
	return []byte(head + strings.Repeat("a", n-len(head)-len(tail)) + tail)
}

// goKeepzSeal builds the Keepz body with the standard library alone.
func goKeepzSeal(pub *rsa.PublicKey, payload []byte) ([]byte, error) {
	secret := make([]byte, 48)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	key, iv := secret[:32], secret[32:]
	keyString := base64.StdEncoding.EncodeToString(key) + "." + base64.StdEncoding.EncodeToString(iv)
	wrapped, err := rsa.EncryptOAEP(sha256.New(), rand.Reader, pub, []byte(keyString), nil)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	pad := aes.BlockSize - len(payload)%aes.BlockSize
	data := append(append([]byte{}, payload...), bytes.Repeat([]byte{byte(pad)}, pad)...)
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(data, data)
	return json.Marshal(map[string]any{
		"identifier":    benchID,
		"encryptedData": base64.StdEncoding.EncodeToString(data),
		"encryptedKeys": base64.StdEncoding.EncodeToString(wrapped),
		"aes":           true,
	})
}

// goKeepzOpen opens a Keepz body with the standard library alone (no constant-time padding
// check, no uniform error: what a hand-rolled integration does).
func goKeepzOpen(priv *rsa.PrivateKey, body []byte) ([]byte, error) {
	var env struct{ EncryptedData, EncryptedKeys string }
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, err
	}
	wrapped, err := base64.StdEncoding.DecodeString(env.EncryptedKeys)
	if err != nil {
		return nil, err
	}
	keyString, err := rsa.DecryptOAEP(sha256.New(), nil, priv, wrapped, nil)
	if err != nil {
		return nil, err
	}
	k, i, _ := strings.Cut(string(keyString), ".")
	key, _ := base64.StdEncoding.DecodeString(k)
	iv, _ := base64.StdEncoding.DecodeString(i)
	data, err := base64.StdEncoding.DecodeString(env.EncryptedData)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(data, data)
	return data[:len(data)-int(data[len(data)-1])], nil
}

func BenchmarkKeepz4096(b *testing.B) {
	k := keys(b)["rsa4096"]
	keepz := mustKeepz(b, []byte(k.PublicPEM), []byte(k.PrivatePEM), benchID, nil)
	priv := goPrivateKey(b, "rsa4096")
	payload := benchPayload(1024)
	body, err := keepz.Seal(payload)
	if err != nil {
		b.Fatal(err)
	}
	run := func(name string, f func() error) {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("seal_1KiB/payseal", func() error { _, err := keepz.Seal(payload); return err })
	run("seal_1KiB/go", func() error { _, err := goKeepzSeal(&priv.PublicKey, payload); return err })
	run("open_1KiB/payseal", func() error { _, err := keepz.Open(200, body); return err })
	run("open_1KiB/go", func() error { _, err := goKeepzOpen(priv, body); return err })
}

func BenchmarkTransactPay4096(b *testing.B) {
	k := keys(b)["rsa4096"]
	tp := mustTransactPay(b, []byte(k.PublicPEM), nil)
	pub := &goPrivateKey(b, "rsa4096").PublicKey
	payload := benchPayload(100)
	b.Run("seal_100B/payseal", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := tp.Seal(payload); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("seal_100B/go", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			block, err := rsa.EncryptPKCS1v15(rand.Reader, pub, payload)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := json.Marshal(map[string]string{"data": base64.StdEncoding.EncodeToString(block)}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
