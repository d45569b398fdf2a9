namespace Payseal
{
    /// <summary>The RSA padding that wraps a Keepz AES key (<c>PAYSEAL_PADDING_*</c>).</summary>
    public enum RsaPadding : uint
    {
        /// <summary>RSAES-OAEP with SHA-256 and MGF1-SHA-256: Keepz's default.</summary>
        OaepSha256 = 0,
        /// <summary>RSAES-PKCS#1 v1.5, for integrations told to use it. Never a silent fallback.</summary>
        Pkcs1v15 = 1,
    }

    /// <summary>The crypto backend inside the library (<c>PAYSEAL_BACKEND_*</c>).</summary>
    public enum Backend : uint
    {
        /// <summary>The build's default (aws-lc when compiled in).</summary>
        Default = 0,
        /// <summary>AWS-LC.</summary>
        AwsLc = 1,
        /// <summary>RustCrypto (pure Rust).</summary>
        RustCrypto = 2,
    }

    /// <summary>The format of an exported key (<c>PAYSEAL_KEY_FORMAT_*</c>).</summary>
    public enum KeyFormat : uint
    {
        /// <summary>PEM: <c>PUBLIC KEY</c> / <c>PRIVATE KEY</c> (SubjectPublicKeyInfo / PKCS#8).</summary>
        Pem = 0,
        /// <summary>PKCS#1 PEM: <c>RSA PUBLIC KEY</c> / <c>RSA PRIVATE KEY</c>.</summary>
        Pkcs1Pem = 1,
        /// <summary>Binary DER (SubjectPublicKeyInfo / PKCS#8).</summary>
        Der = 2,
        /// <summary>Single-line Base64 of DER: how Keepz hands keys out.</summary>
        Base64Der = 3,
        /// <summary>TransactPay's dashboard blob (public keys only).</summary>
        TransactPayBlob = 4,
    }

    /// <summary>Options of a <see cref="Keepz"/> handle; the defaults are Keepz's.</summary>
    public sealed class KeepzOptions
    {
        /// <summary>The RSA padding (default <see cref="RsaPadding.OaepSha256"/>).</summary>
        public RsaPadding Padding { get; set; }

        /// <summary>Legacy RSA-only envelopes instead of hybrid AES + RSA ones (default false).</summary>
        public bool Legacy { get; set; }

        /// <summary>The largest body <see cref="Keepz.Open(int, byte[])"/> accepts, in bytes; 0 for the
        /// library's default (1 MiB).</summary>
        public long MaxBody { get; set; }

        /// <summary>The crypto backend (default <see cref="Backend.Default"/>).</summary>
        public Backend Backend { get; set; }
    }
}
