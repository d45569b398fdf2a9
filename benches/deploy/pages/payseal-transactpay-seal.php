<?php

// payseal: build the TransactPay handle from the dashboard's encryption key and seal an order.

declare(strict_types=1);

require __DIR__ . '/common.php';
require __DIR__ . '/../../../bindings/php/autoload.php';

$transactPay = new Payseal\TransactPay(deploy_file('transactpay.key'));
header('Content-Type: application/json');
echo $transactPay->seal(transactpay_create_order());
