#!/usr/bin/env bash
# Runs every test payseal has, on a fresh machine: installs what it needs (as root, with apt-get),
# then the Rust suite on each backend, lints, and every step added by later layers (C ABI, header,
# bindings). Prints one closing line "N passed, N failed" for its steps; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
failures=()

step() {
  local name=$1
  shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "=== ok: $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "=== FAILED: $name ($((SECONDS - start)) s)"
  fi
}

# --- Packages -------------------------------------------------------------------------------
# Debian packages the suite needs; installed only when missing and only when we are root.
# libssl-dev and pkg-config: the benches compare against the system OpenSSL through the `openssl`
# crate, and clippy --all-targets compiles them; valgrind: the constant-time check.
packages=(openssl libssl-dev pkg-config valgrind)
install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${missing[*]} (run as root to install them)"
    return 1
  fi
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
if command -v dpkg-query >/dev/null 2>&1; then
  step "install packages" install_packages
fi

# --- Rust ---------------------------------------------------------------------------------
step "cargo fmt --check" cargo fmt --all -- --check
step "cargo clippy (all features)" cargo clippy --all-targets --all-features -- -D warnings
# Each run covers the workspace's default members: the core (payseal), the C ABI (payseal-ffi,
# whose tests include the header check) and the command-line tool (payseal-cli); every one of them
# has both backend features.
step "tests: aws-lc backend" cargo test --no-default-features --features aws-lc
step "tests: rustcrypto backend" cargo test --no-default-features --features rustcrypto
step "tests: both backends (cross-backend)" cargo test --all-features
# A program that depends on payseal: its own f64 serde still works (no global serde_json feature),
# and its build makes no C library. Same target directory and lock file: AWS-LC is not rebuilt.
step "dependent crate (tests/dependent)" tests/dependent/run.sh

# --- Constant time -------------------------------------------------------------------------
# valgrind memcheck with the open path's secrets marked undefined (SECURITY.md §4).
step "constant-time check (valgrind memcheck)" scripts/ct-check.sh

# --- Fuzzing -------------------------------------------------------------------------------
# cargo-fuzz is installed (cargo install --locked) when a nightly toolchain is present and it is
# missing, so that the smoke run really runs; then every target for 12 s (7 targets, 84 s of
# fuzzing plus their sanitizer build). Without a nightly toolchain both steps say they skip.
step "install cargo-fuzz (if nightly is present)" fuzz/smoke.sh --install
step "fuzz smoke run (cargo-fuzz, 12 s per target)" fuzz/smoke.sh

# --- The C ABI library, shared by the C tests and every binding -----------------------------
# Both backends compiled in, so the bindings' cross-backend cases run too.
target_dir=${CARGO_TARGET_DIR:-target}
case $target_dir in /*) ;; *) target_dir=$PWD/$target_dir ;; esac
export PAYSEAL_LIB=$target_dir/release/libpayseal.so
step "build libpayseal.so (release, both backends)" cargo build --release -p payseal-ffi --features rustcrypto

step "C ABI tests (gcc -Werror, valgrind)" tests/c/run.sh

# --- Bindings -----------------------------------------------------------------------------
step "PHP binding (PHPUnit)" bindings/php/test.sh
step "Go binding (go test -race)" bindings/go/test.sh
step "C# binding (NUnit under Mono)" bindings/csharp/test.sh

echo
if [ ${#failures[@]} -gt 0 ]; then
  printf 'failed steps:\n'
  printf ' - %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
