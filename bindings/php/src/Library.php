<?php

declare(strict_types=1);

namespace Payseal;

use FFI;
use FFI\CData;

/**
 * The loaded libpayseal: one FFI instance, its path, and the one routine every call goes through
 * (output and error buffers allocated, the status turned into an exception, both buffers freed).
 *
 * Where the library comes from, first match wins:
 *  1. the path given to {@see Library::load()} or {@see Library::open()};
 *  2. the FFI scope "PAYSEAL", when the server declared one at start-up (preload.php or
 *     ffi.preload; it was itself made from PAYSEAL_LIB or the default below);
 *  3. the PAYSEAL_LIB environment variable;
 *  4. the installed library of this binding's C ABI version, by its OS name
 *     ({@see Library::defaultLibraryPath()}: libpayseal.so.2 on Linux), which the dynamic loader
 *     finds by its own rules (LD_LIBRARY_PATH, then the directories ldconfig knows).
 * Nothing is looked up relative to this package: installed by Composer, it sits in vendor/.
 *
 * The C declarations are this package's own payseal_php.h (generated from payseal.h, the
 * library's header), read at load time; PAYSEAL_PHP_HEADER or the second argument of load()
 * names another copy.
 *
 * Every class takes an optional Library; without one they share {@see Library::get()}.
 */
final class Library
{
    /** The C ABI version this binding was written against (PAYSEAL_ABI_VERSION). */
    public const ABI_VERSION = 2;

    /** The FFI scope preload.php declares with FFI::load(). */
    public const FFI_SCOPE = 'PAYSEAL';

    /** What {@see path()} says of a library taken from the FFI scope. */
    private const SCOPE_PATH = 'FFI scope ' . self::FFI_SCOPE;

    /** Directions of a call, for the exception a status becomes (see Status::exception()). */
    public const OPENING = 0;
    public const SEALING = 1;

    private static ?Library $shared = null;

    private function __construct(
        /** @internal */
        public readonly FFI $ffi,
        private readonly string $path,
    ) {
    }

    /**
     * Loads libpayseal (and makes it the shared instance used by classes given no Library).
     *
     * @param string|null $libraryPath the library to load; null: the preloaded scope, PAYSEAL_LIB,
     *                                 then the installed libpayseal.so.2 (by the system loader)
     * @param string|null $headerPath  the flattened header; null: PAYSEAL_PHP_HEADER, then this
     *                                 package's payseal_php.h
     *
     * @throws LibraryException when FFI is unavailable, a file is missing, or the ABI differs
     */
    public static function load(?string $libraryPath = null, ?string $headerPath = null): self
    {
        return self::$shared = self::open($libraryPath, $headerPath);
    }

    /**
     * Loads libpayseal without making it the shared instance (say, to compare two builds).
     *
     * @throws LibraryException
     */
    public static function open(?string $libraryPath = null, ?string $headerPath = null): self
    {
        if ($libraryPath === null && $headerPath === null && class_exists(Preload\ScopeChecked::class, false)) {
            // preload.php checked the scope's library when the server started, and a scope lives
            // as long as the server (preload/ScopeChecked.php): nothing to check per request.
            return new self(FFI::scope(self::FFI_SCOPE), self::SCOPE_PATH);
        }
        self::requireFfi();
        if ($libraryPath === null && $headerPath === null) {
            $scoped = self::fromScope();
            if ($scoped !== null) {
                return $scoped;
            }
        }
        $libraryPath ??= self::env('PAYSEAL_LIB') ?? self::defaultLibraryPath();
        $header = self::readHeader($headerPath ?? self::env('PAYSEAL_PHP_HEADER') ?? self::defaultHeaderPath());
        try {
            $ffi = FFI::cdef($header, $libraryPath);
        } catch (\FFI\Exception | \FFI\ParserException $e) {
            $hint = strtolower((string) ini_get('ffi.enable')) === 'preload' && PHP_SAPI !== 'cli'
                ? 'ffi.enable=preload outside the CLI allows FFI only in preloaded code: set '
                    . 'opcache.preload=' . self::preloadScript() . ', or ffi.enable=true (see README.md)'
                : 'install libpayseal (payseal\'s scripts/install.sh or release archive; ldconfig, or '
                    . 'LD_LIBRARY_PATH for a prefix the loader does not search), or set PAYSEAL_LIB to its path';
            throw new LibraryException("cannot load libpayseal from '$libraryPath': {$e->getMessage()}; $hint", $e);
        }
        return self::checked(new self($ffi, $libraryPath));
    }

    /** The shared instance, loaded on first use with the defaults of {@see Library::load()}. */
    public static function get(): self
    {
        return self::$shared ??= self::open();
    }

