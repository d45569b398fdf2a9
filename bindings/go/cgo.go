package payseal

// The one file that talks to C. Everything else in the package calls the helpers below, so the
// rules of the C ABI (payseal.h, vendored in this folder) are kept in one place:
//   - inputs are (ptr, len) pairs, NULL + 0 being empty: an empty slice is never indexed;
//   - every payseal_buffer that payseal fills (the output and the error message) is copied into
//     Go memory with C.GoBytes and released once with payseal_buffer_free, which wipes it;
//   - the error message comes back from the same call, through its `error` argument.

/*
#cgo CFLAGS: -I${SRCDIR}
#include "payseal.h"
*/
import "C"

import (
	"math"
	"unsafe"
)

// expectedABI is the C ABI version this binding was written against (PAYSEAL_ABI_VERSION).
const expectedABI = 2

// The header the binding compiles against must be the ABI the binding was written for: a
// mismatch fails the build (a negative array length) rather than a call at run time.
var _ [C.PAYSEAL_ABI_VERSION - expectedABI]struct{}
var _ [expectedABI - C.PAYSEAL_ABI_VERSION]struct{}

// cBytes returns the (ptr, len) pair of b for a call: NULL + 0 for an empty or nil slice. The
// pointer is only valid during the cgo call it is passed to (Go's pointer-passing rules allow
// a pointer to Go memory holding no Go pointers, for the length of the call).
func cBytes(b []byte) (*C.uint8_t, C.size_t) {
	if len(b) == 0 {
		return nil, 0
	}
	return (*C.uint8_t)(unsafe.Pointer(&b[0])), C.size_t(len(b))
}

// take copies a payseal buffer into Go memory (nil when empty), then wipes and frees it.
func take(b *C.payseal_buffer) []byte {
	var out []byte
	if b.data != nil && b.len > 0 {
		if uint64(b.len) <= math.MaxInt32 {
			out = C.GoBytes(unsafe.Pointer(b.data), C.int(b.len))
		} else { // C.GoBytes takes an int32 length; never reached with payseal's bounded inputs
			out = append([]byte(nil), unsafe.Slice((*byte)(unsafe.Pointer(b.data)), int(b.len))...)
		}
	}
	C.payseal_buffer_free(b)
	return out
}

// call runs one fallible C function that fills an output buffer and returns its bytes, or an
// *Error built from the status, the message and (for PAYSEAL_GATEWAY_ERROR) the gateway's JSON
// that payseal put in the output buffer. Both buffers are always released.
func call(f func(out, errBuf *C.payseal_buffer) C.payseal_status) ([]byte, error) {
	var out, errBuf C.payseal_buffer
	status := Status(f(&out, &errBuf))
	bytes := take(&out)
	message := take(&errBuf)
	if status == StatusOK {
		return bytes, nil
	}
	return nil, newError(status, string(message), bytes)
}

// callStatus runs a fallible C function with no output buffer (handle constructors).
func callStatus(f func(errBuf *C.payseal_buffer) C.payseal_status) error {
	_, err := call(func(_, errBuf *C.payseal_buffer) C.payseal_status { return f(errBuf) })
	return err
}

// ---------------------------------------------------------------- library facts

// Version is the loaded library's version ("0.1.0").
func Version() string { return C.GoString(C.payseal_version()) }

// ABIVersion is the C ABI version of the loaded library.
func ABIVersion() uint32 { return uint32(C.payseal_abi_version()) }

// statusText is payseal's static description of a status code.
func statusText(s Status) string { return C.GoString(C.payseal_status_text(C.uint32_t(s))) }

// selftestPanic asks the library to panic inside its boundary (tests: no panic crosses it).
func selftestPanic() error {
	return callStatus(func(errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_selftest_panic(errBuf)
	})
}

// ---------------------------------------------------------------- Keepz

type cKeepz = C.payseal_keepz

