using System;
using System.Runtime.InteropServices;

namespace Payseal
{
    /// <summary>
    /// The C ABI of <c>include/payseal.h</c>, declared one to one. Where <c>DllImport("payseal")</c>
    /// finds the library is <see cref="NativeLoader"/>'s business. Inputs are <c>(byte*, size_t)</c>
    /// pairs, NULL + 0 being empty.
    /// </summary>
    internal static unsafe class Native
    {
        private const string Lib = NativeLoader.LibraryName;

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void payseal_buffer_free(ref PaysealBuffer buffer);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keepz_new(
            byte* keepzPublicKey, UIntPtr keepzPublicKeyLen,
            byte* integratorPrivateKey, UIntPtr integratorPrivateKeyLen,
            byte* identifier, UIntPtr identifierLen,
            ref NativeKeepzOptions options,
            out KeepzSafeHandle handle,
            ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void payseal_keepz_free(IntPtr handle);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keepz_seal(
            KeepzSafeHandle keepz, byte* payload, UIntPtr payloadLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keepz_seal_query(
            KeepzSafeHandle keepz, byte* payload, UIntPtr payloadLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keepz_open(
            KeepzSafeHandle keepz, ushort httpStatus, byte* body, UIntPtr bodyLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keepz_diagnostics_new(
            byte* privateKey, UIntPtr privateKeyLen, ref NativeKeepzOptions options,
            out KeepzDiagnosticsSafeHandle handle, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void payseal_keepz_diagnostics_free(IntPtr handle);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keepz_diagnostics_explain(
            KeepzDiagnosticsSafeHandle diagnostics, byte* body, UIntPtr bodyLen, uint flags,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keygen(
            uint bits, uint backend, uint privateFormat, uint publicFormat,
            ref PaysealBuffer privateOut, ref PaysealBuffer publicOut, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_endpoint(
            byte* gateway, UIntPtr gatewayLen, byte* operation, UIntPtr operationLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr payseal_status_text(uint status);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_transactpay_new(
            byte* encryptionKey, UIntPtr encryptionKeyLen,
            byte* privateKey, UIntPtr privateKeyLen,
            uint backend,
            out TransactPaySafeHandle handle,
            ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void payseal_transactpay_free(IntPtr handle);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern UIntPtr payseal_transactpay_max_payload(TransactPaySafeHandle transactpay);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_transactpay_seal(
            TransactPaySafeHandle transactpay, byte* payload, UIntPtr payloadLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_transactpay_open(
            TransactPaySafeHandle transactpay, byte* body, UIntPtr bodyLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_transactpay_parse_response(
            ushort httpStatus, byte* body, UIntPtr bodyLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr payseal_version();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern uint payseal_abi_version();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        [return: MarshalAs(UnmanagedType.U1)]
        internal static extern bool payseal_backend_available(uint backend);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_selftest_panic(ref PaysealBuffer error);

        // Typed operations (JSON in and out; see bindings/description.json): KeepzOperations.cs,
        // TransactPayOperations.cs and the generated Operations.g.cs call them.

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keepz_prepare(
            KeepzSafeHandle keepz, byte* operation, UIntPtr operationLen,
            byte* request, UIntPtr requestLen,
            uint baseUrl, byte* customBaseUrl, UIntPtr customBaseUrlLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keepz_parse(
            KeepzSafeHandle keepz, byte* operation, UIntPtr operationLen,
            ushort httpStatus, byte* body, UIntPtr bodyLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keepz_callback(
            KeepzSafeHandle keepz, byte* body, UIntPtr bodyLen,
            uint baseUrl, byte* customBaseUrl, UIntPtr customBaseUrlLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_keepz_open_query(
            KeepzSafeHandle keepz, byte* query, UIntPtr queryLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_transactpay_prepare(
            TransactPaySafeHandle transactpay, byte* operation, UIntPtr operationLen,
            byte* request, UIntPtr requestLen,
            uint baseUrl, byte* customBaseUrl, UIntPtr customBaseUrlLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_transactpay_parse(
            byte* operation, UIntPtr operationLen,
            ushort httpStatus, byte* body, UIntPtr bodyLen,
            byte* expectedAmount, UIntPtr expectedAmountLen,
            byte* expectedCurrency, UIntPtr expectedCurrencyLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_transactpay_webhook(
            TransactPaySafeHandle transactpay, byte* body, UIntPtr bodyLen,
            uint baseUrl, byte* customBaseUrl, UIntPtr customBaseUrlLen,
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_new_order_id(
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_describe(
            ref PaysealBuffer output, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_key_cache_set_capacity(UIntPtr capacity, ref PaysealBuffer error);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void payseal_key_cache_clear();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern PaysealStatus payseal_key_cache_stats(ref PaysealBuffer output, ref PaysealBuffer error);
    }
}
