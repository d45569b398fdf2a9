<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Keepz;
use Payseal\Padding;
use phpseclib3\Crypt\PublicKeyLoader;
use phpseclib3\Crypt\RSA;
use PHPUnit\Framework\TestCase;

/**
 * Keepz's default padding, RSAES-OAEP with SHA-256 and MGF1-SHA-256 (empty label), against
 * phpseclib3 (Debian's php-phpseclib3), both directions.
 */
final class PhpseclibInteropTest extends TestCase
{
    private const PAYLOAD = '{"integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","status":"SUCCESS","amount":"10.10"}';

    protected function setUp(): void
    {
        if (!class_exists(RSA::class)) {
            self::markTestSkipped('phpseclib3 is not installed (Debian: php-phpseclib3)');
        }
    }

    public static function bits(): iterable
    {
        yield '2048-bit' => ['rsa2048'];
        yield '4096-bit' => ['rsa4096'];
    }

    /** @return RSA\PrivateKey */
    private static function privateKey(string $pem): RSA\PrivateKey
    {
        $key = PublicKeyLoader::load($pem);
        self::assertInstanceOf(RSA\PrivateKey::class, $key);
        return $key->withPadding(RSA::ENCRYPTION_OAEP)->withHash('sha256')->withMGFHash('sha256');
    }

    private static function publicKey(string $pem): RSA\PublicKey
    {
        $key = PublicKeyLoader::load($pem);
        self::assertInstanceOf(RSA\PublicKey::class, $key);
        return $key->withPadding(RSA::ENCRYPTION_OAEP)->withHash('sha256')->withMGFHash('sha256');
    }

    /** @dataProvider bits */
    public function testSealedByPaysealOpensWithPhpseclib(string $bits): void
    {
        $key = Support::key($bits);
        $keepz = new Keepz(sealTo: $key['public_base64_der'], identifier: Support::ID);
        $envelope = json_decode($keepz->seal(self::PAYLOAD), true);

        $keyString = self::privateKey($key['private_pem'])->decrypt(base64_decode($envelope['encryptedKeys'], true));
        self::assertIsString($keyString);
        self::assertMatchesRegularExpression('~^[A-Za-z0-9+/]{43}=\.[A-Za-z0-9+/]{22}==$~', $keyString);
        [$aesKey, $iv] = array_map(fn ($part) => base64_decode($part, true), explode('.', $keyString));
        $plain = openssl_decrypt(base64_decode($envelope['encryptedData'], true), 'aes-256-cbc', $aesKey, OPENSSL_RAW_DATA, $iv);
        self::assertSame(self::PAYLOAD, $plain);
    }

    /** @dataProvider bits */
    public function testSealedByPhpseclibOpensWithPayseal(string $bits): void
    {
        $key = Support::key($bits);
        $aesKey = random_bytes(32);
        $iv = random_bytes(16);
        $keys = self::publicKey($key['public_pem'])->encrypt(base64_encode($aesKey) . '.' . base64_encode($iv));
        $body = json_encode([
            'encryptedData' => base64_encode(openssl_encrypt(self::PAYLOAD, 'aes-256-cbc', $aesKey, OPENSSL_RAW_DATA, $iv)),
            'encryptedKeys' => base64_encode($keys),
            'aes' => true,
        ]);
        $keepz = new Keepz(openWith: $key['private_base64_der']);
        self::assertSame(self::PAYLOAD, $keepz->openJson($body, 200));
        self::assertSame(self::PAYLOAD, $keepz->openJson($body), 'as a callback');
    }

    public function testQueryStringOpensWithPhpseclib(): void
    {
        $key = Support::key('rsa2048');
        parse_str((new Keepz(sealTo: $key['public_pem'], identifier: Support::ID))->sealQuery(self::PAYLOAD), $fields);
        $keyString = self::privateKey($key['private_pem'])->decrypt(base64_decode($fields['encryptedKeys'], true));
        [$aesKey, $iv] = array_map(fn ($part) => base64_decode($part, true), explode('.', $keyString));
        self::assertSame(self::PAYLOAD, openssl_decrypt(base64_decode($fields['encryptedData'], true), 'aes-256-cbc', $aesKey, OPENSSL_RAW_DATA, $iv));
    }

    public function testPhpseclibWithMgf1Sha1IsRefused(): void
    {
        // The other OAEP pitfall: SHA-256 as the hash but MGF1 left at SHA-1.
        $key = Support::key('rsa2048');
        $aesKey = random_bytes(32);
        $iv = random_bytes(16);
        $public = PublicKeyLoader::load($key['public_pem'])->withPadding(RSA::ENCRYPTION_OAEP)->withHash('sha256')->withMGFHash('sha1');
        $body = json_encode([
            'encryptedData' => base64_encode(openssl_encrypt(self::PAYLOAD, 'aes-256-cbc', $aesKey, OPENSSL_RAW_DATA, $iv)),
            'encryptedKeys' => base64_encode($public->encrypt(base64_encode($aesKey) . '.' . base64_encode($iv))),
            'aes' => true,
        ]);
        $keepz = new Keepz(openWith: $key['private_pem'], padding: Padding::OaepSha256);
        $this->expectException(\Payseal\CannotOpenException::class);
        $keepz->open($body, 200);
    }
}
