//! The plan sheet (`แผน`) of docs/spreadsheets.md, shared by the template and plan.xlsx:
//! row 1 the title (merged), row 2 the authority, row 3 the header, then the rows.

use super::style::{self, Styles};
use super::{PLAN_SHEET, budget_header};
use crate::content::model::{Amount, Kind};
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Worksheet, XlsxError};

pub const TITLE_ROW: u32 = 0;
pub const AUTHORITY_ROW: u32 = 1;
pub const HEADER_ROW: u32 = 2;
pub const FIRST_ROW: u32 = 3;
/// Rows below the table that still get the drop-down, for items the officer adds.
const VALIDATION_SLACK: u32 = 500;

pub const DIMENSION: u16 = 0;
pub const MISSION: u16 = 1;
pub const ID: u16 = 2;
pub const TITLE: u16 = 3;
pub const KIND: u16 = 4;
pub const SUB_MISSIONS: u16 = 5;
const FIRST_YEAR: u16 = 6;

pub const AUTHORITY_LABEL: &str = "องค์กรปกครองส่วนท้องถิ่น:";

/// The columns of one plan sheet: one budget column per fiscal year, and (plan.xlsx only,
/// when some item has them) quarters and e-GP numbers after the remark.
pub struct Layout {
    pub years: Vec<i32>,
    pub quarters: bool,
    pub egp: bool,
}

impl Layout {
    pub fn year(&self, i: usize) -> u16 {
        FIRST_YEAR + i as u16
    }
    pub fn owner(&self) -> u16 {
        FIRST_YEAR + self.years.len() as u16
    }
    pub fn note(&self) -> u16 {
        self.owner() + 1
    }
    pub fn quarters(&self) -> Option<u16> {
        self.quarters.then(|| self.note() + 1)
    }
    pub fn egp(&self) -> Option<u16> {
        self.egp.then(|| self.note() + 1 + u16::from(self.quarters))
    }
    pub fn last(&self) -> u16 {
        self.note() + u16::from(self.quarters) + u16::from(self.egp)
    }
    /// Header words and column widths, in column order.
    pub fn headers(&self) -> Vec<(String, f64)> {
        let mut h: Vec<(String, f64)> = vec![
            ("มิติ".into(), 24.0),
            ("ภารกิจตามมิติ".into(), 34.0),
            ("รหัส".into(), 10.0),
            ("โครงการ/กิจกรรม/มาตรการ".into(), 52.0),
            ("ประเภท".into(), 10.0),
            ("ภารกิจย่อย".into(), 12.0),
        ];
        h.extend(self.years.iter().map(|y| (budget_header(*y), 14.0)));
        h.push(("ผู้รับผิดชอบ".into(), 20.0));
        h.push(("หมายเหตุ".into(), 26.0));
        if self.quarters {
            h.push(("ไตรมาส".into(), 10.0));
        }
        if self.egp {
            h.push(("e-GP".into(), 16.0));
        }
        h
    }
}

/// Names the sheet and writes the title, authority and header rows, the column widths and
/// formats, and the print setup.
pub fn begin(ws: &mut Worksheet, st: &Styles, l: &Layout, title: &str, authority: &str) -> Result<(), XlsxError> {
    ws.set_name(PLAN_SHEET)?;
    let last = l.last();
    ws.merge_range(TITLE_ROW, 0, TITLE_ROW, last, &style::clip(title), &st.title)?;
    let who = format!("{AUTHORITY_LABEL} {authority}");
    ws.merge_range(AUTHORITY_ROW, 0, AUTHORITY_ROW, last, &style::clip(who.trim_end()), &st.subtitle)?;
    for (col, (word, width)) in l.headers().into_iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(HEADER_ROW, col, word, &st.header)?;
        ws.set_column_width(col, width)?;
        let f = if (l.year(0)..l.owner()).contains(&col) { &st.column_money } else { &st.column_text };
        ws.set_column_format(col, f)?;
    }
    style::page_setup(ws, HEADER_ROW)
}

/// One item: dimension and mission only on the first row of each (blank below means
/// "the same as above"), as the printed table writes them.
pub struct ItemRow<'a> {
    pub dimension: Option<String>,
    pub mission: Option<String>,
    pub id: &'a str,
    pub title: &'a str,
    pub kind: Kind,
    pub sub_missions: &'a [String],
    pub owner: &'a [String],
    pub budget: Vec<Amount>,
    pub note: &'a str,
    pub quarters: &'a [u8],
    pub egp: &'a [String],
}

