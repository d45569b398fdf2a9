package payseal

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Bad input gives the right *Error status, through errors.As, errors.Is and the helpers.

func TestLibraryFacts(t *testing.T) {
	if ABIVersion() != expectedABI {
		t.Fatalf("ABI %d", ABIVersion())
	}
	if checkABI() != nil {
		t.Fatal(checkABI())
	}
	if err := abiError(3, "9.9.9"); !errors.Is(err, ErrABIMismatch) || !strings.Contains(err.Error(), "ABI 3") {
		t.Fatalf("ABI mismatch: %v", err)
	}
	if v := Version(); v == "" || strings.Count(v, ".") != 2 {
		t.Fatalf("version %q", v)
	}
	for s, name := range statusNames {
		if s.String() != name || s.Description() == "" {
			t.Fatalf("%d: %q %q", s, s.String(), s.Description())
		}
	}
	if Status(12345).String() != "Status(12345)" || Status(12345).Description() == "" {
		t.Fatal("unknown status")
	}
}

func TestPanicDoesNotCrossTheBoundary(t *testing.T) {
	perr := wantStatus(t, "selftest", selftestPanic(), StatusPanic)
	if !strings.Contains(perr.Message, "panic") {
		t.Fatalf("message %q", perr.Message)
	}
}

func TestEmptyInputs(t *testing.T) {
	key := keys(t)["rsa2048"]
	k := mustKeepz(t, []byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, nil)
	doctor, err := NewKeepzDiagnostics([]byte(key.PrivatePEM), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer doctor.Close()
	backing := make([]byte, 0, 64) // empty but with capacity: still passed as NULL + 0
	for _, empty := range [][]byte{nil, {}, backing[:0]} {
		_, err := k.Seal(empty)
		wantStatus(t, "seal empty", err, StatusNotJSON)
		_, err = k.SealQuery(empty)
		wantStatus(t, "seal query empty", err, StatusNotJSON)
		out, err := k.Open(200, empty) // an empty 200 body: a subscription revoke
		if err != nil || out == nil || len(out) != 0 {
			t.Fatalf("empty 200: %q %v", out, err)
		}
		_, err = k.Open(0, empty)
		wantStatus(t, "empty callback", err, StatusEmptyBody)
		d, err := doctor.Explain(empty, DiagnoseOptions{})
		if err != nil || d.Opens || d.Reason == nil {
			t.Fatalf("diagnose empty: %+v %v", d, err)
		}
		_, err = NewKeepzDiagnostics(empty, nil)
		wantStatus(t, "diagnostics without a key", err, StatusMalformedKey)
		_, err = ParseTransactPayResponse(200, empty)
		wantStatus(t, "parse empty", err, StatusEmptyBody)
		_, err = NewKeepz(empty, empty, "", nil)
		wantStatus(t, "no keys", err, StatusMissingKey)
		_, err = NewTransactPay(empty, nil, BackendDefault)
		wantStatus(t, "no key", err, StatusMalformedKey)
	}
	_, err = Endpoint("", "")
	wantStatus(t, "empty endpoint", err, StatusInvalidArgument)
}

func TestKeepzBadInput(t *testing.T) {
	key := keys(t)["rsa2048"]
	sealOnly := mustKeepz(t, []byte(key.PublicBase64DER), nil, identifier, nil)
	openOnly := mustKeepz(t, nil, []byte(key.PrivateBase64DER), "", nil)

	_, err := sealOnly.Open(200, []byte(`{"encryptedData":"AAAA","encryptedKeys":"AAAA","aes":true}`))
	wantStatus(t, "open without a private key", err, StatusMissingKey)
	_, err = openOnly.Seal([]byte(`{"a":1}`))
	wantStatus(t, "seal without a public key", err, StatusMissingKey)
	_, err = sealOnly.Seal([]byte(`{"a":`))
	wantStatus(t, "payload not JSON", err, StatusNotJSON)
	_, err = sealOnly.Seal([]byte(`42`))
	wantStatus(t, "payload a number", err, StatusInvalidRequest)
	_, err = sealOnly.Seal([]byte("{\"a\":\"\xff\"}"))
	if err == nil {
		t.Fatal("invalid UTF-8 payload sealed")
	}

	_, err = openOnly.Open(200, []byte(`<html>502</html>`))
	wantStatus(t, "HTML", err, StatusNotJSON)
	_, err = openOnly.Open(200, []byte(`{"hello":"world"}`))
	wantStatus(t, "not an envelope", err, StatusNotEnvelope)
	_, err = openOnly.Open(200, []byte(`{"encryptedData":"AAAA","encryptedKeys":"AAAA","aes":true}`))
	wantStatus(t, "garbage envelope", err, StatusCannotOpen)
	if !IsCannotOpen(err) || IsGatewayError(err) {
		t.Fatal("helpers")
	}
	_, err = openOnly.Open(70000, []byte(`{}`))
	wantStatus(t, "HTTP status out of range", err, StatusInvalidArgument)
	_, err = openOnly.Open(-1, []byte(`{}`))
	wantStatus(t, "negative HTTP status", err, StatusInvalidArgument)

	// A Keepz error body: the gateway's error, typed.
	_, err = openOnly.Open(404, []byte(`{"message":"Integrator order not found","statusCode":6005,"exceptionGroup":5}`))
	perr := wantStatus(t, "gateway error", err, StatusGatewayError)
	if !IsGatewayError(err) {
		t.Fatal("IsGatewayError")
	}
	ke := perr.Keepz()
	if ke == nil || ke.StatusCode != 6005 || ke.Message != "Integrator order not found" ||
		ke.HTTPStatus == nil || *ke.HTTPStatus != 404 || ke.ExceptionGroup == nil || *ke.ExceptionGroup != 5 ||
		ke.Group == nil || ke.CodeName == nil {
		t.Fatalf("Keepz() = %+v", ke)
	}
	// Wrapped errors keep their status.
	wrapped := fmt.Errorf("calling Keepz: %w", err)
	if !IsGatewayError(wrapped) || !errors.Is(wrapped, &Error{Status: StatusGatewayError}) {
		t.Fatal("wrapped")
	}
	if errors.Is(wrapped, StatusCannotOpen) {
		t.Fatal("Is matched another status")
	}
	if s, ok := StatusOf(errors.New("other")); ok || s != 0 {
		t.Fatal("StatusOf a foreign error")
	}

	// A body over MaxBody is refused before it is read.
	small := mustKeepz(t, nil, []byte(key.PrivatePEM), "", &KeepzOptions{MaxBody: 64})
	_, err = small.Open(200, []byte(`{"encryptedData":"`+strings.Repeat("A", 100)+`"}`))
	wantStatus(t, "body over MaxBody", err, StatusBodyTooLarge)
	// Legacy payload over k-11.
	legacy := mustKeepz(t, []byte(key.PublicPEM), nil, identifier, &KeepzOptions{Padding: PaddingPKCS1v15, Legacy: true})
	_, err = legacy.Seal([]byte(`{"x":"` + strings.Repeat("a", 300) + `"}`))
	wantStatus(t, "legacy too large", err, StatusPayloadTooLarge)
	if !IsPayloadTooLarge(err) {
		t.Fatal("IsPayloadTooLarge")
	}
}

func TestKeepzBadOptions(t *testing.T) {
	key := []byte(keys(t)["rsa2048"].PublicPEM)
	cases := []struct {
		name string
		id   string
		opts *KeepzOptions
		want Status
	}{
		{"unknown padding", identifier, &KeepzOptions{Padding: 7}, StatusInvalidArgument},
		{"unknown backend", identifier, &KeepzOptions{Backend: 9}, StatusInvalidArgument},
		{"negative MaxBody", identifier, &KeepzOptions{MaxBody: -1}, StatusInvalidArgument},
		{"identifier not UTF-8", "\xff\xfe", nil, StatusInvalidUTF8},
		{"identifier not a UUID", "merchant-42", nil, StatusInvalidArgument},
		{"garbage key", identifier, nil, StatusMalformedKey},
	}
	for _, c := range cases {
		k := key
		if c.want == StatusMalformedKey {
			k = []byte("not a key")
		}
		h, err := NewKeepz(k, nil, c.id, c.opts)
		if h != nil {
			t.Fatalf("%s: a handle", c.name)
		}
		wantStatus(t, c.name, err, c.want)
	}
	_, err := NewTransactPay(key, nil, 9)
	wantStatus(t, "TransactPay unknown backend", err, StatusInvalidArgument)
}

func TestTransactPayBadInput(t *testing.T) {
	key := keys(t)["rsa4096"]
	tp := mustTransactPay(t, []byte(key.TransactPayBlob), nil)
	if tp.MaxPayload() != 501 {
		t.Fatalf("MaxPayload %d", tp.MaxPayload())
	}
	_, err := tp.Seal([]byte(`{"r":"` + strings.Repeat("x", 502-8) + `"}`))
	wantStatus(t, "502 bytes", err, StatusPayloadTooLarge)
	_, err = tp.Seal([]byte(`[1,2]`))
	wantStatus(t, "array", err, StatusInvalidRequest)
	_, err = tp.Seal([]byte(`{`))
	wantStatus(t, "not JSON", err, StatusNotJSON)
	_, err = tp.Open([]byte(`{"data":"AAAA"}`))
	wantStatus(t, "open without a private key", err, StatusMissingKey)

	double := mustTransactPay(t, []byte(key.PublicPEM), []byte(key.PrivatePEM))
	_, err = double.Open([]byte(`{"data":"` + strings.Repeat("A", 684) + `"}`))
	wantStatus(t, "garbage block", err, StatusCannotOpen)

	_, err = NewTransactPay([]byte(key.PublicPEM), []byte(keys(t)["rsa2048"].PublicPEM), BackendDefault)
	wantStatus(t, "public key given as private", err, StatusUnsupportedKey)
}

func TestParseTransactPayResponse(t *testing.T) {
	r, err := ParseTransactPayResponse(200, []byte(`{"status":true,"status_code":0,"message":"ok","data":{"orderReference":"ORD-1","totalAmountCharged":1000.1234}}`))
	if err != nil {
		t.Fatal(err)
	}
	if r.HTTPStatus != 200 || r.StatusCode == nil || *r.StatusCode != "00" || r.Status == nil || *r.Status != "true" ||
		r.Message == nil || *r.Message != "ok" {
		t.Fatalf("%+v", r)
	}
	// Data keeps the gateway's exact number text.
	var data map[string]json.RawMessage
	if err := json.Unmarshal(r.Data, &data); err != nil || string(data["totalAmountCharged"]) != "1000.1234" {
		t.Fatalf("data %s", r.Data)
	}
	r, err = ParseTransactPayResponse(200, []byte(`{"statusCode":"01","status":"success"}`))
	if err != nil || r.Data != nil || r.Message != nil {
		t.Fatalf("%+v %v", r, err)
	}

	_, err = ParseTransactPayResponse(400, []byte(`{"statusCode":"09","status":"failed","message":"Order not found"}`))
	perr := wantStatus(t, "failure", err, StatusGatewayError)
	te := perr.TransactPay()
	if te == nil || *te.StatusCode != "09" || *te.Message != "Order not found" || *te.HTTPStatus != 400 || *te.Status != "failed" {
		t.Fatalf("TransactPay() = %+v", te)
	}
	_, err = ParseTransactPayResponse(502, []byte(`<html>502</html>`))
	wantStatus(t, "HTML", err, StatusNotJSON)
	_, err = ParseTransactPayResponse(200, []byte(`{"hello":1}`))
	wantStatus(t, "no status", err, StatusNotEnvelope)
	_, err = ParseTransactPayResponse(1<<16, []byte(`{}`))
	wantStatus(t, "HTTP status out of range", err, StatusInvalidArgument)
}

func TestGenerateKeysBadInput(t *testing.T) {
	_, _, err := GenerateKeys(2048, BackendDefault, KeyFormatTransactPayBlob, KeyFormatPEM)
	wantStatus(t, "blob for a private key", err, StatusInvalidArgument)
	_, _, err = GenerateKeys(2048, BackendDefault, KeyFormatPEM, 42)
	wantStatus(t, "unknown public format", err, StatusInvalidArgument)
	_, _, err = GenerateKeys(-1, BackendDefault, KeyFormatPEM, KeyFormatPEM)
	wantStatus(t, "negative bits", err, StatusInvalidArgument)
	priv, pub, err := GenerateKeys(1024, BackendDefault, KeyFormatPEM, KeyFormatPEM)
	if err == nil || priv != nil || pub != nil {
		t.Fatal("1024-bit key generated")
	}
	wantStatus(t, "1024 bits", err, StatusKeyTooSmall)
	priv, pub, err = GenerateKeys(2048, BackendDefault, KeyFormatPKCS1PEM, KeyFormatPKCS1PEM)
	if err != nil || !strings.HasPrefix(string(priv), "-----BEGIN RSA PRIVATE KEY-----") ||
		!strings.HasPrefix(string(pub), "-----BEGIN RSA PUBLIC KEY-----") {
		t.Fatalf("%.40s %.40s %v", priv, pub, err)
	}
}

func TestClosedHandles(t *testing.T) {
	key := keys(t)["rsa2048"]
	k, err := NewKeepz([]byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Close(); err != nil {
		t.Fatal(err)
	}
	if err := k.Close(); err != nil { // twice is harmless
		t.Fatal(err)
	}
	_, err = k.Seal([]byte(`{"a":1}`))
	wantStatus(t, "seal after Close", err, StatusNullArgument)
	_, err = k.Open(200, []byte(`{}`))
	wantStatus(t, "open after Close", err, StatusNullArgument)
	doctor, err := NewKeepzDiagnostics([]byte(key.PrivatePEM), nil)
	if err != nil {
		t.Fatal(err)
	}
	doctor.Close()
	doctor.Close() // twice is harmless
	_, err = doctor.Explain([]byte(`{}`), DiagnoseOptions{})
	wantStatus(t, "diagnose after Close", err, StatusNullArgument)

	tp, err := NewTransactPay([]byte(key.TransactPayBlob), nil, BackendDefault)
	if err != nil {
		t.Fatal(err)
	}
	tp.Close()
	tp.Close()
	_, err = tp.Seal([]byte(`{"a":1}`))
	wantStatus(t, "transactpay seal after Close", err, StatusNullArgument)
}

// The backend option reaches the library: AWS-LC is in every default build; RustCrypto is either
// compiled in (then it interoperates with AWS-LC) or refused as BackendUnavailable.
func TestBackends(t *testing.T) {
	key := keys(t)["rsa2048"]
	payload := []byte(`{"a":1}`)
	aws := mustKeepz(t, []byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, &KeepzOptions{Backend: BackendAWSLC})
	rc, err := NewKeepz([]byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, &KeepzOptions{Backend: BackendRustCrypto})
	if err != nil {
		wantStatus(t, "rustcrypto", err, StatusBackendUnavailable)
		t.Log("the rustcrypto backend is not compiled into this library")
		return
	}
	defer rc.Close()
	for _, pair := range [][2]*Keepz{{aws, rc}, {rc, aws}} {
		body, err := pair[0].Seal(payload)
		if err != nil {
			t.Fatal(err)
		}
		got, err := pair[1].Open(200, body)
		if err != nil || string(got) != string(payload) {
			t.Fatalf("cross-backend: %q %v", got, err)
		}
	}
}
