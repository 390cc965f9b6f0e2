//! What search finds, taken from the content model (never from the generated HTML): every
//! authority, plan, item, report round and ITA measure. Documents are numbered province by
//! province, and within a province kind by kind, so that the province and authority-kind
//! filters are ranges of numbers that cost the client a few bytes, not a list per document.

use crate::content::model::*;
use crate::content::provinces;
use crate::render::markdown::plain_text;
use crate::render::pages::{Ctx, plan_of};
use crate::render::paths;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocType {
    Authority,
    Plan,
    Item,
    Report,
    Measure,
}

impl DocType {
    pub fn code(self) -> &'static str {
        ["a", "p", "i", "r", "m"][self as usize]
    }
}

#[derive(Debug)]
pub struct Doc {
    pub ty: DocType,
    pub title: String,
    /// Site-relative address of the page (`a/plans/p/items/1/`).
    pub url: String,
    /// Index into `content.authorities`.
    pub authority: usize,
    /// The plan (or round) the document belongs to, shown beside it.
    pub context: String,
    pub item_kind: Option<Kind>,
    pub dimension: Option<u32>,
    /// For an item: its status in the latest round of its plan that mentions it.
    pub status: Option<Status>,
    /// First and last fiscal year the document concerns.
    pub years: Option<(i32, i32)>,
    /// Separate texts; trigrams never cross from one to the next.
    pub body: Vec<String>,
}

/// A run of documents of one province and one authority kind: `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub province: usize,
    pub kind: AuthorityKind,
    pub start: u32,
    pub end: u32,
}

pub struct Docs {
    pub docs: Vec<Doc>,
    /// (slug, name) of every province that has an authority; a province not in the national
    /// list keeps its name as slug.
    pub provinces: Vec<(String, String)>,
    pub groups: Vec<Group>,
}

/// Thai dictionary order puts a leading vowel (เ แ โ ใ ไ) after the consonant it precedes;
/// swapping the two gives a key that sorts close enough to it for a list of provinces.
pub fn thai_sort_key(s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i + 1 < chars.len() {
        if ('\u{0E40}'..='\u{0E44}').contains(&chars[i]) {
            chars.swap(i, i + 1);
            i += 2;
        } else {
            i += 1;
        }
    }
    chars.into_iter().collect()
}

/// (slug, name) of the authority's province; a province not in the list keeps its name.
pub fn province_of(a: &Authority) -> (String, String) {
    let name = crate::render::pages::province_name(&a.province);
    let slug = provinces::slug(&a.province).map(String::from).unwrap_or_else(|| name.clone());
    (slug, name)
}

/// The order the index numbers documents in: authorities province by province, kind by
/// kind, then by Thai name; and the provinces in Thai order.
pub struct Order {
    /// (province index, authority index), in numbering order.
    pub authorities: Vec<(usize, usize)>,
    /// (slug, name) of every province that has an authority; a province not in the national
    /// list keeps its name as slug.
    pub provinces: Vec<(String, String)>,
}

pub fn order(ctx: &Ctx) -> Order {
    let authorities = &ctx.content.authorities;
    let mut province_names: BTreeMap<String, String> = BTreeMap::new();
    for a in authorities {
        let (slug, name) = province_of(a);
        province_names.entry(slug).or_insert(name);
    }
    let mut provinces: Vec<(String, String)> = province_names.into_iter().collect();
    provinces.sort_by_key(|(slug, name)| (thai_sort_key(name), slug.clone()));
    let province_index: BTreeMap<&str, usize> =
        provinces.iter().enumerate().map(|(i, (slug, _))| (slug.as_str(), i)).collect();

    let mut order: Vec<(usize, usize)> =
        authorities.iter().enumerate().map(|(i, a)| (province_index[province_of(a).0.as_str()], i)).collect();
    // Cached: the Thai sort key allocates, and a comparator would build it n log n times.
    order.sort_by_cached_key(|&(p, i)| {
        let a = &authorities[i];
        (p, a.kind, thai_sort_key(&a.name), a.slug.clone())
    });
    Order { authorities: order, provinces }
}

