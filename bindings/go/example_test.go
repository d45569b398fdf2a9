package payseal_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"

	"payseal.dev/payseal"
)

// A Keepz round trip with throw-away keys: the integrator seals a create-order request, a test
// double standing in for Keepz opens it and seals the answer, the integrator opens the answer,
// then meets a Keepz error body.
func Example_keepz() {
	keepzPriv, keepzPub, integratorPriv, integratorPub := throwawayKeepzKeys()
	const integratorID = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e"

	// The integrator: Keepz's public key, its own private key, its id. Create once, share.
	keepz, err := payseal.NewKeepz(keepzPub, integratorPriv, integratorID, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer keepz.Close()

	ep, _ := payseal.Endpoint("keepz", "create_order")
	order, _ := json.Marshal(map[string]any{
		"amount": json.Number("12.50"), "receiverId": "5c3d1e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
		"receiverType": "BRANCH", "integratorId": integratorID,
		"integratorOrderId": "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a",
	})
	body, err := keepz.Seal(order) // POST ep.Path with this JSON body
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ep.Method, ep.Path, ep.Placement)

	// Keepz's side, as a test double: its private key opens, the integrator's public key seals.
	double, _ := payseal.NewKeepz(integratorPub, keepzPriv, "", nil)
	defer double.Close()
	request, _ := double.Open(0, body)
	fmt.Println(string(request) == string(order))
	response, _ := double.Seal([]byte(`{"integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","urlForQR":"https://example.test/pay"}`))

	// The integrator opens the response.
	plaintext, err := keepz.Open(200, response)
	fmt.Println(string(plaintext), err)

	// A Keepz error body: a *payseal.Error carrying the gateway's error.
	_, err = keepz.Open(409, []byte(`{"message":"Order already paid","statusCode":6016,"exceptionGroup":2}`))
	var perr *payseal.Error
	if errors.As(err, &perr) && perr.Status == payseal.StatusGatewayError {
		ke := perr.Keepz()
		fmt.Println(ke.StatusCode, ke.Message, *ke.Group, *ke.CodeName)
	}
	// A body that does not open is CannotOpen, whatever the reason.
	_, err = keepz.Open(200, []byte(`{"encryptedData":"AAAA","encryptedKeys":"AAAA","aes":true}`))
	fmt.Println(payseal.IsCannotOpen(err), errors.Is(err, payseal.StatusCannotOpen))
	// Output:
	// POST /api/integrator/order body
	// true
	// {"integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","urlForQR":"https://example.test/pay"} <nil>
	// 6016 Order already paid business logic order already paid
	// true true
}

// Sealing a TransactPay create-order with the dashboard's encryption key, and reading answers.
func Example_transactPay() {
	// In production: the dashboard's encryption key blob, read from a file or the environment.
	_, blob, err := payseal.GenerateKeys(4096, payseal.BackendDefault, payseal.KeyFormatPEM, payseal.KeyFormatTransactPayBlob)
	if err != nil {
		log.Fatal(err)
	}
	tp, err := payseal.NewTransactPay(blob, nil, payseal.BackendDefault)
	if err != nil {
		log.Fatal(err)
	}
	defer tp.Close()

	ep, _ := payseal.Endpoint("transactpay", "create_order")
	order := []byte(`{"customer":{"firstname":"Ada","lastname":"Obi","mobile":"+2348012345678","country":"NG","email":"ada@example.com"},` +
		`"order":{"amount":20000,"reference":"ORD-1","description":"Order 1","currency":"NGN"},` +
		`"payment":{"RedirectUrl":"https://merchant.example/return"}}`)
	body, err := tp.Seal(order) // POST ep.Path, header api-key: your public key
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ep.Method, ep.Path, *ep.Encrypted, ep.APIKey, len(body) > len(`{"data":""}`), tp.MaxPayload())

	// TransactPay answers in plain JSON.
	r, err := payseal.ParseTransactPayResponse(200, []byte(`{"statusCode":"01","status":"success","data":{"order":{"reference":"ORD-1"}}}`))
	fmt.Println(*r.StatusCode, string(r.Data), err)
	_, err = payseal.ParseTransactPayResponse(400, []byte(`{"statusCode":"09","status":"failed","message":"Order not found"}`))
	var perr *payseal.Error
	if errors.As(err, &perr) {
		if te := perr.TransactPay(); te != nil {
			fmt.Println(perr.Status.String(), *te.StatusCode, *te.Message)
		}
	}
	// Output:
	// POST /payment/order/create true public true 501
	// 01 {"order":{"reference":"ORD-1"}} <nil>
	// GatewayError 09 Order not found
}
