using System;
using System.Collections.Generic;

namespace Payseal
{
    /// <summary>
    /// The process-wide cache of parsed keys inside libpayseal. A new <see cref="Keepz"/> or
    /// <see cref="TransactPay"/> made from key bytes seen before reuses the key parsed then
    /// (parsing a 4096-bit private key costs far more than a seal), so handles may be made per
    /// request. On by default (32 entries, least recently used evicted first); entries are
    /// found by a keyed digest of the key bytes and options, never by a copy of them, and a
    /// dropped key is wiped once no handle uses it.
    /// </summary>
    public static class KeyCache
    {
        /// <summary>The most entries <see cref="SetCapacity"/> accepts.</summary>
        public const int MaxCapacity = 1024;

        /// <summary>
        /// Sets the most keys kept (0 turns the cache off and drops every entry); entries over the
        /// new capacity are evicted, least recently used first.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
        /// <exception cref="PaysealException">Over <see cref="MaxCapacity"/> (<see cref="PaysealStatus.InvalidArgument"/>).</exception>
        public static void SetCapacity(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity", capacity, "a capacity is 0 or more");
            }
            PaysealLibrary.EnsureLoaded();
            var error = new PaysealBuffer();
            PaysealStatus status = Native.payseal_key_cache_set_capacity(new UIntPtr((uint)capacity), ref error);
            Interop.Check(status, ref error);
        }

        /// <summary>
        /// Drops every cached key (the cache stays on). A key still used by a live handle is wiped
        /// when that handle is disposed; the others now.
        /// </summary>
        public static void Clear()
        {
            PaysealLibrary.EnsureLoaded();
            Native.payseal_key_cache_clear();
        }

        /// <summary>The cache's counters (since the process started) and its size.</summary>
        public static KeyCacheStats Stats
        {
            get
            {
                PaysealLibrary.EnsureLoaded();
                var output = new PaysealBuffer();
                var error = new PaysealBuffer();
                PaysealStatus status = Native.payseal_key_cache_stats(ref output, ref error);
                byte[] json = Interop.Take(status, ref output, ref error);
                var fields = Json.Parse(Interop.Utf8.GetString(json)) as Dictionary<string, object>;
                if (fields == null)
                {
                    throw new FormatException("payseal_key_cache_stats did not return a JSON object");
                }
                return new KeyCacheStats(
                    Number(fields, "hits"), Number(fields, "misses"), Number(fields, "evictions"),
                    (int)Number(fields, "entries"), (int)Number(fields, "capacity"));
            }
        }

        private static long Number(Dictionary<string, object> fields, string name)
        {
            object value;
            if (!fields.TryGetValue(name, out value) || !(value is long))
            {
                throw new FormatException("payseal_key_cache_stats has no integer \"" + name + "\"");
            }
            return (long)value;
        }
    }

    /// <summary>What <see cref="KeyCache.Stats"/> reports.</summary>
    public sealed class KeyCacheStats
    {
        internal KeyCacheStats(long hits, long misses, long evictions, int entries, int capacity)
        {
            Hits = hits;
            Misses = misses;
            Evictions = evictions;
            Entries = entries;
            Capacity = capacity;
        }

        /// <summary>Handle constructors that found their key parsed.</summary>
        public long Hits { get; private set; }

        /// <summary>Handle constructors that had to parse a key.</summary>
        public long Misses { get; private set; }

        /// <summary>Entries dropped to make room for others.</summary>
        public long Evictions { get; private set; }

        /// <summary>Keys held now.</summary>
        public int Entries { get; private set; }

        /// <summary>The most keys held; 0 when the cache is off.</summary>
        public int Capacity { get; private set; }
    }
}
