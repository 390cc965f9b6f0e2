//! `prongsai import plan|report`: sheets shaped like the real printed documents give back
//! exactly the plans and rounds of content/; every broken input is named by sheet, row and
//! column and writes nothing; nothing is replaced without --force.

mod common;

use prongsai::build::load_and_check;
use prongsai::content::load::Loaded;
use prongsai::content::model::*;
use prongsai::content::numbers::to_thai_digits;
use prongsai::diag::Lang;
use prongsai::import::{self, ImportMsg, Imported, Problems, Severity};
use rust_xlsxwriter::{Format, Workbook};
use std::io::Write;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------- sheets written by the tests

#[derive(Clone, Debug, PartialEq)]
enum V {
    B,
    T(String),
    N(f64),
}

fn t(s: impl Into<String>) -> V {
    V::T(s.into())
}

/// A sheet as rows of values, with merged regions (first row, first col, last row, last col).
struct Table {
    sheet: String,
    rows: Vec<Vec<V>>,
    merges: Vec<(u32, u16, u32, u16)>,
}

impl Table {
    fn new(sheet: &str) -> Table {
        Table { sheet: sheet.into(), rows: Vec::new(), merges: Vec::new() }
    }
    fn set(&mut self, r: usize, c: usize, v: V) {
        if self.rows.len() <= r {
            self.rows.resize(r + 1, Vec::new());
        }
        if self.rows[r].len() <= c {
            self.rows[r].resize(c + 1, V::B);
        }
        self.rows[r][c] = v;
    }
    fn get(&self, r: usize, c: usize) -> V {
        self.rows.get(r).and_then(|row| row.get(c)).cloned().unwrap_or(V::B)
    }
    /// Merges a region whose top-left cell holds the text (single cells are not merged).
    fn merge(&mut self, r1: usize, c1: usize, r2: usize, c2: usize) {
        if (r1, c1) != (r2, c2) {
            self.merges.push((r1 as u32, c1 as u16, r2 as u32, c2 as u16));
        }
    }
    fn in_merge(&self, r: usize, c: usize) -> bool {
        self.merges.iter().any(|&(r1, c1, r2, c2)| {
            (r1 as usize..=r2 as usize).contains(&r) && (c1 as usize..=c2 as usize).contains(&c)
        })
    }

    fn write_xlsx(&self, path: &Path) {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(&self.sheet).unwrap();
        let fmt = Format::new();
        for &(r1, c1, r2, c2) in &self.merges {
            let V::T(text) = self.get(r1 as usize, c1 as usize) else { panic!("merged cell without text") };
            ws.merge_range(r1, c1, r2, c2, &text, &fmt).unwrap();
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if self.in_merge(r, c) {
                    continue;
                }
                match v {
                    V::B => {}
                    V::T(s) => {
                        ws.write_string(r as u32, c as u16, s).unwrap();
                    }
                    V::N(f) => {
                        ws.write_number(r as u32, c as u16, *f).unwrap();
                    }
                }
            }
        }
        wb.save(path).unwrap();
    }

    fn write_csv(&self, path: &Path, bom: bool) {
        let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
        for row in &self.rows {
            let fields: Vec<String> = row
                .iter()
                .map(|v| match v {
                    V::B => String::new(),
                    V::T(s) => s.clone(),
                    V::N(f) => format!("{f}"),
                })
                .collect();
            w.write_record(if fields.is_empty() { vec![String::new()] } else { fields }).unwrap();
        }
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend(w.into_inner().unwrap());
        std::fs::write(path, bytes).unwrap();
    }

    /// A minimal OpenDocument spreadsheet: the mimetype first and stored, then content.xml.
    fn write_ods(&self, path: &Path) {
        fn esc(s: &str) -> String {
            s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
        }
        let mut xml = String::from(concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
            r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
            r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">"#,
            "<office:body><office:spreadsheet>"
        ));
        xml.push_str(&format!(r#"<table:table table:name="{}">"#, esc(&self.sheet)));
        for row in &self.rows {
            xml.push_str("<table:table-row>");
            for v in row {
                match v {
                    V::B => xml.push_str("<table:table-cell/>"),
                    V::T(s) => {
                        xml.push_str(r#"<table:table-cell office:value-type="string">"#);
                        for line in s.split('\n') {
                            xml.push_str(&format!("<text:p>{}</text:p>", esc(line)));
                        }
                        xml.push_str("</table:table-cell>");
                    }
                    V::N(f) => xml.push_str(&format!(
                        r#"<table:table-cell office:value-type="float" office:value="{f}"><text:p>{f}</text:p></table:table-cell>"#
                    )),
                }
            }
            xml.push_str("</table:table-row>");
        }
        xml.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
        let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
        let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        z.start_file("mimetype", stored).unwrap();
        z.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
        z.start_file("META-INF/manifest.xml", stored).unwrap();
        z.write_all(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8"?>"#,
                r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">"#,
                r#"<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>"#,
                r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>"#,
                "</manifest:manifest>"
            )
            .as_bytes(),
        )
        .unwrap();
        z.start_file("content.xml", stored).unwrap();
        z.write_all(xml.as_bytes()).unwrap();
        z.finish().unwrap();
    }
}

// ---------------------------------------------------------------- a plan as a printed table

/// How the printed table is laid out.
struct Shape {
    /// Dimension and mission cells merged down over their rows; else written once, blank below.
    merged: bool,
    /// A รหัส column with every item's id (default ids included).
    ids: bool,
    /// ประเภท, ไตรมาส and e-GP columns.
    extras: bool,
}

fn thai_num(n: impl ToString) -> String {
    to_thai_digits(&n.to_string())
}

/// An amount as officers type it, varied by `k`: Excel numbers, Thai digits with commas,
/// `13000 บาท`; `-`, `–` or blank for not stated; ไม่ใช้งบประมาณ (or 0) for no budget.
fn amount_cell(a: Amount, k: usize) -> V {
    match a {
        Amount::NotStated => match k % 3 {
            0 => t("-"),
            1 => t("–"),
            _ => V::B,
        },
        Amount::Stated(m) if m.is_zero() => {
            if k % 4 == 3 {
                V::N(0.0)
            } else {
                t("ไม่ใช้งบประมาณ")
            }
        }
        Amount::Stated(m) => match k % 3 {
            0 => V::N(m.satang() as f64 / 100.0),
            1 => t(to_thai_digits(&m.to_display())),
            _ => t(format!("{} บาท", m.to_decimal_string())),
        },
    }
}

/// A stated total's amount: never blank, which would mean "nothing printed".
fn total_cell(a: Amount, k: usize) -> V {
    match a {
        Amount::NotStated => t("-"),
        a => amount_cell(a, k),
    }
}

