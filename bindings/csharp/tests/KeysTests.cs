using System;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>keys.json (every format of the fixed keys) and <see cref="Keys.Generate"/>.</summary>
    [TestFixture]
    public class KeysTests
    {
        private const string Id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
        private const string Payload = "{\"integratorId\":\"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e\",\"amount\":1}";

        private static string Hex(byte[] bytes)
        {
            var sb = new StringBuilder();
            foreach (byte b in bytes)
            {
                sb.Append(b.ToString("x2"));
            }
            return sb.ToString();
        }

        /// <summary>A real PKCS#8 PrivateKeyInfo as single-line Base64 DER: how Keepz hands private
        /// keys out (keys.json's <c>private_base64_der</c> holds PKCS#1 DER).</summary>
        private static string Pkcs8Base64(string privatePem)
        {
            return Convert.ToBase64String(RsaKeys.Der(privatePem));
        }

        [TestCase("rsa2048")]
        [TestCase("rsa4096")]
        public void FingerprintAndSizeMatchTheKey(string keyName)
        {
            var key = TestData.Key(keyName);
            byte[] spki = Convert.FromBase64String(key.Str("public_base64_der"));
            using (var sha = SHA256.Create())
            {
                Assert.AreEqual(key.Str("fingerprint"), Hex(sha.ComputeHash(spki)));
            }
            CollectionAssert.AreEqual(spki, RsaKeys.Der(key.Str("public_pem")));
            using (RSACryptoServiceProvider rsa = RsaKeys.Public(key.Str("public_pem")))
            {
                Assert.AreEqual(key.Int("bits"), rsa.KeySize);
            }
        }

        [TestCase("rsa2048")]
        [TestCase("rsa4096")]
        public void EveryKeepzKeyFormatSealsAndOpens(string keyName)
        {
            var key = TestData.Key(keyName);
            string[] publics = { key.Str("public_pem"), key.Str("public_pkcs1_pem"), key.Str("public_base64_der") };
            string[] privates =
            {
                key.Str("private_pem"), key.Str("private_pkcs1_pem"), key.Str("private_base64_der"),
                Pkcs8Base64(key.Str("private_pem")),
            };
            foreach (string pub in publics)
            {
                using (var sealer = Keepz.FromText(pub, null, Id))
                {
                    string body = sealer.Seal(Payload);
                    foreach (string priv in privates)
                    {
                        using (var opener = Keepz.FromText(null, priv))
                        {
                            Assert.AreEqual(Payload, opener.Open(200, body), pub.Substring(0, 30) + " / " + priv.Substring(0, 30));
                        }
                    }
                }
            }
        }

        [TestCase("rsa2048")]
        [TestCase("rsa4096")]
        public void KeysAsBinaryDerWork(string keyName)
        {
            var key = TestData.Key(keyName);
            byte[] spki = RsaKeys.Der(key.Str("public_pem"));
            byte[] pkcs8 = RsaKeys.Der(key.Str("private_pem"));
            using (var keepz = new Keepz(spki, pkcs8, Id))
            {
                byte[] opened = keepz.Open(200, keepz.Seal(TestData.Utf8(Payload)));
                Assert.AreEqual(Payload, Encoding.UTF8.GetString(opened));
            }
        }

        [TestCase("rsa2048")]
        [TestCase("rsa4096")]
        public void EveryTransactPayKeyFormatSeals(string keyName)
        {
            var key = TestData.Key(keyName);
            int bits;
            string xml = RsaKeys.BlobXml(key.Str("transactpay_blob"), out bits);
            string decoded = Encoding.ASCII.GetString(Convert.FromBase64String(key.Str("transactpay_blob")));
            string[] forms = { key.Str("transactpay_blob"), decoded, xml, key.Str("public_pem"), key.Str("public_base64_der") };
            using (var opener = TransactPay.FromText(key.Str("transactpay_blob"), key.Str("private_pem")))
            {
                foreach (string form in forms)
                {
                    using (var tp = TransactPay.FromText(form))
                    {
                        Assert.AreEqual(key.Int("bits") / 8 - 11, tp.MaxPayload);
                        Assert.AreEqual(Payload, opener.Open(tp.Seal(Payload)), form.Substring(0, 20));
                    }
                }
            }
        }

        [TestCase(KeyFormat.Pem, KeyFormat.Pem)]
        [TestCase(KeyFormat.Pkcs1Pem, KeyFormat.Pkcs1Pem)]
        [TestCase(KeyFormat.Der, KeyFormat.Der)]
        [TestCase(KeyFormat.Base64Der, KeyFormat.Base64Der)]
        public void GeneratedKeysWorkInEveryFormat(KeyFormat privateFormat, KeyFormat publicFormat)
        {
            KeyPair pair = Keys.Generate(2048, privateFormat, publicFormat);
            string expectedPrivate = privateFormat == KeyFormat.Pem ? "-----BEGIN PRIVATE KEY-----"
                : privateFormat == KeyFormat.Pkcs1Pem ? "-----BEGIN RSA PRIVATE KEY-----" : null;
            if (expectedPrivate != null)
            {
                StringAssert.StartsWith(expectedPrivate, pair.PrivateKeyText);
            }
            if (privateFormat == KeyFormat.Der)
            {
                Assert.AreEqual(0x30, pair.PrivateKey[0]);
            }
            using (var keepz = new Keepz(pair.PublicKey, pair.PrivateKey, Id))
            {
                Assert.AreEqual(Payload, keepz.Open(200, keepz.Seal(Payload)));
            }
        }

        [Test]
        public void GeneratedBlobImportsIntoDotNet()
        {
            KeyPair pair = Keys.Generate(2048, KeyFormat.Pkcs1Pem, KeyFormat.TransactPayBlob);
            StringAssert.StartsWith("MjA0OCE8UlNBS2V5VmFsdWU+", pair.PublicKeyText); // "2048!<RSAKeyValue>"
            const string order = "{\"reference\":\"ORD-3\"}";
            using (RSACryptoServiceProvider rsa = RsaKeys.FromBlob(pair.PublicKeyText))
            using (var tp = new TransactPay(pair.PublicKey, pair.PrivateKey))
            {
                Assert.AreEqual(2048, rsa.KeySize);
                string body = "{\"data\":\"" + Convert.ToBase64String(rsa.Encrypt(Encoding.UTF8.GetBytes(order), false)) + "\"}";
                Assert.AreEqual(order, tp.Open(body));
            }
        }

        [Test]
        public void GenerateRefusesWhatItCannotDo()
        {
            Check.Fails(PaysealStatus.KeyTooSmall, () => Keys.Generate(1024));
            Check.Fails(PaysealStatus.InvalidArgument, () => Keys.Generate(2048, KeyFormat.TransactPayBlob));
            Check.Fails(PaysealStatus.InvalidArgument, () => Keys.Generate(2048, (KeyFormat)9));
            Check.Fails(PaysealStatus.InvalidArgument, () => Keys.Generate(2048, backend: (Backend)9));
            Assert.Throws<ArgumentOutOfRangeException>(() => Keys.Generate(-1));
        }

        [Test]
        public void RustCryptoBackendWorksOrIsNamedUnavailable()
        {
            KeyPair pair;
            try
            {
                pair = Keys.Generate(2048, backend: Backend.RustCrypto);
            }
            catch (PaysealException e)
            {
                Assert.AreEqual(PaysealStatus.BackendUnavailable, e.Status, e.Message);
                Check.Fails(PaysealStatus.BackendUnavailable,
                    () => Keepz.FromText(TestData.Key("rsa2048").Str("public_pem"), null, null, new KeepzOptions { Backend = Backend.RustCrypto }));
                return;
            }
            using (var keepz = new Keepz(pair.PublicKey, pair.PrivateKey, Id, new KeepzOptions { Backend = Backend.RustCrypto }))
            {
                Assert.AreEqual(Payload, keepz.Open(200, keepz.Seal(Payload)));
            }
        }
    }
}
