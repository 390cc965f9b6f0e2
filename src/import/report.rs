//! The rows of a report sheet → one progress-report round of a plan: each row matched to a
//! plan item by its id, else by its folded title.

use super::cells;
use super::header::{Col, Column, Header, norm};
use super::messages::ImportMsg;
use super::problem::Sink;
use super::sheet::{Cell, Sheet};
use crate::content::model::{Amount, Period, Plan, Status};
use crate::content::numbers::Money;
use crate::diag::Msg;
use std::collections::HashMap;

#[derive(Debug)]
pub struct ReportDraft {
    pub plan: String,
    pub fiscal_year: i32,
    pub period: Period,
    pub items: Vec<RowDraft>,
    /// From a total row: `budget`, `disbursed`, `total` (count).
    pub summary: Vec<(&'static str, String)>,
}

#[derive(Debug)]
pub struct RowDraft {
    pub row: u32,
    pub item: String,
    pub status: Status,
    /// Written only when it differs from the plan's amount for the year.
    pub budget: Option<Amount>,
    pub disbursed: Option<Money>,
    pub note: Option<String>,
}

/// `2566-6m` → (2566, 6 months).
pub fn parse_round(round: &str) -> Option<(i32, Period)> {
    let (year, period) = round.split_once('-')?;
    let year: i32 = year.parse().ok().filter(|y| (2400..=2700).contains(y) && year.len() == 4)?;
    let period = match period {
        "6m" => Period::SixMonths,
        "12m" => Period::TwelveMonths,
        _ => return None,
    };
    Some((year, period))
}

/// The folded key a title is matched by: spaces, ํา/ำ, Thai digits and case do not matter.
pub fn title_key(title: &str) -> String {
    norm(&cells::title_text(title))
}

fn check_columns(header: &Header, sink: &mut Sink) {
    let row = Some(header.first_row as u32 + 1);
    let mut seen: Vec<&Column> = Vec::new();
    for c in &header.columns {
        match c.kind {
            Col::Unknown => sink.warning(row, Some(&c.header), ImportMsg::UnknownColumn),
            Col::Owner | Col::Kind | Col::Quarters | Col::QuarterTick(_) | Col::Egp => {
                sink.warning(row, Some(&c.header), ImportMsg::ColumnNotRead { report: true })
            }
            Col::Seq | Col::Dimension | Col::Mission | Col::SubMission => {}
            kind => {
                if let Some(first) = seen.iter().find(|f| f.kind == kind) {
                    sink.error(row, Some(&c.header), ImportMsg::DuplicateColumn { first: first.header.clone() });
                } else {
                    seen.push(c);
                }
            }
        }
    }
    let ticks = header.columns.iter().any(|c| matches!(c.kind, Col::StatusTick(_)));
    if header.column(Col::Status).is_none() && !ticks {
        sink.error(row, None, ImportMsg::NoStatusColumn);
    }
}

/// The budget column of the round: one without a year, or the round's own year.
fn budget_column(header: &Header, year: i32) -> Option<&Column> {
    header.columns.iter().find(|c| c.kind == Col::Budget(None) || c.kind == Col::Budget(Some(year)))
}

pub fn read(
    sheet: &Sheet,
    header: &Header,
    plan: &Plan,
    fiscal_year: i32,
    period: Period,
    sink: &mut Sink,
) -> ReportDraft {
    check_columns(header, sink);
    let first_row = Some(header.first_row as u32 + 1);
    for c in &header.columns {
        if let Col::Budget(Some(y)) = c.kind
            && y != fiscal_year
        {
            sink.warning(first_row, Some(&c.header), ImportMsg::ColumnNotRead { report: true });
        }
    }
    let mut by_title: HashMap<String, Vec<&str>> = HashMap::new();
    for it in &plan.items {
        by_title.entry(title_key(&it.title)).or_default().push(&it.id);
    }
    let col = |kind: Col| header.column(kind);
    let budget_col = budget_column(header, fiscal_year);
    let ticks: Vec<(Status, &Column)> = header
        .columns
        .iter()
        .filter_map(|c| match c.kind {
            Col::StatusTick(s) => Some((s, c)),
            _ => None,
        })
        .collect();
    let grid = &sheet.grid;
    let mut draft =
        ReportDraft { plan: plan.slug.clone(), fiscal_year, period, items: Vec::new(), summary: Vec::new() };
    let mut seen: HashMap<String, u32> = HashMap::new();
    for r in header.last_row + 1..grid.height() {
        let row = r as u32 + 1;
        let texts: Vec<&str> = grid.row(r).iter().filter_map(Cell::text).collect();
        // Blank rows and dimension headings (`มิติที่ …` alone, or merged across) are no items.
        if texts.is_empty() || texts.iter().all(|t| *t == texts[0]) && texts[0].starts_with("มิติที่") {
            continue;
        }
        let text_of = |c: Option<&Column>| c.and_then(|c| grid.get(r, c.index).text()).map(String::from);
        let id_text = text_of(col(Col::Id));
        let title = text_of(col(Col::Item)).map(|t| cells::title_text(&t));
        let budget_cell = budget_col.map(|c| (grid.get(r, c.index), c));
        let disbursed_cell = col(Col::Disbursed).map(|c| (grid.get(r, c.index), c));
        let total_label = title.as_deref().or(texts.first().copied()).filter(|t| cells::is_total(t));
        if total_label.is_some() && id_text.is_none() {
            total(&mut draft, row, &texts, budget_cell, disbursed_cell, sink);
            continue;
        }
        // Status: the status column, else the one ticked column.
        let mut status = None;
        let mut status_text = None;
        if let Some(c) = col(Col::Status)
            && let Some(t) = grid.get(r, c.index).text()
        {
            status_text = Some(t.to_string());
            match Status::parse(t) {
                Some(s) => status = Some(s),
                None => {
                    let msg = ImportMsg::Content(Msg::UnknownStatus { text: t.into() });
                    sink.error(Some(row), Some(&c.header), msg)
                }
            }
        }
        let mut ticked = Vec::new();
        for (s, c) in &ticks {
            match cells::tick(grid.get(r, c.index)) {
                Ok(true) => ticked.push(*s),
                Ok(false) => {}
                Err(msg) => sink.error(Some(row), Some(&c.header), msg),
            }
        }
        if status_text.is_none() {
            match ticked.as_slice() {
                [] => {}
                [s] => status = Some(*s),
                many => {
                    let statuses = many.iter().map(|s| s.thai()).collect::<Vec<_>>().join(", ");
                    sink.error(Some(row), None, ImportMsg::SeveralTicks { statuses });
                }
            }
        }
        let budget = budget_cell.and_then(|(cell, c)| {
            if cell.is_blank() {
                return None;
            }
            cells::amount(cell).map_err(|msg| sink.error(Some(row), Some(&c.header), msg)).ok()
        });
        let disbursed = disbursed_cell.and_then(|(cell, c)| {
            cells::amount(cell).map_err(|msg| sink.error(Some(row), Some(&c.header), msg)).ok()?.money()
        });
        let note = text_of(col(Col::Remark));
        // Which plan item the row is.
        let item = match (&id_text, &title) {
            (None, None) => {
                let data = status_text.is_some() || !ticked.is_empty() || budget.is_some() || disbursed.is_some();
                if data {
                    sink.error(Some(row), None, ImportMsg::AmountsWithoutTitle);
                }
                continue;
            }
            (Some(id), _) => {
                let found = plan.items.iter().find(|i| i.id == *id || i.id == id.to_lowercase());
                match found {
                    Some(it) => {
                        if let Some(t) = &title
                            && title_key(t) != title_key(&it.title)
                        {
                            let c = col(Col::Item).map(|c| c.header.as_str());
                            let msg = ImportMsg::TitleNotPlans { id: it.id.clone(), plan_title: it.title.clone() };
                            sink.warning(Some(row), c, msg);
                        }
                        it
                    }
                    None => {
                        let c = col(Col::Id).map(|c| c.header.as_str());
                        sink.error(Some(row), c, ImportMsg::UnknownItemId { id: id.clone(), plan: plan.slug.clone() });
                        continue;
                    }
                }
            }
            (None, Some(t)) => {
                let c = col(Col::Item).map(|c| c.header.as_str());
                match by_title.get(&title_key(t)).map(Vec::as_slice) {
                    Some([id]) => match plan.items.iter().find(|i| i.id == *id) {
                        Some(it) => it,
                        None => continue,
                    },
                    Some(ids) => {
                        let ids = ids.join(", ");
                        sink.error(Some(row), c, ImportMsg::AmbiguousTitle { title: t.clone(), ids });
                        continue;
                    }
                    None => {
                        let msg = ImportMsg::NoMatchingItem { title: t.clone(), plan: plan.slug.clone() };
                        sink.error(Some(row), c, msg);
                        continue;
                    }
                }
            }
        };
        if let Some(&first_row) = seen.get(&item.id) {
            sink.error(Some(row), None, ImportMsg::ItemTwice { id: item.id.clone(), first_row });
            continue;
        }
        seen.insert(item.id.clone(), row);
        let budget = budget.filter(|b| *b != item.amount(fiscal_year));
        let Some(status) = status else {
            if status_text.is_none() && ticked.is_empty() {
                if budget.is_some() || disbursed.is_some() || note.is_some() {
                    let c = col(Col::Status).map(|c| c.header.as_str());
                    sink.error(Some(row), c, ImportMsg::StatusMissing);
                } else {
                    sink.warning(Some(row), None, ImportMsg::StatusBlank { id: item.id.clone() });
                }
            }
            continue;
        };
        draft.items.push(RowDraft { row, item: item.id.clone(), status, budget, disbursed, note });
    }
    for it in &plan.items {
        if !seen.contains_key(&it.id) {
            sink.warning(None, None, ImportMsg::ItemNotInSheet { id: it.id.clone(), title: it.title.clone() });
        }
    }
    draft
}

/// A total row of a report: the printed sums and count, kept as the stated summary.
fn total(
    draft: &mut ReportDraft,
    row: u32,
    texts: &[&str],
    budget: Option<(&Cell, &Column)>,
    disbursed: Option<(&Cell, &Column)>,
    sink: &mut Sink,
) {
    if let Some(n) = texts.iter().find_map(|t| cells::stated_count(t)) {
        draft.summary.push(("total", n.to_string()));
    }
    for (key, cell) in [("budget", budget), ("disbursed", disbursed)] {
        let Some((cell, c)) = cell else { continue };
        if cell.is_blank() {
            continue;
        }
        match cells::amount(cell) {
            Ok(Amount::Stated(m)) => draft.summary.push((key, m.to_decimal_string())),
            Ok(Amount::NotStated) => {}
            Err(msg) => sink.error(Some(row), Some(&c.header), msg),
        }
    }
}
