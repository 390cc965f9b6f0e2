//! The content stage: load (files → typed model with positions) and check.

pub mod check;
pub mod dates;
pub mod load;
pub mod model;
pub mod numbers;
pub mod provinces;
pub mod read;
pub mod templates;
pub mod yaml;