// keepzOptions is the C options struct of o.
func keepzOptions(o KeepzOptions) C.payseal_keepz_options {
	opts := C.payseal_keepz_options{
		padding:  C.uint32_t(o.Padding),
		legacy:   0,
		max_body: C.size_t(o.MaxBody),
		backend:  C.uint32_t(o.Backend),
	}
	if o.Legacy {
		opts.legacy = 1
	}
	return opts
}

func keepzNew(public, private []byte, identifier string, o KeepzOptions) (*cKeepz, error) {
	opts := keepzOptions(o)
	pub, pubLen := cBytes(public)
	priv, privLen := cBytes(private)
	id := []byte(identifier)
	idPtr, idLen := cBytes(id)
	var handle *C.payseal_keepz
	err := callStatus(func(errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_keepz_new(pub, pubLen, priv, privLen, idPtr, idLen, &opts, &handle, errBuf)
	})
	if err != nil {
		return nil, err
	}
	return handle, nil
}

func keepzFree(h *cKeepz) { C.payseal_keepz_free(h) }

func keepzSeal(h *cKeepz, payload []byte, query bool) ([]byte, error) {
	p, n := cBytes(payload)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		if query {
			return C.payseal_keepz_seal_query(h, p, n, out, errBuf)
		}
		return C.payseal_keepz_seal(h, p, n, out, errBuf)
	})
}

func keepzOpen(h *cKeepz, httpStatus uint16, body []byte) ([]byte, error) {
	p, n := cBytes(body)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_keepz_open(h, C.uint16_t(httpStatus), p, n, out, errBuf)
	})
}

// ---------------------------------------------------------------- Keepz diagnostics

type cKeepzDiagnostics = C.payseal_keepz_diagnostics

func keepzDiagnosticsNew(private []byte, o KeepzOptions) (*cKeepzDiagnostics, error) {
	opts := keepzOptions(o)
	priv, privLen := cBytes(private)
	var handle *C.payseal_keepz_diagnostics
	err := callStatus(func(errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_keepz_diagnostics_new(priv, privLen, &opts, &handle, errBuf)
	})
	if err != nil {
		return nil, err
	}
	return handle, nil
}

func keepzDiagnosticsFree(h *cKeepzDiagnostics) { C.payseal_keepz_diagnostics_free(h) }

func keepzDiagnosticsExplain(h *cKeepzDiagnostics, body []byte, tryOtherPadding bool) ([]byte, error) {
	p, n := cBytes(body)
	var flags C.uint32_t
	if tryOtherPadding {
		flags |= C.PAYSEAL_DIAGNOSE_TRY_OTHER_PADDING
	}
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_keepz_diagnostics_explain(h, p, n, flags, out, errBuf)
	})
}

// ---------------------------------------------------------------- TransactPay

type cTransactPay = C.payseal_transactpay

func transactPayNew(encryptionKey, privateKey []byte, backend Backend) (*cTransactPay, error) {
	key, keyLen := cBytes(encryptionKey)
	priv, privLen := cBytes(privateKey)
	var handle *C.payseal_transactpay
	err := callStatus(func(errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_transactpay_new(key, keyLen, priv, privLen, C.uint32_t(backend), &handle, errBuf)
	})
	if err != nil {
		return nil, err
	}
	return handle, nil
}

func transactPayFree(h *cTransactPay) { C.payseal_transactpay_free(h) }

func transactPayMaxPayload(h *cTransactPay) int {
	return int(C.payseal_transactpay_max_payload(h))
}

func transactPaySeal(h *cTransactPay, payload []byte) ([]byte, error) {
	p, n := cBytes(payload)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_transactpay_seal(h, p, n, out, errBuf)
	})
}

func transactPayOpen(h *cTransactPay, body []byte) ([]byte, error) {
	p, n := cBytes(body)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_transactpay_open(h, p, n, out, errBuf)
	})
}

func transactPayParseResponse(httpStatus uint16, body []byte) ([]byte, error) {
	p, n := cBytes(body)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_transactpay_parse_response(C.uint16_t(httpStatus), p, n, out, errBuf)
	})
}

// ---------------------------------------------------------------- keys and endpoints

