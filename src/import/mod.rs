//! `prongsai import plan|report`: an officer's spreadsheet (.xlsx, .xls, .ods, .csv) into
//! the content YAML, as docs/spreadsheets.md describes. Every problem is collected and
//! named by file, sheet, row and column; with any error nothing is written. A file is
//! written whole or not at all, never over an existing one without `force`, and kept only
//! when `prongsai check` accepts the content with it.

pub mod cells;
pub mod command;
pub mod header;
pub mod messages;
pub mod plan;
pub mod problem;
pub mod report;
pub mod sheet;
pub mod write;
pub mod yaml;

pub use messages::ImportMsg;
pub use problem::{Problem, Problems, Severity};

use crate::content::load::Loaded;
use crate::content::model::{Amount, Status};
use crate::content::numbers::Money;
use crate::content::read::is_slug;
use crate::diag::{Lang, Msg};
use header::Header;
use sheet::Sheet;
use std::path::{Path, PathBuf};

/// What an import wrote.
#[derive(Debug)]
pub struct Imported {
    pub path: PathBuf,
    /// An existing file was replaced (`force`).
    pub replaced: bool,
    pub sheet: Option<String>,
    pub summary: Summary,
    /// The importer's warnings and the checker's warnings about the new file.
    pub warnings: Vec<Problem>,
}

#[derive(Debug)]
pub enum Summary {
    Plan { items: usize, dimensions: usize, years: Vec<YearTotal> },
    Report { plan: String, items: usize, statuses: Vec<(Status, usize)>, budget: Money, disbursed: Money },
}

/// A fiscal year's column as the officer can check it against the paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearTotal {
    pub year: i32,
    pub sum: Money,
    pub not_stated: usize,
    pub no_budget: usize,
}

impl Imported {
    /// What was written: items, and per year the total (to compare with the paper).
    pub fn render(&self, lang: Lang) -> String {
        let th = lang == Lang::Th;
        let path = self.path.display();
        let sheet = match (&self.sheet, th) {
            (Some(s), true) => format!(" (แผ่นงาน {s})"),
            (Some(s), false) => format!(" (sheet {s})"),
            (None, _) => String::new(),
        };
        let replaced = match (self.replaced, th) {
            (true, true) => " แทนที่ไฟล์เดิม",
            (true, false) => ", replacing the previous file",
            _ => "",
        };
        let mut out = String::new();
        match &self.summary {
            Summary::Plan { items, dimensions, years } => {
                out.push_str(&if th {
                    format!("เขียน {path} แล้ว{replaced}: {items} รายการ ใน {dimensions} มิติ{sheet}\n")
                } else {
                    format!("wrote {path}{replaced}: {items} items in {dimensions} dimensions{sheet}\n")
                });
                for y in years {
                    out.push_str(&if th {
                        format!(
                            "  งบประมาณ ปี {}: {} บาท (ไม่ระบุ {} รายการ, ไม่ใช้งบประมาณ {} รายการ)\n",
                            y.year, y.sum, y.not_stated, y.no_budget
                        )
                    } else {
                        format!(
                            "  budget {}: {} baht ({} not stated, {} needing no budget)\n",
                            y.year, y.sum, y.not_stated, y.no_budget
                        )
                    });
                }
            }
            Summary::Report { plan, items, statuses, budget, disbursed } => {
                let counts = statuses
                    .iter()
                    .map(|(s, n)| if th { format!("{} {n}", s.thai()) } else { format!("{} {n}", s.as_str()) })
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push_str(&if th {
                    format!("เขียน {path} แล้ว{replaced}: {items} รายการของแผน {plan}{sheet}\n  {counts}\n  งบประมาณ {budget} บาท เบิกจ่าย {disbursed} บาท\n")
                } else {
                    format!("wrote {path}{replaced}: {items} items of the plan {plan}{sheet}\n  {counts}\n  budget {budget} baht, disbursed {disbursed} baht\n")
                });
            }
        }
        out
    }
}

