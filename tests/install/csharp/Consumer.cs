using System;
using System.IO;
using System.Linq;
using Payseal;

/// <summary>
/// A program that uses payseal from its NuGet package: throw-away keys, a Keepz round trip, a
/// typed Keepz order status, a TransactPay seal opened by TransactPay's side, then where libpayseal
/// was loaded from (the process's own memory map), for tests/install/csharp.sh to check.
/// </summary>
public static class Consumer
{
    public static int Main()
    {
        KeyPair keepzKeys = Keys.Generate(2048);
        KeyPair ourKeys = Keys.Generate(2048);
        bool ok;
        using (Keepz keepz = Keepz.FromText(keepzKeys.PublicKeyText, ourKeys.PrivateKeyText, "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e"))
        using (Keepz keepzSide = Keepz.FromText(ourKeys.PublicKeyText, keepzKeys.PrivateKeyText))
        {
            string request = keepz.Seal("{\"integratorOrderId\":\"42\"}");
            string answer = keepzSide.Seal(keepzSide.Open(0, request));
            ok = keepz.Open(200, answer) == "{\"integratorOrderId\":\"42\"}";
            // The typed API (classes generated from bindings/description.json) is in the package too.
            Prepared status = keepz.PrepareOrderStatus(new KeepzOrderStatusRequest
            {
                IntegratorId = new Guid("1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e"),
                IntegratorOrderId = new Guid("c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"),
            });
            ok &= keepzSide.OpenQuery(status.Query).Contains("c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a");
            ok &= keepz.ParseOrderStatus(200, keepzSide.Seal("{\"status\":\"SUCCESS\"}")).Status.IsPaid;
        }
        KeyPair tpKeys = Keys.Generate(2048, KeyFormat.Pem, KeyFormat.TransactPayBlob);
        using (TransactPay merchant = TransactPay.FromText(tpKeys.PublicKeyText))
        using (TransactPay gateway = TransactPay.FromText(tpKeys.PublicKeyText, tpKeys.PrivateKeyText))
        {
            ok &= gateway.Open(merchant.Seal("{\"reference\":\"ORD-1\"}")) == "{\"reference\":\"ORD-1\"}";
        }
        Console.WriteLine("round trip: " + (ok ? "ok" : "FAILED"));
        foreach (string path in File.ReadAllLines("/proc/self/maps")
                     .Select(line => line.Split(new[] { ' ' }, 6, StringSplitOptions.RemoveEmptyEntries))
                     .Where(f => f.Length == 6 && f[5].Contains("libpayseal"))
                     .Select(f => f[5].Trim()).Distinct())
        {
            Console.WriteLine("loaded from: " + path);
        }
        return ok ? 0 : 1;
    }
}