/// Extends `groups` with the documents `start..end` of an authority of kind `kind` in
/// province `province`.
pub fn extend_groups(groups: &mut Vec<Group>, province: usize, kind: AuthorityKind, start: u32, end: u32) {
    match groups.last_mut() {
        Some(g) if g.province == province && g.kind == kind => g.end = end,
        _ => groups.push(Group { province, kind, start, end }),
    }
}

/// Every document of the site, numbered as the index numbers them. The index itself takes
/// them an authority at a time ([`authority_docs`]) so it never holds every text at once.
pub fn collect(ctx: &Ctx) -> Docs {
    let Order { authorities, provinces } = order(ctx);
    let mut docs = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    for (p, i) in authorities {
        let start = docs.len() as u32;
        docs.extend(authority_docs(ctx, i));
        extend_groups(&mut groups, p, ctx.content.authorities[i].kind, start, docs.len() as u32);
    }
    Docs { docs, provinces, groups }
}

/// What the search page's filters offer and the index's year codes: the highest dimension
/// of any item, and every distinct (first, last) fiscal-year span of any document, sorted.
/// Read from the content, without making the documents; [`authority_docs`] gives the same
/// spans (a test holds them together).
pub struct Facts {
    pub max_dimension: u32,
    pub year_spans: Vec<(i32, i32)>,
}

pub fn facts(ctx: &Ctx) -> Facts {
    let mut max_dimension = 0;
    let mut spans = std::collections::BTreeSet::new();
    for a in &ctx.content.authorities {
        for p in &a.plans {
            max_dimension = p.items.iter().map(|i| i.dimension).fold(max_dimension, u32::max);
            if let (Some(f), Some(l)) = (p.fiscal_years.first(), p.fiscal_years.last()) {
                spans.insert((*f, *l));
            }
        }
        for r in &a.reports {
            spans.insert((r.fiscal_year, r.fiscal_year));
        }
        for y in &a.ita {
            if ctx.catalogues.contains_key(&y.year) && y.issues.iter().any(|i| !i.measures.is_empty()) {
                spans.insert((y.year, y.year));
            }
        }
    }
    Facts { max_dimension, year_spans: spans.into_iter().collect() }
}

/// The documents of authority `ai`, in the order the index numbers them.
pub fn authority_docs(ctx: &Ctx, ai: usize) -> Vec<Doc> {
    let mut out = Vec::new();
    push_authority_docs(ctx, ai, &mut out);
    out
}

fn push_authority_docs(ctx: &Ctx, ai: usize, out: &mut Vec<Doc>) {
    let a = &ctx.content.authorities[ai];
    let doc = |ty, title: String, url: String| Doc {
        ty,
        title,
        url,
        authority: ai,
        context: String::new(),
        item_kind: None,
        dimension: None,
        status: None,
        years: None,
        body: Vec::new(),
    };
    let mut home = doc(DocType::Authority, a.name.clone(), paths::authority(&a.slug));
    home.context = ctx.authority_kind_label(a.kind);
    home.body =
        [Some(&a.province), a.district.as_ref(), a.subdistrict.as_ref()].into_iter().flatten().cloned().collect();
    out.push(home);

    for p in &a.plans {
        let years = match (p.fiscal_years.first(), p.fiscal_years.last()) {
            (Some(f), Some(l)) => Some((*f, *l)),
            _ => None,
        };
        let mut d = doc(DocType::Plan, p.title.clone(), paths::plan(&a.slug, &p.slug));
        d.years = years;
        d.body = p.dimensions.iter().map(|d| d.title.clone()).collect();
        d.body.extend(p.intro.iter().map(|m| plain_text(&m.text)));
        out.push(d);
        let latest = latest_statuses(ctx, ai, p);
        for item in &p.items {
            let mut d = doc(DocType::Item, item.title.clone(), paths::item(&a.slug, &p.slug, &item.id));
            d.context = p.title.clone();
            d.item_kind = Some(item.kind);
            d.dimension = Some(item.dimension);
            d.status = latest.get(item.id.as_str()).copied();
            d.years = years;
            d.body = item.owner.clone();
            d.body.extend(item.note.clone());
            if let Some(page) = p.details.get(&item.id) {
                d.body.extend(detail_text(page));
            }
            out.push(d);
        }
    }
    for r in &a.reports {
        let mut d = doc(
            DocType::Report,
            format!("{} {}", ctx.s("report_title"), ctx.round_title(r)),
            paths::report(&a.slug, &r.slug),
        );
        d.context = plan_of(a, r).map(|(_, p)| p.title.clone()).unwrap_or_default();
        d.years = Some((r.fiscal_year, r.fiscal_year));
        // A standalone round's items have no page of their own: their titles lead here.
        d.body = r.items.iter().filter_map(|i| if i.item.is_none() { i.title.clone() } else { None }).collect();
        d.body.extend(r.items.iter().filter_map(|i| i.note.clone()));
        out.push(d);
    }
    for y in &a.ita {
        if !ctx.catalogues.contains_key(&y.year) {
            continue;
        }
        let page = crate::ita::resolve::measures_path(&a.slug, y.year);
        for (n, issue) in y.issues.iter().enumerate() {
            for m in &issue.measures {
                let mut d = doc(DocType::Measure, m.title.clone(), format!("{page}#issue-{}", n + 1));
                d.context = format!("{} ITA {}", ctx.s("ita_measures"), ctx.fmt.year(y.year));
                d.years = Some((y.year, y.year));
                d.body = vec![issue.title.clone()];
                d.body.extend(m.steps.iter().cloned());
                d.body.extend([&m.result, &m.outcome, &m.owner].into_iter().flatten().cloned());
                d.body.extend(m.notes.iter().cloned());
                out.push(d);
            }
        }
    }
}

