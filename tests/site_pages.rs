//! The published pages, parsed as a browser would (scraper): every page has a title and
//! lang="th", every internal link resolves, the real documents' figures appear where a
//! reader looks for them, and no content string reaches the page unescaped.

use prongsai::build::{load_and_check, render_site};
use prongsai::render::paths::decode;
use prongsai::render::site::Options;
mod common;
use common::{copy_dir, root};
use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Builds `content` in memory: path below the site root → bytes.
fn build(content: &Path, minify: bool) -> BTreeMap<String, Vec<u8>> {
    let loaded = load_and_check(content);
    assert!(!loaded.diags.has_errors(), "content has errors");
    let files =
        render_site(&loaded.content, content, Options { minify, ..Default::default() }).expect("build succeeds");
    let mut map = BTreeMap::new();
    for f in files {
        assert!(map.insert(f.path.clone(), f.bytes).is_none(), "{} written twice", f.path);
    }
    map
}

fn example() -> &'static BTreeMap<String, Vec<u8>> {
    static SITE: std::sync::OnceLock<BTreeMap<String, Vec<u8>>> = std::sync::OnceLock::new();
    SITE.get_or_init(|| build(&root().join("content"), true))
}

fn page(site: &BTreeMap<String, Vec<u8>>, path: &str) -> Html {
    let bytes = site.get(path).unwrap_or_else(|| panic!("{path} not built"));
    Html::parse_document(std::str::from_utf8(bytes).unwrap())
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text_of(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&sel(css))
        .map(|e| e.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn html_pages(site: &BTreeMap<String, Vec<u8>>) -> impl Iterator<Item = (&String, Html)> {
    site.iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, Html::parse_document(std::str::from_utf8(b).unwrap())))
}

#[test]
fn every_address_of_site_md_exists() {
    let site = example();
    for p in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "feed.xml",
        "robots.txt",
        "provinces/roi-et/index.html",
        "bueng-nakhon/index.html",
        "bueng-nakhon/data/index.html",
        "bueng-nakhon/plans/2566-2570/index.html",
        "bueng-nakhon/plans/2566-2570/items/1.1-1/index.html",
        "tua-yang/reports/2567-6m/index.html",
        "tua-yang/reports/2567-12m/index.html",
        "sisaket-pao/plans/2561-2564/index.html",
        "assets/style.css",
        "assets/fonts/OFL.txt",
    ] {
        assert!(site.contains_key(p), "{p} missing");
    }
    // One item page per plan item.
    let items = site.keys().filter(|k| k.starts_with("bueng-nakhon/plans/2566-2570/items/")).count();
    assert_eq!(items, 27);
}

#[test]
fn every_page_has_a_title_and_lang_th() {
    let mut n = 0;
    for (path, doc) in html_pages(example()) {
        let lang = doc.select(&sel("html")).next().and_then(|h| h.value().attr("lang").map(String::from));
        assert_eq!(lang.as_deref(), Some("th"), "{path}");
        let title = text_of(&doc, "head > title");
        assert!(title.len() == 1 && !title[0].is_empty(), "{path}: {title:?}");
        assert_eq!(text_of(&doc, "h1").len(), 1, "{path}: one h1");
        n += 1;
    }
    assert!(n > 100, "{n} pages");
}

/// Resolves `href` found on the page at `from` (a file path) to a file of the site.
fn resolve(from: &str, href: &str, base_path: &str) -> Option<String> {
    let href = href.split(['#', '?']).next().unwrap_or("");
    if href.is_empty() {
        return Some(from.to_string());
    }
    let mut parts: Vec<&str> = if let Some(abs) = href.strip_prefix(base_path) {
        abs.split('/').collect()
    } else {
        let mut base: Vec<&str> = from.split('/').collect();
        base.pop();
        base.extend(href.split('/'));
        base
    };
    let mut out: Vec<&str> = Vec::new();
    let last_empty = parts.last() == Some(&"");
    parts.retain(|p| !p.is_empty());
    for p in parts {
        match p {
            "." => {}
            ".." => {
                out.pop()?;
            }
            p => out.push(p),
        }
    }
    let mut path = decode(&out.join("/"));
    if last_empty || path.is_empty() {
        path = if path.is_empty() { "index.html".into() } else { format!("{path}/index.html") };
    }
    Some(path)
}

