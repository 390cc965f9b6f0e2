//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The errors among what loading and checking reported, rendered in English, for an
/// assertion message.
pub fn errors(loaded: &prongsai::content::load::Loaded) -> Vec<String> {
    loaded
        .diags
        .list
        .iter()
        .filter(|d| d.severity == prongsai::diag::Severity::Error)
        .map(|d| prongsai::diag::render(d, &loaded.sources, prongsai::diag::Lang::En))
        .collect()
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder tree (a fixture into a temporary folder).
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Every file below `dir` with its bytes, in name order: to compare a site byte for byte.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Authority `k` of a generated portal: its kind and name.
pub fn portal_authority(k: usize) -> (&'static str, String) {
    match k {
        10 => ("pao", "องค์การบริหารส่วนจังหวัดร้อยเอ็ด".to_string()),
        _ if k.is_multiple_of(9) => ("municipality", format!("เทศบาลตำบลทดสอบที่ {k}")),
        _ => ("sao", format!("องค์การบริหารส่วนตำบลทดสอบที่ {k}")),
    }
}

/// The folder (slug) of authority `k` of a generated portal.
pub fn portal_slug(k: usize) -> String {
    format!("a{k:03}")
}

const PORTAL_DISTRICTS: [&str; 5] = ["เมือง", "ธวัชบุรี", "เสลภูมิ", "โพนทอง", "จตุรพักตรพิมาน"];

/// The district of authority `k` of a generated portal; one in 17 states none.
pub fn portal_district(k: usize) -> Option<&'static str> {
    (!k.is_multiple_of(17)).then(|| PORTAL_DISTRICTS[(k * 7 + k / 10) % PORTAL_DISTRICTS.len()])
}

fn rewrite(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(text)).unwrap();
}

/// A portal of `n` authorities made from tests/fixtures/base, authority `k` in province
/// `province(k)` (as written in its authority.yaml): each a copy of the fixture's one
/// authority with another name, district and kind, and figures that differ from one to the
/// next: a budget of its own (some with satang), statuses of their own, some without a plan
/// or report, some without a district, some with a 12-month round after the 6-month one.
/// Fast to make and to build, unlike the synthetic generator's release build.
pub fn portal(n: usize, province: impl Fn(usize) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let base = root().join("tests/fixtures/base");
    std::fs::copy(base.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    for k in 0..n {
        let a = dir.path().join(portal_slug(k));
        copy_dir(&base.join("demo"), &a);
        // ITA pages are not what this is about and would multiply the build's pages.
        std::fs::remove_dir_all(a.join("ita")).unwrap();
        let (kind, name) = portal_authority(k);
        rewrite(&a.join("authority.yaml"), |t| {
            let district = portal_district(k).map(|d| format!("district: {d}\n")).unwrap_or_default();
            t.replace("name: องค์การบริหารส่วนตำบลตัวอย่าง", &format!("name: {name}"))
                .replace("kind: sao", &format!("kind: {kind}"))
                .replace("province: ขอนแก่น", &format!("province: {}", province(k)))
                .replace("district: เมืองขอนแก่น\n", &district)
                .replace("code: \"0000000\"", &format!("code: \"{:07}\"", 1000 + k))
        });
        rewrite(&a.join("plans/2566-2570.yaml"), |t| {
            let t = t[..t.find("stated_totals:").unwrap()].to_string();
            let amount = if k % 3 == 0 { format!("{}.25", 1000 + 37 * k) } else { format!("{}", 500 + 113 * k) };
            t.replace(
                "{2566: 2950, 2567: 2950, 2568: 2950, 2569: 2950, 2570: 2950}",
                &format!("{{2566: {amount}, 2567: {amount}, 2568: 0, 2569: {amount}, 2570: 2950}}"),
            )
        });
        rewrite(&a.join("reports/2566-6m.yaml"), |t| {
            let t = t[..t.find("stated_summary:").unwrap()].to_string();
            if (k / 10) % 3 == 1 { t.replace("status: not_started", "status: awaiting_report") } else { t }
        });
        if (k / 10 + k) % 4 == 2 {
            let six = std::fs::read_to_string(a.join("reports/2566-6m.yaml")).unwrap();
            let twelve = six
                .replace("period: 6m", "period: 12m")
                .replace("as_of: 2566-03-31", "as_of: 2566-09-30")
                .replace("published: 2566-04-20", "published: 2566-10-20")
                .replace("status: in_progress", "status: done")
                .replace("status: not_started", "status: awaiting_report");
            std::fs::write(a.join("reports/2566-12m.yaml"), twelve).unwrap();
        }
        if k % 11 == 3 {
            std::fs::remove_dir_all(a.join("plans")).unwrap();
            std::fs::remove_dir_all(a.join("reports")).unwrap();
        } else if k % 7 == 1 {
            std::fs::remove_dir_all(a.join("reports")).unwrap();
        }
    }
    dir
}
