<?php

declare(strict_types=1);

namespace Payseal\Wire;

/**
 * A typed gateway request (generated from bindings/description.json): its properties are the
 * request's fields, FIELDS maps each wire name to its property. It becomes the JSON payseal's
 * prepare functions read, with the gateway's own field names; null optional fields are left out.
 * Every check (UUIDs, amounts, phone numbers, card checksums, …) is the Rust core's.
 */
abstract class Request implements \JsonSerializable
{
    /** @return array<string, mixed>|\stdClass */
    public function jsonSerialize(): array|\stdClass
    {
        return Codec::encode($this);
    }
}
