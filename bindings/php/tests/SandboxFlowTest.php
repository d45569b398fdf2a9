<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Amount;
use Payseal\GatewayException;
use Payseal\Keepz;
use Payseal\Keepz\CreateOrderRequest;
use Payseal\Keepz\OrderStatus;
use Payseal\Keepz\OrderStatusRequest;
use Payseal\Keepz\ReceiverType;
use Payseal\Keepz\RefundRequest;
use Payseal\Keepz\SavedCardRequest;
use Payseal\OrderId;
use Payseal\Prepared;
use Payseal\TransactPay;
use Payseal\TransactPay\CardDetails;
use Payseal\TransactPay\Customer;
use Payseal\TransactPay\OrderDetails;
use Payseal\TransactPay\OrderStatusRequest as TransactPayStatusRequest;
use Payseal\TransactPay\PaymentDetails;
use Payseal\TransactPay\PayWithCardRequest;
use Payseal\TransactPay\StatusId;
use Payseal\TransactPay\VerifyRequest;
use Payseal\Tests\Sandbox\CallbackReceiver;
use Payseal\Tests\Sandbox\RunningSandbox;
use Payseal\Tests\Sandbox\StreamHttp;
use PHPUnit\Framework\TestCase;

/**
 * The Keepz and TransactPay flows against a running `payseal sandbox`, over real HTTP on
 * loopback, as a PHP merchant writes them: the binding's typed operations (prepare → send →
 * parse) pointed at the sandbox's base URLs, PHP's own stream wrapper as the HTTP client
 * (StreamHttp), and PHP's built-in web server as the callback endpoint (CallbackReceiver).
 *
 * The sandbox is started by sandbox/tests/php.sh, which names its ready file in
 * PAYSEAL_SANDBOX_READY; without it these tests are skipped, so test.sh runs anywhere.
 */
final class SandboxFlowTest extends TestCase
{
    /** The sandbox's receiver (a UUID like any branch id: it accepts any). */
    private const RECEIVER_ID = '7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c';

    private RunningSandbox $sandbox;
    private CallbackReceiver $receiver;

    protected function setUp(): void
    {
        $sandbox = RunningSandbox::fromEnvironment();
        if ($sandbox === null) {
            self::markTestSkipped(
                RunningSandbox::VARIABLE . ' is not set: sandbox/tests/php.sh starts a sandbox and runs these flows against it',
            );
        }
        $this->sandbox = $sandbox;
        $this->receiver = CallbackReceiver::start();
    }

    protected function tearDown(): void
    {
        if (isset($this->receiver)) {
            $this->receiver->stop();
        }
    }

