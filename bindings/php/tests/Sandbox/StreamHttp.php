<?php

declare(strict_types=1);

namespace Payseal\Tests\Sandbox;

use Payseal\Prepared;

/**
 * The host's own HTTP client, as a merchant on plain PHP has it: PHP's http:// stream wrapper
 * (file_get_contents with a stream context), no extension and no library. Every call is bounded:
 * the context's `timeout` is both the connect timeout and the timeout of each read.
 *
 * Redirects are not followed (the checkout page answers 303, which the flows check), error
 * statuses are read like any other answer (`ignore_errors`: a 404 has Keepz's error body), and no
 * proxy is used (the stream wrapper ignores `http_proxy` unless told): the sandbox is on loopback.
 */
final class StreamHttp
{
    /** Seconds one call may take to connect, and to wait for each read. */
    public const TIMEOUT = 10.0;

    /**
     * Sends a request payseal prepared, exactly as it says: its method to its URL, its headers,
     * its body byte for byte when the envelope goes in the body (for the query placement the
     * envelope is already in the URL), and for TransactPay the `api-key` header it names.
     *
     * @param string|null $apiKey the dashboard key for $prepared->apiKey (TransactPay), null for Keepz
     * @return array{0: int, 1: string} the HTTP status and the body
     */
    public static function send(Prepared $prepared, ?string $apiKey = null, float $timeout = self::TIMEOUT): array
    {
        $headers = [];
        foreach ($prepared->headers as $header) {
            $headers[] = "{$header->name}: {$header->value}";
        }
        if ($prepared->apiKey !== null) {
            if ($apiKey === null) {
                throw new \LogicException("$prepared->operation needs the {$prepared->apiKey->key} api-key");
            }
            $headers[] = "{$prepared->apiKey->header}: $apiKey";
        }
        $body = $prepared->placement === 'body' ? $prepared->body : null;
        return self::request($prepared->method, $prepared->url, $body, $headers, $timeout);
    }

    /**
     * Posts an HTML form (application/x-www-form-urlencoded), as a browser does from a page.
     *
     * @param array<string, string> $fields
     * @return array{0: int, 1: string, 2: array<string, string>} status, body, headers (lower-case names)
     */
    public static function postForm(string $url, array $fields): array
    {
        return self::exchange('POST', $url, http_build_query($fields), ['Content-Type: application/x-www-form-urlencoded'], self::TIMEOUT);
    }

    /**
     * One HTTP exchange.
     *
     * @param list<string> $headers "Name: value" lines
     * @return array{0: int, 1: string} the HTTP status and the body
     */
    public static function request(
        string $method,
        string $url,
        ?string $body = null,
        array $headers = [],
        float $timeout = self::TIMEOUT,
    ): array {
        [$status, $answer] = self::exchange($method, $url, $body, $headers, $timeout);
        return [$status, $answer];
    }

    /**
     * @param list<string> $headers
     * @return array{0: int, 1: string, 2: array<string, string>}
     */
    private static function exchange(string $method, string $url, ?string $body, array $headers, float $timeout): array
    {
        $http = [
            'method' => $method,
            'header' => $headers,
            'timeout' => $timeout,
            'ignore_errors' => true,
            'follow_location' => 0,
            'protocol_version' => 1.1,
        ];
        $http['header'][] = 'Connection: close';
        if ($body !== null) {
            $http['content'] = $body;
        }
        $context = stream_context_create(['http' => $http]);
        $answer = @file_get_contents($url, false, $context);
        if ($answer === false) {
            // The query (a sealed envelope) left out: it says nothing to a reader.
            $where = strtok($url, '?');
            $error = preg_replace('~^file_get_contents\([^)]*\): ~', '', error_get_last()['message'] ?? 'no answer');
            throw new \RuntimeException("$method $where: $error (timeout $timeout s)");
        }
        // Set by the http:// wrapper in this scope: the status line, then the headers.
        /** @var list<string> $http_response_header */
        $lines = $http_response_header;
        if (!preg_match('~^HTTP/\d(?:\.\d)? (\d{3})~', $lines[0] ?? '', $m)) {
            throw new \RuntimeException("$method " . strtok($url, '?') . ': no HTTP status line');
        }
        $named = [];
        foreach (array_slice($lines, 1) as $line) {
            [$name, $value] = array_pad(explode(':', $line, 2), 2, '');
            $named[strtolower(trim($name))] = trim($value);
        }
        return [(int) $m[1], $answer, $named];
    }
}
