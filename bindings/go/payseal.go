// Package payseal seals and opens Keepz and TransactPay payment-gateway envelopes through
// libpayseal's C ABI (include/payseal.h). It does no cryptography of its own and no HTTP: it
// translates Go slices to the C calls and C results to Go values and errors.
//
// Handles (Keepz, TransactPay) parse their keys once; create them at start-up and share them
// between goroutines. Release them with Close; a finalizer releases a forgotten handle too.
//
// Every failure is an *Error carrying the library's Status and message from the same call;
// test for one with errors.Is(err, payseal.StatusCannotOpen) or errors.As(err, &perr).
//
// Building needs libpayseal installed (payseal.pc found by pkg-config; PKG_CONFIG_PATH for a
// prefix outside its search path); the program then loads libpayseal.so.2 by the dynamic
// loader's rules, or links libpayseal.a with -tags payseal_static. See README.md.
package payseal

//go:generate go run gen.go ../description.json generated.go

import (
	"encoding/json"
	"fmt"
	"math"
	"sync"
	"sync/atomic"
)

// Backend selects the crypto library inside payseal.
type Backend uint32

const (
	BackendDefault    Backend = 0 // the build's default (aws-lc when compiled in)
	BackendAWSLC      Backend = 1 // AWS-LC
	BackendRustCrypto Backend = 2 // RustCrypto (pure Rust)
)

// Padding is the RSA padding of a Keepz handle's key wrap (or legacy envelope).
type Padding uint32

const (
	PaddingOAEPSHA256 Padding = 0 // RSAES-OAEP, SHA-256, MGF1-SHA-256 (Keepz's default)
	PaddingPKCS1v15   Padding = 1 // RSAES-PKCS#1 v1.5, chosen explicitly
)

// KeyFormat is the encoding GenerateKeys writes a key in.
type KeyFormat uint32

const (
	KeyFormatPEM             KeyFormat = 0 // PEM: "PUBLIC KEY" / "PRIVATE KEY"
	KeyFormatPKCS1PEM        KeyFormat = 1 // PKCS#1 PEM: "RSA PUBLIC KEY" / "RSA PRIVATE KEY"
	KeyFormatDER             KeyFormat = 2 // DER: SubjectPublicKeyInfo / PKCS#8
	KeyFormatBase64DER       KeyFormat = 3 // single-line Base64 of DER, as Keepz hands keys out
	KeyFormatTransactPayBlob KeyFormat = 4 // public keys only: TransactPay's dashboard blob
)

// liveHandles counts the C handles not yet released (tests check that Close and the finalizers
// release every one).
var liveHandles atomic.Int64

var (
	abiOnce sync.Once
	abiErr  error
)

// checkABI fails with ErrABIMismatch when the loaded library is not the C ABI this binding
// speaks. The dynamic loader already resolved every symbol; this catches an ABI change that
// kept the names.
func checkABI() error {
	abiOnce.Do(func() { abiErr = abiError(ABIVersion(), Version()) })
	return abiErr
}

func abiError(got uint32, version string) error {
	if got == expectedABI {
		return nil
	}
	return fmt.Errorf("%w: library %s reports ABI %d, this binding expects %d",
		ErrABIMismatch, version, got, expectedABI)
}

// GenerateKeys makes an RSA key pair (exponent 65537) of bits (2048, 3072, 4096 or 8192) and
// returns the private key in privFmt and the public key in pubFmt (KeyFormatTransactPayBlob is
// allowed for the public key only).
func GenerateKeys(bits int, backend Backend, privFmt, pubFmt KeyFormat) (priv, pub []byte, err error) {
	if err := checkABI(); err != nil {
		return nil, nil, err
	}
	if bits < 0 || uint64(bits) > math.MaxUint32 { // not representable in the C argument
		return nil, nil, &Error{Status: StatusInvalidArgument, Message: fmt.Sprintf("bits %d out of range", bits)}
	}
	return keygen(uint32(bits), backend, privFmt, pubFmt)
}

// EndpointInfo is where an operation is sent. Keepz endpoints set Placement ("body" for POST,
// "query" for GET and DELETE); TransactPay endpoints set Encrypted and APIKey ("public" or
// "secret").
type EndpointInfo struct {
	Gateway   string `json:"gateway"`
	Method    string `json:"method"`
	Path      string `json:"path"`
	Placement string `json:"placement,omitempty"`
	Encrypted *bool  `json:"encrypted,omitempty"`
	APIKey    string `json:"apiKey,omitempty"`
}

// Endpoint looks up an operation ("create_order", "order_status", ...) of a gateway ("keepz" or
// "transactpay"), so hosts need not hard-code paths. An unknown name is StatusInvalidArgument.
func Endpoint(gateway, operation string) (*EndpointInfo, error) {
	if err := checkABI(); err != nil {
		return nil, err
	}
	raw, err := endpoint(gateway, operation)
	if err != nil {
		return nil, err
	}
	var info EndpointInfo
	if err := json.Unmarshal(raw, &info); err != nil {
		return nil, &Error{Status: StatusUnexpectedResponse, Message: "payseal_endpoint returned unreadable JSON: " + err.Error()}
	}
	return &info, nil
}
