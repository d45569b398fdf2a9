#!/usr/bin/env bash
# The deployment benchmark (not a test): payseal where merchants deploy it — nginx in front of
# Debian's PHP-FPM, on loopback, driven by wrk — against what merchants run today. One command:
#
#   scripts/bench-deploy.sh [--seconds S] [--rounds R] [--connections C] [--slow-seconds S]
#                           [--baseline LIB HEADER] [--binding-before REV]
#   scripts/bench-deploy.sh --phases [--rounds R] [--requests N] [--binding-before REV]
#
# Pages (benches/deploy/pages/), each reading its key files on every request:
#   floor                     a PHP script that does nothing
#   payseal keepz seal        Keepz::integrator(Keepz's 4096-bit public key, the integrator's 4096-bit
#                             private key) + seal a create-order request
#   payseal keepz callback    the same handle + open a callback POSTed to the page
#   payseal transactpay seal  new TransactPay(dashboard key) + seal an order
#   phpseclib keepz seal      phpseclib3 loads the key per request (as the Keepz PHP SDK does),
#                             RSA-OAEP-SHA-256 + openssl_encrypt AES-256-CBC
#   phpseclib keepz callback  the same for the callback (the private key, per request)
#   openssl transactpay seal  openssl_pkey_get_public + openssl_public_encrypt (PKCS#1 v1.5)
#
# PHP-FPM masters (each pm = static, 2 workers; opcache on), all started by this script as the
# current user with their own config, pid, log and socket in a temporary directory:
#   a  preloaded: ffi.enable=preload, opcache.preload=bindings/php/preload.php, and the FFI scope
#      PAYSEAL declared at start-up (ffi.preload): libpayseal loaded and its header parsed once.
#      php-gmp loaded (phpseclib uses GMP).
#   b  as a, but with the gmp extension left out of the ini scan directory: phpseclib's pure-PHP
#      engine, what a host without php-gmp gets (checked through engine.php before measuring).
#   c  ffi.enable=true, no preloading: the binding loads libpayseal with FFI::cdef on each
#      request's first use (the PHP guide's setup A).
#   d  (with --baseline LIB HEADER) as a, with another libpayseal and its PHP header (say, a build
#      from before the key cache): the payseal pages again.
#   e  (with --binding-before REV) as a, with the same libpayseal but the PHP binding (and its
#      preload.php) of git revision REV, copied out with git archive: the payseal pages again,
#      served from that copy (the pages of this tree, so that only the binding differs).
# No root-owned configuration is touched; nginx and the masters are stopped at the end, on failure
# too. Before measuring, each page is requested once and its answer checked: sealed bodies open
# with the test double's key (payseal's CLI for Keepz, the openssl CLI for TransactPay), callbacks
# give back the plaintext sealed into them.
#
# Measuring: R rounds (default 3); in each, every page runs wrk for S seconds (default 3) with C
# connections (default 1, so that time per request is 1 / requests per second), in an order that
# rotates from round to round. Pages slower than a second a request (the private key in pure PHP)
# run once, for --slow-seconds (default 20). Reported: requests/s and wrk's latency percentiles
# (medians over the rounds), the ratios the targets name (medians of per-round ratios), and the
# time per request above the floor against the bare seal (`payseal bench`, in the same rounds).
#
# --phases measures where a payseal page's time goes instead (benches/deploy/measure-phases.php):
# each pool has one worker; pages/phases.php does the Keepz seal page's work with hrtime() around
# each phase (reading the keys, Library::get(), the handle, the seal or the typed prepare, the echo,
# the handle's destructor), a floor mode that does only the timing, and a mode that does the work
# twice (the second time with warm CPU caches); N requests a page a round (default 200) in a row,
# after 3 not counted, the pages taking turns block by block, one keep-alive connection; medians per
# phase, and each page's time at the client against the floor's (medians of per-round differences).
# The plain floor.php and payseal-keepz-seal.php are requested in the same turns. Then, if perf
# can sample (root, or perf_event_paranoid allowing it), the CPU time a request of the worker, of
# nginx and of the client, for the floor and the seal page.
#
# Needs (Debian): nginx php8.2-fpm php-phpseclib3 php8.2-gmp wrk openssl, and the Rust toolchain.
# PAYSEAL_CARGO_FEATURES (say, "rustcrypto") adds cargo features to the build, as in
# bindings/php/test.sh (the benchmark itself uses the default backend, aws-lc).
# The machine is shared: read the ratios, and the load average printed with them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=3
rounds=3
connections=1
slow_seconds=20
baseline_lib=
baseline_header=
binding_before=
phases=0
requests=200
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --slow-seconds) slow_seconds=$2; shift 2 ;;
    --baseline) baseline_lib=$(realpath "$2"); baseline_header=$(realpath "$3"); shift 3 ;;
    --binding-before) binding_before=$2; shift 2 ;;
    --phases) phases=1; shift ;;
    --requests) requests=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-deploy.sh: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
