# Sourced by tests/install/run.sh: the NuGet package (bindings/csharp/pack.sh, Debian's nuget
# 2.8) installed from a local source into a project outside the repository; a consumer compiled
# against the packaged assembly runs under Mono and loads libpayseal from the package's
# runtimes/linux-x64/native/ folder. Mono only: .NET's own probing of runtimes/ (deps.json) and
# the net8.0 resolver are not exercised here (no .NET SDK).

# csharp_package NAME LIBRARY [NUPKG_DIR]: packs LIBRARY unless NUPKG_DIR holds a package already.
csharp_package() {
    local name=$1 lib=$2 source=${3:-} app="$work/cs-$1" version out
    version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/ffi/Cargo.toml" | head -n 1)"
    # The project file carries the package metadata; its version is the release's.
    grep -qF "<Version>$version</Version>" "$root/bindings/csharp/Payseal.csproj"
    if [ -z "$source" ]; then
        source="$work/nuget-$name"
        "$root/bindings/csharp/pack.sh" "$lib" "$source"
    fi
    mkdir -p "$app"
    (cd "$app" && HOME="$app" nuget install Payseal -Version "$version" -Source "$source" \
        -OutputDirectory packages -NonInteractive)
    local pkg="$app/packages/Payseal.$version"
    test -f "$pkg/lib/net45/Payseal.dll" && test -f "$pkg/runtimes/linux-x64/native/libpayseal.so"
    mcs -nologo -r:System.Core.dll -r:"$pkg/lib/net45/Payseal.dll" -out:"$app/Consumer.exe" "$here/csharp/Consumer.cs"

    # 1. Payseal.dll used where the package put it: its Payseal.dll.config maps "payseal" to
    #    ../../runtimes/linux-x64/native/libpayseal.so.
    out="$(cd "$app" && env -u PAYSEAL_LIB -u LD_LIBRARY_PATH MONO_PATH="$pkg/lib/net45" mono Consumer.exe)"
    echo "$out"
    expect "$out" "round trip: ok"
    expect "$(mapped_from "$out")" "$pkg/runtimes/linux-x64/native/libpayseal.so"

    # 2. Copied into an application folder with the native file beside it (no .config): Mono's
    #    own rule, libpayseal.so next to the assembly that declares the DllImport.
    mkdir -p "$app/bin"
    cp "$app/Consumer.exe" "$pkg/lib/net45/Payseal.dll" "$pkg/runtimes/linux-x64/native/libpayseal.so" "$app/bin/"
    out="$(cd "$app/bin" && env -u PAYSEAL_LIB -u LD_LIBRARY_PATH mono Consumer.exe)"
    echo "$out"
    expect "$out" "round trip: ok"
    expect "$(mapped_from "$out")" "$app/bin/libpayseal.so"
}
