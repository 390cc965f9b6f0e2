//! plan.xlsx and report.xlsx: the open data for Excel users, in the layout of the
//! templates, so that an officer can download one, edit it and import it back.

use super::plan_sheet::{self, ItemRow, Layout};
use super::report_sheet::{self, ReportRow};
use super::style::{self, NOT_STATED, Properties, Styles};
use super::{Error, howto, summary};
use crate::compute::plan::{PlanTotals, Totals};
use crate::compute::report::Round;
use crate::content::model::*;
use crate::render::data::plan_url;
use rust_xlsxwriter::{Formula, Worksheet, XlsxError, row_col_to_cell};

/// The plan as the printed table lays it out: dimension and mission on their first row
/// only, every item's id (explicit or default), its budget per year (`-` = not stated,
/// 0 = needs no budget), a `รวมมิติที่ N` row per dimension and `รวมทั้งสิ้น` for the plan.
/// The total rows are formulas (`=SUM` of the rows above, rounded to satang; `-` when no
/// item states an amount) whose stored results are the computed totals, so a reader that
/// does not calculate sees the same figures as plan.json, and Excel keeps them right when
/// the officer edits an amount.
pub fn plan_xlsx(site: &Site, a: &Authority, p: &Plan, t: &PlanTotals) -> Result<Vec<u8>, Error> {
    let mut wb = style::workbook(&Properties { title: &p.title, company: Some(&a.name), date: p.adopted })?;
    let st = Styles::new();
    let l = Layout {
        years: p.fiscal_years.clone(),
        quarters: p.items.iter().any(|i| !i.quarters.is_empty()),
        egp: p.items.iter().any(|i| !i.egp.is_empty()),
    };
    let ws = wb.add_worksheet();
    plan_sheet::begin(ws, &st, &l, &p.title, &a.name)?;
    let mut row = plan_sheet::FIRST_ROW;
    // (first row, last row, total row) of each dimension.
    let mut blocks: Vec<(u32, u32, u32)> = Vec::new();
    for (d, dt) in p.dimensions.iter().zip(&t.dimensions) {
        let first = row;
        let mut dim_label = Some(plan_sheet::numbered(&d.no.to_string(), &d.title));
        for item in p.items.iter().filter(|i| i.dimension == d.no && i.mission.is_none()) {
            plan_sheet::item_row(ws, &st, &l, row, &item_row(p, item, dim_label.take(), None))?;
            row += 1;
        }
        for m in &d.missions {
            let mut m_label = Some(plan_sheet::numbered(&m.no, &m.title));
            for item in p.items.iter().filter(|i| i.dimension == d.no && i.mission.as_ref() == Some(&m.no)) {
                plan_sheet::item_row(ws, &st, &l, row, &item_row(p, item, dim_label.take(), m_label.take()))?;
                row += 1;
            }
            if let Some(label) = m_label {
                // A mission without items still shows where it stands.
                plan_sheet::structure_row(ws, &st, &l, row, dim_label.take().as_deref(), Some(&label))?;
                row += 1;
            }
        }
        if let Some(label) = dim_label {
            plan_sheet::structure_row(ws, &st, &l, row, Some(&label), None)?;
            row += 1;
        }
        let count = format!("COUNTA({})", range(first, row - 1, plan_sheet::TITLE));
        let label = Total { text: format!("รวมมิติที่ {}", d.no), count: &count };
        let sums: Vec<String> = (0..l.years.len()).map(|i| range(first, row - 1, l.year(i))).collect();
        total_row(ws, &st, &l, row, &label, &sums, &dt.totals)?;
        blocks.push((first, row - 1, row));
        row += 1;
    }
    let count = if blocks.is_empty() {
        "0".to_string()
    } else {
        let ranges: Vec<String> = blocks.iter().map(|(f, l, _)| range(*f, *l, plan_sheet::TITLE)).collect();
        format!("COUNTA({})", ranges.join(","))
    };
    let sums: Vec<String> = (0..l.years.len())
        .map(|i| blocks.iter().map(|(_, _, total)| row_col_to_cell(*total, l.year(i))).collect::<Vec<_>>().join(","))
        .collect();
    total_row(ws, &st, &l, row, &Total { text: "รวมทั้งสิ้น".into(), count: &count }, &sums, &t.plan)?;
    plan_sheet::kind_validation(ws, row)?;
    let mut codes = Vec::new();
    for d in &p.dimensions {
        codes.push((d.no.to_string(), d.title.clone()));
        for m in &d.missions {
            codes.push((m.no.clone(), m.title.clone()));
            codes.extend(m.sub_missions.iter().cloned());
        }
    }
    let source = match &p.template {
        Some(t) => format!("ตามแผนนี้ ซึ่งใช้แม่แบบ {t}"),
        None => "ตามแผนนี้".to_string(),
    };
    let import = format!(
        "แก้ไขแล้วบันทึกไฟล์ สั่ง  prongsai import plan plan.xlsx --authority {} --plan {} --force  \
(แทน plan.xlsx ด้วยชื่อไฟล์ที่บันทึก; --force เพราะแทนที่แผนที่มีอยู่แล้ว) ยอดในแถวรวมคำนวณใหม่เองเมื่อแก้จำนวนเงิน",
        a.slug, p.slug
    );
    let url = plan_url(site, a, p);
    howto::plan(wb.add_worksheet(), &st, &l, &codes, &source, &import, Some(&url))?;
    Ok(wb.save_to_buffer()?)
}

