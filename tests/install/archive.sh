# Sourced by tests/install/run.sh: the release archive (scripts/release.sh) and its checksum,
# installed by unpacking it alone into a clean prefix.

# archive_build: builds it into $work/dist from the existing release build; prints its path.
archive_build() {
    "$root/scripts/release.sh" --no-build --out "$work/dist" >"$work/dist.path"
    local archive
    archive="$(cat "$work/dist.path")"
    test -f "$archive" && test -f "$archive.sha256"
    (cd "$(dirname "$archive")" && sha256sum -c "$(basename "$archive").sha256")
    case "$(basename "$archive")" in payseal-*-x86_64-linux-gnu.tar.gz) ;; *) false ;; esac
    # What it holds: the library, header, .pc files, the three packages, the licences.
    tar -tzf "$archive" | sed 's#^[^/]*/##' | sort >"$work/dist.list"
    for f in lib/libpayseal.a lib/pkgconfig/payseal.pc lib/pkgconfig/payseal-static.pc \
        include/payseal.h share/payseal/php/composer.json share/payseal/php/payseal_php.h \
        share/payseal/go/go.mod share/payseal/go/payseal.h share/doc/payseal/LICENSE-MIT \
        share/doc/payseal/LICENSE-APACHE share/doc/payseal/example.c; do
        grep -qx "$f" "$work/dist.list" || { echo "missing: $f"; false; }
    done
    grep -q '^share/payseal/nuget/Payseal\..*\.nupkg$' "$work/dist.list"
    if grep '_test\.go$\|^share/payseal/php/tests/' "$work/dist.list"; then echo "tests shipped"; false; fi
}

# archive_unpack PREFIX: the documented install: tar -xzf … -C PREFIX --strip-components=1.
archive_unpack() {
    mkdir -p "$1"
    tar -xzf "$(cat "$work/dist.path")" -C "$1" --strip-components=1
    # Relocatable .pc files: the prefix comes from where they are.
    grep -qx 'prefix=${pcfiledir}/../..' "$1/lib/pkgconfig/payseal.pc"
    test "$(PKG_CONFIG_PATH="$1/lib/pkgconfig" pkg-config --variable=libdir payseal)" -ef "$1/lib"
}
