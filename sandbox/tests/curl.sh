#!/usr/bin/env bash
# The Keepz and TransactPay flows from a shell: curl for HTTP, the `payseal` command-line tool for
# the envelopes, the sandbox on a free loopback port (killed on exit; every call bounded in time).
#   Keepz: create -> status -> pay on the checkout page -> callback -> saved card -> refund and its
#          callback; an error body.
#   TransactPay: create -> pay by card -> the 3-D Secure page -> webhook -> status -> verify; a
#          refused api-key.
# Run from anywhere: sandbox/tests/curl.sh (builds the payseal and payseal-sandbox binaries first).
set -euo pipefail
cd "$(dirname "$0")/../.."

target=${CARGO_TARGET_DIR:-target}
# The whole workspace with every feature: what the test command's cross-backend run has built.
cargo test -q --workspace --all-features --no-run
payseal=$target/debug/payseal
sandbox=$target/debug/payseal-sandbox

checks=0
fail() { echo "FAILED: $*" >&2; [ -f "$work/sandbox.log" ] && cat "$work/sandbox.log" >&2; exit 1; }
ok() { checks=$((checks + 1)); echo "ok $checks - $*"; }

. sandbox/tests/start-sandbox.sh
start_sandbox "$sandbox" || exit 1
ok "the sandbox listens at $url"

# Reads a whole answer before grep looks at it: `grep -q` stops reading at the first match, and a
# writer still printing then fails on the closed pipe (which `pipefail` reports).
has() { local text; text=$(cat); grep -q -- "$1" <<<"$text"; }

# curl: no proxy (loopback), 10 s per call; prints the body, then the HTTP status on its own line.
http() { curl -sS --noproxy '*' --max-time 10 -w '\n%{http_code}' "$@"; }
status_of() { tail -n1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }
# Waits for message $2 (from 0) in sink $1 and prints its body.
sink() {
  for _ in $(seq 1 100); do
    out=$(http "$url/_sandbox/sink/$1/$2")
    [ "$(status_of "$out")" = 200 ] && { body_of "$out"; return; }
    sleep 0.1
  done
  fail "no message $2 in sink $1"
}

# --- Keepz ---------------------------------------------------------------------------------
id=$(cat "$keys/integrator_id.txt")
order=$(cat /proc/sys/kernel/random/uuid)
keepz=$url/ecommerce-service
seal() { "$payseal" keepz seal --public-key "$keys/keepz_public.b64" --identifier "$id" "$@"; }
open_as() { "$payseal" keepz open --private-key "$keys/integrator_private.pem" --as "$@"; }

body=$(seal <<<"{\"amount\":12.5,\"receiverId\":\"7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c\",\"receiverType\":\"BRANCH\",\"integratorId\":\"$id\",\"integratorOrderId\":\"$order\",\"callbackUri\":\"$url/_sandbox/sink/keepz\",\"saveCard\":true}")
out=$(http -H 'content-type: application/json' -d "$body" "$keepz/api/integrator/order")
[ "$(status_of "$out")" = 200 ] || fail "create order: $out"
created=$(body_of "$out" | open_as create-order)
checkout=$(sed -n 's/.*"urlForQR": "\([^"]*\)".*/\1/p' <<<"$created")
[ "$checkout" = "$url/checkout/keepz/$order" ] || fail "urlForQR: $created"
ok "Keepz create order: urlForQR $checkout"

query=$(seal --query <<<"{\"integratorId\":\"$id\",\"integratorOrderId\":\"$order\"}")
out=$(http "$keepz/api/integrator/order/status?$query")
body_of "$out" | open_as order-status | has '"status": "INITIAL"' || fail "status: $out"
ok "Keepz order status: INITIAL"

