//! ITA: the rules that pick the plan and rounds for each item, the pages and checklist,
//! and addresses that never disappear (freeze, moves, redirects).

use assert_cmd::Command;
use prongsai::build::load_and_check;
use prongsai::content::model::Period;
use prongsai::ita::catalogue;
use prongsai::ita::resolve::{Missing, State, resolve};
mod common;
use common::{copy_dir, root};
use scraper::{Html, Selector};
use std::path::Path;

/// State of each code for one authority and year: code → (state, where it points or why not).
fn states(content: &Path, authority: &str, year: i32) -> Vec<(String, State)> {
    let loaded = load_and_check(content);
    assert!(!loaded.diags.has_errors());
    let cats = catalogue::load(content).unwrap();
    let a = loaded.content.authorities.iter().find(|a| a.slug == authority).unwrap();
    let ita = a.ita.iter().find(|y| y.year == year).unwrap();
    resolve(a, ita, &cats[&year]).into_iter().map(|e| (e.item.code.clone(), e.state)).collect()
}

fn state<'a>(all: &'a [(String, State)], code: &str) -> &'a State {
    &all.iter().find(|(c, _)| c == code).unwrap().1
}

fn produced_path(s: &State) -> &str {
    match s {
        State::Produced(p) => &p.path,
        other => panic!("not produced: {other:?}"),
    }
}

#[test]
fn the_rules_pick_the_plan_and_rounds_of_the_assessment_year() {
    let all = states(&root().join("content"), "tua-yang", 2567);
    assert_eq!(produced_path(state(&all, "O36")), "tua-yang/plans/2567-2570/");
    assert_eq!(produced_path(state(&all, "O37")), "tua-yang/reports/2567-6m/");
    // O38 is the 12-month round of the previous fiscal year (2566), which this authority lacks.
    assert!(matches!(state(&all, "O38"), State::Missing(Missing::NoRound(2566, Period::TwelveMonths))));
    assert_eq!(produced_path(state(&all, "O42")), "tua-yang/ita/2567/measures/");
    assert_eq!(produced_path(state(&all, "O43")), "tua-yang/ita/2567/measures/");
    assert_eq!(produced_path(state(&all, "O5")), "tua-yang/#contact");
    assert_eq!(produced_path(state(&all, "O28")), "tua-yang/#contact");
    assert!(matches!(state(&all, "O1"), State::Given(list) if list.len() == 2));
    assert!(matches!(state(&all, "O2"), State::Missing(Missing::NoEvidence)));
}

#[test]
fn the_previous_years_twelve_month_round_fills_o38_when_it_exists() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), dir.path());
    let all = states(dir.path(), "demo", 2566);
    assert!(matches!(state(&all, "O38"), State::Missing(Missing::NoRound(2565, Period::TwelveMonths))));
    // A 12-month round of 2565 (standalone: its plan is not on the site) fills it.
    std::fs::write(
        dir.path().join("demo/reports/2565-12m.yaml"),
        "fiscal_year: 2565\nperiod: 12m\nitems:\n  - {title: โครงการอบรม, kind: project, dimension: 1, status: done}\n",
    )
    .unwrap();
    let all = states(dir.path(), "demo", 2566);
    assert_eq!(produced_path(state(&all, "O38")), "demo/reports/2565-12m/");
    // No 6-month round of 2566 → O37 says so.
    std::fs::remove_file(dir.path().join("demo/reports/2566-6m.yaml")).unwrap();
    let all = states(dir.path(), "demo", 2566);
    assert!(matches!(state(&all, "O37"), State::Missing(Missing::NoRound(2566, Period::SixMonths))));
}

fn build(content: &Path, out: &Path) -> assert_cmd::assert::Assert {
    Command::cargo_bin("prongsai").unwrap().args(["build", "--content"]).arg(content).arg("--output").arg(out).assert()
}

fn page(out: &Path, rel: &str) -> Html {
    Html::parse_document(&std::fs::read_to_string(out.join(rel)).unwrap_or_else(|_| panic!("{rel}")))
}

fn texts(doc: &Html, css: &str) -> Vec<String> {
    let s = Selector::parse(css).unwrap();
    doc.select(&s)
        .map(|e| e.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn the_example_index_shows_all_three_states_with_full_addresses() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&root().join("content"), &out).success();
    let doc = page(&out, "tua-yang/ita/2567/index.html");
    let states = texts(&doc, ".ita-item .state");
    assert_eq!(states.len(), 43);
    for s in ["เว็บไซต์นี้จัดทำให้", "หน่วยงานระบุหลักฐาน", "ยังไม่มีข้อมูล"]
    {
        assert!(states.iter().any(|x| x == s), "{s} missing from {states:?}");
    }
    let addresses = texts(&doc, "code.copy-text");
    assert_eq!(addresses.len(), 43);
    assert!(addresses.contains(&"https://example.go.th/transparency/tua-yang/ita/2567/o36/".to_string()));
    // Every item has its own page from the first day, missing ones saying so with the reason.
    let o38 = page(&out, "tua-yang/ita/2567/o38/index.html");
    let callout = texts(&o38, ".callout").join(" ");
    assert!(callout.contains("ไม่มีข้อมูล") && callout.contains("รอบ 12 เดือน ปีงบประมาณ 2566"), "{callout}");
    let o36 = page(&out, "tua-yang/ita/2567/o36/index.html");
    let facts = texts(&o36, ".facts").join(" ");
    assert!(facts.contains("ปีงบประมาณ 2567") && facts.contains("องค์การบริหารส่วนตำบลตัวอย่าง"), "{facts}");
    assert!(texts(&o36, "main a").iter().any(|t| t.contains("แผนปฏิบัติการป้องกันการทุจริต")));
    // The checklist for pasting.
    let csv = std::fs::read_to_string(out.join("tua-yang/ita/2567/ita.csv")).unwrap();
    assert!(csv.starts_with("\u{FEFF}code,name,address,state"));
    assert_eq!(csv.lines().count(), 44);
    assert!(csv.contains("O36,แผนปฏิบัติการป้องกันการทุจริต,https://example.go.th/transparency/tua-yang/ita/2567/o36/,produced,https://example.go.th/transparency/tua-yang/plans/2567-2570/"));
    // Din Daeng's measures: HTML tags from the source are not shown as markup.
    let measures = std::fs::read_to_string(out.join("din-daeng/ita/2568/measures/index.html")).unwrap();
    assert!(!measures.contains("&lt;p&gt;") && measures.contains("เพิ่มความโปร่งใสและการเปิดเผยข้อมูล"));
    let m = page(&out, "din-daeng/ita/2568/measures/index.html");
    assert_eq!(texts(&m, "main h2").len(), 7, "seven issues, two of them with one title, each its own section");
}

