<?php

declare(strict_types=1);

namespace Payseal\Tests;

/**
 * A minimal FastCGI client (the protocol nginx speaks to PHP-FPM), enough to send GET requests
 * to a PHP-FPM pool over its Unix socket and read what the script printed. For tests only.
 */
final class FastCgi
{
    private const VERSION = 1;
    private const BEGIN_REQUEST = 1;
    private const END_REQUEST = 3;
    private const PARAMS = 4;
    private const STDIN = 5;
    private const STDOUT = 6;
    private const STDERR = 7;
    private const RESPONDER = 1;

    /**
     * Runs $script (an absolute path the pool can read) and returns its output without the
     * response headers. Throws on a connection problem, a timeout or anything on stderr.
     */
    public static function get(string $socket, string $script, float $timeout = 60.0): string
    {
        $stream = @stream_socket_client("unix://$socket", $errno, $errstr, $timeout);
        if ($stream === false) {
            throw new \RuntimeException("cannot connect to $socket: $errstr");
        }
        try {
            stream_set_timeout($stream, (int) ceil($timeout));
            $params = [
                'GATEWAY_INTERFACE' => 'FastCGI/1.0',
                'REQUEST_METHOD' => 'GET',
                'SCRIPT_FILENAME' => $script,
                'SCRIPT_NAME' => '/' . basename($script),
                'REQUEST_URI' => '/' . basename($script),
                'QUERY_STRING' => '',
                'SERVER_PROTOCOL' => 'HTTP/1.1',
                'SERVER_SOFTWARE' => 'payseal-tests',
                'REMOTE_ADDR' => '127.0.0.1',
                'CONTENT_LENGTH' => '0',
            ];
            $pairs = '';
            foreach ($params as $name => $value) {
                $pairs .= self::length(strlen($name)) . self::length(strlen($value)) . $name . $value;
            }
            fwrite($stream, self::record(self::BEGIN_REQUEST, pack('nCx5', self::RESPONDER, 0))
                . self::record(self::PARAMS, $pairs) . self::record(self::PARAMS, '')
                . self::record(self::STDIN, ''));
            $stdout = '';
            $stderr = '';
            while (true) {
                $header = self::read($stream, 8);
                $h = unpack('Cversion/Ctype/nid/nlength/Cpadding/Creserved', $header);
                $content = self::read($stream, $h['length']);
                self::read($stream, $h['padding']);
                if ($h['type'] === self::STDOUT) {
                    $stdout .= $content;
                } elseif ($h['type'] === self::STDERR) {
                    $stderr .= $content;
                } elseif ($h['type'] === self::END_REQUEST) {
                    break;
                }
            }
        } finally {
            fclose($stream);
        }
        if ($stderr !== '') {
            throw new \RuntimeException("$script wrote to stderr: $stderr");
        }
        $split = strpos($stdout, "\r\n\r\n");
        return $split === false ? $stdout : substr($stdout, $split + 4);
    }

    private static function record(int $type, string $content): string
    {
        return pack('CCnnCx', self::VERSION, $type, 1, strlen($content), 0) . $content;
    }

    private static function length(int $n): string
    {
        return $n < 128 ? chr($n) : pack('N', $n | 0x80000000);
    }

    /** @param resource $stream */
    private static function read($stream, int $n): string
    {
        $data = '';
        while (strlen($data) < $n) {
            $chunk = fread($stream, $n - strlen($data));
            if ($chunk === false || $chunk === '') {
                $meta = stream_get_meta_data($stream);
                throw new \RuntimeException($meta['timed_out'] ? 'FastCGI read timed out' : 'FastCGI connection closed early');
            }
            $data .= $chunk;
        }
        return $data;
    }
}
