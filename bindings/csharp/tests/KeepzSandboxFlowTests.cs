using System;
using NUnit.Framework;

namespace Payseal.Tests.Sandbox
{
    /// <summary>
    /// Keepz's flow against <c>payseal-sandbox</c> over real HTTP, as a C# integration runs it: the
    /// binding's typed operations (<c>Prepare…</c> → <see cref="System.Net.Http.HttpClient"/> →
    /// <c>Parse…</c>, with the sandbox as the custom base URL), the callbacks at the test's own
    /// <see cref="System.Net.HttpListener"/>. create (saveCard) → status INITIAL → PROCESSING →
    /// paid on the checkout page → the sealed callback, read with <c>Callback</c>, re-checked →
    /// saved card → partial refund and its callbacks; Keepz's error bodies as
    /// <see cref="GatewayException"/>. Run by <c>sandbox/tests/csharp.sh</c>; ignored without a
    /// sandbox.
    /// </summary>
    [TestFixture]
    public class KeepzSandboxFlowTests : SandboxFixture<Keepz>
    {
        private static readonly Guid ReceiverId = new Guid("7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c");

        internal override Keepz OpenGateway(SandboxClient sandbox)
        {
            // The keys the sandbox handed out, in the forms Keepz hands them out: its public key
            // as bare Base64 DER, the integrator's private key as PEM.
            return Keepz.FromText(sandbox.KeyText("keepzPublic"), sandbox.KeyText("integratorPrivate"),
                sandbox.IntegratorId.ToString());
        }

        private KeepzOrderStatusResponse Status(Guid order)
        {
            Answer answer = Sandbox.Send(Gateway.PrepareOrderStatus(
                new KeepzOrderStatusRequest { IntegratorId = Sandbox.IntegratorId, IntegratorOrderId = order },
                BaseUrl.Custom, Sandbox.KeepzBaseUrl));
            return Gateway.ParseOrderStatus(answer.Status, answer.Body);
        }

        /// <summary>Callback <paramref name="index"/>: sealed to the integrator's key (it opens),
        /// then read as the hint it is.</summary>
        private KeepzCallbackHint Callback(CallbackReceiver callbacks, int index, Guid order)
        {
            string body = callbacks.WaitFor(index);
            StringAssert.Contains("\"encryptedData\"", body, "a sealed envelope");
            StringAssert.Contains("\"integratorOrderId\":\"" + order + "\"", Gateway.Open(0, body));
            KeepzCallbackHint hint = Gateway.Callback(body, BaseUrl.Custom, Sandbox.KeepzBaseUrl);
            Assert.IsTrue(hint.Unverified);
            Assert.AreEqual("order", hint.Type);
            Assert.AreEqual(order.ToString(), hint.Order.IntegratorOrderId);
            return hint;
        }

