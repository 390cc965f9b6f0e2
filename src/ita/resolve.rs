//! For one authority and assessment year: what fills each catalogue item. The site's own
//! pages come first (the plan covering the year, the rounds, the measures, contact and
//! complaint channel from authority.yaml); then the evidence of ita/<year>.yaml; else the
//! item is missing, with the reason in words.

use super::catalogue::{Catalogue, CatalogueItem, Fill};
use crate::content::dates::Date;
use crate::content::model::*;
use crate::render::paths;

/// What the site produced for an item: the page it points to and what that page covers.
#[derive(Debug, Clone)]
pub struct Produced {
    /// Site-relative path of the page that holds the evidence (may carry a #fragment).
    pub path: String,
    pub title: String,
    /// Fiscal year covered, and the period within it (6m / 12m) for report rounds.
    pub fiscal_year: Option<i32>,
    pub period: Option<Period>,
    pub published: Option<Date>,
    /// The signed document, when the content links one.
    pub document: Option<String>,
}

#[derive(Debug, Clone)]
pub enum State {
    Produced(Produced),
    Given(Vec<Evidence>),
    Missing(Missing),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Nothing in the content fills this item.
    NoEvidence,
    NoContact,
    NoComplaintChannel,
    NoPlanFor(i32),
    NoRound(i32, Period),
    NoMeasures,
    NoResults,
}

impl State {
    pub fn code(&self) -> &'static str {
        match self {
            State::Produced(_) => "produced",
            State::Given(_) => "given",
            State::Missing(_) => "missing",
        }
    }
}

pub struct Entry<'c> {
    pub item: &'c CatalogueItem,
    pub state: State,
    /// Evidence given for this code in ita/<year>.yaml even where the site produces it.
    pub also_given: Vec<Evidence>,
}

fn plan_for(a: &Authority, fy: i32) -> Option<&Plan> {
    // Of several plans covering the year, the one adopted last is in force.
    a.plans.iter().filter(|p| p.fiscal_years.contains(&fy)).max_by_key(|p| (p.adopted, p.fiscal_years.first().copied()))
}

fn produce(a: &Authority, ita: &ItaYear, item: &CatalogueItem, fill: Fill) -> Result<Produced, Missing> {
    let fy = item.covers(ita.year);
    let base = Produced {
        path: String::new(),
        title: String::new(),
        fiscal_year: None,
        period: None,
        published: None,
        document: None,
    };
    match fill {
        Fill::Contact => {
            let c = a.contact.as_ref().filter(|c| c.address.is_some() || c.phone.is_some() || c.email.is_some());
            c.map(|_| Produced {
                path: format!("{}#contact", paths::authority(&a.slug)),
                title: a.name.clone(),
                ..base
            })
            .ok_or(Missing::NoContact)
        }
        Fill::ComplaintChannel => a
            .complaint_channel
            .as_ref()
            .map(|_| Produced { path: format!("{}#contact", paths::authority(&a.slug)), title: a.name.clone(), ..base })
            .ok_or(Missing::NoComplaintChannel),
        Fill::Plan => plan_for(a, fy)
            .map(|p| Produced {
                path: paths::plan(&a.slug, &p.slug),
                title: p.title.clone(),
                fiscal_year: Some(fy),
                published: p.adopted,
                document: p.document.clone(),
                ..base
            })
            .ok_or(Missing::NoPlanFor(fy)),
        Fill::Round6m | Fill::Round12m => {
            let period = if fill == Fill::Round6m { Period::SixMonths } else { Period::TwelveMonths };
            a.reports
                .iter()
                .find(|r| r.fiscal_year == fy && r.period == period)
                .map(|r| Produced {
                    path: paths::report(&a.slug, &r.slug),
                    title: r.slug.clone(),
                    fiscal_year: Some(fy),
                    period: Some(period),
                    published: r.published.or(r.as_of),
                    document: r.document.clone(),
                    ..base
                })
                .ok_or(Missing::NoRound(fy, period))
        }
        Fill::Measures | Fill::MeasuresResults => {
            let measures: Vec<&ItaMeasure> = ita.issues.iter().flat_map(|i| &i.measures).collect();
            if measures.is_empty() {
                return Err(Missing::NoMeasures);
            }
            if fill == Fill::MeasuresResults && !measures.iter().any(|m| m.result.is_some() || m.outcome.is_some()) {
                return Err(Missing::NoResults);
            }
            Ok(Produced { path: measures_path(&a.slug, ita.year), title: String::new(), fiscal_year: Some(fy), ..base })
        }
    }
}

pub fn index_path(a: &str, year: i32) -> String {
    format!("{}/ita/{year}/", paths::seg(a))
}
pub fn item_path(a: &str, year: i32, item: &CatalogueItem) -> String {
    format!("{}{}/", index_path(a, year), paths::seg(&item.slug()))
}
pub fn measures_path(a: &str, year: i32) -> String {
    format!("{}measures/", index_path(a, year))
}

pub fn resolve<'c>(a: &Authority, ita: &ItaYear, catalogue: &'c Catalogue) -> Vec<Entry<'c>> {
    catalogue
        .items
        .iter()
        .map(|item| {
            let given = ita.evidence.get(&item.code.to_uppercase()).cloned().unwrap_or_default();
            let produced = item.fill.map(|f| produce(a, ita, item, f));
            let (state, also_given) = match produced {
                Some(Ok(p)) => (State::Produced(p), given),
                Some(Err(_)) | None if !given.is_empty() => (State::Given(given), Vec::new()),
                Some(Err(m)) => (State::Missing(m), Vec::new()),
                None => (State::Missing(Missing::NoEvidence), Vec::new()),
            };
            Entry { item, state, also_given }
        })
        .collect()
}
