using System;

namespace Payseal
{
    /// <summary>
    /// The two call shapes the typed operations of both gateways share, so that Keepz and
    /// TransactPay differ only in the native function they pass: a prepare (operation, request,
    /// base URL) and a hint (a callback or webhook body, base URL). Inputs are pinned for the call;
    /// outputs go through <see cref="Interop.Take"/>.
    /// </summary>
    internal static class TypedCalls
    {
        internal unsafe delegate PaysealStatus PrepareCall(byte* operation, UIntPtr operationLen,
            byte* request, UIntPtr requestLen, uint baseUrl, byte* customBaseUrl, UIntPtr customBaseUrlLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        internal unsafe delegate PaysealStatus HintCall(byte* body, UIntPtr bodyLen,
            uint baseUrl, byte* customBaseUrl, UIntPtr customBaseUrlLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        internal static unsafe string Prepare(string operation, string requestJson, BaseUrl baseUrl, string customBaseUrl,
            PrepareCall call)
        {
            byte[] op = Interop.Encode(operation, "operation");
            byte[] request = Interop.Encode(requestJson, "requestJson");
            byte[] custom = Interop.EncodeOptional(customBaseUrl);
            var output = new PaysealBuffer();
            var error = new PaysealBuffer();
            PaysealStatus status;
            fixed (byte* o = op)
            fixed (byte* r = request)
            fixed (byte* c = custom)
            {
                status = call(o, Interop.Len(op), r, Interop.Len(request), (uint)baseUrl, c, Interop.Len(custom),
                    ref output, ref error);
            }
            return Interop.Utf8.GetString(Interop.Take(status, ref output, ref error));
        }

        internal static unsafe string Hint(string body, BaseUrl baseUrl, string customBaseUrl, HintCall call)
        {
            byte[] custom = Interop.EncodeOptional(customBaseUrl);
            return Interop.Utf8.GetString(Interop.CallWithBytes(Interop.Encode(body, "body"), "body",
                (byte* b, UIntPtr n, ref PaysealBuffer o, ref PaysealBuffer e) =>
                {
                    fixed (byte* c = custom)
                    {
                        return call(b, n, (uint)baseUrl, c, Interop.Len(custom), ref o, ref e);
                    }
                }));
        }
    }
}
