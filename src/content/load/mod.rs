//! load: the content folder → typed [`Content`], with every problem found on the way.

mod authority;
mod detail;
mod ita;
pub mod paths;
mod plan;
mod report;
pub mod source;

pub use detail::split_front_matter;
pub use ita::has_html;
pub use plan::parse_scope;

use crate::content::model::*;
use crate::content::read::{Reader, is_slug};
use crate::content::yaml::Pos;
use crate::diag::{Diagnostics, Lang, Msg, SourceMap};
use rayon::prelude::*;
use std::path::Path;

const SITE_KEYS: &[&str] = &["title", "base_url", "language", "digits"];

pub struct Loaded {
    pub content: Content,
    pub sources: SourceMap,
    pub diags: Diagnostics,
}

pub fn load(root: &Path) -> Loaded {
    load_folders(root, false)
}

/// [`load`], then [`crate::content::check`] as each folder is loaded (when the whole load
/// found no error, as `check` alone would). Each folder's sources keep their text only
/// when a message quotes them: on a national portal the texts are half a gigabyte.
pub fn load_checked(root: &Path) -> Loaded {
    load_folders(root, true)
}

fn load_folders(root: &Path, check: bool) -> Loaded {
    let mut sources = SourceMap::default();
    let mut diags = Diagnostics::default();
    let mut content = Content::default();
    let site_path = root.join("site.yaml");
    if !site_path.exists() {
        let file = sources.add("site.yaml".into(), None);
        diags.error(file, Pos { line: 1, col: 1 }, Msg::MissingRequiredFile { name: "site.yaml" });
    } else if let Some((file, node)) = source::read_yaml(&site_path, "site.yaml", &mut sources, &mut diags) {
        let mut r = Reader::new(file, &mut diags);
        if let Some(site) = read_site(&mut r, &node) {
            content.site = site;
        }
    }
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    // One task per folder, each with its own group of sources and its own diagnostics,
    // put together in folder order: the result is the same as loading them one by one.
    let folders: Vec<(String, std::path::PathBuf)> =
        dirs.into_iter().filter(|(name, _)| !name.starts_with('.') && !name.starts_with('_')).collect();
    let loaded: Vec<(Option<Authority>, SourceMap, Diagnostics, Diagnostics)> = folders
        .par_iter()
        .enumerate()
        .map(|(i, (name, path))| {
            let mut sources = SourceMap::for_group(i as u32 + 1);
            let mut diags = Diagnostics::default();
            let authority = if is_slug(name) {
                authority::Loader { root, sources: &mut sources, diags: &mut diags }.authority(name, path)
            } else {
                let file = sources.add(format!("{name}/"), None);
                diags.error(file, Pos { line: 1, col: 1 }, Msg::BadSlug { slug: name.clone() });
                None
            };
            let mut checked = Diagnostics::default();
            if check {
                if let Some(a) = authority.as_ref().filter(|_| !diags.has_errors()) {
                    crate::content::check::check_authority(a, &mut checked);
                }
                let mut quoted = Diagnostics::default();
                quoted.list.extend(diags.list.iter().chain(&checked.list).cloned());
                sources.keep_text_only_for(&quoted);
            }
            (authority, sources, diags, checked)
        })
        .collect();
    let mut checked = Vec::new();
    for (authority, folder_sources, folder_diags, folder_checked) in loaded {
        content.authorities.extend(authority);
        sources.absorb(folder_sources);
        diags.list.extend(folder_diags.list);
        checked.extend(folder_checked.list);
    }
    if check && !diags.has_errors() {
        diags.list.extend(checked);
    }
    Loaded { content, sources, diags }
}

/// One authority's folder alone, for `serve` after an edit inside it. `None` when the folder
/// is gone; otherwise what a full load would give for it, with its own diagnostics.
pub fn load_authority(root: &Path, slug: &str) -> Option<Loaded> {
    let dir = root.join(slug);
    if !dir.is_dir() {
        return None;
    }
    let mut sources = SourceMap::default();
    let mut diags = Diagnostics::default();
    let mut content = Content::default();
    let mut loader = authority::Loader { root, sources: &mut sources, diags: &mut diags };
    if let Some(a) = loader.authority(slug, &dir) {
        content.authorities.push(a);
    }
    Some(Loaded { content, sources, diags })
}

fn read_site(r: &mut Reader, node: &crate::content::yaml::Node) -> Option<Site> {
    let f = r.fields(node, "site.yaml", SITE_KEYS)?;
    let title = r.require(&f, "title").and_then(|n| r.text(n, "title"));
    let base_url = r.require(&f, "base_url").and_then(|n| {
        let u = r.text(n, "base_url")?;
        if !paths::is_url(&u) {
            r.error(n.pos, Msg::BadLink { url: u });
            return None;
        }
        // `prongsai new authority` writes an address under .invalid (reserved, RFC 2606)
        // when none is given, so that a site published before it is set is flagged.
        let host = u.split("://").nth(1).unwrap_or("").split('/').next().unwrap_or("");
        if host == "invalid" || host.ends_with(".invalid") {
            r.warning(n.pos, Msg::PlaceholderBaseUrl { url: u.clone() });
        }
        Some(if u.ends_with('/') { u } else { format!("{u}/") })
    });
    let language = f
        .get("language")
        .and_then(|n| r.choice(n, "language", &["th", "en"]))
        .map(|i| [Lang::Th, Lang::En][i])
        .unwrap_or_default();
    let digits = f
        .get("digits")
        .and_then(|n| r.choice(n, "digits", &["arabic", "thai"]))
        .map(|i| [Digits::Arabic, Digits::Thai][i])
        .unwrap_or_default();
    Some(Site { title: title?, base_url: base_url?, language, digits })
}
