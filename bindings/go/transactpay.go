package payseal

import (
	"encoding/json"
	"runtime"
	"sync"
)

// TransactPay seals requests to TransactPay with the dashboard's encryption key. It is
// immutable and safe for concurrent use; Close releases it.
type TransactPay struct {
	mu         sync.RWMutex // read-held by every call, write-held by Close
	handle     *cTransactPay
	maxPayload int
}

// NewTransactPay parses the dashboard's encryption key (the Base64 blob, its decoded text,
// RSAKeyValue XML, or a PEM/DER public key) once. privateKey is nil except in tests and test
// doubles, where it opens envelopes as TransactPay does.
func NewTransactPay(encryptionKey []byte, privateKey []byte, backend Backend) (*TransactPay, error) {
	if err := checkABI(); err != nil {
		return nil, err
	}
	h, err := transactPayNew(encryptionKey, privateKey, backend)
	if err != nil {
		return nil, err
	}
	t := &TransactPay{handle: h, maxPayload: transactPayMaxPayload(h)}
	liveHandles.Add(1)
	runtime.SetFinalizer(t, (*TransactPay).Close)
	return t, nil
}

// Close releases the handle. It is safe to call more than once, and waits for calls in flight.
func (t *TransactPay) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.handle != nil {
		transactPayFree(t.handle)
		liveHandles.Add(-1)
		t.handle = nil
		runtime.SetFinalizer(t, nil)
	}
	return nil
}

func (t *TransactPay) with(f func(h *cTransactPay) ([]byte, error)) ([]byte, error) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if t.handle == nil {
		return nil, errClosed("TransactPay")
	}
	out, err := f(t.handle)
	runtime.KeepAlive(t)
	return out, err
}

// MaxPayload is the largest payload one seal carries: k − 11 bytes (501 for a 4096-bit key).
func (t *TransactPay) MaxPayload() int { return t.maxPayload }

// Seal seals a payload (a UTF-8 JSON object, sent as given, at most MaxPayload bytes) into the
// body {"data":"…"}. A larger payload is StatusPayloadTooLarge, refused before encryption.
func (t *TransactPay) Seal(payload []byte) ([]byte, error) {
	return t.with(func(h *cTransactPay) ([]byte, error) { return transactPaySeal(h, payload) })
}

// Open opens a {"data":"…"} body with the private key given to NewTransactPay (TransactPay's
// side: tests and test doubles). Every cryptographic failure is StatusCannotOpen.
func (t *TransactPay) Open(body []byte) ([]byte, error) {
	return t.with(func(h *cTransactPay) ([]byte, error) { return transactPayOpen(h, body) })
}

// TransactPayResponse is a successful TransactPay answer, normalized by payseal: StatusCode is
// always text ("00", "01", "02") whichever spelling and type the gateway used, Status too
// ("success", "true"). Data is the answer's data as sent (exact numbers), or nil.
type TransactPayResponse struct {
	HTTPStatus int             `json:"httpStatus"`
	StatusCode *string         `json:"statusCode"`
	Status     *string         `json:"status"`
	Message    *string         `json:"message"`
	Data       json.RawMessage `json:"data"`
}

// ParseTransactPayResponse reads a TransactPay answer (plain JSON) given its HTTP status. A
// failure the gateway reports is an *Error with StatusGatewayError whose TransactPay() is
// filled; an HTML page is StatusNotJSON, an empty body StatusEmptyBody.
func ParseTransactPayResponse(httpStatus int, body []byte) (*TransactPayResponse, error) {
	if err := checkABI(); err != nil {
		return nil, err
	}
	code, err := httpStatusArg(httpStatus)
	if err != nil {
		return nil, err
	}
	out, err := transactPayParseResponse(code, body)
	if err != nil {
		return nil, err
	}
	var r TransactPayResponse
	if err := json.Unmarshal(out, &r); err != nil {
		return nil, &Error{Status: StatusUnexpectedResponse, Message: "payseal_transactpay_parse_response returned unreadable JSON: " + err.Error()}
	}
	if string(r.Data) == "null" {
		r.Data = nil
	}
	return &r, nil
}
