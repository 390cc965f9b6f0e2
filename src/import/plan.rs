//! The rows of a plan sheet → a plan: dimensions → missions → sub-missions → items, with
//! budgets per fiscal year and the totals the sheet prints.

use super::cells;
use super::header::{Col, Column, Header, norm};
use super::messages::ImportMsg;
use super::problem::Sink;
use super::sheet::{Cell, Sheet};
use crate::content::model::{Amount, Kind, Scope};
use crate::content::read::is_item_id;
use crate::content::templates;
use crate::diag::Msg;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Default)]
pub struct PlanDraft {
    /// From a title row above the header that starts with แผน.
    pub title: Option<String>,
    pub fiscal_years: Vec<i32>,
    pub template: Option<&'static str>,
    pub dimensions: Vec<DimDraft>,
    pub stated: Vec<StatedDraft>,
}

#[derive(Debug)]
pub struct DimDraft {
    pub no: u32,
    pub title: Option<String>,
    pub row: u32,
    pub items: Vec<ItemDraft>,
    pub missions: Vec<MissionDraft>,
}

#[derive(Debug)]
pub struct MissionDraft {
    pub no: String,
    pub title: Option<String>,
    pub row: u32,
    pub sub_missions: Vec<(String, Option<String>)>,
    pub items: Vec<ItemDraft>,
}

#[derive(Debug)]
pub struct ItemDraft {
    pub row: u32,
    /// Written only when it is not the default id.
    pub id: Option<String>,
    pub default_id: String,
    pub title: String,
    /// Written only when the title's first word does not already say it.
    pub kind: Option<Kind>,
    pub sub_missions: Vec<String>,
    pub owner: Vec<String>,
    pub budget: Vec<(i32, Amount)>,
    pub quarters: Vec<u8>,
    pub egp: Vec<String>,
    pub note: Option<String>,
}

impl ItemDraft {
    pub fn id(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.default_id)
    }
}

#[derive(Debug)]
pub struct StatedDraft {
    pub scope: Scope,
    pub row: u32,
    pub count: Option<u64>,
    pub budget: Vec<(i32, Amount)>,
}

impl PlanDraft {
    pub fn items(&self) -> impl Iterator<Item = &ItemDraft> {
        self.dimensions.iter().flat_map(|d| d.items.iter().chain(d.missions.iter().flat_map(|m| &m.items)))
    }
}

/// Where the reader stands while going down the rows.
#[derive(Default)]
struct State {
    dim: Option<usize>,
    mission: Option<usize>,
    sub: Option<String>,
    dims_seen: HashMap<u32, u32>,
    missions_seen: HashMap<String, u32>,
    totals_seen: BTreeMap<Scope, u32>,
    /// The sheet has neither a dimension column nor a dimension row: said once.
    no_dimension_said: bool,
    /// A dimension cell could not be read: the items below it are not blamed again.
    dimension_broken: bool,
}

struct Rows<'a> {
    sheet: &'a Sheet,
    header: &'a Header,
    sink: &'a mut Sink,
    plan: PlanDraft,
    st: State,
}

/// Reads the plan below `header`; problems go to `sink`.
pub fn read(sheet: &Sheet, header: &Header, sink: &mut Sink) -> PlanDraft {
    check_columns(header, sink);
    let mut rows = Rows { sheet, header, sink, plan: PlanDraft::default(), st: State::default() };
    rows.plan.title = title_row(sheet, header);
    rows.plan.fiscal_years = fiscal_years(header, rows.sink);
    for r in header.last_row + 1..sheet.grid.height() {
        rows.row(r);
    }
    let Rows { mut plan, sink, .. } = rows;
    // With errors above, an empty plan is their consequence, not news.
    if plan.items().next().is_none() && !sink.problems.has_errors() {
        sink.error(Some(header.last_row as u32 + 1), None, ImportMsg::NoItems);
    }
    plan.template = infer_template(&plan);
    missing_titles(&plan, header, sink);
    assign_ids(&mut plan, header, sink);
    plan
}

