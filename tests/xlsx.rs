//! The Excel workbooks, read back with calamine (as the importer reads them) and, for what
//! calamine does not expose (drop-downs, print setup, zip times), through the sheet XML:
//! the templates' layout is docs/spreadsheets.md's, plan.xlsx and report.xlsx carry the
//! model's amounts and compute's totals exactly, and the same input gives the same bytes.

mod common;
use assert_cmd::Command;
use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use common::root;
use prongsai::build::{load_and_check, render_site, write_atomically};
use prongsai::compute::AuthorityFigures;
use prongsai::compute::plan::compute;
use prongsai::content::model::*;
use prongsai::content::numbers::{Money, parse_money};
use prongsai::content::templates;
use prongsai::render::site::Options;
use prongsai::xlsx;
use std::io::{Cursor, Read};
use std::path::Path;

type Book = Xlsx<Cursor<Vec<u8>>>;

fn book(bytes: &[u8]) -> Book {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens the workbook")
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    book(bytes).worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn at(r: &Range<Data>, row: u32, col: u32) -> Data {
    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("expected text, found {other:?}"),
    }
}

/// Every cell of a row as text (numbers in their shortest form), up to the last column.
fn row_texts(r: &Range<Data>, row: u32) -> Vec<String> {
    let last = r.end().map_or(0, |e| e.1);
    let mut v: Vec<String> = (0..=last).map(|c| at(r, row, c).to_string()).collect();
    while v.last().is_some_and(String::is_empty) {
        v.pop();
    }
    v
}

/// A money cell as the importer would read it: the number's shortest decimal form,
/// parsed as money, must be the exact amount, and the double the nearest to it.
fn assert_money(d: &Data, m: Money, what: &str) {
    match d {
        Data::Float(v) => {
            assert_eq!(parse_money(&v.to_string()), Ok(m), "{what}: {v}");
            assert_eq!(v.to_bits(), (m.satang() as f64 / 100.0).to_bits(), "{what}");
        }
        Data::Int(i) => assert_eq!(Money(i * 100), m, "{what}"),
        other => panic!("{what}: expected {m}, found {other:?}"),
    }
}

fn assert_amount(d: &Data, a: Amount, what: &str) {
    match a {
        Amount::Stated(m) => assert_money(d, m, what),
        Amount::NotStated => assert_eq!(d, &Data::String("-".into()), "{what}: not stated is '-', never 0"),
    }
}

/// One file of the workbook's zip, as text.
fn entry(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut s).unwrap();
    s
}

fn example() -> &'static Content {
    static C: std::sync::OnceLock<Content> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let loaded = load_and_check(&root().join("content"));
        assert!(!loaded.diags.has_errors());
        loaded.content
    })
}

fn authority(slug: &str) -> &'static Authority {
    example().authorities.iter().find(|a| a.slug == slug).unwrap()
}

fn plan<'a>(a: &'a Authority, slug: &str) -> &'a Plan {
    a.plans.iter().find(|p| p.slug == slug).unwrap()
}

fn plan_header(years: &[i32]) -> Vec<String> {
    let mut h: Vec<String> =
        ["มิติ", "ภารกิจตามมิติ", "รหัส", "โครงการ/กิจกรรม/มาตรการ", "ประเภท", "ภารกิจย่อย"].map(String::from).to_vec();
    h.extend(years.iter().map(|y| format!("งบประมาณ ปี {y}")));
    h.extend(["ผู้รับผิดชอบ", "หมายเหตุ"].map(String::from));
    h
}

const REPORT_HEADER: [&str; 7] = ["รหัส", "มิติ", "โครงการ/กิจกรรม/มาตรการ", "สถานะ", "งบประมาณ", "เบิกจ่าย", "หมายเหตุ"];

/// The `<dataValidation …>…</dataValidation>` elements of a sheet's XML.
fn validations(xml: &str) -> Vec<String> {
    xml.split("<dataValidation ").skip(1).map(|s| s.split("</dataValidation>").next().unwrap().to_string()).collect()
}

