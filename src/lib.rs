//! prongsai: publishes what Thai local authorities promise and do against corruption.
//!
//! Data flows one way: [`content::load`] (files → typed model with positions) →
//! [`content::check`] (errors and warnings) → [`compute`] (totals, rates,
//! reconciliations) → [`render`] (pages, data files) → [`build`] (atomic swap).

pub mod addresses;
pub mod build;
pub mod cli;
pub mod compute;
pub mod content;
pub mod diag;
pub mod import;
pub mod ita;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod xlsx;
