//! How long each stage of a build took, for `prongsai build --timings` and the benchmarks.

use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct Timings {
    stages: Mutex<Vec<(&'static str, Duration)>>,
}

impl Timings {
    /// Runs `f`, recording its wall time under `stage`.
    pub fn time<T>(&self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = f();
        if let Ok(mut s) = self.stages.lock() {
            s.push((stage, started.elapsed()));
        }
        out
    }

    /// One line per stage, in the order they ended: `  1.234 s  stage`.
    pub fn report(&self) -> String {
        let stages = self.stages.lock().map(|s| s.clone()).unwrap_or_default();
        stages.iter().map(|(name, d)| format!("{:>8.3} s  {name}\n", d.as_secs_f64())).collect()
    }
}
