//! The three real documents and the fictional authority in content/, against figures
//! worked out by hand from ../shared/seed-data (see the comments by each figure).

mod common;

use prongsai::build::load_and_check;
use prongsai::compute;
use prongsai::content::model::*;
use prongsai::content::numbers::Money;
use prongsai::diag::{Lang, Severity};
use std::path::Path;

fn content() -> prongsai::content::load::Loaded {
    load_and_check(Path::new(env!("CARGO_MANIFEST_DIR")).join("content").as_path())
}

fn baht(b: i64) -> Money {
    Money::from_baht(b)
}

fn plan<'a>(c: &'a Content, authority: &str, plan: &str) -> (&'a Authority, &'a Plan) {
    let a = c.authorities.iter().find(|a| a.slug == authority).expect("authority");
    (a, a.plans.iter().find(|p| p.slug == plan).expect("plan"))
}

#[test]
fn example_content_has_no_error() {
    let loaded = content();
    let errors = common::errors(&loaded);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn sisaket_pao_2561_2564() {
    let loaded = content();
    let (a, p) = plan(&loaded.content, "sisaket-pao", "2561-2564");
    let t = compute::plan::compute(p, &a.owner_aliases);
    // 71 items printed; 15 projects carry money, the rest print '-' in every year.
    assert_eq!(t.plan.items, 71);
    assert_eq!(t.plan.funded, 15);
    assert_eq!(t.plan.items_not_stated, 56);
    // Seed README: 3,524,500 in 2561 (the training project starts at 129,500), 3,545,000 after.
    let years: Vec<(i32, Money)> = t.plan.by_year.iter().map(|(y, v)| (*y, v.sum)).collect();
    assert_eq!(
        years,
        vec![(2561, baht(3_524_500)), (2562, baht(3_545_000)), (2563, baht(3_545_000)), (2564, baht(3_545_000))]
    );
    assert_eq!(t.plan.total, baht(14_159_500));
    // Per dimension: items and the 2561 / later-year budget, added from the seed rows.
    let dims: Vec<(u32, u64, Money, Money)> = t
        .dimensions
        .iter()
        .map(|d| (d.no, d.totals.items, d.totals.by_year[&2561].sum, d.totals.by_year[&2562].sum))
        .collect();
    assert_eq!(
        dims,
        vec![
            (1, 14, baht(1_179_500), baht(1_200_000)),
            (2, 21, baht(300_000), baht(300_000)),
            (3, 23, baht(500_000), baht(500_000)),
            (4, 13, baht(1_545_000), baht(1_545_000)),
        ]
    );
    let m43 = t.dimensions[3].missions.iter().find(|m| m.0 == "4.3").unwrap();
    assert_eq!((m43.2.items, m43.2.by_year[&2564].sum), (3, baht(1_100_000)));
    // The dimension 2 total row prints 19; 21 are listed. The other three rows agree.
    let wrong: Vec<_> = t
        .stated
        .iter()
        .filter(|c| !c.matches)
        .map(|c| (c.scope.label(), c.stated.decimal(), c.computed.decimal()))
        .collect();
    assert_eq!(wrong, vec![("dimension 2".to_string(), "19".to_string(), "21".to_string())]);
    // "Not stated" is not 0: a year with 56 silent items says so.
    assert_eq!(t.plan.by_year[&2561].not_stated_items, 56);
}

#[test]
fn bueng_nakhon_sao_2566_2570() {
    let loaded = content();
    let (a, p) = plan(&loaded.content, "bueng-nakhon", "2566-2570");
    let t = compute::plan::compute(p, &a.owner_aliases);
    assert_eq!(t.plan.items, 27);
    // Funded: the ethics project (13,000), the family project (20,000), the forum (8,000).
    assert_eq!(t.plan.funded, 3);
    for (_, y) in &t.plan.by_year {
        assert_eq!(y.sum, baht(41_000));
    }
    assert_eq!(t.plan.total, baht(205_000));
    let dims: Vec<(u32, u64, Money)> =
        t.dimensions.iter().map(|d| (d.no, d.totals.items, d.totals.by_year[&2569].sum)).collect();
    assert_eq!(dims, vec![(1, 7, baht(33_000)), (2, 11, baht(0)), (3, 3, baht(8_000)), (4, 6, baht(0))]);
    // Dimension 1 prints 33,300 for 2569 and 2570; mission 1.1 prints 7 items where 4 are listed.
    let mut wrong: Vec<_> = t
        .stated
        .iter()
        .filter(|c| !c.matches)
        .map(|c| (c.scope.label(), c.what, c.year, c.stated.decimal(), c.computed.decimal()))
        .collect();
    wrong.sort();
    assert_eq!(
        wrong,
        vec![
            ("dimension 1".into(), "budget", Some(2569), "33300".into(), "33000".into()),
            ("dimension 1".into(), "budget", Some(2570), "33300".into(), "33000".into()),
            ("mission 1.1".into(), "count", None, "7".into(), "4".into()),
        ]
    );
    // The grand total row (41,000 and 27 items) agrees with the items.
    assert!(t.stated.iter().filter(|c| c.scope == Scope::Plan).all(|c| c.matches));
}

fn warnings_in(loaded: &prongsai::content::load::Loaded, path_part: &str) -> Vec<String> {
    loaded
        .diags
        .list
        .iter()
        .filter(|d| d.severity == Severity::Warning && loaded.sources.path(d.file).contains(path_part))
        .map(|d| format!("{}:{}:{}: {}", loaded.sources.path(d.file), d.pos.line, d.pos.col, d.text(Lang::En)))
        .collect()
}

#[test]
fn check_reports_the_irregularities_of_the_real_documents() {
    let loaded = content();
    let bn = warnings_in(&loaded, "bueng-nakhon/");
    let has = |list: &[String], needle: &str| list.iter().any(|w| w.contains(needle));
    // Budget line 3 of the ethics project: 2 meals × 50 baht × 59 people printed as 2,950.
    assert!(has(&bn, "59 × 2 × 50 = 5,900 baht, but 2,950 is written"), "{bn:#?}");
    // Detail pages that budget differently from the plan table.
    assert!(has(&bn, "budget of 25,500 baht differs from the plan's 2566 amount (20,000"), "{bn:#?}");
    assert!(has(&bn, "budget of 10,000 baht differs from the plan's 2566 amount (8,000"), "{bn:#?}");
    // Detail pages match their items only by a title that differs slightly.
    assert!(has(&bn, "detail page title 'โครงการการจัดเวทีประชาคมแผน'"), "{bn:#?}");
    assert!(has(&bn, "dimension 1, 2569: the document states 33,300 baht, the items add up to 33,000"));
    assert!(has(&bn, "mission 1.1: the document states 7 items, but 4 are listed"));
    // Every spelling of an owner on the detail pages is declared in owner_aliases.
    assert!(!has(&bn, "detail page owner"), "{bn:#?}");
    let ss = warnings_in(&loaded, "sisaket-pao/");
    assert!(has(&ss, "dimension 2: the document states 19 items, but 21 are listed"), "{ss:#?}");
    assert!(has(&ss, "'กองกิจฯ' is counted as 'กองกิจการสภาฯ' through owner_aliases"), "{ss:#?}");
    let dd = warnings_in(&loaded, "din-daeng/");
    assert!(has(&dd, "HTML tags in text"), "{dd:#?}");
    assert!(has(&dd, "has the same title as line"), "{dd:#?}");
    assert!(has(&dd, "step numbering jumps: expected 4, found 5"), "{dd:#?}");
    let ty = warnings_in(&loaded, "tua-yang/");
    assert!(has(&ty, "sara am is written as two characters"), "{ty:#?}");
    assert!(has(&ty, "is missing from this round; counted as awaiting report"), "{ty:#?}");
}

#[test]
fn fictional_twelve_month_round() {
    let loaded = content();
    let a = loaded.content.authorities.iter().find(|a| a.slug == "tua-yang").unwrap();
    let r = a.reports.iter().find(|r| r.slug == "2567-12m").unwrap();
    let p = a.plans.iter().find(|p| Some(&p.slug) == r.plan.as_ref());
    let round = compute::report::compute(r, p);
    let t = &round.totals;
    // 14 items: 9 done, 2 in progress, 1 awaiting, 1 not possible, 1 not started.
    assert_eq!((t.items, t.by_status), (14, [9, 2, 1, 1, 1]));
    // Budgets from the plan's 2567 column: 28,256.40 + 5,000 + 15,000 + 12,000 + 8,000 + 20,000;
    // two items state none.
    assert_eq!(t.budget, Money(8_825_640));
    assert_eq!(t.budget_not_stated, 2);
    // Disbursed: 27,980 + 4,850 + 14,600 + 11,560 + 18,500.
    assert_eq!(t.disbursed, baht(77_490));
    assert_eq!(t.disbursement_rate().as_deref(), Some("0.8780"));
    // done ÷ (items − awaiting) = 9 ÷ 13; the awaiting item is not counted as a failure.
    assert_eq!(t.completion_rate().as_deref(), Some("0.6923"));
    assert!(round.stated.iter().all(|c| c.matches));
}

#[test]
fn a_missing_item_counts_as_awaiting_report() {
    let loaded = content();
    let a = loaded.content.authorities.iter().find(|a| a.slug == "tua-yang").unwrap();
    let r = a.reports.iter().find(|r| r.slug == "2567-6m").unwrap();
    let p = a.plans.iter().find(|p| Some(&p.slug) == r.plan.as_ref());
    let round = compute::report::compute(r, p);
    let missing: Vec<_> = round.items.iter().filter(|i| i.missing).map(|i| (i.id.clone().unwrap(), i.status)).collect();
    assert_eq!(missing, vec![("4.2-1".to_string(), Status::AwaitingReport)]);
    assert_eq!(round.totals.items, 14);
}

#[test]
fn din_daeng_ita_2568_measures() {
    let loaded = content();
    let a = loaded.content.authorities.iter().find(|a| a.slug == "din-daeng").unwrap();
    let ita = a.ita.iter().find(|i| i.year == 2568).unwrap();
    // Seed README: ITA score 97.07, 7 issues, 10 measures, 54 steps.
    assert_eq!(ita.score.as_deref(), Some("97.07"));
    assert_eq!(ita.level.as_deref(), Some("ผ่านดี"));
    assert_eq!(ita.issues.len(), 7);
    assert_eq!(ita.issues.iter().map(|i| i.measures.len()).sum::<usize>(), 10);
    assert_eq!(ita.issues.iter().flat_map(|i| &i.measures).map(|m| m.steps.len()).sum::<usize>(), 54);
    // Issues 3 and 4 carry the same printed title.
    assert_eq!(ita.issues[2].title, ita.issues[3].title);
}
