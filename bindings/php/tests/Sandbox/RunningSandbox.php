<?php

declare(strict_types=1);

namespace Payseal\Tests\Sandbox;

/**
 * A `payseal sandbox` someone else started (sandbox/tests/php.sh), found through its ready file:
 * the JSON line the sandbox writes once it listens, with its URLs, the integrator id, the key
 * files and TransactPay's dashboard keys. Only a sandbox on loopback is accepted: these tests
 * never send a request off the machine.
 */
final class RunningSandbox
{
    /** The variable holding the ready file's path. */
    public const VARIABLE = 'PAYSEAL_SANDBOX_READY';

    /** @param array<string, mixed> $ready */
    private function __construct(private readonly array $ready)
    {
    }

    /** The sandbox of PAYSEAL_SANDBOX_READY; null when the variable is unset or empty. */
    public static function fromEnvironment(): ?self
    {
        $path = getenv(self::VARIABLE);
        if ($path === false || $path === '') {
            return null;
        }
        $text = @file_get_contents($path);
        if ($text === false) {
            throw new \RuntimeException(self::VARIABLE . "=$path: no such ready file");
        }
        $ready = json_decode($text, true, 512, JSON_THROW_ON_ERROR);
        if (!is_array($ready) || ($ready['ready'] ?? false) !== true) {
            throw new \RuntimeException("$path is not a sandbox's ready line: $text");
        }
        $host = parse_url((string) ($ready['url'] ?? ''), PHP_URL_HOST);
        if ($host !== '127.0.0.1' && $host !== '[::1]' && $host !== 'localhost') {
            throw new \RuntimeException("the sandbox of $path is not on loopback: {$ready['url']}");
        }
        return new self($ready);
    }

    /** The sandbox's root URL (the checkout pages and the control API live below it). */
    public function url(): string
    {
        return $this->string('url');
    }

    /** Keepz's base URL, to give the typed prepare methods instead of BaseUrl::Test. */
    public function keepzBaseUrl(): string
    {
        return $this->string('keepz', 'baseUrl');
    }

    public function integratorId(): string
    {
        return $this->string('keepz', 'integratorId');
    }

    /** TransactPay's base URL, to give the typed prepare methods. */
    public function transactPayBaseUrl(): string
    {
        return $this->string('transactpay', 'baseUrl');
    }

    /** The dashboard key a prepared TransactPay request names: "public" or "secret". */
    public function transactPayKey(string $which): string
    {
        return $this->string('transactpay', $which . 'Key');
    }

    /** The contents of a key file the ready line names (keepzPublic, integratorPrivate, …). */
    public function keyFile(string $name): string
    {
        $path = $this->string('keys', $name);
        $text = file_get_contents($path);
        if ($text === false) {
            throw new \RuntimeException("cannot read the sandbox's $name key file $path");
        }
        return $text;
    }

    /**
     * A call to the control API (below /_sandbox), with a JSON body or none.
     *
     * @param array<string, mixed>|null $body
     * @return array{0: int, 1: string} the HTTP status and the body
     */
    public function control(string $method, string $path, ?array $body = null): array
    {
        return StreamHttp::request(
            $method,
            $this->string('controlUrl') . $path,
            $body === null ? null : json_encode($body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES),
            $body === null ? [] : ['Content-Type: application/json'],
        );
    }

    private function string(string ...$path): string
    {
        $value = $this->ready;
        foreach ($path as $key) {
            $value = is_array($value) ? ($value[$key] ?? null) : null;
        }
        if (!is_string($value) || $value === '') {
            throw new \RuntimeException('the ready line has no ' . implode('.', $path));
        }
        return $value;
    }
}