#[test]
fn every_internal_link_resolves() {
    let site = example();
    let mut checked = 0;
    let ids = |doc: &Html| {
        doc.select(&sel("[id]")).filter_map(|e| e.value().attr("id").map(String::from)).collect::<Vec<_>>()
    };
    for (path, doc) in html_pages(site) {
        for el in doc.select(&sel("a[href], link[href], img[src], script[src]")) {
            let href = el.value().attr("href").or(el.value().attr("src")).unwrap();
            if href.starts_with("https://") || href.starts_with("http://") || href.starts_with("mailto:") {
                continue;
            }
            let target =
                resolve(path, href, "/transparency/").unwrap_or_else(|| panic!("{path}: {href} leaves the site"));
            assert!(site.contains_key(&target), "{path}: link {href} → {target} does not exist");
            if let Some(frag) = href.split_once('#').map(|x| x.1) {
                let target_doc = page(site, &target);
                assert!(ids(&target_doc).iter().any(|i| i == &decode(frag)), "{path}: #{frag} not found in {target}");
            }
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked} links");
}

#[test]
fn sitemap_lists_every_page_with_absolute_addresses() {
    let site = example();
    let sitemap = String::from_utf8(site["sitemap.xml"].clone()).unwrap();
    let pages = site.keys().filter(|k| k.ends_with("index.html")).count();
    assert_eq!(sitemap.matches("<loc>https://example.go.th/transparency/").count(), pages);
    let feed = String::from_utf8(site["feed.xml"].clone()).unwrap();
    assert_eq!(feed.matches("<entry>").count(), 2, "one entry per report round");
    assert!(feed.contains("<id>https://example.go.th/transparency/tua-yang/reports/2567-12m/</id>"));
    assert!(
        String::from_utf8_lossy(&site["robots.txt"])
            .contains("Sitemap: https://example.go.th/transparency/sitemap.xml")
    );
}

#[test]
fn bueng_nakhon_figures_appear_on_the_plan_page() {
    let doc = page(example(), "bueng-nakhon/plans/2566-2570/index.html");
    let plan_total = text_of(&doc, ".plan-total .row-total").join(" ");
    assert!(plan_total.contains("(27 รายการ; รวมทุกปี 205,000 บาท)"), "{plan_total}");
    assert_eq!(plan_total.matches("41,000").count(), 5, "{plan_total}");
    // The document prints 33,300 for dimension 1 in 2569; the items add up to 33,000.
    let totals = text_of(&doc, ".row-total");
    let dim1 = totals.iter().find(|t| t.contains("มิติที่ 1")).unwrap();
    assert!(dim1.contains("33,000") && dim1.contains("เอกสารระบุ 33,300"), "{dim1}");
    let diffs = text_of(&doc, "#sec-diffs ~ .table-scroll tbody tr");
    assert!(diffs.iter().any(|d| d.contains("ภารกิจที่ 1.1") && d.contains("7") && d.contains("4")), "{diffs:?}");
    let glance = text_of(&doc, ".figures dd").join(" | ");
    assert!(glance.starts_with("205,000 บาท | 27 | 3 | 24"), "{glance}");
}

#[test]
fn sisaket_figures_and_not_stated_budgets() {
    let doc = page(example(), "sisaket-pao/plans/2561-2564/index.html");
    let glance = text_of(&doc, ".figures dd").join(" | ");
    assert!(glance.starts_with("14,159,500 บาท | 71 | 15 | 56"), "{glance}");
    // Items without an amount say so; they are never shown as 0.
    assert!(doc.select(&sel("td.ns")).count() > 100);
    assert!(text_of(&doc, "td.ns").iter().all(|t| t == "ไม่ระบุ"));
    let diffs = text_of(&doc, "#sec-diffs ~ .table-scroll tbody tr");
    assert!(diffs.iter().any(|d| d.starts_with("มิติที่ 2 จำนวนรายการ – 19 21")), "{diffs:?}");
}

#[test]
fn din_daeng_dashboard_shows_its_ita_year() {
    let doc = page(example(), "din-daeng/index.html");
    let ita = text_of(&doc, "#ita + ul li");
    assert_eq!(ita.len(), 1);
    assert!(ita[0].contains("2568") && ita[0].contains("10 รายการ"), "{ita:?}");
}

#[test]
fn a_round_shows_completion_with_the_awaiting_count_beside_it() {
    let doc = page(example(), "tua-yang/reports/2567-12m/index.html");
    let figures = text_of(&doc, ".figures dd");
    assert_eq!(figures[0], "14");
    assert!(figures[2].starts_with("69.23%") && figures[2].contains("(รอรายงาน 1 รายการ)"), "{figures:?}");
    assert!(figures[3].starts_with("87.80%") && figures[3].contains("77,490 / 88,256.40 บาท"), "{figures:?}");
    // The chart has a text equivalent: the status table with the same counts.
    let counts = text_of(&doc, "#summary ~ .table-scroll .status-table tbody td.num");
    assert_eq!(counts, vec!["9", "2", "1", "1", "1"]);
    assert!(doc.select(&sel("svg[role=img] title")).next().is_some());
    // Six months: the item missing from the round is marked as such.
    let six = page(example(), "tua-yang/reports/2567-6m/index.html");
    assert!(text_of(&six, ".report-table tr").iter().any(|r| r.contains("4.2-1") && r.contains("ไม่มีในรายงานรอบนี้")));
}

#[test]
fn an_item_page_shows_its_status_in_every_round() {
    let doc = page(example(), "tua-yang/plans/2567-2570/items/1.1-1/index.html");
    let rounds = text_of(&doc, ".timeline > li");
    assert_eq!(rounds.len(), 2, "{rounds:?}");
    assert!(rounds[0].contains("รอบ 6 เดือน ปีงบประมาณ 2567") && rounds[1].contains("รอบ 12 เดือน"));
}

#[test]
fn thai_digits_when_the_site_asks() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), dir.path());
    let site_yaml = dir.path().join("site.yaml");
    let text = std::fs::read_to_string(&site_yaml).unwrap();
    std::fs::write(&site_yaml, format!("{}\ndigits: thai\n", text.trim_end().replace("digits: arabic", ""))).unwrap();
    let site = build(dir.path(), true);
    let doc = page(&site, "demo/plans/2566-2570/index.html");
    let glance = text_of(&doc, ".figures dd").join(" | ");
    assert!(glance.starts_with("๕๑,๗๕๐.๕๐ บาท | ๔ | ๓ | ๑"), "{glance}");
    assert!(!glance.chars().any(|c| c.is_ascii_digit()), "{glance}");
    // Addresses keep their ASCII digits.
    assert!(doc.select(&sel("a[href*='2566-2570']")).next().is_some());
}

