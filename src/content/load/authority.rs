//! One authority's folder: authority.yaml, plans/, reports/, ita/, files/.

use super::detail::read_detail;
use super::paths::PathCtx;
use super::source::{read_text, read_yaml};
use super::{ita::read_ita, plan::read_plan, report::read_report};
use crate::content::model::*;
use crate::content::read::{Reader, is_item_id, is_slug};
use crate::content::yaml::{Node, Pos};
use crate::diag::{Diagnostics, Msg, SourceMap};
use std::path::Path;

const AUTHORITY_KEYS: &[&str] = &[
    "name",
    "kind",
    "province",
    "district",
    "subdistrict",
    "code",
    "website",
    "contact",
    "complaint_channel",
    "owner_aliases",
];
const CONTACT_KEYS: &[&str] = &["address", "phone", "email"];

pub struct Loader<'a> {
    pub root: &'a Path,
    pub sources: &'a mut SourceMap,
    pub diags: &'a mut Diagnostics,
}

/// Sorted file names in `dir` with the given extension (hidden files skipped).
pub fn entries(dir: &Path, ext: &str) -> Vec<(String, std::path::PathBuf)> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<_> = rd
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(n, _)| !n.starts_with('.') && n.ends_with(ext))
        .collect();
    out.sort();
    out
}

impl Loader<'_> {
    fn rel(&self, p: &Path) -> String {
        p.strip_prefix(self.root).unwrap_or(p).to_string_lossy().replace('\\', "/")
    }

    pub fn authority(&mut self, slug: &str, dir: &Path) -> Option<Authority> {
        let path = dir.join("authority.yaml");
        if !path.exists() {
            let file = self.sources.add(format!("{slug}/authority.yaml"), None);
            self.diags.error(file, Pos { line: 1, col: 1 }, Msg::MissingRequiredFile { name: "authority.yaml" });
            return None;
        }
        let rel = self.rel(&path);
        let (file, node) = read_yaml(&path, &rel, self.sources, self.diags)?;
        let mut r = Reader::new(file, self.diags);
        let mut a = read_authority(&mut r, &node, slug)?;
        a.files = super::paths::list_files(self.root, dir, self.sources, self.diags);
        let paths = PathCtx { content_root: self.root, authority_dir: dir };
        for (stem, file, node) in self.yaml_files(&dir.join("plans")) {
            let mut r = Reader::new(file, self.diags);
            if !is_slug(&stem) {
                r.error(Pos { line: 1, col: 1 }, Msg::BadSlug { slug: stem.clone() });
                continue;
            }
            if let Some(mut plan) = read_plan(&mut r, &node, &stem, &paths) {
                self.plan_pages(&mut plan, &dir.join("plans").join(&stem));
                a.plans.push(plan);
            }
        }
        for (stem, file, node) in self.yaml_files(&dir.join("reports")) {
            a.reports.extend(read_report(&mut Reader::new(file, self.diags), &node, &stem, &paths));
        }
        for (stem, file, node) in self.yaml_files(&dir.join("ita")) {
            a.ita.extend(read_ita(&mut Reader::new(file, self.diags), &node, &stem, &paths));
        }
        Some(a)
    }

    /// Every `*.yaml` of a folder that parses, as (file stem, file, tree); the rest reported.
    fn yaml_files(&mut self, dir: &Path) -> Vec<(String, crate::diag::FileId, Node)> {
        let mut out = Vec::new();
        for (name, p) in entries(dir, ".yaml") {
            let rel = self.rel(&p);
            if let Some((file, node)) = read_yaml(&p, &rel, self.sources, self.diags) {
                out.push((name.trim_end_matches(".yaml").to_string(), file, node));
            }
        }
        out
    }

    /// The plan's introduction and item detail pages, from plans/<plan>/.
    fn plan_pages(&mut self, plan: &mut Plan, dir: &Path) {
        for (name, p) in entries(dir, ".md") {
            let stem = name.trim_end_matches(".md").to_string();
            let rel = self.rel(&p);
            let Some(loaded) = read_text(&p, &rel, self.sources, self.diags) else { continue };
            let mut r = Reader::new(loaded.file, self.diags);
            if stem == "_index" {
                let (_, _, body, first_line) =
                    super::detail::split_front_matter(&loaded.text).unwrap_or((None, 1, &loaded.text, 1));
                plan.intro = Some(Markdown { file: loaded.file, first_line, text: body.to_string() });
                continue;
            }
            if !is_item_id(&stem) || !plan.items.iter().any(|i| i.id == stem) {
                r.error(Pos { line: 1, col: 1 }, Msg::DetailUnknownItem { item: stem, plan: plan.slug.clone() });
                continue;
            }
            if let Some(page) = read_detail(&mut r, loaded.file, &loaded.text, &stem) {
                plan.details.insert(stem, page);
            }
        }
    }
}

fn read_authority(r: &mut Reader, node: &Node, slug: &str) -> Option<Authority> {
    let f = r.fields(node, "authority.yaml", AUTHORITY_KEYS)?;
    let name = r.require(&f, "name").and_then(|n| r.text(n, "name"));
    let kind = r
        .require(&f, "kind")
        .and_then(|n| r.choice(n, "kind", &AuthorityKind::NAMES))
        .map(|i| [AuthorityKind::Pao, AuthorityKind::Municipality, AuthorityKind::Sao, AuthorityKind::Other][i]);
    let province = r.require(&f, "province").and_then(|n| {
        let name = r.text(n, "province")?;
        if crate::content::provinces::slug(&name).is_none() {
            r.warning(n.pos, Msg::UnknownProvince { name: name.clone() });
        }
        Some(name)
    });
    let contact = f.get("contact").and_then(|n| {
        let cf = r.fields(n, "contact", CONTACT_KEYS)?;
        Some(Contact {
            address: r.opt_text(&cf, "address"),
            phone: r.opt_text(&cf, "phone"),
            email: r.opt_text(&cf, "email"),
        })
    });
    let mut owner_aliases = Vec::new();
    if let Some(al) = f.get("owner_aliases") {
        match al.as_map() {
            Some(entries) => {
                for (k, v) in entries {
                    if let Some(canon) = r.text(v, &k.text) {
                        owner_aliases.push((k.text.clone(), canon));
                    }
                }
            }
            None => {
                r.error(al.pos, Msg::WrongType { key: "owner_aliases".into(), expected: crate::diag::Expected::Map })
            }
        }
    }
    let website = r.opt_text(&f, "website");
    let complaint_channel = r.opt_text(&f, "complaint_channel");
    for (key, v) in [("website", &website), ("complaint_channel", &complaint_channel)] {
        if let (Some(url), Some(n)) = (v, f.get(key)) {
            if !super::paths::is_url(url) {
                r.error(n.pos, Msg::BadLink { url: url.clone() });
            }
        }
    }
    Some(Authority {
        slug: slug.to_string(),
        file: r.file,
        name: name?,
        kind: kind?,
        province: province?,
        district: r.opt_text(&f, "district"),
        subdistrict: r.opt_text(&f, "subdistrict"),
        code: r.opt_text(&f, "code"),
        website,
        contact,
        complaint_channel,
        owner_aliases,
        plans: Vec::new(),
        reports: Vec::new(),
        ita: Vec::new(),
        files: Vec::new(),
    })
}
