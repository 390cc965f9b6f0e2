//! `prongsai serve`: an incremental rebuild writes exactly what a full build writes, and
//! the running server serves an edit, keeps the last good site on a bad one, and reloads.

mod common;

use prongsai::build::{load_and_check, render_site};
use prongsai::diag::Lang;
use prongsai::render::site::Options;
use prongsai::serve::state::SiteState;
use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&common::root().join("content"), dir.path());
    dir
}

/// Every file below `dir`, by relative path, and every folder (as "path/"), so that an
/// empty folder left behind shows too.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        if e.file_type().is_dir() {
            out.insert(format!("{rel}/"), Vec::new());
        } else {
            out.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    out
}

/// Small search blocks, so that an edit moves documents across block files too.
const OPTS: Options = Options {
    minify: false,
    search: prongsai::search::index::Options {
        block: 64,
        inline_max: 96,
        own_file_min: 256,
        shard_target: 512,
        pack_target: 512,
        records_chunk: 8,
    },
};

/// What `prongsai build` would write for `content` now.
fn full_build(content: &Path) -> BTreeMap<String, Vec<u8>> {
    let loaded = load_and_check(content);
    assert!(!loaded.diags.has_errors(), "the edited content is valid");
    let files = render_site(&loaded.content, content, OPTS).expect("full build");
    let out = tempfile::tempdir().unwrap();
    prongsai::build::write_atomically(&out.path().join("site"), &files).unwrap();
    tree(&out.path().join("site"))
}

fn assert_same(incremental: &BTreeMap<String, Vec<u8>>, full: &BTreeMap<String, Vec<u8>>, after: &str) {
    let only_inc: Vec<_> = incremental.keys().filter(|k| !full.contains_key(*k)).collect();
    let only_full: Vec<_> = full.keys().filter(|k| !incremental.contains_key(*k)).collect();
    let differ: Vec<_> =
        full.iter().filter(|(k, v)| incremental.get(*k).is_some_and(|w| w != *v)).map(|(k, _)| k).collect();
    assert!(
        only_inc.is_empty() && only_full.is_empty() && differ.is_empty(),
        "after {after}: only in the incremental site {only_inc:?}; only in the full build {only_full:?}; different {differ:?}"
    );
}

fn edit(path: &Path, from: &str, to: &str) {
    let s = std::fs::read_to_string(path).unwrap();
    assert!(s.contains(from), "{} contains {from:?}", path.display());
    std::fs::write(path, s.replacen(from, to, 1)).unwrap();
}

