#!/usr/bin/env bash
# Builds the release archive: one tree that installs by unpacking it into a prefix.
#
#   scripts/release.sh [--out DIR] [--features LIST] [--no-build]
#     -> DIR/payseal-<version>-<arch>-<os>-<env>.tar.gz and .tar.gz.sha256 (default DIR: dist/)
#
#   lib/             libpayseal.so.2.0.1.0, libpayseal.so.2, libpayseal.so, libpayseal.a
#   lib/pkgconfig/   payseal.pc, payseal-static.pc (relocatable: prefix=${pcfiledir}/../..)
#   include/         payseal.h
#   share/payseal/php/     the Composer package, as `composer archive` makes it
#   share/payseal/go/      the Go module payseal.dev/payseal (its header vendored), without tests
#   share/payseal/nuget/   Payseal.<version>.nupkg (bindings/csharp/pack.sh)
#   share/doc/payseal/     README.md (how to install), example.c, LICENSE-MIT, LICENSE-APACHE
#
# Installing: tar -xzf payseal-….tar.gz -C /opt/payseal --strip-components=1 (then ldconfig, or
# LD_LIBRARY_PATH, for a prefix the loader does not search). The archive is for the machine's own
# target (x86_64-linux-gnu here); README.md ("Other targets") says what the others need.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/dist"
features=
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out=$2; shift 2 ;;
        --features) features=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        *) echo "release.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
for tool in composer tar sha256sum rustc; do
    command -v "$tool" >/dev/null || { echo "release.sh: $tool not found" >&2; exit 1; }
done

version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/ffi/Cargo.toml" | head -n 1)"
# x86_64-unknown-linux-gnu -> x86_64-linux-gnu (the vendor field says nothing here).
triple="$(rustc -vV | sed -n 's/^host: //p' | sed 's/-unknown-/-/')"
name="payseal-$version-$triple"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tree="$work/$name"

# The C library, from this checkout's release build.
[ "$build" -eq 1 ] && "$root/scripts/install.sh" --build-only ${features:+--features "$features"}
"$root/scripts/install.sh" --no-build --prefix "$tree" --relocatable >&2

# PHP: what Composer itself would ship (composer.json's archive excludes apply).
mkdir -p "$tree/share/payseal/php"
(cd "$root/bindings/php" && COMPOSER_HOME="$work/composer" composer archive --format=tar \
    --dir="$work" --file=php --no-interaction >&2)
tar -xf "$work/php.tar" -C "$tree/share/payseal/php"

# Go: the module's files a build needs (its tests read this repository's vectors).
mkdir -p "$tree/share/payseal/go"
for f in "$root"/bindings/go/*; do
    case "$f" in *_test.go | */test.sh) continue ;; esac
    cp "$f" "$tree/share/payseal/go/"
done

# C#: the NuGet package, with this build's library in runtimes/linux-x64/native/.
"$root/bindings/csharp/pack.sh" "$tree/lib/libpayseal.so" "$tree/share/payseal/nuget" >/dev/null

mkdir -p "$tree/share/doc/payseal"
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$root/tests/c/example.c" "$tree/share/doc/payseal/"
cat >"$tree/share/doc/payseal/README.md" <<README
# payseal $version ($triple)

Install by unpacking into a prefix:

    tar -xzf $name.tar.gz -C /opt/payseal --strip-components=1
    sudo ldconfig /opt/payseal/lib        # or LD_LIBRARY_PATH=/opt/payseal/lib

- C: \`PKG_CONFIG_PATH=/opt/payseal/lib/pkgconfig cc app.c \$(pkg-config --cflags --libs payseal)\`,
  or \`pkg-config --static --cflags --libs payseal-static\` to link libpayseal.a (share/doc/payseal/example.c).
- PHP: a Composer path repository pointing at share/payseal/php.
- Go: \`replace payseal.dev/payseal => /opt/payseal/share/payseal/go\`, with PKG_CONFIG_PATH as above
  (\`-tags payseal_static\` links libpayseal.a).
- C#: share/payseal/nuget/Payseal.$version.nupkg (a local NuGet source).

The guides are in https://github.com/payseal/payseal (README.md and bindings/*/README.md).
README

mkdir -p "$out"
tar -czf "$out/$name.tar.gz" -C "$work" "$name"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
