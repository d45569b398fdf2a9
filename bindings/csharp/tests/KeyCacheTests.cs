using System;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>The process-wide key cache behind the handle constructors: a second handle from the
    /// same key text finds its keys, Clear empties the cache, capacity 0 turns it off.</summary>
    [TestFixture]
    public class KeyCacheTests
    {
        private const string Id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";

        [TearDown]
        public void Restore()
        {
            KeyCache.SetCapacity(32);
        }

        private static Keepz Pair()
        {
            var key = TestData.Key("rsa4096");
            return Keepz.FromText(key.Str("public_pem"), key.Str("private_pem"), Id);
        }

        [Test]
        public void ASecondHandleFindsItsKeys()
        {
            KeyCache.Clear();
            KeyCacheStats before = KeyCache.Stats;
            Assert.AreEqual(32, before.Capacity);
            Assert.AreEqual(0, before.Entries);
            using (Keepz first = Pair())
            {
                KeyCacheStats parsed = KeyCache.Stats;
                Assert.AreEqual(2, parsed.Misses - before.Misses, "public and private key parsed");
                Assert.AreEqual(0, parsed.Hits - before.Hits);
                using (Keepz second = Pair())
                {
                    KeyCacheStats found = KeyCache.Stats;
                    Assert.AreEqual(2, found.Hits - parsed.Hits, "both keys found");
                    Assert.AreEqual(parsed.Misses, found.Misses);
                    Assert.AreEqual(2, found.Entries);
                    byte[] body = first.Seal(TestData.Utf8("{\"a\":1}"));
                    Assert.AreEqual("{\"a\":1}", Interop.Utf8.GetString(second.Open(200, body)));
                }
            }
            KeyCache.Clear();
            Assert.AreEqual(0, KeyCache.Stats.Entries);
        }

        [Test]
        public void CapacityZeroTurnsItOff()
        {
            KeyCache.SetCapacity(0);
            KeyCacheStats before = KeyCache.Stats;
            Assert.AreEqual(0, before.Capacity);
            Assert.AreEqual(0, before.Entries);
            using (Keepz one = Pair())
            using (Keepz two = Pair())
            {
                byte[] body = one.Seal(TestData.Utf8("{\"b\":2}"));
                Assert.AreEqual("{\"b\":2}", Interop.Utf8.GetString(two.Open(200, body)));
            }
            KeyCacheStats after = KeyCache.Stats;
            Assert.AreEqual(before.Hits, after.Hits);
            Assert.AreEqual(before.Misses, after.Misses);
            Assert.AreEqual(0, after.Entries);
            Check.Fails(PaysealStatus.InvalidArgument, () => KeyCache.SetCapacity(KeyCache.MaxCapacity + 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => KeyCache.SetCapacity(-1));
        }
    }
}
