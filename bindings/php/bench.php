<?php

/**
 * Benchmark, not a test: the PHP binding against PHP's own ways of building the same envelopes,
 * with the 4096-bit vector key. Run it with scripts/bench-bindings.sh (which adds the
 * Rust-native figure), or alone:
 *
 *     PAYSEAL_LIB=/path/to/libpayseal.so php bindings/php/bench.php [seconds per case, default 2]
 *
 * - Keepz (1 KiB payload): phpseclib3 for RSA-OAEP-SHA-256 (PHP's openssl_* functions have no
 *   OAEP with SHA-256) and openssl_encrypt/openssl_decrypt for AES-256-CBC;
 * - TransactPay (100 B): openssl_public_encrypt with PKCS#1 v1.5.
 *
 * Prints one line per case: "BENCH php <case> <implementation> <ops/s>".
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';
require_once getenv('PHPSECLIB3_AUTOLOAD') ?: '/usr/share/php/phpseclib3/autoload.php';

use Payseal\Keepz;
use Payseal\TransactPay;
use phpseclib3\Crypt\PublicKeyLoader;
use phpseclib3\Crypt\RSA;

const ID = '1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e';

$seconds = (float) ($argv[1] ?? 2.0);
$vectors = json_decode(file_get_contents(__DIR__ . '/../../tests/vectors/keys.json'), true);
$key = $vectors['rsa4096'];

/** A compact JSON object of exactly $n bytes. */
function payload(int $n): string
{
    $head = '{"reference":"ORD-1001","note":"';
    return $head . str_repeat('a', $n - strlen($head) - 2) . '"}';
}

/** Runs $f for about $seconds (at least 3 calls) and prints its ops/s. */
function bench(string $case, string $impl, float $seconds, callable $f): void
{
    $f(); // warm up
    $n = 0;
    $start = hrtime(true);
    do {
        $f();
        $n++;
        $elapsed = (hrtime(true) - $start) / 1e9;
    } while ($elapsed < $seconds || $n < 3);
    printf("BENCH php %s %s %.1f\n", $case, $impl, $n / $elapsed);
}

$keepzPayload = payload(1024);
$keepz = new Keepz(sealTo: $key['public_pem'], openWith: $key['private_pem'], identifier: ID);
$body = $keepz->seal($keepzPayload);

$oaepPublic = PublicKeyLoader::load($key['public_pem'])
    ->withPadding(RSA::ENCRYPTION_OAEP)->withHash('sha256')->withMGFHash('sha256');
$oaepPrivate = PublicKeyLoader::load($key['private_pem'])
    ->withPadding(RSA::ENCRYPTION_OAEP)->withHash('sha256')->withMGFHash('sha256');

$hostSeal = static function () use ($oaepPublic, $keepzPayload): string {
    $aesKey = random_bytes(32);
    $iv = random_bytes(16);
    $keys = $oaepPublic->encrypt(base64_encode($aesKey) . '.' . base64_encode($iv));
    return json_encode([
        'identifier' => ID,
        'encryptedData' => base64_encode(openssl_encrypt($keepzPayload, 'aes-256-cbc', $aesKey, OPENSSL_RAW_DATA, $iv)),
        'encryptedKeys' => base64_encode($keys),
        'aes' => true,
    ]);
};
$hostOpen = static function () use ($oaepPrivate, $body): string {
    $envelope = json_decode($body, true);
    $keyString = $oaepPrivate->decrypt(base64_decode($envelope['encryptedKeys'], true));
    [$aesKey, $iv] = array_map(fn ($part) => base64_decode($part, true), explode('.', $keyString));
    return openssl_decrypt(base64_decode($envelope['encryptedData'], true), 'aes-256-cbc', $aesKey, OPENSSL_RAW_DATA, $iv);
};
if ($hostOpen() !== $keepzPayload || $keepz->openJson($hostSeal(), 200) !== $keepzPayload) {
    fwrite(STDERR, "bench.php: the host implementation does not interoperate\n");
    exit(1);
}

bench('keepz_seal_1KiB_4096', 'payseal', $seconds, fn () => $keepz->seal($keepzPayload));
bench('keepz_seal_1KiB_4096', 'phpseclib3', $seconds, $hostSeal);
bench('keepz_open_1KiB_4096', 'payseal', $seconds, fn () => $keepz->openJson($body, 200));
bench('keepz_open_1KiB_4096', 'phpseclib3', $seconds, $hostOpen);

$tpPayload = payload(100);
$transactPay = new TransactPay($key['public_pem']);
$opensslPublic = openssl_pkey_get_public($key['public_pem']);
bench('transactpay_seal_100B_4096', 'payseal', $seconds, fn () => $transactPay->seal($tpPayload));
bench('transactpay_seal_100B_4096', 'openssl_public_encrypt', $seconds, static function () use ($opensslPublic, $tpPayload): string {
    openssl_public_encrypt($tpPayload, $block, $opensslPublic, OPENSSL_PKCS1_PADDING);
    return json_encode(['data' => base64_encode($block)]);
});
