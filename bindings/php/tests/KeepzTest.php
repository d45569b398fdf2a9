<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Backend;
use Payseal\CannotOpenException;
use Payseal\GatewayException;
use Payseal\InvalidInputException;
use Payseal\Keepz;
use Payseal\KeepzDiagnostics;
use Payseal\KeyException;
use Payseal\MissingKeyException;
use Payseal\Padding;
use Payseal\PayloadTooLargeException;
use Payseal\ResponseException;
use Payseal\Status;
use PHPUnit\Framework\TestCase;

final class KeepzTest extends TestCase
{
    private const ORDER = 'c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a';

    /** The integrator's handle and Keepz's (a test double), with one 2048-bit key pair each way. */
    private static function pair(Padding $padding = Padding::OaepSha256, bool $legacy = false, string $bits = 'rsa2048'): array
    {
        $key = Support::key($bits);
        // One key pair stands for both Keepz's and the integrator's: each handle seals to the
        // public half and opens with the private half.
        $integrator = Keepz::integrator($key['public_base64_der'], $key['private_pem'], Support::ID, $padding, $legacy);
        $keepz = Keepz::testDouble($key['private_pkcs1_pem'], $key['public_pem'], $padding, $legacy);
        return [$integrator, $keepz];
    }

    /** @return iterable<string, array{Padding, bool, string}> */
    public static function modes(): iterable
    {
        yield 'OAEP-SHA-256, 2048' => [Padding::OaepSha256, false, 'rsa2048'];
        yield 'OAEP-SHA-256, 4096' => [Padding::OaepSha256, false, 'rsa4096'];
        yield 'PKCS#1 v1.5, 2048' => [Padding::Pkcs1v15, false, 'rsa2048'];
        yield 'legacy, 4096' => [Padding::Pkcs1v15, true, 'rsa4096'];
    }

    /** @dataProvider modes */
    public function testRequestAndResponseRoundTrip(Padding $padding, bool $legacy, string $bits): void
    {
        [$integrator, $keepz] = self::pair($padding, $legacy, $bits);
        $request = ['integratorId' => Support::ID, 'integratorOrderId' => self::ORDER, 'amount' => 12.5, 'description' => 'გადახდა'];
        $body = $integrator->seal($request);
        $envelope = json_decode($body, true, 512, JSON_THROW_ON_ERROR);
        self::assertSame(Support::ID, $envelope['identifier']);
        self::assertArrayHasKey('encryptedData', $envelope);
        if ($legacy) {
            self::assertArrayNotHasKey('encryptedKeys', $envelope);
        } else {
            self::assertTrue($envelope['aes']);
        }
        self::assertSame($request, $keepz->open($body));

        $response = ['integratorOrderId' => self::ORDER, 'status' => 'SUCCESS'];
        $reply = $keepz->seal($response);
        self::assertArrayNotHasKey('identifier', json_decode($reply, true));
        self::assertSame($response, $integrator->open($reply, 200));
        self::assertSame($response, $integrator->open($reply), 'a callback (no HTTP status)');
    }

    public function testHybridEnvelopesHaveTheSpecifiedShape(): void
    {
        [$integrator] = self::pair(Padding::OaepSha256, false, 'rsa4096');
        $envelope = json_decode($integrator->seal(['a' => 1]), true);
        self::assertSame(['identifier', 'encryptedData', 'encryptedKeys', 'aes'], array_keys($envelope));
        self::assertSame(684, strlen($envelope['encryptedKeys']), '512 bytes of RSA block for 4096 bits');
        self::assertSame(512, strlen(base64_decode($envelope['encryptedKeys'], true)));
        self::assertSame(16, strlen(base64_decode($envelope['encryptedData'], true)), 'one AES block');
    }

    public function testQueryStringsArePercentEncoded(): void
    {
        [$integrator, $keepz] = self::pair();
        $payload = ['integratorId' => Support::ID, 'integratorOrderId' => self::ORDER];
        $query = $integrator->sealQuery($payload);
        self::assertMatchesRegularExpression('/^identifier=[^&]+&encryptedData=[^&]+&encryptedKeys=[^&]+&aes=true$/', $query);
        foreach (explode('&', $query) as $pair) {
            [, $value] = explode('=', $pair, 2);
            self::assertMatchesRegularExpression('/^[A-Za-z0-9%.-]+$/', $value, 'no raw +, / or = in a value');
        }
        self::assertStringContainsString('%3D', $query);
        parse_str($query, $fields);
        self::assertSame(Support::ID, $fields['identifier']);
        self::assertSame('true', $fields['aes']);
        // Keepz's side turns the query fields back into an envelope.
        $envelope = json_encode(['encryptedData' => $fields['encryptedData'], 'encryptedKeys' => $fields['encryptedKeys'], 'aes' => true]);
        self::assertSame($payload, $keepz->open($envelope));
    }

