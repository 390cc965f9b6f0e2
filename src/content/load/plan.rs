//! plans/<plan>.yaml: dimensions → missions → items, with budgets per fiscal year.

use super::paths::{PathCtx, check_file_ref};
use crate::content::model::*;
use crate::content::read::{Fields, Reader, is_item_id};
use crate::content::templates::{self, Template};
use crate::content::yaml::{Node, Pos};
use crate::diag::{Expected, Msg};
use std::collections::{BTreeMap, HashMap};

const PLAN_KEYS: &[&str] = &["title", "fiscal_years", "template", "adopted", "document", "dimensions", "stated_totals"];
const DIMENSION_KEYS: &[&str] = &["no", "title", "missions", "items"];
const MISSION_KEYS: &[&str] = &["no", "title", "sub_missions", "items"];
const SUB_MISSION_KEYS: &[&str] = &["no", "title"];
const ITEM_KEYS: &[&str] = &["id", "kind", "title", "sub_missions", "owner", "budget", "quarters", "egp", "note"];
const STATED_KEYS: &[&str] = &["scope", "count", "budget", "source"];

pub fn read_plan(r: &mut Reader, root: &Node, slug: &str, paths: &PathCtx) -> Option<Plan> {
    let f = r.fields(root, slug, PLAN_KEYS)?;
    let title = r.require(&f, "title").and_then(|n| r.text(n, "title"));
    let fiscal_years = read_fiscal_years(r, &f);
    let template = f
        .get("template")
        .and_then(|n| r.choice(n, "template", &templates::NAMES))
        .map(|i| templates::NAMES[i].to_string());
    let tpl = template.as_deref().and_then(templates::get);
    let adopted = f.get("adopted").and_then(|n| r.date(n, "adopted"));
    let document = f.get("document").and_then(|n| {
        let t = r.text(n, "document")?;
        check_file_ref(r, paths, &t, n.pos)
    });
    let mut b = PlanBuilder { years: fiscal_years.clone().unwrap_or_default(), tpl, ..Default::default() };
    if let Some(dims) = r.require(&f, "dimensions") {
        for d in r.list(dims, "dimensions") {
            b.dimension(r, d);
        }
    }
    let stated_totals = f.get("stated_totals").map(|n| read_stated(r, n, &b.years)).unwrap_or_default();
    Some(Plan {
        slug: slug.to_string(),
        file: r.file,
        title: title?,
        fiscal_years: fiscal_years?,
        template,
        adopted,
        document,
        dimensions: b.dimensions,
        items: b.items,
        stated_totals,
        intro: None,
        details: BTreeMap::new(),
    })
}

fn read_fiscal_years(r: &mut Reader, f: &Fields) -> Option<Vec<i32>> {
    let node = r.require(f, "fiscal_years")?;
    let items = r.list(node, "fiscal_years");
    if items.is_empty() {
        if node.as_seq().is_some() {
            r.error(node.pos, Msg::WrongType { key: "fiscal_years".into(), expected: Expected::List });
        }
        return None;
    }
    let years: Vec<i32> = items.iter().filter_map(|n| r.year(n, "fiscal_years")).collect();
    if years.len() != items.len() {
        return None;
    }
    if years.windows(2).any(|w| w[1] != w[0] + 1) {
        let shown = years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ");
        r.error(node.pos, Msg::FiscalYearsNotConsecutive { years: shown });
        return None;
    }
    Some(years)
}

#[derive(Default)]
struct PlanBuilder {
    years: Vec<i32>,
    tpl: Option<&'static Template>,
    dimensions: Vec<Dimension>,
    items: Vec<Item>,
    /// id → line where first used.
    ids: HashMap<String, u32>,
    missions_seen: HashMap<String, u32>,
}

