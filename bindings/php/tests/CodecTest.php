<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Keepz\OrderStatus;
use Payseal\Keepz\OrderStatusResponse;
use Payseal\Prepared;
use Payseal\ResponseException;
use Payseal\Status;
use Payseal\TransactPay\StatusId;
use PHPUnit\Framework\TestCase;

/**
 * An output that does not have the shape the binding was generated for (a library of another
 * version) is a ResponseException (UNEXPECTED_RESPONSE), never a PHP TypeError or a half-built
 * object.
 */
final class CodecTest extends TestCase
{
    /** @return array<string, array{0: class-string, 1: mixed}> */
    public function mismatches(): array
    {
        return [
            'a required field missing' => [OrderStatusResponse::class, ['integratorOrderId' => null]],
            'a string where an object is' => [OrderStatusResponse::class, ['status' => 'SUCCESS']],
            'a list where an object is' => [OrderStatusResponse::class, [1, 2]],
            'a number where a string is' => [Prepared::class, ['gateway' => 1]],
            'an amount as a number' => [\Payseal\Keepz\OrderCallback::class, ['integratorOrderId' => 'x', 'amount' => 12]],
            'a status without its facts' => [OrderStatusResponse::class, ['status' => ['value' => 'SUCCESS', 'known' => true]]],
        ];
    }

    /** @dataProvider mismatches */
    public function testAMismatchIsAnUnexpectedResponse(string $class, mixed $wire): void
    {
        try {
            $class::fromWire($wire);
            self::fail('decoded');
        } catch (ResponseException $e) {
            self::assertSame(Status::UNEXPECTED_RESPONSE, $e->getStatus());
            self::assertStringContainsString('regenerate the binding', $e->getMessage());
        }
    }

    public function testOpenValuesKeepWhatTheCoreSaid(): void
    {
        $unknown = OrderStatus::fromWire(['value' => 'ON_HOLD', 'known' => false, 'final' => false, 'paid' => false]);
        self::assertSame(['ON_HOLD', false, false, false], [$unknown->value, $unknown->known, $unknown->final, $unknown->paid]);
        self::assertFalse($unknown->is(OrderStatus::SUCCESS));
        $five = StatusId::fromWire(['value' => 5, 'known' => true, 'final' => true]);
        self::assertTrue($five->is(StatusId::SUCCESSFUL));
        self::assertSame(StatusId::FACTS, ['final']);
    }
}
