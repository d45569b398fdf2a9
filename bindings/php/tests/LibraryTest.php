<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Library;
use Payseal\LibraryException;
use Payseal\Status;
use PHPUnit\Framework\TestCase;

final class LibraryTest extends TestCase
{
    private ?string $savedLib = null;
    private ?string $savedHeader = null;

    protected function setUp(): void
    {
        $this->savedLib = getenv('PAYSEAL_LIB') === false ? null : (string) getenv('PAYSEAL_LIB');
        $this->savedHeader = getenv('PAYSEAL_PHP_HEADER') === false ? null : (string) getenv('PAYSEAL_PHP_HEADER');
    }

    protected function tearDown(): void
    {
        putenv($this->savedLib === null ? 'PAYSEAL_LIB' : "PAYSEAL_LIB={$this->savedLib}");
        putenv($this->savedHeader === null ? 'PAYSEAL_PHP_HEADER' : "PAYSEAL_PHP_HEADER={$this->savedHeader}");
    }

    private static function libraryPath(): string
    {
        return Library::get()->path();
    }

    public function testLoadsAndChecksTheAbiVersion(): void
    {
        $library = Library::get();
        self::assertSame(Library::ABI_VERSION, $library->abiVersion());
        self::assertSame($library, Library::get(), 'the shared instance is reused');
    }

    public function testVersionEqualsTheCrateVersion(): void
    {
        $cargo = (string) file_get_contents(Support::repoRoot() . '/Cargo.toml');
        self::assertSame(1, preg_match('/^version = "([^"]+)"/m', $cargo, $m));
        self::assertSame($m[1], Library::get()->version());
    }

    public function testTheAbiVersionEqualsTheHeaders(): void
    {
        $header = (string) file_get_contents(Support::repoRoot() . '/include/payseal.h');
        self::assertSame(1, preg_match('/#define PAYSEAL_ABI_VERSION (\d+)/', $header, $m));
        self::assertSame((int) $m[1], Library::ABI_VERSION);
    }

    public function testPaysealLibEnvironmentVariableIsUsed(): void
    {
        $path = self::libraryPath();
        if (!is_file($path)) {
            self::markTestSkipped("the library was not loaded from a file ($path)");
        }
        putenv("PAYSEAL_LIB=$path");
        self::assertSame($path, Library::open()->path());
        putenv('PAYSEAL_LIB=/nonexistent/libpayseal.so');
        try {
            Library::open();
            self::fail('PAYSEAL_LIB was ignored');
        } catch (LibraryException $e) {
            self::assertStringContainsString('/nonexistent/libpayseal.so', $e->getMessage());
        }
    }

    public function testAnExplicitPathWinsOverTheEnvironment(): void
    {
        $path = self::libraryPath();
        if (!is_file($path)) {
            self::markTestSkipped("the library was not loaded from a file ($path)");
        }
        putenv('PAYSEAL_LIB=/nonexistent/libpayseal.so');
        self::assertSame($path, Library::open($path)->path());
    }

    public function testTheDefaultIsTheInstalledLibraryOfThisAbiThroughTheSystemLoader(): void
    {
        // A bare, versioned name: dlopen() searches LD_LIBRARY_PATH and ldconfig's directories.
        $abi = Library::ABI_VERSION;
        $expected = PHP_OS_FAMILY === 'Darwin' ? "libpayseal.$abi.dylib" : "libpayseal.so.$abi";
        self::assertSame($expected, Library::defaultLibraryPath());
        self::assertStringNotContainsString('/', Library::defaultLibraryPath());
        // The declarations come with the package, not from the repository around it.
        self::assertSame(dirname(__DIR__) . '/payseal_php.h', Library::defaultHeaderPath());
        self::assertFileExists(Library::defaultHeaderPath());
    }

