//! Plan totals: by year, dimension, mission, owner and kind; funded items; stated vs computed.

use super::owners;
use crate::content::model::*;
use crate::content::numbers::Money;
use crate::content::yaml::Pos;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct YearTotal {
    pub sum: Money,
    /// Items that state an amount (0 included) and items that state nothing this year.
    pub stated_items: u64,
    pub not_stated_items: u64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub items: u64,
    pub by_kind: [u64; 4],
    /// Items with an amount above 0 in some year.
    pub funded: u64,
    pub by_year: BTreeMap<i32, YearTotal>,
    pub total: Money,
    /// Items with no amount stated in some year: the total leaves them out.
    pub items_not_stated: u64,
}

impl Totals {
    pub fn of<'a>(items: impl IntoIterator<Item = &'a Item>, years: &[i32]) -> Totals {
        let mut t =
            Totals { by_year: years.iter().map(|y| (*y, YearTotal::default())).collect(), ..Default::default() };
        for item in items {
            t.items += 1;
            t.by_kind[item.kind as usize] += 1;
            let mut funded = false;
            let mut any_missing = false;
            for y in years {
                let yt = t.by_year.entry(*y).or_default();
                match item.amount(*y) {
                    Amount::Stated(m) => {
                        yt.sum = yt.sum + m;
                        yt.stated_items += 1;
                        t.total = t.total + m;
                        funded |= m > Money::ZERO;
                    }
                    Amount::NotStated => {
                        yt.not_stated_items += 1;
                        any_missing = true;
                    }
                }
            }
            t.funded += u64::from(funded);
            t.items_not_stated += u64::from(any_missing);
        }
        t
    }
}

#[derive(Debug, Clone)]
pub struct DimensionTotals {
    pub no: u32,
    pub title: String,
    pub totals: Totals,
    pub missions: Vec<(String, String, Totals)>,
}

#[derive(Debug, Clone)]
pub struct OwnerTotals {
    /// None: items that name no owner.
    pub owner: Option<String>,
    pub totals: Totals,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatedCheck {
    pub scope: Scope,
    /// `count` or `budget`.
    pub what: &'static str,
    pub year: Option<i32>,
    pub stated: Figure,
    pub computed: Figure,
    pub matches: bool,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct PlanTotals {
    pub plan: Totals,
    pub dimensions: Vec<DimensionTotals>,
    pub owners: Vec<OwnerTotals>,
    pub stated: Vec<StatedCheck>,
}

pub fn compute(plan: &Plan, aliases: &[(String, String)]) -> PlanTotals {
    let years = &plan.fiscal_years;
    let dimensions = plan
        .dimensions
        .iter()
        .map(|d| DimensionTotals {
            no: d.no,
            title: d.title.clone(),
            totals: Totals::of(plan.items.iter().filter(|i| i.dimension == d.no), years),
            missions: d
                .missions
                .iter()
                .map(|m| {
                    (
                        m.no.clone(),
                        m.title.clone(),
                        Totals::of(plan.items.iter().filter(|i| i.mission.as_ref() == Some(&m.no)), years),
                    )
                })
                .collect(),
        })
        .collect();
    PlanTotals {
        plan: Totals::of(&plan.items, years),
        dimensions,
        owners: owner_totals(plan, aliases),
        stated: stated_checks(plan),
    }
}

/// A joint item counts under each of its owners, so owner totals may add up to more than the plan.
fn owner_totals(plan: &Plan, aliases: &[(String, String)]) -> Vec<OwnerTotals> {
    let mut groups: BTreeMap<Option<String>, Vec<&Item>> = BTreeMap::new();
    for item in &plan.items {
        if item.owner.is_empty() {
            groups.entry(None).or_default().push(item);
        }
        let mut seen = Vec::new();
        for o in &item.owner {
            let (unit, _) = owners::fold(o, aliases);
            if !seen.contains(&unit) {
                seen.push(unit.clone());
                groups.entry(Some(unit)).or_default().push(item);
            }
        }
    }
    let mut out: Vec<OwnerTotals> = groups
        .into_iter()
        .map(|(owner, items)| OwnerTotals { owner, totals: Totals::of(items, &plan.fiscal_years) })
        .collect();
    out.sort_by(|a, b| {
        b.totals.items.cmp(&a.totals.items).then(b.totals.total.cmp(&a.totals.total)).then(a.owner.cmp(&b.owner))
    });
    out
}

fn scope_items<'a>(plan: &'a Plan, scope: &'a Scope) -> impl Iterator<Item = &'a Item> + 'a {
    plan.items.iter().filter(move |i| match scope {
        Scope::Plan => true,
        Scope::Dimension(d) => i.dimension == *d,
        Scope::Mission(m) => i.mission.as_ref() == Some(m),
    })
}

pub fn scope_exists(plan: &Plan, scope: &Scope) -> bool {
    match scope {
        Scope::Plan => true,
        Scope::Dimension(d) => plan.dimensions.iter().any(|x| x.no == *d),
        Scope::Mission(m) => plan.dimensions.iter().flat_map(|d| &d.missions).any(|x| &x.no == m),
    }
}

fn stated_checks(plan: &Plan) -> Vec<StatedCheck> {
    let mut out = Vec::new();
    for st in &plan.stated_totals {
        if !scope_exists(plan, &st.scope) {
            continue;
        }
        let t = Totals::of(scope_items(plan, &st.scope), &plan.fiscal_years);
        if let Some((count, pos)) = st.count {
            out.push(StatedCheck {
                scope: st.scope.clone(),
                what: "count",
                year: None,
                stated: Figure::Count(count),
                computed: Figure::Count(t.items),
                matches: count == t.items,
                pos,
            });
        }
        for (year, amount, pos) in &st.budget {
            // A printed cell left empty states nothing to compare.
            let Amount::Stated(stated) = amount else { continue };
            let computed = t.by_year.get(year).map(|y| y.sum).unwrap_or_default();
            out.push(StatedCheck {
                scope: st.scope.clone(),
                what: "budget",
                year: Some(*year),
                stated: Figure::Money(*stated),
                computed: Figure::Money(computed),
                matches: *stated == computed,
                pos: *pos,
            });
        }
    }
    out
}
