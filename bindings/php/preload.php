<?php

/*
 * opcache preload script: makes this binding work under PHP-FPM (or any SAPI but the CLI) with
 * ffi.enable=preload, Debian's default, where only preloaded code may use the FFI API.
 *
 *     opcache.enable=1
 *     opcache.preload=/path/to/app/vendor/payseal/payseal/preload.php
 *     opcache.preload_user=www-data   ; required when the FPM master runs as root
 *     ffi.enable=preload
 *     ; optional, see below:
 *     ; ffi.preload=/etc/php/8.2/payseal-ffi.h
 *
 * It does three things:
 *  1. compiles every Payseal class into opcache. Every FFI call of this binding lives in these
 *     classes, so they may use FFI under ffi.enable=preload; code outside them never touches FFI.
 *  2. declares the FFI scope "PAYSEAL" with FFI::load(), so libpayseal is loaded and its header
 *     parsed once, at server start, instead of on each request's first use. PHP refuses
 *     FFI::load() when preloading runs as root with opcache.preload_user (the usual FPM setup);
 *     there, get the same effect with ffi.preload and a header written by scope-header.php:
 *
 *         php bindings/php/scope-header.php > /etc/php/8.2/payseal-ffi.h
 *
 *     Without either, Library::get() loads the library with FFI::cdef() on each request's first
 *     use, which preloaded code may do.
 *  3. checks the C ABI version of the scope's library once, here, so that Library::get() takes
 *     the scope in each request without calling into the library (preload/ScopeChecked.php).
 *
 * The library is found as at run time (PAYSEAL_LIB, then the installed libpayseal.so.2 by the
 * system loader); PAYSEAL_LIB must be in the environment of the FPM master, not of a pool.
 *
 * The simplest alternative needs no preloading at all: ffi.enable=true.
 *
 * Restart PHP-FPM after rebuilding libpayseal or changing this binding.
 */

declare(strict_types=1);

require_once __DIR__ . '/autoload.php';

// Every file of src/, sub-namespaces included (Payseal\Keepz\…, Payseal\Wire\…), by its PSR-4 name.
$files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator(__DIR__ . '/src', FilesystemIterator::SKIP_DOTS));
foreach ($files as $file) {
    $relative = substr($file->getPathname(), strlen(__DIR__ . '/src/'), -strlen('.php'));
    $name = 'Payseal\\' . str_replace('/', '\\', $relative);
    if (!class_exists($name) && !interface_exists($name) && !enum_exists($name) && !trait_exists($name)) {
        require_once $file->getPathname();
    }
}

if ((string) ini_get('ffi.preload') === '') {
    Payseal\Library::preload();
}

// The C ABI check of the scope's library, once for the server instead of in every request: the
// scope cannot change until the server restarts (preload/ScopeChecked.php says why). A library
// that fails the check leaves the marker undeclared, and each request then checks it and throws
// the LibraryException that names the versions, as without preloading.
if (Payseal\Library::checkPreloadedScope()) {
    require_once __DIR__ . '/preload/ScopeChecked.php';
}
