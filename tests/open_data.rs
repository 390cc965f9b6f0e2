//! `prongsai build`: the open-data files at the addresses of site.md, with their keys,
//! and the atomic swap that leaves the previous site untouched when a build fails.

mod common;
use assert_cmd::Command;
use common::{copy_dir, root, snapshot};
use serde_json::Value;
use std::path::Path;

fn build(content: &Path, out: &Path) -> assert_cmd::assert::Assert {
    Command::cargo_bin("prongsai").unwrap().args(["build", "--content"]).arg(content).arg("--output").arg(out).assert()
}

fn read_json(p: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).unwrap()
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

fn has_keys(v: &Value, wanted: &[&str]) {
    let k = keys(v);
    for w in wanted {
        assert!(k.contains(w), "missing key {w} in {k:?}");
    }
}

#[test]
fn open_data_has_the_shape_of_site_md() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&root().join("content"), &out).success();
    let plan = read_json(&out.join("bueng-nakhon/plans/2566-2570/plan.json"));
    has_keys(&plan, &["authority", "plan", "totals", "dimensions", "owners", "items", "stated_totals"]);
    has_keys(&plan["authority"], &["slug", "name", "kind", "province"]);
    has_keys(&plan["plan"], &["slug", "title", "fiscal_years"]);
    has_keys(&plan["totals"], &["items", "items_by_kind", "funded_items", "budget_by_year", "budget_total"]);
    has_keys(&plan["dimensions"][0], &["no", "title", "items", "budget_by_year", "budget_total", "missions"]);
    has_keys(&plan["dimensions"][0]["missions"][0], &["no", "title", "items", "budget_by_year", "budget_total"]);
    has_keys(&plan["owners"][0], &["owner", "items", "budget_total"]);
    has_keys(&plan["items"][0], &["id", "dimension", "mission", "kind", "title", "owner", "budget", "url"]);
    has_keys(&plan["stated_totals"][0], &["scope", "what", "year", "stated", "computed", "matches"]);
    assert_eq!(plan["totals"]["budget_total"], serde_json::json!(205000));
    assert_eq!(plan["totals"]["items_by_kind"].as_object().unwrap().len(), 4);
    // Not stated is null, never 0; 0 means no budget is needed.
    let forum = plan["items"].as_array().unwrap().iter().find(|i| i["id"] == "1.1-1").unwrap();
    assert_eq!(forum["budget"]["2566"], Value::Null);
    assert_eq!(plan["items"][0]["url"], "https://example.go.th/transparency/bueng-nakhon/plans/2566-2570/items/1.1-1/");

    let report = read_json(&out.join("tua-yang/reports/2567-12m/report.json"));
    has_keys(
        &report,
        &["authority", "fiscal_year", "period", "plan", "totals", "dimensions", "items", "stated_summary"],
    );
    has_keys(&report["totals"], &["items", "by_status", "budget", "disbursed", "disbursement_rate", "completion_rate"]);
    has_keys(&report["dimensions"][0], &["no", "items", "by_status", "budget", "disbursed"]);
    has_keys(&report["items"][0], &["item", "title", "dimension", "status", "budget", "disbursed"]);
    // Money keeps its satang and rates their four decimals, as written in the file.
    let text = std::fs::read_to_string(out.join("tua-yang/reports/2567-12m/report.json")).unwrap();
    assert!(text.contains("\"budget\": 88256.40"), "{text}");
    assert!(text.contains("\"disbursement_rate\": 0.8780"));
    assert!(text.contains("\"completion_rate\": 0.6923"));
    assert_eq!(report["period"], "12m");
    assert_eq!(report["totals"]["by_status"].as_object().unwrap().len(), 5);
}

#[test]
fn csv_opens_in_excel() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&root().join("content"), &out).success();
    let bytes = std::fs::read(out.join("sisaket-pao/plans/2561-2564/plan.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM so that Excel reads UTF-8");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[6..10], &["budget_2561", "budget_2562", "budget_2563", "budget_2564"]);
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 71);
    assert_eq!(&records[0][6], "129500");
    // An item printed '-' has empty cells, not 0.
    assert_eq!(&records[1][6], "");
    let report = std::fs::read(out.join("tua-yang/reports/2567-12m/report.csv")).unwrap();
    assert_eq!(csv::Reader::from_reader(&report[3..]).records().count(), 14);
}

#[test]
fn a_failing_build_leaves_the_previous_site_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&root().join("content"), &content);
    let out = dir.path().join("site");
    build(&content, &out).success();
    let before = snapshot(&out);
    assert!(before.len() > 10);
    // Break one amount: the build must refuse and leave every byte of the old site.
    let plan = content.join("tua-yang/plans/2567-2570.yaml");
    let text = std::fs::read_to_string(&plan).unwrap().replacen("2568: 5000", "2568: \"5,0000\"", 1);
    std::fs::write(&plan, text).unwrap();
    build(&content, &out).code(1);
    assert_eq!(snapshot(&out), before);
    // No half-written folder is left beside it.
    let leftovers: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 2, "{leftovers:?}");
}

#[test]
fn files_of_removed_pages_disappear() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&root().join("content"), &content);
    let out = dir.path().join("site");
    build(&content, &out).success();
    assert!(out.join("tua-yang/reports/2567-6m/report.json").exists());
    std::fs::remove_file(content.join("tua-yang/reports/2567-6m.yaml")).unwrap();
    build(&content, &out).success();
    assert!(!out.join("tua-yang/reports/2567-6m/report.json").exists());
    assert!(out.join("tua-yang/reports/2567-12m/report.json").exists());
}
