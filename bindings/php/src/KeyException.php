<?php

declare(strict_types=1);

namespace Payseal;

/**
 * A key cannot be used: MALFORMED_KEY (3), KEY_TOO_SMALL (4), KEY_TOO_LARGE (5),
 * UNSUPPORTED_KEY (6: a certificate, an EC key, an encrypted key, the wrong half of a pair).
 */
class KeyException extends PaysealException
{
}
