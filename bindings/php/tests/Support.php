<?php

declare(strict_types=1);

namespace Payseal\Tests;

/** Fixtures shared by the tests: the repo's conformity vectors and test keys. */
final class Support
{
    public const ID = '1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e';

    public static function repoRoot(): string
    {
        return dirname(__DIR__, 3);
    }

    /** @return mixed the decoded file tests/vectors/$name.json */
    public static function vectors(string $name): mixed
    {
        static $cache = [];
        return $cache[$name] ??= json_decode(
            (string) file_get_contents(self::repoRoot() . "/tests/vectors/$name.json"),
            true,
            512,
            JSON_THROW_ON_ERROR,
        );
    }

    /** @return array<string, mixed> keys.json's entry: rsa2048 or rsa4096 */
    public static function key(string $name): array
    {
        return self::vectors('keys')[$name];
    }

    /** A file of tests/keys/ (made by openssl, see generate.sh there). */
    public static function keyFile(string $file): string
    {
        return (string) file_get_contents(self::repoRoot() . "/tests/keys/$file");
    }

    /** Resident set size of this process, in bytes. */
    public static function rss(): int
    {
        $status = (string) file_get_contents('/proc/self/status');
        if (!preg_match('/^VmRSS:\s+(\d+)\s+kB/m', $status, $m)) {
            throw new \RuntimeException('no VmRSS in /proc/self/status');
        }
        return (int) $m[1] * 1024;
    }

    /**
     * Runs a PHP script in a child process.
     *
     * @param list<string> $args
     * @return array{0: int, 1: string, 2: string} exit code, stdout, stderr
     */
    public static function run(array $args, ?array $env = null): array
    {
        $process = proc_open($args, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
        if (!is_resource($process)) {
            throw new \RuntimeException('cannot start ' . implode(' ', $args));
        }
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        return [proc_close($process), (string) $out, (string) $err];
    }
}
