//! Issue 8, the security pass (docs/security.md). Three promises, each tested here:
//!
//! 1. Hostile text in content (tests/fixtures/hostile: script, event handlers, `javascript:`
//!    links, styles, frames, breakers, bidirectional overrides, control characters) never
//!    becomes markup, script or style on any page, and is still shown, as text. The data files
//!    (JSON, CSV, Excel, feed, sitemap) carry it exactly and stay well-formed.
//! 2. Nothing from outside the content folder reaches the site: paths that leave it and
//!    symbolic links pointing out of it are errors (`path:line:col: error: …`), and nothing
//!    is written.
//! 3. `serve` listens on 127.0.0.1 unless told otherwise, and serves nothing outside its
//!    output folder, however the address is spelt.

mod common;

use assert_cmd::Command;
use prongsai::build::{load_and_check, render_site};
use prongsai::render::site::Options;
use scraper::{Html, Node};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn hostile_dir() -> PathBuf {
    common::root().join("tests/fixtures/hostile")
}

fn base_dir() -> PathBuf {
    common::root().join("tests/fixtures/base")
}

/// A copy of `fixture` in a temporary folder, at `<tmp>/content`.
fn copy_of(fixture: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::copy_dir(fixture, &content);
    (tmp, content)
}

/// The hostile fixture, with (on Unix) attachments whose names are hostile too: names that
/// Windows cannot check out stay out of the repository.
fn hostile_copy() -> (tempfile::TempDir, PathBuf) {
    let (tmp, content) = copy_of(&hostile_dir());
    #[cfg(unix)]
    for name in ["\"><img src=x onerror=alert(1)>.pdf", "javascript:alert(1).pdf", "' onmouseover='alert(1).pdf"] {
        std::fs::write(content.join("demo/files").join(name), "%PDF-1.4 hostile name\n").unwrap();
    }
    (tmp, content)
}

fn site_of(content: &Path) -> BTreeMap<String, Vec<u8>> {
    let loaded = load_and_check(content);
    let errors = common::errors(&loaded);
    assert!(errors.is_empty(), "the hostile fixture must be valid content:\n{}", errors.join("\n"));
    render_site(&loaded.content, content, Options::default())
        .expect("the hostile fixture builds")
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect()
}

fn text_of(site: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    let bytes = site.get(path).unwrap_or_else(|| panic!("{path} is in the site"));
    String::from_utf8(bytes.clone()).unwrap_or_else(|_| panic!("{path} is UTF-8"))
}

// ── 1. Hostile text ─────────────────────────────────────────────────────────────────────

/// Attributes whose value a browser loads or navigates to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "cite",
    "srcset",
    "ping",
    "codebase",
    "longdesc",
    "usemap",
    "lowsrc",
    "dynsrc",
    "manifest",
    "icon",
    "profile",
    "archive",
    "classid",
];

/// Elements no content may produce (the theme produces none of them either).
const FORBIDDEN_ELEMENTS: &[&str] =
    &["iframe", "frame", "frameset", "object", "embed", "applet", "style", "base", "textarea", "noembed", "portal"];

/// A URL the way a browser reads its scheme: ASCII white space and control characters
/// anywhere are dropped, case does not count (entities were decoded by the parser already).
fn browser_url(v: &str) -> String {
    v.chars().filter(|c| !(c.is_ascii_whitespace() || c.is_ascii_control())).collect::<String>().to_ascii_lowercase()
}

fn dangerous_url(v: &str) -> bool {
    let u = browser_url(v).replace('\\', "/");
    ["javascript:", "vbscript:", "livescript:", "data:", "mocha:"].iter().any(|s| u.starts_with(s))
        || u.starts_with("//")
}

/// Whether no bidirectional control in `s` stays open after it, and `s` closes nothing it
/// did not open: then it cannot reorder the page text around it.
fn bidi_balanced(s: &str) -> bool {
    let mut open: Vec<bool> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => open.push(false),
            '\u{202C}' if open.last() == Some(&false) => {
                open.pop();
            }
            '\u{2066}'..='\u{2068}' => open.push(true),
            '\u{2069}' => match open.iter().rposition(|&isolate| isolate) {
                Some(at) => open.truncate(at),
                None => return false,
            },
            _ => {}
        }
    }
    open.is_empty()
}

