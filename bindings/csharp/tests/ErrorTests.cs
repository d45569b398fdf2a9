using System;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>Bad input: each failure surfaces as the right exception type and status, with the
    /// library's message; empty inputs cross the ABI as NULL + 0; disposed handles are refused.</summary>
    [TestFixture]
    public class ErrorTests
    {
        private const string Id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
        private const string ErrorBody = "{\"message\":\"Integrator order not found\",\"statusCode\":6005,\"exceptionGroup\":5}";

        private static Keepz Both(KeepzOptions options = null)
        {
            var key = TestData.Key("rsa2048");
            return Keepz.FromText(key.Str("public_pem"), key.Str("private_pem"), Id, options);
        }

        [Test]
        public void GatewayErrorCarriesKeepzJsonAndFields()
        {
            using (Keepz keepz = Both())
            {
                var e = (GatewayException)Check.Fails(PaysealStatus.GatewayError, () => keepz.Open(404, ErrorBody));
                Assert.AreEqual("keepz", e.Gateway);
                Assert.AreEqual(404, e.HttpStatus);
                Assert.AreEqual("6005", e.StatusCode);
                Assert.AreEqual(5, e.ExceptionGroup);
                Assert.AreEqual("not found", e.Group);
                Assert.AreEqual("integrator order not found", e.CodeName);
                Assert.AreEqual("Integrator order not found", e.GatewayMessage);
                Assert.IsNull(e.Hint);
                Assert.IsNull(e.GatewayStatus);
                StringAssert.Contains("6005", e.Message);
                Assert.AreEqual("Integrator order not found", Json.Parse(e.Json).Obj()["message"]);
            }
        }

        [Test]
        public void GatewayErrorCarriesTransactPayJsonAndFields()
        {
            var e = (GatewayException)Check.Fails(PaysealStatus.GatewayError,
                () => TransactPay.ParseResponse(400, "{\"statusCode\":\"09\",\"status\":\"failed\",\"message\":\"Order not found\"}"));
            Assert.AreEqual("transactpay", e.Gateway);
            Assert.AreEqual(400, e.HttpStatus);
            Assert.AreEqual("09", e.StatusCode);
            Assert.AreEqual("failed", e.GatewayStatus);
            Assert.AreEqual("Order not found", e.GatewayMessage);
            Assert.IsNull(e.ExceptionGroup);
        }

        [Test]
        public void EmptyInputsCrossAsNullAndZero()
        {
            using (Keepz keepz = Both())
            {
                // NULL + 0 is an empty input, never PAYSEAL_NULL_ARGUMENT.
                Check.Fails(PaysealStatus.NotJson, () => keepz.Seal(new byte[0]));
                Check.Fails(PaysealStatus.EmptyBody, () => keepz.Open(0, new byte[0]));
                Assert.AreEqual(new byte[0], keepz.Open(200, new byte[0]), "subscription revoke");
                Assert.AreEqual("", keepz.Open(204, ""));
            }
            Check.Fails(PaysealStatus.EmptyBody, () => TransactPay.ParseResponse(200, new byte[0]));
            Check.Fails(PaysealStatus.MalformedKey, () => new TransactPay(new byte[0]));
            Check.Fails(PaysealStatus.MissingKey, () => new Keepz(new byte[0], new byte[0], ""));
            Check.Fails(PaysealStatus.InvalidArgument, () => Endpoints.Get("", ""));
        }

        [Test]
        public void NullRequiredArgumentsThrowArgumentNull()
        {
            using (Keepz keepz = Both())
            {
                Assert.Throws<ArgumentNullException>(() => keepz.Seal((byte[])null));
                Assert.Throws<ArgumentNullException>(() => keepz.Seal((string)null));
                Assert.Throws<ArgumentNullException>(() => keepz.SealQuery((string)null));
                Assert.Throws<ArgumentNullException>(() => keepz.Open(200, (string)null));
            }
            using (var doctor = KeepzDiagnostics.FromText(TestData.Key("rsa2048").Str("private_pem")))
            {
                Assert.Throws<ArgumentNullException>(() => doctor.Explain((byte[])null));
            }
            Assert.Throws<ArgumentNullException>(() => new TransactPay(null));
            Assert.Throws<ArgumentNullException>(() => TransactPay.ParseResponse(200, (string)null));
            Assert.Throws<ArgumentNullException>(() => Endpoints.Get(null, "create_order"));
        }

        [Test]
        public void HttpStatusOutOfRangeIsRefusedBeforeTheCall()
        {
            using (Keepz keepz = Both())
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => keepz.Open(-1, "{}"));
                Assert.Throws<ArgumentOutOfRangeException>(() => keepz.Open(65536, "{}"));
            }
            Assert.Throws<ArgumentOutOfRangeException>(() => TransactPay.ParseResponse(70000, "{}"));
            Assert.Throws<ArgumentOutOfRangeException>(() => Both(new KeepzOptions { MaxBody = -1 }));
        }

        [Test]
        public void BadPayloadsAndBodies()
        {
            using (Keepz keepz = Both())
            {
                Check.Fails(PaysealStatus.InvalidUtf8, () => keepz.Seal(new byte[] { 0x7b, 0xff, 0x7d }));
                Check.Fails(PaysealStatus.NotJson, () => keepz.Seal("{nope"));
                Check.Fails(PaysealStatus.InvalidRequest, () => keepz.Seal("\"text\""));
                Check.Fails(PaysealStatus.NotJson, () => keepz.Open(502, "<html>502</html>"));
                Check.Fails(PaysealStatus.NotEnvelope, () => keepz.Open(200, "{\"hello\":\"world\"}"));
                Check.Fails(PaysealStatus.CannotOpen, () => keepz.Open(200, "{\"encryptedData\":\"AAAA\",\"encryptedKeys\":\"AAAA\",\"aes\":true}"));
            }
            using (Keepz small = Both(new KeepzOptions { MaxBody = 16 }))
            {
                Check.Fails(PaysealStatus.BodyTooLarge, () => small.Open(200, "{\"encryptedData\":\"AAAAAAAA\"}"));
            }
            using (TransactPay tp = VectorTests.TransactPayFor("rsa2048"))
            {
                var e = Check.Fails(PaysealStatus.PayloadTooLarge, () => tp.Seal("{\"r\":\"" + new string('x', 300) + "\"}"));
                StringAssert.Contains("245", e.Message);
                Check.Fails(PaysealStatus.InvalidRequest, () => tp.Seal("[1,2]"));
                Check.Fails(PaysealStatus.CannotOpen, () => tp.Open("{\"data\":\"@@@@\"}"));
            }
            Check.Fails(PaysealStatus.NotEnvelope, () => TransactPay.ParseResponse(200, "[1]"));
        }

        [Test]
        public void BadOptionsAndKeys()
        {
            var key = TestData.Key("rsa2048");
            Check.Fails(PaysealStatus.InvalidArgument, () => Keepz.FromText(key.Str("public_pem"), null, "not-a-uuid"));
            Check.Fails(PaysealStatus.InvalidArgument, () => Both(new KeepzOptions { Padding = (RsaPadding)7 }));
            Check.Fails(PaysealStatus.InvalidArgument, () => Both(new KeepzOptions { Backend = (Backend)7 }));
            Check.Fails(PaysealStatus.MalformedKey, () => Keepz.FromText("not a key", null));
            Check.Fails(PaysealStatus.UnsupportedKey, () => Keepz.FromText(null, key.Str("public_pem")));
            Check.Fails(PaysealStatus.MalformedKey, () => TransactPay.FromText("bm90IGEga2V5"));
            using (var sealOnly = Keepz.FromText(key.Str("public_pem"), null, Id))
            using (var openOnly = Keepz.FromText(null, key.Str("private_pem")))
            using (var noPrivate = TransactPay.FromText(key.Str("transactpay_blob")))
            {
                Check.Fails(PaysealStatus.MissingKey, () => sealOnly.Open(200, "{\"encryptedData\":\"AAAA\",\"encryptedKeys\":\"AAAA\",\"aes\":true}"));
                Check.Fails(PaysealStatus.MissingKey, () => openOnly.Seal("{}"));
                Check.Fails(PaysealStatus.MissingKey, () => noPrivate.Open("{\"data\":\"AAAA\"}"));
            }
        }

        [Test]
        public void DiagnosisIsASeparateHandleAndTriesTheOtherPaddingOnlyWhenAsked()
        {
            Assert.IsNull(typeof(Keepz).GetMethod("Diagnose"), "a Keepz handle must not diagnose");
            var key = TestData.Key("rsa2048");
            using (Keepz keepz = Both())
            using (var doctor = KeepzDiagnostics.FromText(key.Str("private_pem")))
            using (var pkcs1 = Keepz.FromText(key.Str("public_pem"), null, null,
                new KeepzOptions { Padding = RsaPadding.Pkcs1v15 }))
            {
                var good = Json.Parse(doctor.Explain(keepz.Seal("{\"a\":1}"))).Obj();
                Assert.AreEqual(true, good["opens"]);
                var bad = Json.Parse(doctor.Explain("{\"encryptedData\":\"AAAA\",\"encryptedKeys\":\"AAAA\",\"aes\":true}")).Obj();
                Assert.AreEqual(false, bad["opens"]);
                StringAssert.Contains("different key", (string)bad["reason"]);
                string body = pkcs1.Seal("{\"a\":1}");
                var unasked = Json.Parse(doctor.Explain(body)).Obj();
                StringAssert.DoesNotContain("pkcs1v15", (string)unasked["reason"]);
                var asked = Json.Parse(doctor.Explain(body, tryOtherPadding: true)).Obj();
                StringAssert.Contains("set the padding to pkcs1v15", (string)asked["reason"]);
            }
            Check.Fails(PaysealStatus.UnsupportedKey, () => KeepzDiagnostics.FromText(key.Str("public_pem")));
            var disposed = KeepzDiagnostics.FromText(key.Str("private_pem"));
            disposed.Dispose();
            disposed.Dispose();
            Assert.Throws<ObjectDisposedException>(() => disposed.Explain("{}"));
        }

        [Test]
        public void DisposedHandlesAreRefusedAndDisposeIsIdempotent()
        {
            Keepz keepz = Both();
            string body = keepz.Seal("{\"a\":1}");
            keepz.Dispose();
            keepz.Dispose();
            Assert.Throws<ObjectDisposedException>(() => keepz.Seal("{\"a\":1}"));
            Assert.Throws<ObjectDisposedException>(() => keepz.Open(200, body));
            TransactPay tp = VectorTests.TransactPayFor("rsa2048");
            tp.Dispose();
            tp.Dispose();
            Assert.Throws<ObjectDisposedException>(() => tp.Seal("{}"));
            Assert.Throws<ObjectDisposedException>(() => { int unused = tp.MaxPayload; });
        }

        [Test]
        public void PanicIsCaughtInsideTheLibrary()
        {
            PaysealException e = Check.Fails(PaysealStatus.Panic, PaysealLibrary.SelfTestPanic);
            StringAssert.Contains("panic", e.Message);
        }
    }
}
