<?php

declare(strict_types=1);

namespace Payseal\Wire;

/**
 * A gateway value from an open set (a Keepz order status, a TransactPay status id) as payseal
 * read it: the raw `value` always, `known` whether payseal knows it, and the facts payseal
 * derives from it (`final`, `paid`) as properties of the subclass — all false for a value payseal
 * does not know. A PHP enum cannot hold a value it does not list, so these are value objects;
 * their known values are the subclass's constants (OrderStatus::SUCCESS, StatusId::SUCCESSFUL).
 *
 * The facts come from the Rust core's answer; the binding derives nothing.
 */
abstract class OpenEnum
{
    /**
     * @param int|string $value the value as the gateway sent it
     * @param bool       $known whether payseal knows it
     */
    public function __construct(
        public readonly int|string $value,
        public readonly bool $known,
    ) {
    }

    /** Whether this is the given value (one of the class's constants). */
    public function is(int|string $value): bool
    {
        return $this->value === $value;
    }

    /**
     * @internal builds it from payseal's output {"value", "known", fact…}
     * @param mixed $wire
     */
    public static function fromWire(mixed $wire): static
    {
        if (!is_array($wire) || (!is_int($wire['value'] ?? null) && !is_string($wire['value'] ?? null))) {
            throw Codec::unexpected(static::class . ' without a value');
        }
        $facts = [];
        foreach (static::FACTS as $fact) {
            $facts[$fact] = Codec::bool($wire[$fact] ?? null, $fact);
        }
        return new static($wire['value'], Codec::bool($wire['known'] ?? null, 'known'), ...$facts);
    }
}
