<?php

declare(strict_types=1);

namespace Payseal\Tests\Sandbox;

/**
 * A merchant's callback endpoint on loopback, in the host's own terms: PHP's built-in web server
 * (`php -S 127.0.0.1:0`, a free port) in a child process, with receiver-router.php keeping every
 * POSTed body byte for byte. The sandbox posts Keepz callbacks and TransactPay webhooks to it
 * while the test goes on; the test reads them with waitFor(), each wait bounded in time.
 */
final class CallbackReceiver
{
    /** Seconds to wait for the server to listen, and for one delivery. */
    public const WAIT_SECONDS = 10.0;

    /** @param resource $process */
    private function __construct(
        private readonly mixed $process,
        private readonly string $dir,
        private readonly string $base,
    ) {
    }

    /** Starts the server in a fresh directory and waits until it listens. */
    public static function start(): self
    {
        $dir = sys_get_temp_dir() . '/payseal-receiver-' . bin2hex(random_bytes(6));
        mkdir($dir);
        $log = "$dir/server.log";
        $process = proc_open(
            [PHP_BINARY, '-S', '127.0.0.1:0', __DIR__ . '/receiver-router.php'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'a'], 2 => ['file', $log, 'a']],
            $pipes,
            $dir,
            ['PAYSEAL_RECEIVER_DIR' => $dir] + getenv(),
        );
        if (!is_resource($process)) {
            self::remove($dir);
            throw new \RuntimeException('cannot start php -S');
        }
        $deadline = microtime(true) + self::WAIT_SECONDS;
        do {
            // PHP ≥ 8.0 prints the port it got: "Development Server (http://127.0.0.1:40123) started".
            if (preg_match('~\((http://127\.0\.0\.1:\d+)\) started~', (string) @file_get_contents($log), $m)) {
                return new self($process, $dir, $m[1]);
            }
            usleep(20_000);
        } while (microtime(true) < $deadline && proc_get_status($process)['running']);
        $output = @file_get_contents($log);
        proc_terminate($process);
        proc_close($process);
        self::remove($dir);
        throw new \RuntimeException("php -S did not start: $output");
    }

    /** The URL of the endpoint that keeps bodies under $name. */
    public function url(string $name): string
    {
        return "$this->base/$name";
    }

    /**
     * The $index-th body (from 0) posted to url($name), once it has arrived.
     *
     * @throws \RuntimeException after WAIT_SECONDS, saying how many did arrive
     */
    public function waitFor(string $name, int $index): string
    {
        $file = "$this->dir/$name/$index.body";
        $deadline = microtime(true) + self::WAIT_SECONDS;
        do {
            if (is_file($file)) {
                return (string) file_get_contents($file);
            }
            usleep(20_000);
        } while (microtime(true) < $deadline);
        $arrived = count(glob("$this->dir/$name/*.body") ?: []);
        throw new \RuntimeException("no body $index at $name within " . self::WAIT_SECONDS . " s ($arrived arrived)");
    }

    /** Stops the server and removes what it kept. */
    public function stop(): void
    {
        proc_terminate($this->process);
        proc_close($this->process);
        self::remove($this->dir);
    }

    private static function remove(string $path): void
    {
        if (is_dir($path)) {
            foreach (array_diff(scandir($path) ?: [], ['.', '..']) as $entry) {
                self::remove("$path/$entry");
            }
            rmdir($path);
        } elseif (file_exists($path)) {
            unlink($path);
        }
    }
}
