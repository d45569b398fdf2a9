package payseal

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Status is a payseal status code, equal to the C ABI's payseal_status (and the Rust ErrorKind
// codes). Codes are stable and never reused.
//
// A Status is itself an error, so that errors.Is(err, payseal.StatusCannotOpen) works on any
// error the package returns.
type Status uint32

// The status codes of include/payseal.h.
const (
	StatusOK                 Status = 0  // success
	StatusNullArgument       Status = 1  // a required pointer was NULL (or a handle used after Close)
	StatusInvalidUTF8        Status = 2  // text that must be UTF-8 is not
	StatusMalformedKey       Status = 3  // a key could not be read
	StatusKeyTooSmall        Status = 4  // the RSA key is under 2048 bits
	StatusKeyTooLarge        Status = 5  // the RSA key is larger than the backend supports
	StatusUnsupportedKey     Status = 6  // certificate, EC key, encrypted key, wrong half of a pair
	StatusPayloadTooLarge    Status = 7  // the payload does not fit the envelope
	StatusBodyTooLarge       Status = 8  // the body exceeds the configured maximum
	StatusCannotOpen         Status = 9  // the envelope cannot be opened (one error for every reason)
	StatusGatewayError       Status = 10 // the gateway answered with its own error (Error.Gateway)
	StatusNotJSON            Status = 11 // the body or payload is not JSON
	StatusEmptyBody          Status = 12 // the body is empty
	StatusNotEnvelope        Status = 13 // JSON that is neither an envelope nor a gateway error
	StatusInvalidArgument    Status = 14 // an argument or option is invalid
	StatusMissingKey         Status = 15 // the handle lacks the key for this operation
	StatusCrypto             Status = 16 // the crypto backend failed
	StatusBackendUnavailable Status = 17 // the requested backend is not compiled in
	StatusInvalidAmount      Status = 18 // a money amount is invalid
	StatusInvalidRequest     Status = 19 // a request value is invalid
	StatusUnexpectedResponse Status = 20 // a response has an unexpected shape
	StatusInvalidLength      Status = 21 // an input length over PTRDIFF_MAX (never from this package)
	StatusPanic              Status = 99 // a panic was caught inside payseal
)

var statusNames = map[Status]string{
	StatusOK: "OK", StatusNullArgument: "NullArgument", StatusInvalidUTF8: "InvalidUtf8",
	StatusMalformedKey: "MalformedKey", StatusKeyTooSmall: "KeyTooSmall",
	StatusKeyTooLarge: "KeyTooLarge", StatusUnsupportedKey: "UnsupportedKey",
	StatusPayloadTooLarge: "PayloadTooLarge", StatusBodyTooLarge: "BodyTooLarge",
	StatusCannotOpen: "CannotOpen", StatusGatewayError: "GatewayError", StatusNotJSON: "NotJson",
	StatusEmptyBody: "EmptyBody", StatusNotEnvelope: "NotEnvelope",
	StatusInvalidArgument: "InvalidArgument", StatusMissingKey: "MissingKey",
	StatusCrypto: "Crypto", StatusBackendUnavailable: "BackendUnavailable",
	StatusInvalidAmount: "InvalidAmount", StatusInvalidRequest: "InvalidRequest",
	StatusUnexpectedResponse: "UnexpectedResponse", StatusInvalidLength: "InvalidLength",
	StatusPanic: "Panic",
}

// String is the status's name, as the Rust ErrorKind spells it ("CannotOpen").
func (s Status) String() string {
	if name, ok := statusNames[s]; ok {
		return name
	}
	return fmt.Sprintf("Status(%d)", uint32(s))
}

// Description is the library's own one-line description of the status (payseal_status_text).
func (s Status) Description() string { return statusText(s) }

// Error makes a Status usable as an errors.Is target. (fmt prints a Status with Error, since it
// is an error: use String for the bare name.)
func (s Status) Error() string { return fmt.Sprintf("payseal: %s (%s)", s.Description(), s.String()) }

// Error is every failure reported by the library: the status, the library's message from the
// same call and, when Status is StatusGatewayError, the gateway's error as JSON.
//
//	var perr *payseal.Error
//	if errors.As(err, &perr) && perr.Status == payseal.StatusGatewayError { ... perr.Keepz() ... }
type Error struct {
	Status  Status
	Message string
	// Gateway is the gateway's error as payseal reports it, when Status is StatusGatewayError:
	// Keepz {"gateway":"keepz","message","statusCode","exceptionGroup","httpStatus","group",
	// "codeName","hint"}; TransactPay {"gateway":"transactpay","httpStatus","statusCode",
	// "status","message"}. Nil otherwise. Decode it with Keepz, TransactPay or json.Unmarshal.
	Gateway json.RawMessage
}

