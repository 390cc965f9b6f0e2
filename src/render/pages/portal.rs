//! The portal: home (authorities by province and kind), one page per province, and 404.
//! A site with one authority has that authority's dashboard as its home instead.

use super::authority::{dashboard_data, round_summary};
use super::{Ctx, Page, current_plan, latest_round};
use crate::content::model::*;
use crate::content::provinces;
use crate::render::paths;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// One line of the portal: the authority, its current plan's budget and its latest round.
fn card(ctx: &Ctx, i: usize) -> Value {
    let a = &ctx.content.authorities[i];
    let f = &ctx.figures[i];
    let plan = current_plan(a).map(|p| {
        let t = &f.plans[p].plan;
        json!({"title": a.plans[p].title, "href": paths::plan(&a.slug, &a.plans[p].slug),
               "budget": ctx.fmt.money(t.total), "items": ctx.fmt.count(t.items),
               "years": format!("{}–{}", ctx.fmt.year(*a.plans[p].fiscal_years.first().unwrap_or(&0)),
                                ctx.fmt.year(*a.plans[p].fiscal_years.last().unwrap_or(&0)))})
    });
    let round = latest_round(a).map(|r| round_summary(ctx, a, r, &f.rounds[r], false));
    json!({"name": a.name, "href": paths::authority(&a.slug), "kind": ctx.authority_kind_label(a.kind),
           "district": a.district, "plan": plan, "round": round})
}

/// Authorities of one province (or all), grouped by kind in the order pao, municipality, sao, other.
fn by_kind(ctx: &Ctx, members: &[usize]) -> Vec<Value> {
    let mut groups: BTreeMap<AuthorityKind, Vec<usize>> = BTreeMap::new();
    for &i in members {
        groups.entry(ctx.content.authorities[i].kind).or_default().push(i);
    }
    groups
        .into_iter()
        .map(|(k, mut list)| {
            list.sort_by(|&x, &y| ctx.content.authorities[x].name.cmp(&ctx.content.authorities[y].name));
            json!({"kind": ctx.authority_kind_label(k), "count": ctx.fmt.count(list.len() as u64),
                   "authorities": list.iter().map(|&i| card(ctx, i)).collect::<Vec<_>>()})
        })
        .collect()
}

/// The province as shown: without a leading "จังหวัด", which templates add themselves.
pub fn province_name(p: &str) -> String {
    let t = p.trim();
    t.strip_prefix("จังหวัด").unwrap_or(t).trim().to_string()
}

/// Province → the authorities in it. Spellings of one province (with "จังหวัด", spaces,
/// a decomposed sara am) are one group, keyed by slug; provinces not in the list by name.
fn provinces(ctx: &Ctx) -> BTreeMap<String, Vec<usize>> {
    let mut by_key: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for (i, a) in ctx.content.authorities.iter().enumerate() {
        let key = provinces::slug(&a.province).map(String::from).unwrap_or_else(|| province_name(&a.province));
        by_key.entry(key).or_insert_with(|| (province_name(&a.province), Vec::new())).1.push(i);
    }
    by_key.into_values().collect()
}

pub fn home_page(ctx: &Ctx) -> Page {
    let site = &ctx.content.site;
    if !ctx.is_portal() {
        let data = dashboard_data(ctx, 0);
        return Page {
            path: String::new(),
            template: "authority.html",
            title: ctx.content.authorities[0].name.clone(),
            description: site.title.clone(),
            crumbs: vec![ctx.home_crumb()],
            data,
        };
    }
    let groups: Vec<Value> = provinces(ctx)
        .into_iter()
        .map(|(name, members)| {
            json!({"name": name, "href": provinces::slug(&name).map(paths::province),
                   "count": ctx.fmt.count(members.len() as u64), "kinds": by_kind(ctx, &members)})
        })
        .collect();
    Page {
        path: String::new(),
        template: "home.html",
        title: site.title.clone(),
        description: ctx.s("portal_description"),
        crumbs: vec![ctx.home_crumb()],
        data: json!({"provinces": groups, "authorities": ctx.fmt.count(ctx.content.authorities.len() as u64)}),
    }
}

pub fn province_pages(ctx: &Ctx) -> Vec<Page> {
    provinces(ctx)
        .into_iter()
        .filter_map(|(name, members)| {
            let slug = provinces::slug(&name)?;
            let title = format!("{}{}", ctx.s("province_prefix"), name);
            Some(Page {
                path: paths::province(slug),
                template: "province.html",
                description: format!("{} {}", ctx.s("province_description"), name),
                crumbs: vec![ctx.home_crumb(), (title.clone(), paths::province(slug))],
                title,
                data: json!({"name": name, "count": ctx.fmt.count(members.len() as u64),
                             "kinds": by_kind(ctx, &members)}),
            })
        })
        .collect()
}

pub fn not_found_page(ctx: &Ctx) -> Page {
    Page {
        path: "404.html".into(),
        template: "404.html",
        title: ctx.s("not_found_title"),
        description: ctx.s("not_found_title"),
        crumbs: vec![ctx.home_crumb()],
        data: json!({}),
    }
}
