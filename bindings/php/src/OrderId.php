<?php

declare(strict_types=1);

namespace Payseal;

use FFI\CData;

/** A fresh order id: a UUID v4 from the OS CSPRNG (payseal_new_order_id), for integratorOrderId. */
final class OrderId
{
    private function __construct()
    {
    }

    /** @throws PaysealException */
    public static function generate(?Library $library = null): string
    {
        $lib = $library ?? Library::get();
        return $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_new_order_id($out, $error));
    }
}