fn item_row<'a>(p: &Plan, i: &'a Item, dimension: Option<String>, mission: Option<String>) -> ItemRow<'a> {
    ItemRow {
        dimension,
        mission,
        id: &i.id,
        title: &i.title,
        kind: i.kind,
        sub_missions: &i.sub_missions,
        owner: &i.owner,
        budget: p.fiscal_years.iter().map(|y| i.amount(*y)).collect(),
        note: i.note.as_deref().unwrap_or_default(),
        quarters: &i.quarters,
        egp: &i.egp,
    }
}

/// `A4:A11` for a column between two rows.
fn range(first: u32, last: u32, col: u16) -> String {
    format!("{}:{}", row_col_to_cell(first, col), row_col_to_cell(last, col))
}

struct Total<'a> {
    /// `รวมมิติที่ 1`, `รวมทั้งสิ้น`; the row says `… จำนวน 7 โครงการ` as printed plans do.
    text: String,
    /// The formula that counts the items (`COUNTA(D4:D11)`).
    count: &'a str,
}

/// A total row: the count in the item column and, per year, the sum of `sums` (ranges or
/// cells), each a formula carrying the computed figure as its result.
fn total_row(
    ws: &mut Worksheet,
    st: &Styles,
    l: &Layout,
    row: u32,
    label: &Total,
    sums: &[String],
    t: &Totals,
) -> Result<(), XlsxError> {
    for col in 0..=l.last() {
        ws.write_blank(row, col, &st.total_text)?;
    }
    let text = format!("{} จำนวน {} โครงการ", label.text, t.items);
    let f = format!("=\"{} จำนวน \"&{}&\" โครงการ\"", label.text, label.count);
    ws.write_formula_with_format(row, plan_sheet::TITLE, Formula::new(f).set_result(text), &st.total_text)?;
    for (i, y) in l.years.iter().enumerate() {
        let yt = t.by_year.get(y).cloned().unwrap_or_default();
        let (result, format) = if yt.stated_items == 0 {
            (NOT_STATED.to_string(), &st.total_not_stated)
        } else {
            (yt.sum.to_decimal_string(), &st.total_money)
        };
        if !style::fits_a_number(yt.sum) {
            // Beyond what a double carries exactly: the figure as text, not a formula.
            ws.write_string_with_format(row, l.year(i), result, &st.total_not_stated)?;
            continue;
        }
        let cells = &sums[i];
        let f = format!("=IF(COUNT({cells})=0,\"{NOT_STATED}\",ROUND(SUM({cells}),2))");
        ws.write_formula_with_format(row, l.year(i), Formula::new(f).set_result(result), format)?;
    }
    style::write_text(ws, row, l.note(), &incomplete(l, t), &st.total_text)?;
    Ok(())
}

/// The remark of a total that leaves out items stating no amount.
fn incomplete(l: &Layout, t: &Totals) -> String {
    let missing: Vec<(i32, u64)> = l
        .years
        .iter()
        .filter_map(|y| t.by_year.get(y).map(|v| (*y, v.not_stated_items)))
        .filter(|(_, n)| *n > 0)
        .collect();
    if missing.is_empty() {
        return String::new();
    }
    if missing.len() == l.years.len() && missing.iter().all(|(_, n)| *n == missing[0].1) {
        return format!("ไม่รวมรายการที่ไม่ระบุงบประมาณ ปีละ {} รายการ", missing[0].1);
    }
    let each: Vec<String> = missing.iter().map(|(y, n)| format!("ปี {y} {n} รายการ")).collect();
    format!("ไม่รวมรายการที่ไม่ระบุงบประมาณ: {}", each.join(", "))
}

/// The round: one row per item (a plan item the round leaves out is รอรายงาน), status in
/// Thai words, budget (`-` = not stated), disbursed (`-` = not stated), remark; then a
/// `สรุป` sheet with the counts by status and the rates, and the `วิธีกรอก` sheet.
pub fn report_xlsx(site: &Site, a: &Authority, r: &Report, round: &Round) -> Result<Vec<u8>, Error> {
    let title = report_sheet::title(r.fiscal_year, r.period);
    let date = Some(crate::render::feeds::round_date(r));
    let mut wb = style::workbook(&Properties { title: &title, company: Some(&a.name), date })?;
    let st = Styles::new();
    let ws = wb.add_worksheet();
    report_sheet::begin(ws, &st, &title, &a.name)?;
    let mut row = report_sheet::FIRST_ROW;
    for i in &round.items {
        let rr = ReportRow {
            id: i.id.as_deref().unwrap_or_default(),
            dimension: i.dimension,
            title: &i.title,
            status: Some(i.status),
            budget: i.budget,
            disbursed: i.disbursed,
            note: i.note.as_deref().unwrap_or_default(),
        };
        report_sheet::row(ws, &st, row, &rr, false)?;
        row += 1;
    }
    report_sheet::status_validation(ws, row.saturating_sub(1))?;
    summary::sheet(wb.add_worksheet(), &st, a, r, round)?;
    let plan = r.plan.as_deref().unwrap_or("-");
    let import = super::template::report_import(a, plan, r.fiscal_year, r.period, "report.xlsx");
    let url = format!("{}{}/reports/{}/", site.base_url, a.slug, r.slug);
    howto::report(wb.add_worksheet(), &st, &import, Some(&url))?;
    Ok(wb.save_to_buffer()?)
}
