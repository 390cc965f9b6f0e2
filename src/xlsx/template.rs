//! Templates for officers: an empty plan laid out on a national template, and a progress
//! report listing a plan's items for one round.

use super::plan_sheet::{self, Layout};
use super::report_sheet::{self, ReportRow};
use super::style::{self, Properties, Styles};
use super::{Error, MAX_YEARS, YearsProblem, howto};
use crate::content::model::{Authority, Period, Plan};
use crate::content::numbers::fold_thai_digits;
use crate::content::templates;

/// Empty rows under each mission of a template, for the officer's items.
const EMPTY_ROWS: u32 = 3;

/// The national template a plan starting in `years[0]` follows: nacc-2566 from 2566 on.
pub fn default_template(years: &[i32]) -> &'static str {
    if years.first().is_some_and(|y| *y >= 2566) { "nacc-2566" } else { "nacc-2561" }
}

/// `2566-2570` (also `2566–2570`, `๒๕๖๖-๒๕๗๐`, `2567`) → the fiscal years it spans.
pub fn parse_years(text: &str) -> Result<Vec<i32>, Error> {
    let err = |problem| Error::Years { text: text.to_string(), problem };
    let folded = fold_thai_digits(text.trim());
    let parts: Vec<&str> = folded.split(['-', '–', '—']).map(str::trim).collect();
    if parts.len() > 2 || parts.iter().any(|p| p.len() != 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(err(YearsProblem::Form));
    }
    let years: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (start, end) = (years[0], *years.last().unwrap_or(&years[0]));
    if let Some(y) = years.iter().find(|y| **y <= 2400) {
        return Err(err(YearsProblem::NotBuddhistEra(*y)));
    }
    if end < start {
        return Err(err(YearsProblem::EndBeforeStart { start, end }));
    }
    let all: Vec<i32> = (start..=end).collect();
    check_years(&all).map_err(|e| match e {
        Error::Years { problem, .. } => err(problem),
        e => e,
    })?;
    Ok(all)
}

/// Consecutive Buddhist-Era years, at most [`MAX_YEARS`] of them.
fn check_years(years: &[i32]) -> Result<(), Error> {
    let text = years.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
    let err = |problem| Error::Years { text: text.clone(), problem };
    let (Some(first), Some(last)) = (years.first(), years.last()) else { return Err(err(YearsProblem::Form)) };
    if let Some(y) = years.iter().find(|y| **y <= 2400) {
        return Err(err(YearsProblem::NotBuddhistEra(*y)));
    }
    if last < first {
        return Err(err(YearsProblem::EndBeforeStart { start: *first, end: *last }));
    }
    if years.windows(2).any(|w| w[1] != w[0] + 1) || *last >= 10_000 {
        return Err(err(YearsProblem::Form));
    }
    if years.len() > MAX_YEARS {
        return Err(err(YearsProblem::TooMany(years.len())));
    }
    Ok(())
}

/// `2567-6m` → (2567, six months).
pub fn parse_round(text: &str) -> Result<(i32, Period), Error> {
    let folded = fold_thai_digits(text.trim());
    let err = || Error::Round(text.to_string());
    let (year, period) = folded.split_once('-').ok_or_else(err)?;
    let period = match period {
        "6m" => Period::SixMonths,
        "12m" => Period::TwelveMonths,
        _ => return Err(err()),
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    let year: i32 = year.parse().map_err(|_| err())?;
    if year <= 2400 {
        return Err(err());
    }
    Ok((year, period))
}

/// `แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566 – 2570)`, as row 1 of the contract.
fn plan_title(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. {a} – {b})"),
        (Some(a), _) => format!("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. {a})"),
        _ => "แผนปฏิบัติการป้องกันการทุจริต".into(),
    }
}

/// The sheet `แผน` of docs/spreadsheets.md for `years`, with one structure row per
/// dimension and mission of the national template (nacc-2566 from 2566 on, nacc-2561
/// before, unless named) and empty rows under each mission; the drop-down of kinds; and
/// the `วิธีกรอก` sheet.
pub fn plan_template(years: &[i32], template: Option<&str>, authority_name: Option<&str>) -> Result<Vec<u8>, Error> {
    check_years(years)?;
    let name = template.unwrap_or_else(|| default_template(years));
    let t = templates::get(name).ok_or_else(|| Error::UnknownTemplate(name.to_string()))?;
    let title = plan_title(years);
    let mut wb = style::workbook(&Properties { title: &title, company: authority_name, date: None })?;
    let st = Styles::new();
    let l = Layout { years: years.to_vec(), quarters: false, egp: false };
    let ws = wb.add_worksheet();
    plan_sheet::begin(ws, &st, &l, &title, authority_name.unwrap_or_default())?;
    let mut row = plan_sheet::FIRST_ROW;
    let mut codes = Vec::new();
    for d in &t.dimensions {
        let label = plan_sheet::numbered(&d.no.to_string(), &d.title);
        plan_sheet::structure_row(ws, &st, &l, row, Some(&label), None)?;
        row += 1;
        codes.push((d.no.to_string(), d.title.clone()));
        if d.missions.is_empty() {
            for _ in 0..EMPTY_ROWS {
                plan_sheet::empty_row(ws, &st, &l, row)?;
                row += 1;
            }
        }
        for m in &d.missions {
            plan_sheet::structure_row(ws, &st, &l, row, None, Some(&plan_sheet::numbered(&m.no, &m.title)))?;
            row += 1;
            codes.push((m.no.clone(), m.title.clone()));
            codes.extend(m.sub_missions.iter().cloned());
            for _ in 0..EMPTY_ROWS {
                plan_sheet::empty_row(ws, &st, &l, row)?;
                row += 1;
            }
        }
    }
    plan_sheet::kind_validation(ws, row - 1)?;
    let slug = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}-{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    let import = format!(
        "บันทึกไฟล์ แล้วสั่ง  prongsai import plan แผน.xlsx --authority ชื่อโฟลเดอร์ของ อปท. --plan {slug}  \
(แทน แผน.xlsx ด้วยชื่อไฟล์ที่บันทึก) โปรแกรมเขียนไฟล์ content/<อปท.>/plans/{slug}.yaml"
    );
    let source = format!("แม่แบบ {name}: {}", t.name);
    howto::plan(wb.add_worksheet(), &st, &l, &codes, &source, &import, None)?;
    Ok(wb.save_to_buffer()?)
}

