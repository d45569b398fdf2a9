using System;

namespace Payseal
{
    /// <summary>
    /// A Keepz handle: keys parsed once, immutable, safe to use from many threads at once. Create it
    /// at start-up, reuse it, dispose it once.
    /// <para>An integrator seals requests to <b>Keepz's public key</b> and opens responses and
    /// callbacks with <b>its own private key</b>. A Keepz test double swaps them (open with Keepz's
    /// private key, seal to the integrator's public key, no identifier).</para>
    /// </summary>
    public sealed partial class Keepz : IDisposable
    {
        private readonly KeepzSafeHandle handle;

        /// <summary>Creates a handle from key bytes in any supported format (PEM, DER, bare Base64
        /// DER). Either key may be null for a seal-only or open-only handle.</summary>
        /// <param name="keepzPublicKey">The key requests are sealed to, or null.</param>
        /// <param name="integratorPrivateKey">The key responses are opened with, or null.</param>
        /// <param name="identifier">The integrator id (a UUID) Keepz issued, or null to seal responses.</param>
        /// <param name="options">Padding, legacy mode, body limit, backend; null for the defaults.</param>
        /// <exception cref="KeyException">A key cannot be used, or neither key is given.</exception>
        /// <exception cref="PaysealException">An option or the identifier is invalid.</exception>
        public unsafe Keepz(byte[] keepzPublicKey, byte[] integratorPrivateKey, string identifier = null,
            KeepzOptions options = null)
        {
            PaysealLibrary.EnsureLoaded();
            var native = ToNative(options ?? new KeepzOptions());
            byte[] id = Interop.EncodeOptional(identifier);
            var error = new PaysealBuffer();
            PaysealStatus status;
            fixed (byte* pub = keepzPublicKey)
            fixed (byte* priv = integratorPrivateKey)
            fixed (byte* idp = id)
            {
                status = Native.payseal_keepz_new(pub, Interop.Len(keepzPublicKey),
                    priv, Interop.Len(integratorPrivateKey), idp, Interop.Len(id),
                    ref native, out handle, ref error);
            }
            if (status != PaysealStatus.Ok)
            {
                handle.Dispose();
            }
            Interop.Check(status, ref error);
        }

        /// <summary>Creates a handle from key text (PEM or Base64 DER), encoded as UTF-8.</summary>
        /// <inheritdoc cref="Keepz(byte[], byte[], string, KeepzOptions)"/>
        public static Keepz FromText(string keepzPublicKey, string integratorPrivateKey, string identifier = null,
            KeepzOptions options = null)
        {
            return new Keepz(Interop.EncodeOptional(keepzPublicKey), Interop.EncodeOptional(integratorPrivateKey),
                identifier, options);
        }

        /// <summary>Seals a payload (a UTF-8 JSON object, sent as given) into the JSON body
        /// <c>{"identifier":…,"encryptedData":…,"encryptedKeys":…,"aes":true}</c> for POST endpoints.</summary>
        /// <exception cref="KeyException">The handle has no public key.</exception>
        /// <exception cref="PayloadTooLargeException">Legacy mode, and the payload is over k − 11 bytes.</exception>
        /// <exception cref="PaysealException">The payload is not a JSON object or array, or not UTF-8.</exception>
        public unsafe byte[] Seal(byte[] payload)
        {
            return Interop.CallWithBytes(payload, "payload", (byte* p, UIntPtr n, ref PaysealBuffer o, ref PaysealBuffer e) =>
                Native.payseal_keepz_seal(Live(), p, n, ref o, ref e));
        }

        /// <summary>Seals JSON text; returns the JSON body.</summary>
        /// <inheritdoc cref="Seal(byte[])"/>
        public string Seal(string payloadJson)
        {
            return Interop.Utf8.GetString(Seal(Interop.Encode(payloadJson, "payloadJson")));
        }

        /// <summary>Seals a payload into the percent-encoded query string
        /// <c>identifier=…&amp;encryptedData=…&amp;encryptedKeys=…&amp;aes=true</c> for GET and DELETE
        /// endpoints.</summary>
        /// <inheritdoc cref="Seal(byte[])"/>
        public unsafe byte[] SealQuery(byte[] payload)
        {
            return Interop.CallWithBytes(payload, "payload", (byte* p, UIntPtr n, ref PaysealBuffer o, ref PaysealBuffer e) =>
                Native.payseal_keepz_seal_query(Live(), p, n, ref o, ref e));
        }

        /// <summary>Seals JSON text; returns the query string.</summary>
        /// <inheritdoc cref="SealQuery(byte[])"/>
        public string SealQuery(string payloadJson)
        {
            return Interop.Utf8.GetString(SealQuery(Interop.Encode(payloadJson, "payloadJson")));
        }

        /// <summary>
        /// Opens a response (given its HTTP status) or a callback (<paramref name="httpStatus"/> 0).
        /// Returns the plaintext JSON; an empty 2xx body (subscription revoke) gives an empty array.
        /// </summary>
        /// <exception cref="GatewayException">Keepz answered with its own error (plain or sealed).</exception>
        /// <exception cref="CannotOpenException">The envelope does not open (one error for every reason).</exception>
        /// <exception cref="PaysealException">Not JSON (an HTML page), empty, not an envelope, too large, ...</exception>
        public unsafe byte[] Open(int httpStatus, byte[] body)
        {
            ushort http = Interop.HttpStatus(httpStatus, "httpStatus");
            return Interop.CallWithBytes(body, "body", (byte* p, UIntPtr n, ref PaysealBuffer o, ref PaysealBuffer e) =>
                Native.payseal_keepz_open(Live(), http, p, n, ref o, ref e));
        }

        /// <summary>Opens a response or callback given as text; returns the plaintext JSON ("" for an
        /// empty 2xx body).</summary>
        /// <inheritdoc cref="Open(int, byte[])"/>
        public string Open(int httpStatus, string body)
        {
            return Interop.Utf8.GetString(Open(httpStatus, Interop.Encode(body, "body")));
        }

        /// <summary>Releases the native handle (once; later calls do nothing). Calls still running
        /// on other threads finish first; later calls throw <see cref="ObjectDisposedException"/>.</summary>
        public void Dispose()
        {
            handle.Dispose();
        }

        private KeepzSafeHandle Live()
        {
            if (handle.IsClosed)
            {
                throw new ObjectDisposedException("Keepz");
            }
            return handle;
        }

        internal static NativeKeepzOptions ToNative(KeepzOptions options)
        {
            if (options.MaxBody < 0)
            {
                throw new ArgumentOutOfRangeException("options", options.MaxBody, "MaxBody must not be negative");
            }
            return new NativeKeepzOptions
            {
                Padding = (uint)options.Padding,
                Legacy = options.Legacy ? 1u : 0u,
                MaxBody = new UIntPtr((ulong)options.MaxBody),
                Backend = (uint)options.Backend,
            };
        }
    }
}
