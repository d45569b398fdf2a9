#!/usr/bin/env bash
# Host-language benchmarks (not part of the test run): each binding's ops/s for Keepz (1 KiB,
# 4096-bit) and TransactPay (100 B, 4096-bit), next to the Rust-native figure (`payseal bench`,
# aws-lc) and the host's own implementation of the same envelope; then, per binding, a handle made
# per call (new handle from the key text + seal, as a PHP-FPM page does per request) against the
# same seal on a handle kept, paired, with libpayseal's key cache and with it off:
#   PHP  bindings/php/bench.php         phpseclib3 (OAEP-SHA-256) + openssl_*; openssl_public_encrypt
#   Go   bindings/go/bench_test.go      crypto/rsa + crypto/aes (go test -bench)
#   C#   bindings/csharp/bench/Bench.cs RSACryptoServiceProvider (PKCS#1 v1.5; it has no OAEP-SHA-256)
#
#   ./scripts/bench-bindings.sh [seconds per case, default 2]
#
# Needs what the binding suites need (php8.2-cli php-phpseclib3, golang-go, mono-mcs mono-runtime):
# run bindings/*/test.sh once, as root, to install them. A language whose tools are missing is
# skipped. Ends with two tables: ops/s, binding/native and binding/host as ratios of ops/s; and the
# handle-per-call ratios (time per call / time with a kept handle: medians of paired rounds).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-2}
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$root/$target ;; esac

cargo build --release -p payseal-ffi -p payseal-cli >&2
lib=$target/release/libpayseal.so
results=$(mktemp)
trap 'rm -f "$results"' EXIT

echo "== Rust native (payseal bench, aws-lc)" >&2
"$target/release/payseal" bench --backend aws-lc --seconds "$(awk -v s="$seconds" 'BEGIN { print s * 6 }')" \
  | awk '$1 == "aws-lc" && $4 == 4096 {
      id = ($2 == "transactpay") ? "transactpay_seal_100B_4096" : $2 "_" $3 "_1KiB_4096"
      print "BENCH rust", id, "native", $7 }' >> "$results"

if command -v php >/dev/null && [ -f /usr/share/php/phpseclib3/autoload.php ]; then
  echo "== PHP" >&2
  PAYSEAL_LIB=$lib php -d ffi.enable=1 bindings/php/bench.php "$seconds" | grep -E '^(BENCH|PAIRED)' >> "$results"
else
  echo "== PHP: skipped (php8.2-cli and php-phpseclib3 needed)" >&2
fi

if command -v go >/dev/null; then
  echo "== Go" >&2
  gohome=$target/go
  mkdir -p "$gohome/cache" "$gohome/path" "$gohome/tmp"
  # The package finds libpayseal through pkg-config: install it into a prefix of our own.
  rm -rf "$gohome/bench-prefix"
  scripts/install.sh --lib-dir "$(dirname "$lib")" --shared-only --prefix "$gohome/bench-prefix" >&2
  (cd bindings/go &&
    GOPATH=$gohome/path GOCACHE=$gohome/cache GOTMPDIR=$gohome/tmp GOENV=off GOTOOLCHAIN=local \
    GOPROXY=off GOSUMDB=off GOFLAGS="" GO111MODULE=on CGO_ENABLED=1 \
    PKG_CONFIG_PATH="$gohome/bench-prefix/lib/pkgconfig" LD_LIBRARY_PATH="$gohome/bench-prefix/lib" \
    go test -run '^$' -bench . -benchtime "${seconds}s") |
    awk '/^BenchmarkHandlePerCall/ && $10 == "percall/kept" {
      split($1, part, "/"); sub(/-[0-9]+$/, "", part[3])
      print "PAIRED go", part[2] "_4096/" part[3], 1e9 / $5, 1e9 / $7, $9; next }
    /^Benchmark/ && $4 == "ns/op" {
      split($1, part, "/"); sub(/-[0-9]+$/, "", part[3])
      gateway = (part[1] ~ /Keepz/) ? "keepz" : "transactpay"
      print "BENCH go", gateway "_" part[2] "_4096", part[3], 1e9 / $3 }' >> "$results"
else
  echo "== Go: skipped (golang-go needed)" >&2
fi

if command -v mcs >/dev/null && command -v mono >/dev/null; then
  echo "== C#" >&2
  build=$target/csharp-bench
  rm -rf "$build" && mkdir -p "$build"
  bindings/csharp/build.sh "$build"
  printf '<configuration>\n  <dllmap dll="payseal" target="%s" />\n</configuration>\n' "$lib" > "$build/Payseal.dll.config"
  mcs -nologo -langversion:7.2 -optimize+ -r:"$build/Payseal.dll" -out:"$build/Bench.exe" \
    bindings/csharp/bench/Bench.cs bindings/csharp/tests/RsaKeys.cs
  LD_LIBRARY_PATH="$(dirname "$lib")" mono "$build/Bench.exe" "$root" "$seconds" | grep -E '^(BENCH|PAIRED)' >> "$results"
else
  echo "== C#: skipped (mono-mcs and mono-runtime needed)" >&2
fi

echo
echo "ops/s; binding/native = the binding's ops/s over Rust's; binding/host = over the host's own code"
echo
awk '
  $1 != "BENCH" { next }
  { lang = $2; id = $3; impl = $4; ops = $5
    if (lang == "rust") { native[id] = ops; next }
    if (impl == "payseal") { binding[lang, id] = ops } else { host[lang, id] = ops; hostname[lang, id] = impl }
    if (!((lang, id) in seen)) { seen[lang, id] = 1; order[++n] = lang SUBSEP id } }
  END {
    printf "| language | case | Rust native | binding | binding/native | host implementation | host | binding/host |\n"
    printf "|---|---|---:|---:|---:|---|---:|---:|\n"
    for (i = 1; i <= n; i++) {
      split(order[i], k, SUBSEP); lang = k[1]; id = k[2]
      b = binding[lang, id]; nat = native[id]; h = host[lang, id]
      printf "| %s | %s | %.0f | %.0f | %s | %s | %s | %s |\n", lang, id, nat, b,
        (nat > 0 ? sprintf("%.2f", b / nat) : "-"), ((lang, id) in hostname ? hostname[lang, id] : "-"),
        (h > 0 ? sprintf("%.1f", h) : "-"), (h > 0 ? sprintf("%.1f", b / h) : "-")
    }
  }' "$results"

echo
echo "A handle per call: a new handle from the 4096-bit key text, then the seal, against the same seal"
echo "on a kept handle (paired rounds; ratio = time per call / time with the kept handle, median)."
echo "cache: libpayseal's key cache on (the default); nocache: capacity 0 (every handle parses its keys)."
echo
awk '
  $1 == "PAIRED" {
    split($3, part, "/")
    key = $2 SUBSEP part[1]
    if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    kept[key, part[2]] = $4; percall[key, part[2]] = $5; ratio[key, part[2]] = $6 }
  END {
    printf "| language | case | kept handle ops/s | per call, cache ops/s | ratio | per call, no cache ops/s | ratio |\n"
    printf "|---|---|---:|---:|---:|---:|---:|\n"
    for (i = 1; i <= n; i++) {
      split(order[i], k, SUBSEP)
      printf "| %s | %s | %.0f | %.0f | %.3f | %.0f | %.2f |\n", k[1], k[2], kept[order[i], "cache"],
        percall[order[i], "cache"], ratio[order[i], "cache"], percall[order[i], "nocache"], ratio[order[i], "nocache"]
    }
  }' "$results"
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
