//! A portal at national scale (issue 7): past 60 authorities the home page lists provinces,
//! not authorities; province pages are compact tables grouped by district; and the figures
//! on both are the sums of what each authority's own open data (plan.json, report.json) says.
//! The portals are made by common::portal from the base fixture, so no release build of the
//! synthetic generator is needed.

mod common;

use common::{portal, portal_authority, portal_district, portal_slug};
use prongsai::build::{Prepared, authority_files, load_and_check};
use prongsai::content::model::Content;
use prongsai::render::site::{Options, Renderer};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

/// Where authority `k` of the national test portal lives: (province as written, its slug,
/// written here by hand rather than looked up). Four authorities sit in provinces that are
/// not in the national list; the known ones are written the ways officers write them (with
/// "จังหวัด", with a decomposed sara am).
fn province_of(k: usize) -> (String, Option<&'static str>) {
    match k {
        0..=2 => ("เมืองสมมุติ".into(), None),
        3 => ("จังหวัดแดนไกล".into(), None),
        _ => match k % 10 {
            0..=4 => ("ร้อยเอ็ด".into(), Some("roi-et")),
            5 | 6 if k % 2 == 1 => ("จังหวัดขอนแก่น".into(), Some("khon-kaen")),
            5 | 6 => ("ขอนแก่น".into(), Some("khon-kaen")),
            7 => ("เชียงใหม่".into(), Some("chiang-mai")),
            8 => ("สงขลา".into(), Some("songkhla")),
            _ if k % 20 == 9 => ("อ\u{0E4D}\u{0E32}นาจเจริญ".into(), Some("amnat-charoen")),
            _ => ("อำนาจเจริญ".into(), Some("amnat-charoen")),
        },
    }
}

const UNLISTED: [usize; 4] = [0, 1, 2, 3];

/// A portal's home, 404 and province pages (not minified), and its authorities' JSON files.
struct Portal {
    n: usize,
    pages: BTreeMap<String, String>,
    data: BTreeMap<String, Value>,
}

fn load(dir: &Path) -> Content {
    let loaded = load_and_check(dir);
    assert!(!loaded.diags.has_errors(), "the generated portal has errors");
    loaded.content
}

fn render(dir: &Path) -> Portal {
    let content = load(dir);
    let prepared = Prepared::load(&content, dir).unwrap();
    let figures = prongsai::compute::site(&content);
    let ctx = prepared.ctx(&content, &figures);
    let renderer = Renderer::new(&content, &prepared.theme, Options { minify: false, ..Default::default() });
    let top = renderer.portal_pages(&ctx, None).unwrap();
    let pages = top.files.into_iter().map(|f| (f.path, String::from_utf8(f.bytes).unwrap())).collect();
    let mut data = BTreeMap::new();
    for i in 0..content.authorities.len() {
        for f in authority_files(&ctx, dir, i).unwrap() {
            if f.path.ends_with(".json") {
                data.insert(f.path, serde_json::from_slice(&f.bytes).unwrap());
            }
        }
    }
    Portal { n: content.authorities.len(), pages, data }
}

