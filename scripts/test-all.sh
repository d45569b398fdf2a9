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
# crate, and clippy --all-targets compiles them; valgrind: the constant-time check; composer and
# nuget: the install tests (tests/install/) build a Composer project and a NuGet package the way
# users do; curl, chromium and chromium-driver: the sandbox's shell and browser tests.
packages=(openssl libssl-dev pkg-config valgrind composer nuget curl chromium chromium-driver)
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
# --workspace: the sandbox and the test helpers too (not default members), in the same check build.
step "cargo clippy (all features)" cargo clippy --workspace --all-targets --all-features -- -D warnings
# The default features too (aws-lc alone): what `cargo clippy --all-targets` and a dependent see;
# code used only by one backend or a hidden feature warns there and nowhere else.
step "cargo clippy (default features)" cargo clippy --workspace --all-targets -- -D warnings
# Each run covers the workspace's default members: the core (payseal), the C ABI (payseal-ffi,
# whose tests include the header check) and the command-line tool (payseal-cli); every one of them
# has both backend features.
step "tests: aws-lc backend" cargo test --no-default-features --features aws-lc
step "tests: rustcrypto backend" cargo test --no-default-features --features rustcrypto
# The cross-backend run takes the whole workspace: the sandbox's tests (sandbox/, not a default
# member) are built here, with the features this run unifies anyway, instead of in a run of their
# own whose different feature set would build payseal's dependencies, AWS-LC included, again.
step "tests: both backends (cross-backend) and the sandbox" cargo test --all-features --workspace
# A program that depends on payseal: its own f64 serde still works (no global serde_json feature),
# and its build makes no C library. Same target directory and lock file: AWS-LC is not rebuilt.
step "dependent crate (tests/dependent)" tests/dependent/run.sh

# --- The sandbox: from curl and in a browser ---------------------------------------------------
# The same flows from curl and the payseal CLI, and the checkout pages in headless Chromium over
# WebDriver; built with the cross-backend run's selection and features, so nothing is rebuilt.
step "sandbox: the flows from curl (sandbox/tests/curl.sh)" sandbox/tests/curl.sh
step "sandbox: checkout in headless Chromium (WebDriver)" \
  cargo test --all-features --workspace --test browser -- --ignored

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
# Through scripts/install.sh: the same `cargo build --release -p payseal-ffi`, plus rustc's list of
# the system libraries libpayseal.a needs, which the install tests' payseal.pc carries.
step "build libpayseal.so (release, both backends)" scripts/install.sh --build-only --features rustcrypto

step "C ABI tests (gcc -Werror, valgrind)" tests/c/run.sh

# --- Bindings -----------------------------------------------------------------------------
step "PHP binding (PHPUnit)" bindings/php/test.sh
step "sandbox: the flows from PHP (sandbox/tests/php.sh)" sandbox/tests/php.sh
step "Go binding (go test -race)" bindings/go/test.sh
step "sandbox: the flows from Go (sandbox/tests/go.sh)" sandbox/tests/go.sh
step "C# binding (NUnit under Mono)" bindings/csharp/test.sh
step "sandbox: the flows from C# (sandbox/tests/csharp.sh)" sandbox/tests/csharp.sh

# --- Installation ---------------------------------------------------------------------------
# The library installed into a prefix (SONAME, pkg-config, static), used from a C program, a
# Composer project, a Go module and a NuGet consumer outside the repository; the release archive
# unpacked alone into a clean prefix. Reuses the build above.
step "install: prefix, pkg-config, Composer, Go module, NuGet, release archive" tests/install/run.sh

echo
if [ ${#failures[@]} -gt 0 ]; then
  printf 'failed steps:\n'
  printf ' - %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
