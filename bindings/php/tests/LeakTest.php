<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Amount;
use Payseal\CannotOpenException;
use Payseal\GatewayException;
use Payseal\InvalidInputException;
use Payseal\Keepz;
use Payseal\Keepz\OrderStatusRequest;
use Payseal\Library;
use Payseal\TransactPay;
use PHPUnit\Framework\TestCase;

/**
 * Every buffer payseal returns is freed: 10,000 seal/open rounds (and failing calls, and handle
 * churn) leave PHP's heap (memory_get_usage) and the process's resident set (VmRSS) where they
 * were. A control loop that skips payseal_buffer_free shows the check has teeth.
 */
final class LeakTest extends TestCase
{
    private const ROUNDS = 10000;
    /** Growth allowed over a whole loop: allocator noise, far below one leaked buffer per call. */
    private const MAX_HEAP_GROWTH = 64 * 1024;
    private const MAX_RSS_GROWTH = 2 * 1024 * 1024;

    /** @return array{heap: int, rss: int, seconds: float} growth over $rounds calls of $step */
    private static function measure(int $rounds, callable $step): array
    {
        for ($i = 0; $i < 200; $i++) {
            $step($i);
        }
        gc_collect_cycles();
        $heap = memory_get_usage();
        $rss = Support::rss();
        $start = microtime(true);
        for ($i = 0; $i < $rounds; $i++) {
            $step($i);
        }
        gc_collect_cycles();
        return ['heap' => memory_get_usage() - $heap, 'rss' => Support::rss() - $rss, 'seconds' => microtime(true) - $start];
    }

    private static function assertFlat(string $what, array $growth): void
    {
        fwrite(STDERR, sprintf(
            "\n[leak] %s: PHP heap %+d B, VmRSS %+d KiB in %.1f s",
            $what,
            $growth['heap'],
            intdiv($growth['rss'], 1024),
            $growth['seconds'],
        ));
        self::assertLessThan(self::MAX_HEAP_GROWTH, $growth['heap'], "$what: memory_get_usage() grew");
        self::assertLessThan(self::MAX_RSS_GROWTH, $growth['rss'], "$what: VmRSS grew");
    }

    public function testTenThousandKeepzSealOpenRounds(): void
    {
        $key = Support::key('rsa2048');
        $integrator = Keepz::integrator($key['public_pem'], $key['private_pem'], Support::ID);
        $keepz = Keepz::testDouble($key['private_pem'], $key['public_pem']);
        $payload = ['integratorId' => Support::ID, 'integratorOrderId' => 'c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a', 'amount' => 12.5];
        self::assertFlat('Keepz seal + open x10000', self::measure(self::ROUNDS, function (int $i) use ($integrator, $keepz, $payload): void {
            $body = $i % 2 === 0 ? $integrator->seal($payload) : $keepz->seal($payload);
            $opened = $i % 2 === 0 ? $keepz->open($body) : $integrator->open($body, 200);
            if ($opened !== $payload) {
                throw new \RuntimeException("round $i did not round-trip");
            }
        }));
    }

    public function testTenThousandTransactPaySealOpenRounds(): void
    {
        $key = Support::key('rsa2048');
        $transactPay = new TransactPay($key['transactpay_blob'], $key['private_pem']);
        $payload = '{"reference":"ORD-2024-0001","paymentoption":"C","country":"NG"}';
        self::assertFlat('TransactPay seal + open x10000', self::measure(self::ROUNDS, function (int $i) use ($transactPay, $payload): void {
            if ($transactPay->openJson($transactPay->seal($payload)) !== $payload) {
                throw new \RuntimeException("round $i did not round-trip");
            }
        }));
    }