fn plan_table(p: &Plan, authority: &str, shape: &Shape) -> Table {
    let mut cols: Vec<&str> = vec!["ลำดับ", "มิติ", "ภารกิจตามมิติ", "ภารกิจย่อย"];
    if shape.ids {
        cols.push("รหัส");
    }
    cols.push("โครงการ/กิจกรรม/มาตรการ");
    if shape.extras {
        cols.push("ประเภท");
    }
    let year0 = cols.len();
    cols.extend(p.fiscal_years.iter().map(|_| "งบประมาณ"));
    cols.push("ผู้รับผิดชอบ");
    if shape.extras {
        cols.push("ไตรมาส");
        cols.push("เลขที่โครงการ e-GP");
    }
    cols.push("หมายเหตุ");
    let col = |name: &str| cols.iter().position(|c| *c == name).unwrap();
    let last_col = cols.len() - 1;
    let mut tb = Table::new("แผน");
    tb.set(0, 0, t(&p.title));
    if shape.merged {
        tb.merge(0, 0, 0, last_col);
    }
    tb.set(1, 0, t(format!("องค์กรปกครองส่วนท้องถิ่น: {authority}")));
    // Header: two rows, งบประมาณ over the years (Thai digits, "ปี 2567", an Excel number).
    for (c, name) in cols.iter().enumerate() {
        if c >= year0 && c < year0 + p.fiscal_years.len() {
            let y = p.fiscal_years[c - year0];
            let lower = match (c - year0) % 3 {
                0 => t(thai_num(y)),
                1 => t(format!("ปี {y}")),
                _ => V::N(y as f64),
            };
            tb.set(3, c, lower);
            if c == year0 {
                tb.set(2, c, t("งบประมาณ"));
            }
        } else {
            tb.set(2, c, t(*name));
            if shape.merged {
                tb.merge(2, c, 3, c);
            }
        }
    }
    if shape.merged {
        tb.merge(2, year0, 2, year0 + p.fiscal_years.len() - 1);
    }
    let mut r = 4;
    let mut k = 0usize;
    let stated = |scope: &Scope| p.stated_totals.iter().find(|s| s.scope == *scope);
    let total_row = |tb: &mut Table, r: usize, s: &StatedTotal, label: String, k: usize| {
        tb.set(r, col("โครงการ/กิจกรรม/มาตรการ"), t(label));
        for (y, a, _) in &s.budget {
            let i = p.fiscal_years.iter().position(|fy| fy == y).unwrap();
            tb.set(r, year0 + i, total_cell(*a, k + i));
        }
    };
    for (di, d) in p.dimensions.iter().enumerate() {
        let dim_first = r;
        let dim_text = if di % 2 == 0 {
            format!("มิติที่ {} {}", d.no, d.title)
        } else {
            format!("{}. {}", thai_num(d.no), d.title)
        };
        tb.set(r, col("มิติ"), t(dim_text));
        r += 1;
        let item_row = |tb: &mut Table, r: usize, it: &Item, seq: usize, k: usize| {
            tb.set(r, col("ลำดับ"), if seq.is_multiple_of(2) { V::N(seq as f64) } else { t(thai_num(seq)) });
            tb.set(r, col("ภารกิจย่อย"), if it.sub_missions.is_empty() { V::B } else { t(it.sub_missions.join(", ")) });
            if shape.ids {
                tb.set(r, col("รหัส"), t(&it.id));
            }
            tb.set(r, col("โครงการ/กิจกรรม/มาตรการ"), t(&it.title));
            if shape.extras {
                let kind = if k.is_multiple_of(2) { it.kind.thai().to_string() } else { it.kind.as_str().to_string() };
                tb.set(r, col("ประเภท"), t(kind));
                let q: Vec<String> = it.quarters.iter().map(u8::to_string).collect();
                tb.set(r, col("ไตรมาส"), if q.is_empty() { V::B } else { t(q.join(", ")) });
                tb.set(
                    r,
                    col("เลขที่โครงการ e-GP"),
                    match it.egp.as_slice() {
                        [] => V::B,
                        [one] => V::N(one.parse().unwrap()),
                        many => t(many.join(", ")),
                    },
                );
            }
            for (i, y) in p.fiscal_years.iter().enumerate() {
                tb.set(r, year0 + i, amount_cell(it.amount(*y), k + i));
            }
            tb.set(r, col("ผู้รับผิดชอบ"), if it.owner.is_empty() { V::B } else { t(it.owner.join("\n")) });
            tb.set(r, col("หมายเหตุ"), it.note.clone().map_or(V::B, V::T));
        };
        let direct: Vec<&Item> = p.items.iter().filter(|i| i.dimension == d.no && i.mission.is_none()).collect();
        for (n, it) in direct.iter().enumerate() {
            item_row(&mut tb, r, it, n + 1, k);
            r += 1;
            k += 1;
        }
        for (mi, m) in d.missions.iter().enumerate() {
            let mission_first = r;
            let text = if mi % 2 == 0 { format!("{} {}", m.no, m.title) } else { format!("({}) {}", m.no, m.title) };
            tb.set(r, col("ภารกิจตามมิติ"), t(text));
            r += 1;
            for (no, title) in &m.sub_missions {
                tb.set(r, col("ภารกิจย่อย"), t(format!("{no} {title}")));
                r += 1;
            }
            let items: Vec<&Item> = p.items.iter().filter(|i| i.mission.as_deref() == Some(m.no.as_str())).collect();
            for (n, it) in items.iter().enumerate() {
                item_row(&mut tb, r, it, n + 1, k);
                r += 1;
                k += 1;
            }
            if shape.merged {
                tb.merge(mission_first, col("ภารกิจตามมิติ"), r - 1, col("ภารกิจตามมิติ"));
            }
        }
        if shape.merged {
            tb.merge(dim_first, col("มิติ"), r - 1, col("มิติ"));
        }
        if let Some(s) = stated(&Scope::Dimension(d.no)) {
            let label = match (s.count, di % 2) {
                (Some((c, _)), 0) => format!("รวมมิติที่ {} จำนวน {c} โครงการ", d.no),
                (Some((c, _)), _) => format!("รวม จำนวน {} โครงการ", thai_num(c)),
                (None, _) => "รวม".to_string(),
            };
            total_row(&mut tb, r, s, label, k);
            r += 1;
        }
    }
    if let Some(s) = stated(&Scope::Plan) {
        let label = match s.count {
            Some((c, _)) => format!("รวมทั้งสิ้น จำนวน {c} โครงการ"),
            None => "รวมทั้งสิ้น".into(),
        };
        total_row(&mut tb, r, s, label, k);
    }
    tb
}

// ---------------------------------------------------------------- content folders

fn original() -> Loaded {
    let loaded = load_and_check(&common::root().join("content"));
    assert!(!loaded.diags.has_errors());
    loaded
}

fn plan_of<'a>(c: &'a Loaded, authority: &str, plan: &str) -> &'a Plan {
    let a = c.content.authorities.iter().find(|a| a.slug == authority).expect("authority");
    a.plans.iter().find(|p| p.slug == plan).expect("plan")
}

fn authority_name(c: &Loaded, authority: &str) -> String {
    c.content.authorities.iter().find(|a| a.slug == authority).unwrap().name.clone()
}