/// 300 authorities in five provinces (146 in Roi Et) and two provinces not in the list.
fn national() -> &'static Portal {
    static P: OnceLock<Portal> = OnceLock::new();
    P.get_or_init(|| render(portal(300, |k| province_of(k).0).path()))
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn doc(p: &Portal, path: &str) -> Html {
    Html::parse_document(p.pages.get(path).unwrap_or_else(|| panic!("{path} not built")))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text(e: ElementRef) -> String {
    squash(&e.text().collect::<String>())
}

/// A cell's figure and the note under it (`<small>`), as a reader sees them.
fn cell(e: ElementRef) -> (String, String) {
    let small = e.select(&sel("small")).next().map(text).unwrap_or_default();
    let all: String = e.text().collect();
    let main =
        all.strip_suffix(&e.select(&sel("small")).next().map(|s| s.text().collect::<String>()).unwrap_or_default());
    (squash(main.unwrap_or(&all)), small)
}

/// An amount of the JSON (baht, at most two decimals, exact) in satang.
fn satang(v: &Value) -> i64 {
    let s = v.to_string();
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    whole.parse::<i64>().unwrap() * 100 + format!("{frac:0<2}")[..2].parse::<i64>().unwrap()
}

/// 1234567.5 baht → "1,234,567.50"; whole baht without decimals.
fn baht(satang: i64) -> String {
    let whole = (satang / 100).to_string();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if satang % 100 == 0 { out } else { format!("{out}.{:02}", satang % 100) }
}

/// 1234 → "1,234".
fn count(n: u64) -> String {
    baht(n as i64 * 100)
}

/// num ÷ den rounded half up to four decimals, as a percentage with two ("64.53%", "50%").
fn percent(num: u64, den: u64) -> Option<String> {
    (den > 0).then(|| {
        let t = (num * 20_000 + den) / (2 * den);
        if t.is_multiple_of(100) { format!("{}%", t / 100) } else { format!("{}.{:02}%", t / 100, t % 100) }
    })
}

/// What authority `slug`'s open data says of its current plan (reaching furthest) and its
/// latest round (latest year, 12 months after 6).
#[derive(Default)]
struct Own {
    /// Budget total, items with some year not stated, years ("2566–2570").
    plan: Option<(i64, u64, String)>,
    /// Round slug, done, items, awaiting.
    round: Option<(String, u64, u64, u64)>,
}

fn own(p: &Portal, slug: &str) -> Own {
    let mine = p.data.iter().filter(|(k, _)| k.starts_with(&format!("{slug}/")));
    // The newest so far, with its sort key: (last year, years) for a plan, (year, 12 months) for a round.
    let mut plan: Option<(&Value, (i64, usize))> = None;
    let mut round: Option<(&str, &Value, (i64, bool))> = None;
    for (path, v) in mine {
        if path.ends_with("/plan.json") {
            let years = v["plan"]["fiscal_years"].as_array().unwrap();
            let key = (years.last().unwrap().as_i64().unwrap(), years.len());
            if plan.is_none_or(|(_, k)| key > k) {
                plan = Some((v, key));
            }
        } else if path.ends_with("/report.json") {
            let key = (v["fiscal_year"].as_i64().unwrap(), v["period"] == "12m");
            if round.is_none_or(|(_, _, k)| key > k) {
                round = Some((path.split('/').nth(2).unwrap(), v, key));
            }
        }
    }
    Own {
        plan: plan.map(|(v, _)| {
            let not_stated = v["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["budget"].as_object().unwrap().values().any(Value::is_null));
            let years = v["plan"]["fiscal_years"].as_array().unwrap();
            (
                satang(&v["totals"]["budget_total"]),
                not_stated.count() as u64,
                format!("{}–{}", years[0], years.last().unwrap()),
            )
        }),
        round: round.map(|(slug, v, _)| {
            let t = &v["totals"];
            let n = |s: &str| t["by_status"][s].as_u64().unwrap();
            (slug.to_string(), n("done"), t["items"].as_u64().unwrap(), n("awaiting_report"))
        }),
    }
}

/// A group's figures, added up in the test from each authority's open data.
#[derive(Default, Debug)]
struct Sums {
    authorities: u64,
    with_plan: u64,
    budget: i64,
    not_stated: u64,
    with_round: u64,
    done: u64,
    reported: u64,
    awaiting: u64,
}

impl Sums {
    fn of(p: &Portal, ks: impl IntoIterator<Item = usize>) -> Sums {
        let mut s = Sums::default();
        for k in ks {
            let o = own(p, &portal_slug(k));
            s.authorities += 1;
            if let Some((budget, ns, _)) = o.plan {
                s.with_plan += 1;
                s.budget += budget;
                s.not_stated += ns;
            }
            if let Some((_, done, items, awaiting)) = o.round {
                s.with_round += 1;
                s.done += done;
                s.reported += items - awaiting;
                s.awaiting += awaiting;
            }
        }
        s
    }

    /// The cells of a row of the province table, as (figure, note).
    fn cells(&self) -> Vec<(String, String)> {
        let budget = if self.with_plan == 0 {
            ("ยังไม่มีแผน".into(), String::new())
        } else {
            (baht(self.budget), if self.not_stated > 0 { format!("ไม่ระบุ {}", self.not_stated) } else { String::new() })
        };
        let completion = if self.with_round == 0 {
            ("ยังไม่มีรายงานผล".into(), String::new())
        } else {
            (percent(self.done, self.reported).unwrap_or("คำนวณไม่ได้".into()), format!("(รอรายงาน {})", self.awaiting))
        };
        vec![
            (count(self.authorities), String::new()),
            (count(self.with_plan), String::new()),
            budget,
            (count(self.with_round), String::new()),
            completion,
        ]
    }
}

/// Headings in order: one h1 first, and no level skipped on the way down.
fn assert_headings_in_order(path: &str, d: &Html) {
    let levels: Vec<u8> =
        d.select(&sel("main :is(h1, h2, h3, h4, h5, h6)")).map(|h| h.value().name()[1..].parse().unwrap()).collect();
    assert_eq!(levels.first(), Some(&1), "{path}");
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1, "{path}");
    for w in levels.windows(2) {
        assert!(w[1] <= w[0] + 1, "{path}: h{} after h{}", w[1], w[0]);
    }
}

/// Every table has a caption; column headers say scope="col", row headers scope="row".
fn assert_tables_accessible(path: &str, d: &Html) {
    for t in d.select(&sel("main table")) {
        assert!(
            t.select(&sel("caption")).next().is_some_and(|c| !text(c).is_empty()),
            "{path}: a table without caption"
        );
        assert!(t.select(&sel("thead th")).all(|th| th.value().attr("scope") == Some("col")), "{path}");
        for th in t.select(&sel("tbody th, tfoot th")) {
            let scope = th.value().attr("scope");
            assert!(
                scope == Some("row") || scope == Some("rowgroup") && th.value().attr("colspan").is_some(),
                "{path}"
            );
        }
    }
}

fn known_slugs(n: usize) -> BTreeSet<&'static str> {
    (0..n).filter_map(|k| province_of(k).1).collect()
}

