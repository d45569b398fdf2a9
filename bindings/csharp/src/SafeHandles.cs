using System;
using System.Runtime.InteropServices;

namespace Payseal
{
    /// <summary>A payseal handle pointer that is released once, by its type's <c>_free</c>.</summary>
    internal abstract class PaysealSafeHandle : SafeHandle
    {
        /// <summary>Created by the marshaller for <c>out</c> parameters.</summary>
        protected PaysealSafeHandle() : base(IntPtr.Zero, true)
        {
        }

        /// <inheritdoc/>
        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }
    }

    /// <summary>Owns a <c>payseal_keepz*</c>; releases it with <c>payseal_keepz_free</c>, once.</summary>
    internal sealed class KeepzSafeHandle : PaysealSafeHandle
    {
        /// <inheritdoc/>
        protected override bool ReleaseHandle()
        {
            Native.payseal_keepz_free(handle);
            return true;
        }
    }

    /// <summary>Owns a <c>payseal_keepz_diagnostics*</c>; releases it with
    /// <c>payseal_keepz_diagnostics_free</c>, once.</summary>
    internal sealed class KeepzDiagnosticsSafeHandle : PaysealSafeHandle
    {
        /// <inheritdoc/>
        protected override bool ReleaseHandle()
        {
            Native.payseal_keepz_diagnostics_free(handle);
            return true;
        }
    }

    /// <summary>Owns a <c>payseal_transactpay*</c>; releases it with
    /// <c>payseal_transactpay_free</c>, once.</summary>
    internal sealed class TransactPaySafeHandle : PaysealSafeHandle
    {
        /// <inheritdoc/>
        protected override bool ReleaseHandle()
        {
            Native.payseal_transactpay_free(handle);
            return true;
        }
    }
}
