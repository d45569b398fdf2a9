//! What the gateway types look like in JSON, told by the types themselves: [`Describe`].
//!
//! The C ABI carries every request and response as JSON, and each binding (PHP, Go, C#) turns
//! that JSON into its own types. So that no binding keeps a second, drifting copy of Keepz's and
//! TransactPay's field lists, the Rust types describe themselves and the C ABI publishes the
//! description (`payseal_describe`, committed as `bindings/description.json`):
//!
//! - a struct's fields come from [`described!`](crate::described), which wraps the struct's
//!   definition: the wire names are serde's own (the `fields` its derived `Deserialize` reads,
//!   [`serde_fields`]), the shapes those of the fields' Rust types, and `[uuid]` marks a string
//!   field that must hold a UUID;
//! - an enum's values (and facts such as "final" and "paid") come from `wire_enum!`, which
//!   defines the enum, and from the enum's own methods;
//! - everything else (text, amounts, integers, dates, lists, options) from the [`Describe`]
//!   impls of the Rust types in [`primitives`].
//!
//! ```
//! use payseal::describe::{Describe, Shape};
//! use payseal::keepz::api::OrderStatusRequest;
//! let Shape::Object(request) = OrderStatusRequest::shape() else { unreachable!() };
//! assert_eq!(request.name, "keepz.OrderStatusRequest");
//! let names: Vec<&str> = request.fields.iter().map(|f| f.name).collect();
//! assert_eq!(names, ["integratorId", "integratorOrderId"]);
//! assert!(matches!(request.fields[0].shape, Shape::Uuid) && request.fields[0].required);
//! ```

mod cache;
mod primitives;
mod serde_fields;
mod shape;

pub use cache::shape_of;
pub use shape::{
    EnumReading, EnumShape, EnumValue, Field, IntKind, ListedValue, ObjectShape, Shape,
    VariantsShape, qualified_name,
};

use serde::de::DeserializeOwned;

/// A type that can say what it looks like in JSON.
pub trait Describe {
    /// Whether a field of this type may be absent (or `null`): `true` for `Option`.
    const OPTIONAL: bool = false;

    /// The shape of a value of this type.
    fn shape() -> Shape;
}

/// A marker on a field of a [`described!`](crate::described) struct that narrows its shape.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The text is a UUID.
    Uuid,
}

/// A field's type as [`described!`](crate::described) sees it: shape, presence, docs.
#[doc(hidden)]
pub struct FieldType {
    shape: Shape,
    required: bool,
    doc: String,
}

/// The shape and presence of a field of type `T`, narrowed by its marker, with its doc lines
/// (one per `doc` attribute, `None` for other attributes).
#[doc(hidden)]
pub fn field_type<T: Describe>(format: Option<Format>, doc: &[Option<&str>]) -> FieldType {
    let shape = match (format, T::shape()) {
        (None, shape) => shape,
        (Some(Format::Uuid), Shape::String) => Shape::Uuid,
        (Some(format), shape) => panic!("{format:?} marks a field of shape {shape:?}"),
    };
    FieldType {
        shape,
        required: !T::OPTIONAL,
        doc: doc_text(doc, false),
    }
}

/// Doc lines as text: trimmed, joined with spaces (blank lines end a paragraph); only the first
/// paragraph when `summary`, for a type whose docs go on with examples.
pub fn doc_text(lines: &[Option<&str>], summary: bool) -> String {
    let mut text = String::new();
    for line in lines.iter().flatten().map(|l| l.trim()) {
        if line.is_empty() {
            if summary && !text.is_empty() {
                break;
            }
            if !text.is_empty() && !text.ends_with('\n') {
                text.push_str("\n\n");
            }
        } else {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            text.push_str(line);
        }
    }
    text.trim_end().to_string()
}

/// The object shape of the struct `T` named `name` in module `module_path`: its wire names
/// from serde, with `types` (one per field, in declaration order) beside them.
///
/// # Panics
/// When serde does not read `T` as a struct, or reads another number of fields than `types`
/// lists (a `#[serde(skip)]` or `alias` on a described struct): a bug in payseal that its tests
/// find.
#[doc(hidden)]
pub fn object_shape<T: DeserializeOwned>(
    module_path: &str,
    name: &str,
    doc: &[Option<&str>],
    types: Vec<FieldType>,
) -> ObjectShape {
    let names = serde_fields::serde_field_names::<T>()
        .unwrap_or_else(|| panic!("{name} does not deserialize as a struct"));
    assert_eq!(
        names.len(),
        types.len(),
        "{name}: serde reads {names:?}, the struct declares {} fields",
        types.len()
    );
    ObjectShape {
        name: qualified_name(module_path, name),
        doc: doc_text(doc, true),
        fields: names
            .iter()
            .zip(types)
            .map(|(name, t)| Field {
                name,
                shape: t.shape,
                required: t.required,
                doc: t.doc,
            })
            .collect(),
    }
}

/// Defines a struct and its [`Describe`] impl from one definition.
///
/// The struct is written as usual (serde attributes included), with two rules: every field is
/// `pub`, and a string field that must hold a UUID is marked `[uuid]` before `pub`. The
/// description takes the wire names from serde and the shapes from the field types.
///
/// ```text
/// described! {
///     /// Docs.
///     #[derive(Clone, Debug, Serialize, Deserialize)]
///     #[serde(rename_all = "camelCase")]
///     pub struct OrderStatusRequest {
///         /// `integratorId` (UUID).
///         [uuid] pub integrator_id: String,
///     }
/// }
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! described {
    (
        $(#[$($meta:tt)*])*
        pub struct $name:ident {
            $(
                $(#[$($fmeta:tt)*])*
                $([$format:ident])?
                pub $field:ident : $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$($meta)*])*
        pub struct $name {
            $( $(#[$($fmeta)*])* pub $field : $ty, )*
        }

        impl $crate::describe::Describe for $name {
            fn shape() -> $crate::describe::Shape {
                $crate::describe::Shape::Object($crate::describe::object_shape::<$name>(
                    module_path!(),
                    stringify!($name),
                    &[$($crate::described!(@doc [$($meta)*])),*],
                    vec![$(
                        $crate::describe::field_type::<$ty>(
                            $crate::described!(@format $($format)?),
                            &[$($crate::described!(@doc [$($fmeta)*])),*],
                        )
                    ),*],
                ))
            }
        }
    };
    (@format) => { None };
    (@format uuid) => { Some($crate::describe::Format::Uuid) };
    (@doc [doc = $doc:literal]) => { Some($doc) };
    (@doc [$($other:tt)*]) => { None };
}
