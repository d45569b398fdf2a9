package payseal_test

// The typed flows of README.md, run against test doubles: keepzFlow and transactPayFlow are the
// README's code, character for character (TestReadmeShowsTheTestedFlows checks it); the
// Example functions run them and check what they print. The doubles stand in for the gateways
// with their own keys: Keepz's private key opens the integrator's requests, and answers are
// sealed to the integrator, as Keepz does; TransactPay's double opens with its private key.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"regexp"
	"strings"
	"testing"

	"payseal.dev/payseal"
)

// ---------------------------------------------------------------- the README's code

// keepzFlow: create order → order status → saved card → refund, plus a callback.
func keepzFlow(keepz *payseal.Keepz, integratorID string, send func(*payseal.PreparedRequest) (int, []byte), callbackBody []byte) error {
	// 1. Create the order: a typed request, exact money, a fresh order id.
	orderID, err := payseal.NewOrderID() // UUID v4 from the OS; reusing one is Keepz error 6023
	if err != nil {
		return err
	}
	saveCard := true
	req, err := keepz.PrepareCreateOrder(payseal.KeepzCreateOrderRequest{
		Amount:            payseal.Amount("12.50"), // a decimal string, never a float
		ReceiverID:        "7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c",
		ReceiverType:      payseal.KeepzReceiverTypeBranch,
		IntegratorID:      integratorID,
		IntegratorOrderID: orderID,
		Currency:          payseal.KeepzCurrencyGel,
		SaveCard:          &saveCard,
	}, payseal.BaseURLTest) // payseal.BaseURLProduction when live
	if err != nil {
		return err // checked by payseal as Keepz would: "10.005" is StatusInvalidAmount, ...
	}
	// send is your HTTP client: req.Method to req.URL with req.Headers and, when req.Placement
	// is "body", *req.Body; it returns the HTTP status and the body as received.
	created, err := keepz.ParseCreateOrder(send(req))
	if err != nil {
		return err
	}
	fmt.Println("pay at", created.URLForQR)

	// 2. The order's status: known, final and paid come from payseal; an unknown status keeps
	//    its raw value with every fact false.
	req, err = keepz.PrepareOrderStatus(payseal.KeepzOrderStatusRequest{
		IntegratorID: integratorID, IntegratorOrderID: orderID,
	}, payseal.BaseURLTest)
	if err != nil {
		return err
	}
	order, err := keepz.ParseOrderStatus(send(req))
	if err != nil {
		return err
	}
	fmt.Println("status", order.Status, "final", order.Status.IsFinal(), "paid", order.Status.IsPaid())
	if order.Status.Value != payseal.KeepzOrderStatusSuccess {
		return nil
	}

	// 3. The card saved with the payment.
	req, err = keepz.PrepareSavedCard(payseal.KeepzSavedCardRequest{IntegratorOrderID: orderID}, payseal.BaseURLTest)
	if err != nil {
		return err
	}
	card, err := keepz.ParseSavedCard(send(req))
	if err != nil {
		return err
	}
	fmt.Println("card", *card.CardMask, "token", card.Token != "")

	// 4. Refund part of it. Keepz may refuse in band (ErrorMessage) or with its error body.
	req, err = keepz.PrepareRefund(payseal.KeepzRefundRequest{
		IntegratorID: integratorID, IntegratorOrderID: orderID, Amount: "5.00",
		RefundInitiator: payseal.KeepzRefundInitiatorIntegrator,
	}, payseal.BaseURLTest)
	if err != nil {
		return err
	}
	refund, err := keepz.ParseRefund(send(req))
	var keepzErr *payseal.KeepzGatewayError
	switch {
	case errors.As(err, &keepzErr):
		fmt.Println("Keepz refused:", keepzErr.StatusCode, keepzErr.Message)
	case err != nil:
		return err // transport: payseal.StatusNotJSON (an HTML page), StatusCannotOpen, ...
	case refund.ErrorMessage != nil:
		fmt.Println("refund refused:", *refund.ErrorMessage)
	default:
		fmt.Println("refund", refund.Status)
	}

	// 5. A callback (sealed or plain JSON) is only a hint: act on the answer to its Recheck.
	hint, err := keepz.Callback(callbackBody, payseal.BaseURLTest)
	if err != nil {
		return err // a callback naming another integrator is StatusInvalidRequest
	}
	claimed := hint.Order.Status
	rechecked, err := keepz.ParseOrderStatus(send(&hint.Recheck))
	if err != nil {
		return err
	}
	fmt.Println("callback says", claimed, "amount", *hint.Order.Amount, "- Keepz says", rechecked.Status)
	return nil
}

