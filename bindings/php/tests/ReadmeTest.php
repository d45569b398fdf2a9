<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Keepz;
use Payseal\Prepared;
use Payseal\TransactPay;
use PHPUnit\Framework\TestCase;

/**
 * Runs the typed flows of the binding's README as they are written there (the PHP blocks after
 * "<!-- ReadmeTest: name -->"), in a directory holding the key files they read, with $send
 * played by test doubles of the gateways: the gateway's side opens each request with its own
 * private key (so the request really was sealed to it) and seals its answer to the integrator.
 */
final class ReadmeTest extends TestCase
{
    private const CALLBACK_ORDER = 'c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a';

    private string $dir;
    private string $previous;

    /** @var list<array<int, mixed>> gateway, operation, method, opened request (decoded, and as text for TransactPay) */
    private array $seen = [];

    protected function setUp(): void
    {
        $this->dir = sys_get_temp_dir() . '/payseal-readme-' . bin2hex(random_bytes(6));
        mkdir($this->dir);
        copy(Support::repoRoot() . '/tests/keys/rsa4096.spki.b64', "$this->dir/keepz_public.b64");
        copy(Support::repoRoot() . '/tests/keys/rsa2048.pkcs8.pem', "$this->dir/integrator_private.pem");
        file_put_contents("$this->dir/encryption_key.txt", Support::key('rsa4096')['transactpay_blob']);
        $this->previous = (string) getcwd();
        chdir($this->dir);
    }

    protected function tearDown(): void
    {
        chdir($this->previous);
        array_map('unlink', glob("$this->dir/*") ?: []);
        rmdir($this->dir);
    }

