//! build: load → check → compute → render → write, where write swaps a fully built new
//! folder in for the old one only when everything succeeded. A failing build leaves the
//! previous site byte for byte as it was; files of removed pages disappear with the swap.

use crate::compute;
use crate::compute::AuthorityFigures;
use crate::content::check::check;
use crate::content::load::{Loaded, load};
use crate::content::model::Content;
use crate::ita::catalogue::Catalogue;
use crate::render::pages::Ctx;
use crate::render::site::{self, Options, RenderError};
use crate::render::theme::{self, ThemeError};
use crate::render::{OutFile, data};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// Loads and checks; the caller decides what to do with the diagnostics.
pub fn load_and_check(content_dir: &Path) -> Loaded {
    let mut loaded = load(content_dir);
    if !loaded.diags.has_errors() {
        check(&loaded.content, &mut loaded.diags);
    }
    loaded.diags.sort(&loaded.sources);
    loaded
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("{0}")]
    Theme(#[from] ThemeError),
    #[error("{0}")]
    Render(#[from] RenderError),
    #[error("{0}")]
    Ita(String),
    #[error("{0}")]
    Xlsx(#[from] crate::xlsx::Error),
}

/// What rendering needs beside the content, loaded once per build (or once per `serve`
/// session until the theme changes).
pub struct Prepared {
    pub theme: theme::Theme,
    pub catalogues: BTreeMap<i32, Catalogue>,
}

impl Prepared {
    pub fn load(content: &Content, content_dir: &Path) -> Result<Prepared, BuildError> {
        let theme = theme::load(content_dir, content.site.language)?;
        let catalogues = crate::ita::catalogue::load(content_dir).map_err(BuildError::Ita)?;
        Ok(Prepared { theme, catalogues })
    }

    pub fn ctx<'a>(&'a self, content: &'a Content, figures: &'a [AuthorityFigures]) -> Ctx<'a> {
        Ctx {
            content,
            figures,
            strings: &self.theme.strings,
            catalogues: &self.catalogues,
            fmt: crate::render::format::Fmt { digits: content.site.digits },
        }
    }
}

/// Every file of the site, in memory, ready to write: pages, assets, open data, attachments.
pub fn render_site(content: &Content, content_dir: &Path, opts: Options) -> Result<Vec<OutFile>, BuildError> {
    let prepared = Prepared::load(content, content_dir)?;
    let figures = compute::site(content);
    let mut out = site::render(content, &figures, &prepared.theme, &prepared.catalogues, opts)?;
    let ctx = prepared.ctx(content, &figures);
    // Open data and attachments, one authority per task (the workbooks take the most time),
    // gathered in authority order so that every build lists the same files.
    let per_authority: Vec<Vec<OutFile>> = (0..content.authorities.len())
        .into_par_iter()
        .map(|i| authority_files(&ctx, content_dir, i))
        .collect::<Result<_, _>>()?;
    out.extend(per_authority.into_iter().flatten());
    Ok(out)
}

/// Authority `i`'s files beside its pages: open data (JSON, CSV and Excel beside each plan
/// and round, ita.csv) and its published attachments.
pub fn authority_files(ctx: &Ctx, content_dir: &Path, i: usize) -> Result<Vec<OutFile>, BuildError> {
    let (site, a, f) = (&ctx.content.site, &ctx.content.authorities[i], &ctx.figures[i]);
    let mut out = Vec::new();
    for (p, totals) in a.plans.iter().zip(&f.plans) {
        let base = format!("{}/plans/{}", a.slug, p.slug);
        out.push(OutFile {
            path: format!("{base}/plan.json"),
            bytes: json_bytes(&data::plan_json(site, a, p, totals)),
        });
        out.push(OutFile { path: format!("{base}/plan.csv"), bytes: data::plan_csv(site, a, p) });
        out.push(OutFile { path: format!("{base}/plan.xlsx"), bytes: crate::xlsx::plan_xlsx(site, a, p, totals)? });
    }
    for (r, round) in a.reports.iter().zip(&f.rounds) {
        let base = format!("{}/reports/{}", a.slug, r.slug);
        out.push(OutFile {
            path: format!("{base}/report.json"),
            bytes: json_bytes(&data::report_json(site, a, r, round)),
        });
        out.push(OutFile { path: format!("{base}/report.csv"), bytes: data::report_csv(round) });
        out.push(OutFile { path: format!("{base}/report.xlsx"), bytes: crate::xlsx::report_xlsx(site, a, r, round)? });
    }
    for y in &a.ita {
        if let Some(c) = ctx.catalogues.get(&y.year) {
            let path = format!("{}ita.csv", crate::ita::resolve::index_path(&a.slug, y.year));
            out.push(OutFile { path, bytes: crate::render::pages::ita_csv(site, a, y, c) });
        }
    }
    for f in published_files(a) {
        let bytes = std::fs::read(content_dir.join(&a.slug).join(&f))?;
        out.push(OutFile { path: format!("{}/{f}", a.slug), bytes });
    }
    Ok(out)
}

