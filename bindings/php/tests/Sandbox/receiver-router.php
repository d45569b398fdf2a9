<?php

// The router of CallbackReceiver's `php -S` server: keeps each body POSTed to /{name} exactly
// as it arrived, as {dir}/{name}/{n}.body (n = 0, 1, … in arrival order), and answers 204 so
// that the sandbox counts the delivery as done. The built-in server handles one request at a
// time, so numbering by counting is free of races; a body is written under a temporary name and
// renamed, so a reader never sees half of one.

declare(strict_types=1);

$dir = getenv('PAYSEAL_RECEIVER_DIR');
$path = parse_url($_SERVER['REQUEST_URI'] ?? '', PHP_URL_PATH);
if ($_SERVER['REQUEST_METHOD'] !== 'POST' || !is_string($dir)
    || !is_string($path) || !preg_match('~^/([a-z0-9-]+)$~', $path, $m)) {
    http_response_code(404);
    return;
}
$folder = "$dir/{$m[1]}";
if (!is_dir($folder)) {
    mkdir($folder);
}
$n = count(glob("$folder/*.body") ?: []);
$body = (string) file_get_contents('php://input');
file_put_contents("$folder/.$n.part", $body);
rename("$folder/.$n.part", "$folder/$n.body");
http_response_code(204);
