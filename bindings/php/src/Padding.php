<?php

declare(strict_types=1);

namespace Payseal;

/** The RSA padding of a Keepz envelope. payseal never falls back from one to the other. */
enum Padding: string
{
    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label: Keepz's default. */
    case OaepSha256 = 'oaep-sha256';
    /** RSAES-PKCS#1 v1.5: only where Keepz told the integrator to use it. */
    case Pkcs1v15 = 'pkcs1v15';

    /** The C value (PAYSEAL_PADDING_*). */
    public function code(): int
    {
        return match ($this) {
            self::OaepSha256 => 0,
            self::Pkcs1v15 => 1,
        };
    }

    /** @throws InvalidInputException for an unknown name */
    public static function of(self|string $padding): self
    {
        return $padding instanceof self ? $padding : (self::tryFrom(strtolower($padding)) ?? throw new InvalidInputException(
            "unknown padding '$padding' (expected 'oaep-sha256' or 'pkcs1v15')",
            Status::INVALID_ARGUMENT,
        ));
    }
}