#[test]
fn check_lists_the_missing_ita_items_of_the_latest_year() {
    let out = Command::cargo_bin("prongsai")
        .unwrap()
        .args(["check", "--content"])
        .arg(root().join("content"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ITA 2567 ของ tua-yang: ยังไม่มีข้อมูล 33 จาก 43 ข้อ"), "{stderr}");
    assert!(stderr.contains("  - O38 รายงานผลการดำเนินการป้องกันการทุจริตประจำปี"));
}

#[test]
fn a_published_address_never_disappears_without_a_declared_move() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&root().join("tests/fixtures/base"), &content);
    let out = dir.path().join("site");
    // The build never records addresses by itself.
    build(&content, &out).success();
    assert!(!content.join("published-addresses.txt").exists());
    Command::cargo_bin("prongsai").unwrap().args(["freeze", "--content"]).arg(&content).assert().success();
    let record = std::fs::read_to_string(content.join("published-addresses.txt")).unwrap();
    assert!(record.lines().any(|l| l == "demo/reports/2566-6m/"));
    assert!(record.lines().any(|l| l == "demo/ita/2566/o36/"));
    assert!(record.lines().any(|l| l == "demo/plans/2566-2570/plan.csv"));
    let before = std::fs::read(out.join("demo/reports/2566-6m/index.html")).unwrap();
    // Renaming the round drops its address: the build fails, naming it, and the site stays.
    std::fs::rename(content.join("demo/reports/2566-6m.yaml"), content.join("demo/reports/2566-12m.yaml")).unwrap();
    let text = std::fs::read_to_string(content.join("demo/reports/2566-12m.yaml"))
        .unwrap()
        .replace("period: 6m", "period: 12m");
    std::fs::write(content.join("demo/reports/2566-12m.yaml"), text).unwrap();
    let failed = build(&content, &out).code(1);
    let stderr = String::from_utf8_lossy(&failed.get_output().stderr).to_string();
    let line = record.lines().position(|l| l == "demo/reports/2566-6m/").unwrap() + 1;
    assert!(
        stderr.contains(&format!("published-addresses.txt:{line}:1: error: ที่อยู่ 'demo/reports/2566-6m/'")),
        "{stderr}"
    );
    assert_eq!(std::fs::read(out.join("demo/reports/2566-6m/index.html")).unwrap(), before);
    // Declaring the move builds, and the old address redirects to the new one.
    std::fs::write(
        content.join("moved.yaml"),
        "demo/reports/2566-6m/: demo/reports/2566-12m/\ndemo/reports/2566-6m/report.json: demo/reports/2566-12m/report.json\ndemo/reports/2566-6m/report.csv: demo/reports/2566-12m/report.csv\ndemo/reports/2566-6m/report.xlsx: demo/reports/2566-12m/report.xlsx\n",
    )
    .unwrap();
    build(&content, &out).success();
    let redirect = page(&out, "demo/reports/2566-6m/index.html");
    let refresh = Selector::parse("meta[http-equiv=refresh]").unwrap();
    let target = redirect.select(&refresh).next().unwrap().value().attr("content").unwrap().to_string();
    assert_eq!(target, "0; url=../../../demo/reports/2566-12m/");
    assert!(out.join("demo/reports/2566-6m/../../../demo/reports/2566-12m/index.html").exists());
    assert_eq!(
        std::fs::read(out.join("demo/reports/2566-6m/report.json")).unwrap(),
        std::fs::read(out.join("demo/reports/2566-12m/report.json")).unwrap()
    );
    assert_eq!(
        std::fs::read(out.join("demo/reports/2566-6m/report.xlsx")).unwrap(),
        std::fs::read(out.join("demo/reports/2566-12m/report.xlsx")).unwrap()
    );
    // A second freeze keeps every address ever recorded.
    Command::cargo_bin("prongsai").unwrap().args(["freeze", "--content"]).arg(&content).assert().success();
    let again = std::fs::read_to_string(content.join("published-addresses.txt")).unwrap();
    assert!(
        again.lines().any(|l| l == "demo/reports/2566-6m/") && again.lines().any(|l| l == "demo/reports/2566-12m/")
    );
}
