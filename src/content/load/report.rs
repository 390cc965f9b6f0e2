//! reports/<fiscal-year>-<period>.yaml: one progress-report round.

use super::paths::{PathCtx, check_file_ref, check_ref};
use crate::content::model::*;
use crate::content::read::Reader;
use crate::content::yaml::Node;
use crate::diag::Msg;

const REPORT_KEYS: &[&str] =
    &["plan", "fiscal_year", "period", "as_of", "published", "document", "items", "stated_summary"];
const ITEM_KEYS: &[&str] = &["item", "title", "kind", "dimension", "status", "budget", "disbursed", "note", "evidence"];
pub const SUMMARY_KEYS: &[&str] =
    &["done", "in_progress", "awaiting_report", "not_possible", "not_started", "total", "budget", "disbursed"];
const PERIODS: [&str; 2] = ["6m", "12m"];

pub fn read_report(r: &mut Reader, root: &Node, stem: &str, paths: &PathCtx) -> Option<Report> {
    let f = r.fields(root, stem, REPORT_KEYS)?;
    let plan = r.opt_text(&f, "plan");
    let fiscal_year = r.require(&f, "fiscal_year").and_then(|n| r.year(n, "fiscal_year"));
    let period = r
        .require(&f, "period")
        .and_then(|n| r.choice(n, "period", &PERIODS))
        .map(|i| [Period::SixMonths, Period::TwelveMonths][i]);
    if let (Some(fy), Some(p)) = (fiscal_year, period) {
        let expected = format!("{fy}-{}", p.as_str());
        if stem != expected {
            r.error(root.pos, Msg::ReportFileName { expected: format!("{expected}.yaml") });
        }
    }
    let as_of = f.get("as_of").and_then(|n| r.date(n, "as_of"));
    if let (Some(d), Some(fy)) = (as_of, fiscal_year) {
        if d.fiscal_year() != fy {
            let pos = f.get("as_of").map(|n| n.pos).unwrap_or(root.pos);
            r.warning(pos, Msg::AsOfOutsideYear { date: d.thai(), fiscal_year: fy });
        }
    }
    let published = f.get("published").and_then(|n| r.date(n, "published"));
    let document = f.get("document").and_then(|n| {
        let t = r.text(n, "document")?;
        check_file_ref(r, paths, &t, n.pos)
    });
    let items_node = r.require(&f, "items");
    let items_pos = items_node.map(|n| n.pos).unwrap_or(root.pos);
    let mut items = Vec::new();
    if let Some(list) = items_node {
        for n in r.list(list, "items") {
            if let Some(it) = read_item(r, n, plan.is_some(), paths) {
                items.push(it);
            }
        }
    }
    let mut stated_summary = Vec::new();
    if let Some(s) = f.get("stated_summary") {
        if let Some(sf) = r.fields(s, "stated_summary", SUMMARY_KEYS) {
            for key in SUMMARY_KEYS {
                if let Some(n) = sf.get(key) {
                    let value = if matches!(*key, "budget" | "disbursed") {
                        r.money(n, key).map(Figure::Money)
                    } else {
                        r.count(n, key).map(Figure::Count)
                    };
                    if let Some(v) = value {
                        stated_summary.push((key.to_string(), v, n.pos));
                    }
                }
            }
        }
    }
    Some(Report {
        slug: stem.to_string(),
        file: r.file,
        plan_pos: f.get("plan").map(|n| n.pos).unwrap_or(root.pos),
        plan,
        fiscal_year: fiscal_year?,
        period: period?,
        as_of,
        published,
        document,
        items,
        items_pos,
        stated_summary,
    })
}

fn read_item(r: &mut Reader, node: &Node, linked: bool, paths: &PathCtx) -> Option<ReportItem> {
    let f = r.fields(node, "items", ITEM_KEYS)?;
    let (item, title, kind, dimension) = if linked {
        (r.require(&f, "item").and_then(|n| r.text(n, "item")), r.opt_text(&f, "title"), None, None)
    } else {
        let title = r.require(&f, "title").and_then(|n| r.text(n, "title"));
        let kind = f.get("kind").and_then(|n| r.choice(n, "kind", &Kind::NAMES)).map(|i| Kind::ALL[i]);
        let dimension = r.require(&f, "dimension").and_then(|n| r.count(n, "dimension")).map(|d| d as u32);
        let kind = kind.or_else(|| title.as_deref().map(Kind::from_title));
        (None, title, kind, dimension)
    };
    let status = r.require(&f, "status").and_then(|n| {
        let t = r.text(n, "status")?;
        let s = Status::parse(&t);
        if s.is_none() {
            r.error(n.pos, Msg::UnknownStatus { text: t });
        }
        s
    });
    let budget = f.get("budget").and_then(|n| r.amount(n, "budget"));
    // "-" for disbursed means nothing was reported, as for a budget.
    let disbursed = f.get("disbursed").and_then(|n| r.amount(n, "disbursed")).and_then(Amount::money);
    let mut evidence = Vec::new();
    if let Some(ev) = f.get("evidence") {
        for n in r.list(ev, "evidence") {
            if let Some(t) = r.text(n, "evidence") {
                if let Some(p) = check_ref(r, paths, &t, n.pos) {
                    evidence.push(p);
                }
            }
        }
    }
    if linked && item.is_none() || !linked && (title.is_none() || dimension.is_none()) {
        return None;
    }
    Some(ReportItem {
        item,
        title,
        kind,
        dimension,
        status: status?,
        budget,
        disbursed,
        note: r.opt_text(&f, "note"),
        evidence,
        pos: node.pos,
    })
}