    /**
     * create (saveCard) → status INITIAL → pay on the checkout page → the callback at our endpoint,
     * read as a hint and re-checked → saved card → a partial refund and its callbacks → an unknown
     * order as Keepz's error 6005.
     */
    public function testKeepzCreateStatusCheckoutCallbackSavedCardRefund(): void
    {
        $sandbox = $this->sandbox;
        $base = $sandbox->keepzBaseUrl();
        $integratorId = $sandbox->integratorId();
        $keepz = Keepz::integrator($sandbox->keyFile('keepzPublic'), $sandbox->keyFile('integratorPrivate'), $integratorId);

        // 1. Create the order, sealed to the sandbox's Keepz key, posted to the sandbox.
        $orderId = OrderId::generate();
        $prepared = $keepz->prepareCreateOrder(new CreateOrderRequest(
            amount: Amount::of('25.50'),
            receiverId: self::RECEIVER_ID,
            receiverType: ReceiverType::Branch,
            integratorId: $integratorId,
            integratorOrderId: $orderId,
            saveCard: true,
            callbackUri: $this->receiver->url('keepz'),
        ), $base);
        self::assertSame(['POST', "$base/api/integrator/order"], [$prepared->method, $prepared->url]);
        $created = $keepz->parseCreateOrder(...StreamHttp::send($prepared));
        self::assertSame($orderId, $created->integratorOrderId);
        self::assertSame($sandbox->url() . "/checkout/keepz/$orderId", $created->urlForQR);

        // 2. Its status: a GET with the envelope in the query.
        $status = $this->keepzStatus($keepz, $orderId);
        self::assertTrue($status->is(OrderStatus::INITIAL), $status->value);
        self::assertFalse($status->paid);
        self::assertFalse($status->final);

        // 3. The payer pays on the checkout page, keeping the card (the form a browser posts).
        [$code, $page] = StreamHttp::request('GET', $created->urlForQR);
        self::assertSame(200, $code);
        self::assertStringContainsString('id="save-card"', $page);
        [$code, , $headers] = StreamHttp::postForm($created->urlForQR, ['action' => 'pay', 'saveCard' => 'on']);
        self::assertSame(303, $code);
        self::assertArrayHasKey('location', $headers);

        // 4. The callback at our endpoint: sealed to our key, read as a hint, never trusted.
        $body = $this->receiver->waitFor('keepz', 0);
        self::assertArrayHasKey('encryptedData', json_decode($body, true, 512, JSON_THROW_ON_ERROR));
        $hint = $keepz->callback($body, $base);
        self::assertTrue($hint->unverified);
        self::assertSame('order', $hint->type);
        self::assertSame($orderId, $hint->order->integratorOrderId);
        self::assertTrue($hint->order->status->is(OrderStatus::SUCCESS));
        self::assertSame('25.5', $hint->order->amount->value);
        $token = $hint->order->cardInfo?->token;
        self::assertIsString($token, 'the callback carries the saved card');

        // The re-check it came with: an order status for our integrator id, sent to the sandbox.
        self::assertSame(['keepz', 'order_status', 'GET'], [$hint->recheck->gateway, $hint->recheck->operation, $hint->recheck->method]);
        self::assertStringStartsWith("$base/api/integrator/order/status?", $hint->recheck->url);
        $confirmed = $keepz->parseOrderStatus(...StreamHttp::send($hint->recheck));
        self::assertSame($orderId, $confirmed->integratorOrderId);
        self::assertTrue($confirmed->status->is(OrderStatus::SUCCESS));
        self::assertTrue($confirmed->status->paid);
        self::assertTrue($confirmed->status->final);

        // 5. The card the order saved: the callback's token, and what may be shown.
        $card = $keepz->parseSavedCard(...StreamHttp::send(
            $keepz->prepareSavedCard(new SavedCardRequest(integratorOrderId: $orderId), $base),
        ));
        self::assertSame($token, $card->token);
        self::assertSame(['VISA', '411111******1111'], [$card->cardBrand, $card->cardMask]);

        // 6. A partial refund: REFUND_REQUESTED at once, then a callback each for it and for its
        // settling into PARTIALLY_REFUNDED (the sandbox settles after --refund-settle-ms).
        $refund = $keepz->parseRefund(...StreamHttp::send($keepz->prepareRefund(new RefundRequest(
            integratorId: $integratorId,
            integratorOrderId: $orderId,
            amount: Amount::of('5.25'),
        ), $base)));
        self::assertNull($refund->errorMessage);
        self::assertTrue($refund->status?->is(OrderStatus::REFUND_REQUESTED));
        $callbacks = [];
        foreach ([1, 2] as $n) {
            $later = $keepz->callback($this->receiver->waitFor('keepz', $n), $base)->order;
            $callbacks[] = [$later->integratorOrderId, $later->status->value];
        }
        self::assertSame(
            [[$orderId, OrderStatus::REFUND_REQUESTED], [$orderId, OrderStatus::PARTIALLY_REFUNDED]],
            $callbacks,
        );
        $status = $this->keepzStatus($keepz, $orderId);
        self::assertTrue($status->is(OrderStatus::PARTIALLY_REFUNDED), $status->value);

        // 7. An order the sandbox does not know: Keepz's error body, as the binding's typed error.
        try {
            $this->keepzStatus($keepz, OrderId::generate());
            self::fail('an unknown order was answered');
        } catch (GatewayException $e) {
            $error = $e->keepzError();
            self::assertNotNull($error);
            self::assertSame(
                [6005, 5, 404, 'Integrator order not found'],
                [$error->statusCode, $error->exceptionGroup, $error->httpStatus, $error->message],
            );
        }
    }