/// Everything in one page that content could have turned into markup, script or style.
fn markup_problems(path: &str, html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut out = Vec::new();
    for node in doc.tree.nodes() {
        match node.value() {
            Node::Text(t) if !bidi_balanced(t) => {
                out.push(format!("{path}: text leaves a bidirectional control open: {:?}", &t[..]));
            }
            Node::Element(el) => {
                let name = el.name().to_ascii_lowercase();
                if FORBIDDEN_ELEMENTS.contains(&name.as_str()) {
                    out.push(format!("{path}: <{name}> element"));
                }
                if name == "script" {
                    // Only the theme's own scripts: a file under assets/, nothing inline.
                    let src = el.attr("src").unwrap_or("");
                    let theirs = src.trim_start_matches("./").trim_start_matches("../");
                    let ours =
                        theirs.strip_prefix("assets/").is_some_and(|f| {
                            f.ends_with(".js") && f.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'.')
                        }) && src.split('/').all(|c| c == ".." || c == "." || !c.contains('.') || c.ends_with(".js"));
                    let inline = node.children().any(|c| c.value().as_text().is_some_and(|t| !t.trim().is_empty()));
                    if !ours || inline {
                        out.push(format!("{path}: <script src={src:?}> that is not the theme's"));
                    }
                }
                if name == "form" {
                    let theme_form = el.has_class("header-search", scraper::CaseSensitivity::CaseSensitive)
                        || el.id() == Some("search-form");
                    if !theme_form {
                        out.push(format!("{path}: <form> from content"));
                    }
                }
                // The theme's Content-Security-Policy is the only http-equiv (no refresh, no cookie).
                if let Some(equiv) = el.attr("http-equiv").filter(|_| name == "meta")
                    && !equiv.eq_ignore_ascii_case("content-security-policy")
                {
                    out.push(format!("{path}: <meta http-equiv={equiv:?}>"));
                }
                if name == "img" && el.attr("src") == Some("x") {
                    out.push(format!("{path}: <img src=x> from content"));
                }
                for (attr, value) in el.attrs() {
                    let attr = attr.to_ascii_lowercase();
                    if attr.starts_with("on") {
                        out.push(format!("{path}: <{name} {attr}={value:?}>"));
                    }
                    if attr == "srcdoc" {
                        out.push(format!("{path}: <{name} srcdoc>"));
                    }
                    if URL_ATTRIBUTES.contains(&attr.as_str()) && dangerous_url(value) {
                        out.push(format!("{path}: <{name} {attr}={value:?}>"));
                    }
                    if attr == "style" {
                        let v = browser_url(value);
                        if ["javascript", "url(", "expression", "display:none", "@import", "behavior", "-moz-binding"]
                            .iter()
                            .any(|bad| v.contains(bad))
                        {
                            out.push(format!("{path}: <{name} style={value:?}>"));
                        }
                    }
                    if !bidi_balanced(value) {
                        out.push(format!("{path}: <{name} {attr}> leaves a bidirectional control open"));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The text a reader sees in the elements `selector` picks, joined.
fn visible(html: &str, selector: &str) -> String {
    let doc = Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel).map(|e| e.text().collect::<String>()).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_hostile_fixture_checks_without_errors() {
    let (_tmp, content) = hostile_copy();
    let out = Command::cargo_bin("prongsai").unwrap().args(["check", "--content"]).arg(&content).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains(": error: ") && !stderr.contains("panicked"), "{stderr}");
}

#[test]
fn no_page_carries_markup_script_or_style_from_content() {
    let (_tmp, content) = hostile_copy();
    let site = site_of(&content);
    let mut problems = Vec::new();
    let mut pages = 0;
    for (path, bytes) in &site {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        problems.extend(markup_problems(path, &String::from_utf8_lossy(bytes)));
    }
    assert!(pages >= 10, "only {pages} pages");
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

/// The checks above are only worth something if they fail on a page that lets content through:
/// a site theme (trusted, like code) that prints an item title with `| safe` must be caught.
#[test]
fn the_checks_catch_a_theme_that_prints_content_unescaped() {
    let (_tmp, content) = hostile_copy();
    let item = std::fs::read_to_string(common::root().join("themes/default/templates/item.html")).unwrap();
    assert!(item.contains("<h1>{{ item.title }}</h1>"));
    let unsafe_item = item.replace("<h1>{{ item.title }}</h1>", "<h1>{{ item.title | safe }}</h1>");
    std::fs::create_dir_all(content.join("_theme/templates")).unwrap();
    std::fs::write(content.join("_theme/templates/item.html"), unsafe_item).unwrap();
    let site = site_of(&content);
    let problems = markup_problems("item", &text_of(&site, "demo/plans/2566-2570/items/1.1-1/index.html"));
    assert!(problems.iter().any(|p| p.contains("<script")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("bidirectional")), "{problems:?}");
}

#[test]
fn hostile_text_is_shown_as_text() {
    let (_tmp, content) = hostile_copy();
    let site = site_of(&content);
    let site_title = "ความโปร่งใส <script>alert('site')</script> \"><img src=x onerror=alert(1)> </title><script>alert(2)</script> \u{202E}ตำบลตัวอย่าง";
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        assert!(visible(&html, "title").contains(site_title), "{path}: the site title in <title>");
        assert!(visible(&html, ".brand").contains(site_title), "{path}: the site title in the header");
    }
    let expect = |path: &str, selector: &str, shown: &[&str]| {
        let text = visible(&text_of(&site, path), selector);
        for s in shown {
            assert!(text.contains(s), "{path} {selector}: {s:?} not shown in {text:?}");
        }
    };
    let name = "องค์การบริหารส่วนตำบล<script>alert('name')</script>\"><svg onload=alert(1)> \u{202E}ตัวอย่าง";
    expect("demo/index.html", "h1", &[name]);
    expect(
        "demo/index.html",
        "main",
        &["' onmouseover='alert(1)' x='", "</textarea></title></style>]]>--><!-- ตัวอย่าง", "\u{2067}ตำบลตัวอย่าง"],
    );
    let plan = "แผน<script>alert('plan')</script> \"><img src=x onerror=alert(1)> ' onmouseover='alert(1) \u{202E}พ.ศ. 2566–2570";
    expect("demo/plans/2566-2570/index.html", "h1", &[plan]);
    expect(
        "demo/plans/2566-2570/index.html",
        "main",
        &[
            "โครงการอบรม<script>alert('item')</script>คุณธรรม \u{202E}1,000 บาท",
            "มิติ<svg><script>alert('dimension')</script></svg> <svg onload=alert(1)>",
            "=HYPERLINK(\"https://evil.example/\",\"คลิก\")",
            "<script>alert('intro')</script>",
            "<img src=x onerror=alert('intro')>",
        ],
    );
    let item = "demo/plans/2566-2570/items/1.1-1/index.html";
    expect(item, "h1", &["โครงการอบรม<script>alert('item')</script>คุณธรรม \u{202E}1,000 บาท"]);
    expect(
        item,
        "main",
        &[
            "<style>body{display:none}</style><div style=\"background:url(javascript:alert(1))\">หมายเหตุ</div>",
            "<script>alert('target')</script>พนักงานส่วนตำบล 59 คน",
            "<script>alert('heading')</script>",
            "<script>alert('block')</script>",
            "<img src=x onerror=alert('inline')>",
            "<svg><script>alert('svg script')</script></svg>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "ข้อความกลับด้าน 1,000 บาท",
            // A link whose address is refused keeps its words.
            "js",
            "JS",
        ],
    );
    expect(
        "demo/reports/2566-6m/index.html",
        "main",
        &["<script>alert('remark')</script>\"><img src=x onerror=alert(1)> \u{202E}หมายเหตุ 2,950"],
    );
    // The measures page takes tags out of ITA text (transcriptions carry <p>…</p>): the words stay.
    expect("demo/ita/2566/measures/index.html", "main", &["alert('measure')", "alert('issue')"]);
    #[cfg(unix)]
    expect("demo/index.html", "main", &["\"><img src=x onerror=alert(1)>.pdf", "javascript:alert(1).pdf"]);
}

#[test]
fn bidirectional_controls_are_kept_and_isolated_not_removed() {
    // Thai text keeps every character typed: the override is still there, wrapped in an
    // isolate (U+2068 … U+2069) that stops it at the end of the text it was typed in.
    let (_tmp, content) = hostile_copy();
    let site = site_of(&content);
    let html = text_of(&site, "demo/plans/2566-2570/index.html");
    assert!(html.contains(
        "\u{2068}โครงการอบรม&lt;script&gt;alert(&#39;item&#39;)&lt;/script&gt;คุณธรรม \u{202E}1,000 บาท\u{2069}"
    ));
    let json: serde_json::Value = serde_json::from_slice(&site["demo/plans/2566-2570/plan.json"]).unwrap();
    // Data carries the text exactly as written, with no isolate added.
    assert_eq!(json["items"][0]["title"], "โครงการอบรม<script>alert('item')</script>คุณธรรม \u{202E}1,000 บาท");
}

/// A small XML well-formedness check: elements nest and close, attributes are quoted,
/// every `&` starts a known entity or a character reference, no character XML forbids.
fn xml_well_formed(xml: &str) -> Result<(), String> {
    fn allowed(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    }
    fn entities(s: &str) -> Result<(), String> {
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            let after = &rest[i + 1..];
            let end = after.find(';').ok_or_else(|| format!("unterminated & in {s:?}"))?;
            let name = &after[..end];
            let ok = match name.strip_prefix('#') {
                Some(n) => {
                    let v = match n.strip_prefix('x') {
                        Some(h) => u32::from_str_radix(h, 16).ok(),
                        None => n.parse().ok(),
                    };
                    v.and_then(char::from_u32).is_some_and(allowed)
                }
                None => matches!(name, "amp" | "lt" | "gt" | "quot" | "apos"),
            };
            if !ok {
                return Err(format!("bad reference &{name}; in {s:?}"));
            }
            rest = &after[end + 1..];
        }
        Ok(())
    }
    fn is_name(s: &str) -> bool {
        s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':')
            && s.chars().all(|c| c.is_alphanumeric() || "_:.-".contains(c))
    }
    if let Some(c) = xml.chars().find(|&c| !allowed(c)) {
        return Err(format!("character {c:?} is not allowed in XML"));
    }
    let mut stack: Vec<&str> = Vec::new();
    let mut root_done = false;
    let mut rest = xml.strip_prefix('\u{FEFF}').unwrap_or(xml);
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>").ok_or("unterminated <?")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            let end = r.find("-->").ok_or("unterminated comment")?;
            if r[..end].contains("--") {
                return Err("-- inside a comment".into());
            }
            rest = &r[end + 3..];
        } else if let Some(r) = rest.strip_prefix("<![CDATA[") {
            if stack.is_empty() {
                return Err("CDATA outside the root".into());
            }
            rest = &r[r.find("]]>").ok_or("unterminated CDATA")? + 3..];
        } else if let Some(r) = rest.strip_prefix("</") {
            let end = r.find('>').ok_or("unterminated end tag")?;
            let name = r[..end].trim_end();
            if stack.pop() != Some(name) {
                return Err(format!("</{name}> does not close the open element"));
            }
            root_done = stack.is_empty();
            rest = &r[end + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            if root_done {
                return Err("a second root element".into());
            }
            let name_end = r.find(|c: char| c.is_whitespace() || c == '>' || c == '/').ok_or("unterminated tag")?;
            let name = &r[..name_end];
            if !is_name(name) {
                return Err(format!("bad element name {name:?}"));
            }
            let mut a = &r[name_end..];
            loop {
                a = a.trim_start();
                if let Some(x) = a.strip_prefix("/>") {
                    root_done = stack.is_empty();
                    a = x;
                    break;
                }
                if let Some(x) = a.strip_prefix('>') {
                    stack.push(name);
                    a = x;
                    break;
                }
                let eq = a.find('=').ok_or_else(|| format!("attribute without value in <{name}>"))?;
                if !is_name(a[..eq].trim()) {
                    return Err(format!("bad attribute name {:?} in <{name}>", &a[..eq]));
                }
                let v = a[eq + 1..].trim_start();
                let q = v.chars().next().filter(|c| *c == '"' || *c == '\'').ok_or("unquoted attribute")?;
                let close = v[1..].find(q).ok_or("unterminated attribute")?;
                let value = &v[1..1 + close];
                if value.contains('<') {
                    return Err(format!("< in an attribute of <{name}>"));
                }
                entities(value)?;
                a = &v[close + 2..];
            }
            rest = a;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            if stack.is_empty() && !text.trim().is_empty() {
                return Err(format!("text outside the root: {text:?}"));
            }
            if text.contains("]]>") {
                return Err("]]> in text".into());
            }
            entities(text)?;
            rest = &rest[end..];
        }
    }
    match (stack.is_empty(), root_done) {
        (true, true) => Ok(()),
        _ => Err(format!("unclosed elements {stack:?}")),
    }
}

#[test]
fn the_xml_check_catches_what_it_should() {
    assert_eq!(xml_well_formed("<?xml version=\"1.0\"?>\n<a x='1'><b>&amp;&#x41;</b><c/></a>\n"), Ok(()));
    for bad in ["<a>", "<a></b>", "<a>&nbsp;</a>", "<a>x & y</a>", "<a x=1/>", "<a>]]></a>", "<a/><b/>", "<a>\u{1}</a>"]
    {
        assert!(xml_well_formed(bad).is_err(), "{bad}");
    }
}

#[test]
fn data_files_carry_hostile_text_exactly_and_stay_well_formed() {
    let (_tmp, content) = hostile_copy();
    let site = site_of(&content);
    for path in ["feed.xml", "sitemap.xml"] {
        let xml = text_of(&site, path);
        if let Err(e) = xml_well_formed(&xml) {
            panic!("{path} is not well-formed XML: {e}\n{xml}");
        }
    }
    let feed = text_of(&site, "feed.xml");
    assert!(feed.contains("&lt;script&gt;alert(") && !feed.contains("<script"), "{feed}");

    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".json")) {
        serde_json::from_slice::<serde_json::Value>(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let plan: serde_json::Value = serde_json::from_slice(&site["demo/plans/2566-2570/plan.json"]).unwrap();
    assert_eq!(
        plan["plan"]["title"],
        "แผน<script>alert('plan')</script> \"><img src=x onerror=alert(1)> ' onmouseover='alert(1) \u{202E}พ.ศ. 2566–2570"
    );
    assert_eq!(
        plan["dimensions"][1]["title"],
        "</title></textarea></style></script>]]>--><![CDATA[ x ]]> มิติที่ 2 \u{1}\u{7}\u{1b}\u{7f}\u{85}"
    );
    let report: serde_json::Value = serde_json::from_slice(&site["demo/reports/2566-6m/report.json"]).unwrap();
    assert!(report["items"].as_array().unwrap().iter().any(|i| i["title"].as_str().unwrap().contains("<script>")));

    // A cell that starts with = + - @ (or a tab or CR) is a formula to a spreadsheet: the CSV
    // files put an apostrophe in front of such text, so opening open data runs nothing.
    let mut csvs = 0;
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".csv")) {
        csvs += 1;
        let text = String::from_utf8(bytes.clone()).unwrap_or_else(|_| panic!("{path} is UTF-8"));
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        for (n, record) in reader.records().enumerate() {
            let record = record.unwrap_or_else(|e| panic!("{path}: {e}"));
            for cell in record.iter() {
                let cell = if n == 0 { cell.trim_start_matches('\u{FEFF}') } else { cell };
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{path} row {n}: formula cell {cell:?}");
            }
        }
    }
    assert!(csvs >= 3, "plan.csv, report.csv and ita.csv");
    let plan_csv = text_of(&site, "demo/plans/2566-2570/plan.csv");
    assert!(plan_csv.contains("'=HYPERLINK(") && plan_csv.contains("'-2+3+cmd") && plan_csv.contains("'@SUM("));

    // The Excel files open, and hold the text (control characters and all) as text.
    use calamine::Reader;
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".xlsx")) {
        let mut book =
            calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap_or_else(|e| panic!("{path} opens: {e}"));
        let sheets = book.sheet_names().to_vec();
        let mut all = String::new();
        for s in sheets {
            let range = book.worksheet_range(&s).unwrap_or_else(|e| panic!("{path} {s}: {e}"));
            for row in range.rows() {
                for c in row {
                    all.push_str(&c.to_string());
                    all.push('\n');
                }
            }
        }
        assert!(all.contains("<script>alert("), "{path} holds the hostile text");
    }
}

