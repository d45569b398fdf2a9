package payseal

// Every case of tests/vectors/typed_operations.json through the typed API: a request is read
// into its generated Go struct and sent with the operation's PrepareX method, an answer read
// with ParseX, a callback with Callback, a webhook with Webhook; each typed result is written
// back to JSON and compared with the vector's expected output, so a field the Go types lose
// fails here. A request the Go types cannot express (a field Keepz does not have, a required
// field given as null, a card number as a JSON number, a field given twice, an unknown
// operation) goes through PrepareJSON/ParseJSON instead, and must be a case payseal refuses.

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

type typedCase struct {
	Name                   string                     `json:"name"`
	Gateway                string                     `json:"gateway"`
	Operation              string                     `json:"operation"`
	Request                json.RawMessage            `json:"request"`
	RequestText            *string                    `json:"request_text"`
	BaseURL                string                     `json:"base_url"`
	CustomBaseURL          *string                    `json:"custom_base_url"`
	HTTPStatus             int                        `json:"http_status"`
	Answer                 *string                    `json:"answer"`
	Body                   *string                    `json:"body"`
	ExpectedAmount         *string                    `json:"expected_amount"`
	ExpectedCurrency       *string                    `json:"expected_currency"`
	ExpectStatus           Status                     `json:"expect_status"`
	ExpectError            string                     `json:"expect_error"`
	ExpectErrorExcludes    string                     `json:"expect_error_excludes"`
	Expect                 map[string]json.RawMessage `json:"expect"`
	ExpectPlaintext        *string                    `json:"expect_plaintext"`
	ExpectOutput           json.RawMessage            `json:"expect_output"`
	ExpectRecheck          map[string]json.RawMessage `json:"expect_recheck"`
	ExpectRecheckPlaintext *string                    `json:"expect_recheck_plaintext"`
}

type typedVectors struct {
	Keys         map[string]string `json:"keys"`
	IntegratorID string            `json:"integratorId"`
	Prepare      []typedCase       `json:"prepare"`
	Parse        []typedCase       `json:"parse"`
	Callbacks    []typedCase       `json:"callbacks"`
	Webhooks     []typedCase       `json:"webhooks"`
}

// typedEnv holds the three handles of the vectors' README: the integrator, a Keepz test double
// and TransactPay (which seals and, as a test double, opens).
type typedEnv struct {
	keepz, double *Keepz
	tp            *TransactPay
}

// loadTypedVectors reads typed_operations.json and makes its handles.
func loadTypedVectors(t *testing.T) (*typedVectors, *typedEnv) {
	var v typedVectors
	loadVector(t, "typed_operations.json", &v)
	k := keys(t)
	return &v, &typedEnv{
		keepz:  mustKeepz(t, []byte(k[v.Keys["keepz"]].PublicBase64DER), []byte(k[v.Keys["integrator"]].PrivatePEM), v.IntegratorID, nil),
		double: mustKeepz(t, []byte(k[v.Keys["integrator"]].PublicPEM), []byte(k[v.Keys["keepz"]].PrivatePEM), "", nil),
		tp:     mustTransactPay(t, []byte(k[v.Keys["transactpay"]].TransactPayBlob), []byte(k[v.Keys["transactpay"]].PrivatePEM)),
	}
}

func (c *typedCase) base() BaseURL {
	switch c.BaseURL {
	case "production":
		return BaseURLProduction
	case "custom":
		return CustomBaseURL(str(c.CustomBaseURL))
	}
	// A custom URL with the test code is a case the Go API cannot write; the test builds it.
	return BaseURL{code: baseURLTest, custom: str(c.CustomBaseURL)}
}

func (c *typedCase) requestText() []byte {
	if c.RequestText != nil {
		return []byte(*c.RequestText)
	}
	return c.Request
}

