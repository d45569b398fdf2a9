<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\BaseUrl;
use Payseal\GatewayException;
use Payseal\Keepz;
use Payseal\PaysealException;
use Payseal\Prepared;
use Payseal\TransactPay;
use PHPUnit\Framework\TestCase;

/**
 * Every case of tests/vectors/typed_operations.json (see tests/vectors/README.md) through the
 * binding's typed API: prepare{Operation}() with a request built as a PHP caller writes it
 * (TypedWire::request), parse{Operation}(), callback(), webhook(); answers compared, as the
 * vectors' JSON, through their typed classes (TypedWire::wire).
 *
 * A request PHP's types cannot express (an unknown field, a missing one, a string for a bool, a
 * float for an amount, an unlisted closed value, JSON text given twice or not JSON at all, an
 * operation with no method) must be one the core refuses too: such a case is checked to fail at
 * construction in PHP and then, as JSON text, through prepare($operation, $json) with the
 * vector's status.
 */
final class TypedVectorsTest extends TestCase
{
    private static ?Keepz $integrator = null;
    private static ?Keepz $double = null;
    private static ?TransactPay $transactPay = null;

    private static function vectors(): array
    {
        return Support::vectors('typed_operations');
    }

    private static function integrator(): Keepz
    {
        $v = self::vectors();
        return self::$integrator ??= Keepz::integrator(
            Support::key($v['keys']['keepz'])['public_base64_der'],
            Support::key($v['keys']['integrator'])['private_pem'],
            $v['integratorId'],
        );
    }

    private static function double(): Keepz
    {
        $v = self::vectors();
        return self::$double ??= Keepz::testDouble(
            Support::key($v['keys']['keepz'])['private_pem'],
            Support::key($v['keys']['integrator'])['public_pem'],
        );
    }

    private static function transactPay(): TransactPay
    {
        $key = Support::key(self::vectors()['keys']['transactpay']);
        return self::$transactPay ??= new TransactPay($key['transactpay_blob'], $key['private_pem']);
    }

    /** @return array<string, array{0: array<string, mixed>}> */
    private static function cases(string $group): array
    {
        $cases = [];
        foreach (self::vectors()[$group] as $case) {
            $cases[$case['name'] . (isset($case['gateway']) ? " ({$case['gateway']})" : '')] = [$case];
        }
        return $cases;
    }

    public function prepareCases(): array
    {
        return self::cases('prepare');
    }

    public function parseCases(): array
    {
        return self::cases('parse');
    }

    public function callbackCases(): array
    {
        return self::cases('callbacks');
    }

    public function webhookCases(): array
    {
        return self::cases('webhooks');
    }

