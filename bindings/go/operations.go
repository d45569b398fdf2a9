package payseal

// The typed gateway operations: every operation of both gateways as JSON through the C ABI
// (payseal_keepz_prepare/_parse/_callback, payseal_transactpay_prepare/_parse/_webhook). The
// request and response types and one Prepare/Parse method pair per operation are generated from
// the description (generated.go); this file holds what they share. The binding validates
// nothing itself: a request goes to payseal as JSON with the gateway's field names and comes
// back checked, sealed and placed, or refused with the core's status and message.

import (
	"bytes"
	"encoding/json"
)

// BaseURL chooses the host a prepared request goes to. The zero value is the gateway's test
// host, so a forgotten argument never reaches production.
type BaseURL struct {
	code   uint32
	custom string
}

var (
	// BaseURLTest is the gateway's test host (TransactPay has one host for test and live).
	BaseURLTest = BaseURL{code: baseURLTest}
	// BaseURLProduction is the gateway's production host.
	BaseURLProduction = BaseURL{code: baseURLProduction}
)

// CustomBaseURL is another host: a test double, or the refund host TransactPay gives you
// ("https://" or "http://", a host, an optional path; payseal checks it).
func CustomBaseURL(url string) BaseURL { return BaseURL{code: baseURLCustom, custom: url} }

// Expectation is what a TransactPay order was priced at: with it, ParseOrderStatus and
// ParseVerify fill the answer's Paid (status 5 and this amount, alone or plus the fee, and
// this currency).
type Expectation struct {
	Amount   Amount
	Currency string
}

// GatewayDate is a date as TransactPay sent it (Raw) and payseal's reading of it
// ("yyyy-MM-dd HH:mm:ss"), nil for .NET's 0001-01-01T00:00:00 or unreadable text.
type GatewayDate struct {
	Raw   string  `json:"raw"`
	Value *string `json:"value"`
}

// NewOrderID is a fresh random (version 4) UUID from the operating system's generator, for
// Keepz's integratorOrderId (reusing one is Keepz error 6023).
func NewOrderID() (string, error) {
	if err := checkABI(); err != nil {
		return "", err
	}
	out, err := newOrderID()
	return string(out), err
}

// Describe returns the library's description of every operation, object, enum and status as
// JSON (payseal_describe; bindings/description.json is its committed copy).
func Describe() ([]byte, error) {
	if err := checkABI(); err != nil {
		return nil, err
	}
	return describe()
}

// ---------------------------------------------------------------- Keepz

// PrepareJSON prepares a Keepz request given as JSON (Keepz's field names) for operation
// ("create_order", …). The typed PrepareCreateOrder etc. call it; use it for a request the
// typed structs cannot express.
func (k *Keepz) PrepareJSON(operation string, request []byte, base BaseURL) (*PreparedRequest, error) {
	out, err := k.with(func(h *cKeepz) ([]byte, error) {
		return keepzPrepare(h, operation, request, base.code, base.custom)
	})
	return decodeOutput[PreparedRequest]("payseal_keepz_prepare", out, err)
}

// ParseJSON reads Keepz's answer to operation into payseal's JSON form (the description's
// operations[].response): the typed ParseCreateOrder etc. decode it.
func (k *Keepz) ParseJSON(operation string, httpStatus int, body []byte) (json.RawMessage, error) {
	code, err := httpStatusArg(httpStatus)
	if err != nil {
		return nil, err
	}
	return k.with(func(h *cKeepz) ([]byte, error) { return keepzParse(h, operation, code, body) })
}

// Callback reads a Keepz callback body — an envelope or plain JSON, both of which Keepz sends —
// and prepares its re-check (an order status for this handle's integrator id, or a
// subscription history). The callback proves nothing: act on the answer to Recheck.
func (k *Keepz) Callback(body []byte, base BaseURL) (*KeepzCallbackHint, error) {
	out, err := k.with(func(h *cKeepz) ([]byte, error) { return keepzCallback(h, body, base.code, base.custom) })
	return decodeOutput[KeepzCallbackHint]("payseal_keepz_callback", out, err)
}

// OpenQuery opens a request sealed into a query string, as Keepz does (test doubles, holding
// Keepz's private key).
func (k *Keepz) OpenQuery(query string) ([]byte, error) {
	return k.with(func(h *cKeepz) ([]byte, error) { return keepzOpenQuery(h, query) })
}

