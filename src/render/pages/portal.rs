//! The portal: home, one page per province, and 404. A site with one authority has that
//! authority's dashboard as its home instead.
//!
//! Home depends on the portal's size (docs/DECISIONS-site.md, "Portal at national scale"):
//! up to [`MAX_HOME_CARDS`] authorities, a card per authority by province and kind; beyond,
//! a table of provinces with their figures (or, when every authority is in one province,
//! that province's compact table). A province page is one compact table grouped by district.
//! Every figure is read from the computed figures (`ctx.figures`), once per authority.

use super::authority::{dashboard_data, round_summary};
use super::{Ctx, Page, current_plan, latest_round};
use crate::content::model::*;
use crate::content::numbers::{Money, rate4};
use crate::content::provinces;
use crate::render::paths;
use crate::render::value::Value;
use crate::search::docs::thai_sort_key;
use crate::tv;
use std::collections::BTreeMap;

/// Up to this many authorities, a portal's home shows each of them as a card; beyond it,
/// the provinces. The same limit as the search page's list of plans: past it a list of
/// every authority stops being something a reader scrolls on a phone.
pub const MAX_HOME_CARDS: usize = 60;

/// "2566–2570".
fn plan_years(ctx: &Ctx, p: &Plan) -> String {
    format!(
        "{}–{}",
        ctx.fmt.year(*p.fiscal_years.first().unwrap_or(&0)),
        ctx.fmt.year(*p.fiscal_years.last().unwrap_or(&0))
    )
}

/// One card of a small portal: the authority, its current plan's budget and its latest round.
fn card(ctx: &Ctx, i: usize) -> Value {
    let a = &ctx.content.authorities[i];
    let f = &ctx.figures[i];
    let plan = current_plan(a).map(|p| {
        let t = &f.plans[p].plan;
        tv!({"title": a.plans[p].title, "href": paths::plan(&a.slug, &a.plans[p].slug),
               "budget": ctx.fmt.money(t.total), "items": ctx.fmt.count(t.items), "years": plan_years(ctx, &a.plans[p])})
    });
    let round = latest_round(a).map(|r| round_summary(ctx, a, r, &f.rounds[r], false));
    tv!({"name": a.name, "href": paths::authority(&a.slug), "kind": ctx.authority_kind_label(a.kind),
           "district": a.district, "plan": plan, "round": round})
}

/// Sorts authorities by kind (pao, municipality, sao, other), then by name in Thai order.
fn sort_authorities(ctx: &Ctx, list: &mut [usize]) {
    // Cached: the Thai sort key allocates, and a comparator would build it n log n times.
    list.sort_by_cached_key(|&i| {
        let a = &ctx.content.authorities[i];
        (a.kind, thai_sort_key(&a.name), a.slug.clone())
    });
}

/// Cards of one province (or all), grouped by kind in the order pao, municipality, sao, other.
fn by_kind(ctx: &Ctx, members: &[usize]) -> Vec<Value> {
    let mut groups: BTreeMap<AuthorityKind, Vec<usize>> = BTreeMap::new();
    for &i in members {
        groups.entry(ctx.content.authorities[i].kind).or_default().push(i);
    }
    groups
        .into_iter()
        .map(|(k, mut list)| {
            sort_authorities(ctx, &mut list);
            tv!({"kind": ctx.authority_kind_label(k), "count": ctx.fmt.count(list.len() as u64),
                   "authorities": list.iter().map(|&i| card(ctx, i)).collect::<Vec<_>>()})
        })
        .collect()
}

/// The province as shown: without a leading "จังหวัด", which templates add themselves.
pub fn province_name(p: &str) -> String {
    let t = p.trim();
    t.strip_prefix("จังหวัด").unwrap_or(t).trim().to_string()
}