const ATTACKS: &[&str] = &[
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "' onmouseover='alert(1)",
    "<style>body{display:none}</style>",
    "\u{202E}gpj.exe",
    "{{ site.title }}{% raw %}",
];

#[test]
fn no_content_string_reaches_a_page_unescaped() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), dir.path());
    let yaml_str =
        |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"").replace('\u{202E}', "\\u202E"));
    let auth = dir.path().join("demo/authority.yaml");
    let text = std::fs::read_to_string(&auth)
        .unwrap()
        .replace("name: องค์การบริหารส่วนตำบลตัวอย่าง", &format!("name: {}", yaml_str(ATTACKS[0])))
        .replace("district: เมืองขอนแก่น", &format!("district: {}", yaml_str(ATTACKS[2])))
        .replace("address: 99 หมู่ 1 ตำบลตัวอย่าง", &format!("address: {}", yaml_str(ATTACKS[4])));
    std::fs::write(&auth, text).unwrap();
    let plan = dir.path().join("demo/plans/2566-2570.yaml");
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("title: โครงการอบรมคุณธรรมจริยธรรม", &format!("title: {}", yaml_str(ATTACKS[1])))
        .replace("title: กิจกรรมเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", &format!("title: {}", yaml_str(ATTACKS[5])))
        .replace("owner: กองคลัง\n", &format!("owner: {}\n", yaml_str(ATTACKS[6])))
        .replace("title: โครงการเวทีประชาคมหมู่บ้าน", &format!("title: {}", yaml_str(ATTACKS[7])));
    std::fs::write(&plan, text).unwrap();
    let md = dir.path().join("demo/plans/2566-2570/1.1-1.md");
    let mut text = std::fs::read_to_string(&md).unwrap();
    text = text.replace("title: โครงการอบรมคุณธรรมจริยธรรม", &format!("title: {}", yaml_str(ATTACKS[1])));
    text.push_str("\n<script>alert(2)</script>\n\n[click](javascript:alert(3)) [data](data:text/html,x) <b onclick=\"x()\">b</b>\n\n![i](javascript:alert(4))\n");
    std::fs::write(&md, text).unwrap();
    let site = build(dir.path(), true);
    let mut seen = std::collections::BTreeSet::new();
    for (path, doc) in html_pages(&site) {
        assert!(
            doc.select(&sel("script:not([src]), style, iframe, object, embed")).next().is_none(),
            "{path}: active element"
        );
        // The only scripts are the theme's own files (the ITA copy button, search), none inline.
        for s in doc.select(&sel("script[src]")) {
            let src = s.value().attr("src").unwrap();
            let own =
                src.ends_with("assets/copy.js") || (path == "search/index.html" && src.ends_with("assets/search.js"));
            assert!(own && s.text().next().is_none(), "{path}: script {src}");
        }
        for el in doc.select(&sel("*")) {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "{path}: event attribute {name}={value}");
                let v = value.trim().to_ascii_lowercase();
                assert!(!v.starts_with("javascript:") && !v.starts_with("data:"), "{path}: {name}={value}");
            }
        }
        let text: String = doc.root_element().text().collect();
        for (i, a) in ATTACKS.iter().enumerate() {
            if text.contains(a) {
                seen.insert(i);
            }
        }
    }
    // Every attack is shown to the reader literally, as the text it is.
    let all: std::collections::BTreeSet<usize> = [0, 1, 2, 4, 5, 6, 7].into_iter().collect();
    assert_eq!(seen, all);
}