    /**
     * create → pay by card → the 3-D Secure page → the webhook at our endpoint, read as a hint and
     * re-checked → order status → verify with the amount and currency expected (paid) — and not
     * paid for another amount or currency; verify with the public key refused (api-key).
     */
    public function testTransactPayCreatePayWebhookStatusVerify(): void
    {
        $sandbox = $this->sandbox;
        $base = $sandbox->transactPayBaseUrl();
        $transactPay = new TransactPay($sandbox->keyFile('transactpayEncryptionKey'));
        [$code] = $sandbox->control('PUT', '/transactpay/webhook', ['url' => $this->receiver->url('transactpay')]);
        self::assertSame(200, $code, 'the dashboard webhook URL');
        // Short: the sealed create order carries the reference, and must fit one 2048-bit block.
        $reference = 'P' . bin2hex(random_bytes(2));
        $amount = Amount::of('1500.25');

        // 1. Create the order (sealed; with 2048-bit test keys one block carries 245 bytes).
        $created = TransactPay::parseCreateOrder(...$this->transactPaySend($transactPay->prepareCreateOrder(
            new \Payseal\TransactPay\CreateOrderRequest(
                customer: new Customer(firstname: 'Ada', lastname: 'Obi', mobile: '+2348012345678', country: 'NG', email: 'ada@x.ng'),
                order: new OrderDetails(amount: $amount, reference: $reference, description: 'B', currency: 'NGN'),
                payment: new PaymentDetails(redirectUrl: 'http://127.0.0.1:9/r'),
            ),
            $base,
        )));
        self::assertSame('01', $created->statusCode);
        $order = $created->data->order;
        self::assertSame([$reference, '1500.25', '22.5', 'NGN'], [$order->reference, $order->amount->value, $order->fee->value, $order->currency]);
        self::assertTrue($order->statusId->is(StatusId::INITIATED));

        // 2. Pay by card: pending (02) with the 3-D Secure page to send the payer to.
        $pay = TransactPay::parsePay(...$this->transactPaySend($transactPay->preparePay(new PayWithCardRequest(
            reference: $reference,
            country: 'NG',
            card: new CardDetails(cardnumber: '4111111111111111', expirymonth: '12', expiryyear: '30', cvv: '123'),
        ), $base)));
        self::assertSame('02', $pay->statusCode);
        $page = $pay->data->paymentDetail?->redirectUrl;
        self::assertIsString($page);
        self::assertStringStartsWith($sandbox->url() . '/', $page);

        // 3. The payer completes 3-D Secure on that page (the form a browser posts).
        [$code] = StreamHttp::postForm($page, ['action' => 'pay']);
        self::assertSame(303, $code);

        // 4. The webhooks at our endpoint: pending, then successful. Hints: re-checked by verify.
        $pending = $transactPay->webhook($this->receiver->waitFor('transactpay', 0), $base);
        self::assertSame([$reference, StatusId::PENDING], [$pending->data->orderReference, $pending->data->statusId->value]);
        $hint = $transactPay->webhook($this->receiver->waitFor('transactpay', 1), $base);
        self::assertTrue($hint->unverified);
        self::assertSame([$reference, StatusId::SUCCESSFUL], [$hint->data->orderReference, $hint->data->statusId->value]);
        self::assertSame(['verify', 'POST', 'secret', false], [$hint->recheck->operation, $hint->recheck->method, $hint->recheck->apiKey?->key, $hint->recheck->encrypted]);
        [$code, $body] = $this->transactPaySend($hint->recheck);
        self::assertTrue(TransactPay::parseVerify($code, $body, $amount, 'NGN')->paid, 'the webhook re-checked');

        // 5. The order's status: paid, the fee on top, to the kobo.
        [$code, $body] = $this->transactPaySend(
            $transactPay->prepareOrderStatus(new TransactPayStatusRequest(reference: $reference), $base),
        );
        $status = TransactPay::parseOrderStatus($code, $body, $amount, 'NGN');
        self::assertTrue($status->paid);
        $summary = $status->data->orderSummary;
        self::assertSame(
            [$reference, '1500.25', '22.5', '1522.75', StatusId::SUCCESSFUL],
            [$summary->orderReference, $summary->amount->value, $summary->fee->value, $summary->totalChargedAmount->value, $summary->statusId->value],
        );

        // 6. Verify (plain body, the secret key): paid for this amount and currency only.
        $verify = $transactPay->prepareVerify(new VerifyRequest(reference: $reference), $base);
        self::assertSame([false, 'secret'], [$verify->encrypted, $verify->apiKey?->key]);
        [$code, $body] = $this->transactPaySend($verify);
        self::assertTrue(TransactPay::parseVerify($code, $body, $amount, 'NGN')->paid);
        self::assertFalse(TransactPay::parseVerify($code, $body, Amount::of('1500.24'), 'NGN')->paid, 'another amount');
        self::assertFalse(TransactPay::parseVerify($code, $body, $amount, 'GHS')->paid, 'another currency');
        $verified = TransactPay::parseVerify($code, $body)->data;
        self::assertSame(['1500.25', '1522.75'], [$verified->amount->value, $verified->totalAmountCharged->value]);

        // 7. Verify sent with the public key: refused (the secret key only, from a server).
        try {
            TransactPay::parseVerify(...StreamHttp::send($verify, $sandbox->transactPayKey('public')));
            self::fail('verify with the public key was answered');
        } catch (GatewayException $e) {
            $error = $e->transactPayError();
            self::assertNotNull($error);
            self::assertSame([401, '03'], [$error->httpStatus, $error->statusCode]);
        }
    }