impl PlanBuilder {
    fn dimension(&mut self, r: &mut Reader, node: &Node) {
        let Some(f) = r.fields(node, "dimensions", DIMENSION_KEYS) else { return };
        let Some(no) = r.require(&f, "no").and_then(|n| r.count(n, "no")).map(|n| n as u32) else { return };
        if let Some(prev) = self.dimensions.iter().find(|d| d.no == no) {
            r.error(node.pos, Msg::DuplicateNo { what: "dimension", no: no.to_string(), first_line: prev.pos.line });
            return;
        }
        let title = match f.get("title").and_then(|n| r.text(n, "title")) {
            Some(t) => t,
            None => match self.tpl.and_then(|t| t.dimension(no)) {
                Some(td) => td.title.clone(),
                None => {
                    r.error(node.pos, Msg::MissingTitle { what: format!("มิติที่ {no}") });
                    String::new()
                }
            },
        };
        self.dimensions.push(Dimension { no, title, missions: Vec::new(), pos: node.pos });
        if let Some(items) = f.get("items") {
            let prefix = no.to_string();
            self.items_of(r, items, no, None, &prefix);
        }
        if let Some(missions) = f.get("missions") {
            for m in r.list(missions, "missions") {
                self.mission(r, m, no);
            }
        }
    }

    fn mission(&mut self, r: &mut Reader, node: &Node, dim: u32) {
        let Some(f) = r.fields(node, "missions", MISSION_KEYS) else { return };
        let Some(no) = r
            .require(&f, "no")
            .and_then(|n| r.text(n, "no"))
            .map(|s| crate::content::numbers::fold_thai_digits(s.trim()))
        else {
            return;
        };
        if no.split('.').next() != Some(dim.to_string().as_str()) {
            r.error(node.pos, Msg::MissionOutsideDimension { mission: no.clone(), dimension: dim });
        }
        if let Some(line) = self.missions_seen.get(&no) {
            r.error(node.pos, Msg::DuplicateNo { what: "mission", no, first_line: *line });
            return;
        }
        self.missions_seen.insert(no.clone(), node.pos.line);
        let tm = self.tpl.and_then(|t| t.mission(&no));
        let title = match f.get("title").and_then(|n| r.text(n, "title")) {
            Some(t) => t,
            None => match tm {
                Some(tm) => tm.title.clone(),
                None => {
                    r.error(node.pos, Msg::MissingTitle { what: format!("ภารกิจ {no}") });
                    String::new()
                }
            },
        };
        let mut sub_missions = Vec::new();
        if let Some(subs) = f.get("sub_missions") {
            for s in r.list(subs, "sub_missions") {
                let Some(sf) = r.fields(s, "sub_missions", SUB_MISSION_KEYS) else { continue };
                let Some(sno) = r.require(&sf, "no").and_then(|n| r.text(n, "no")) else { continue };
                let stitle = sf.get("title").and_then(|n| r.text(n, "title")).or_else(|| {
                    tm.and_then(|tm| tm.sub_missions.iter().find(|(n, _)| *n == sno)).map(|(_, t)| t.clone())
                });
                sub_missions.push((sno, stitle.unwrap_or_default()));
            }
        }
        if let Some(d) = self.dimensions.last_mut() {
            d.missions.push(Mission { no: no.clone(), title, sub_missions, pos: node.pos });
        }
        if let Some(items) = f.get("items") {
            self.items_of(r, items, dim, Some(no.clone()), &no);
        }
    }

    fn items_of(&mut self, r: &mut Reader, list: &Node, dim: u32, mission: Option<String>, prefix: &str) {
        for (i, node) in r.list(list, "items").iter().enumerate() {
            let default_id = format!("{prefix}-{}", i + 1);
            if let Some(item) = self.item(r, node, dim, mission.clone(), default_id) {
                self.items.push(item);
            }
        }
    }