    public function testAStringPayloadIsSealedByteForByte(): void
    {
        [$integrator, $keepz] = self::pair();
        $text = '{"b":1, "a":[2.50, "x\/y"]}';
        self::assertSame($text, $keepz->openJson($integrator->seal($text)));
        self::assertSame($text, $keepz->openJson($integrator->seal($text), 200));
    }

    public function testArrayPayloadsAreCompactUtf8Json(): void
    {
        [$integrator, $keepz] = self::pair();
        $sealed = $integrator->seal(['url' => 'https://x.example/a', 'text' => 'ქართული', 'amount' => 10.0, 'n' => 1]);
        self::assertSame('{"url":"https://x.example/a","text":"ქართული","amount":10.0,"n":1}', $keepz->openJson($sealed));
        self::assertSame('{}', $keepz->openJson($integrator->seal(new \stdClass())));
        self::assertSame('[]', $keepz->openJson($integrator->seal([])));
    }

    public function testEveryKeyFormatIsAccepted(): void
    {
        $opener = new Keepz(openWith: Support::keyFile('rsa2048.pkcs8.pem'));
        foreach (['rsa2048.spki.pem', 'rsa2048.pkcs1-pub.pem', 'rsa2048.spki.der', 'rsa2048.spki.b64', 'rsa2048.spki.wrapped.b64'] as $file) {
            $sealer = new Keepz(sealTo: Support::keyFile($file), identifier: Support::ID);
            self::assertSame(['f' => $file], $opener->open($sealer->seal(['f' => $file])), $file);
        }
        $sealer = new Keepz(sealTo: Support::keyFile('rsa2048.spki.pem'), identifier: Support::ID);
        foreach (['rsa2048.pkcs8.pem', 'rsa2048.pkcs1.pem', 'rsa2048.pkcs8.der', 'rsa2048.pkcs8.b64', 'rsa2048.pkcs8.wrapped.b64'] as $file) {
            $opener = new Keepz(openWith: Support::keyFile($file));
            self::assertSame(['f' => $file], $opener->open($sealer->seal(['f' => $file])), $file);
        }
    }

    public function testAnEmpty2xxBodyOpensToNull(): void
    {
        [$integrator] = self::pair();
        self::assertNull($integrator->open('', 200));
        self::assertNull($integrator->openJson('', 204));
    }

    public function testAPlainKeepzErrorIsAGatewayException(): void
    {
        [$integrator] = self::pair();
        try {
            $integrator->open('{"message":"Integrator order not found","statusCode":6005,"exceptionGroup":5}', 404);
            self::fail('no exception');
        } catch (GatewayException $e) {
            self::assertSame(Status::GATEWAY_ERROR, $e->getStatus());
            self::assertSame('keepz', $e->getGateway());
            self::assertSame(6005, $e->getGatewayStatusCode());
            self::assertSame(404, $e->getHttpStatus());
            self::assertSame('Integrator order not found', $e->getGatewayMessage());
            self::assertSame('not found', $e->getError()['group']);
            self::assertStringContainsString('6005', $e->getMessage());
        }
    }

    public function testTheEnvelopeErrorsCarryAHint(): void
    {
        [$integrator] = self::pair();
        try {
            $integrator->open('{"message":"failed to decrypt","statusCode":6010,"exceptionGroup":6}', 500);
            self::fail('no exception');
        } catch (GatewayException $e) {
            self::assertNotNull($e->getHint());
            self::assertStringContainsString('padding', $e->getHint());
        }
    }

    public function testAKeepzErrorSealedInsideAnEnvelopeIsAGatewayException(): void
    {
        [$integrator, $keepz] = self::pair();
        $body = $keepz->seal('{"message":"Order already paid","statusCode":6016,"exceptionGroup":2}');
        try {
            $integrator->open($body, 409);
            self::fail('no exception');
        } catch (GatewayException $e) {
            self::assertSame(6016, $e->getGatewayStatusCode());
            self::assertSame(409, $e->getHttpStatus());
        }
    }

