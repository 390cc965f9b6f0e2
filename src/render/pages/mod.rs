//! Page data: what each page type shows, assembled from the model and its computed
//! figures. Everything a reader sees is formatted here (digits, dates, labels) so that
//! templates only lay it out; templates escape every string they print.

mod authority;
mod ita;
mod plan;
mod portal;
mod report;
mod search;

use super::format::Fmt;
use super::paths;
use crate::compute::AuthorityFigures;
use crate::content::model::*;
use crate::render::value::Value;
use crate::tv;
use std::collections::BTreeMap;

pub use authority::authority_pages;
pub use ita::ita_csv;
pub use portal::{home_page, not_found_page, province_name, province_pages};
pub use search::search_page;

/// One HTML page to render.
pub struct Page {
    /// Folder below the site root (`a/plans/p/`), `""` for home, or a file name (`404.html`).
    pub path: String,
    pub template: &'static str,
    pub title: String,
    pub description: String,
    /// (title, site-relative path), home first; the page itself is last.
    pub crumbs: Vec<(String, String)>,
    pub data: Value,
}

impl Page {
    pub fn file(&self) -> String {
        if self.path.is_empty() || self.path.ends_with('/') {
            format!("{}index.html", self.path)
        } else {
            self.path.clone()
        }
    }
}

/// What every page builder needs: the site, its strings and number format.
pub struct Ctx<'a> {
    pub content: &'a Content,
    pub figures: &'a [AuthorityFigures],
    pub strings: &'a BTreeMap<String, String>,
    pub catalogues: &'a BTreeMap<i32, crate::ita::catalogue::Catalogue>,
    pub fmt: Fmt,
}

impl Ctx<'_> {
    /// An interface string; a missing key shows as itself so a theme's gap is visible, not fatal.
    pub fn s(&self, key: &str) -> String {
        self.strings.get(key).cloned().unwrap_or_else(|| key.to_string())
    }
    pub fn is_portal(&self) -> bool {
        self.content.authorities.len() != 1
    }
    pub fn home_crumb(&self) -> (String, String) {
        (self.s("home"), String::new())
    }
    pub fn kind_label(&self, k: Kind) -> String {
        self.s(&format!("kind_{}", k.as_str()))
    }
    pub fn status_label(&self, s: Status) -> String {
        self.s(&format!("status_{}", s.as_str()))
    }
    pub fn authority_kind_label(&self, k: AuthorityKind) -> String {
        self.s(&format!("authority_kind_{}", k.as_str()))
    }
    pub fn period_label(&self, p: Period) -> String {
        self.s(&format!("period_{}", p.as_str()))
    }
    /// "รอบ 6 เดือน ปีงบประมาณ 2566".
    pub fn round_title(&self, r: &Report) -> String {
        format!("{} {} {}", self.period_label(r.period), self.s("fiscal_year"), self.fmt.year(r.fiscal_year))
    }
    /// A budget cell: the amount, or the words for "not stated" (never 0).
    pub fn amount(&self, a: Amount) -> Value {
        match self.fmt.amount(a) {
            Some(text) => tv!({"text": text, "ns": false}),
            None => tv!({"text": self.s("not_stated"), "ns": true}),
        }
    }
    pub fn years(&self, years: &[i32]) -> Vec<String> {
        years.iter().map(|y| self.fmt.year(*y)).collect()
    }
}

/// The plan an authority is working to now: the one reaching furthest into the future.
pub fn current_plan(a: &Authority) -> Option<usize> {
    (0..a.plans.len()).max_by_key(|&i| (a.plans[i].fiscal_years.last().copied(), a.plans[i].fiscal_years.len()))
}

/// The most recent report round: latest fiscal year, 12 months after 6.
pub fn latest_round(a: &Authority) -> Option<usize> {
    (0..a.reports.len()).max_by_key(|&i| (a.reports[i].fiscal_year, a.reports[i].period))
}

/// The plan a report belongs to, by slug.
pub fn plan_of<'a>(a: &'a Authority, r: &Report) -> Option<(usize, &'a Plan)> {
    let slug = r.plan.as_ref()?;
    a.plans.iter().enumerate().find(|(_, p)| &p.slug == slug)
}

pub fn authority_crumb(a: &Authority) -> (String, String) {
    (a.name.clone(), paths::authority(&a.slug))
}