#[test]
fn pages_work_under_a_sub_path_with_relative_links() {
    // Every internal link is relative, except 404.html which a host serves at any address.
    for (path, doc) in html_pages(example()) {
        for el in doc.select(&sel("a[href], link[href]")) {
            let href = el.value().attr("href").unwrap();
            let is_canonical = el.value().attr("rel") == Some("canonical");
            if path == "404.html" || is_canonical || href.starts_with("http") || href.starts_with("mailto:") {
                continue;
            }
            assert!(!href.starts_with('/'), "{path}: {href} is root-relative");
        }
    }
    let nf = page(example(), "404.html");
    let css = nf.select(&sel("link[rel=stylesheet]")).next().unwrap().value().attr("href").unwrap().to_string();
    assert!(css.starts_with("/transparency/assets/style.css"), "{css}");
}

#[test]
fn snapshots_of_plan_item_and_report_pages() {
    let site = build(&root().join("content"), false);
    for (name, path) in [
        ("plan", "tua-yang/plans/2567-2570/index.html"),
        ("item", "tua-yang/plans/2567-2570/items/1.1-1/index.html"),
        ("report", "tua-yang/reports/2567-12m/index.html"),
    ] {
        let html = String::from_utf8(site[path].clone()).unwrap();
        let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap() + 7];
        insta::assert_snapshot!(name, main);
    }
}

#[test]
fn a_failing_render_leaves_the_previous_site_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&root().join("tests/fixtures/base"), &content);
    let out = dir.path().join("site");
    let bin = assert_cmd::cargo::cargo_bin("prongsai");
    let run = || {
        std::process::Command::new(&bin)
            .args(["build", "--content"])
            .arg(&content)
            .arg("--output")
            .arg(&out)
            .output()
            .unwrap()
    };
    assert!(run().status.success());
    let before: Vec<(PathBuf, Vec<u8>)> = common::snapshot(&out);
    // A theme template that names a variable no page has: the content is fine, the render fails.
    std::fs::create_dir_all(content.join("_theme/templates")).unwrap();
    std::fs::write(
        content.join("_theme/templates/item.html"),
        "{% extends \"base.html\" %}{% block main %}{{ no_such_thing }}{% endblock %}",
    )
    .unwrap();
    let failed = run();
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(stderr.contains("no_such_thing") && stderr.contains("index.html"), "{stderr}");
    let after: Vec<(PathBuf, Vec<u8>)> = common::snapshot(&out);
    assert_eq!(before, after);
}

#[test]
fn heading_anchors_keep_thai_intact() {
    let doc = page(example(), "bueng-nakhon/plans/2566-2570/items/1.1-1/index.html");
    let ids: Vec<String> =
        doc.select(&sel(".prose :is(h2, h3, h4)[id]")).map(|e| e.value().attr("id").unwrap().to_string()).collect();
    assert!(ids.contains(&"หัวข้อของหน้านี้ในเอกสาร".to_string()), "{ids:?}");
    assert!(ids.contains(&"งบประมาณ".to_string()), "{ids:?}");
}

#[test]
fn an_english_interface_on_request() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), dir.path());
    let site_yaml = dir.path().join("site.yaml");
    let text = std::fs::read_to_string(&site_yaml).unwrap().replace("language: th", "");
    std::fs::write(&site_yaml, format!("{}\nlanguage: en\n", text.trim_end())).unwrap();
    let site = build(dir.path(), true);
    let doc = page(&site, "demo/reports/2566-6m/index.html");
    assert_eq!(doc.select(&sel("html")).next().unwrap().value().attr("lang"), Some("en"));
    let skip = text_of(&doc, ".skip-link");
    assert!(skip[0].is_ascii(), "{skip:?}");
}