/// The file's name as the officer knows it.
fn display_name(file: &Path) -> String {
    file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| file.display().to_string())
}

fn problem(file: &str, msg: ImportMsg) -> Problem {
    Problem { severity: Severity::Error, file: file.to_string(), sheet: None, row: None, column: None, msg }
}

/// The target file `content/<authority>/<folder>/<stem>.yaml`, if the folders allow it.
/// Returns the path and whether it exists; problems are added.
fn target(
    content_dir: &Path,
    authority: &str,
    folder: &str,
    stem: &str,
    force: bool,
    problems: &mut Problems,
) -> Option<(PathBuf, bool)> {
    let content_name = content_dir.display().to_string();
    if !content_dir.is_dir() {
        problems.list.push(problem(&content_name, ImportMsg::ContentMissing { dir: content_name.clone() }));
        return None;
    }
    if !is_slug(authority) {
        let msg = ImportMsg::Content(Msg::BadSlug { slug: authority.to_string() });
        problems.list.push(problem(&content_name, msg));
        return None;
    }
    if !content_dir.join(authority).join("authority.yaml").is_file() {
        let msg = ImportMsg::AuthorityMissing { slug: authority.to_string(), dir: content_name.clone() };
        problems.list.push(problem(&content_name, msg));
        return None;
    }
    let path = content_dir.join(authority).join(folder).join(format!("{stem}.yaml"));
    let exists = path.exists();
    if exists && !force {
        problems.list.push(problem(&path.display().to_string(), ImportMsg::Exists));
    }
    Some((path, exists))
}

/// Reads the file and finds the first sheet with a header.
fn open(file: &Path, name: &str, problems: &mut Problems) -> Option<(Sheet, Header)> {
    if !file.is_file() {
        let msg =
            if file.exists() { ImportMsg::ReadFailed { detail: "not a file".into() } } else { ImportMsg::FileNotFound };
        problems.list.push(problem(name, msg));
        return None;
    }
    let sheets = match sheet::read(file) {
        Ok(s) => s,
        Err(msg) => {
            problems.list.push(problem(name, msg));
            return None;
        }
    };
    let only = (sheets.len() == 1).then(|| sheets[0].name.clone()).flatten();
    for s in sheets {
        if let Some(h) = header::find(&s.grid) {
            return Some((s, h));
        }
    }
    problems.list.push(Problem { sheet: only, ..problem(name, ImportMsg::NoHeader) });
    None
}

/// Scalars of the file being replaced that a sheet cannot carry.
fn old_tree(path: &Path) -> Option<crate::content::yaml::Node> {
    let text = std::fs::read_to_string(path).ok()?;
    crate::content::yaml::parse(text.trim_start_matches('\u{FEFF}')).ok()
}

fn scalar_of(node: &crate::content::yaml::Node, key: &str) -> Option<String> {
    node.get(key).and_then(|n| n.as_scalar()).map(String::from)
}

fn kept_plan(path: &Path) -> yaml::KeptPlan {
    let Some(n) = old_tree(path) else { return Default::default() };
    yaml::KeptPlan {
        title: scalar_of(&n, "title"),
        adopted: scalar_of(&n, "adopted"),
        document: scalar_of(&n, "document"),
    }
}

fn kept_report(path: &Path) -> yaml::KeptReport {
    let Some(n) = old_tree(path) else { return Default::default() };
    let summary = n
        .get("stated_summary")
        .and_then(|s| s.as_map())
        .map(|m| m.iter().filter_map(|(k, v)| Some((k.text.clone(), v.as_scalar()?.to_string()))).collect())
        .unwrap_or_default();
    let mut evidence = std::collections::HashMap::new();
    for it in n.get("items").and_then(|i| i.as_seq()).unwrap_or(&[]) {
        let (Some(id), Some(ev)) = (scalar_of(it, "item"), it.get("evidence")) else { continue };
        let list: Vec<String> = match ev.as_seq() {
            Some(seq) => seq.iter().filter_map(|e| e.as_scalar().map(String::from)).collect(),
            None => ev.as_scalar().map(String::from).into_iter().collect(),
        };
        evidence.insert(id, list);
    }
    yaml::KeptReport {
        as_of: scalar_of(&n, "as_of"),
        published: scalar_of(&n, "published"),
        document: scalar_of(&n, "document"),
        summary,
        evidence,
    }
}

