#!/usr/bin/env bash
# Installs payseal the way its users do and uses it from outside this repository, with none of
# the repository's paths: the C library into a temporary prefix (scripts/install.sh), a C program
# through pkg-config (shared and static), a Composer project, a Go module (shared and static), a
# NuGet consumer under Mono; then the release archive, unpacked alone into a clean prefix, with
# the C example and the PHP package from it. Ends with "N passed, N failed".
#
# It reuses the release build in $CARGO_TARGET_DIR/release (scripts/test-all.sh makes it with
# `scripts/install.sh --build-only`) and builds one only when there is none.
# Needs: gcc, pkg-config, readelf, php + composer, go, mcs + mono + nuget (Debian: gcc pkg-config
# binutils php8.2-cli composer golang-go mono-mcs mono-runtime nuget).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
export CARGO_TARGET_DIR="$target"

# shellcheck source=tests/install/lib.sh
for part in lib c php go csharp archive; do source "$here/$part.sh"; done

work="$(mktemp -d "${TMPDIR:-/tmp}/payseal-install.XXXXXX")"
# PAYSEAL_INSTALL_KEEP=1 keeps the folder (logs/ holds each check's output).
[ -n "${PAYSEAL_INSTALL_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/logs"

if [ ! -f "$target/release/libpayseal.so" ] || [ ! -f "$target/release/libpayseal.native-static-libs" ]; then
    echo "== no release build with its static-library list: scripts/install.sh --build-only"
    "$root/scripts/install.sh" --build-only || { echo "0 passed, 1 failed"; exit 1; }
fi

example="$root/tests/c/example.c"
keys="$work/keys"                 # test keys, copied: the programs read them, nothing more
cp -r "$root/tests/keys" "$keys"

echo "== scripts/install.sh into $work/prefix"
prefix="$work/prefix"
check "install.sh --prefix (from the release build)" "$root/scripts/install.sh" --no-build --prefix "$prefix"
check "C: SONAME, links, pkg-config version" c_layout "$prefix"
check "C: example via pkg-config --libs payseal (shared)" c_dynamic "$prefix" "$example" "$keys"
check "C: example via pkg-config --static payseal-static (no libpayseal.so at run time)" c_static "$prefix" "$example" "$keys"
check "C: --destdir stages under DESTDIR, .pc names the prefix" c_destdir
check "PHP: composer project from a path repository, installed library" php_project repo "$prefix" "$root/bindings/php"
check "Go: module via replace, pkg-config; -tags payseal_static" go_module repo "$prefix" "$root/bindings/go"
check "C#: NuGet package under Mono, native library from runtimes/" csharp_package repo "$prefix/lib/libpayseal.so"

echo "== the release archive, unpacked alone into $work/clean"
clean="$work/clean"
check "release archive: scripts/release.sh, sha256, contents" archive_build
check "release archive: unpacked into a clean prefix" archive_unpack "$clean"
check "release archive: C example (shared, relocatable .pc)" c_dynamic "$clean" "$clean/share/doc/payseal/example.c" "$keys"
check "release archive: C example (static)" c_static "$clean" "$clean/share/doc/payseal/example.c" "$keys"
check "release archive: PHP package" php_project archive "$clean" "$clean/share/payseal/php"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