#[test]
fn plan_template_is_the_contract_layout() {
    let years = [2566, 2567, 2568, 2569, 2570];
    let bytes = xlsx::plan_template(&years, None, None).unwrap();
    assert_eq!(book(&bytes).sheet_names(), vec!["แผน", "วิธีกรอก"]);
    let s = sheet(&bytes, "แผน");
    assert_eq!(text(&at(&s, 0, 0)), "แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566 – 2570)");
    assert_eq!(text(&at(&s, 1, 0)), "องค์กรปกครองส่วนท้องถิ่น:");
    assert_eq!(row_texts(&s, 2), plan_header(&years));
    // The title is merged across the table.
    let merged = book(&bytes).merge_cells_by_sheet_name("แผน").unwrap();
    let last = plan_header(&years).len() as u32 - 1;
    assert!(merged.iter().any(|d| d.start == (0, 0) && d.end == (0, last)), "{merged:?}");

    // One structure row per dimension and mission of nacc-2566, in order, numbers first.
    let t = templates::get("nacc-2566").unwrap();
    let mut expected = Vec::new();
    for d in &t.dimensions {
        expected.push((format!("{} {}", d.no, d.title), String::new()));
        for m in &d.missions {
            expected.push((String::new(), format!("{} {}", m.no, m.title)));
        }
    }
    let end = s.end().unwrap().0;
    let found: Vec<(String, String)> = (3..=end)
        .map(|r| (text(&at(&s, r, 0)), text(&at(&s, r, 1))))
        .filter(|(d, m)| !d.is_empty() || !m.is_empty())
        .collect();
    assert_eq!(found, expected);
    assert!(expected.iter().any(|(d, _)| d == "1 การสร้างวัฒนธรรมสุจริต"));
    // Nothing else is written: no item, id or amount in a fresh template.
    for r in 3..=end {
        for c in 2..=last {
            assert_eq!(at(&s, r, c), Data::Empty, "row {r} col {c}");
        }
    }
    // Empty rows follow each mission for the officer's items.
    let first_mission = (3..=end).find(|r| !text(&at(&s, *r, 1)).is_empty()).unwrap();
    assert_eq!(row_texts(&s, first_mission + 1), Vec::<String>::new());

    // The drop-down of kinds in ประเภท (column E) from the first row down.
    let xml = entry(&bytes, "xl/worksheets/sheet1.xml");
    let v = validations(&xml);
    assert_eq!(v.len(), 1, "{xml}");
    assert!(v[0].contains(r#"type="list""#) && v[0].contains(r#"sqref="E4:E"#), "{}", v[0]);
    assert!(v[0].contains("<formula1>\"โครงการ,กิจกรรม,มาตรการ,อื่น ๆ\"</formula1>"), "{}", v[0]);
    // A4 landscape, header row repeated when printing, rows above the table frozen.
    assert!(xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="landscape""#));
    assert!(xml.contains(r#"<pane ySplit="3" topLeftCell="A4""#), "{xml}");
    let wb = entry(&bytes, "xl/workbook.xml");
    assert!(wb.contains("_xlnm.Print_Titles") && wb.contains("แผน!$3:$3"), "{wb}");
    assert!(entry(&bytes, "xl/styles.xml").contains(r#"<name val="TH Sarabun New"/>"#));

    // How to fill it, in Thai: not stated vs no budget, and how to import.
    let h = sheet(&bytes, "วิธีกรอก");
    let all: String = h.rows().flat_map(|r| r.iter().map(|c| c.to_string() + "\n")).collect();
    assert!(all.contains("prongsai import plan แผน.xlsx --authority"), "{all}");
    assert!(all.contains("--plan 2566-2570"));
    assert!(all.contains("เครื่องหมาย - หรือช่องว่าง = ไม่ระบุงบประมาณ"));
    assert!(all.contains("0 หรือคำว่า ไม่ใช้งบประมาณ"));
    assert!(all.contains("1.1.1"), "the sub-mission codes are listed for the officer");
}

#[test]
fn plan_template_follows_the_named_or_older_template() {
    let bytes = xlsx::plan_template(&[2561, 2562, 2563, 2564], None, Some("อบจ.ศรีสะเกษ")).unwrap();
    let s = sheet(&bytes, "แผน");
    assert_eq!(text(&at(&s, 1, 0)), "องค์กรปกครองส่วนท้องถิ่น: อบจ.ศรีสะเกษ");
    let old = templates::get("nacc-2561").unwrap();
    let new = templates::get("nacc-2566").unwrap();
    let missions = |t: &templates::Template| -> Vec<String> {
        t.dimensions.iter().flat_map(|d| &d.missions).map(|m| format!("{} {}", m.no, m.title)).collect()
    };
    assert_ne!(missions(old), missions(new), "the two templates differ, so the test can tell them apart");
    let found: Vec<String> = (3..=s.end().unwrap().0).map(|r| text(&at(&s, r, 1))).filter(|m| !m.is_empty()).collect();
    assert_eq!(found, missions(old));
    let named = sheet(&xlsx::plan_template(&[2561, 2562], Some("nacc-2566"), None).unwrap(), "แผน");
    let found: Vec<String> =
        (3..=named.end().unwrap().0).map(|r| text(&at(&named, r, 1))).filter(|m| !m.is_empty()).collect();
    assert_eq!(found, missions(new));
}

#[test]
fn report_template_lists_the_plan_items_with_their_budgets() {
    let a = authority("tua-yang");
    let p = plan(a, "2567-2570");
    let bytes = xlsx::report_template(a, p, 2567, Period::SixMonths).unwrap();
    assert_eq!(book(&bytes).sheet_names(), vec!["รายงาน", "วิธีกรอก"]);
    let s = sheet(&bytes, "รายงาน");
    assert!(text(&at(&s, 0, 0)).contains("รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2567"));
    assert_eq!(text(&at(&s, 1, 0)), format!("องค์กรปกครองส่วนท้องถิ่น: {}", a.name));
    assert_eq!(row_texts(&s, 2), REPORT_HEADER);
    assert_eq!(s.end().unwrap().0, 2 + p.items.len() as u32, "one row per plan item");
    for (n, item) in p.items.iter().enumerate() {
        let r = 3 + n as u32;
        assert_eq!(text(&at(&s, r, 0)), item.id);
        assert_eq!(at(&s, r, 1), Data::Float(f64::from(item.dimension)));
        assert_eq!(text(&at(&s, r, 2)), item.title);
        assert_eq!(at(&s, r, 3), Data::Empty, "status is the officer's to choose");
        match item.amount(2567) {
            Amount::Stated(m) => assert_money(&at(&s, r, 4), m, &item.id),
            Amount::NotStated => assert_eq!(at(&s, r, 4), Data::Empty, "{}: blank when not stated", item.id),
        }
        assert_eq!(at(&s, r, 5), Data::Empty);
    }
    // The figures the test relies on are in the content: 28,256.40, a 0 and a not-stated.
    let first = &p.items[0];
    assert_eq!(first.amount(2567), Amount::Stated(Money(2_825_640)));
    assert_eq!(at(&s, 3, 4), Data::Float(28256.4));
    assert!(p.items.iter().any(|i| i.amount(2567) == Amount::Stated(Money::ZERO)));

    let xml = entry(&bytes, "xl/worksheets/sheet1.xml");
    let v = validations(&xml);
    assert_eq!(v.len(), 1);
    let last = 3 + p.items.len();
    assert!(v[0].contains(&format!(r#"sqref="D4:D{last}""#)), "{}", v[0]);
    assert!(
        v[0].contains(
            "<formula1>\"ดำเนินการแล้วเสร็จ,อยู่ระหว่างดำเนินการ,รอรายงาน,ไม่สามารถดำเนินการได้,ยังไม่ดำเนินการ\"</formula1>"
        ),
        "{}",
        v[0]
    );
    let h = sheet(&bytes, "วิธีกรอก");
    let all: String = h.rows().flat_map(|r| r.iter().map(|c| c.to_string() + "\n")).collect();
    assert!(all.contains("--authority tua-yang --plan 2567-2570 --round 2567-6m"), "{all}");
    for s in Status::THAI {
        assert!(all.contains(s));
    }
}

#[test]
fn report_template_refuses_a_year_outside_the_plan() {
    let a = authority("tua-yang");
    let e = xlsx::report_template(a, plan(a, "2567-2570"), 2566, Period::TwelveMonths).unwrap_err();
    assert_eq!(e.message(prongsai::diag::Lang::Th), "ปีงบประมาณ 2566 ไม่อยู่ในแผน 2567-2570 (ปี 2567–2570)");
}

/// Rows of a plan sheet by their รหัส.
fn rows_by_id(s: &Range<Data>) -> std::collections::BTreeMap<String, u32> {
    (3..=s.end().unwrap().0).filter_map(|r| Some((text(&at(s, r, 2)), r)).filter(|(id, _)| !id.is_empty())).collect()
}

fn plan_export(a: &Authority, p: &Plan) -> Vec<u8> {
    xlsx::plan_xlsx(&example().site, a, p, &compute(p, &a.owner_aliases)).unwrap()
}

#[test]
fn plan_xlsx_carries_every_amount_and_the_computed_totals() {
    let a = authority("bueng-nakhon");
    let p = plan(a, "2566-2570");
    let t = compute(p, &a.owner_aliases);
    let bytes = plan_export(a, p);
    assert_eq!(book(&bytes).sheet_names(), vec!["แผน", "วิธีกรอก"]);
    let s = sheet(&bytes, "แผน");
    assert_eq!(text(&at(&s, 0, 0)), p.title);
    assert_eq!(text(&at(&s, 1, 0)), format!("องค์กรปกครองส่วนท้องถิ่น: {}", a.name));
    assert_eq!(row_texts(&s, 2), plan_header(&p.fiscal_years));
    let ids = rows_by_id(&s);
    assert_eq!(ids.len(), p.items.len(), "every item, default ids included, has its row");
    let owner_col = 6 + p.fiscal_years.len() as u32;
    for item in &p.items {
        let r = ids[&item.id];
        assert_eq!(text(&at(&s, r, 3)), item.title);
        assert_eq!(text(&at(&s, r, 4)), item.kind.thai());
        assert_eq!(text(&at(&s, r, 5)), item.sub_missions.join(", "));
        for (n, y) in p.fiscal_years.iter().enumerate() {
            assert_amount(&at(&s, r, 6 + n as u32), item.amount(*y), &format!("{} {y}", item.id));
        }
        assert_eq!(text(&at(&s, r, owner_col)), item.owner.join("\n"));
        assert_eq!(text(&at(&s, r, owner_col + 1)), item.note.clone().unwrap_or_default());
    }
    // Dimension and mission on their first row only.
    let dims: Vec<String> = (3..=s.end().unwrap().0).map(|r| text(&at(&s, r, 0))).filter(|d| !d.is_empty()).collect();
    let want: Vec<String> = p.dimensions.iter().map(|d| format!("{} {}", d.no, d.title)).collect();
    assert_eq!(dims, want);
    let first = &p.items[0];
    assert_eq!(text(&at(&s, ids[&first.id], 0)), want[0]);
    assert_eq!(text(&at(&s, ids[&first.id], 1)), format!("1.1 {}", p.dimensions[0].missions[0].title));
    assert_eq!(text(&at(&s, ids[&p.items[1].id], 0)), "", "blank below: the same dimension");

    // The total rows: compute's figures, '-' where no item of the scope states an amount.
    let totals: Vec<u32> = (3..=s.end().unwrap().0).filter(|r| text(&at(&s, *r, 3)).starts_with("รวม")).collect();
    assert_eq!(totals.len(), p.dimensions.len() + 1);
    for (dt, r) in t.dimensions.iter().zip(&totals) {
        assert_eq!(text(&at(&s, *r, 3)), format!("รวมมิติที่ {} จำนวน {} โครงการ", dt.no, dt.totals.items));
        for (n, y) in p.fiscal_years.iter().enumerate() {
            let yt = &dt.totals.by_year[y];
            let cell = at(&s, *r, 6 + n as u32);
            if yt.stated_items == 0 {
                assert_eq!(cell, Data::String("-".into()), "dimension {} {y}", dt.no);
            } else {
                assert_money(&cell, yt.sum, &format!("dimension {} {y}", dt.no));
            }
        }
    }
    let grand = *totals.last().unwrap();
    assert_eq!(text(&at(&s, grand, 3)), format!("รวมทั้งสิ้น จำนวน {} โครงการ", p.items.len()));
    for n in 0..p.fiscal_years.len() {
        // Bueng Nakhon's plan: 41,000 baht a year (tests/open_data.rs: 205,000 in all).
        assert_money(&at(&s, grand, 6 + n as u32), Money::from_baht(41_000), "plan total");
    }
    // Dimension 2 states no amount at all: its total says '-', as the signed plan prints it.
    assert!(t.dimensions[1].totals.by_year.values().all(|y| y.stated_items == 0));
    assert_eq!(at(&s, totals[1], 6), Data::String("-".into()));

    // The totals are formulas that Excel recalculates, with the computed figures stored.
    let f = book(&bytes).worksheet_formula("แผน").unwrap();
    let formula = |r: u32, c: u32| f.get_value((r, c)).cloned().unwrap_or_default();
    let (d1_first, d1_last) = (3 + 1, totals[0]);
    assert_eq!(
        formula(totals[0], 6),
        format!("IF(COUNT(G{d1_first}:G{d1_last})=0,\"-\",ROUND(SUM(G{d1_first}:G{d1_last}),2))")
    );
    let cells: Vec<String> = totals[..totals.len() - 1].iter().map(|r| format!("G{}", r + 1)).collect();
    let cells = cells.join(",");
    assert_eq!(formula(grand, 6), format!("IF(COUNT({cells})=0,\"-\",ROUND(SUM({cells}),2))"));
    assert_eq!(formula(totals[0], 3), format!("\"รวมมิติที่ 1 จำนวน \"&COUNTA(D{d1_first}:D{d1_last})&\" โครงการ\""));
    // An item cell is a value, never a formula.
    assert_eq!(formula(ids[&first.id], 6), "");
}

#[test]
fn plan_xlsx_keeps_satang_zero_quarters_and_e_gp() {
    let a = authority("tua-yang");
    let p = plan(a, "2567-2570");
    let bytes = plan_export(a, p);
    let s = sheet(&bytes, "แผน");
    let mut header = plan_header(&p.fiscal_years);
    header.extend(["ไตรมาส", "e-GP"].map(String::from));
    assert_eq!(row_texts(&s, 2), header, "quarters and e-GP follow the remark when the plan has them");
    let ids = rows_by_id(&s);
    let first = ids[&p.items[0].id];
    assert_eq!(at(&s, first, 6), Data::Float(28256.40));
    assert_eq!(at(&s, first, 6).to_string(), "28256.4");
    let zero = ids["ethics-code"];
    for n in 0..4 {
        assert_eq!(at(&s, zero, 6 + n), Data::Float(0.0), "0 = needs no budget, written as 0");
    }
    assert_eq!(text(&at(&s, zero, 12)), "1, 2, 3, 4");
    let egp = p.items.iter().find(|i| !i.egp.is_empty()).unwrap();
    assert_eq!(at(&s, ids[&egp.id], 13), Data::String("67019000001".into()), "e-GP numbers stay text");
    for item in &p.items {
        for (n, y) in p.fiscal_years.iter().enumerate() {
            assert_amount(&at(&s, ids[&item.id], 6 + n as u32), item.amount(*y), &item.id);
        }
    }
    let grand = (3..=s.end().unwrap().0).find(|r| text(&at(&s, *r, 3)).starts_with("รวมทั้งสิ้น")).unwrap();
    assert_money(&at(&s, grand, 6), Money(8_825_640), "88,256.40 in 2567");
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn amounts_read_back_as_the_same_decimal() {
    // Each amount alone in its item; the largest is past what a double carries exactly
    // (10,000,000,000,000 baht) and is written as text instead.
    let amounts = [
        "0.10",
        "0.01",
        "0.07",
        "0.29",
        "1.15",
        "28256.40",
        "14159500.00",
        "1234567.89",
        "999999.99",
        "9999999999999.99",
        "10000000000000.01",
    ];
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "site.yaml", "title: ทดสอบ\nbase_url: https://example.go.th/\n");
    write(dir.path(), "t/authority.yaml", "name: อบต.ทดสอบ\nkind: sao\nprovince: ขอนแก่น\n");
    let mut plan_yaml = String::from(
        "title: แผนทดสอบ\nfiscal_years: [2566, 2567]\ntemplate: nacc-2566\ndimensions:\n  - no: 1\n    missions:\n      - no: \"1.1\"\n        items:\n",
    );
    for (n, a) in amounts.iter().enumerate() {
        plan_yaml.push_str(&format!("          - {{title: โครงการที่ {n}, budget: {{2566: {a}, 2567: 0.10}}}}\n"));
    }
    write(dir.path(), "t/plans/2566-2567.yaml", &plan_yaml);
    let loaded = load_and_check(dir.path());
    assert!(!loaded.diags.has_errors(), "{:?}", loaded.diags.list);
    let a = &loaded.content.authorities[0];
    let p = &a.plans[0];
    let bytes = xlsx::plan_xlsx(&loaded.content.site, a, p, &compute(p, &a.owner_aliases)).unwrap();
    let s = sheet(&bytes, "แผน");
    let ids = rows_by_id(&s);
    for (n, written) in amounts.iter().enumerate() {
        let m = parse_money(written).unwrap();
        let cell = at(&s, ids[&format!("1.1-{}", n + 1)], 6);
        if m.satang() < 1_000_000_000_000_000 {
            assert_money(&cell, m, written);
        } else {
            assert_eq!(cell, Data::String("10000000000000.01".into()));
        }
    }
    let grand = (3..=s.end().unwrap().0).find(|r| text(&at(&s, *r, 3)).starts_with("รวมทั้งสิ้น")).unwrap();
    let sum: Money = amounts.iter().map(|a| parse_money(a).unwrap()).sum();
    assert_eq!(at(&s, grand, 6), Data::String(sum.to_decimal_string()), "a total past the limit is text too");
    // 11 × 0.10 = 1.10 exactly, not 1.1000000000000003.
    assert_money(&at(&s, grand, 7), Money(110), "sum of 0.10s");
    assert_eq!(at(&s, grand, 7).to_string(), "1.1");
}

#[test]
fn report_xlsx_has_the_round_and_its_summary() {
    let a = authority("tua-yang");
    let figures = AuthorityFigures::of(a);
    let (i, r) = a.reports.iter().enumerate().find(|(_, r)| r.slug == "2567-6m").unwrap();
    let round = &figures.rounds[i];
    let bytes = xlsx::report_xlsx(&example().site, a, r, round).unwrap();
    assert_eq!(book(&bytes).sheet_names(), vec!["รายงาน", "สรุป", "วิธีกรอก"]);
    let s = sheet(&bytes, "รายงาน");
    assert_eq!(row_texts(&s, 2), REPORT_HEADER);
    assert_eq!(s.end().unwrap().0, 2 + round.items.len() as u32);
    assert!(round.items.iter().any(|i| i.missing), "the content leaves a plan item out of the round");
    for (n, item) in round.items.iter().enumerate() {
        let row = 3 + n as u32;
        assert_eq!(text(&at(&s, row, 0)), item.id.clone().unwrap_or_default());
        assert_eq!(text(&at(&s, row, 2)), item.title);
        assert_eq!(text(&at(&s, row, 3)), item.status.thai());
        assert_amount(&at(&s, row, 4), item.budget, "budget");
        assert_amount(&at(&s, row, 5), item.disbursed.map_or(Amount::NotStated, Amount::Stated), "disbursed");
        assert_eq!(text(&at(&s, row, 6)), item.note.clone().unwrap_or_default());
    }
    assert_eq!(at(&s, 3, 4), Data::Float(28256.40));
    assert_eq!(at(&s, 3, 5), Data::Float(27980.0));
    assert!(validations(&entry(&bytes, "xl/worksheets/sheet1.xml"))[0].contains("รอรายงาน"));

    // The summary: the same figures as report.json.
    let sum = sheet(&bytes, "สรุป");
    let value = |label: &str| -> Data {
        let row = (0..=sum.end().unwrap().0).find(|r| text(&at(&sum, *r, 0)).starts_with(label)).unwrap();
        at(&sum, row, 1)
    };
    let t = &round.totals;
    for st in Status::ALL {
        assert_eq!(value(st.thai()), Data::Float(t.count(st) as f64), "{st:?}");
    }
    assert_eq!(value("รวม"), Data::Float(t.items as f64));
    let completion: f64 = t.completion_rate().unwrap().parse().unwrap();
    assert_eq!(value("อัตราความสำเร็จ"), Data::Float(completion));
    assert_eq!(value("รอรายงาน (ไม่นับ"), Data::Float(t.awaiting() as f64));
    assert_money(&value("งบประมาณรวม"), t.budget, "budget");
    assert_money(&value("เบิกจ่ายรวม"), t.disbursed, "disbursed");
    let disbursement: f64 = t.disbursement_rate().unwrap().parse().unwrap();
    assert_eq!(value("อัตราการเบิกจ่าย"), Data::Float(disbursement));
    assert_eq!(value("ในแผนแต่รายงานรอบนี้ไม่ได้กล่าวถึง"), Data::Float(1.0));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let years = [2566, 2567, 2568, 2569, 2570];
    assert_eq!(xlsx::plan_template(&years, None, None).unwrap(), xlsx::plan_template(&years, None, None).unwrap());
    let a = authority("tua-yang");
    let p = plan(a, "2567-2570");
    let report = || xlsx::report_template(a, p, 2567, Period::SixMonths).unwrap();
    assert_eq!(report(), report());
    let bytes = plan_export(a, p);
    assert_eq!(bytes, plan_export(a, p));
    // The creation date is the plan's adoption (2566-08-15 BE), a template's a fixed one.
    assert!(entry(&bytes, "docProps/core.xml").contains("2023-08-15T00:00:00Z"));
    assert!(entry(&report(), "docProps/core.xml").contains("2000-01-01T00:00:00Z"));
    // No zip entry carries the time it was written.
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    for i in 0..z.len() {
        let f = z.by_index(i).unwrap();
        assert_eq!(f.last_modified(), Some(zip::DateTime::default()), "{:?}", f.name());
    }
}

fn xlsx_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "xlsx"))
        .map(|e| (e.path().strip_prefix(dir).unwrap().display().to_string(), std::fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn two_builds_write_the_same_workbooks_and_link_them() {
    let content = root().join("content");
    let tmp = tempfile::tempdir().unwrap();
    let mut sites = Vec::new();
    let mut addresses = Default::default();
    for n in 0..2 {
        let loaded = load_and_check(&content);
        let files = render_site(&loaded.content, &content, Options::default()).unwrap();
        addresses = prongsai::addresses::published(files.iter().map(|f| &f.path));
        let out = tmp.path().join(format!("site{n}"));
        write_atomically(&out, &files).unwrap();
        sites.push(out);
    }
    let first = xlsx_files(&sites[0]);
    assert_eq!(first, xlsx_files(&sites[1]));
    let mut expected = Vec::new();
    for a in &example().authorities {
        for p in &a.plans {
            expected.push(format!("{}/plans/{}/plan.xlsx", a.slug, p.slug));
        }
        for r in &a.reports {
            expected.push(format!("{}/reports/{}/report.xlsx", a.slug, r.slug));
        }
        // Linked from the data page, and from the plan's or round's own page; each link
        // leads to the built file.
        let data = links(&sites[0], &format!("{}/data/", a.slug));
        for p in &a.plans {
            let file = format!("{}/plans/{}/plan.xlsx", a.slug, p.slug);
            assert!(data.contains(&file), "{} data page: {data:?}", a.slug);
            assert!(links(&sites[0], &format!("{}/plans/{}/", a.slug, p.slug)).contains(&file));
        }
        for r in &a.reports {
            let file = format!("{}/reports/{}/report.xlsx", a.slug, r.slug);
            assert!(data.contains(&file), "{} data page: {data:?}", a.slug);
            assert!(links(&sites[0], &format!("{}/reports/{}/", a.slug, r.slug)).contains(&file));
        }
    }
    expected.sort();
    let mut built: Vec<String> = first.iter().map(|(p, _)| p.replace('\\', "/")).collect();
    built.sort();
    assert_eq!(built, expected);
    // `prongsai freeze` records them, as it records the CSV files beside them.
    for p in &expected {
        assert!(addresses.contains(p), "{p}");
        assert!(addresses.contains(&p.replace(".xlsx", ".csv")));
    }
    assert!(expected.len() >= 5, "{expected:?}");
    for (p, bytes) in &first {
        // Every one opens and has its main sheet.
        let name = if p.ends_with("plan.xlsx") { "แผน" } else { "รายงาน" };
        assert!(sheet(bytes, name).get_size().0 > 3, "{p}");
    }
}

/// The links of a built page (a folder below the site), resolved to site paths.
fn links(site: &Path, page: &str) -> Vec<String> {
    let html = std::fs::read_to_string(site.join(page).join("index.html")).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("a[href]").unwrap();
    doc.select(&sel)
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| !h.contains("://"))
        .map(|h| {
            let mut parts: Vec<&str> = page.trim_end_matches('/').split('/').collect();
            for seg in h.split('/') {
                match seg {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    s => parts.push(s),
                }
            }
            parts.join("/")
        })
        .collect()
}

fn prongsai() -> Command {
    Command::cargo_bin("prongsai").unwrap()
}

#[test]
fn template_plan_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("แผน.xlsx");
    prongsai().args(["template", "plan", "--years", "2566-2570", "--output"]).arg(&out).assert().success();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(row_texts(&sheet(&bytes, "แผน"), 2), plan_header(&[2566, 2567, 2568, 2569, 2570]));

    // A second run never replaces the file without --force, and says so.
    std::fs::write(&out, "the officer's work").unwrap();
    let a = prongsai().args(["template", "plan", "--years", "2566-2570", "--output"]).arg(&out).assert().code(1);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"the officer's work");
    prongsai()
        .args(["template", "plan", "--years", "2567-2568", "--authority-name", "อบต.ทดสอบ", "--force", "--output"])
        .arg(&out)
        .assert()
        .success();
    let s = sheet(&std::fs::read(&out).unwrap(), "แผน");
    assert_eq!(text(&at(&s, 1, 0)), "องค์กรปกครองส่วนท้องถิ่น: อบต.ทดสอบ");
    assert_eq!(row_texts(&s, 2), plan_header(&[2567, 2568]));

    // Bad years: a precise message, in Thai by default and in English on request; no file.
    let bad = dir.path().join("bad.xlsx");
    for (years, lang, want) in [
        ("2566-2560", "th", "ช่วงปี '2566-2560' ไม่ถูกต้อง: ปีสุดท้าย 2560 อยู่ก่อนปีแรก 2566"),
        ("abc", "th", "ช่วงปี 'abc' ไม่ถูกต้อง: ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2566-2570 หรือ 2567"),
        ("2566-2560", "en", "years '2566-2560' are not valid: the last year 2560 comes before the first year 2566"),
        ("2023-2027", "en", "2023 is not a Buddhist Era year (CE 2023 is BE 2566)"),
    ] {
        let a = prongsai()
            .args(["--lang", lang, "template", "plan", "--years", years, "--output"])
            .arg(&bad)
            .assert()
            .code(1);
        let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
        assert!(err.contains(want), "{years}: {err}");
        assert!(!err.contains("panicked"));
    }
    let a = prongsai()
        .args(["template", "plan", "--years", "2566-2570", "--template", "nacc-2599", "--output"])
        .arg(&bad)
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("ไม่มีแม่แบบ 'nacc-2599'"));
    assert!(!bad.exists());
    // Nothing temporary is left beside the output.
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    assert_eq!(names, vec!["แผน.xlsx".to_string()]);
}

#[test]
fn template_report_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.xlsx");
    let content = root().join("content");
    let run = |args: &[&str]| {
        prongsai().args(["template", "report", "--content"]).arg(&content).args(args).arg("--output").arg(&out).assert()
    };
    run(&["--authority", "tua-yang", "--plan", "2567-2570", "--round", "2567-6m"]).success();
    let s = sheet(&std::fs::read(&out).unwrap(), "รายงาน");
    assert_eq!(s.end().unwrap().0, 2 + plan(authority("tua-yang"), "2567-2570").items.len() as u32);
    let a = run(&["--authority", "tua-yang", "--plan", "2567-2570", "--round", "2568-12m"]).code(1);
    assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ"));
    std::fs::remove_file(&out).unwrap();
    for (args, want) in [
        (["--authority", "nowhere", "--plan", "2567-2570", "--round", "2567-6m"], "ไม่พบ อปท. 'nowhere'"),
        (
            ["--authority", "tua-yang", "--plan", "2599-2600", "--round", "2567-6m"],
            "ไม่พบแผน '2599-2600' ของ tua-yang: มี 2567-2570",
        ),
        (["--authority", "tua-yang", "--plan", "2567-2570", "--round", "2567-9m"], "รอบรายงาน '2567-9m' ไม่ถูกต้อง"),
        (
            ["--authority", "tua-yang", "--plan", "2567-2570", "--round", "2580-6m"],
            "ปีงบประมาณ 2580 ไม่อยู่ในแผน 2567-2570",
        ),
    ] {
        let a = run(&args).code(1);
        let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(!out.exists());
    }
}

#[test]
fn a_template_is_written_only_under_an_xlsx_name_and_finds_its_plan() {
    let dir = tempfile::tempdir().unwrap();
    let xls = dir.path().join("แผน.xls");
    let out = prongsai().args(["template", "plan", "--years", "2566-2570", "--output"]).arg(&xls).assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("ชื่อไฟล์ต้องลงท้ายด้วย .xlsx"), "{err}");
    assert!(!xls.exists(), "nothing written under a name Excel would misread");
    // Without --plan: the plan whose years hold the round's fiscal year.
    let report = dir.path().join("รายงาน.xlsx");
    prongsai()
        .args(["template", "report", "--content"])
        .arg(common::root().join("content"))
        .args(["--authority", "tua-yang", "--round", "2568-6m", "--output"])
        .arg(&report)
        .assert()
        .success();
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&report).unwrap();
    let range = calamine::Reader::worksheet_range(&mut wb, "รายงาน").unwrap();
    let ids: Vec<String> = range.rows().skip(3).filter_map(|r| r.first().map(|c| c.to_string())).collect();
    assert!(ids.contains(&"ethics-code".to_string()) && ids.len() >= 14, "the items of plan 2567-2570: {ids:?}");
}
