//! check: what can only be seen across files or after computing, as errors and warnings.

use crate::compute;
use crate::compute::owners;
use crate::content::model::*;
use crate::content::numbers::Money;
use crate::diag::{Diagnostics, Msg};
use std::collections::{BTreeSet, HashMap};

pub fn check(content: &Content, diags: &mut Diagnostics) {
    use rayon::prelude::*;
    let found: Vec<Diagnostics> = content
        .authorities
        .par_iter()
        .map(|a| {
            let mut d = Diagnostics::default();
            check_authority(a, &mut d);
            d
        })
        .collect();
    diags.list.extend(found.into_iter().flat_map(|d| d.list));
}

/// Everything `check` looks at lies within one authority, so `serve` re-checks only the
/// authority an edit touched.
pub fn check_authority(a: &Authority, diags: &mut Diagnostics) {
    for plan in &a.plans {
        check_plan(a, plan, diags);
    }
    for report in &a.reports {
        check_report(a, report, diags);
    }
}

fn check_plan(a: &Authority, plan: &Plan, diags: &mut Diagnostics) {
    let mut folded_seen = BTreeSet::new();
    for item in &plan.items {
        for o in &item.owner {
            let (unit, via_alias) = owners::fold(o, &a.owner_aliases);
            if via_alias && folded_seen.insert(o.clone()) {
                diags.warning(
                    plan.file,
                    item.owner_pos,
                    Msg::OwnerAliasFolded { spelling: o.clone(), canonical: unit },
                );
            }
        }
    }
    for st in &plan.stated_totals {
        if !compute::plan::scope_exists(plan, &st.scope) {
            diags.error(plan.file, st.pos, Msg::ScopeNotFound { scope: st.scope.label() });
        }
    }
    let totals = compute::plan::compute(plan, &a.owner_aliases);
    for c in totals.stated.iter().filter(|c| !c.matches) {
        let scope = c.scope.label();
        let msg = match (c.stated, c.computed, c.year) {
            (Figure::Count(stated), Figure::Count(computed), _) => Msg::StatedCountDiffers { scope, stated, computed },
            (stated, computed, year) => Msg::StatedBudgetDiffers {
                scope,
                year: year.unwrap_or_default(),
                stated: stated.display(),
                computed: computed.display(),
            },
        };
        diags.warning(plan.file, c.pos, msg);
    }
    for page in plan.details.values() {
        if let Some(item) = plan.items.iter().find(|i| i.id == page.item_id) {
            check_detail(a, item, page, diags);
        }
    }
}

/// Titles that differ only in spacing, quotes or the way sara am is typed are the same title.
fn title_key(s: &str) -> String {
    owners::normalise(s).chars().filter(|c| !c.is_whitespace() && !"\"'“”‘’:：".contains(*c)).collect()
}

/// An owner as a unit: aliases folded (as written, then with the authority's own name and
/// address cut off), so "สำนักงานปลัด องค์การบริหารส่วนตำบล…" and "สำนักปลัด" can be one unit.
fn owner_key(o: &str, a: &Authority) -> String {
    let (whole, via_alias) = owners::fold(o, &a.owner_aliases);
    if via_alias {
        return whole.replace(' ', "");
    }
    let cut = [a.name.as_str(), "อำเภอ", "จังหวัด"].iter().filter_map(|m| whole.find(m)).min().unwrap_or(whole.len());
    owners::fold(whole[..cut].trim(), &a.owner_aliases).0.replace(' ', "")
}

