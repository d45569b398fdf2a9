<?php

declare(strict_types=1);

namespace Payseal;

/**
 * GATEWAY_ERROR (10): the gateway answered with its own error. getError() holds it decoded:
 *
 *  - Keepz: ["gateway" => "keepz", "statusCode" => 6005, "exceptionGroup" => 5,
 *    "message" => ..., "httpStatus" => 404, "group" => "not found",
 *    "codeName" => "integrator order not found", "hint" => null|string];
 *  - TransactPay: ["gateway" => "transactpay", "httpStatus" => 400, "statusCode" => "09",
 *    "status" => "failed", "message" => ...].
 */
class GatewayException extends PaysealException
{
    /** @param array<string, mixed> $error */
    public function __construct(string $message, private readonly array $error, ?\Throwable $previous = null)
    {
        parent::__construct($message, Status::GATEWAY_ERROR, $previous);
    }

    /** @internal */
    public static function fromOutput(string $message, string $output): self
    {
        try {
            $error = json_decode($output, true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        } catch (\JsonException) {
            $error = null;
        }
        return new self($message, is_array($error) ? $error : []);
    }

    /** @return array<string, mixed> the gateway's error, decoded */
    public function getError(): array
    {
        return $this->error;
    }

    /** "keepz" or "transactpay". */
    public function getGateway(): ?string
    {
        return is_string($this->error['gateway'] ?? null) ? $this->error['gateway'] : null;
    }

    /** The HTTP status of the response (0 for a Keepz callback). */
    public function getHttpStatus(): ?int
    {
        return is_int($this->error['httpStatus'] ?? null) ? $this->error['httpStatus'] : null;
    }

    /** The gateway's own code: Keepz's number (6005), TransactPay's text ("09"). */
    public function getGatewayStatusCode(): int|string|null
    {
        $code = $this->error['statusCode'] ?? null;
        return is_int($code) || is_string($code) ? $code : null;
    }

    /** The gateway's own message. */
    public function getGatewayMessage(): ?string
    {
        return is_string($this->error['message'] ?? null) ? $this->error['message'] : null;
    }

    /** payseal's hint for Keepz's envelope errors (6009–6014), when it has one. */
    /**
     * Keepz's error, typed (null for TransactPay's).
     *
     * @throws ResponseException the error does not have the shape of the description's KeepzError
     */
    public function keepzError(): ?KeepzError
    {
        return $this->getGateway() === 'keepz' ? KeepzError::fromWire($this->error) : null;
    }

    /**
     * TransactPay's failing answer, typed (null for Keepz's).
     *
     * @throws ResponseException the error does not have the shape of the description's TransactPayError
     */
    public function transactPayError(): ?TransactPayError
    {
        return $this->getGateway() === 'transactpay' ? TransactPayError::fromWire($this->error) : null;
    }

    public function getHint(): ?string
    {
        return is_string($this->error['hint'] ?? null) ? $this->error['hint'] : null;
    }
}