    public function testKeepzFlow(): void
    {
        $send = $this->keepzDouble();
        $callbackBody = '{"integratorOrderId":"' . self::CALLBACK_ORDER . '","status":"SUCCESS","amount":12.5}';
        eval(self::block('keepz'));

        // What Keepz received, opened with Keepz's key.
        self::assertSame(
            [['keepz', 'create_order', 'POST'], ['keepz', 'order_status', 'GET'], ['keepz', 'saved_card', 'GET'],
             ['keepz', 'refund', 'POST'], ['keepz', 'order_status', 'GET']],
            array_map(static fn (array $s) => array_slice($s, 0, 3), $this->seen),
        );
        $create = $this->seen[0][3];
        self::assertSame(12.5, $create['amount']);          // Keepz's own JSON: a number, from "12.50"
        self::assertSame('BRANCH', $create['receiverType']);
        self::assertTrue($create['saveCard']);
        self::assertSame($orderId, $create['integratorOrderId']);
        self::assertMatchesRegularExpression('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $orderId);
        self::assertSame(['integratorId' => Support::ID, 'integratorOrderId' => $orderId], $this->seen[1][3]);
        self::assertSame(['integratorOrderId' => $orderId], $this->seen[2][3]);
        self::assertSame('5.00', number_format($this->seen[3][3]['amount'], 2));
        // The callback's re-check asks about the order the callback names, for our integrator id.
        self::assertSame(['integratorId' => Support::ID, 'integratorOrderId' => self::CALLBACK_ORDER], $this->seen[4][3]);

        // What the README's code got.
        self::assertSame('https://pay.keepz.me/q/1', $payerUrl);
        self::assertTrue($paid);
        self::assertTrue($final);
        self::assertSame('VISA 411111******1111', $shown);
        self::assertSame('5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f', $card->token);
        self::assertTrue($refunded);
        self::assertTrue($hint->unverified);
        self::assertSame('12.5', $hint->order->amount->value);
        self::assertTrue($confirmed);
    }

    public function testTransactPayFlow(): void
    {
        $send = $this->transactPayDouble();
        eval(self::block('transactpay'));

        self::assertSame(
            [['transactpay', 'create_order', 'POST'], ['transactpay', 'order_status', 'POST'], ['transactpay', 'verify', 'POST']],
            array_map(static fn (array $s) => array_slice($s, 0, 3), $this->seen),
        );
        self::assertMatchesRegularExpression('/"order":\{"amount":"?1000(\.0*)?"?,/', $this->seen[0][4]);
        self::assertSame('https://shop.example/return', $this->seen[0][3]['payment']['RedirectUrl']);
        self::assertSame(['reference' => 'ORD-1001'], $this->seen[1][3]);
        self::assertSame(['reference' => 'ORD-1001'], $this->seen[2][3]);

        self::assertSame(1, $statusId->value);
        self::assertFalse($statusId->final);
        self::assertTrue($answer->paid);
        self::assertSame('1015', $summary->totalChargedAmount->value);
        self::assertSame('15', $summary->fee->value);
        self::assertTrue($ship);
        self::assertSame('public', $prepared->apiKey?->key);
    }

    /** The README block after "<!-- ReadmeTest: $name -->". */
    private static function block(string $name): string
    {
        $readme = (string) file_get_contents(dirname(__DIR__) . '/README.md');
        if (!preg_match('/<!-- ReadmeTest: ' . preg_quote($name, '/') . ' -->\s*```php\n(.*?)```/s', $readme, $m)) {
            self::fail("README.md has no block for ReadmeTest: $name");
        }
        return $m[1];
    }

    /** Keepz's side: opens each request with Keepz's private key, seals its answer. */
    private function keepzDouble(): \Closure
    {
        $double = Keepz::testDouble(Support::key('rsa4096')['private_pem'], Support::key('rsa2048')['public_pem']);
        return function (Prepared $request) use ($double): array {
            self::assertSame('https://gateway.dev.keepz.me/ecommerce-service' . $request->path, strtok($request->url, '?'));
            $opened = $request->placement === 'body' ? $double->openJson((string) $request->body) : $double->openQueryJson((string) $request->query);
            $payload = json_decode((string) $opened, true, 512, JSON_THROW_ON_ERROR);
            $this->seen[] = [$request->gateway, $request->operation, $request->method, $payload];
            $answer = match ($request->operation) {
                'create_order' => ['integratorOrderId' => $payload['integratorOrderId'], 'urlForQR' => 'https://pay.keepz.me/q/1'],
                'order_status' => ['integratorOrderId' => $payload['integratorOrderId'], 'status' => 'SUCCESS'],
                'saved_card' => ['token' => '5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f', 'provider' => 'CREDO',
                                 'cardMask' => '411111******1111', 'expirationDate' => '12/30', 'cardBrand' => 'VISA'],
                'refund' => ['status' => 'REFUND_REQUESTED'],
            };
            return [200, $double->seal($answer)];
        };
    }

    /** TransactPay's side: opens sealed requests with TransactPay's private key; answers in plain JSON. */
    private function transactPayDouble(): \Closure
    {
        $key = Support::key('rsa4096');
        $double = new TransactPay($key['transactpay_blob'], $key['private_pem']);
        return function (Prepared $request) use ($double): array {
            $opened = $request->encrypted ? $double->openJson((string) $request->body) : (string) $request->body;
            $this->seen[] = [$request->gateway, $request->operation, $request->method,
                             json_decode($opened, true, 512, JSON_THROW_ON_ERROR), $opened];
            self::assertSame($request->operation === 'verify' ? 'secret' : 'public', $request->apiKey?->key);
            return [200, match ($request->operation) {
                'create_order' => '{"statusCode":"01","status":"success","message":"Order created","data":{"order":'
                    . '{"reference":"ORD-1001","amount":1000.00,"fee":15,"statusId":1,"status":"Initiated","currency":"NGN"}}}',
                'order_status' => '{"statusCode":"00","status":"true","data":{"isFinalStatus":true,"orderSummary":'
                    . '{"orderReference":"ORD-1001","amount":1000.00,"totalChargedAmount":1015.00,"fee":15,"statusId":5,"currencyId":"NGN"}}}',
                'verify' => '{"statusCode":"00","status":"Successful","data":{"orderReference":"ORD-1001","statusId":5,'
                    . '"totalAmountCharged":1015.00,"fee":15,"currencyName":"NGN"}}',
            }];
        };
    }
}
