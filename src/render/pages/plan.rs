//! The plan page (totals at a glance, then the plan table in the official layout) and
//! one page per item (its place, budget, detail page and its status in every round).

use super::{Ctx, Page, authority_crumb};
use crate::compute::plan::{PlanTotals, StatedCheck, Totals};
use crate::content::model::*;
use crate::render::value::Value;
use crate::render::{charts, markdown, paths};
use crate::tv;

fn by_year(ctx: &Ctx, t: &Totals, years: &[i32]) -> Vec<Value> {
    years
        .iter()
        .map(|y| {
            let yt = t.by_year.get(y).cloned().unwrap_or_default();
            let amount = if yt.stated_items == 0 { ctx.s("not_stated") } else { ctx.fmt.money(yt.sum) };
            tv!({"year": ctx.fmt.year(*y), "amount": amount, "ns": yt.stated_items == 0,
                   "not_stated": ctx.fmt.count(yt.not_stated_items), "has_not_stated": yt.not_stated_items > 0,
                   "nothing_stated": yt.stated_items == 0})
        })
        .collect()
}

/// The total over every year: "not stated" when no item in scope states an amount in any
/// year, never a 0 that would read as "needs no budget".
fn total_text(ctx: &Ctx, t: &Totals) -> String {
    if t.by_year.values().all(|y| y.stated_items == 0) { ctx.s("not_stated") } else { ctx.fmt.money(t.total) }
}

fn scope_label(ctx: &Ctx, s: &Scope) -> String {
    match s {
        Scope::Plan => ctx.s("whole_plan"),
        Scope::Dimension(d) => format!("{} {}", ctx.s("dimension"), ctx.fmt.year(*d as i32)),
        Scope::Mission(m) => format!("{} {}", ctx.s("mission"), ctx.fmt.text(m)),
    }
}

/// What the signed document printed where it differs from the sum of its rows.
fn stated_note(ctx: &Ctx, checks: &[StatedCheck], scope: &Scope, what: &str, year: Option<i32>) -> Option<String> {
    checks
        .iter()
        .find(|c| !c.matches && &c.scope == scope && c.what == what && c.year == year)
        .map(|c| ctx.fmt.text(&c.stated.display()))
}

/// A total row of the plan table with the stated figures beside the computed ones.
fn total_row(ctx: &Ctx, t: &Totals, years: &[i32], checks: &[StatedCheck], scope: Scope) -> Value {
    let cells: Vec<Value> = years
        .iter()
        .map(|y| {
            let yt = t.by_year.get(y).cloned().unwrap_or_default();
            let text = if yt.stated_items == 0 { ctx.s("not_stated") } else { ctx.fmt.money(yt.sum) };
            tv!({"text": text, "ns": yt.stated_items == 0,
                   "stated": stated_note(ctx, checks, &scope, "budget", Some(*y))})
        })
        .collect();
    tv!({"label": scope_label(ctx, &scope), "items": ctx.fmt.count(t.items),
           "items_stated": stated_note(ctx, checks, &scope, "count", None),
           "cells": cells, "total": total_text(ctx, t)})
}

pub fn glance(ctx: &Ctx, a: &Authority, p: &Plan, t: &PlanTotals, chart: bool) -> Value {
    let years = &p.fiscal_years;
    let dims: Vec<Value> = t
        .dimensions
        .iter()
        .map(|d| {
            tv!({"no": ctx.fmt.year(d.no as i32), "title": d.title, "items": ctx.fmt.count(d.totals.items),
                   "by_year": by_year(ctx, &d.totals, years), "total": total_text(ctx, &d.totals)})
        })
        .collect();
    let svg = chart.then(|| {
        let groups: Vec<charts::Group> = t
            .dimensions
            .iter()
            .map(|d| charts::Group {
                label: format!("{} {}", ctx.s("dimension"), ctx.fmt.year(d.no as i32)),
                values: years
                    .iter()
                    .map(|y| d.totals.by_year.get(y).filter(|v| v.stated_items > 0).map(|v| v.sum.satang()))
                    .collect(),
            })
            .collect();
        charts::grouped_bars(
            &format!("budget-{}", p.slug),
            &format!("{} {}", ctx.s("chart_budget_title"), p.title),
            &ctx.years(years),
            &groups,
            &|s| ctx.fmt.money(crate::content::numbers::Money(s)),
        )
    });
    let kinds: Vec<Value> = Kind::ALL
        .iter()
        .filter(|k| t.plan.by_kind[**k as usize] > 0)
        .map(|k| tv!({"label": ctx.kind_label(*k), "count": ctx.fmt.count(t.plan.by_kind[*k as usize])}))
        .collect();
    tv!({
        "title": p.title, "href": paths::plan(&a.slug, &p.slug), "years": ctx.years(years),
        "items": ctx.fmt.count(t.plan.items), "funded": ctx.fmt.count(t.plan.funded),
        "unfunded": ctx.fmt.count(t.plan.items - t.plan.funded),
        "budget_total": total_text(ctx, &t.plan),
        "items_not_stated": ctx.fmt.count(t.plan.items_not_stated), "has_not_stated": t.plan.items_not_stated > 0,
        "by_year": by_year(ctx, &t.plan, years), "by_kind": kinds, "dimensions": dims, "chart": svg,
    })
}

