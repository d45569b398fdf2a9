<?php

/*
 * Prints the header for ffi.preload: this package's payseal_php.h with the FFI_SCOPE "PAYSEAL"
 * and FFI_LIB directives, so PHP loads libpayseal once at start-up (see preload.php and README.md).
 *
 *     php scope-header.php [/path/to/libpayseal.so [/path/to/payseal_php.h]] > payseal-ffi.h
 *
 * Without arguments the library is found as at run time (PAYSEAL_LIB, then the system loader's
 * "libpayseal.so.2", written as that bare name).
 */

declare(strict_types=1);

require_once __DIR__ . '/autoload.php';

try {
    echo Payseal\Library::scopeHeader($argv[1] ?? null, $argv[2] ?? null);
} catch (Payseal\LibraryException $e) {
    fwrite(STDERR, $e->getMessage() . "\n");
    exit(1);
}