out=$(http -d 'action=pay&saveCard=on' "$checkout")
[ "$(status_of "$out")" = 303 ] || fail "checkout: $out"
callback=$(sink keepz 0 | open_as callback --http-status 0)
grep -q '"status": "SUCCESS"' <<<"$callback" || fail "callback: $callback"
token=$(sed -n 's/.*"token": "\([^"]*\)".*/\1/p' <<<"$callback")
[ -n "$token" ] || fail "no card token in the callback: $callback"
out=$(http "$keepz/api/integrator/order/status?$(seal --query <<<"{\"integratorId\":\"$id\",\"integratorOrderId\":\"$order\"}")")
body_of "$out" | open_as order-status | has '"status": "SUCCESS"' || fail "re-check: $out"
ok "Keepz checkout paid; the callback (sealed) says SUCCESS, the re-check agrees"

out=$(http "$keepz/api/v1/integrator/card/order-id?$(seal --query <<<"{\"integratorOrderId\":\"$order\"}")")
card=$(body_of "$out" | open_as saved-card)
grep -q "\"token\": \"$token\"" <<<"$card" && grep -q '"cardMask": "411111\*\*\*\*\*\*1111"' <<<"$card" \
  || fail "saved card: $card"
ok "Keepz saved card: the callback's token"

body=$(seal <<<"{\"integratorId\":\"$id\",\"integratorOrderId\":\"$order\",\"amount\":2.5}")
out=$(http -H 'content-type: application/json' -d "$body" "$keepz/api/integrator/order/refund/v2")
body_of "$out" | open_as refund | has '"status": "REFUND_REQUESTED"' || fail "refund: $out"
sink keepz 2 | open_as callback --http-status 0 | has '"status": "PARTIALLY_REFUNDED"' \
  || fail "refund callback"
ok "Keepz refund: REFUND_REQUESTED, then a PARTIALLY_REFUNDED callback"

out=$(http "$keepz/api/integrator/order/status?$(seal --query <<<"{\"integratorId\":\"$id\",\"integratorOrderId\":\"$(cat /proc/sys/kernel/random/uuid)\"}")")
[ "$(status_of "$out")" = 404 ] \
  && [ "$(body_of "$out")" = '{"message":"Integrator order not found","statusCode":6005,"exceptionGroup":5}' ] \
  || fail "unknown order: $out"
if message=$(body_of "$out" | open_as order-status --http-status 404 2>&1); then fail "opened an error"; fi
grep -q "6005" <<<"$message" || fail "the CLI's reading of the error: $message"
ok "Keepz unknown order: HTTP 404 with Keepz's error body (6005)"

# --- TransactPay ---------------------------------------------------------------------------
public=$(cat "$keys/transactpay_public_key.txt")
secret=$(cat "$keys/transactpay_secret_key.txt")
tp_seal() { "$payseal" transactpay seal --key "$keys/transactpay_encryption_key.txt"; }
tp() { http -H 'content-type: application/json' -H "api-key: $1" -d "$2" "$url$3"; }
http -X PUT -H 'content-type: application/json' -d "{\"url\":\"$url/_sandbox/sink/tp\"}" "$url/_sandbox/transactpay/webhook" >/dev/null

body=$(tp_seal <<<'{"customer":{"firstname":"Ada","lastname":"Obi","mobile":"+2348012345678","country":"NG","email":"a@x.ng"},"order":{"amount":1000,"reference":"SH-1","description":"B","currency":"NGN"},"payment":{"RedirectUrl":"http://127.0.0.1:9/r"}}')
out=$(tp "$public" "$body" /payment/order/create)
grep -q '"statusCode":"01"' <<<"$out" && grep -q '"fee":15' <<<"$out" || fail "TransactPay create: $out"
ok "TransactPay create order: 01, fee 15"

out=$(tp "$public" "$(tp_seal <<<'{"reference":"SH-1","paymentoption":"C","country":"NG","card":{"cardnumber":"4111111111111111","expirymonth":"12","expiryyear":"30","cvv":"123"}}')" /payment/order/pay)
grep -q '"statusCode":"02"' <<<"$out" || fail "pay: $out"
page=$(sed -n 's/.*"redirectUrl":"\([^"]*\)".*/\1/p' <<<"$out")
out=$(http -d 'action=pay' "$page")
[ "$(status_of "$out")" = 303 ] || fail "3-D Secure page: $out"
sink tp 1 | has '"orderReference":"SH-1".*"statusId":5' || fail "webhook"
ok "TransactPay card payment: 02, the 3-D Secure page, a webhook with statusId 5"

out=$(tp "$public" "$(tp_seal <<<'{"reference":"SH-1"}')" /payment/order/status)
grep -q '"statusId":5' <<<"$out" && grep -q '"totalChargedAmount":1015' <<<"$out" || fail "status: $out"
out=$(tp "$secret" '{"reference":"SH-1"}' /payment/order/verify)
grep -q '"statusCode":"00"' <<<"$out" && grep -q '"statusId":5' <<<"$out" || fail "verify: $out"
ok "TransactPay status and verify (secret key, plain body): paid"

out=$(tp "$public" '{"reference":"SH-1"}' /payment/order/verify)
[ "$(status_of "$out")" = 401 ] || fail "verify with the public key: $out"
ok "TransactPay verify with the public key: HTTP 401"

echo "$checks passed, 0 failed"
