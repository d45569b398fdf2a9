using System;
using System.Collections.Generic;
using System.Globalization;

namespace Payseal
{
    /// <summary>
    /// Reads the library's typed JSON outputs into the generated classes. The library's outputs
    /// hold no non-integer number (amounts are decimal strings, untyped parts keep numbers as
    /// strings), and <see cref="Parse"/> refuses one, so nothing goes through a binary float. A
    /// shape the generated code does not expect means the library and the binding disagree:
    /// <see cref="PaysealStatus.UnexpectedResponse"/>.
    /// </summary>
    internal static class TypedJson
    {
        /// <summary>The format of Keepz's <c>validUntil</c> and of a gateway date's value.</summary>
        internal const string DateFormat = "yyyy-MM-dd HH:mm:ss";

        internal static PaysealException Unexpected(string what)
        {
            return new PaysealException(PaysealStatus.UnexpectedResponse, "payseal's C# binding cannot read the library's output: " + what);
        }

        /// <summary>Parses an output; integers become <c>long</c>, a non-integer number is refused.</summary>
        internal static object Parse(string json)
        {
            try
            {
                return Json.Parse(json, false);
            }
            catch (FormatException e)
            {
                throw Unexpected(e.Message);
            }
        }

        /// <summary>Parses an output and reads it.</summary>
        internal static T Root<T>(string json, Func<object, T> read)
        {
            return read(Parse(json));
        }

        internal static Dictionary<string, object> Object(object json)
        {
            var o = json as Dictionary<string, object>;
            if (o == null)
            {
                throw Unexpected("expected an object");
            }
            return o;
        }

        /// <summary>A field the description marks required: present and not null.</summary>
        internal static object Required(Dictionary<string, object> o, string name)
        {
            object value;
            if (!o.TryGetValue(name, out value) || value == null)
            {
                throw Unexpected("the required field " + name + " is missing");
            }
            return value;
        }

        /// <summary>An optional field: null when absent or null.</summary>
        internal static object Optional(Dictionary<string, object> o, string name)
        {
            object value;
            return o.TryGetValue(name, out value) ? value : null;
        }

        internal static string String(object json)
        {
            if (json != null && !(json is string))
            {
                throw Unexpected("expected a string");
            }
            return (string)json;
        }

        internal static bool? Bool(object json)
        {
            if (json != null && !(json is bool))
            {
                throw Unexpected("expected a boolean");
            }
            return (bool?)json;
        }

        internal static long? Int64(object json)
        {
            if (json != null && !(json is long))
            {
                throw Unexpected("expected an integer");
            }
            return (long?)json;
        }

        internal static int? Int32(object json)
        {
            long? value = Int64(json);
            if (value != null && (value < int.MinValue || value > int.MaxValue))
            {
                throw Unexpected("an integer out of range");
            }
            return (int?)value;
        }

        internal static decimal? Amount(object json)
        {
            string text = String(json);
            return text == null ? (decimal?)null : Amounts.Parse(text);
        }

        internal static IList<T> List<T>(object json, Func<object, T> read)
        {
            if (json == null)
            {
                return null;
            }
            var items = json as List<object>;
            if (items == null)
            {
                throw Unexpected("expected an array");
            }
            var result = new List<T>(items.Count);
            foreach (object item in items)
            {
                result.Add(read(item));
            }
            return result.AsReadOnly();
        }

        /// <summary>A request's date and time as Keepz takes it (<c>2030-01-31 23:59:00</c>).</summary>
        internal static string DateText(DateTime value)
        {
            return value.ToString(DateFormat, CultureInfo.InvariantCulture);
        }
    }
}
