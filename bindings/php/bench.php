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
 * - a handle per call, as a PHP-FPM page builds one per request: a new handle from the 4096-bit
 *   key text, then the seal (Keepz: the integrator's handle, both keys; TransactPay: the public
 *   key), interleaved call by call with the same seal on a handle kept across calls. With
 *   libpayseal's key cache the new handle finds its parsed keys; without it (capacity 0, or a
 *   library before the cache) it parses them.
 *
 * Prints one line per case: "BENCH php <case> <implementation> <ops/s>", and for the paired
 * handle-per-call cases "PAIRED php <case> <kept ops/s> <per-call ops/s> <per-call/kept time>".
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

/** The median of a non-empty list. */
function median(array $values): float
{
    sort($values);
    $mid = intdiv(count($values), 2);
    return count($values) % 2 === 1 ? $values[$mid] : ($values[$mid - 1] + $values[$mid]) / 2;
}

/** Nanoseconds $f takes for $batch calls. */
function timed(callable $f, int $batch): int
{
    $start = hrtime(true);
    for ($i = 0; $i < $batch; $i++) {
        $f();
    }
    return hrtime(true) - $start;
}

/**
 * Paired timing, as payseal's Rust benches do it (cli/src/bench/paired.rs): batches of about
 * 2 ms of $kept and of $perCall, alternating which goes first, for about $seconds (at least 5
 * rounds); the median of the per-round time ratios holds on a loaded machine where absolute times
 * drift. Prints both median rates and that ratio (per-call time / kept time).
 */
function paired(string $case, float $seconds, callable $kept, callable $perCall): void
{
    $once = max(timed($kept, 1), timed($perCall, 1), 1); // also the warm-up
    $batch = max(1, min(100_000, intdiv(2_000_000, $once)));
    $keptNs = $perCallNs = $ratios = [];
    $start = hrtime(true);
    while (count($ratios) < 5 || (hrtime(true) - $start) / 1e9 < $seconds) {
        if (count($ratios) % 2 === 0) {
            $a = timed($kept, $batch);
            $b = timed($perCall, $batch);
        } else {
            $b = timed($perCall, $batch);
            $a = timed($kept, $batch);
        }
        $keptNs[] = $a / $batch;
        $perCallNs[] = $b / $batch;
        $ratios[] = $b / max($a, 1);
    }
    printf("PAIRED php %s %.1f %.1f %.3f\n", $case, 1e9 / median($keptNs), 1e9 / median($perCallNs), median($ratios));
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

// A handle per call (what a PHP-FPM page does on each request) against a handle kept: with the
// key cache, then with it off (each new handle parses its keys, as before the cache existed).
$perCall = [
    'keepz_seal_1KiB_4096' => [fn () => $keepz->seal($keepzPayload),
        fn () => Keepz::integrator($key['public_pem'], $key['private_pem'], ID)->seal($keepzPayload)],
    'transactpay_seal_100B_4096' => [fn () => $transactPay->seal($tpPayload),
        fn () => (new TransactPay($key['public_pem']))->seal($tpPayload)],
];
// PAYSEAL_BENCH_NO_CACHE_API=1: a library from before the cache (with its own PAYSEAL_PHP_HEADER).
$cacheless = getenv('PAYSEAL_BENCH_NO_CACHE_API') === '1';
foreach ($perCall as $case => [$kept, $new]) {
    if ($cacheless) {
        paired("$case/nocache", $seconds, $kept, $new); // a library without the cache
        continue;
    }
    paired("$case/cache", $seconds, $kept, $new);
    Payseal\KeyCache::setCapacity(0);
    paired("$case/nocache", $seconds, $kept, $new);
    Payseal\KeyCache::setCapacity(32);
}
