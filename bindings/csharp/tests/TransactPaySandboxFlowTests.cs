using System;
using NUnit.Framework;

namespace Payseal.Tests.Sandbox
{
    /// <summary>
    /// TransactPay's flow against <c>payseal-sandbox</c> over real HTTP, as a C# integration runs
    /// it: the binding's typed operations (<c>Prepare…</c> → <see cref="System.Net.Http.HttpClient"/>
    /// with the <c>api-key</c> the prepared request names → <c>Parse…</c>), the webhook at the
    /// test's own <see cref="System.Net.HttpListener"/>. create → pay by card → the 3-D Secure page
    /// → the webhook, read with <c>Webhook</c> → its verify (secret key) and the order status, paid
    /// for the expected amount and currency only; an api-key refusal as
    /// <see cref="GatewayException"/>. Run by <c>sandbox/tests/csharp.sh</c>; ignored without a
    /// sandbox.
    /// </summary>
    [TestFixture]
    public class TransactPaySandboxFlowTests : SandboxFixture<TransactPay>
    {
        internal override TransactPay OpenGateway(SandboxClient sandbox)
        {
            // The dashboard's encryption key, as the sandbox hands it out (Base64 of "…!<RSAKeyValue>…").
            return TransactPay.FromText(sandbox.KeyText("transactpayEncryptionKey"));
        }

        /// <summary>Sends a prepared request with the dashboard key it names.</summary>
        private Answer Send(Prepared prepared)
        {
            return Sandbox.Send(prepared, Sandbox.TransactPayApiKey(prepared.ApiKey.Key));
        }

        private static string NewReference()
        {
            // Short: with the sandbox's 2048-bit test key one block carries at most 245 bytes.
            return "CS-" + Guid.NewGuid().ToString("N").Substring(0, 6);
        }

        private TransactPayAnswer<TransactPayOrderStatusData> Status(string reference, decimal amount, string currency)
        {
            Answer answer = Send(Gateway.PrepareOrderStatus(new TransactPayOrderStatusRequest { Reference = reference },
                BaseUrl.Custom, Sandbox.TransactPayBaseUrl));
            return TransactPay.ParseOrderStatus(answer.Status, answer.Body, amount, currency);
        }