// checkError checks a failure against the case: status, expect_error, expect_error_excludes.
func (c *typedCase) checkError(t *testing.T, err error) *Error {
	t.Helper()
	perr := wantStatus(t, c.Name, err, c.ExpectStatus)
	if perr != nil {
		if !strings.Contains(perr.Message, c.ExpectError) {
			t.Fatalf("message %q lacks %q", perr.Message, c.ExpectError)
		}
		if c.ExpectErrorExcludes != "" && strings.Contains(perr.Message, c.ExpectErrorExcludes) {
			t.Fatalf("message %q contains %q", perr.Message, c.ExpectErrorExcludes)
		}
		if c.ExpectStatus == StatusGatewayError {
			jsonEqualRaw(t, "gateway error", perr.Gateway, c.ExpectOutput)
			// The same error, typed, through errors.As.
			var typed any
			var ke *KeepzGatewayError
			var te *TransactPayGatewayError
			switch {
			case errorsAs(err, &ke):
				typed = ke
			case errorsAs(err, &te):
				typed = te
			default:
				t.Fatal("errors.As finds no typed gateway error")
			}
			jsonEqualRaw(t, "typed gateway error", mustJSON(t, typed), c.ExpectOutput)
		}
	}
	return perr
}

// ---------------------------------------------------------------- requests into Go types

type preparer func(e *typedEnv, text []byte, base BaseURL) (p *PreparedRequest, err error, typed bool)

// typedPreparer reads a request into R and sends it with a handle's PrepareX method, when R
// says the same as the text.
func typedPreparer[H, R any](handle func(*typedEnv) H, prepare func(H, R, BaseURL) (*PreparedRequest, error)) preparer {
	return func(e *typedEnv, text []byte, base BaseURL) (*PreparedRequest, error, bool) {
		var r R
		if !decodesExactly(text, &r, "") {
			return nil, nil, false
		}
		p, err := prepare(handle(e), r, base)
		return p, err, true
	}
}

func keepzPreparer[R any](prepare func(*Keepz, R, BaseURL) (*PreparedRequest, error)) preparer {
	return typedPreparer(func(e *typedEnv) *Keepz { return e.keepz }, prepare)
}

func transactPayPreparer[R any](prepare func(*TransactPay, R, BaseURL) (*PreparedRequest, error)) preparer {
	return typedPreparer(func(e *typedEnv) *TransactPay { return e.tp }, prepare)
}

// payPreparer picks the variant by "paymentoption" (in any case, as payseal reads it).
func payPreparer(e *typedEnv, text []byte, base BaseURL) (*PreparedRequest, error, bool) {
	var head struct {
		PaymentOption string `json:"paymentoption"`
	}
	var members map[string]json.RawMessage
	if hasDuplicateKeys(text) || json.Unmarshal(text, &head) != nil || json.Unmarshal(text, &members) != nil {
		return nil, nil, false
	}
	delete(members, "paymentoption") // each variant writes its own
	text, _ = json.Marshal(members)
	var r TransactPayPayRequest
	var ok bool
	switch strings.ToLower(head.PaymentOption) {
	case "c":
		r, ok = decodeVariant[TransactPayPayWithCardRequest](text)
	case "bank-transfer":
		r, ok = decodeVariant[TransactPayPayByBankTransferRequest](text)
	case "opay":
		r, ok = decodeVariant[TransactPayPayWithOpayRequest](text)
	}
	if !ok {
		return nil, nil, false
	}
	p, err := e.tp.PreparePay(r, base)
	return p, err, true
}

func decodeVariant[V TransactPayPayRequest](text []byte) (TransactPayPayRequest, bool) {
	var v V
	ok := decodesExactly(text, &v, "paymentoption")
	return v, ok
}

var preparers = map[string]preparer{
	"keepz/create_order":           keepzPreparer((*Keepz).PrepareCreateOrder),
	"keepz/order_status":           keepzPreparer((*Keepz).PrepareOrderStatus),
	"keepz/cancel_order":           keepzPreparer((*Keepz).PrepareCancelOrder),
	"keepz/refund":                 keepzPreparer((*Keepz).PrepareRefund),
	"keepz/saved_card":             keepzPreparer((*Keepz).PrepareSavedCard),
	"keepz/saved_card_distributor": keepzPreparer((*Keepz).PrepareSavedCardDistributor),
	"keepz/subscription_history":   keepzPreparer((*Keepz).PrepareSubscriptionHistory),
	"keepz/revoke_subscription":    keepzPreparer((*Keepz).PrepareRevokeSubscription),
	"transactpay/create_order":     transactPayPreparer((*TransactPay).PrepareCreateOrder),
	"transactpay/order_fee":        transactPayPreparer((*TransactPay).PrepareOrderFee),
	"transactpay/pay":              payPreparer,
	"transactpay/authorize":        transactPayPreparer((*TransactPay).PrepareAuthorize),
	"transactpay/order_status":     transactPayPreparer((*TransactPay).PrepareOrderStatus),
	"transactpay/verify":           transactPayPreparer((*TransactPay).PrepareVerify),
	"transactpay/refund":           transactPayPreparer((*TransactPay).PrepareRefund),
}

