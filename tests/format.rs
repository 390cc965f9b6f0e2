//! Features of the content format that the example content does not all exercise:
//! plans without a mission level, templates supplying titles, default ids, kinds from
//! titles, standalone reports, Thai status words, and inputs that must fail fast.

mod common;

use assert_cmd::Command;
use prongsai::build::load_and_check;
use prongsai::compute;
use prongsai::content::model::*;
use prongsai::content::numbers::Money;
use prongsai::diag::Lang;
use std::path::Path;

fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

const SITE: &str = "title: ทดสอบ\nbase_url: https://example.go.th/t\n";
const AUTHORITY: &str = "name: องค์การบริหารส่วนตำบลทดสอบ\nkind: sao\nprovince: ขอนแก่น\n";

use common::errors;

#[test]
fn plan_without_missions_templates_ids_and_kinds() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("site.yaml", SITE),
            ("t/authority.yaml", AUTHORITY),
            (
                "t/plans/2566.yaml",
                "title: แผน 2566\nfiscal_years: [๒๕๖๖]\ntemplate: nacc-2566\ndimensions:\n  - no: 1\n    items:\n      - title: โครงการหนึ่ง\n        budget: {2566: \"๑,๒๐๐.๕๐\"}\n      - title: \"“มาตรการสอง”\"\n      - title: ส่งเสริมความรู้\n        budget: {2566: ไม่ใช้งบประมาณ}\n  - no: 2\n    missions:\n      - no: \"2.2\"\n        items:\n          - title: กิจกรรมสาม\n          - id: four\n            kind: project\n            title: สี่\n            budget: {2566: 0}\n",
            ),
        ],
    );
    let l = load_and_check(dir.path());
    assert!(errors(&l).is_empty(), "{:?}", errors(&l));
    let p = &l.content.authorities[0].plans[0];
    // Titles left out come from the template.
    assert_eq!(p.dimensions[0].title, "การสร้างวัฒนธรรมสุจริต");
    assert_eq!(p.dimensions[1].missions[0].title, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส");
    let got: Vec<(&str, Kind, Option<&str>)> =
        p.items.iter().map(|i| (i.id.as_str(), i.kind, i.mission.as_deref())).collect();
    assert_eq!(
        got,
        vec![
            ("1-1", Kind::Project, None),
            ("1-2", Kind::Measure, None),
            ("1-3", Kind::Other, None),
            ("2.2-1", Kind::Activity, Some("2.2")),
            ("four", Kind::Project, Some("2.2")),
        ]
    );
    assert_eq!(p.items[0].amount(2566), Amount::Stated(Money(120_050)));
    assert_eq!(p.items[1].amount(2566), Amount::NotStated);
    assert_eq!(p.items[2].amount(2566), Amount::Stated(Money::ZERO));
    let t = compute::plan::compute(p, &[]);
    assert_eq!((t.plan.funded, t.plan.total, t.plan.by_year[&2566].not_stated_items), (1, Money(120_050), 2));
}

#[test]
fn standalone_report_with_thai_status_words() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("site.yaml", SITE),
            ("t/authority.yaml", AUTHORITY),
            (
                "t/reports/2565-12m.yaml",
                "fiscal_year: 2565\nperiod: 12m\nas_of: 2565-09-30\nitems:\n  - {title: โครงการก, dimension: 1, status: ดำเนินการแล้วเสร็จ, budget: 55745, disbursed: 17385}\n  - {title: มาตรการข, dimension: 2, status: รอรายงาน}\n  - {title: กิจกรรมค, dimension: 2, status: in_progress, budget: \"-\"}\nstated_summary: {done: 1, total: 3, budget: 55745.00}\n",
            ),
        ],
    );
    let l = load_and_check(dir.path());
    assert!(errors(&l).is_empty(), "{:?}", errors(&l));
    let r = &l.content.authorities[0].reports[0];
    let round = compute::report::compute(r, None);
    assert_eq!(round.totals.by_status, [1, 1, 1, 0, 0]);
    assert_eq!(round.items[1].kind, Kind::Measure);
    // 1 done of 3 items, one awaiting: 1 ÷ 2.
    assert_eq!(round.totals.completion_rate().as_deref(), Some("0.5000"));
    assert_eq!(round.totals.disbursement_rate().as_deref(), Some("0.3119"));
    assert_eq!(round.totals.budget_not_stated, 2);
    assert!(round.stated.iter().all(|c| c.matches), "{:?}", round.stated);
}

#[test]
fn rates_are_null_when_undefined() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("site.yaml", SITE),
            ("t/authority.yaml", AUTHORITY),
            (
                "t/reports/2566-6m.yaml",
                "fiscal_year: 2566\nperiod: 6m\nitems:\n  - {title: ก, dimension: 1, status: awaiting_report, budget: 0}\n",
            ),
        ],
    );
    let l = load_and_check(dir.path());
    let round = compute::report::compute(&l.content.authorities[0].reports[0], None);
    assert_eq!(round.totals.completion_rate(), None);
    assert_eq!(round.totals.disbursement_rate(), None);
}

fn check(dir: &Path) -> assert_cmd::assert::Assert {
    Command::cargo_bin("prongsai").unwrap().args(["check", "--content"]).arg(dir).assert()
}

#[test]
fn a_50_mb_file_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[("site.yaml", SITE), ("t/authority.yaml", AUTHORITY)]);
    let big = "items:\n".to_string() + &"  - title: โครงการ\n".repeat(50 * 1024 * 1024 / 30);
    assert!(big.len() > 50_000_000);
    write(dir.path(), &[("t/plans/big.yaml", &big)]);
    let out = check(dir.path()).code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("t/plans/big.yaml:1:1: error: ไฟล์ใหญ่เกิน 16 MB"), "{err}");
}

#[test]
fn misuse_exits_2() {
    Command::cargo_bin("prongsai").unwrap().args(["check", "--bogus"]).assert().code(2);
    Command::cargo_bin("prongsai").unwrap().args(["nonsense"]).assert().code(2);
    let dir = tempfile::tempdir().unwrap();
    check(&dir.path().join("nowhere")).code(2);
}

#[test]
fn every_message_has_thai_and_english() {
    // The English check of the example content mentions no Thai-only template words.
    let l = load_and_check(Path::new(env!("CARGO_MANIFEST_DIR")).join("content").as_path());
    for d in &l.diags.list {
        let th = d.text(Lang::Th);
        let en = d.text(Lang::En);
        assert_ne!(th, en);
        assert!(th.chars().any(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c)), "{th}");
    }
}
