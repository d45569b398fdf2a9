<?php

declare(strict_types=1);

namespace Payseal;

/**
 * The caller's input is unusable: NULL_ARGUMENT (1), INVALID_UTF8 (2), INVALID_ARGUMENT (14),
 * INVALID_AMOUNT (18), INVALID_REQUEST (19); and, from a seal call, a payload that is not JSON (11)
 * or is empty (12). PayloadTooLargeException (7) is one too.
 */
class InvalidInputException extends PaysealException
{
}
