package payseal

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// The typed API's own edges: the zero BaseURL is the test host, a custom host is used as given,
// a closed handle refuses, new order ids are fresh UUID v4s, the description comes out, and an
// unknown order status keeps its value with every fact false (the constants' facts agree with
// payseal's).
func TestTypedAPIEdges(t *testing.T) {
	v, e := loadTypedVectors(t)
	req := KeepzOrderStatusRequest{IntegratorID: v.IntegratorID, IntegratorOrderID: "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"}

	p, err := e.keepz.PrepareOrderStatus(req, BaseURL{})
	if err != nil || !strings.HasPrefix(p.URL, "https://gateway.dev.keepz.me/") {
		t.Fatalf("zero BaseURL: %v %v", p, err)
	}
	p, err = e.keepz.PrepareOrderStatus(req, CustomBaseURL("http://127.0.0.1:8080/keepz"))
	if err != nil || !strings.HasPrefix(p.URL, "http://127.0.0.1:8080/keepz/api/integrator/order/status?") {
		t.Fatalf("custom BaseURL: %v %v", p, err)
	}
	if _, err := e.keepz.PrepareOrderStatus(req, CustomBaseURL("")); !errors.Is(err, StatusInvalidArgument) {
		t.Fatalf("empty custom URL: %v", err)
	}

	uuid4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	a, errA := NewOrderID()
	b, errB := NewOrderID()
	if errA != nil || errB != nil || !uuid4.MatchString(a) || !uuid4.MatchString(b) || a == b {
		t.Fatalf("order ids %q %q: %v %v", a, b, errA, errB)
	}
	if d, err := Describe(); err != nil || !strings.Contains(string(d), `"operations"`) {
		t.Fatalf("describe: %v", err)
	}

	sealed, err := e.double.Seal([]byte(`{"status":"ON_HOLD"}`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.keepz.ParseOrderStatus(200, sealed)
	if err != nil || r.Status.Value != "ON_HOLD" || r.Status.Known() || r.Status.IsFinal() || r.Status.IsPaid() {
		t.Fatalf("unknown status: %+v %v", r, err)
	}
	for _, s := range []KeepzOrderStatus{KeepzOrderStatusSuccess, KeepzOrderStatusProcessing, KeepzOrderStatusCanceled, "ON_HOLD"} {
		sealed, _ := e.double.Seal([]byte(`{"status":"` + string(s) + `"}`))
		r, err := e.keepz.ParseOrderStatus(200, sealed)
		if err != nil || r.Status.Value != s || r.Status.Known() != s.Known() || r.Status.IsFinal() != s.IsFinal() || r.Status.IsPaid() != s.IsPaid() {
			t.Fatalf("%s: payseal says %+v, the constant known %v final %v paid %v (%v)", s, r.Status, s.Known(), s.IsFinal(), s.IsPaid(), err)
		}
	}

	closed := mustKeepz(t, []byte(keys(t)[v.Keys["keepz"]].PublicPEM), nil, v.IntegratorID, nil)
	closed.Close()
	if _, err := closed.PrepareOrderStatus(req, BaseURLTest); !errors.Is(err, StatusNullArgument) {
		t.Fatalf("closed handle: %v", err)
	}
	if _, err := closed.Callback([]byte(`{}`), BaseURLTest); !errors.Is(err, StatusNullArgument) {
		t.Fatalf("closed handle: %v", err)
	}
}

// 8 goroutines × 50 typed rounds (prepare, the double opens and answers, parse) on one handle,
// under the race detector.
func TestTypedOperationsConcurrently(t *testing.T) {
	v, e := loadTypedVectors(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				id, err := NewOrderID()
				if err != nil {
					errs <- err
					return
				}
				p, err := e.keepz.PrepareRefund(KeepzRefundRequest{IntegratorID: v.IntegratorID, IntegratorOrderID: id, Amount: "0.01"}, BaseURLTest)
				if err != nil {
					errs <- err
					return
				}
				plain, err := e.double.Open(0, []byte(*p.Body))
				if err != nil || !strings.Contains(string(plain), id) || !strings.Contains(string(plain), `"amount":0.01`) {
					errs <- fmt.Errorf("opened %s: %v", plain, err)
					return
				}
				sealed, _ := e.double.Seal([]byte(`{"status":"REFUND_REQUESTED"}`))
				r, err := e.keepz.ParseRefund(200, sealed)
				if err != nil || r.Status.Value != KeepzOrderStatusRefundRequested {
					errs <- fmt.Errorf("refund %+v: %v", r, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
