//! `prongsai new`: every file it writes passes `check` as it stands, and nothing that exists
//! is replaced without --force.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use std::path::Path;

fn prongsai() -> Command {
    Command::cargo_bin("prongsai").unwrap()
}

fn check_passes(content: &Path) {
    prongsai().args(["check", "--content"]).arg(content).assert().success();
}

#[test]
fn a_site_started_from_nothing_passes_check_at_every_step() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("content");
    prongsai()
        .args([
            "new",
            "authority",
            "bueng-nakhon",
            "--name",
            "องค์การบริหารส่วนตำบลบึงนคร",
            "--province",
            "ร้อยเอ็ด",
            "--content",
        ])
        .arg(&c)
        .assert()
        .success();
    let a = std::fs::read_to_string(c.join("bueng-nakhon/authority.yaml")).unwrap();
    assert!(a.contains("kind: sao"), "the kind comes from the name:\n{a}");
    assert!(c.join("site.yaml").is_file());
    // Valid, but the address to publish at is still to be set, and check says so.
    prongsai()
        .args(["check", "--content"])
        .arg(&c)
        .assert()
        .success()
        .stderr(contains("site.yaml:").and(contains("ยังไม่ใช่ที่อยู่จริงของเว็บไซต์")));
    prongsai()
        .args(["new", "plan", "--authority", "bueng-nakhon", "--years", "2566-2570", "--content"])
        .arg(&c)
        .assert()
        .success();
    let plan = std::fs::read_to_string(c.join("bueng-nakhon/plans/2566-2570.yaml")).unwrap();
    assert!(plan.contains("template: nacc-2566") && plan.contains("no: \"4.3\""), "{plan}");
    check_passes(&c);
    prongsai()
        .args(["new", "report", "--authority", "bueng-nakhon", "--round", "2567-6m", "--content"])
        .arg(&c)
        .assert()
        .success();
    check_passes(&c);
    // The default plan is the one in force today; here it already exists.
    prongsai()
        .args(["new", "plan", "--authority", "bueng-nakhon", "--years", "2566-2570", "--content"])
        .arg(&c)
        .assert()
        .code(1)
        .stderr(contains("มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ"));
    assert_eq!(std::fs::read_to_string(c.join("bueng-nakhon/plans/2566-2570.yaml")).unwrap(), plan, "left as it was");
}

#[test]
fn a_new_report_lists_every_item_of_the_plan_awaiting_its_report() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path();
    common::copy_dir(&common::root().join("content"), c);
    prongsai()
        .args(["new", "report", "--authority", "bueng-nakhon", "--round", "2568-12m", "--content"])
        .arg(c)
        .assert()
        .success();
    let text = std::fs::read_to_string(c.join("bueng-nakhon/reports/2568-12m.yaml")).unwrap();
    assert_eq!(text.matches("  - item: ").count(), 27, "{text}");
    assert_eq!(text.matches("    status: รอรายงาน").count(), 27);
    assert!(text.contains("plan: 2566-2570") && text.contains("as_of: 2568-09-30"), "{text}");
    assert!(
        text.contains("งบประมาณ 13,000.00 บาท") || text.contains("งบประมาณ 13,000 บาท"),
        "budgets in the comments:\n{text}"
    );
    // A valid file: the site builds with it, and the round shows every item as awaiting.
    let out = tempfile::tempdir().unwrap();
    prongsai()
        .args(["build", "--no-minify", "--content"])
        .arg(c)
        .arg("--output")
        .arg(out.path().join("site"))
        .assert()
        .success();
    let json = std::fs::read_to_string(out.path().join("site/bueng-nakhon/reports/2568-12m/report.json")).unwrap();
    assert!(json.contains("\"awaiting_report\": 27"), "{json}");
}

