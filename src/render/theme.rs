//! The theme: Tera templates, static assets (CSS, fonts) and interface strings.
//! themes/default is embedded in the binary; a site overrides any single file by putting
//! one at the same path under `<content>/_theme/` (templates/, static/, i18n/), without
//! copying the rest.

use crate::diag::Lang;
use std::collections::BTreeMap;
use std::path::Path;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

pub struct Theme {
    pub tera: tera::Tera,
    /// Files published under `assets/`, by path inside static/.
    pub assets: BTreeMap<String, Vec<u8>>,
    /// Interface strings for the site's language.
    pub strings: BTreeMap<String, String>,
}

/// The theme folder a site may add beside its authorities (skipped by the content loader
/// because it starts with `_`).
pub const SITE_THEME_DIR: &str = "_theme";

#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: ไม่ใช่ข้อความ UTF-8 / not UTF-8 text")]
    NotUtf8 { path: String },
    #[error("{path}: {message}")]
    Strings { path: String, message: String },
    #[error("{0}")]
    Template(String),
}

/// The default theme's files with the site's own laid over them.
fn theme_files(content_dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, ThemeError> {
    let mut files: BTreeMap<String, Vec<u8>> =
        embedded::FILES.iter().map(|(p, b)| ((*p).to_string(), b.to_vec())).collect();
    let site_theme = content_dir.join(SITE_THEME_DIR);
    if site_theme.is_dir() {
        for entry in walkdir::WalkDir::new(&site_theme).sort_by_file_name() {
            let entry = entry.map_err(|e| ThemeError::Io {
                path: site_theme.display().to_string(),
                source: e.into_io_error().unwrap_or_else(|| std::io::Error::other("walk")),
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&site_theme).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(entry.path())
                .map_err(|source| ThemeError::Io { path: format!("{SITE_THEME_DIR}/{rel}"), source })?;
            files.insert(rel, bytes);
        }
    }
    Ok(files)
}

pub fn load(content_dir: &Path, lang: Lang) -> Result<Theme, ThemeError> {
    let files = theme_files(content_dir)?;
    let mut templates = Vec::new();
    let mut assets = BTreeMap::new();
    let mut strings = BTreeMap::new();
    let lang_file = match lang {
        Lang::Th => "i18n/th.yaml",
        Lang::En => "i18n/en.yaml",
    };
    for (path, bytes) in files {
        if let Some(name) = path.strip_prefix("templates/") {
            let text = String::from_utf8(bytes).map_err(|_| ThemeError::NotUtf8 { path: path.clone() })?;
            templates.push((name.to_string(), text));
        } else if let Some(name) = path.strip_prefix("static/") {
            assets.insert(name.to_string(), bytes);
        } else if path == lang_file {
            let text = String::from_utf8(bytes).map_err(|_| ThemeError::NotUtf8 { path: path.clone() })?;
            strings = serde_saphyr::from_str::<BTreeMap<String, String>>(&text)
                .map_err(|e| ThemeError::Strings { path: path.clone(), message: e.to_string() })?;
        }
    }
    // The site's strings file may hold only the labels it changes: fill the rest.
    if let Some((_, default)) = embedded::FILES.iter().find(|(p, _)| *p == lang_file) {
        let default: BTreeMap<String, String> =
            serde_saphyr::from_str(std::str::from_utf8(default).unwrap_or("")).unwrap_or_default();
        for (k, v) in default {
            strings.entry(k).or_insert(v);
        }
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".xml", ".svg"]);
    tera.set_escape_fn(crate::render::markdown::escape_text);
    tera.add_raw_templates(templates).map_err(|e| ThemeError::Template(e.to_string()))?;
    Ok(Theme { tera, assets, strings })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(file: &str) -> Vec<String> {
        let (_, b) = embedded::FILES.iter().find(|(p, _)| *p == file).expect(file);
        let m: BTreeMap<String, String> = serde_saphyr::from_str(std::str::from_utf8(b).unwrap()).unwrap();
        m.into_keys().collect()
    }

    #[test]
    fn thai_and_english_strings_have_the_same_keys() {
        assert_eq!(keys("i18n/th.yaml"), keys("i18n/en.yaml"));
    }

    #[test]
    fn the_default_theme_compiles_and_ships_its_fonts_with_their_licence() {
        let t = load(Path::new("/nonexistent"), Lang::Th).unwrap();
        assert!(t.tera.get_template_names().any(|n| n == "plan.html"));
        assert!(t.assets.contains_key("fonts/sarabun-thai-400-normal.woff2"));
        assert!(t.assets.contains_key("fonts/OFL.txt"));
    }

    #[test]
    fn a_site_overrides_one_template_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("_theme/templates");
        std::fs::create_dir_all(&t).unwrap();
        std::fs::write(t.join("404.html"), "{% extends \"base.html\" %}{% block main %}custom{% endblock %}").unwrap();
        std::fs::create_dir_all(dir.path().join("_theme/i18n")).unwrap();
        std::fs::write(dir.path().join("_theme/i18n/th.yaml"), "skip_link: ข้ามไป\n").unwrap();
        let theme = load(dir.path(), Lang::Th).unwrap();
        assert!(theme.tera.get_template_names().any(|n| n == "plan.html"));
        assert_eq!(theme.strings["skip_link"], "ข้ามไป");
        assert!(theme.strings.len() > 10, "the other strings come from the default theme");
    }
}
