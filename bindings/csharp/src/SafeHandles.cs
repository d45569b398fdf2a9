using System;
using System.Runtime.InteropServices;

namespace Payseal
{
    /// <summary>Owns a <c>payseal_keepz*</c>; releases it with <c>payseal_keepz_free</c>, once.</summary>
    internal sealed class KeepzSafeHandle : SafeHandle
    {
        /// <summary>Created by the marshaller for <c>out</c> parameters.</summary>
        public KeepzSafeHandle() : base(IntPtr.Zero, true)
        {
        }

        /// <inheritdoc/>
        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }

        /// <inheritdoc/>
        protected override bool ReleaseHandle()
        {
            Native.payseal_keepz_free(handle);
            return true;
        }
    }

    /// <summary>Owns a <c>payseal_keepz_diagnostics*</c>; releases it with
    /// <c>payseal_keepz_diagnostics_free</c>, once.</summary>
    internal sealed class KeepzDiagnosticsSafeHandle : SafeHandle
    {
        /// <summary>Created by the marshaller for <c>out</c> parameters.</summary>
        public KeepzDiagnosticsSafeHandle() : base(IntPtr.Zero, true)
        {
        }

        /// <inheritdoc/>
        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }

        /// <inheritdoc/>
        protected override bool ReleaseHandle()
        {
            Native.payseal_keepz_diagnostics_free(handle);
            return true;
        }
    }

    /// <summary>Owns a <c>payseal_transactpay*</c>; releases it with
    /// <c>payseal_transactpay_free</c>, once.</summary>
    internal sealed class TransactPaySafeHandle : SafeHandle
    {
        /// <summary>Created by the marshaller for <c>out</c> parameters.</summary>
        public TransactPaySafeHandle() : base(IntPtr.Zero, true)
        {
        }

        /// <inheritdoc/>
        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }

        /// <inheritdoc/>
        protected override bool ReleaseHandle()
        {
            Native.payseal_transactpay_free(handle);
            return true;
        }
    }
}
