# Sourced by tests/install/run.sh: a PHP project outside the repository installs the binding with
# Debian's composer from a path repository (copied, not symlinked: what a real install holds) and
# no Packagist, then runs tests/install/php/app.php against the installed libpayseal.

# php_project NAME PREFIX PACKAGE_DIR
php_project() {
    local name=$1 prefix=$2 package=$3 app="$work/php-$1" version out
    version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/ffi/Cargo.toml" | head -n 1)"
    mkdir -p "$app"
    cp "$here/php/app.php" "$app/"
    cat >"$app/composer.json" <<JSON
{
    "name": "example/shop",
    "type": "project",
    "repositories": [
        {"type": "path", "url": "$package", "options": {"symlink": false, "versions": {"payseal/payseal": "$version"}}},
        {"packagist.org": false}
    ],
    "require": {"payseal/payseal": "^$version"}
}
JSON
    (cd "$app" && COMPOSER_HOME="$work/composer-home" COMPOSER_CACHE_DIR="$work/composer-cache" \
        COMPOSER_DISABLE_NETWORK=1 composer install --no-interaction --no-progress)
    # A copy of the package: nothing in it points back at the repository.
    test -d "$app/vendor/payseal/payseal" && test ! -L "$app/vendor/payseal/payseal"
    test -f "$app/vendor/payseal/payseal/payseal_php.h"
    # The library by the loader's rules: no PAYSEAL_LIB, the prefix's lib/ on LD_LIBRARY_PATH
    # (a prefix that ldconfig knows would need nothing). PHP's CLI default: ffi.enable=preload.
    out="$(cd "$app" && env -u PAYSEAL_LIB -u PAYSEAL_PHP_HEADER LD_LIBRARY_PATH="$prefix/lib" php app.php)"
    echo "$out"
    expect "$out" "round trip: ok"
    expect "$out" "library: libpayseal.so.$(header_define "$prefix" PAYSEAL_ABI_VERSION)"
    expect "$(mapped_from "$out")" "$prefix/lib/libpayseal.so."
}