pub fn item_row(ws: &mut Worksheet, st: &Styles, l: &Layout, row: u32, it: &ItemRow) -> Result<(), XlsxError> {
    heading_cells(ws, st, row, it.dimension.as_deref(), it.mission.as_deref())?;
    style::write_text(ws, row, ID, it.id, &st.text)?;
    style::write_text(ws, row, TITLE, it.title, &st.text)?;
    style::write_text(ws, row, KIND, it.kind.thai(), &st.text)?;
    style::write_text(ws, row, SUB_MISSIONS, &it.sub_missions.join(", "), &st.text)?;
    for (i, a) in it.budget.iter().enumerate() {
        style::write_amount(ws, row, l.year(i), *a, st, false)?;
    }
    // Several owners on separate lines of the cell, as the importer reads them.
    style::write_text(ws, row, l.owner(), &it.owner.join("\n"), &st.text)?;
    style::write_text(ws, row, l.note(), it.note, &st.text)?;
    if let Some(c) = l.quarters() {
        let q: Vec<String> = it.quarters.iter().map(u8::to_string).collect();
        style::write_text(ws, row, c, &q.join(", "), &st.text)?;
    }
    if let Some(c) = l.egp() {
        // Text, so that Excel keeps every digit of an e-GP number.
        style::write_text(ws, row, c, &it.egp.join(", "), &st.text)?;
    }
    Ok(())
}

/// A row that starts a dimension or a mission: its number and title, nothing else.
pub fn structure_row(
    ws: &mut Worksheet,
    st: &Styles,
    l: &Layout,
    row: u32,
    dimension: Option<&str>,
    mission: Option<&str>,
) -> Result<(), XlsxError> {
    empty_row(ws, st, l, row)?;
    heading_cells(ws, st, row, dimension, mission)
}

/// A row of empty bordered cells, for the officer to fill.
pub fn empty_row(ws: &mut Worksheet, st: &Styles, l: &Layout, row: u32) -> Result<(), XlsxError> {
    for col in 0..=l.last() {
        let f = if (l.year(0)..l.owner()).contains(&col) { &st.money } else { &st.text };
        ws.write_blank(row, col, f)?;
    }
    Ok(())
}

fn heading_cells(
    ws: &mut Worksheet,
    st: &Styles,
    row: u32,
    dimension: Option<&str>,
    mission: Option<&str>,
) -> Result<(), XlsxError> {
    match dimension {
        Some(d) => style::write_text(ws, row, DIMENSION, d, &st.dimension)?,
        None => style::write_text(ws, row, DIMENSION, "", &st.text)?,
    }
    match mission {
        Some(m) => style::write_text(ws, row, MISSION, m, &st.mission)?,
        None => style::write_text(ws, row, MISSION, "", &st.text)?,
    }
    Ok(())
}

/// `1 การสร้างวัฒนธรรมสุจริต`, `1.1 การเสริมสร้าง…`: the number first, as the importer reads it.
pub fn numbered(no: &str, title: &str) -> String {
    if title.is_empty() { no.to_string() } else { format!("{no} {title}") }
}

/// The drop-down of kinds in `ประเภท`, from the first row to well below the last.
pub fn kind_validation(ws: &mut Worksheet, last_row: u32) -> Result<(), XlsxError> {
    let words: Vec<&str> = Kind::ALL.iter().map(|k| k.thai()).collect();
    let v = DataValidation::new()
        .allow_list_strings(&words)?
        .set_input_title("ประเภท")?
        .set_input_message("เลือก โครงการ กิจกรรม มาตรการ หรือ อื่น ๆ\nเว้นว่างได้: ดูจากคำแรกของชื่อรายการ")?
        .set_error_title("ประเภทไม่ถูกต้อง")?
        .set_error_message("เลือกจากรายการ: โครงการ กิจกรรม มาตรการ อื่น ๆ")?
        .set_error_style(DataValidationErrorStyle::Stop);
    ws.add_data_validation(FIRST_ROW, KIND, last_row.max(FIRST_ROW) + VALIDATION_SLACK, KIND, &v)?;
    Ok(())
}
