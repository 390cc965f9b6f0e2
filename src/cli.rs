//! The command line: `prongsai check` and `prongsai build`.

use crate::addresses::Kept;
use crate::build::{self, Timings};
use crate::diag::{Lang, Severity, render};
use crate::render::site::Options;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
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
enum NewWhat {
    /// content/SLUG/authority.yaml (and content/site.yaml if the site has none).
    Authority {
        /// The folder name, part of every address: a-z, 0-9 and -, e.g. bueng-nakhon.
        slug: String,
        /// The full Thai name, e.g. องค์การบริหารส่วนตำบลบึงนคร.
        #[arg(long)]
        name: String,
        /// The province in Thai, e.g. ร้อยเอ็ด.
        #[arg(long)]
        province: String,
        /// pao | municipality | sao | other (default: from the name).
        #[arg(long)]
        kind: Option<String>,
        /// The site's address, written into a new site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// content/A/plans/FIRST-LAST.yaml with the national template's dimensions and missions.
    Plan {
        #[arg(long)]
        authority: String,
        /// Fiscal years, e.g. 2566-2570 (default: the national plan in force today).
        #[arg(long)]
        years: Option<String>,
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// content/A/reports/ROUND.yaml with every item of the plan, awaiting its report.
    Report {
        #[arg(long)]
        authority: String,
        /// e.g. 2567-6m (default: the latest round whose period has ended).
        #[arg(long)]
        round: Option<String>,
        /// The plan's slug (default: the plan covering the round's fiscal year).
        #[arg(long)]
        plan: Option<String>,
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long)]
        force: bool,
    },
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
        /// Print how long each stage took (load, compute, pages, search index, write).
        #[arg(long)]
        timings: bool,
    },
    /// Write only the search index into OUTPUT/search/ (the full build writes it too):
    /// for benchmarks, and for re-indexing a large portal without re-rendering it.
    Index {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long, default_value = "site")]
        output: PathBuf,
    },
    /// Start a new authority, plan or report: valid files with comments where to fill in.
    New {
        #[command(subcommand)]
        what: NewWhat,
    },
    /// Build, serve the site on this computer and rebuild it whenever a file is saved:
    /// the open page reloads itself, and shows what is wrong when a build fails.
    Serve {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on. The default, 127.0.0.1, lets only this computer in.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Where to write the preview (default: a folder under the system's temporary folder).
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Record every address the site publishes (published-addresses.txt, kept with the
    /// content). From then on a build that would drop one fails unless moved.yaml says
    /// where it went.
    Freeze {
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Write an Excel template for officers: a plan (`template plan`) or a progress report
    /// for one round of a plan (`template report`).
    Template {
        #[command(subcommand)]
        what: crate::xlsx::command::TemplateCommand,
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
        Command::New { what } => new(what, lang),
        Command::Serve { content, port, bind, output } => {
            match crate::serve::run(crate::serve::ServeOptions { content, output, bind, port, lang }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Template { what } => crate::xlsx::command::run(what, lang),
        Command::Import { what } => crate::import::command::run(what, lang),
        Command::Index { content, output } => index(&content, &output, lang),
        Command::Build { content, output, no_minify, timings } => {
            build(&content, &output, Options { minify: !no_minify, ..Default::default() }, timings, lang)
        }
    }
}

fn build(content: &Path, output: &Path, opts: Options, timings: bool, lang: Lang) -> ExitCode {
    if let Err(e) = build::output_clear_of_content(output, content) {
        return fail(lang, &e.to_string());
    }
    let t = Timings::default();
    let (code, loaded) = t.time("load and check", || check(content, lang));
    let Some(loaded) = loaded else { return code };
    let staging = match build::Staging::new(output) {
        Ok(s) => s,
        Err(e) => return fail(lang, &format!("{}: {e}", output.display())),
    };
    let site = match build::build_into(&loaded.content, content, opts, &staging, &t) {
        Ok(s) => s,
        Err(e) => return fail(lang, &format!("{e}")),
    };
    let paths = t.time("address record", || staging.paths());
    let kept = match keep_addresses(content, &loaded.content.site.base_url, &paths, lang) {
        Ok(k) => k,
        Err(code) => return code,
    };
    let written = t.time("swap in", || -> std::io::Result<usize> {
        for k in &kept {
            match k {
                Kept::Page(f) => staging.write(&f.path, &f.bytes)?,
                Kept::Copy { path, from } => staging.write(path, &staging.read(from)?)?,
            }
        }
        staging.commit()?;
        Ok(site.files + kept.len())
    });
    let written = match written {
        Ok(n) => n,
        Err(e) => return fail(lang, &format!("{}: {e}", output.display())),
    };
    let msg = match lang {
        Lang::Th => format!("เขียนเว็บไซต์ {written} ไฟล์ที่ {}", output.display()),
        Lang::En => format!("wrote {written} files to {}", output.display()),
    };
    eprintln!("{msg}");
    if timings {
        eprint!("{}", t.report());
    }
    ExitCode::SUCCESS
}

/// `prongsai index`: the search page's folder of a built site, re-indexed.
fn index(content: &Path, output: &Path, lang: Lang) -> ExitCode {
    let (code, loaded) = check(content, lang);
    let Some(loaded) = loaded else { return code };
    // The site folder must be one prongsai built (or new): its search folder is ours.
    if let Err(e) = build::may_replace(output) {
        return fail(lang, &format!("{}: {e}", output.display()));
    }
    let files = match build::search_index(&loaded.content, content) {
        Ok(f) => f,
        Err(e) => return fail(lang, &format!("{e}")),
    };
    let dir = output.join("search");
    let written = (|| -> std::io::Result<usize> {
        let staging = build::Staging::unchecked(&dir)?;
        for f in &files {
            staging.write(f.path.trim_start_matches("search/"), &f.bytes)?;
        }
        // The search page lives in the same folder; a re-index keeps it.
        if let Ok(bytes) = std::fs::read(dir.join("index.html")) {
            staging.write("index.html", &bytes)?;
        }
        let n = staging.paths().len();
        staging.commit()?;
        Ok(n)
    })();
    let written = match written {
        Ok(n) => n,
        Err(e) => return fail(lang, &format!("{}: {e}", dir.display())),
    };
    let msg = match lang {
        Lang::Th => format!("เขียนดัชนีค้นหา {written} ไฟล์ที่ {}", dir.display()),
        Lang::En => format!("wrote {written} search index files to {}", dir.display()),
    };
    eprintln!("{msg}");
    ExitCode::SUCCESS
}

fn new(what: NewWhat, lang: Lang) -> ExitCode {
    use crate::scaffold;
    let bad = |th: String, en: String| {
        eprintln!("error: {}", if lang == Lang::Th { th } else { en });
        ExitCode::from(2)
    };
    let (content, written) = match what {
        NewWhat::Authority { slug, name, province, kind, base_url, content, force } => {
            let a = scaffold::NewAuthority {
                slug: &slug,
                name: &name,
                province: &province,
                kind: kind.as_deref(),
                base_url: base_url.as_deref(),
            };
            (content.clone(), scaffold::authority(&content, &a, force, lang))
        }
        NewWhat::Plan { authority, years, content, force } => {
            let years = match years.as_deref().map(crate::xlsx::parse_years) {
                None => None,
                Some(Ok(y)) => Some((y[0], y[y.len() - 1])),
                Some(Err(e)) => return bad(e.message(Lang::Th), e.message(Lang::En)),
            };
            (content.clone(), scaffold::plan(&content, &authority, years, force, lang).map(|p| vec![p]))
        }
        NewWhat::Report { authority, round, plan, content, force } => {
            let round = match round.as_deref().map(crate::xlsx::parse_round) {
                None => None,
                Some(Ok(r)) => Some(r),
                Some(Err(e)) => return bad(e.message(Lang::Th), e.message(Lang::En)),
            };
            let (code, loaded) = check(&content, lang);
            let Some(loaded) = loaded else { return code };
            let Some(a) = loaded.content.authorities.iter().find(|a| a.slug == authority) else {
                return bad(
                    format!("ไม่พบหน่วยงาน '{authority}' ใน {}", content.display()),
                    format!("no authority '{authority}' in {}", content.display()),
                );
            };
            (content.clone(), scaffold::report(&content, a, round, plan.as_deref(), force, lang).map(|p| vec![p]))
        }
    };
    let written = match written {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: {}", e.0);
            return ExitCode::from(1);
        }
    };
    for w in &written {
        let msg = match lang {
            Lang::Th => format!("เขียน {} แล้ว", w.display()),
            Lang::En => format!("wrote {}", w.display()),
        };
        eprintln!("{msg}");
    }
    // What was written must pass `check`: say so now rather than at the next build.
    let loaded = build::load_and_check(&content);
    if loaded.diags.has_errors() {
        let stderr = std::io::stderr();
        let mut err = stderr.lock();
        for d in loaded.diags.list.iter().filter(|d| d.severity == Severity::Error) {
            let _ = write!(err, "{}", render(d, &loaded.sources, lang));
        }
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Refuses a build that would drop a recorded address; returns what keeps declared moves
/// alive (redirect pages, copies of data files).
fn keep_addresses(content: &Path, base_url: &str, paths: &[String], lang: Lang) -> Result<Vec<Kept>, ExitCode> {
    use crate::addresses::{self, MOVED_FILE, RECORD_FILE};
    let recorded = addresses::read_record(content).map_err(|e| fail(lang, &e))?;
    let moves = addresses::read_moves(content, base_url).map_err(|e| fail(lang, &e))?;
    let (kept, dropped) = addresses::keep_recorded(paths, &recorded, &moves, base_url);
    if dropped.is_empty() {
        return Ok(kept);
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

fn freeze(content: &Path, lang: Lang) -> ExitCode {
    use crate::addresses::{self, RECORD_FILE};
    let (code, loaded) = check(content, lang);
    let Some(loaded) = loaded else { return code };
    // Only the addresses matter here: a sink that keeps paths, not bytes.
    let sink = build::PathSink::default();
    let opts = Options { minify: false, ..Default::default() };
    if let Err(e) = build::build_into(&loaded.content, content, opts, &sink, &Timings::default()) {
        return fail(lang, &format!("{e}"));
    }
    let mut paths = sink.into_paths();
    let kept = match keep_addresses(content, &loaded.content.site.base_url, &paths, lang) {
        Ok(k) => k,
        Err(code) => return code,
    };
    paths.extend(kept.iter().map(|k| match k {
        Kept::Page(f) => f.path.clone(),
        Kept::Copy { path, .. } => path.clone(),
    }));
    let before = addresses::read_record(content).unwrap_or_default();
    let (text, added) = addresses::record_text(&before, &paths);
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
