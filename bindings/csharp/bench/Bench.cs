using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Payseal.Tests;

namespace Payseal.Bench
{
    /// <summary>
    /// Benchmark, not a test: the C# binding against .NET's own RSACryptoServiceProvider for the
    /// TransactPay envelope (PKCS#1 v1.5, 4096-bit vector key, 100 B), the binding's Keepz
    /// seal and open (1 KiB; RSACryptoServiceProvider has no OAEP-SHA-256, so no host figure), and
    /// a handle made per call against one kept (paired; with the key cache and without).
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

        private static long Timed(Action f, int batch)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < batch; i++)
            {
                f();
            }
            return Stopwatch.GetTimestamp() - start;
        }

        private static double Median(List<double> values)
        {
            values.Sort();
            int mid = values.Count / 2;
            return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        }

        /// <summary>
        /// Paired timing, as payseal's Rust benches do it (cli/src/bench/paired.rs): batches of
        /// about 2 ms of <paramref name="kept"/> and of <paramref name="perCall"/>, alternating which
        /// goes first, for about <paramref name="seconds"/> (at least 5 rounds). Prints
        /// "PAIRED csharp &lt;case&gt; &lt;kept ops/s&gt; &lt;per-call ops/s&gt; &lt;median per-call/kept time&gt;".
        /// </summary>
        private static void Paired(string name, double seconds, Action kept, Action perCall)
        {
            long once = Math.Max(Math.Max(Timed(kept, 1), Timed(perCall, 1)), 1); // also the warm-up
            int batch = (int)Math.Max(1, Math.Min(100000, Stopwatch.Frequency / 500 / once));
            var keptTicks = new List<double>();
            var perCallTicks = new List<double>();
            var ratios = new List<double>();
            var watch = Stopwatch.StartNew();
            while (ratios.Count < 5 || watch.Elapsed.TotalSeconds < seconds)
            {
                long a, p;
                if (ratios.Count % 2 == 0)
                {
                    a = Timed(kept, batch);
                    p = Timed(perCall, batch);
                }
                else
                {
                    p = Timed(perCall, batch);
                    a = Timed(kept, batch);
                }
                keptTicks.Add((double)a / batch);
                perCallTicks.Add((double)p / batch);
                ratios.Add((double)p / Math.Max(a, 1));
            }
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "PAIRED csharp {0} {1:F1} {2:F1} {3:F3}", name,
                Stopwatch.Frequency / Median(keptTicks), Stopwatch.Frequency / Median(perCallTicks), Median(ratios)));
        }

        /// <summary>A handle per call against a handle kept, with the key cache and without.</summary>
        private static void HandlePerCall(string name, double seconds, Action kept, Action perCall)
        {
            Paired(name + "/cache", seconds, kept, perCall);
            KeyCache.SetCapacity(0);
            Paired(name + "/nocache", seconds, kept, perCall);
            KeyCache.SetCapacity(32);
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
                HandlePerCall("keepz_seal_1KiB_4096", seconds, () => keepz.Seal(keepzPayload), () =>
                {
                    using (var perCall = new Keepz(publicPem, privatePem, Id))
                    {
                        perCall.Seal(keepzPayload);
                    }
                });
            }

            byte[] tpPayload = Payload(100);
            using (var transactPay = new TransactPay(publicPem))
            using (RSACryptoServiceProvider rsa = RsaKeys.Public(Encoding.ASCII.GetString(publicPem)))
            {
                Measure("transactpay_seal_100B_4096", "payseal", seconds, () => transactPay.Seal(tpPayload));
                HandlePerCall("transactpay_seal_100B_4096", seconds, () => transactPay.Seal(tpPayload), () =>
                {
                    using (var perCall = new TransactPay(publicPem))
                    {
                        perCall.Seal(tpPayload);
                    }
                });
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