#[test]
fn an_incremental_rebuild_writes_exactly_what_a_full_build_writes() {
    let content = example_copy();
    let c = content.path();
    let out_parent = tempfile::tempdir().unwrap();
    let out = out_parent.path().join("site");
    let (mut state, summary) = SiteState::build(c, &out, OPTS, Lang::En).expect("first build");
    assert!(summary.full);
    assert_same(&tree(&out), &full_build(c), "the first build");

    let report = c.join("tua-yang/reports/2567-6m.yaml");
    let plan = c.join("bueng-nakhon/plans/2566-2570.yaml");
    let detail = c.join("bueng-nakhon/plans/2566-2570/1.1-3.md");
    let new_round = c.join("tua-yang/reports/2568-6m.yaml");
    type Step = (&'static str, Box<dyn Fn() -> Vec<PathBuf>>, Option<&'static [&'static str]>);
    let steps: Vec<Step> = vec![
        (
            "a report's status and note",
            Box::new({
                let report = report.clone();
                move || {
                    edit(
                        &report,
                        "  - item: 1.2-1\n    status: not_started",
                        "  - item: 1.2-1\n    status: done\n    note: แก้แล้ว",
                    );
                    vec![report.clone()]
                }
            }),
            Some(&["tua-yang"]),
        ),
        (
            "a plan budget (totals on the home page and the search index change)",
            Box::new({
                let plan = plan.clone();
                move || {
                    edit(&plan, "budget: {2566: \"13,000\"", "budget: {2566: \"14,500\"");
                    vec![plan.clone()]
                }
            }),
            Some(&["bueng-nakhon"]),
        ),
        (
            "a detail page removed",
            Box::new({
                let detail = detail.clone();
                move || {
                    std::fs::remove_file(&detail).unwrap();
                    vec![detail.clone()]
                }
            }),
            Some(&["bueng-nakhon"]),
        ),
        (
            "a new report round",
            Box::new({
                let (report, new_round) = (report.clone(), new_round.clone());
                move || {
                    let s = std::fs::read_to_string(&report).unwrap();
                    let s = s
                        .replace("fiscal_year: 2567", "fiscal_year: 2568")
                        .replace("as_of: 2567-03-31", "as_of: 2568-03-31")
                        .replace("published: 2567-04-20", "published: 2568-04-20")
                        .replace("document: files/report-2567-6m.pdf\n", "");
                    std::fs::write(&new_round, s).unwrap();
                    vec![new_round.clone()]
                }
            }),
            Some(&["tua-yang"]),
        ),
        (
            "the report round removed again",
            Box::new({
                let new_round = new_round.clone();
                move || {
                    std::fs::remove_file(&new_round).unwrap();
                    vec![new_round.clone()]
                }
            }),
            Some(&["tua-yang"]),
        ),
        (
            "an authority's name (home and province pages show it)",
            Box::new({
                let a = c.join("sisaket-pao/authority.yaml");
                move || {
                    edit(&a, "name: องค์การบริหารส่วนจังหวัดศรีสะเกษ", "name: องค์การบริหารส่วนจังหวัดศรีสะเกษ (ทดสอบ)");
                    vec![a.clone()]
                }
            }),
            Some(&["sisaket-pao"]),
        ),
        (
            "site.yaml (everything)",
            Box::new({
                let s = c.join("site.yaml");
                move || {
                    edit(&s, "พอร์ทัล", "พอร์ทัลทดสอบ");
                    vec![s.clone()]
                }
            }),
            None,
        ),
        (
            "a theme string overridden by the site",
            Box::new({
                let dir = c.join("_theme/static");
                move || {
                    std::fs::create_dir_all(&dir).unwrap();
                    let f = dir.join("extra.css");
                    std::fs::write(&f, "p{color:#123}\n").unwrap();
                    vec![f]
                }
            }),
            None,
        ),
    ];
    for (what, step, authorities) in steps {
        let changed = step();
        let summary = state.update(&changed).unwrap_or_else(|e| panic!("after {what}: {}", e.0));
        let pages_only = tree(&out);
        state.finish_index().unwrap_or_else(|e| panic!("index after {what}: {}", e.0));
        assert!(!state.index_stale());
        match authorities {
            Some(slugs) => {
                assert!(!summary.full, "{what}: only the authority is rebuilt");
                // Before the index step, everything but the search files is already final.
                let full = full_build(c);
                let without_search = |t: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
                    t.iter().filter(|(k, _)| !k.starts_with("search/")).map(|(k, v)| (k.clone(), v.clone())).collect()
                };
                assert_same(&without_search(&pages_only), &without_search(&full), &format!("{what}, before the index"));
                assert_eq!(summary.authorities, slugs.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{what}");
            }
            None => assert!(summary.full, "{what}: everything is rebuilt"),
        }
        assert_same(&tree(&out), &full_build(c), what);
    }
}

#[test]
fn an_edit_on_a_large_portal_rewrites_home_and_its_province_as_a_full_build_would() {
    // Past 60 authorities home is the table of provinces (issue 7); an edit re-renders it and
    // the edited authority's province page only, which must still equal a full build.
    let content = common::portal(64, |k| match k {
        5 => "เมืองสมมุติ".to_string(),
        _ if k % 2 == 0 => "ร้อยเอ็ด".to_string(),
        _ => "จังหวัดขอนแก่น".to_string(),
    });
    let c = content.path();
    let out_parent = tempfile::tempdir().unwrap();
    let out = out_parent.path().join("site");
    let (mut state, _) = SiteState::build(c, &out, OPTS, Lang::Th).expect("first build");
    let home_before = std::fs::read(out.join("index.html")).unwrap();
    assert!(String::from_utf8_lossy(&home_before).contains("portal-table"), "home lists provinces");
    let roi_et_before = std::fs::read(out.join("provinces/roi-et/index.html")).unwrap();
    let khon_kaen_before = std::fs::read(out.join("provinces/khon-kaen/index.html")).unwrap();
    let without_search = |t: BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        t.into_iter().filter(|(k, _)| !k.starts_with("search/")).collect()
    };
    // A budget in Roi Et: its row, the national total and its province page change.
    let plan = c.join("a010/plans/2566-2570.yaml");
    edit(&plan, "2570: 2950}", "2570: 99950}");
    let summary = state.update(std::slice::from_ref(&plan)).expect("rebuilt");
    assert!(!summary.full);
    assert_same(&without_search(tree(&out)), &without_search(full_build(c)), "a budget in Roi Et");
    assert_ne!(std::fs::read(out.join("index.html")).unwrap(), home_before);
    assert_ne!(std::fs::read(out.join("provinces/roi-et/index.html")).unwrap(), roi_et_before);
    assert_eq!(std::fs::read(out.join("provinces/khon-kaen/index.html")).unwrap(), khon_kaen_before);
    // A round of the authority whose province is not in the list: its card on home changes.
    let report = c.join("a005/reports/2566-6m.yaml");
    edit(&report, "status: in_progress", "status: done");
    assert!(!state.update(std::slice::from_ref(&report)).expect("rebuilt").full);
    state.finish_index().expect("index");
    assert_same(&tree(&out), &full_build(c), "a round in a province not in the list");
}

#[test]
fn a_failed_rebuild_leaves_the_site_as_it_was_and_a_fix_brings_it_up_to_date() {
    let content = example_copy();
    let c = content.path();
    let out_parent = tempfile::tempdir().unwrap();
    let out = out_parent.path().join("site");
    let (mut state, _) = SiteState::build(c, &out, OPTS, Lang::Th).unwrap();
    let before = tree(&out);
    let report = c.join("tua-yang/reports/2567-6m.yaml");
    let good = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, good.replace("status: in_progress", "status: halfway")).unwrap();
    let err = state.update(std::slice::from_ref(&report)).expect_err("a bad status fails");
    assert!(err.0.contains("tua-yang/reports/2567-6m.yaml:") && err.0.contains("error:"), "{}", err.0);
    assert_eq!(tree(&out), before, "the output is untouched after a failed rebuild");
    std::fs::write(&report, good.replace("status: in_progress", "status: done")).unwrap();
    state.update(std::slice::from_ref(&report)).expect("fixed");
    state.finish_index().expect("index");
    assert_same(&tree(&out), &full_build(c), "the fix");
}

