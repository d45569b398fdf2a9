<?php

declare(strict_types=1);

namespace Payseal;

/**
 * CRYPTO (16): the crypto backend failed (RNG, key generation).
 */
class CryptoException extends PaysealException
{
}
