package payseal_test

// What the sandbox flow tests (sandbox_keepz_test.go, sandbox_transactpay_test.go) share: the
// running payseal-sandbox they talk to, found through PAYSEAL_SANDBOX_READY (the path of the
// ready file `payseal-sandbox --ready-file` writes; sandbox/tests/go.sh starts a sandbox and sets
// it), Go's own net/http client that sends the binding's prepared requests as a merchant's code
// would, and a loopback server (net/http/httptest) for the callbacks and webhooks the sandbox
// posts. Without the variable the flow tests skip, so test.sh still runs anywhere. Everything
// stays on loopback and every wait is bounded: each HTTP call by the client's timeout, each
// callback by deliveryTimeout.

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"payseal.dev/payseal"
)

const (
	// httpTimeout bounds every HTTP call the flows make (connection, request and whole answer).
	httpTimeout = 10 * time.Second
	// deliveryTimeout bounds the wait for one callback or webhook; the sandbox posts it at once
	// and retries after 500 ms, so seconds are plenty.
	deliveryTimeout = 15 * time.Second
)

// sandboxReady is what the flows read from the sandbox's ready line.
type sandboxReady struct {
	URL   string `json:"url"`
	Keepz struct {
		BaseURL      string `json:"baseUrl"`
		IntegratorID string `json:"integratorId"`
	} `json:"keepz"`
	TransactPay struct {
		BaseURL   string `json:"baseUrl"`
		PublicKey string `json:"publicKey"`
		SecretKey string `json:"secretKey"`
	} `json:"transactpay"`
	Keys map[string]string `json:"keys"` // key name (keepzPublic, …) → file
}

// sandbox is a running payseal-sandbox and the HTTP client the flows reach it with.
type sandbox struct {
	sandboxReady
	client *http.Client
}

// sandboxFromEnv reads the ready file PAYSEAL_SANDBOX_READY names, or skips the test.
func sandboxFromEnv(t *testing.T) *sandbox {
	t.Helper()
	path := os.Getenv("PAYSEAL_SANDBOX_READY")
	if path == "" {
		t.Skip("PAYSEAL_SANDBOX_READY is unset: no sandbox to run against " +
			"(sandbox/tests/go.sh starts one and sets it to the sandbox's --ready-file)")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("PAYSEAL_SANDBOX_READY: %v", err)
	}
	var ready sandboxReady
	if err := json.Unmarshal(raw, &ready); err != nil {
		t.Fatalf("the ready file %s: %v", path, err)
	}
	for _, u := range []string{ready.URL, ready.Keepz.BaseURL, ready.TransactPay.BaseURL} {
		requireLoopback(t, u)
	}
	return &sandbox{
		sandboxReady: ready,
		client: &http.Client{
			Timeout: httpTimeout,
			// No proxy (loopback only), and redirects are not followed: the checkout page's
			// answer to a form (303) is itself checked.
			Transport: &http.Transport{Proxy: nil},
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse
			},
		},
	}
}

// requireLoopback fails the test for a URL that would leave the machine.
func requireLoopback(t *testing.T, raw string) {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("%q: %v", raw, err)
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
		t.Fatalf("%q is not a loopback address: the flow tests stay on this machine", raw)
	}
}

// keyFile is the content of one of the sandbox's key files, by its name in the ready line.
func (s *sandbox) keyFile(t *testing.T, name string) []byte {
	t.Helper()
	path, ok := s.Keys[name]
	if !ok {
		t.Fatalf("the ready line names no key %q", name)
	}
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return content
}

// send sends a prepared request with the TransactPay dashboard key it names (none for Keepz).
func (s *sandbox) send(t *testing.T, req *payseal.PreparedRequest) (int, []byte) {
	t.Helper()
	key := ""
	if req.APIKey != nil {
		switch req.APIKey.Key {
		case "public":
			key = s.TransactPay.PublicKey
		case "secret":
			key = s.TransactPay.SecretKey
		default:
			t.Fatalf("%s names the dashboard key %q", req.Operation, req.APIKey.Key)
		}
	}
	return s.sendWithKey(t, req, key)
}

