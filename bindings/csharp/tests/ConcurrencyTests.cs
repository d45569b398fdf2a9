using System;
using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>One handle shared by many threads at once, and a handle disposed while in use.</summary>
    [TestFixture]
    public class ConcurrencyTests
    {
        private const int Threads = 8;
        private const int PerThread = 100;

        /// <summary>Runs <paramref name="work"/> on <see cref="Threads"/> threads started together;
        /// rethrows the first failure.</summary>
        private static void Parallel(Action<int> work)
        {
            var errors = new List<Exception>();
            var start = new ManualResetEvent(false);
            var threads = new List<Thread>();
            for (int t = 0; t < Threads; t++)
            {
                int id = t;
                var thread = new Thread(() =>
                {
                    start.WaitOne();
                    try
                    {
                        work(id);
                    }
                    catch (Exception e)
                    {
                        lock (errors)
                        {
                            errors.Add(e);
                        }
                    }
                });
                thread.Start();
                threads.Add(thread);
            }
            start.Set();
            foreach (Thread thread in threads)
            {
                thread.Join();
            }
            if (errors.Count > 0)
            {
                throw new AggregateException(errors);
            }
        }

        /// <summary>Typed operations on one shared handle: each thread's own order id comes back
        /// in what the gateway's side opens and in the parsed answer.</summary>
        [Test]
        public void TypedOperationsOnOneKeepzHandleFromManyThreads()
        {
            var key = TestData.Key("rsa2048");
            var integratorId = new Guid("1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e");
            using (var keepz = Keepz.FromText(key.Str("public_pem"), key.Str("private_pem"), integratorId.ToString()))
            {
                int done = 0;
                Parallel(id =>
                {
                    for (int i = 0; i < PerThread; i++)
                    {
                        Guid order = PaysealLibrary.NewOrderId();
                        Prepared prepared = keepz.PrepareOrderStatus(new KeepzOrderStatusRequest { IntegratorId = integratorId, IntegratorOrderId = order });
                        StringAssert.Contains(order.ToString(), keepz.OpenQuery(prepared.Query));
                        string answer = keepz.Seal("{\"integratorOrderId\":\"" + order + "\",\"status\":\"PROCESSING\"}");
                        KeepzOrderStatusResponse status = keepz.ParseOrderStatus(200, answer);
                        Assert.AreEqual(order.ToString(), status.IntegratorOrderId);
                        Assert.AreEqual(KeepzOrderStatusValue.Processing, status.Status.Value);
                        Interlocked.Increment(ref done);
                    }
                });
                Assert.AreEqual(Threads * PerThread, done);
            }
        }

        [Test]
        public void OneKeepzHandleFromManyThreads()
        {
            var key = TestData.Key("rsa2048");
            using (var keepz = Keepz.FromText(key.Str("public_pem"), key.Str("private_pem"), "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e"))
            {
                int done = 0;
                Parallel(id =>
                {
                    for (int i = 0; i < PerThread; i++)
                    {
                        string payload = string.Format("{{\"thread\":{0},\"i\":{1}}}", id, i);
                        Assert.AreEqual(payload, keepz.Open(200, keepz.Seal(payload)));
                        var e = Assert.Throws<GatewayException>(() => keepz.Open(404, "{\"message\":\"m\",\"statusCode\":6005,\"exceptionGroup\":5}"));
                        Assert.AreEqual("6005", e.StatusCode);
                        Interlocked.Increment(ref done);
                    }
                });
                Assert.AreEqual(Threads * PerThread, done);
            }
        }

        [Test]
        public void OneTransactPayHandleFromManyThreads()
        {
            using (TransactPay tp = VectorTests.TransactPayFor("rsa2048"))
            {
                int done = 0;
                Parallel(id =>
                {
                    for (int i = 0; i < PerThread; i++)
                    {
                        string payload = string.Format("{{\"reference\":\"ORD-{0}-{1}\"}}", id, i);
                        Assert.AreEqual(payload, tp.Open(tp.Seal(payload)));
                        Assert.AreEqual(245, tp.MaxPayload);
                        Interlocked.Increment(ref done);
                    }
                });
                Assert.AreEqual(Threads * PerThread, done);
            }
        }

        [Test]
        public void DisposingWhileOtherThreadsSealIsSafe()
        {
            var key = TestData.Key("rsa2048");
            var keepz = Keepz.FromText(key.Str("public_pem"), null, "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e");
            int sealedCount = 0;
            int disposedSeen = 0;
            var running = new CountdownEvent(Threads);
            var disposer = new Thread(() =>
            {
                running.Wait();
                Thread.Sleep(50);
                keepz.Dispose();
            });
            disposer.Start();
            Parallel(id =>
            {
                running.Signal();
                while (true)
                {
                    try
                    {
                        StringAssert.StartsWith("{\"identifier\":", keepz.Seal("{\"a\":1}"));
                        Interlocked.Increment(ref sealedCount);
                    }
                    catch (ObjectDisposedException)
                    {
                        Interlocked.Increment(ref disposedSeen);
                        return;
                    }
                }
            });
            disposer.Join();
            Assert.Greater(sealedCount, 0);
            Assert.AreEqual(Threads, disposedSeen);
        }
    }
}
