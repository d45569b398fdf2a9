using System;

namespace Payseal
{
    /// <summary>A generated RSA key pair, exported in the formats asked for.</summary>
    public sealed class KeyPair
    {
        internal KeyPair(byte[] privateKey, byte[] publicKey)
        {
            PrivateKey = privateKey;
            PublicKey = publicKey;
        }

        /// <summary>The private key's bytes (text formats as UTF-8).</summary>
        public byte[] PrivateKey { get; private set; }

        /// <summary>The public key's bytes (text formats as UTF-8).</summary>
        public byte[] PublicKey { get; private set; }

        /// <summary>The private key as text (for PEM and Base64 formats).</summary>
        public string PrivateKeyText
        {
            get { return Interop.Utf8.GetString(PrivateKey); }
        }

        /// <summary>The public key as text (for PEM, Base64 and blob formats).</summary>
        public string PublicKeyText
        {
            get { return Interop.Utf8.GetString(PublicKey); }
        }
    }

    /// <summary>RSA key generation, for hosts' tests and test doubles.</summary>
    public static class Keys
    {
        /// <summary>Generates an RSA key pair (exponent 65537).</summary>
        /// <param name="bits">2048, 3072, 4096 or 8192.</param>
        /// <param name="privateFormat">The private key's format (not <see cref="KeyFormat.TransactPayBlob"/>).</param>
        /// <param name="publicFormat">The public key's format.</param>
        /// <param name="backend">The crypto backend.</param>
        /// <exception cref="PaysealException">An unsupported size, format or backend.</exception>
        public static KeyPair Generate(int bits = 4096, KeyFormat privateFormat = KeyFormat.Pem,
            KeyFormat publicFormat = KeyFormat.Pem, Backend backend = Backend.Default)
        {
            PaysealLibrary.EnsureLoaded();
            if (bits < 0)
            {
                throw new ArgumentOutOfRangeException("bits", bits, "bits must not be negative");
            }
            var privateOut = new PaysealBuffer();
            var publicOut = new PaysealBuffer();
            var error = new PaysealBuffer();
            PaysealStatus status = Native.payseal_keygen((uint)bits, (uint)backend, (uint)privateFormat,
                (uint)publicFormat, ref privateOut, ref publicOut, ref error);
            byte[] publicKey;
            try
            {
                publicKey = Interop.Copy(publicOut);
            }
            finally
            {
                Native.payseal_buffer_free(ref publicOut);
            }
            byte[] privateKey = Interop.Take(status, ref privateOut, ref error);
            return new KeyPair(privateKey, publicKey);
        }
    }
}