/// Columns a plan does not read are named, never dropped silently; duplicates are errors.
fn check_columns(header: &Header, sink: &mut Sink) {
    let row = Some(header.first_row as u32 + 1);
    let mut seen: Vec<&Column> = Vec::new();
    for c in &header.columns {
        match c.kind {
            Col::Unknown => sink.warning(row, Some(&c.header), ImportMsg::UnknownColumn),
            Col::Status | Col::StatusTick(_) | Col::Disbursed | Col::Budget(None) => {
                sink.warning(row, Some(&c.header), ImportMsg::ColumnNotRead { report: false })
            }
            Col::Seq => {}
            kind => {
                if let Some(first) = seen.iter().find(|f| f.kind == kind) {
                    sink.error(row, Some(&c.header), ImportMsg::DuplicateColumn { first: first.header.clone() });
                } else {
                    seen.push(c);
                }
            }
        }
    }
}

/// The first row above the header that starts with แผน.
fn title_row(sheet: &Sheet, header: &Header) -> Option<String> {
    (0..header.first_row).find_map(|r| {
        let first = sheet.grid.row(r).iter().find_map(Cell::text)?;
        first.starts_with("แผน").then(|| cells::title_text(first))
    })
}

fn fiscal_years(header: &Header, sink: &mut Sink) -> Vec<i32> {
    let row = Some(header.first_row as u32 + 1);
    let mut cols: Vec<(i32, &Column)> = header.year_columns().collect();
    if cols.is_empty() {
        sink.error(row, None, ImportMsg::NoBudgetColumn);
        return Vec::new();
    }
    cols.sort_by_key(|(y, _)| *y);
    cols.dedup_by_key(|(y, _)| *y);
    if cols.windows(2).any(|w| w[1].0 != w[0].0 + 1) {
        let columns = cols.iter().map(|(_, c)| format!("'{}'", c.header)).collect::<Vec<_>>().join(", ");
        let years = cols.iter().map(|(y, _)| y.to_string()).collect::<Vec<_>>().join(", ");
        sink.error(row, None, ImportMsg::YearsNotConsecutive { columns, years });
    }
    cols.iter().map(|(y, _)| *y).collect()
}

