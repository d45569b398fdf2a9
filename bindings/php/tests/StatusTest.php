<?php

declare(strict_types=1);

namespace Payseal\Tests;

use FFI\CData;
use Payseal\BackendUnavailableException;
use Payseal\CannotOpenException;
use Payseal\CryptoException;
use Payseal\GatewayException;
use Payseal\InternalException;
use Payseal\InvalidInputException;
use Payseal\KeyException;
use Payseal\Library;
use Payseal\LibraryException;
use Payseal\MissingKeyException;
use Payseal\PayloadTooLargeException;
use Payseal\PaysealException;
use Payseal\ResponseException;
use Payseal\Status;
use PHPUnit\Framework\TestCase;

final class StatusTest extends TestCase
{
    /** Every status of include/payseal.h, with the exception it becomes. */
    private const MAP = [
        Status::NULL_ARGUMENT => InvalidInputException::class,
        Status::INVALID_UTF8 => InvalidInputException::class,
        Status::MALFORMED_KEY => KeyException::class,
        Status::KEY_TOO_SMALL => KeyException::class,
        Status::KEY_TOO_LARGE => KeyException::class,
        Status::UNSUPPORTED_KEY => KeyException::class,
        Status::PAYLOAD_TOO_LARGE => PayloadTooLargeException::class,
        Status::BODY_TOO_LARGE => ResponseException::class,
        Status::CANNOT_OPEN => CannotOpenException::class,
        Status::GATEWAY_ERROR => GatewayException::class,
        Status::NOT_JSON => ResponseException::class,
        Status::EMPTY_BODY => ResponseException::class,
        Status::NOT_ENVELOPE => ResponseException::class,
        Status::INVALID_ARGUMENT => InvalidInputException::class,
        Status::MISSING_KEY => MissingKeyException::class,
        Status::CRYPTO => CryptoException::class,
        Status::BACKEND_UNAVAILABLE => BackendUnavailableException::class,
        Status::INVALID_AMOUNT => InvalidInputException::class,
        Status::INVALID_REQUEST => InvalidInputException::class,
        Status::UNEXPECTED_RESPONSE => ResponseException::class,
        Status::INVALID_LENGTH => InvalidInputException::class,
        Status::PANIC => InternalException::class,
    ];

    public function testEveryStatusOfTheHeaderIsKnownWithItsNumber(): void
    {
        $header = (string) file_get_contents(Library::defaultHeaderPath());
        preg_match_all('/PAYSEAL_([A-Z0-9_]+) = (\d+),/', $header, $m, PREG_SET_ORDER);
        self::assertCount(23, $m);
        foreach ($m as [, $name, $number]) {
            self::assertSame((int) $number, constant(Status::class . '::' . $name), $name);
            self::assertArrayHasKey((int) $number, Status::NAMES);
            if ((int) $number !== 0) {
                self::assertArrayHasKey((int) $number, self::MAP, "no exception mapped for $name");
            }
        }
    }

    public function testEveryStatusBecomesItsException(): void
    {
        foreach (self::MAP as $status => $class) {
            $e = Status::exception($status, "message $status");
            self::assertInstanceOf($class, $e, Status::name($status));
            self::assertInstanceOf(PaysealException::class, $e);
            self::assertInstanceOf(\RuntimeException::class, $e);
            self::assertSame($status, $e->getStatus());
            self::assertSame($status, $e->getCode());
            self::assertSame(Status::NAMES[$status], $e->getStatusName());
            self::assertSame("message $status", $e->getMessage());
        }
        self::assertInstanceOf(InvalidInputException::class, Status::exception(Status::PAYLOAD_TOO_LARGE, 'x'));
    }

    public function testBodyStatusesOfASealCallAreInvalidInput(): void
    {
        foreach ([Status::BODY_TOO_LARGE, Status::NOT_JSON, Status::EMPTY_BODY, Status::NOT_ENVELOPE, Status::UNEXPECTED_RESPONSE] as $status) {
            $e = Status::exception($status, 'x', '', Library::SEALING);
            self::assertInstanceOf(InvalidInputException::class, $e);
            self::assertSame($status, $e->getStatus());
        }
    }

    public function testUnknownStatusesAreInternal(): void
    {
        $e = Status::exception(42, 'new');
        self::assertInstanceOf(InternalException::class, $e);
        self::assertSame(42, $e->getStatus());
        self::assertSame('Unknown(42)', $e->getStatusName());
        self::assertInstanceOf(LibraryException::class, Status::exception(Status::LIBRARY, 'x'));
    }

    public function testGatewayExceptionDecodesTheOutput(): void
    {
        $e = Status::exception(
            Status::GATEWAY_ERROR,
            'Keepz error',
            '{"gateway":"keepz","statusCode":6010,"exceptionGroup":6,"message":"failed to decrypt","httpStatus":500,"hint":"check the padding"}',
        );
        self::assertInstanceOf(GatewayException::class, $e);
        self::assertSame('keepz', $e->getGateway());
        self::assertSame(6010, $e->getGatewayStatusCode());
        self::assertSame(500, $e->getHttpStatus());
        self::assertSame('failed to decrypt', $e->getGatewayMessage());
        self::assertSame('check the padding', $e->getHint());
        self::assertSame(6, $e->getError()['exceptionGroup']);
        $empty = Status::exception(Status::GATEWAY_ERROR, 'x', 'not json');
        self::assertSame([], $empty->getError());
        self::assertNull($empty->getGatewayStatusCode());
    }

    public function testANullArgumentFromTheLibraryItself(): void
    {
        $library = Library::get();
        try {
            $library->call(fn (CData $out, CData $error): int => $library->ffi->payseal_keepz_seal(null, null, 0, $out, $error));
            self::fail('no exception');
        } catch (InvalidInputException $e) {
            self::assertSame(Status::NULL_ARGUMENT, $e->getStatus());
            self::assertNotSame('', $e->getMessage());
        }
    }

    public function testAPanicInsideTheLibraryIsAnInternalException(): void
    {
        $library = Library::get();
        $previous = getenv('RUST_BACKTRACE');
        putenv('RUST_BACKTRACE=0');
        try {
            $library->call(fn (CData $out, CData $error): int => $library->ffi->payseal_selftest_panic($error));
            self::fail('no exception');
        } catch (InternalException $e) {
            self::assertSame(Status::PANIC, $e->getStatus());
            self::assertStringContainsString('panic', $e->getMessage());
        } finally {
            putenv($previous === false ? 'RUST_BACKTRACE' : "RUST_BACKTRACE=$previous");
        }
    }
}
