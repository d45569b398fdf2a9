<?php

declare(strict_types=1);

require __DIR__ . '/../autoload.php';
require __DIR__ . '/Support.php';
require __DIR__ . '/TypedWire.php';
require __DIR__ . '/FastCgi.php';
// The sandbox flows' helpers (SandboxFlowTest): PHP streams as the HTTP client, php -S as the
// callback endpoint, the ready file of a running sandbox.
require __DIR__ . '/Sandbox/StreamHttp.php';
require __DIR__ . '/Sandbox/RunningSandbox.php';
require __DIR__ . '/Sandbox/CallbackReceiver.php';

// phpseclib3 from Debian's php-phpseclib3 (OAEP with SHA-256 and MGF1-SHA-256; PHP's openssl_*
// offer OAEP with SHA-1 only). Its tests are skipped when it is missing.
$phpseclib = getenv('PHPSECLIB3_AUTOLOAD') ?: '/usr/share/php/phpseclib3/autoload.php';
if (is_file($phpseclib)) {
    require_once $phpseclib;
}
