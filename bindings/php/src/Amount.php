<?php

declare(strict_types=1);

namespace Payseal;

/**
 * An exact amount of money: a decimal string ("12.50"), never a binary float.
 *
 * Money crosses payseal's C ABI as decimal text, so that 0.1 + 0.2 cannot go out as
 * 0.30000000000000004 (which Keepz refuses with error 6058). This class only carries the text:
 * whether it is a valid amount for a gateway (a decimal, > 0, at most 2 decimals for Keepz and 4
 * for TransactPay) is decided by the Rust core when the request is prepared
 * (PAYSEAL_INVALID_AMOUNT, an InvalidInputException, naming the field's path).
 *
 * Amounts in answers are payseal's canonical text, every digit kept ("1500.2500000000000001").
 * Compare or add them with a decimal library (bcmath's bcadd/bccomp take this text as is).
 */
final class Amount implements \JsonSerializable, \Stringable
{
    private function __construct(public readonly string $value)
    {
    }

    /**
     * An amount from a decimal string ("12.50") or an integer (12). A float is refused with a
     * TypeError, also in files without strict_types where PHP would otherwise turn 12.5 into
     * "12.5" silently: a float has already lost the amount's digits.
     *
     * @param string|int $value
     * @throws \TypeError for anything but a string or an int
     */
    public static function of(mixed $value): self
    {
        if (is_string($value)) {
            return new self($value);
        }
        if (is_int($value)) {
            return new self((string) $value);
        }
        throw new \TypeError(sprintf(
            'Payseal\\Amount::of() takes a decimal string or an int, not %s: money is never a binary float',
            get_debug_type($value),
        ));
    }

    public function __toString(): string
    {
        return $this->value;
    }

    /** The decimal text: amounts are JSON strings on the wire. */
    public function jsonSerialize(): string
    {
        return $this->value;
    }
}
