<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Library;
use PHPUnit\Framework\TestCase;

/**
 * The FFI settings hosts run with, each in a child PHP process: the CLI out of the box, and a
 * non-CLI SAPI (php-cgi, whose FFI restrictions are PHP-FPM's) with ffi.enable=true, with
 * ffi.enable=preload and no preloading (refused, with advice), with preload.php, and with
 * preload.php plus ffi.preload.
 */
final class SapiTest extends TestCase
{
    private const PROBE = __DIR__ . '/fixtures/sapi-probe.php';

    /** @return array<string, string> the environment for children: this run's library */
    private static function env(): array
    {
        $env = getenv();
        $path = Library::get()->path();
        if (is_file($path)) {
            $env['PAYSEAL_LIB'] = $path;
        }
        unset($env['RUST_BACKTRACE']);
        return $env;
    }

    /** @param list<string> $settings "-d" settings */
    private static function probe(string $binary, array $settings, bool $cgi = false): string
    {
        $args = [$binary];
        if ($cgi) {
            $args[] = '-q';
        }
        foreach ($settings as $setting) {
            $args[] = '-d';
            $args[] = $setting;
        }
        $args[] = self::PROBE;
        [$code, $out, $err] = Support::run($args, self::env());
        return trim($out . ($code === 0 ? '' : "\n(exit $code) $err"));
    }

    private static function cgi(): string
    {
        foreach ([dirname(PHP_BINARY) . '/php-cgi', dirname(PHP_BINARY) . '/php-cgi' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION, '/usr/bin/php-cgi'] as $candidate) {
            if (is_executable($candidate)) {
                return $candidate;
            }
        }
        self::markTestSkipped('php-cgi is not installed (Debian: php8.2-cgi)');
    }

    /** opcache.preload settings; as root, PHP requires a preload user. */
    private static function preloading(): array
    {
        $settings = ['opcache.enable=1', 'opcache.enable_cli=1', 'opcache.preload=' . dirname(__DIR__) . '/preload.php'];
        if (function_exists('posix_geteuid') && posix_geteuid() === 0) {
            $settings[] = 'opcache.preload_user=root';
        }
        return $settings;
    }

    private static function assertWorks(string $output, ?string $from = null): void
    {
        self::assertStringContainsString('round trip: ok', $output);
        if ($from !== null) {
            self::assertStringContainsString("loaded from: $from", $output);
        }
    }

    public function testCliWithDebiansDefaultFfiEnablePreload(): void
    {
        self::assertWorks(self::probe(PHP_BINARY, ['ffi.enable=preload']));
    }

    public function testCliWithFfiEnableTrue(): void
    {
        self::assertWorks(self::probe(PHP_BINARY, ['ffi.enable=1']));
    }

    public function testCliWithFfiDisabledSaysSo(): void
    {
        $output = self::probe(PHP_BINARY, ['ffi.enable=0']);
        self::assertStringContainsString('Payseal\\LibraryException: FFI is disabled (ffi.enable=0)', $output);
    }

    public function testCliWithPreloading(): void
    {
        self::assertWorks(self::probe(PHP_BINARY, ['ffi.enable=preload', ...self::preloading()]));
    }

    public function testCgiWithFfiEnableTrue(): void
    {
        self::assertWorks(self::probe(self::cgi(), ['ffi.enable=1'], true));
    }

    public function testCgiWithFfiEnablePreloadButNoPreloadingIsRefusedWithAdvice(): void
    {
        $output = self::probe(self::cgi(), ['ffi.enable=preload'], true);
        self::assertStringContainsString('Payseal\\LibraryException', $output);
        self::assertStringContainsString('opcache.preload=' . dirname(__DIR__) . '/preload.php', $output);
    }

    public function testCgiWithPreloadPhp(): void
    {
        self::assertWorks(self::probe(self::cgi(), ['ffi.enable=preload', ...self::preloading()], true));
    }

    public function testCgiWithPreloadPhpAndFfiPreload(): void
    {
        $cgi = self::cgi();
        $header = tempnam(sys_get_temp_dir(), 'payseal-ffi-');
        try {
            file_put_contents($header, Library::scopeHeader(Library::get()->path()));
            $output = self::probe($cgi, ['ffi.enable=preload', 'ffi.preload=' . $header, ...self::preloading()], true);
            self::assertWorks($output, 'FFI scope PAYSEAL');
            // preload.php checked the scope's ABI at start-up: requests take the scope as it is.
            self::assertStringContainsString('ABI checked at start-up: yes', $output);
        } finally {
            unlink($header);
        }
    }

    public function testAPreloadedLibraryOfAnotherAbiIsStillRefusedInEachRequest(): void
    {
        // The scope's library answers ABI version 1: preload.php's check fails, declares no
        // marker, and Library::get() checks again and refuses it, as without preloading.
        $cgi = self::cgi();
        $dir = Support::fakeLibrary(1);
        try {
            file_put_contents("$dir/scope.h", Library::scopeHeader("$dir/libfake.so", "$dir/fake.h"));
            $output = self::probe($cgi, ['ffi.enable=preload', "ffi.preload=$dir/scope.h", ...self::preloading()], true);
            self::assertStringContainsString(
                "Payseal\\LibraryException: libpayseal at 'FFI scope PAYSEAL' has C ABI version 1; this binding needs version 2",
                $output,
            );
        } finally {
            Support::removeDir($dir);
        }
    }

    public function testPreloadPhpDeclaresTheScopeWhenNotRoot(): void
    {
        // PHP refuses FFI::load() while preloading as root with opcache.preload_user; as any
        // other user preload.php loads the library once, at start-up, into the scope PAYSEAL.
        $cgi = self::cgi();
        $prefix = [];
        if (function_exists('posix_geteuid') && posix_geteuid() === 0) {
            $runuser = trim((string) shell_exec('command -v runuser 2>/dev/null'));
            if ($runuser === '') {
                self::markTestSkipped('running as root without runuser to drop privileges');
            }
            $prefix = [$runuser, '-u', 'nobody', '--'];
            $lib = Library::get()->path();
            [$readable] = Support::run([...$prefix, 'sh', '-c', 'test -r "$0" && test -r "$1" && test -r "$2"', self::PROBE, $lib, Library::defaultHeaderPath()]);
            if ($readable !== 0) {
                self::markTestSkipped('user nobody cannot read the repo or the library');
            }
        }
        $args = [...$prefix, $cgi, '-q', '-d', 'ffi.enable=preload', '-d', 'opcache.enable=1', '-d', 'opcache.preload=' . dirname(__DIR__) . '/preload.php', self::PROBE];
        [$code, $out, $err] = Support::run($args, self::env());
        self::assertSame(0, $code, $err);
        self::assertWorks($out, 'FFI scope PAYSEAL');
    }

    public function testScopeHeaderScript(): void
    {
        [$code, $out] = Support::run([PHP_BINARY, dirname(__DIR__) . '/scope-header.php'], self::env());
        self::assertSame(0, $code);
        self::assertStringStartsWith("#define FFI_SCOPE \"PAYSEAL\"\n#define FFI_LIB \"", $out);
        [$code, , $err] = Support::run([PHP_BINARY, dirname(__DIR__) . '/scope-header.php', '/x.so', '/nonexistent.h'], self::env());
        self::assertSame(1, $code);
        self::assertStringContainsString('/nonexistent.h', $err);
    }
}