    public function testEveryCryptographicFailureIsTheSameCannotOpen(): void
    {
        [$integrator, $keepz] = self::pair();
        $good = json_decode($keepz->seal(['status' => 'SUCCESS']), true);
        $other = Keepz::testDouble(Support::key('rsa4096')['private_pem'], Support::key('rsa4096')['public_pem']);

        $tamperedKeys = $good;
        $block = base64_decode($good['encryptedKeys']);
        $block[7] = chr(ord($block[7]) ^ 1);
        $tamperedKeys['encryptedKeys'] = base64_encode($block);
        $tamperedData = $good;
        $data = base64_decode($good['encryptedData']);
        $data[strlen($data) - 1] = chr(ord($data[strlen($data) - 1]) ^ 1);
        $tamperedData['encryptedData'] = base64_encode($data);
        $pkcs1 = Keepz::testDouble(Support::key('rsa2048')['private_pem'], Support::key('rsa2048')['public_pem'], Padding::Pkcs1v15);

        $messages = [];
        foreach ([
            'tampered RSA block' => json_encode($tamperedKeys),
            'tampered ciphertext' => json_encode($tamperedData),
            'sealed to another key' => $other->seal(['status' => 'SUCCESS']),
            'other padding' => $pkcs1->seal(['status' => 'SUCCESS']),
        ] as $name => $body) {
            try {
                $integrator->open($body, 200);
                self::fail("$name opened");
            } catch (CannotOpenException $e) {
                self::assertSame(Status::CANNOT_OPEN, $e->getStatus(), $name);
                $messages[$e->getMessage()] = true;
            }
        }
        self::assertCount(1, $messages, 'one indistinguishable message');
    }

    public function testDiagnosisIsASeparateHandleAndTriesTheOtherPaddingOnlyWhenAsked(): void
    {
        [, $keepz] = self::pair();
        self::assertFalse(method_exists(Keepz::class, 'diagnose'), 'a Keepz handle must not diagnose');
        $doctor = new KeepzDiagnostics(Support::key('rsa2048')['private_pem']);
        $good = $doctor->explain($keepz->seal(['a' => 1]));
        self::assertTrue($good['opens']);
        self::assertNull($good['reason']);
        self::assertNotEmpty($good['steps']);
        $pkcs1 = Keepz::testDouble(Support::key('rsa2048')['private_pem'], Support::key('rsa2048')['public_pem'], Padding::Pkcs1v15);
        $body = $pkcs1->seal(['a' => 1]);
        $bad = $doctor->explain($body);
        self::assertFalse($bad['opens']);
        self::assertIsString($bad['reason']);
        self::assertStringNotContainsString('pkcs1v15', $bad['reason']);
        $asked = $doctor->explain($body, tryOtherPadding: true);
        self::assertStringContainsString('set the padding to pkcs1v15', (string) $asked['reason']);
        try {
            new KeepzDiagnostics(Support::key('rsa2048')['public_pem']);
            self::fail('a public key made a diagnostics handle');
        } catch (KeyException $e) {
            self::assertSame(Status::UNSUPPORTED_KEY, $e->getStatus());
        }
    }

    public function testUnusableBodiesAreResponseExceptions(): void
    {
        [$integrator] = self::pair();
        $cases = [
            Status::NOT_JSON => ['<html><body>502 Bad Gateway</body></html>', 502],
            Status::EMPTY_BODY => ['', 0],
            Status::NOT_ENVELOPE => ['{"hello":"world"}', 200],
        ];
        foreach ($cases as $status => [$body, $http]) {
            try {
                $integrator->open($body, $http);
                self::fail("status $status expected");
            } catch (ResponseException $e) {
                self::assertSame($status, $e->getStatus());
            }
        }
        $small = new Keepz(openWith: Support::key('rsa2048')['private_pem'], maxBody: 64);
        try {
            $small->open(str_repeat(' ', 65), 200);
            self::fail('no exception');
        } catch (ResponseException $e) {
            self::assertSame(Status::BODY_TOO_LARGE, $e->getStatus());
        }
    }

    public function testBadPayloadsAreInvalidInput(): void
    {
        [$integrator] = self::pair();
        foreach (['{nope' => Status::NOT_JSON, '' => Status::NOT_JSON, '"text"' => Status::INVALID_REQUEST, "{\"a\":\"\xff\"}" => Status::INVALID_UTF8] as $payload => $status) {
            try {
                $integrator->seal((string) $payload);
                self::fail("payload $payload sealed");
            } catch (InvalidInputException $e) {
                self::assertSame($status, $e->getStatus(), (string) $payload);
            }
        }
        try {
            $integrator->sealQuery(['a' => "\xff"]);
            self::fail('no exception');
        } catch (InvalidInputException $e) {
            self::assertSame(Status::INVALID_UTF8, $e->getStatus());
            self::assertInstanceOf(\JsonException::class, $e->getPrevious());
        }
    }

