#!/usr/bin/env bash
# Packs the C# binding as a NuGet package with Debian's nuget (2.8), without the .NET SDK:
#
#   bindings/csharp/pack.sh /path/to/libpayseal.so OUT_DIR      # -> OUT_DIR/Payseal.<version>.nupkg
#
#   lib/net45/Payseal.dll, Payseal.xml   the Mono build (build.sh: mcs, .NET Framework 4.5 API)
#   lib/net45/Payseal.dll.config         Mono's dllmap: "payseal" -> the runtimes/ file below,
#                                        relative to Payseal.dll (Mono has no resolver API)
#   runtimes/linux-x64/native/libpayseal.so
#   README.md, LICENSE-MIT, LICENSE-APACHE
#
# The .nuspec is written from Payseal.csproj's package metadata (the one place it lives).
# .NET users get lib/netstandard2.0/ and lib/net8.0/ from `dotnet pack` of Payseal.csproj instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lib="$1"
out="$2"
for tool in mcs nuget python3; do
    command -v "$tool" >/dev/null || { echo "pack.sh: $tool not found" >&2; exit 1; }
done

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
"$here/build.sh" "$stage/lib/net45"
cat >"$stage/lib/net45/Payseal.dll.config" <<'CONFIG'
<configuration>
  <!-- Mono resolves this path relative to Payseal.dll (lib/net45/ of the package). -->
  <dllmap dll="payseal" target="../../runtimes/linux-x64/native/libpayseal.so" os="linux" cpu="x86-64" />
</configuration>
CONFIG
mkdir -p "$stage/runtimes/linux-x64/native"
cp "$lib" "$stage/runtimes/linux-x64/native/libpayseal.so"
cp "$here/README.md" "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$stage/"

# The .nuspec, from the project file's PropertyGroup. nuget 2.8 predates <license>: the
# expression goes into licenseUrl's place as the licence files in the package.
python3 - "$here/Payseal.csproj" "$stage/Payseal.nuspec" <<'PY'
import sys, xml.etree.ElementTree as ET
from xml.sax.saxutils import escape
props = {e.tag: (e.text or "").strip() for g in ET.parse(sys.argv[1]).getroot().iter("PropertyGroup") for e in g}
meta = {
    "id": props["PackageId"], "version": props["Version"], "authors": props["Authors"],
    "description": props["Description"], "projectUrl": props["PackageProjectUrl"],
    "tags": props["PackageTags"],
    "licenseUrl": props["PackageProjectUrl"] + "/blob/main/LICENSE-MIT",
}
body = "\n".join(f"    <{k}>{escape(v)}</{k}>" for k, v in meta.items())
open(sys.argv[2], "w").write(f"""<?xml version="1.0" encoding="utf-8"?>
<!-- Written by bindings/csharp/pack.sh from Payseal.csproj ({props["PackageLicenseExpression"]}). -->
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
{body}
    <requireLicenseAcceptance>false</requireLicenseAcceptance>
  </metadata>
  <files>
    <file src="lib/**" target="lib" />
    <file src="runtimes/**" target="runtimes" />
    <file src="README.md" target="" />
    <file src="LICENSE-*" target="" />
  </files>
</package>
""")
PY
mkdir -p "$out"
(cd "$stage" && HOME="$stage" nuget pack Payseal.nuspec -OutputDirectory "$out" -NoPackageAnalysis -NonInteractive) >&2
ls "$out"/*.nupkg
