<?php

declare(strict_types=1);

namespace Payseal;

use FFI\CData;

/**
 * Explains, offline, why Keepz envelopes do not open: a handle of its own, made from the private
 * key. A {@see Keepz} handle cannot diagnose.
 *
 * Why: open() answers every cryptographic failure with one CannotOpenException, on purpose. A
 * callback URL accepts bodies from anyone, and an answer that said *why* a body did not open (the
 * RSA padding, the key string, the CBC padding) would let them decrypt other envelopes, one
 * question at a time (a padding oracle). So the explanation is this separate class: build it in a
 * debugging script, a test or a CLI — never in a request handler — and never send its output to
 * whoever posted the body.
 *
 *     $doctor = new KeepzDiagnostics($integratorPrivateKey);
 *     $d = $doctor->explain(file_get_contents('failed_callback.json'), tryOtherPadding: true);
 *     echo $d['reason'] ?? 'it opens', "\n";
 *
 * A diagnosis says only what an integrator needs: public facts about the body, whether the key
 * block opens (one answer for the RSA padding and the key string), and whether the payload then
 * decrypts to JSON (one answer for every check); the other padding is tried only when asked.
 */
final class KeepzDiagnostics
{
    use OwnsHandle;

    private readonly Library $library;

    private static function freeFunction(): string
    {
        return 'payseal_keepz_diagnostics_free';
    }

    /**
     * @param string         $privateKey the private key envelopes are opened with (any format)
     * @param Padding|string $padding    the settings of the handle whose envelopes fail
     * @param bool           $legacy     legacy RSA-only envelopes
     * @param int            $maxBody    the body limit (0: 1 MiB)
     *
     * @throws KeyException, InvalidInputException, BackendUnavailableException
     */
    public function __construct(
        string $privateKey,
        Padding|string $padding = Padding::OaepSha256,
        bool $legacy = false,
        int $maxBody = 0,
        Backend|string $backend = Backend::Default,
        ?Library $library = null,
    ) {
        $this->library = $library ?? Library::get();
        if ($maxBody < 0) {
            throw new InvalidInputException("maxBody must not be negative (got $maxBody)", Status::INVALID_ARGUMENT);
        }
        $lib = $this->library;
        $options = $lib->make('payseal_keepz_options');
        $options->padding = Padding::of($padding)->code();
        $options->legacy = $legacy ? 1 : 0;
        $options->max_body = $maxBody;
        $options->backend = Backend::of($backend)->code();
        $private = $lib->bytes($privateKey);
        $handle = $lib->make('payseal_keepz_diagnostics *');
        try {
            $lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_keepz_diagnostics_new(
                $private,
                strlen($privateKey),
                Library::addr($options),
                Library::addr($handle),
                $error,
            ));
        } finally {
            $lib->wipe($private);
        }
        $this->handle = $handle;
    }

    /**
     * Explains why a body does or does not open: ["opens" => bool, "reason" => ?string,
     * "steps" => string[]]. Offline only (see the class docs).
     *
     * @return array{opens: bool, reason: ?string, steps: list<string>}
     * @throws PaysealException
     */
    public function explain(string $body, bool $tryOtherPadding = false): array
    {
        $lib = $this->library;
        $bytes = $lib->bytes($body);
        $handle = $this->live();
        $flags = $tryOtherPadding ? self::TRY_OTHER_PADDING : 0;
        /** @var array{opens: bool, reason: ?string, steps: list<string>} */
        return Json::decode($lib->call(fn (CData $out, CData $error): int => $lib->ffi->payseal_keepz_diagnostics_explain(
            $handle,
            $bytes,
            strlen($body),
            $flags,
            $out,
            $error,
        )));
    }

    /** PAYSEAL_DIAGNOSE_TRY_OTHER_PADDING (a #define, which PHP's FFI header cannot carry). */
    private const TRY_OTHER_PADDING = 1;
}
