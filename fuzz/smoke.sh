#!/usr/bin/env bash
# A short smoke run of every fuzz target (about 12 s each, 84 s in all) on the seed corpus plus
# whatever corpus has grown locally. Needs a nightly toolchain and cargo-fuzz; without a nightly
# toolchain it says the step is skipped and succeeds (cargo-fuzz builds with sanitizers, which only
# nightly allows).
#
#   fuzz/smoke.sh --install  # install cargo-fuzz if a nightly toolchain is present and it is missing
#   fuzz/smoke.sh            # all targets, 12 s each
#   SMOKE_SECONDS=30 fuzz/smoke.sh keys ffi
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v rustup >/dev/null 2>&1 || ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz smoke run skipped: no nightly toolchain (rustup toolchain install nightly)"
  exit 0
fi
if [ "${1:-}" = "--install" ]; then
  # What scripts/test-all.sh runs before the smoke run, so that CI fuzzes instead of skipping.
  # --locked: cargo-fuzz's own lock file, not whatever versions resolve today.
  cargo +nightly fuzz --version 2>/dev/null && exit 0
  echo "installing cargo-fuzz (cargo install --locked cargo-fuzz)"
  exec cargo install --locked --quiet cargo-fuzz
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz smoke run skipped: cargo-fuzz is not installed (fuzz/smoke.sh --install)"
  exit 0
fi

seconds=${SMOKE_SECONDS:-12}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(keys keepz_open transactpay_open responses ffi ct_decision keepz_query)

# The fuzz crate gets its own target directory next to the main one (sanitizer builds differ).
main_target=${CARGO_TARGET_DIR:-target}
case $main_target in /*) ;; *) main_target=$PWD/$main_target ;; esac
export CARGO_TARGET_DIR=$main_target/fuzz

cargo +nightly fuzz build || exit 1
failed=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  echo "--- fuzz smoke: $t (${seconds} s)"
  if cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
      >"fuzz/artifacts/$t/smoke.log" 2>&1; then
    grep -E '^stat::number_of_executed_units' "fuzz/artifacts/$t/smoke.log" | sed "s/^/$t: /"
  else
    failed=1
    echo "fuzz smoke: $t FAILED; the log's tail ($PWD/fuzz/artifacts/$t/smoke.log):"
    tail -n 40 "fuzz/artifacts/$t/smoke.log"
  fi
done
exit $failed
