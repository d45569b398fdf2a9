using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Payseal
{
    /// <summary>
    /// The translation rules shared by every call: text to and from UTF-8, lengths to
    /// <c>size_t</c>, and output buffers copied into managed arrays and freed exactly once.
    /// </summary>
    internal static class Interop
    {
        /// <summary>Strict UTF-8, no BOM: invalid text throws instead of turning into U+FFFD.</summary>
        internal static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, true);

        /// <summary>The UTF-8 bytes of a required text argument.</summary>
        internal static byte[] Encode(string text, string name)
        {
            if (text == null)
            {
                throw new ArgumentNullException(name);
            }
            return Utf8.GetBytes(text);
        }

        /// <summary>The UTF-8 bytes of an optional text argument (null stays null: absent).</summary>
        internal static byte[] EncodeOptional(string text)
        {
            return text == null ? null : Utf8.GetBytes(text);
        }

        /// <summary>Throws <see cref="ArgumentNullException"/> for a null required argument.</summary>
        internal static byte[] Require(byte[] bytes, string name)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException(name);
            }
            return bytes;
        }

        /// <summary>The <c>size_t</c> length of an array (0 for null).</summary>
        internal static UIntPtr Len(byte[] bytes)
        {
            return new UIntPtr((ulong)(bytes == null ? 0 : bytes.LongLength));
        }

        /// <summary>An HTTP status as the ABI's <c>uint16_t</c> (0 for a callback).</summary>
        internal static ushort HttpStatus(int status, string name)
        {
            if (status < 0 || status > ushort.MaxValue)
            {
                throw new ArgumentOutOfRangeException(name, status, "an HTTP status is 0..65535");
            }
            return (ushort)status;
        }

        /// <summary>Copies a payseal buffer into a new array (empty for <c>{NULL, 0}</c>).</summary>
        internal static byte[] Copy(PaysealBuffer buffer)
        {
            ulong len = buffer.Len.ToUInt64();
            if (buffer.Data == IntPtr.Zero || len == 0)
            {
                return new byte[0];
            }
            var bytes = new byte[checked((int)len)];
            Marshal.Copy(buffer.Data, bytes, 0, bytes.Length);
            return bytes;
        }

        /// <summary>
        /// Finishes a call with an output: copies <paramref name="output"/> and
        /// <paramref name="error"/>, frees both (always, exactly once), then returns the output on
        /// success or throws the exception of <paramref name="status"/>, which for
        /// <see cref="PaysealStatus.GatewayError"/> carries the gateway's JSON from the output.
        /// </summary>
        internal static byte[] Take(PaysealStatus status, ref PaysealBuffer output, ref PaysealBuffer error)
        {
            byte[] bytes;
            byte[] message;
            try
            {
                bytes = Copy(output);
                message = Copy(error);
            }
            finally
            {
                Native.payseal_buffer_free(ref output);
                Native.payseal_buffer_free(ref error);
            }
            if (status != PaysealStatus.Ok)
            {
                throw PaysealException.Create(status, Decode(message), bytes);
            }
            return bytes;
        }

        /// <summary>A native call with one <c>(ptr, len)</c> input and one output buffer.</summary>
        internal unsafe delegate PaysealStatus BytesCall(
            byte* data, UIntPtr len, ref PaysealBuffer output, ref PaysealBuffer error);

        /// <summary>
        /// Makes a call with one byte input (pinned for the call; an empty array goes as
        /// <c>NULL, 0</c>) and finishes it with <see cref="Take"/>.
        /// </summary>
        internal static unsafe byte[] CallWithBytes(byte[] input, string name, BytesCall call)
        {
            Require(input, name);
            var output = new PaysealBuffer();
            var error = new PaysealBuffer();
            PaysealStatus status;
            fixed (byte* p = input)
            {
                status = call(p, Len(input), ref output, ref error);
            }
            return Take(status, ref output, ref error);
        }

        /// <summary>Finishes a call without an output: frees the error buffer, throws on failure.</summary>
        internal static void Check(PaysealStatus status, ref PaysealBuffer error)
        {
            var none = new PaysealBuffer();
            Take(status, ref none, ref error);
        }

        /// <summary>Decodes library text (UTF-8 by contract); null for empty.</summary>
        internal static string Decode(byte[] bytes)
        {
            return bytes.Length == 0 ? null : Utf8.GetString(bytes);
        }
    }
}
