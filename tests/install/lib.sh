# Sourced by tests/install/run.sh: counting checks, and what the checks share.

passed=0
failed=0

# check NAME COMMAND...: runs COMMAND in a subshell with errexit (its first failing command
# fails the check) and its output in a log; prints "ok" or "FAIL" and, on failure, the log's end.
check() {
    local name=$1 log rc
    shift
    log="$work/logs/$(echo "$name" | tr -c 'A-Za-z0-9\n' '_').log"
    (set -e; "$@") >"$log" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
        echo "ok:   $name"
    else
        failed=$((failed + 1))
        echo "FAIL: $name"
        tail -n 25 "$log" | sed 's/^/      /'
    fi
}

# soname FILE: the SONAME recorded in a shared library.
soname() { readelf -d "$1" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p'; }

# needs FILE: the libraries a program or library names as NEEDED.
needs() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

# header_define PREFIX NAME: a #define of the installed header (PAYSEAL_ABI_VERSION, ...).
header_define() { sed -n "s/^#define $2 \"*\([^\"]*\)\"*$/\1/p" "$1/include/payseal.h"; }

# mapped_from OUTPUT: the "loaded from:" lines a program printed (paths of its memory map).
mapped_from() { sed -n 's/^loaded from: //p' <<<"$1"; }

# expect TEXT PATTERN: fails, showing TEXT, unless TEXT contains PATTERN (a fixed string).
expect() {
    if grep -qF -- "$2" <<<"$1"; then return 0; fi
    printf 'expected %s in:\n%s\n' "$2" "$1"
    return 1
}
