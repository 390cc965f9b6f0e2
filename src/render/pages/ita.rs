//! ITA pages: the year's index (every item with its full address, ready to copy, and its
//! state), one page per item (lowercase code) that exists from the first day, and the
//! integrity measures with what was done.

use super::{Ctx, Page, authority_crumb};
use crate::content::model::*;
use crate::ita::catalogue::Catalogue;
use crate::ita::resolve::{self, Entry, Missing, State};
use crate::render::paths;
use crate::render::value::{Value, field};
use crate::tv;

/// Text with the HTML tags some transcriptions carry (`<p>…</p>`) taken out: `check` warns
/// about them, and the reader sees the words, not the markup.
pub fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let is_tag = after[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        match after.find('>') {
            Some(j) if is_tag && j < 64 => {
                let tag = after[1..j].trim_start_matches('/').to_ascii_lowercase();
                if tag.starts_with("br") || tag == "p" && after.starts_with("</") {
                    out.push(' ');
                }
                rest = &after[j + 1..];
            }
            _ => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn evidence(a: &Authority, e: &Evidence) -> Value {
    match e {
        Evidence::File(f) => {
            tv!({"title": f.strip_prefix("files/").unwrap_or(f), "href": paths::file(&a.slug, f), "external": false})
        }
        Evidence::Link { title, url } => {
            tv!({"title": title.clone().unwrap_or_else(|| url.clone()), "href": url, "external": true})
        }
    }
}

fn reason(ctx: &Ctx, m: &Missing) -> String {
    match m {
        Missing::NoEvidence => ctx.s("ita_missing_evidence"),
        Missing::NoContact => ctx.s("ita_missing_contact"),
        Missing::NoComplaintChannel => ctx.s("ita_missing_complaint"),
        Missing::NoPlanFor(fy) => format!("{} {}", ctx.s("ita_missing_plan"), ctx.fmt.year(*fy)),
        Missing::NoRound(fy, p) => {
            format!(
                "{} {} {} {}",
                ctx.s("ita_missing_round"),
                ctx.period_label(*p),
                ctx.s("fiscal_year"),
                ctx.fmt.year(*fy)
            )
        }
        Missing::NoMeasures => ctx.s("ita_missing_measures"),
        Missing::NoResults => ctx.s("ita_missing_results"),
    }
}

fn entry_data(ctx: &Ctx, a: &Authority, ita: &ItaYear, e: &Entry) -> Value {
    let path = resolve::item_path(&a.slug, ita.year, e.item);
    let mut links: Vec<Value> = Vec::new();
    let (mut fy, mut period, mut published, mut why) = (None, None, None, None);
    match &e.state {
        State::Produced(p) => {
            let title = if p.title.is_empty() {
                ctx.s(&format!("ita_fill_{}", fill_key(e)))
            } else {
                produced_title(ctx, a, p)
            };
            links.push(tv!({"title": title, "href": p.path, "external": false, "site": true}));
            if let Some(d) = &p.document {
                links.push(tv!({"title": ctx.s("signed_document"), "href": paths::file(&a.slug, d), "external": false, "site": true}));
            }
            fy = p.fiscal_year.map(|y| ctx.fmt.year(y));
            period = p.period.map(|x| ctx.period_label(x));
            published = p.published.map(|d| ctx.fmt.date(d));
        }
        State::Given(list) => links.extend(list.iter().map(|x| evidence(a, x))),
        State::Missing(m) => why = Some(reason(ctx, m)),
    }
    links.extend(e.also_given.iter().map(|x| evidence(a, x)));
    tv!({
        "code": e.item.code, "name": e.item.name, "publish": e.item.publish, "group": e.item.group,
        "href": path, "address": format!("{}{}", ctx.content.site.base_url, path),
        "state": e.state.code(), "state_label": ctx.s(&format!("ita_state_{}", e.state.code())),
        "links": links, "reason": why,
        "fiscal_year": fy.or_else(|| e.item.fill.map(|_| ctx.fmt.year(e.item.covers(ita.year)))),
        "period": period, "published": published,
    })
}

fn fill_key(e: &Entry) -> &'static str {
    use crate::ita::catalogue::Fill::*;
    match e.item.fill {
        Some(Contact) => "contact",
        Some(ComplaintChannel) => "complaint_channel",
        Some(Plan) => "plan",
        Some(Round6m) => "round_6m",
        Some(Round12m) => "round_12m",
        Some(Measures) => "measures",
        Some(MeasuresResults) => "measures_results",
        None => "none",
    }
}

fn produced_title(ctx: &Ctx, a: &Authority, p: &resolve::Produced) -> String {
    match (p.fiscal_year, p.period) {
        (Some(fy), Some(period)) => format!(
            "{} {} {} {}",
            ctx.s("report_title"),
            ctx.period_label(period),
            ctx.s("fiscal_year"),
            ctx.fmt.year(fy)
        ),
        _ if p.path.ends_with("#contact") => format!("{}: {}", ctx.s("contact"), a.name),
        _ => p.title.clone(),
    }
}

fn ita_crumbs(ctx: &Ctx, a: &Authority, year: i32) -> Vec<(String, String)> {
    vec![
        ctx.home_crumb(),
        authority_crumb(a),
        (format!("ITA {}", ctx.fmt.year(year)), resolve::index_path(&a.slug, year)),
    ]
}

pub fn ita_pages(ctx: &Ctx, a: &Authority, ita: &ItaYear) -> Vec<Page> {
    let Some(catalogue): Option<&Catalogue> = ctx.catalogues.get(&ita.year) else { return Vec::new() };
    let entries = resolve::resolve(a, ita, catalogue);
    let data: Vec<Value> = entries.iter().map(|e| entry_data(ctx, a, ita, e)).collect();
    let count = |s: &str| ctx.fmt.count(entries.iter().filter(|e| e.state.code() == s).count() as u64);
    let groups: Vec<Value> = catalogue
        .groups
        .iter()
        .map(|g| {
            tv!({"code": g.code, "name": g.name,
                        "items": data.iter().filter(|d| field(d, "group").and_then(Value::as_str) == Some(g.code.as_str())).cloned().collect::<Vec<_>>()})
        })
        .collect();
    let index = resolve::index_path(&a.slug, ita.year);
    let year = ctx.fmt.year(ita.year);
    let mut pages = vec![Page {
        path: index.clone(),
        template: "ita_index.html",
        title: format!("{} {} {}", ctx.s("ita_index_title"), year, a.name),
        description: format!("{} {} {}", ctx.s("ita_index_title"), year, a.name),
        crumbs: ita_crumbs(ctx, a, ita.year),
        data: tv!({
            "authority": {"name": a.name, "href": paths::authority(&a.slug)},
            "year": year, "confirmed": catalogue.confirmed, "note": catalogue.note,
            "score": ita.score.as_deref().map(|s| ctx.fmt.text(s)), "level": ita.level,
            "counts": {"produced": count("produced"), "given": count("given"), "missing": count("missing"),
                       "all": ctx.fmt.count(entries.len() as u64)},
            "groups": groups, "csv": format!("{index}ita.csv"), "measures": resolve::measures_path(&a.slug, ita.year),
        }),
    }];
    for (e, d) in entries.iter().zip(&data) {
        let mut crumbs = ita_crumbs(ctx, a, ita.year);
        crumbs.push((e.item.code.clone(), resolve::item_path(&a.slug, ita.year, e.item)));
        pages.push(Page {
            path: resolve::item_path(&a.slug, ita.year, e.item),
            template: "ita_item.html",
            title: format!("{} {} (ITA {}) {}", e.item.code, e.item.name, year, a.name),
            description: format!("{} {}: {}", e.item.code, e.item.name, a.name),
            crumbs,
            data: tv!({"authority": {"name": a.name, "href": paths::authority(&a.slug)}, "year": year,
                         "confirmed": catalogue.confirmed, "index": index, "entry": d}),
        });
    }
    pages.push(measures_page(ctx, a, ita));
    pages
}

fn measures_page(ctx: &Ctx, a: &Authority, ita: &ItaYear) -> Page {
    let t = |s: &Option<String>| s.as_deref().map(strip_tags);
    let issues: Vec<Value> = ita
        .issues
        .iter()
        .enumerate()
        .map(|(n, issue)| {
            tv!({"no": ctx.fmt.count(n as u64 + 1), "title": strip_tags(&issue.title),
                   "measures": issue.measures.iter().map(|m| tv!({
                       "no": m.no.as_deref().map(|s| ctx.fmt.text(s)), "title": strip_tags(&m.title),
                       "steps": m.steps.iter().map(|s| strip_tags(s)).collect::<Vec<_>>(),
                       "period": t(&m.period), "owner": t(&m.owner), "result": t(&m.result), "outcome": t(&m.outcome),
                   })).collect::<Vec<_>>()})
        })
        .collect();
    let path = resolve::measures_path(&a.slug, ita.year);
    let year = ctx.fmt.year(ita.year);
    let mut crumbs = ita_crumbs(ctx, a, ita.year);
    crumbs.push((ctx.s("ita_measures"), path.clone()));
    Page {
        path,
        template: "ita_measures.html",
        title: format!("{} ITA {} {}", ctx.s("ita_measures"), year, a.name),
        description: format!("{} ITA {} {}", ctx.s("ita_measures"), year, a.name),
        crumbs,
        data: tv!({"authority": {"name": a.name, "href": paths::authority(&a.slug)}, "year": year, "issues": issues,
                     "index": resolve::index_path(&a.slug, ita.year)}),
    }
}

/// The checklist for pasting: code, name, address, state.
pub fn ita_csv(site: &Site, a: &Authority, ita: &ItaYear, catalogue: &Catalogue) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    let _ = w.write_record(["code", "name", "address", "state", "points_to"]);
    for e in resolve::resolve(a, ita, catalogue) {
        let points_to = match &e.state {
            State::Produced(p) => format!("{}{}", site.base_url, p.path),
            State::Given(list) => list
                .iter()
                .map(|x| match x {
                    Evidence::File(f) => format!("{}{}", site.base_url, paths::file(&a.slug, f)),
                    Evidence::Link { url, .. } => url.clone(),
                })
                .collect::<Vec<_>>()
                .join(" | "),
            State::Missing(_) => String::new(),
        };
        let address = format!("{}{}", site.base_url, resolve::item_path(&a.slug, ita.year, e.item));
        let name = crate::render::data::csv_text(&e.item.name);
        let _ = w.write_record([e.item.code.as_str(), &name, &address, e.state.code(), &points_to]);
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn tags_out_words_in() {
        assert_eq!(super::strip_tags("<p>๔.เพิ่มความโปร่งใส</p><p>ต่อ</p>"), "๔.เพิ่มความโปร่งใส ต่อ");
        assert_eq!(super::strip_tags("a<br>b"), "a b");
        assert_eq!(super::strip_tags("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
    }
}