func newError(status Status, message string, gateway []byte) *Error {
	if message == "" {
		message = status.Description()
	}
	e := &Error{Status: status, Message: message}
	if status == StatusGatewayError && len(gateway) > 0 {
		e.Gateway = json.RawMessage(gateway)
	}
	return e
}

func (e *Error) Error() string {
	return fmt.Sprintf("payseal: %s (%s, code %d)", e.Message, e.Status.String(), uint32(e.Status))
}

// Is reports whether target is this error's Status, or an *Error with the same Status, so that
// errors.Is(err, payseal.StatusCannotOpen) holds for a CannotOpen failure.
func (e *Error) Is(target error) bool {
	switch t := target.(type) {
	case Status:
		return e.Status == t
	case *Error:
		return t != nil && e.Status == t.Status
	}
	return false
}

// KeepzGatewayError is Keepz's own error body, raw fields plus payseal's reading of them.
type KeepzGatewayError struct {
	Message        string  `json:"message"`
	StatusCode     int64   `json:"statusCode"`     // 6005, 6010, ...
	ExceptionGroup *int64  `json:"exceptionGroup"` // 1–7, when sent
	HTTPStatus     *int    `json:"httpStatus"`     // the response's status; nil for a callback
	Group          *string `json:"group"`          // "not found", "validation", ...
	CodeName       *string `json:"codeName"`       // "integrator order not found", ...
	Hint           *string `json:"hint"`           // for the envelope codes 6009–6014
}

// TransactPayGatewayError is a TransactPay answer that reports failure.
type TransactPayGatewayError struct {
	HTTPStatus *int    `json:"httpStatus"`
	StatusCode *string `json:"statusCode"` // as text ("09")
	Status     *string `json:"status"`     // as text ("failed", "false")
	Message    *string `json:"message"`
}

type gatewayTag struct {
	Gateway string `json:"gateway"`
}

func (e *Error) gatewayIs(name string) bool {
	var tag gatewayTag
	return e.Status == StatusGatewayError && json.Unmarshal(e.Gateway, &tag) == nil && tag.Gateway == name
}

// Keepz returns Keepz's error when this is a Keepz gateway error, else nil.
func (e *Error) Keepz() *KeepzGatewayError {
	var v KeepzGatewayError
	if !e.gatewayIs("keepz") || json.Unmarshal(e.Gateway, &v) != nil {
		return nil
	}
	return &v
}

// TransactPay returns TransactPay's error when this is a TransactPay gateway error, else nil.
func (e *Error) TransactPay() *TransactPayGatewayError {
	var v TransactPayGatewayError
	if !e.gatewayIs("transactpay") || json.Unmarshal(e.Gateway, &v) != nil {
		return nil
	}
	return &v
}

// StatusOf returns the Status of a payseal error anywhere in err's chain, StatusOK for nil, and
// false for an error that payseal did not report.
func StatusOf(err error) (Status, bool) {
	if err == nil {
		return StatusOK, true
	}
	var perr *Error
	if errors.As(err, &perr) {
		return perr.Status, true
	}
	return 0, false
}

// IsCannotOpen reports whether err is CannotOpen: the envelope did not open (wrong key, wrong
// padding, tampering — deliberately one error; KeepzDiagnostics explains it, offline only).
func IsCannotOpen(err error) bool { return errors.Is(err, StatusCannotOpen) }

// IsGatewayError reports whether err carries the gateway's own error (see Error.Gateway).
func IsGatewayError(err error) bool { return errors.Is(err, StatusGatewayError) }

// IsPayloadTooLarge reports whether the payload did not fit the envelope.
func IsPayloadTooLarge(err error) bool { return errors.Is(err, StatusPayloadTooLarge) }

// ErrABIMismatch is returned (wrapped, with both numbers) by every constructor and package
// function when the loaded libpayseal speaks another C ABI than this binding.
var ErrABIMismatch = errors.New("payseal: the loaded libpayseal has an incompatible C ABI version")

// errClosed is the error of a method called on a closed handle.
func errClosed(what string) error {
	return &Error{Status: StatusNullArgument, Message: what + " handle used after Close"}
}
