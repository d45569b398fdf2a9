<?php

declare(strict_types=1);

namespace Payseal\Wire;

use FFI\CData;
use Payseal\Amount;
use Payseal\BaseUrl;
use Payseal\InvalidInputException;
use Payseal\Json;
use Payseal\Library;
use Payseal\Prepared;
use Payseal\Status;

/**
 * The C calls Keepz and TransactPay share for typed operations: prepare a request (a Prepared),
 * read a callback or webhook, parse an answer (payseal's JSON text, which the callers turn into
 * the generated classes).
 *
 * @internal
 */
final class Gateway
{
    private function __construct()
    {
    }

    /**
     * payseal_keepz_prepare / payseal_transactpay_prepare. A request's JSON may carry card data
     * or a one-time code: its C copy is zeroed afterwards (PHP's own strings cannot be).
     */
    public static function prepare(
        Library $lib,
        string $function,
        CData $handle,
        string $operation,
        #[\SensitiveParameter] Request|string $request,
        BaseUrl|string $baseUrl,
    ): Prepared {
        $json = Json::encode($request);
        [$base, $custom] = self::baseUrl($baseUrl);
        $operationBytes = $lib->bytes($operation);
        $requestBytes = $lib->bytes($json);
        $customBytes = $lib->bytes($custom);
        try {
            return Prepared::fromWire(Json::decode($lib->call(fn (CData $out, CData $error): int => $lib->ffi->$function(
                $handle,
                $operationBytes,
                strlen($operation),
                $requestBytes,
                strlen($json),
                $base,
                $customBytes,
                strlen($custom),
                $out,
                $error,
            ), Library::SEALING)));
        } finally {
            $lib->wipe($requestBytes);
        }
    }

    /** payseal_keepz_callback / payseal_transactpay_webhook: the unverified hint and its re-check. */
    public static function hint(
        Library $lib,
        string $function,
        CData $handle,
        #[\SensitiveParameter] string $body,
        BaseUrl|string $baseUrl,
    ): string {
        [$base, $custom] = self::baseUrl($baseUrl);
        $bodyBytes = $lib->bytes($body);
        $customBytes = $lib->bytes($custom);
        return $lib->call(fn (CData $out, CData $error): int => $lib->ffi->$function(
            $handle,
            $bodyBytes,
            strlen($body),
            $base,
            $customBytes,
            strlen($custom),
            $out,
            $error,
        ));
    }

    /** payseal_transactpay_parse: the normalized answer, with `paid` for an expected amount and currency. */
    public static function transactPayAnswer(
        Library $lib,
        string $operation,
        int $httpStatus,
        #[\SensitiveParameter] string $body,
        ?Amount $expectedAmount,
        ?string $expectedCurrency,
    ): string {
        $amount = $expectedAmount?->value ?? '';
        $currency = $expectedCurrency ?? '';
        $operationBytes = $lib->bytes($operation);
        $bodyBytes = $lib->bytes($body);
        $amountBytes = $lib->bytes($amount);
        $currencyBytes = $lib->bytes($currency);
        return $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_transactpay_parse(
            $operationBytes,
            strlen($operation),
            self::httpStatus($httpStatus),
            $bodyBytes,
            strlen($body),
            $amountBytes,
            strlen($amount),
            $currencyBytes,
            strlen($currency),
            $out,
            $error,
        ));
    }

    /** payseal_keepz_parse: Keepz's answer, opened and typed. */
    public static function keepzAnswer(
        Library $lib,
        CData $handle,
        string $operation,
        int $httpStatus,
        #[\SensitiveParameter] string $body,
    ): string {
        $operationBytes = $lib->bytes($operation);
        $bodyBytes = $lib->bytes($body);
        return $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_keepz_parse(
            $handle,
            $operationBytes,
            strlen($operation),
            self::httpStatus($httpStatus),
            $bodyBytes,
            strlen($body),
            $out,
            $error,
        ));
    }

    public static function httpStatus(int $status): int
    {
        if ($status < 0 || $status > 65535) {
            throw new InvalidInputException("HTTP status out of range: $status", Status::INVALID_ARGUMENT);
        }
        return $status;
    }

    /**
     * The C ABI's (base_url, custom_base_url): a BaseUrl case, or a custom base URL as a string.
     *
     * @return array{0: int, 1: string}
     */
    private static function baseUrl(BaseUrl|string $baseUrl): array
    {
        return is_string($baseUrl) ? [BaseUrl::Custom->value, $baseUrl] : [$baseUrl->value, ''];
    }
}
