//! compute: totals, rates and reconciliations, exactly as ../shared/spec/site.md defines
//! them. Pure functions of the model; no I/O.

pub mod owners;
pub mod plan;
pub mod report;
