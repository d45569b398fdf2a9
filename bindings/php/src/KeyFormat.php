<?php

declare(strict_types=1);

namespace Payseal;

/** How {@see Keys::generate()} writes a key. */
enum KeyFormat: string
{
    /** PEM: "PUBLIC KEY" (SubjectPublicKeyInfo) / "PRIVATE KEY" (PKCS#8). */
    case Pem = 'pem';
    /** PKCS#1 PEM: "RSA PUBLIC KEY" / "RSA PRIVATE KEY". */
    case Pkcs1Pem = 'pkcs1-pem';
    /** Binary DER (SubjectPublicKeyInfo / PKCS#8). */
    case Der = 'der';
    /** Single-line Base64 of DER: how Keepz hands keys out. */
    case Base64Der = 'base64-der';
    /** TransactPay's dashboard blob (public keys only). */
    case TransactPayBlob = 'transactpay-blob';

    /** The C value (PAYSEAL_KEY_FORMAT_*). */
    public function code(): int
    {
        return match ($this) {
            self::Pem => 0,
            self::Pkcs1Pem => 1,
            self::Der => 2,
            self::Base64Der => 3,
            self::TransactPayBlob => 4,
        };
    }

    /** @throws InvalidInputException for an unknown name */
    public static function of(self|string $format): self
    {
        return $format instanceof self ? $format : (self::tryFrom(strtolower($format)) ?? throw new InvalidInputException(
            "unknown key format '$format' (expected pem, pkcs1-pem, der, base64-der or transactpay-blob)",
            Status::INVALID_ARGUMENT,
        ));
    }
}