// decodesExactly reads text into v and reports whether v says the same thing: no unknown or
// duplicate member, and v written back equals text (nulls and the member ignore aside; numbers
// compared by their text). Otherwise the Go type cannot express the request.
func decodesExactly(text []byte, v any, ignore string) bool {
	if hasDuplicateKeys(text) {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.DisallowUnknownFields()
	if dec.Decode(v) != nil {
		return false
	}
	back, err := json.Marshal(v)
	if err != nil {
		return false
	}
	a, b := canonical(text, ignore), canonical(back, ignore)
	return a != nil && reflect.DeepEqual(a, b)
}

// canonical is JSON as a value with null members and the member ignore dropped and numbers as
// their text.
func canonical(text []byte, ignore string) any {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil
	}
	var walk func(any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			out := map[string]any{}
			for k, m := range x {
				if m != nil && k != ignore {
					out[k] = walk(m)
				}
			}
			return out
		case []any:
			for i := range x {
				x[i] = walk(x[i])
			}
			return x
		case json.Number:
			return string(x)
		}
		return v
	}
	return walk(v)
}

// hasDuplicateKeys reports whether an object in text names a member twice (Go's decoder keeps
// the last one silently; payseal refuses it).
func hasDuplicateKeys(text []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(text))
	type frame struct {
		object bool
		seen   map[string]bool
		key    bool // the next string token is a member name
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		top := (*frame)(nil)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch x := tok.(type) {
		case json.Delim:
			switch x {
			case '{':
				if top != nil && top.object {
					top.key = true
				}
				stack = append(stack, &frame{object: true, seen: map[string]bool{}, key: true})
			case '[':
				if top != nil && top.object {
					top.key = true
				}
				stack = append(stack, &frame{})
			default:
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					return false
				}
			}
		case string:
			if top != nil && top.object && top.key {
				if top.seen[x] {
					return true
				}
				top.seen[x] = true
				top.key = false
				continue
			}
			if top != nil && top.object {
				top.key = true
			}
		default:
			if top != nil && top.object {
				top.key = true
			}
		}
	}
}

// ---------------------------------------------------------------- prepared requests

// checkPrepared checks a prepared request as the vectors' README says, and what the gateway's
// side opens from it.
func checkPrepared(t *testing.T, e *typedEnv, gateway, operation string, p *PreparedRequest, expect map[string]json.RawMessage, plaintext *string) {
	t.Helper()
	if p.Gateway != gateway || p.Operation != operation {
		t.Fatalf("prepared %s/%s, want %s/%s", p.Gateway, p.Operation, gateway, operation)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal(mustJSON(t, p), &got); err != nil {
		t.Fatal(err)
	}
	for key, want := range expect {
		if key == "url" && p.Placement == "query" {
			var base string
			_ = json.Unmarshal(want, &base)
			if p.Query == nil || p.URL != base+"?"+*p.Query {
				t.Fatalf("url %q, want %q + ? + query", p.URL, base)
			}
			continue
		}
		jsonEqualRaw(t, key, got[key], want)
	}
	if (p.Body != nil) != (p.Placement == "body") || (p.Query != nil) != (p.Placement == "query") {
		t.Fatalf("placement %q with body %v, query %v", p.Placement, p.Body != nil, p.Query != nil)
	}
	var opened []byte
	var err error
	switch {
	case gateway == "keepz" && p.Placement == "query":
		opened, err = e.double.OpenQuery(*p.Query)
	case gateway == "keepz":
		opened, err = e.double.Open(0, []byte(*p.Body))
	case p.Encrypted:
		opened, err = e.tp.Open([]byte(*p.Body))
	default:
		opened = []byte(*p.Body)
	}
	if err != nil {
		t.Fatalf("the gateway's side does not open it: %v", err)
	}
	if plaintext == nil || string(opened) != *plaintext {
		t.Fatalf("plaintext %s, want %s", opened, str(plaintext))
	}
}

func TestTypedVectorsPrepare(t *testing.T) {
	v, e := loadTypedVectors(t)
	typed, raw := 0, 0
	for _, c := range v.Prepare {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			text := c.requestText()
			var p *PreparedRequest
			var err error
			ok := false
			expressible := c.CustomBaseURL == nil || c.BaseURL == "custom"
			if prep := preparers[c.Gateway+"/"+c.Operation]; prep != nil && expressible {
				p, err, ok = prep(e, text, c.base())
			}
			if ok {
				typed++
			} else {
				// Not expressible with the Go types: payseal must refuse it.
				raw++
				t.Logf("the Go types cannot express it: through PrepareJSON")
				if c.ExpectStatus == StatusOK {
					t.Fatal("an accepted request the Go types cannot express")
				}
				if c.Gateway == "keepz" {
					p, err = e.keepz.PrepareJSON(c.Operation, text, c.base())
				} else {
					p, err = e.tp.PrepareJSON(c.Operation, text, c.base())
				}
			}
			if c.checkError(t, err) != nil {
				if p != nil {
					t.Fatal("output on failure")
				}
				return
			}
			checkPrepared(t, e, c.Gateway, c.Operation, p, c.Expect, c.ExpectPlaintext)
		})
	}
	t.Logf("%d requests through the typed PrepareX methods, %d (refusals the Go types cannot express) through PrepareJSON", typed, raw)
	if typed+raw != len(v.Prepare) || typed < raw {
		t.Fatalf("typed %d, raw %d of %d", typed, raw, len(v.Prepare))
	}
}

