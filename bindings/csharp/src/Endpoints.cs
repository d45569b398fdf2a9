namespace Payseal
{
    /// <summary>The gateways' endpoints, so that hosts need not hard-code paths.</summary>
    public static class Endpoints
    {
        /// <summary>
        /// The endpoint of an operation, as JSON. Keepz:
        /// <c>{"gateway","method","path","placement":"body"|"query"}</c>; TransactPay:
        /// <c>{"gateway","method","path","encrypted":bool,"apiKey":"public"|"secret"}</c>.
        /// </summary>
        /// <param name="gateway"><c>"keepz"</c> or <c>"transactpay"</c>.</param>
        /// <param name="operation">An operation name: <c>"create_order"</c>, <c>"order_status"</c>, ...</param>
        /// <exception cref="PaysealException"><see cref="PaysealStatus.InvalidArgument"/> for an unknown name.</exception>
        public static unsafe string Get(string gateway, string operation)
        {
            PaysealLibrary.EnsureLoaded();
            byte[] g = Interop.Encode(gateway, "gateway");
            byte[] op = Interop.Encode(operation, "operation");
            var output = new PaysealBuffer();
            var error = new PaysealBuffer();
            PaysealStatus status;
            fixed (byte* gp = g)
            fixed (byte* opp = op)
            {
                status = Native.payseal_endpoint(gp, Interop.Len(g), opp, Interop.Len(op), ref output, ref error);
            }
            return Interop.Utf8.GetString(Interop.Take(status, ref output, ref error));
        }
    }
}
