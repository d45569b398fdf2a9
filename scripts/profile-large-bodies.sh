#!/usr/bin/env bash
# Instructions per call of a 256 KiB Keepz seal and open (2048-bit key, aws-lc), payseal against
# the OpenSSL reference of the envelope bench (benches/common/openssl_ref.rs), counted by
# valgrind's callgrind: each routine runs N and 2N times (benches/large_bodies.rs) and the
# difference over N is one call, without the set-up. Instruction counts do not move with the load
# of a shared machine; they are not times (AES-NI, AVX2 and bignum code retire more instructions a
# cycle than branchy parsing code, and valgrind hides SHA-NI and AVX-512 from the program).
#
#   scripts/profile-large-bodies.sh [N, default 4] [payload bytes, default 262144]
#
# Prints one line per routine, the ratios, and for payseal's two routines the functions that
# cost the most per call (inclusive), which is where to look.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-4}
size=${2:-262144}
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$PWD/$target ;; esac
bin=$(cargo bench --bench large_bodies --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "large_bodies" and m.get("executable"):
        print(m["executable"])')
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
declare -A per_call
for routine in seal openssl-seal open openssl-open; do
  for k in 1 2; do
    valgrind --tool=callgrind --callgrind-out-file="$out/$routine.$k" "$bin" "$routine" $((k * n)) "$size" >/dev/null 2>&1
  done
  a=$(sed -n 's/^totals: //p' "$out/$routine.1")
  b=$(sed -n 's/^totals: //p' "$out/$routine.2")
  per_call[$routine]=$(((b - a) / n))
  printf '%-13s %12d instructions per call\n' "$routine" "${per_call[$routine]}"
done
awk -v s="${per_call[seal]}" -v os="${per_call[openssl-seal]}" -v o="${per_call[open]}" -v oo="${per_call[openssl-open]}" \
  'BEGIN { printf "payseal/OpenSSL: seal %.3f, open %.3f (instructions)\n", s / os, o / oo }'
for routine in ${PROFILE_ROUTINES:-seal open}; do
  echo
  echo "$routine: the costliest functions, instructions per call (inclusive)"
  python3 - "$out/$routine.1" "$out/$routine.2" "$n" <<'PY'
import re, subprocess, sys
def load(path):
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=99.9", path],
                          capture_output=True, text=True).stdout
    costs = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+\S*:(.*?) \[", line)
        if m:
            costs[m.group(2)] = costs.get(m.group(2), 0) + int(m.group(1).replace(",", ""))
    return costs
a, b, n = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
skip = re.compile(r"^(main|\(below main\)|\{\{closure\}\}|lang_start_internal|__rust_begin_short_backtrace|__libc_start_main.*|0x[0-9a-f]+)$")
rows = sorted(((b.get(k, 0) - a.get(k, 0)) / n, k) for k in set(a) | set(b) if not skip.match(k))[::-1]
for cost, name in [r for r in rows if r[0] > 0][:40]:
    print(f"{cost:12.0f}  {name[:110]}")
PY
done
