//! Open data beside each plan and round (site.md "Open data"): JSON with exact money
//! (baht, at most two decimals) and rates (four decimals or null), and CSV with a BOM
//! so that Excel opens Thai correctly. "Not stated" is null in JSON and empty in CSV;
//! 0 means "needs no budget".

use crate::compute::plan::{PlanTotals, Totals};
use crate::compute::report::{Round, StatusTotals};
use crate::content::model::*;
use crate::content::numbers::Money;
use serde_json::{Map, Number, Value, json};

fn money(m: Money) -> Value {
    Value::Number(m.to_decimal_string().parse::<Number>().unwrap_or_else(|_| Number::from(0)))
}

fn figure(f: Figure) -> Value {
    match f {
        Figure::Count(n) => json!(n),
        Figure::Money(m) => money(m),
    }
}

fn amount(a: Amount) -> Value {
    match a {
        Amount::Stated(m) => money(m),
        Amount::NotStated => Value::Null,
    }
}

fn rate(r: Option<String>) -> Value {
    r.and_then(|s| s.parse::<Number>().ok()).map(Value::Number).unwrap_or(Value::Null)
}

pub fn plan_url(site: &Site, a: &Authority, p: &Plan) -> String {
    format!("{}{}/plans/{}/", site.base_url, a.slug, p.slug)
}

pub fn item_url(site: &Site, a: &Authority, p: &Plan, id: &str) -> String {
    format!("{}items/{id}/", plan_url(site, a, p))
}

fn totals_json(t: &Totals) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("items".into(), json!(t.items));
    m.insert(
        "budget_by_year".into(),
        Value::Object(t.by_year.iter().map(|(y, v)| (y.to_string(), money(v.sum))).collect()),
    );
    m.insert("budget_total".into(), money(t.total));
    // Added to site.md's shape: how many items state no amount, per year, so that a
    // total is never mistaken for complete.
    m.insert(
        "not_stated_by_year".into(),
        Value::Object(t.by_year.iter().map(|(y, v)| (y.to_string(), json!(v.not_stated_items))).collect()),
    );
    m
}

fn by_kind(t: &Totals) -> Value {
    Value::Object(Kind::ALL.iter().map(|k| (k.as_str().to_string(), json!(t.by_kind[*k as usize]))).collect())
}

pub fn plan_json(site: &Site, a: &Authority, p: &Plan, t: &PlanTotals) -> Value {
    let mut totals = totals_json(&t.plan);
    totals.insert("items_by_kind".into(), by_kind(&t.plan));
    totals.insert("funded_items".into(), json!(t.plan.funded));
    totals.insert("items_not_stated".into(), json!(t.plan.items_not_stated));
    let dimensions: Vec<Value> = t
        .dimensions
        .iter()
        .map(|d| {
            let mut m = Map::new();
            m.insert("no".into(), json!(d.no));
            m.insert("title".into(), json!(d.title));
            m.extend(totals_json(&d.totals));
            let missions: Vec<Value> = d
                .missions
                .iter()
                .map(|(no, title, mt)| {
                    let mut mm = Map::new();
                    mm.insert("no".into(), json!(no));
                    mm.insert("title".into(), json!(title));
                    mm.extend(totals_json(mt));
                    Value::Object(mm)
                })
                .collect();
            m.insert("missions".into(), Value::Array(missions));
            Value::Object(m)
        })
        .collect();
    let owners: Vec<Value> = t
        .owners
        .iter()
        .map(|o| json!({"owner": o.owner, "items": o.totals.items, "budget_total": money(o.totals.total),
                        "budget_by_year": Value::Object(o.totals.by_year.iter().map(|(y, v)| (y.to_string(), money(v.sum))).collect())}))
        .collect();
    let items: Vec<Value> = p
        .items
        .iter()
        .map(|i| {
            json!({
                "id": i.id, "dimension": i.dimension, "mission": i.mission, "kind": i.kind.as_str(), "title": i.title,
                "owner": i.owner, "sub_missions": i.sub_missions,
                "budget": Value::Object(i.budget.iter().map(|(y, a)| (y.to_string(), amount(*a))).collect()),
                "note": i.note, "has_detail_page": p.details.contains_key(&i.id),
                "url": item_url(site, a, p, &i.id),
            })
        })
        .collect();
    let stated: Vec<Value> = t
        .stated
        .iter()
        .map(|c| {
            json!({"scope": c.scope.label(), "what": c.what, "year": c.year, "stated": figure(c.stated), "computed": figure(c.computed), "matches": c.matches})
        })
        .collect();
    json!({
        "authority": authority_json(a),
        "plan": {"slug": p.slug, "title": p.title, "fiscal_years": p.fiscal_years, "template": p.template,
                 "adopted": p.adopted.map(|d| d.iso()), "url": plan_url(site, a, p)},
        "totals": Value::Object(totals),
        "dimensions": dimensions,
        "owners": owners,
        "items": items,
        "stated_totals": stated,
    })
}

