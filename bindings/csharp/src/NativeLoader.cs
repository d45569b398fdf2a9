using System;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Payseal
{
    /// <summary>
    /// Where <c>[DllImport("payseal")]</c> finds libpayseal.
    /// <para>
    /// On .NET (Core 3 and later: the package's <c>net8.0</c> build) a <c>DllImportResolver</c>
    /// tries, first match wins: <c>PAYSEAL_LIB</c> (the path of a library file); .NET's own probing,
    /// which finds the NuGet package's <c>runtimes/&lt;rid&gt;/native/libpayseal.so</c> through the
    /// application's <c>deps.json</c>; then the installed library of this binding's C ABI by the
    /// system loader's rules (<c>libpayseal.so.2</c> on Linux).
    /// </para>
    /// <para>
    /// Mono has no resolver API, and resolves a <c>DllImport</c> when it compiles the method that
    /// calls it, before any code of the binding could run. There the package's
    /// <c>Payseal.dll.config</c> maps <c>payseal</c> to <c>../../runtimes/linux-x64/native/libpayseal.so</c>,
    /// which Mono looks up relative to <c>Payseal.dll</c> in the package's <c>lib/net45/</c>;
    /// without that file, Mono finds <c>libpayseal.so</c> next to <c>Payseal.dll</c>, then through
    /// <c>LD_LIBRARY_PATH</c> and the directories <c>ldconfig</c> knows.
    /// </para>
    /// </summary>
    internal static class NativeLoader
    {
        /// <summary>The name in every <c>DllImport</c>.</summary>
        internal const string LibraryName = "payseal";

#if NETCOREAPP3_0_OR_GREATER
        private static readonly object Gate = new object();
        private static bool prepared;
#endif

        /// <summary>Runs before the first call into the library (a no-op where there is no resolver).</summary>
        internal static void Prepare()
        {
#if NETCOREAPP3_0_OR_GREATER
            lock (Gate)
            {
                if (!prepared)
                {
                    NativeLibrary.SetDllImportResolver(typeof(NativeLoader).Assembly, Resolve);
                    prepared = true;
                }
            }
#endif
        }

#if NETCOREAPP3_0_OR_GREATER
        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (name != LibraryName)
            {
                return IntPtr.Zero;
            }
            string explicitPath = Environment.GetEnvironmentVariable("PAYSEAL_LIB");
            if (!string.IsNullOrEmpty(explicitPath))
            {
                return NativeLibrary.Load(explicitPath);
            }
            IntPtr handle;
            if (NativeLibrary.TryLoad(name, assembly, searchPath, out handle) ||
                NativeLibrary.TryLoad(VersionedName(), out handle))
            {
                return handle;
            }
            return IntPtr.Zero;
        }
#endif

        /// <summary>The installed library's name for the system loader: its SONAME on Linux.</summary>
        internal static string VersionedName()
        {
            uint abi = PaysealLibrary.ExpectedAbiVersion;
            return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "payseal.dll"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "libpayseal." + abi + ".dylib"
                : "libpayseal.so." + abi;
        }
    }
}