/// A content folder with site.yaml and the authority.yaml of each authority, nothing else.
fn bare_content(authorities: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = common::root().join("content");
    std::fs::copy(src.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    for a in authorities {
        std::fs::create_dir_all(dir.path().join(a)).unwrap();
        std::fs::copy(src.join(a).join("authority.yaml"), dir.path().join(a).join("authority.yaml")).unwrap();
    }
    dir
}

fn ok(r: Result<Imported, Problems>) -> Imported {
    r.unwrap_or_else(|p| panic!("import failed:\n{}", p.render(Lang::En)))
}

/// The importer's own warnings (the checker's about the content are allowed).
fn own_warnings(done: &Imported) -> Vec<String> {
    done.warnings.iter().filter(|w| !matches!(w.msg, ImportMsg::Checker { .. })).map(|w| w.render(Lang::En)).collect()
}

type ItemKey = (
    String,
    u32,
    Option<String>,
    Kind,
    String,
    Vec<String>,
    Vec<String>,
    Vec<(i32, Amount)>,
    Vec<u8>,
    Vec<String>,
    Option<String>,
);

fn item_key(i: &Item) -> ItemKey {
    (
        i.id.clone(),
        i.dimension,
        i.mission.clone(),
        i.kind,
        i.title.clone(),
        i.sub_missions.clone(),
        i.owner.clone(),
        i.budget.iter().map(|(y, a)| (*y, *a)).collect(),
        i.quarters.clone(),
        i.egp.clone(),
        i.note.clone(),
    )
}

type StatedKey = (Scope, Option<u64>, Vec<(i32, Amount)>);

fn stated_keys(p: &Plan) -> Vec<StatedKey> {
    let mut keys: Vec<StatedKey> = p
        .stated_totals
        .iter()
        .filter(|s| matches!(s.scope, Scope::Plan | Scope::Dimension(_)))
        .map(|s| (s.scope.clone(), s.count.map(|c| c.0), s.budget.iter().map(|(y, a, _)| (*y, *a)).collect()))
        .collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    keys
}

/// Everything of a plan a sheet carries, compared field by field.
fn assert_same_plan(want: &Plan, got: &Plan) {
    assert_eq!(got.title, want.title);
    assert_eq!(got.fiscal_years, want.fiscal_years);
    assert_eq!(got.template, want.template);
    type MissionKey = (String, String, Vec<(String, String)>);
    let dims = |p: &Plan| -> Vec<(u32, String, Vec<MissionKey>)> {
        p.dimensions
            .iter()
            .map(|d| {
                let ms = d.missions.iter().map(|m| (m.no.clone(), m.title.clone(), m.sub_missions.clone())).collect();
                (d.no, d.title.clone(), ms)
            })
            .collect()
    };
    assert_eq!(dims(got), dims(want));
    assert_eq!(got.items.len(), want.items.len());
    for (g, w) in got.items.iter().zip(&want.items) {
        assert_eq!(item_key(g), item_key(w));
    }
    assert_eq!(stated_keys(got), stated_keys(want));
    assert!(!stated_keys(want).is_empty(), "the sheet carries the printed totals");
}

fn import_plan_sheet(tb: &Table, ext: &str, authority: &str, plan: &str) -> (tempfile::TempDir, Imported) {
    let content = bare_content(&[authority]);
    let file = content.path().join(format!("plan.{ext}"));
    match ext {
        "xlsx" => tb.write_xlsx(&file),
        "ods" => tb.write_ods(&file),
        "csv" => tb.write_csv(&file, true),
        _ => unreachable!(),
    }
    let done = ok(import::import_plan(&file, content.path(), authority, plan, false));
    (content, done)
}

fn reload(content: &Path, authority: &str, plan: &str) -> Loaded {
    let loaded = load_and_check(content);
    let errors = common::errors(&loaded);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    plan_of(&loaded, authority, plan);
    loaded
}

// ---------------------------------------------------------------- 1. the seed plans come back

#[test]
fn bueng_nakhon_from_a_merged_xlsx_is_the_seed_plan() {
    let orig = original();
    let want = plan_of(&orig, "bueng-nakhon", "2566-2570");
    let shape = Shape { merged: true, ids: false, extras: false };
    let tb = plan_table(want, &authority_name(&orig, "bueng-nakhon"), &shape);
    let (content, done) = import_plan_sheet(&tb, "xlsx", "bueng-nakhon", "2566-2570");
    assert_eq!(own_warnings(&done), Vec::<String>::new());
    let got = reload(content.path(), "bueng-nakhon", "2566-2570");
    assert_same_plan(want, plan_of(&got, "bueng-nakhon", "2566-2570"));
    // The summary the officer compares with the paper: 27 items; 2566: 13,000 + 20,000 + 8,000.
    let text = done.render(Lang::En);
    assert!(text.contains("27 items in 4 dimensions (sheet แผน)"), "{text}");
    assert!(text.contains("budget 2566: 41,000 baht (24 not stated, 0 needing no budget)"), "{text}");
    // Default ids are left to the loader; the sheet's rows are named in comments.
    let yaml = std::fs::read_to_string(&done.path).unwrap();
    assert!(!yaml.contains("id: "), "{yaml}");
    assert!(yaml.contains("# 1.1-1 · แถว "), "{yaml}");
}

#[test]
fn sisaket_from_an_xlsx_with_blank_cells_below_is_the_seed_plan() {
    let orig = original();
    let want = plan_of(&orig, "sisaket-pao", "2561-2564");
    let shape = Shape { merged: false, ids: false, extras: false };
    let tb = plan_table(want, &authority_name(&orig, "sisaket-pao"), &shape);
    let (content, done) = import_plan_sheet(&tb, "xlsx", "sisaket-pao", "2561-2564");
    assert_eq!(own_warnings(&done), Vec::<String>::new());
    let got = reload(content.path(), "sisaket-pao", "2561-2564");
    assert_same_plan(want, plan_of(&got, "sisaket-pao", "2561-2564"));
    assert!(done.render(Lang::Th).contains("71 รายการ ใน 4 มิติ"));
    assert!(done.render(Lang::Th).contains("งบประมาณ ปี 2561: 3,524,500 บาท"));
}

#[test]
fn sisaket_from_a_utf8_csv_with_bom_is_the_seed_plan() {
    let orig = original();
    let want = plan_of(&orig, "sisaket-pao", "2561-2564");
    let shape = Shape { merged: false, ids: false, extras: false };
    let tb = plan_table(want, &authority_name(&orig, "sisaket-pao"), &shape);
    let (content, done) = import_plan_sheet(&tb, "csv", "sisaket-pao", "2561-2564");
    assert_eq!(own_warnings(&done), Vec::<String>::new());
    assert_eq!(done.sheet, None);
    let got = reload(content.path(), "sisaket-pao", "2561-2564");
    assert_same_plan(want, plan_of(&got, "sisaket-pao", "2561-2564"));
}

#[test]
fn tua_yang_with_ids_kinds_quarters_egp_and_satang_is_the_content_plan() {
    let orig = original();
    let want = plan_of(&orig, "tua-yang", "2567-2570");
    let shape = Shape { merged: true, ids: true, extras: true };
    let tb = plan_table(want, &authority_name(&orig, "tua-yang"), &shape);
    let (content, done) = import_plan_sheet(&tb, "xlsx", "tua-yang", "2567-2570");
    assert_eq!(own_warnings(&done), Vec::<String>::new());
    // The plan links files/plan-2567-2570.pdf only through adopted/document, which a sheet
    // does not carry: nothing else is needed to load it.
    let got = reload(content.path(), "tua-yang", "2567-2570");
    assert_same_plan(want, plan_of(&got, "tua-yang", "2567-2570"));
    let yaml = std::fs::read_to_string(&done.path).unwrap();
    // Explicit ids are written, default ids are not; kind only where the title does not say it.
    assert!(yaml.contains("id: ethics-code") && !yaml.contains("id: \"1.1-1\""), "{yaml}");
    assert_eq!(yaml.matches("kind: ").count(), 1, "{yaml}");
    assert!(yaml.contains("2567: 28256.40"), "{yaml}");
    // The title with sara am in two characters is kept byte for byte.
    assert!(yaml.contains("กิจกรรมทําความดีเพื่อแผ่นดิน"), "{yaml}");
}

// ---------------------------------------------------------------- 5. .ods reads like .xlsx

#[test]
fn an_ods_imports_the_same_as_the_xlsx() {
    let orig = original();
    let want = plan_of(&orig, "tua-yang", "2567-2570");
    let name = authority_name(&orig, "tua-yang");
    let merged = plan_table(want, &name, &Shape { merged: true, ids: true, extras: true });
    let blank = plan_table(want, &name, &Shape { merged: false, ids: true, extras: true });
    let (xlsx_dir, from_xlsx) = import_plan_sheet(&merged, "xlsx", "tua-yang", "2567-2570");
    let (ods_dir, from_ods) = import_plan_sheet(&blank, "ods", "tua-yang", "2567-2570");
    assert_eq!(own_warnings(&from_ods), Vec::<String>::new());
    let a = std::fs::read_to_string(&from_xlsx.path).unwrap().replace("plan.xlsx", "FILE");
    let b = std::fs::read_to_string(&from_ods.path).unwrap().replace("plan.ods", "FILE");
    assert_eq!(a, b);
    let got = reload(ods_dir.path(), "tua-yang", "2567-2570");
    assert_same_plan(want, plan_of(&got, "tua-yang", "2567-2570"));
    drop(xlsx_dir);
}

// ---------------------------------------------------------------- 2. errors name sheet, row, column

/// A small valid plan sheet; rows 5 and 6 (Excel numbering) are items.
fn small_plan() -> Table {
    let mut tb = Table::new("แผน");
    tb.set(0, 0, t("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2566–2567"));
    for (c, h) in ["ลำดับ", "มิติ", "ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ"].iter().enumerate()
    {
        tb.set(2, c, t(*h));
        tb.merge(2, c, 3, c);
    }
    tb.set(2, 4, t("งบประมาณ"));
    tb.merge(2, 4, 2, 5);
    tb.set(3, 4, t("๒๕๖๖"));
    tb.set(3, 5, t("ปี 2567"));
    tb.set(2, 6, t("ผู้รับผิดชอบ"));
    tb.merge(2, 6, 3, 6);
    let rows = [
        [
            "1",
            "มิติที่ 1 การสร้างวัฒนธรรมสุจริต",
            "1.2 การเสริมสร้างจิตสำนึกและความตระหนักแก่ประชาชนทุกภาคส่วนในท้องถิ่น",
            "โครงการอบรมคุณธรรม",
        ],
        ["2", "", "", "มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม"],
    ];
    for (i, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                tb.set(4 + i, c, t(*v));
            }
        }
        tb.set(4 + i, 6, t("สำนักปลัด"));
    }
    tb.set(4, 4, V::N(13000.0));
    tb.set(4, 5, t("๑๓,๐๐๐"));
    tb.set(5, 4, t("-"));
    tb.set(5, 5, t("ไม่ใช้งบประมาณ"));
    tb
}

