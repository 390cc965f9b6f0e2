//! compute: totals, rates and reconciliations, exactly as ../shared/spec/site.md defines
//! them. Pure functions of the model; no I/O.

pub mod owners;
pub mod plan;
pub mod report;

use crate::content::model::{Authority, Content};
use rayon::prelude::*;

/// Every figure of one authority, index for index with its plans and reports.
pub struct AuthorityFigures {
    pub plans: Vec<plan::PlanTotals>,
    pub rounds: Vec<report::Round>,
}

impl AuthorityFigures {
    pub fn of(a: &Authority) -> AuthorityFigures {
        AuthorityFigures {
            plans: a.plans.iter().map(|p| plan::compute(p, &a.owner_aliases)).collect(),
            rounds: a
                .reports
                .iter()
                .map(|r| {
                    let p = r.plan.as_ref().and_then(|s| a.plans.iter().find(|p| &p.slug == s));
                    report::compute(r, p)
                })
                .collect(),
        }
    }
}

/// The figures of every authority, index for index with `content.authorities`.
pub fn site(content: &Content) -> Vec<AuthorityFigures> {
    content.authorities.par_iter().map(AuthorityFigures::of).collect()
}