/// Only the search index (`search/…` files): for benchmarks, and for a portal that
/// re-indexes without re-rendering. The same code the full build runs.
pub fn search_index(content: &Content, content_dir: &Path) -> Result<Vec<OutFile>, BuildError> {
    let prepared = Prepared::load(content, content_dir)?;
    let figures = compute::site(content);
    let ctx = prepared.ctx(content, &figures);
    let docs = crate::search::docs::collect(&ctx);
    Ok(crate::search::index::build(&ctx, &docs, Default::default()))
}

/// Everything under files/, and any other file the content links (a signed document, a
/// report's or ITA item's evidence), so no link on the site points at nothing.
fn published_files(a: &crate::content::model::Authority) -> std::collections::BTreeSet<String> {
    use crate::content::load::paths::is_url;
    use crate::content::model::Evidence;
    let mut all: std::collections::BTreeSet<String> = a.files.iter().cloned().collect();
    all.extend(a.plans.iter().filter_map(|p| p.document.clone()));
    for r in &a.reports {
        all.extend(r.document.clone());
        all.extend(r.items.iter().flat_map(|i| &i.evidence).filter(|e| !is_url(e)).cloned());
    }
    for y in &a.ita {
        for e in y.evidence.values().flatten() {
            if let Evidence::File(f) = e {
                all.insert(f.clone());
            }
        }
    }
    all
}

fn json_bytes(v: &serde_json::Value) -> Vec<u8> {
    let mut b = serde_json::to_vec_pretty(v).unwrap_or_default();
    b.push(b'\n');
    b
}

/// The file every output folder carries, so that a later build knows the folder is its own
/// to replace. Not a published address (a dot file).
pub const OUTPUT_MARKER: &str = ".prongsai-output";

/// Whether `dir` may be replaced whole: absent, empty, marked as a prongsai output, or (for
/// folders built before the marker existed) holding a site's sitemap.xml and assets/.
/// Anything else (a home folder, the project folder, `--output .`) is refused, because
/// replacing the output deletes what was there.
pub fn may_replace(dir: &Path) -> io::Result<()> {
    let Ok(mut entries) = std::fs::read_dir(dir) else { return Ok(()) };
    if entries.next().is_none()
        || dir.join(OUTPUT_MARKER).is_file()
        || (dir.join("sitemap.xml").is_file() && dir.join("assets").is_dir())
    {
        return Ok(());
    }
    Err(io::Error::other(format!(
        "ไม่แทนที่โฟลเดอร์ที่มีไฟล์อื่นอยู่ (ไม่ใช่เว็บไซต์ที่ prongsai สร้าง): เลือกโฟลเดอร์ผลลัพธ์ใหม่หรือโฟลเดอร์ว่าง / \
         not replacing a folder that holds other files (not a site prongsai built): choose a new or empty output folder"
    )))
}

/// Refuses an output folder that holds the content folder: replacing it would delete the
/// content.
pub fn output_clear_of_content(output: &Path, content: &Path) -> io::Result<()> {
    let abs = |p: &Path| p.canonicalize().or_else(|_| std::path::absolute(p)).unwrap_or_else(|_| p.to_path_buf());
    let (out, content) = (abs(output), abs(content));
    if content.starts_with(&out) || out.starts_with(&content) {
        return Err(io::Error::other(format!(
            "โฟลเดอร์ผลลัพธ์ {} ซ้อนกับโฟลเดอร์เนื้อหา {}: ใช้โฟลเดอร์อื่น / the output folder overlaps the content folder: use another",
            out.display(),
            content.display()
        )));
    }
    Ok(())
}

/// Writes `files` into a new folder beside `out_dir`, then swaps it in.
pub fn write_atomically(out_dir: &Path, files: &[OutFile]) -> io::Result<()> {
    may_replace(out_dir)?;
    let parent = out_dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = out_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    let tmp: PathBuf = parent.join(format!(".{name}.new-{}", std::process::id()));
    let old: PathBuf = parent.join(format!(".{name}.old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let result = (|| {
        for f in files {
            let p = tmp.join(&f.path);
            if let Some(d) = p.parent() {
                std::fs::create_dir_all(d)?;
            }
            std::fs::write(&p, &f.bytes)?;
        }
        std::fs::create_dir_all(&tmp)?;
        std::fs::write(tmp.join(OUTPUT_MARKER), "prongsai\n")
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if out_dir.exists() {
        std::fs::rename(out_dir, &old)?;
        if let Err(e) = std::fs::rename(&tmp, out_dir) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&old, out_dir);
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
        let _ = std::fs::remove_dir_all(&old);
    } else {
        std::fs::rename(&tmp, out_dir)?;
    }
    Ok(())
}
