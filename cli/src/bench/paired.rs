//! Paired timing: two routines run in alternating batches, round after round, and the ratio of
//! their times is taken per round. Load from other processes on a shared machine slows both
//! sides of a round alike, so the median of the per-round ratios holds where absolute times drift.
//!
//! Self-contained: it lives with `payseal bench` (the CLI) so that the published crate has it, and
//! the criterion benches include it too (`benches/common/mod.rs`).

use std::time::{Duration, Instant};

/// One paired measurement.
#[derive(Clone, Copy, Debug)]
pub struct Paired {
    /// Median time of one call of the first routine, in nanoseconds.
    pub a_ns: f64,
    /// Median time of one call of the second routine, in nanoseconds.
    pub b_ns: f64,
    /// Median of the per-round ratios `a / b`.
    pub ratio: f64,
    /// Rounds measured.
    pub rounds: usize,
}

fn timed(routine: &mut dyn FnMut(), batch: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..batch {
        routine();
    }
    start.elapsed()
}

/// The median of a non-empty list.
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

/// Measures `a` against `b` for about `budget` (at least `min_rounds` rounds). Each round runs
/// a batch of each (batches of ~2 ms, at least one call), in alternating order.
pub fn paired(
    a: &mut dyn FnMut(),
    b: &mut dyn FnMut(),
    budget: Duration,
    min_rounds: usize,
) -> Paired {
    // Warm up (caches, lazily built key tables) and calibrate the batch.
    let once = timed(a, 1).max(timed(b, 1)).max(Duration::from_nanos(1));
    let batch = (Duration::from_millis(2).as_nanos() / once.as_nanos()).clamp(1, 100_000) as u32;
    let (mut a_ns, mut b_ns, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let start = Instant::now();
    while ratios.len() < min_rounds.max(1) || start.elapsed() < budget {
        let (ta, tb) = if ratios.len() % 2 == 0 {
            let ta = timed(a, batch);
            (ta, timed(b, batch))
        } else {
            let tb = timed(b, batch);
            (timed(a, batch), tb)
        };
        let (ta, tb) = (ta.as_nanos() as f64, tb.as_nanos().max(1) as f64);
        a_ns.push(ta / f64::from(batch));
        b_ns.push(tb / f64::from(batch));
        ratios.push(ta / tb);
    }
    Paired {
        a_ns: median(&mut a_ns),
        b_ns: median(&mut b_ns),
        ratio: median(&mut ratios),
        rounds: ratios.len(),
    }
}