// ---------------------------------------------------------------- answers into Go types

type answerParser func(e *typedEnv, c *typedCase, body []byte) (any, error)

func keepzParser[R any](parse func(*Keepz, int, []byte) (R, error)) answerParser {
	return func(e *typedEnv, c *typedCase, body []byte) (any, error) {
		return parse(e.keepz, c.HTTPStatus, body)
	}
}

func transactPayParser[R any](parse func(*TransactPay, int, []byte) (R, error)) answerParser {
	return func(e *typedEnv, c *typedCase, body []byte) (any, error) {
		if c.ExpectedAmount != nil || c.ExpectedCurrency != nil {
			return nil, errNotExpressible
		}
		return parse(e.tp, c.HTTPStatus, body)
	}
}

func transactPayPaidParser[R any](parse func(*TransactPay, int, []byte, *Expectation) (R, error)) answerParser {
	return func(e *typedEnv, c *typedCase, body []byte) (any, error) {
		var expect *Expectation
		if c.ExpectedAmount != nil || c.ExpectedCurrency != nil {
			expect = &Expectation{Amount: Amount(str(c.ExpectedAmount)), Currency: str(c.ExpectedCurrency)}
		}
		return parse(e.tp, c.HTTPStatus, body, expect)
	}
}

var errNotExpressible = &Error{Status: StatusInvalidArgument, Message: "not expressible"}

var parsers = map[string]answerParser{
	"keepz/create_order":           keepzParser((*Keepz).ParseCreateOrder),
	"keepz/order_status":           keepzParser((*Keepz).ParseOrderStatus),
	"keepz/cancel_order":           keepzParser((*Keepz).ParseCancelOrder),
	"keepz/refund":                 keepzParser((*Keepz).ParseRefund),
	"keepz/saved_card":             keepzParser((*Keepz).ParseSavedCard),
	"keepz/saved_card_distributor": keepzParser((*Keepz).ParseSavedCardDistributor),
	"keepz/subscription_history":   keepzParser((*Keepz).ParseSubscriptionHistory),
	"keepz/revoke_subscription":    keepzParser((*Keepz).ParseRevokeSubscription),
	"transactpay/create_order":     transactPayParser((*TransactPay).ParseCreateOrder),
	"transactpay/order_fee":        transactPayParser((*TransactPay).ParseOrderFee),
	"transactpay/pay":              transactPayParser((*TransactPay).ParsePay),
	"transactpay/authorize":        transactPayParser((*TransactPay).ParseAuthorize),
	"transactpay/order_status":     transactPayPaidParser((*TransactPay).ParseOrderStatus),
	"transactpay/verify":           transactPayPaidParser((*TransactPay).ParseVerify),
	"transactpay/refund":           transactPayParser((*TransactPay).ParseRefund),
}

