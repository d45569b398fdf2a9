<?php

declare(strict_types=1);

namespace Payseal\Wire;

/**
 * A typed answer (generated from bindings/description.json): readonly properties built from the
 * normalized JSON payseal returns, where every field is present (null when absent), amounts are
 * decimal strings (Payseal\Amount here) and open statuses carry their facts (OpenEnum).
 */
abstract class Response
{
    /**
     * @internal builds it from payseal's output
     * @param mixed $wire the decoded JSON object
     */
    public static function fromWire(mixed $wire): static
    {
        return Codec::decode(static::class, $wire);
    }
}
