using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Payseal
{
    /// <summary>
    /// Money as <see cref="decimal"/>, exact both ways. The library writes every amount as a
    /// canonical decimal string; <see cref="decimal"/> holds 28–29 significant digits, so an amount
    /// with more digits than that (the library allows any number of decimals below 10^15) cannot
    /// be held exactly: it is refused as <see cref="PaysealStatus.UnexpectedResponse"/>, never
    /// rounded. No amount passes through a binary floating-point type.
    /// </summary>
    internal static class Amounts
    {
        private static readonly Regex Canonical = new Regex("^-?[0-9]+(\\.[0-9]+)?$", RegexOptions.CultureInvariant);

        /// <summary>An amount as the text the ABI takes (<c>"12.50"</c>: every digit, its scale kept).</summary>
        internal static string Format(decimal amount)
        {
            return amount.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>The library's decimal string as a <see cref="decimal"/>, exactly or not at all.</summary>
        /// <exception cref="PaysealException"><see cref="PaysealStatus.UnexpectedResponse"/>: not a
        /// decimal string, or more digits than <see cref="decimal"/> holds.</exception>
        internal static decimal Parse(string text)
        {
            decimal value;
            if (!Canonical.IsMatch(text) || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out value))
            {
                throw TypedJson.Unexpected("an amount that is not a decimal string within System.Decimal's range");
            }
            // decimal.Parse rounds past 28-29 significant digits; an exact parse prints back as given.
            if (Format(value) != text)
            {
                throw TypedJson.Unexpected("an amount with more digits than System.Decimal holds exactly (" + text + ")");
            }
            return value;
        }
    }
}
