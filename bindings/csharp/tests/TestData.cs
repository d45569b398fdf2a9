using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>The repository's files: conformity vectors, header, Cargo.toml.</summary>
    internal static class TestData
    {
        private static string root;
        private static Dictionary<string, object> keys;

        /// <summary>The repository root: <c>PAYSEAL_ROOT</c>, else found above this assembly.</summary>
        public static string Root
        {
            get
            {
                if (root != null)
                {
                    return root;
                }
                string fromEnv = Environment.GetEnvironmentVariable("PAYSEAL_ROOT");
                if (!string.IsNullOrEmpty(fromEnv))
                {
                    return root = fromEnv;
                }
                var dir = new DirectoryInfo(Path.GetDirectoryName(typeof(TestData).Assembly.Location));
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, Path.Combine("include", "payseal.h"))))
                {
                    dir = dir.Parent;
                }
                if (dir == null)
                {
                    throw new InvalidOperationException("cannot find the repository root: set PAYSEAL_ROOT");
                }
                return root = dir.FullName;
            }
        }

        public static string PathOf(params string[] parts)
        {
            string path = Root;
            foreach (string part in parts)
            {
                path = Path.Combine(path, part);
            }
            return path;
        }

        public static object LoadVector(string name)
        {
            return Json.Parse(File.ReadAllText(PathOf("tests", "vectors", name), Encoding.UTF8));
        }

        public static List<object> Cases(string name)
        {
            return (List<object>)LoadVector(name);
        }

        /// <summary>keys.json: <c>rsa2048</c> and <c>rsa4096</c>, each in every format.</summary>
        public static Dictionary<string, object> Keys
        {
            get { return keys ?? (keys = (Dictionary<string, object>)LoadVector("keys.json")); }
        }

        public static Dictionary<string, object> Key(string name)
        {
            return (Dictionary<string, object>)Keys[name];
        }

        public static string Str(this Dictionary<string, object> d, string name)
        {
            return (string)d[name];
        }

        public static int Int(this Dictionary<string, object> d, string name)
        {
            return checked((int)(long)d[name]);
        }

        public static bool Bool(this Dictionary<string, object> d, string name)
        {
            return (bool)d[name];
        }

        public static Dictionary<string, object> Obj(this object o)
        {
            return (Dictionary<string, object>)o;
        }

        /// <summary>NUnit cases, one per vector, named after it.</summary>
        public static IEnumerable<TestCaseData> Named(string prefix, IEnumerable<object> cases)
        {
            foreach (object c in cases)
            {
                var d = (Dictionary<string, object>)c;
                object name;
                string label = d.TryGetValue("name", out name)
                    ? (string)name
                    : string.Format("{0} {1}", d["gateway"], d["operation"]);
                yield return new TestCaseData(d).SetName(prefix + ": " + label);
            }
        }

        public static byte[] Utf8(string s)
        {
            return Encoding.UTF8.GetBytes(s);
        }
    }

    /// <summary>Assertions on JSON values and payseal exceptions.</summary>
    internal static class Check
    {
        /// <summary>Deep equality of two parsed JSON values (object key order ignored).</summary>
        public static void JsonEqual(object expected, object actual, string where)
        {
            var e = expected as Dictionary<string, object>;
            var a = actual as Dictionary<string, object>;
            if (e != null || a != null)
            {
                Assert.IsNotNull(e, where + ": unexpected object");
                Assert.IsNotNull(a, where + ": expected an object");
                CollectionAssert.AreEquivalent(e.Keys, a.Keys, where + ": keys");
                foreach (var pair in e)
                {
                    JsonEqual(pair.Value, a[pair.Key], where + "." + pair.Key);
                }
                return;
            }
            var el = expected as List<object>;
            var al = actual as List<object>;
            if (el != null || al != null)
            {
                Assert.IsNotNull(el, where + ": unexpected array");
                Assert.IsNotNull(al, where + ": expected an array");
                Assert.AreEqual(el.Count, al.Count, where + ": length");
                for (int i = 0; i < el.Count; i++)
                {
                    JsonEqual(el[i], al[i], where + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }
                return;
            }
            Assert.AreEqual(expected, actual, where);
        }

        /// <summary>The exception type the binding must use for a status.</summary>
        public static Type ExceptionTypeFor(PaysealStatus status)
        {
            switch (status)
            {
                case PaysealStatus.GatewayError: return typeof(GatewayException);
                case PaysealStatus.CannotOpen: return typeof(CannotOpenException);
                case PaysealStatus.PayloadTooLarge: return typeof(PayloadTooLargeException);
                case PaysealStatus.MalformedKey:
                case PaysealStatus.KeyTooSmall:
                case PaysealStatus.KeyTooLarge:
                case PaysealStatus.UnsupportedKey:
                case PaysealStatus.MissingKey:
                    return typeof(KeyException);
                default: return typeof(PaysealException);
            }
        }

        /// <summary>Runs <paramref name="action"/>, which must fail with <paramref name="status"/>,
        /// the matching exception type and a non-empty message.</summary>
        public static PaysealException Fails(PaysealStatus status, TestDelegate action, string where = "")
        {
            try
            {
                action();
            }
            catch (PaysealException e)
            {
                Assert.AreEqual(status, e.Status, where + ": status (" + e.Message + ")");
                Assert.AreEqual((int)status, e.Code, where + ": code");
                Assert.AreEqual(ExceptionTypeFor(status), e.GetType(), where + ": exception type");
                Assert.IsFalse(string.IsNullOrEmpty(e.Message), where + ": message");
                return e;
            }
            Assert.Fail(where + ": expected " + status + ", but the call succeeded");
            return null;
        }
    }
}
