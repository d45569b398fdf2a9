using System;

namespace Payseal
{
    /// <summary>
    /// Keepz's typed operations as JSON in, JSON out: the C ABI's <c>payseal_keepz_prepare</c>,
    /// <c>_parse</c>, <c>_callback</c> and <c>_open_query</c>. The generated
    /// <c>Prepare…</c>/<c>Parse…</c> methods (Operations.g.cs) call these with typed objects.
    /// </summary>
    public sealed partial class Keepz
    {
        /// <summary>
        /// Prepares an operation's request given as JSON (Keepz's field names, amounts as decimal
        /// strings); returns the prepared request as JSON
        /// <c>{"gateway","operation","method","url","path","placement","encrypted","body","query","headers","apiKey"}</c>.
        /// </summary>
        /// <param name="operation">One of <see cref="Operations"/>.</param>
        /// <param name="requestJson">The request.</param>
        /// <param name="baseUrl">The test host (default), production, or <paramref name="customBaseUrl"/>.</param>
        /// <param name="customBaseUrl">With <see cref="BaseUrl.Custom"/> only: <c>https://host/path</c>.</param>
        /// <exception cref="PaysealException">Refused: <see cref="PaysealStatus.InvalidRequest"/>,
        /// <see cref="PaysealStatus.InvalidAmount"/>, <see cref="PaysealStatus.NotJson"/>,
        /// <see cref="PaysealStatus.InvalidArgument"/> (operation, base URL).</exception>
        public unsafe string PrepareJson(string operation, string requestJson, BaseUrl baseUrl = BaseUrl.Test,
            string customBaseUrl = null)
        {
            return TypedCalls.Prepare(operation, requestJson, baseUrl, customBaseUrl,
                (byte* o, UIntPtr ol, byte* r, UIntPtr rl, uint u, byte* c, UIntPtr cl, ref PaysealBuffer output, ref PaysealBuffer error) =>
                    Native.payseal_keepz_prepare(Live(), o, ol, r, rl, u, c, cl, ref output, ref error));
        }

        /// <summary>Reads Keepz's answer to an operation (HTTP status and body as received); returns
        /// the typed answer as JSON (amounts as decimal strings, statuses with their facts).</summary>
        /// <exception cref="GatewayException">Keepz's own error, plain or sealed.</exception>
        /// <exception cref="CannotOpenException">The envelope does not open.</exception>
        /// <exception cref="PaysealException">Not JSON, empty, not an envelope, an unexpected shape, an unknown operation.</exception>
        public unsafe string ParseJson(string operation, int httpStatus, string body)
        {
            byte[] op = Interop.Encode(operation, "operation");
            ushort http = Interop.HttpStatus(httpStatus, "httpStatus");
            return Interop.Utf8.GetString(Interop.CallWithBytes(Interop.Encode(body, "body"), "body",
                (byte* b, UIntPtr n, ref PaysealBuffer o, ref PaysealBuffer e) =>
                {
                    fixed (byte* p = op)
                    {
                        return Native.payseal_keepz_parse(Live(), p, Interop.Len(op), http, b, n, ref o, ref e);
                    }
                }));
        }

        /// <summary>
        /// Reads a callback body (an envelope or plain JSON: Keepz sends both) and prepares its
        /// re-check, as JSON <c>{"unverified":true,"type","order","subscription","recheck"}</c>.
        /// </summary>
        /// <inheritdoc cref="Callback"/>
        public unsafe string CallbackJson(string body, BaseUrl baseUrl = BaseUrl.Test, string customBaseUrl = null)
        {
            return TypedCalls.Hint(body, baseUrl, customBaseUrl,
                (byte* b, UIntPtr n, uint u, byte* c, UIntPtr cl, ref PaysealBuffer output, ref PaysealBuffer error) =>
                    Native.payseal_keepz_callback(Live(), b, n, u, c, cl, ref output, ref error));
        }

        /// <summary>
        /// Reads a callback body (an envelope or plain JSON: Keepz sends both). It is a hint anyone
        /// holding your public key could send: send its <see cref="KeepzCallbackHint.Recheck"/>
        /// (an order status for this handle's integrator id, or a subscription's history) and act
        /// on that answer only.
        /// </summary>
        /// <param name="body">The callback's body as received.</param>
        /// <param name="baseUrl">Where the re-check goes.</param>
        /// <param name="customBaseUrl">With <see cref="BaseUrl.Custom"/> only.</param>
        /// <exception cref="PaysealException"><see cref="PaysealStatus.InvalidRequest"/> (another
        /// integrator's callback, a malformed id), <see cref="PaysealStatus.UnexpectedResponse"/>,
        /// <see cref="PaysealStatus.NotJson"/>, <see cref="PaysealStatus.EmptyBody"/>, ...</exception>
        /// <exception cref="GatewayException">The body is Keepz's error.</exception>
        public KeepzCallbackHint Callback(string body, BaseUrl baseUrl = BaseUrl.Test, string customBaseUrl = null)
        {
            return TypedJson.Root(CallbackJson(body, baseUrl, customBaseUrl), KeepzCallbackHint.Read);
        }

        /// <summary>Test doubles: opens a request sealed into a query string
        /// (<c>identifier=…&amp;encryptedData=…&amp;encryptedKeys=…</c>) with a handle holding Keepz's
        /// private key; returns the plaintext JSON.</summary>
        /// <exception cref="CannotOpenException">It does not open.</exception>
        public unsafe string OpenQuery(string query)
        {
            return Interop.Utf8.GetString(Interop.CallWithBytes(Interop.Encode(query, "query"), "query",
                (byte* q, UIntPtr n, ref PaysealBuffer o, ref PaysealBuffer e) =>
                    Native.payseal_keepz_open_query(Live(), q, n, ref o, ref e)));
        }
    }
}
