using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>The binding against the header and the loaded library: versions, status codes,
    /// constants and struct layouts stay one to one with <c>include/payseal.h</c>.</summary>
    [TestFixture]
    public class LibraryTests
    {
        private static string Header
        {
            get { return File.ReadAllText(TestData.PathOf("include", "payseal.h")); }
        }

        /// <summary>PAYSEAL_NULL_ARGUMENT → NullArgument.</summary>
        private static string Pascal(string screaming)
        {
            var sb = new StringBuilder();
            foreach (string word in screaming.Split('_'))
            {
                sb.Append(word.Substring(0, 1)).Append(word.Substring(1).ToLowerInvariant());
            }
            return sb.ToString();
        }

        [Test]
        public void BackendsAreReported()
        {
            Assert.IsTrue(PaysealLibrary.BackendAvailable(Backend.Default));
            Assert.IsTrue(PaysealLibrary.BackendAvailable(Backend.AwsLc));
            Assert.IsFalse(PaysealLibrary.BackendAvailable((Backend)9));
        }

        [Test]
        public void AbiVersionIsChecked()
        {
            Assert.AreEqual(2u, PaysealLibrary.ExpectedAbiVersion);
            Assert.AreEqual(PaysealLibrary.ExpectedAbiVersion, PaysealLibrary.AbiVersion);
            StringAssert.Contains("#define PAYSEAL_ABI_VERSION " + PaysealLibrary.ExpectedAbiVersion, Header);
            PaysealLibrary.EnsureLoaded();
        }

        [Test]
        public void VersionIsTheCrateVersion()
        {
            string cargo = File.ReadAllText(TestData.PathOf("Cargo.toml"));
            Match m = Regex.Match(cargo, "^version = \"([^\"]+)\"", RegexOptions.Multiline);
            Assert.IsTrue(m.Success);
            Assert.AreEqual(m.Groups[1].Value, PaysealLibrary.Version);
        }

        [Test]
        public void StatusEnumMirrorsTheHeader()
        {
            string header = Header;
            int start = header.IndexOf("typedef enum {", StringComparison.Ordinal);
            int end = header.IndexOf("} payseal_status;", StringComparison.Ordinal);
            Assert.That(start >= 0 && end > start, "payseal_status in the header");
            var fromHeader = new Dictionary<string, int>();
            foreach (Match m in Regex.Matches(header.Substring(start, end - start), @"PAYSEAL_([A-Z0-9_]+) = (\d+)"))
            {
                fromHeader[Pascal(m.Groups[1].Value)] = int.Parse(m.Groups[2].Value);
            }
            var fromBinding = new Dictionary<string, int>();
            foreach (PaysealStatus s in Enum.GetValues(typeof(PaysealStatus)))
            {
                fromBinding[s.ToString()] = (int)s;
            }
            CollectionAssert.AreEquivalent(fromHeader, fromBinding);
            foreach (PaysealStatus s in Enum.GetValues(typeof(PaysealStatus)))
            {
                Assert.IsFalse(string.IsNullOrEmpty(PaysealLibrary.StatusText(s)), s.ToString());
            }
        }

        [Test]
        public void OptionEnumsMirrorTheHeaderConstants()
        {
            var expected = new Dictionary<string, uint>();
            foreach (RsaPadding v in Enum.GetValues(typeof(RsaPadding)))
            {
                expected["PAYSEAL_PADDING_" + (v == RsaPadding.OaepSha256 ? "OAEP_SHA256" : "PKCS1V15")] = (uint)v;
            }
            expected["PAYSEAL_BACKEND_DEFAULT"] = (uint)Backend.Default;
            expected["PAYSEAL_BACKEND_AWS_LC"] = (uint)Backend.AwsLc;
            expected["PAYSEAL_BACKEND_RUSTCRYPTO"] = (uint)Backend.RustCrypto;
            expected["PAYSEAL_KEY_FORMAT_PEM"] = (uint)KeyFormat.Pem;
            expected["PAYSEAL_KEY_FORMAT_PKCS1_PEM"] = (uint)KeyFormat.Pkcs1Pem;
            expected["PAYSEAL_KEY_FORMAT_DER"] = (uint)KeyFormat.Der;
            expected["PAYSEAL_KEY_FORMAT_BASE64_DER"] = (uint)KeyFormat.Base64Der;
            expected["PAYSEAL_KEY_FORMAT_TRANSACTPAY_BLOB"] = (uint)KeyFormat.TransactPayBlob;
            var inHeader = new Dictionary<string, uint>();
            foreach (Match m in Regex.Matches(Header, @"#define (PAYSEAL_(?:PADDING|BACKEND|KEY_FORMAT)_[A-Z0-9_]+) (\d+)"))
            {
                inHeader[m.Groups[1].Value] = uint.Parse(m.Groups[2].Value);
            }
            CollectionAssert.AreEquivalent(inHeader, expected);
            Assert.AreEqual(Enum.GetValues(typeof(Backend)).Length, 3);
            Assert.AreEqual(Enum.GetValues(typeof(KeyFormat)).Length, 5);
        }

        [Test]
        public void StructLayoutsMatchC()
        {
            // payseal_buffer { uint8_t *data; size_t len; }
            Assert.AreEqual(2 * IntPtr.Size, Marshal.SizeOf(typeof(PaysealBuffer)));
            Assert.AreEqual(IntPtr.Size, (int)Marshal.OffsetOf(typeof(PaysealBuffer), "Len"));
            // payseal_keepz_options { uint32_t padding; uint32_t legacy; size_t max_body; uint32_t backend; }
            Assert.AreEqual(0, (int)Marshal.OffsetOf(typeof(NativeKeepzOptions), "Padding"));
            Assert.AreEqual(4, (int)Marshal.OffsetOf(typeof(NativeKeepzOptions), "Legacy"));
            Assert.AreEqual(8, (int)Marshal.OffsetOf(typeof(NativeKeepzOptions), "MaxBody"));
            Assert.AreEqual(8 + IntPtr.Size, (int)Marshal.OffsetOf(typeof(NativeKeepzOptions), "Backend"));
            Assert.AreEqual(IntPtr.Size == 8 ? 24 : 16, Marshal.SizeOf(typeof(NativeKeepzOptions)));
        }

        [Test]
        public void EveryHeaderFunctionIsDeclared()
        {
            var declared = new List<string>();
            foreach (var method in typeof(Native).GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic))
            {
                declared.Add(method.Name);
            }
            var inHeader = new List<string>();
            foreach (Match m in Regex.Matches(Header, @"\b(payseal_[a-z0-9_]+)\(", RegexOptions.Multiline))
            {
                if (!inHeader.Contains(m.Groups[1].Value))
                {
                    inHeader.Add(m.Groups[1].Value);
                }
            }
            CollectionAssert.AreEquivalent(inHeader, declared);
        }
    }
}
