using System;

namespace Payseal
{
    /// <summary>
    /// TransactPay's typed operations as JSON in, JSON out: the C ABI's
    /// <c>payseal_transactpay_prepare</c>, <c>_parse</c> and <c>_webhook</c>. The generated
    /// <c>Prepare…</c>/<c>Parse…</c> methods (Operations.g.cs) call these with typed objects.
    /// </summary>
    public sealed partial class TransactPay
    {
        /// <summary>
        /// Prepares an operation's request given as JSON (the documentation's field names:
        /// <c>firstname</c>, <c>RedirectUrl</c>, <c>paymentoption</c>; amounts as decimal strings):
        /// sealed into <c>{"data":"…"}</c>, or plain for verify and refund. Returns the prepared
        /// request as JSON; its <c>apiKey</c> names the dashboard key for the <c>api-key</c> header.
        /// </summary>
        /// <inheritdoc cref="Keepz.PrepareJson"/>
        public unsafe string PrepareJson(string operation, string requestJson, BaseUrl baseUrl = BaseUrl.Test,
            string customBaseUrl = null)
        {
            return TypedCalls.Prepare(operation, requestJson, baseUrl, customBaseUrl,
                (byte* o, UIntPtr ol, byte* r, UIntPtr rl, uint u, byte* c, UIntPtr cl, ref PaysealBuffer output, ref PaysealBuffer error) =>
                    Native.payseal_transactpay_prepare(Live(), o, ol, r, rl, u, c, cl, ref output, ref error));
        }

        /// <summary>
        /// Reads TransactPay's answer to an operation; returns
        /// <c>{"httpStatus","statusCode","status","message","data","paid"}</c> as JSON. For
        /// <c>order_status</c> and <c>verify</c>, <paramref name="expectedAmount"/> (a decimal string)
        /// and <paramref name="expectedCurrency"/>, both or neither, make <c>paid</c> say whether
        /// the order is paid.
        /// </summary>
        /// <exception cref="GatewayException">TransactPay's failure.</exception>
        /// <exception cref="PaysealException">Not JSON, empty, an unexpected shape, an unknown
        /// operation or an expectation it cannot use (<see cref="PaysealStatus.InvalidArgument"/>).</exception>
        public static unsafe string ParseJson(string operation, int httpStatus, string body, string expectedAmount = null,
            string expectedCurrency = null)
        {
            PaysealLibrary.EnsureLoaded();
            byte[] op = Interop.Encode(operation, "operation");
            ushort http = Interop.HttpStatus(httpStatus, "httpStatus");
            byte[] amount = Interop.EncodeOptional(expectedAmount);
            byte[] currency = Interop.EncodeOptional(expectedCurrency);
            return Interop.Utf8.GetString(Interop.CallWithBytes(Interop.Encode(body, "body"), "body",
                (byte* b, UIntPtr n, ref PaysealBuffer o, ref PaysealBuffer e) =>
                {
                    fixed (byte* p = op)
                    fixed (byte* a = amount)
                    fixed (byte* c = currency)
                    {
                        return Native.payseal_transactpay_parse(p, Interop.Len(op), http, b, n,
                            a, Interop.Len(amount), c, Interop.Len(currency), ref o, ref e);
                    }
                }));
        }

        /// <summary>Reads a webhook body; returns <c>{"unverified":true,"data","recheck"}</c> as JSON.</summary>
        /// <inheritdoc cref="Webhook"/>
        public unsafe string WebhookJson(string body, BaseUrl baseUrl = BaseUrl.Test, string customBaseUrl = null)
        {
            return TypedCalls.Hint(body, baseUrl, customBaseUrl,
                (byte* b, UIntPtr n, uint u, byte* c, UIntPtr cl, ref PaysealBuffer output, ref PaysealBuffer error) =>
                    Native.payseal_transactpay_webhook(Live(), b, n, u, c, cl, ref output, ref error));
        }

        /// <summary>
        /// Reads a webhook body (TransactPay's notification, any of its spellings). It is a hint:
        /// send its <see cref="TransactPayWebhookHint.Recheck"/> (a verify, with the secret key) and
        /// act on that answer only.
        /// </summary>
        /// <param name="body">The webhook's body as received.</param>
        /// <param name="baseUrl">Where the re-check goes.</param>
        /// <param name="customBaseUrl">With <see cref="BaseUrl.Custom"/> only.</param>
        /// <exception cref="PaysealException"><see cref="PaysealStatus.InvalidRequest"/> (no order
        /// reference), <see cref="PaysealStatus.UnexpectedResponse"/>, <see cref="PaysealStatus.NotJson"/>, ...</exception>
        public TransactPayWebhookHint Webhook(string body, BaseUrl baseUrl = BaseUrl.Test, string customBaseUrl = null)
        {
            return TypedJson.Root(WebhookJson(body, baseUrl, customBaseUrl), TransactPayWebhookHint.Read);
        }
    }
}
