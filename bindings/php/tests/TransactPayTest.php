<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\CannotOpenException;
use Payseal\GatewayException;
use Payseal\InvalidInputException;
use Payseal\KeyException;
use Payseal\MissingKeyException;
use Payseal\PayloadTooLargeException;
use Payseal\ResponseException;
use Payseal\Status;
use Payseal\TransactPay;
use PHPUnit\Framework\TestCase;

final class TransactPayTest extends TestCase
{
    private static function handle(string $bits = 'rsa4096'): TransactPay
    {
        $key = Support::key($bits);
        return new TransactPay($key['transactpay_blob'], $key['private_pem']);
    }

    public function testSealAndOpen(): void
    {
        $transactPay = self::handle();
        $order = [
            'customer' => ['firstname' => 'Ada', 'lastname' => 'Obi', 'mobile' => '+2348012345678', 'country' => 'NG', 'email' => 'ada@example.com'],
            'order' => ['amount' => 20000, 'reference' => 'ORD-1', 'description' => 'Order 1', 'currency' => 'NGN'],
            'payment' => ['RedirectUrl' => 'https://merchant.example/return'],
        ];
        $body = $transactPay->seal($order);
        $envelope = json_decode($body, true, 512, JSON_THROW_ON_ERROR);
        self::assertSame(['data'], array_keys($envelope));
        self::assertSame(684, strlen($envelope['data']));
        self::assertStringEndsWith('=', $envelope['data']);
        self::assertSame($order, $transactPay->open($body));
        self::assertSame(json_encode($order, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), $transactPay->openJson($body));
    }

    public function testTheOneBlockLimit(): void
    {
        foreach (['rsa2048' => 245, 'rsa4096' => 501] as $bits => $limit) {
            $transactPay = self::handle($bits);
            self::assertSame($limit, $transactPay->maxPayload());
            $fits = '{"r":"' . str_repeat('x', $limit - 8) . '"}';
            self::assertSame($fits, $transactPay->openJson($transactPay->seal($fits)));
            try {
                $transactPay->seal('{"r":"' . str_repeat('x', $limit - 7) . '"}');
                self::fail('over the limit sealed');
            } catch (PayloadTooLargeException $e) {
                self::assertInstanceOf(InvalidInputException::class, $e);
                self::assertSame(Status::PAYLOAD_TOO_LARGE, $e->getStatus());
                self::assertStringContainsString((string) ($limit + 1), $e->getMessage());
                self::assertStringContainsString((string) $limit, $e->getMessage());
            }
        }
    }

    public function testNonAsciiCountsInBytes(): void
    {
        $transactPay = self::handle('rsa2048');
        // 3 bytes per Georgian letter: unescaped UTF-8 keeps a payload within the limit where
        // \u escapes (6 bytes each) would not.
        $payload = ['d' => str_repeat('ა', 70)];
        self::assertSame($payload, $transactPay->open($transactPay->seal($payload)));
    }

    public function testEveryKeyForm(): void
    {
        $key = Support::key('rsa2048');
        $blob = $key['transactpay_blob'];
        $text = base64_decode($blob, true);
        self::assertStringStartsWith('2048!<RSAKeyValue>', $text);
        $xml = substr($text, strlen('2048!'));
        $opener = new TransactPay($blob, $key['private_pem']);
        foreach (['blob' => $blob, 'decoded text' => $text, 'XML' => $xml, 'PEM' => $key['public_pem'], 'Base64 DER' => $key['public_base64_der']] as $form => $encryptionKey) {
            $sealer = new TransactPay($encryptionKey);
            self::assertSame(245, $sealer->maxPayload(), $form);
            self::assertSame(['form' => $form], $opener->open($sealer->seal(['form' => $form])), $form);
        }
    }

    public function testBadKeys(): void
    {
        foreach (['not a key' => Status::MALFORMED_KEY, Support::keyFile('ec.spki.pem') => Status::UNSUPPORTED_KEY, Support::keyFile('rsa1024.spki.pem') => Status::KEY_TOO_SMALL] as $key => $status) {
            try {
                new TransactPay((string) $key);
                self::fail("key accepted, status $status expected");
            } catch (KeyException $e) {
                self::assertSame($status, $e->getStatus());
            }
        }
    }