    public function testLegacyPayloadsOverOneBlockAreRefused(): void
    {
        [$integrator] = self::pair(Padding::Pkcs1v15, true);
        $integrator->seal('{"x":"' . str_repeat('a', 245 - 8) . '"}');
        $this->expectException(PayloadTooLargeException::class);
        $integrator->seal('{"x":"' . str_repeat('a', 246 - 8) . '"}');
    }

    public function testHandlesWithoutTheNeededKey(): void
    {
        $sealOnly = new Keepz(sealTo: Support::key('rsa2048')['public_pem'], identifier: Support::ID);
        $openOnly = new Keepz(openWith: Support::key('rsa2048')['private_pem']);
        try {
            $sealOnly->open($sealOnly->seal(['a' => 1]));
            self::fail('no exception');
        } catch (MissingKeyException $e) {
            self::assertSame(Status::MISSING_KEY, $e->getStatus());
        }
        $this->expectException(MissingKeyException::class);
        $openOnly->seal(['a' => 1]);
    }

    public function testConstructionErrors(): void
    {
        $key = Support::key('rsa2048');
        $cases = [
            [fn () => new Keepz(sealTo: 'not a key'), KeyException::class, Status::MALFORMED_KEY],
            [fn () => new Keepz(sealTo: Support::keyFile('rsa1024.spki.pem')), KeyException::class, Status::KEY_TOO_SMALL],
            [fn () => new Keepz(sealTo: Support::keyFile('rsa2048.cert.pem')), KeyException::class, Status::UNSUPPORTED_KEY],
            [fn () => new Keepz(openWith: $key['public_pem']), KeyException::class, Status::UNSUPPORTED_KEY],
            [fn () => new Keepz(), MissingKeyException::class, Status::MISSING_KEY],
            [fn () => new Keepz(sealTo: $key['public_pem'], identifier: 'not-a-uuid'), InvalidInputException::class, Status::INVALID_ARGUMENT],
            [fn () => new Keepz(sealTo: $key['public_pem'], identifier: "\xff"), InvalidInputException::class, Status::INVALID_UTF8],
            [fn () => new Keepz(sealTo: $key['public_pem'], padding: 'oaep-sha1'), InvalidInputException::class, Status::INVALID_ARGUMENT],
            [fn () => new Keepz(sealTo: $key['public_pem'], backend: 'openssl'), InvalidInputException::class, Status::INVALID_ARGUMENT],
            [fn () => new Keepz(sealTo: $key['public_pem'], maxBody: -1), InvalidInputException::class, Status::INVALID_ARGUMENT],
        ];
        foreach ($cases as $i => [$make, $class, $status]) {
            try {
                $make();
                self::fail("case $i: no exception");
            } catch (\Payseal\PaysealException $e) {
                self::assertInstanceOf($class, $e, "case $i: {$e->getMessage()}");
                self::assertSame($status, $e->getStatus(), "case $i: {$e->getMessage()}");
            }
        }
    }

    public function testPaddingAndBackendByName(): void
    {
        $key = Support::key('rsa2048');
        $sealer = new Keepz(sealTo: $key['public_pem'], identifier: Support::ID, padding: 'pkcs1v15', backend: 'aws-lc');
        $opener = new Keepz(openWith: $key['private_pem'], padding: Padding::Pkcs1v15, backend: Backend::Default);
        self::assertSame(['a' => 1], $opener->open($sealer->seal(['a' => 1])));
    }

    public function testTheRustCryptoBackendWhenCompiledIn(): void
    {
        $key = Support::key('rsa2048');
        try {
            $sealer = new Keepz(sealTo: $key['public_pem'], identifier: Support::ID, backend: Backend::RustCrypto);
        } catch (\Payseal\BackendUnavailableException $e) {
            self::assertSame(Status::BACKEND_UNAVAILABLE, $e->getStatus());
            return;
        }
        $opener = new Keepz(openWith: $key['private_pem'], backend: Backend::AwsLc);
        self::assertSame(['a' => 1], $opener->open($sealer->seal(['a' => 1])), 'cross-backend');
    }

    public function testHttpStatusOutOfRange(): void
    {
        [$integrator] = self::pair();
        $this->expectException(InvalidInputException::class);
        $integrator->open('{}', 70000);
    }

    public function testHandlesCannotBeClonedOrSerialized(): void
    {
        [$integrator] = self::pair();
        try {
            $copy = clone $integrator;
            self::fail('cloned');
        } catch (\LogicException) {
        }
        $this->expectException(\LogicException::class);
        serialize($integrator);
    }

    public function testAHandleIsReusedManyTimes(): void
    {
        [$integrator, $keepz] = self::pair();
        for ($i = 0; $i < 50; $i++) {
            self::assertSame(['i' => $i], $keepz->open($integrator->seal(['i' => $i])));
        }
    }
}
