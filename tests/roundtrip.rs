//! The officer's round trip through Excel, end to end, with the workbooks the program itself
//! writes: the plan.xlsx published on the site imports back to the same plan; a plan
//! template filled in row by row, and a report template filled with a round's statuses,
//! import back to exactly that plan and that round.

mod common;

use calamine::{Data, Reader};
use prongsai::build::load_and_check;
use prongsai::content::load::Loaded;
use prongsai::content::model::*;
use prongsai::diag::Lang;
use prongsai::import;
use std::path::Path;

fn original() -> Loaded {
    let loaded = load_and_check(&common::root().join("content"));
    assert!(!loaded.diags.has_errors());
    loaded
}

fn authority<'a>(c: &'a Loaded, slug: &str) -> &'a Authority {
    c.content.authorities.iter().find(|a| a.slug == slug).expect("authority")
}

/// site.yaml and the authority's authority.yaml, nothing else.
fn bare_content(slug: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = common::root().join("content");
    std::fs::copy(src.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    std::fs::create_dir_all(dir.path().join(slug)).unwrap();
    std::fs::copy(src.join(slug).join("authority.yaml"), dir.path().join(slug).join("authority.yaml")).unwrap();
    dir
}

fn reload(content: &Path) -> Loaded {
    let loaded = load_and_check(content);
    assert!(!loaded.diags.has_errors(), "the imported content passes check");
    loaded
}

/// Everything about an item that a sheet carries.
fn item_line(i: &Item) -> String {
    let budget: Vec<String> = i.budget.iter().map(|(y, a)| format!("{y}={a:?}")).collect();
    format!(
        "{} d{} m{:?} {:?} {} sub{:?} owner{:?} [{}] q{:?} egp{:?} note{:?}",
        i.id,
        i.dimension,
        i.mission,
        i.kind,
        i.title,
        i.sub_missions,
        i.owner,
        budget.join(" "),
        i.quarters,
        i.egp,
        i.note
    )
}

fn structure(p: &Plan) -> Vec<String> {
    p.dimensions
        .iter()
        .flat_map(|d| {
            std::iter::once(format!("{} {}", d.no, d.title))
                .chain(d.missions.iter().map(|m| format!("{} {}", m.no, m.title)))
        })
        .collect()
}

#[test]
fn the_published_plan_xlsx_imports_back_to_the_same_plan() {
    let c = original();
    let figures = prongsai::compute::site(&c.content);
    for (slug, plan) in [("bueng-nakhon", "2566-2570"), ("sisaket-pao", "2561-2564"), ("tua-yang", "2567-2570")] {
        let i = c.content.authorities.iter().position(|a| a.slug == slug).unwrap();
        let a = &c.content.authorities[i];
        let p = a.plans.iter().position(|x| x.slug == plan).unwrap();
        let bytes = prongsai::xlsx::plan_xlsx(&c.content.site, a, &a.plans[p], &figures[i].plans[p]).unwrap();
        let dir = bare_content(slug);
        let file = dir.path().join("plan.xlsx");
        std::fs::write(&file, bytes).unwrap();
        import::import_plan(&file, dir.path(), slug, plan, false)
            .unwrap_or_else(|e| panic!("{slug}: {}", e.render(Lang::En)));
        let back = reload(dir.path());
        let got = &authority(&back, slug).plans[0];
        let want = &a.plans[p];
        assert_eq!(got.fiscal_years, want.fiscal_years, "{slug}");
        assert_eq!(structure(got), structure(want), "{slug}");
        let (g, w): (Vec<String>, Vec<String>) =
            (got.items.iter().map(item_line).collect(), want.items.iter().map(item_line).collect());
        assert_eq!(g, w, "{slug}: every item comes back as it was");
    }
}

/// The cells of a workbook's first sheet as text (numbers in Rust's shortest form).
fn cells(bytes: &[u8]) -> (String, Vec<Vec<String>>) {
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    let rows = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::Float(f) => format!("{f}"),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    (name, rows)
}

/// Writes `rows` as an officer's saved workbook would hold them.
fn write_xlsx(path: &Path, sheet: &str, rows: &[Vec<String>]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

fn column(header: &[String], word: &str) -> usize {
    header.iter().position(|h| h.contains(word)).unwrap_or_else(|| panic!("a column '{word}' in {header:?}"))
}

#[test]
fn a_plan_template_filled_in_imports_to_exactly_what_was_typed() {
    let bytes =
        prongsai::xlsx::plan_template(&[2566, 2567, 2568, 2569, 2570], None, Some("องค์การบริหารส่วนตำบลบึงนคร")).unwrap();
    let (sheet, mut rows) = cells(&bytes);
    let h = rows.iter().position(|r| r.iter().any(|c| c.contains("โครงการ/กิจกรรม/มาตรการ"))).expect("header row");
    let header = rows[h].clone();
    let (title, owner, note) = (column(&header, "โครงการ"), column(&header, "ผู้รับผิดชอบ"), column(&header, "หมายเหตุ"));
    let year = |y: i32| column(&header, &y.to_string());
    // The officer types into the empty rows under missions 1.1 and 3.2, as the template
    // leaves them, in the ways officers type amounts.
    let mission_row = |rows: &[Vec<String>], no: &str| {
        rows.iter().position(|r| r.iter().any(|c| c.starts_with(&format!("{no} ")))).unwrap()
    };
    let typed: [(&str, &str, &str, [&str; 5], &str); 3] = [
        ("1.1", "โครงการอบรมคุณธรรมจริยธรรม", "สำนักปลัด", ["๑๓,๐๐๐", "13000", "13,000.50", "-", ""], "โครงการต่อเนื่อง"),
        ("1.1", "มาตรการป้องกันผลประโยชน์ทับซ้อน", "สำนักปลัด\nกองคลัง", ["0", "ไม่ใช้งบประมาณ", "0", "0", "0"], ""),
        ("3.2", "กิจกรรมรับเรื่องร้องเรียนการทุจริต", "สำนักปลัด", ["5,000", "5,000", "5,000", "5,000", "5,000"], ""),
    ];
    let mut next: std::collections::BTreeMap<&str, usize> = Default::default();
    for (m, t, o, amounts, n) in &typed {
        let r = *next.entry(m).or_insert_with(|| mission_row(&rows, m) + 1);
        next.insert(m, r + 1);
        assert!(rows[r][title].is_empty(), "the template leaves row {r} empty for items");
        rows[r][title] = t.to_string();
        rows[r][owner] = o.to_string();
        rows[r][note] = n.to_string();
        for (k, a) in amounts.iter().enumerate() {
            rows[r][year(2566 + k as i32)] = a.to_string();
        }
    }
    let dir = bare_content("bueng-nakhon");
    let file = dir.path().join("แผน.xlsx");
    write_xlsx(&file, &sheet, &rows);
    import::import_plan(&file, dir.path(), "bueng-nakhon", "2566-2570", false)
        .unwrap_or_else(|e| panic!("{}", e.render(Lang::Th)));
    let back = reload(dir.path());
    let p = &authority(&back, "bueng-nakhon").plans[0];
    assert_eq!(p.template.as_deref(), Some("nacc-2566"));
    let got: Vec<String> = p.items.iter().map(item_line).collect();
    let money = |baht: i64, satang: i64| Amount::Stated(prongsai::content::numbers::Money(baht * 100 + satang));
    let line =
        |id: &str, m: &str, kind: Kind, title: &str, owners: &[&str], amounts: Vec<Amount>, note: Option<&str>| {
            let budget: Vec<String> = amounts.iter().enumerate().map(|(k, a)| format!("{}={a:?}", 2566 + k)).collect();
            let owners: Vec<String> = owners.iter().map(|o| o.to_string()).collect();
            let (none_s, none_q): (Vec<String>, Vec<u8>) = (Vec::new(), Vec::new());
            format!(
                "{id} d{} m{:?} {kind:?} {title} sub{none_s:?} owner{owners:?} [{}] q{none_q:?} egp{none_s:?} note{:?}",
                &m[..1],
                Some(m),
                budget.join(" "),
                note.map(str::to_string)
            )
        };
    let want = vec![
        line(
            "1.1-1",
            "1.1",
            Kind::Project,
            "โครงการอบรมคุณธรรมจริยธรรม",
            &["สำนักปลัด"],
            vec![money(13_000, 0), money(13_000, 0), money(13_000, 50), Amount::NotStated, Amount::NotStated],
            Some("โครงการต่อเนื่อง"),
        ),
        line(
            "1.1-2",
            "1.1",
            Kind::Measure,
            "มาตรการป้องกันผลประโยชน์ทับซ้อน",
            &["สำนักปลัด", "กองคลัง"],
            vec![money(0, 0); 5],
            None,
        ),
        line(
            "3.2-1",
            "3.2",
            Kind::Activity,
            "กิจกรรมรับเรื่องร้องเรียนการทุจริต",
            &["สำนักปลัด"],
            vec![money(5_000, 0); 5],
            None,
        ),
    ];
    assert_eq!(got, want);
}

#[test]
fn a_report_template_filled_with_a_rounds_statuses_imports_to_that_round() {
    let c = original();
    let a = authority(&c, "tua-yang");
    let plan = a.plans.iter().find(|p| p.slug == "2567-2570").unwrap();
    let want = a.reports.iter().find(|r| r.slug == "2567-12m").unwrap();
    let bytes = prongsai::xlsx::report_template(a, plan, 2567, Period::TwelveMonths).unwrap();
    let (sheet, mut rows) = cells(&bytes);
    let h = rows.iter().position(|r| r.iter().any(|c| c == "สถานะ")).expect("header row");
    let header = rows[h].clone();
    let (id, status, disbursed, note) =
        (column(&header, "รหัส"), column(&header, "สถานะ"), column(&header, "เบิกจ่าย"), column(&header, "หมายเหตุ"));
    for item in &want.items {
        let key = item.item.as_deref().unwrap();
        let r = rows
            .iter()
            .position(|row| row.get(id).is_some_and(|c| c == key))
            .unwrap_or_else(|| panic!("row for {key}"));
        rows[r][status] = item.status.thai().to_string();
        if let Some(d) = item.disbursed {
            rows[r][disbursed] = d.to_display();
        }
        if let Some(n) = &item.note {
            rows[r][note] = n.clone();
        }
    }
    // The authority as it is, without its report rounds.
    let dir = bare_content("tua-yang");
    let src = common::root().join("content/tua-yang");
    for e in walkdir::WalkDir::new(&src) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(&src).unwrap();
        if rel.starts_with("reports") {
            continue;
        }
        let to = dir.path().join("tua-yang").join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    let file = dir.path().join("รายงาน.xlsx");
    write_xlsx(&file, &sheet, &rows);
    import::import_report(&file, dir.path(), "tua-yang", "2567-12m", None, false)
        .unwrap_or_else(|e| panic!("{}", e.render(Lang::Th)));
    let back = reload(dir.path());
    let got = &authority(&back, "tua-yang").reports[0];
    let line = |i: &ReportItem| format!("{:?} {:?} {:?} {:?}", i.item, i.status, i.disbursed, i.note);
    let mut g: Vec<String> = got.items.iter().map(line).collect();
    let mut w: Vec<String> = want.items.iter().map(line).collect();
    g.sort();
    w.sort();
    assert_eq!(g, w);
    assert_eq!((got.fiscal_year, got.period, got.plan.as_deref()), (2567, Period::TwelveMonths, Some("2567-2570")));
}
