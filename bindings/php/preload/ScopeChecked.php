<?php

declare(strict_types=1);

namespace Payseal\Preload;

/**
 * Declared only by preload.php, and only once it has checked the C ABI version of the library in
 * the FFI scope "PAYSEAL" (Library::checkPreloadedScope()). Preloading keeps the class for every
 * request of every worker of that server; outside src/, so no autoloader ever declares it.
 *
 * Why one check per server start is enough: PHP declares FFI scopes only while the server starts
 * (ffi.preload, or FFI::load() from the preload script; FFI_SCOPE is ignored at any other time),
 * before the workers are forked, so the scope a request finds is the library preload.php
 * checked; a new library or binding takes a restart, which checks again.
 *
 * @internal
 */
final class ScopeChecked
{
}
