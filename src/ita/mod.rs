//! ITA (the NACC's Integrity and Transparency Assessment): the item catalogue by year and,
//! for each authority and year, what fills every item.

pub mod catalogue;
pub mod resolve;
