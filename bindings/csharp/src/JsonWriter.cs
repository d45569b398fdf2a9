using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Payseal
{
    /// <summary>
    /// Writes a typed request as the JSON the library reads: the gateway's field names, amounts as
    /// decimal strings (<c>"12.50"</c>, every digit), optional fields left out when null. It only
    /// writes; every check of the values is the Rust core's.
    /// </summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder sb = new StringBuilder();
        private bool first = true;

        /// <summary>The JSON of a request, written by the generated <c>Write</c> method.</summary>
        internal static string Request(object request, Action<JsonWriter> write)
        {
            if (request == null)
            {
                throw new ArgumentNullException("request");
            }
            var w = new JsonWriter();
            write(w);
            return w.sb.ToString();
        }

        internal void BeginObject()
        {
            Separate();
            sb.Append('{');
            first = true;
        }

        internal void EndObject()
        {
            sb.Append('}');
            first = false;
        }

        internal void Name(string name)
        {
            if (!first)
            {
                sb.Append(',');
            }
            String(name);
            sb.Append(':');
            first = true;
        }

        internal void Value(string value)
        {
            Separate();
            String(value);
        }

        internal void Value(bool value)
        {
            Separate();
            sb.Append(value ? "true" : "false");
        }

        internal void Value(long value)
        {
            Separate();
            sb.Append(value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>An amount: a JSON string of its exact digits.</summary>
        internal void Value(decimal amount)
        {
            Value(Amounts.Format(amount));
        }

        internal void List<T>(IList<T> items, Action<T> write)
        {
            Separate();
            sb.Append('[');
            first = true;
            foreach (T item in items)
            {
                write(item);
            }
            sb.Append(']');
            first = false;
        }

        /// <summary>
        /// A part the library keeps as sent (<c>orderProperties</c>, <c>paymentMeta</c>): null, a
        /// string, a bool, an integer, a <c>decimal</c> (a JSON number of its exact digits), an
        /// <c>IDictionary</c> with string keys, or a list. A <c>double</c> or <c>float</c> is refused:
        /// money never passes through a binary float.
        /// </summary>
        internal void Json(object value)
        {
            if (value == null)
            {
                Separate();
                sb.Append("null");
            }
            else if (value is string)
            {
                Value((string)value);
            }
            else if (value is bool)
            {
                Value((bool)value);
            }
            else if (value is decimal)
            {
                Separate();
                sb.Append(Amounts.Format((decimal)value));
            }
            else if (value is int || value is long || value is short || value is byte || value is sbyte
                || value is ushort || value is uint)
            {
                Value(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            }
            else if (value is IDictionary)
            {
                Separate();
                sb.Append('{');
                first = true;
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    var key = entry.Key as string;
                    if (key == null)
                    {
                        throw new ArgumentException("a JSON object's keys are strings");
                    }
                    Name(key);
                    Json(entry.Value);
                }
                EndObject();
            }
            else if (value is IEnumerable)
            {
                Separate();
                sb.Append('[');
                first = true;
                foreach (object item in (IEnumerable)value)
                {
                    Json(item);
                }
                sb.Append(']');
                first = false;
            }
            else
            {
                throw new ArgumentException("not a JSON value for payseal (double and float are refused: use decimal): "
                    + value.GetType().FullName);
            }
        }

        // Inside an array, a comma before every value but the first; after a name, none.
        private void Separate()
        {
            if (!first)
            {
                sb.Append(',');
            }
            first = false;
        }

        private void String(string value)
        {
            sb.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    default:
                        if (c < 0x20)
                        {
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }
                        break;
                }
            }
            sb.Append('"');
        }
    }
}
