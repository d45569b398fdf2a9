#!/usr/bin/env bash
# Builds and tests the C# binding of payseal under Mono with NUnit 2.6.
#   PAYSEAL_LIB=/abs/path/libpayseal.so bindings/csharp/test.sh   # use a built library
#   bindings/csharp/test.sh                                       # build it with cargo first
# Ends with a line "N passed, N failed" and exits non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$here/build"

# ---------------------------------------------------------------- tools
nunit_framework() {
    ls /usr/lib/cli/nunit.framework-2.6*/nunit.framework.dll 2>/dev/null | head -n 1
}
missing=()
command -v mcs >/dev/null || missing+=(mono-mcs)
command -v mono >/dev/null || missing+=(mono-runtime)
command -v nunit-console >/dev/null || missing+=(nunit-console)
[ -n "$(nunit_framework)" ] || missing+=(libnunit-cil-dev)
command -v python3 >/dev/null || missing+=(python3)
command -v gcc >/dev/null || missing+=(gcc)  # LoadTests builds a stand-in library
# The sandbox flows (tests/*Sandbox*) send with the host's own HttpClient.
[ -f /usr/lib/mono/4.5/System.Net.Http.dll ] || missing+=(libmono-system-net-http4.0-cil)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "installing ${missing[*]}" >&2
        # Other jobs may hold the dpkg lock: wait for it rather than fail.
        apt-get -o DPkg::Lock::Timeout=600 update -qq
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
            "${missing[@]}" >/dev/null
    else
        echo "missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run as root" >&2
        exit 2
    fi
fi
framework="$(nunit_framework)"

# ---------------------------------------------------------------- the library
if [ -n "${PAYSEAL_LIB:-}" ]; then
    lib="$PAYSEAL_LIB"
else
    (cd "$root" && cargo build --release -p payseal-ffi)
    target="${CARGO_TARGET_DIR:-target}"
    case "$target" in /*) ;; *) target="$root/$target" ;; esac
    lib="$target/release/libpayseal.so"
fi
case "$lib" in /*) ;; *) lib="$PWD/$lib" ;; esac  # relative: to the caller's directory
[ -f "$lib" ] || { echo "no library at $lib" >&2; exit 2; }
echo "library: $lib"

# ---------------------------------------------------------------- compile
rm -rf "$build"
mkdir -p "$build"
"$here/build.sh" "$build"
# Mono resolves DllImport("payseal") through this map to the exact library under test;
# LD_LIBRARY_PATH below covers .NET and any other loader.
cat > "$build/Payseal.dll.config" <<CONFIG
<configuration>
  <dllmap dll="payseal" target="$lib" />
</configuration>
CONFIG
cp "$framework" "$build/"
mcs -nologo -target:library -langversion:7.2 -warnaserror+ -r:System.dll -r:System.Net.Http.dll -r:"$build/Payseal.dll" \
    -r:"$build/nunit.framework.dll" -out:"$build/Payseal.Tests.dll" \
    "$here"/tests/*.cs "$here"/examples/*.cs

# ---------------------------------------------------------------- run
set +e
(cd "$build" && LD_LIBRARY_PATH="$(dirname "$lib")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    PAYSEAL_ROOT="$root" nunit-console -nologo -noshadow -labels \
    -result="$build/TestResult.xml" "$build/Payseal.Tests.dll" ${NUNIT_ARGS:-})
code=$?
set -e

if [ ! -f "$build/TestResult.xml" ]; then
    echo "nunit-console wrote no TestResult.xml (exit $code)"
    echo "0 passed, 1 failed"
    exit 1
fi
read -r passed failed < <(python3 - "$build/TestResult.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
n = lambda k: int(r.get(k, "0"))
failed = n("failures") + n("errors") + n("invalid")
print(n("total") - n("failures") - n("errors") - n("inconclusive"), failed)
PY
)
echo "$passed passed, $failed failed"
if [ "$code" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
