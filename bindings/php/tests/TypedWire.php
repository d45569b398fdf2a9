<?php

declare(strict_types=1);

namespace Payseal\Tests;

use Payseal\Amount;
use Payseal\GatewayDate;
use Payseal\Wire\OpenEnum;
use Payseal\Wire\Request;
use Payseal\Wire\Response;

/**
 * Test helpers between the vectors' JSON and the generated classes, written against the classes'
 * public shape (constructor parameters, properties, FIELDS), not against the binding's Codec:
 *
 *  - request(): builds a typed request from a vector's JSON object the way a PHP caller would
 *    write it, with named arguments — so PHP's own type checks apply (an unknown field is an
 *    unknown named parameter, a missing one an ArgumentCountError, a string for a bool a
 *    TypeError, a float for an amount a TypeError, an unlisted closed-enum value a ValueError);
 *  - wire(): turns a typed answer back into the JSON shape of the vectors, to compare with them.
 */
final class TypedWire
{
    /**
     * @param class-string $class a request class, or a variants interface (PayRequest)
     * @param array<mixed> $json
     * @throws \Error when PHP's types refuse the value (TypeError, ValueError, ArgumentCountError, …)
     * @throws \DomainException a wire name that only differs in case from a field's
     */
    public static function request(string $class, array $json): Request
    {
        if (interface_exists($class)) {
            $class = self::variant($class, $json);
        }
        $fields = $class::FIELDS;
        if (defined("$class::TAG")) {
            unset($json[$class::TAG[0]]);
        }
        $arguments = [];
        foreach ($json as $wire => $value) {
            if (!isset($fields[$wire]) && property_exists($class, lcfirst((string) $wire))) {
                // "redirectUrl" for "RedirectUrl": the property exists, but it is always written
                // with the gateway's spelling, so a caller cannot send the wrong one.
                throw new \DomainException("$wire is not a field of $class: its property writes another spelling");
            }
            [$property, $type, $ref] = $fields[$wire] ?? [(string) $wire, 'unknown', null];
            $arguments[$property] = $value === null ? null : self::value($type, $ref, $value);
        }
        return new $class(...$arguments);
    }

    private static function value(string $type, ?string $ref, mixed $value): mixed
    {
        switch ($type) {
            case 'amount':
                return Amount::of($value);
            case 'enum':
                if (!is_subclass_of($ref, \BackedEnum::class)) {
                    return $value;                      // an open set: a string
                }
                // A caller writes the case itself: Currency::Gel for the vector's "gel".
                foreach ($ref::cases() as $case) {
                    if (is_string($value) && strcasecmp((string) $case->value, $value) === 0) {
                        return $case;
                    }
                }
                return $ref::from($value);              // ValueError
            case 'object':
                return is_array($value) ? self::request($ref, $value) : $value;
            case 'list':
                return is_array($value) ? array_map(static fn ($item) => is_array($item) ? self::request($ref, $item) : $item, $value) : $value;
            default:
                return $value;
        }
    }

    /** The variant class whose tag the JSON names (any case, as the core reads it). */
    private static function variant(string $interface, array $json): string
    {
        $namespace = substr($interface, 0, (int) strrpos($interface, '\\'));
        foreach (glob(dirname((string) (new \ReflectionClass($interface))->getFileName()) . '/*.php') ?: [] as $file) {
            class_exists($namespace . '\\' . basename($file, '.php'));
        }
        foreach (get_declared_classes() as $class) {
            if (is_subclass_of($class, $interface) && defined("$class::TAG")) {
                [$tag, $value] = $class::TAG;
                if (is_string($json[$tag] ?? null) && strcasecmp($json[$tag], $value) === 0) {
                    return $class;
                }
            }
        }
        throw new \ValueError("no $interface for this payment option");
    }

    /** A typed answer as the vectors' JSON (members in FIELDS order; compare canonicalized). */
    public static function wire(mixed $value): mixed
    {
        return match (true) {
            $value instanceof Response => self::object($value),
            $value instanceof Amount => $value->value,
            $value instanceof GatewayDate => ['raw' => $value->raw, 'value' => $value->value],
            $value instanceof OpenEnum => ['value' => $value->value, 'known' => $value->known]
                + array_combine($value::FACTS, array_map(static fn (string $f) => $value->$f, $value::FACTS)),
            is_array($value) => array_map([self::class, 'wire'], $value),
            default => $value,
        };
    }

    private static function object(Response $object): array
    {
        $out = [];
        foreach ($object::FIELDS as $wire => [$property]) {
            $out[$wire] = self::wire($object->$property);
        }
        return $out;
    }

    /** JSON values compared as values: object members sorted, recursively. */
    public static function canonical(mixed $value): mixed
    {
        if (!is_array($value)) {
            return $value;
        }
        if (!array_is_list($value)) {
            ksort($value);
        }
        return array_map([self::class, 'canonical'], $value);
    }
}
