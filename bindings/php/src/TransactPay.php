<?php

declare(strict_types=1);

namespace Payseal;

use FFI\CData;
use Payseal\Wire\Codec;
use Payseal\Wire\Gateway;
use Payseal\Wire\Request;

/**
 * A TransactPay handle: the dashboard's encryption key parsed once, then reused.
 *
 *     $transactPay = new TransactPay($encryptionKey);       // the dashboard's Base64 blob
 *     $body = $transactPay->seal(['reference' => 'ORD-1', 'paymentoption' => 'C', ...]);
 *     // POST $body with headers "api-key: PGW-PUBLICKEY-…" and "Content-Type: application/json"
 *     $reply = TransactPay::parseResponse($httpStatus, $responseBody);   // GatewayException on failure
 *
 * A payload is one RSA block: at most {@see maxPayload()} bytes of compact JSON (501 for the
 * 4096-bit keys TransactPay uses); a larger one is refused before encryption.
 *
 * Every operation is typed too (generated from bindings/description.json, {@see TransactPayOperations}):
 *
 *     $prepared = $transactPay->prepareVerify(new TransactPay\VerifyRequest(reference: 'ORD-1001'));
 *     $answer = TransactPay::parseVerify($httpStatus, $body, Amount::of('1000.00'), 'NGN');
 *     if ($answer->paid) { … }                       // status 5, that amount, that currency
 */
final class TransactPay
{
    use OwnsHandle;
    use TransactPayOperations;

    private readonly Library $library;

    private static function freeFunction(): string
    {
        return 'payseal_transactpay_free';
    }

