package payseal_test

// The TransactPay flow against payseal-sandbox over real HTTP, as a merchant's Go code runs it:
// the binding's typed API prepares (seals) and parses, net/http sends with the dashboard key the
// request names, a net/http/httptest server receives the webhooks. Skipped unless
// PAYSEAL_SANDBOX_READY names a running sandbox (sandbox/tests/go.sh).

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"payseal.dev/payseal"
)

// TestSandboxTransactPayFlow: create order (01, the 1.5 % fee) → pay by card (02, the 3-D
// Secure page) → the pending webhook → order status (pending, not paid) → pay on the 3-D Secure
// page → the successful webhook, read with Webhook → order status and verify (its re-check,
// secret key) with the expected amount and currency: paid, and not paid for a cent more → verify
// with the public key: refused (03, HTTP 401) as TransactPay's typed error.
func TestSandboxTransactPayFlow(t *testing.T) {
	s := sandboxFromEnv(t)
	webhooks := startReceiver(t)
	// The dashboard's webhook URL; the sandbox posts only to loopback.
	s.control(t, "PUT", "/transactpay/webhook", `{"url":"`+webhooks.url+`/transactpay/webhook"}`)
	tp, err := payseal.NewTransactPay(s.keyFile(t, "transactpayEncryptionKey"), nil, payseal.BackendDefault)
	if err != nil {
		t.Fatal(err)
	}
	defer tp.Close()
	base := payseal.CustomBaseURL(s.TransactPay.BaseURL) // instead of payseal.BaseURLTest

	// A reference of our own per run, so the test may run again against the same sandbox.
	unique := newOrderID(t)
	reference := "GO-" + unique[:6]
	priced := &payseal.Expectation{Amount: "1500.25", Currency: "NGN"}

	// Short: with the sandbox's 2048-bit test keys one RSA block carries at most 245 bytes.
	req, err := tp.PrepareCreateOrder(payseal.TransactPayCreateOrderRequest{
		Customer: payseal.TransactPayCustomer{
			Firstname: "Ada", Lastname: "Obi", Mobile: "+2348012345678", Country: "NG", Email: "ada@x.ng",
		},
		Order: payseal.TransactPayOrderDetails{
			Amount: priced.Amount, Reference: reference, Description: "B", Currency: priced.Currency,
		},
		Payment: payseal.TransactPayPaymentDetails{RedirectURL: "http://127.0.0.1:9/r"},
	}, base)
	if err != nil {
		t.Fatal(err)
	}
	if req.URL != s.TransactPay.BaseURL+"/payment/order/create" || !req.Encrypted || req.APIKey == nil || req.APIKey.Key != "public" {
		t.Fatalf("create order: %s %s encrypted %v key %s", req.Method, req.URL, req.Encrypted, show(req.APIKey))
	}
	created, err := tp.ParseCreateOrder(s.send(t, req))
	if err != nil {
		t.Fatalf("create order: %v", err)
	}
	if created.StatusCode == nil || *created.StatusCode != "01" || created.Data == nil || created.Data.Order == nil {
		t.Fatalf("create order answered %s", show(created))
	}
	order := created.Data.Order
	// 1.5 % of 1500.25 is 22.50375: the sandbox's fee, 22.50.
	if order.Reference == nil || *order.Reference != reference || !sameAmount(order.Amount, "1500.25") ||
		!sameAmount(order.Fee, "22.50") || order.StatusID == nil || order.StatusID.Value != payseal.TransactPayStatusIDInitiated {
		t.Fatalf("created order %s", show(order))
	}

	// Pay by card: 02, pending 3-D Secure, and the page to send the payer to.
	req, err = tp.PreparePay(payseal.TransactPayPayWithCardRequest{
		Reference: reference, Country: "NG",
		Card: payseal.TransactPayCardDetails{Cardnumber: "4111111111111111", Expirymonth: "12", Expiryyear: "30", Cvv: "123"},
	}, base)
	if err != nil {
		t.Fatal(err)
	}
	paying, err := tp.ParsePay(s.send(t, req))
	if err != nil {
		t.Fatalf("pay: %v", err)
	}
	if paying.StatusCode == nil || *paying.StatusCode != "02" || paying.Data == nil || paying.Data.PaymentDetail == nil ||
		paying.Data.PaymentDetail.RedirectURL == nil || paying.Data.OrderPayment == nil ||
		paying.Data.OrderPayment.OrderPaymentInstrument == nil || *paying.Data.OrderPayment.OrderPaymentInstrument != "411111******1111" {
		t.Fatalf("pay answered %s", show(paying))
	}
	page := *paying.Data.PaymentDetail.RedirectURL
	if !strings.HasPrefix(page, s.URL+"/checkout/transactpay/") {
		t.Fatalf("the 3-D Secure page is %s", page)
	}
	transactPayWebhook(t, tp, webhooks, base, reference, payseal.TransactPayStatusIDPending)

	// Before the payer pays: pending, and not paid.
	status := func() *payseal.TransactPayAnswer[payseal.TransactPayOrderStatusData] {
		t.Helper()
		req, err := tp.PrepareOrderStatus(payseal.TransactPayOrderStatusRequest{Reference: reference}, base)
		if err != nil {
			t.Fatal(err)
		}
		httpStatus, body := s.send(t, req)
		answer, err := tp.ParseOrderStatus(httpStatus, body, priced)
		if err != nil {
			t.Fatalf("order status: %v", err)
		}
		if answer.Data == nil || answer.Data.OrderSummary == nil || answer.Data.OrderSummary.StatusID == nil || answer.Paid == nil {
			t.Fatalf("order status answered %s", show(answer))
		}
		return answer
	}
	if st := status(); st.Data.OrderSummary.StatusID.Value != payseal.TransactPayStatusIDPending || *st.Paid {
		t.Fatalf("before paying: status %v paid %v", st.Data.OrderSummary.StatusID, *st.Paid)
	}

	// The payer passes 3-D Secure: the page's form, as a browser submits it.
	code, _, html := s.get(t, page)
	if code != 200 || !bytes.Contains(html, []byte(`id="pay"`)) {
		t.Fatalf("3-D Secure page (HTTP %d):\n%s", code, html)
	}
	code, header, _ := s.postForm(t, page, url.Values{"action": {"pay"}})
	if code != 303 || !strings.HasSuffix(page, header.Get("Location")) {
		t.Fatalf("paying: HTTP %d to %q", code, header.Get("Location"))
	}

	// The webhook claims success; only its re-check, verify with the secret key, says so.
	hint := transactPayWebhook(t, tp, webhooks, base, reference, payseal.TransactPayStatusIDSuccessful)
	verify := &hint.Recheck
	if verify.Operation != "verify" || verify.Encrypted || verify.APIKey == nil || verify.APIKey.Key != "secret" ||
		verify.URL != s.TransactPay.BaseURL+"/payment/order/verify" {
		t.Fatalf("the webhook's re-check: %s", show(verify))
	}

	st := status()
	summary := st.Data.OrderSummary
	if summary.StatusID.Value != payseal.TransactPayStatusIDSuccessful || !summary.StatusID.IsFinal() || !*st.Paid ||
		!sameAmount(summary.TotalChargedAmount, "1522.75") {
		t.Fatalf("after paying: status %v paid %v charged %s", summary.StatusID, *st.Paid, show(summary.TotalChargedAmount))
	}

	httpStatus, body := s.send(t, verify)
	verified, err := tp.ParseVerify(httpStatus, body, priced)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if verified.StatusCode == nil || *verified.StatusCode != "00" || verified.Data == nil || verified.Data.StatusID == nil ||
		verified.Data.StatusID.Value != payseal.TransactPayStatusIDSuccessful || verified.Paid == nil || !*verified.Paid ||
		!sameAmount(verified.Data.TotalAmountCharged, "1522.75") {
		t.Fatalf("verify answered %s", show(verified))
	}
	// The same answer for an order priced a cent higher, or in another currency: not paid.
	for _, other := range []payseal.Expectation{{Amount: "1500.26", Currency: "NGN"}, {Amount: "1500.25", Currency: "USD"}} {
		other := other
		answer, err := tp.ParseVerify(httpStatus, body, &other)
		if err != nil || answer.Paid == nil || *answer.Paid {
			t.Fatalf("verify expecting %+v: %s (%v)", other, show(answer), err)
		}
	}

	// Verify with the public key: TransactPay refuses it (03, HTTP 401), a typed error.
	httpStatus, body = s.sendWithKey(t, verify, s.TransactPay.PublicKey)
	_, err = tp.ParseVerify(httpStatus, body, priced)
	var te *payseal.TransactPayGatewayError
	if !errors.As(err, &te) || !errors.Is(err, payseal.StatusGatewayError) {
		t.Fatalf("verify with the public key: %v", err)
	}
	if te.StatusCode == nil || *te.StatusCode != "03" || te.HTTPStatus == nil || *te.HTTPStatus != 401 {
		t.Fatalf("verify with the public key: %s", show(te))
	}
}

// transactPayWebhook reads the next webhook posted to webhooks with the binding's Webhook and
// checks that it is about reference, with statusId want.
func transactPayWebhook(t *testing.T, tp *payseal.TransactPay, webhooks *receiver, base payseal.BaseURL, reference string, want payseal.TransactPayStatusID) *payseal.TransactPayWebhookHint {
	t.Helper()
	hint, err := tp.Webhook(webhooks.next(t, fmt.Sprint("webhook with statusId ", int64(want))), base)
	if err != nil {
		t.Fatalf("webhook: %v", err)
	}
	data := hint.Data
	if !hint.Unverified || data.OrderReference == nil || *data.OrderReference != reference || data.StatusID == nil || data.StatusID.Value != want {
		t.Fatalf("webhook %s, want statusId %d about %s", show(data), want, reference)
	}
	return hint
}