/// Item id → its status in the latest round of `plan` (an item that round leaves out is
/// awaiting its report, as the round's own page counts it).
fn latest_statuses<'a>(ctx: &'a Ctx, ai: usize, plan: &Plan) -> BTreeMap<&'a str, Status> {
    let a = &ctx.content.authorities[ai];
    let latest = (0..a.reports.len())
        .filter(|&r| a.reports[r].plan.as_deref() == Some(plan.slug.as_str()))
        .max_by_key(|&r| (a.reports[r].fiscal_year, a.reports[r].period));
    let Some(r) = latest else { return BTreeMap::new() };
    ctx.figures[ai].rounds[r].items.iter().filter_map(|i| Some((i.id.as_deref()?, i.status))).collect()
}

fn detail_text(page: &DetailPage) -> Vec<String> {
    let mut out: Vec<String> = [&page.target_group, &page.area, &page.period].into_iter().flatten().cloned().collect();
    for list in [&page.objectives, &page.method, &page.outputs, &page.outcomes] {
        out.extend(list.iter().cloned());
    }
    out.extend(page.indicators.iter().map(|i| i.name.clone()));
    out.extend(page.budget_lines.iter().map(|l| l.label.clone()));
    out.extend(plain_text(&page.body.text).lines().filter(|l| !l.trim().is_empty()).map(String::from));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn leading_vowels_sort_after_their_consonant() {
        let mut names = vec!["เชียงใหม่", "ชัยนาท", "กระบี่", "แพร่", "พะเยา"];
        names.sort_by_key(|n| super::thai_sort_key(n));
        assert_eq!(names, ["กระบี่", "ชัยนาท", "เชียงใหม่", "พะเยา", "แพร่"]);
    }

    /// The facts read from the content are those of the documents, on the example content
    /// (real plans, reports and ITA years).
    #[test]
    fn facts_are_those_of_the_documents() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let loaded = crate::build::load_and_check(&dir);
        let prepared = crate::build::Prepared::load(&loaded.content, &dir).expect("theme and catalogues");
        let figures = crate::compute::site(&loaded.content);
        let ctx = prepared.ctx(&loaded.content, &figures);
        let docs = super::collect(&ctx);
        let facts = super::facts(&ctx);
        let mut spans: Vec<(i32, i32)> = docs.docs.iter().filter_map(|d| d.years).collect();
        spans.sort_unstable();
        spans.dedup();
        assert!(spans.len() > 2, "{spans:?}");
        assert_eq!(facts.year_spans, spans);
        let max_dimension = docs.docs.iter().filter_map(|d| d.dimension).max();
        assert_eq!(Some(facts.max_dimension), max_dimension);
    }
}
