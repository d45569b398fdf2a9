using System;
using System.IO;
using Payseal;

/// <summary>The README's typed flows, compiled and run by the tests against test doubles.</summary>
public static class TypedExample
{
    public static void Main()
    {
        Run(Console.Out);
    }

    public static void Run(TextWriter log)
    {
        KeyPair keepzKeys = Keys.Generate(2048);       // Keepz's pair: you hold only its public key
        KeyPair integratorKeys = Keys.Generate(2048);  // yours: Keepz holds your public key
        Guid integratorId = new Guid("1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e");

        using (Keepz keepz = Keepz.FromText(keepzKeys.PublicKeyText, integratorKeys.PrivateKeyText, integratorId.ToString()))
        using (Keepz keepzDouble = Keepz.FromText(integratorKeys.PublicKeyText, keepzKeys.PrivateKeyText))
        {
            // 1. Create an order. payseal checks it as Keepz would (12.505 would be refused),
            //    seals it and says where it goes: send Method to Url with Headers and Body.
            Guid orderId = PaysealLibrary.NewOrderId();
            Prepared create = keepz.PrepareCreateOrder(new KeepzCreateOrderRequest
            {
                Amount = 12.50m,
                ReceiverId = new Guid("7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c"),
                ReceiverType = KeepzReceiverType.Branch,
                IntegratorId = integratorId,
                IntegratorOrderId = orderId,
                Currency = KeepzCurrency.Gel,
                Language = KeepzLanguage.Of(KeepzLanguageValue.Ka),
                SaveCard = true,
                CallbackUri = "https://shop.example/keepz/callback",
            });
            log.WriteLine("{0} {1}", create.Method, create.Url);
            log.WriteLine("Keepz got: {0}", keepzDouble.Open(0, create.Body));  // (the test double)
            KeepzCreateOrderResponse created = keepz.ParseCreateOrder(200,
                keepzDouble.Seal("{\"integratorOrderId\":\"" + orderId + "\",\"urlForQR\":\"https://pay.keepz.me/q/1\"}"));
            log.WriteLine("pay at {0}", created.UrlForQR);

            // 2. Its status (a GET: the envelope is in the URL's query).
            Prepared check = keepz.PrepareOrderStatus(new KeepzOrderStatusRequest
            {
                IntegratorId = integratorId,
                IntegratorOrderId = orderId,
            });
            log.WriteLine("{0} {1}", check.Method, check.Path);
            log.WriteLine("Keepz got: {0}", keepzDouble.OpenQuery(check.Query));
            KeepzOrderStatusResponse status = keepz.ParseOrderStatus(200, keepzDouble.Seal("{\"status\":\"SUCCESS\"}"));
            log.WriteLine("status {0}: known {1}, paid {2}, final {3}",
                status.Status.Raw, status.Status.Known, status.Status.IsPaid, status.Status.IsFinal);
            KeepzOrderStatusResponse odd = keepz.ParseOrderStatus(200, keepzDouble.Seal("{\"status\":\"ON_HOLD\"}"));
            log.WriteLine("status {0}: known {1}, paid {2}", odd.Status.Raw, odd.Status.Known, odd.Status.IsPaid);

            // 3. The card saved with the order (saveCard), for later payments.
            Prepared cardRequest = keepz.PrepareSavedCard(new KeepzSavedCardRequest { IntegratorOrderId = orderId });
            log.WriteLine("{0} {1}", cardRequest.Method, cardRequest.Path);
            KeepzSavedCard card = keepz.ParseSavedCard(200, keepzDouble.Seal(
                "{\"token\":\"5f2c8a1e-0b7d-4c3a-9e6f-1a2b3c4d5e6f\",\"cardMask\":\"411111******1111\",\"cardBrand\":\"VISA\"}"));
            log.WriteLine("card {0} {1}, token {2}", card.CardBrand, card.CardMask, card.Token);

            // 4. Refund part of it: amounts are decimal, exact, never a binary float.
            Prepared refund = keepz.PrepareRefund(new KeepzRefundRequest
            {
                IntegratorId = integratorId,
                IntegratorOrderId = orderId,
                Amount = 2.50m,
                RefundInitiator = KeepzRefundInitiator.Integrator,
            });
            log.WriteLine("Keepz got: {0}", keepzDouble.Open(0, refund.Body));
            KeepzRefundResponse refunded = keepz.ParseRefund(200, keepzDouble.Seal("{\"status\":\"PARTIALLY_REFUNDED\"}"));
            log.WriteLine("refund: {0}", refunded.Status);

            // Keepz's own errors are a GatewayException, with its code.
            try
            {
                keepz.ParseOrderStatus(404, "{\"message\":\"Integrator order not found\",\"statusCode\":6005,\"exceptionGroup\":5}");
            }
            catch (GatewayException e)
            {
                log.WriteLine("Keepz refused: {0} {1}", e.StatusCode, e.GatewayMessage);
            }

            // 5. A callback is only a hint (anyone with your public key can send one): send its
            //    Recheck, an order status for your integrator id, and act on that answer.
            KeepzCallbackHint hint = keepz.Callback(keepzDouble.Seal(
                "{\"integratorOrderId\":\"" + orderId + "\",\"status\":\"SUCCESS\",\"amount\":12.5}"));
            log.WriteLine("callback ({0}): order {1} says {2}, amount {3}; re-check: {4} {5}",
                hint.Type, hint.Order.IntegratorOrderId, hint.Order.Status, hint.Order.Amount, hint.Recheck.Method, hint.Recheck.Path);
        }

        // TransactPay: the dashboard's encryption key (the Base64 blob "4096!<RSAKeyValue>...").
        KeyPair transactPayKeys = Keys.Generate(4096, KeyFormat.Pem, KeyFormat.TransactPayBlob);
        using (TransactPay transactPay = TransactPay.FromText(transactPayKeys.PublicKeyText))
        using (TransactPay transactPayDouble = TransactPay.FromText(transactPayKeys.PublicKeyText, transactPayKeys.PrivateKeyText))
        {
            // 1. Create an order (sealed into {"data":"…"}; the api-key header holds the public key).
            Prepared create = transactPay.PrepareCreateOrder(new TransactPayCreateOrderRequest
            {
                Customer = new TransactPayCustomer
                {
                    Firstname = "Ada", Lastname = "Obi", Mobile = "+2348012345678", Country = "NG", Email = "ada@example.com",
                },
                Order = new TransactPayOrderDetails { Amount = 1000.00m, Reference = "ORD-1001", Description = "Books", Currency = "NGN" },
                Payment = new TransactPayPaymentDetails { RedirectUrl = "https://shop.example/return" },
            });
            log.WriteLine("{0} {1} ({2}: {3} key)", create.Method, create.Url, create.ApiKey.Header, create.ApiKey.Key);
            log.WriteLine("TransactPay got: {0}", transactPayDouble.Open(create.Body));  // (the test double)
            TransactPayAnswer<TransactPayCreateOrderData> order = TransactPay.ParseCreateOrder(200,
                "{\"statusCode\":\"01\",\"status\":\"success\",\"data\":{\"order\":{\"reference\":\"ORD-1001\",\"amount\":1000.00,\"fee\":15,\"statusId\":1}}}");
            log.WriteLine("created {0}: {1} + fee {2}, status {3}", order.Data.Order.Reference, order.Data.Order.Amount,
                order.Data.Order.Fee, order.Data.Order.StatusId);

            // 2. Its status; with the order's amount and currency, Paid says whether it is paid.
            Prepared check = transactPay.PrepareOrderStatus(new TransactPayOrderStatusRequest { Reference = "ORD-1001" });
            log.WriteLine("{0} {1}", check.Method, check.Path);
            TransactPayAnswer<TransactPayOrderStatusData> status = TransactPay.ParseOrderStatus(200,
                "{\"statusCode\":\"00\",\"data\":{\"orderSummary\":{\"orderReference\":\"ORD-1001\",\"statusId\":2,\"totalChargedAmount\":1015.00,\"fee\":15,\"currencyId\":\"NGN\"}}}",
                1000.00m, "NGN");
            log.WriteLine("status {0} (final {1}): paid {2}", status.Data.OrderSummary.StatusId.Value,
                status.Data.OrderSummary.StatusId.IsFinal, status.Paid);

            // 3. Verify (a plain body, with the secret key, from a server only): trust this answer.
            Prepared verify = transactPay.PrepareVerify(new TransactPayVerifyRequest { Reference = "ORD-1001" });
            log.WriteLine("{0} {1} {2} ({3} key)", verify.Method, verify.Path, verify.Body, verify.ApiKey.Key);
            TransactPayAnswer<TransactPayVerifyData> verified = TransactPay.ParseVerify(200,
                "{\"statusCode\":\"00\",\"data\":{\"statusId\":5,\"totalAmountCharged\":1015.00,\"fee\":15,\"currencyName\":\"NGN\"}}",
                1000.00m, "NGN");
            log.WriteLine("verified: charged {0}, fee {1}, paid {2}", verified.Data.TotalAmountCharged, verified.Data.Fee, verified.Paid);
        }
    }
}
