//! ita/<year>.yaml: links for ITA items the site does not produce, and the integrity
//! measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใส) with what was done.

use super::paths::{PathCtx, check_ref, is_url};
use crate::content::model::*;
use crate::content::read::Reader;
use crate::content::yaml::{Node, Pos};
use crate::diag::Msg;
use std::collections::BTreeMap;

const ITA_KEYS: &[&str] = &["year", "score", "level", "evidence", "measures"];
const ISSUE_KEYS: &[&str] = &["issue", "measures"];
const MEASURE_KEYS: &[&str] = &["no", "title", "steps", "period", "owner", "result", "outcome", "notes"];
const LINK_KEYS: &[&str] = &["title", "url"];

pub fn read_ita(r: &mut Reader, root: &Node, stem: &str, paths: &PathCtx) -> Option<ItaYear> {
    let f = r.fields(root, stem, ITA_KEYS)?;
    let year = r.require(&f, "year").and_then(|n| r.year(n, "year"));
    if let Some(y) = year {
        if stem != y.to_string() {
            r.error(root.pos, Msg::FileNameDisagrees { expected: format!("{y}.yaml") });
        }
    }
    let score = f.get("score").and_then(|n| r.text(n, "score")).map(|s| crate::content::numbers::fold_thai_digits(&s));
    let level = r.opt_text(&f, "level");
    let mut evidence = BTreeMap::new();
    if let Some(ev) = f.get("evidence") {
        for (code, list) in ev.as_map().unwrap_or(&[]) {
            let mut links = Vec::new();
            let items: Vec<&Node> = match list.as_seq() {
                Some(s) => s.iter().collect(),
                None => vec![list],
            };
            for n in items {
                if let Some(link) = read_evidence(r, n, paths) {
                    links.push(link);
                }
            }
            evidence.insert(code.text.trim().to_uppercase(), links);
        }
        if ev.as_map().is_none() {
            r.error(ev.pos, Msg::WrongType { key: "evidence".into(), expected: crate::diag::Expected::Map });
        }
    }
    let mut issues = Vec::new();
    if let Some(ms) = f.get("measures") {
        let mut titles: BTreeMap<String, u32> = BTreeMap::new();
        for n in r.list(ms, "measures") {
            let Some(issf) = r.fields(n, "measures", ISSUE_KEYS) else { continue };
            let Some(title) = r.require(&issf, "issue").and_then(|x| r.text(x, "issue")) else { continue };
            warn_html(r, n.pos, &title);
            if let Some(first) = titles.get(title.trim()) {
                r.warning(
                    issf.key_pos("issue").unwrap_or(n.pos),
                    Msg::DuplicateIssueTitle { title: title.clone(), first_line: *first },
                );
            } else {
                titles.insert(title.trim().to_string(), n.pos.line);
            }
            let mut measures = Vec::new();
            if let Some(list) = issf.get("measures") {
                for m in r.list(list, "measures") {
                    if let Some(measure) = read_measure(r, m) {
                        measures.push(measure);
                    }
                }
            }
            issues.push(ItaIssue { title, pos: n.pos, measures });
        }
    }
    Some(ItaYear { year: year?, file: r.file, score, level, evidence, issues })
}

fn read_evidence(r: &mut Reader, n: &Node, paths: &PathCtx) -> Option<Evidence> {
    if let Some(t) = n.as_scalar() {
        let checked = check_ref(r, paths, t, n.pos)?;
        return Some(if is_url(&checked) {
            Evidence::Link { title: None, url: checked }
        } else {
            Evidence::File(checked)
        });
    }
    let f = r.fields(n, "evidence", LINK_KEYS)?;
    let url_node = r.require(&f, "url")?;
    let url = r.text(url_node, "url")?;
    let checked = check_ref(r, paths, &url, url_node.pos)?;
    let title = r.opt_text(&f, "title");
    Some(if is_url(&checked) { Evidence::Link { title, url: checked } } else { Evidence::File(checked) })
}

fn read_measure(r: &mut Reader, node: &Node) -> Option<ItaMeasure> {
    let f = r.fields(node, "measures", MEASURE_KEYS)?;
    let title = r.require(&f, "title").and_then(|n| r.text(n, "title"))?;
    let steps = r.opt_text_list(&f, "steps");
    let m = ItaMeasure {
        no: r.opt_text(&f, "no"),
        title,
        steps,
        period: r.opt_text(&f, "period"),
        owner: r.opt_text(&f, "owner"),
        result: r.opt_text(&f, "result"),
        outcome: r.opt_text(&f, "outcome"),
        notes: r.opt_text_list(&f, "notes"),
    };
    let mut nodes: Vec<&Node> =
        ["title", "result", "outcome", "period", "owner"].iter().filter_map(|k| f.get(k)).collect();
    nodes.extend(f.get("steps").and_then(Node::as_seq).unwrap_or(&[]));
    if let Some(n) = nodes.into_iter().find(|n| n.as_scalar().is_some_and(has_html)) {
        r.warning(n.pos, Msg::HtmlInText);
    }
    check_step_numbers(r, f.get("steps"), &m.steps);
    Some(m)
}

fn warn_html(r: &mut Reader, pos: Pos, text: &str) {
    if has_html(text) {
        r.warning(pos, Msg::HtmlInText);
    }
}

/// `<p>`, `</p>`, `<br/>`, `<b class=x>`: a tag, not a "less than" in prose.
pub fn has_html(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(2).enumerate().any(|(i, w)| {
        w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/') && b[i + 1..].iter().take(40).any(|&c| c == b'>')
    })
}

/// Steps written with their own numbers (๑. ๒. …) should not skip one.
fn check_step_numbers(r: &mut Reader, node: Option<&Node>, steps: &[String]) {
    let Some(list) = node.and_then(Node::as_seq) else { return };
    let numbers: Vec<Option<u64>> = steps.iter().map(|s| leading_number(s)).collect();
    if numbers.iter().any(Option::is_none) {
        return;
    }
    for (i, pair) in numbers.windows(2).enumerate() {
        let (a, b) = (pair[0].unwrap_or(0), pair[1].unwrap_or(0));
        if b != a + 1 {
            r.warning(list[i + 1].pos, Msg::StepNumberGap { expected: a + 1, found: b });
        }
    }
}

fn leading_number(s: &str) -> Option<u64> {
    let folded = crate::content::numbers::fold_thai_digits(s.trim_start());
    let digits: String = folded.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &folded[digits.len()..];
    if digits.is_empty() || !(rest.starts_with('.') || rest.starts_with(')')) {
        return None;
    }
    digits.parse().ok()
}
