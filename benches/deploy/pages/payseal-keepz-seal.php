<?php

// payseal: build the integrator's handle (Keepz's 4096-bit public key, the integrator's 4096-bit
// private key) and seal a create-order request, as a page does on every request.

declare(strict_types=1);

require __DIR__ . '/common.php';
require __DIR__ . '/../../../bindings/php/autoload.php';

$keepz = Payseal\Keepz::integrator(deploy_file('keepz.spki.b64'), deploy_file('integrator.pkcs8.pem'), INTEGRATOR_ID);
header('Content-Type: application/json');
echo $keepz->seal(keepz_create_order());
