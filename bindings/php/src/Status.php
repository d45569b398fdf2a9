<?php

declare(strict_types=1);

namespace Payseal;

/**
 * payseal's status codes (the C ABI's payseal_status; stable, never reused) and the exception
 * each one becomes.
 *
 * | status                  | exception                                                  |
 * |-------------------------|------------------------------------------------------------|
 * | 1, 2, 14, 18, 19        | InvalidInputException                                      |
 * | 7                       | PayloadTooLargeException (an InvalidInputException)        |
 * | 3, 4, 5, 6              | KeyException                                               |
 * | 15                      | MissingKeyException                                        |
 * | 9                       | CannotOpenException                                        |
 * | 10                      | GatewayException (with the gateway's error as an array)    |
 * | 8, 11, 12, 13, 20       | ResponseException; from a seal call: InvalidInputException |
 * | 16                      | CryptoException                                            |
 * | 17                      | BackendUnavailableException                                |
 * | 99, any other           | InternalException                                          |
 * | -1 (binding-side)       | LibraryException                                           |
 */
final class Status
{
    public const OK = 0;
    public const NULL_ARGUMENT = 1;
    public const INVALID_UTF8 = 2;
    public const MALFORMED_KEY = 3;
    public const KEY_TOO_SMALL = 4;
    public const KEY_TOO_LARGE = 5;
    public const UNSUPPORTED_KEY = 6;
    public const PAYLOAD_TOO_LARGE = 7;
    public const BODY_TOO_LARGE = 8;
    public const CANNOT_OPEN = 9;
    public const GATEWAY_ERROR = 10;
    public const NOT_JSON = 11;
    public const EMPTY_BODY = 12;
    public const NOT_ENVELOPE = 13;
    public const INVALID_ARGUMENT = 14;
    public const MISSING_KEY = 15;
    public const CRYPTO = 16;
    public const BACKEND_UNAVAILABLE = 17;
    public const INVALID_AMOUNT = 18;
    public const INVALID_REQUEST = 19;
    public const UNEXPECTED_RESPONSE = 20;
    public const INVALID_LENGTH = 21;
    public const PANIC = 99;

    /** Not a C status: the binding could not load or use libpayseal. */
    public const LIBRARY = -1;

    /** The names of the Rust ErrorKind values, by status. */
    public const NAMES = [
        self::OK => 'Ok',
        self::NULL_ARGUMENT => 'NullArgument',
        self::INVALID_UTF8 => 'InvalidUtf8',
        self::MALFORMED_KEY => 'MalformedKey',
        self::KEY_TOO_SMALL => 'KeyTooSmall',
        self::KEY_TOO_LARGE => 'KeyTooLarge',
        self::UNSUPPORTED_KEY => 'UnsupportedKey',
        self::PAYLOAD_TOO_LARGE => 'PayloadTooLarge',
        self::BODY_TOO_LARGE => 'BodyTooLarge',
        self::CANNOT_OPEN => 'CannotOpen',
        self::GATEWAY_ERROR => 'GatewayError',
        self::NOT_JSON => 'NotJson',
        self::EMPTY_BODY => 'EmptyBody',
        self::NOT_ENVELOPE => 'NotEnvelope',
        self::INVALID_ARGUMENT => 'InvalidArgument',
        self::MISSING_KEY => 'MissingKey',
        self::CRYPTO => 'Crypto',
        self::BACKEND_UNAVAILABLE => 'BackendUnavailable',
        self::INVALID_AMOUNT => 'InvalidAmount',
        self::INVALID_REQUEST => 'InvalidRequest',
        self::UNEXPECTED_RESPONSE => 'UnexpectedResponse',
        self::INVALID_LENGTH => 'InvalidLength',
        self::PANIC => 'Panic',
        self::LIBRARY => 'Library',
    ];

    private function __construct()
    {
    }

    /** The kind's name ("CannotOpen"), or "Unknown(n)". */
    public static function name(int $status): string
    {
        return self::NAMES[$status] ?? "Unknown($status)";
    }

    /**
     * The exception for a failed call.
     *
     * @param string $output    what payseal wrote to the output buffer (the gateway's error as
     *                          JSON for GATEWAY_ERROR, else '')
     * @param int    $direction Library::SEALING turns the statuses about a body into
     *                          InvalidInputException: there the body is the caller's payload
     */
    public static function exception(
        int $status,
        string $message,
        string $output = '',
        int $direction = Library::OPENING,
    ): PaysealException {
        switch ($status) {
            case self::OK:
                return new InternalException("status OK reported as a failure: $message", $status);
            case self::MALFORMED_KEY:
            case self::KEY_TOO_SMALL:
            case self::KEY_TOO_LARGE:
            case self::UNSUPPORTED_KEY:
                return new KeyException($message, $status);
            case self::MISSING_KEY:
                return new MissingKeyException($message, $status);
            case self::PAYLOAD_TOO_LARGE:
                return new PayloadTooLargeException($message, $status);
            case self::NULL_ARGUMENT:
            case self::INVALID_UTF8:
            case self::INVALID_ARGUMENT:
            case self::INVALID_AMOUNT:
            case self::INVALID_REQUEST:
            case self::INVALID_LENGTH:
                return new InvalidInputException($message, $status);
            case self::CANNOT_OPEN:
                return new CannotOpenException($message, $status);
            case self::GATEWAY_ERROR:
                return GatewayException::fromOutput($message, $output);
            case self::BODY_TOO_LARGE:
            case self::NOT_JSON:
            case self::EMPTY_BODY:
            case self::NOT_ENVELOPE:
            case self::UNEXPECTED_RESPONSE:
                return $direction === Library::SEALING
                    ? new InvalidInputException($message, $status)
                    : new ResponseException($message, $status);
            case self::CRYPTO:
                return new CryptoException($message, $status);
            case self::BACKEND_UNAVAILABLE:
                return new BackendUnavailableException($message, $status);
            case self::LIBRARY:
                return new LibraryException($message);
            default:
                return new InternalException($message, $status);
        }
    }
}