// transactPayFlow: create order → order status → verify, "paid" only for the amount and
// currency the order was priced at.
func transactPayFlow(tp *payseal.TransactPay, send func(*payseal.PreparedRequest) (int, []byte)) error {
	redirect := "https://merchant.example/return"
	req, err := tp.PrepareCreateOrder(payseal.TransactPayCreateOrderRequest{
		Customer: payseal.TransactPayCustomer{
			Firstname: "Ada", Lastname: "Obi", Mobile: "+2348012345678", Country: "NG", Email: "ada@example.com",
		},
		Order: payseal.TransactPayOrderDetails{
			Amount: payseal.Amount("1000.00"), Reference: "ORD-1001", Description: "Books", Currency: "NGN",
		},
		Payment: payseal.TransactPayPaymentDetails{RedirectURL: redirect},
	}, payseal.BaseURLTest)
	if err != nil {
		return err // a mobile not in E.164 form, a 4-letter currency, 5 decimals, over 501 bytes, ...
	}
	// Add the header req.APIKey.Header ("api-key") with the dashboard key req.APIKey.Key names
	// ("public" here; "secret" for verify and refund, from a server only).
	created, err := tp.ParseCreateOrder(send(req))
	if err != nil {
		return err
	}
	fmt.Println(*created.StatusCode, *created.Data.Order.Reference, "fee", *created.Data.Order.Fee, "key", req.APIKey.Key)

	priced := &payseal.Expectation{Amount: "1000.00", Currency: "NGN"}
	req, err = tp.PrepareOrderStatus(payseal.TransactPayOrderStatusRequest{Reference: "ORD-1001"}, payseal.BaseURLTest)
	if err != nil {
		return err
	}
	httpStatus, body := send(req)
	status, err := tp.ParseOrderStatus(httpStatus, body, priced)
	if err != nil {
		return err
	}
	summary := status.Data.OrderSummary
	fmt.Println("status", summary.StatusID, "final", summary.StatusID.IsFinal(), "charged", *summary.TotalChargedAmount, "paid", *status.Paid)

	req, err = tp.PrepareVerify(payseal.TransactPayVerifyRequest{Reference: "ORD-1001"}, payseal.BaseURLTest)
	if err != nil {
		return err
	}
	httpStatus, body = send(req)
	verified, err := tp.ParseVerify(httpStatus, body, priced)
	var tpErr *payseal.TransactPayGatewayError
	if errors.As(err, &tpErr) {
		fmt.Println("TransactPay refused:", *tpErr.StatusCode, *tpErr.Message)
		return nil
	} else if err != nil {
		return err
	}
	fmt.Println("verified", verified.Data.StatusID, "paid", *verified.Paid) // ship only when true
	return nil
}

// ---------------------------------------------------------------- the test doubles

// keepzDouble answers the integrator's requests as Keepz would, opening each with Keepz's key.
type keepzDouble struct {
	double *payseal.Keepz
	seen   []string // what each request carried, as the double opened it
}

