//! Bad input: for every case in `tests/bad-input/cases.tsv`, copy the valid fixture
//! `tests/fixtures/base` to a temporary folder, drop one broken file into it, run
//! `prongsai check`, and check the exit code and each expected diagnostic
//! (`path:line:col: severity: message`). The manifest's header explains its columns.
//!
//! A manifest line whose case file is written `#name` is a known program bug: the line
//! holds the correct expectation and is skipped until the program is fixed.

mod common;
use assert_cmd::Command;
use common::copy_dir;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const CLEAN_SUMMARY: &str = "ข้อผิดพลาด 0 รายการ คำเตือน 0 รายการ";

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn base_dir() -> PathBuf {
    tests_dir().join("fixtures").join("base")
}

fn cases_dir() -> PathBuf {
    tests_dir().join("bad-input")
}

#[derive(Debug, Clone)]
struct Expect {
    /// `error`, `warning`, or `none` (no error and no warning at all).
    severity: String,
    /// `path:line:col`, path relative to the content folder.
    location: String,
    fragment: String,
}

#[derive(Debug)]
struct Case {
    file: String,
    target: String,
    exit: i32,
    expects: Vec<Expect>,
    /// Manifest line numbers, for messages.
    lines: Vec<usize>,
}

struct Manifest {
    /// Active cases, in manifest order.
    cases: Vec<Case>,
    /// Case files of lines marked `#name` (known bugs).
    disabled: BTreeSet<String>,
}

/// Splits a manifest line into its six fields, or says why not.
fn fields(line: &str, n: usize) -> [String; 6] {
    let parts: Vec<&str> = line.split('\t').collect();
    assert!(parts.len() == 6, "cases.tsv line {n}: expected 6 tab-separated fields, found {}: {line:?}", parts.len());
    std::array::from_fn(|i| parts[i].to_string())
}

fn read_manifest() -> Manifest {
    let path = cases_dir().join("cases.tsv");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut cases: Vec<Case> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut disabled = BTreeSet::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('#') {
            // `# comment` or `#case_file<TAB>…` (a known bug, skipped).
            if !rest.starts_with(' ') && rest.contains('\t') {
                let [file, ..] = fields(rest, n);
                disabled.insert(file);
            }
            continue;
        }
        let [file, target, exit, severity, location, fragment] = fields(line, n);
        let exit: i32 =
            exit.parse().unwrap_or_else(|_| panic!("cases.tsv line {n}: exit code {exit:?} is not a number"));
        assert!(
            matches!(severity.as_str(), "error" | "warning" | "none"),
            "cases.tsv line {n}: severity must be error, warning or none, not {severity:?}"
        );
        let expect = Expect { severity, location, fragment };
        match index.get(&file) {
            Some(&k) => {
                let c = &mut cases[k];
                assert!(
                    c.target == target && c.exit == exit,
                    "cases.tsv line {n}: case {file} repeats with a different target or exit code than line {}",
                    c.lines[0]
                );
                c.expects.push(expect);
                c.lines.push(n);
            }
            None => {
                index.insert(file.clone(), cases.len());
                cases.push(Case { file, target, exit, expects: vec![expect], lines: vec![n] });
            }
        }
    }
    Manifest { cases, disabled }
}

/// A fresh copy of the base fixture with the case's file placed at its target.
fn prepare(case: &Case) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("content");
    copy_dir(&base_dir(), &root);
    if let Some(dir) = case.target.strip_suffix('/') {
        // A folder where a file is expected: replace the file, if the fixture has one.
        let dest = root.join(dir);
        if dest.is_file() {
            fs::remove_file(&dest).unwrap();
        }
        fs::create_dir_all(&dest).unwrap();
    } else {
        let dest = root.join(&case.target);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        let src = cases_dir().join(&case.file);
        fs::copy(&src, &dest).unwrap_or_else(|e| panic!("copy {} → {}: {e}", src.display(), dest.display()));
    }
    tmp
}

struct Run {
    code: Option<i32>,
    stderr: String,
}

