<?php

/*
 * PSR-4 autoloader for the Payseal namespace (src/), for hosts without Composer:
 *
 *     require '/path/to/payseal/bindings/php/autoload.php';
 *
 * With Composer, composer.json declares the same mapping.
 */

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    $prefix = 'Payseal\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
