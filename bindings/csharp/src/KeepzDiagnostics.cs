using System;

namespace Payseal
{
    /// <summary>
    /// Explains, offline, why Keepz envelopes do not open: a handle of its own, made from the
    /// private key. A <see cref="Keepz"/> handle cannot diagnose.
    /// <para><see cref="Keepz.Open(int, byte[])"/> answers every cryptographic failure with one
    /// <see cref="CannotOpenException"/>, on purpose: a callback URL accepts bodies from anyone, and
    /// an answer that said <i>why</i> a body did not open (the RSA padding, the key string, the CBC
    /// padding) would let them decrypt other envelopes, one question at a time (a padding oracle).
    /// Build this handle in a debugging tool, a test or a script — never in a request handler — and
    /// never send its output to whoever posted the body.</para>
    /// <para>A diagnosis says only what an integrator needs: public facts about the body, whether
    /// the key block opens (one answer for the RSA padding and the key string), whether the
    /// payload then decrypts to JSON (one answer for every check); the other padding is tried only
    /// when asked.</para>
    /// </summary>
    public sealed class KeepzDiagnostics : IDisposable
    {
        /// <summary><c>PAYSEAL_DIAGNOSE_TRY_OTHER_PADDING</c>.</summary>
        private const uint TryOtherPaddingFlag = 1;

        private readonly KeepzDiagnosticsSafeHandle handle;

        /// <summary>Creates a diagnostics handle from the private key envelopes are opened with (any
        /// format) and the options of the handle whose envelopes fail (null: the defaults).</summary>
        /// <exception cref="KeyException">The key cannot be used as a private key.</exception>
        /// <exception cref="PaysealException">An option is invalid.</exception>
        public unsafe KeepzDiagnostics(byte[] privateKey, KeepzOptions options = null)
        {
            PaysealLibrary.EnsureLoaded();
            var native = Keepz.ToNative(options ?? new KeepzOptions());
            var error = new PaysealBuffer();
            PaysealStatus status;
            fixed (byte* priv = privateKey)
            {
                status = Native.payseal_keepz_diagnostics_new(priv, Interop.Len(privateKey), ref native,
                    out handle, ref error);
            }
            if (status != PaysealStatus.Ok)
            {
                handle.Dispose();
            }
            Interop.Check(status, ref error);
        }

        /// <summary>Creates a diagnostics handle from key text (PEM or Base64 DER).</summary>
        /// <inheritdoc cref="KeepzDiagnostics(byte[], KeepzOptions)"/>
        public static KeepzDiagnostics FromText(string privateKey, KeepzOptions options = null)
        {
            return new KeepzDiagnostics(Interop.EncodeOptional(privateKey), options);
        }

        /// <summary>
        /// Explains why a body does or does not open, as JSON
        /// <c>{"opens":bool,"reason":string|null,"steps":[string]}</c>. Offline only.
        /// </summary>
        /// <param name="body">The body that did not open.</param>
        /// <param name="tryOtherPadding">Also try the key block under the other RSA padding.</param>
        public unsafe string Explain(byte[] body, bool tryOtherPadding = false)
        {
            uint flags = tryOtherPadding ? TryOtherPaddingFlag : 0u;
            return Interop.Utf8.GetString(Interop.CallWithBytes(body, "body", (byte* p, UIntPtr n, ref PaysealBuffer o, ref PaysealBuffer e) =>
                Native.payseal_keepz_diagnostics_explain(Live(), p, n, flags, ref o, ref e)));
        }

        /// <summary>Explains why a body given as text does or does not open.</summary>
        /// <inheritdoc cref="Explain(byte[], bool)"/>
        public string Explain(string body, bool tryOtherPadding = false)
        {
            return Explain(Interop.Encode(body, "body"), tryOtherPadding);
        }

        /// <summary>Releases the native handle (once; later calls do nothing).</summary>
        public void Dispose()
        {
            handle.Dispose();
        }

        private KeepzDiagnosticsSafeHandle Live()
        {
            if (handle.IsClosed)
            {
                throw new ObjectDisposedException("KeepzDiagnostics");
            }
            return handle;
        }
    }
}
