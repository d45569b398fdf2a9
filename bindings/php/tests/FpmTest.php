<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Library;
use PHPUnit\Framework\TestCase;

/**
 * PHP-FPM keeps libpayseal's key cache between requests: one worker (pm = static, one child)
 * serves a page twice (fixtures/fpm-key-cache.php, through FastCGI as nginx would send it); the
 * first request parses the two 4096-bit keys, the second finds both. Without preloading, PHP's
 * FFI closes the library when the request's FFI object dies; libpayseal is linked with
 * `-z nodelete` (ffi/build.rs) so that it stays loaded, and its cache with it.
 */
final class FpmTest extends TestCase
{
    private const PAGE = __DIR__ . '/fixtures/fpm-key-cache.php';

    private static function fpm(): string
    {
        $version = PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
        foreach (["/usr/sbin/php-fpm$version", dirname(PHP_BINARY, 2) . "/sbin/php-fpm$version", '/usr/sbin/php-fpm'] as $candidate) {
            if (is_executable($candidate)) {
                return $candidate;
            }
        }
        self::markTestSkipped("php-fpm is not installed (Debian: php$version-fpm)");
    }

    /** @return array<string, array{list<string>}> */
    public static function settings(): array
    {
        $preload = ['ffi.enable=preload', 'opcache.enable=1', 'opcache.preload=' . dirname(__DIR__) . '/preload.php'];
        if (function_exists('posix_geteuid') && posix_geteuid() === 0) {
            $preload[] = 'opcache.preload_user=root';
        }
        return [
            'ffi.enable=true, no preloading' => [['ffi.enable=1']],
            // As root, preload.php cannot declare the FFI scope: each request loads the library.
            'ffi.enable=preload with preload.php' => [$preload],
        ];
    }

    /**
     * @dataProvider settings
     * @param list<string> $settings
     */
    public function testASecondRequestFindsTheKeysTheFirstParsed(array $settings): void
    {
        $fpm = self::fpm();
        $dir = sys_get_temp_dir() . '/payseal-fpm-' . bin2hex(random_bytes(6));
        mkdir($dir, 0700);
        $socket = "$dir/fpm.sock";
        $root = function_exists('posix_geteuid') && posix_geteuid() === 0;
        file_put_contents("$dir/fpm.conf", implode("\n", [
            '[global]',
            "pid = $dir/fpm.pid",
            "error_log = $dir/fpm.log",
            'daemonize = no',
            '[test]',
            "listen = $socket",
            ...($root ? ['user = root', 'group = root'] : []),
            'pm = static',
            'pm.max_children = 1',
            'clear_env = no',
            'catch_workers_output = yes',
            '',
        ]));
        $args = [$fpm, '--nodaemonize', '--fpm-config', "$dir/fpm.conf", ...($root ? ['--allow-to-run-as-root'] : [])];
        foreach ($settings as $setting) {
            array_push($args, '-d', $setting);
        }
        $env = getenv();
        $env['PAYSEAL_LIB'] = Library::get()->path();
        $process = proc_open($args, [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/fpm.out", 'w'], 2 => ['file', "$dir/fpm.out", 'a']], $pipes, $dir, $env);
        self::assertIsResource($process);
        try {
            $deadline = microtime(true) + 30;
            while (!file_exists($socket) && microtime(true) < $deadline && proc_get_status($process)['running']) {
                usleep(50_000);
            }
            self::assertFileExists($socket, 'php-fpm did not start: ' . @file_get_contents("$dir/fpm.out") . @file_get_contents("$dir/fpm.log"));

            $first = json_decode(FastCgi::get($socket, self::PAGE), true, 8, JSON_THROW_ON_ERROR);
            $second = json_decode(FastCgi::get($socket, self::PAGE), true, 8, JSON_THROW_ON_ERROR);
            self::assertArrayNotHasKey('error', $first, $first['error'] ?? '');
            self::assertArrayNotHasKey('error', $second, $second['error'] ?? '');
            self::assertTrue($first['round_trip'] && $second['round_trip']);
            self::assertSame($first['pid'], $second['pid'], 'one worker served both requests');

            // First request: the integrator's handle parses both keys, the test double finds them.
            self::assertSame(2, $first['after']['misses'] - $first['before']['misses']);
            self::assertSame(2, $first['after']['hits'] - $first['before']['hits']);
            // Second request: the cache outlived the first request; nothing is parsed again.
            self::assertSame($first['after'], $second['before'], 'the cache as the first request left it');
            self::assertSame(4, $second['after']['hits'] - $second['before']['hits']);
            self::assertSame(0, $second['after']['misses'] - $second['before']['misses']);
            self::assertSame(2, $second['after']['entries']);
        } finally {
            proc_terminate($process);
            $deadline = microtime(true) + 10;
            while (proc_get_status($process)['running'] && microtime(true) < $deadline) {
                usleep(50_000);
            }
            if (proc_get_status($process)['running']) {
                proc_terminate($process, 9);
            }
            proc_close($process);
            array_map('unlink', glob("$dir/*") ?: []);
            @rmdir($dir);
        }
    }
}
