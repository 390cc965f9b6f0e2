//! The command line of `prongsai import`: its arguments and what it prints.

use crate::diag::Lang;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Read a plan sheet (.xlsx, .xls, .ods, .csv) into CONTENT/AUTHORITY/plans/PLAN.yaml.
    Plan {
        /// The spreadsheet.
        file: PathBuf,
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The authority's folder name (slug), e.g. bueng-nakhon.
        #[arg(long)]
        authority: String,
        /// The plan's slug, e.g. 2566-2570.
        #[arg(long)]
        plan: String,
        /// Replace the plan file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Read a report sheet into CONTENT/AUTHORITY/reports/ROUND.yaml.
    Report {
        /// The spreadsheet.
        file: PathBuf,
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The authority's folder name (slug).
        #[arg(long)]
        authority: String,
        /// The round: <fiscal year>-6m or <fiscal year>-12m, e.g. 2566-6m.
        #[arg(long)]
        round: String,
        /// The plan reported on (default: the authority's plan that covers the year).
        #[arg(long)]
        plan: Option<String>,
        /// Replace the report file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// Runs an import; prints problems and what was written. Exit code 1 on any error.
pub fn run(cmd: ImportCommand, lang: Lang) -> ExitCode {
    let result = match cmd {
        ImportCommand::Plan { file, content, authority, plan, force } => {
            super::import_plan(&file, &content, &authority, &plan, force)
        }
        ImportCommand::Report { file, content, authority, round, plan, force } => {
            super::import_report(&file, &content, &authority, &round, plan.as_deref(), force)
        }
    };
    match result {
        Ok(done) => {
            for w in &done.warnings {
                eprintln!("{}", w.render(lang));
            }
            eprint!("{}", done.render(lang));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprint!("{}", problems.render(lang));
            let (e, w) = (problems.errors().count(), problems.warnings().count());
            match lang {
                Lang::Th => eprintln!("นำเข้าไม่สำเร็จ: ข้อผิดพลาด {e} รายการ คำเตือน {w} รายการ ไม่ได้เขียนไฟล์ใด"),
                Lang::En => eprintln!("import failed: {e} error(s), {w} warning(s); nothing was written"),
            }
            ExitCode::from(1)
        }
    }
}