fn owners_text(owner: &[String]) -> String {
    owner.join(", ")
}

pub fn plan_page(ctx: &Ctx, a: &Authority, p: &Plan, t: &PlanTotals) -> Page {
    let years = &p.fiscal_years;
    let table: Vec<Value> = p
        .dimensions
        .iter()
        .zip(&t.dimensions)
        .map(|(d, dt)| {
            // Items in plan order under their missions; items of no mission come first.
            let mut rows: Vec<Value> = Vec::new();
            let row = |i: &Item| {
                tv!({"kind": "item", "id": ctx.fmt.text(&i.id), "href": paths::item(&a.slug, &p.slug, &i.id),
                       "title": i.title, "item_kind": ctx.kind_label(i.kind), "owner": owners_text(&i.owner),
                       "cells": years.iter().map(|y| ctx.amount(i.amount(*y))).collect::<Vec<_>>()})
            };
            rows.extend(p.items.iter().filter(|i| i.dimension == d.no && i.mission.is_none()).map(row));
            for m in &d.missions {
                rows.push(tv!({"kind": "mission", "no": ctx.fmt.text(&m.no), "title": m.title}));
                rows.extend(
                    p.items.iter().filter(|i| i.dimension == d.no && i.mission.as_ref() == Some(&m.no)).map(row),
                );
            }
            tv!({"no": ctx.fmt.year(d.no as i32), "title": d.title, "rows": rows,
                   "total": total_row(ctx, &dt.totals, years, &t.stated, Scope::Dimension(d.no))})
        })
        .collect();
    let diffs: Vec<Value> = t
        .stated
        .iter()
        .filter(|c| !c.matches)
        .map(|c| {
            tv!({"scope": scope_label(ctx, &c.scope),
                   "what": if c.what == "count" { ctx.s("stated_count") } else { ctx.s("stated_budget") },
                   "year": c.year.map(|y| ctx.fmt.year(y)),
                   "stated": ctx.fmt.text(&c.stated.display()), "computed": ctx.fmt.text(&c.computed.display())})
        })
        .collect();
    let owners: Vec<Value> = t
        .owners
        .iter()
        .map(|o| {
            tv!({"owner": o.owner.clone().unwrap_or_else(|| ctx.s("no_owner")), "items": ctx.fmt.count(o.totals.items),
                   "total": total_text(ctx, &o.totals)})
        })
        .collect();
    let base = paths::plan(&a.slug, &p.slug);
    let intro = p.intro.as_ref().map(|m| markdown::render(&m.text, 1).html);
    Page {
        path: base.clone(),
        template: "plan.html",
        title: format!("{} {}", p.title, a.name),
        description: format!("{} {}", p.title, a.name),
        crumbs: vec![ctx.home_crumb(), authority_crumb(a), (p.title.clone(), base.clone())],
        data: tv!({
            "authority": {"name": a.name, "href": paths::authority(&a.slug)},
            "plan": {"title": p.title, "years": ctx.years(years), "adopted": p.adopted.map(|d| ctx.fmt.date(d)),
                     "document": p.document.as_ref().map(|f| paths::file(&a.slug, f)), "intro": intro,
                     "json": format!("{base}plan.json"), "csv": format!("{base}plan.csv"),
                     "xlsx": format!("{base}plan.xlsx")},
            "glance": glance(ctx, a, p, t, true),
            "table": table,
            "plan_total": total_row(ctx, &t.plan, years, &t.stated, Scope::Plan),
            "diffs": diffs, "owners": owners,
        }),
    }
}

