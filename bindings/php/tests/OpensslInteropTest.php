<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\CannotOpenException;
use Payseal\Keepz;
use Payseal\Padding;
use Payseal\TransactPay;
use PHPUnit\Framework\TestCase;

/**
 * payseal against PHP's own openssl_* functions, both directions: what a PHP integration that
 * hand-rolls the envelopes produces and expects. (PHP's OAEP is SHA-1 only: the OAEP-SHA-256
 * default of Keepz is checked against phpseclib3 in PhpseclibInteropTest.)
 */
final class OpensslInteropTest extends TestCase
{
    private const PAYLOAD = '{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","amount":12.5,"description":"გადახდა"}';

    public static function bits(): iterable
    {
        yield '2048-bit' => ['rsa2048'];
        yield '4096-bit' => ['rsa4096'];
    }

    private static function rsaDecrypt(string $block, string $privatePem, int $padding = OPENSSL_PKCS1_PADDING): string|false
    {
        return openssl_private_decrypt($block, $plain, $privatePem, $padding) ? $plain : false;
    }

    private static function rsaEncrypt(string $plain, string $publicPem, int $padding = OPENSSL_PKCS1_PADDING): string
    {
        self::assertTrue(openssl_public_encrypt($plain, $block, $publicPem, $padding), (string) openssl_error_string());
        return $block;
    }

    /** Opens a hybrid Keepz envelope the way a PHP integration does, with PKCS#1 v1.5. */
    private static function phpOpensKeepz(string $body, string $privatePem): string
    {
        $envelope = json_decode($body, true, 512, JSON_THROW_ON_ERROR);
        $keyString = self::rsaDecrypt(base64_decode($envelope['encryptedKeys'], true), $privatePem);
        self::assertIsString($keyString);
        self::assertSame(69, strlen($keyString), 'Base64(32 bytes) . "." . Base64(16 bytes)');
        [$key, $iv] = array_map(fn ($part) => base64_decode($part, true), explode('.', $keyString));
        self::assertSame(32, strlen($key));
        self::assertSame(16, strlen($iv));
        $plain = openssl_decrypt(base64_decode($envelope['encryptedData'], true), 'aes-256-cbc', $key, OPENSSL_RAW_DATA, $iv);
        self::assertIsString($plain, (string) openssl_error_string());
        return $plain;
    }

    /** Seals a hybrid Keepz envelope the way a PHP integration does. */
    private static function phpSealsKeepz(string $payload, string $publicPem, int $padding = OPENSSL_PKCS1_PADDING): string
    {
        $key = random_bytes(32);
        $iv = random_bytes(16);
        $data = openssl_encrypt($payload, 'aes-256-cbc', $key, OPENSSL_RAW_DATA, $iv);
        self::assertIsString($data);
        $keys = self::rsaEncrypt(base64_encode($key) . '.' . base64_encode($iv), $publicPem, $padding);
        return json_encode(['encryptedData' => base64_encode($data), 'encryptedKeys' => base64_encode($keys), 'aes' => true]);
    }

    /** @dataProvider bits */
    public function testTransactPaySealedByPaysealOpensWithOpenssl(string $bits): void
    {
        $key = Support::key($bits);
        $body = (new TransactPay($key['transactpay_blob']))->seal(self::PAYLOAD);
        $data = base64_decode(json_decode($body, true)['data'], true);
        self::assertSame($bits === 'rsa2048' ? 256 : 512, strlen($data));
        self::assertSame(self::PAYLOAD, self::rsaDecrypt($data, $key['private_pem']));
    }

    /** @dataProvider bits */
    public function testTransactPaySealedByOpensslOpensWithPayseal(string $bits): void
    {
        $key = Support::key($bits);
        $body = json_encode(['data' => base64_encode(self::rsaEncrypt(self::PAYLOAD, $key['public_pem']))]);
        $transactPay = new TransactPay($key['transactpay_blob'], $key['private_pkcs1_pem']);
        self::assertSame(self::PAYLOAD, $transactPay->openJson($body));
    }

    /** @dataProvider bits */
    public function testKeepzPkcs1SealedByPaysealOpensWithOpenssl(string $bits): void
    {
        $key = Support::key($bits);
        $keepz = new Keepz(sealTo: $key['public_base64_der'], identifier: Support::ID, padding: Padding::Pkcs1v15);
        $body = $keepz->seal(self::PAYLOAD);
        self::assertSame(Support::ID, json_decode($body, true)['identifier']);
        self::assertSame(self::PAYLOAD, self::phpOpensKeepz($body, $key['private_pem']));
    }

    /** @dataProvider bits */
    public function testKeepzPkcs1SealedByOpensslOpensWithPayseal(string $bits): void
    {
        $key = Support::key($bits);
        $keepz = new Keepz(openWith: $key['private_base64_der'], padding: Padding::Pkcs1v15);
        self::assertSame(self::PAYLOAD, $keepz->openJson(self::phpSealsKeepz(self::PAYLOAD, $key['public_pem']), 200));
    }

    public function testKeepzQueryStringOpensWithOpenssl(): void
    {
        $key = Support::key('rsa2048');
        $keepz = new Keepz(sealTo: $key['public_pem'], identifier: Support::ID, padding: 'pkcs1v15');
        parse_str($keepz->sealQuery(self::PAYLOAD), $fields);
        self::assertSame(self::PAYLOAD, self::phpOpensKeepz(json_encode($fields), $key['private_pem']));
    }

    public function testKeepzLegacyBothWays(): void
    {
        $key = Support::key('rsa2048');
        $sealer = new Keepz(sealTo: $key['public_pem'], identifier: Support::ID, padding: Padding::Pkcs1v15, legacy: true);
        $envelope = json_decode($sealer->seal(self::PAYLOAD), true);
        self::assertSame(['identifier', 'encryptedData'], array_keys($envelope));
        self::assertSame(self::PAYLOAD, self::rsaDecrypt(base64_decode($envelope['encryptedData'], true), $key['private_pem']));

        $opener = new Keepz(openWith: $key['private_pem'], padding: Padding::Pkcs1v15, legacy: true);
        $body = json_encode(['encryptedData' => base64_encode(self::rsaEncrypt(self::PAYLOAD, $key['public_pem']))]);
        self::assertSame(self::PAYLOAD, $opener->openJson($body, 200));
    }

    /**
     * The pitfall the spec names: PHP's OPENSSL_PKCS1_OAEP_PADDING is OAEP with SHA-1, which is not
     * Keepz's OAEP-SHA-256. payseal neither opens it nor produces it.
     */
    public function testPhpsSha1OaepIsNotKeepzsOaep(): void
    {
        $key = Support::key('rsa2048');
        $keepz = new Keepz(openWith: $key['private_pem']);
        try {
            $keepz->open(self::phpSealsKeepz(self::PAYLOAD, $key['public_pem'], OPENSSL_PKCS1_OAEP_PADDING), 200);
            self::fail('an OAEP-SHA-1 envelope opened');
        } catch (CannotOpenException) {
        }
        $body = (new Keepz(sealTo: $key['public_pem'], identifier: Support::ID))->seal(self::PAYLOAD);
        $block = base64_decode(json_decode($body, true)['encryptedKeys'], true);
        self::assertFalse(self::rsaDecrypt($block, $key['private_pem'], OPENSSL_PKCS1_OAEP_PADDING));
        while (openssl_error_string() !== false) {
        }
    }
}
