//! The search page (`/search/`): the form with its filters, filled in at build time so the
//! choices exist without JavaScript; the results are the client's (`search.js`).

use super::{Ctx, Page};
use crate::content::model::{AuthorityKind, Kind, Status};
use crate::render::paths;
use crate::render::value::{Value, field};
use crate::tv;

/// Beyond this many plans the no-JavaScript fallback links province pages instead of plans,
/// so the page never becomes a list of thousands of links.
const MAX_PLAN_LINKS: usize = 60;

pub fn search_page(ctx: &Ctx) -> Page {
    let authorities = &ctx.content.authorities;
    let kinds: Vec<Value> = AuthorityKind::ALL
        .into_iter()
        .filter(|k| authorities.iter().any(|a| a.kind == *k))
        .map(|k| tv!({"code": k.as_str(), "label": ctx.authority_kind_label(k)}))
        .collect();
    let facts = crate::search::docs::facts(ctx);
    let max_dim = facts.max_dimension;
    let (first, last) = facts.year_spans.iter().fold((i32::MAX, i32::MIN), |(f, l), &(a, b)| (f.min(a), l.max(b)));
    let years: Vec<Value> = if first <= last {
        (first..=last).rev().map(|y| tv!({"value": y, "label": ctx.fmt.year(y)})).collect()
    } else {
        Vec::new()
    };
    let plans: Vec<Value> = authorities
        .iter()
        .flat_map(|a| {
            a.plans
                .iter()
                .map(move |p| tv!({"title": p.title, "authority": a.name, "href": paths::plan(&a.slug, &p.slug)}))
        })
        .collect();
    let provinces: Vec<Value> = crate::search::docs::order(ctx)
        .provinces
        .iter()
        .map(|(slug, name)| tv!({"slug": slug, "name": name, "href": paths::province(slug)}))
        .collect();
    let known_provinces: Vec<&Value> = provinces
        .iter()
        .filter(|p| {
            crate::content::provinces::slug(field(p, "name").and_then(Value::as_str).unwrap_or_default()).is_some()
        })
        .collect();
    Page {
        path: paths::SEARCH.into(),
        template: "search.html",
        title: ctx.s("search_title"),
        description: ctx.s("search_description"),
        crumbs: vec![ctx.home_crumb(), (ctx.s("search_title"), "search/".into())],
        data: tv!({
            "filters": {
                "provinces": if ctx.is_portal() { provinces.clone() } else { Vec::new() },
                "authority_kinds": if ctx.is_portal() { kinds } else { Vec::new() },
                "dimensions": (1..=max_dim).map(|d| tv!({"value": d, "label": ctx.fmt.year(d as i32)})).collect::<Vec<_>>(),
                "item_kinds": Kind::ALL.iter().map(|k| tv!({"code": k.as_str(), "label": ctx.kind_label(*k)})).collect::<Vec<_>>(),
                "statuses": Status::ALL.iter().map(|s| tv!({"code": s.as_str(), "label": ctx.status_label(*s)})).collect::<Vec<_>>(),
                "years": years,
            },
            "fallback_plans": if plans.len() <= MAX_PLAN_LINKS { plans } else { Vec::new() },
            "fallback_provinces": known_provinces,
        }),
    }
}