#[test]
fn edits_are_sorted_into_the_authorities_they_touch() {
    use prongsai::serve::state::{Scope, scope_of};
    let root = Path::new("/c");
    let p = |s: &str| root.join(s);
    let set = |v: &[&str]| Scope::Authorities(v.iter().map(|s| s.to_string()).collect());
    assert_eq!(scope_of(root, &[p("tua-yang/reports/2567-6m.yaml"), p("tua-yang/files/a.pdf")]), set(&["tua-yang"]));
    assert_eq!(scope_of(root, &[p("a/plans/x.yaml"), p("b/authority.yaml")]), set(&["a", "b"]));
    assert_eq!(scope_of(root, &[p("site.yaml")]), Scope::Everything);
    assert_eq!(scope_of(root, &[p("_theme/templates/base.html")]), Scope::Everything);
    assert_eq!(scope_of(root, &[p("tua-yang")]), Scope::Everything, "a folder itself added or removed");
    assert_eq!(scope_of(root, &[p("published-addresses.txt")]), Scope::Everything);
}

/// A minimal HTTP GET on loopback: (status code, body).
fn get(base: &str, path: &str) -> (u16, String) {
    let hostport = base.trim_start_matches("http://").trim_end_matches('/');
    let mut s = std::net::TcpStream::connect(hostport).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {hostport}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let code = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (code, body)
}

