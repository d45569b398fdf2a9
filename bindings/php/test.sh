#!/usr/bin/env bash
# Runs the PHP binding's tests: one command on a fresh Debian machine.
#
#  1. installs php8.2-cli, phpunit (9.6), php-phpseclib3, php8.2-cgi and php8.2-fpm with apt-get
#     when they are missing and we are root (php8.2-cgi and php8.2-fpm only run the non-CLI SAPI
#     tests, SapiTest and FpmTest: they are skipped without them);
#  2. uses PAYSEAL_LIB when it is set, else builds libpayseal with `cargo build --release -p payseal-ffi`
#     (extra features through PAYSEAL_CARGO_FEATURES, e.g. "rustcrypto") and points PAYSEAL_LIB
#     at it;
#  3. runs PHPUnit under Debian's default ffi.enable=preload, made explicit: the CLI needs nothing
#     else. Arguments go to phpunit (e.g. ./test.sh --filter Keepz).
#
# It ends with PHPUnit's own closing line ("OK (N tests, M assertions)" or "FAILURES!"; "OK, but
# incomplete, skipped, or risky tests!" when tests are skipped: the sandbox flows without
# PAYSEAL_SANDBOX_READY, see sandbox/tests/php.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

packages=(php8.2-cli phpunit php-phpseclib3 php8.2-cgi php8.2-fpm)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
      echo "installing: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      install() { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
      install || { echo "apt-get failed; retrying once"; sleep 5; install; }
    else
      echo "missing packages: ${missing[*]} (run as root to install them)"
    fi
  fi
fi
for tool in php phpunit; do
  command -v "$tool" >/dev/null || { echo "$tool not found (Debian: php8.2-cli phpunit)"; exit 1; }
done

if [ -z "${PAYSEAL_LIB:-}" ]; then
  target=${CARGO_TARGET_DIR:-$root/target}
  case $target in /*) ;; *) target=$root/$target ;; esac
  echo "building libpayseal (cargo build --release -p payseal-ffi${PAYSEAL_CARGO_FEATURES:+ --features $PAYSEAL_CARGO_FEATURES})"
  (cd "$root" && cargo build --release -p payseal-ffi ${PAYSEAL_CARGO_FEATURES:+--features "$PAYSEAL_CARGO_FEATURES"})
  export PAYSEAL_LIB=$target/release/libpayseal.so
fi
[ -f "$PAYSEAL_LIB" ] || { echo "PAYSEAL_LIB=$PAYSEAL_LIB does not exist"; exit 1; }
echo "PAYSEAL_LIB=$PAYSEAL_LIB"

# A panic provoked by the tests prints one line on stderr; no backtrace with it.
export RUST_BACKTRACE=0
exec php -d ffi.enable=preload -d zend.assertions=1 -d memory_limit=512M \
  "$(command -v phpunit)" -c "$here/phpunit.xml" "$@"
