#!/usr/bin/env bash
# One long run of a fuzz target, the way fuzz/README.md's "Runs so far" were taken: libFuzzer fork
# mode with one worker (a finding is saved to fuzz/artifacts/<target>/ and the run goes on), under
# `nice -n 10` (a shared machine) and `/usr/bin/time -v` (CPU time beside wall time), ending at a
# given UTC time. The log is fuzz/artifacts/<target>/long-run.log.
#
#   fuzz/long-run.sh ct_decision 18:42
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
end=$(date -u -d "$2" +%s)

main_target=${CARGO_TARGET_DIR:-target}
case $main_target in /*) ;; *) main_target=$PWD/$main_target ;; esac
export CARGO_TARGET_DIR=$main_target/fuzz
nice -n 10 cargo +nightly fuzz build "$target"
host=$(rustc +nightly -vV | sed -n 's/^host: //p')

mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
seconds=$((end - $(date +%s)))
exec /usr/bin/time -v nice -n 10 "$CARGO_TARGET_DIR/$host/release/$target" "fuzz/corpus/$target" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -fork=1 \
  -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -artifact_prefix="fuzz/artifacts/$target/" -print_final_stats=1 \
  >"fuzz/artifacts/$target/long-run.log" 2>&1
