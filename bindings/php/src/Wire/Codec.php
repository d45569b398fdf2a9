<?php

declare(strict_types=1);

namespace Payseal\Wire;

use Payseal\Amount;
use Payseal\GatewayDate;
use Payseal\InvalidInputException;
use Payseal\ResponseException;
use Payseal\Status;

/**
 * Translates between the generated classes and payseal's JSON, driven by each class's FIELDS
 * table (wire name => [property, type, class, required], generated from the description). This
 * is the binding's one piece of JSON-shape logic: no field is checked here beyond its PHP type.
 *
 * @internal
 */
final class Codec
{
    private function __construct()
    {
    }

    /**
     * A request as the JSON object payseal reads. A Request with a TAG (a pay variant) starts
     * with its tag field.
     *
     * @return array<string, mixed>|\stdClass
     */
    public static function encode(Request $request): array|\stdClass
    {
        $out = [];
        if (defined($request::class . '::TAG')) {
            [$tag, $value] = $request::TAG;
            $out[$tag] = $value;
        }
        foreach ($request::FIELDS as $wire => [$property, $type]) {
            $value = $request->$property;
            if ($value !== null) {
                $out[$wire] = self::encodeValue($value, $type, $wire);
            }
        }
        return $out === [] ? new \stdClass() : $out;
    }

    private static function encodeValue(mixed $value, string $type, string $path): mixed
    {
        return match ($type) {
            'amount' => $value->value,
            'enum' => $value instanceof \BackedEnum ? $value->value : $value,
            'object' => self::encode($value),
            'list' => array_map(static fn (Request $item) => self::encode($item), array_values($value)),
            'json' => self::withoutFloats($value, $path),
            default => $value,
        };
    }

    /**
     * A part sent as given (Keepz's orderProperties, TransactPay's paymentMeta) may not hold a
     * PHP float: json_encode would write its shortest binary approximation, and money is never a
     * binary float. Write such numbers as strings.
     */
    private static function withoutFloats(mixed $value, string $path): mixed
    {
        if (is_float($value)) {
            throw new InvalidInputException(
                "$path holds a PHP float: write the number as a string (money is never a binary float)",
                Status::INVALID_AMOUNT,
            );
        }
        if (is_array($value) || $value instanceof \stdClass) {
            foreach ((array) $value as $key => $item) {
                self::withoutFloats($item, "$path.$key");
            }
        }
        return $value;
    }

    /**
     * An answer's object as an instance of $class.
     *
     * @template T of object
     * @param class-string<T> $class
     * @param null|\Closure(mixed): mixed $slot reads a "slot" field (a TransactPay answer's data)
     * @return T
     */
    public static function decode(string $class, mixed $wire, ?\Closure $slot = null): object
    {
        if (!is_array($wire) || ($wire !== [] && array_is_list($wire))) {
            throw self::unexpected("$class: not a JSON object");
        }
        try {
            $arguments = [];
            foreach ($class::FIELDS as $name => [$property, $type, $ref]) {
                $value = $wire[$name] ?? null;
                $arguments[$property] = $value === null
                    ? null
                    : self::decodeValue($value, $type, $ref, "$class.$name", $slot);
            }
            return new $class(...$arguments);
        } catch (\TypeError $e) {
            throw self::unexpected("$class: {$e->getMessage()}");
        }
    }

    /**
     * An answer's list of objects.
     *
     * @template T of object
     * @param class-string<T> $class
     * @return list<T>
     */
    public static function decodeList(string $class, mixed $wire): array
    {
        if (!is_array($wire) || !array_is_list($wire)) {
            throw self::unexpected("a list of $class: not a JSON array");
        }
        return array_map(static fn (mixed $item) => self::decode($class, $item), $wire);
    }

    private static function decodeValue(mixed $value, string $type, ?string $ref, string $path, ?\Closure $slot): mixed
    {
        switch ($type) {
            case 'amount':
                return is_string($value) ? Amount::of($value) : throw self::unexpected("$path: an amount that is not a string");
            case 'gatewayDate':
                return new GatewayDate(self::string($value['raw'] ?? null, "$path.raw"), $value['value'] ?? null);
            case 'enum':
                return $ref::fromWire($value);
            case 'object':
                return self::decode($ref, $value);
            case 'list':
                return self::decodeList($ref, $value);
            case 'slot':
                return $slot === null ? $value : $slot($value);
            default: // string, uuid, datetime, bool, int, json: the constructor's types check them
                return $value;
        }
    }

    /** @internal */
    public static function bool(mixed $value, string $path): bool
    {
        return is_bool($value) ? $value : throw self::unexpected("$path: not a boolean");
    }

    private static function string(mixed $value, string $path): string
    {
        return is_string($value) ? $value : throw self::unexpected("$path: not a string");
    }

    /** @internal payseal's output does not have the shape the binding was generated for */
    public static function unexpected(string $what): ResponseException
    {
        return new ResponseException(
            "payseal's output does not match the binding's types ($what): regenerate the binding (generate.php) for this library",
            Status::UNEXPECTED_RESPONSE,
        );
    }
}
