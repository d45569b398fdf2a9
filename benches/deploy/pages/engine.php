<?php

// What a pool runs with, for the script's checks: whether the gmp extension is loaded, which
// engine phpseclib3 picked, FFI's mode and where libpayseal came from.

declare(strict_types=1);

require_once '/usr/share/php/phpseclib3/autoload.php';
require __DIR__ . '/../../../bindings/php/autoload.php';

header('Content-Type: application/json');
echo json_encode([
    'gmp' => extension_loaded('gmp'),
    'phpseclib_engine' => phpseclib3\Math\BigInteger::getEngine()[0],
    'ffi_enable' => ini_get('ffi.enable'),
    'payseal_library' => Payseal\Library::get()->path(),
    'opcache' => function_exists('opcache_get_status') && (opcache_get_status(false)['opcache_enabled'] ?? false),
]);
