pub mod dates;
pub mod numbers;
pub mod yaml;
