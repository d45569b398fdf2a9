#!/usr/bin/env bash
# Runs every test of the Go binding: conformity vectors, interop with Go's crypto, bad input,
# concurrency, leak check — all under the race detector.
#
#   PAYSEAL_LIB=/abs/path/libpayseal.so bindings/go/test.sh   # use a built library
#   bindings/go/test.sh                                        # build it with cargo first
#
# Extra arguments go to `go test` (e.g. -run Vectors, -short to skip the leak check).
# Needs: go (Debian's golang-go, 1.19+), a C compiler and pkg-config; installed with apt-get
# when run as root and missing. Nothing is fetched by go itself: GOPROXY=off, GOTOOLCHAIN=local, and the
# package uses the standard library only.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

# ---------------------------------------------------------------- tools
missing=()
command -v go >/dev/null 2>&1 || missing+=(golang-go)
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing+=(gcc)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: installing ${missing[*]} with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get -o DPkg::Lock::Timeout=600 update -qq
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
    else
        echo "test.sh: missing ${missing[*]}; install them (Debian: apt-get install ${missing[*]})" >&2
        exit 1
    fi
fi

# ---------------------------------------------------------------- the library
if [[ -n "${PAYSEAL_LIB:-}" ]]; then
    lib="$PAYSEAL_LIB"
else
    echo "test.sh: PAYSEAL_LIB unset; building libpayseal with cargo"
    (cd "$repo" && cargo build --release -p payseal-ffi)
    target="${CARGO_TARGET_DIR:-$repo/target}"
    [[ "$target" = /* ]] || target="$repo/$target"
    lib="$target/release/libpayseal.so"
fi
if [[ ! -f "$lib" ]]; then
    echo "test.sh: no library at $lib" >&2
    exit 1
fi
lib="$(cd "$(dirname "$lib")" && pwd)/$(basename "$lib")"
libdir="$(dirname "$lib")"
if [[ "$(basename "$lib")" != libpayseal.so ]]; then
    # install.sh takes libpayseal.so from a directory: give the file that name in one of its own.
    libdir="$(mktemp -d)"
    trap 'rm -rf "$libdir"' EXIT
    ln -s "$lib" "$libdir/libpayseal.so"
fi

# The package finds libpayseal through pkg-config, as it does for users: install the library under
# test (shared only: a copy of the .so, its SONAME link and payseal.pc) into a prefix of our own.
gohome="$repo/target/go"
prefix="$gohome/prefix"
rm -rf "$prefix"
"$repo/scripts/install.sh" --lib-dir "$libdir" --shared-only --prefix "$prefix" >/dev/null

# ---------------------------------------------------------------- go environment
mkdir -p "$gohome/cache" "$gohome/path" "$gohome/tmp"
export GOPATH="$gohome/path" GOCACHE="$gohome/cache" GOTMPDIR="$gohome/tmp"
export GOENV=off GOTOOLCHAIN=local GOPROXY=off GOSUMDB=off GOFLAGS="" GO111MODULE=on
export CGO_ENABLED=1
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
export LD_LIBRARY_PATH="$prefix/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export RUST_BACKTRACE=0 # the panic self-test's message, without a backtrace
export GODEBUG=cgocheck=2 # check every pointer passed to C against the cgo rules, not only the arguments

cd "$here"
echo "test.sh: $(go version); library $lib"

unformatted="$(gofmt -l .)"
if [[ -n "$unformatted" ]]; then
    echo "test.sh: not gofmt-formatted: $unformatted" >&2
    exit 1
fi
go vet ./...

log="$gohome/test.log"
status=0
go test -race -count=1 -v "$@" ./... 2>&1 | tee "$log" || status=$?
passed=$(grep -c '^--- PASS' "$log" || true)
failed=$(grep -c '^--- FAIL' "$log" || true)
skipped=$(grep -c '^--- SKIP' "$log" || true)
if [[ $status -ne 0 && $failed -eq 0 ]]; then
    failed=1 # a build failure or a crash: no test line, but not a pass
fi
echo "go: $passed passed, $failed failed, $skipped skipped"
exit "$status"