fn demo_content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let base = common::root().join("tests/fixtures/base");
    std::fs::copy(base.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    std::fs::create_dir_all(dir.path().join("demo")).unwrap();
    std::fs::copy(base.join("demo/authority.yaml"), dir.path().join("demo/authority.yaml")).unwrap();
    dir
}

/// Imports `file` (written by `write` into a fresh content folder) and returns the problems,
/// after checking that nothing was written.
fn plan_problems(file_name: &str, write: impl FnOnce(&Path)) -> Problems {
    let content = demo_content();
    let inputs = tempfile::tempdir().unwrap();
    let file = inputs.path().join(file_name);
    write(&file);
    let before = common::snapshot(content.path());
    let result = import::import_plan(&file, content.path(), "demo", "2566-2567", false);
    assert_eq!(common::snapshot(content.path()), before, "nothing is written");
    match result {
        Ok(_) => panic!("{file_name} was imported"),
        Err(p) => p,
    }
}

fn errors_th(p: &Problems) -> Vec<String> {
    p.errors().map(|e| e.render(Lang::Th)).collect()
}

#[test]
fn the_small_plan_itself_imports() {
    let content = demo_content();
    let file = content.path().join("plan.xlsx");
    small_plan().write_xlsx(&file);
    let done = ok(import::import_plan(&file, content.path(), "demo", "2566-2567", false));
    let loaded = reload(content.path(), "demo", "2566-2567");
    let p = plan_of(&loaded, "demo", "2566-2567");
    let b: Vec<Vec<(i32, Amount)>> = p.items.iter().map(|i| i.budget.iter().map(|(y, a)| (*y, *a)).collect()).collect();
    let baht = |n| Amount::Stated(prongsai::content::numbers::Money::from_baht(n));
    assert_eq!(
        b,
        vec![vec![(2566, baht(13000)), (2567, baht(13000))], vec![(2566, Amount::NotStated), (2567, baht(0))]]
    );
    assert_eq!(p.template.as_deref(), Some("nacc-2566"));
    assert_eq!(own_warnings(&done), Vec::<String>::new());
}

