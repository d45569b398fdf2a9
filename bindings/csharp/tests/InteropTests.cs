using System;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>
    /// payseal against .NET's own crypto (<see cref="RSACryptoServiceProvider"/>, <see cref="Aes"/>,
    /// <see cref="RijndaelManaged"/>), both directions. RSACryptoServiceProvider's OAEP is SHA-1 only
    /// (on Mono as on .NET Framework), so Keepz's default OAEP-SHA-256 cannot be reproduced here; the
    /// OAEP tests check that the two are told apart instead.
    /// </summary>
    [TestFixture]
    public class InteropTests
    {
        private const string Id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
        private const string Payload = "{\"integratorOrderId\":\"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a\",\"description\":\"გადახდა\",\"amount\":12.5}";

        private static readonly KeepzOptions Pkcs1 = new KeepzOptions { Padding = RsaPadding.Pkcs1v15 };

        private static byte[] B64(object text)
        {
            return Convert.FromBase64String((string)text);
        }

        private static string B64(byte[] bytes)
        {
            return Convert.ToBase64String(bytes);
        }

        [TestCase("rsa2048")]
        [TestCase("rsa4096")]
        public void TransactPaySealedByPaysealDecryptsWithDotNet(string keyName)
        {
            var key = TestData.Key(keyName);
            const string order = "{\"reference\":\"ORD-1\",\"amount\":20000,\"currency\":\"NGN\"}";
            using (var tp = TransactPay.FromText(key.Str("transactpay_blob")))
            using (RSACryptoServiceProvider rsa = RsaKeys.Private(key.Str("private_pem")))
            {
                var body = Json.Parse(tp.Seal(order)).Obj();
                byte[] block = B64(body["data"]);
                Assert.AreEqual(key.Int("bits") / 8, block.Length);
                Assert.AreEqual(order, Encoding.UTF8.GetString(rsa.Decrypt(block, false)));
            }
        }

        [TestCase("rsa2048")]
        [TestCase("rsa4096")]
        public void TransactPayEncryptedByDotNetOpensWithPayseal(string keyName)
        {
            var key = TestData.Key(keyName);
            const string order = "{\"reference\":\"ORD-2\",\"paymentoption\":\"C\"}";
            using (RSACryptoServiceProvider rsa = RsaKeys.FromBlob(key.Str("transactpay_blob")))
            using (var tp = TransactPay.FromText(key.Str("transactpay_blob"), key.Str("private_pkcs1_pem")))
            {
                string body = "{\"data\":\"" + B64(rsa.Encrypt(Encoding.UTF8.GetBytes(order), false)) + "\"}";
                Assert.AreEqual(order, tp.Open(body));
            }
        }

        [TestCase("rsa2048")]
        [TestCase("rsa4096")]
        public void TransactPayBlobIsDotNetsToXmlString(string keyName)
        {
            var key = TestData.Key(keyName);
            int bits;
            string xml = RsaKeys.BlobXml(key.Str("transactpay_blob"), out bits);
            Assert.AreEqual(key.Int("bits"), bits);
            using (RSACryptoServiceProvider rsa = RsaKeys.Public(key.Str("public_pem")))
            {
                Assert.AreEqual(rsa.ToXmlString(false), xml);
            }
        }

        [TestCase("rsa2048")]
        [TestCase("rsa4096")]
        public void KeepzPkcs1SealedByPaysealOpensWithDotNetAes(string keyName)
        {
            var key = TestData.Key(keyName);
            using (var keepz = Keepz.FromText(key.Str("public_pem"), null, Id, Pkcs1))
            using (RSACryptoServiceProvider rsa = RsaKeys.Private(key.Str("private_pem")))
            {
                var envelope = Json.Parse(keepz.Seal(Payload)).Obj();
                Assert.AreEqual(true, envelope["aes"]);
                Assert.AreEqual(Id, envelope["identifier"]);
                string wrapped = Encoding.ASCII.GetString(rsa.Decrypt(B64(envelope["encryptedKeys"]), false));
                string[] parts = wrapped.Split('.');
                Assert.AreEqual(2, parts.Length, wrapped);
                byte[] aesKey = B64(parts[0]);
                byte[] iv = B64(parts[1]);
                Assert.AreEqual(32, aesKey.Length);
                Assert.AreEqual(16, iv.Length);
                using (Aes aes = Aes.Create())
                {
                    aes.Mode = CipherMode.CBC;
                    aes.Padding = PaddingMode.PKCS7;
                    using (ICryptoTransform decryptor = aes.CreateDecryptor(aesKey, iv))
                    {
                        byte[] ciphertext = B64(envelope["encryptedData"]);
                        byte[] plain = decryptor.TransformFinalBlock(ciphertext, 0, ciphertext.Length);
                        Assert.AreEqual(Payload, Encoding.UTF8.GetString(plain));
                    }
                }
            }
        }

        [TestCase("rsa2048")]
        [TestCase("rsa4096")]
        public void KeepzPkcs1SealedByDotNetOpensWithPayseal(string keyName)
        {
            var key = TestData.Key(keyName);
            string body = DotNetSeal(key.Str("public_base64_der"), Payload, oaep: false);
            using (var keepz = Keepz.FromText(null, key.Str("private_base64_der"), null, Pkcs1))
            {
                Assert.AreEqual(Payload, keepz.Open(200, body));
                Assert.AreEqual(Payload, keepz.Open(0, body), "as a callback");
            }
        }

        [Test]
        public void KeepzLegacySealedByPaysealDecryptsWithDotNet()
        {
            var key = TestData.Key("rsa2048");
            var legacy = new KeepzOptions { Legacy = true, Padding = RsaPadding.Pkcs1v15 };
            using (var keepz = Keepz.FromText(key.Str("public_pem"), null, Id, legacy))
            using (RSACryptoServiceProvider rsa = RsaKeys.Private(key.Str("private_pkcs1_pem")))
            {
                var envelope = Json.Parse(keepz.Seal(Payload)).Obj();
                Assert.IsFalse(envelope.ContainsKey("encryptedKeys"));
                Assert.AreEqual(Payload, Encoding.UTF8.GetString(rsa.Decrypt(B64(envelope["encryptedData"]), false)));
            }
        }

        [Test]
        public void KeepzLegacyEncryptedByDotNetOpensWithPayseal()
        {
            var key = TestData.Key("rsa4096");
            var legacy = new KeepzOptions { Legacy = true, Padding = RsaPadding.Pkcs1v15 };
            using (RSACryptoServiceProvider rsa = RsaKeys.Public(key.Str("public_pem")))
            using (var keepz = Keepz.FromText(null, key.Str("private_pem"), null, legacy))
            {
                string body = "{\"encryptedData\":\"" + B64(rsa.Encrypt(Encoding.UTF8.GetBytes(Payload), false)) + "\"}";
                Assert.AreEqual(Payload, keepz.Open(200, body));
            }
        }

        [Test]
        public void DotNetOaepSha1IsNotKeepzOaepSha256()
        {
            var key = TestData.Key("rsa2048");
            // .NET's OAEP (SHA-1, MGF1-SHA-1) envelope: payseal's OAEP-SHA-256 handle must refuse it,
            // with the one CannotOpen error, and the offline diagnosis must say it does not open.
            string body = DotNetSeal(key.Str("public_pem"), Payload, oaep: true);
            using (var keepz = Keepz.FromText(null, key.Str("private_pem")))
            using (var doctor = KeepzDiagnostics.FromText(key.Str("private_pem")))
            {
                Check.Fails(PaysealStatus.CannotOpen, () => keepz.Open(200, body));
                Assert.AreEqual(false, Json.Parse(doctor.Explain(body, tryOtherPadding: true)).Obj()["opens"]);
            }
            // And the reverse: payseal's OAEP-SHA-256 block does not decrypt as OAEP-SHA-1.
            using (var keepz = Keepz.FromText(key.Str("public_pem"), null, Id))
            using (RSACryptoServiceProvider rsa = RsaKeys.Private(key.Str("private_pem")))
            {
                byte[] block = B64(Json.Parse(keepz.Seal(Payload)).Obj()["encryptedKeys"]);
                Assert.Throws<CryptographicException>(() => rsa.Decrypt(block, true));
            }
        }

        /// <summary>A Keepz hybrid envelope built with .NET only: RijndaelManaged AES-256-CBC and
        /// RSACryptoServiceProvider (PKCS#1 v1.5, or OAEP-SHA-1).</summary>
        private static string DotNetSeal(string publicKey, string payload, bool oaep)
        {
            using (var aes = new RijndaelManaged { KeySize = 256, BlockSize = 128, Mode = CipherMode.CBC, Padding = PaddingMode.PKCS7 })
            using (RSACryptoServiceProvider rsa = RsaKeys.Public(publicKey))
            {
                aes.GenerateKey();
                aes.GenerateIV();
                byte[] plain = Encoding.UTF8.GetBytes(payload);
                byte[] ciphertext;
                using (ICryptoTransform encryptor = aes.CreateEncryptor())
                {
                    ciphertext = encryptor.TransformFinalBlock(plain, 0, plain.Length);
                }
                string wrapped = B64(aes.Key) + "." + B64(aes.IV);
                byte[] keys = rsa.Encrypt(Encoding.ASCII.GetBytes(wrapped), oaep);
                return "{\"encryptedData\":\"" + B64(ciphertext) + "\",\"encryptedKeys\":\"" + B64(keys) + "\",\"aes\":true}";
            }
        }
    }
}
