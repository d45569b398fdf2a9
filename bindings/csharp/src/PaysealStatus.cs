namespace Payseal
{
    /// <summary>
    /// The status of every fallible payseal call: the C ABI's <c>payseal_status</c>, same names and
    /// numbers. Codes are never reused or renumbered.
    /// </summary>
    public enum PaysealStatus
    {
        /// <summary>Success.</summary>
        Ok = 0,
        /// <summary>A required pointer argument was NULL (or NULL with a non-zero length).</summary>
        NullArgument = 1,
        /// <summary>Text that must be UTF-8 is not.</summary>
        InvalidUtf8 = 2,
        /// <summary>A key could not be read.</summary>
        MalformedKey = 3,
        /// <summary>The RSA key is smaller than 2048 bits.</summary>
        KeyTooSmall = 4,
        /// <summary>The RSA key is larger than the backend supports.</summary>
        KeyTooLarge = 5,
        /// <summary>The key is of the wrong kind (certificate, EC, encrypted, wrong half).</summary>
        UnsupportedKey = 6,
        /// <summary>The payload does not fit the envelope.</summary>
        PayloadTooLarge = 7,
        /// <summary>The body exceeds the configured maximum.</summary>
        BodyTooLarge = 8,
        /// <summary>The envelope cannot be opened (one error for every reason).</summary>
        CannotOpen = 9,
        /// <summary>The gateway answered with its own error; see <see cref="GatewayException"/>.</summary>
        GatewayError = 10,
        /// <summary>The body or payload is not JSON.</summary>
        NotJson = 11,
        /// <summary>The body is empty.</summary>
        EmptyBody = 12,
        /// <summary>JSON that is neither an envelope nor a gateway error.</summary>
        NotEnvelope = 13,
        /// <summary>An argument or option is invalid.</summary>
        InvalidArgument = 14,
        /// <summary>The handle lacks the key for this operation.</summary>
        MissingKey = 15,
        /// <summary>The crypto backend failed.</summary>
        Crypto = 16,
        /// <summary>The requested backend is not compiled in.</summary>
        BackendUnavailable = 17,
        /// <summary>A money amount is invalid.</summary>
        InvalidAmount = 18,
        /// <summary>A request value is invalid.</summary>
        InvalidRequest = 19,
        /// <summary>A response has an unexpected shape.</summary>
        UnexpectedResponse = 20,
        /// <summary>An input length over PTRDIFF_MAX (never from .NET arrays).</summary>
        InvalidLength = 21,
        /// <summary>A panic was caught inside payseal.</summary>
        Panic = 99,
    }
}