/// Writes the file and reads it back; the checker's warnings join `problems`.
fn commit(
    content_dir: &Path,
    path: &Path,
    rel: &str,
    text: &str,
    before: &Loaded,
    problems: &mut Problems,
) -> Result<(), ()> {
    let shown = path.display().to_string();
    match write::commit(content_dir, path, rel, text.as_bytes(), before) {
        Ok(warnings) => {
            for msg in warnings {
                problems.list.push(Problem { severity: Severity::Warning, ..problem(&shown, msg) });
            }
            Ok(())
        }
        Err(msg) => {
            problems.list.push(problem(&shown, msg));
            Err(())
        }
    }
}

/// Imports a plan sheet into `content_dir/<authority>/plans/<plan>.yaml`.
pub fn import_plan(
    file: &Path,
    content_dir: &Path,
    authority: &str,
    plan: &str,
    force: bool,
) -> Result<Imported, Problems> {
    let mut problems = Problems::default();
    if !is_slug(plan) {
        problems.list.push(problem(&display_name(file), ImportMsg::Content(Msg::BadSlug { slug: plan.to_string() })));
    }
    let target = target(content_dir, authority, "plans", plan, force, &mut problems);
    let name = display_name(file);
    let Some((sheet, header)) = open(file, &name, &mut problems) else { return Err(problems) };
    let mut sink = problem::Sink::new(&name, sheet.name.as_deref());
    let draft = plan::read(&sheet, &header, &mut sink);
    if let (Some(first), Some(last)) = (draft.fiscal_years.first(), draft.fiscal_years.last()) {
        let expected = if first == last { first.to_string() } else { format!("{first}-{last}") };
        if plan != expected && plan.split('-').all(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit())) {
            let msg = ImportMsg::SlugYears { slug: plan.to_string(), first: *first, last: *last };
            sink.warning(None, None, msg);
        }
    }
    problems.list.extend(sink.problems.list);
    let Some((path, exists)) = target else { return Err(problems) };
    if problems.has_errors() {
        return Err(problems);
    }
    let kept = if exists { kept_plan(&path) } else { Default::default() };
    let origin = yaml::Origin { file: &name, sheet: sheet.name.as_deref(), what: "plan" };
    let text = yaml::plan(&draft, &origin, &kept);
    let before = crate::build::load_and_check(content_dir);
    let rel = format!("{authority}/plans/{plan}.yaml");
    if commit(content_dir, &path, &rel, &text, &before, &mut problems).is_err() {
        return Err(problems);
    }
    let years = draft
        .fiscal_years
        .iter()
        .map(|&year| {
            let amounts: Vec<Amount> = draft
                .items()
                .map(|i| i.budget.iter().find(|(y, _)| *y == year).map_or(Amount::NotStated, |b| b.1))
                .collect();
            YearTotal {
                year,
                sum: amounts.iter().filter_map(|a| a.money()).sum(),
                not_stated: amounts.iter().filter(|a| **a == Amount::NotStated).count(),
                no_budget: amounts.iter().filter(|a| **a == Amount::Stated(Money::ZERO)).count(),
            }
        })
        .collect();
    Ok(Imported {
        path,
        replaced: exists,
        sheet: sheet.name.clone(),
        summary: Summary::Plan { items: draft.items().count(), dimensions: draft.dimensions.len(), years },
        warnings: problems.list,
    })
}

