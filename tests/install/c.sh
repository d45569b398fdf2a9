# Sourced by tests/install/run.sh: C programs against an installed prefix, through pkg-config only.

# The installed files: the library under its SONAME, which follows the header's ABI version, the
# links, and the .pc version.
c_layout() {
    local prefix=$1 abi version full
    abi="$(header_define "$prefix" PAYSEAL_ABI_VERSION)"
    version="$(header_define "$prefix" PAYSEAL_VERSION)"
    full="$prefix/lib/libpayseal.so.$abi.$version"
    test -f "$full" && ! test -L "$full"
    test "$(soname "$full")" = "libpayseal.so.$abi"
    test "$(readlink "$prefix/lib/libpayseal.so.$abi")" = "libpayseal.so.$abi.$version"
    test "$(readlink "$prefix/lib/libpayseal.so")" = "libpayseal.so.$abi"
    test -f "$prefix/lib/libpayseal.a"
    test "$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --modversion payseal)" = "$version"
    test "$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --modversion payseal-static)" = "$version"
}

# The README's C example, linked with `pkg-config --cflags --libs payseal`: it needs
# libpayseal.so.<ABI> and runs with the prefix's lib/ on LD_LIBRARY_PATH.
c_dynamic() {
    local prefix=$1 example=$2 keys=$3 out abi flags
    abi="$(header_define "$prefix" PAYSEAL_ABI_VERSION)"
    out="$work/c-dynamic-$(basename "$prefix")"
    flags="$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs payseal)"
    # shellcheck disable=SC2086 # pkg-config's flags are words
    gcc -std=c99 -Wall -Wextra -Werror -pedantic "$example" $flags -o "$out"
    needs "$out" | grep -qx "libpayseal.so.$abi"
    LD_LIBRARY_PATH="$prefix/lib" ldd "$out" | grep -F "libpayseal.so.$abi => $prefix/lib/libpayseal.so.$abi"
    env -u PAYSEAL_LIB LD_LIBRARY_PATH="$prefix/lib" "$out" "$keys" | tee "$out.log"
    grep -q '^TransactPay request' "$out.log"
}

# The same example linked statically: `pkg-config --static` gives payseal.pc's Libs.private (the
# system libraries rustc listed for libpayseal.a) and payseal-static.pc names libpayseal.a itself.
# The program needs no libpayseal.so and runs without LD_LIBRARY_PATH.
c_static() {
    local prefix=$1 example=$2 keys=$3 out flags private
    out="$work/c-static-$(basename "$prefix")"
    private="$(sed -n 's/^Libs.private: //p' "$prefix/lib/pkgconfig/payseal.pc")"
    test -n "$private"
    expect "$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --static --libs payseal)" "-lpayseal $private"
    flags="$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --static --cflags --libs payseal-static)"
    expect "$flags" "lib/libpayseal.a"
    # shellcheck disable=SC2086
    gcc -std=c99 -Wall -Wextra -Werror -pedantic "$example" $flags -o "$out"
    test -z "$(needs "$out" | grep libpayseal)"
    env -u PAYSEAL_LIB -u LD_LIBRARY_PATH "$out" "$keys" | tee "$out.log"
    grep -q '^TransactPay request' "$out.log"
}

# DESTDIR: the files land under it, the .pc names the real prefix, nothing is written there.
c_destdir() {
    local stage="$work/stage" prefix=/opt/payseal-install-test
    test ! -e "$prefix"
    "$root/scripts/install.sh" --no-build --prefix "$prefix" --destdir "$stage"
    test -f "$stage$prefix/include/payseal.h"
    test -L "$stage$prefix/lib/libpayseal.so"
    grep -qx "prefix=$prefix" "$stage$prefix/lib/pkgconfig/payseal.pc"
    test ! -e "$prefix"
}
