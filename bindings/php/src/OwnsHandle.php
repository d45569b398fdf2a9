<?php

declare(strict_types=1);

namespace Payseal;

use FFI\CData;

/**
 * What every class that owns a payseal handle does with it: release it once (with its type's
 * `payseal_*_free`, named by {@see freeFunction()}), never clone or serialize it (the copy's
 * destructor would free the original's handle), and refuse calls after it was released.
 */
trait OwnsHandle
{
    private ?CData $handle = null;

    /** The C function that releases this class's handle, e.g. "payseal_keepz_free". */
    abstract private static function freeFunction(): string;

    public function __destruct()
    {
        if (!Library::isNull($this->handle)) {
            $free = self::freeFunction();
            $this->library->ffi->$free($this->handle);
        }
        $this->handle = null;
    }

    /** A handle owns C memory: it cannot be cloned (share the object instead: it is immutable). */
    public function __clone()
    {
        // This runs on the copy, whose destructor still runs: it must not free the original's handle.
        $this->handle = null;
        throw new \LogicException('a ' . self::class . ' handle cannot be cloned; reuse the same object');
    }

    /** @return never */
    public function __serialize(): array
    {
        throw new \LogicException('a ' . self::class . ' handle cannot be serialized; create it from its key');
    }

    private function live(): CData
    {
        return $this->handle ?? throw new \LogicException('this ' . self::class . ' handle was already freed');
    }
}
