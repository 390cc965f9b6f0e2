//! The command line: `prongsai check` and `prongsai build`.

use crate::build;
use crate::diag::{Lang, Severity, render};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "prongsai",
    version,
    about = "เผยแพร่แผนปฏิบัติการป้องกันการทุจริต รายงานผล และหลักฐาน ITA ขององค์กรปกครองส่วนท้องถิ่น\nPublishes the anti-corruption plans, reports and ITA evidence of Thai local authorities"
)]
pub struct Cli {
    /// Language of messages: th (default) or en.
    #[arg(long, value_enum, global = true, default_value = "th")]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Th,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Read the content and report every error and warning.
    Check {
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Check, then write the site (only if there is no error).
    Build {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long, default_value = "site")]
        output: PathBuf,
        /// Write readable HTML instead of minified (for debugging a theme).
        #[arg(long)]
        no_minify: bool,
    },
}

pub fn run(cli: Cli) -> ExitCode {
    let lang = match cli.lang {
        LangArg::Th => Lang::Th,
        LangArg::En => Lang::En,
    };
    match cli.command {
        Command::Check { content } => check(&content, lang).0,
        Command::Build { content, output, no_minify } => {
            let (code, loaded) = check(&content, lang);
            let Some(loaded) = loaded else { return code };
            let files = match build::render_site(
                &loaded.content,
                &content,
                crate::render::site::Options { minify: !no_minify },
            ) {
                Ok(f) => f,
                Err(e) => return fail(lang, &format!("{e}")),
            };
            if let Err(e) = build::write_atomically(&output, &files) {
                return fail(lang, &format!("{}: {e}", output.display()));
            }
            let msg = match lang {
                Lang::Th => format!("เขียนเว็บไซต์ {} ไฟล์ที่ {}", files.len(), output.display()),
                Lang::En => format!("wrote {} files to {}", files.len(), output.display()),
            };
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
    }
}

fn fail(lang: Lang, detail: &str) -> ExitCode {
    let head = match lang {
        Lang::Th => "เขียนเว็บไซต์ไม่สำเร็จ เว็บไซต์เดิมยังอยู่ครบ",
        Lang::En => "could not write the site; the previous site is unchanged",
    };
    eprintln!("error: {head}: {detail}");
    ExitCode::from(1)
}

/// Prints every diagnostic; returns the exit code and, when there is no error, the content.
fn check(content: &std::path::Path, lang: Lang) -> (ExitCode, Option<crate::content::load::Loaded>) {
    if !content.is_dir() {
        let msg = match lang {
            Lang::Th => format!("ไม่พบโฟลเดอร์เนื้อหา {}", content.display()),
            Lang::En => format!("content folder {} not found", content.display()),
        };
        eprintln!("error: {msg}");
        return (ExitCode::from(2), None);
    }
    let loaded = build::load_and_check(content);
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in &loaded.diags.list {
        let _ = write!(err, "{}", render(d, &loaded.sources, lang));
    }
    let (e, w) = (loaded.diags.count(Severity::Error), loaded.diags.count(Severity::Warning));
    let summary = match lang {
        Lang::Th => format!("ข้อผิดพลาด {e} รายการ คำเตือน {w} รายการ"),
        Lang::En => format!("{e} error(s), {w} warning(s)"),
    };
    let _ = writeln!(err, "{summary}");
    if loaded.diags.has_errors() { (ExitCode::from(1), None) } else { (ExitCode::SUCCESS, Some(loaded)) }
}