func (d *keepzDouble) send(req *payseal.PreparedRequest) (int, []byte) {
	if !strings.HasPrefix(req.URL, "https://gateway.dev.keepz.me/ecommerce-service/") {
		log.Fatalf("not the test host: %s", req.URL)
	}
	var plain []byte
	var err error
	if req.Placement == "query" {
		plain, err = d.double.OpenQuery(*req.Query)
	} else {
		plain, err = d.double.Open(0, []byte(*req.Body))
	}
	if err != nil {
		log.Fatalf("the double cannot open %s: %v", req.Path, err)
	}
	d.seen = append(d.seen, req.Method+" "+req.Path+" "+string(plain))
	var in struct {
		IntegratorOrderID string `json:"integratorOrderId"`
	}
	_ = json.Unmarshal(plain, &in)
	answer := map[string]string{
		"/api/integrator/order":            `{"integratorOrderId":"` + in.IntegratorOrderID + `","urlForQR":"https://pay.keepz.me/q/abc"}`,
		"/api/integrator/order/status":     `{"integratorOrderId":"` + in.IntegratorOrderID + `","status":"SUCCESS"}`,
		"/api/v1/integrator/card/order-id": `{"token":"5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f","provider":"CREDO","cardMask":"411111******1111","expirationDate":"12/30","cardBrand":"VISA"}`,
		"/api/integrator/order/refund/v2":  `{"status":"REFUND_REQUESTED"}`,
	}[req.Path]
	if answer == "" {
		return 404, []byte(`{"message":"Integrator order not found","statusCode":6005,"exceptionGroup":5}`)
	}
	sealed, err := d.double.Seal([]byte(answer))
	if err != nil {
		log.Fatal(err)
	}
	return 200, sealed
}

// transactPayDouble answers as TransactPay would: sealed requests opened with its private key.
type transactPayDouble struct {
	tp   *payseal.TransactPay
	seen []string
}

func (d *transactPayDouble) send(req *payseal.PreparedRequest) (int, []byte) {
	plain := []byte(*req.Body)
	if req.Encrypted {
		var err error
		if plain, err = d.tp.Open(plain); err != nil {
			log.Fatalf("the double cannot open %s: %v", req.Path, err)
		}
	}
	d.seen = append(d.seen, req.Method+" "+req.Path+" "+req.APIKey.Key+" "+string(plain))
	switch req.Path {
	case "/payment/order/create":
		return 200, []byte(`{"statusCode":"01","status":"success","message":"Order created","data":{"order":{"reference":"ORD-1001","amount":1000.00,"fee":15,"statusId":1,"status":"Initiated","currency":"NGN"}}}`)
	case "/payment/order/status":
		return 200, []byte(`{"status_code":"00","status":true,"data":{"isFinalStatus":true,"orderSummary":{"orderReference":"ORD-1001","totalChargedAmount":1015.0000,"fee":15,"statusId":5,"status":"Successful","currencyId":"NGN"}}}`)
	case "/payment/order/verify":
		return 200, []byte(`{"status":"Successful","statusCode":"00","data":{"orderReference":"ORD-1001","statusId":5,"totalAmountCharged":"1015.00","fee":"15","currencyName":"NGN"}}`)
	}
	return 400, []byte(`{"statusCode":"09","status":"failed","message":"Order not found"}`)
}

// ---------------------------------------------------------------- the examples

// throwawayKeepzKeys are fresh 2048-bit pairs: Keepz's (its public key as Keepz hands it out,
// bare Base64 DER) and the integrator's.
func throwawayKeepzKeys() (keepzPriv, keepzPub, ourPriv, ourPub []byte) {
	keepzPriv, keepzPub, err := payseal.GenerateKeys(2048, payseal.BackendDefault, payseal.KeyFormatPEM, payseal.KeyFormatBase64DER)
	if err == nil {
		ourPriv, ourPub, err = payseal.GenerateKeys(2048, payseal.BackendDefault, payseal.KeyFormatPEM, payseal.KeyFormatPEM)
	}
	if err != nil {
		log.Fatal(err)
	}
	return keepzPriv, keepzPub, ourPriv, ourPub
}

