using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Payseal
{
    /// <summary>
    /// A small, strict JSON reader (RFC 8259) for the library's own JSON outputs, so that the
    /// binding needs no JSON package on Mono or .NET. Objects become
    /// <c>Dictionary&lt;string, object&gt;</c>, arrays <c>List&lt;object&gt;</c>, integers that fit
    /// <c>long</c>, other numbers <c>double</c> (or refused, for the typed outputs), and <c>true</c>/<c>false</c>/<c>null</c>.
    /// </summary>
    internal sealed class Json
    {
        private const int MaxDepth = 128;
        private readonly string text;
        private readonly bool fractions;
        private int pos;

        private Json(string text, bool fractions)
        {
            this.text = text;
            this.fractions = fractions;
        }

        /// <summary>Parses one JSON value.</summary>
        /// <exception cref="FormatException">The text is not JSON.</exception>
        internal static object Parse(string text)
        {
            return Parse(text, true);
        }

        /// <summary>Parses one JSON value; with <paramref name="fractions"/> false, a number that is
        /// not an integer within <c>long</c> is refused rather than read as a <c>double</c> (the
        /// typed outputs hold none: money must never pass through a binary float).</summary>
        /// <exception cref="FormatException">The text is not JSON, or holds such a number.</exception>
        internal static object Parse(string text, bool fractions)
        {
            if (text == null)
            {
                throw new ArgumentNullException("text");
            }
            var reader = new Json(text, fractions);
            object value = reader.Value(0);
            reader.SkipSpace();
            if (reader.pos != text.Length)
            {
                throw reader.Error("trailing characters");
            }
            return value;
        }

        private object Value(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("nested too deeply");
            }
            SkipSpace();
            if (pos >= text.Length)
            {
                throw Error("unexpected end");
            }
            char c = text[pos];
            switch (c)
            {
                case '{': return Object(depth);
                case '[': return Array(depth);
                case '"': return String();
                case 't': return Literal("true", true);
                case 'f': return Literal("false", false);
                case 'n': return Literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return Number();
                    }
                    throw Error("unexpected character");
            }
        }

        private Dictionary<string, object> Object(int depth)
        {
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            pos++;
            SkipSpace();
            if (Peek() == '}')
            {
                pos++;
                return result;
            }
            while (true)
            {
                SkipSpace();
                if (Peek() != '"')
                {
                    throw Error("expected a key");
                }
                string key = String();
                SkipSpace();
                Expect(':');
                result[key] = Value(depth + 1);
                SkipSpace();
                if (Peek() == ',')
                {
                    pos++;
                    continue;
                }
                Expect('}');
                return result;
            }
        }

        private List<object> Array(int depth)
        {
            var result = new List<object>();
            pos++;
            SkipSpace();
            if (Peek() == ']')
            {
                pos++;
                return result;
            }
            while (true)
            {
                result.Add(Value(depth + 1));
                SkipSpace();
                if (Peek() == ',')
                {
                    pos++;
                    continue;
                }
                Expect(']');
                return result;
            }
        }

        private string String()
        {
            pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (pos >= text.Length)
                {
                    throw Error("unterminated string");
                }
                char c = text[pos++];
                if (c == '"')
                {
                    return sb.ToString();
                }
                if (c < 0x20)
                {
                    throw Error("control character in string");
                }
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }
                if (pos >= text.Length)
                {
                    throw Error("unterminated escape");
                }
                char e = text[pos++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (pos + 4 > text.Length)
                        {
                            throw Error("short \\u escape");
                        }
                        int code;
                        if (!int.TryParse(text.Substring(pos, 4), NumberStyles.AllowHexSpecifier,
                                CultureInfo.InvariantCulture, out code))
                        {
                            throw Error("bad \\u escape");
                        }
                        sb.Append((char)code);
                        pos += 4;
                        break;
                    default:
                        throw Error("bad escape");
                }
            }
        }

        private object Number()
        {
            int start = pos;
            if (Peek() == '-')
            {
                pos++;
            }
            if (Peek() == '0')
            {
                pos++;
            }
            else if (!Digits())
            {
                throw Error("bad number");
            }
            bool integral = true;
            if (Peek() == '.')
            {
                integral = false;
                pos++;
                if (!Digits())
                {
                    throw Error("bad fraction");
                }
            }
            if (Peek() == 'e' || Peek() == 'E')
            {
                integral = false;
                pos++;
                if (Peek() == '+' || Peek() == '-')
                {
                    pos++;
                }
                if (!Digits())
                {
                    throw Error("bad exponent");
                }
            }
            string token = text.Substring(start, pos - start);
            long whole;
            if (integral && long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out whole))
            {
                return whole;
            }
            if (!fractions)
            {
                throw Error("a number that is not an integer within a long");
            }
            return double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private bool Digits()
        {
            int start = pos;
            while (pos < text.Length && text[pos] >= '0' && text[pos] <= '9')
            {
                pos++;
            }
            return pos > start;
        }

        private object Literal(string word, object value)
        {
            if (string.CompareOrdinal(text, pos, word, 0, word.Length) != 0)
            {
                throw Error("unknown literal");
            }
            pos += word.Length;
            return value;
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error("expected '" + c + "'");
            }
            pos++;
        }

        private char Peek()
        {
            return pos < text.Length ? text[pos] : '\0';
        }

        private void SkipSpace()
        {
            while (pos < text.Length && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
            {
                pos++;
            }
        }

        private FormatException Error(string what)
        {
            return new FormatException(string.Format(CultureInfo.InvariantCulture, "invalid JSON at {0}: {1}", pos, what));
        }
    }
}
