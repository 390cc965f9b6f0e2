//! Renders HTML pages, theme assets, sitemap, feed and robots.txt; [`crate::build::emit_site`]
//! decides what to render when.

use super::feeds::{self, Entry};
use super::pages::{self, Ctx, Page};
use super::theme::Theme;
use super::{OutFile, paths};
use crate::content::model::Content;
use crate::tv;
use rayon::prelude::*;

#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Compact HTML (no indentation, see [`super::compact`]) for publishing; the templates'
    /// output as it is for snapshots and debugging.
    pub minify: bool,
    /// How the search index is split; tests use small blocks to exercise every path.
    pub search: crate::search::index::Options,
}

impl Default for Options {
    fn default() -> Self {
        Options { minify: true, search: Default::default() }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{page}: {message}")]
pub struct RenderError {
    pub page: String,
    pub message: String,
}

/// A short content hash, so a changed stylesheet is fetched again despite long caching.
fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", h >> 32)
}

/// The path part of base_url (`/transparency/`): where 404.html finds the site, since a
/// host serves it at whatever address was missing.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    after_scheme.find('/').map_or("/".into(), |i| after_scheme[i..].to_string())
}

struct Common {
    lang: &'static str,
    site: tera::Value,
    strings: tera::Value,
    css: String,
}

fn render_page(
    theme: &Theme,
    common: &Common,
    base_url: &str,
    page: &Page,
    opts: Options,
) -> Result<OutFile, RenderError> {
    let mut ctx = tera::Context::new();
    let is_404 = page.path == "404.html";
    let root = if is_404 { base_path(base_url) } else { paths::root_from(&page.path) };
    ctx.insert("lang", common.lang);
    ctx.insert_value("site", common.site.clone());
    ctx.insert_value("t", common.strings.clone());
    ctx.insert("root", &root);
    ctx.insert("css", &common.css);
    let crumbs: Vec<tera::Value> = page.crumbs.iter().map(|(t, h)| tv!({"title": t, "href": h})).collect();
    ctx.insert_value(
        "page",
        tv!({
            "title": page.title, "description": page.description, "path": page.path,
            "canonical": if is_404 { None } else { Some(format!("{base_url}{}", page.path)) },
            "is_home": page.path.is_empty(), "crumbs": crumbs,
        }),
    );
    if let Some(m) = page.data.as_map() {
        for (k, v) in m {
            let key: std::borrow::Cow<'static, str> = match k {
                tera::value::Key::Str(s) => std::borrow::Cow::Borrowed(s),
                other => std::borrow::Cow::Owned(other.to_string()),
            };
            ctx.insert_value(key, v.clone());
        }
    }
    // Most pages are 5–15 KB: one allocation for most of them.
    let mut html = Vec::with_capacity(16 * 1024);
    theme
        .tera
        .render_to(page.template, &ctx, &mut html)
        .map_err(|e| RenderError { page: page.file(), message: format!("{e:#}") })?;
    let bytes = if opts.minify { super::compact::compact(&html) } else { html };
    Ok(OutFile { path: page.file(), bytes })
}

/// What every page of a site shares, prepared once: the theme (templates compiled once),
/// the site's strings and the stylesheet's fingerprint. The build renders a whole site with
/// it; `serve` keeps it and re-renders only what an edit touches.
pub struct Renderer<'t> {
    theme: &'t Theme,
    common: Common,
    base_url: String,
    opts: Options,
}

/// One authority's pages: their addresses (for the sitemap) and their files.
pub struct AuthorityPages {
    pub addresses: Vec<String>,
    pub files: Vec<OutFile>,
}

