package payseal_test

// The Keepz flow against payseal-sandbox over real HTTP, as a merchant's Go code runs it: the
// binding's typed API prepares and parses, net/http sends, a net/http/httptest server receives
// the callbacks. Skipped unless PAYSEAL_SANDBOX_READY names a running sandbox
// (sandbox/tests/go.sh).

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
	"testing"

	"payseal.dev/payseal"
)

// sandboxReceiverID is any branch: the sandbox, like Keepz's test host, takes any UUID.
const sandboxReceiverID = "7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c"

// TestSandboxKeepzFlow: create order (saveCard) → status INITIAL → PROCESSING (control API) →
// pay on the checkout page as a browser's form does → the sealed callbacks at our own server,
// read with Callback and re-checked (SUCCESS, final, paid) → the saved card → a partial refund
// (REFUND_REQUESTED, then PARTIALLY_REFUNDED) → refusals as Keepz's typed errors: a refund a
// cent over what is left (6007) and an unknown order (6005).
func TestSandboxKeepzFlow(t *testing.T) {
	s := sandboxFromEnv(t)
	callbacks := startReceiver(t)
	integratorID := s.Keepz.IntegratorID
	keepz, err := payseal.NewKeepz(s.keyFile(t, "keepzPublic"), s.keyFile(t, "integratorPrivate"), integratorID, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer keepz.Close()
	base := payseal.CustomBaseURL(s.Keepz.BaseURL) // instead of payseal.BaseURLTest

	// Create the order: 12.50 GEL, keep the card, call back to our server.
	orderID := newOrderID(t)
	saveCard := true
	req, err := keepz.PrepareCreateOrder(payseal.KeepzCreateOrderRequest{
		Amount:            payseal.Amount("12.50"),
		ReceiverID:        sandboxReceiverID,
		ReceiverType:      payseal.KeepzReceiverTypeBranch,
		IntegratorID:      integratorID,
		IntegratorOrderID: orderID,
		Currency:          payseal.KeepzCurrencyGel,
		CallbackURI:       callbacks.url + "/keepz/callback",
		SaveCard:          &saveCard,
	}, base)
	if err != nil {
		t.Fatal(err)
	}
	if req.URL != s.Keepz.BaseURL+"/api/integrator/order" || req.Method != "POST" {
		t.Fatalf("create order goes to %s %s", req.Method, req.URL)
	}
	created, err := keepz.ParseCreateOrder(s.send(t, req))
	if err != nil {
		t.Fatalf("create order: %v", err)
	}
	checkout := s.URL + "/checkout/keepz/" + orderID
	if created.URLForQR != checkout || created.IntegratorOrderID == nil || *created.IntegratorOrderID != orderID {
		t.Fatalf("create order answered %s, want urlForQR %s", show(created), checkout)
	}

	status := func(want payseal.KeepzOrderStatus) payseal.KeepzOrderStatusInfo {
		t.Helper()
		req, err := keepz.PrepareOrderStatus(payseal.KeepzOrderStatusRequest{IntegratorID: integratorID, IntegratorOrderID: orderID}, base)
		if err != nil {
			t.Fatal(err)
		}
		answer, err := keepz.ParseOrderStatus(s.send(t, req))
		if err != nil {
			t.Fatalf("order status: %v", err)
		}
		if answer.Status.Value != want || !answer.Status.Known() {
			t.Fatalf("order status %v, want %v", answer.Status, want)
		}
		return answer.Status
	}
	if st := status(payseal.KeepzOrderStatusInitial); st.IsFinal() || st.IsPaid() {
		t.Fatalf("INITIAL final %v paid %v", st.IsFinal(), st.IsPaid())
	}

	// The payer opens the page: the sandbox's control API moves the order on, as Keepz does.
	s.control(t, "POST", "/keepz/orders/"+orderID+"/advance", "")
	if st := status(payseal.KeepzOrderStatusProcessing); st.IsFinal() || st.IsPaid() {
		t.Fatalf("PROCESSING final %v paid %v", st.IsFinal(), st.IsPaid())
	}
	keepzCallback(t, keepz, callbacks, base, orderID, payseal.KeepzOrderStatusProcessing)

	// Pay on the checkout page as a browser submits its form (Pay, "save my card" ticked).
	code, _, page := s.get(t, checkout)
	for _, want := range []string{`id="pay"`, `id="save-card"`, `>PROCESSING<`} {
		if code != 200 || !bytes.Contains(page, []byte(want)) {
			t.Fatalf("checkout page (HTTP %d) lacks %s:\n%s", code, want, page)
		}
	}
	code, header, _ := s.postForm(t, checkout, url.Values{"action": {"pay"}, "saveCard": {"on"}})
	if code != 303 || header.Get("Location") != "/checkout/keepz/"+orderID {
		t.Fatalf("paying: HTTP %d to %q", code, header.Get("Location"))
	}
	if _, _, page = s.get(t, checkout); !bytes.Contains(page, []byte(">SUCCESS<")) {
		t.Fatalf("the page after paying:\n%s", page)
	}

	// The callback (sealed to our key) is a hint: its re-check decides.
	hint := keepzCallback(t, keepz, callbacks, base, orderID, payseal.KeepzOrderStatusSuccess)
	if !sameAmount(hint.Order.Amount, "12.50") {
		t.Fatalf("the callback's amount %s, want 12.50", show(hint.Order.Amount))
	}
	card := hint.Order.CardInfo
	if card == nil || card.Token == nil || *card.Token == "" {
		t.Fatalf("no saved card in the callback: %s", show(hint.Order))
	}
	if !strings.HasPrefix(hint.Recheck.URL, s.Keepz.BaseURL+"/api/integrator/order/status?") {
		t.Fatalf("the re-check goes to %s", hint.Recheck.URL)
	}
	rechecked, err := keepz.ParseOrderStatus(s.send(t, &hint.Recheck))
	if err != nil {
		t.Fatalf("re-check: %v", err)
	}
	if st := rechecked.Status; st.Value != payseal.KeepzOrderStatusSuccess || !st.IsFinal() || !st.IsPaid() {
		t.Fatalf("re-check: %v final %v paid %v", st, st.IsFinal(), st.IsPaid())
	}

	// The card saved with the payment: the callback's token, the test card's mask.
	req, err = keepz.PrepareSavedCard(payseal.KeepzSavedCardRequest{IntegratorOrderID: orderID}, base)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := keepz.ParseSavedCard(s.send(t, req))
	if err != nil {
		t.Fatalf("saved card: %v", err)
	}
	if saved.Token != *card.Token || saved.CardMask == nil || *saved.CardMask != "411111******1111" ||
		saved.ExpirationDate == nil || *saved.ExpirationDate != "12/30" {
		t.Fatalf("saved card %s, callback token %s", show(saved), *card.Token)
	}

	// Refund 2.50 of 12.50: REFUND_REQUESTED, which settles into PARTIALLY_REFUNDED.
	refund := func(amount payseal.Amount) (*payseal.KeepzRefundResponse, error) {
		t.Helper()
		req, err := keepz.PrepareRefund(payseal.KeepzRefundRequest{
			IntegratorID: integratorID, IntegratorOrderID: orderID, Amount: amount,
			RefundInitiator: payseal.KeepzRefundInitiatorIntegrator,
		}, base)
		if err != nil {
			t.Fatal(err)
		}
		return keepz.ParseRefund(s.send(t, req))
	}
	refunded, err := refund("2.50")
	if err != nil {
		t.Fatalf("refund: %v", err)
	}
	if refunded.ErrorMessage != nil || refunded.Status == nil || refunded.Status.Value != payseal.KeepzOrderStatusRefundRequested {
		t.Fatalf("refund answered %s", show(refunded))
	}
	keepzCallback(t, keepz, callbacks, base, orderID, payseal.KeepzOrderStatusRefundRequested)
	keepzCallback(t, keepz, callbacks, base, orderID, payseal.KeepzOrderStatusPartiallyRefunded)
	status(payseal.KeepzOrderStatusPartiallyRefunded)

	// 10.00 is left: a cent more is Keepz's error 6007, typed.
	_, err = refund("10.01")
	expectKeepzError(t, err, 6007, 400)

	// The status of an order Keepz never saw: 6005 "Integrator order not found", HTTP 404.
	unknown := newOrderID(t)
	req, err = keepz.PrepareOrderStatus(payseal.KeepzOrderStatusRequest{IntegratorID: integratorID, IntegratorOrderID: unknown}, base)
	if err != nil {
		t.Fatal(err)
	}
	_, err = keepz.ParseOrderStatus(s.send(t, req))
	ke := expectKeepzError(t, err, 6005, 404)
	if ke.Message != "Integrator order not found" || ke.ExceptionGroup == nil || *ke.ExceptionGroup != 5 {
		t.Fatalf("6005 reads as %s", show(ke))
	}
}

// keepzCallback reads the next callback posted to callbacks with the binding's Callback and
// checks that it is about orderID, in status want, with a re-check for the sandbox.
func keepzCallback(t *testing.T, keepz *payseal.Keepz, callbacks *receiver, base payseal.BaseURL, orderID string, want payseal.KeepzOrderStatus) *payseal.KeepzCallbackHint {
	t.Helper()
	hint, err := keepz.Callback(callbacks.next(t, "callback "+string(want)), base)
	if err != nil {
		t.Fatalf("callback %s: %v", want, err)
	}
	if !hint.Unverified || hint.Type != "order" || hint.Order == nil || hint.Order.IntegratorOrderID != orderID ||
		hint.Order.Status == nil || hint.Order.Status.Value != want || hint.Recheck.Operation != "order_status" {
		t.Fatalf("callback %s, want %s about %s", show(hint), want, orderID)
	}
	return hint
}

// expectKeepzError checks that err is Keepz's own error with this statusCode and HTTP status.
func expectKeepzError(t *testing.T, err error, statusCode int64, httpStatus uint16) *payseal.KeepzGatewayError {
	t.Helper()
	var ke *payseal.KeepzGatewayError
	if !errors.As(err, &ke) || !errors.Is(err, payseal.StatusGatewayError) {
		t.Fatalf("want Keepz error %d, got %v", statusCode, err)
	}
	if ke.StatusCode != statusCode || ke.HTTPStatus == nil || *ke.HTTPStatus != httpStatus {
		t.Fatalf("Keepz error %s, want %d with HTTP %d", show(ke), statusCode, httpStatus)
	}
	return ke
}
