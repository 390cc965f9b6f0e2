//! Writing the two files an import produces, in the layout of content-format.md. Text is
//! written plain when YAML reads it back unchanged, otherwise double-quoted with JSON's
//! escapes (valid YAML); money is written as exact decimals, "-" for not stated.

use super::plan::{ItemDraft, PlanDraft};
use super::report::ReportDraft;
use crate::content::model::Amount;
use std::collections::HashMap;
use std::fmt::Write;

/// Where the data came from, for the comment at the top of the file.
pub struct Origin<'a> {
    pub file: &'a str,
    pub sheet: Option<&'a str>,
    /// `plan` or `report`.
    pub what: &'static str,
}

/// Keys of a plan file that a sheet cannot carry, kept when the file is replaced (--force):
/// the scalars exactly as they were written.
#[derive(Debug, Default)]
pub struct KeptPlan {
    pub title: Option<String>,
    pub adopted: Option<String>,
    pub document: Option<String>,
}

/// The same for a report round: dates, the signed document, the printed summary and each
/// item's evidence.
#[derive(Debug, Default)]
pub struct KeptReport {
    pub as_of: Option<String>,
    pub published: Option<String>,
    pub document: Option<String>,
    pub summary: Vec<(String, String)>,
    pub evidence: HashMap<String, Vec<String>>,
}