    /**
     * The default library: the installed library of the C ABI this binding speaks, under the
     * OS's name for it (the SONAME on Linux and the BSDs, the install name on macOS), as a bare
     * name for the system loader to find. The unversioned libpayseal.so is a link for linkers,
     * installed only with development files, and may be of another ABI.
     */
    public static function defaultLibraryPath(): string
    {
        return match (PHP_OS_FAMILY) {
            'Darwin' => 'libpayseal.' . self::ABI_VERSION . '.dylib',
            'Windows' => 'payseal.dll',
            default => 'libpayseal.so.' . self::ABI_VERSION,
        };
    }

    /** The default header path: this package's payseal_php.h. */
    public static function defaultHeaderPath(): string
    {
        return dirname(__DIR__) . '/payseal_php.h';
    }

    /** Where the library was loaded from ("FFI scope PAYSEAL" when preloaded). */
    public function path(): string
    {
        return $this->path;
    }

    /** The library version ("0.1.0"). */
    public function version(): string
    {
        return $this->ffi->payseal_version();
    }

    /** The C ABI version of the loaded library. */
    public function abiVersion(): int
    {
        return $this->ffi->payseal_abi_version();
    }

    /**
     * payseal_describe: the library's description of its operations, objects, enums and statuses
     * as JSON text (what bindings/description.json holds; generate.php reads it).
     */
    public function description(): string
    {
        return $this->call(fn (CData $out, CData $error): int => $this->ffi->payseal_describe($out, $error));
    }

    /** payseal's own description of a status code. */
    public function statusText(int $status): string
    {
        if ($status < 0) {
            return Status::name($status);
        }
        return $this->ffi->payseal_status_text($status);
    }

    // ------------------------------------------------------------------ internals of the binding

    /**
     * Runs one C call that writes an output buffer and an error buffer, and frees both whatever
     * happens. Returns the output as a PHP string ('' when payseal wrote an empty one).
     *
     * @internal
     * @param \Closure(CData $out, CData $error): int $call receives pointers to the two buffers
     * @param int $direction Library::OPENING or Library::SEALING (only picks the exception class)
     * @throws PaysealException for every status but OK
     */
    public function call(\Closure $call, int $direction = self::OPENING): string
    {
        $out = $this->ffi->new('payseal_buffer');
        $error = $this->ffi->new('payseal_buffer');
        try {
            $status = $call(FFI::addr($out), FFI::addr($error));
            $output = $this->take($out);
            if ($status === Status::OK) {
                return $output;
            }
            $message = $this->take($error);
            if ($message === '') {
                $message = $this->statusText($status);
            }
            throw Status::exception($status, $message, $output, $direction);
        } finally {
            $this->ffi->payseal_buffer_free(FFI::addr($out));
            $this->ffi->payseal_buffer_free(FFI::addr($error));
        }
    }

    /**
     * Calls a handle's one-input function, $function(handle, input, input_len, out, error):
     * payseal_keepz_open_query, payseal_transactpay_open.
     *
     * @internal
     */
    public function callWithInput(string $function, CData $handle, string $input, int $direction = self::OPENING): string
    {
        $bytes = $this->bytes($input);
        return $this->call(fn (CData $out, CData $error): int => $this->ffi->$function(
            $handle,
            $bytes,
            strlen($input),
            $out,
            $error,
        ), $direction);
    }

    /**
     * Copies a PHP string into memory payseal can read (PHP FFI passes strings only as char *);
     * null for the empty string, which the ABI takes as (NULL, 0). Wipe it with {@see wipe()}.
     *
     * @internal
     */
    public function bytes(string $text): ?CData
    {
        $length = strlen($text);
        if ($length === 0) {
            return null;
        }
        $copy = $this->ffi->new("uint8_t[$length]");
        FFI::memcpy($copy, $text, $length);
        return $copy;
    }

    /**
     * Zeroes a copy made by {@see bytes()} (payloads and keys are secrets).
     *
     * @internal
     */
    public function wipe(?CData $copy): void
    {
        if ($copy !== null) {
            FFI::memset($copy, 0, FFI::sizeof($copy));
        }
    }

    /**
     * Makes an empty C value of a declared type (`payseal_keepz *`, `payseal_keepz_options`).
     *
     * @internal
     */
    public function make(string $type): CData
    {
        return $this->ffi->new($type);
    }

    /** @internal */
    public static function isNull(?CData $pointer): bool
    {
        return $pointer === null || FFI::isNull($pointer);
    }

    /** @internal */
    public static function addr(CData $value): CData
    {
        return FFI::addr($value);
    }

    /**
     * The header text for ffi.preload: the flattened header with the FFI_SCOPE "PAYSEAL" and
     * FFI_LIB directives FFI reads from its first lines. scope-header.php prints it.
     *
     * @throws LibraryException
     */
    public static function scopeHeader(?string $libraryPath = null, ?string $headerPath = null): string
    {
        $libraryPath ??= self::env('PAYSEAL_LIB') ?? self::defaultLibraryPath();
        $real = realpath($libraryPath);
        if ($real !== false) {
            $libraryPath = $real;
        }
        if (str_contains($libraryPath, '"') || str_contains($libraryPath, "\n")) {
            throw new LibraryException("unusable library path for an FFI header: $libraryPath");
        }
        $header = self::readHeader($headerPath ?? self::env('PAYSEAL_PHP_HEADER') ?? self::defaultHeaderPath());
        return '#define FFI_SCOPE "' . self::FFI_SCOPE . "\"\n#define FFI_LIB \"$libraryPath\"\n" . $header;
    }