    fn item(
        &mut self,
        r: &mut Reader,
        node: &Node,
        dimension: u32,
        mission: Option<String>,
        default_id: String,
    ) -> Option<Item> {
        let f = r.fields(node, "items", ITEM_KEYS)?;
        let id = match f.get("id") {
            Some(n) => {
                let id = r.text(n, "id")?;
                if !is_item_id(&id) {
                    r.error(n.pos, Msg::MalformedItemId { id });
                    return None;
                }
                id
            }
            None => default_id,
        };
        if let Some(first_line) = self.ids.get(&id) {
            let pos = f.key_pos("id").unwrap_or(node.pos);
            r.error(pos, Msg::DuplicateItemId { id, first_line: *first_line });
            return None;
        }
        self.ids.insert(id.clone(), node.pos.line);
        let title = r.require(&f, "title").and_then(|n| r.text(n, "title"));
        let kind = match f.get("kind") {
            Some(n) => Some(Kind::ALL[r.choice(n, "kind", &Kind::NAMES)?]),
            None => None,
        };
        let owner_node = f.get("owner");
        let owner = owner_node.map(|n| r.text_or_list(n, "owner")).unwrap_or_default();
        let mut budget: BTreeMap<i32, Amount> = self.years.iter().map(|y| (*y, Amount::NotStated)).collect();
        if let Some(b) = f.get("budget") {
            read_budget_map(r, b, &self.years, &mut budget);
        }
        let quarters = match f.get("quarters") {
            Some(q) => r
                .list(q, "quarters")
                .iter()
                .filter_map(|n| r.count(n, "quarters"))
                .map(|v| v.clamp(0, 255) as u8)
                .collect(),
            None => Vec::new(),
        };
        // An item without a title has been reported; keep it so its detail page is not blamed too.
        let title = title.unwrap_or_default();
        Some(Item {
            id,
            dimension,
            mission,
            kind: kind.unwrap_or_else(|| Kind::from_title(&title)),
            title,
            sub_missions: r.opt_text_list(&f, "sub_missions"),
            owner,
            owner_pos: owner_node.map(|n| n.pos).unwrap_or(node.pos),
            budget,
            quarters,
            egp: r.opt_text_list(&f, "egp"),
            note: r.opt_text(&f, "note"),
            pos: node.pos,
        })
    }
}

/// `{2566: 13000, 2567: "-"}` into `out`; years outside the plan are errors.
pub fn read_budget_map(r: &mut Reader, node: &Node, years: &[i32], out: &mut BTreeMap<i32, Amount>) {
    let Some(entries) = node.as_map() else {
        r.error(node.pos, Msg::WrongType { key: "budget".into(), expected: Expected::AmountOrMap });
        return;
    };
    for (k, v) in entries {
        let Some(year) = r.year_text(&k.text, k.pos, "budget") else { continue };
        if !years.is_empty() && !years.contains(&year) {
            r.error(
                k.pos,
                Msg::BudgetYearOutsidePlan {
                    year: k.text.clone(),
                    first: years[0],
                    last: *years.last().unwrap_or(&years[0]),
                },
            );
            continue;
        }
        if let Some(a) = r.amount(v, "budget") {
            out.insert(year, a);
        }
    }
}

fn read_stated(r: &mut Reader, node: &Node, years: &[i32]) -> Vec<StatedTotal> {
    let mut out = Vec::new();
    for n in r.list(node, "stated_totals") {
        let Some(f) = r.fields(n, "stated_totals", STATED_KEYS) else { continue };
        let Some(scope_node) = r.require(&f, "scope") else { continue };
        let Some(scope_text) = r.text(scope_node, "scope") else { continue };
        let Some(scope) = parse_scope(&scope_text) else {
            r.error(scope_node.pos, Msg::BadScope { text: scope_text });
            continue;
        };
        let count = f.get("count").and_then(|c| r.count(c, "count").map(|v| (v, c.pos)));
        let mut budget = Vec::new();
        if let Some(b) = f.get("budget") {
            let mut map = BTreeMap::new();
            read_budget_map(r, b, years, &mut map);
            let positions: HashMap<i32, Pos> = b
                .as_map()
                .unwrap_or(&[])
                .iter()
                .filter_map(|(k, v)| crate::content::numbers::parse_count(&k.text).ok().map(|y| (y as i32, v.pos)))
                .collect();
            for (y, a) in map {
                budget.push((y, a, positions.get(&y).copied().unwrap_or(b.pos)));
            }
        }
        out.push(StatedTotal { scope, count, budget, source: r.opt_text(&f, "source"), pos: n.pos });
    }
    out
}

/// `plan`, `dimension 1`, `mission 1.1`, and the Thai words an officer would type.
pub fn parse_scope(text: &str) -> Option<Scope> {
    let t = crate::content::numbers::fold_thai_digits(text.trim());
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if matches!(t.as_str(), "plan" | "ทั้งแผน" | "รวมทั้งสิ้น" | "grand total") {
        return Some(Scope::Plan);
    }
    for p in ["dimension ", "มิติที่ ", "มิติ "] {
        if let Some(n) = t.strip_prefix(p) {
            return n.trim().parse().ok().map(Scope::Dimension);
        }
    }
    for p in ["mission ", "ภารกิจ "] {
        if let Some(n) = t.strip_prefix(p) {
            let n = n.trim();
            if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.') {
                return Some(Scope::Mission(n.to_string()));
            }
        }
    }
    None
}
