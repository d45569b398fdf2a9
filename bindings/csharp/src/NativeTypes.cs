using System;
using System.Runtime.InteropServices;

namespace Payseal
{
    /// <summary>
    /// <c>payseal_buffer</c>: bytes allocated by payseal, released with <c>payseal_buffer_free</c>
    /// (which wipes them). Empty is <c>{NULL, 0}</c>.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PaysealBuffer
    {
        /// <summary>The bytes, or NULL when empty.</summary>
        public IntPtr Data;

        /// <summary>The number of bytes (<c>size_t</c>).</summary>
        public UIntPtr Len;
    }

    /// <summary><c>payseal_keepz_options</c>; all zeroes are the defaults.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeKeepzOptions
    {
        /// <summary><c>PAYSEAL_PADDING_*</c>.</summary>
        public uint Padding;

        /// <summary>0: hybrid; 1: legacy.</summary>
        public uint Legacy;

        /// <summary>The largest body <c>payseal_keepz_open</c> accepts; 0 for the default.</summary>
        public UIntPtr MaxBody;

        /// <summary><c>PAYSEAL_BACKEND_*</c>.</summary>
        public uint Backend;
    }
}
