package payseal

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
)

// The conformity vectors live at the repository root, two levels above this package; the
// PAYSEAL_VECTORS environment variable may point elsewhere.
func vectorsDir() string {
	if dir := os.Getenv("PAYSEAL_VECTORS"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "tests", "vectors")
}

func loadVector(t testing.TB, name string, v any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(vectorsDir(), name))
	if err != nil {
		t.Fatalf("reading vector file: %v", err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// testKey is one entry of tests/vectors/keys.json.
type testKey struct {
	Bits             int    `json:"bits"`
	PublicPEM        string `json:"public_pem"`
	PublicPKCS1PEM   string `json:"public_pkcs1_pem"`
	PublicBase64DER  string `json:"public_base64_der"`
	PrivatePEM       string `json:"private_pem"`
	PrivatePKCS1PEM  string `json:"private_pkcs1_pem"`
	PrivateBase64DER string `json:"private_base64_der"`
	TransactPayBlob  string `json:"transactpay_blob"`
}

var (
	keysOnce sync.Once
	keysMap  map[string]testKey
)

func keys(t testing.TB) map[string]testKey {
	keysOnce.Do(func() { loadVector(t, "keys.json", &keysMap) })
	if len(keysMap) == 0 {
		t.Fatal("keys.json is empty")
	}
	return keysMap
}

// goPrivateKey is the vector key as Go's crypto/rsa sees it (PKCS#8 PEM via crypto/x509).
func goPrivateKey(t testing.TB, name string) *rsa.PrivateKey {
	t.Helper()
	block, _ := pem.Decode([]byte(keys(t)[name].PrivatePEM))
	if block == nil {
		t.Fatal("no PEM block")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return k.(*rsa.PrivateKey)
}

// nilIfEmpty turns "" into a nil slice, as the vectors mean an absent key.
func nilIfEmpty(s string) []byte {
	if s == "" {
		return nil
	}
	return []byte(s)
}

// wantStatus fails unless err is a payseal *Error with the status want (StatusOK: err is nil),
// and checks that errors.Is and StatusOf agree with errors.As.
func wantStatus(t testing.TB, what string, err error, want Status) *Error {
	t.Helper()
	if want == StatusOK {
		if err != nil {
			t.Fatalf("%s: unexpected error %v", what, err)
		}
		return nil
	}
	var perr *Error
	if !errors.As(err, &perr) {
		t.Fatalf("%s: want *payseal.Error with %s, got %T %v", what, want.String(), err, err)
	}
	if perr.Status != want {
		t.Fatalf("%s: want status %s (%d), got %s (%d): %s", what, want.String(), want, perr.Status.String(), perr.Status, perr.Message)
	}
	if !errors.Is(err, want) {
		t.Fatalf("%s: errors.Is(err, %s) is false", what, want.String())
	}
	if got, ok := StatusOf(err); !ok || got != want {
		t.Fatalf("%s: StatusOf = %s, %v", what, got.String(), ok)
	}
	if perr.Message == "" {
		t.Fatalf("%s: empty message", what)
	}
	return perr
}

// jsonEqual compares two JSON texts as values.
func jsonEqual(t testing.TB, what string, got []byte, want any) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: output is not JSON: %v: %q", what, err, got)
	}
	wantText, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(wantText, &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("%s:\n got  %s\n want %s", what, got, wantText)
	}
}

func mustKeepz(t testing.TB, public, private []byte, id string, opts *KeepzOptions) *Keepz {
	t.Helper()
	k, err := NewKeepz(public, private, id, opts)
	if err != nil {
		t.Fatalf("NewKeepz: %v", err)
	}
	t.Cleanup(func() { k.Close() })
	return k
}

func mustTransactPay(t testing.TB, key, private []byte) *TransactPay {
	t.Helper()
	tp, err := NewTransactPay(key, private, BackendDefault)
	if err != nil {
		t.Fatalf("NewTransactPay: %v", err)
	}
	t.Cleanup(func() { tp.Close() })
	return tp
}

func padding(name string) Padding {
	if name == "pkcs1v15" {
		return PaddingPKCS1v15
	}
	return PaddingOAEPSHA256
}

func asError(err error, target **Error) bool { return errors.As(err, target) }

// queryToJSON turns a sealed query string back into the JSON envelope, with Go's net/url.
func queryToJSON(t testing.TB, query string) []byte {
	t.Helper()
	values, err := url.ParseQuery(query)
	if err != nil {
		t.Fatalf("query %q: %v", query, err)
	}
	env := map[string]any{}
	for name := range values {
		env[name] = values.Get(name)
	}
	if values.Get("aes") == "true" {
		env["aes"] = true
	}
	out, _ := json.Marshal(env)
	return out
}

func errorsIs(err error, s Status) bool { return errors.Is(err, s) }
