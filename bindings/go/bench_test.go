package payseal

// Benchmarks, not tests: the binding against Go's own crypto/rsa + crypto/aes doing the same
// envelope, with the 4096-bit vector key; and a handle made per call against one kept
// (BenchmarkHandlePerCall4096, paired). Run with scripts/bench-bindings.sh (which adds the
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
	"sort"
	"strings"
	"testing"
	"time"
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

// timedBatch is the time n calls of f take.
func timedBatch(f func() error, n int) (time.Duration, error) {
	start := time.Now()
	for i := 0; i < n; i++ {
		if err := f(); err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

func median(v []float64) float64 {
	sort.Float64s(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// benchPaired is paired timing as payseal's Rust benches do it (cli/src/bench/paired.rs): each
// b.N iteration is one round of a ~2 ms batch of kept and of perCall, alternating which goes
// first; it reports the medians of the per-call times and of the per-round ratio perCall/kept,
// which hold on a loaded machine where absolute times drift.
func benchPaired(b *testing.B, kept, perCall func() error) {
	once := time.Nanosecond
	for _, f := range []func() error{kept, perCall} { // also the warm-up
		d, err := timedBatch(f, 1)
		if err != nil {
			b.Fatal(err)
		}
		if d > once {
			once = d
		}
	}
	batch := int(2 * time.Millisecond / once)
	if batch < 1 {
		batch = 1
	} else if batch > 100000 {
		batch = 100000
	}
	keptNs, perCallNs, ratios := make([]float64, 0, b.N), make([]float64, 0, b.N), make([]float64, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var a, p time.Duration
		var err1, err2 error
		if i%2 == 0 {
			a, err1 = timedBatch(kept, batch)
			p, err2 = timedBatch(perCall, batch)
		} else {
			p, err2 = timedBatch(perCall, batch)
			a, err1 = timedBatch(kept, batch)
		}
		if err1 != nil || err2 != nil {
			b.Fatal(err1, err2)
		}
		keptNs = append(keptNs, float64(a)/float64(batch))
		perCallNs = append(perCallNs, float64(p)/float64(batch))
		if a < 1 {
			a = 1
		}
		ratios = append(ratios, float64(p)/float64(a))
	}
	b.ReportMetric(median(keptNs), "kept-ns/call")
	b.ReportMetric(median(perCallNs), "percall-ns/call")
	b.ReportMetric(median(ratios), "percall/kept")
}

// A handle per call (as a host that cannot keep one would do) against a handle kept: the new
// handle from the 4096-bit key text, then the same seal; with the key cache, then with it off
// (each new handle parses its keys, as before the cache existed).
func BenchmarkHandlePerCall4096(b *testing.B) {
	k := keys(b)["rsa4096"]
	pub, priv := []byte(k.PublicPEM), []byte(k.PrivatePEM)
	keepz := mustKeepz(b, pub, priv, benchID, nil)
	tp := mustTransactPay(b, pub, nil)
	keepzPayload, tpPayload := benchPayload(1024), benchPayload(100)
	cases := []struct {
		name          string
		kept, perCall func() error
	}{
		{"keepz_seal_1KiB", func() error { _, err := keepz.Seal(keepzPayload); return err },
			func() error {
				h, err := NewKeepz(pub, priv, benchID, nil)
				if err != nil {
					return err
				}
				defer h.Close()
				_, err = h.Seal(keepzPayload)
				return err
			}},
		{"transactpay_seal_100B", func() error { _, err := tp.Seal(tpPayload); return err },
			func() error {
				h, err := NewTransactPay(pub, nil, BackendDefault)
				if err != nil {
					return err
				}
				defer h.Close()
				_, err = h.Seal(tpPayload)
				return err
			}},
	}
	for _, c := range cases {
		for _, cache := range []bool{true, false} {
			name := c.name + "/cache"
			if !cache {
				name = c.name + "/nocache"
			}
			b.Run(name, func(b *testing.B) {
				capacity := 32
				if !cache {
					capacity = 0
				}
				if err := SetKeyCacheCapacity(capacity); err != nil {
					b.Fatal(err)
				}
				defer SetKeyCacheCapacity(32)
				benchPaired(b, c.kept, c.perCall)
			})
		}
	}
}