impl Rows<'_> {
    fn cell(&self, r: usize, kind: Col) -> Option<(&Cell, &Column)> {
        let col = self.header.column(kind)?;
        Some((self.sheet.grid.get(r, col.index), col))
    }

    fn text(&self, r: usize, kind: Col) -> Option<(String, String)> {
        let (cell, col) = self.cell(r, kind)?;
        cell.text().map(|t| (t.to_string(), col.header.clone()))
    }

    fn row(&mut self, r: usize) {
        let excel_row = r as u32 + 1;
        let grid = &self.sheet.grid;
        let texts: Vec<&str> = grid.row(r).iter().filter_map(Cell::text).collect();
        if texts.is_empty() {
            return;
        }
        // A row whose only text (merged across, or in one cell) is `มิติที่ …` starts a dimension.
        let dimension_row = texts.iter().all(|t| *t == texts[0]) && texts[0].starts_with("มิติที่");
        let item = self.text(r, Col::Item).map(|(t, _)| cells::title_text(&t)).filter(|_| !dimension_row);
        // A total row: its item cell, or the first text of the row, says รวม.
        let total_label = match &item {
            Some(t) if cells::is_total(t) => Some(t.clone()),
            Some(_) => None,
            None => texts.first().filter(|t| cells::is_total(t)).map(|t| t.to_string()),
        };
        if let Some(label) = total_label {
            self.total(r, &label, &texts);
            return;
        }
        let dim_text =
            self.text(r, Col::Dimension).or_else(|| dimension_row.then(|| (texts[0].to_string(), String::new())));
        let dim_before = self.st.dim;
        if let Some((text, col)) = dim_text
            && !self.dimension(excel_row, &text, &col)
        {
            return;
        }
        if self.st.dim != dim_before {
            self.st.mission = None;
            self.st.sub = None;
        }
        if let Some((text, col)) = self.text(r, Col::Mission)
            && !self.mission_cell(excel_row, &text, &col)
        {
            return;
        }
        let Some(title) = item else {
            // A sub-mission heading in the sub-mission column.
            if let Some((text, col)) = self.text(r, Col::SubMission) {
                match cells::numbered(&text) {
                    Some((parts, t)) if parts.len() == 3 => {
                        self.enter_sub(excel_row, &parts, (!t.is_empty()).then_some(t), &col);
                    }
                    _ => self.sink.error(Some(excel_row), Some(&col), ImportMsg::BadSubMissions { text }),
                }
            }
            let amounts = self.header.year_columns().any(|(_, c)| !grid.get(r, c.index).is_blank());
            if amounts {
                self.sink.error(Some(excel_row), None, ImportMsg::AmountsWithoutTitle);
            } else if !dimension_row && self.has_more_than_headings(r) {
                self.sink.warning(Some(excel_row), None, ImportMsg::RowIgnored);
            }
            return;
        };
        self.item(r, title);
    }

    /// A row without an item that carries more than headings and a printed number (a
    /// remark, an owner): it is said, never dropped silently. A heading merged across the
    /// row repeats its own text and is not more.
    fn has_more_than_headings(&self, r: usize) -> bool {
        let heading_cols: Vec<usize> = [Col::Seq, Col::Dimension, Col::Mission, Col::SubMission, Col::Item]
            .into_iter()
            .filter_map(|k| self.header.column(k).map(|c| c.index))
            .collect();
        let grid = &self.sheet.grid;
        let headings: Vec<&str> = heading_cols.iter().filter_map(|&c| grid.get(r, c).text()).collect();
        grid.row(r)
            .iter()
            .enumerate()
            .filter(|(c, _)| !heading_cols.contains(c))
            .any(|(_, cell)| cell.text().is_some_and(|t| !headings.contains(&t)))
    }

    /// Enters the dimension a cell names; false when the cell cannot be read.
    fn dimension(&mut self, row: u32, text: &str, col: &str) -> bool {
        let col = (!col.is_empty()).then_some(col);
        let Some((parts, title)) = cells::numbered(text).filter(|(p, _)| p.len() == 1) else {
            self.sink.error(Some(row), col, ImportMsg::BadDimension { text: text.to_string() });
            self.st.dimension_broken = true;
            return false;
        };
        let no = parts[0];
        let title = (!title.is_empty()).then_some(title);
        if let Some(i) = self.st.dim.filter(|&i| self.plan.dimensions[i].no == no) {
            let d = &mut self.plan.dimensions[i];
            match (&d.title, title) {
                (None, Some(t)) => d.title = Some(t),
                (Some(a), Some(b)) if *a != b => {
                    let first_row = d.row;
                    self.sink.warning(
                        Some(row),
                        col,
                        ImportMsg::TitleDiffers { scope: format!("dimension {no}"), first_row },
                    );
                }
                _ => {}
            }
            return true;
        }
        if let Some(&first_row) = self.st.dims_seen.get(&no) {
            self.sink.error(Some(row), col, ImportMsg::DimensionAgain { no, first_row });
            return false;
        }
        self.st.dims_seen.insert(no, row);
        self.plan.dimensions.push(DimDraft { no, title, row, items: Vec::new(), missions: Vec::new() });
        self.st.dim = Some(self.plan.dimensions.len() - 1);
        true
    }

    /// The mission column: `1.1 …` a mission, `1.1.1 …` a sub-mission heading, `2 …` the
    /// second mission of the current dimension.
    fn mission_cell(&mut self, row: u32, text: &str, col: &str) -> bool {
        let Some(dim) = self.st.dim else {
            self.sink.error(Some(row), Some(col), ImportMsg::ItemWithoutDimension);
            return false;
        };
        let dim_no = self.plan.dimensions[dim].no;
        let parsed = cells::numbered(text).filter(|(p, _)| (1..=3).contains(&p.len()));
        let Some((mut parts, title)) = parsed else {
            self.sink.error(Some(row), Some(col), ImportMsg::BadMission { text: text.to_string() });
            return false;
        };
        if parts.len() == 1 {
            parts.insert(0, dim_no);
        }
        if parts[0] != dim_no {
            let mission = cells::code(&parts[..2]);
            self.sink.error(Some(row), Some(col), ImportMsg::MissionOutsideDimension { mission, dimension: dim_no });
            return false;
        }
        let title = (!title.is_empty()).then_some(title);
        if parts.len() == 3 {
            return self.enter_sub(row, &parts, title, col);
        }
        self.enter_mission(row, &cells::code(&parts), title, col)
    }

    fn enter_mission(&mut self, row: u32, no: &str, title: Option<String>, col: &str) -> bool {
        let Some(dim) = self.st.dim else { return false };
        let d = &mut self.plan.dimensions[dim];
        if let Some(i) = self.st.mission.filter(|&i| d.missions[i].no == no) {
            let m = &mut d.missions[i];
            match (&m.title, title) {
                (None, Some(t)) => m.title = Some(t),
                (Some(a), Some(b)) if *a != b => {
                    let first_row = m.row;
                    self.sink.warning(
                        Some(row),
                        Some(col),
                        ImportMsg::TitleDiffers { scope: format!("mission {no}"), first_row },
                    );
                }
                _ => {}
            }
            return true;
        }
        if let Some(&first_row) = self.st.missions_seen.get(no) {
            self.sink.error(Some(row), Some(col), ImportMsg::MissionAgain { no: no.to_string(), first_row });
            return false;
        }
        self.st.missions_seen.insert(no.to_string(), row);
        d.missions.push(MissionDraft { no: no.to_string(), title, row, sub_missions: Vec::new(), items: Vec::new() });
        self.st.mission = Some(d.missions.len() - 1);
        self.st.sub = None;
        true
    }

    /// A sub-mission heading `x.y.z …`: enters mission x.y if needed and declares it.
    fn enter_sub(&mut self, row: u32, parts: &[u32], title: Option<String>, col: &str) -> bool {
        let Some(dim) = self.st.dim else {
            self.sink.error(Some(row), Some(col), ImportMsg::ItemWithoutDimension);
            return false;
        };
        let dim_no = self.plan.dimensions[dim].no;
        if parts[0] != dim_no {
            let mission = cells::code(&parts[..2]);
            self.sink.error(Some(row), Some(col), ImportMsg::MissionOutsideDimension { mission, dimension: dim_no });
            return false;
        }
        if !self.enter_mission(row, &cells::code(&parts[..2]), None, col) {
            return false;
        }
        let code = cells::code(parts);
        let Some(mi) = self.st.mission else { return false };
        let m = &mut self.plan.dimensions[dim].missions[mi];
        match m.sub_missions.iter_mut().find(|(n, _)| *n == code) {
            Some((_, t)) if t.is_none() => *t = title,
            Some(_) => {}
            None => m.sub_missions.push((code.clone(), title)),
        }
        self.st.sub = Some(code);
        true
    }

    fn item(&mut self, r: usize, title: String) {
        let row = r as u32 + 1;
        let Some(dim) = self.st.dim else {
            let col = self.header.column(Col::Dimension).map(|c| c.header.clone());
            if self.st.dimension_broken {
                return;
            }
            if col.is_none() && self.plan.dimensions.is_empty() {
                if !self.st.no_dimension_said {
                    self.st.no_dimension_said = true;
                    self.sink.error(Some(self.header.first_row as u32 + 1), None, ImportMsg::NoDimension);
                }
            } else {
                self.sink.error(Some(row), col.as_deref(), ImportMsg::ItemWithoutDimension);
            }
            return;
        };
        let id = self.text(r, Col::Id).and_then(|(t, col)| {
            if is_item_id(&t) {
                Some(t)
            } else {
                self.sink.error(Some(row), Some(&col), ImportMsg::Content(Msg::MalformedItemId { id: t }));
                None
            }
        });
        let kind = self.text(r, Col::Kind).and_then(|(t, col)| match cells::kind(&t) {
            Some(k) => Some(k),
            None => {
                self.sink.error(Some(row), Some(&col), ImportMsg::BadKind { text: t });
                None
            }
        });
        let kind = kind.filter(|k| *k != Kind::from_title(&title));
        let sub_missions = match self.text(r, Col::SubMission) {
            Some((text, col)) => match cells::numbered(&text) {
                // A merged heading cell `1.1.1 …` over the items: they belong to it.
                Some((parts, t)) if parts.len() == 3 && !t.is_empty() => {
                    self.enter_sub(row, &parts, Some(t), &col);
                    vec![cells::code(&parts)]
                }
                _ => cells::sub_mission_codes(&text).unwrap_or_else(|| {
                    self.sink.error(Some(row), Some(&col), ImportMsg::BadSubMissions { text });
                    Vec::new()
                }),
            },
            // Without a sub-mission column, items belong to the heading above them.
            None if self.header.column(Col::SubMission).is_none() => self.st.sub.iter().cloned().collect(),
            None => Vec::new(),
        };
        let owner = self.text(r, Col::Owner).map(|(t, _)| cells::owners(&t)).unwrap_or_default();
        let mut budget = Vec::new();
        let year_cols: Vec<(i32, Column)> = self.header.year_columns().map(|(y, c)| (y, c.clone())).collect();
        for (year, col) in &year_cols {
            match cells::amount(self.sheet.grid.get(r, col.index)) {
                Ok(a) => budget.push((*year, a)),
                Err(msg) => self.sink.error(Some(row), Some(&col.header), msg),
            }
        }
        budget.sort_by_key(|(y, _)| *y);
        budget.dedup_by_key(|(y, _)| *y);
        let mut quarters = Vec::new();
        if let Some((text, col)) = self.text(r, Col::Quarters) {
            match cells::quarters(&text) {
                Some(q) => quarters = q,
                None => self.sink.error(Some(row), Some(&col), ImportMsg::BadQuarters { text }),
            }
        }
        let tick_cols: Vec<(u8, Column)> = self
            .header
            .columns
            .iter()
            .filter_map(|c| match c.kind {
                Col::QuarterTick(q) => Some((q, c.clone())),
                _ => None,
            })
            .collect();
        for (q, col) in tick_cols {
            match cells::tick(self.sheet.grid.get(r, col.index)) {
                Ok(true) => quarters.push(q),
                Ok(false) => {}
                Err(msg) => self.sink.error(Some(row), Some(&col.header), msg),
            }
        }
        quarters.sort_unstable();
        quarters.dedup();
        let egp = self.text(r, Col::Egp).map(|(t, _)| cells::egp(&t)).unwrap_or_default();
        let note = self.text(r, Col::Remark).map(|(t, _)| t);
        let d = &mut self.plan.dimensions[dim];
        let (list, prefix) = match self.st.mission {
            Some(mi) => {
                let m = &mut d.missions[mi];
                (&mut m.items, m.no.clone())
            }
            None => (&mut d.items, d.no.to_string()),
        };
        let default_id = format!("{prefix}-{}", list.len() + 1);
        list.push(ItemDraft { row, id, default_id, title, kind, sub_missions, owner, budget, quarters, egp, note });
    }

    /// A total row: its amounts and count become a stated total of its scope.
    fn total(&mut self, r: usize, label: &str, texts: &[&str]) {
        let row = r as u32 + 1;
        let rest = norm(label);
        let rest = rest.strip_prefix("รวม").unwrap_or(&rest);
        let current = self.st.dim.map(|i| self.plan.dimensions[i].no);
        let scope = if ["ทั้งสิ้น", "ทั้งหมด", "ทั้งแผน", "ทุกมิติ"].iter().any(|w| rest.starts_with(w))
        {
            Scope::Plan
        } else if rest.starts_with("มิติ") {
            match cells::numbered(rest) {
                Some((p, _)) if p.len() == 1 => Scope::Dimension(p[0]),
                _ => current.map(Scope::Dimension).unwrap_or(Scope::Plan),
            }
        } else if rest.starts_with("ภารกิจ") {
            match cells::numbered(rest) {
                Some((p, _)) if p.len() == 2 => Scope::Mission(cells::code(&p)),
                _ => Scope::Plan,
            }
        } else {
            // A bare รวม closes the current dimension; a second one after it is the plan's.
            match current.map(Scope::Dimension) {
                Some(s) if !self.st.totals_seen.contains_key(&s) => s,
                _ => Scope::Plan,
            }
        };
        let budget_cols: Vec<usize> = self.header.year_columns().map(|(_, c)| c.index).collect();
        let count = texts.iter().find_map(|t| cells::stated_count(t));
        let count = count.or_else(|| {
            self.sheet
                .grid
                .row(r)
                .iter()
                .enumerate()
                .filter(|(c, _)| !budget_cols.contains(c))
                .find_map(|(_, cell)| cell.text().and_then(cells::stated_count))
        });
        let mut budget = Vec::new();
        let year_cols: Vec<(i32, Column)> = self.header.year_columns().map(|(y, c)| (y, c.clone())).collect();
        for (year, col) in &year_cols {
            let cell = self.sheet.grid.get(r, col.index);
            if cell.is_blank() {
                continue;
            }
            match cells::amount(cell) {
                Ok(a) => budget.push((*year, a)),
                Err(msg) => self.sink.error(Some(row), Some(&col.header), msg),
            }
        }
        budget.sort_by_key(|(y, _)| *y);
        if let Some(&first_row) = self.st.totals_seen.get(&scope) {
            self.sink.error(Some(row), None, ImportMsg::DuplicateTotal { scope: scope.label(), first_row });
            return;
        }
        self.st.totals_seen.insert(scope.clone(), row);
        self.plan.stated.push(StatedDraft { scope, row, count, budget });
    }
}

