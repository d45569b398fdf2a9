//! `wire_enum!`: enums that travel as fixed strings.
//!
//! Gateways spell their enumerations as strings (`"GEL"`, `"BRANCH"`, `"REFUNDED_BY_KEEPZ"`). Two
//! kinds exist:
//! - **closed** enums are values payseal *sends* (currencies, receiver types): an unknown string
//!   is an error, so a typo cannot reach the gateway;
//! - **open** enums are values payseal *receives* or that the documentation lists only in part
//!   (order statuses, languages, providers): an unknown string is kept in a catch-all variant, so a
//!   new value from the gateway never breaks parsing.
//!
//! An open enum may name *facts*, methods of the enum that payseal derives from a value
//! (`facts("final" => is_final, "paid" => is_paid)`): with the values, they make the enum's
//! [`Describe`](crate::describe::Describe) shape, the table the C ABI publishes.
//!
//! Both read case-insensitively and accept aliases (`CANCELLED` for `CANCELED`), and write the
//! canonical spelling. Both are `#[non_exhaustive]`: a gateway adds values, and naming a new one
//! (which an open enum held in its catch-all before) must not break a caller's `match`.

/// Defines a string enum. See the module docs.
///
/// ```text
/// wire_enum! { closed;
///     /// Docs.
///     pub enum Currency { /// Lari.
///         Gel = "GEL", }
/// }
/// wire_enum! { open Unknown;
///     /// Docs.
///     pub enum Status { /// Cancelled.
///         Canceled = "CANCELED" | "CANCELLED", }
/// }
/// ```
macro_rules! wire_enum {
    (closed;
        $(#[$($meta:tt)*])*
        pub enum $name:ident {
            $( $(#[$($vmeta:tt)*])* $variant:ident = $text:literal $(| $alias:literal)* ,)+
        }
    ) => {
        $(#[$($meta)*])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$($vmeta)*])* $variant, )+
        }

        impl $name {
            /// Every value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The canonical text on the wire.
            pub const fn as_str(&self) -> &'static str {
                match self { $( $name::$variant => $text, )+ }
            }

            /// Reads the wire text (case-insensitive, aliases accepted); `None` if unknown.
            pub fn from_wire(text: &str) -> Option<$name> {
                $(
                    if text.eq_ignore_ascii_case($text) $(|| text.eq_ignore_ascii_case($alias))* {
                        return Some($name::$variant);
                    }
                )+
                None
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::error::Error;
            /// The caller's own text is quoted back (escaped and cut) when it is not a value.
            fn from_str(text: &str) -> $crate::error::Result<$name> {
                $name::from_wire(text).ok_or_else(|| {
                    $crate::error::Error::new(
                        $crate::error::ErrorKind::InvalidRequest,
                        format!(
                            "{} is not a valid {} (expected one of: {})",
                            $crate::error::excerpt(text).with_limit(40),
                            stringify!($name),
                            [$($text),+].join(", ")
                        ),
                    )
                })
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            /// A value read from JSON is not quoted back: it may come from a decrypted answer.
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<$name, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                $name::from_wire(&text).ok_or_else(|| {
                    <D::Error as ::serde::de::Error>::custom(format!(
                        "not a valid {} (expected one of: {})",
                        stringify!($name),
                        [$($text),+].join(", ")
                    ))
                })
            }
        }

        $crate::wire_enum::wire_enum!(@describe $name, false, [],
            |value| {
                let known = $name::from_wire(value.as_str()?)?;
                Some($crate::describe::EnumReading {
                    value: ::serde_json::Value::from(known.as_str()),
                    known: true,
                    facts: vec![],
                })
            },
            [$(#[$($meta)*])*],
            $( { $(#[$($vmeta)*])* $variant = $text $(| $alias)* } )+
        );

        $crate::wire_enum::wire_enum!(@common $name);
    };

    (open $other:ident $(, facts($($fact:literal => $method:ident),+))?;
        $(#[$($meta:tt)*])*
        pub enum $name:ident {
            $( $(#[$($vmeta:tt)*])* $variant:ident = $text:literal $(| $alias:literal)* ,)+
        }
    ) => {
        $(#[$($meta)*])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$($vmeta)*])* $variant, )+
            /// A value this version of payseal does not know, kept exactly as received.
            $other(String),
        }

        impl $name {
            /// The canonical text on the wire (the text as received for an unknown value).
            pub fn as_str(&self) -> &str {
                match self { $( $name::$variant => $text, )+ $name::$other(text) => text.as_str() }
            }

            /// Reads the wire text (case-insensitive, aliases accepted); unknown text is kept.
            pub fn from_wire(text: &str) -> $name {
                $(
                    if text.eq_ignore_ascii_case($text) $(|| text.eq_ignore_ascii_case($alias))* {
                        return $name::$variant;
                    }
                )+
                $name::$other(text.to_string())
            }

            /// Whether this is a value payseal knows.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::$other(_))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(text: &str) -> ::std::result::Result<$name, ::std::convert::Infallible> {
                Ok($name::from_wire(text))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<$name, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                Ok($name::from_wire(&text))
            }
        }

        $crate::wire_enum::wire_enum!(@describe $name, true, [$($($fact),+)?],
            |value| {
                let read = $name::from_wire(value.as_str()?);
                Some($crate::describe::EnumReading {
                    value: ::serde_json::Value::from(read.as_str()),
                    known: read.is_known(),
                    facts: vec![$($(read.$method()),+)?],
                })
            },
            [$(#[$($meta)*])*],
            $( { $(#[$($vmeta)*])* $variant = $text $(| $alias)* } )+
        );

        $crate::wire_enum::wire_enum!(@common $name);
    };

    (@describe $name:ident, $open:literal, [$($fact:literal),*], $read:expr,
        [$(#[$($meta:tt)*])*],
        $( { $(#[$($vmeta:tt)*])* $variant:ident = $text:literal $(| $alias:literal)* } )+
    ) => {
        impl $crate::describe::Describe for $name {
            fn shape() -> $crate::describe::Shape {
                $crate::describe::Shape::Enum($crate::describe::EnumShape::new(
                    $crate::describe::qualified_name(module_path!(), stringify!($name)),
                    $crate::describe::doc_text(&[$($crate::described!(@doc [$($meta)*])),*], true),
                    $open,
                    vec![$($crate::describe::ListedValue {
                        wire: ::serde_json::Value::from($text),
                        name: stringify!($variant).to_string(),
                        aliases: vec![$($alias),*],
                        doc: $crate::describe::doc_text(&[$($crate::described!(@doc [$($vmeta)*])),*], false),
                    }),+],
                    vec![$($fact),*],
                    $read,
                ))
            }
        }
    };

    (@common $name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

pub(crate) use wire_enum;