        [Test]
        [Timeout(120000)]
        public void CreateStatusPayCallbackSavedCardRefund()
        {
            using (CallbackReceiver callbacks = CallbackReceiver.Start("keepz"))
            {
                // Create, keeping the card; the callbacks go to this test's listener.
                Guid order = PaysealLibrary.NewOrderId();
                Prepared create = Gateway.PrepareCreateOrder(new KeepzCreateOrderRequest
                {
                    Amount = 25.50m,
                    ReceiverId = ReceiverId,
                    ReceiverType = KeepzReceiverType.Branch,
                    IntegratorId = Sandbox.IntegratorId,
                    IntegratorOrderId = order,
                    SaveCard = true,
                    CallbackUri = callbacks.Url,
                }, BaseUrl.Custom, Sandbox.KeepzBaseUrl);
                Assert.AreEqual(Sandbox.KeepzBaseUrl + "/api/integrator/order", create.Url);
                Answer answer = Sandbox.Send(create);
                KeepzCreateOrderResponse created = Gateway.ParseCreateOrder(answer.Status, answer.Body);
                Assert.AreEqual(order.ToString(), created.IntegratorOrderId);
                Assert.AreEqual(Sandbox.Url + "/checkout/keepz/" + order, created.UrlForQR);

                KeepzOrderStatus initial = Status(order).Status;
                Assert.AreEqual(KeepzOrderStatusValue.Initial, initial.Value);
                Assert.IsFalse(initial.IsPaid);
                Assert.IsFalse(initial.IsFinal);

                // The payer opens the order in Keepz's app: PROCESSING (the control API plays the
                // app), and a callback says so.
                Sandbox.Control("POST", "/keepz/orders/" + order + "/advance", "{\"status\":\"PROCESSING\"}");
                Assert.AreEqual(KeepzOrderStatusValue.Processing, Status(order).Status.Value);
                Assert.AreEqual(KeepzOrderStatusValue.Processing, Callback(callbacks, 0, order).Order.Status.Value);

                // The checkout page, as a browser: open it, pay with the save-card box ticked.
                Answer page = Sandbox.Get(created.UrlForQR);
                Assert.AreEqual(200, page.Status);
                StringAssert.Contains("id=\"save-card\"", page.Body);
                StringAssert.Contains(">PROCESSING<", page.Body);
                Answer paid = Sandbox.PostForm(created.UrlForQR, "action", "pay", "saveCard", "on");
                Assert.AreEqual(200, paid.Status, "the page after the redirect");
                StringAssert.Contains(">SUCCESS<", paid.Body);

                // The callback is a hint: its facts, then the re-check it prepares decides.
                KeepzCallbackHint hint = Callback(callbacks, 1, order);
                Assert.AreEqual(KeepzOrderStatusValue.Success, hint.Order.Status.Value);
                Assert.AreEqual(25.5m, hint.Order.Amount);
                Assert.AreEqual(Sandbox.IntegratorId.ToString(), hint.Order.IntegratorId);
                string token = hint.Order.CardInfo.Token;
                Assert.IsNotEmpty(token, "the saved card's token in the callback");
                Assert.AreEqual("GET", hint.Recheck.Method);
                StringAssert.StartsWith(Sandbox.KeepzBaseUrl + "/api/integrator/order/status?", hint.Recheck.Url);
                answer = Sandbox.Send(hint.Recheck);
                KeepzOrderStatusResponse recheck = Gateway.ParseOrderStatus(answer.Status, answer.Body);
                Assert.AreEqual("SUCCESS", recheck.Status.Raw);
                Assert.IsTrue(recheck.Status.Known);
                Assert.IsTrue(recheck.Status.IsPaid);
                Assert.IsTrue(recheck.Status.IsFinal);

                // The card the order saved: the callback's token.
                answer = Sandbox.Send(Gateway.PrepareSavedCard(new KeepzSavedCardRequest { IntegratorOrderId = order },
                    BaseUrl.Custom, Sandbox.KeepzBaseUrl));
                KeepzSavedCard card = Gateway.ParseSavedCard(answer.Status, answer.Body);
                Assert.AreEqual(token, card.Token);
                Assert.AreEqual("411111******1111", card.CardMask);
                Assert.AreEqual("VISA", card.CardBrand);

                // A partial refund: REFUND_REQUESTED, then it settles; a callback for each.
                Prepared refund = Gateway.PrepareRefund(new KeepzRefundRequest
                {
                    IntegratorId = Sandbox.IntegratorId,
                    IntegratorOrderId = order,
                    Amount = 5.25m,
                    RefundInitiator = KeepzRefundInitiator.Integrator,
                }, BaseUrl.Custom, Sandbox.KeepzBaseUrl);
                answer = Sandbox.Send(refund);
                Assert.AreEqual(KeepzOrderStatusValue.RefundRequested, Gateway.ParseRefund(answer.Status, answer.Body).Status.Value);
                Assert.AreEqual(KeepzOrderStatusValue.RefundRequested, Callback(callbacks, 2, order).Order.Status.Value);
                Assert.AreEqual(KeepzOrderStatusValue.PartiallyRefunded, Callback(callbacks, 3, order).Order.Status.Value);
                Assert.AreEqual(KeepzOrderStatusValue.PartiallyRefunded, Status(order).Status.Value);

                // What is left is 20.25, to the cent: one cent more is Keepz's 6007.
                var tooMuch = Assert.Throws<GatewayException>(() =>
                {
                    Answer refused = Sandbox.Send(Gateway.PrepareRefund(new KeepzRefundRequest
                    {
                        IntegratorId = Sandbox.IntegratorId,
                        IntegratorOrderId = order,
                        Amount = 20.26m,
                    }, BaseUrl.Custom, Sandbox.KeepzBaseUrl));
                    Gateway.ParseRefund(refused.Status, refused.Body);
                });
                Assert.AreEqual("6007", tooMuch.StatusCode);
                Assert.AreEqual(400, tooMuch.HttpStatus);
                Assert.AreEqual(4, callbacks.Count, "no callback for a refused refund");
            }
        }

        [Test]
        [Timeout(60000)]
        public void UnknownOrderIsKeepzError6005()
        {
            Guid unknown = PaysealLibrary.NewOrderId();
            Answer answer = Sandbox.Send(Gateway.PrepareOrderStatus(
                new KeepzOrderStatusRequest { IntegratorId = Sandbox.IntegratorId, IntegratorOrderId = unknown },
                BaseUrl.Custom, Sandbox.KeepzBaseUrl));
            Assert.AreEqual(404, answer.Status);
            var error = Assert.Throws<GatewayException>(() => Gateway.ParseOrderStatus(answer.Status, answer.Body));
            Assert.AreEqual("keepz", error.Gateway);
            Assert.AreEqual("6005", error.StatusCode);
            Assert.AreEqual(404, error.HttpStatus);
            Assert.AreEqual(5, error.ExceptionGroup);
            Assert.AreEqual("Integrator order not found", error.GatewayMessage);
            Assert.AreEqual(PaysealStatus.GatewayError, error.Status);
        }
    }
}