done

php_version=8.2
fpm=$(command -v "php-fpm$php_version" || echo "/usr/sbin/php-fpm$php_version")
for tool in nginx "$fpm" wrk openssl curl php; do
  command -v "$tool" >/dev/null || [ -x "$tool" ] || { echo "bench-deploy.sh: $tool not found (Debian: nginx php$php_version-fpm wrk openssl curl)" >&2; exit 2; }
done
[ -f /usr/share/php/phpseclib3/autoload.php ] || { echo "bench-deploy.sh: php-phpseclib3 is not installed" >&2; exit 2; }
ls "/etc/php/$php_version/fpm/conf.d/" | grep -q gmp || { echo "bench-deploy.sh: php$php_version-gmp is not installed" >&2; exit 2; }

target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$root/$target ;; esac
echo "== building libpayseal and the payseal CLI (release${PAYSEAL_CARGO_FEATURES:+, features $PAYSEAL_CARGO_FEATURES})" >&2
cargo build --release -p payseal-ffi -p payseal-cli ${PAYSEAL_CARGO_FEATURES:+--features "$PAYSEAL_CARGO_FEATURES"} >&2
lib=$target/release/libpayseal.so
payseal=$target/release/payseal

# --- The working directory, and stopping everything we start, whatever happens ------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/payseal-deploy.XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in ${pids[@]+"${pids[@]}"}; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in ${pids[@]+"${pids[@]}"}; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${PAYSEAL_DEPLOY_KEEP:-0}" = 1 ]; then
    echo "kept $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Keys and bodies ------------------------------------------------------------------------------
# Keepz's key pair: tests/keys/rsa4096 (its private half is the test double's); the integrator's:
# made here. TransactPay's key: the dashboard blob of tests/keys/rsa4096 (payseal reads it) and its
# PEM (what openssl_pkey_get_public needs).
cp tests/keys/rsa4096.spki.b64 "$work/keepz.spki.b64"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out "$work/integrator.pkcs8.pem" 2>/dev/null
openssl pkey -in "$work/integrator.pkcs8.pem" -pubout -out "$work/integrator.spki.pem"
php -r 'echo json_decode(file_get_contents($argv[1]), true)["rsa4096"]["transactpay_blob"];' \
  tests/vectors/keys.json > "$work/transactpay.key"
cp tests/keys/rsa4096.spki.pem "$work/transactpay.pem"
callback='{"amount":12.50,"receiverId":"7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c","receiverType":"BRANCH","integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","status":"SUCCESS"}'
# Keepz's test double seals the callback to the integrator's public key.
printf '%s' "$callback" | "$payseal" keepz seal --public-key "$work/integrator.spki.pem" > "$work/callback.json"
cat > "$work/post-callback.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/callback.json", "rb")
wrk.body = f:read("*a")
f:close()
LUA

# --- PHP-FPM ------------------------------------------------------------------------------------
pages=$root/benches/deploy/pages
workers=2
[ "$phases" = 1 ] && workers=1
is_root=0
[ "$(id -u)" -eq 0 ] && is_root=1
# The gmp extension left out: a copy of FPM's ini scan directory without it.
mkdir -p "$work/conf.d-nogmp" "$work/tmp"
for ini in "/etc/php/$php_version/fpm/conf.d/"*.ini; do
  case $(basename "$ini") in *gmp*) ;; *) cp "$ini" "$work/conf.d-nogmp/" ;; esac
done
# The FFI scope PAYSEAL for ffi.preload (a preload script running as root may not call FFI::load).
PAYSEAL_LIB=$lib php bindings/php/scope-header.php > "$work/payseal-ffi.h"
if [ -n "$baseline_lib" ]; then
  PAYSEAL_LIB=$baseline_lib PAYSEAL_PHP_HEADER=$baseline_header php bindings/php/scope-header.php > "$work/baseline-ffi.h"
