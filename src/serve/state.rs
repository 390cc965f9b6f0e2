//! The site as `serve` keeps it between edits: the loaded content, its figures, the theme,
//! and which output files each authority produced. An edit inside one authority's folder
//! reloads, re-checks, recomputes and re-renders that authority alone, plus the home page,
//! its province page, the sitemap and the feed; the search page and index follow in a
//! second step ([`SiteState::finish_index`]), because on a large portal they take longer
//! than everything else together. Anything else (site.yaml, the theme, a new or removed
//! folder, a move to another province) rebuilds everything. Either way the output folder
//! ends up byte for byte what a full build writes (tests/serve.rs checks it).

use crate::build::{self, AuthorityOutput, BuildError, Prepared, Staging, Timings};
use crate::compute::AuthorityFigures;
use crate::content::check::check_authority;
use crate::content::load::load_authority;
use crate::content::model::Content;
use crate::content::read::is_slug;
use crate::diag::{Lang, Severity, render};
use crate::render::OutFile;
use crate::render::site::{Options, Renderer};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub struct SiteState {
    content_dir: PathBuf,
    out_dir: PathBuf,
    opts: Options,
    lang: Lang,
    content: Content,
    figures: Vec<AuthorityFigures>,
    prepared: Prepared,
    per_authority: Vec<AuthorityOutput>,
    /// The addresses of home, the province pages and search, for the sitemap.
    top_addresses: Vec<String>,
    /// The search page and index files now in the output folder.
    index_paths: BTreeSet<String>,
    /// Assets, sitemap(s), feed and robots.txt now in the output folder.
    listing_paths: BTreeSet<String>,
    /// Set by an incremental rebuild: the search index still describes the content before
    /// it, until [`SiteState::finish_index`].
    index_stale: bool,
    /// Every file in the output folder.
    written: BTreeSet<String>,
}

/// Why a rebuild did not change the site: diagnostics or a render failure, as text for the
/// terminal and the page overlay.
#[derive(Debug)]
pub struct Failed(pub String);

/// What a rebuild did.
#[derive(Debug, Default, PartialEq)]
pub struct Summary {
    /// The authorities re-rendered; empty after a full rebuild.
    pub authorities: Vec<String>,
    pub full: bool,
    pub written: usize,
    pub removed: usize,
    /// Warnings, rendered.
    pub warnings: String,
}

/// What an edit touches.
#[derive(Debug, PartialEq)]
pub enum Scope {
    Everything,
    Authorities(BTreeSet<String>),
}

/// Sorts changed paths into the authorities they belong to; anything outside an authority
/// folder (site.yaml, `_theme/`, the address record) means a full rebuild.
pub fn scope_of(content_dir: &Path, changed: &[PathBuf]) -> Scope {
    let mut slugs = BTreeSet::new();
    for p in changed {
        let rel = p.strip_prefix(content_dir).unwrap_or(p);
        let mut parts = rel.components();
        let first = parts.next().map(|c| c.as_os_str().to_string_lossy().into_owned());
        match first {
            Some(name) if parts.next().is_some() && is_slug(&name) => {
                slugs.insert(name);
            }
            _ => return Scope::Everything,
        }
    }
    Scope::Authorities(slugs)
}

/// The province page an authority appears on (`provinces/roi-et/`), if its province is known.
fn province_address(province: &str) -> Option<String> {
    crate::content::provinces::slug(province).map(crate::render::paths::province)
}

fn diagnostics_text(loaded: &crate::content::load::Loaded, lang: Lang, severity: Severity) -> String {
    loaded.diags.list.iter().filter(|d| d.severity == severity).map(|d| render(d, &loaded.sources, lang)).collect()
}

fn build_failed(lang: Lang, e: BuildError) -> Failed {
    let head = match lang {
        Lang::Th => "สร้างเว็บไซต์ไม่สำเร็จ",
        Lang::En => "could not build the site",
    };
    Failed(format!("error: {head}: {e}\n"))
}

