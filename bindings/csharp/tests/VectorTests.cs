using System.Collections.Generic;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>
    /// Every conformity vector in <c>tests/vectors/</c>, read as <c>ffi/src/tests/vectors.rs</c> reads it
    /// through the C ABI, here through the binding.
    /// </summary>
    [TestFixture]
    public class VectorTests
    {
        public static IEnumerable<TestCaseData> KeepzOpenCases()
        {
            return TestData.Named("keepz_open", TestData.Cases("keepz_open.json"));
        }

        public static IEnumerable<TestCaseData> KeepzSealCases()
        {
            return TestData.Named("keepz_seal", TestData.Cases("keepz_seal.json"));
        }

        public static IEnumerable<TestCaseData> TransactPaySealCases()
        {
            return TestData.Named("transactpay_seal", (List<object>)TestData.LoadVector("transactpay.json").Obj()["seal"]);
        }

        public static IEnumerable<TestCaseData> TransactPayOpenCases()
        {
            return TestData.Named("transactpay_open", (List<object>)TestData.LoadVector("transactpay.json").Obj()["open"]);
        }

        public static IEnumerable<TestCaseData> TransactPayResponseCases()
        {
            return TestData.Named("transactpay_responses", TestData.Cases("transactpay_responses.json"));
        }

        public static IEnumerable<TestCaseData> KeyErrorCases()
        {
            return TestData.Named("key_errors", TestData.Cases("key_errors.json"));
        }

        public static IEnumerable<TestCaseData> EndpointCases()
        {
            return TestData.Named("endpoints", TestData.Cases("endpoints.json"));
        }

        private static KeepzOptions Options(Dictionary<string, object> c)
        {
            return new KeepzOptions
            {
                Padding = c.Str("padding") == "pkcs1v15" ? RsaPadding.Pkcs1v15 : RsaPadding.OaepSha256,
                Legacy = c.Bool("legacy"),
            };
        }

        /// <summary>Asserts a call's outcome against a vector's expect_status / expect_output /
        /// expect_output_json, as check_output in ffi/src/tests/vectors.rs does.</summary>
        private static void Expect(Dictionary<string, object> c, TestDelegate call, System.Func<string> result)
        {
            var status = (PaysealStatus)c.Int("expect_status");
            string name = c.Str("name");
            object expectedJson;
            c.TryGetValue("expect_output_json", out expectedJson);
            if (status == PaysealStatus.Ok)
            {
                string output = result();
                object expectedText;
                if (c.TryGetValue("expect_output", out expectedText) && expectedText != null)
                {
                    Assert.AreEqual((string)expectedText, output, name);
                }
                if (expectedJson != null)
                {
                    Check.JsonEqual(expectedJson, Json.Parse(output), name);
                }
                Assert.IsTrue(expectedText != null || expectedJson != null, name + ": the vector expects an output");
                return;
            }
            PaysealException e = Check.Fails(status, call, name);
            var gateway = e as GatewayException;
            if (status == PaysealStatus.GatewayError)
            {
                Assert.IsNotNull(expectedJson, name + ": vector has the gateway JSON");
                Check.JsonEqual(expectedJson, Json.Parse(gateway.Json), name);
                var j = expectedJson.Obj();
                Assert.AreEqual(j["gateway"], gateway.Gateway, name);
                Assert.AreEqual((int)(long)j["httpStatus"], gateway.HttpStatus, name);
                Assert.AreEqual(System.Convert.ToString(j["statusCode"]), gateway.StatusCode, name);
                Assert.AreEqual(j["message"], gateway.GatewayMessage, name);
            }
        }

        [TestCaseSource("KeepzOpenCases")]
        public void KeepzOpen(Dictionary<string, object> c)
        {
            string privateKey = TestData.Key(c.Str("key")).Str("private_pem");
            using (var keepz = Keepz.FromText(null, privateKey, null, Options(c)))
            {
                string output = null;
                TestDelegate call = () => output = keepz.Open(c.Int("http_status"), c.Str("body"));
                Expect(c, call, () => { call(); return output; });
            }
        }

        [TestCaseSource("KeepzSealCases")]
        public void KeepzSeal(Dictionary<string, object> c)
        {
            var key = TestData.Key(c.Str("key"));
            string payload = c.Str("payload");
            using (var sealer = Keepz.FromText(key.Str("public_base64_der"), null, c.Str("identifier"), Options(c)))
            using (var opener = Keepz.FromText(null, key.Str("private_pkcs1_pem"), null, Options(c)))
            {
                var status = (PaysealStatus)c.Int("expect_status");
                if (status != PaysealStatus.Ok)
                {
                    Check.Fails(status, () => sealer.Seal(payload), c.Str("name"));
                    Check.Fails(status, () => sealer.SealQuery(payload), c.Str("name") + " (query)");
                    return;
                }
                string body = sealer.Seal(payload);
                var envelope = Json.Parse(body).Obj();
                Assert.AreEqual(c.Str("identifier"), envelope["identifier"]);
                Assert.AreEqual(payload, opener.Open(200, body), c.Str("name"));
                StringAssert.StartsWith("identifier=" + c.Str("identifier") + "&encryptedData=", sealer.SealQuery(payload));
            }
        }

        [TestCaseSource("TransactPaySealCases")]
        public void TransactPaySeal(Dictionary<string, object> c)
        {
            using (var tp = TransactPayFor(c.Str("key")))
            {
                string payload = c.Str("payload");
                var status = (PaysealStatus)c.Int("expect_status");
                if (status != PaysealStatus.Ok)
                {
                    Check.Fails(status, () => tp.Seal(payload), c.Str("name"));
                    return;
                }
                string body = tp.Seal(payload);
                Assert.AreEqual(new[] { "data" }, new List<string>(Json.Parse(body).Obj().Keys).ToArray());
                Assert.AreEqual(payload, tp.Open(body), c.Str("name"));
            }
        }

        [TestCaseSource("TransactPayOpenCases")]
        public void TransactPayOpen(Dictionary<string, object> c)
        {
            using (var tp = TransactPayFor(c.Str("key")))
            {
                string output = null;
                TestDelegate call = () => output = tp.Open(c.Str("body"));
                Expect(c, call, () => { call(); return output; });
            }
        }

        [TestCase("rsa2048")]
        [TestCase("rsa4096")]
        public void TransactPayMaxPayload(string key)
        {
            var expected = TestData.LoadVector("transactpay.json").Obj()["max_payload"].Obj();
            using (var tp = TransactPayFor(key))
            {
                Assert.AreEqual((long)expected[key], tp.MaxPayload);
            }
        }

        [TestCaseSource("TransactPayResponseCases")]
        public void TransactPayResponse(Dictionary<string, object> c)
        {
            string output = null;
            TestDelegate call = () => output = TransactPay.ParseResponse(c.Int("http_status"), c.Str("body"));
            Expect(c, call, () => { call(); return output; });
        }

        [TestCaseSource("KeyErrorCases")]
        public void KeyError(Dictionary<string, object> c)
        {
            string pub = c.Str("public_key");
            string priv = c.Str("private_key");
            var status = (PaysealStatus)c.Int("expect_status");
            if (c.Str("gateway") == "keepz")
            {
                // "" means absent, as in ffi/src/tests/vectors.rs (NULL, 0).
                Check.Fails(status, () => Keepz.FromText(pub == "" ? null : pub, priv == "" ? null : priv).Dispose(), c.Str("name"));
            }
            else
            {
                Check.Fails(status, () => TransactPay.FromText(pub).Dispose(), c.Str("name"));
            }
        }

        [TestCaseSource("EndpointCases")]
        public void Endpoint(Dictionary<string, object> c)
        {
            var status = (PaysealStatus)c.Int("expect_status");
            string where = c.Str("gateway") + " " + c.Str("operation");
            if (status != PaysealStatus.Ok)
            {
                Check.Fails(status, () => Endpoints.Get(c.Str("gateway"), c.Str("operation")), where);
                return;
            }
            Check.JsonEqual(c["expect_output_json"], Json.Parse(Endpoints.Get(c.Str("gateway"), c.Str("operation"))), where);
        }

        internal static TransactPay TransactPayFor(string keyName)
        {
            var key = TestData.Key(keyName);
            return TransactPay.FromText(key.Str("transactpay_blob"), key.Str("private_pem"));
        }
    }
}
