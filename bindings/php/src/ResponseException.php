<?php

declare(strict_types=1);

namespace Payseal;

/**
 * A body received is unusable: BODY_TOO_LARGE (8), NOT_JSON (11, an HTML error page, say),
 * EMPTY_BODY (12), NOT_ENVELOPE (13), UNEXPECTED_RESPONSE (20).
 */
class ResponseException extends PaysealException
{
}
