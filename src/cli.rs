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
    /// Write only the search index into OUTPUT/search/ (the full build writes it too):
    /// for benchmarks, and for re-indexing a large portal without re-rendering it.
    Index {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long, default_value = "site")]
        output: PathBuf,
    },
    /// Record every address the site publishes (published-addresses.txt, kept with the
    /// content). From then on a build that would drop one fails unless moved.yaml says
    /// where it went.
    Freeze {
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Read an officer's spreadsheet (.xlsx, .xls, .ods, .csv) into a plan or a report round.
    Import {
        #[command(subcommand)]
        what: crate::import::command::ImportCommand,
    },
}

pub fn run(cli: Cli) -> ExitCode {
    let lang = match cli.lang {
        LangArg::Th => Lang::Th,
        LangArg::En => Lang::En,
    };
    match cli.command {
        Command::Check { content } => check_listing_ita(&content, lang, true).0,
        Command::Freeze { content } => freeze(&content, lang),
        Command::Import { what } => crate::import::command::run(what, lang),
        Command::Index { content, output } => {
            let (code, loaded) = check(&content, lang);
            let Some(loaded) = loaded else { return code };
            let files = match build::search_index(&loaded.content, &content) {
                Ok(f) => f,
                Err(e) => return fail(lang, &format!("{e}")),
            };
            let mut files: Vec<_> = files
                .into_iter()
                .map(|f| crate::render::OutFile {
                    path: f.path.trim_start_matches("search/").to_string(),
                    bytes: f.bytes,
                })
                .collect();
            let dir = output.join("search");
            // The search page lives in the same folder; a re-index keeps it.
            if let Ok(bytes) = std::fs::read(dir.join("index.html")) {
                files.push(crate::render::OutFile { path: "index.html".into(), bytes });
            }
            if let Err(e) = build::write_atomically(&dir, &files) {
                return fail(lang, &format!("{}: {e}", dir.display()));
            }
            let msg = match lang {
                Lang::Th => format!("เขียนดัชนีค้นหา {} ไฟล์ที่ {}", files.len(), dir.display()),
                Lang::En => format!("wrote {} search index files to {}", files.len(), dir.display()),
            };
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
        Command::Build { content, output, no_minify } => {
            let (code, loaded) = check(&content, lang);
            let Some(loaded) = loaded else { return code };
            let mut files = match build::render_site(
                &loaded.content,
                &content,
                crate::render::site::Options { minify: !no_minify, ..Default::default() },
            ) {
                Ok(f) => f,
                Err(e) => return fail(lang, &format!("{e}")),
            };
            if let Err(code) = keep_addresses(&content, &loaded.content.site.base_url, &mut files, lang) {
                return code;
            }
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

/// Refuses a build that would drop a recorded address; adds redirects for declared moves.
fn keep_addresses(
    content: &std::path::Path,
    base_url: &str,
    files: &mut Vec<crate::render::OutFile>,
    lang: Lang,
) -> Result<(), ExitCode> {
    use crate::addresses::{self, MOVED_FILE, RECORD_FILE};
    let recorded = addresses::read_record(content).map_err(|e| fail(lang, &e))?;
    let moves = addresses::read_moves(content, base_url).map_err(|e| fail(lang, &e))?;
    let dropped = addresses::keep_recorded(files, &recorded, &moves, base_url);
    if dropped.is_empty() {
        return Ok(());
    }
    for d in &dropped {
        let msg = match lang {
            Lang::Th => format!(
                "ที่อยู่ '{}' เคยเผยแพร่แล้ว แต่การสร้างครั้งนี้จะทำให้หายไป ผู้ที่อ้างอิงที่อยู่นี้ (เช่น ผู้ประเมิน ITA) จะเปิดไม่ได้\n  = คำแนะนำ: นำเนื้อหากลับมา หรือระบุที่อยู่ใหม่ใน {MOVED_FILE} เช่น  \"{}\": \"ที่อยู่ใหม่/\"",
                d.address, d.address
            ),
            Lang::En => format!(
                "the address '{}' has been published, but this build would drop it; whoever cites it (an ITA reviewer) would find nothing\n  = hint: bring the content back, or declare where it went in {MOVED_FILE}, e.g.  \"{}\": \"new/address/\"",
                d.address, d.address
            ),
        };
        eprintln!("{RECORD_FILE}:{}:1: error: {msg}", d.line);
    }
    Err(fail(
        lang,
        &format!("{} {}", dropped.len(), if lang == Lang::Th { "ที่อยู่จะหายไป" } else { "address(es) would disappear" }),
    ))
}

fn freeze(content: &std::path::Path, lang: Lang) -> ExitCode {
    use crate::addresses::{self, RECORD_FILE};
    let (code, loaded) = check(content, lang);
    let Some(loaded) = loaded else { return code };
    let mut files = match build::render_site(
        &loaded.content,
        content,
        crate::render::site::Options { minify: false, ..Default::default() },
    ) {
        Ok(f) => f,
        Err(e) => return fail(lang, &format!("{e}")),
    };
    if let Err(code) = keep_addresses(content, &loaded.content.site.base_url, &mut files, lang) {
        return code;
    }
    let before = addresses::read_record(content).unwrap_or_default();
    let (text, added) = addresses::record_text(&before, &files);
    let target = content.join(RECORD_FILE);
    let tmp = content.join(format!(".{RECORD_FILE}.new-{}", std::process::id()));
    if let Err(e) = std::fs::write(&tmp, &text).and_then(|_| std::fs::rename(&tmp, &target)) {
        let _ = std::fs::remove_file(&tmp);
        return fail(lang, &format!("{}: {e}", target.display()));
    }
    let total = text.lines().filter(|l| !l.starts_with('#')).count();
    let msg = match lang {
        Lang::Th => format!("บันทึกที่อยู่ {total} รายการ (ใหม่ {added}) ใน {}", target.display()),
        Lang::En => format!("recorded {total} addresses ({added} new) in {}", target.display()),
    };
    eprintln!("{msg}");
    ExitCode::SUCCESS
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
    check_listing_ita(content, lang, false)
}

/// `list_ita`: also list, before the summary, the ITA items still missing (for `check`).
fn check_listing_ita(
    content: &std::path::Path,
    lang: Lang,
    list_ita: bool,
) -> (ExitCode, Option<crate::content::load::Loaded>) {
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
    let mut catalogue_error = false;
    if list_ita && !loaded.diags.has_errors() {
        catalogue_error = !ita_missing(content, &loaded.content, lang);
    }
    let (e, w) = (loaded.diags.count(Severity::Error), loaded.diags.count(Severity::Warning));
    let summary = match lang {
        Lang::Th => format!("ข้อผิดพลาด {e} รายการ คำเตือน {w} รายการ"),
        Lang::En => format!("{e} error(s), {w} warning(s)"),
    };
    let _ = writeln!(err, "{summary}");
    if loaded.diags.has_errors() || catalogue_error {
        (ExitCode::from(1), None)
    } else {
        (ExitCode::SUCCESS, Some(loaded))
    }
}

/// For each authority, the ITA items of its latest year that nothing fills yet.
/// Returns false when a catalogue cannot be read (the message is printed).
fn ita_missing(content_dir: &std::path::Path, content: &crate::content::model::Content, lang: Lang) -> bool {
    use crate::ita::resolve::{State, resolve};
    let catalogues = match crate::ita::catalogue::load(content_dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return false;
        }
    };
    for a in &content.authorities {
        let Some(ita) = a.ita.iter().max_by_key(|y| y.year) else { continue };
        let Some(catalogue) = catalogues.get(&ita.year) else { continue };
        let entries = resolve(a, ita, catalogue);
        let missing: Vec<String> = entries
            .iter()
            .filter(|e| matches!(e.state, State::Missing(_)))
            .map(|e| format!("{} {}", e.item.code, e.item.name))
            .collect();
        let head = match lang {
            Lang::Th => {
                format!("ITA {} ของ {}: ยังไม่มีข้อมูล {} จาก {} ข้อ", ita.year, a.slug, missing.len(), entries.len())
            }
            Lang::En => format!("ITA {} of {}: {} of {} items missing", ita.year, a.slug, missing.len(), entries.len()),
        };
        eprintln!("{head}");
        for m in missing {
            eprintln!("  - {m}");
        }
    }
    true
}
