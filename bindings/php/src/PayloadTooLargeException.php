<?php

declare(strict_types=1);

namespace Payseal;

/**
 * PAYLOAD_TOO_LARGE (7): the payload does not fit the envelope (TransactPay and Keepz legacy mode:
 * one RSA block, k − 11 bytes). The message names the size and the limit; payseal never chunks.
 */
class PayloadTooLargeException extends InvalidInputException
{
}
