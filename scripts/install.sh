#!/usr/bin/env bash
# Builds libpayseal and installs it as a system library: the shared library under its SONAME with
# the usual links, the static library, the header and two pkg-config files.
#
#   scripts/install.sh [--prefix /usr/local] [--destdir DIR] [--features rustcrypto]
#
#   PREFIX/lib/libpayseal.so.A.X.Y.Z      the library: its SONAME (libpayseal.so.A, A being the C
#                                          ABI version, set by ffi/build.rs) and the release
#                                          version X.Y.Z (today: libpayseal.so.2.0.1.0)
#   PREFIX/lib/libpayseal.so.A             -> libpayseal.so.A.X.Y.Z (what programs load)
#   PREFIX/lib/libpayseal.so               -> libpayseal.so.A (what -lpayseal links)
#   PREFIX/lib/libpayseal.a
#   PREFIX/lib/pkgconfig/payseal.pc        -lpayseal; the system libraries the static library
#                                          needs in Libs.private
#   PREFIX/lib/pkgconfig/payseal-static.pc PREFIX/lib/libpayseal.a itself, for a program that must
#                                          not need libpayseal.so at run time
#   PREFIX/include/payseal.h
#
# Options:
#   --prefix DIR       where it is installed and what the .pc files name (default /usr/local)
#   --destdir DIR      stage the files under DIR instead (packaging: DIR/PREFIX/...)
#   --libdir DIR       the library directory, absolute or relative to the prefix (default lib)
#   --includedir DIR   the header directory, absolute or relative to the prefix (default include)
#   --features LIST    cargo features of payseal-ffi (aws-lc is the default; e.g. rustcrypto)
#   --no-build         install what the last build left in $CARGO_TARGET_DIR/release
#   --lib-dir DIR      install the libpayseal.so found in DIR (implies --no-build)
#   --build-only       build, record the static library's system libraries, install nothing
#   --shared-only      install no libpayseal.a and no payseal-static.pc
#   --relocatable      .pc files that find the prefix from their own place (${pcfiledir}), so
#                      that a copied tree (the release archive) needs no edit
#
# The build runs `cargo rustc --release -p payseal-ffi --lib -- --print native-static-libs`: the
# same library as `cargo build --release -p payseal-ffi`, plus rustc's exact list of the system
# libraries libpayseal.a needs, kept beside it (libpayseal.native-static-libs) for Libs.private.
# Run `ldconfig` after installing into a system directory (not needed under DESTDIR).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

prefix=/usr/local
destdir=
libdir=lib
includedir=include
features=
build=1
install=1
static=1
relocatable=0
lib_source=

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e 's/^# \{0,1\}//' -e '/^set -euo/d'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --destdir) destdir=$2; shift 2 ;;
        --libdir) libdir=$2; shift 2 ;;
        --includedir) includedir=$2; shift 2 ;;
        --features) features=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        --lib-dir) lib_source=$2; build=0; shift 2 ;;
        --build-only) install=0; shift ;;
        --shared-only) static=0; shift ;;
        --relocatable) relocatable=1; shift ;;
        -h | --help) usage ;;
        *) echo "install.sh: unknown option $1" >&2; usage 2 >&2 ;;
    esac
