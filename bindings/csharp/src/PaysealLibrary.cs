using System;
using System.Runtime.InteropServices;

namespace Payseal
{
    /// <summary>
    /// The loaded native library: its versions, checked once before the first use. The binding
    /// refuses a <c>libpayseal.so</c> whose C ABI version is not <see cref="ExpectedAbiVersion"/>.
    /// </summary>
    public static class PaysealLibrary
    {
        /// <summary>The C ABI version this binding was written for (<c>PAYSEAL_ABI_VERSION</c>).</summary>
        public const uint ExpectedAbiVersion = 2;

        private static readonly object Gate = new object();
        private static volatile bool checkedOk;

        /// <summary>The C ABI version of the loaded library.</summary>
        public static uint AbiVersion
        {
            get { return Load(() => Native.payseal_abi_version()); }
        }

        /// <summary>The library version ("0.1.0"), equal to the crate version.</summary>
        public static string Version
        {
            get
            {
                EnsureLoaded();
                return Marshal.PtrToStringAnsi(Native.payseal_version());
            }
        }

        /// <summary>Whether a crypto backend is compiled into the loaded library.</summary>
        public static bool BackendAvailable(Backend backend)
        {
            EnsureLoaded();
            return Native.payseal_backend_available((uint)backend);
        }

        /// <summary>The library's static description of a status code.</summary>
        public static string StatusText(PaysealStatus status)
        {
            EnsureLoaded();
            return Marshal.PtrToStringAnsi(Native.payseal_status_text((uint)status));
        }

        /// <summary>A fresh random (version 4) UUID in lower case from the operating system's
        /// generator: a new Keepz <c>integratorOrderId</c> (reusing one is Keepz error 6023).</summary>
        public static Guid NewOrderId()
        {
            EnsureLoaded();
            var output = new PaysealBuffer();
            var error = new PaysealBuffer();
            PaysealStatus status = Native.payseal_new_order_id(ref output, ref error);
            return Guid.ParseExact(Interop.Utf8.GetString(Interop.Take(status, ref output, ref error)), "D");
        }

        /// <summary>The library's description of its typed operations as JSON (the same document as
        /// <c>bindings/description.json</c>, from which this binding's types are generated).</summary>
        public static string Describe()
        {
            EnsureLoaded();
            var output = new PaysealBuffer();
            var error = new PaysealBuffer();
            PaysealStatus status = Native.payseal_describe(ref output, ref error);
            return Interop.Utf8.GetString(Interop.Take(status, ref output, ref error));
        }

        /// <summary>
        /// Makes the library panic deliberately inside its boundary: proof that no panic crosses the
        /// C ABI. Always throws a <see cref="PaysealException"/> with <see cref="PaysealStatus.Panic"/>.
        /// </summary>
        public static void SelfTestPanic()
        {
            EnsureLoaded();
            var error = new PaysealBuffer();
            PaysealStatus status = Native.payseal_selftest_panic(ref error);
            Interop.Check(status, ref error);
        }

        /// <summary>
        /// Loads the library and checks its ABI version (once; later calls return at once).
        /// Every entry point of the binding calls it.
        /// </summary>
        /// <exception cref="PaysealLoadException">The library is missing or has another ABI version.</exception>
        public static void EnsureLoaded()
        {
            if (checkedOk)
            {
                return;
            }
            lock (Gate)
            {
                if (checkedOk)
                {
                    return;
                }
                uint abi = AbiVersion;
                if (abi != ExpectedAbiVersion)
                {
                    throw new PaysealLoadException(string.Format(
                        "libpayseal has C ABI version {0}, but this binding needs version {1}: " +
                        "use a libpayseal.so built from the same payseal release", abi, ExpectedAbiVersion));
                }
                checkedOk = true;
            }
        }

        private static T Load<T>(Func<T> call)
        {
            NativeLoader.Prepare();
            try
            {
                return call();
            }
            catch (DllNotFoundException e)
            {
                throw new PaysealLoadException(
                    "cannot load libpayseal: install it where the system loader looks (" +
                    NativeLoader.VersionedName() + " and its libpayseal.so link, or LD_LIBRARY_PATH), " +
                    "use the Payseal NuGet package, or on .NET set PAYSEAL_LIB to its path (see README.md)", e);
            }
            catch (EntryPointNotFoundException e)
            {
                throw new PaysealLoadException(
                    "the loaded \"payseal\" library is not libpayseal (payseal_abi_version is missing)", e);
            }
        }
    }
}
