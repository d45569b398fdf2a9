using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>
    /// 10,000 iterations of seal and open (Keepz and TransactPay) plus the failure paths that return
    /// an error message and a gateway JSON, measured before and after: the managed heap
    /// (<c>GC.GetTotalMemory</c>), the process's resident set (<c>VmRSS</c>) and glibc's heap in use
    /// (<c>mallinfo2</c>, where payseal's buffers live). Each iteration has payseal allocate about
    /// 1.4 KB of output and message buffers, so forgetting <c>payseal_buffer_free</c> anywhere would
    /// grow the native heap by megabytes; the thresholds below allow allocator and GC noise only.
    /// </summary>
    [TestFixture]
    public class LeakTests
    {
        private const int Iterations = 10000;
        private const long NativeHeapLimit = 1L << 20;   // 1 MiB
        private const long RssLimit = 8L << 20;          // 8 MiB
        private const long ManagedLimit = 4L << 20;      // 4 MiB

        private const string Payload = "{\"integratorOrderId\":\"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a\",\"amount\":12.5}";
        private const string ErrorBody = "{\"message\":\"Integrator order not found\",\"statusCode\":6005,\"exceptionGroup\":5}";
        private const string Unopenable = "{\"encryptedData\":\"AAAA\",\"encryptedKeys\":\"AAAA\",\"aes\":true}";

        [StructLayout(LayoutKind.Sequential)]
        private struct MallInfo2
        {
            public UIntPtr Arena, Ordblks, Smblks, Hblks, Hblkhd, Usmblks, Fsmblks, Uordblks, Fordblks, Keepcost;
        }

        [DllImport("libc.so.6", CallingConvention = CallingConvention.Cdecl)]
        private static extern MallInfo2 mallinfo2();

        private struct Sample
        {
            public long Managed;
            public long Rss;
            public long NativeHeap;

            public static Sample Take()
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                MallInfo2 m = mallinfo2();
                return new Sample
                {
                    Managed = GC.GetTotalMemory(true),
                    Rss = VmRssBytes(),
                    NativeHeap = (long)m.Uordblks.ToUInt64() + (long)m.Hblkhd.ToUInt64(),
                };
            }
        }

        private static long VmRssBytes()
        {
            foreach (string line in File.ReadAllLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    string[] parts = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[1]) * 1024;
                }
            }
            throw new InvalidOperationException("no VmRSS in /proc/self/status");
        }

        [Test]
        public void TenThousandSealOpenCallsDoNotLeak()
        {
            var key = TestData.Key("rsa2048");
            using (var keepz = Keepz.FromText(key.Str("public_pem"), key.Str("private_pem"), "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e"))
            using (TransactPay tp = VectorTests.TransactPayFor("rsa2048"))
            {
                Action iteration = () =>
                {
                    Assert.AreEqual(Payload, keepz.Open(200, keepz.Seal(Payload)));
                    Assert.AreEqual(Payload, tp.Open(tp.Seal(Payload)));
                    try
                    {
                        keepz.Open(404, ErrorBody);
                        Assert.Fail("gateway error expected");
                    }
                    catch (GatewayException e)
                    {
                        Assert.IsNotNull(e.Json);
                    }
                    try
                    {
                        keepz.Open(200, Unopenable);
                        Assert.Fail("cannot open expected");
                    }
                    catch (CannotOpenException)
                    {
                    }
                };
                AssertNoLeak("seal and open", iteration);
            }
        }

        [Test]
        public void TenThousandTypedOperationsDoNotLeak()
        {
            var key = TestData.Key("rsa2048");
            var integratorId = new Guid("1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e");
            var orderId = new Guid("c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a");
            const string Verify = "{\"statusCode\":\"00\",\"data\":{\"statusId\":5,\"totalAmountCharged\":1015.00,\"fee\":15,\"currencyName\":\"NGN\"}}";
            using (var keepz = Keepz.FromText(key.Str("public_pem"), key.Str("private_pem"), integratorId.ToString()))
            using (TransactPay tp = VectorTests.TransactPayFor("rsa2048"))
            {
                string answer = keepz.Seal("{\"integratorOrderId\":\"" + orderId + "\",\"status\":\"SUCCESS\"}");
                var status = new KeepzOrderStatusRequest { IntegratorId = integratorId, IntegratorOrderId = orderId };
                var tooPrecise = new KeepzRefundRequest { IntegratorId = integratorId, IntegratorOrderId = orderId, Amount = 10.005m };
                AssertNoLeak("typed operations", () =>
                {
                    Assert.IsNotNull(keepz.PrepareOrderStatus(status).Query);
                    Assert.IsTrue(keepz.ParseOrderStatus(200, answer).Status.IsPaid);
                    Assert.AreEqual(PaysealStatus.InvalidAmount,
                        Assert.Throws<PaysealException>(() => keepz.PrepareRefund(tooPrecise)).Status);
                    Assert.IsNotNull(Assert.Throws<GatewayException>(() => keepz.ParseOrderStatus(404, ErrorBody)).Json);
                    Assert.AreEqual("secret", tp.PrepareVerify(new TransactPayVerifyRequest { Reference = "ORD-1" }).ApiKey.Key);
                    Assert.AreEqual(true, TransactPay.ParseVerify(200, Verify, 1000m, "NGN").Paid);
                });
            }
        }

        /// <summary>Runs 500 warm-up iterations, then <see cref="Iterations"/> measured ones, and
        /// holds the growth of each heap under its threshold.</summary>
        private static void AssertNoLeak(string what, Action iteration)
        {
            for (int i = 0; i < 500; i++)
            {
                iteration();
            }
            Sample before = Sample.Take();
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < Iterations; i++)
            {
                iteration();
            }
            clock.Stop();
            Sample after = Sample.Take();
            long managed = after.Managed - before.Managed;
            long rss = after.Rss - before.Rss;
            long native = after.NativeHeap - before.NativeHeap;
            Console.WriteLine(
                "leak check ({0}): {1} iterations in {2:F1} s; managed heap {3} -> {4} ({5:+#;-#;0} B); " +
                "VmRSS {6} -> {7} ({8:+#;-#;0} B); native heap in use {9} -> {10} ({11:+#;-#;0} B)",
                what, Iterations, clock.Elapsed.TotalSeconds, before.Managed, after.Managed, managed,
                before.Rss, after.Rss, rss, before.NativeHeap, after.NativeHeap, native);
            Assert.Less(native, NativeHeapLimit, what + ": native heap growth");
            Assert.Less(rss, RssLimit, what + ": VmRSS growth");
            Assert.Less(managed, ManagedLimit, what + ": managed heap growth");
        }
    }
}