fi
# The PHP binding of --binding-before REV, beside a copy of this tree's pages (which find the
# binding at ../../../bindings/php), and its header for ffi.preload.
if [ -n "$binding_before" ]; then
  mkdir -p "$work/before"
  git archive "$binding_before" bindings/php | tar -x -C "$work/before"
  mkdir -p "$work/before/benches/deploy"
  cp -r "$pages" "$work/before/benches/deploy/"
  PAYSEAL_LIB=$lib php "$work/before/bindings/php/scope-header.php" > "$work/before-ffi.h"
fi

# The tree the pool's binding and pages come from: $tree when set (--binding-before), else this one.
start_fpm() { # name library scope-header|"" [VAR=value for the master's environment...]
  local name=$1 library=$2 scope=$3 from=${tree:-$root}
  shift 3
  {
    echo "[global]"
    echo "pid = $work/fpm-$name.pid"
    echo "error_log = $work/fpm-$name.log"
    echo "daemonize = no"
    echo "[$name]"
    echo "listen = $work/fpm-$name.sock"
    echo "listen.mode = 0600"
    [ "$is_root" = 1 ] && { echo "user = root"; echo "group = root"; }
    echo "pm = static"
    echo "pm.max_children = $workers"
    echo "clear_env = yes"
    echo "env[PAYSEAL_DEPLOY_DIR] = $work"
    echo "env[PAYSEAL_LIB] = $library"
    echo "catch_workers_output = yes"
  } > "$work/fpm-$name.conf"
  local args=(--nodaemonize --fpm-config "$work/fpm-$name.conf" -d opcache.enable=1 -d memory_limit=256M)
  [ "$is_root" = 1 ] && args+=(--allow-to-run-as-root)
  if [ -n "$scope" ]; then
    args+=(-d ffi.enable=preload -d "opcache.preload=$from/bindings/php/preload.php" -d "ffi.preload=$scope")
    [ "$is_root" = 1 ] && args+=(-d opcache.preload_user=root)
  else
    args+=(-d ffi.enable=1)
  fi
  env PAYSEAL_LIB="$library" "$@" "$fpm" "${args[@]}" > "$work/fpm-$name.out" 2>&1 &
  pids+=($!)
}
start_fpm a "$lib" "$work/payseal-ffi.h"
pools=(a)
if [ "$phases" = 0 ]; then
  start_fpm b "$lib" "$work/payseal-ffi.h" PHP_INI_SCAN_DIR="$work/conf.d-nogmp"
  start_fpm c "$lib" ""
  pools+=(b c)
fi
if [ -n "$baseline_lib" ]; then
  start_fpm d "$baseline_lib" "$work/baseline-ffi.h" PAYSEAL_PHP_HEADER="$baseline_header"
  pools+=(d)
fi
if [ -n "$binding_before" ]; then
  tree=$work/before start_fpm e "$lib" "$work/before-ffi.h"
  pools+=(e)
fi

# --- nginx ------------------------------------------------------------------------------------
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
{
  echo "worker_processes 1;"
  echo "pid $work/nginx.pid;"
  echo "error_log $work/nginx-error.log warn;"
  [ "$is_root" = 1 ] && echo "user root root;"
  echo "events { worker_connections 256; }"
  echo "http {"
  echo "  access_log off;"
  for t in client_body fastcgi proxy uwsgi scgi; do echo "  ${t}_temp_path $work/tmp/$t;"; done
  echo "  keepalive_requests 10000000;"
  echo "  server {"
  echo "    listen 127.0.0.1:$port;"
  for p in "${pools[@]}"; do
    echo "    location ~ ^/$p/([a-z0-9-]+\\.php)\$ {"
    echo "      include /etc/nginx/fastcgi_params;"
    if [ "$p" = e ]; then
      echo "      fastcgi_param SCRIPT_FILENAME $work/before/benches/deploy/pages/\$1;"
    else
      echo "      fastcgi_param SCRIPT_FILENAME $pages/\$1;"
    fi
    echo "      fastcgi_pass unix:$work/fpm-$p.sock;"
    echo "    }"
  done
  echo "  }"
  echo "}"
} > "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" -e "$work/nginx-error.log" -g 'daemon off;' > "$work/nginx.out" 2>&1 &
pids+=($!)

