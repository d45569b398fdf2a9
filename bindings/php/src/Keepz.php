<?php

declare(strict_types=1);

namespace Payseal;

use FFI\CData;
use Payseal\Wire\Gateway;
use Payseal\Wire\Request;

/**
 * A Keepz handle: keys parsed once, then reused for every seal and open.
 *
 * An integrator seals requests to Keepz's public key and opens responses and callbacks with its
 * own private key:
 *
 *     $keepz = Keepz::integrator($keepzPublicKey, $integratorPrivateKey, $integratorId);
 *     $body  = $keepz->seal(['integratorId' => $id, 'integratorOrderId' => $orderId]);   // POST
 *     $query = $keepz->sealQuery([...]);                                                 // GET, DELETE
 *     $reply = $keepz->open($responseBody, $httpStatus);   // array; GatewayException on an error body
 *
 * Keys may be in any format payseal reads (bare Base64 DER as Keepz hands them out, PEM, DER).
 * A test double is the same class with the keys swapped: {@see Keepz::testDouble()}.
 *
 * Every operation is typed too (generated from bindings/description.json, {@see KeepzOperations}):
 *
 *     $prepared = $keepz->prepareCreateOrder(new Keepz\CreateOrderRequest(amount: Amount::of('12.50'), …));
 *     // send $prepared->method to $prepared->url with $prepared->headers and $prepared->body
 *     $created = $keepz->parseCreateOrder($httpStatus, $responseBody);   // Keepz\CreateOrderResponse
 *     $hint = $keepz->callback(file_get_contents('php://input'));       // then send $hint->recheck
 */
final class Keepz
{
    use OwnsHandle;
    use KeepzOperations;

    private readonly Library $library;

    private static function freeFunction(): string
    {
        return 'payseal_keepz_free';
    }

