<?php

declare(strict_types=1);

namespace Payseal;

/**
 * BACKEND_UNAVAILABLE (17): the requested crypto backend is not compiled into this libpayseal.
 */
class BackendUnavailableException extends PaysealException
{
}
