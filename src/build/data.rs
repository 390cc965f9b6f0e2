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
    for f in published_files(a) {
        let bytes = std::fs::read(content_dir.join(&a.slug).join(&f))?;
        out.push(OutFile { path: format!("{}/{f}", a.slug), bytes });
    }
    Ok(out)
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