/// Imports a report sheet into `content_dir/<authority>/reports/<round>.yaml`; the plan is
/// `plan`, or the authority's one plan that covers the round's fiscal year.
pub fn import_report(
    file: &Path,
    content_dir: &Path,
    authority: &str,
    round: &str,
    plan: Option<&str>,
    force: bool,
) -> Result<Imported, Problems> {
    let mut problems = Problems::default();
    let name = display_name(file);
    let parsed = report::parse_round(round);
    if parsed.is_none() {
        problems.list.push(problem(&name, ImportMsg::BadRound { round: round.to_string() }));
    }
    // With a malformed round the folders are still checked, so every problem is said at once.
    let stem = if parsed.is_some() { round } else { "_" };
    let target = target(content_dir, authority, "reports", stem, force || parsed.is_none(), &mut problems);
    let opened = open(file, &name, &mut problems);
    let (Some((fiscal_year, period)), Some((path, exists)), Some((sheet, header))) = (parsed, target, opened) else {
        return Err(problems);
    };
    let before = crate::build::load_and_check(content_dir);
    let plans: Vec<&crate::content::model::Plan> =
        before.content.authorities.iter().filter(|a| a.slug == authority).flat_map(|a| &a.plans).collect();
    let chosen = match plan {
        Some(slug) => match plans.iter().find(|p| p.slug == slug) {
            Some(p) if p.fiscal_years.contains(&fiscal_year) => Some(*p),
            Some(_) => {
                let msg = ImportMsg::PlanYearOutside { plan: slug.to_string(), year: fiscal_year };
                problems.list.push(problem(&name, msg));
                None
            }
            None => {
                problems.list.push(problem(&name, ImportMsg::PlanNotFound { plan: slug.to_string() }));
                None
            }
        },
        None => {
            let covering: Vec<&&crate::content::model::Plan> =
                plans.iter().filter(|p| p.fiscal_years.contains(&fiscal_year)).collect();
            match covering.as_slice() {
                [one] => Some(**one),
                [] => {
                    problems.list.push(problem(&name, ImportMsg::NoPlanForYear { year: fiscal_year }));
                    None
                }
                many => {
                    let plans = many.iter().map(|p| p.slug.as_str()).collect::<Vec<_>>().join(", ");
                    problems.list.push(problem(&name, ImportMsg::SeveralPlans { year: fiscal_year, plans }));
                    None
                }
            }
        }
    };
    let Some(the_plan) = chosen else { return Err(problems) };
    let mut sink = problem::Sink::new(&name, sheet.name.as_deref());
    let draft = report::read(&sheet, &header, the_plan, fiscal_year, period, &mut sink);
    problems.list.extend(sink.problems.list);
    if problems.has_errors() {
        return Err(problems);
    }
    let kept = if exists { kept_report(&path) } else { Default::default() };
    let origin = yaml::Origin { file: &name, sheet: sheet.name.as_deref(), what: "report" };
    let text = yaml::report(&draft, &origin, &kept);
    let mut statuses: Vec<(Status, usize)> = Vec::new();
    for s in Status::ALL {
        let n = draft.items.iter().filter(|i| i.status == s).count();
        if n > 0 {
            statuses.push((s, n));
        }
    }
    let budget: Money = draft
        .items
        .iter()
        .filter_map(|r| {
            let planned = the_plan.items.iter().find(|i| i.id == r.item).map(|i| i.amount(fiscal_year));
            r.budget.or(planned).and_then(Amount::money)
        })
        .sum();
    let disbursed: Money = draft.items.iter().filter_map(|r| r.disbursed).sum();
    let summary =
        Summary::Report { plan: the_plan.slug.clone(), items: draft.items.len(), statuses, budget, disbursed };
    let rel = format!("{authority}/reports/{round}.yaml");
    if commit(content_dir, &path, &rel, &text, &before, &mut problems).is_err() {
        return Err(problems);
    }
    Ok(Imported { path, replaced: exists, sheet: sheet.name.clone(), summary, warnings: problems.list })
}
