using System;

namespace Payseal
{
    /// <summary>
    /// A TransactPay handle: the encryption key parsed once, immutable, safe to use from many
    /// threads at once. Each request is one RSA PKCS#1 v1.5 block of at most
    /// <see cref="MaxPayload"/> bytes, sent as <c>{"data":"…"}</c>.
    /// </summary>
    public sealed partial class TransactPay : IDisposable
    {
        private readonly TransactPaySafeHandle handle;

        /// <summary>Creates a handle from the dashboard's encryption key: the Base64 blob, its decoded
        /// text (<c>4096!&lt;RSAKeyValue&gt;…</c>), RSAKeyValue XML, or a PEM/DER public key.</summary>
        /// <param name="encryptionKey">The encryption key.</param>
        /// <param name="privateKey">Tests and test doubles only: the private key, to open envelopes
        /// as TransactPay does; null otherwise.</param>
        /// <param name="backend">The crypto backend.</param>
        /// <exception cref="KeyException">A key cannot be used.</exception>
        public unsafe TransactPay(byte[] encryptionKey, byte[] privateKey = null, Backend backend = Backend.Default)
        {
            PaysealLibrary.EnsureLoaded();
            Interop.Require(encryptionKey, "encryptionKey");
            var error = new PaysealBuffer();
            PaysealStatus status;
            fixed (byte* key = encryptionKey)
            fixed (byte* priv = privateKey)
            {
                status = Native.payseal_transactpay_new(key, Interop.Len(encryptionKey),
                    priv, Interop.Len(privateKey), (uint)backend, out handle, ref error);
            }
            if (status != PaysealStatus.Ok)
            {
                handle.Dispose();
            }
            Interop.Check(status, ref error);
        }

        /// <summary>Creates a handle from key text, encoded as UTF-8.</summary>
        /// <inheritdoc cref="TransactPay(byte[], byte[], Backend)"/>
        public static TransactPay FromText(string encryptionKey, string privateKey = null,
            Backend backend = Backend.Default)
        {
            return new TransactPay(Interop.Encode(encryptionKey, "encryptionKey"),
                Interop.EncodeOptional(privateKey), backend);
        }

        /// <summary>The largest payload one seal carries: k − 11 bytes (501 for a 4096-bit key).</summary>
        public int MaxPayload
        {
            get { return checked((int)Native.payseal_transactpay_max_payload(Live()).ToUInt64()); }
        }

        /// <summary>Seals a payload (a UTF-8 JSON object, sent as given) into <c>{"data":"…"}</c>.</summary>
        /// <exception cref="PayloadTooLargeException">Over <see cref="MaxPayload"/> bytes (refused
        /// before encryption).</exception>
        /// <exception cref="PaysealException">Not a JSON object, or not UTF-8.</exception>
        public unsafe byte[] Seal(byte[] payload)
        {
            return Interop.CallWithBytes(payload, "payload", (byte* p, UIntPtr n, ref PaysealBuffer o, ref PaysealBuffer e) =>
                Native.payseal_transactpay_seal(Live(), p, n, ref o, ref e));
        }

        /// <summary>Seals JSON text; returns the body.</summary>
        /// <inheritdoc cref="Seal(byte[])"/>
        public string Seal(string payloadJson)
        {
            return Interop.Utf8.GetString(Seal(Interop.Encode(payloadJson, "payloadJson")));
        }

        /// <summary>Opens a <c>{"data":"…"}</c> body with the handle's private key (TransactPay's
        /// side: tests and test doubles).</summary>
        /// <exception cref="CannotOpenException">Every cryptographic failure.</exception>
        /// <exception cref="KeyException">The handle has no private key.</exception>
        public unsafe byte[] Open(byte[] body)
        {
            return Interop.CallWithBytes(body, "body", (byte* p, UIntPtr n, ref PaysealBuffer o, ref PaysealBuffer e) =>
                Native.payseal_transactpay_open(Live(), p, n, ref o, ref e));
        }

        /// <summary>Opens a body given as text; returns the plaintext JSON.</summary>
        /// <inheritdoc cref="Open(byte[])"/>
        public string Open(string body)
        {
            return Interop.Utf8.GetString(Open(Interop.Encode(body, "body")));
        }

        /// <summary>
        /// Parses a TransactPay response (plain JSON) given its HTTP status, into the normalized JSON
        /// <c>{"httpStatus","statusCode","status","message","data"}</c>.
        /// </summary>
        /// <exception cref="GatewayException">TransactPay reported a failure.</exception>
        /// <exception cref="PaysealException">Not JSON (an HTML page), empty, not a response, too large.</exception>
        public static unsafe byte[] ParseResponse(int httpStatus, byte[] body)
        {
            PaysealLibrary.EnsureLoaded();
            ushort http = Interop.HttpStatus(httpStatus, "httpStatus");
            Interop.Require(body, "body");
            var output = new PaysealBuffer();
            var error = new PaysealBuffer();
            PaysealStatus status;
            fixed (byte* b = body)
            {
                status = Native.payseal_transactpay_parse_response(http, b, Interop.Len(body), ref output, ref error);
            }
            return Interop.Take(status, ref output, ref error);
        }

        /// <summary>Parses a response given as text; returns the normalized JSON.</summary>
        /// <inheritdoc cref="ParseResponse(int, byte[])"/>
        public static string ParseResponse(int httpStatus, string body)
        {
            return Interop.Utf8.GetString(ParseResponse(httpStatus, Interop.Encode(body, "body")));
        }

        /// <summary>Releases the native handle (once; later calls do nothing).</summary>
        public void Dispose()
        {
            handle.Dispose();
        }

        private TransactPaySafeHandle Live()
        {
            if (handle.IsClosed)
            {
                throw new ObjectDisposedException("TransactPay");
            }
            return handle;
        }
    }
}
