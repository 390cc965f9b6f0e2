//! The `สรุป` sheet of report.xlsx: counts by status, the completion rate with the awaiting
//! count beside it, budget, disbursed and the disbursement rate, for the round and per
//! dimension; the same figures as report.json. A sheet of its own, so that the `รายงาน`
//! sheet holds only item rows and imports back as it is.

use super::SUMMARY_SHEET;
use super::style::{self, Styles};
use crate::compute::report::{Round, StatusTotals};
use crate::content::model::*;
use crate::content::numbers::Money;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

const CANNOT: &str = "คำนวณไม่ได้";

fn rate(ws: &mut Worksheet, st: &Styles, row: u32, col: u16, r: Option<String>) -> Result<(), XlsxError> {
    match r.and_then(|s| s.parse::<f64>().ok()) {
        Some(v) => {
            ws.write_number_with_format(row, col, v, &st.percent)?;
        }
        None => {
            ws.write_string_with_format(row, col, CANNOT, &st.not_stated)?;
        }
    }
    Ok(())
}

fn count(ws: &mut Worksheet, st: &Styles, row: u32, col: u16, n: u64) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, n as f64, &st.count)?;
    Ok(())
}

fn money(ws: &mut Worksheet, st: &Styles, row: u32, col: u16, m: Money) -> Result<(), XlsxError> {
    style::write_money(ws, row, col, m, &st.money, &st.money_text)
}

fn label(ws: &mut Worksheet, row: u32, col: u16, text: &str, f: &Format) -> Result<(), XlsxError> {
    style::write_text(ws, row, col, text, f)
}

pub fn sheet(ws: &mut Worksheet, st: &Styles, a: &Authority, r: &Report, round: &Round) -> Result<(), XlsxError> {
    ws.set_name(SUMMARY_SHEET)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_column_width(0, 46)?;
    for col in 1..=10 {
        ws.set_column_width(col, 14)?;
    }
    let t = &round.totals;
    label(ws, 0, 0, &format!("สรุป{}", super::report_sheet::title(r.fiscal_year, r.period)), &st.prose_bold)?;
    label(ws, 1, 0, &format!("{} {}", super::plan_sheet::AUTHORITY_LABEL, a.name), &st.prose_bold)?;
    if let Some(d) = r.as_of {
        label(ws, 2, 0, &format!("ข้อมูล ณ วันที่ {}", d.thai()), &st.prose)?;
    }
    let mut row = 4;
    label(ws, row, 0, "สถานะ", &st.header)?;
    label(ws, row, 1, "จำนวน", &st.header)?;
    row += 1;
    for s in Status::ALL {
        label(ws, row, 0, s.thai(), &st.text)?;
        count(ws, st, row, 1, t.count(s))?;
        row += 1;
    }
    label(ws, row, 0, "รวม", &st.total_text)?;
    ws.write_number_with_format(row, 1, t.items as f64, &st.total_text.clone().set_num_format("#,##0"))?;
    row += 2;

    let missing = round.items.iter().filter(|i| i.missing).count() as u64;
    label(ws, row, 0, "ตัวชี้วัด", &st.header)?;
    label(ws, row, 1, "ค่า", &st.header)?;
    row += 1;
    label(ws, row, 0, "อัตราความสำเร็จ = แล้วเสร็จ ÷ (ทั้งหมด − รอรายงาน)", &st.text)?;
    rate(ws, st, row, 1, t.completion_rate())?;
    row += 1;
    label(ws, row, 0, "รอรายงาน (ไม่นับในอัตราความสำเร็จ: ข้อมูลยังไม่มา ไม่ใช่ล้มเหลว)", &st.text)?;
    count(ws, st, row, 1, t.awaiting())?;
    row += 1;
    label(ws, row, 0, "ในแผนแต่รายงานรอบนี้ไม่ได้กล่าวถึง (นับเป็นรอรายงาน)", &st.text)?;
    count(ws, st, row, 1, missing)?;
    row += 1;
    label(ws, row, 0, "งบประมาณรวม (บาท)", &st.text)?;
    money(ws, st, row, 1, t.budget)?;
    row += 1;
    label(ws, row, 0, "ไม่ระบุงบประมาณ (ไม่นับในงบประมาณรวม)", &st.text)?;
    count(ws, st, row, 1, t.budget_not_stated)?;
    row += 1;
    label(ws, row, 0, "เบิกจ่ายรวม (บาท)", &st.text)?;
    money(ws, st, row, 1, t.disbursed)?;
    row += 1;
    label(ws, row, 0, "อัตราการเบิกจ่าย = เบิกจ่าย ÷ งบประมาณ เฉพาะรายการที่มีงบประมาณมากกว่า 0", &st.text)?;
    rate(ws, st, row, 1, t.disbursement_rate())?;
    row += 2;

    if !round.dimensions.is_empty() {
        let mut heads = vec!["มิติ".to_string(), "จำนวน".to_string()];
        heads.extend(Status::ALL.iter().map(|s| s.thai().to_string()));
        heads.extend(["งบประมาณ", "เบิกจ่าย", "อัตราความสำเร็จ", "อัตราการเบิกจ่าย"].map(String::from));
        for (col, h) in heads.iter().enumerate() {
            label(ws, row, col as u16, h, &st.header)?;
        }
        row += 1;
        for (no, d) in &round.dimensions {
            dimension_row(ws, st, row, &format!("มิติที่ {no}"), d)?;
            row += 1;
        }
    }
    Ok(())
}

fn dimension_row(ws: &mut Worksheet, st: &Styles, row: u32, name: &str, d: &StatusTotals) -> Result<(), XlsxError> {
    label(ws, row, 0, name, &st.text)?;
    count(ws, st, row, 1, d.items)?;
    for (i, s) in Status::ALL.iter().enumerate() {
        count(ws, st, row, 2 + i as u16, d.count(*s))?;
    }
    money(ws, st, row, 7, d.budget)?;
    money(ws, st, row, 8, d.disbursed)?;
    rate(ws, st, row, 9, d.completion_rate())?;
    rate(ws, st, row, 10, d.disbursement_rate())?;
    Ok(())
}
