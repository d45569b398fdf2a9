<?php

declare(strict_types=1);

namespace Payseal;

/**
 * Every error payseal reports. The status is the C ABI's payseal_status (see {@see Status});
 * getCode() returns it too. The message is payseal's own, from the very call that failed.
 */
class PaysealException extends \RuntimeException
{
    public function __construct(string $message, private readonly int $status, ?\Throwable $previous = null)
    {
        parent::__construct($message, $status, $previous);
    }

    /** The status code (Status::CANNOT_OPEN, ...). */
    public function getStatus(): int
    {
        return $this->status;
    }

    /** The status's name ("CannotOpen", ...). */
    public function getStatusName(): string
    {
        return Status::name($this->status);
    }
}