/// The national template whose dimension and mission titles the sheet uses: the one
/// matching most titles, if it matches more than half of those written. When no title
/// matches but some are missing, the template of the plan's period supplies them.
fn infer_template(plan: &PlanDraft) -> Option<&'static str> {
    let key = |t: &str| norm(t);
    let mut given = 0;
    let mut scores: Vec<(&'static str, usize)> = Vec::new();
    for name in templates::NAMES {
        let Some(t) = templates::get(name) else { continue };
        let (mut n, mut score) = (0, 0);
        for d in &plan.dimensions {
            if let Some(title) = &d.title {
                n += 1;
                score += usize::from(t.dimension(d.no).is_some_and(|td| key(&td.title) == key(title)));
            }
            for m in &d.missions {
                if let Some(title) = &m.title {
                    n += 1;
                    score += usize::from(t.mission(&m.no).is_some_and(|tm| key(&tm.title) == key(title)));
                }
            }
        }
        given = n;
        scores.push((name, score));
    }
    let by_period = match plan.fiscal_years.first() {
        Some(y) if *y <= 2565 => "nacc-2561",
        _ => "nacc-2566",
    };
    let top = scores.iter().map(|(_, s)| *s).max().unwrap_or(0);
    if top > 0 && top * 2 > given {
        let tied: Vec<&str> = scores.iter().filter(|(_, s)| *s == top).map(|(n, _)| *n).collect();
        return Some(if tied.contains(&by_period) { by_period } else { tied[0] });
    }
    let missing = plan.dimensions.iter().any(|d| d.title.is_none() || d.missions.iter().any(|m| m.title.is_none()));
    (missing && top == 0 && !plan.fiscal_years.is_empty()).then_some(by_period)
}

