<?php

declare(strict_types=1);

namespace Payseal;

/**
 * MISSING_KEY (15): the handle lacks the key this operation needs (a seal-only handle asked to
 * open, or a handle made with no key at all).
 */
class MissingKeyException extends PaysealException
{
}
