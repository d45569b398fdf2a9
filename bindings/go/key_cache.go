package payseal

import (
	"encoding/json"
	"fmt"
)

// The process-wide cache of parsed keys inside libpayseal. NewKeepz and NewTransactPay given key
// bytes seen before reuse the key parsed then (parsing a 4096-bit private key costs far more than
// a seal). A Go server keeps its handles and rarely needs it; it is there for hosts that cannot.
// On by default (32 entries, least recently used evicted first); entries are found by a keyed
// digest of the key bytes and options, never by a copy of them, and a dropped key is wiped once
// no handle uses it.

// MaxKeyCacheCapacity is the most entries SetKeyCacheCapacity accepts.
const MaxKeyCacheCapacity = 1024

// KeyCacheStats is what GetKeyCacheStats reports: counters since the process started, and the
// cache's size.
type KeyCacheStats struct {
	Hits      uint64 `json:"hits"`      // constructors that found their key parsed
	Misses    uint64 `json:"misses"`    // constructors that had to parse a key
	Evictions uint64 `json:"evictions"` // entries dropped to make room for others
	Entries   int    `json:"entries"`   // keys held now
	Capacity  int    `json:"capacity"`  // the most keys held; 0 when the cache is off
}

// SetKeyCacheCapacity sets the most keys kept; 0 turns the cache off and drops every entry.
// Entries over the new capacity are evicted, least recently used first. Negative or over
// MaxKeyCacheCapacity is StatusInvalidArgument.
func SetKeyCacheCapacity(capacity int) error {
	if err := checkABI(); err != nil {
		return err
	}
	if capacity < 0 {
		return &Error{Status: StatusInvalidArgument, Message: fmt.Sprintf("key cache capacity %d is negative", capacity)}
	}
	return keyCacheSetCapacity(uint(capacity))
}

// ClearKeyCache drops every cached key (the cache stays on). A key still used by a live handle
// is wiped when that handle is closed; the others now.
func ClearKeyCache() error {
	if err := checkABI(); err != nil {
		return err
	}
	keyCacheClear()
	return nil
}

// GetKeyCacheStats reads the cache's counters and size.
func GetKeyCacheStats() (KeyCacheStats, error) {
	var stats KeyCacheStats
	if err := checkABI(); err != nil {
		return stats, err
	}
	raw, err := keyCacheStats()
	if err != nil {
		return stats, err
	}
	if err := json.Unmarshal(raw, &stats); err != nil {
		return stats, &Error{Status: StatusUnexpectedResponse, Message: "payseal_key_cache_stats returned unreadable JSON: " + err.Error()}
	}
	return stats, nil
}