/// A dimension or mission without a title needs the template to supply it.
fn missing_titles(plan: &PlanDraft, header: &Header, sink: &mut Sink) {
    let tpl = plan.template.and_then(templates::get);
    let dim_col = header.column(Col::Dimension).map(|c| c.header.as_str());
    let mission_col = header.column(Col::Mission).map(|c| c.header.as_str());
    for d in &plan.dimensions {
        if d.title.is_none() && tpl.and_then(|t| t.dimension(d.no)).is_none() {
            sink.error(Some(d.row), dim_col, ImportMsg::MissingTitle { scope: format!("dimension {}", d.no) });
        }
        for m in &d.missions {
            if m.title.is_none() && tpl.and_then(|t| t.mission(&m.no)).is_none() {
                sink.error(Some(m.row), mission_col, ImportMsg::MissingTitle { scope: format!("mission {}", m.no) });
            }
        }
    }
}

/// Explicit ids equal to the default are left out; every id must be unique.
fn assign_ids(plan: &mut PlanDraft, header: &Header, sink: &mut Sink) {
    let id_col = header.column(Col::Id).map(|c| c.header.clone());
    let mut seen: HashMap<String, u32> = HashMap::new();
    for d in &mut plan.dimensions {
        let lists = std::iter::once(&mut d.items).chain(d.missions.iter_mut().map(|m| &mut m.items));
        for list in lists {
            for item in list.iter_mut() {
                if item.id.as_deref() == Some(item.default_id.as_str()) {
                    item.id = None;
                }
                let id = item.id().to_string();
                if let Some(&first_row) = seen.get(&id) {
                    let col = item.id.as_ref().and(id_col.as_deref());
                    sink.error(Some(item.row), col, ImportMsg::DuplicateId { id, first_row });
                } else {
                    seen.insert(id, item.row);
                }
            }
        }
    }
}