// sendWithKey sends a prepared request exactly as payseal placed it — its method and URL (the
// query string already at the end), its headers, its body for the body placement — with key in
// the api-key header it names, and returns the HTTP status and the body as received.
func (s *sandbox) sendWithKey(t *testing.T, req *payseal.PreparedRequest, key string) (int, []byte) {
	t.Helper()
	requireLoopback(t, req.URL)
	var body io.Reader
	if req.Placement == "body" {
		if req.Body == nil {
			t.Fatalf("%s: body placement without a body", req.Operation)
		}
		body = strings.NewReader(*req.Body)
	}
	r, err := http.NewRequest(req.Method, req.URL, body)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range req.Headers {
		r.Header.Set(h.Name, h.Value)
	}
	if req.APIKey != nil {
		r.Header.Set(req.APIKey.Header, key)
	}
	status, _, answer := s.roundTrip(t, r)
	return status, answer
}

// get and postForm are what a browser does on the checkout page: load it, submit its form.
func (s *sandbox) get(t *testing.T, page string) (int, http.Header, []byte) {
	t.Helper()
	r, err := http.NewRequest(http.MethodGet, page, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s.roundTrip(t, r)
}

func (s *sandbox) postForm(t *testing.T, page string, form url.Values) (int, http.Header, []byte) {
	t.Helper()
	r, err := http.NewRequest(http.MethodPost, page, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return s.roundTrip(t, r)
}

// control calls the sandbox's control API (path below /_sandbox) and returns its JSON answer.
func (s *sandbox) control(t *testing.T, method, path, body string) []byte {
	t.Helper()
	r, err := http.NewRequest(method, s.URL+"/_sandbox"+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	status, _, answer := s.roundTrip(t, r)
	if status/100 != 2 {
		t.Fatalf("control %s %s: HTTP %d %s", method, path, status, answer)
	}
	return answer
}

func (s *sandbox) roundTrip(t *testing.T, r *http.Request) (int, http.Header, []byte) {
	t.Helper()
	requireLoopback(t, r.URL.String())
	resp, err := s.client.Do(r)
	if err != nil {
		t.Fatalf("%s %s: %v", r.Method, r.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the answer: %v", r.Method, r.URL.Path, err)
	}
	return resp.StatusCode, resp.Header, body
}

// receiver is the merchant's callback (or webhook) endpoint: a loopback HTTP server that keeps
// each body posted to it, in order, and answers 200 so the sandbox counts it delivered.
type receiver struct {
	url    string
	bodies chan []byte
}

func startReceiver(t *testing.T) *receiver {
	t.Helper()
	r := &receiver{bodies: make(chan []byte, 64)}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, req.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		select {
		case r.bodies <- body:
			w.WriteHeader(http.StatusOK)
		default:
			http.Error(w, "too many bodies", http.StatusServiceUnavailable)
		}
	}))
	t.Cleanup(server.Close)
	r.url = server.URL
	requireLoopback(t, r.url)
	return r
}

// next is the next body posted, waiting at most deliveryTimeout.
func (r *receiver) next(t *testing.T, what string) []byte {
	t.Helper()
	select {
	case body := <-r.bodies:
		return body
	case <-time.After(deliveryTimeout):
		t.Fatalf("no %s within %v", what, deliveryTimeout)
		return nil
	}
}

// newOrderID is a fresh UUID v4 from payseal (a Keepz order id; a unique TransactPay reference).
func newOrderID(t *testing.T) string {
	t.Helper()
	id, err := payseal.NewOrderID()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// sameAmount compares an amount from an answer with a decimal exactly (12.5 is 12.50), as
// rationals: no float on the way.
func sameAmount(got *payseal.Amount, want string) bool {
	if got == nil {
		return false
	}
	g, errGot := got.Rat()
	w, errWant := payseal.Amount(want).Rat()
	return errGot == nil && errWant == nil && g.Cmp(w) == 0
}

// show is a value of the typed API as JSON, for a failure message (Go's %+v prints pointers).
func show(v any) string {
	text, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(text)
}
