<?php

// A project that installed payseal/payseal with Composer: throw-away keys, a Keepz round trip,
// a typed Keepz order status (the generated classes under Payseal\Keepz\, found by Composer's
// autoloader), and a TransactPay envelope opened by PHP's own openssl (an independent
// implementation). Prints
// where the library was loaded from, for tests/install/php.sh to check.

declare(strict_types=1);

require __DIR__ . '/vendor/autoload.php';

use Payseal\Keepz;
use Payseal\Keepz\OrderStatusRequest;
use Payseal\KeyFormat;
use Payseal\Keys;
use Payseal\Library;
use Payseal\TransactPay;

$keepzKeys = Keys::generate(2048);
$ourKeys = Keys::generate(2048);
$keepz = Keepz::integrator($keepzKeys['public'], $ourKeys['private'], '1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e');
$keepzSide = Keepz::testDouble($keepzKeys['private'], $ourKeys['public']);
$order = ['integratorOrderId' => 'c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a'];
$ok = $keepz->open($keepzSide->seal($keepzSide->open($keepz->seal($order))), 200) === $order;

$prepared = $keepz->prepareOrderStatus(new OrderStatusRequest(
    integratorId: '1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e',
    integratorOrderId: $order['integratorOrderId'],
));
$status = $keepz->parseOrderStatus(200, $keepzSide->seal(['status' => 'SUCCESS']))->status;
$ok = $ok && $keepzSide->openQueryJson((string) $prepared->query) === json_encode(
    ['integratorId' => '1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e'] + $order,
) && $status->paid && $status->final && $status->known;

$gateway = Keys::generate(2048, publicFormat: KeyFormat::TransactPayBlob);
$sealed = json_decode((new TransactPay($gateway['public']))->seal(['reference' => 'ORD-1']), true);
$ok = $ok && openssl_private_decrypt(base64_decode($sealed['data']), $plain, $gateway['private'], OPENSSL_PKCS1_PADDING)
    && $plain === '{"reference":"ORD-1"}';

echo 'round trip: ', $ok ? 'ok' : 'FAILED', "\n";
echo 'library: ', Library::get()->path(), "\n";
foreach (file('/proc/self/maps') as $line) {
    if (preg_match('#\s(/\S*libpayseal\S*)$#', rtrim($line), $m)) {
        echo 'loaded from: ', $m[1], "\n";
        break;
    }
}
exit($ok ? 0 : 1);