done
case "$prefix" in /*) ;; *) echo "install.sh: --prefix must be absolute" >&2; exit 2 ;; esac

target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
built="${lib_source:-$target/release}"
static_libs_file="$built/libpayseal.native-static-libs"

# ---------------------------------------------------------------- build
if [ "$build" -eq 1 ]; then
    log="$(mktemp)"
    trap 'rm -f "$log"' EXIT
    echo "install.sh: cargo rustc --release -p payseal-ffi --lib${features:+ --features $features}"
    # Cargo replays the cached note when nothing changed, so the list is found on every run.
    # cargo's stderr goes to the terminal and to $log; pipefail keeps cargo's exit status.
    { (cd "$root" && CARGO_TARGET_DIR="$target" cargo rustc --release -p payseal-ffi --lib \
        ${features:+--features "$features"} -- --print native-static-libs) 2>&1 1>&3 |
        tee "$log" >&2; } 3>&1
    libs="$(sed -n 's/^note: native-static-libs: //p' "$log" | tail -n 1)"
    [ -n "$libs" ] || { echo "install.sh: rustc printed no native-static-libs" >&2; exit 1; }
    printf '%s\n' "$libs" >"$static_libs_file"
    echo "install.sh: libpayseal.a needs: $libs"
fi
[ "$install" -eq 1 ] || exit 0

# ---------------------------------------------------------------- what is installed
so="$built/libpayseal.so"
[ -f "$so" ] || { echo "install.sh: no $so (build it, or drop --no-build)" >&2; exit 1; }
soname="$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
[ -n "$soname" ] || { echo "install.sh: $so has no SONAME (ffi/build.rs sets it)" >&2; exit 1; }
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/ffi/Cargo.toml" | head -n 1)"
abi="${soname##*.so.}"
if [ "$static" -eq 1 ]; then
    [ -f "$built/libpayseal.a" ] || { echo "install.sh: no $built/libpayseal.a" >&2; exit 1; }
    [ -f "$static_libs_file" ] || {
        echo "install.sh: no $static_libs_file: build with this script once (or --shared-only)" >&2
        exit 1
    }
    static_libs="$(cat "$static_libs_file")"
fi

absolute() { case "$1" in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac; }
lib_path="$(absolute "$libdir")"
include_path="$(absolute "$includedir")"
pc_path="$lib_path/pkgconfig"

# A .pc variable: ${prefix}/... when under the prefix, else the absolute path.
under_prefix() { case "$1" in "$prefix"/*) echo "\${prefix}${1#"$prefix"}" ;; *) echo "$1" ;; esac; }
pc_prefix="$prefix"
if [ "$relocatable" -eq 1 ]; then
    case "$libdir" in /*) echo "install.sh: --relocatable needs a relative --libdir" >&2; exit 2 ;; esac
    up="$(echo "$libdir/pkgconfig" | sed -e 's#[^/][^/]*#..#g')"
    pc_prefix="\${pcfiledir}/$up"
fi

# One pkg-config file: name, description, Libs, Libs.private.
write_pc() {
    cat <<PC
prefix=$pc_prefix
libdir=$(under_prefix "$lib_path")
includedir=$(under_prefix "$include_path")

Name: $1
Description: $2
URL: https://github.com/payseal/payseal
Version: $version
Cflags: -I\${includedir}
Libs: $3
PC
    if [ -n "$4" ]; then echo "Libs.private: $4"; fi
}

# ---------------------------------------------------------------- install
into() { echo "$destdir$1"; }
install -d "$(into "$lib_path")" "$(into "$include_path")" "$(into "$pc_path")"
full="$soname.$version"
install -m 0755 "$so" "$(into "$lib_path")/$full"
ln -sfn "$full" "$(into "$lib_path")/$soname"
ln -sfn "$soname" "$(into "$lib_path")/libpayseal.so"
install -m 0644 "$root/include/payseal.h" "$(into "$include_path")/payseal.h"
description="Seal and open Keepz and TransactPay payment-gateway envelopes (C ABI $abi)"
write_pc payseal "$description" "-L\${libdir} -lpayseal" "${static_libs:-}" \
    >"$(into "$pc_path")/payseal.pc"
if [ "$static" -eq 1 ]; then
    install -m 0644 "$built/libpayseal.a" "$(into "$lib_path")/libpayseal.a"
    write_pc payseal-static "$description, linked statically" "\${libdir}/libpayseal.a" \
        "$static_libs" >"$(into "$pc_path")/payseal-static.pc"
fi
echo "install.sh: installed $full ($soname), payseal.h and payseal.pc under $destdir$prefix"
