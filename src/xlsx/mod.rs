//! Excel workbooks laid out as docs/spreadsheets.md says: templates for officers
//! (`prongsai template plan|report`) and plan.xlsx / report.xlsx, the open data for Excel
//! users, which an officer can download, edit and import back.
//!
//! Money is written as an Excel number of baht with two decimals (satang ÷ 100, which is
//! the nearest double to the decimal and reads back exactly); "not stated" is the text `-`,
//! never 0. The same input always gives the same bytes: the creation date comes from the
//! content (or is fixed), and the zip entries carry no time.

pub mod command;
mod export;
mod howto;
mod plan_sheet;
mod report_sheet;
mod style;
mod summary;
mod template;

pub use export::{plan_xlsx, report_xlsx};
pub use template::{default_template, parse_round, parse_years, plan_template, report_template};

use crate::diag::Lang;

/// Sheet names, part of the contract with the importer.
pub const PLAN_SHEET: &str = "แผน";
pub const REPORT_SHEET: &str = "รายงาน";
pub const HOWTO_SHEET: &str = "วิธีกรอก";
pub const SUMMARY_SHEET: &str = "สรุป";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearsProblem {
    /// Not `2566` or `2566-2570`.
    Form,
    /// A year at or below 2400: a Common Era year, most likely.
    NotBuddhistEra(i32),
    EndBeforeStart {
        start: i32,
        end: i32,
    },
    TooMany(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// `text` as the user wrote it.
    Years {
        text: String,
        problem: YearsProblem,
    },
    UnknownTemplate(String),
    /// `2566-6m`, `2566-12m`.
    Round(String),
    YearNotInPlan {
        year: i32,
        plan: String,
        years: Vec<i32>,
    },
    /// rust_xlsxwriter refused something (never expected: texts are clipped to Excel's limits).
    Workbook(String),
}

impl Error {
    pub fn message(&self, lang: Lang) -> String {
        let th = lang == Lang::Th;
        match self {
            Error::Years { text, problem } => {
                let why = match (problem, th) {
                    (YearsProblem::Form, true) => "ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2566-2570 หรือ 2567".to_string(),
                    (YearsProblem::Form, false) => {
                        "write Buddhist Era fiscal years, such as 2566-2570 or 2567".to_string()
                    }
                    (YearsProblem::NotBuddhistEra(y), true) => {
                        format!("{y} ไม่ใช่ปี พ.ศ. (ค.ศ. {y} คือ พ.ศ. {})", y + 543)
                    }
                    (YearsProblem::NotBuddhistEra(y), false) => {
                        format!("{y} is not a Buddhist Era year (CE {y} is BE {})", y + 543)
                    }
                    (YearsProblem::EndBeforeStart { start, end }, true) => {
                        format!("ปีสุดท้าย {end} อยู่ก่อนปีแรก {start}")
                    }
                    (YearsProblem::EndBeforeStart { start, end }, false) => {
                        format!("the last year {end} comes before the first year {start}")
                    }
                    (YearsProblem::TooMany(n), true) => format!("{n} ปีมากเกินไป แผนหนึ่งมีได้ไม่เกิน {MAX_YEARS} ปี"),
                    (YearsProblem::TooMany(n), false) => {
                        format!("{n} years are too many: a plan covers at most {MAX_YEARS}")
                    }
                };
                if th {
                    format!("ช่วงปี '{text}' ไม่ถูกต้อง: {why}")
                } else {
                    format!("years '{text}' are not valid: {why}")
                }
            }
            Error::UnknownTemplate(t) => {
                let names = crate::content::templates::NAMES.join(", ");
                if th {
                    format!("ไม่มีแม่แบบ '{t}': ใช้ได้ {names}")
                } else {
                    format!("there is no template '{t}': use one of {names}")
                }
            }
            Error::Round(r) => {
                if th {
                    format!("รอบรายงาน '{r}' ไม่ถูกต้อง: ต้องเป็นปีงบประมาณ พ.ศ. ตามด้วย -6m หรือ -12m เช่น 2567-6m")
                } else {
                    format!(
                        "the round '{r}' is not valid: write a Buddhist Era fiscal year and -6m or -12m, e.g. 2567-6m"
                    )
                }
            }
            Error::YearNotInPlan { year, plan, years } => {
                let span = match (years.first(), years.last()) {
                    (Some(a), Some(b)) => format!("{a}–{b}"),
                    _ => String::new(),
                };
                if th {
                    format!("ปีงบประมาณ {year} ไม่อยู่ในแผน {plan} (ปี {span})")
                } else {
                    format!("fiscal year {year} is not in plan {plan} ({span})")
                }
            }
            Error::Workbook(e) => {
                if th {
                    format!("สร้างไฟล์ Excel ไม่สำเร็จ: {e}")
                } else {
                    format!("could not make the Excel file: {e}")
                }
            }
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

impl From<rust_xlsxwriter::XlsxError> for Error {
    fn from(e: rust_xlsxwriter::XlsxError) -> Error {
        Error::Workbook(e.to_string())
    }
}

/// A plan covers at most this many fiscal years (plans are written for 3 to 5).
pub const MAX_YEARS: usize = 10;

/// The header of a budget column, as the importer reads it: `งบประมาณ ปี 2566`.
pub fn budget_header(year: i32) -> String {
    format!("งบประมาณ ปี {year}")
}
