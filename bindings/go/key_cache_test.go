package payseal

import (
	"bytes"
	"testing"
)

func mustStats(t *testing.T) KeyCacheStats {
	t.Helper()
	s, err := GetKeyCacheStats()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A second handle from the same key bytes finds both keys parsed; ClearKeyCache empties it.
func TestKeyCacheSecondHandleFindsItsKeys(t *testing.T) {
	key := keys(t)["rsa4096"]
	if err := ClearKeyCache(); err != nil {
		t.Fatal(err)
	}
	before := mustStats(t)
	if before.Capacity != 32 || before.Entries != 0 {
		t.Fatalf("a cleared default cache: %+v", before)
	}
	first := mustKeepz(t, []byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, nil)
	parsed := mustStats(t)
	if parsed.Misses-before.Misses != 2 || parsed.Hits != before.Hits {
		t.Fatalf("first handle: %+v then %+v", before, parsed)
	}
	second := mustKeepz(t, []byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, nil)
	found := mustStats(t)
	if found.Hits-parsed.Hits != 2 || found.Misses != parsed.Misses || found.Entries != 2 {
		t.Fatalf("second handle: %+v then %+v", parsed, found)
	}
	payload := []byte(`{"a":1}`)
	body, err := first.Seal(payload)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := second.Open(200, body); err != nil || !bytes.Equal(got, payload) {
		t.Fatalf("round trip: %q %v", got, err)
	}
	if err := ClearKeyCache(); err != nil {
		t.Fatal(err)
	}
	if s := mustStats(t); s.Entries != 0 {
		t.Fatalf("after ClearKeyCache: %+v", s)
	}
}

// Capacity 0 turns the cache off; out-of-range capacities are refused.
func TestKeyCacheCapacityZeroTurnsItOff(t *testing.T) {
	key := keys(t)["rsa4096"]
	defer func() {
		if err := SetKeyCacheCapacity(32); err != nil {
			t.Fatal(err)
		}
	}()
	if err := SetKeyCacheCapacity(0); err != nil {
		t.Fatal(err)
	}
	before := mustStats(t)
	if before.Capacity != 0 || before.Entries != 0 {
		t.Fatalf("off: %+v", before)
	}
	one := mustKeepz(t, []byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, nil)
	two := mustKeepz(t, []byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, nil)
	body, err := one.Seal([]byte(`{"b":2}`))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := two.Open(200, body); err != nil || string(got) != `{"b":2}` {
		t.Fatalf("round trip: %q %v", got, err)
	}
	if after := mustStats(t); after.Hits != before.Hits || after.Misses != before.Misses || after.Entries != 0 {
		t.Fatalf("off, yet counted or kept: %+v then %+v", before, after)
	}
	wantStatus(t, "capacity over the maximum", SetKeyCacheCapacity(MaxKeyCacheCapacity+1), StatusInvalidArgument)
	wantStatus(t, "negative capacity", SetKeyCacheCapacity(-1), StatusInvalidArgument)
}
