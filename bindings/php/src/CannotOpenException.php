<?php

declare(strict_types=1);

namespace Payseal;

/**
 * CANNOT_OPEN (9): the envelope does not open. One error for every reason, on purpose: anyone
 * who can post to a callback URL could otherwise use the answer as a padding oracle. Use
 * KeepzDiagnostics (a separate handle, offline only) to learn why.
 */
class CannotOpenException extends PaysealException
{
}