        [Test]
        [Timeout(120000)]
        public void CreatePayWebhookStatusVerify()
        {
            using (CallbackReceiver webhooks = CallbackReceiver.Start("transactpay"))
            {
                // The dashboard's webhook URL: this test's listener.
                Sandbox.Control("PUT", "/transactpay/webhook", "{\"url\":\"" + webhooks.Url + "\"}");
                string reference = NewReference();
                const decimal amount = 1500.25m;

                Prepared create = Gateway.PrepareCreateOrder(new TransactPayCreateOrderRequest
                {
                    Customer = new TransactPayCustomer
                    {
                        Firstname = "Ada", Lastname = "Obi", Mobile = "+2348012345678", Country = "NG", Email = "a@x.ng",
                    },
                    Order = new TransactPayOrderDetails { Amount = amount, Reference = reference, Description = "B", Currency = "NGN" },
                    Payment = new TransactPayPaymentDetails { RedirectUrl = "http://127.0.0.1:9/r" },
                }, BaseUrl.Custom, Sandbox.TransactPayBaseUrl);
                Assert.AreEqual(Sandbox.TransactPayBaseUrl + "/payment/order/create", create.Url);
                Assert.AreEqual("public", create.ApiKey.Key);
                Answer answer = Send(create);
                TransactPayAnswer<TransactPayCreateOrderData> created = TransactPay.ParseCreateOrder(answer.Status, answer.Body);
                Assert.AreEqual("01", created.StatusCode);
                Assert.AreEqual(reference, created.Data.Order.Reference);
                Assert.AreEqual(1500.25m, created.Data.Order.Amount);
                Assert.AreEqual(22.50m, created.Data.Order.Fee, "1.5 % of 1500.25, to the kobo");
                Assert.AreEqual(TransactPayStatusIdValue.Initiated, created.Data.Order.StatusId.Value);

                // Pay by card: 02, and the 3-D Secure page to send the payer to.
                answer = Send(Gateway.PreparePay(new TransactPayPayWithCardRequest
                {
                    Reference = reference,
                    Country = "NG",
                    Card = new TransactPayCardDetails { Cardnumber = "4111111111111111", Expirymonth = "12", Expiryyear = "30", Cvv = "123" },
                }, BaseUrl.Custom, Sandbox.TransactPayBaseUrl));
                TransactPayAnswer<TransactPayPayData> paying = TransactPay.ParsePay(answer.Status, answer.Body);
                Assert.AreEqual("02", paying.StatusCode);
                Assert.AreEqual("411111******1111", paying.Data.OrderPayment.OrderPaymentInstrument);
                string page = paying.Data.PaymentDetail.RedirectUrl;
                StringAssert.StartsWith(Sandbox.Url + "/", page);
                TransactPayAnswer<TransactPayOrderStatusData> pending = Status(reference, amount, "NGN");
                Assert.AreEqual(TransactPayStatusIdValue.Pending, pending.Data.OrderSummary.StatusId.Value);
                Assert.AreEqual(false, pending.Paid);

                // The payer passes 3-D Secure on the page (a browser's form post).
                Assert.AreEqual(200, Sandbox.Get(page).Status);
                Answer passed = Sandbox.PostForm(page, "action", "pay");
                Assert.AreEqual(200, passed.Status, "the page after the redirect");
                StringAssert.Contains(">Successful<", passed.Body);

                // The webhook (the second: the first announced the pending payment) is a hint;
                // the verify it prepares, sent with the secret key, decides.
                TransactPayWebhookHint hint = Gateway.Webhook(webhooks.WaitFor(1), BaseUrl.Custom, Sandbox.TransactPayBaseUrl);
                Assert.IsTrue(hint.Unverified);
                Assert.AreEqual(reference, hint.Data.OrderReference);
                Assert.AreEqual(5, hint.Data.StatusId.Raw);
                Assert.AreEqual(Sandbox.TransactPayBaseUrl + "/payment/order/verify", hint.Recheck.Url);
                Assert.AreEqual("secret", hint.Recheck.ApiKey.Key);
                answer = Send(hint.Recheck);
                TransactPayAnswer<TransactPayVerifyData> verified = TransactPay.ParseVerify(answer.Status, answer.Body, amount, "NGN");
                Assert.AreEqual("00", verified.StatusCode);
                Assert.AreEqual(TransactPayStatusIdValue.Successful, verified.Data.StatusId.Value);
                Assert.AreEqual(1522.75m, verified.Data.TotalAmountCharged, "the amount plus the fee, exact");
                Assert.AreEqual("NGN", verified.Data.CurrencyName);
                Assert.AreEqual(true, verified.Paid, "paid for 1500.25 NGN");

                // Paid only for the order's own amount and currency: the same answer, other expectations.
                Assert.AreEqual(false, TransactPay.ParseVerify(answer.Status, answer.Body, 1500.26m, "NGN").Paid);
                Assert.AreEqual(false, TransactPay.ParseVerify(answer.Status, answer.Body, amount, "USD").Paid);

                TransactPayAnswer<TransactPayOrderStatusData> status = Status(reference, amount, "NGN");
                Assert.AreEqual(TransactPayStatusIdValue.Successful, status.Data.OrderSummary.StatusId.Value);
                Assert.AreEqual(1522.75m, status.Data.OrderSummary.TotalChargedAmount);
                Assert.AreEqual(true, status.Paid);
            }
        }

        [Test]
        [Timeout(60000)]
        public void VerifyWithThePublicKeyIsRefused()
        {
            Prepared verify = Gateway.PrepareVerify(new TransactPayVerifyRequest { Reference = NewReference() },
                BaseUrl.Custom, Sandbox.TransactPayBaseUrl);
            Assert.AreEqual("secret", verify.ApiKey.Key);
            Answer answer = Sandbox.Send(verify, Sandbox.TransactPayApiKey("public"));
            Assert.AreEqual(401, answer.Status);
            var error = Assert.Throws<GatewayException>(() => TransactPay.ParseVerify(answer.Status, answer.Body));
            Assert.AreEqual("transactpay", error.Gateway);
            Assert.AreEqual("03", error.StatusCode);
            Assert.AreEqual(401, error.HttpStatus);
            Assert.AreEqual(PaysealStatus.GatewayError, error.Status);
        }
    }
}
