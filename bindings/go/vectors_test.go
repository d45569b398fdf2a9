package payseal

import (
	"encoding/json"
	"fmt"
	"testing"
)

// Every conformity vector of tests/vectors/, read the way ffi/src/tests/vectors.rs reads it through the
// C ABI, but through this binding.

type outputCase struct {
	Name             string          `json:"name"`
	ExpectStatus     Status          `json:"expect_status"`
	ExpectOutput     *string         `json:"expect_output"`
	ExpectOutputJSON json.RawMessage `json:"expect_output_json"`
}

// check compares a call's result with the case: status, exact output text, output JSON (for
// StatusGatewayError, the gateway's JSON carried by the error).
func (c outputCase) check(t *testing.T, out []byte, err error) {
	t.Helper()
	perr := wantStatus(t, c.Name, err, c.ExpectStatus)
	if c.ExpectOutput != nil {
		if err != nil {
			t.Fatalf("%s: expected output, got error", c.Name)
		}
		if string(out) != *c.ExpectOutput {
			t.Fatalf("%s: output %q, want %q", c.Name, out, *c.ExpectOutput)
		}
	}
	if len(c.ExpectOutputJSON) > 0 && string(c.ExpectOutputJSON) != "null" {
		got := out
		if perr != nil {
			got = perr.Gateway
		}
		var want any
		_ = json.Unmarshal(c.ExpectOutputJSON, &want)
		jsonEqual(t, c.Name, got, want)
	}
	if perr != nil && perr.Status != StatusGatewayError && perr.Gateway != nil {
		t.Fatalf("%s: gateway JSON on a non-gateway error", c.Name)
	}
}

func TestVectorsKeepzOpen(t *testing.T) {
	var cases []struct {
		outputCase
		Key        string `json:"key"`
		Padding    string `json:"padding"`
		Legacy     bool   `json:"legacy"`
		HTTPStatus int    `json:"http_status"`
		Body       string `json:"body"`
	}
	loadVector(t, "keepz_open.json", &cases)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			k := mustKeepz(t, nil, []byte(keys(t)[c.Key].PrivatePEM), "",
				&KeepzOptions{Padding: padding(c.Padding), Legacy: c.Legacy})
			out, err := k.Open(c.HTTPStatus, nilIfEmpty(c.Body))
			c.check(t, out, err)
			if c.ExpectStatus == StatusGatewayError {
				var perr *Error
				_ = asError(err, &perr)
				if ke := perr.Keepz(); ke == nil || ke.Message == "" || ke.StatusCode == 0 {
					t.Fatalf("Keepz() = %+v", ke)
				}
				if perr.TransactPay() != nil {
					t.Fatal("a Keepz error read as TransactPay's")
				}
			}
		})
	}
}

func TestVectorsKeepzSeal(t *testing.T) {
	var cases []struct {
		Name         string `json:"name"`
		Key          string `json:"key"`
		Padding      string `json:"padding"`
		Legacy       bool   `json:"legacy"`
		Identifier   string `json:"identifier"`
		Payload      string `json:"payload"`
		ExpectStatus Status `json:"expect_status"`
	}
	loadVector(t, "keepz_seal.json", &cases)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			key := keys(t)[c.Key]
			opts := &KeepzOptions{Padding: padding(c.Padding), Legacy: c.Legacy}
			sealer := mustKeepz(t, []byte(key.PublicBase64DER), nil, c.Identifier, opts)
			opener := mustKeepz(t, nil, []byte(key.PrivatePKCS1PEM), "", opts)
			for _, query := range []bool{false, true} {
				var body []byte
				var err error
				if query {
					var q string
					q, err = sealer.SealQuery([]byte(c.Payload))
					body = []byte(q)
				} else {
					body, err = sealer.Seal([]byte(c.Payload))
				}
				wantStatus(t, fmt.Sprintf("%s (query %v)", c.Name, query), err, c.ExpectStatus)
				if err != nil {
					if body != nil && len(body) != 0 {
						t.Fatal("output on failure")
					}
					continue
				}
				if query {
					body = queryToJSON(t, string(body))
				} else {
					var env map[string]any
					if err := json.Unmarshal(body, &env); err != nil || env["identifier"] != c.Identifier {
						t.Fatalf("sealed body %s: identifier %v", body, env["identifier"])
					}
				}
				plain, err := opener.Open(200, body)
				if err != nil {
					t.Fatalf("open: %v", err)
				}
				if string(plain) != c.Payload {
					t.Fatalf("round trip %q != %q", plain, c.Payload)
				}
			}
		})
	}
}