    /**
     * @param string|null $sealTo     the public key requests (or, for a test double, responses)
     *                                are sealed to; null for an open-only handle
     * @param string|null $openWith   the private key envelopes are opened with; null for a
     *                                seal-only handle
     * @param string|null $identifier the integrator id (a UUID) put into sealed requests; null to
     *                                seal responses
     * @param Padding|string $padding Padding::OaepSha256 (Keepz's default) or Padding::Pkcs1v15
     * @param bool        $legacy     the legacy RSA-only envelope (no AES)
     * @param int         $maxBody    the largest body open() accepts, in bytes (0: 1 MiB)
     *
     * @throws KeyException, MissingKeyException, InvalidInputException, BackendUnavailableException
     */
    public function __construct(
        ?string $sealTo = null,
        ?string $openWith = null,
        ?string $identifier = null,
        Padding|string $padding = Padding::OaepSha256,
        bool $legacy = false,
        int $maxBody = 0,
        Backend|string $backend = Backend::Default,
        ?Library $library = null,
    ) {
        $this->library = $library ?? Library::get();
        if ($maxBody < 0) {
            throw new InvalidInputException("maxBody must not be negative (got $maxBody)", Status::INVALID_ARGUMENT);
        }
        $lib = $this->library;
        $options = $lib->make('payseal_keepz_options');
        $options->padding = Padding::of($padding)->code();
        $options->legacy = $legacy ? 1 : 0;
        $options->max_body = $maxBody;
        $options->backend = Backend::of($backend)->code();

        $public = $lib->bytes($sealTo ?? '');
        $private = $lib->bytes($openWith ?? '');
        $id = $lib->bytes($identifier ?? '');
        $handle = $lib->make('payseal_keepz *');
        try {
            $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_keepz_new(
                $public,
                strlen($sealTo ?? ''),
                $private,
                strlen($openWith ?? ''),
                $id,
                strlen($identifier ?? ''),
                Library::addr($options),
                Library::addr($handle),
                $error,
            ));
        } finally {
            $lib->wipe($private);
            $lib->wipe($public);
        }
        $this->handle = $handle;
    }

    /**
     * The integrator's handle: seal requests to Keepz, open Keepz's responses and callbacks.
     *
     * @throws PaysealException
     */
    public static function integrator(
        string $keepzPublicKey,
        string $integratorPrivateKey,
        string $identifier,
        Padding|string $padding = Padding::OaepSha256,
        bool $legacy = false,
        int $maxBody = 0,
        Backend|string $backend = Backend::Default,
        ?Library $library = null,
    ): self {
        return new self($keepzPublicKey, $integratorPrivateKey, $identifier, $padding, $legacy, $maxBody, $backend, $library);
    }

    /**
     * Keepz's side, for tests: open requests with Keepz's private key, seal responses to the
     * integrator's public key (without an identifier).
     *
     * @throws PaysealException
     */
    public static function testDouble(
        string $keepzPrivateKey,
        string $integratorPublicKey,
        Padding|string $padding = Padding::OaepSha256,
        bool $legacy = false,
        Backend|string $backend = Backend::Default,
        ?Library $library = null,
    ): self {
        return new self($integratorPublicKey, $keepzPrivateKey, null, $padding, $legacy, 0, $backend, $library);
    }

    /**
     * Seals a payload into the JSON body {"identifier","encryptedData","encryptedKeys","aes":true}
     * for POST endpoints. A string payload is sent as given; an array or object is JSON-encoded.
     *
     * @param array<mixed>|object|string $payload
     * @throws InvalidInputException, PayloadTooLargeException (legacy mode), MissingKeyException
     */
    public function seal(array|object|string $payload): string
    {
        return $this->sealWith('payseal_keepz_seal', Json::encode($payload));
    }

    /**
     * Seals a payload into the percent-encoded query string
     * identifier=…&encryptedData=…&encryptedKeys=…&aes=true for GET and DELETE endpoints.
     *
     * @param array<mixed>|object|string $payload
     * @throws InvalidInputException, PayloadTooLargeException (legacy mode), MissingKeyException
     */
    public function sealQuery(array|object|string $payload): string
    {
        return $this->sealWith('payseal_keepz_seal_query', Json::encode($payload));
    }

    /**
     * Opens a response (give its HTTP status) or a callback (status 0, the default) and decodes it.
     * Null for an empty 2xx body (subscription revoke).
     *
     * A callback is not proof of payment (anyone with the integrator's public key can seal one):
     * re-check the order status before acting on it.
     *
     * @return array<mixed>|null
     * @throws GatewayException  Keepz answered with its own error (plain, or sealed)
     * @throws CannotOpenException the envelope does not open (one error for every reason)
     * @throws ResponseException not JSON (an HTML page), empty, not an envelope, too large
     */
    public function open(string $body, int $httpStatus = 0): ?array
    {
        $json = $this->openJson($body, $httpStatus);
        return $json === null ? null : Json::decode($json);
    }

    /**
     * As {@see open()}, but returns the plaintext JSON text exactly as sealed (null for an empty
     * 2xx body): for exact decimals, or to decode it your own way.
     *
     * @throws PaysealException
     */
    public function openJson(string $body, int $httpStatus = 0): ?string
    {
        $lib = $this->library;
        $http = self::httpStatus($httpStatus);
        $bytes = $lib->bytes($body);
        $handle = $this->live();
        $json = $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_keepz_open(
            $handle,
            $http,
            $bytes,
            strlen($body),
            $out,
            $error,
        ));
        return $json === '' ? null : $json;
    }

    /**
     * Prepares an operation's request, typed or as JSON text with Keepz's field names: checked by
     * the Rust core, sealed, placed. The typed prepare{Operation}() methods call this.
     *
     * @param string         $operation an operation of {@see KeepzOperations::OPERATIONS}
     * @param BaseUrl|string $baseUrl   BaseUrl::Test (default), BaseUrl::Production, or a custom base URL
     * @throws InvalidInputException the request refused (INVALID_REQUEST, INVALID_AMOUNT: the message names the field's path)
     */
    public function prepare(
        string $operation,
        #[\SensitiveParameter] Request|string $request,
        BaseUrl|string $baseUrl = BaseUrl::Test,
    ): Prepared {
        return Gateway::prepare($this->library, 'payseal_keepz_prepare', $this->live(), $operation, $request, $baseUrl);
    }

    /**
     * Keepz's answer to an operation as payseal's normalized JSON text (every field present,
     * amounts as decimal strings). The typed parse{Operation}() methods read it.
     *
     * @throws GatewayException Keepz's own error; ResponseException, CannotOpenException
     */
    public function parseOperationJson(string $operation, int $httpStatus, #[\SensitiveParameter] string $body): string
    {
        return Gateway::keepzAnswer($this->library, $this->live(), $operation, $httpStatus, $body);
    }

    /**
     * A callback (an envelope, or plain JSON as Keepz also sends), read but not verified, with the
     * request that re-checks it: an order status for this handle's integrator id, or a
     * subscription history. Act on the answer to $hint->recheck, never on the callback.
     *
     * @param BaseUrl|string $baseUrl where the re-check goes
     * @throws InvalidInputException a callback naming another integrator, or a malformed id
     * @throws ResponseException not JSON, empty, about nothing; CannotOpenException
     */
    public function callback(#[\SensitiveParameter] string $body, BaseUrl|string $baseUrl = BaseUrl::Test): KeepzCallbackHint
    {
        return KeepzCallbackHint::fromWire(Json::decode(
            Gateway::hint($this->library, 'payseal_keepz_callback', $this->live(), $body, $baseUrl),
        ));
    }

    /**
     * Opens a sealed query string (identifier=…&encryptedData=…): Keepz's side of a GET or
     * DELETE request, for test doubles. Returns the plaintext JSON text.
     *
     * @throws PaysealException
     */
    public function openQueryJson(string $query): string
    {
        return $this->library->callWithInput('payseal_keepz_open_query', $this->live(), $query);
    }

    /** @return mixed the decoded answer of {@see parseOperationJson()} */
    private function parse(string $operation, int $httpStatus, string $body): mixed
    {
        return Json::decode($this->parseOperationJson($operation, $httpStatus, $body));
    }

    private function sealWith(string $function, string $payload): string
    {
        $lib = $this->library;
        $bytes = $lib->bytes($payload);
        $handle = $this->live();
        try {
            return $lib->call(fn (CData $out, CData $error): int => $lib->ffi->$function(
                $handle,
                $bytes,
                strlen($payload),
                $out,
                $error,
            ), Library::SEALING);
        } finally {
            $lib->wipe($bytes);
        }
    }


    private static function httpStatus(int $status): int
    {
        if ($status < 0 || $status > 65535) {
            throw new InvalidInputException("HTTP status out of range: $status", Status::INVALID_ARGUMENT);
        }
        return $status;
    }
}