func (k *Keepz) prepare(operation string, request any, base BaseURL) (*PreparedRequest, error) {
	payload, err := marshalRequest(request)
	if err != nil {
		return nil, err
	}
	return k.PrepareJSON(operation, payload, base)
}

func (k *Keepz) parse(operation string, httpStatus int, body []byte, out any) error {
	raw, err := k.ParseJSON(operation, httpStatus, body)
	if err != nil {
		return err
	}
	return unmarshalOutput("payseal_keepz_parse", raw, out)
}

// ---------------------------------------------------------------- TransactPay

// PrepareJSON prepares a TransactPay request given as JSON (TransactPay's field names).
func (t *TransactPay) PrepareJSON(operation string, request []byte, base BaseURL) (*PreparedRequest, error) {
	out, err := t.with(func(h *cTransactPay) ([]byte, error) {
		return transactPayPrepare(h, operation, request, base.code, base.custom)
	})
	return decodeOutput[PreparedRequest]("payseal_transactpay_prepare", out, err)
}

// ParseJSON reads TransactPay's answer to operation into payseal's JSON form
// ({"httpStatus","statusCode","status","message","data","paid"}). expect (order status and
// verify only) may be nil. Parsing uses no key: any handle, even a closed one, parses.
func (t *TransactPay) ParseJSON(operation string, httpStatus int, body []byte, expect *Expectation) (json.RawMessage, error) {
	code, err := httpStatusArg(httpStatus)
	if err != nil {
		return nil, err
	}
	var amount Amount
	var currency string
	if expect != nil {
		amount, currency = expect.Amount, expect.Currency
	}
	return transactPayParse(operation, code, body, string(amount), currency)
}

// Webhook reads a TransactPay webhook body and prepares its re-check, a verify request (plain
// body, secret key). TransactPay signs nothing: act on the verify answer.
func (t *TransactPay) Webhook(body []byte, base BaseURL) (*TransactPayWebhookHint, error) {
	out, err := t.with(func(h *cTransactPay) ([]byte, error) { return transactPayWebhook(h, body, base.code, base.custom) })
	return decodeOutput[TransactPayWebhookHint]("payseal_transactpay_webhook", out, err)
}

func (t *TransactPay) prepare(operation string, request any, base BaseURL) (*PreparedRequest, error) {
	payload, err := marshalRequest(request)
	if err != nil {
		return nil, err
	}
	return t.PrepareJSON(operation, payload, base)
}

func (t *TransactPay) parse(operation string, httpStatus int, body []byte, expect *Expectation, out any) error {
	raw, err := t.ParseJSON(operation, httpStatus, body, expect)
	if err != nil {
		return err
	}
	return unmarshalOutput("payseal_transactpay_parse", raw, out)
}

// ---------------------------------------------------------------- JSON both ways

// marshalRequest writes a typed request as JSON. It fails only for a json.RawMessage field
// that is not JSON (StatusNotJSON, as payseal would say).
func marshalRequest(request any) ([]byte, error) {
	payload, err := json.Marshal(request)
	if err != nil {
		return nil, &Error{Status: StatusNotJSON, Message: "the request does not encode as JSON: " + err.Error()}
	}
	return payload, nil
}

// unmarshalOutput reads one of payseal's JSON outputs into its Go type; a mismatch would be a
// binding out of date with its library (StatusUnexpectedResponse).
func unmarshalOutput(function string, raw []byte, out any) error {
	if err := json.Unmarshal(raw, out); err != nil {
		return &Error{Status: StatusUnexpectedResponse, Message: function + " returned JSON this binding cannot read: " + err.Error()}
	}
	return nil
}

func decodeOutput[T any](function string, raw []byte, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	var out T
	if err := unmarshalOutput(function, raw, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// marshalTagged writes v (a JSON object) with the member tag: value first, as the variants of
// a request told apart by a tag (TransactPay's pay by "paymentoption") need.
func marshalTagged(tag, value string, v any) ([]byte, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	head, err := json.Marshal(map[string]string{tag: value})
	if err != nil {
		return nil, err
	}
	rest := bytes.TrimPrefix(body, []byte("{"))
	if !bytes.Equal(rest, []byte("}")) {
		head = append(head[:len(head)-1], ',')
	} else {
		head = head[:len(head)-1]
	}
	return append(head, rest...), nil
}
