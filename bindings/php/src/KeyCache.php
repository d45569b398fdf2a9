<?php

declare(strict_types=1);

namespace Payseal;

use FFI\CData;

/**
 * The process-wide cache of parsed keys inside libpayseal.
 *
 * A PHP-FPM worker frees every object at the end of a request, so a {@see Keepz} or
 * {@see TransactPay} handle is built again on every request, and parsing a 4096-bit private key
 * costs several times a seal. libpayseal therefore keeps the keys it parsed, and a handle made
 * from key bytes (and options) seen before reuses them: making a handle per request is then
 * cheap. The worker keeps libpayseal loaded between requests (the library is linked with
 * `-z nodelete`: PHP's FFI closes it when a request's FFI object dies, and the cache lives on).
 *
 * On by default, 32 entries, least recently used evicted first. Entries are found by a keyed
 * digest of the key bytes and options, never by a copy of them; a dropped key is wiped once no
 * handle uses it. A worker restart (pm.max_requests) empties it too.
 *
 *     Payseal\KeyCache::stats();          // ['hits' => …, 'misses' => …, 'evictions' => …, 'entries' => …, 'capacity' => 32]
 *     Payseal\KeyCache::clear();          // drop every key (after rotating keys, say)
 *     Payseal\KeyCache::setCapacity(0);   // off: every handle parses its keys
 */
final class KeyCache
{
    /** The most entries setCapacity() accepts. */
    public const MAX_CAPACITY = 1024;

    private function __construct()
    {
    }

    /**
     * The cache's counters (since the worker started) and size.
     *
     * @return array{hits: int, misses: int, evictions: int, entries: int, capacity: int}
     * @throws PaysealException
     */
    public static function stats(?Library $library = null): array
    {
        $lib = $library ?? Library::get();
        $json = $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_key_cache_stats($out, $error));
        $stats = json_decode($json, true, 2, JSON_THROW_ON_ERROR);
        return [
            'hits' => (int) $stats['hits'],
            'misses' => (int) $stats['misses'],
            'evictions' => (int) $stats['evictions'],
            'entries' => (int) $stats['entries'],
            'capacity' => (int) $stats['capacity'],
        ];
    }

    /**
     * Drops every cached key (the cache stays on). A key still used by a live handle is wiped when
     * that handle is destroyed; the others now.
     */
    public static function clear(?Library $library = null): void
    {
        ($library ?? Library::get())->ffi->payseal_key_cache_clear();
    }

    /**
     * Sets the most keys kept; 0 turns the cache off and drops every entry. Entries over the new
     * capacity are evicted, least recently used first.
     *
     * @throws InvalidInputException negative or over MAX_CAPACITY
     */
    public static function setCapacity(int $capacity, ?Library $library = null): void
    {
        if ($capacity < 0) {
            throw new InvalidInputException("the key cache capacity must not be negative (got $capacity)", Status::INVALID_ARGUMENT);
        }
        $lib = $library ?? Library::get();
        $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_key_cache_set_capacity($capacity, $error));
    }
}
