package payseal

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// One handle of each kind shared by many goroutines (run under -race by test.sh).

func TestConcurrentKeepz(t *testing.T) {
	const goroutines, rounds = 16, 200
	key := keys(t)["rsa2048"]
	k := mustKeepz(t, []byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, nil)
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				payload := []byte(fmt.Sprintf(`{"goroutine":%d,"round":%d}`, g, i))
				body, err := k.Seal(payload)
				if err != nil {
					errs <- err
					return
				}
				got, err := k.Open(200, body)
				if err != nil || !bytes.Equal(got, payload) {
					errs <- fmt.Errorf("goroutine %d round %d: %q %v", g, i, got, err)
					return
				}
				// An error from one goroutine's call is that call's, never another's.
				if _, err := k.Open(200, []byte(`{"hello":"world"}`)); !errorsIs(err, StatusNotEnvelope) {
					errs <- fmt.Errorf("goroutine %d: %v", g, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func TestConcurrentTransactPay(t *testing.T) {
	const goroutines, rounds = 16, 50
	key := keys(t)["rsa2048"]
	tp := mustTransactPay(t, []byte(key.TransactPayBlob), []byte(key.PrivatePEM))
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				payload := []byte(fmt.Sprintf(`{"reference":"ORD-%d-%d"}`, g, i))
				body, err := tp.Seal(payload)
				if err == nil {
					var got []byte
					got, err = tp.Open(body)
					if err == nil && !bytes.Equal(got, payload) {
						err = fmt.Errorf("%q != %q", got, payload)
					}
				}
				if err != nil {
					errs <- err
					return
				}
				if _, err := ParseTransactPayResponse(200, []byte(`{"statusCode":"00","status":"success"}`)); err != nil {
					errs <- err
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// Close while other goroutines are using the handle: calls in flight finish, later calls fail
// with StatusNullArgument, and nothing touches freed memory.
func TestCloseDuringUse(t *testing.T) {
	const goroutines = 8
	key := keys(t)["rsa2048"]
	k, err := NewKeepz([]byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ok atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1_000_000; i++ {
				body, err := k.Seal([]byte(`{"a":1}`))
				if err == nil {
					_, err = k.Open(200, body)
				}
				switch {
				case err == nil:
					ok.Add(1)
				case errorsIs(err, StatusNullArgument):
					errs <- nil // saw the handle closed: done
					return
				default:
					errs <- err
					return
				}
			}
			errs <- fmt.Errorf("never saw the handle closed")
		}()
	}
	for ok.Load() < 100 {
		time.Sleep(time.Millisecond)
	}
	k.Close()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// A handle never closed is released by its finalizer.
func TestFinalizerReleasesForgottenHandles(t *testing.T) {
	key := keys(t)["rsa2048"]
	runtime.GC()
	before := liveHandles.Load()
	func() {
		for i := 0; i < 20; i++ {
			if _, err := NewKeepz([]byte(key.PublicPEM), nil, identifier, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := NewTransactPay([]byte(key.TransactPayBlob), nil, BackendDefault); err != nil {
				t.Fatal(err)
			}
		}
	}()
	if liveHandles.Load() < before+40 {
		t.Fatalf("live handles %d, before %d", liveHandles.Load(), before)
	}
	deadline := time.Now().Add(10 * time.Second)
	for liveHandles.Load() > before && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := liveHandles.Load(); got > before {
		t.Fatalf("%d handles still live after GC (before: %d)", got, before)
	}
}