#[test]
fn every_plan_error_names_sheet_row_and_column() {
    type Case = (&'static str, &'static str, Box<dyn Fn(&mut Table)>, &'static str);
    let cases: Vec<Case> = vec![
        (
            "malformed amount",
            "plan.xlsx",
            Box::new(|tb| tb.set(5, 5, t("20,0000"))),
            "plan.xlsx: แผน แถว 6 คอลัมน์ 'งบประมาณ ปี 2567': '20,0000' ไม่ใช่จำนวนเงินที่ถูกต้อง: เครื่องหมายจุลภาคต้องคั่นทุก 3 หลัก",
        ),
        (
            "text in an amount cell",
            "plan.xlsx",
            Box::new(|tb| tb.set(4, 4, t("สามพันบาท"))),
            "plan.xlsx: แผน แถว 5 คอลัมน์ 'งบประมาณ ๒๕๖๖': 'สามพันบาท' ไม่ใช่จำนวนเงินที่ถูกต้อง: ไม่ใช่ตัวเลข",
        ),
        (
            "a number with three decimals",
            "plan.xlsx",
            Box::new(|tb| tb.set(4, 4, V::N(1234.567))),
            "plan.xlsx: แผน แถว 5 คอลัมน์ 'งบประมาณ ๒๕๖๖': '1234.567' มีทศนิยมเกิน 2 ตำแหน่ง (อาจเป็นผลของสูตร) จำนวนเงินมีได้ถึงสตางค์: ปัดในแผ่นงานด้วย ROUND(…, 2) หรือพิมพ์จำนวนเงินแทนสูตร",
        ),
        (
            "a formula's binary tail",
            "plan.xlsx",
            Box::new(|tb| tb.set(4, 5, V::N(0.1 + 0.2))),
            "plan.xlsx: แผน แถว 5 คอลัมน์ 'งบประมาณ ปี 2567': '0.30000000000000004' มีทศนิยมเกิน 2 ตำแหน่ง (อาจเป็นผลของสูตร) จำนวนเงินมีได้ถึงสตางค์: ปัดในแผ่นงานด้วย ROUND(…, 2) หรือพิมพ์จำนวนเงินแทนสูตร",
        ),
        (
            "a missing item column",
            "plan.xlsx",
            Box::new(|tb| tb.set(2, 3, t("รายละเอียด"))),
            "plan.xlsx: แผน: ไม่พบแถวหัวตาราง: ใน 20 แถวแรกไม่มีเซลล์ที่เป็นหัวคอลัมน์ของรายการ (โครงการ/กิจกรรม/มาตรการ, รายการ, ชื่อโครงการ, item หรือ title)",
        ),
        (
            "non-consecutive years",
            "plan.xlsx",
            Box::new(|tb| tb.set(3, 5, t("ปี 2568"))),
            "plan.xlsx: แผน แถว 3: ปีงบประมาณของคอลัมน์ 'งบประมาณ ๒๕๖๖', 'งบประมาณ ปี 2568' ไม่ต่อเนื่องกัน (2566, 2568): แผนต้องมีทุกปีเรียงกัน",
        ),
        (
            "a dimension cell without its number",
            "plan.xlsx",
            Box::new(|tb| tb.set(4, 1, t("การสร้างวัฒนธรรมสุจริต"))),
            "plan.xlsx: แผน แถว 5 คอลัมน์ 'มิติ': 'การสร้างวัฒนธรรมสุจริต' ต้องขึ้นต้นด้วยเลขของมิติ เช่น 'มิติที่ 1 การสร้างวัฒนธรรมสุจริต' หรือ '1 การสร้าง…'",
        ),
        (
            "a mission outside its dimension",
            "plan.xlsx",
            Box::new(|tb| tb.set(4, 2, t("2.1 การเปิดเผยข้อมูล"))),
            "plan.xlsx: แผน แถว 5 คอลัมน์ 'ภารกิจตามมิติ': ภารกิจ 2.1 ไม่ได้อยู่ในมิติที่ 1 ซึ่งเป็นมิติของแถวนี้",
        ),
    ];
    for (what, file, edit, expected) in cases {
        let problems = plan_problems(file, |path| {
            let mut tb = small_plan();
            edit(&mut tb);
            tb.write_xlsx(path);
        });
        assert_eq!(errors_th(&problems), vec![expected.to_string()], "{what}");
    }
}

#[test]
fn files_that_cannot_be_read_are_named() {
    let tis620 = |p: &Path| {
        // "โครงการ" and "มิติ" in TIS-620 (Windows-874), as older Thai Excel saves CSV.
        std::fs::write(p, b"\xc1\xd4\xb5\xd4,\xe2\xa4\xc3\xa7\xa1\xd2\xc3,2566\n1,\xe2\xa4\xc3\xa7,100\n").unwrap()
    };
    type Case = (&'static str, Box<dyn Fn(&Path)>, &'static str);
    let cases: Vec<Case> = vec![
        (
            "plan.csv",
            Box::new(tis620),
            "plan.csv: ไฟล์ CSV ไม่ได้บันทึกเป็น UTF-8 น่าจะเป็นรหัสภาษาไทยแบบเก่า (TIS-620/Windows-874): บันทึกใหม่เป็น CSV UTF-8 (ใน Excel เลือก บันทึกเป็น > CSV UTF-8 (คั่นด้วยจุลภาค))",
        ),
        ("plan.xlsx", Box::new(|p: &Path| std::fs::write(p, b"").unwrap()), "plan.xlsx: ไฟล์ว่าง"),
        ("plan.csv", Box::new(|p: &Path| std::fs::write(p, b"\xEF\xBB\xBF\r\n").unwrap()), "plan.csv: ไฟล์ว่าง"),
        ("nope.xlsx", Box::new(|_: &Path| {}), "nope.xlsx: ไม่พบไฟล์"),
        (
            "plan.pdf",
            Box::new(|p: &Path| std::fs::write(p, b"%PDF-1.4").unwrap()),
            "plan.pdf: อ่านได้เฉพาะไฟล์ .xlsx, .xls, .ods และ .csv (ไฟล์นี้เป็น .pdf)",
        ),
    ];
    for (file, write, expected) in cases {
        let problems = plan_problems(file, write);
        assert_eq!(errors_th(&problems), vec![expected.to_string()], "{file}");
    }
    // A damaged workbook says what calamine could not read.
    let problems = plan_problems("plan.xlsx", |p| std::fs::write(p, b"not a zip file").unwrap());
    let e = errors_th(&problems);
    assert!(e.len() == 1 && e[0].starts_with("plan.xlsx: เปิดเป็นตารางคำนวณไม่ได้ ไฟล์อาจเสียหาย"), "{e:?}");
}

#[test]
fn every_problem_of_a_sheet_is_reported_at_once() {
    let problems = plan_problems("plan.xlsx", |path| {
        let mut tb = small_plan();
        tb.set(4, 5, t("20,0000"));
        tb.set(5, 4, t("12.505"));
        tb.set(2, 7, t("ตัวชี้วัด"));
        tb.merge(2, 7, 3, 7);
        tb.write_xlsx(path);
    });
    assert_eq!(
        problems.render(Lang::Th).lines().collect::<Vec<_>>(),
        vec![
            "plan.xlsx: แผน แถว 3 คอลัมน์ 'ตัวชี้วัด': คำเตือน: ไม่รู้จักคอลัมน์นี้ จึงไม่ได้อ่านข้อมูลในคอลัมน์",
            "plan.xlsx: แผน แถว 5 คอลัมน์ 'งบประมาณ ปี 2567': '20,0000' ไม่ใช่จำนวนเงินที่ถูกต้อง: เครื่องหมายจุลภาคต้องคั่นทุก 3 หลัก",
            "plan.xlsx: แผน แถว 6 คอลัมน์ 'งบประมาณ ๒๕๖๖': '12.505' ไม่ใช่จำนวนเงินที่ถูกต้อง: ทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์) ถ้าเป็นหลักพันให้ใช้จุลภาค เช่น 13,000",
        ]
    );
}

#[test]
fn a_row_without_an_item_is_said_never_dropped() {
    // An owner left on a row of its own: a warning; the plan is imported.
    let content = demo_content();
    let file = content.path().join("plan.xlsx");
    let mut tb = small_plan();
    tb.set(6, 6, t("กองคลัง"));
    tb.write_xlsx(&file);
    let done = ok(import::import_plan(&file, content.path(), "demo", "2566-2567", false));
    assert_eq!(
        own_warnings(&done),
        vec!["plan.xlsx: แผน row 7: warning: this row has no item title and is not read".to_string()]
    );
    // Amounts on a row without a title: an error.
    let problems = plan_problems("plan.xlsx", |path| {
        let mut tb = small_plan();
        tb.set(6, 5, V::N(500.0));
        tb.write_xlsx(path);
    });
    assert_eq!(
        errors_th(&problems),
        vec!["plan.xlsx: แผน แถว 7: แถวนี้มีข้อมูล (จำนวนเงินหรือสถานะ) แต่ไม่มีชื่อโครงการ/กิจกรรม/มาตรการ".to_string()]
    );
}

#[test]
fn errors_in_english() {
    let problems = plan_problems("plan.xlsx", |path| {
        let mut tb = small_plan();
        tb.set(5, 5, t("20,0000"));
        tb.write_xlsx(path);
    });
    assert_eq!(
        problems.errors().map(|e| e.render(Lang::En)).collect::<Vec<_>>(),
        vec![
            "plan.xlsx: แผน row 6 column 'งบประมาณ ปี 2567': '20,0000' is not a valid amount: thousands separators must stand every three digits"
        ]
    );
}

#[test]
fn a_missing_authority_folder_says_how_to_create_it() {
    let content = demo_content();
    let file = content.path().join("plan.xlsx");
    small_plan().write_xlsx(&file);
    let err = import::import_plan(&file, content.path(), "nowhere", "2566-2567", false).unwrap_err();
    let shown = content.path().display().to_string();
    assert_eq!(
        errors_th(&err),
        vec![format!("{shown}: ไม่พบโฟลเดอร์ของหน่วยงาน 'nowhere' ใน {shown}: สร้างหน่วยงานก่อนด้วย prongsai new authority")]
    );
    assert!(!content.path().join("nowhere").exists());
}

// ---------------------------------------------------------------- 3. never overwrite

#[test]
fn an_existing_plan_is_never_replaced_without_force() {
    let orig = original();
    let want = plan_of(&orig, "tua-yang", "2567-2570");
    // The real tua-yang folder: its plan file has adopted and document, which no sheet carries.
    let content = bare_content(&[]);
    common::copy_dir(&common::root().join("content/tua-yang"), &content.path().join("tua-yang"));
    std::fs::remove_dir_all(content.path().join("tua-yang/reports")).unwrap();
    let target = content.path().join("tua-yang/plans/2567-2570.yaml");
    let before = std::fs::read(&target).unwrap();
    let mut tb = plan_table(want, &authority_name(&orig, "tua-yang"), &Shape { merged: true, ids: true, extras: true });
    // The sheet changes one amount: 5,000 → 6,000 for 1.2-1 in 2567.
    let row = tb.rows.iter().position(|r| r.contains(&t("กิจกรรมทําความดีเพื่อแผ่นดิน"))).unwrap();
    let c2567 = tb.rows[3].iter().position(|v| *v == t("๒๕๖๗")).unwrap();
    tb.set(row, c2567, t("6,000"));
    let file = content.path().join("plan.xlsx");
    tb.write_xlsx(&file);

    let err = import::import_plan(&file, content.path(), "tua-yang", "2567-2570", false).unwrap_err();
    assert_eq!(
        errors_th(&err),
        vec![format!("{}: มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ: ใส่ --force ถ้าต้องการแทนที่ด้วยข้อมูลจากแผ่นงาน", target.display())]
    );
    assert_eq!(std::fs::read(&target).unwrap(), before, "byte for byte");

    let done = ok(import::import_plan(&file, content.path(), "tua-yang", "2567-2570", true));
    assert!(done.replaced);
    assert_ne!(std::fs::read(&target).unwrap(), before);
    let loaded = reload(content.path(), "tua-yang", "2567-2570");
    let got = plan_of(&loaded, "tua-yang", "2567-2570");
    let item = got.items.iter().find(|i| i.id == "1.2-1").unwrap();
    assert_eq!(item.amount(2567), Amount::Stated(prongsai::content::numbers::Money::from_baht(6000)));
    // What the sheet cannot carry is kept from the replaced file.
    assert_eq!(got.adopted, want.adopted);
    assert_eq!(got.document, want.document);
    assert_eq!(got.title, want.title);
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(content.path().join("tua-yang/plans"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn a_plan_that_check_would_reject_is_not_kept() {
    // Dropping the item no-gift from the sheet makes the reports that cite it fail
    // `prongsai check`: the import must leave the previous plan in place.
    let orig = original();
    let want = plan_of(&orig, "tua-yang", "2567-2570");
    let content = bare_content(&[]);
    common::copy_dir(&common::root().join("content/tua-yang"), &content.path().join("tua-yang"));
    let target = content.path().join("tua-yang/plans/2567-2570.yaml");
    let before = common::snapshot(content.path());
    let mut tb =
        plan_table(want, &authority_name(&orig, "tua-yang"), &Shape { merged: false, ids: true, extras: true });
    let row = tb.rows.iter().position(|r| r.contains(&t("no-gift"))).unwrap();
    tb.rows.remove(row);
    let inputs = tempfile::tempdir().unwrap();
    let file = inputs.path().join("plan.xlsx");
    tb.write_xlsx(&file);
    let err = import::import_plan(&file, content.path(), "tua-yang", "2567-2570", true).unwrap_err();
    let shown = errors_th(&err);
    assert_eq!(shown.len(), 1, "{shown:#?}");
    let mut lines = shown[0].lines();
    assert_eq!(
        lines.next().unwrap(),
        format!("{}: ไฟล์ที่นำเข้าไม่ผ่านการตรวจของ prongsai check จึงไม่ได้เก็บไว้ (ไฟล์เดิมยังอยู่ครบ):", target.display())
    );
    let rest: Vec<&str> = lines.collect();
    assert!(
        rest.iter().any(|l| l.starts_with("tua-yang/reports/2567-12m.yaml:") && l.contains("no-gift")),
        "{rest:#?}"
    );
    assert!(rest.iter().any(|l| l.starts_with("tua-yang/reports/2567-6m.yaml:") && l.contains("no-gift")), "{rest:#?}");
    assert_eq!(common::snapshot(content.path()), before, "the previous plan is back, byte for byte");
}

// ---------------------------------------------------------------- 4. reports

/// The tua-yang folder without its 12-month round.
fn tua_yang_content() -> tempfile::TempDir {
    let content = bare_content(&[]);
    common::copy_dir(&common::root().join("content/tua-yang"), &content.path().join("tua-yang"));
    std::fs::remove_file(content.path().join("tua-yang/reports/2567-12m.yaml")).unwrap();
    content
}

fn round<'a>(c: &'a Loaded, slug: &str) -> &'a Report {
    let a = c.content.authorities.iter().find(|a| a.slug == "tua-yang").unwrap();
    a.reports.iter().find(|r| r.slug == slug).expect("round")
}

type RowKey = (Option<String>, Status, Option<Amount>, Option<prongsai::content::numbers::Money>, Option<String>);

fn row_keys(r: &Report) -> Vec<RowKey> {
    r.items.iter().map(|i| (i.item.clone(), i.status, i.budget, i.disbursed, i.note.clone())).collect()
}

/// The report sheet `prongsai template report` describes: รหัส | มิติ | title | สถานะ |
/// งบประมาณ | เบิกจ่าย | หมายเหตุ, one row per item, amounts typed in varied ways.
fn report_table(plan: &Plan, r: &Report, with_id: bool, ticks: bool) -> Table {
    let mut tb = Table::new("รายงาน");
    tb.set(0, 0, t("รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2567 รอบ 12 เดือน"));
    let mut cols: Vec<String> = Vec::new();
    if with_id {
        cols.push("รหัส".into());
    }
    cols.extend(["มิติ", "โครงการ/กิจกรรม/มาตรการ"].map(String::from));
    if ticks {
        cols.extend(Status::ALL.map(|s| s.thai().to_string()));
    } else {
        cols.push("สถานะ".into());
    }
    cols.extend(["งบประมาณ", "เบิกจ่าย", "หมายเหตุ"].map(String::from));
    let col = |name: &str| cols.iter().position(|c| c == name).unwrap();
    for (c, h) in cols.iter().enumerate() {
        tb.set(2, c, t(h.clone()));
    }
    for (k, ri) in r.items.iter().enumerate() {
        let row = 3 + k;
        let it = plan.items.iter().find(|i| Some(&i.id) == ri.item.as_ref()).unwrap();
        if with_id {
            tb.set(row, col("รหัส"), t(&it.id));
        }
        tb.set(row, col("มิติ"), V::N(it.dimension as f64));
        // Matching by title folds ํา/ำ: the sheet types sara am as one character.
        let title = if with_id { it.title.clone() } else { it.title.replace("\u{0E4D}\u{0E32}", "\u{0E33}") };
        tb.set(row, col("โครงการ/กิจกรรม/มาตรการ"), t(title));
        if ticks {
            tb.set(row, col(ri.status.thai()), t(["✓", "/", "x"][k % 3]));
        } else {
            // The Thai labels, and the English keys on some rows.
            let word = if k % 4 == 3 { ri.status.as_str() } else { ri.status.thai() };
            tb.set(row, col("สถานะ"), t(word));
        }
        tb.set(row, col("งบประมาณ"), amount_cell(it.amount(r.fiscal_year), k));
        if let Some(d) = ri.disbursed {
            tb.set(row, col("เบิกจ่าย"), amount_cell(Amount::Stated(d), k + 1));
        }
        if let Some(n) = &ri.note {
            tb.set(row, col("หมายเหตุ"), t(n));
        }
    }
    tb
}

#[test]
fn a_report_sheet_gives_the_12_month_round() {
    let orig = original();
    let want = round(&orig, "2567-12m");
    let plan = plan_of(&orig, "tua-yang", "2567-2570");
    let content = tua_yang_content();
    let file = content.path().join("report.xlsx");
    report_table(plan, want, true, false).write_xlsx(&file);
    let done = ok(import::import_report(&file, content.path(), "tua-yang", "2567-12m", None, false));
    assert_eq!(own_warnings(&done), Vec::<String>::new());
    let loaded = load_and_check(content.path());
    assert!(!loaded.diags.has_errors());
    let got = round(&loaded, "2567-12m");
    assert_eq!((got.plan.as_deref(), got.fiscal_year, got.period), (Some("2567-2570"), 2567, Period::TwelveMonths));
    assert_eq!(row_keys(got), row_keys(want));
    // Budgets equal to the plan's are not written; disbursed amounts are.
    let yaml = std::fs::read_to_string(&done.path).unwrap();
    assert!(!yaml.contains("budget:") && yaml.contains("disbursed: 27980"), "{yaml}");
    let text = done.render(Lang::Th);
    assert!(text.contains("14 รายการของแผน 2567-2570"), "{text}");
    assert!(text.contains("งบประมาณ 88,256.40 บาท เบิกจ่าย 77,490 บาท"), "{text}");
}

#[test]
fn a_report_matches_by_title_and_reads_ticked_columns() {
    let orig = original();
    let want = round(&orig, "2567-12m");
    let plan = plan_of(&orig, "tua-yang", "2567-2570");
    let content = tua_yang_content();
    let file = content.path().join("report.xlsx");
    let mut tb = report_table(plan, want, false, true);
    // A budget that differs from the plan is written; the officer's figure wins.
    let k = want.items.iter().position(|i| i.item.as_deref() == Some("3.1-1")).unwrap();
    tb.set(3 + k, 7, t("๑๑,๕๖๐"));
    tb.write_xlsx(&file);
    let done = ok(import::import_report(&file, content.path(), "tua-yang", "2567-12m", Some("2567-2570"), false));
    assert_eq!(own_warnings(&done), Vec::<String>::new());
    let loaded = load_and_check(content.path());
    let got = round(&loaded, "2567-12m");
    let mut expected = row_keys(want);
    expected[k].2 = Some(Amount::Stated(prongsai::content::numbers::Money::from_baht(11560)));
    assert_eq!(row_keys(got), expected);
}

#[test]
fn report_errors_name_the_row() {
    let orig = original();
    let want = round(&orig, "2567-12m");
    let plan = plan_of(&orig, "tua-yang", "2567-2570");
    type Case = (bool, Box<dyn Fn(&mut Table)>, &'static str);
    let cases: Vec<Case> = vec![
        (
            true,
            Box::new(|tb| tb.set(4, 3, t("เสร็จแล้วครับ"))),
            "report.xlsx: รายงาน แถว 5 คอลัมน์ 'สถานะ': ไม่รู้จักสถานะ 'เสร็จแล้วครับ': ใช้ได้: done | in_progress | awaiting_report | not_possible | not_started หรือ ดำเนินการแล้วเสร็จ | อยู่ระหว่างดำเนินการ | รอรายงาน | ไม่สามารถดำเนินการได้ | ยังไม่ดำเนินการ",
        ),
        (
            false,
            Box::new(|tb| tb.set(5, 1, t("โครงการที่ไม่มีในแผน"))),
            "report.xlsx: รายงาน แถว 6 คอลัมน์ 'โครงการ/กิจกรรม/มาตรการ': 'โครงการที่ไม่มีในแผน' ไม่ตรงกับรายการใดในแผน 2567-2570: ตรวจชื่อ หรือเพิ่มคอลัมน์ 'รหัส'",
        ),
        (
            true,
            Box::new(|tb| tb.set(3, 0, t("no-such-item"))),
            "report.xlsx: รายงาน แถว 4 คอลัมน์ 'รหัส': ไม่มีรายการรหัส 'no-such-item' ในแผน 2567-2570",
        ),
        (
            true,
            Box::new(|tb| tb.set(6, 5, t("๑,๒๓,๐๐๐"))),
            "report.xlsx: รายงาน แถว 7 คอลัมน์ 'เบิกจ่าย': '๑,๒๓,๐๐๐' ไม่ใช่จำนวนเงินที่ถูกต้อง: เครื่องหมายจุลภาคต้องคั่นทุก 3 หลัก",
        ),
        (true, Box::new(|tb| tb.set(8, 0, t("1.1-1"))), "report.xlsx: รายงาน แถว 9: รายการ '1.1-1' อยู่ในแถว 4 แล้ว"),
    ];
    for (with_id, edit, expected) in cases {
        let content = tua_yang_content();
        let file = content.path().join("report.xlsx");
        let mut tb = report_table(plan, want, with_id, false);
        edit(&mut tb);
        tb.write_xlsx(&file);
        let before = common::snapshot(content.path());
        let err = import::import_report(&file, content.path(), "tua-yang", "2567-12m", None, false).unwrap_err();
        assert_eq!(errors_th(&err), vec![expected.to_string()]);
        assert_eq!(common::snapshot(content.path()), before);
    }
}

#[test]
fn a_round_replaced_with_force_keeps_evidence_dates_and_the_printed_summary() {
    let orig = original();
    let want = round(&orig, "2567-12m");
    let plan = plan_of(&orig, "tua-yang", "2567-2570");
    let content = bare_content(&[]);
    common::copy_dir(&common::root().join("content/tua-yang"), &content.path().join("tua-yang"));
    let file = content.path().join("report.xlsx");
    report_table(plan, want, true, false).write_xlsx(&file);
    let target = content.path().join("tua-yang/reports/2567-12m.yaml");
    let before = std::fs::read(&target).unwrap();
    let err = import::import_report(&file, content.path(), "tua-yang", "2567-12m", None, false).unwrap_err();
    assert!(matches!(err.errors().next().map(|e| &e.msg), Some(ImportMsg::Exists)));
    assert_eq!(std::fs::read(&target).unwrap(), before);
    ok(import::import_report(&file, content.path(), "tua-yang", "2567-12m", None, true));
    let loaded = load_and_check(content.path());
    assert!(!loaded.diags.has_errors());
    let got = round(&loaded, "2567-12m");
    assert_eq!(row_keys(got), row_keys(want));
    let evidence = |r: &Report| r.items.iter().map(|i| i.evidence.clone()).collect::<Vec<_>>();
    assert_eq!(evidence(got), evidence(want));
    assert_eq!((got.as_of, got.published), (want.as_of, want.published));
    let summary = |r: &Report| r.stated_summary.iter().map(|(k, f, _)| (k.clone(), *f)).collect::<Vec<_>>();
    assert_eq!(summary(got), summary(want));
}

#[test]
fn a_plan_item_missing_from_the_sheet_is_a_warning() {
    let orig = original();
    let want = round(&orig, "2567-12m");
    let plan = plan_of(&orig, "tua-yang", "2567-2570");
    let content = tua_yang_content();
    let file = content.path().join("report.xlsx");
    let mut tb = report_table(plan, want, true, false);
    tb.rows.truncate(tb.rows.len() - 1); // 4.2-1, the last row
    tb.write_xlsx(&file);
    let done = ok(import::import_report(&file, content.path(), "tua-yang", "2567-12m", None, false));
    let own: Vec<String> =
        done.warnings.iter().filter(|w| w.severity == Severity::Warning).map(|w| w.render(Lang::Th)).collect();
    assert!(
        own.contains(&"report.xlsx: รายงาน: คำเตือน: รายการ 4.2-1 'โครงการอบรมกฎหมายท้องถิ่นสำหรับผู้บริหารและสมาชิกสภา' ของแผนไม่อยู่ในแผ่นงาน จะนับเป็นรอรายงาน".to_string()),
        "{own:#?}"
    );
}

// ---------------------------------------------------------------- 6. the command line

fn prongsai() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("prongsai").unwrap()
}

#[test]
fn the_command_line_imports_a_plan_and_refuses_to_overwrite() {
    let orig = original();
    let want = plan_of(&orig, "bueng-nakhon", "2566-2570");
    let content = bare_content(&["bueng-nakhon"]);
    let file: PathBuf = content.path().join("plan.xlsx");
    plan_table(want, &authority_name(&orig, "bueng-nakhon"), &Shape { merged: true, ids: false, extras: false })
        .write_xlsx(&file);
    let args = |extra: &[&str]| {
        let mut a: Vec<String> = ["import", "plan"].map(String::from).to_vec();
        a.push(file.display().to_string());
        a.extend(["--content".into(), content.path().display().to_string()]);
        a.extend(["--authority", "bueng-nakhon", "--plan", "2566-2570"].map(String::from));
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let out = prongsai().args(args(&[])).assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let target = content.path().join("bueng-nakhon/plans/2566-2570.yaml");
    assert!(stderr.contains(&format!("เขียน {} แล้ว: 27 รายการ ใน 4 มิติ (แผ่นงาน แผน)", target.display())), "{stderr}");
    assert!(stderr.contains("งบประมาณ ปี 2569: 41,000 บาท"), "{stderr}");
    // The checker's warning about the printed dimension-1 total (33,300 against 33,000).
    assert!(stderr.contains("warning:") && stderr.contains("33,300"), "{stderr}");

    let out = prongsai().args(args(&[])).assert().code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ"), "{stderr}");
    assert!(stderr.contains("นำเข้าไม่สำเร็จ: ข้อผิดพลาด 1 รายการ คำเตือน 0 รายการ ไม่ได้เขียนไฟล์ใด"), "{stderr}");

    let out = prongsai().args(args(&["--force", "--lang", "en"])).assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains(", replacing the previous file: 27 items in 4 dimensions"), "{stderr}");

    let missing = content.path().join("missing.xlsx");
    let out = prongsai()
        .args(["import", "plan", &missing.display().to_string(), "--content"])
        .arg(content.path())
        .args(["--authority", "bueng-nakhon", "--plan", "2566-2570", "--lang", "en"])
        .assert()
        .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("missing.xlsx: file not found"), "{stderr}");
}

#[test]
fn an_amount_merged_down_over_several_items_is_refused_not_counted_twice() {
    let mut tb = small_plan();
    // One printed amount shared by both items: merged E5:E6.
    tb.set(4, 4, t("30,000"));
    tb.set(5, 4, V::B);
    tb.merge(4, 4, 5, 4);
    let p = plan_problems("plan.xlsx", |f| tb.write_xlsx(f));
    assert_eq!(
        errors_th(&p),
        vec![
            "plan.xlsx: แผน แถว 6 คอลัมน์ 'งบประมาณ ๒๕๖๖': เซลล์นี้ผสานกับเซลล์ E5 ซึ่งมีจำนวนเงิน: ยอดเดียวจะถูกนับซ้ำทุกแถว ยกเลิกการผสานเซลล์ แล้วใส่จำนวนเงินของแต่ละรายการ (หรือ 0 / - )"
                .to_string()
        ]
    );
}