    /**
     * The bound on each call is real: an answer the sandbox delays (its `slow` fault) beyond the
     * client's timeout ends the call with an error instead of waiting, and the next call, without
     * the fault, is answered.
     */
    public function testASlowAnswerEndsTheCallAtItsTimeout(): void
    {
        $sandbox = $this->sandbox;
        $keepz = Keepz::integrator($sandbox->keyFile('keepzPublic'), $sandbox->keyFile('integratorPrivate'), $sandbox->integratorId());
        $prepared = $keepz->prepareOrderStatus(
            new OrderStatusRequest(integratorId: $sandbox->integratorId(), integratorOrderId: OrderId::generate()),
            $sandbox->keepzBaseUrl(),
        );
        [$code] = $sandbox->control('POST', '/faults', ['gateway' => 'keepz', 'kind' => 'slow', 'delayMs' => 5000]);
        self::assertSame(200, $code, 'the slow fault queued');
        $answer = $error = null;
        try {
            $answer = StreamHttp::send($prepared, timeout: 1.0);
        } catch (\RuntimeException $e) {
            $error = $e->getMessage();
        }
        self::assertNull($answer, 'a call past its timeout was answered');
        self::assertSame(
            'GET ' . $sandbox->keepzBaseUrl() . '/api/integrator/order/status: Failed to open stream: HTTP request failed! (timeout 1 s)',
            $error,
        );
        $this->expectException(GatewayException::class);   // 6005: the order is unknown, and answered
        $keepz->parseOrderStatus(...StreamHttp::send($prepared));
    }

    private function keepzStatus(Keepz $keepz, string $orderId): OrderStatus
    {
        $prepared = $keepz->prepareOrderStatus(
            new OrderStatusRequest(integratorId: $this->sandbox->integratorId(), integratorOrderId: $orderId),
            $this->sandbox->keepzBaseUrl(),
        );
        return $keepz->parseOrderStatus(...StreamHttp::send($prepared))->status;
    }

    /**
     * Sends a TransactPay request with the dashboard key it names.
     *
     * @return array{0: int, 1: string}
     */
    private function transactPaySend(Prepared $prepared): array
    {
        return StreamHttp::send($prepared, $this->sandbox->transactPayKey((string) $prepared->apiKey?->key));
    }
}
