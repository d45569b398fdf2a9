<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Endpoints;
use Payseal\GatewayException;
use Payseal\Keepz;
use Payseal\PaysealException;
use Payseal\Status;
use Payseal\TransactPay;
use PHPUnit\Framework\TestCase;

/**
 * The conformity vectors of tests/vectors/ (shared by the Rust tests and every binding), through
 * this binding's public API.
 */
final class VectorsTest extends TestCase
{
    /** Runs $call; returns [status, output or null]. Output of GATEWAY_ERROR is the error array. */
    private static function outcome(callable $call): array
    {
        try {
            return [Status::OK, $call()];
        } catch (GatewayException $e) {
            return [$e->getStatus(), $e->getError()];
        } catch (PaysealException $e) {
            return [$e->getStatus(), null];
        }
    }

    /** @return iterable<string, array{array<string, mixed>}> */
    private static function cases(string $file, ?string $part = null): iterable
    {
        $cases = Support::vectors($file);
        foreach ($part === null ? $cases : $cases[$part] as $case) {
            yield $case['name'] ?? "{$case['gateway']}/{$case['operation']}" => [$case];
        }
    }

    public static function keepzOpenCases(): iterable
    {
        return self::cases('keepz_open');
    }

    /** @dataProvider keepzOpenCases */
    public function testKeepzOpen(array $case): void
    {
        $keepz = new Keepz(
            openWith: Support::key($case['key'])['private_pem'],
            padding: $case['padding'],
            legacy: $case['legacy'],
        );
        [$status, $output] = self::outcome(fn () => $keepz->openJson($case['body'], $case['http_status']));
        self::assertSame($case['expect_status'], $status);
        if (is_string($case['expect_output'] ?? null)) {
            self::assertSame($case['expect_output'], $output ?? '');
        }
        if (($case['expect_output_json'] ?? null) !== null) {
            self::assertEquals($case['expect_output_json'], $output);
        }
    }

    public static function keepzSealCases(): iterable
    {
        return self::cases('keepz_seal');
    }

    /** @dataProvider keepzSealCases */
    public function testKeepzSeal(array $case): void
    {
        $key = Support::key($case['key']);
        $sealer = new Keepz(sealTo: $key['public_base64_der'], identifier: $case['identifier'], padding: $case['padding'], legacy: $case['legacy']);
        $opener = new Keepz(openWith: $key['private_pkcs1_pem'], padding: $case['padding'], legacy: $case['legacy']);
        [$status, $body] = self::outcome(fn () => $sealer->seal($case['payload']));
        self::assertSame($case['expect_status'], $status);
        if ($status === Status::OK) {
            self::assertSame($case['payload'], $opener->openJson($body, 200));
        }
    }

    public static function transactPayCases(): iterable
    {
        yield from self::cases('transactpay', 'seal');
        yield from self::cases('transactpay', 'open');
    }

    /** @dataProvider transactPayCases */
    public function testTransactPay(array $case): void
    {
        $key = Support::key($case['key']);
        $handle = new TransactPay($key['transactpay_blob'], $key['private_pem']);
        self::assertSame(Support::vectors('transactpay')['max_payload'][$case['key']], $handle->maxPayload());
        if (isset($case['payload'])) {
            [$status, $body] = self::outcome(fn () => $handle->seal($case['payload']));
            self::assertSame($case['expect_status'], $status);
            if ($status === Status::OK) {
                self::assertSame($case['payload'], $handle->openJson($body));
            }
        } else {
            [$status, $output] = self::outcome(fn () => $handle->openJson($case['body']));
            self::assertSame($case['expect_status'], $status);
            if (is_string($case['expect_output'] ?? null)) {
                self::assertSame($case['expect_output'], $output);
            }
        }
    }

    public static function transactPayResponseCases(): iterable
    {
        return self::cases('transactpay_responses');
    }

    /** @dataProvider transactPayResponseCases */
    public function testTransactPayResponses(array $case): void
    {
        [$status, $output] = self::outcome(fn () => TransactPay::parseResponse($case['http_status'], $case['body']));
        self::assertSame($case['expect_status'], $status);
        if ($case['expect_output_json'] !== null) {
            self::assertEquals($case['expect_output_json'], $output);
        }
    }

    public static function keyErrorCases(): iterable
    {
        return self::cases('key_errors');
    }

    /** @dataProvider keyErrorCases */
    public function testKeyErrors(array $case): void
    {
        $public = $case['public_key'] === '' ? null : $case['public_key'];
        $private = $case['private_key'] === '' ? null : $case['private_key'];
        [$status] = self::outcome(fn () => $case['gateway'] === 'keepz'
            ? new Keepz(sealTo: $public, openWith: $private)
            : new TransactPay((string) $public, $private));
        self::assertSame($case['expect_status'], $status);
    }

    public static function endpointCases(): iterable
    {
        return self::cases('endpoints');
    }

    /** @dataProvider endpointCases */
    public function testEndpoints(array $case): void
    {
        [$status, $output] = self::outcome(fn () => Endpoints::get($case['gateway'], $case['operation']));
        self::assertSame($case['expect_status'], $status);
        if ($case['expect_output_json'] !== null) {
            self::assertSame($case['expect_output_json'], $output);
        }
    }

    public function testTheKeysOfTheVectorsAgreeWithOpenssl(): void
    {
        foreach (['rsa2048' => 2048, 'rsa4096' => 4096] as $name => $bits) {
            $key = Support::key($name);
            $details = openssl_pkey_get_details(openssl_pkey_get_private($key['private_pem']));
            self::assertSame($bits, $details['bits']);
            self::assertSame($details['key'], $key['public_pem']);
            $der = base64_decode($key['public_base64_der'], true);
            self::assertSame(hash('sha256', $der), $key['fingerprint']);
        }
    }
}
