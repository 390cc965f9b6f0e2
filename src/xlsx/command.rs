//! `prongsai template plan|report`: the Excel templates for officers. An existing file is
//! never replaced without `--force`, and a file is written whole or not at all (to a
//! temporary name beside it, then linked or renamed into place).

use crate::diag::{Lang, Severity, render};
use clap::Subcommand;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum TemplateCommand {
    /// An empty plan laid out on the national template, for officers to fill in Excel.
    Plan {
        /// Fiscal years (Buddhist Era), e.g. 2566-2570.
        #[arg(long)]
        years: String,
        /// nacc-2561 or nacc-2566 (default: nacc-2566 for plans from 2566, nacc-2561 before).
        #[arg(long)]
        template: Option<String>,
        /// The authority's name, for the sheet's second row.
        #[arg(long)]
        authority_name: Option<String>,
        /// The workbook to write, e.g. plan.xlsx.
        #[arg(long)]
        output: PathBuf,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// A progress report for one round, listing the items of a published plan.
    Report {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The authority's folder name, e.g. tua-yang.
        #[arg(long)]
        authority: String,
        /// The plan's slug, e.g. 2567-2570 (default: the plan covering the round's year).
        #[arg(long)]
        plan: Option<String>,
        /// The round: fiscal year and period, e.g. 2567-6m or 2567-12m.
        #[arg(long)]
        round: String,
        /// The workbook to write, e.g. report.xlsx.
        #[arg(long)]
        output: PathBuf,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
    },
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(1)
}

fn th_en(lang: Lang, th: String, en: String) -> String {
    if lang == Lang::Th { th } else { en }
}

pub fn run(cmd: TemplateCommand, lang: Lang) -> ExitCode {
    match cmd {
        TemplateCommand::Plan { years, template, authority_name, output, force } => {
            if let Err(code) = require_xlsx(&output, lang) {
                return code;
            }
            if let Err(code) = refuse_existing(&output, force, lang) {
                return code;
            }
            let years = match super::parse_years(&years) {
                Ok(y) => y,
                Err(e) => return fail(&e.message(lang)),
            };
            let name = template.clone().unwrap_or_else(|| super::default_template(&years).to_string());
            let bytes = match super::plan_template(&years, Some(&name), authority_name.as_deref()) {
                Ok(b) => b,
                Err(e) => return fail(&e.message(lang)),
            };
            if let Err(code) = write_whole(&output, &bytes, force, lang) {
                return code;
            }
            let (a, b) = (years[0], years[years.len() - 1]);
            let msg = th_en(
                lang,
                format!("เขียนแม่แบบแผน {} แล้ว (ปีงบประมาณ {a}–{b} แม่แบบ {name})", output.display()),
                format!("wrote the plan template {} (fiscal years {a}–{b}, template {name})", output.display()),
            );
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
        TemplateCommand::Report { content, authority, plan, round, output, force } => {
            if let Err(code) = require_xlsx(&output, lang) {
                return code;
            }
            if let Err(code) = refuse_existing(&output, force, lang) {
                return code;
            }
            let (year, period) = match super::parse_round(&round) {
                Ok(r) => r,
                Err(e) => return fail(&e.message(lang)),
            };
            if !content.is_dir() {
                return fail(&th_en(
                    lang,
                    format!("ไม่พบโฟลเดอร์เนื้อหา {}", content.display()),
                    format!("content folder {} not found", content.display()),
                ));
            }
            let loaded = crate::build::load_and_check(&content);
            if loaded.diags.has_errors() {
                for d in loaded.diags.list.iter().filter(|d| d.severity == Severity::Error) {
                    eprint!("{}", render(d, &loaded.sources, lang));
                }
                return fail(&th_en(
                    lang,
                    "เนื้อหามีข้อผิดพลาด แก้ให้ผ่าน prongsai check ก่อนสร้างแม่แบบรายงาน".into(),
                    "the content has errors: make prongsai check pass before making a report template".into(),
                ));
            }
            let authorities = &loaded.content.authorities;
            let Some(a) = authorities.iter().find(|a| a.slug == authority) else {
                let all: Vec<&str> = authorities.iter().map(|a| a.slug.as_str()).collect();
                return fail(&th_en(
                    lang,
                    format!("ไม่พบ อปท. '{authority}' ใน {}: มี {}", content.display(), all.join(", ")),
                    format!("no authority '{authority}' in {}: there are {}", content.display(), all.join(", ")),
                ));
            };
            // Without --plan: the plan whose years hold the round's fiscal year.
            let chosen = match &plan {
                Some(slug) => a.plans.iter().find(|p| &p.slug == slug),
                None => a.plans.iter().rfind(|p| p.fiscal_years.contains(&year)),
            };
            let plan = plan.unwrap_or_else(|| format!("(ปีงบประมาณ {year})"));
            let Some(p) = chosen else {
                let all: Vec<&str> = a.plans.iter().map(|p| p.slug.as_str()).collect();
                let all = if all.is_empty() { "-".to_string() } else { all.join(", ") };
                return fail(&th_en(
                    lang,
                    format!("ไม่พบแผน '{plan}' ของ {authority}: มี {all}"),
                    format!("{authority} has no plan '{plan}': there are {all}"),
                ));
            };
            let bytes = match super::report_template(a, p, year, period) {
                Ok(b) => b,
                Err(e) => return fail(&e.message(lang)),
            };
            if let Err(code) = write_whole(&output, &bytes, force, lang) {
                return code;
            }
            let msg = th_en(
                lang,
                format!(
                    "เขียนแม่แบบรายงาน {} แล้ว ({} รายการ จากแผน {plan} รอบ {year}-{})",
                    output.display(),
                    p.items.len(),
                    period.as_str()
                ),
                format!(
                    "wrote the report template {} ({} items of plan {plan}, round {year}-{})",
                    output.display(),
                    p.items.len(),
                    period.as_str()
                ),
            );
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
    }
}

fn exists_message(path: &Path, lang: Lang) -> String {
    th_en(
        lang,
        format!("{}: มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ: ใส่ --force ถ้าต้องการแทนที่", path.display()),
        format!("{} already exists and was left as it is: add --force to replace it", path.display()),
    )
}

/// The workbook is Office Open XML: a name ending in anything but .xlsx would make Excel (and
/// the importer) try to read it as something else.
fn require_xlsx(path: &Path, lang: Lang) -> Result<(), ExitCode> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    if ext.as_deref() == Some("xlsx") {
        return Ok(());
    }
    Err(fail(&th_en(
        lang,
        format!("{}: ชื่อไฟล์ต้องลงท้ายด้วย .xlsx (แม่แบบเป็นไฟล์ Excel แบบ .xlsx)", path.display()),
        format!("{}: the file name must end in .xlsx (the template is an .xlsx workbook)", path.display()),
    )))
}

/// Refuses early, before any work, when the output exists and --force is not given.
fn refuse_existing(path: &Path, force: bool, lang: Lang) -> Result<(), ExitCode> {
    if !force && path.symlink_metadata().is_ok() {
        return Err(fail(&exists_message(path, lang)));
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, then moves it into place: with
/// `force` by renaming over, otherwise by a link that fails if `path` appeared meanwhile.
fn write_whole(path: &Path, bytes: &[u8], force: bool, lang: Lang) -> Result<(), ExitCode> {
    let io_fail = |e: io::Error| {
        fail(&th_en(
            lang,
            format!("เขียน {} ไม่สำเร็จ: {e}", path.display()),
            format!("could not write {}: {e}", path.display()),
        ))
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    if let Err(e) = std::fs::write(&tmp, bytes) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io_fail(e));
    }
    let placed = if force {
        std::fs::rename(&tmp, path)
    } else {
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => std::fs::remove_file(&tmp),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let _ = std::fs::remove_file(&tmp);
                return Err(fail(&exists_message(path, lang)));
            }
            // A file system without hard links (FAT on a USB stick): check, then rename.
            Err(_) if path.symlink_metadata().is_err() => std::fs::rename(&tmp, path),
            Err(_) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(fail(&exists_message(path, lang)));
            }
        }
    };
    if let Err(e) = placed {
        let _ = std::fs::remove_file(&tmp);
        return Err(io_fail(e));
    }
    Ok(())
}
