<?php

/*
 * Shared by the deployment benchmark's pages (scripts/bench-deploy.sh serves them with nginx and
 * PHP-FPM): where the keys are, and the payloads. Every page reads its key files on every
 * request, as a merchant's page does when it builds its handle per request; the payloads are
 * fixed JSON text, so that every implementation encrypts the same bytes and the script can check
 * what each page produced.
 */

declare(strict_types=1);

/** The integrator id Keepz issued (the sealed requests carry it). */
const INTEGRATOR_ID = '1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e';

/** A file of the benchmark's working directory (keys, made by the script). */
function deploy_file(string $name): string
{
    $dir = getenv('PAYSEAL_DEPLOY_DIR');
    $text = $dir === false ? false : file_get_contents("$dir/$name");
    if ($text === false) {
        throw new RuntimeException("cannot read $name (PAYSEAL_DEPLOY_DIR=$dir)");
    }
    return $text;
}

/** A Keepz create-order request, as JSON text (money exact: written as digits). */
function keepz_create_order(): string
{
    return '{"amount":12.50,"receiverId":"7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c","receiverType":"BRANCH",'
        . '"integratorId":"' . INTEGRATOR_ID . '","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a",'
        . '"currency":"GEL","language":"EN","successRedirectUri":"https://shop.example/paid",'
        . '"failRedirectUri":"https://shop.example/failed","callbackUri":"https://shop.example/keepz/callback"}';
}

/** A TransactPay create-order request, as JSON text (under the 501-byte limit of 4096-bit keys). */
function transactpay_create_order(): string
{
    return '{"customer":{"firstname":"Ada","lastname":"Obi","mobile":"+2348012345678","country":"NG",'
        . '"email":"ada@example.com"},"order":{"amount":20000,"reference":"ORD-1001",'
        . '"description":"Order 1001","currency":"NGN"},"payment":{"RedirectUrl":"https://shop.example/return"}}';
}
