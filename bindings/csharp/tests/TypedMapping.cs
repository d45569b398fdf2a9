using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace Payseal.Tests
{
    /// <summary>A vector's request JSON that the typed API cannot express (an unknown field, a
    /// value of the wrong kind, an invalid UUID): only the raw JSON path can send it.</summary>
    internal sealed class UntypeableException : Exception
    {
        public UntypeableException(string what) : base(what)
        {
        }
    }

    /// <summary>
    /// Test-side bridges between the vectors' JSON and the generated classes, by the
    /// <see cref="WireNameAttribute"/> of each property: a vector's request becomes the typed
    /// request a host would write, and a typed answer becomes JSON again to compare with the
    /// vector's expected output (amounts as their exact decimal text).
    /// </summary>
    internal static class TypedMapping
    {
        public static IEnumerable<PropertyInfo> WireProperties(Type type)
        {
            return type.GetProperties().Where(p => p.GetCustomAttributes(typeof(WireNameAttribute), false).Length > 0);
        }

        public static WireNameAttribute Wire(PropertyInfo p)
        {
            return (WireNameAttribute)p.GetCustomAttributes(typeof(WireNameAttribute), false)[0];
        }

        // ------------------------------------------------------------ JSON -> typed request
        public static object ToTyped(Type type, object json, string where)
        {
            Type inner = Nullable.GetUnderlyingType(type);
            if (inner != null)
            {
                return json == null ? null : ToTyped(inner, json, where);
            }
            if (json == null)
            {
                if (type.IsValueType)
                {
                    throw new UntypeableException(where + ": null for a " + type.Name);
                }
                return null;
            }
            if (type == typeof(string))
            {
                return Expect<string>(json, where);
            }
            if (type == typeof(bool))
            {
                return Expect<bool>(json, where);
            }
            if (type == typeof(long) || type == typeof(int))
            {
                long n = Expect<long>(json, where);
                return type == typeof(int) ? (object)checked((int)n) : n;
            }
            if (type == typeof(decimal))
            {
                if (json is long)
                {
                    return (decimal)(long)json;
                }
                string text = Expect<string>(json, where);
                decimal value;
                if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                        CultureInfo.InvariantCulture, out value) || value.ToString(CultureInfo.InvariantCulture) != text)
                {
                    throw new UntypeableException(where + ": not a decimal: " + text);
                }
                return value;
            }
            if (type == typeof(Guid))
            {
                string text = Expect<string>(json, where);
                Guid id;
                if (!Guid.TryParseExact(text, "D", out id) || id.ToString("D") != text)
                {
                    throw new UntypeableException(where + ": not a UUID: " + text);
                }
                return id;
            }
            if (type == typeof(DateTime))
            {
                string text = Expect<string>(json, where);
                DateTime t;
                if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out t))
                {
                    throw new UntypeableException(where + ": not a date: " + text);
                }
                return t;
            }
            if (type == typeof(object))
            {
                return json;  // a part kept as sent
            }
            if (type.IsEnum)
            {
                return ClosedEnum(type, Expect<string>(json, where), where);
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>))
            {
                Type item = type.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item));
                int i = 0;
                foreach (object element in Expect<List<object>>(json, where))
                {
                    list.Add(ToTyped(item, element, where + "[" + i++ + "]"));
                }
                return list;
            }
            MethodInfo ofRaw = type.GetMethod("OfRaw");
            if (ofRaw != null)
            {
                return OpenEnum(type, Expect<string>(json, where));
            }
            if (type.IsAbstract)
            {
                return Variant(type, Expect<Dictionary<string, object>>(json, where), where);
            }
            return Object(type, Expect<Dictionary<string, object>>(json, where), where, null);
        }

        private static object Object(Type type, Dictionary<string, object> json, string where, string skip)
        {
            object result = Activator.CreateInstance(type);
            var props = WireProperties(type).ToDictionary(p => Wire(p).Name);
            foreach (var pair in json)
            {
                if (pair.Key == skip)
                {
                    continue;
                }
                PropertyInfo p;
                if (!props.TryGetValue(pair.Key, out p))
                {
                    throw new UntypeableException(where + ": no property for " + pair.Key);
                }
                p.SetValue(result, ToTyped(p.PropertyType, pair.Value, where + "." + pair.Key), null);
            }
            return result;
        }

        /// <summary>TransactPay's pay request: the subclass whose tag the JSON names.</summary>
        private static object Variant(Type type, Dictionary<string, object> json, string where)
        {
            object tag;
            if (!json.TryGetValue("paymentoption", out tag) || !(tag is string))
            {
                throw new UntypeableException(where + ": no paymentoption");
            }
            var tags = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
            {
                { "C", typeof(TransactPayPayWithCardRequest) },
                { "bank-transfer", typeof(TransactPayPayByBankTransferRequest) },
                { "Opay", typeof(TransactPayPayWithOpayRequest) },
            };
            Type variant;
            if (!tags.TryGetValue((string)tag, out variant) || !type.IsAssignableFrom(variant))
            {
                throw new UntypeableException(where + ": payment option " + tag);
            }
            return Object(variant, json, where, "paymentoption");
        }

        /// <summary>The host's enum member for a wire value (any case: the vectors check that the core
        /// reads any case; a host names the member).</summary>
        private static object ClosedEnum(Type type, string wire, string where)
        {
            MethodInfo of = typeof(Keepz).Assembly.GetType("Payseal.EnumWire")
                .GetMethod("Of", BindingFlags.Static | BindingFlags.NonPublic, null, new[] { type }, null);
            foreach (object value in Enum.GetValues(type))
            {
                if (string.Equals((string)of.Invoke(null, new[] { value }), wire, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
            throw new UntypeableException(where + ": no " + type.Name + " " + wire);
        }

        /// <summary>An open enum: its known member when the text is one exactly, else the raw text.</summary>
        private static object OpenEnum(Type type, string wire)
        {
            Type values = type.GetProperty("Value").PropertyType.GetGenericArguments()[0];
            foreach (object value in Enum.GetValues(values))
            {
                object known = type.GetMethod("Of").Invoke(null, new[] { value });
                if ((string)type.GetProperty("Raw").GetValue(known, null) == wire)
                {
                    return known;
                }
            }
            return type.GetMethod("OfRaw").Invoke(null, new object[] { wire });
        }

        private static T Expect<T>(object json, string where)
        {
            if (!(json is T))
            {
                throw new UntypeableException(where + ": expected " + typeof(T).Name);
            }
            return (T)json;
        }

        // ------------------------------------------------------------ typed answer -> JSON
        public static object ToJson(object value)
        {
            if (value == null || value is string || value is bool || value is long)
            {
                return value;
            }
            if (value is int)
            {
                return (long)(int)value;
            }
            if (value is decimal)
            {
                return ((decimal)value).ToString(CultureInfo.InvariantCulture);
            }
            if (value is Dictionary<string, object>)
            {
                return value;  // a part kept as sent
            }
            if (value is GatewayDate)
            {
                var date = (GatewayDate)value;
                return new Dictionary<string, object>
                {
                    { "raw", date.Raw },
                    { "value", date.Value == null ? null : date.Value.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) },
                };
            }
            Type type = value.GetType();
            if (type.GetProperty("Known") != null && type.GetProperty("Raw") != null)
            {
                var status = new Dictionary<string, object>
                {
                    { "value", type.GetProperty("Raw").GetValue(value, null) },
                    { "known", type.GetProperty("Known").GetValue(value, null) },
                };
                foreach (PropertyInfo fact in type.GetProperties().Where(p => p.Name.StartsWith("Is", StringComparison.Ordinal)))
                {
                    status[char.ToLowerInvariant(fact.Name[2]) + fact.Name.Substring(3)] = fact.GetValue(value, null);
                }
                return status;
            }
            var list = value as IEnumerable;
            if (list != null && !(value is IDictionary))
            {
                return list.Cast<object>().Select(ToJson).ToList();
            }
            var result = new Dictionary<string, object>();
            foreach (PropertyInfo p in WireProperties(type))
            {
                result[Wire(p).Name] = ToJson(p.GetValue(value, null));
            }
            return result;
        }
    }
}
