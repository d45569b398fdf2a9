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

// The constants (StatusOK, StatusCannotOpen, …) and their names are generated from the
// description (generated.go): a status added in Rust reaches Go with `go generate`.

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

// Error makes Keepz's error usable with errors.As: errors.As(err, &ke) with a
// *KeepzGatewayError target finds it in a payseal *Error (KeepzGatewayError is generated from the
// description's KeepzError).
func (e *KeepzGatewayError) Error() string {
	return fmt.Sprintf("payseal: Keepz refused: %d %s", e.StatusCode, e.Message)
}

// Error makes TransactPay's error usable with errors.As (see KeepzGatewayError.Error).
func (e *TransactPayGatewayError) Error() string {
	return fmt.Sprintf("payseal: TransactPay refused: %s %s", deref(e.StatusCode), deref(e.Message))
}

func deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

// As lets errors.As find the gateway's own error in a StatusGatewayError:
//
//	var ke *payseal.KeepzGatewayError
//	if errors.As(err, &ke) { log.Print(ke.StatusCode, ke.Message) }
func (e *Error) As(target any) bool {
	switch t := target.(type) {
	case **KeepzGatewayError:
		if ke := e.Keepz(); ke != nil {
			*t = ke
			return true
		}
	case **TransactPayGatewayError:
		if te := e.TransactPay(); te != nil {
			*t = te
			return true
		}
	}
	return false
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