#[test]
fn a_large_home_lists_the_provinces_not_the_authorities() {
    let p = national();
    let html = &p.pages["index.html"];
    // 158 KB with a card per authority; a row per province stays small at any size.
    assert!(html.len() < 40_000, "home is {} bytes for {} authorities", html.len(), p.n);
    let home = doc(p, "index.html");
    assert_headings_in_order("index.html", &home);
    assert_tables_accessible("index.html", &home);
    // One row per province in the national list, each linking to a page that exists, then
    // one row for the provinces not in the list, linking to their section below.
    let linked: Vec<String> = home
        .select(&sel(".portal-table tbody th[scope=row] a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let mut expected: Vec<String> = known_slugs(p.n).iter().map(|s| format!("./provinces/{s}/")).collect();
    expected.push("#unlisted".into());
    assert_eq!(linked.iter().cloned().collect::<BTreeSet<_>>(), expected.iter().cloned().collect(), "{linked:?}");
    assert_eq!(linked.len(), expected.len(), "one row per province");
    assert_eq!(linked.last().map(String::as_str), Some("#unlisted"), "the unlisted row comes last");
    for href in &linked[..linked.len() - 1] {
        let file = format!("{}index.html", href.strip_prefix("./").unwrap());
        assert!(p.pages.contains_key(&file), "{href} → {file} not built");
    }
    assert!(home.select(&sel("#unlisted")).next().is_some());
    // Provinces in Thai order: ขอนแก่น before เชียงใหม่ (ช) before ร้อยเอ็ด; its national-list name shown.
    let names: Vec<String> = home.select(&sel(".portal-table tbody th a")).map(text).collect();
    assert_eq!(names[..5], ["ขอนแก่น", "เชียงใหม่", "ร้อยเอ็ด", "สงขลา", "อำนาจเจริญ"], "{names:?}");
    // The only authorities linked from home are those of provinces not in the list, as cards.
    let unlisted: BTreeSet<String> = UNLISTED.iter().map(|k| format!("./{}/", portal_slug(*k))).collect();
    let mut authorities = BTreeSet::new();
    for a in home.select(&sel("main a[href]")) {
        let href = a.value().attr("href").unwrap();
        if href.starts_with("./provinces/") || href == "#unlisted" {
            continue;
        }
        assert!(unlisted.contains(href), "home links {href}");
        authorities.insert(href.to_string());
    }
    assert_eq!(authorities, unlisted);
    assert_eq!(home.select(&sel("#unlisted .card")).count(), UNLISTED.len());
    assert_eq!(home.select(&sel(".card")).count(), UNLISTED.len());
    let unlisted_names: Vec<String> = home.select(&sel("#unlisted h3")).map(text).collect();
    assert_eq!(unlisted_names, ["จังหวัดแดนไกล (1)", "จังหวัดเมืองสมมุติ (3)"]);
}

#[test]
fn home_figures_are_the_sums_of_the_authorities_open_data() {
    let p = national();
    let home = doc(p, "index.html");
    let mut checked = 0;
    for tr in home.select(&sel(".portal-table tbody tr")) {
        let href = tr.select(&sel("th a")).next().unwrap().value().attr("href").unwrap();
        let members: Vec<usize> = (0..p.n)
            .filter(|&k| match province_of(k).1 {
                Some(s) => href == format!("./provinces/{s}/"),
                None => href == "#unlisted",
            })
            .collect();
        let cells: Vec<(String, String)> = tr.select(&sel("td")).map(cell).collect();
        assert_eq!(cells, Sums::of(p, members).cells(), "row {href}");
        checked += 1;
    }
    assert_eq!(checked, 6);
    let total = home.select(&sel(".portal-table tfoot tr")).next().expect("a total row");
    assert_eq!(text(total.select(&sel("th")).next().unwrap()), "รวมทั้งหมด");
    let all = Sums::of(p, 0..p.n);
    assert_eq!(total.select(&sel("td")).map(cell).collect::<Vec<_>>(), all.cells());
    // The same totals lead the page; not stated items are counted beside the budget, never as 0.
    let lead: Vec<String> = home.select(&sel(".figures dd")).map(text).collect();
    assert_eq!(
        lead,
        [
            count(300),
            count(all.with_plan),
            format!("{} ไม่ระบุงบประมาณ {} รายการ", baht(all.budget), all.not_stated),
            count(all.with_round),
            format!("{} (รอรายงาน {} รายการ)", percent(all.done, all.reported).unwrap(), all.awaiting),
        ]
    );
    // The test portal has what the sums must cope with: authorities without a plan or a
    // round, satang, awaiting items, 12-month rounds after 6-month ones.
    assert!(all.with_plan < 300 && all.with_round < all.with_plan && all.budget % 100 != 0 && all.awaiting > 0);
    assert!(p.data.keys().any(|k| k.ends_with("2566-12m/report.json")));
}

#[test]
fn each_province_page_lists_exactly_its_authorities_by_district() {
    let p = national();
    let mut largest = (0, String::new());
    for slug in known_slugs(p.n) {
        let path = format!("provinces/{slug}/index.html");
        let page = doc(p, &path);
        assert_headings_in_order(&path, &page);
        assert_tables_accessible(&path, &page);
        assert_eq!(page.select(&sel(".card")).count(), 0, "{path}: no cards");
        let members: Vec<usize> = (0..p.n).filter(|&k| province_of(k).1 == Some(slug)).collect();
        let rows: Vec<ElementRef> = page.select(&sel(".authority-table tbody tr:not(.group)")).collect();
        assert_eq!(rows.len(), members.len(), "{path}: one row per authority");
        let listed: BTreeSet<String> =
            rows.iter().map(|r| r.select(&sel("th a")).next().unwrap().value().attr("href").unwrap().into()).collect();
        let expected: BTreeSet<String> = members.iter().map(|k| format!("../../{}/", portal_slug(*k))).collect();
        assert_eq!(listed, expected, "{path}");
        // Each row: the name, the current plan's budget with its years, the latest round
        // (linked to its page) and its completion rate with the awaiting count.
        for tr in &rows {
            let href = tr.select(&sel("th a")).next().unwrap().value().attr("href").unwrap();
            let k: usize = href.trim_matches(['.', '/', 'a']).parse().unwrap();
            assert_eq!(text(tr.select(&sel("th")).next().unwrap()), portal_authority(k).1);
            let o = own(p, &portal_slug(k));
            let cells: Vec<(String, String)> = tr.select(&sel("td")).map(cell).collect();
            let mut want = vec![match &o.plan {
                Some((b, 0, years)) => (baht(*b), years.clone()),
                Some((b, ns, years)) => (baht(*b), format!("{years} · ไม่ระบุ {ns}")),
                None => ("ยังไม่มีแผน".into(), String::new()),
            }];
            match &o.round {
                Some((r, done, items, awaiting)) => {
                    let link = tr.select(&sel("td a")).next().unwrap().value().attr("href").unwrap();
                    assert_eq!(link, format!("../../{}/reports/{r}/", portal_slug(k)));
                    want.push((format!("รอบ {} เดือน 2566", &r[5..r.len() - 1]), String::new()));
                    want.push((
                        percent(*done, items - awaiting).unwrap_or("คำนวณไม่ได้".into()),
                        format!("(รอรายงาน {awaiting})"),
                    ));
                }
                None => want.push(("ยังไม่มีรายงานผล".into(), String::new())),
            }
            assert_eq!(cells, want, "{path}: {href}");
        }
        // One table, grouped by district: the provincial organisation first, then each
        // district in Thai order, then those that state none; the jump list reaches each group.
        assert_eq!(page.select(&sel("main table")).count(), 1, "{path}");
        let mut titles = Vec::new();
        for group in page.select(&sel(".authority-table tbody")) {
            let head = group.select(&sel("tr.group th[scope=rowgroup]")).next().expect("a group header");
            let title = text(head);
            let title = title.split(" (").next().unwrap().to_string();
            for a in group.select(&sel("th[scope=row] a")) {
                let k: usize = a.value().attr("href").unwrap().trim_matches(['.', '/', 'a']).parse().unwrap();
                let want = match (portal_authority(k).0, portal_district(k)) {
                    ("pao", _) => "องค์การบริหารส่วนจังหวัด".to_string(),
                    (_, Some(d)) => format!("อำเภอ{d}"),
                    (_, None) => "ไม่ระบุอำเภอ".to_string(),
                };
                assert_eq!(title, want, "{path}: {k}");
            }
            titles.push(title);
        }
        let districts: Vec<&String> = titles.iter().filter(|t| t.starts_with("อำเภอ")).collect();
        let mut sorted = districts.clone();
        sorted.sort_by_key(|t| prongsai::search::docs::thai_sort_key(t));
        assert_eq!(districts, sorted, "{path}");
        let jumps: Vec<String> =
            page.select(&sel("nav.toc a")).map(|a| a.value().attr("href").unwrap().into()).collect();
        let ids: Vec<String> = page
            .select(&sel("tbody th[scope=rowgroup]"))
            .map(|s| format!("#{}", s.value().attr("id").unwrap()))
            .collect();
        assert_eq!(jumps, ids, "{path}");
        // The province's own totals lead the page.
        let s = Sums::of(p, members.iter().copied());
        let lead: Vec<String> = page.select(&sel(".figures dd")).map(text).collect();
        assert_eq!(lead[2], format!("{} ไม่ระบุงบประมาณ {} รายการ", baht(s.budget), s.not_stated), "{path}");
        largest = largest.max((members.len(), path));
    }
    assert_eq!(largest.0, 146);
    assert_eq!(doc(p, &largest.1).select(&sel("nav.toc a")).count(), 7, "pao, five districts, none");
}

#[test]
fn sixty_authorities_keep_their_cards_and_sixty_one_get_the_province_table() {
    for n in [60, 61] {
        let p = render(portal(n, |k| province_of(k).0).path());
        let home = doc(&p, "index.html");
        let cards = home.select(&sel(".card")).count();
        let rows = home.select(&sel(".portal-table tbody tr")).count();
        if n == 60 {
            assert_eq!((cards, rows), (60, 0));
        } else {
            assert_eq!((cards, rows), (UNLISTED.len(), known_slugs(n).len() + 1));
        }
    }
}

#[test]
fn a_large_portal_of_one_province_shows_its_table_on_home() {
    let p = render(portal(70, |_| "ร้อยเอ็ด".into()).path());
    let home = doc(&p, "index.html");
    assert_headings_in_order("index.html", &home);
    assert_tables_accessible("index.html", &home);
    assert_eq!(home.select(&sel(".card")).count(), 0);
    assert_eq!(home.select(&sel(".portal-table")).count(), 0, "no table of one province");
    assert_eq!(home.select(&sel(".authority-table tbody tr:not(.group)")).count(), 70);
    let to_province: Vec<&str> =
        home.select(&sel("main a[href^='./provinces/']")).map(|a| a.value().attr("href").unwrap()).collect();
    assert_eq!(to_province, ["./provinces/roi-et/"]);
    let province = doc(&p, "provinces/roi-et/index.html");
    let rows = |d: &Html| d.select(&sel(".authority-table tbody tr")).map(text).collect::<Vec<_>>();
    assert_eq!(rows(&home), rows(&province), "home and the province page list the same rows");
}

#[test]
fn portal_figures_follow_the_sites_digits() {
    let dir = portal(61, |k| province_of(k).0);
    let site_yaml = dir.path().join("site.yaml");
    let text_ = std::fs::read_to_string(&site_yaml).unwrap().replace("digits: arabic", "digits: thai");
    std::fs::write(&site_yaml, text_).unwrap();
    let p = render(dir.path());
    let mut seen = 0;
    for path in ["index.html", "provinces/roi-et/index.html"] {
        let d = doc(&p, path);
        for e in d.select(&sel(".portal-table td, .authority-table td, .figures dd, nav.toc a, .group .aside")) {
            let t = text(e);
            assert!(!t.is_empty() && !t.chars().any(|c| c.is_ascii_digit()), "{path}: {t}");
            seen += 1;
        }
    }
    assert!(seen > 100, "{seen}");
}

#[test]
fn serve_builds_only_the_province_pages_it_asks_for() {
    let dir = portal(80, |k| province_of(k).0);
    let content = load(dir.path());
    let prepared = Prepared::load(&content, dir.path()).unwrap();
    let figures = prongsai::compute::site(&content);
    let ctx = prepared.ctx(&content, &figures);
    let renderer = Renderer::new(&content, &prepared.theme, Options::default());
    let full = renderer.portal_pages(&ctx, None).unwrap();
    let full: BTreeMap<String, Vec<u8>> = full.files.into_iter().map(|f| (f.path, f.bytes)).collect();
    let only = ["provinces/chiang-mai/".to_string(), "provinces/no-such-province/".to_string()];
    let some = renderer.portal_pages(&ctx, Some(&only)).unwrap();
    assert_eq!(some.addresses, ["", "provinces/chiang-mai/"]);
    let paths: Vec<&str> = some.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["index.html", "404.html", "provinces/chiang-mai/index.html"]);
    for f in &some.files {
        assert!(full[&f.path] == f.bytes, "{} differs from the full build's", f.path);
    }
    let none = renderer.portal_pages(&ctx, Some(&[])).unwrap();
    assert_eq!(none.files.len(), 2, "home and 404 only");
}
