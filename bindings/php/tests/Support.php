<?php

declare(strict_types=1);

namespace Payseal\Tests;

/** Fixtures shared by the tests: the repo's conformity vectors and test keys. */
final class Support
{
    public const ID = '1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e';

    /**
     * Builds a shared library that is not libpayseal: only payseal_abi_version(), answering $abi.
     * Returns its directory (libfake.so, fake.h); remove it with removeDir(). Skips the test
     * without a C compiler.
     */
    public static function fakeLibrary(int $abi): string
    {
        $cc = trim((string) shell_exec('command -v cc gcc 2>/dev/null | head -n 1'));
        if ($cc === '') {
            \PHPUnit\Framework\TestCase::markTestSkipped('no C compiler to build a fake library');
        }
        $dir = sys_get_temp_dir() . '/payseal-fake-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($dir);
        file_put_contents("$dir/fake.c", "unsigned int payseal_abi_version(void) { return $abi; }\n");
        file_put_contents("$dir/fake.h", "uint32_t payseal_abi_version(void);\n");
        exec(escapeshellarg($cc) . " -shared -fPIC -o $dir/libfake.so $dir/fake.c 2>&1", $output, $rc);
        \PHPUnit\Framework\Assert::assertSame(0, $rc, implode("\n", $output));
        return $dir;
    }

    /** Removes a directory of files made by a test (fakeLibrary()). */
    public static function removeDir(string $dir): void
    {
        array_map('unlink', glob("$dir/*") ?: []);
        rmdir($dir);
    }

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
