//! [`shape_of`]: a type's shape, built once.
//!
//! A shape is a tree of names, docs and nested shapes: building one for a request with a few
//! dozen fields costs tens of microseconds, more than the JSON it describes. Whoever reads or
//! writes JSON along a shape on every call (the C ABI does) takes it from here.

use super::{Describe, Shape};
use std::any::TypeId;
use std::sync::{PoisonError, RwLock};

/// The shape of `T`, built on first use and kept for the life of the process (one per type
/// asked for: every type the C ABI uses takes about 120 KiB in all, most of it docs; valgrind
/// reports them as still reachable).
///
/// ```
/// use payseal::describe::{shape_of, Shape};
/// use payseal::keepz::api::CreateOrderRequest;
/// let a = shape_of::<CreateOrderRequest>();
/// assert!(std::ptr::eq(a, shape_of::<CreateOrderRequest>()));
/// assert!(matches!(a, Shape::Object(o) if o.fields.len() == 26));
/// ```
pub fn shape_of<T: Describe + 'static>() -> &'static Shape {
    // A list, not a hash map: a few dozen entries are found as fast, and every block stays
    // reachable from its start (leak checkers see the shapes as kept, not as possibly lost).
    static SHAPES: RwLock<Vec<(TypeId, &'static Shape)>> = RwLock::new(Vec::new());
    let key = TypeId::of::<T>();
    let find = |shapes: &[(TypeId, &'static Shape)]| {
        shapes
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, shape)| *shape)
    };
    if let Some(shape) = find(&SHAPES.read().unwrap_or_else(PoisonError::into_inner)) {
        return shape;
    }
    let mut shapes = SHAPES.write().unwrap_or_else(PoisonError::into_inner);
    if let Some(shape) = find(&shapes) {
        return shape;
    }
    let shape: &'static Shape = Box::leak(Box::new(T::shape()));
    shapes.push((key, shape));
    shape
}