struct Server(std::process::Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn poll_until(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < Duration::from_secs(60), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_rebuilds_after_an_edit_and_serves_the_change() {
    let content = example_copy();
    let c = content.path();
    let out = tempfile::tempdir().unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(["serve", "--port", "0", "--content"])
        .arg(c)
        .arg("--output")
        .arg(out.path().join("site"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let mut line = String::new();
    std::io::BufReader::new(server.0.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let base = line.trim().to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "binds loopback by default: {base}");

    let page = "/tua-yang/reports/2567-6m/";
    let (code, body) = get(&base, page);
    assert_eq!(code, 200);
    assert!(body.contains("/__prongsai/live.js"), "the page carries the reload script");
    assert!(!body.contains("ประชุมชี้แจงแล้ว"));
    let (_, status) = get(&base, "/__prongsai/status");
    assert!(status.contains("\"error\":null"), "{status}");

    let report = c.join("tua-yang/reports/2567-6m.yaml");
    let good = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        good.replace(
            "  - item: 1.2-1\n    status: not_started",
            "  - item: 1.2-1\n    status: done\n    note: ประชุมชี้แจงแล้ว",
        ),
    )
    .unwrap();
    poll_until("the edit to be served", || get(&base, page).1.contains("ประชุมชี้แจงแล้ว"));

    // A broken file: the error is reported, the last good page stays.
    let edited = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, format!("{edited}\nitems: [\n")).unwrap();
    poll_until("the error to be reported", || get(&base, "/__prongsai/status").1.contains("2567-6m.yaml:"));
    let (code, body) = get(&base, page);
    assert_eq!(code, 200);
    assert!(body.contains("ประชุมชี้แจงแล้ว"), "the last good site is still served");

    // An edit elsewhere while the file stays broken: the error is still reported.
    let other = c.join("bueng-nakhon/authority.yaml");
    let text = std::fs::read_to_string(&other).unwrap();
    std::fs::write(&other, format!("{text}\n# แก้ไขระหว่างที่อีกไฟล์ยังผิด\n")).unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(get(&base, "/__prongsai/status").1.contains("2567-6m.yaml:"), "the error is not forgotten");

    // Fixed by putting back exactly the last good bytes: the error goes away.
    std::fs::write(&report, &edited).unwrap();
    poll_until("the error to clear", || get(&base, "/__prongsai/status").1.contains("\"error\":null"));

    // The original again: served, error gone.
    std::fs::write(&report, &good).unwrap();
    poll_until("the fix to be served", || {
        get(&base, "/__prongsai/status").1.contains("\"error\":null") && !get(&base, page).1.contains("ประชุมชี้แจงแล้ว")
    });
    assert_eq!(get(&base, "/../../../etc/passwd").0, 404);
    assert_eq!(get(&base, "/no/such/page/").0, 404);
}

#[test]
fn an_output_folder_that_is_not_a_site_is_never_replaced() {
    let content = example_copy();
    let c = content.path();
    let project = tempfile::tempdir().unwrap();
    std::fs::write(project.path().join("notes.txt"), "งานของเจ้าหน้าที่").unwrap();
    let bin = env!("CARGO_BIN_EXE_prongsai");
    // `build --output` at a folder of other files: refused, the files stay.
    let out = std::process::Command::new(bin)
        .args(["build", "--content"])
        .arg(c)
        .arg("--output")
        .arg(project.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ไม่แทนที่โฟลเดอร์ที่มีไฟล์อื่นอยู่"));
    assert_eq!(std::fs::read_to_string(project.path().join("notes.txt")).unwrap(), "งานของเจ้าหน้าที่");
    // `serve --output` at the folder holding the content, or inside it: refused before
    // anything is created.
    for output in [c.parent().unwrap().to_path_buf(), c.join("preview")] {
        let out = std::process::Command::new(bin)
            .args(["serve", "--port", "0", "--content"])
            .arg(c)
            .arg("--output")
            .arg(&output)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", output.display());
        assert!(String::from_utf8_lossy(&out.stderr).contains("ซ้อนกับโฟลเดอร์เนื้อหา"), "{}", output.display());
    }
    assert!(!c.join("preview").exists(), "nothing created inside the content");
    assert!(c.join("site.yaml").is_file(), "the content is intact");
    // A folder a build wrote is replaced by the next build.
    let site = project.path().join("site");
    for _ in 0..2 {
        let ok = std::process::Command::new(bin)
            .args(["build", "--content"])
            .arg(c)
            .arg("--output")
            .arg(&site)
            .output()
            .unwrap();
        assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    }
}