#[test]
fn bad_arguments_get_precise_messages() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("content");
    prongsai()
        .args(["new", "authority", "บึงนคร", "--name", "องค์การบริหารส่วนตำบลบึงนคร", "--province", "ร้อยเอ็ด", "--content"])
        .arg(&c)
        .assert()
        .code(1)
        .stderr(contains("'บึงนคร' ใช้เป็นชื่อโฟลเดอร์ (ส่วนหนึ่งของที่อยู่เว็บ) ไม่ได้"));
    prongsai()
        .args(["new", "authority", "x", "--name", "องค์การบริหารส่วนตำบลบึงนคร", "--province", "ร้อยเอ็ดด", "--content"])
        .arg(&c)
        .assert()
        .code(1)
        .stderr(contains("ไม่รู้จักจังหวัด 'ร้อยเอ็ดด'"));
    prongsai()
        .args(["new", "authority", "x", "--name", "สำนักงานเขต", "--province", "ร้อยเอ็ด", "--content"])
        .arg(&c)
        .assert()
        .code(1)
        .stderr(contains("ระบุ --kind"));
    prongsai()
        .args(["new", "plan", "--authority", "x", "--years", "2570-2566", "--content"])
        .arg(&c)
        .assert()
        .code(2)
        .stderr(contains("ช่วงปี '2570-2566' ไม่ถูกต้อง: ปีสุดท้าย 2566 อยู่ก่อนปีแรก 2570"));
    prongsai()
        .args(["new", "plan", "--authority", "nobody", "--content"])
        .arg(&c)
        .assert()
        .code(1)
        .stderr(contains("ไม่พบหน่วยงาน 'nobody'"));
    assert!(
        !c.exists() || walkdir::WalkDir::new(&c).into_iter().filter_map(Result::ok).all(|e| e.file_type().is_dir()),
        "nothing written"
    );
}

/// Every optional line the officer is told to uncomment, uncommented as it stands.
fn uncommented(text: &str, skip: &[&str]) -> String {
    text.lines()
        .map(|l| {
            let trimmed = l.trim_start();
            let indent = &l[..l.len() - trimmed.len()];
            match trimmed.strip_prefix("# ") {
                // A key line, or an indented line under one (an alias under owner_aliases:).
                Some(rest)
                    if (rest.starts_with("  ") && rest.contains(": ")
                        || rest.split(':').next().is_some_and(|k| {
                            !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        }) && rest.contains(':'))
                        && !skip.iter().any(|s| rest.trim_start().starts_with(s)) =>
                {
                    format!("{indent}{rest}")
                }
                _ => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_optional_lines_are_valid_once_uncommented() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("content");
    prongsai()
        .args([
            "new",
            "authority",
            "bueng-nakhon",
            "--name",
            "องค์การบริหารส่วนตำบลบึงนคร",
            "--province",
            "ร้อยเอ็ด",
            "--base-url",
            "https://www.bueng-nakhon.go.th/ita/",
            "--content",
        ])
        .arg(&c)
        .assert()
        .success();
    prongsai()
        .args(["new", "plan", "--authority", "bueng-nakhon", "--years", "2566-2570", "--content"])
        .arg(&c)
        .assert()
        .success();
    for round in ["2567-6m", "2567-12m"] {
        prongsai()
            .args(["new", "report", "--authority", "bueng-nakhon", "--round", round, "--content"])
            .arg(&c)
            .assert()
            .success();
    }
    let a = c.join("bueng-nakhon/authority.yaml");
    let text = std::fs::read_to_string(&a).unwrap();
    let open = uncommented(&text, &[]);
    assert!(
        open.contains("\nowner_aliases:\n  กองคลังฯ: กองคลัง") && open.contains("\ncomplaint_channel: https://"),
        "{open}"
    );
    std::fs::write(&a, open).unwrap();
    // The signed documents are files the officer adds; everything else stands as written.
    let p = c.join("bueng-nakhon/plans/2566-2570.yaml");
    let plan = std::fs::read_to_string(&p).unwrap();
    let open = uncommented(&plan, &["document:", "items:", "- title:", "owner:", "budget:", "note:"]);
    assert!(open.contains("\nadopted: 2565-07-15"), "{open}");
    std::fs::write(&p, open).unwrap();
    for round in ["2567-6m", "2567-12m"] {
        let r = c.join(format!("bueng-nakhon/reports/{round}.yaml"));
        let text = std::fs::read_to_string(&r).unwrap();
        let open = uncommented(&text, &["document:"]);
        assert!(open.contains("\npublished: "), "{open}");
        std::fs::write(&r, open).unwrap();
    }
    prongsai()
        .args(["check", "--content"])
        .arg(&c)
        .assert()
        .success()
        .stderr(contains("ข้อผิดพลาด 0 รายการ คำเตือน 0 รายการ"));
}

#[test]
fn a_report_for_a_year_outside_the_chosen_plan_is_refused_and_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path();
    common::copy_dir(&common::root().join("content"), c);
    prongsai()
        .args(["new", "report", "--authority", "tua-yang", "--round", "2566-6m", "--plan", "2567-2570", "--content"])
        .arg(c)
        .assert()
        .code(1)
        .stderr(contains("แผน 2567-2570 ครอบคลุมปีงบประมาณ 2567–2570 ไม่รวมปี 2566 ของรอบนี้"));
    assert!(!c.join("tua-yang/reports/2566-6m.yaml").exists());
}
