# Sourced by tests/install/run.sh: a throw-away module outside the repository requires
# payseal.dev/payseal through a `replace` to a local folder (as a published module would be
# fetched: the folder alone), builds with only PKG_CONFIG_PATH set, and runs; then again with
# -tags payseal_static, which runs with no LD_LIBRARY_PATH. Offline: GOPROXY=off, GOSUMDB=off.

# go_module NAME PREFIX MODULE_DIR
go_module() {
    local name=$1 prefix=$2 module=$3 app="$work/go-$1" abi out
    abi="$(header_define "$prefix" PAYSEAL_ABI_VERSION)"
    mkdir -p "$app"
    cp "$here/go/main.go" "$app/"
    cat >"$app/go.mod" <<MOD
module example.com/shop

go 1.19

require payseal.dev/payseal v0.0.0

replace payseal.dev/payseal => $module
MOD
    # Only PKG_CONFIG_PATH says where payseal is: no CGO_* flags, no LD_LIBRARY_PATH at build.
    # A build cache of its own, as a new user has: with one shared between runs, Go 1.19 linked
    # against the previous run's (deleted) prefix: the cached package kept pkg-config's -L.
    local goenv=(env -u CGO_CFLAGS -u CGO_LDFLAGS -u LD_LIBRARY_PATH -u PAYSEAL_LIB
        GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off GOTOOLCHAIN=local GOENV=off CGO_ENABLED=1
        GOPATH="$work/gopath" GOCACHE="$work/gocache" PKG_CONFIG_PATH="$prefix/lib/pkgconfig")
    (cd "$app" && "${goenv[@]}" go build -o shop . && "${goenv[@]}" go build -tags payseal_static -o shop-static .)

    needs "$app/shop" | grep -qx "libpayseal.so.$abi"
    out="$(env -u PAYSEAL_LIB LD_LIBRARY_PATH="$prefix/lib" "$app/shop")"
    echo "$out"
    expect "$out" "round trip: ok"
    expect "$(mapped_from "$out")" "$prefix/lib/libpayseal.so.$abi"

    test -z "$(needs "$app/shop-static" | grep libpayseal)"
    out="$(env -u PAYSEAL_LIB -u LD_LIBRARY_PATH "$app/shop-static")"
    echo "$out"
    expect "$out" "round trip: ok"
    test -z "$(mapped_from "$out")"
}
