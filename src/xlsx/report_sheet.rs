//! The report sheet (`รายงาน`) of docs/spreadsheets.md, shared by the template and
//! report.xlsx: title rows, then `รหัส | มิติ | โครงการ/กิจกรรม/มาตรการ | สถานะ | งบประมาณ |
//! เบิกจ่าย | หมายเหตุ`, one row per item, with a drop-down of the Thai status words.

use super::REPORT_SHEET;
use super::style::{self, Styles};
use crate::content::model::{Amount, Period, Status};
use crate::content::numbers::Money;
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Worksheet, XlsxError};

pub const TITLE_ROW: u32 = 0;
pub const AUTHORITY_ROW: u32 = 1;
pub const HEADER_ROW: u32 = 2;
pub const FIRST_ROW: u32 = 3;

pub const ID: u16 = 0;
pub const DIMENSION: u16 = 1;
pub const TITLE: u16 = 2;
pub const STATUS: u16 = 3;
pub const BUDGET: u16 = 4;
pub const DISBURSED: u16 = 5;
pub const NOTE: u16 = 6;

pub const HEADERS: [(&str, f64); 7] = [
    ("รหัส", 10.0),
    ("มิติ", 6.0),
    ("โครงการ/กิจกรรม/มาตรการ", 60.0),
    ("สถานะ", 22.0),
    ("งบประมาณ", 15.0),
    ("เบิกจ่าย", 15.0),
    ("หมายเหตุ", 30.0),
];

/// `รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2567`.
/// No item-column word (โครงการ, กิจกรรม, มาตรการ, รายการ) appears in it, so the importer
/// never takes it for the header.
pub fn title(fiscal_year: i32, period: Period) -> String {
    format!("รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต {} ปีงบประมาณ พ.ศ. {fiscal_year}", period.thai())
}

pub fn begin(ws: &mut Worksheet, st: &Styles, title: &str, authority: &str) -> Result<(), XlsxError> {
    ws.set_name(REPORT_SHEET)?;
    let last = NOTE;
    ws.merge_range(TITLE_ROW, 0, TITLE_ROW, last, &style::clip(title), &st.title)?;
    let who = format!("{} {authority}", super::plan_sheet::AUTHORITY_LABEL);
    ws.merge_range(AUTHORITY_ROW, 0, AUTHORITY_ROW, last, &style::clip(who.trim_end()), &st.subtitle)?;
    for (col, (word, width)) in HEADERS.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(HEADER_ROW, col, *word, &st.header)?;
        ws.set_column_width(col, *width)?;
        let f = if col == BUDGET || col == DISBURSED { &st.column_money } else { &st.column_text };
        ws.set_column_format(col, f)?;
    }
    style::page_setup(ws, HEADER_ROW)
}

pub struct ReportRow<'a> {
    pub id: &'a str,
    pub dimension: Option<u32>,
    pub title: &'a str,
    /// None: for the officer to choose (a template).
    pub status: Option<Status>,
    pub budget: Amount,
    /// None: not stated.
    pub disbursed: Option<Money>,
    pub note: &'a str,
}

/// `template`: cells that state nothing stay empty for the officer; in report.xlsx they
/// say `-`.
pub fn row(ws: &mut Worksheet, st: &Styles, row: u32, r: &ReportRow, template: bool) -> Result<(), XlsxError> {
    style::write_text(ws, row, ID, r.id, &st.text)?;
    match r.dimension {
        Some(d) => {
            ws.write_number_with_format(row, DIMENSION, f64::from(d), &st.text)?;
        }
        None => style::write_text(ws, row, DIMENSION, "", &st.text)?,
    }
    style::write_text(ws, row, TITLE, r.title, &st.text)?;
    style::write_text(ws, row, STATUS, r.status.map(Status::thai).unwrap_or_default(), &st.text)?;
    style::write_amount(ws, row, BUDGET, r.budget, st, template)?;
    let disbursed = r.disbursed.map_or(Amount::NotStated, Amount::Stated);
    style::write_amount(ws, row, DISBURSED, disbursed, st, template)?;
    style::write_text(ws, row, NOTE, r.note, &st.text)?;
    Ok(())
}

/// The drop-down of the five Thai status words in `สถานะ`.
pub fn status_validation(ws: &mut Worksheet, last_row: u32) -> Result<(), XlsxError> {
    let v = DataValidation::new()
        .allow_list_strings(&Status::THAI)?
        .set_input_title("สถานะ")?
        .set_input_message("เลือกสถานะของรายการในรอบรายงานนี้")?
        .set_error_title("สถานะไม่ถูกต้อง")?
        .set_error_message(format!("เลือกจากรายการ: {}", Status::THAI.join(", ")))?
        .set_error_style(DataValidationErrorStyle::Stop);
    ws.add_data_validation(FIRST_ROW, STATUS, last_row.max(FIRST_ROW), STATUS, &v)?;
    Ok(())
}
