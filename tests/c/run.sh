#!/usr/bin/env bash
# The C tests of payseal's C ABI (tests/c).
#
# Builds libpayseal (cargo build --release -p payseal-ffi, in $CARGO_TARGET_DIR, default target/), checks that
# include/payseal.h compiles on its own as C99 and as C++17, compiles every program with
# gcc -std=c99 -Wall -Wextra -Werror -pedantic, runs each natively, then each again under valgrind
# (memcheck with a full leak check, fewer iterations and key generations, several at a time), and
# ends with one line "N passed, N failed" summing every run. Anything else that goes wrong (a
# compile error, a crash, a valgrind error, definitely or indirectly lost bytes) counts as one more
# failure. Exits non-zero on any failure.
#
# Needs: the Rust toolchain, gcc/g++, openssl, base64 (coreutils), valgrind. Run from anywhere.
#
# Environment:
#   PAYSEAL_LIB                    an already built libpayseal.so to test (skips the cargo build)
#   CARGO_TARGET_DIR               cargo's target directory (default: target)
#   PAYSEAL_C_ITERATIONS           test_threads: iterations per thread natively (default 1000)
#   PAYSEAL_C_VALGRIND_ITERATIONS  test_threads: iterations per thread under valgrind (default 25)
#   PAYSEAL_C_JOBS                 valgrind runs at a time (default: the number of CPUs)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 1

target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
libdir="$target/release"
if [ -n "${PAYSEAL_LIB:-}" ]; then
    libdir="$(cd "$(dirname "$PAYSEAL_LIB")" && pwd)"
fi
out="$target/c-tests"
programs=(test_keepz test_transactpay test_operations test_abi test_errors test_threads test_key_cache example example_operations)
cflags=(-std=c99 -Wall -Wextra -Werror -pedantic -I"$root/include")
cxxflags=(-x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -fsyntax-only)
valgrind_iterations="${PAYSEAL_C_VALGRIND_ITERATIONS:-25}"
jobs="${PAYSEAL_C_JOBS:-$(nproc 2>/dev/null || echo 2)}"

passed=0
failed=0
start=$(date +%s)

problem() { # one failure that is not a check inside a program
    echo "FAIL: $*"
    failed=$((failed + 1))
}

finish() {
    echo "C tests took $(($(date +%s) - start)) s"
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
    exit $?
}

for tool in cargo gcc g++ openssl base64 valgrind timeout; do
    command -v "$tool" >/dev/null 2>&1 || problem "$tool is not installed"
done
[ "$failed" -eq 0 ] || finish

if [ -n "${PAYSEAL_LIB:-}" ]; then
    echo "== using PAYSEAL_LIB=$PAYSEAL_LIB"
else
    echo "== building libpayseal (release) in $target"
    if ! CARGO_TARGET_DIR="$target" cargo build --release -p payseal-ffi; then
        problem "cargo build --release -p payseal-ffi"
        finish
    fi
fi
[ -f "$libdir/libpayseal.so" ] || { problem "no $libdir/libpayseal.so"; finish; }
# Programs linked against libpayseal load it by its SONAME (libpayseal.so.2), a name only an
# installed copy has: install the library under test (shared only) into a prefix of our own.
rm -rf "$out/prefix"
if ! "$root/scripts/install.sh" --lib-dir "$libdir" --shared-only --prefix "$out/prefix" >/dev/null; then
    problem "scripts/install.sh --lib-dir $libdir"
    finish
fi
libdir="$out/prefix/lib"

echo "== compiling"
mkdir -p "$out/logs"
if gcc "${cflags[@]}" -fsyntax-only -x c include/payseal.h; then
    passed=$((passed + 1))
else
    problem "include/payseal.h does not compile as C99"
fi
if g++ "${cxxflags[@]}" include/payseal.h; then
    passed=$((passed + 1))
else
    problem "include/payseal.h does not compile as C++17"
fi
# Every function the header exports is called by at least one test program.
exported="$(grep -oE '^[A-Za-z_][A-Za-z0-9_ ]*[ *]payseal_[a-z0-9_]+\(' include/payseal.h |
    grep -oE 'payseal_[a-z0-9_]+\($' | tr -d '(')"
uncovered=()
for f in $exported; do
    grep -qE "\\b$f\\(" tests/c/test_*.c || uncovered+=("$f")
done
if [ -z "$exported" ]; then
    problem "found no exported functions in include/payseal.h"
elif [ "${#uncovered[@]}" -eq 0 ]; then
    echo "all $(echo "$exported" | wc -l) exported functions are called by the tests"
    passed=$((passed + 1))
else
    problem "exported functions no test calls: ${uncovered[*]}"
fi
built=()
for p in "${programs[@]}"; do
    if gcc "${cflags[@]}" "tests/c/$p.c" -o "$out/$p" -L"$libdir" -lpayseal -lpthread; then
        built+=("$p")
    else
        problem "tests/c/$p.c does not compile"
    fi
