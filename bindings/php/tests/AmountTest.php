<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Amount;
use Payseal\InvalidInputException;
use Payseal\Keepz;
use Payseal\Keepz\CreateOrderRequest;
use Payseal\Keepz\ReceiverType;
use Payseal\Status;
use PHPUnit\Framework\TestCase;

/** Money is never a binary float: not into a request, not out of an answer. */
final class AmountTest extends TestCase
{
    public function testFloatsAreRefusedEvenWhereStrictTypesIsOff(): void
    {
        [$code, $out, $err] = Support::run([PHP_BINARY, __DIR__ . '/fixtures/amount-coercive.php']);
        self::assertSame(0, $code, $err);
        self::assertSame(
            "0.30000000000000004 => TypeError\n12.5 => TypeError\n12.0 => TypeError\n'12.50' => 12.50\n12 => 12\n",
            $out,
        );
    }

    public function testTheTextIsKeptAsGiven(): void
    {
        self::assertSame('1500.2500000000000001', Amount::of('1500.2500000000000001')->value);
        self::assertSame('"12.50"', json_encode(Amount::of('12.50')));
        self::assertSame('7', (string) Amount::of(7));
    }

    public function testTheCoreJudgesTheAmount(): void
    {
        $keepz = self::keepz();
        try {
            $keepz->prepareCreateOrder(self::order(Amount::of('0.30000000000000004')));
            self::fail('17 decimals accepted');
        } catch (InvalidInputException $e) {
            self::assertSame(Status::INVALID_AMOUNT, $e->getStatus());
            self::assertStringContainsString('amount', $e->getMessage());
        }
        self::assertSame('POST', $keepz->prepareCreateOrder(self::order(Amount::of(12)))->method);
    }

    /** orderProperties is sent as given: a PHP float in it is refused before it is encoded. */
    public function testAFloatInAnUntypedPartIsRefused(): void
    {
        $keepz = self::keepz();
        try {
            $keepz->prepareCreateOrder(self::order(Amount::of('12.50'), ['tip' => ['amount' => 0.1 + 0.2]]));
            self::fail('a float was encoded');
        } catch (InvalidInputException $e) {
            self::assertSame(Status::INVALID_AMOUNT, $e->getStatus());
            self::assertStringContainsString('orderProperties.tip.amount', $e->getMessage());
        }
        $prepared = $keepz->prepareCreateOrder(self::order(Amount::of('12.50'), ['tip' => ['amount' => '0.30', 'count' => 2]]));
        self::assertSame('body', $prepared->placement);
    }

    private static function keepz(): Keepz
    {
        return Keepz::integrator(Support::key('rsa4096')['public_base64_der'], Support::key('rsa2048')['private_pem'], Support::ID);
    }

    private static function order(Amount $amount, ?array $properties = null): CreateOrderRequest
    {
        return new CreateOrderRequest(
            amount: $amount,
            receiverId: '7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c',
            receiverType: ReceiverType::Branch,
            integratorId: Support::ID,
            integratorOrderId: 'c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a',
            orderProperties: $properties,
        );
    }
}