func keygen(bits uint32, backend Backend, privFmt, pubFmt KeyFormat) (priv, pub []byte, err error) {
	var privBuf, pubBuf, errBuf C.payseal_buffer
	status := Status(C.payseal_keygen(C.uint32_t(bits), C.uint32_t(backend), C.uint32_t(privFmt),
		C.uint32_t(pubFmt), &privBuf, &pubBuf, &errBuf))
	priv, pub = take(&privBuf), take(&pubBuf)
	message := take(&errBuf)
	if status != StatusOK {
		return nil, nil, newError(status, string(message), nil)
	}
	return priv, pub, nil
}

func endpoint(gateway, operation string) ([]byte, error) {
	g, o := []byte(gateway), []byte(operation)
	gp, gn := cBytes(g)
	op, on := cBytes(o)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_endpoint(gp, gn, op, on, out, errBuf)
	})
}

// ---------------------------------------------------------------- typed operations (JSON in, JSON out)

// span is one (ptr, len) argument, as cBytes makes it.
type span struct {
	p *C.uint8_t
	n C.size_t
}

func spanOf(b []byte) span {
	p, n := cBytes(b)
	return span{p, n}
}

func spanOfString(s string) span { return spanOf([]byte(s)) }

func keepzPrepare(h *cKeepz, operation string, request []byte, base uint32, custom string) ([]byte, error) {
	op, req, url := spanOfString(operation), spanOf(request), spanOfString(custom)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_keepz_prepare(h, op.p, op.n, req.p, req.n, C.uint32_t(base), url.p, url.n, out, errBuf)
	})
}

func keepzParse(h *cKeepz, operation string, httpStatus uint16, body []byte) ([]byte, error) {
	op, b := spanOfString(operation), spanOf(body)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_keepz_parse(h, op.p, op.n, C.uint16_t(httpStatus), b.p, b.n, out, errBuf)
	})
}

func keepzCallback(h *cKeepz, body []byte, base uint32, custom string) ([]byte, error) {
	b, url := spanOf(body), spanOfString(custom)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_keepz_callback(h, b.p, b.n, C.uint32_t(base), url.p, url.n, out, errBuf)
	})
}

func keepzOpenQuery(h *cKeepz, query string) ([]byte, error) {
	q := spanOfString(query)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_keepz_open_query(h, q.p, q.n, out, errBuf)
	})
}

func transactPayPrepare(h *cTransactPay, operation string, request []byte, base uint32, custom string) ([]byte, error) {
	op, req, url := spanOfString(operation), spanOf(request), spanOfString(custom)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_transactpay_prepare(h, op.p, op.n, req.p, req.n, C.uint32_t(base), url.p, url.n, out, errBuf)
	})
}

func transactPayParse(operation string, httpStatus uint16, body []byte, amount, currency string) ([]byte, error) {
	op, b, a, c := spanOfString(operation), spanOf(body), spanOfString(amount), spanOfString(currency)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_transactpay_parse(op.p, op.n, C.uint16_t(httpStatus), b.p, b.n, a.p, a.n, c.p, c.n, out, errBuf)
	})
}

func transactPayWebhook(h *cTransactPay, body []byte, base uint32, custom string) ([]byte, error) {
	b, url := spanOf(body), spanOfString(custom)
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_transactpay_webhook(h, b.p, b.n, C.uint32_t(base), url.p, url.n, out, errBuf)
	})
}

func newOrderID() ([]byte, error) {
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status { return C.payseal_new_order_id(out, errBuf) })
}

func describe() ([]byte, error) {
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status { return C.payseal_describe(out, errBuf) })
}

// ---------------------------------------------------------------- the key cache

func keyCacheSetCapacity(capacity uint) error {
	return callStatus(func(errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_key_cache_set_capacity(C.size_t(capacity), errBuf)
	})
}

func keyCacheClear() { C.payseal_key_cache_clear() }

func keyCacheStats() ([]byte, error) {
	return call(func(out, errBuf *C.payseal_buffer) C.payseal_status {
		return C.payseal_key_cache_stats(out, errBuf)
	})
}
