using System;
using System.Runtime.InteropServices;

namespace Payseal
{
    /// <summary>
    /// A payseal call failed: <see cref="Status"/> is the C ABI's status code and
    /// <see cref="Exception.Message"/> the library's message of that very failure. Subclasses name
    /// the cases a host usually handles apart.
    /// </summary>
    public class PaysealException : Exception
    {
        /// <summary>Creates an exception for a status and its message.</summary>
        public PaysealException(PaysealStatus status, string message)
            : base(message)
        {
            Status = status;
        }

        /// <summary>The status code of the failure.</summary>
        public PaysealStatus Status { get; private set; }

        /// <summary>The numeric status code (as in the C ABI and the Rust <c>ErrorKind</c>).</summary>
        public int Code
        {
            get { return (int)Status; }
        }

        /// <summary>The exception type for a status; <paramref name="output"/> is the call's output
        /// buffer (the gateway's JSON on <see cref="PaysealStatus.GatewayError"/>).</summary>
        internal static PaysealException Create(PaysealStatus status, string message, byte[] output)
        {
            if (message == null)
            {
                message = Marshal.PtrToStringAnsi(Native.payseal_status_text((uint)status));
            }
            switch (status)
            {
                case PaysealStatus.GatewayError:
                    return new GatewayException(message, Interop.Decode(output));
                case PaysealStatus.CannotOpen:
                    return new CannotOpenException(message);
                case PaysealStatus.MalformedKey:
                case PaysealStatus.KeyTooSmall:
                case PaysealStatus.KeyTooLarge:
                case PaysealStatus.UnsupportedKey:
                case PaysealStatus.MissingKey:
                    return new KeyException(status, message);
                case PaysealStatus.PayloadTooLarge:
                    return new PayloadTooLargeException(message);
                default:
                    return new PaysealException(status, message);
            }
        }
    }

    /// <summary>
    /// The envelope does not open (<see cref="PaysealStatus.CannotOpen"/>). One exception for every
    /// cryptographic reason, on purpose: never tell whoever posted the body more than that.
    /// <see cref="KeepzDiagnostics"/> (a separate handle, offline only) explains why.
    /// </summary>
    public sealed class CannotOpenException : PaysealException
    {
        /// <summary>Creates the exception.</summary>
        public CannotOpenException(string message)
            : base(PaysealStatus.CannotOpen, message)
        {
        }
    }

    /// <summary>
    /// A key cannot be used: malformed, too small, too large, of the wrong kind, or missing from the
    /// handle for this operation (<see cref="PaysealStatus.MalformedKey"/>,
    /// <see cref="PaysealStatus.KeyTooSmall"/>, <see cref="PaysealStatus.KeyTooLarge"/>,
    /// <see cref="PaysealStatus.UnsupportedKey"/>, <see cref="PaysealStatus.MissingKey"/>).
    /// </summary>
    public sealed class KeyException : PaysealException
    {
        /// <summary>Creates the exception.</summary>
        public KeyException(PaysealStatus status, string message)
            : base(status, message)
        {
        }
    }

    /// <summary>
    /// The payload does not fit the envelope (<see cref="PaysealStatus.PayloadTooLarge"/>): over
    /// k − 11 bytes for TransactPay and legacy Keepz. payseal never chunks.
    /// </summary>
    public sealed class PayloadTooLargeException : PaysealException
    {
        /// <summary>Creates the exception.</summary>
        public PayloadTooLargeException(string message)
            : base(PaysealStatus.PayloadTooLarge, message)
        {
        }
    }

    /// <summary>
    /// The native library cannot be used: not found, or of another C ABI version. Not a
    /// <see cref="PaysealException"/>: no payseal call ran.
    /// </summary>
    public sealed class PaysealLoadException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public PaysealLoadException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with its cause.</summary>
        public PaysealLoadException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