/// The district as shown: without a leading "อำเภอ"; None when not stated.
fn district_name(d: Option<&str>) -> Option<String> {
    let t = d?.trim();
    let t = t.strip_prefix("อำเภอ").unwrap_or(t).trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The authorities of one province. Spellings of one province (with "จังหวัด", spaces, a
/// decomposed sara am) are one province, by its slug; a province not in the national list
/// (`slug` None) is grouped by its name.
struct Province {
    name: String,
    slug: Option<&'static str>,
    members: Vec<usize>,
}

/// The provinces whose slug `keep` accepts, in Thai order, those not in the list last. One
/// pass over the authorities; nothing is collected for a province that is not kept.
fn provinces(ctx: &Ctx, keep: impl Fn(Option<&'static str>) -> bool) -> Vec<Province> {
    let mut index: BTreeMap<(Option<&'static str>, String), usize> = BTreeMap::new();
    let mut out: Vec<Province> = Vec::new();
    for (i, a) in ctx.content.authorities.iter().enumerate() {
        let slug = provinces::slug(&a.province);
        if !keep(slug) {
            continue;
        }
        let key = (slug, if slug.is_some() { String::new() } else { province_name(&a.province) });
        let at = *index.entry(key).or_insert_with(|| {
            // A known province by its name in the national list, whichever spelling came first.
            let name = slug.and_then(provinces::name).map_or_else(|| province_name(&a.province), String::from);
            out.push(Province { name, slug, members: Vec::new() });
            out.len() - 1
        });
        out[at].members.push(i);
    }
    out.sort_by_cached_key(|p| (p.slug.is_none(), thai_sort_key(&p.name), p.slug));
    out
}

/// What a group of authorities adds up to, from each authority's current plan and latest
/// round (site.md's definitions; "not stated" adds nothing and is counted, never taken as 0).
#[derive(Default)]
struct Sums {
    authorities: u64,
    with_plan: u64,
    /// The budget totals (all years) of their current plans.
    budget: Money,
    /// Items of those plans with no amount stated in some year: the budget leaves them out.
    not_stated: u64,
    with_round: u64,
    /// Over the items of each authority's latest round: done, items less awaiting, awaiting.
    done: u64,
    reported: u64,
    awaiting: u64,
}

impl Sums {
    fn add(&mut self, ctx: &Ctx, i: usize) {
        let (a, f) = (&ctx.content.authorities[i], &ctx.figures[i]);
        self.authorities += 1;
        if let Some(p) = current_plan(a) {
            let t = &f.plans[p].plan;
            self.with_plan += 1;
            self.budget = self.budget + t.total;
            self.not_stated += t.items_not_stated;
        }
        if let Some(r) = latest_round(a) {
            let t = &f.rounds[r].totals;
            self.with_round += 1;
            self.done += t.count(Status::Done);
            self.reported += t.items - t.awaiting();
            self.awaiting += t.awaiting();
        }
    }

    fn of(ctx: &Ctx, members: &[usize]) -> Sums {
        let mut s = Sums::default();
        for &i in members {
            s.add(ctx, i);
        }
        s
    }

    fn merge(&mut self, o: &Sums) {
        self.authorities += o.authorities;
        self.with_plan += o.with_plan;
        self.budget = self.budget + o.budget;
        self.not_stated += o.not_stated;
        self.with_round += o.with_round;
        self.done += o.done;
        self.reported += o.reported;
        self.awaiting += o.awaiting;
    }

    fn data(&self, ctx: &Ctx) -> Value {
        let completion = rate4(i128::from(self.done), i128::from(self.reported));
        tv!({
            "authorities": ctx.fmt.count(self.authorities),
            "with_plan": ctx.fmt.count(self.with_plan),
            // No plan at all: there is no budget to add up, which is not a budget of 0.
            "budget": (self.with_plan > 0).then(|| ctx.fmt.money(self.budget)),
            "not_stated": (self.not_stated > 0).then(|| ctx.fmt.count(self.not_stated)),
            "with_round": ctx.fmt.count(self.with_round),
            "has_round": self.with_round > 0,
            "completion": ctx.fmt.percent(completion.as_deref()),
            "awaiting": ctx.fmt.count(self.awaiting),
        })
    }
}

/// One row of a compact table: the authority, its current plan's budget, its latest round.
fn row(ctx: &Ctx, i: usize) -> Value {
    let (a, f) = (&ctx.content.authorities[i], &ctx.figures[i]);
    let plan = current_plan(a).map(|p| {
        let t = &f.plans[p].plan;
        tv!({"budget": ctx.fmt.money(t.total), "years": plan_years(ctx, &a.plans[p]),
               "not_stated": (t.items_not_stated > 0).then(|| ctx.fmt.count(t.items_not_stated))})
    });
    let round = latest_round(a).map(|r| {
        let (rep, t) = (&a.reports[r], &f.rounds[r].totals);
        // The period's label has a number in it ("รอบ 6 เดือน"): it follows the site's digits too.
        tv!({"title": format!("{} {}", ctx.fmt.text(&ctx.period_label(rep.period)), ctx.fmt.year(rep.fiscal_year)),
               "href": paths::report(&a.slug, &rep.slug),
               "completion": ctx.fmt.percent(t.completion_rate().as_deref()), "awaiting": ctx.fmt.count(t.awaiting())})
    });
    tv!({"name": a.name, "href": paths::authority(&a.slug), "plan": plan, "round": round})
}

/// The groups of a province's compact table: its provincial administrative organisation
/// first (it serves the whole province), then district by district in Thai order, then the
/// authorities that state no district. A reader looks for the authority where they live.
fn by_district(ctx: &Ctx, members: &[usize]) -> Vec<Value> {
    // (0 pao, 1 a district, 2 no district; the district's sort key, its name) → (title, members).
    let mut groups: BTreeMap<(u8, String, String), (String, Vec<usize>)> = BTreeMap::new();
    for &i in members {
        let a = &ctx.content.authorities[i];
        let (key, title) = match (a.kind, district_name(a.district.as_deref())) {
            (AuthorityKind::Pao, _) => {
                ((0, String::new(), String::new()), ctx.authority_kind_label(AuthorityKind::Pao))
            }
            (_, Some(d)) => ((1, thai_sort_key(&d), d.clone()), format!("{}{d}", ctx.s("district_prefix"))),
            (_, None) => ((2, String::new(), String::new()), ctx.s("no_district")),
        };
        groups.entry(key).or_insert_with(|| (title, Vec::new())).1.push(i);
    }
    groups
        .into_values()
        .enumerate()
        .map(|(n, (title, mut list))| {
            sort_authorities(ctx, &mut list);
            tv!({"id": format!("g{}", n + 1), "title": title, "count": ctx.fmt.count(list.len() as u64),
                   "rows": list.iter().map(|&i| row(ctx, i)).collect::<Vec<_>>()})
        })
        .collect()
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
    let count = ctx.content.authorities.len();
    let all = provinces(ctx, |_| true);
    let data = if count <= MAX_HOME_CARDS {
        let groups: Vec<Value> = all
            .iter()
            .map(|p| {
                tv!({"name": p.name, "href": p.slug.map(paths::province),
                       "count": ctx.fmt.count(p.members.len() as u64), "kinds": by_kind(ctx, &p.members)})
            })
            .collect();
        tv!({"view": "cards", "provinces": groups})
    } else if let [only] = all.as_slice() {
        tv!({"view": "authorities", "province": {"name": only.name, "href": only.slug.map(paths::province)},
               "summary": Sums::of(ctx, &only.members).data(ctx), "groups": by_district(ctx, &only.members)})
    } else {
        let mut total = Sums::default();
        let mut unlisted_sums = Sums::default();
        let mut rows = Vec::new();
        let mut unlisted = Vec::new();
        for p in &all {
            let sums = Sums::of(ctx, &p.members);
            total.merge(&sums);
            match p.slug {
                Some(slug) => rows.push(tv!({"name": p.name, "href": paths::province(slug), "sums": sums.data(ctx)})),
                None => {
                    unlisted_sums.merge(&sums);
                    unlisted.push(tv!({"name": p.name, "count": ctx.fmt.count(p.members.len() as u64),
                                         "kinds": by_kind(ctx, &p.members)}));
                }
            }
        }
        tv!({"view": "provinces", "provinces_count": ctx.fmt.count(rows.len() as u64), "rows": rows,
               "unlisted": unlisted, "unlisted_sums": unlisted_sums.data(ctx), "total": total.data(ctx)})
    };
    let data = crate::render::value::with(data, "authorities", tv!(ctx.fmt.count(count as u64)));
    Page {
        path: String::new(),
        template: "home.html",
        title: site.title.clone(),
        description: ctx.s("portal_description"),
        crumbs: vec![ctx.home_crumb()],
        data,
    }
}

/// The province pages, or with `only` just those at these addresses (`provinces/<slug>/`):
/// the authorities of the other provinces are not even grouped.
pub fn province_pages(ctx: &Ctx, only: Option<&[String]>) -> Vec<Page> {
    let wanted = |slug: Option<&'static str>| {
        slug.is_some_and(|s| {
            only.is_none_or(|o| {
                o.iter().any(|addr| addr.strip_prefix("provinces/").and_then(|x| x.strip_suffix('/')) == Some(s))
            })
        })
    };
    provinces(ctx, wanted)
        .into_iter()
        .filter_map(|p| {
            let slug = p.slug?;
            let title = format!("{}{}", ctx.s("province_prefix"), p.name);
            Some(Page {
                path: paths::province(slug),
                template: "province.html",
                description: format!("{} {}", ctx.s("province_description"), p.name),
                crumbs: vec![ctx.home_crumb(), (title.clone(), paths::province(slug))],
                title,
                data: tv!({"name": p.name, "count": ctx.fmt.count(p.members.len() as u64),
                             "summary": Sums::of(ctx, &p.members).data(ctx), "groups": by_district(ctx, &p.members)}),
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
        data: tv!({}),
    }
}