impl SiteState {
    /// A full build into `out_dir`, swapped in whole.
    pub fn build(
        content_dir: &Path,
        out_dir: &Path,
        opts: Options,
        lang: Lang,
    ) -> Result<(SiteState, Summary), Failed> {
        let loaded = build::load_and_check(content_dir);
        if loaded.diags.has_errors() {
            return Err(Failed(diagnostics_text(&loaded, lang, Severity::Error)));
        }
        let warnings = diagnostics_text(&loaded, lang, Severity::Warning);
        let content = loaded.content;
        let prepared = Prepared::load(&content, content_dir).map_err(|e| build_failed(lang, e))?;
        let figures = crate::compute::site(&content);
        let fail_io = |e: std::io::Error| {
            build_failed(lang, BuildError::Io(std::io::Error::other(format!("{}: {e}", out_dir.display()))))
        };
        let staging = Staging::new(out_dir).map_err(fail_io)?;
        let output = build::emit_site(&prepared, &content, &figures, content_dir, opts, &staging, &Timings::default())
            .map_err(|e| build_failed(lang, e))?;
        let written: BTreeSet<String> = staging.paths().into_iter().collect();
        staging.commit().map_err(fail_io)?;
        let state = SiteState {
            content_dir: content_dir.to_path_buf(),
            out_dir: out_dir.to_path_buf(),
            opts,
            lang,
            content,
            figures,
            prepared,
            per_authority: output.per_authority,
            top_addresses: output.top_addresses,
            index_paths: output.index_paths,
            listing_paths: output.listing_paths,
            index_stale: false,
            written,
        };
        let summary = Summary { full: true, written: output.files, warnings, ..Default::default() };
        Ok((state, summary))
    }

    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    /// Rebuilds after `changed` paths (inside the content folder) were edited, created or
    /// removed. On failure nothing in the output folder changes.
    pub fn update(&mut self, changed: &[PathBuf]) -> Result<Summary, Failed> {
        match scope_of(&self.content_dir, changed) {
            Scope::Everything => self.rebuild_all(),
            Scope::Authorities(slugs) => self.rebuild_authorities(&slugs),
        }
    }

    fn rebuild_all(&mut self) -> Result<Summary, Failed> {
        let (next, mut summary) = SiteState::build(&self.content_dir, &self.out_dir, self.opts, self.lang)?;
        summary.removed = self.written.difference(&next.written).count();
        *self = next;
        Ok(summary)
    }

    fn rebuild_authorities(&mut self, slugs: &BTreeSet<String>) -> Result<Summary, Failed> {
        let mut reloaded = Vec::new();
        let mut warnings = String::new();
        for slug in slugs {
            let known = self.content.authorities.iter().any(|a| &a.slug == slug);
            let Some(mut loaded) = load_authority(&self.content_dir, slug) else {
                if known {
                    // The folder is gone: the site loses an authority, which moves
                    // documents in the search index and entries on the home page.
                    return self.rebuild_all();
                }
                continue;
            };
            if !known {
                return self.rebuild_all();
            }
            let before =
                self.content.authorities.iter().find(|a| &a.slug == slug).map(|a| province_address(&a.province));
            let after = loaded.content.authorities.first().map(|a| province_address(&a.province));
            if after.is_some() && before != after {
                // Another province: two province pages and the home page's grouping change.
                return self.rebuild_all();
            }
            if !loaded.diags.has_errors()
                && let Some(a) = loaded.content.authorities.first()
            {
                check_authority(a, &mut loaded.diags);
            }
            loaded.diags.sort(&loaded.sources);
            if loaded.diags.has_errors() || loaded.content.authorities.is_empty() {
                return Err(Failed(diagnostics_text(&loaded, self.lang, Severity::Error)));
            }
            warnings.push_str(&diagnostics_text(&loaded, self.lang, Severity::Warning));
            reloaded.push(loaded.content.authorities.remove(0));
        }
        if reloaded.is_empty() {
            return Ok(Summary::default());
        }
        // Swap the new authorities in, render, and put the old ones back if rendering fails,
        // so the state always describes what is in the output folder.
        let mut indices = Vec::new();
        let mut previous = Vec::new();
        for a in reloaded {
            let i = self.content.authorities.iter().position(|x| x.slug == a.slug).expect("known authority");
            let figures = AuthorityFigures::of(&a);
            previous.push((
                i,
                std::mem::replace(&mut self.content.authorities[i], a),
                std::mem::replace(&mut self.figures[i], figures),
            ));
            indices.push(i);
        }
        let rendered = self.render_some(&indices);
        let (per_authority, files, listing_paths) = match rendered {
            Ok(r) => r,
            Err(e) => {
                for (i, a, f) in previous {
                    self.content.authorities[i] = a;
                    self.figures[i] = f;
                }
                return Err(build_failed(self.lang, e));
            }
        };
        // Stale: what the re-rendered authorities wrote before and nothing writes now.
        // (A sitemap split in fewer parts than before leaves parts behind.)
        let mut stale: BTreeSet<String> = self.listing_paths.difference(&listing_paths).cloned().collect();
        self.listing_paths = listing_paths;
        for (i, output) in per_authority {
            stale.extend(std::mem::replace(&mut self.per_authority[i], output).paths);
        }
        let now: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
        stale.retain(|p| !now.contains(p.as_str()));
        let (written, removed) = self.apply(&files, &stale).map_err(|e| build_failed(self.lang, e.into()))?;
        self.index_stale = true;
        let authorities = indices.iter().map(|i| self.content.authorities[*i].slug.clone()).collect();
        Ok(Summary { authorities, full: false, written, removed, warnings })
    }

    /// Whether the search index still waits for [`SiteState::finish_index`].
    pub fn index_stale(&self) -> bool {
        self.index_stale
    }

    /// After a failed index step: leave the index as it is until the next edit.
    pub fn give_up_index(&mut self) {
        self.index_stale = false;
    }

