<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\InternalException;
use Payseal\Library;
use Payseal\Status;
use PHPUnit\Framework\TestCase;

/**
 * Drift: the typed classes, enums, operations and status constants are generated from
 * bindings/description.json (generate.php). These tests fail when a committed file is stale, when
 * the library under test describes itself differently from what the binding was generated from,
 * and when a status of the description has no exception of its own.
 */
final class GeneratedTest extends TestCase
{
    private static function generator(string ...$arguments): array
    {
        return Support::run([PHP_BINARY, dirname(__DIR__) . '/generate.php', '--check', ...$arguments]);
    }

    public function testTheCommittedFilesAreUpToDate(): void
    {
        [$code, $out, $err] = self::generator();
        self::assertSame(0, $code, $out . $err);
        self::assertStringContainsString('up to date', $out);
    }

    public function testTheLibraryUnderTestDescribesWhatTheBindingWasGeneratedFrom(): void
    {
        $description = tempnam(sys_get_temp_dir(), 'payseal-description-');
        try {
            file_put_contents($description, Library::get()->description());
            [$code, $out, $err] = self::generator('--description', $description);
            self::assertSame(0, $code, $out . $err);
        } finally {
            unlink($description);
        }
    }

    /** The check can fail: a status, a field, an enum value and an operation added to a copy. */
    public function testTheCheckFailsOnEachKindOfChange(): void
    {
        $original = json_decode((string) file_get_contents(Support::repoRoot() . '/bindings/description.json'), true, 512, JSON_THROW_ON_ERROR);
        $changes = [
            'src/Status.php' => static function (array &$d): void {
                $d['statuses'][] = ['code' => 21, 'constant' => 'PAYSEAL_INVALID_LENGTH', 'name' => 'InvalidLength', 'text' => 'a length is invalid'];
            },
            'src/Keepz/CreateOrderRequest.php' => static function (array &$d): void {
                $d['objects']['keepz.CreateOrderRequest']['fields'][] = ['name' => 'tipAmount', 'type' => 'amount', 'required' => false, 'doc' => 'a tip'];
            },
            'src/Keepz/OrderStatus.php' => static function (array &$d): void {
                $d['enums']['keepz.OrderStatus']['values'][] = ['aliases' => [], 'doc' => 'On hold.', 'final' => false, 'paid' => false, 'name' => 'OnHold', 'value' => 'ON_HOLD'];
            },
            'src/KeepzOperations.php' => static function (array &$d): void {
                $d['operations'][] = ['gateway' => 'keepz', 'name' => 'capture', 'method' => 'POST', 'path' => '/capture', 'placement' => 'body',
                    'encrypted' => true, 'apiKey' => null, 'checksPaid' => false,
                    'request' => ['ref' => 'keepz.OrderStatusRequest', 'type' => 'object'], 'response' => ['ref' => 'keepz.OrderStatusResponse', 'type' => 'object']];
            },
            'src/Keepz/SavedCard.php' => static function (array &$d): void {
                $d['objects']['keepz.SavedCard']['fields'][0]['name'] = 'cardToken';   // a wire name renamed
            },
        ];
        foreach ($changes as $file => $change) {
            $copy = $original;
            $change($copy);
            $path = tempnam(sys_get_temp_dir(), 'payseal-description-');
            try {
                file_put_contents($path, json_encode($copy, JSON_THROW_ON_ERROR));
                [$code, , $err] = self::generator('--description', $path);
            } finally {
                unlink($path);
            }
            self::assertSame(1, $code, $file);
            self::assertStringContainsString($file, $err);
        }
    }

    /** Every status the library has becomes a specific exception (only Panic is internal). */
    public function testEveryStatusOfTheDescriptionHasItsException(): void
    {
        $description = json_decode(Library::get()->description(), true, 512, JSON_THROW_ON_ERROR);
        $codes = [];
        foreach ($description['statuses'] as $status) {
            $codes[] = $status['code'];
            $constant = substr($status['constant'], strlen('PAYSEAL_'));
            self::assertSame($status['code'], constant(Status::class . "::$constant"));
            self::assertSame($status['name'], Status::name($status['code']));
            if (in_array($status['name'], ['Ok', 'Panic'], true)) {
                continue;
            }
            self::assertNotInstanceOf(
                InternalException::class,
                Status::exception($status['code'], 'm'),
                "status {$status['code']} ({$status['name']}) has no exception of its own in Status::exception()",
            );
        }
        $declared = array_filter((new \ReflectionClass(Status::class))->getConstants(), 'is_int');
        self::assertSame([], array_values(array_diff($declared, $codes, [Status::LIBRARY])), 'a status the library does not have');
    }
}
