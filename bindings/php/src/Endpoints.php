<?php

declare(strict_types=1);

namespace Payseal;

use FFI\CData;

/** Where each operation goes, so hosts need not hard-code paths. payseal does no HTTP. */
final class Endpoints
{
    private function __construct()
    {
    }

    /**
     * The endpoint of an operation.
     *
     *  - Keepz: ["gateway" => "keepz", "method" => "GET", "path" => "/api/integrator/order/status",
     *    "placement" => "body"|"query"] (seal() for "body", sealQuery() for "query");
     *  - TransactPay: ["gateway" => "transactpay", "method" => "POST", "path" => …,
     *    "encrypted" => bool, "apiKey" => "public"|"secret"].
     *
     * @param string $gateway   "keepz" or "transactpay"
     * @param string $operation "create_order", "order_status", "refund", ...
     * @return array<string, mixed>
     * @throws InvalidInputException an unknown gateway or operation
     */
    public static function get(string $gateway, string $operation, ?Library $library = null): array
    {
        $lib = $library ?? Library::get();
        $gatewayBytes = $lib->bytes($gateway);
        $operationBytes = $lib->bytes($operation);
        return Json::decode($lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_endpoint(
            $gatewayBytes,
            strlen($gateway),
            $operationBytes,
            strlen($operation),
            $out,
            $error,
        ), Library::SEALING));
    }
}