fn check_detail(a: &Authority, item: &Item, page: &DetailPage, diags: &mut Diagnostics) {
    if let Some((title, pos)) = &page.title {
        if title_key(title) != title_key(&item.title) {
            diags.warning(page.file, *pos, Msg::DetailTitleDiffers { detail: title.clone(), plan: item.title.clone() });
        }
    }
    if let Some((owner, pos)) = &page.owner {
        let page_units: BTreeSet<String> = owner.iter().map(|o| owner_key(o, a)).collect();
        let plan_units: BTreeSet<String> = item.owner.iter().map(|o| owner_key(o, a)).collect();
        if !item.owner.is_empty() && page_units != plan_units {
            diags.warning(
                page.file,
                *pos,
                Msg::DetailOwnerDiffers { detail: owner.join(", "), plan: item.owner.join(", ") },
            );
        }
    }
    for (year, amount, pos) in &page.budget {
        let years: Vec<i32> = match year {
            Some(y) => vec![*y],
            None => item.budget.keys().copied().collect(),
        };
        // A page that states one amount for every year differs where the plan states another.
        let differing = years.iter().find(|y| matches!(item.amount(**y), Amount::Stated(m) if m != *amount));
        let stated_none = years.iter().all(|y| item.amount(*y) == Amount::NotStated);
        if let Some(y) = differing {
            let plan = item.amount(*y).money().map(|m| m.to_display()).unwrap_or_default();
            diags.warning(
                page.file,
                *pos,
                Msg::DetailBudgetDiffers { detail: amount.to_display(), year: *y, plan: format!("{plan} บาท") },
            );
        } else if stated_none && *amount > Money::ZERO {
            if let Some(y) = years.first() {
                diags.warning(
                    page.file,
                    *pos,
                    Msg::DetailBudgetDiffers {
                        detail: amount.to_display(), year: *y, plan: "ไม่ระบุ".into()
                    },
                );
            }
        }
    }
    for line in &page.budget_lines {
        if let (Some(q), Some(p)) = (line.quantity, line.unit_price) {
            let t = line.times.unwrap_or(Money::from_baht(1));
            // All three are held in hundredths; the product is in satang after two divisions.
            let product = Money((i128::from(q.0) * i128::from(t.0) * i128::from(p.0) / 10_000) as i64);
            if product != line.amount {
                let mut formula = format!("{} × {}", q.to_display(), p.to_display());
                if line.times.is_some() {
                    formula = format!("{} × {} × {}", q.to_display(), t.to_display(), p.to_display());
                }
                diags.warning(
                    page.file,
                    line.pos,
                    Msg::BudgetLineArithmetic {
                        formula,
                        product: product.to_display(),
                        amount: line.amount.to_display(),
                    },
                );
            }
        }
    }
    if !page.budget_lines.is_empty() {
        let sum: Money = page.budget_lines.iter().map(|l| l.amount).sum();
        let expected: Vec<Money> = if page.budget.is_empty() {
            item.budget.values().filter_map(|a| a.money()).collect()
        } else {
            page.budget.iter().map(|(_, m, _)| *m).collect()
        };
        if !expected.is_empty() && !expected.contains(&sum) {
            let shown = expected
                .iter()
                .map(|m| m.to_display())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
                .join(" / ");
            diags.warning(
                page.file,
                page.budget_lines_pos,
                Msg::BudgetLinesSum { sum: sum.to_display(), expected: format!("{shown} บาท") },
            );
        }
    }
}

fn check_report(a: &Authority, report: &Report, diags: &mut Diagnostics) {
    let plan = match &report.plan {
        Some(slug) => match a.plans.iter().find(|p| &p.slug == slug) {
            Some(p) => Some(p),
            None => {
                diags.error(report.file, report.plan_pos, Msg::UnknownPlan { plan: slug.clone() });
                return;
            }
        },
        None => None,
    };
    if let Some(p) = plan {
        if !p.fiscal_years.contains(&report.fiscal_year) {
            let (first, last) = (p.fiscal_years[0], *p.fiscal_years.last().unwrap_or(&p.fiscal_years[0]));
            diags.error(
                report.file,
                report.plan_pos,
                Msg::BudgetYearOutsidePlan { year: report.fiscal_year.to_string(), first, last },
            );
        }
        let mut seen: HashMap<&str, u32> = HashMap::new();
        for ri in &report.items {
            let Some(id) = ri.item.as_deref() else { continue };
            if !p.items.iter().any(|i| i.id == id) {
                diags.error(report.file, ri.pos, Msg::ReportUnknownItem { item: id.to_string(), plan: p.slug.clone() });
            }
            if let Some(first_line) = seen.insert(id, ri.pos.line) {
                diags.error(report.file, ri.pos, Msg::DuplicateReportItem { item: id.to_string(), first_line });
            }
        }
    }
    let round = compute::report::compute(report, plan);
    for ri in round.items.iter().filter(|i| i.missing) {
        diags.warning(
            report.file,
            report.items_pos,
            Msg::ItemMissingFromRound { item: ri.id.clone().unwrap_or_default(), title: ri.title.clone() },
        );
    }
    for (ri, src) in round.items.iter().zip(&report.items) {
        let budget = ri.budget.money();
        if let (Some(d), Some(b)) = (ri.disbursed, budget) {
            if d > b {
                diags.warning(
                    report.file,
                    src.pos,
                    Msg::DisbursedAboveBudget { disbursed: d.to_display(), budget: b.to_display() },
                );
            }
        }
        if ri.status == Status::Done
            && budget.is_some_and(|b| b > Money::ZERO)
            && ri.disbursed.unwrap_or_default().is_zero()
        {
            diags.warning(
                report.file,
                src.pos,
                Msg::DoneNothingDisbursed { budget: budget.unwrap_or_default().to_display() },
            );
        }
    }
    for c in round.stated.iter().filter(|c| !c.matches) {
        diags.warning(
            report.file,
            c.pos,
            Msg::StatedSummaryDiffers {
                what: c.what.clone(),
                stated: c.stated.display(),
                computed: c.computed.display(),
            },
        );
    }
}
