//! `prongsai serve`: build, serve on loopback, watch the content folder (the site's theme
//! lives in it too, under `_theme/`), rebuild what an edit touches, reload the open page,
//! then bring the search index up to date. A failed rebuild shows in the terminal and over
//! the page; the last good site stays.

pub mod http;
pub mod state;

use crate::diag::Lang;
use crate::render::site::Options;
use notify::RecursiveMode;
use notify_debouncer_full::new_debouncer;
use state::SiteState;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::watch;

pub struct ServeOptions {
    pub content: PathBuf,
    pub output: Option<PathBuf>,
    pub bind: std::net::IpAddr,
    pub port: u16,
    pub lang: Lang,
}

/// Editors save in bursts (a temporary file, a rename, a touch); one rebuild per burst.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// How long the content must stay unchanged before the search index is rebuilt.
const INDEX_AFTER_QUIET: Duration = Duration::from_millis(500);

/// Where the preview is written unless `--output` says otherwise: one folder per content
/// folder under the system's temporary folder, reused by the next `serve`.
fn default_output(content: &Path) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    content.canonicalize().unwrap_or_else(|_| content.to_path_buf()).hash(&mut h);
    std::env::temp_dir().join(format!("prongsai-serve-{:016x}", h.finish()))
}

fn say(lang: Lang, th: &str, en: &str) -> String {
    match lang {
        Lang::Th => th.to_string(),
        Lang::En => en.to_string(),
    }
}

fn report(lang: Lang, started: Instant, result: &Result<state::Summary, state::Failed>) {
    let ms = started.elapsed().as_millis();
    match result {
        Ok(s) => {
            eprint!("{}", s.warnings);
            let what = if s.full {
                say(lang, "ทั้งเว็บไซต์", "the whole site")
            } else if s.authorities.is_empty() {
                return;
            } else {
                s.authorities.join(", ")
            };
            let msg = match lang {
                Lang::Th => format!("สร้างใหม่ {what}: เขียน {} ไฟล์ ลบ {} ไฟล์ ใน {ms} ms", s.written, s.removed),
                Lang::En => format!("rebuilt {what}: {} file(s) written, {} removed in {ms} ms", s.written, s.removed),
            };
            eprintln!("{msg}");
        }
        Err(e) => {
            eprint!("{}", e.0);
            eprintln!(
                "{}",
                say(
                    lang,
                    "สร้างไม่สำเร็จ: ยังแสดงเว็บไซต์ฉบับก่อนหน้า แก้แล้วบันทึกอีกครั้ง",
                    "build failed: still serving the previous site; fix and save again"
                )
            );
        }
    }
}