fn check(root: &Path, extra: &[&str]) -> Run {
    let out =
        Command::cargo_bin("prongsai").unwrap().arg("check").arg("--content").arg(root).args(extra).output().unwrap();
    Run { code: out.status.code(), stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

/// Everything wrong with one run, as text; empty when the case passes.
fn problems(case: &Case, run: &Run) -> Vec<String> {
    let mut out = Vec::new();
    if run.code != Some(case.exit) {
        out.push(format!("exit code {:?}, expected {}", run.code, case.exit));
    }
    if run.stderr.contains("panicked") {
        out.push("the program panicked".into());
    }
    for e in &case.expects {
        if e.severity == "none" {
            if !run.stderr.lines().any(|l| l == CLEAN_SUMMARY) {
                out.push(format!("expected no error and no warning (summary `{CLEAN_SUMMARY}`)"));
            }
            continue;
        }
        let head = format!("{}: {}: ", e.location, e.severity);
        if !run.stderr.lines().any(|l| l.starts_with(&head) && l.contains(&e.fragment)) {
            out.push(format!("missing: `{head}…{}…`", e.fragment));
        }
    }
    out
}

#[test]
fn every_bad_input_case_is_reported() {
    let manifest = read_manifest();
    let mut failures = Vec::new();
    for case in &manifest.cases {
        let tmp = prepare(case);
        let run = check(&tmp.path().join("content"), &[]);
        let p = problems(case, &run);
        if !p.is_empty() {
            failures.push(format!(
                "── {} → {} (cases.tsv line {:?})\n   {}\n   stderr:\n{}",
                case.file,
                case.target,
                case.lines,
                p.join("\n   "),
                run.stderr
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad-input cases failed:\n\n{}",
        failures.len(),
        manifest.cases.len(),
        failures.join("\n")
    );
}

#[test]
fn base_fixture_is_valid_without_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("content");
    copy_dir(&base_dir(), &root);
    let run = check(&root, &[]);
    assert_eq!(run.code, Some(0), "stderr:\n{}", run.stderr);
    assert_eq!(run.stderr.lines().last(), Some(CLEAN_SUMMARY), "stderr:\n{}", run.stderr);
    assert!(!run.stderr.contains(": warning: ") && !run.stderr.contains(": error: "), "stderr:\n{}", run.stderr);
}

fn is_thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}

#[test]
fn english_messages_with_lang_en() {
    let manifest = read_manifest();
    let case = manifest
        .cases
        .iter()
        .find(|c| c.file == "plan-amount-grouping.yaml")
        .expect("case plan-amount-grouping.yaml in cases.tsv");
    let tmp = prepare(case);
    let run = check(&tmp.path().join("content"), &["--lang", "en"]);
    assert_eq!(run.code, Some(1), "stderr:\n{}", run.stderr);
    let head = "demo/plans/2566-2570.yaml:27:21: error: ";
    let message = "'20,0000' is not a valid amount: thousands separators must stand every three digits";
    assert!(
        run.stderr.lines().any(|l| l.starts_with(head) && l.contains(message)),
        "expected `{head}{message}`; stderr:\n{}",
        run.stderr
    );
    assert!(run.stderr.lines().any(|l| l == "1 error(s), 0 warning(s)"), "stderr:\n{}", run.stderr);
    // Only the quoted source lines (` 27 | …`, `    | ^`) may carry Thai.
    for line in run.stderr.lines() {
        let quoted = line.starts_with(' ')
            && line.trim_start().split_once('|').is_some_and(|(n, _)| n.trim().chars().all(|c| c.is_ascii_digit()));
        assert!(quoted || !line.chars().any(is_thai), "Thai text in English mode: {line:?}\nstderr:\n{}", run.stderr);
    }
}

#[test]
fn manifest_is_complete() {
    let manifest = read_manifest();
    let active: BTreeSet<&str> = manifest.cases.iter().map(|c| c.file.as_str()).collect();
    assert!(active.len() >= 40, "only {} distinct active case files in cases.tsv", active.len());
    // Every case file named in the manifest exists, and every file in the folder is named.
    let named: BTreeSet<String> =
        active.iter().map(|s| s.to_string()).chain(manifest.disabled.iter().cloned()).collect();
    let on_disk: BTreeSet<String> = fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && n != "cases.tsv" && n != "README.md")
        .collect();
    let missing: Vec<_> = named.difference(&on_disk).collect();
    let unnamed: Vec<_> = on_disk.difference(&named).collect();
    assert!(missing.is_empty(), "case files named in cases.tsv but absent: {missing:?}");
    assert!(unnamed.is_empty(), "files in tests/bad-input not named in cases.tsv: {unnamed:?}");
}

/// A plan of `n` items in one mission, every item on four lines starting at line 8.
fn plan_with_items(n: usize, broken: Option<usize>) -> String {
    let mut s = String::from(
        "title: แผนขนาดใหญ่\nfiscal_years: [2566, 2567]\ntemplate: nacc-2566\ndimensions:\n  - no: 1\n    missions:\n      - no: \"1.1\"\n        items:\n",
    );
    for i in 1..=n {
        let amount = if Some(i) == broken { "\"12,34\"".to_string() } else { format!("{}", i * 100) };
        s.push_str(&format!(
            "          - title: โครงการส่งเสริมคุณธรรมที่ {i}\n            owner: สำนักปลัด\n            budget: {{2566: {amount}, 2567: {i}}}\n"
        ));
    }
    s
}

#[test]
fn ten_thousand_items_in_one_plan_pass_and_an_error_deep_inside_is_located() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("content");
    copy_dir(&base_dir(), &root);
    let plan = root.join("demo/plans/2566-2570.yaml");
    fs::write(&plan, plan_with_items(10_000, None)).unwrap();
    // The report of the base fixture names items of the old plan; this case is about the plan.
    fs::remove_dir_all(root.join("demo/reports")).ok();
    fs::remove_dir_all(root.join("demo/plans/2566-2570")).ok();
    let run = check(&root, &[]);
    assert_eq!(run.code, Some(0), "stderr:\n{}", run.stderr);
    assert!(!run.stderr.contains(": error: "), "stderr:\n{}", run.stderr);

    // Item 9,999 starts on line 9 + 3 × 9,998; its budget is the third of its lines, the
    // amount at column 28 (its opening quote).
    fs::write(&plan, plan_with_items(10_000, Some(9_999))).unwrap();
    let run = check(&root, &[]);
    assert_eq!(run.code, Some(1), "stderr:\n{}", run.stderr);
    let line = 9 + 3 * 9_998 + 2;
    let head = format!("demo/plans/2566-2570.yaml:{line}:28: error: '12,34' ไม่ใช่จำนวนเงินที่ถูกต้อง");
    assert!(run.stderr.lines().any(|l| l.starts_with(&head)), "expected `{head}`; stderr:\n{}", run.stderr);
}

#[test]
fn a_50_mb_yaml_file_is_refused_with_its_limit_and_nothing_is_built() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("content");
    copy_dir(&base_dir(), &root);
    let plan = root.join("demo/plans/2566-2570.yaml");
    let mut text = fs::read_to_string(&plan).unwrap();
    let filler = "# ความเห็นยาวเพื่อทดสอบขนาดไฟล์ ".repeat(40) + "\n";
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&filler);
    }
    fs::write(&plan, &text).unwrap();
    let run = check(&root, &[]);
    assert_eq!(run.code, Some(1), "stderr:\n{}", run.stderr);
    let head = "demo/plans/2566-2570.yaml:1:1: error: ";
    assert!(
        run.stderr.lines().any(|l| l.starts_with(head) && l.contains("16")),
        "expected `{head}` naming the 16 MB limit; stderr:\n{}",
        run.stderr
    );
    let out = tmp.path().join("site");
    let build = Command::cargo_bin("prongsai")
        .unwrap()
        .args(["build", "--content"])
        .arg(&root)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(build.status.code(), Some(1));
    assert!(!out.exists(), "a failed build writes nothing");
}