    /** Typed prepare + parse (Keepz, with the test double) and a TransactPay parse and a refused request. */
    public function testTenThousandTypedOperations(): void
    {
        $key = Support::key('rsa2048');
        $integrator = Keepz::integrator($key['public_pem'], $key['private_pem'], Support::ID);
        $keepz = Keepz::testDouble($key['private_pem'], $key['public_pem']);
        $request = new OrderStatusRequest(integratorId: Support::ID, integratorOrderId: 'c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a');
        $refused = new OrderStatusRequest(integratorId: Support::ID, integratorOrderId: '42');
        $answer = $keepz->seal(['status' => 'SUCCESS']);
        $verify = '{"statusCode":"00","data":{"statusId":5,"totalAmountCharged":1015.00,"fee":15,"currencyName":"NGN"}}';
        $amount = Amount::of('1000');
        self::assertFlat('typed prepare + parse x10000', self::measure(self::ROUNDS, function (int $i) use ($integrator, $keepz, $request, $refused, $answer, $verify, $amount): void {
            $paid = $i % 2 === 0
                ? $keepz->openQueryJson((string) $integrator->prepareOrderStatus($request)->query) !== '' && $integrator->parseOrderStatus(200, $answer)->status->paid
                : TransactPay::parseVerify(200, $verify, $amount, 'NGN')->paid;
            try {
                $integrator->prepareOrderStatus($refused);
                $paid = false;
            } catch (InvalidInputException) {
            }
            if ($paid !== true) {
                throw new \RuntimeException("round $i: not paid");
            }
        }));
    }

    public function testFailingCallsFreeTheirErrorAndOutputBuffers(): void
    {
        $keepz = new Keepz(openWith: Support::key('rsa2048')['private_pem']);
        $bad = '{"encryptedData":"AAAA","encryptedKeys":"AAAA","aes":true}';
        $error = '{"message":"Integrator order not found","statusCode":6005,"exceptionGroup":5}';
        self::assertFlat('failing open / gateway error / parse x10000', self::measure(self::ROUNDS, function (int $i) use ($keepz, $bad, $error): void {
            try {
                $keepz->open($bad, 200);
            } catch (CannotOpenException) {
            }
            try {
                $keepz->open($error, 404);
            } catch (GatewayException) {
            }
            TransactPay::parseResponse(200, '{"statusCode":"00","data":{"x":1}}');
        }));
    }

    public function testHandlesAreFreed(): void
    {
        $key = Support::key('rsa2048');
        self::assertFlat('Keepz handle new + free x2000', self::measure(2000, function () use ($key): void {
            new Keepz($key['public_pem'], $key['private_pem'], Support::ID);
        }));
        self::assertFlat('TransactPay handle new + free x2000', self::measure(2000, function () use ($key): void {
            new TransactPay($key['transactpay_blob'], $key['private_pem']);
        }));
    }

    public function testTheCheckCatchesALeak(): void
    {
        // The same seal as above, straight through FFI, never calling payseal_buffer_free.
        $library = Library::get();
        $ffi = $library->ffi;
        $payload = '{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e"}';
        $bytes = $library->bytes($payload);
        $key = Support::key('rsa2048');
        $handle = $ffi->new('payseal_keepz *');
        $public = $library->bytes($key['public_pem']);
        self::assertSame(0, $ffi->payseal_keepz_new($public, strlen($key['public_pem']), null, 0, null, 0, null, \FFI::addr($handle), null));
        $rss = Support::rss();
        for ($i = 0; $i < self::ROUNDS; $i++) {
            $out = $ffi->new('payseal_buffer');
            $ffi->payseal_keepz_seal($handle, $bytes, strlen($payload), \FFI::addr($out), null);
        }
        $growth = Support::rss() - $rss;
        $ffi->payseal_keepz_free($handle);
        fwrite(STDERR, sprintf("\n[leak] control (buffers never freed) x10000: VmRSS %+d KiB\n", intdiv($growth, 1024)));
        self::assertGreaterThan(2 * self::MAX_RSS_GROWTH, $growth, 'a leak of one buffer per call is visible');
    }
}
