<?php

// What merchants run today, as the Keepz PHP SDK does it: phpseclib3 loads Keepz's public key on
// every request and wraps the AES key and IV with RSA-OAEP-SHA-256 (MGF1-SHA-256); the payload is
// encrypted with AES-256-CBC by PHP's openssl extension; the envelope is put together by hand.
// phpseclib uses GMP when the gmp extension is loaded, else its pure-PHP engine (the no-GMP pool).

declare(strict_types=1);

require __DIR__ . '/common.php';
require_once '/usr/share/php/phpseclib3/autoload.php';

use phpseclib3\Crypt\PublicKeyLoader;
use phpseclib3\Crypt\RSA;

$rsa = PublicKeyLoader::load(deploy_file('keepz.spki.b64'))
    ->withPadding(RSA::ENCRYPTION_OAEP)->withHash('sha256')->withMGFHash('sha256');
$key = random_bytes(32);
$iv = random_bytes(16);
$data = openssl_encrypt(keepz_create_order(), 'aes-256-cbc', $key, OPENSSL_RAW_DATA, $iv);
header('Content-Type: application/json');
echo json_encode([
    'identifier' => INTEGRATOR_ID,
    'encryptedData' => base64_encode($data),
    'encryptedKeys' => base64_encode($rsa->encrypt(base64_encode($key) . '.' . base64_encode($iv))),
    'aes' => true,
]);