/// Text that YAML reads back as the same string when written without quotes.
fn plain_ok(s: &str) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().last()) else { return false };
    if first.is_whitespace() || last.is_whitespace() {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`.+".contains(first) || first.is_ascii_digit() {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    if s.chars().any(|c| c.is_control() || matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}')) {
        return false;
    }
    !matches!(
        s.to_ascii_lowercase().as_str(),
        "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    )
}

/// A double-quoted scalar: JSON's string escapes are YAML's; Thai stays as it is.
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// A text value in block context: plain when safe, else quoted.
pub fn scalar(s: &str) -> String {
    if plain_ok(s) { s.to_string() } else { quoted(s) }
}

/// A number kept from a file (`275145.00`, `"๑๔,๖๐๐"`): plain when it is plain digits.
fn number(s: &str) -> String {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.') { s.to_string() } else { quoted(s) }
}

pub fn amount(a: Amount) -> String {
    match a {
        Amount::Stated(m) => m.to_decimal_string(),
        Amount::NotStated => "\"-\"".into(),
    }
}

fn flow_list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| quoted(s)).collect::<Vec<_>>().join(", "))
}

fn budget_map(budget: &[(i32, Amount)]) -> String {
    let parts: Vec<String> = budget.iter().map(|(y, a)| format!("{y}: {}", amount(*a))).collect();
    format!("{{{}}}", parts.join(", "))
}

fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn origin_comment(out: &mut String, o: &Origin) {
    let file = one_line(o.file);
    let (sheet_th, sheet_en) = match o.sheet {
        Some(s) => (format!(" (แผ่นงาน {})", one_line(s)), format!(" (sheet {})", one_line(s))),
        None => (String::new(), String::new()),
    };
    let _ = writeln!(out, "# นำเข้าจาก {file}{sheet_th} ด้วย prongsai import {}", o.what);
    let _ = writeln!(out, "# imported from {file}{sheet_en} by prongsai import {}", o.what);
    let _ = writeln!(out, "# แก้ไขไฟล์นี้ได้ตามปกติ การนำเข้าครั้งต่อไปจะเขียนทับไฟล์นี้เฉพาะเมื่อสั่งพร้อม --force");
    let _ = writeln!(out, "# this file can be edited; a later import replaces it only when run with --force");
}

fn sheet_place(o: &Origin, row: u32) -> String {
    match o.sheet {
        Some(s) => format!("{} แผ่นงาน {s} แถว {row}", o.file),
        None => format!("{} แถว {row}", o.file),
    }
}

pub fn plan(p: &PlanDraft, o: &Origin, kept: &KeptPlan) -> String {
    let mut out = String::new();
    origin_comment(&mut out, o);
    let title = match (&kept.title, &p.title) {
        (Some(t), _) => t.clone(),
        (None, Some(t)) => t.clone(),
        (None, None) => default_title(&p.fiscal_years),
    };
    let _ = writeln!(out, "title: {}", scalar(&title));
    let years: Vec<String> = p.fiscal_years.iter().map(i32::to_string).collect();
    let _ = writeln!(out, "fiscal_years: [{}]", years.join(", "));
    if let Some(t) = p.template {
        let _ = writeln!(out, "template: {t}");
    }
    if let Some(a) = &kept.adopted {
        let _ = writeln!(out, "adopted: {}", scalar(a));
    }
    if let Some(d) = &kept.document {
        let _ = writeln!(out, "document: {}", scalar(d));
    }
    out.push_str("dimensions:\n");
    for d in &p.dimensions {
        let _ = writeln!(out, "  - no: {}", d.no);
        if let Some(t) = &d.title {
            let _ = writeln!(out, "    title: {}", scalar(t));
        }
        if !d.items.is_empty() {
            out.push_str("    items:\n");
            for it in &d.items {
                item(&mut out, it, "      ");
            }
        }
        if !d.missions.is_empty() {
            out.push_str("    missions:\n");
        }
        for m in &d.missions {
            let _ = writeln!(out, "      - no: {}", quoted(&m.no));
            if let Some(t) = &m.title {
                let _ = writeln!(out, "        title: {}", scalar(t));
            }
            if !m.sub_missions.is_empty() {
                out.push_str("        sub_missions:\n");
                for (no, t) in &m.sub_missions {
                    match t {
                        Some(t) => {
                            let _ = writeln!(out, "          - {{no: {}, title: {}}}", quoted(no), quoted(t));
                        }
                        None => {
                            let _ = writeln!(out, "          - {{no: {}}}", quoted(no));
                        }
                    }
                }
            }
            if !m.items.is_empty() {
                out.push_str("        items:\n");
                for it in &m.items {
                    item(&mut out, it, "          ");
                }
            }
        }
    }
    if !p.stated.is_empty() {
        out.push_str("stated_totals:\n");
        for s in &p.stated {
            let _ = writeln!(out, "  - scope: {}", s.scope.label());
            if let Some(c) = s.count {
                let _ = writeln!(out, "    count: {c}");
            }
            if !s.budget.is_empty() {
                let _ = writeln!(out, "    budget: {}", budget_map(&s.budget));
            }
            let _ = writeln!(out, "    source: {}", scalar(&sheet_place(o, s.row)));
        }
    }
    out
}

/// `แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2566–2570`, the title of a plan whose sheet has none.
pub fn default_title(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. {a}–{b}"),
        (Some(a), _) => format!("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. {a}"),
        _ => "แผนปฏิบัติการป้องกันการทุจริต".into(),
    }
}

fn item(out: &mut String, it: &ItemDraft, indent: &str) {
    match &it.id {
        None => {
            let _ = writeln!(out, "{indent}# {} · แถว {}", it.default_id, it.row);
        }
        Some(_) => {
            let _ = writeln!(out, "{indent}# แถว {}", it.row);
        }
    }
    let mut lines: Vec<String> = Vec::new();
    if let Some(id) = &it.id {
        lines.push(format!("id: {}", scalar(id)));
    }
    lines.push(format!("title: {}", scalar(&it.title)));
    if let Some(k) = it.kind {
        lines.push(format!("kind: {}", k.as_str()));
    }
    if !it.sub_missions.is_empty() {
        lines.push(format!("sub_missions: {}", flow_list(&it.sub_missions)));
    }
    match it.owner.as_slice() {
        [] => {}
        [one] => lines.push(format!("owner: {}", scalar(one))),
        many => lines.push(format!("owner: {}", flow_list(many))),
    }
    if !it.budget.is_empty() {
        lines.push(format!("budget: {}", budget_map(&it.budget)));
    }
    if !it.quarters.is_empty() {
        let q: Vec<String> = it.quarters.iter().map(u8::to_string).collect();
        lines.push(format!("quarters: [{}]", q.join(", ")));
    }
    if !it.egp.is_empty() {
        lines.push(format!("egp: {}", flow_list(&it.egp)));
    }
    if let Some(n) = &it.note {
        lines.push(format!("note: {}", scalar(n)));
    }
    for (i, l) in lines.iter().enumerate() {
        let lead = if i == 0 { "- " } else { "  " };
        let _ = writeln!(out, "{indent}{lead}{l}");
    }
}

pub fn report(r: &ReportDraft, o: &Origin, kept: &KeptReport) -> String {
    let mut out = String::new();
    origin_comment(&mut out, o);
    let _ = writeln!(out, "plan: {}", scalar(&r.plan));
    let _ = writeln!(out, "fiscal_year: {}", r.fiscal_year);
    let _ = writeln!(out, "period: {}", r.period.as_str());
    for (key, v) in [("as_of", &kept.as_of), ("published", &kept.published), ("document", &kept.document)] {
        if let Some(v) = v {
            let _ = writeln!(out, "{key}: {}", scalar(v));
        }
    }
    out.push_str("items:\n");
    for it in &r.items {
        let _ = writeln!(out, "  # แถว {}", it.row);
        let _ = writeln!(out, "  - item: {}", scalar(&it.item));
        let _ = writeln!(out, "    status: {}", it.status.thai());
        if let Some(b) = it.budget {
            let _ = writeln!(out, "    budget: {}", amount(b));
        }
        if let Some(d) = it.disbursed {
            let _ = writeln!(out, "    disbursed: {}", d.to_decimal_string());
        }
        if let Some(n) = &it.note {
            let _ = writeln!(out, "    note: {}", scalar(n));
        }
        if let Some(ev) = kept.evidence.get(&it.item).filter(|e| !e.is_empty()) {
            let _ = writeln!(out, "    evidence: {}", flow_list(ev));
        }
    }
    // The printed summary: what the old file said, with the sheet's total row over it.
    let mut summary: Vec<(String, String)> = kept.summary.clone();
    for (k, v) in &r.summary {
        match summary.iter_mut().find(|(key, _)| key == k) {
            Some(entry) => entry.1 = v.clone(),
            None => summary.push((k.to_string(), v.clone())),
        }
    }
    if !summary.is_empty() {
        out.push_str("stated_summary:\n");
        for (k, v) in summary {
            let _ = writeln!(out, "  {k}: {}", number(&v));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::yaml::parse;

    #[test]
    fn text_reads_back_unchanged() {
        for s in [
            "มาตรการ “ส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม ขององค์การบริหารส่วนตำบลบึงนคร",
            "มาตรการ : ป้องกันผลประโชน์ทับซ้อน",
            "กิจกรรมทําความดีเพื่อแผ่นดิน",
            "- ไม่ใช้งบประมาณ",
            "2566",
            "1.1-3",
            "no",
            "a # b",
            "บรรทัดแรก\nบรรทัดสอง",
            "'quoted'",
            "\"double\"",
            "tab\there",
            " ขึ้นต้นด้วยช่องว่าง",
            "จบด้วย:",
            "{not: a map}",
            "[not, a, list]",
            "สำนักการช่าง/กองแผนฯ",
        ] {
            let doc = format!("k: {}\n", scalar(s));
            let node = parse(&doc).unwrap_or_else(|e| panic!("{doc}: {e:?}"));
            assert_eq!(node.get("k").and_then(|n| n.as_scalar()), Some(s), "{doc}");
            let doc = format!("k: [{}]\n", quoted(s));
            let node = parse(&doc).unwrap();
            assert_eq!(node.get("k").unwrap().as_seq().unwrap()[0].as_scalar(), Some(s), "{doc}");
        }
        assert_eq!(scalar("สำนักปลัด"), "สำนักปลัด");
        assert_eq!(scalar("1.1-3"), "\"1.1-3\"");
    }
}
