#!/usr/bin/env bash
# The Keepz and TransactPay flows from PHP: the binding's typed operations, PHP's own HTTP client
# (the http:// stream wrapper) and PHP's built-in web server as the callback endpoint, against the
# sandbox on a free loopback port (killed on exit; every HTTP call and wait bounded in time).
# The test itself is bindings/php/tests/SandboxFlowTest.php, run by the binding's test.sh (which
# installs PHP and PHPUnit when root and missing) with PAYSEAL_SANDBOX_READY naming the ready file.
#   PAYSEAL_SANDBOX_BIN: the sandbox binary (else built as sandbox/tests/curl.sh builds it);
#   PAYSEAL_LIB: libpayseal.so (else built with cargo build --release -p payseal-ffi).
# Run from anywhere: sandbox/tests/php.sh. Ends with "N passed, N failed" (PHPUnit's tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$PWD/$target ;; esac

source sandbox/tests/start-sandbox.sh
sandbox=$(sandbox_binary) || { echo "0 passed, 1 failed"; exit 1; }
# Built here rather than by test.sh, so that the time bound below is PHPUnit's alone.
if [ -z "${PAYSEAL_LIB:-}" ]; then
  cargo build -q --release -p payseal-ffi
  export PAYSEAL_LIB=$target/release/libpayseal.so
fi

if ! start_sandbox "$sandbox"; then
  echo "0 passed, 1 failed"
  exit 1
fi
echo "the sandbox listens at $url"

# A skipped flow fails here: with the ready file set, a skip means the flows did not run.
status=0
PAYSEAL_SANDBOX_READY=$work/ready.json timeout 240 bindings/php/test.sh \
  --filter SandboxFlowTest --fail-on-skipped --log-junit "$work/junit.xml" || status=$?

# PHPUnit's counts, from the outer <testsuite> of its JUnit log.
counts=$(grep -m1 -o '<testsuite [^>]*>' "$work/junit.xml" 2>/dev/null || true)
count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counts"; }
tests=$(count tests) failures=$(count failures) errors=$(count errors) skipped=$(count skipped)
failed=$(( ${failures:-0} + ${errors:-0} + ${skipped:-0} ))
passed=$(( ${tests:-0} - failed ))
if [ "$status" -ne 0 ] || [ "${tests:-0}" -eq 0 ]; then
  [ "$failed" -eq 0 ] && failed=1
  echo "sandbox log:" >&2
  cat "$work/sandbox.log" >&2
fi
echo
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
