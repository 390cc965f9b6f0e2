//! An authority's own pages: its dashboard, its data page, and (through plan.rs and
//! report.rs) its plans, items and report rounds.

use super::{Ctx, Page, authority_crumb, current_plan, latest_round};
use crate::compute::report::Round;
use crate::content::model::*;
use crate::content::provinces;
use crate::render::value::Value;
use crate::render::{charts, paths};
use crate::tv;

/// The figures of one round as every page shows them: the completion rate always with
/// the awaiting count beside it. `chart`: include the status bar.
pub fn round_summary(ctx: &Ctx, a: &Authority, r: usize, round: &Round, chart: bool) -> Value {
    let rep = &a.reports[r];
    let t = &round.totals;
    let by_status: Vec<Value> = Status::ALL
        .iter()
        .map(|s| tv!({"code": s.as_str(), "label": ctx.status_label(*s), "count": ctx.fmt.count(t.count(*s))}))
        .collect();
    let svg = chart.then(|| {
        let segments: Vec<(String, u64)> = Status::ALL.iter().map(|s| (ctx.status_label(*s), t.count(*s))).collect();
        charts::stacked_bar(
            &format!("status-{}", rep.slug),
            &format!("{} {}", ctx.s("chart_status_title"), ctx.round_title(rep)),
            &segments,
            &|n| ctx.fmt.count(n),
        )
    });
    tv!({
        "title": ctx.round_title(rep), "href": paths::report(&a.slug, &rep.slug),
        "fiscal_year": ctx.fmt.year(rep.fiscal_year), "period": ctx.period_label(rep.period),
        "as_of": rep.as_of.map(|d| ctx.fmt.date(d)),
        "items": ctx.fmt.count(t.items), "done": ctx.fmt.count(t.count(Status::Done)),
        "awaiting": ctx.fmt.count(t.awaiting()), "has_awaiting": t.awaiting() > 0,
        "completion": ctx.fmt.percent(t.completion_rate().as_deref()),
        "disbursement": ctx.fmt.percent(t.disbursement_rate().as_deref()),
        "budget": ctx.fmt.money(t.budget), "disbursed": ctx.fmt.money(t.disbursed),
        "rate_budget": ctx.fmt.money(t.rate_budget), "rate_disbursed": ctx.fmt.money(t.rate_disbursed),
        "budget_not_stated": ctx.fmt.count(t.budget_not_stated), "has_budget_not_stated": t.budget_not_stated > 0,
        "missing": ctx.fmt.count(round.items.iter().filter(|i| i.missing).count() as u64),
        "by_status": by_status, "chart": svg,
    })
}

fn contact(ctx: &Ctx, a: &Authority) -> Value {
    let c = a.contact.clone().unwrap_or_default();
    tv!({"address": c.address, "phone": c.phone.map(|p| ctx.fmt.text(&p)), "email": c.email,
           "website": a.website, "complaint_channel": a.complaint_channel})
}

