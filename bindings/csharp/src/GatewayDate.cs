using System;
using System.Globalization;

namespace Payseal
{
    /// <summary>
    /// A date as TransactPay sends it: <see cref="Raw"/> as sent, and <see cref="Value"/> as the
    /// library read it (null for .NET's <c>0001-01-01T00:00:00</c> or unreadable text). The
    /// gateway gives no time zone, so <see cref="Value"/> has <see cref="DateTimeKind.Unspecified"/>.
    /// </summary>
    public sealed class GatewayDate
    {
        /// <summary>The text as sent (<c>2024-03-31T14:05:46.37</c>).</summary>
        public string Raw { get; private set; }

        /// <summary>The date to the second, or null.</summary>
        public DateTime? Value { get; private set; }

        /// <summary>The raw text.</summary>
        public override string ToString()
        {
            return Raw;
        }

        internal static GatewayDate Read(object json)
        {
            if (json == null)
            {
                return null;
            }
            var o = TypedJson.Object(json);
            string value = TypedJson.String(TypedJson.Optional(o, "value"));
            DateTime parsed = default(DateTime);
            if (value != null && !DateTime.TryParseExact(value, TypedJson.DateFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out parsed))
            {
                throw TypedJson.Unexpected("a date value that is not " + TypedJson.DateFormat);
            }
            return new GatewayDate
            {
                Raw = TypedJson.String(TypedJson.Required(o, "raw")),
                Value = value == null ? (DateTime?)null : parsed,
            };
        }
    }
}