    /// Brings the search page and index up to date after incremental rebuilds. `serve`
    /// runs it after the reloaded page is out, when no edit is waiting: on a large portal
    /// the index takes seconds, the pages a fraction of one.
    pub fn finish_index(&mut self) -> Result<Summary, Failed> {
        if !self.index_stale {
            return Ok(Summary::default());
        }
        let ctx = self.prepared.ctx(&self.content, &self.figures);
        let renderer = Renderer::new(&self.content, &self.prepared.theme, self.opts);
        let page = renderer.search_page(&ctx).map_err(|e| build_failed(self.lang, e.into()))?;
        let mut files = renderer.index_files(&ctx);
        files.push(page);
        let paths: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
        let stale: BTreeSet<String> = self.index_paths.difference(&paths).cloned().collect();
        let (written, removed) = self.apply(&files, &stale).map_err(|e| build_failed(self.lang, e.into()))?;
        self.index_paths = paths;
        self.index_stale = false;
        Ok(Summary { written, removed, ..Default::default() })
    }

    /// Authorities `which`, the home page and their province pages, sitemap and feed; the
    /// search page and index wait for [`SiteState::finish_index`].
    #[allow(clippy::type_complexity)]
    fn render_some(
        &self,
        which: &[usize],
    ) -> Result<(Vec<(usize, AuthorityOutput)>, Vec<OutFile>, BTreeSet<String>), BuildError> {
        let ctx = self.prepared.ctx(&self.content, &self.figures);
        let renderer = Renderer::new(&self.content, &self.prepared.theme, self.opts);
        let provinces: Vec<String> =
            which.iter().filter_map(|&i| province_address(&self.content.authorities[i].province)).collect();
        let mut files = renderer.portal_pages(&ctx, Some(&provinces))?.files;
        let (outputs, authority_files) = self.render_authorities(&ctx, &renderer, which)?;
        files.extend(authority_files);
        // Sitemap order is site order: top pages, then each authority's pages.
        let by_index: BTreeMap<usize, &AuthorityOutput> = outputs.iter().map(|(i, o)| (*i, o)).collect();
        let mut addresses = self.top_addresses.clone();
        for i in 0..self.content.authorities.len() {
            let o = by_index.get(&i).copied().unwrap_or(&self.per_authority[i]);
            addresses.extend(o.addresses.iter().cloned());
        }
        let listing = renderer.listing_files(&ctx, &addresses);
        let listing_paths = listing.iter().map(|f| f.path.clone()).collect();
        files.extend(listing);
        Ok((outputs, files, listing_paths))
    }

    #[allow(clippy::type_complexity)]
    fn render_authorities(
        &self,
        ctx: &crate::render::pages::Ctx,
        renderer: &Renderer,
        which: &[usize],
    ) -> Result<(Vec<(usize, AuthorityOutput)>, Vec<OutFile>), BuildError> {
        let rendered: Vec<(usize, crate::render::site::AuthorityPages, Vec<OutFile>)> = which
            .par_iter()
            .map(|&i| Ok((i, renderer.authority_pages(ctx, i)?, build::authority_files(ctx, &self.content_dir, i)?)))
            .collect::<Result<_, BuildError>>()?;
        let mut outputs = Vec::new();
        let mut files = Vec::new();
        for (i, pages, data) in rendered {
            let paths = pages.files.iter().chain(&data).map(|f| f.path.clone()).collect();
            outputs.push((i, AuthorityOutput { addresses: pages.addresses, paths }));
            files.extend(pages.files);
            files.extend(data);
        }
        Ok((outputs, files))
    }

    /// Writes the files that changed (each to a temporary name, then renamed, so the server
    /// never sends half a file) and removes `stale` ones.
    fn apply(&mut self, files: &[OutFile], stale: &BTreeSet<String>) -> std::io::Result<(usize, usize)> {
        let mut written = 0;
        for f in files {
            let target = self.out_dir.join(&f.path);
            // Comparing with the file on disk costs a read of the few files an edit
            // re-renders, and spares holding a hash of every file of the site.
            if self.written.contains(&f.path) && std::fs::read(&target).is_ok_and(|old| old == f.bytes) {
                continue;
            }
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let tmp = target.with_file_name(format!(
                ".{}.new-{}",
                target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                std::process::id()
            ));
            std::fs::write(&tmp, &f.bytes)?;
            std::fs::rename(&tmp, &target)?;
            self.written.insert(f.path.clone());
            written += 1;
        }
        let mut removed = 0;
        for p in stale {
            if self.written.remove(p) {
                let target = self.out_dir.join(p);
                let _ = std::fs::remove_file(&target);
                // Leave no empty folders behind, as the full build would not have them.
                let mut dir = target.parent();
                while let Some(d) = dir {
                    if d == self.out_dir || std::fs::remove_dir(d).is_err() {
                        break;
                    }
                    dir = d.parent();
                }
                removed += 1;
            }
        }
        Ok((written, removed))
    }
}
