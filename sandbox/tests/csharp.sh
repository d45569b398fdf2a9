#!/usr/bin/env bash
# The Keepz and TransactPay flows from C#: the binding's typed operations, Mono's own HttpClient,
# callbacks and webhooks at the test's own HttpListener, against the sandbox on a free loopback port
# (killed on exit; every HTTP call and every wait bounded in time). The flows are NUnit tests
# (bindings/csharp/tests/*SandboxFlowTests.cs, namespace Payseal.Tests.Sandbox), run here through
# the binding's test.sh with PAYSEAL_SANDBOX_READY set; the binding's normal run ignores them.
#   PAYSEAL_LIB=/abs/libpayseal.so sandbox/tests/csharp.sh         # the test command exports it
#   PAYSEAL_SANDBOX_BIN=/abs/payseal-sandbox: that binary instead of building one with cargo
# Ends with the line "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

. sandbox/tests/start-sandbox.sh
sandbox=$(sandbox_binary) || { echo "0 passed, 1 failed"; exit 1; }

start_sandbox "$sandbox" || { echo "0 passed, 1 failed"; exit 1; }
echo "the sandbox listens at $url"

# Only the sandbox flows; test.sh ends with "N passed, N failed" and fails when none passed (so a
# flow ignored for want of the ready file cannot pass here). Bounded: the flows' own timeouts are
# shorter; this is the backstop.
status=0
PAYSEAL_SANDBOX_READY=$ready NUNIT_ARGS=-run=Payseal.Tests.Sandbox \
  timeout 600 bindings/csharp/test.sh 2>&1 | tee "$work/flows.log" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- the sandbox's log"
  cat "$work/sandbox.log"
  # The closing line again, last: what the runner counted.
  grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/flows.log" | tail -n1 | grep . || echo "0 passed, 1 failed"
fi
exit "$status"
