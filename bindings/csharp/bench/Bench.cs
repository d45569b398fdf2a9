using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Payseal.Tests;

namespace Payseal.Bench
{
    /// <summary>
    /// Benchmark, not a test: the C# binding against .NET's own RSACryptoServiceProvider for the
    /// TransactPay envelope (PKCS#1 v1.5, 4096-bit vector key, 100 B), and the binding's Keepz
    /// seal and open (1 KiB; RSACryptoServiceProvider has no OAEP-SHA-256, so no host figure).
    /// Built and run by scripts/bench-bindings.sh (compiled with tests/RsaKeys.cs for the key
    /// import). Arguments: the repository root, seconds per case. Prints
    /// "BENCH csharp &lt;case&gt; &lt;implementation&gt; &lt;ops/s&gt;" lines.
    /// </summary>
    public static class Program
    {
        private const string Id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";

        private static byte[] Payload(int n)
        {
            const string head = "{\"reference\":\"ORD-1001\",\"note\":\"";
            return Encoding.UTF8.GetBytes(head + new string('a', n - head.Length - 2) + "\"}");
        }

        private static void Measure(string name, string impl, double seconds, Action f)
        {
            f(); // warm up
            var watch = Stopwatch.StartNew();
            long n = 0;
            do
            {
                f();
                n++;
            } while (watch.Elapsed.TotalSeconds < seconds || n < 3);
            Console.WriteLine("BENCH csharp {0} {1} {2:F1}", name, impl, n / watch.Elapsed.TotalSeconds);
        }

        public static int Main(string[] args)
        {
            string keys = Path.Combine(args[0], "tests", "keys");
            double seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2.0;
            byte[] publicPem = File.ReadAllBytes(Path.Combine(keys, "rsa4096.spki.pem"));
            byte[] privatePem = File.ReadAllBytes(Path.Combine(keys, "rsa4096.pkcs8.pem"));

            byte[] keepzPayload = Payload(1024);
            using (var keepz = new Keepz(publicPem, privatePem, Id))
            {
                byte[] body = keepz.Seal(keepzPayload);
                Measure("keepz_seal_1KiB_4096", "payseal", seconds, () => keepz.Seal(keepzPayload));
                Measure("keepz_open_1KiB_4096", "payseal", seconds, () => keepz.Open(200, body));
            }

            byte[] tpPayload = Payload(100);
            using (var transactPay = new TransactPay(publicPem))
            using (RSACryptoServiceProvider rsa = RsaKeys.Public(Encoding.ASCII.GetString(publicPem)))
            {
                Measure("transactpay_seal_100B_4096", "payseal", seconds, () => transactPay.Seal(tpPayload));
                Measure("transactpay_seal_100B_4096", "RSACryptoServiceProvider", seconds, () =>
                {
                    byte[] block = rsa.Encrypt(tpPayload, false); // false: PKCS#1 v1.5
                    GC.KeepAlive("{\"data\":\"" + Convert.ToBase64String(block) + "\"}");
                });
            }
            return 0;
        }
    }
}