fn detail(ctx: &Ctx, d: &DetailPage) -> Value {
    // The body's top headings sit under the page's "detail" h2, whatever level the author
    // started at (`#` or `##`): render once to find it, again shifted.
    let first = markdown::render(&d.body.text, 0);
    let top_level = first.headings.iter().map(|h| h.level).min().unwrap_or(3);
    let body = if top_level == 3 { first } else { markdown::render(&d.body.text, 3u8.saturating_sub(top_level)) };
    // The table of contents lists the body's top-level headings, whatever level they start at.
    let top = body.headings.iter().map(|h| h.level).min();
    let lines: Vec<Value> = d
        .budget_lines
        .iter()
        .map(|l| {
            tv!({"label": l.label, "quantity": l.quantity.map(|q| ctx.fmt.money(q)), "unit": l.unit,
                   "times": l.times.map(|q| ctx.fmt.money(q)), "unit_price": l.unit_price.map(|q| ctx.fmt.money(q)),
                   "amount": ctx.fmt.money(l.amount)})
        })
        .collect();
    let lines_total: crate::content::numbers::Money = d.budget_lines.iter().map(|l| l.amount).sum();
    tv!({
        "target_group": d.target_group, "area": d.area, "period": d.period,
        "objectives": d.objectives, "method": d.method,
        "indicators": d.indicators.iter().map(|i| tv!({"name": i.name, "target": i.target})).collect::<Vec<_>>(),
        "outputs": d.outputs, "outcomes": d.outcomes,
        "budget_lines": lines, "budget_lines_total": ctx.fmt.money(lines_total),
        "body": if d.body.text.trim().is_empty() { None } else { Some(body.html) },
        "toc": body.headings.iter().filter(|h| Some(h.level) == top)
            .map(|h| tv!({"text": h.text, "anchor": h.anchor})).collect::<Vec<_>>(),
    })
}

pub fn item_page(ctx: &Ctx, ai: usize, p: &Plan, item: &Item) -> Page {
    let a = &ctx.content.authorities[ai];
    let f = &ctx.figures[ai];
    let dim = p.dimensions.iter().find(|d| d.no == item.dimension);
    let mission = dim.and_then(|d| d.missions.iter().find(|m| Some(&m.no) == item.mission.as_ref()));
    let budget: Vec<Value> =
        p.fiscal_years.iter().map(|y| tv!({"year": ctx.fmt.year(*y), "amount": ctx.amount(item.amount(*y))})).collect();
    let stated_sum: crate::content::numbers::Money = item.budget.values().filter_map(|a| a.money()).sum();
    let any_stated = item.budget.values().any(|a| a.money().is_some());
    let mut timeline: Vec<(i32, Period, Value)> = Vec::new();
    for (r, rep) in a.reports.iter().enumerate() {
        if rep.plan.as_deref() != Some(p.slug.as_str()) {
            continue;
        }
        if let Some(ri) = f.rounds[r].items.iter().find(|x| x.id.as_deref() == Some(item.id.as_str())) {
            timeline.push((
                rep.fiscal_year,
                rep.period,
                tv!({"title": ctx.round_title(rep), "href": paths::report(&a.slug, &rep.slug),
                       "as_of": rep.as_of.map(|d| ctx.fmt.date(d)),
                       "status": ri.status.as_str(), "status_label": ctx.status_label(ri.status), "missing": ri.missing,
                       "budget": ctx.amount(ri.budget), "disbursed": ri.disbursed.map(|m| ctx.fmt.money(m)),
                       "note": ri.note}),
            ));
        }
    }
    timeline.sort_by_key(|(y, p, _)| (*y, *p));
    let title = item.title.clone();
    let path = paths::item(&a.slug, &p.slug, &item.id);
    Page {
        path: path.clone(),
        template: "item.html",
        description: format!("{} · {} · {}", item.title, p.title, a.name),
        crumbs: vec![
            ctx.home_crumb(),
            authority_crumb(a),
            (p.title.clone(), paths::plan(&a.slug, &p.slug)),
            (ctx.fmt.text(&item.id), path.clone()),
        ],
        title,
        data: tv!({
            "authority": {"name": a.name, "href": paths::authority(&a.slug)},
            "plan": {"title": p.title, "href": paths::plan(&a.slug, &p.slug)},
            "item": {"id": ctx.fmt.text(&item.id), "title": item.title, "kind": ctx.kind_label(item.kind),
                     "owner": item.owner, "budget": budget,
                     "total": if any_stated { ctx.fmt.money(stated_sum) } else { ctx.s("not_stated") },
                     "quarters": item.quarters.iter().map(|q| ctx.fmt.text(&q.to_string())).collect::<Vec<_>>(),
                     "egp": item.egp, "note": item.note,
                     "sub_missions": item.sub_missions},
            "dimension": dim.map(|d| tv!({"no": ctx.fmt.year(d.no as i32), "title": d.title})),
            "mission": mission.map(|m| tv!({"no": ctx.fmt.text(&m.no), "title": m.title})),
            "detail": p.details.get(&item.id).map(|d| detail(ctx, d)),
            "timeline": timeline.into_iter().map(|(_, _, v)| v).collect::<Vec<_>>(),
        }),
    }
}