func Example_readmeKeepzFlow() {
	keepzPriv, keepzPub, ourPriv, ourPub := throwawayKeepzKeys()
	const integratorID = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e"
	keepz, err := payseal.NewKeepz(keepzPub, ourPriv, integratorID, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer keepz.Close()
	double, err := payseal.NewKeepz(ourPub, keepzPriv, "", nil)
	if err != nil {
		log.Fatal(err)
	}
	defer double.Close()
	d := &keepzDouble{double: double}

	// A plain-JSON callback, as Keepz sends too, about an order status payseal does not know.
	callback := []byte(`{"integratorId":"` + integratorID + `","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","status":"ON_HOLD","amount":12.50}`)
	if err := keepzFlow(keepz, integratorID, d.send, callback); err != nil {
		log.Fatal(err)
	}
	// What the double opened: the amounts went out exact.
	uuid := regexp.MustCompile(`"integratorOrderId":"[0-9a-f-]{36}"`)
	for _, s := range d.seen {
		fmt.Println(uuid.ReplaceAllString(s, `"integratorOrderId":"…"`))
	}
	// Output:
	// pay at https://pay.keepz.me/q/abc
	// status SUCCESS final true paid true
	// card 411111******1111 token true
	// refund REFUND_REQUESTED
	// callback says ON_HOLD amount 12.5 - Keepz says SUCCESS
	// POST /api/integrator/order {"amount":12.5,"receiverId":"7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c","receiverType":"BRANCH","integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"…","currency":"GEL","saveCard":true}
	// GET /api/integrator/order/status {"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"…"}
	// GET /api/v1/integrator/card/order-id {"integratorOrderId":"…"}
	// POST /api/integrator/order/refund/v2 {"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"…","amount":5,"refundInitiator":"INTEGRATOR"}
	// GET /api/integrator/order/status {"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"…"}
}

func Example_readmeTransactPayFlow() {
	priv, pub, err := payseal.GenerateKeys(4096, payseal.BackendDefault, payseal.KeyFormatPEM, payseal.KeyFormatTransactPayBlob)
	if err != nil {
		log.Fatal(err)
	}
	tp, err := payseal.NewTransactPay(pub, nil, payseal.BackendDefault)
	if err != nil {
		log.Fatal(err)
	}
	defer tp.Close()
	double, err := payseal.NewTransactPay(pub, priv, payseal.BackendDefault)
	if err != nil {
		log.Fatal(err)
	}
	defer double.Close()
	d := &transactPayDouble{tp: double}
	if err := transactPayFlow(tp, d.send); err != nil {
		log.Fatal(err)
	}
	for _, s := range d.seen {
		fmt.Println(s)
	}
	// Output:
	// 01 ORD-1001 fee 15 key public
	// status 5 final true charged 1015 paid true
	// verified 5 paid true
	// POST /payment/order/create public {"customer":{"firstname":"Ada","lastname":"Obi","mobile":"+2348012345678","country":"NG","email":"ada@example.com"},"order":{"amount":1000,"reference":"ORD-1001","description":"Books","currency":"NGN"},"payment":{"RedirectUrl":"https://merchant.example/return"}}
	// POST /payment/order/status public {"reference":"ORD-1001"}
	// POST /payment/order/verify secret {"reference":"ORD-1001"}
}

// TestReadmeShowsTheTestedFlows: every Go block of README.md that follows the marker
// "<!-- tested: readme_test.go -->" appears in this file as it is, so the README shows code
// that the examples above run.
func TestReadmeShowsTheTestedFlows(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.ReadFile("readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)<!-- tested: readme_test.go -->\n```go\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) != 2 {
		t.Fatalf("%d tested Go blocks in README.md, want 2 (the Keepz and TransactPay flows)", len(blocks))
	}
	for _, b := range blocks {
		if !bytes.Contains(self, b[1]) {
			t.Errorf("README.md shows code that readme_test.go does not run:\n%s", b[1])
		}
	}
}
