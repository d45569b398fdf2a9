<?php

// payseal: build the integrator's handle and open the Keepz callback POSTed to the page.

declare(strict_types=1);

require __DIR__ . '/common.php';
require __DIR__ . '/../../../bindings/php/autoload.php';

$keepz = Payseal\Keepz::integrator(deploy_file('keepz.spki.b64'), deploy_file('integrator.pkcs8.pem'), INTEGRATOR_ID);
$json = $keepz->openJson((string) file_get_contents('php://input'));
$callback = json_decode($json, true, 32, JSON_THROW_ON_ERROR);   // what the page acts on
header('Content-Type: application/json');
echo $json;
