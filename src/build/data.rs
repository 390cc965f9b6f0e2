//! An authority's files beside its pages: open data (JSON, CSV and Excel beside each plan
//! and round, ita.csv) and its published attachments.

use super::BuildError;
use crate::render::pages::Ctx;
use crate::render::{OutFile, data};
use std::path::Path;

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
    for (f, path) in published_files(a, content_dir)? {
        let bytes = std::fs::read(path)?;
        out.push(OutFile { path: format!("{}/{f}", a.slug), bytes });
    }
    Ok(out)
}

/// Everything under files/, and any other file the content links (a signed document, a
/// report's or ITA item's evidence), so no link on the site points at nothing; each with
/// where it really is. Loading refused every path and link that leaves the content folder;
/// this checks again where the bytes are read, so that a link changed since (or a model made
/// by other code than the loader) still cannot publish a file from outside.
fn published_files(
    a: &crate::content::model::Authority,
    content_dir: &Path,
) -> Result<std::collections::BTreeMap<String, std::path::PathBuf>, BuildError> {
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
    let dir = content_dir.join(&a.slug);
    let inside = [content_dir.canonicalize()?, dir.canonicalize()?];
    all.into_iter()
        .map(|f| {
            let plain =
                !f.starts_with(['/', '\\']) && f.chars().nth(1) != Some(':') && f.split(['/', '\\']).all(|c| c != "..");
            let real = dir
                .join(&f)
                .canonicalize()
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}/{f}: {e}", a.slug)))?;
            if !plain || !inside.iter().any(|d| real.starts_with(d)) {
                let at = format!("{}/{f}", a.slug);
                return Err(BuildError::Io(std::io::Error::other(format!(
                    "{at}: ไฟล์อยู่นอกโฟลเดอร์เนื้อหา ไม่เผยแพร่ / the file is outside the content folder; not published"
                ))));
            }
            Ok((f, real))
        })
        .collect()
}

fn json_bytes(v: &serde_json::Value) -> Vec<u8> {
    let mut b = serde_json::to_vec_pretty(v).unwrap_or_default();
    b.push(b'\n');
    b
}
