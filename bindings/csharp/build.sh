#!/usr/bin/env bash
# Compiles the binding, Payseal.dll (with its XML documentation), into a directory:
#   bindings/csharp/build.sh OUT_DIR
# Mono's mcs against Mono's class libraries (the .NET Framework 4.5 API: what lib/net45/ of the
# NuGet package holds); warnings are errors, every public member documented. test.sh and pack.sh
# both build with it. (.NET users build Payseal.csproj with the .NET SDK instead.)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$1"
mkdir -p "$out"
mcs -nologo -target:library -unsafe -langversion:7.2 -warnaserror+ -optimize+ \
    -doc:"$out/Payseal.xml" -out:"$out/Payseal.dll" "$here"/src/*.cs
