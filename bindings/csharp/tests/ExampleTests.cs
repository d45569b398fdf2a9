using System.IO;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>The README's examples run, and are the README's text.</summary>
    [TestFixture]
    public class ExampleTests
    {
        [Test]
        public void ExampleRuns()
        {
            var log = new StringWriter();
            Example.Run(log);
            string output = log.ToString();
            StringAssert.Contains("POST {\"gateway\":\"keepz\",\"method\":\"POST\",\"path\":\"/api/integrator/order\"", output);
            StringAssert.Contains("Keepz got: {\"amount\":12.5,", output);
            StringAssert.Contains("order: {\"integratorOrderId\":\"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a\",\"urlForQR\"", output);
            StringAssert.Contains("Keepz refused: 6005 Integrator order not found (not found)", output);
            Assert.IsTrue(Regex.IsMatch(output, "\\{\"data\":\"[A-Za-z0-9+/]{682}==?\"\\}|\\{\"data\":\"[A-Za-z0-9+/=]{684}\"\\}"), output);
            StringAssert.Contains(" of 501 bytes used", output);
            StringAssert.Contains("answer: {", output);
        }

        [Test]
        public void TypedExampleRuns()
        {
            var log = new StringWriter();
            TypedExample.Run(log);
            string output = log.ToString();
            StringAssert.Contains("POST https://gateway.dev.keepz.me/ecommerce-service/api/integrator/order\n", output);
            Assert.IsTrue(Regex.IsMatch(output, "Keepz got: \\{\"amount\":12\\.5,\"receiverId\":\"7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c\",\"receiverType\":\"BRANCH\",\"integratorId\":\"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e\",\"integratorOrderId\":\"[0-9a-f-]{36}\",\"currency\":\"GEL\",\"language\":\"KA\",\"callbackUri\":\"https://shop.example/keepz/callback\",\"saveCard\":true\\}"), output);
            StringAssert.Contains("pay at https://pay.keepz.me/q/1\n", output);
            StringAssert.Contains("GET /api/integrator/order/status\n", output);
            Assert.IsTrue(Regex.IsMatch(output, "Keepz got: \\{\"integratorId\":\"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e\",\"integratorOrderId\":\"[0-9a-f-]{36}\"\\}"), output);
            StringAssert.Contains("status SUCCESS: known True, paid True, final True\n", output);
            StringAssert.Contains("status ON_HOLD: known False, paid False\n", output);
            StringAssert.Contains("GET /api/v1/integrator/card/order-id\n", output);
            StringAssert.Contains("card VISA 411111******1111, token 5f2c8a1e-0b7d-4c3a-9e6f-1a2b3c4d5e6f\n", output);
            StringAssert.Contains("\"amount\":2.5,\"refundInitiator\":\"INTEGRATOR\"}", output);
            StringAssert.Contains("refund: PARTIALLY_REFUNDED\n", output);
            StringAssert.Contains("Keepz refused: 6005 Integrator order not found\n", output);
            StringAssert.Contains("callback (order): ", output);
            StringAssert.Contains(" says SUCCESS, amount 12.5; re-check: GET /api/integrator/order/status\n", output);
            StringAssert.Contains("POST https://payment-api-service.transactpay.ai/payment/order/create (api-key: public key)\n", output);
            StringAssert.Contains("TransactPay got: {\"customer\":{\"firstname\":\"Ada\"", output);
            StringAssert.Contains("\"order\":{\"amount\":1000,", output);
            StringAssert.Contains("created ORD-1001: 1000 + fee 15, status 1\n", output);
            StringAssert.Contains("status Pending (final False): paid False\n", output);
            StringAssert.Contains("POST /payment/order/verify {\"reference\":\"ORD-1001\"} (secret key)\n", output);
            StringAssert.Contains("verified: charged 1015, fee 15, paid True\n", output);
        }

        [Test]
        public void ReadmeShowsTheExamplesVerbatim()
        {
            string readme = File.ReadAllText(TestData.PathOf("bindings", "csharp", "README.md")).Replace("\r\n", "\n");
            foreach (string name in new[] { "Example.cs", "TypedExample.cs" })
            {
                string example = File.ReadAllText(TestData.PathOf("bindings", "csharp", "examples", name)).Replace("\r\n", "\n");
                StringAssert.Contains("```csharp\n" + example + "```\n", readme, "README.md must show examples/" + name + " verbatim");
            }
        }
    }
}
