using System;
using System.IO;
using System.Text;
using Payseal;

/// <summary>The README's example, compiled and run by the tests.</summary>
public static class Example
{
    public static void Main()
    {
        Run(Console.Out);
    }

    public static void Run(TextWriter log)
    {
        // In production the keys come from files or a secret store, in any format (PEM, DER, bare
        // Base64 DER). Here throw-away keys stand in for them, and a Keepz test double (the same
        // class with the keys swapped) plays Keepz.
        KeyPair keepzKeys = Keys.Generate(2048);       // Keepz's pair: you hold only its public key
        KeyPair integratorKeys = Keys.Generate(2048);  // yours: Keepz holds your public key
        const string integratorId = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";

        // Create handles once, at start-up, and share them between threads; dispose at shut-down.
        using (Keepz keepz = Keepz.FromText(keepzKeys.PublicKeyText, integratorKeys.PrivateKeyText, integratorId))
        using (Keepz keepzDouble = Keepz.FromText(integratorKeys.PublicKeyText, keepzKeys.PrivateKeyText))
        {
            // 1. Seal a create-order request and POST it (with any HTTP client) to the endpoint.
            string endpoint = Endpoints.Get("keepz", "create_order");  // {"method":"POST","path":...}
            string request = keepz.Seal(
                "{\"amount\":12.5,\"currency\":\"GEL\",\"receiverType\":\"BRANCH\"," +
                "\"receiverId\":\"6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b\"," +
                "\"integratorId\":\"" + integratorId + "\"," +
                "\"integratorOrderId\":\"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a\"}");
            log.WriteLine("POST {0}: {1}", endpoint, request);

            // (The test double reads the request and answers as Keepz would.)
            log.WriteLine("Keepz got: {0}", keepzDouble.Open(0, request));
            string responseBody = keepzDouble.Seal(
                "{\"integratorOrderId\":\"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a\"," +
                "\"urlForQR\":\"https://checkout.keepz.me/c0a8f1e2\"}");

            // 2. Open the response, given its HTTP status (0 for a callback).
            log.WriteLine("order: {0}", keepz.Open(200, responseBody));

            // 3. Keepz's own errors, plain or sealed, are a GatewayException.
            try
            {
                keepz.Open(404, "{\"message\":\"Integrator order not found\",\"statusCode\":6005,\"exceptionGroup\":5}");
            }
            catch (GatewayException e)
            {
                log.WriteLine("Keepz refused: {0} {1} ({2})", e.StatusCode, e.GatewayMessage, e.Group);
            }
            catch (CannotOpenException)
            {
                // One error for every cryptographic reason: never tell the sender more. Debug offline
                // with a separate KeepzDiagnostics handle, never here.
                throw;
            }
        }

        // 4. TransactPay: the dashboard's encryption key (the Base64 blob "4096!<RSAKeyValue>...").
        string encryptionKey = Keys.Generate(4096, KeyFormat.Pem, KeyFormat.TransactPayBlob).PublicKeyText;
        using (TransactPay transactPay = TransactPay.FromText(encryptionKey))
        {
            string order =
                "{\"customer\":{\"firstname\":\"Ada\",\"lastname\":\"Obi\",\"mobile\":\"+2348012345678\"," +
                "\"country\":\"NG\",\"email\":\"ada@example.com\"}," +
                "\"order\":{\"amount\":20000,\"reference\":\"ORD-1\",\"description\":\"Order 1\",\"currency\":\"NGN\"}," +
                "\"payment\":{\"RedirectUrl\":\"https://merchant.example/return\"}}";
            string body = transactPay.Seal(order);  // {"data":"…684 Base64 characters…"}
            log.WriteLine("POST {0}: {1}", Endpoints.Get("transactpay", "create_order"), body);
            log.WriteLine("{0} of {1} bytes used", Encoding.UTF8.GetByteCount(order), transactPay.MaxPayload);

            // Its responses are plain JSON; failures are a GatewayException too.
            log.WriteLine("answer: {0}", TransactPay.ParseResponse(200,
                "{\"statusCode\":\"01\",\"status\":\"success\",\"data\":{\"order\":{\"reference\":\"ORD-1\"}}}"));
        }
    }
}
