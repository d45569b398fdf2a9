<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\InvalidInputException;
use Payseal\Keepz;
use Payseal\KeyCache;
use Payseal\Status;
use PHPUnit\Framework\TestCase;

/** The key cache through the binding: a second handle finds its keys; clear(); capacity 0. */
final class KeyCacheTest extends TestCase
{
    protected function tearDown(): void
    {
        KeyCache::setCapacity(32);
    }

    private static function pair(): Keepz
    {
        $key = Support::key('rsa4096');
        return Keepz::integrator($key['public_pem'], $key['private_pem'], Support::ID);
    }

    public function testASecondHandleFindsItsKeys(): void
    {
        KeyCache::clear();
        $before = KeyCache::stats();
        self::assertSame(32, $before['capacity']);
        self::assertSame(0, $before['entries']);
        $first = self::pair();
        $parsed = KeyCache::stats();
        self::assertSame(2, $parsed['misses'] - $before['misses']);
        self::assertSame($before['hits'], $parsed['hits']);
        $second = self::pair();
        $found = KeyCache::stats();
        self::assertSame(2, $found['hits'] - $parsed['hits']);
        self::assertSame($parsed['misses'], $found['misses']);
        self::assertSame(2, $found['entries']);
        self::assertSame(['a' => 1], $second->open($first->seal(['a' => 1])));
        KeyCache::clear();
        self::assertSame(0, KeyCache::stats()['entries']);
    }

    public function testCapacityZeroTurnsItOff(): void
    {
        KeyCache::setCapacity(0);
        $before = KeyCache::stats();
        self::assertSame(0, $before['capacity']);
        self::assertSame(0, $before['entries']);
        self::assertSame(['b' => 2], self::pair()->open(self::pair()->seal(['b' => 2])));
        $after = KeyCache::stats();
        self::assertSame([$before['hits'], $before['misses'], 0], [$after['hits'], $after['misses'], $after['entries']]);
        try {
            KeyCache::setCapacity(KeyCache::MAX_CAPACITY + 1);
            self::fail('a capacity over the maximum was accepted');
        } catch (InvalidInputException $e) {
            self::assertSame(Status::INVALID_ARGUMENT, $e->getCode());
            self::assertStringContainsString('1024', $e->getMessage());
        }
        $this->expectException(InvalidInputException::class);
        KeyCache::setCapacity(-1);
    }
}