pub fn run(opts: ServeOptions) -> Result<(), String> {
    let lang = opts.lang;
    if !opts.content.is_dir() {
        return Err(say(lang, "ไม่พบโฟลเดอร์เนื้อหา ", "content folder not found: ") + &opts.content.display().to_string());
    }
    let content = opts.content.canonicalize().map_err(|e| e.to_string())?;
    let output = opts.output.clone().unwrap_or_else(|| default_output(&content));
    // Checked before anything is created or replaced: the output is swapped in whole.
    crate::build::output_clear_of_content(&output, &content).map_err(|e| e.to_string())?;
    crate::build::may_replace(&output).map_err(|e| format!("{}: {e}", output.display()))?;
    std::fs::create_dir_all(&output).map_err(|e| format!("{}: {e}", output.display()))?;
    let output = output.canonicalize().map_err(|e| e.to_string())?;
    let build_opts = Options { minify: false, ..Default::default() };

    let started = Instant::now();
    let first = SiteState::build(&content, &output, build_opts, lang);
    let (mut site, first_status) = match first {
        Ok((s, summary)) => {
            report(lang, started, &Ok(summary));
            (Some(s), http::Status { version: 1, error: None })
        }
        Err(e) => {
            let status = http::Status { version: 1, error: Some(e.0.clone()) };
            report(lang, started, &Err(e));
            (None, status)
        }
    };
    let (tx, rx) = watch::channel(first_status);

    let (events_tx, events_rx) = std::sync::mpsc::channel();
    let mut debouncer = new_debouncer(DEBOUNCE, None, events_tx).map_err(|e| e.to_string())?;
    debouncer.watch(&content, RecursiveMode::Recursive).map_err(|e| format!("{}: {e}", content.display()))?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = runtime.block_on(tokio::net::TcpListener::bind(addr)).map_err(|e| format!("{addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    if !opts.bind.is_loopback() {
        eprintln!(
            "{}",
            say(
                lang,
                "คำเตือน: เปิดให้เครื่องอื่นในเครือข่ายเข้าถึงได้ (--bind) ใช้เพื่อดูตัวอย่างเท่านั้น",
                "warning: reachable from other machines (--bind); for previewing only"
            )
        );
    }
    // The address on its own line, first on stdout, so scripts and tests can read it.
    println!("http://{local}/");
    eprintln!(
        "{}",
        match lang {
            Lang::Th => format!("เปิดดูที่ http://{local}/ (เฝ้าดู {}; กด Ctrl+C เพื่อหยุด)", content.display()),
            Lang::En => format!("serving at http://{local}/ (watching {}; Ctrl+C to stop)", content.display()),
        }
    );
    let app = http::App { root: Arc::new(output.clone()), status: rx };
    runtime.spawn(async move {
        if let Err(e) = axum::serve(listener, http::router(app)).await {
            eprintln!("{e}");
        }
    });

    let mut failed: Vec<PathBuf> = Vec::new();
    loop {
        let stale = site.as_ref().is_some_and(SiteState::index_stale);
        let batch = match stale {
            // The pages are out; the search index follows once no edit has come for a
            // moment (it takes seconds on a large portal, and an edit would wait for it).
            true => match events_rx.recv_timeout(INDEX_AFTER_QUIET) {
                Ok(b) => b,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    if let Some(s) = site.as_mut() {
                        let started = Instant::now();
                        match s.finish_index() {
                            Ok(summary) => eprintln!(
                                "{}",
                                match lang {
                                    Lang::Th => format!(
                                        "ปรับดัชนีค้นหาแล้ว: เขียน {} ไฟล์ ใน {} ms",
                                        summary.written,
                                        started.elapsed().as_millis()
                                    ),
                                    Lang::En => format!(
                                        "search index updated: {} file(s) written in {} ms",
                                        summary.written,
                                        started.elapsed().as_millis()
                                    ),
                                }
                            ),
                            Err(e) => {
                                // Not retried in a loop: the next edit tries again.
                                s.give_up_index();
                                eprint!("{}", e.0);
                            }
                        }
                    }
                    continue;
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            },
            false => match events_rx.recv() {
                Ok(b) => b,
                Err(_) => break,
            },
        };
        let Ok(events) = batch else { continue };
        let mut changed: Vec<PathBuf> = events
            .iter()
            .filter(|e| !e.kind.is_access())
            .flat_map(|e| e.paths.iter().cloned())
            .filter(|p| !p.starts_with(&output))
            .collect();
        changed.sort();
        changed.dedup();
        if changed.is_empty() {
            continue;
        }
        let started = Instant::now();
        // After a failure the next edit may be elsewhere while the broken file stays broken:
        // what failed is rebuilt with every later edit until it succeeds, so the error is
        // neither lost nor paid for with a full rebuild.
        changed.extend(failed.iter().cloned());
        changed.sort();
        changed.dedup();
        let result = match site.as_mut() {
            Some(s) => s.update(&changed),
            None => SiteState::build(&content, &output, build_opts, lang).map(|(s, summary)| {
                site = Some(s);
                summary
            }),
        };
        report(lang, started, &result);
        if result.is_err() {
            failed = changed;
        } else {
            failed.clear();
        }
        // Tell the page when something changed, and always after a failure or the first
        // success after one (a fix may restore the previous bytes exactly).
        let had_error = tx.borrow().error.is_some();
        if had_error || !matches!(&result, Ok(s) if !s.full && s.written + s.removed == 0) {
            let version = tx.borrow().version + 1;
            let error = result.err().map(|e| e.0);
            let _ = tx.send(http::Status { version, error });
        }
    }
    Ok(())
}