    public function testOpeningNeedsThePrivateKey(): void
    {
        $sealer = new TransactPay(Support::key('rsa2048')['transactpay_blob']);
        $this->expectException(MissingKeyException::class);
        $sealer->open($sealer->seal(['reference' => 'ORD-1']));
    }

    public function testOpenFailures(): void
    {
        $transactPay = self::handle('rsa2048');
        try {
            $transactPay->open('{"data":"@@@@"}');
            self::fail('opened');
        } catch (CannotOpenException $e) {
            self::assertSame(Status::CANNOT_OPEN, $e->getStatus());
        }
        try {
            self::handle('rsa2048')->open(self::handle('rsa4096')->seal(['a' => 1]));
            self::fail('opened');
        } catch (CannotOpenException) {
        }
        try {
            $transactPay->open('{"payload":"x"}');
            self::fail('opened');
        } catch (ResponseException $e) {
            self::assertSame(Status::NOT_ENVELOPE, $e->getStatus());
        }
    }

    public function testPayloadsMustBeJsonObjects(): void
    {
        $transactPay = self::handle('rsa2048');
        foreach (['[1,2]' => Status::INVALID_REQUEST, '{nope' => Status::NOT_JSON] as $payload => $status) {
            try {
                $transactPay->seal((string) $payload);
                self::fail('sealed');
            } catch (InvalidInputException $e) {
                self::assertSame($status, $e->getStatus());
            }
        }
        $this->expectException(InvalidInputException::class);
        $transactPay->seal([1, 2]);
    }

    public function testParseResponse(): void
    {
        $parsed = TransactPay::parseResponse(200, '{"status":true,"status_code":0,"message":"ok","data":{"orderReference":"ORD-1","statusId":5,"totalAmountCharged":1000.1234}}');
        self::assertSame('00', $parsed['statusCode']);
        self::assertSame('true', $parsed['status']);
        self::assertSame(200, $parsed['httpStatus']);
        self::assertSame('ORD-1', $parsed['data']['orderReference']);
        self::assertSame(1000.1234, $parsed['data']['totalAmountCharged']);
        self::assertStringContainsString('"totalAmountCharged":1000.1234', TransactPay::parseResponseJson(200, '{"statusCode":"00","data":{"totalAmountCharged":1000.1234}}'));
    }

    public function testBigIntegersStayExact(): void
    {
        $parsed = TransactPay::parseResponse(200, '{"statusCode":"00","data":{"id":123456789012345678901234567890}}');
        self::assertSame('123456789012345678901234567890', $parsed['data']['id']);
    }

    public function testAFailingResponseIsAGatewayException(): void
    {
        try {
            TransactPay::parseResponse(400, '{"statusCode":"09","status":"failed","message":"Order not found"}');
            self::fail('no exception');
        } catch (GatewayException $e) {
            self::assertSame('transactpay', $e->getGateway());
            self::assertSame('09', $e->getGatewayStatusCode());
            self::assertSame(400, $e->getHttpStatus());
            self::assertSame('Order not found', $e->getGatewayMessage());
            self::assertSame('failed', $e->getError()['status']);
            self::assertNull($e->getHint());
        }
    }

    public function testUnusableResponses(): void
    {
        foreach ([
            Status::NOT_JSON => [502, '<html><body>502 Bad Gateway</body></html>'],
            Status::EMPTY_BODY => [200, ''],
            Status::NOT_ENVELOPE => [200, '[1,2]'],
        ] as $status => [$http, $body]) {
            try {
                TransactPay::parseResponse($http, $body);
                self::fail("status $status expected");
            } catch (ResponseException $e) {
                self::assertSame($status, $e->getStatus());
            }
        }
        $this->expectException(InvalidInputException::class);
        TransactPay::parseResponse(-1, '{}');
    }

    public function testHandlesCannotBeCloned(): void
    {
        $transactPay = self::handle('rsa2048');
        try {
            $copy = clone $transactPay;
            self::fail('cloned');
        } catch (\LogicException) {
        }
        self::assertSame(245, $transactPay->maxPayload(), 'the original survives a refused clone');
    }
}
