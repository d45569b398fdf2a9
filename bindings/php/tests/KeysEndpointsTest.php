<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Backend;
use Payseal\BackendUnavailableException;
use Payseal\Endpoints;
use Payseal\InvalidInputException;
use Payseal\Keepz;
use Payseal\KeyException;
use Payseal\KeyFormat;
use Payseal\Keys;
use Payseal\Status;
use Payseal\TransactPay;
use PHPUnit\Framework\TestCase;

final class KeysEndpointsTest extends TestCase
{
    public function testGeneratedPemKeysAreReadByOpenssl(): void
    {
        ['private' => $private, 'public' => $public] = Keys::generate(2048);
        self::assertStringStartsWith('-----BEGIN PRIVATE KEY-----', $private);
        self::assertStringStartsWith('-----BEGIN PUBLIC KEY-----', $public);
        $key = openssl_pkey_get_private($private);
        self::assertNotFalse($key);
        $details = openssl_pkey_get_details($key);
        self::assertSame(2048, $details['bits']);
        self::assertSame(OPENSSL_KEYTYPE_RSA, $details['type']);
        self::assertSame("\x01\x00\x01", $details['rsa']['e']);
        self::assertSame($details['key'], $public, 'the public half of the same pair');
    }

    public function testEveryFormat(): void
    {
        $pair = Keys::generate(2048, KeyFormat::Pkcs1Pem, KeyFormat::Pkcs1Pem);
        self::assertStringStartsWith('-----BEGIN RSA PRIVATE KEY-----', $pair['private']);
        self::assertStringStartsWith('-----BEGIN RSA PUBLIC KEY-----', $pair['public']);

        $pair = Keys::generate(2048, 'der', 'der');
        self::assertSame("\x30\x82", substr($pair['private'], 0, 2), 'binary DER');
        self::assertSame("\x30\x82", substr($pair['public'], 0, 2));

        $pair = Keys::generate(2048, KeyFormat::Base64Der, KeyFormat::Base64Der);
        self::assertStringStartsWith('MIIBIjAN', $pair['public'], 'as Keepz hands keys out');
        self::assertStringStartsWith('MIIE', $pair['private']);
        $keepz = Keepz::testDouble($pair['private'], $pair['public']);
        self::assertSame(['a' => 1], $keepz->open($keepz->seal(['a' => 1])));

        $pair = Keys::generate(2048, KeyFormat::Pem, KeyFormat::TransactPayBlob);
        self::assertStringStartsWith('MjA0OCE8UlNBS2V5VmFsdWU+', $pair['public']);
        $transactPay = new TransactPay($pair['public'], $pair['private']);
        self::assertSame(['a' => 1], $transactPay->open($transactPay->seal(['a' => 1])));
    }

    public function testA4096BitKeyMatchesTheDashboardsBlob(): void
    {
        $blob = Keys::generate(4096, publicFormat: KeyFormat::TransactPayBlob)['public'];
        self::assertStringStartsWith('NDA5NiE8UlNBS2V5VmFsdWU+PE1vZHVsdXM+', $blob);
        self::assertSame(1016, strlen($blob));
        self::assertSame(760, strlen(base64_decode($blob, true)));
    }

    public function testKeygenErrors(): void
    {
        $cases = [
            [fn () => Keys::generate(2049), InvalidInputException::class, Status::INVALID_ARGUMENT],
            [fn () => Keys::generate(1024), KeyException::class, Status::KEY_TOO_SMALL],
            [fn () => Keys::generate(2048, KeyFormat::TransactPayBlob), InvalidInputException::class, Status::INVALID_ARGUMENT],
            [fn () => Keys::generate(2048, 'jwk'), InvalidInputException::class, Status::INVALID_ARGUMENT],
            [fn () => Keys::generate(-1), InvalidInputException::class, Status::INVALID_ARGUMENT],
        ];
        foreach ($cases as $i => [$call, $class, $status]) {
            try {
                $call();
                self::fail("case $i: no exception");
            } catch (\Payseal\PaysealException $e) {
                self::assertInstanceOf($class, $e, "case $i: {$e->getMessage()}");
                self::assertSame($status, $e->getStatus(), "case $i: {$e->getMessage()}");
            }
        }
    }

    public function testKeygenOnEachBackend(): void
    {
        self::assertStringStartsWith('-----BEGIN', Keys::generate(2048, backend: Backend::AwsLc)['private']);
        try {
            self::assertStringStartsWith('-----BEGIN', Keys::generate(2048, backend: Backend::RustCrypto)['private']);
        } catch (BackendUnavailableException $e) {
            self::assertSame(Status::BACKEND_UNAVAILABLE, $e->getStatus());
        }
    }

    public function testEndpoints(): void
    {
        self::assertSame(
            ['gateway' => 'keepz', 'method' => 'GET', 'path' => '/api/integrator/order/status', 'placement' => 'query'],
            Endpoints::get('keepz', 'order_status'),
        );
        $verify = Endpoints::get('transactpay', 'verify');
        self::assertFalse($verify['encrypted']);
        self::assertSame('secret', $verify['apiKey']);
        foreach ([['keepz', 'no_such_thing'], ['paypal', 'create_order'], ['', '']] as [$gateway, $operation]) {
            try {
                Endpoints::get($gateway, $operation);
                self::fail("$gateway/$operation found");
            } catch (InvalidInputException $e) {
                self::assertSame(Status::INVALID_ARGUMENT, $e->getStatus());
            }
        }
    }
}
