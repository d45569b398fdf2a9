#!/usr/bin/env bash
# The Keepz and TransactPay flows from Go, with Go's own HTTP client: the Go binding's typed API
# prepares and parses, net/http sends, a net/http/httptest server on loopback receives the
# callbacks and webhooks (bindings/go/sandbox_*_test.go), against the sandbox on a free loopback
# port (killed on exit; every HTTP call and every wait bounded in time, the whole run by
# `timeout` and `go test -timeout`).
#   Keepz: create -> status -> PROCESSING -> pay on the checkout page -> callbacks -> re-check ->
#          saved card -> partial refund and its callbacks; errors 6007 and 6005.
#   TransactPay: create -> pay by card -> the 3-D Secure page -> webhooks -> status -> verify
#          (paid for the expected amount and currency only); a refused api-key.
# Run from anywhere: sandbox/tests/go.sh
#   PAYSEAL_SANDBOX_BIN  the sandbox binary (otherwise built with cargo, as curl.sh does)
#   PAYSEAL_LIB          libpayseal.so for the binding (otherwise bindings/go/test.sh builds it)
set -euo pipefail
cd "$(dirname "$0")/../.."

. sandbox/tests/start-sandbox.sh
sandbox=$(sandbox_binary) || { echo "0 passed, 1 failed"; exit 1; }

fail() { echo "FAILED: $*" >&2; [ -f "${work:-}/sandbox.log" ] && cat "$work/sandbox.log" >&2; echo "0 passed, 1 failed"; exit 1; }

# Long enough for a cold build of the binding's tests under the race detector (about a minute).
start_sandbox "$sandbox" 600 || fail "the sandbox did not start"
export PAYSEAL_SANDBOX_READY=$ready

# The binding's own runner: the library under test installed for pkg-config, Go's caches under
# target/go, nothing fetched, gofmt and vet; only the flow tests run.
status=0
bindings/go/test.sh -run '^TestSandbox' -timeout 180s 2>&1 | tee "$work/go.log" || status=$?

passed=$(grep -c '^--- PASS: TestSandbox' "$work/go.log" || true)
failed=$(grep -c '^--- FAIL' "$work/go.log" || true)
# With PAYSEAL_SANDBOX_READY set nothing may skip: a skip here is a broken runner, not a pass.
skipped=$(grep -c '^--- SKIP' "$work/go.log" || true)
failed=$((failed + skipped))
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1 # a build failure, a panic or the timeout: no test line, but not a pass
fi
if [[ $passed -ne 2 && $failed -eq 0 ]]; then
  failed=1 # both flows must have run
fi
[ "$failed" -eq 0 ] || cat "$work/sandbox.log" >&2
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
