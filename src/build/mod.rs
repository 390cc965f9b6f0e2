//! build: load → check → compute → render → write. Files stream into a [`Sink`] as they
//! are rendered; [`Staging`] swaps the new folder in only when everything succeeded.

use crate::compute;
use crate::compute::AuthorityFigures;
use crate::content::load::{Loaded, load_checked};
use crate::content::model::Content;
use crate::ita::catalogue::Catalogue;
use crate::render::OutFile;
use crate::render::pages::Ctx;
use crate::render::site::{Options, RenderError, Renderer};
use crate::render::theme::{self, ThemeError};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

mod data;
mod output;
mod timings;

pub use data::authority_files;
pub use output::{
    MemorySink, OUTPUT_MARKER, PathSink, Sink, Staging, may_replace, output_clear_of_content, write_atomically,
};
pub use timings::Timings;

/// Loads and checks; the caller decides what to do with the diagnostics.
pub fn load_and_check(content_dir: &Path) -> Loaded {
    let mut loaded = load_checked(content_dir);
    loaded.diags.sort(&loaded.sources);
    loaded.sources.keep_text_only_for(&loaded.diags);
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

/// What one authority contributed to the site: its page addresses (for the sitemap) and
/// every file it wrote (so `serve` knows what a re-render leaves stale).
#[derive(Default, Debug, Clone)]
pub struct AuthorityOutput {
    pub addresses: Vec<String>,
    pub paths: Vec<String>,
}

/// What a full build wrote besides the files: what `serve` needs to rebuild part of it.
#[derive(Debug)]
pub struct SiteOutput {
    pub per_authority: Vec<AuthorityOutput>,
    /// Home, the province pages and search, for the sitemap.
    pub top_addresses: Vec<String>,
    /// The search page and the index files.
    pub index_paths: BTreeSet<String>,
    /// Theme assets, sitemap(s), feed, robots.txt.
    pub listing_paths: BTreeSet<String>,
    /// Every file written.
    pub files: usize,
}

/// Renders the whole site into `sink`, page by page as each is ready: every authority's
/// pages and data files (one task per authority), the search index (beside them, on
/// whichever core is free, since its merge is partly sequential), then the pages and lists
/// that show every authority.
pub fn emit_site(
    prepared: &Prepared,
    content: &Content,
    figures: &[AuthorityFigures],
    content_dir: &Path,
    opts: Options,
    sink: &dyn Sink,
    timings: &Timings,
) -> Result<SiteOutput, BuildError> {
    let ctx = prepared.ctx(content, figures);
    let renderer = Renderer::new(content, &prepared.theme, opts);
    let count = AtomicUsize::new(0);
    let put = |f: OutFile| {
        count.fetch_add(1, Ordering::Relaxed);
        sink.put(f)
    };
    let (index, authorities) = rayon::join(
        || -> Result<_, BuildError> {
            timings.time("search index (alongside the pages)", || {
                let mut paths = BTreeSet::new();
                renderer.write_index(&ctx, &mut |f: OutFile| {
                    paths.insert(f.path.clone());
                    put(f)
                })?;
                let page = renderer.search_page(&ctx)?;
                paths.insert(page.path.clone());
                put(page)?;
                Ok(paths)
            })
        },
        || -> Result<Vec<AuthorityOutput>, BuildError> {
            timings.time("authority pages and data files", || {
                (0..content.authorities.len())
                    .into_par_iter()
                    .map(|i| {
                        let pages = renderer.authority_pages(&ctx, i)?;
                        let files = pages.files.into_iter().chain(authority_files(&ctx, content_dir, i)?);
                        let mut out = AuthorityOutput { addresses: pages.addresses, paths: Vec::new() };
                        for f in files {
                            out.paths.push(f.path.clone());
                            put(f)?;
                        }
                        Ok(out)
                    })
                    .collect()
            })
        },
    );
    let (index_paths, per_authority) = (index?, authorities?);
    timings.time("home, provinces, sitemap, feed", || -> Result<_, BuildError> {
        let top = renderer.portal_pages(&ctx, None)?;
        let mut top_addresses = top.addresses;
        top_addresses.push(crate::render::paths::SEARCH.to_string());
        for f in top.files {
            put(f)?;
        }
        let mut addresses = top_addresses.clone();
        addresses.extend(per_authority.iter().flat_map(|a| a.addresses.iter().cloned()));
        let mut listing_paths = BTreeSet::new();
        for f in renderer.listing_files(&ctx, &addresses) {
            listing_paths.insert(f.path.clone());
            put(f)?;
        }
        Ok(SiteOutput {
            per_authority,
            top_addresses,
            index_paths,
            listing_paths,
            files: count.load(Ordering::Relaxed),
        })
    })
}

/// Prepares the theme and catalogues, computes every figure and renders the site into `sink`.
pub fn build_into(
    content: &Content,
    content_dir: &Path,
    opts: Options,
    sink: &dyn Sink,
    timings: &Timings,
) -> Result<SiteOutput, BuildError> {
    let prepared = timings.time("theme and ITA catalogues", || Prepared::load(content, content_dir))?;
    let figures = timings.time("compute figures", || compute::site(content));
    emit_site(&prepared, content, &figures, content_dir, opts, sink, timings)
}

/// Every file of the site, in memory, sorted by path: for tests and small sites.
pub fn render_site(content: &Content, content_dir: &Path, opts: Options) -> Result<Vec<OutFile>, BuildError> {
    let sink = MemorySink::default();
    build_into(content, content_dir, opts, &sink, &Timings::default())?;
    Ok(sink.into_files())
}

/// Only the search index (`search/…` files): for benchmarks, and for a portal that
/// re-indexes without re-rendering. The same code the full build runs.
pub fn search_index(content: &Content, content_dir: &Path) -> Result<Vec<OutFile>, BuildError> {
    let prepared = Prepared::load(content, content_dir)?;
    let figures = compute::site(content);
    let ctx = prepared.ctx(content, &figures);
    Ok(crate::search::index::build(&ctx, Default::default()))
}