pub fn dashboard_data(ctx: &Ctx, i: usize) -> Value {
    let a = &ctx.content.authorities[i];
    let f = &ctx.figures[i];
    let plan = current_plan(a).map(|p| super::plan::glance(ctx, a, &a.plans[p], &f.plans[p], true));
    let latest = latest_round(a).map(|r| round_summary(ctx, a, r, &f.rounds[r], true));
    let mut rounds: Vec<usize> = (0..a.reports.len()).collect();
    rounds.sort_by_key(|&r| std::cmp::Reverse((a.reports[r].fiscal_year, a.reports[r].period)));
    let plans: Vec<Value> = a
        .plans
        .iter()
        .zip(&f.plans)
        .map(|(p, t)| {
            tv!({"title": p.title, "href": paths::plan(&a.slug, &p.slug), "years": ctx.years(&p.fiscal_years),
                   "items": ctx.fmt.count(t.plan.items), "budget": ctx.fmt.money(t.plan.total)})
        })
        .collect();
    let ita: Vec<Value> = a
        .ita
        .iter()
        .map(|y| {
            tv!({"year": ctx.fmt.year(y.year),
                   "href": ctx.catalogues.contains_key(&y.year).then(|| crate::ita::resolve::index_path(&a.slug, y.year)),
                   "score": y.score.as_deref().map(|s| ctx.fmt.text(s)), "level": y.level,
                   "measures": ctx.fmt.count(y.issues.iter().map(|i| i.measures.len() as u64).sum())})
        })
        .collect();
    let files: Vec<Value> = a
        .files
        .iter()
        .map(|f| tv!({"name": f.strip_prefix("files/").unwrap_or(f), "href": paths::file(&a.slug, f)}))
        .collect();
    tv!({
        "authority": {"name": a.name, "kind": ctx.authority_kind_label(a.kind), "province": super::portal::province_name(&a.province),
                      "province_href": provinces::slug(&a.province).filter(|_| ctx.is_portal()).map(paths::province),
                      "district": a.district, "subdistrict": a.subdistrict, "code": a.code,
                      "href": paths::authority(&a.slug), "data_href": paths::data(&a.slug)},
        "contact": contact(ctx, a),
        "plan": plan, "latest": latest, "plans": plans,
        "rounds": rounds.iter().map(|&r| round_summary(ctx, a, r, &f.rounds[r], false)).collect::<Vec<_>>(),
        "ita": ita, "files": files,
    })
}

fn data_page(ctx: &Ctx, i: usize) -> Page {
    let a = &ctx.content.authorities[i];
    let plans: Vec<Value> = a
        .plans
        .iter()
        .map(|p| {
            let base = paths::plan(&a.slug, &p.slug);
            tv!({"title": p.title, "href": base, "json": format!("{base}plan.json"), "csv": format!("{base}plan.csv"),
                   "xlsx": format!("{base}plan.xlsx")})
        })
        .collect();
    let mut order: Vec<&Report> = a.reports.iter().collect();
    order.sort_by_key(|r| std::cmp::Reverse((r.fiscal_year, r.period)));
    let reports: Vec<Value> = order
        .iter()
        .map(|r| {
            let base = paths::report(&a.slug, &r.slug);
            tv!({"title": ctx.round_title(r), "href": base, "json": format!("{base}report.json"),
                   "csv": format!("{base}report.csv"), "xlsx": format!("{base}report.xlsx")})
        })
        .collect();
    let title = format!("{} {}", ctx.s("data_title"), a.name);
    Page {
        path: paths::data(&a.slug),
        template: "data.html",
        description: title.clone(),
        crumbs: vec![ctx.home_crumb(), authority_crumb(a), (ctx.s("data_title"), paths::data(&a.slug))],
        title,
        data: tv!({"authority": {"name": a.name, "href": paths::authority(&a.slug)}, "plans": plans, "reports": reports}),
    }
}

/// Every page of one authority.
pub fn authority_pages(ctx: &Ctx, i: usize) -> Vec<Page> {
    let a = &ctx.content.authorities[i];
    let f = &ctx.figures[i];
    let mut pages = vec![Page {
        path: paths::authority(&a.slug),
        template: "authority.html",
        title: a.name.clone(),
        description: format!("{} {}", ctx.s("authority_description"), a.name),
        crumbs: vec![ctx.home_crumb(), authority_crumb(a)],
        data: dashboard_data(ctx, i),
    }];
    pages.push(data_page(ctx, i));
    for (p, plan) in a.plans.iter().enumerate() {
        pages.push(super::plan::plan_page(ctx, a, plan, &f.plans[p]));
        for item in &plan.items {
            pages.push(super::plan::item_page(ctx, i, plan, item));
        }
    }
    for (r, rep) in a.reports.iter().enumerate() {
        pages.push(super::report::report_page(ctx, a, rep, &f.rounds[r]));
    }
    for y in &a.ita {
        pages.extend(super::ita::ita_pages(ctx, a, y));
    }
    pages
}
