<?php

declare(strict_types=1);

namespace Payseal;

/**
 * JSON in and out of payseal.
 *
 * Payloads: a string is sent as given (byte for byte: what you pass is what is sealed); an array
 * or object is encoded compactly, with UTF-8 and slashes unescaped (every byte counts against
 * TransactPay's one-block limit). An empty PHP array encodes as [], a JSON array: pass
 * new \stdClass() or (object) [] for {}.
 *
 * Outputs are decoded into associative arrays with big integers kept as strings. Decimals become
 * PHP floats, whose shortest form equals the wire text up to 15 significant digits; where the
 * exact text matters, use the *Json methods and a decimal library.
 *
 * @internal
 */
final class Json
{
    private const ENCODE = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION
        | JSON_THROW_ON_ERROR;

    private function __construct()
    {
    }

    /** @param array<mixed>|object|string $payload */
    public static function encode(array|object|string $payload): string
    {
        if (is_string($payload)) {
            return $payload;
        }
        try {
            return json_encode($payload, self::ENCODE);
        } catch (\JsonException $e) {
            $status = $e->getCode() === JSON_ERROR_UTF8 ? Status::INVALID_UTF8 : Status::INVALID_REQUEST;
            throw new InvalidInputException("the payload cannot be encoded as JSON: {$e->getMessage()}", $status, $e);
        }
    }

    /** @return array<mixed> */
    public static function decode(string $json): array
    {
        try {
            $value = json_decode($json, true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        } catch (\JsonException $e) {
            throw new ResponseException("payseal's output cannot be decoded: {$e->getMessage()}", Status::UNEXPECTED_RESPONSE, $e);
        }
        if (!is_array($value)) {
            throw new ResponseException('payseal\'s output is JSON but not an object or array', Status::UNEXPECTED_RESPONSE);
        }
        return $value;
    }
}
