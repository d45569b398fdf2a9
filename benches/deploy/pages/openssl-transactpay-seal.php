<?php

// What merchants run today for TransactPay: PHP's openssl extension loads the public key on
// every request and encrypts the order as one RSA PKCS#1 v1.5 block.

declare(strict_types=1);

require __DIR__ . '/common.php';

$key = openssl_pkey_get_public(deploy_file('transactpay.pem'));
if ($key === false || !openssl_public_encrypt(transactpay_create_order(), $block, $key, OPENSSL_PKCS1_PADDING)) {
    throw new RuntimeException('openssl_public_encrypt failed');
}
header('Content-Type: application/json');
echo json_encode(['data' => base64_encode($block)]);