    /** @dataProvider prepareCases */
    public function testPrepare(array $case): void
    {
        $handle = $case['gateway'] === 'keepz' ? self::integrator() : self::transactPay();
        $method = 'prepare' . str_replace('_', '', ucwords($case['operation'], '_'));
        $baseUrl = self::baseUrl($case);

        $typed = null;
        $refusedByPhp = null;
        $text = isset($case['request_text']);  // JSON text as a host might send it: the untyped layer
        if (!in_array($case['operation'], $handle::OPERATIONS, true)) {
            $refusedByPhp = "no method $method";
        } elseif ($baseUrl === null) {
            $refusedByPhp = 'a custom URL without BaseUrl::Custom cannot be written';
        } elseif ($text || $case['request'] === [] || array_is_list($case['request'])) {
            $refusedByPhp = 'JSON text, not an object a caller builds';
        } else {
            $class = (string) (new \ReflectionMethod($handle, $method))->getParameters()[0]->getType();
            try {
                $typed = TypedWire::request(ltrim($class, '\\'), $case['request']);
            } catch (\TypeError | \ValueError | \DomainException $e) {  // ArgumentCountError is a TypeError
                $refusedByPhp = $e::class . ': ' . $e->getMessage();
            } catch (\Error $e) {
                self::assertStringStartsWith('Unknown named parameter', $e->getMessage());
                $refusedByPhp = $e->getMessage();
            }
        }

        if ($typed !== null) {
            $call = fn () => $handle->$method($typed, $baseUrl);
        } else {
            // PHP's types rule it out; the core must refuse it too.
            if (!$text) {
                self::assertNotSame(0, $case['expect_status'], "a case the core accepts cannot be written with the types: $refusedByPhp");
            }
            $json = $case['request_text'] ?? json_encode($case['request'], JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
            $call = fn () => $handle->prepare($case['operation'], $json, $baseUrl ?? BaseUrl::Test);
            if ($baseUrl === null) {
                return; // neither layer can express it: BaseUrl|string has no "test host plus a custom URL"
            }
        }
        $prepared = $this->expectOutcome($case, $call);
        if ($prepared !== null) {
            self::assertSame($case['gateway'], $prepared->gateway);
            self::assertSame($case['operation'], $prepared->operation);
            $this->checkPrepared($prepared, $case['expect'], $case['expect_plaintext'], $case['gateway']);
        }
    }

    /** @dataProvider parseCases */
    public function testParse(array $case): void
    {
        $keepz = $case['gateway'] === 'keepz';
        $body = isset($case['answer']) ? self::double()->seal($case['answer']) : $case['body'];
        $method = 'parse' . str_replace('_', '', ucwords($case['operation'], '_'));
        $amount = isset($case['expected_amount']) ? \Payseal\Amount::of($case['expected_amount']) : null;
        $currency = $case['expected_currency'] ?? null;
        $host = $keepz ? self::integrator() : TransactPay::class;
        $takesExpectation = method_exists($host, $method) && (new \ReflectionMethod($host, $method))->getNumberOfParameters() > 3;

        if (!in_array($case['operation'], ($keepz ? Keepz::class : TransactPay::class)::OPERATIONS, true) || (!$keepz && !$takesExpectation && ($amount !== null || $currency !== null))) {
            // No typed method (an operation the gateway does not have), or an expectation the
            // operation's method does not take: the untyped layer, which the core refuses.
            self::assertNotSame(0, $case['expect_status']);
            $call = $keepz
                ? fn () => self::integrator()->parseOperationJson($case['operation'], $case['http_status'], $body)
                : fn () => TransactPay::parseOperationJson($case['operation'], $case['http_status'], $body, $amount, $currency);
        } elseif ($keepz) {
            $call = fn () => self::integrator()->$method($case['http_status'], $body);
        } elseif ($takesExpectation) {
            $call = fn () => TransactPay::$method($case['http_status'], $body, $amount, $currency);
        } else {
            $call = fn () => TransactPay::$method($case['http_status'], $body);
        }
        $result = $this->expectOutcome($case, $call);
        if ($case['expect_status'] === 0) {
            self::assertSame(TypedWire::canonical($case['expect_output']), TypedWire::canonical(TypedWire::wire($result)));
        }
    }

    /** @dataProvider callbackCases */
    public function testCallback(array $case): void
    {
        $body = isset($case['answer']) ? self::double()->seal($case['answer']) : $case['body'];
        $hint = $this->expectOutcome($case, fn () => self::integrator()->callback($body, self::baseUrl($case)));
        if ($hint !== null) {
            $this->checkHint($case, $hint, 'keepz');
        }
    }

    /** @dataProvider webhookCases */
    public function testWebhook(array $case): void
    {
        $hint = $this->expectOutcome($case, fn () => self::transactPay()->webhook($case['body'], self::baseUrl($case)));
        if ($hint !== null) {
            $this->checkHint($case, $hint, 'transactpay');
        }
    }

    /** The result on success; on failure the exception's status, message and gateway error. */
    private function expectOutcome(array $case, \Closure $call): mixed
    {
        try {
            $result = $call();
        } catch (PaysealException $e) {
            self::assertSame($case['expect_status'], $e->getStatus(), "{$case['name']}: {$e->getMessage()}");
            if (isset($case['expect_error'])) {
                self::assertStringContainsString($case['expect_error'], $e->getMessage());
            }
            if (isset($case['expect_error_excludes'])) {
                self::assertStringNotContainsString($case['expect_error_excludes'], $e->getMessage());
            }
            if ($case['expect_status'] === 10) {
                self::assertInstanceOf(GatewayException::class, $e);
                self::assertSame(TypedWire::canonical($case['expect_output']), TypedWire::canonical($e->getError()));
                $typed = $e->keepzError() ?? $e->transactPayError();
                self::assertSame(TypedWire::canonical($case['expect_output']), TypedWire::canonical(TypedWire::wire($typed)));
            }
            return null;
        }
        self::assertSame(0, $case['expect_status'], "{$case['name']}: succeeded");
        return $result;
    }

    private function checkHint(array $case, object $hint, string $gateway): void
    {
        $wire = TypedWire::wire($hint);
        unset($wire['recheck']);
        self::assertSame(TypedWire::canonical($case['expect_output']), TypedWire::canonical($wire));
        self::assertSame($gateway, $hint->recheck->gateway);
        $this->checkPrepared($hint->recheck, $case['expect_recheck'], $case['expect_recheck_plaintext'], $gateway);
    }

    /** As tests/vectors/README.md says: each expected key, the placement, what the gateway's side opens. */
    private function checkPrepared(Prepared $prepared, array $expect, string $plaintext, string $gateway): void
    {
        $wire = TypedWire::wire($prepared);
        foreach ($expect as $key => $value) {
            $actual = $key === 'url' && $prepared->placement === 'query' ? strtok($prepared->url, '?') : $wire[$key];
            if ($key === 'url' && $prepared->placement === 'query') {
                self::assertSame("$value?{$prepared->query}", $prepared->url);
                continue;
            }
            self::assertSame(TypedWire::canonical($value), TypedWire::canonical($actual), $key);
        }
        self::assertSame($prepared->placement === 'body', is_string($prepared->body));
        self::assertSame($prepared->placement === 'query', is_string($prepared->query));
        $opened = match (true) {
            $gateway === 'keepz' && $prepared->placement === 'query' => self::double()->openQueryJson((string) $prepared->query),
            $gateway === 'keepz' => self::double()->openJson((string) $prepared->body),
            $prepared->encrypted => self::transactPay()->openJson((string) $prepared->body),
            default => $prepared->body,
        };
        self::assertSame($plaintext, $opened);
    }

    /** The case's base URL as the typed API takes it; null when it cannot be written. */
    private static function baseUrl(array $case): BaseUrl|string|null
    {
        $custom = $case['custom_base_url'] ?? null;
        return match ($case['base_url'] ?? 'test') {
            'production' => $custom === null ? BaseUrl::Production : null,
            'custom' => $custom ?? '',
            default => $custom === null ? BaseUrl::Test : null,
        };
    }
}
