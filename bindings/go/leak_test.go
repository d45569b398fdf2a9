package payseal

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// No leak over 10,000 seal/open pairs. Memory is measured after a warm-up and at the end, twice:
//
//   - VmRSS from /proc/self/status: the whole process, so C allocations by libpayseal count.
//     Threshold: 24 MiB of growth. Every round seals a 16 KiB payload (a ~22 KiB body) and opens
//     it, and also fails once with a message and once with a gateway error (two error buffers,
//     one gateway JSON buffer). Were the binding to miss one payseal_buffer_free per round, the
//     sealed bodies alone would leak 10,000 × 22 KiB ≈ 215 MiB; the threshold leaves room for
//     the allocators' and the race detector's own growth (a few MiB measured).
//   - runtime.MemStats.HeapAlloc after a GC: the Go heap. Threshold: 8 MiB (a kept reference to
//     each result would hold well over 200 MiB).
//
// Skipped with -short. PAYSEAL_LEAK_ROUNDS overrides the number of rounds.

const (
	leakRSSThreshold  = 24 << 20
	leakHeapThreshold = 8 << 20
)

func vmRSS(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) >= 2 && fields[0] == "VmRSS:" {
			kib, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kib << 10
		}
	}
	t.Fatal("no VmRSS line")
	return 0
}

func heapAlloc() int64 {
	runtime.GC()
	debug.FreeOSMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

func TestNoLeakOver10000SealOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("leak check skipped with -short")
	}
	rounds := 10_000
	if s := os.Getenv("PAYSEAL_LEAK_ROUNDS"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	key := keys(t)["rsa2048"]
	k := mustKeepz(t, []byte(key.PublicPEM), []byte(key.PrivatePEM), identifier, nil)
	tp := mustTransactPay(t, []byte(key.TransactPayBlob), []byte(key.PrivatePEM))
	payload := []byte(`{"blob":"` + strings.Repeat("z", 16<<10) + `"}`)
	gatewayBody := []byte(`{"message":"Integrator order not found","statusCode":6005,"exceptionGroup":5}`)
	tpPayload := []byte(`{"reference":"ORD-1"}`)

	round := func(i int) {
		body, err := k.Seal(payload)
		if err != nil {
			t.Fatal(err)
		}
		got, err := k.Open(200, body)
		if err != nil || len(got) != len(payload) {
			t.Fatalf("round %d: %d bytes, %v", i, len(got), err)
		}
		if _, err := k.Open(200, []byte(`{"hello":"world"}`)); !errorsIs(err, StatusNotEnvelope) {
			t.Fatal(err)
		}
		if _, err := k.Open(404, gatewayBody); !IsGatewayError(err) {
			t.Fatal(err)
		}
		if i%10 == 0 { // TransactPay too, at a tenth of the rate
			sealed, err := tp.Seal(tpPayload)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tp.Open(sealed); err != nil {
				t.Fatal(err)
			}
		}
	}

	for i := 0; i < 500; i++ { // warm-up: allocator pools, race-detector shadow memory
		round(i)
	}
	heap0, rss0 := heapAlloc(), vmRSS(t)
	for i := 0; i < rounds; i++ {
		round(i)
	}
	heap1, rss1 := heapAlloc(), vmRSS(t)

	mib := func(b int64) string { return fmt.Sprintf("%.2f MiB", float64(b)/(1<<20)) }
	t.Logf("%d rounds: VmRSS %s -> %s (%+.2f MiB, threshold %s); Go heap %s -> %s (%+.2f MiB, threshold %s)",
		rounds, mib(rss0), mib(rss1), float64(rss1-rss0)/(1<<20), mib(leakRSSThreshold),
		mib(heap0), mib(heap1), float64(heap1-heap0)/(1<<20), mib(leakHeapThreshold))
	if rss1-rss0 > leakRSSThreshold {
		t.Errorf("VmRSS grew by %s", mib(rss1-rss0))
	}
	if heap1-heap0 > leakHeapThreshold {
		t.Errorf("Go heap grew by %s", mib(heap1-heap0))
	}
}