    /**
     * Declares the FFI scope "PAYSEAL" with FFI::load(), from inside an opcache preload script
     * (preload.php): libpayseal is then loaded and its header parsed once, at server start.
     * Returns false, declaring nothing, where PHP forbids FFI::load() (preloading as root with
     * opcache.preload_user: use ffi.preload with the output of scope-header.php instead).
     *
     * @throws LibraryException the library cannot be loaded
     */
    public static function preload(?string $libraryPath = null, ?string $headerPath = null): bool
    {
        self::requireFfi();
        $text = self::scopeHeader($libraryPath, $headerPath);
        $file = tempnam(sys_get_temp_dir(), 'payseal-ffi-');
        if ($file === false) {
            throw new LibraryException('cannot create a temporary header for FFI::load()');
        }
        try {
            file_put_contents($file, $text);
            try {
                $ffi = FFI::load($file);
            } catch (\FFI\Exception | \FFI\ParserException $e) {
                if (str_contains($e->getMessage(), 'opcache.preload_user')) {
                    return false;
                }
                throw new LibraryException("cannot preload libpayseal: {$e->getMessage()}", $e);
            }
            if ($ffi === null) {
                throw new LibraryException('cannot preload libpayseal: FFI::load() failed');
            }
            self::checked(new self($ffi, self::SCOPE_PATH));
            return true;
        } finally {
            @unlink($file);
        }
    }

    /**
     * For preload.php: whether the FFI scope "PAYSEAL" exists and its library speaks this
     * binding's C ABI. False when there is no scope, or FFI is off, or the check fails (each
     * request then checks again and throws the LibraryException that says why).
     *
     * @internal
     */
    public static function checkPreloadedScope(): bool
    {
        if (!extension_loaded('ffi')) {
            return false;
        }
        try {
            self::checked(new self(FFI::scope(self::FFI_SCOPE), self::SCOPE_PATH));
            return true;
        } catch (\FFI\Exception | LibraryException) {
            return false;
        }
    }

    private static function fromScope(): ?self
    {
        if ((string) ini_get('opcache.preload') === '' && (string) ini_get('ffi.preload') === '') {
            return null;
        }
        try {
            $ffi = FFI::scope(self::FFI_SCOPE);
        } catch (\FFI\Exception) {
            return null;
        }
        return self::checked(new self($ffi, self::SCOPE_PATH));
    }

    private static function checked(self $library): self
    {
        try {
            $abi = $library->abiVersion();
        } catch (\FFI\Exception $e) {
            throw new LibraryException("'{$library->path}' is not libpayseal: {$e->getMessage()}", $e);
        }
        if ($abi !== self::ABI_VERSION) {
            throw new LibraryException(sprintf(
                "libpayseal at '%s' has C ABI version %d; this binding needs version %d",
                $library->path,
                $abi,
                self::ABI_VERSION,
            ));
        }
        return $library;
    }

    /**
     * Copies a payseal buffer into a PHP string ('' when empty); the caller still frees it.
     *
     * @internal
     */
    public function take(CData $buffer): string
    {
        if (FFI::isNull($buffer->data) || $buffer->len === 0) {
            return '';
        }
        return FFI::string($buffer->data, $buffer->len);
    }

    private static function readHeader(string $path): string
    {
        if (!is_file($path) || !is_readable($path)) {
            throw new LibraryException(
                "cannot read the payseal FFI header '$path'; set PAYSEAL_PHP_HEADER "
                . 'to the path of payseal_php.h (it comes with this package)',
            );
        }
        $header = file_get_contents($path);
        if ($header === false || $header === '') {
            throw new LibraryException("cannot read the payseal FFI header '$path'");
        }
        return $header;
    }

    private static function requireFfi(): void
    {
        if (!extension_loaded('ffi')) {
            throw new LibraryException('the PHP FFI extension is not loaded (Debian: php8.2-cli ships it)');
        }
        $mode = strtolower((string) ini_get('ffi.enable'));
        if (in_array($mode, ['0', '', 'false', 'off', 'no'], true)) {
            throw new LibraryException(
                'FFI is disabled (ffi.enable=' . ini_get('ffi.enable') . '): set ffi.enable=true, or '
                . 'ffi.enable=preload with opcache.preload=' . self::preloadScript() . ' (see README.md)',
            );
        }
    }

    /** This package's preload.php, wherever the package was installed. */
    private static function preloadScript(): string
    {
        return dirname(__DIR__) . '/preload.php';
    }

    private static function env(string $name): ?string
    {
        $value = getenv($name);
        return $value === false || $value === '' ? null : $value;
    }
}
