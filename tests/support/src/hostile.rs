//! Hostile inputs the bad-input tests of several crates share: JSON nested far beyond serde_json's
//! recursion limit, and a thread with a small stack to parse it on.

/// Nesting far beyond the 128 levels serde_json reads.
pub const DEEP: usize = 10_000;

/// `[[[[…]]]]` nested `depth` levels.
pub fn nested_arrays(depth: usize) -> String {
    "[".repeat(depth) + &"]".repeat(depth)
}

/// `{"a":{"a":…}}` nested `depth` levels.
pub fn nested_objects(depth: usize) -> String {
    "{\"a\":".repeat(depth) + "1" + &"}".repeat(depth)
}

/// Runs `f` on a thread with a deliberately small stack (1 MiB, half the default of a test
/// thread): the 127 levels serde_json does read take up to ~300 KiB of stack in a debug build, so
/// unbounded recursion over [`DEEP`] levels would need some 20 MiB and overflow here.
pub fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .expect("the parser must not overflow the stack or panic");
}
