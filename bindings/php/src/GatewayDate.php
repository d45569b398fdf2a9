<?php

declare(strict_types=1);

namespace Payseal;

/**
 * A date as TransactPay sent it (`raw`, e.g. "2024-03-31T14:05:46.37") and as payseal read it
 * (`value`, "yyyy-MM-dd HH:mm:ss"; null for .NET's 0001-01-01T00:00:00 or unreadable text).
 */
final class GatewayDate
{
    public function __construct(
        public readonly string $raw,
        public readonly ?string $value,
    ) {
    }
}
