//! One report round: status counts, completion with the awaiting count beside it,
//! disbursement, a table per dimension, and every item with its remarks.

use super::authority::round_summary;
use super::{Ctx, Page, authority_crumb, plan_of};
use crate::compute::report::Round;
use crate::content::model::*;
use crate::render::paths;
use crate::render::value::Value;
use crate::tv;

fn summary_label(ctx: &Ctx, what: &str) -> String {
    match Status::ALL.iter().find(|s| s.as_str() == what) {
        Some(s) => ctx.status_label(*s),
        None => ctx.s(&format!("summary_{what}")),
    }
}

/// Evidence is a file under files/ or an outside address; an outside one is linked as is.
fn evidence(a: &Authority, e: &str) -> Value {
    if crate::content::load::paths::is_url(e) {
        tv!({"name": e, "href": e, "external": true})
    } else {
        tv!({"name": e.strip_prefix("files/").unwrap_or(e), "href": paths::file(&a.slug, e), "external": false})
    }
}

pub fn report_page(ctx: &Ctx, a: &Authority, rep: &Report, round: &Round) -> Page {
    let r = a.reports.iter().position(|x| std::ptr::eq(x, rep)).unwrap_or(0);
    let plan = plan_of(a, rep).map(|(_, p)| p);
    let dim_title = |no: u32| {
        plan.and_then(|p| p.dimensions.iter().find(|d| d.no == no)).map(|d| d.title.clone()).unwrap_or_default()
    };
    let dimensions: Vec<Value> = round
        .dimensions
        .iter()
        .map(|(no, t)| {
            tv!({"no": ctx.fmt.year(*no as i32), "title": dim_title(*no), "items": ctx.fmt.count(t.items),
                   "counts": Status::ALL.iter().map(|s| ctx.fmt.count(t.count(*s))).collect::<Vec<_>>(),
                   "completion": ctx.fmt.percent(t.completion_rate().as_deref()),
                   "awaiting": ctx.fmt.count(t.awaiting()),
                   "budget": ctx.fmt.money(t.budget), "disbursed": ctx.fmt.money(t.disbursed)})
        })
        .collect();
    let items: Vec<Value> = round
        .items
        .iter()
        .map(|i| {
            let href = match (plan, &i.id) {
                (Some(p), Some(id)) if p.items.iter().any(|x| &x.id == id) => Some(paths::item(&a.slug, &p.slug, id)),
                _ => None,
            };
            tv!({"id": i.id.as_deref().map(|s| ctx.fmt.text(s)), "href": href, "title": i.title,
                   "dimension": i.dimension.map(|d| ctx.fmt.year(d as i32)), "kind": ctx.kind_label(i.kind),
                   "status": i.status.as_str(), "status_label": ctx.status_label(i.status), "missing": i.missing,
                   "budget": ctx.amount(i.budget), "disbursed": i.disbursed.map(|m| ctx.fmt.money(m)),
                   "note": i.note,
                   "evidence": i.evidence.iter().map(|e| evidence(a, e)).collect::<Vec<_>>()})
        })
        .collect();
    let stated: Vec<Value> = round
        .stated
        .iter()
        .map(|c| {
            tv!({"what": summary_label(ctx, &c.what), "stated": ctx.fmt.text(&c.stated.display()),
                   "computed": ctx.fmt.text(&c.computed.display()), "matches": c.matches})
        })
        .collect();
    let base = paths::report(&a.slug, &rep.slug);
    let title = format!("{} {}", ctx.s("report_title"), ctx.round_title(rep));
    Page {
        path: base.clone(),
        template: "report.html",
        description: format!("{title} {}", a.name),
        crumbs: vec![ctx.home_crumb(), authority_crumb(a), (ctx.round_title(rep), base.clone())],
        title: format!("{title} {}", a.name),
        data: tv!({
            "authority": {"name": a.name, "href": paths::authority(&a.slug)},
            "heading": title,
            "plan": plan.map(|p| tv!({"title": p.title, "href": paths::plan(&a.slug, &p.slug)})),
            "round": round_summary(ctx, a, r, round, true),
            "published": rep.published.map(|d| ctx.fmt.date(d)),
            "document": rep.document.as_ref().map(|f| paths::file(&a.slug, f)),
            "statuses": Status::ALL.iter().map(|s| ctx.status_label(*s)).collect::<Vec<_>>(),
            "dimensions": dimensions, "items": items, "stated": stated,
            "json": format!("{base}report.json"), "csv": format!("{base}report.csv"),
            "xlsx": format!("{base}report.xlsx"),
        }),
    }
}
