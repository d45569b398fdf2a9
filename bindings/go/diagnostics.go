package payseal

import (
	"encoding/json"
	"runtime"
	"sync"
)

// Diagnosis explains why a body does or does not open.
type Diagnosis struct {
	Opens  bool     `json:"opens"`
	Reason *string  `json:"reason"` // nil when it opens
	Steps  []string `json:"steps"`  // what each step found, in order
}

// DiagnoseOptions are what a diagnosis may try beyond the handle's own settings.
type DiagnoseOptions struct {
	// TryOtherPadding also tries the key block under the other RSA padding (OAEP-SHA-256 and
	// PKCS#1 v1.5) when it does not open under the handle's: one more bit of the oracle.
	TryOtherPadding bool
}

// KeepzDiagnostics explains, offline, why Keepz envelopes do not open. It is a handle of its
// own, made from the private key: a *Keepz cannot diagnose, so no request path can answer a
// stranger with the reason an envelope failed (that answer is a padding oracle). Build one in a
// debugging tool, a test or a script — never in a request handler — and never send its output
// to whoever posted the body. Immutable, safe for concurrent use; Close releases it.
type KeepzDiagnostics struct {
	mu     sync.RWMutex
	handle *cKeepzDiagnostics
}

// NewKeepzDiagnostics parses the private key envelopes are opened with (any format) under the
// options of the handle whose envelopes fail (nil: the defaults).
func NewKeepzDiagnostics(privateKey []byte, opts *KeepzOptions) (*KeepzDiagnostics, error) {
	o, err := checkedOptions(opts)
	if err != nil {
		return nil, err
	}
	h, err := keepzDiagnosticsNew(privateKey, o)
	if err != nil {
		return nil, err
	}
	d := &KeepzDiagnostics{handle: h}
	liveHandles.Add(1)
	runtime.SetFinalizer(d, (*KeepzDiagnostics).Close)
	return d, nil
}

// Close releases the handle. It is safe to call more than once, and waits for calls in flight.
func (d *KeepzDiagnostics) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.handle != nil {
		keepzDiagnosticsFree(d.handle)
		liveHandles.Add(-1)
		d.handle = nil
		runtime.SetFinalizer(d, nil)
	}
	return nil
}

// Explain says why body does or does not open: public facts about the body, whether the key
// block opens (one answer for the RSA padding and the key string), and whether the payload then
// decrypts to JSON (one answer for every check) — no lengths, no parser positions.
func (d *KeepzDiagnostics) Explain(body []byte, opts DiagnoseOptions) (*Diagnosis, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.handle == nil {
		return nil, errClosed("KeepzDiagnostics")
	}
	out, err := keepzDiagnosticsExplain(d.handle, body, opts.TryOtherPadding)
	runtime.KeepAlive(d)
	if err != nil {
		return nil, err
	}
	var diagnosis Diagnosis
	if err := json.Unmarshal(out, &diagnosis); err != nil {
		return nil, &Error{Status: StatusUnexpectedResponse, Message: "payseal_keepz_diagnostics_explain returned unreadable JSON: " + err.Error()}
	}
	return &diagnosis, nil
}