url=http://127.0.0.1:$port
for _ in $(seq 100); do
  ready=1
  for p in "${pools[@]}"; do [ -S "$work/fpm-$p.sock" ] || ready=0; done
  curl -s -o /dev/null "$url/" || ready=0
  [ "$ready" = 1 ] && break
  sleep 0.2
done
if [ "$ready" != 1 ]; then
  echo "bench-deploy.sh: nginx or php-fpm did not start:" >&2
  cat "$work"/*.out "$work"/*.log >&2 2>/dev/null || true
  exit 1
fi

# --- Each page once, checked --------------------------------------------------------------------
fail() { echo "bench-deploy.sh: check failed: $*" >&2; exit 1; }
get() { # pool page [file to POST]
  if [ $# -eq 3 ]; then
    curl -sS --fail-with-body -H 'Content-Type: application/json' --data-binary "@$3" "$url/$1/$2"
  else
    curl -sS --fail-with-body "$url/$1/$2"
  fi
}
json_field() { php -r '$v = json_decode($argv[1], true); $v = $v[$argv[2]] ?? null; echo is_bool($v) ? var_export($v, true) : $v;' "$1" "$2"; }
keepz_order=$(php -r 'require $argv[1]; echo keepz_create_order();' "$pages/common.php")
tp_order=$(php -r 'require $argv[1]; echo transactpay_create_order();' "$pages/common.php")

echo "== checking each page's answer" >&2
[ "$(get a floor.php)" = ok ] || fail "floor.php"
engine_a=$(get a engine.php)
[ "$(json_field "$engine_a" gmp)" = true ] && [ "$(json_field "$engine_a" phpseclib_engine)" = GMP ] || fail "pool a: no GMP: $engine_a"
[ "$(json_field "$engine_a" payseal_library)" = "FFI scope PAYSEAL" ] || fail "pool a: libpayseal not preloaded: $engine_a"
echo "   pool a: $engine_a" >&2
if [ "$phases" = 0 ]; then
  engine_b=$(get b engine.php)
  engine_c=$(get c engine.php)
  [ "$(json_field "$engine_b" gmp)" = false ] && [ "$(json_field "$engine_b" phpseclib_engine)" != GMP ] || fail "pool b: GMP loaded: $engine_b"
  [ "$(json_field "$engine_c" payseal_library)" = "$lib" ] || fail "pool c: $engine_c"
  echo "   pool b: $engine_b" >&2
  echo "   pool c: $engine_c" >&2
fi
if [ -n "$binding_before" ]; then
  engine_e=$(get e engine.php)
  [ "$(json_field "$engine_e" payseal_library)" = "FFI scope PAYSEAL" ] || fail "pool e: libpayseal not preloaded: $engine_e"
  echo "   pool e: $engine_e (the binding of $binding_before)" >&2
fi
check_keepz_seal() { # pool page
  local body opened
  body=$(get "$1" "$2") || fail "$1/$2: $body"
  [ "$(json_field "$body" identifier)" = 1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e ] || fail "$1/$2: no identifier: $body"
  opened=$(printf '%s' "$body" | "$payseal" keepz open --private-key tests/keys/rsa4096.pkcs8.pem) || fail "$1/$2 does not open"
  [ "$opened" = "$keepz_order" ] || fail "$1/$2 opened to $opened"
}
check_keepz_callback() { # pool page
  local out
  out=$(get "$1" "$2" "$work/callback.json") || fail "$1/$2: $out"
  [ "$out" = "$callback" ] || fail "$1/$2 gave $out"
}
check_transactpay_seal() { # pool page
  local body
  body=$(get "$1" "$2") || fail "$1/$2: $body"
  json_field "$body" data | base64 -d > "$work/tp.block"
  [ "$(openssl pkeyutl -decrypt -inkey tests/keys/rsa4096.pkcs8.pem -pkeyopt rsa_padding_mode:pkcs1 -in "$work/tp.block")" = "$tp_order" ] ||
    fail "$1/$2 does not open with openssl to the order"
}
payseal_pools=(a)
[ "$phases" = 0 ] && payseal_pools+=(c)
[ -n "$baseline_lib" ] && payseal_pools+=(d)
[ -n "$binding_before" ] && payseal_pools+=(e)
for p in "${payseal_pools[@]}"; do
  check_keepz_seal "$p" payseal-keepz-seal.php
  check_keepz_callback "$p" payseal-keepz-callback.php
  check_transactpay_seal "$p" payseal-transactpay-seal.php
done
if [ "$phases" = 1 ]; then
  for p in "${payseal_pools[@]}"; do
    [ "$(get "$p" 'phases.php?work=floor')" = ok ] || fail "$p/phases.php?work=floor"
    check_keepz_seal "$p" 'phases.php?work=seal'
    # The typed request's JSON is the Codec's, not keepz_create_order()'s text: it must open, to
    # the same order.
    body=$(get "$p" 'phases.php?work=prepare') || fail "$p/phases.php?work=prepare: $body"
    opened=$(printf '%s' "$body" | "$payseal" keepz open --private-key tests/keys/rsa4096.pkcs8.pem) || fail "$p/phases.php?work=prepare does not open"
    php -r '$a = json_decode($argv[1], true); $b = json_decode($argv[2], true); ksort($a); ksort($b); exit($a == $b ? 0 : 1);' "$opened" "$keepz_order" ||
      fail "$p/phases.php?work=prepare opened to $opened"
  done
else
  for p in a b; do
    check_keepz_seal "$p" phpseclib-keepz-seal.php
  done
  check_keepz_callback a phpseclib-keepz-callback.php
  check_transactpay_seal a openssl-transactpay-seal.php
fi
echo "   every page answered as it should" >&2

if [ "$phases" = 1 ]; then
  echo "== where the time goes: $rounds rounds of $requests requests a page" >&2
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores (shared); one PHP-FPM worker a pool; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  specs=("floor (phases.php)=$url/a/phases.php?work=floor" "seal=$url/a/phases.php?work=seal" "prepare (typed)=$url/a/phases.php?work=prepare" "seal, then again=$url/a/phases.php?work=again" "floor, answer as long as the seal's=$url/a/phases.php?work=floor-sized" "floor, shutdown after the answer=$url/a/phases.php?work=floor&finish" "seal, shutdown after the answer=$url/a/phases.php?work=seal&finish" "floor, busy 150 µs in PHP=$url/a/phases.php?work=burn&us=150" "handle, no seal=$url/a/phases.php?work=handle")
  if [ -n "$binding_before" ]; then
    specs+=("seal, binding of $binding_before=$url/e/phases.php?work=seal" "prepare (typed), binding of $binding_before=$url/e/phases.php?work=prepare")
  fi
  specs+=("floor.php=$url/a/floor.php" "payseal-keepz-seal.php=$url/a/payseal-keepz-seal.php")
  [ -n "$binding_before" ] && specs+=("payseal-keepz-seal.php, binding of $binding_before=$url/e/payseal-keepz-seal.php")
  php benches/deploy/measure-phases.php "$rounds" "$requests" 3 "${specs[@]}"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Which processes spend the time: every process's CPU time, sampled by perf while one page is
  # requested 4 000 times in a row (after 20): the floor, the floor with the seal's answer length
  # and the seal page, twice over.
  if command -v perf >/dev/null && perf record -q -e cpu-clock -o "$work/perf-probe.data" -- true >/dev/null 2>&1; then
    echo
    echo "CPU time a request, by process (perf record -a -e cpu-clock -F 10000 while measure-phases.php requests one page 4 000 times after 20; the client's count includes its own start-up, ≈ 5 µs a request):"
    echo
    echo "| page | php-fpm8.2 (the worker) | nginx | php (the client) | load average |"
    echo "|---|---:|---:|---:|---:|"
    for page in floor floor-sized seal floor floor-sized seal; do
      perf record -a -q -e cpu-clock -F 10000 -o "$work/perf-$page.data" -- \
        php benches/deploy/measure-phases.php 1 4000 0 "$page=$url/a/phases.php?work=$page" > /dev/null 2>&1
      perf report -i "$work/perf-$page.data" -n --sort comm -g none --stdio 2>/dev/null |
        awk -v page="$page" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
          $3 == "php-fpm8.2" { fpm = $2 } $3 == "nginx" { nginx = $2 } $3 == "php" { client = $2 }
          END { us = 100 / 4020; printf "| %s | %.1f µs | %.1f µs | %.1f µs | %s |\n", page, fpm * us, nginx * us, client * us, load }'
    done
    echo
    echo "In the worker, libpayseal's functions for the seal page (the last pass), CPU time a request:"
    echo
    perf report -i "$work/perf-seal.data" -n --comm php-fpm8.2 --dso libpayseal.so --sort sym -g none --stdio 2>/dev/null |
      awk '$1 ~ /%$/ { n++; total += $2; if (n <= 8) { $1 = ""; samples = $2; $2 = ""; $3 = ""; sub(/^ +/, ""); printf "- %s: %.1f µs\n", $0, samples * 100 / 4020 } }
        END { printf "- libpayseal in all: %.1f µs\n", total * 100 / 4020 }'
  fi
  exit 0
fi

# --- Measuring --------------------------------------------------------------------------------
# label|pool|page|post?|slow?
cases=(
  "floor|a|floor.php||"
  "payseal keepz seal|a|payseal-keepz-seal.php||"
  "payseal keepz seal, no preloading|c|payseal-keepz-seal.php||"
  "payseal keepz callback|a|payseal-keepz-callback.php|post|"
  "payseal transactpay seal|a|payseal-transactpay-seal.php||"
  "phpseclib keepz seal, GMP|a|phpseclib-keepz-seal.php||"
  "phpseclib keepz seal, no GMP|b|phpseclib-keepz-seal.php||"
  "phpseclib keepz callback, GMP|a|phpseclib-keepz-callback.php|post|"
  "phpseclib keepz callback, no GMP|b|phpseclib-keepz-callback.php|post|slow"
  "openssl transactpay seal|a|openssl-transactpay-seal.php||"
)
if [ -n "$binding_before" ]; then
  cases+=("binding before: payseal keepz seal|e|payseal-keepz-seal.php||")
fi
if [ -n "$baseline_lib" ]; then
  cases+=(
    "baseline: payseal keepz seal|d|payseal-keepz-seal.php||"
    "baseline: payseal keepz callback|d|payseal-keepz-callback.php|post|"
    "baseline: payseal transactpay seal|d|payseal-transactpay-seal.php||"
  )
fi
results=$work/results.txt
: > "$results"

# One wrk run; appends "RUN <round> <case index> <req/s> <p50 µs> <p75> <p90> <p99>" to $results.
run_wrk() { # round index duration
  local spec=${cases[$2]} label pool page post slow out
  IFS='|' read -r label pool page post slow <<< "$spec"
  local args=(-t1 "-c$connections" "-d${3}s" --timeout 30s --latency)
  [ "$post" = post ] && args+=(-s "$work/post-callback.lua")
  out=$(timeout $((${3%.*} + 60)) wrk "${args[@]}" "$url/$pool/$page") || fail "wrk on $label: $out"
  if grep -qE 'Non-2xx|Socket errors' <<< "$out"; then
    fail "wrk on $label: errors: $out"
  fi
  awk -v round="$1" -v i="$2" '
    function us(v) { if (v ~ /us$/) return v + 0; if (v ~ /ms$/) return v * 1000; if (v ~ /[0-9]m$/) return v * 60e6; if (v ~ /s$/) return v * 1e6; return v }
    /^ +50%/ { p50 = us($2) } /^ +75%/ { p75 = us($2) } /^ +90%/ { p90 = us($2) } /^ +99%/ { p99 = us($2) }
    /^Requests\/sec:/ { rps = $2 }
    END { print "RUN", round, i, rps, p50, p75, p90, p99 }' <<< "$out" >> "$results"
}

# The bare Keepz seal (RSA-OAEP-4096 of the key string + AES-256-CBC of 1 KiB), µs per operation.
run_bare() { # round
  "$payseal" bench --backend aws-lc --seconds 3 --json 2>/dev/null |
    php -r '$d = json_decode(stream_get_contents(STDIN), true);
      foreach ($d["results"] ?? $d as $r) {
        if (($r["case"] ?? "") === "keepz seal" && ($r["bits"] ?? 0) == 4096) { printf("BARE %s %.3f\n", $argv[1], 1e6 / $r["bare_ops_per_sec"]); }
      }' "$1" >> "$results"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
n=${#cases[@]}
for round in $(seq 1 "$rounds"); do
  for k in $(seq 0 $((n - 1))); do
    i=$(((k + round - 1) % n))
    IFS='|' read -r label _ _ _ slow <<< "${cases[$i]}"
    if [ "$slow" = slow ]; then
      [ "$round" = 1 ] || continue
      echo "== round $round: $label (${slow_seconds} s)" >&2
      run_wrk "$round" "$i" "$slow_seconds"
    else
      echo "== round $round: $label" >&2
      run_wrk "$round" "$i" "$seconds"
    fi
  done
  echo "== round $round: the bare seal (payseal bench)" >&2
  run_bare "$round"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Report -----------------------------------------------------------------------------------
echo
echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores (shared); load average before/after: $load_before / $load_after"
echo "nginx $(nginx -v 2>&1 | sed 's/.*nginx\///'), PHP-FPM $(php -r 'echo PHP_VERSION;'), phpseclib3 $(dpkg-query -W -f '${Version}' php-phpseclib3 2>/dev/null), wrk $(dpkg-query -W -f '${Version}' wrk 2>/dev/null); wrk -t1 -c$connections, ${seconds} s a page a round, $rounds rounds (slow pages: once, ${slow_seconds} s)"
echo
labels=$(printf '%s\n' "${cases[@]}" | cut -d'|' -f1,2 | tr '|' '\t')
awk -F'\t' -v labels="$labels" '
  BEGIN { n = split(labels, rows, "\n"); for (i = 1; i <= n; i++) { split(rows[i], cols, "\t"); label[i - 1] = cols[1]; pool[i - 1] = cols[2] } }
  function median(list,    m, k, v, j, t) {
    m = split(list, v, " "); for (k = 1; k <= m; k++) for (j = k + 1; j <= m; j++) if (v[j] + 0 < v[k] + 0) { t = v[k]; v[k] = v[j]; v[j] = t }
    return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2 }
  { split($0, r, " ") }
  r[1] == "RUN" { i = r[3]; rps[i] = rps[i] " " r[4]; p50[i] = p50[i] " " r[5]; p90[i] = p90[i] " " r[7]; p99[i] = p99[i] " " r[8]; byround[r[2], i] = r[4] }
  r[1] == "BARE" { bare = bare " " r[3]; bareround[r[2]] = r[3] }
  END {
    printf "| page | PHP-FPM | requests/s | p50 ms | p90 ms | p99 ms |\n|---|---|---:|---:|---:|---:|\n"
    for (i = 0; i < n; i++) {
      if (!(i in rps)) continue
      printf "| %s | %s | %.1f | %.2f | %.2f | %.2f |\n", label[i], pool[i], median(rps[i]), median(p50[i]) / 1000, median(p90[i]) / 1000, median(p99[i]) / 1000
    }
    for (i = 0; i < n; i++) idx[label[i]] = i
    print ""
    print "Ratios of requests/s (median of per-round ratios):"
    split("payseal keepz seal/phpseclib keepz seal, GMP;payseal keepz seal/phpseclib keepz seal, no GMP;payseal keepz callback/phpseclib keepz callback, GMP;payseal keepz callback/phpseclib keepz callback, no GMP;payseal transactpay seal/openssl transactpay seal;payseal keepz seal/payseal keepz seal, no preloading;payseal keepz seal/baseline: payseal keepz seal;payseal keepz callback/baseline: payseal keepz callback;payseal transactpay seal/baseline: payseal transactpay seal;payseal keepz seal/binding before: payseal keepz seal", pairs, ";")
    for (k in pairs) order[k] = pairs[k]
    for (k = 1; k <= 10; k++) {
      split(order[k], ab, "/"); a = idx[ab[1]]; b = idx[ab[2]]
      if (!((ab[1] in idx) && (ab[2] in idx))) continue
      list = ""
      for (rd = 1; rd <= 1000; rd++) if (((rd, a) in byround) && ((rd, b) in byround) && byround[rd, b] > 0) list = list " " byround[rd, a] / byround[rd, b]
      if (list == "") { # a page measured once (slow): its one figure against the median of the other
        if (median(rps[b]) > 0) list = " " median(rps[a]) / median(rps[b]); else continue }
      printf "- %s / %s: %.1f×\n", ab[1], ab[2], median(list)
    }
    f = idx["floor"]; p = idx["payseal keepz seal"]; list = ""; blist = ""
    for (rd = 1; rd <= 1000; rd++) if (((rd, f) in byround) && ((rd, p) in byround) && (rd in bareround)) {
      above = 1e6 / byround[rd, p] - 1e6 / byround[rd, f]; list = list " " above; blist = blist " " (above - bareround[rd]) }
    if (list != "") {
      print ""
      printf "Time per request above the floor (1/requests per second, one connection): payseal keepz seal %.1f µs; the bare seal (payseal bench, RSA-OAEP-4096 + AES-256-CBC of 1 KiB) %.1f µs; the difference %.1f µs (medians over the rounds)\n", median(list), median(bare), median(blist)
    }
  }' "$results"
