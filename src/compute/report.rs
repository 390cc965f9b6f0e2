//! Round totals. completion_rate = done ÷ (items − awaiting_report); disbursement_rate =
//! disbursed ÷ budget over items whose budget is above 0; a plan item missing from the
//! round counts as awaiting_report.

use crate::content::model::*;
use crate::content::numbers::{Money, rate4};

#[derive(Debug, Clone)]
pub struct RoundItem {
    pub id: Option<String>,
    pub title: String,
    pub dimension: Option<u32>,
    pub kind: Kind,
    pub status: Status,
    /// A plan item the round does not mention.
    pub missing: bool,
    pub budget: Amount,
    pub disbursed: Option<Money>,
    pub note: Option<String>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatusTotals {
    pub items: u64,
    pub by_status: [u64; 5],
    pub budget: Money,
    pub budget_not_stated: u64,
    pub disbursed: Money,
    /// Disbursed and budget over items whose budget is above 0: the rate's two sides.
    pub rate_disbursed: Money,
    pub rate_budget: Money,
}

impl StatusTotals {
    pub fn of<'a>(items: impl IntoIterator<Item = &'a RoundItem>) -> StatusTotals {
        let mut t = StatusTotals::default();
        for i in items {
            t.items += 1;
            t.by_status[i.status as usize] += 1;
            let d = i.disbursed.unwrap_or_default();
            t.disbursed = t.disbursed + d;
            match i.budget {
                Amount::Stated(b) => {
                    t.budget = t.budget + b;
                    if b > Money::ZERO {
                        t.rate_budget = t.rate_budget + b;
                        t.rate_disbursed = t.rate_disbursed + d;
                    }
                }
                Amount::NotStated => t.budget_not_stated += 1,
            }
        }
        t
    }
    pub fn count(&self, s: Status) -> u64 {
        self.by_status[s as usize]
    }
    pub fn awaiting(&self) -> u64 {
        self.count(Status::AwaitingReport)
    }
    pub fn completion_rate(&self) -> Option<String> {
        rate4(i128::from(self.count(Status::Done)), i128::from(self.items - self.awaiting()))
    }
    pub fn disbursement_rate(&self) -> Option<String> {
        rate4(i128::from(self.rate_disbursed.satang()), i128::from(self.rate_budget.satang()))
    }
}

#[derive(Debug, Clone)]
pub struct SummaryCheck {
    pub what: String,
    pub stated: Figure,
    pub computed: Figure,
    pub matches: bool,
    pub pos: crate::content::yaml::Pos,
}

#[derive(Debug, Clone)]
pub struct Round {
    pub items: Vec<RoundItem>,
    pub totals: StatusTotals,
    pub dimensions: Vec<(u32, StatusTotals)>,
    pub stated: Vec<SummaryCheck>,
}

pub fn compute(report: &Report, plan: Option<&Plan>) -> Round {
    let mut items = Vec::new();
    for ri in &report.items {
        let plan_item = plan.and_then(|p| ri.item.as_deref().and_then(|id| p.items.iter().find(|i| i.id == id)));
        let plan_amount = plan_item.map(|i| i.amount(report.fiscal_year)).unwrap_or(Amount::NotStated);
        items.push(RoundItem {
            id: ri.item.clone(),
            title: ri.title.clone().or_else(|| plan_item.map(|i| i.title.clone())).unwrap_or_default(),
            dimension: ri.dimension.or(plan_item.map(|i| i.dimension)),
            kind: ri.kind.or(plan_item.map(|i| i.kind)).unwrap_or(Kind::Other),
            status: ri.status,
            missing: false,
            budget: ri.budget.unwrap_or(plan_amount),
            disbursed: ri.disbursed,
            note: ri.note.clone(),
            evidence: ri.evidence.clone(),
        });
    }
    if let Some(p) = plan {
        for pi in &p.items {
            if !report.items.iter().any(|ri| ri.item.as_deref() == Some(pi.id.as_str())) {
                items.push(RoundItem {
                    id: Some(pi.id.clone()),
                    title: pi.title.clone(),
                    dimension: Some(pi.dimension),
                    kind: pi.kind,
                    status: Status::AwaitingReport,
                    missing: true,
                    budget: pi.amount(report.fiscal_year),
                    disbursed: None,
                    note: None,
                    evidence: Vec::new(),
                });
            }
        }
    }
    let totals = StatusTotals::of(&items);
    let mut dims: Vec<u32> = items.iter().filter_map(|i| i.dimension).collect();
    if let Some(p) = plan {
        dims.extend(p.dimensions.iter().map(|d| d.no));
    }
    dims.sort();
    dims.dedup();
    let dimensions =
        dims.into_iter().map(|d| (d, StatusTotals::of(items.iter().filter(|i| i.dimension == Some(d))))).collect();
    let stated = report
        .stated_summary
        .iter()
        .map(|(what, stated, pos)| {
            let computed = match what.as_str() {
                "total" => Figure::Count(totals.items),
                "budget" => Figure::Money(totals.budget),
                "disbursed" => Figure::Money(totals.disbursed),
                s => Figure::Count(Status::ALL.iter().find(|st| st.as_str() == s).map_or(0, |st| totals.count(*st))),
            };
            SummaryCheck { what: what.clone(), matches: *stated == computed, stated: *stated, computed, pos: *pos }
        })
        .collect();
    Round { items, totals, dimensions, stated }
}