// ── 2. Nothing from outside the content folder ──────────────────────────────────────────

struct Run {
    code: Option<i32>,
    stderr: String,
}

fn prongsai(args: &[&str], content: &Path) -> Run {
    let out = Command::cargo_bin("prongsai").unwrap().args(args).arg("--content").arg(content).output().unwrap();
    Run { code: out.status.code(), stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

fn check(content: &Path) -> Run {
    prongsai(&["check"], content)
}

/// `prongsai build` into `<content>/../site`: whether it succeeded, and every file written.
fn build(content: &Path) -> (Run, BTreeMap<String, Vec<u8>>) {
    let site = content.parent().unwrap().join("site");
    let run = prongsai(&["build", "--output", site.to_str().unwrap()], content);
    let files = if site.exists() {
        common::snapshot(&site)
            .into_iter()
            .map(|(p, b)| (p.strip_prefix(&site).unwrap().to_string_lossy().replace('\\', "/"), b))
            .collect()
    } else {
        BTreeMap::new()
    };
    (run, files)
}

/// The line of `run`'s output that reports `severity` at `path:line:`, containing `fragment`.
fn has_line(run: &Run, severity: &str, path: &str, line: usize, fragment: &str) -> bool {
    let head = format!("{path}:{line}:");
    run.stderr.lines().any(|l| {
        l.strip_prefix(&head).is_some_and(|rest| {
            let (col, msg) = rest.split_once(':').unwrap_or(("", ""));
            !col.is_empty()
                && col.bytes().all(|b| b.is_ascii_digit())
                && msg.starts_with(&format!(" {severity}: "))
                && msg.contains(fragment)
        })
    })
}

fn edit(path: &Path, from: &str, to: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let at = text.find(from).unwrap_or_else(|| panic!("{} contains {from:?}", path.display()));
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    text[..at].matches('\n').count() + 1
}

/// YAML's double-quoted form of `s`, so that tabs and quotes survive.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"").replace('\t', "\\t"))
}

const LEAVES: &str = "ออกนอกโฟลเดอร์เนื้อหา";
const BAD_LINK: &str = "ใช้ไม่ได้ ต้องขึ้นต้นด้วย https:// หรือ http://";
const NOT_FOUND: &str = "ไม่พบไฟล์";

/// Every way of writing a link or path that must not reach the site, and what is said about it.
fn hostile_refs() -> Vec<(&'static str, &'static str)> {
    vec![
        ("javascript:alert(1)", BAD_LINK),
        ("JaVaScRiPt:alert(1)", BAD_LINK),
        ("  JAVASCRIPT:alert(1)", BAD_LINK),
        ("vbscript:msgbox(1)", BAD_LINK),
        ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", BAD_LINK),
        ("file:///etc/passwd", BAD_LINK),
        // Not a scheme to prongsai (a tab, an entity): a file name that does not exist.
        ("java\tscript:alert(1)", NOT_FOUND),
        ("&#106;avascript:alert(1)", NOT_FOUND),
        ("../outside.pdf", LEAVES),
        ("../../etc/passwd", LEAVES),
        ("/etc/passwd", LEAVES),
        ("C:\\x", LEAVES),
        ("C:/Windows/win.ini", LEAVES),
        ("files/../../x", LEAVES),
        ("files\\..\\..\\x", LEAVES),
        ("//evil.example/x.pdf", LEAVES),
        ("\\\\evil.example\\share\\x.pdf", LEAVES),
    ]
}

#[test]
fn links_and_paths_that_leave_are_precise_errors_and_nothing_is_built() {
    // Each place content names a file or a link: (file, text to replace, how to write the bad one).
    type Place = (&'static str, &'static str, fn(&str) -> String);
    let places: [Place; 5] = [
        ("demo/reports/2566-6m.yaml", "evidence: [files/plan.pdf,", |r| format!("evidence: [{},", quoted(r))),
        ("demo/reports/2566-6m.yaml", "document: files/plan.pdf", |r| format!("document: {}", quoted(r))),
        ("demo/plans/2566-2570.yaml", "document: files/plan.pdf", |r| format!("document: {}", quoted(r))),
        ("demo/ita/2566.yaml", "O1: [files/plan.pdf,", |r| format!("O1: [{},", quoted(r))),
        ("demo/ita/2566.yaml", "url: \"https://example.go.th/about\"", |r| format!("url: {}", quoted(r))),
    ];
    let mut failures = Vec::new();
    for (file, from, write) in places {
        for (bad, fragment) in hostile_refs() {
            let (_tmp, content) = copy_of(&base_dir());
            let line = edit(&content.join(file), from, &write(bad));
            let run = check(&content);
            if run.code != Some(1) || !has_line(&run, "error", file, line, fragment) || run.stderr.contains("panicked")
            {
                failures.push(format!(
                    "{file} with {bad:?}: expected `{file}:{line}:…: error: …{fragment}…`\n{}",
                    run.stderr
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));

    // A failed check writes nothing.
    let (_tmp, content) = copy_of(&base_dir());
    edit(&content.join("demo/reports/2566-6m.yaml"), "document: files/plan.pdf", "document: ../../etc/passwd");
    let (run, files) = build(&content);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(files.is_empty(), "nothing is written: {:?}", files.keys().collect::<Vec<_>>());
}

/// A signed document is published beside the pages, so it must be a file of the content
/// folder. Found by fuzz/content_yaml: `check` accepted a web address there, and the build
/// then failed trying to read it as a file.
#[test]
fn a_signed_document_must_be_a_file_not_a_web_address() {
    for file in ["demo/plans/2566-2570.yaml", "demo/reports/2566-6m.yaml"] {
        let (_tmp, content) = copy_of(&base_dir());
        let line = edit(&content.join(file), "document: files/plan.pdf", "document: http://files/plan.pdf");
        let run = check(&content);
        assert_eq!(run.code, Some(1), "{file}: {}", run.stderr);
        assert!(has_line(&run, "error", file, line, "'http://files/plan.pdf' ออกนอกโฟลเดอร์เนื้อหา"), "{}", run.stderr);
        let (run, files) = build(&content);
        assert!(run.code == Some(1) && files.is_empty() && !run.stderr.contains("os error"), "{}", run.stderr);
    }
}

#[test]
fn links_in_authority_and_site_fields_must_be_web_addresses() {
    for (file, from, to, line) in [
        ("demo/authority.yaml", "website: https://example.go.th/", "website: javascript:alert(1)", 7),
        ("demo/authority.yaml", "website: https://example.go.th/", "website: \" jAvAsCrIpT:alert(1)\"", 7),
        (
            "demo/authority.yaml",
            "complaint_channel: https://example.go.th/complaint",
            "complaint_channel: data:text/html,x",
            12,
        ),
        ("site.yaml", "base_url: https://example.go.th/transparency/", "base_url: javascript:alert(1)//", 3),
    ] {
        let (_tmp, content) = copy_of(&base_dir());
        assert_eq!(edit(&content.join(file), from, to), line);
        let run = check(&content);
        assert_eq!(run.code, Some(1), "{to}: {}", run.stderr);
        assert!(has_line(&run, "error", file, line, BAD_LINK), "{to}: {}", run.stderr);
    }
}

/// A file outside the content folder, with words that must never appear in the site or in a message.
#[cfg(unix)]
fn secret(dir: &Path, name: &str) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, format!("title: SECRET-{name}-SECRET\nx: SECRET-{name}-SECRET\n")).unwrap();
    p
}

#[cfg(unix)]
fn assert_no_secret(run: &Run, files: &BTreeMap<String, Vec<u8>>) {
    assert!(!run.stderr.contains("SECRET-"), "a message quotes the file outside:\n{}", run.stderr);
    for (path, bytes) in files {
        assert!(!String::from_utf8_lossy(bytes).contains("SECRET-"), "{path} holds the file outside");
    }
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_content_folder_are_errors() {
    use std::os::unix::fs::symlink;
    // (what, where the link goes, link to a file or to the folder holding it, expected path:line, fragment)
    type Setup = fn(&Path, &Path);
    let cases: Vec<(&str, Setup, &str, usize, &str)> = vec![
        (
            "a file of files/ linked out",
            |c, out| symlink(secret(out, "s.pdf"), c.join("demo/files/s.pdf")).unwrap(),
            "demo/files/s.pdf",
            1,
            "'files/s.pdf' ออกนอกโฟลเดอร์เนื้อหา",
        ),
        (
            "a folder in files/ linked out",
            |c, out| {
                secret(out, "s.pdf");
                symlink(out, c.join("demo/files/more")).unwrap()
            },
            "demo/files/more",
            1,
            "'files/more' ออกนอกโฟลเดอร์เนื้อหา",
        ),
        (
            "files/ itself linked out",
            |c, out| {
                secret(out, "plan.pdf");
                std::fs::remove_dir_all(c.join("demo/files")).unwrap();
                symlink(out, c.join("demo/files")).unwrap()
            },
            "demo/files",
            1,
            "'files' ออกนอกโฟลเดอร์เนื้อหา",
        ),
        (
            "a referenced document linked out",
            |c, out| {
                std::fs::remove_file(c.join("demo/files/plan.pdf")).unwrap();
                symlink(secret(out, "plan.pdf"), c.join("demo/files/plan.pdf")).unwrap()
            },
            "demo/plans/2566-2570.yaml",
            5,
            "'files/plan.pdf' ออกนอกโฟลเดอร์เนื้อหา",
        ),
        (
            "a link to nothing in files/",
            |c, out| symlink(out.join("gone.pdf"), c.join("demo/files/gone.pdf")).unwrap(),
            "demo/files/gone.pdf",
            1,
            "ไม่พบไฟล์ 'files/gone.pdf'",
        ),
        (
            "a detail page linked out (its text would be published)",
            |c, out| {
                let page = c.join("demo/plans/2566-2570/1.1-1.md");
                std::fs::remove_file(&page).unwrap();
                symlink(secret(out, "page.md"), page).unwrap()
            },
            "demo/plans/2566-2570/1.1-1.md",
            1,
            LEAVES,
        ),
        (
            "a plan linked out (its lines would be quoted in messages)",
            |c, out| symlink(secret(out, "2570-2574.yaml"), c.join("demo/plans/2570-2574.yaml")).unwrap(),
            "demo/plans/2570-2574.yaml",
            1,
            LEAVES,
        ),
        (
            "reports/ linked out",
            |c, out| {
                secret(out, "2567-6m.yaml");
                std::fs::remove_dir_all(c.join("demo/reports")).unwrap();
                symlink(out, c.join("demo/reports")).unwrap()
            },
            "demo/reports/2567-6m.yaml",
            1,
            LEAVES,
        ),
        (
            "authority.yaml linked out",
            |c, out| {
                std::fs::remove_file(c.join("demo/authority.yaml")).unwrap();
                symlink(secret(out, "authority.yaml"), c.join("demo/authority.yaml")).unwrap()
            },
            "demo/authority.yaml",
            1,
            LEAVES,
        ),
        (
            "site.yaml linked out",
            |c, out| {
                std::fs::remove_file(c.join("site.yaml")).unwrap();
                symlink(secret(out, "site.yaml"), c.join("site.yaml")).unwrap()
            },
            "site.yaml",
            1,
            LEAVES,
        ),
    ];
    let mut failures = Vec::new();
    for (what, setup, path, line, fragment) in cases {
        let (tmp, content) = copy_of(&base_dir());
        let outside = tmp.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        setup(&content, &outside);
        let run = check(&content);
        if run.code != Some(1) || !has_line(&run, "error", path, line, fragment) {
            failures.push(format!("{what}: expected `{path}:{line}:…: error: …{fragment}…`\n{}", run.stderr));
        }
        let (run, files) = build(&content);
        if run.code != Some(1) || !files.is_empty() {
            failures.push(format!("{what}: the build must fail and write nothing\n{}", run.stderr));
        }
        assert_no_secret(&run, &files);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_are_followed() {
    use std::os::unix::fs::symlink;
    let (_tmp, content) = copy_of(&base_dir());
    // A scan kept once and linked from a second name, and a folder of scans linked in from
    // another place inside the content folder (`_shared` is no authority: it starts with _).
    symlink(content.join("demo/files/plan.pdf"), content.join("demo/files/plan-copy.pdf")).unwrap();
    std::fs::create_dir_all(content.join("_shared/scans")).unwrap();
    std::fs::write(content.join("_shared/scans/order.pdf"), "%PDF-1.4 shared\n").unwrap();
    symlink(content.join("_shared/scans"), content.join("demo/files/shared")).unwrap();
    let run = check(&content);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let (run, files) = build(&content);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(files["demo/files/plan-copy.pdf"], std::fs::read(content.join("demo/files/plan.pdf")).unwrap());
    assert_eq!(files["demo/files/shared/order.pdf"], b"%PDF-1.4 shared\n");
}

/// An authority folder may be a link (a portal gathering folders kept elsewhere): it is
/// published, but its own links may not reach outside the folder it points to.
#[cfg(unix)]
#[test]
fn a_linked_authority_folder_is_published_and_kept_within_its_own_folder() {
    use std::os::unix::fs::symlink;
    let (tmp, content) = copy_of(&base_dir());
    let elsewhere = tmp.path().join("kept-elsewhere/other");
    common::copy_dir(&base_dir().join("demo"), &elsewhere);
    symlink(&elsewhere, content.join("other")).unwrap();
    let run = check(&content);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let (run, files) = build(&content);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(files.contains_key("other/index.html") && files.contains_key("other/files/plan.pdf"));

    let secrets = tmp.path().join("secrets");
    symlink(secret(&secrets, "s.pdf"), elsewhere.join("files/s.pdf")).unwrap();
    let run = check(&content);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(has_line(&run, "error", "other/files/s.pdf", 1, "'files/s.pdf' ออกนอกโฟลเดอร์เนื้อหา"), "{}", run.stderr);
    let (run, files) = build(&content);
    assert_eq!(run.code, Some(1));
    assert_no_secret(&run, &files);
}

/// The build reads attachments again after loading: a link swapped in between (or a model
/// made without the loader) still cannot publish a file from outside.
#[cfg(unix)]
#[test]
fn attachments_are_checked_again_where_they_are_read() {
    let (tmp, content) = copy_of(&base_dir());
    let loaded = load_and_check(&content);
    assert!(!loaded.diags.has_errors());
    let plan = content.join("demo/files/plan.pdf");
    std::fs::remove_file(&plan).unwrap();
    std::os::unix::fs::symlink(secret(&tmp.path().join("outside"), "plan.pdf"), &plan).unwrap();
    let err = match render_site(&loaded.content, &content, Options::default()) {
        Ok(_) => panic!("a file outside must not be published"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("demo/files/plan.pdf") && err.contains("outside the content folder"), "{err}");
}

// ── 3. serve ────────────────────────────────────────────────────────────────────────────

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Sends `target` as the request target exactly as written, and returns status and body.
fn raw_get(base: &str, target: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let hostport = base.trim_start_matches("http://").trim_end_matches('/');
    let mut s = std::net::TcpStream::connect(hostport).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(30))).unwrap();
    write!(s, "GET {target} HTTP/1.1\r\nHost: {hostport}\r\nConnection: close\r\n\r\n").unwrap();
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let status = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, text)
}

#[cfg(unix)]
#[test]
fn serve_listens_on_loopback_and_serves_nothing_outside_its_folder() {
    use std::io::BufRead;
    use std::os::unix::fs::symlink;
    let (tmp, content) = copy_of(&base_dir());
    let out_parent = tmp.path().join("out");
    let site = out_parent.join("site");
    std::fs::create_dir_all(&out_parent).unwrap();
    // Beside the output folder, and above the content and output folders.
    std::fs::write(out_parent.join("secret.txt"), "SECRET-beside").unwrap();
    std::fs::write(tmp.path().join("secret.txt"), "SECRET-above").unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(["serve", "--port", "0", "--content"])
        .arg(&content)
        .arg("--output")
        .arg(&site)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _server = Server(child);
    let mut line = String::new();
    std::io::BufReader::new(stdout).read_line(&mut line).unwrap();
    let base = line.trim().to_string();
    let host = base.trim_start_matches("http://").rsplit_once(':').map(|(h, _)| h.to_string()).unwrap_or_default();
    assert_eq!(host, "127.0.0.1", "serve binds loopback by default: {base}");
    assert_eq!(raw_get(&base, "/").0, 200);

    // Links in the output pointing out of it: to a file, a folder, and an index.html.
    symlink(out_parent.join("secret.txt"), site.join("link.txt")).unwrap();
    symlink(&out_parent, site.join("linked")).unwrap();
    std::fs::create_dir_all(site.join("trap")).unwrap();
    symlink(out_parent.join("secret.txt"), site.join("trap/index.html")).unwrap();

    let above = tmp.path().join("secret.txt").display().to_string();
    let targets: Vec<String> = [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "/..\\secret.txt",
        "/.%2e/secret.txt",
        "/demo/../../secret.txt",
        "/demo/%2e%2e/%2e%2e/secret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/%252e%252e/secret.txt",
        "/secret.txt%00",
        "//secret.txt",
        "/link.txt",
        "/linked/secret.txt",
        "/linked/",
        "/linked",
        "/trap/",
        "/trap/index.html",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([
        format!("/{}", above.trim_start_matches('/')),
        format!("/%2F{}", above.trim_start_matches('/')),
        format!("/%2f%2f{}", above.trim_start_matches('/').replace('/', "%2f")),
        format!("{base}../secret.txt"),
        format!("{base}%2e%2e/secret.txt"),
    ])
    .collect();
    let mut failures = Vec::new();
    for target in &targets {
        let (status, response) = raw_get(&base, target);
        if response.contains("SECRET-") || !(status == 400 || status == 404) {
            failures.push(format!("GET {target} → {status}\n{response}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(raw_get(&base, "/demo/").0, 200, "the site itself is still served");
}
