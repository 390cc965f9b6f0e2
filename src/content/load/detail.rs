//! plans/<plan>/<item-id>.md: front matter (YAML between `---` lines) and a Markdown body.

use super::source::parse_yaml;
use crate::content::model::*;
use crate::content::read::Reader;
use crate::content::yaml::{Node, Pos};
use crate::diag::{Expected, FileId, Msg};

const DETAIL_KEYS: &[&str] = &[
    "title",
    "owner",
    "target_group",
    "area",
    "period",
    "objectives",
    "method",
    "indicators",
    "outputs",
    "outcomes",
    "budget",
    "budget_lines",
];
const INDICATOR_KEYS: &[&str] = &["name", "target"];
const LINE_KEYS: &[&str] = &["label", "quantity", "unit", "times", "unit_price", "amount"];

/// Splits `---\nfront\n---\nbody`. Returns (front matter, its first line, body, body's first line).
pub fn split_front_matter(text: &str) -> Result<(Option<&str>, u32, &str, u32), ()> {
    let Some(rest) = text.strip_prefix("---\n").or_else(|| if text == "---" { Some("") } else { None }) else {
        return Ok((None, 1, text, 1));
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok((Some(front), 2, body, i as u32 + 3));
        }
        offset += line.len();
    }
    Err(())
}

pub fn read_detail(r: &mut Reader, file: FileId, text: &str, item_id: &str) -> Option<DetailPage> {
    let (front, front_line, body, body_line) = match split_front_matter(text) {
        Ok(parts) => parts,
        Err(()) => {
            r.error(Pos { line: 1, col: 1 }, Msg::FrontMatterUnclosed);
            return None;
        }
    };
    let mut page = DetailPage {
        item_id: item_id.to_string(),
        file,
        title: None,
        owner: None,
        target_group: None,
        area: None,
        period: None,
        objectives: Vec::new(),
        method: Vec::new(),
        indicators: Vec::new(),
        outputs: Vec::new(),
        outcomes: Vec::new(),
        budget: Vec::new(),
        budget_lines: Vec::new(),
        budget_lines_pos: Pos { line: 1, col: 1 },
        body: Markdown { file, first_line: body_line, text: body.to_string() },
    };
    let Some(front) = front else { return Some(page) };
    let node = parse_yaml(front, file, front_line - 1, r.diags)?;
    if node.is_null() {
        return Some(page);
    }
    let f = r.fields(&node, "front matter", DETAIL_KEYS)?;
    page.title = f.get("title").and_then(|n| r.text(n, "title").map(|t| (t, n.pos)));
    page.owner = f.get("owner").map(|n| (r.text_or_list(n, "owner"), n.pos));
    page.target_group = r.opt_text(&f, "target_group");
    page.area = r.opt_text(&f, "area");
    page.period = r.opt_text(&f, "period");
    page.objectives = r.opt_text_list(&f, "objectives");
    page.method = r.opt_text_list(&f, "method");
    page.outputs = r.opt_text_list(&f, "outputs");
    page.outcomes = r.opt_text_list(&f, "outcomes");
    if let Some(list) = f.get("indicators") {
        for n in r.list(list, "indicators") {
            if let Some(name) = n.as_scalar() {
                page.indicators.push(Indicator { name: name.to_string(), target: None });
                continue;
            }
            let Some(inf) = r.fields(n, "indicators", INDICATOR_KEYS) else { continue };
            if let Some(name) = r.require(&inf, "name").and_then(|x| r.text(x, "name")) {
                page.indicators.push(Indicator { name, target: r.opt_text(&inf, "target") });
            }
        }
    }
    if let Some(b) = f.get("budget") {
        page.budget = read_page_budget(r, b);
    }
    if let Some(lines) = f.get("budget_lines") {
        page.budget_lines_pos = lines.pos;
        for n in r.list(lines, "budget_lines") {
            if let Some(line) = read_line(r, n) {
                page.budget_lines.push(line);
            }
        }
    }
    Some(page)
}

fn read_page_budget(r: &mut Reader, node: &Node) -> Vec<(Option<i32>, crate::content::numbers::Money, Pos)> {
    if node.as_scalar().is_some() {
        return match r.amount(node, "budget") {
            Some(Amount::Stated(m)) => vec![(None, m, node.pos)],
            _ => Vec::new(),
        };
    }
    let Some(entries) = node.as_map() else {
        r.error(node.pos, Msg::WrongType { key: "budget".into(), expected: Expected::AmountOrMap });
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, v) in entries {
        let year = r.year_text(&k.text, k.pos, "budget");
        if let (Some(y), Some(Amount::Stated(m))) = (year, r.amount(v, "budget")) {
            out.push((Some(y), m, v.pos));
        }
    }
    out
}

fn read_line(r: &mut Reader, node: &Node) -> Option<BudgetLine> {
    let f = r.fields(node, "budget_lines", LINE_KEYS)?;
    let label = r.require(&f, "label").and_then(|n| r.text(n, "label"));
    let amount = r.require(&f, "amount").and_then(|n| r.money(n, "amount"));
    let quantity = f.get("quantity").and_then(|n| r.money(n, "quantity"));
    let times = f.get("times").and_then(|n| r.money(n, "times"));
    let unit_price = f.get("unit_price").and_then(|n| r.money(n, "unit_price"));
    Some(BudgetLine {
        label: label?,
        quantity,
        unit: r.opt_text(&f, "unit"),
        times,
        unit_price,
        amount: amount?,
        pos: node.pos,
    })
}

#[cfg(test)]
mod tests {
    use super::split_front_matter;
    #[test]
    fn front_matter_lines() {
        let (f, fl, b, bl) = split_front_matter("---\ntitle: x\n---\n## หัวข้อ\n").unwrap();
        assert_eq!((f, fl, b, bl), (Some("title: x\n"), 2, "## หัวข้อ\n", 4));
        assert_eq!(split_front_matter("# only body").unwrap().0, None);
        assert!(split_front_matter("---\ntitle: x\n").is_err());
    }
}