    public function testWithoutAPathTheSystemLoaderIsAskedForTheVersionedName(): void
    {
        // This run's library sits in no directory the loader searches (no LD_LIBRARY_PATH is set
        // by test.sh), so the default fails, and says what it looked for and what to do.
        $dir = sys_get_temp_dir() . '/payseal-nonexistent-' . getmypid();
        [$code, $out] = Support::run(
            [PHP_BINARY, '-d', 'ffi.enable=1', '-r', 'require $argv[1]; '
                . 'try { Payseal\Library::open(); echo "loaded"; } '
                . 'catch (Payseal\LibraryException $e) { echo $e->getMessage(); }', dirname(__DIR__) . '/autoload.php'],
            array_diff_key(getenv(), ['PAYSEAL_LIB' => 1, 'LD_LIBRARY_PATH' => 1]) + ['LD_LIBRARY_PATH' => $dir],
        );
        self::assertSame(0, $code);
        if ($out === 'loaded') {
            self::markTestSkipped('this machine has libpayseal installed where the loader looks');
        }
        self::assertStringContainsString("cannot load libpayseal from '" . Library::defaultLibraryPath() . "'", $out);
        self::assertStringContainsString('PAYSEAL_LIB', $out);
    }

    public function testAMissingLibraryIsALibraryException(): void
    {
        try {
            Library::open('/nonexistent/libpayseal.so');
            self::fail('no exception');
        } catch (LibraryException $e) {
            self::assertSame(Status::LIBRARY, $e->getStatus());
            self::assertSame('Library', $e->getStatusName());
            self::assertStringContainsString('PAYSEAL_LIB', $e->getMessage());
            self::assertInstanceOf(\FFI\Exception::class, $e->getPrevious());
        }
    }

    public function testAMissingHeaderIsALibraryException(): void
    {
        $this->expectException(LibraryException::class);
        $this->expectExceptionMessage('PAYSEAL_PHP_HEADER');
        Library::open(self::libraryPath(), '/nonexistent/payseal_php.h');
    }

    public function testTheHeaderPathCanBeOverridden(): void
    {
        $copy = tempnam(sys_get_temp_dir(), 'payseal-h-');
        copy(Library::defaultHeaderPath(), $copy);
        try {
            putenv("PAYSEAL_PHP_HEADER=$copy");
            self::assertSame(Library::ABI_VERSION, Library::open(self::libraryPath())->abiVersion());
            putenv('PAYSEAL_PHP_HEADER=/nonexistent/payseal_php.h');
            $this->expectException(LibraryException::class);
            Library::open(self::libraryPath());
        } finally {
            unlink($copy);
        }
    }

    public function testALibraryThatIsNotPaysealIsRefused(): void
    {
        $header = tempnam(sys_get_temp_dir(), 'payseal-h-');
        file_put_contents($header, "uint32_t payseal_abi_version(void);\n");
        try {
            $this->expectException(LibraryException::class);
            Library::open('libc.so.6', $header);
        } finally {
            unlink($header);
        }
    }

    public function testAnotherAbiVersionIsRefused(): void
    {
        $dir = Support::fakeLibrary(1);
        try {
            Library::open("$dir/libfake.so", "$dir/fake.h");
            self::fail('ABI version 1 accepted');
        } catch (LibraryException $e) {
            self::assertStringContainsString('C ABI version 1; this binding needs version 2', $e->getMessage());
        } finally {
            Support::removeDir($dir);
        }
    }

    public function testStatusTextsComeFromTheLibrary(): void
    {
        $library = Library::get();
        foreach (array_keys(Status::NAMES) as $status) {
            self::assertNotSame('', $library->statusText($status), "status $status");
        }
        self::assertStringContainsString('cannot be opened', $library->statusText(Status::CANNOT_OPEN));
        self::assertNotSame('', $library->statusText(12345));
    }

    public function testScopeHeaderCarriesTheFfiDirectives(): void
    {
        $text = Library::scopeHeader(self::libraryPath());
        self::assertStringStartsWith("#define FFI_SCOPE \"PAYSEAL\"\n#define FFI_LIB \"", $text);
        self::assertStringContainsString('payseal_abi_version', $text);
    }
}
