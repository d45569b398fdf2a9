<?php

// What merchants run today for a Keepz callback: phpseclib3 loads the integrator's private key on
// every request and unwraps the AES key and IV (RSA-OAEP-SHA-256); openssl_decrypt opens the data.

declare(strict_types=1);

require __DIR__ . '/common.php';
require_once '/usr/share/php/phpseclib3/autoload.php';

use phpseclib3\Crypt\PublicKeyLoader;
use phpseclib3\Crypt\RSA;

$envelope = json_decode((string) file_get_contents('php://input'), true, 8, JSON_THROW_ON_ERROR);
$rsa = PublicKeyLoader::load(deploy_file('integrator.pkcs8.pem'))
    ->withPadding(RSA::ENCRYPTION_OAEP)->withHash('sha256')->withMGFHash('sha256');
[$key, $iv] = array_map(
    static fn (string $part): string => (string) base64_decode($part, true),
    explode('.', $rsa->decrypt((string) base64_decode($envelope['encryptedKeys'], true)), 2),
);
$json = openssl_decrypt((string) base64_decode($envelope['encryptedData'], true), 'aes-256-cbc', $key, OPENSSL_RAW_DATA, $iv);
if ($json === false) {
    throw new RuntimeException('the callback does not open');
}
$callback = json_decode($json, true, 32, JSON_THROW_ON_ERROR);   // what the page acts on
header('Content-Type: application/json');
echo $json;
