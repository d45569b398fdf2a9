#!/usr/bin/env bash
# The constant-time proof of the open path (SECURITY.md §4): builds tests/ct_valgrind.rs in release
# with the hidden `ct-valgrind` feature (both backends), runs it under valgrind's memcheck, and fails
# on any "Conditional jump or move depends on uninitialised value(s)" or "Use of uninitialised value"
# that memcheck attributes to payseal's code — the secrets (the RSA step's output) are marked
# undefined, and only the decision and then a valid plaintext are marked defined again.
#
# Attribution: for each report, the stack is walked from the innermost frame outwards, skipping
# generic library code that payseal's own code is made of (core, std, alloc, subtle, zeroize; libc's
# and valgrind's memcpy/memcmp); the first other frame decides, by its source path (memcheck prints
# full paths, and payseal is built with line tables so that inlined functions have frames) or its
# function name. A frame in this repository's src/ counts (and fails the check); anything else
# (AWS-LC's C code, aws-lc-rs, the rsa, crypto-bigint, aes and cbc crates; the harness in tests/)
# is listed and does not fail it.
#
# The harness's first case is a positive control (the old early-exit checks on a secret buffer): it
# must be reported, or the check fails — so a build in which the marks do nothing cannot pass.
#
#   scripts/ct-check.sh               the check (what scripts/test-all.sh runs)
#   scripts/ct-check.sh --rsa-input   also mark each RSA block secret *before* the RSA step: shows
#                                     what the RSA step itself does with secret-dependent data
#                                     (a diagnostic; expected to fail while the step branches)
#   PAYSEAL_CT_LOG=file               keeps memcheck's full output
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v valgrind >/dev/null 2>&1; then
  echo "ct-check: valgrind is not installed (Debian: apt-get install valgrind)"
  exit 1
fi

mode=check
if [ "${1:-}" = "--rsa-input" ]; then
  mode=rsa-input
fi

# Line tables for payseal only: memcheck then names inlined functions (the scans are inlined).
build=(cargo test --release --no-default-features --features aws-lc,rustcrypto,ct-valgrind
  --config 'profile.release.package.payseal.debug="line-tables-only"'
  --test ct_valgrind --no-run --message-format=json)
bin=$("${build[@]}" 2>/dev/null | grep -o '"executable":"[^"]*ct_valgrind[^"]*"' | tail -1 | cut -d'"' -f4)
if [ -z "$bin" ]; then
  "${build[@]}" >/dev/null
  echo "ct-check: the harness did not build"
  exit 1
fi

log=${PAYSEAL_CT_LOG:-$(mktemp)}
env=(PAYSEAL_CT_EXPECT_VALGRIND=1)
[ "$mode" = rsa-input ] && env+=(PAYSEAL_CT_TAINT_RSA_INPUT=1)
start=$SECONDS
env "${env[@]}" valgrind --tool=memcheck --error-limit=no --leak-check=no --track-origins=yes \
  --num-callers=40 --fullpath-after= "$bin" >"$log" 2>&1
status=$?
echo "ct-check: memcheck ran the harness in $((SECONDS - start)) s (exit status $status)"

awk -v repo="$PWD" '
  # The owner of one stack frame, from its function and (with line tables) its source path.
  function frame_owner(line,    f) {
    f = line
    sub(/^==[0-9]+== +(at|by) 0x[0-9A-Fa-f]+: /, "", f)
    if (index(f, "(" repo "/src/") || f ~ /^<?payseal::/) return "payseal"
    if (index(f, "(" repo "/tests/") || f ~ /^ct_valgrind::/) return "harness"
    if (f ~ /\/library\/(core|std|alloc)\// || f ~ /\/(subtle|zeroize)-[0-9.]+\//) return "glue"
    if (f ~ /^<?(core|std|alloc|subtle|zeroize)::/ || f ~ /^<(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|bool|\[)/) return "glue"
    if (f ~ /(vg_replace_strmem|vgpreload|libc\.so)/) return "glue"
    return "third-party"
  }
  /ct-case: / { c = $0; sub(/.*ct-case: /, "", c); next }
  /^==[0-9]+== (Conditional jump or move depends on uninitialised|Use of uninitialised value)/ {
    inerr = 1; owner = ""; report = $0; where = ""; next
  }
  inerr && /^==[0-9]+== +(at|by) 0x/ {
    # (the frames below the harness: the Rust runtime starting main)
    if ($0 !~ /(lang_start|catch_unwind|do_call|call_once|__rust_begin_short_backtrace|main \(in |\{closure#0\} \(\/rustc)/) report = report "\n" $0
    if (owner == "") {
      o = frame_owner($0)
      if (o != "glue") { owner = o; where = $0; sub(/^==[0-9]+== +(at|by) 0x[0-9A-Fa-f]+: /, "", where) }
    }
    next
  }
  inerr && /^==[0-9]+==  Uninitialised value was created/ { report = report "\n" $0; next }
  inerr && /^==[0-9]+== *$/ {
    inerr = 0
    if (owner == "") owner = "glue only"
    if (c ~ /^control \/ old early-exit/) { if (owner == "payseal") control++; next }
    if (owner == "payseal") {
      payseal++
      if (!(where in at)) { at[where] = c; places++ }
      if (payseal <= 10) print "PAYSEAL  [" c "]\n" report "\n"
      else if (payseal == 11) print "(further payseal reports in the log)"
    } else if (owner == "harness") {
      harness++
      if (!(where in seen)) { seen[where] = 1; print "harness (not counted) [" c "]: " where }
    } else {
      third++
      if (!(where in seen)) { seen[where] = 1; print "third-party (not counted) [" c "]: " where }
    }
    next
  }
  END {
    print ""
    print "ct-check: positive control reports: " control+0 " (must be > 0)"
    print "ct-check: reports in payseal code: " payseal+0 " (must be 0), at " places+0 " places:"
    for (w in at) print "    " w "   [first: " at[w] "]"
    print "ct-check: reports in third-party code: " third+0 " (listed, not counted)"
    print "ct-check: reports in the harness itself: " harness+0 " (listed, not counted)"
    if (control == 0) { print "ct-check: FAILED: the positive control was not reported (marks not working?)"; exit 1 }
    if (payseal > 0) { print "ct-check: FAILED: secret-dependent branches or addresses in payseal code"; exit 1 }
    print "ct-check: ok"
  }
' "$log"
verdict=$?

if ! grep -q "ct-case: done" "$log"; then
  echo "ct-check: FAILED: the harness did not finish (exit status $status); the end of its output:"
  tail -30 "$log"
  verdict=1
fi
if [ -z "${PAYSEAL_CT_LOG:-}" ]; then rm -f "$log"; fi
exit $verdict