done

export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# Adds a run's result: its last stdout line "N passed, N failed" (an example, which has none,
# counts as one check) and its exit status. Prints one line about it.
account() { # label program exit-status log seconds
    local label=$1 p=$2 rc=$3 log=$4 secs=$5 last n_pass n_fail
    last="$(tail -n 1 "$log" 2>/dev/null)"
    if [[ "$p" == example* ]]; then
        if [ "$rc" -eq 0 ]; then n_pass=1 n_fail=0; else n_pass=0 n_fail=1; fi
        last="exit status $rc"
    elif [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        n_pass=${BASH_REMATCH[1]} n_fail=${BASH_REMATCH[2]}
        if [ "$rc" -ne 0 ] && [ "$n_fail" -eq 0 ]; then
            problem "$label $p exited with status $rc"
        fi
    else
        n_pass=0 n_fail=0
        problem "$label $p ended without a summary line (exit status $rc)"
    fi
    passed=$((passed + n_pass))
    failed=$((failed + n_fail))
    printf '%-9s %-17s %s (%s s)\n' "$label" "$p" "$last" "$secs"
    if [ "$n_fail" -ne 0 ] || [ "$rc" -ne 0 ]; then
        grep -E '^(FAIL|  ! )' "$log" | head -n 40
        echo "   (full output: $log)"
    fi
}

echo "== running natively"
for p in ${built[@]+"${built[@]}"}; do
    log="$out/logs/$p.native.log"
    t0=$(date +%s)
    args=()
    [[ "$p" == example* ]] && args=(tests/keys)
    timeout 600 "$out/$p" ${args[@]+"${args[@]}"} >"$log" 2>"$out/logs/$p.native.stderr"
    rc=$?
    account native "$p" "$rc" "$log" $(($(date +%s) - t0))
done

echo "== running under valgrind ($jobs at a time; test_threads with $valgrind_iterations iterations per thread)"
# Longest first, so that the parallel runs end together.
order=()
for p in test_threads test_operations test_abi test_errors test_keepz test_transactpay test_key_cache example example_operations; do
    [[ " ${built[*]-} " == *" $p "* ]] && order+=("$p")
done
running=0
for p in ${order[@]+"${order[@]}"}; do
    args=()
    [[ "$p" == example* ]] && args=(tests/keys)
    (
        t0=$(date +%s)
        PAYSEAL_C_ITERATIONS="$valgrind_iterations" PAYSEAL_C_QUICK=1 timeout 1200 \
            valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --error-exitcode=1 --log-file="$out/logs/$p.valgrind.txt" \
            "$out/$p" ${args[@]+"${args[@]}"} >"$out/logs/$p.vg.log" 2>"$out/logs/$p.vg.stderr"
        echo "$? $(($(date +%s) - t0))" >"$out/logs/$p.vg.status"
    ) &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

# Reads "definitely lost: 1,234 bytes in 5 blocks" and the like (absent: 0).
lost() { # kind valgrind-log
    local n
    n="$(grep -E "$1 lost:" "$2" | tail -n 1 | sed -E 's/.*lost: ([0-9,]+) bytes.*/\1/' | tr -d ,)"
    echo "${n:-0}"
}

for p in ${order[@]+"${order[@]}"}; do
    vlog="$out/logs/$p.valgrind.txt"
    read -r rc secs <"$out/logs/$p.vg.status" || { rc=125 secs=0; }
    account valgrind "$p" "$rc" "$out/logs/$p.vg.log" "$secs"
    if ! grep -q "ERROR SUMMARY" "$vlog" 2>/dev/null; then
        problem "valgrind $p: no valgrind report (see $vlog)"
        continue
    fi
    errors="$(grep -E 'ERROR SUMMARY' "$vlog" | tail -n 1 | sed -E 's/.*SUMMARY: ([0-9,]+) errors.*/\1/' | tr -d ,)"
    definite="$(lost definitely "$vlog")"
    indirect="$(lost indirectly "$vlog")"
    possible="$(lost possibly "$vlog")"
    reachable="$(grep -E 'still reachable:' "$vlog" | tail -n 1 | sed -E 's/.*reachable: ([0-9,]+) bytes.*/\1/' | tr -d ,)"
    printf '%-9s %-17s %s errors; lost: %s B definitely, %s B indirectly, %s B possibly; %s B still reachable\n' \
        "" "" "$errors" "$definite" "$indirect" "$possible" "${reachable:-0}"
    if [ "$errors" != 0 ] || [ "$definite" != 0 ] || [ "$indirect" != 0 ]; then
        problem "valgrind $p: $errors errors, $definite B definitely and $indirect B indirectly lost (see $vlog)"
    fi
    if [ "$possible" != 0 ]; then
        echo "   note: $possible B possibly lost (not counted as a failure; see $vlog)"
    fi
done

finish
