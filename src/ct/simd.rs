//! Whether the scans use AVX2: decided at run time, per call, from the CPU's features (std caches
//! the detection). The portable scans are the fallback elsewhere.

use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the harness and the benchmark to run the portable scans on an AVX2 machine.
static PORTABLE_ONLY: AtomicBool = AtomicBool::new(false);

/// Whether the AVX2 scans are to be used: the CPU has AVX2 and PCLMULQDQ (every AVX2 CPU does),
/// and they are not switched off.
#[cfg(target_arch = "x86_64")]
pub(crate) fn avx2_enabled() -> bool {
    !PORTABLE_ONLY.load(Ordering::Relaxed)
        && std::arch::is_x86_feature_detected!("avx2")
        && std::arch::is_x86_feature_detected!("pclmulqdq")
}

/// Makes the scans use the portable code even where AVX2 is available (`true`), or not.
#[allow(dead_code)] // used through `ct::internals` only
pub fn force_portable(on: bool) {
    PORTABLE_ONLY.store(on, Ordering::Relaxed);
}
