<?php

declare(strict_types=1);

namespace Payseal;

/** The crypto backend inside libpayseal. */
enum Backend: string
{
    /** The build's default (aws-lc when compiled in). */
    case Default = 'default';
    /** AWS-LC (aws-lc-rs). */
    case AwsLc = 'aws-lc';
    /** RustCrypto (pure Rust); only in builds with the "rustcrypto" feature. */
    case RustCrypto = 'rustcrypto';

    /** The C value (PAYSEAL_BACKEND_*). */
    public function code(): int
    {
        return match ($this) {
            self::Default => 0,
            self::AwsLc => 1,
            self::RustCrypto => 2,
        };
    }

    /** @throws InvalidInputException for an unknown name */
    public static function of(self|string $backend): self
    {
        return $backend instanceof self ? $backend : (self::tryFrom(strtolower($backend)) ?? throw new InvalidInputException(
            "unknown backend '$backend' (expected 'default', 'aws-lc' or 'rustcrypto')",
            Status::INVALID_ARGUMENT,
        ));
    }
}