// answerBody is the case's body: answer sealed by the Keepz test double, else body.
func answerBody(t *testing.T, e *typedEnv, c *typedCase) []byte {
	if c.Answer != nil {
		sealed, err := e.double.Seal([]byte(*c.Answer))
		if err != nil {
			t.Fatal(err)
		}
		return sealed
	}
	if c.Body == nil {
		return nil
	}
	return []byte(*c.Body)
}

func TestTypedVectorsParse(t *testing.T) {
	v, e := loadTypedVectors(t)
	typed, raw := 0, 0
	for _, c := range v.Parse {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			body := answerBody(t, e, &c)
			var out any
			var err error = errNotExpressible
			if parse := parsers[c.Gateway+"/"+c.Operation]; parse != nil {
				out, err = parse(e, &c, body)
			}
			if err == errNotExpressible {
				raw++
				t.Logf("the typed methods cannot express it: through ParseJSON")
				if c.ExpectStatus == StatusOK {
					t.Fatal("an accepted answer the Go API cannot express")
				}
				if c.Gateway == "keepz" {
					out, err = e.keepz.ParseJSON(c.Operation, c.HTTPStatus, body)
				} else {
					var expect *Expectation
					if c.ExpectedAmount != nil || c.ExpectedCurrency != nil {
						expect = &Expectation{Amount: Amount(str(c.ExpectedAmount)), Currency: str(c.ExpectedCurrency)}
					}
					out, err = e.tp.ParseJSON(c.Operation, c.HTTPStatus, body, expect)
				}
			} else {
				typed++
			}
			if c.checkError(t, err) != nil {
				return
			}
			jsonEqualRaw(t, "typed answer", mustJSON(t, out), c.ExpectOutput)
		})
	}
	t.Logf("%d answers through the typed ParseX methods, %d (unknown operations, expectations the typed method does not take) through ParseJSON", typed, raw)
	if typed+raw != len(v.Parse) || typed < raw {
		t.Fatalf("typed %d, raw %d of %d", typed, raw, len(v.Parse))
	}
}

// ---------------------------------------------------------------- callbacks and webhooks

func TestTypedVectorsCallbacksAndWebhooks(t *testing.T) {
	v, e := loadTypedVectors(t)
	run := func(c typedCase, hint func(body []byte) (any, *PreparedRequest, error), gateway string) {
		t.Run(c.Name, func(t *testing.T) {
			out, recheck, err := hint(answerBody(t, e, &c))
			if c.checkError(t, err) != nil {
				return
			}
			var got map[string]json.RawMessage
			if err := json.Unmarshal(mustJSON(t, out), &got); err != nil {
				t.Fatal(err)
			}
			delete(got, "recheck")
			jsonEqualRaw(t, "hint", mustJSON(t, got), c.ExpectOutput)
			var op string
			_ = json.Unmarshal(c.ExpectRecheck["operation"], &op)
			checkPrepared(t, e, gateway, op, recheck, c.ExpectRecheck, c.ExpectRecheckPlaintext)
		})
	}
	for _, c := range v.Callbacks {
		run(c, func(body []byte) (any, *PreparedRequest, error) {
			h, err := e.keepz.Callback(body, c.base())
			if err != nil {
				return nil, nil, err
			}
			return h, &h.Recheck, nil
		}, "keepz")
	}
	for _, c := range v.Webhooks {
		run(c, func(body []byte) (any, *PreparedRequest, error) {
			h, err := e.tp.Webhook(body, c.base())
			if err != nil {
				return nil, nil, err
			}
			return h, &h.Recheck, nil
		}, "transactpay")
	}
	if len(v.Callbacks) == 0 || len(v.Webhooks) == 0 {
		t.Fatal("no cases")
	}
}

// ---------------------------------------------------------------- helpers

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// jsonEqualRaw compares two JSON texts as values (numbers by their text).
func jsonEqualRaw(t testing.TB, what string, got, want []byte) {
	t.Helper()
	g, okG := canonicalKeepNulls(got)
	w, okW := canonicalKeepNulls(want)
	if !okG || !okW || !reflect.DeepEqual(g, w) {
		t.Fatalf("%s:\n got  %s\n want %s", what, got, want)
	}
}

func canonicalKeepNulls(text []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, false
	}
	return v, true
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// str is *p, or "" for nil.
func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
