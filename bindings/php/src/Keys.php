<?php

declare(strict_types=1);

namespace Payseal;

use FFI\CData;

/** RSA key generation, for tests and test doubles (gateways issue the real keys). */
final class Keys
{
    private function __construct()
    {
    }

    /**
     * Generates an RSA key pair (exponent 65537).
     *
     *     ['private' => $pem, 'public' => $blob] = Keys::generate(4096, publicFormat: KeyFormat::TransactPayBlob);
     *
     * @param int $bits 2048, 3072, 4096 or 8192
     * @param KeyFormat|string $privateFormat any format but TransactPayBlob
     * @param KeyFormat|string $publicFormat  any format (DER is binary)
     * @return array{private: string, public: string}
     * @throws InvalidInputException an unsupported size or format
     */
    public static function generate(
        int $bits = 4096,
        KeyFormat|string $privateFormat = KeyFormat::Pem,
        KeyFormat|string $publicFormat = KeyFormat::Pem,
        Backend|string $backend = Backend::Default,
        ?Library $library = null,
    ): array {
        if ($bits < 0 || $bits > 0xFFFFFFFF) {
            throw new InvalidInputException("unsupported key size: $bits bits", Status::INVALID_ARGUMENT);
        }
        $lib = $library ?? Library::get();
        $privateCode = KeyFormat::of($privateFormat)->code();
        $publicCode = KeyFormat::of($publicFormat)->code();
        $backendCode = Backend::of($backend)->code();
        $public = $lib->make('payseal_buffer');
        try {
            $private = $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_keygen(
                $bits,
                $backendCode,
                $privateCode,
                $publicCode,
                $out,
                Library::addr($public),
                $error,
            ), Library::SEALING);
            return ['private' => $private, 'public' => $lib->take($public)];
        } finally {
            $lib->ffi->payseal_buffer_free(Library::addr($public));
        }
    }
}