    /**
     * @param string      $encryptionKey the dashboard's blob, its decoded text ("4096!<RSAKeyValue>…"),
     *                                   RSAKeyValue XML, or a PEM/DER public key
     * @param string|null $privateKey    only for tests and test doubles: opens envelopes as
     *                                   TransactPay does
     *
     * @throws KeyException, BackendUnavailableException
     */
    public function __construct(
        string $encryptionKey,
        ?string $privateKey = null,
        Backend|string $backend = Backend::Default,
        ?Library $library = null,
    ) {
        $this->library = $library ?? Library::get();
        $lib = $this->library;
        $backendCode = Backend::of($backend)->code();
        $public = $lib->bytes($encryptionKey);
        $private = $lib->bytes($privateKey ?? '');
        $handle = $lib->make('payseal_transactpay *');
        try {
            $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_transactpay_new(
                $public,
                strlen($encryptionKey),
                $private,
                strlen($privateKey ?? ''),
                $backendCode,
                Library::addr($handle),
                $error,
            ));
        } finally {
            $lib->wipe($private);
            $lib->wipe($public);
        }
        $this->handle = $handle;
    }

    /** The largest payload one seal carries, in bytes (k − 11: 501 for a 4096-bit key). */
    public function maxPayload(): int
    {
        return $this->library->ffi->payseal_transactpay_max_payload($this->live());
    }

    /**
     * Seals a payload (a JSON object) into the body {"data":"…"}. A string is sent as given; an
     * array or object is JSON-encoded compactly.
     *
     * @param array<mixed>|object|string $payload
     * @throws PayloadTooLargeException over maxPayload() bytes (the message names both numbers)
     * @throws InvalidInputException    not JSON, or not a JSON object
     */
    public function seal(array|object|string $payload): string
    {
        $lib = $this->library;
        $json = Json::encode($payload);
        $bytes = $lib->bytes($json);
        $handle = $this->live();
        try {
            return $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_transactpay_seal(
                $handle,
                $bytes,
                strlen($json),
                $out,
                $error,
            ), Library::SEALING);
        } finally {
            $lib->wipe($bytes);
        }
    }

    /**
     * Opens a {"data":"…"} body with the private key (TransactPay's side: tests and test doubles).
     *
     * @return array<mixed>
     * @throws MissingKeyException without a private key
     * @throws CannotOpenException every cryptographic failure
     * @throws ResponseException   not JSON, or no "data" field
     */
    public function open(string $body): array
    {
        return Json::decode($this->openJson($body));
    }

    /**
     * As {@see open()}, returning the plaintext JSON text exactly as sealed.
     *
     * @throws PaysealException
     */
    public function openJson(string $body): string
    {
        return $this->library->callWithInput('payseal_transactpay_open', $this->live(), $body);
    }

    /**
     * Parses a TransactPay response (plain JSON) given its HTTP status, into
     * ["httpStatus", "statusCode", "status", "message", "data"] with statusCode and status as text.
     *
     * @return array<mixed>
     * @throws GatewayException  a failing status code; getError() holds it
     * @throws ResponseException an HTML page, an empty body, an unexpected shape
     */
    public static function parseResponse(int $httpStatus, string $body, ?Library $library = null): array
    {
        return Json::decode(self::parseResponseJson($httpStatus, $body, $library));
    }

    /**
     * As {@see parseResponse()}, returning payseal's normalized JSON text (exact decimals).
     *
     * @throws PaysealException
     */
    public static function parseResponseJson(int $httpStatus, string $body, ?Library $library = null): string
    {
        if ($httpStatus < 0 || $httpStatus > 65535) {
            throw new InvalidInputException("HTTP status out of range: $httpStatus", Status::INVALID_ARGUMENT);
        }
        $lib = $library ?? Library::get();
        $bytes = $lib->bytes($body);
        return $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_transactpay_parse_response(
            $httpStatus,
            $bytes,
            strlen($body),
            $out,
            $error,
        ));
    }

    /**
     * Prepares an operation's request, typed or as JSON text with TransactPay's field names:
     * checked by the Rust core, sealed (or plain for verify and refund), placed; `apiKey` names
     * the dashboard key for the api-key header. The typed prepare{Operation}() methods call this.
     *
     * @param string         $operation an operation of {@see TransactPayOperations::OPERATIONS}
     * @param BaseUrl|string $baseUrl   BaseUrl::Test (TransactPay has one host), or a custom base URL
     * @throws InvalidInputException the request refused (the message names the field's path)
     * @throws PayloadTooLargeException more than one RSA block
     */
    public function prepare(
        string $operation,
        #[\SensitiveParameter] Request|string $request,
        BaseUrl|string $baseUrl = BaseUrl::Test,
    ): Prepared {
        return Gateway::prepare($this->library, 'payseal_transactpay_prepare', $this->live(), $operation, $request, $baseUrl);
    }

    /**
     * A webhook, read but not verified, with the verify request that re-checks it. Act on the
     * answer to $hint->recheck (TransactPay::parseVerify with the order's amount and currency).
     *
     * @throws InvalidInputException no order reference; ResponseException not JSON, nothing to go on
     */
    public function webhook(#[\SensitiveParameter] string $body, BaseUrl|string $baseUrl = BaseUrl::Test): TransactPayWebhookHint
    {
        return TransactPayWebhookHint::fromWire(Json::decode(
            Gateway::hint($this->library, 'payseal_transactpay_webhook', $this->live(), $body, $baseUrl),
        ));
    }

    /**
     * TransactPay's answer to an operation as payseal's normalized JSON text (amounts as decimal
     * strings). `paid` needs $expectedAmount and $expectedCurrency, both or neither, and only for
     * order_status and verify. The typed parse{Operation}() methods read it.
     *
     * @throws GatewayException TransactPay's failing answer; ResponseException; InvalidInputException
     */
    public static function parseOperationJson(
        string $operation,
        int $httpStatus,
        #[\SensitiveParameter] string $body,
        ?Amount $expectedAmount = null,
        ?string $expectedCurrency = null,
        ?Library $library = null,
    ): string {
        return Gateway::transactPayAnswer($library ?? Library::get(), $operation, $httpStatus, $body, $expectedAmount, $expectedCurrency);
    }

    /** @param null|\Closure(mixed): mixed $data reads the answer's data into the operation's class */
    private static function answer(
        string $operation,
        int $httpStatus,
        string $body,
        ?Amount $expectedAmount,
        ?string $expectedCurrency,
        ?Library $library,
        ?\Closure $data,
    ): TransactPayAnswer {
        $json = self::parseOperationJson($operation, $httpStatus, $body, $expectedAmount, $expectedCurrency, $library);
        return Codec::decode(TransactPayAnswer::class, Json::decode($json), $data);
    }
}