impl<'t> Renderer<'t> {
    pub fn new(content: &Content, theme: &'t Theme, opts: Options) -> Renderer<'t> {
        let site = &content.site;
        let css = theme.assets.get("style.css").map(|b| fingerprint(b)).unwrap_or_default();
        let common = Common {
            lang: match site.language {
                crate::diag::Lang::Th => "th",
                crate::diag::Lang::En => "en",
            },
            site: tv!({"title": site.title, "base_url": site.base_url, "portal": content.authorities.len() != 1}),
            strings: tera::Value::from(theme.strings.clone()),
            css: format!("assets/style.css?v={css}"),
        };
        Renderer { theme, common, base_url: site.base_url.clone(), opts }
    }

    pub fn options(&self) -> Options {
        self.opts
    }

    /// One page, rendered with the theme's templates (compiled once, in [`Renderer::new`]).
    pub fn page(&self, page: &Page) -> Result<OutFile, RenderError> {
        render_page(self.theme, &self.common, &self.base_url, page, self.opts)
    }

    /// Home, 404 and the province pages; with `only`, just the province pages at those
    /// addresses (`serve` re-renders the provinces of the authorities an edit touched), and
    /// only their data is built.
    pub fn portal_pages(&self, ctx: &Ctx, only: Option<&[String]>) -> Result<AuthorityPages, RenderError> {
        let mut top = vec![pages::home_page(ctx), pages::not_found_page(ctx)];
        if ctx.is_portal() {
            top.extend(pages::province_pages(ctx, only));
        }
        let addresses =
            top.iter().filter(|p| p.path.is_empty() || p.path.ends_with('/')).map(|p| p.path.clone()).collect();
        let files = top.par_iter().map(|p| self.page(p)).collect::<Result<_, _>>()?;
        Ok(AuthorityPages { addresses, files })
    }

    /// The search page: its filters list what the documents hold.
    pub fn search_page(&self, ctx: &Ctx) -> Result<OutFile, RenderError> {
        self.page(&pages::search_page(ctx))
    }

    /// The HTML pages of authority `i`. Built and rendered together, so only one
    /// authority's page data is held at a time per core.
    pub fn authority_pages(&self, ctx: &Ctx, i: usize) -> Result<AuthorityPages, RenderError> {
        let pages = pages::authority_pages(ctx, i);
        let addresses = pages.iter().map(|p| p.path.clone()).collect();
        let files = pages.iter().map(|p| self.page(p)).collect::<Result<Vec<_>, _>>()?;
        Ok(AuthorityPages { addresses, files })
    }

    /// The search index (`search/…` except the page), in memory.
    pub fn index_files(&self, ctx: &Ctx) -> Vec<OutFile> {
        crate::search::index::build(ctx, self.opts.search)
    }

    /// The search index (`search/…` except the page), each file handed to `emit` when ready.
    pub fn write_index<E>(&self, ctx: &Ctx, emit: &mut impl FnMut(OutFile) -> Result<(), E>) -> Result<(), E> {
        crate::search::index::write(ctx, self.opts.search, emit)
    }

    /// Theme assets, sitemap, feed and robots.txt.
    pub fn listing_files(&self, ctx: &Ctx, addresses: &[String]) -> Vec<OutFile> {
        let content = ctx.content;
        let site = &content.site;
        let mut out = Vec::new();
        for (name, bytes) in &self.theme.assets {
            out.push(OutFile { path: format!("assets/{name}"), bytes: bytes.clone() });
        }
        let entries: Vec<Entry> = content
            .authorities
            .iter()
            .flat_map(|a| {
                a.reports.iter().map(|r| Entry {
                    title: format!("{}: {} {}", a.name, ctx.s("report_title"), ctx.round_title(r)),
                    path: feeds::round_path(a, r),
                    date: feeds::round_date(r),
                    summary: format!("{} {}", ctx.s("report_title"), ctx.round_title(r)),
                })
            })
            .collect();
        out.extend(feeds::sitemap_files(&site.base_url, addresses, feeds::SITEMAP_MAX_URLS));
        out.push(OutFile { path: "feed.xml".into(), bytes: feeds::atom(site, entries) });
        out.push(OutFile { path: "robots.txt".into(), bytes: feeds::robots(&site.base_url) });
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base_path_of_a_sub_path_site() {
        assert_eq!(super::base_path("https://example.go.th/transparency/"), "/transparency/");
        assert_eq!(super::base_path("https://example.go.th/"), "/");
    }
}