fn authority_json(a: &Authority) -> Value {
    json!({"slug": a.slug, "name": a.name, "kind": a.kind.as_str(), "province": a.province, "district": a.district, "code": a.code})
}

fn status_json(t: &StatusTotals) -> Value {
    Value::Object(Status::ALL.iter().map(|s| (s.as_str().to_string(), json!(t.count(*s)))).collect())
}

pub fn report_json(site: &Site, a: &Authority, r: &Report, round: &Round) -> Value {
    let t = &round.totals;
    let items: Vec<Value> = round
        .items
        .iter()
        .map(|i| {
            json!({"item": i.id, "title": i.title, "dimension": i.dimension, "kind": i.kind.as_str(), "status": i.status.as_str(),
                   "budget": amount(i.budget), "disbursed": i.disbursed.map(money), "note": i.note, "missing_from_round": i.missing})
        })
        .collect();
    let dimensions: Vec<Value> = round
        .dimensions
        .iter()
        .map(|(no, d)| json!({"no": no, "items": d.items, "by_status": status_json(d), "budget": money(d.budget), "disbursed": money(d.disbursed),
                              "completion_rate": rate(d.completion_rate()), "disbursement_rate": rate(d.disbursement_rate())}))
        .collect();
    let stated: Vec<Value> = round
        .stated
        .iter()
        .map(|c| {
            json!({"what": c.what, "stated": figure(c.stated), "computed": figure(c.computed), "matches": c.matches})
        })
        .collect();
    json!({
        "authority": {"slug": a.slug, "name": a.name},
        "fiscal_year": r.fiscal_year, "period": r.period.as_str(), "plan": r.plan,
        "as_of": r.as_of.map(|d| d.iso()), "published": r.published.map(|d| d.iso()),
        "url": format!("{}{}/reports/{}/", site.base_url, a.slug, r.slug),
        "totals": {
            "items": t.items, "by_status": status_json(t), "missing_from_round": round.items.iter().filter(|i| i.missing).count(),
            "budget": money(t.budget), "budget_not_stated_items": t.budget_not_stated, "disbursed": money(t.disbursed),
            "disbursement_rate": rate(t.disbursement_rate()), "completion_rate": rate(t.completion_rate()),
        },
        "dimensions": dimensions,
        "items": items,
        "stated_summary": stated,
    })
}

const BOM: &str = "\u{FEFF}";

/// A text cell Excel would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
/// leading apostrophe, so opening open data never runs what someone typed into a title.
pub fn csv_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() }
}

fn csv_bytes(header: Vec<String>, rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BOM.as_bytes().to_vec());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(&header);
    for r in rows {
        let _ = w.write_record(&r);
    }
    w.into_inner().unwrap_or_default()
}

fn cell(a: Amount) -> String {
    a.money().map(|m| m.to_decimal_string()).unwrap_or_default()
}

pub fn plan_csv(site: &Site, a: &Authority, p: &Plan) -> Vec<u8> {
    let mut header: Vec<String> = ["id", "dimension", "mission", "kind", "title", "owner"].map(String::from).to_vec();
    header.extend(p.fiscal_years.iter().map(|y| format!("budget_{y}")));
    header.extend(["note", "url"].map(String::from));
    let rows = p
        .items
        .iter()
        .map(|i| {
            let mut r = vec![
                i.id.clone(),
                i.dimension.to_string(),
                i.mission.clone().unwrap_or_default(),
                i.kind.as_str().into(),
                csv_text(&i.title),
                csv_text(&i.owner.join("; ")),
            ];
            r.extend(p.fiscal_years.iter().map(|y| cell(i.amount(*y))));
            r.push(csv_text(i.note.as_deref().unwrap_or_default()));
            r.push(item_url(site, a, p, &i.id));
            r
        })
        .collect();
    csv_bytes(header, rows)
}

pub fn report_csv(round: &Round) -> Vec<u8> {
    let header = [
        "item",
        "title",
        "dimension",
        "kind",
        "status",
        "status_th",
        "budget",
        "disbursed",
        "note",
        "missing_from_round",
    ]
    .map(String::from)
    .to_vec();
    let rows = round
        .items
        .iter()
        .map(|i| {
            vec![
                i.id.clone().unwrap_or_default(),
                csv_text(&i.title),
                i.dimension.map(|d| d.to_string()).unwrap_or_default(),
                i.kind.as_str().into(),
                i.status.as_str().into(),
                i.status.thai().into(),
                cell(i.budget),
                i.disbursed.map(|m| m.to_decimal_string()).unwrap_or_default(),
                csv_text(i.note.as_deref().unwrap_or_default()),
                if i.missing { "true".into() } else { "false".into() },
            ]
        })
        .collect();
    csv_bytes(header, rows)
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_a_spreadsheet_would_run_are_defused() {
        assert_eq!(super::csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(super::csv_text("-1+2"), "'-1+2");
        assert_eq!(super::csv_text("โครงการ"), "โครงการ");
    }
}
