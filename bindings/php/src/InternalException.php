<?php

declare(strict_types=1);

namespace Payseal;

/**
 * PANIC (99, a panic caught inside payseal) or a status this binding does not know.
 */
class InternalException extends PaysealException
{
}