/// The sheet `รายงาน` for one round of `plan`: one row per plan item with its id,
/// dimension, title and budget for `fiscal_year` filled in (blank where the plan states
/// none), a drop-down of the Thai status words, and the `วิธีกรอก` sheet.
pub fn report_template(a: &Authority, plan: &Plan, fiscal_year: i32, period: Period) -> Result<Vec<u8>, Error> {
    if !plan.fiscal_years.contains(&fiscal_year) {
        return Err(Error::YearNotInPlan {
            year: fiscal_year,
            plan: plan.slug.clone(),
            years: plan.fiscal_years.clone(),
        });
    }
    let title = report_sheet::title(fiscal_year, period);
    let mut wb = style::workbook(&Properties { title: &title, company: Some(&a.name), date: None })?;
    let st = Styles::new();
    let ws = wb.add_worksheet();
    report_sheet::begin(ws, &st, &title, &a.name)?;
    let mut row = report_sheet::FIRST_ROW;
    for item in &plan.items {
        let r = ReportRow {
            id: &item.id,
            dimension: Some(item.dimension),
            title: &item.title,
            status: None,
            budget: item.amount(fiscal_year),
            disbursed: None,
            note: "",
        };
        report_sheet::row(ws, &st, row, &r, true)?;
        row += 1;
    }
    report_sheet::status_validation(ws, row.saturating_sub(1))?;
    let import = report_import(a, &plan.slug, fiscal_year, period, "รายงาน.xlsx");
    howto::report(wb.add_worksheet(), &st, &import, None)?;
    Ok(wb.save_to_buffer()?)
}

pub(super) fn report_import(a: &Authority, plan: &str, fiscal_year: i32, period: Period, file: &str) -> String {
    format!(
        "บันทึกไฟล์ แล้วสั่ง  prongsai import report {file} --authority {} --plan {plan} --round {fiscal_year}-{}  \
(แทน {file} ด้วยชื่อไฟล์ที่บันทึก ดูรายละเอียดใน prongsai import --help)",
        a.slug,
        period.as_str()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_as_officers_type_them() {
        assert_eq!(parse_years("2566-2570").unwrap(), vec![2566, 2567, 2568, 2569, 2570]);
        assert_eq!(parse_years(" ๒๕๖๖ – ๒๕๖๘ ").unwrap(), vec![2566, 2567, 2568]);
        assert_eq!(parse_years("2567").unwrap(), vec![2567]);
        let problem = |t: &str| match parse_years(t) {
            Err(Error::Years { problem, .. }) => problem,
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(problem("2566-2560"), YearsProblem::EndBeforeStart { start: 2566, end: 2560 });
        assert_eq!(problem("abc"), YearsProblem::Form);
        assert_eq!(problem(""), YearsProblem::Form);
        assert_eq!(problem("2566-2570-2575"), YearsProblem::Form);
        assert_eq!(problem("2023-2027"), YearsProblem::NotBuddhistEra(2023));
        assert_eq!(problem("2566-2590"), YearsProblem::TooMany(25));
    }

    #[test]
    fn a_slice_of_years_is_checked_too() {
        assert!(plan_template(&[], None, None).is_err());
        assert!(plan_template(&[2566, 2568], None, None).is_err());
        assert!(plan_template(&[2023], None, None).is_err());
        assert_eq!(plan_template(&[2566], Some("nacc-9999"), None), Err(Error::UnknownTemplate("nacc-9999".into())));
    }

    #[test]
    fn rounds() {
        assert_eq!(parse_round("2567-6m").unwrap(), (2567, Period::SixMonths));
        assert_eq!(parse_round("๒๕๖๗-12m").unwrap(), (2567, Period::TwelveMonths));
        for bad in ["2567", "2567-3m", "67-6m", "2024-6m", "abc-6m"] {
            assert_eq!(parse_round(bad), Err(Error::Round(bad.into())), "{bad}");
        }
    }

    #[test]
    fn template_follows_the_first_year() {
        assert_eq!(default_template(&[2566, 2567]), "nacc-2566");
        assert_eq!(default_template(&[2565, 2566]), "nacc-2561");
    }
}
