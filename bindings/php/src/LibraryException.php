<?php

declare(strict_types=1);

namespace Payseal;

/**
 * The binding cannot load or use libpayseal: FFI disabled, library or header not found, C ABI
 * version mismatch. Its status is Status::LIBRARY (-1), which is no C status.
 */
class LibraryException extends PaysealException
{
    public function __construct(string $message, ?\Throwable $previous = null)
    {
        parent::__construct($message, Status::LIBRARY, $previous);
    }
}
