#!/usr/bin/env bash
# Builds and tests tests/dependent, a program that depends on payseal by path as a stranger would,
# and checks what payseal does to such a program's build:
#
#  1. serde_json gets no `arbitrary_precision` (cargo tree -e features);
#  2. no C library is built: no libpayseal.so or libpayseal.a among the artifacts cargo reports,
#     and the payseal rlib defines no `payseal_*` C symbol (nm);
#  3. the program's own serde (untagged and internally tagged enums with f64, flatten, Value to
#     MessagePack, Value equality) and payseal's typed API both work: `cargo test` here.
#
# It shares payseal's target directory ($CARGO_TARGET_DIR, default target/) and starts from
# payseal's Cargo.lock, so AWS-LC is not compiled again after payseal's own test run. Needs the
# Rust toolchain and nm (binutils). Exits non-zero on any failure.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
export CARGO_TARGET_DIR=$target
manifest=$here/Cargo.toml

# payseal's versions; cargo adds what only this program uses (rmp-serde) and drops the rest.
cp "$root/Cargo.lock" "$here/Cargo.lock"

failed=0
fail() {
  echo "FAIL: $*"
  failed=1
}

echo "== serde_json's features in the dependent's build"
features=$(cargo tree --manifest-path "$manifest" -e features -i serde_json --prefix none 2>/dev/null |
  grep -oE 'serde_json feature "[a-z_]+"' | sort -u)
echo "$features"
if echo "$features" | grep -q arbitrary_precision; then
  fail "serde_json has arbitrary_precision"
fi
echo "$features" | grep -q '"raw_value"' || fail "payseal's serde_json feature raw_value not seen: wrong tree?"

echo "== artifacts of the dependent's build (cargo test --no-run)"
messages=$target/dependent-build.json
cargo test --manifest-path "$manifest" --no-run --message-format=json >"$messages"
payseal_lines=$(grep '"reason":"compiler-artifact"' "$messages" | grep '"name":"payseal"' || true)
[ -n "$payseal_lines" ] || fail "no compiler-artifact message for payseal: wrong build?"
echo "$payseal_lines" | grep -oE '"crate_types":\[[^]]*\]' | sort -u | sed 's/^/payseal /'
if grep '"reason":"compiler-artifact"' "$messages" | grep -qE '/libpayseal[^/"]*\.(so|a|dylib)"'; then
  fail "the dependent's build made a C library:"
  grep -oE '"[^"]*/libpayseal[^/"]*\.(so|a|dylib)"' "$messages" | sort -u
fi
rlib=$(echo "$payseal_lines" | grep -oE '"[^"]*/libpayseal-[^"]*\.rlib"' | tr -d '"' | head -n 1)
if [ -z "$rlib" ] || [ ! -f "$rlib" ]; then
  fail "payseal's rlib not found"
else
  symbols=$(nm --defined-only "$rlib" 2>/dev/null | grep -cE ' [TDB] payseal_' || true)
  echo "C symbols payseal_* defined by $(basename "$rlib"): $symbols"
  [ "$symbols" -eq 0 ] || fail "payseal's rlib defines payseal_* C symbols"
fi

echo "== the dependent's tests"
cargo test --manifest-path "$manifest" || fail "cargo test in tests/dependent"

[ "$failed" -eq 0 ] && echo "dependent crate: ok"
exit "$failed"
