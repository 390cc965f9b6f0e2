//! Dates as Thai documents write them (ISO, with a Buddhist-Era year above 2400) and the
//! fiscal year, which runs 1 October to 30 September and is named by the year it ends in.

use super::numbers::fold_thai_digits;
use std::fmt;

/// Years above this are Buddhist Era (BE = CE + 543).
const BE_THRESHOLD: i32 = 2400;
pub const BE_OFFSET: i32 = 543;

/// A calendar date, held in the Common Era.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Format,
    Month,
    Day,
}

pub const THAI_MONTHS: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError::Month);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Day);
        }
        Ok(Date { year, month, day })
    }

    /// `2566-03-31` (BE) or `2023-03-31` (CE); Thai digits allowed.
    pub fn parse(input: &str) -> Result<Date, DateError> {
        let s = fold_thai_digits(input.trim());
        let parts: Vec<&str> = s.split('-').collect();
        if parts.len() != 3
            || parts[0].len() != 4
            || !(1..=2).contains(&parts[1].len())
            || !(1..=2).contains(&parts[2].len())
            || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(DateError::Format);
        }
        let y: i32 = parts[0].parse().map_err(|_| DateError::Format)?;
        let m: u8 = parts[1].parse().map_err(|_| DateError::Format)?;
        let d: u8 = parts[2].parse().map_err(|_| DateError::Format)?;
        let ce = if y > BE_THRESHOLD { y - BE_OFFSET } else { y };
        Date::new(ce, m, d)
    }

    pub fn be_year(self) -> i32 {
        self.year + BE_OFFSET
    }

    /// The BE fiscal year this date falls in: October onwards belongs to the next year.
    pub fn fiscal_year(self) -> i32 {
        self.be_year() + i32::from(self.month >= 10)
    }

    /// `31 มีนาคม 2566`.
    pub fn thai(self) -> String {
        format!("{} {} {}", self.day, THAI_MONTHS[usize::from(self.month - 1)], self.be_year())
    }

    /// ISO 8601 in the Common Era, for machines (JSON, feeds, sitemaps).
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// First and last day of a BE fiscal year: FY 2566 = 1 Oct 2565 – 30 Sep 2566 BE.
pub fn fiscal_year_range(fy_be: i32) -> (Date, Date) {
    let end_ce = fy_be - BE_OFFSET;
    (Date { year: end_ce - 1, month: 10, day: 1 }, Date { year: end_ce, month: 9, day: 30 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn buddhist_era_and_fiscal_years() {
        let d = Date::parse("2566-03-31").unwrap();
        assert_eq!(d, Date { year: 2023, month: 3, day: 31 });
        assert_eq!(d.fiscal_year(), 2566);
        assert_eq!(d.thai(), "31 มีนาคม 2566");
        assert_eq!(Date::parse("2022-10-01").unwrap().fiscal_year(), 2566);
        assert_eq!(Date::parse("2022-09-30").unwrap().fiscal_year(), 2565);
        assert_eq!(Date::parse("๒๕๖๕-๐๗-๑๕").unwrap(), Date { year: 2022, month: 7, day: 15 });
        assert_eq!(fiscal_year_range(2566), (Date::new(2022, 10, 1).unwrap(), Date::new(2023, 9, 30).unwrap()));
        // 2567 BE = 2024 CE is a leap year; 2566 BE = 2023 is not.
        assert!(Date::parse("2567-02-29").is_ok());
        assert_eq!(Date::parse("2566-02-29"), Err(DateError::Day));
        assert_eq!(Date::parse("2566-13-01"), Err(DateError::Month));
        assert_eq!(Date::parse("31/03/2566"), Err(DateError::Format));
        assert_eq!(Date::parse("2566-3-31").unwrap().month, 3);
    }

    proptest! {
        #[test]
        fn every_day_of_a_fiscal_year_maps_back_to_it(fy in 2500i32..2700, offset in 0u32..366) {
            let (start, end) = fiscal_year_range(fy);
            // Walk `offset` days from the start, staying inside the year.
            let mut d = start;
            for _ in 0..offset {
                if d == end { break; }
                d = if d.day < days_in_month(d.year, d.month) { Date { day: d.day + 1, ..d } }
                    else if d.month < 12 { Date { month: d.month + 1, day: 1, ..d } }
                    else { Date { year: d.year + 1, month: 1, day: 1 } };
            }
            prop_assert_eq!(d.fiscal_year(), fy);
            let be = format!("{}-{:02}-{:02}", d.be_year(), d.month, d.day);
            prop_assert_eq!(Date::parse(&be), Ok(d));
            prop_assert_eq!(Date::parse(&d.iso()), Ok(d));
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,20}") {
            let _ = Date::parse(&s);
        }
    }
}
