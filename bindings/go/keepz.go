package payseal

import (
	"runtime"
	"sync"
)

// KeepzOptions are a Keepz handle's options; the zero value (or nil) is Keepz's default:
// hybrid envelopes, OAEP-SHA-256, 1 MiB bodies, the default backend.
type KeepzOptions struct {
	Padding Padding // PaddingOAEPSHA256 (default) or PaddingPKCS1v15; never a silent fallback
	Legacy  bool    // legacy RSA-only envelopes instead of hybrid AES + RSA
	MaxBody int     // the largest body Open accepts; 0 means the default (1 MiB)
	Backend Backend // BackendDefault, BackendAWSLC or BackendRustCrypto
}

// Keepz seals requests to Keepz and opens its responses and callbacks. It is immutable and safe
// for concurrent use; Close releases it (further calls then fail with StatusNullArgument).
type Keepz struct {
	mu     sync.RWMutex // read-held by every call, write-held by Close
	handle *cKeepz
}

// NewKeepz parses the keys once. keepzPublicKey (requests are sealed to it) and
// integratorPrivateKey (responses and callbacks are opened with it) may each be nil for a
// seal-only or open-only handle, in any format: PEM, DER, bare Base64 DER. identifier is the
// integrator id Keepz issued (a UUID), or "" to seal responses (a test double). opts may be nil.
//
// A Keepz test double swaps the keys: Keepz's private key to open requests, the integrator's
// public key to seal responses, and no identifier.
func NewKeepz(keepzPublicKey, integratorPrivateKey []byte, identifier string, opts *KeepzOptions) (*Keepz, error) {
	o, err := checkedOptions(opts)
	if err != nil {
		return nil, err
	}
	h, err := keepzNew(keepzPublicKey, integratorPrivateKey, identifier, o)
	if err != nil {
		return nil, err
	}
	k := &Keepz{handle: h}
	liveHandles.Add(1)
	runtime.SetFinalizer(k, (*Keepz).Close)
	return k, nil
}

// checkedOptions is *opts (nil: the defaults) once the library's ABI and the options are known
// to be usable.
func checkedOptions(opts *KeepzOptions) (KeepzOptions, error) {
	var o KeepzOptions
	if err := checkABI(); err != nil {
		return o, err
	}
	if opts != nil {
		o = *opts
	}
	if o.MaxBody < 0 {
		return o, &Error{Status: StatusInvalidArgument, Message: "MaxBody must not be negative"}
	}
	return o, nil
}

// Close releases the handle. It is safe to call more than once, and waits for calls in flight.
func (k *Keepz) Close() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.handle != nil {
		keepzFree(k.handle)
		liveHandles.Add(-1)
		k.handle = nil
		runtime.SetFinalizer(k, nil)
	}
	return nil
}

// with runs f with the live C handle, holding it against Close and the finalizer.
func (k *Keepz) with(f func(h *cKeepz) ([]byte, error)) ([]byte, error) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	if k.handle == nil {
		return nil, errClosed("Keepz")
	}
	out, err := f(k.handle)
	runtime.KeepAlive(k)
	return out, err
}

// Seal seals a payload (a UTF-8 JSON object or array, sent as given) into the JSON body
// {"identifier":…,"encryptedData":…,"encryptedKeys":…,"aes":true} for POST endpoints.
func (k *Keepz) Seal(payload []byte) ([]byte, error) {
	return k.with(func(h *cKeepz) ([]byte, error) { return keepzSeal(h, payload, false) })
}

// SealQuery seals a payload into the percent-encoded query string
// identifier=…&encryptedData=…&encryptedKeys=…&aes=true for GET and DELETE endpoints.
func (k *Keepz) SealQuery(payload []byte) (string, error) {
	out, err := k.with(func(h *cKeepz) ([]byte, error) { return keepzSeal(h, payload, true) })
	return string(out), err
}

// Open opens a response (httpStatus is its HTTP status) or a callback (httpStatus 0) and returns
// the plaintext JSON. An empty 2xx body (a subscription revoke) returns an empty slice and nil.
// Keepz's own error body (plain or sealed) is an *Error with StatusGatewayError whose Keepz()
// is filled; every cryptographic failure is StatusCannotOpen alone, by design.
func (k *Keepz) Open(httpStatus int, body []byte) ([]byte, error) {
	code, err := httpStatusArg(httpStatus)
	if err != nil {
		return nil, err
	}
	out, err := k.with(func(h *cKeepz) ([]byte, error) { return keepzOpen(h, code, body) })
	if err == nil && out == nil {
		out = []byte{}
	}
	return out, err
}

// httpStatusArg checks that an HTTP status fits the C argument (uint16_t).
func httpStatusArg(status int) (uint16, error) {
	if status < 0 || status > 0xFFFF {
		return 0, &Error{Status: StatusInvalidArgument, Message: "HTTP status out of range"}
	}
	return uint16(status), nil
}