func TestVectorsTransactPay(t *testing.T) {
	var v struct {
		Seal []struct {
			Name         string `json:"name"`
			Key          string `json:"key"`
			Payload      string `json:"payload"`
			ExpectStatus Status `json:"expect_status"`
		} `json:"seal"`
		Open []struct {
			outputCase
			Key  string `json:"key"`
			Body string `json:"body"`
		} `json:"open"`
		MaxPayload map[string]int `json:"max_payload"`
	}
	loadVector(t, "transactpay.json", &v)
	if len(v.Seal) == 0 || len(v.Open) == 0 || len(v.MaxPayload) == 0 {
		t.Fatal("missing cases")
	}
	handle := func(t *testing.T, name string) *TransactPay {
		key := keys(t)[name]
		tp := mustTransactPay(t, []byte(key.TransactPayBlob), []byte(key.PrivatePEM))
		if tp.MaxPayload() != v.MaxPayload[name] {
			t.Fatalf("MaxPayload %d, want %d", tp.MaxPayload(), v.MaxPayload[name])
		}
		return tp
	}
	for _, c := range v.Seal {
		t.Run("seal/"+c.Name, func(t *testing.T) {
			tp := handle(t, c.Key)
			body, err := tp.Seal([]byte(c.Payload))
			wantStatus(t, c.Name, err, c.ExpectStatus)
			if err != nil {
				return
			}
			plain, err := tp.Open(body)
			if err != nil || string(plain) != c.Payload {
				t.Fatalf("round trip: %q, %v", plain, err)
			}
		})
	}
	for _, c := range v.Open {
		t.Run("open/"+c.Name, func(t *testing.T) {
			out, err := handle(t, c.Key).Open([]byte(c.Body))
			c.check(t, out, err)
		})
	}
}

func TestVectorsTransactPayResponses(t *testing.T) {
	var cases []struct {
		outputCase
		HTTPStatus int    `json:"http_status"`
		Body       string `json:"body"`
	}
	loadVector(t, "transactpay_responses.json", &cases)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			r, err := ParseTransactPayResponse(c.HTTPStatus, nilIfEmpty(c.Body))
			var out []byte
			if err == nil {
				out, _ = json.Marshal(r) // the typed value must carry every normalized field
			}
			c.check(t, out, err)
			if c.ExpectStatus == StatusGatewayError {
				var perr *Error
				_ = asError(err, &perr)
				if te := perr.TransactPay(); te == nil || te.Message == nil || te.StatusCode == nil {
					t.Fatalf("TransactPay() = %+v", te)
				}
				if perr.Keepz() != nil {
					t.Fatal("a TransactPay error read as Keepz's")
				}
			}
		})
	}
}

func TestVectorsKeyErrors(t *testing.T) {
	var cases []struct {
		Name         string `json:"name"`
		Gateway      string `json:"gateway"`
		PublicKey    string `json:"public_key"`
		PrivateKey   string `json:"private_key"`
		ExpectStatus Status `json:"expect_status"`
	}
	loadVector(t, "key_errors.json", &cases)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			var err error
			if c.Gateway == "keepz" {
				var k *Keepz
				k, err = NewKeepz(nilIfEmpty(c.PublicKey), nilIfEmpty(c.PrivateKey), "", nil)
				if k != nil {
					t.Fatal("a handle on failure")
				}
			} else {
				var tp *TransactPay
				tp, err = NewTransactPay(nilIfEmpty(c.PublicKey), nil, BackendDefault)
				if tp != nil {
					t.Fatal("a handle on failure")
				}
			}
			wantStatus(t, c.Name, err, c.ExpectStatus)
		})
	}
}

func TestVectorsEndpoints(t *testing.T) {
	var cases []struct {
		Gateway          string          `json:"gateway"`
		Operation        string          `json:"operation"`
		ExpectStatus     Status          `json:"expect_status"`
		ExpectOutputJSON json.RawMessage `json:"expect_output_json"`
	}
	loadVector(t, "endpoints.json", &cases)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		name := c.Gateway + " " + c.Operation
		info, err := Endpoint(c.Gateway, c.Operation)
		wantStatus(t, name, err, c.ExpectStatus)
		if err != nil {
			continue
		}
		got, _ := json.Marshal(info)
		var want any
		_ = json.Unmarshal(c.ExpectOutputJSON, &want)
		jsonEqual(t, name, got, want)
	}
}
