//! The ITA item catalogue, by assessment year: which codes exist, what each asks for, and
//! which of them the site fills from its own pages. The codes change every year, so this
//! is data (data/ita/<year>.yaml, embedded), and a site adds or replaces a year with its
//! own `content/_ita/<year>.yaml` without a new release.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fill {
    Contact,
    ComplaintChannel,
    Plan,
    #[serde(rename = "round_6m")]
    Round6m,
    #[serde(rename = "round_12m")]
    Round12m,
    Measures,
    MeasuresResults,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FiscalYear {
    /// The assessment year itself.
    Current,
    /// The year before: the latest complete fiscal year at assessment time.
    Previous,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueItem {
    pub code: String,
    pub name: String,
    pub group: String,
    pub publish: String,
    #[serde(default)]
    pub fill: Option<Fill>,
    #[serde(default)]
    pub fiscal_year: Option<FiscalYear>,
}

impl CatalogueItem {
    /// The fiscal year the item covers for an assessment year.
    pub fn covers(&self, assessment_year: i32) -> i32 {
        match self.fiscal_year {
            Some(FiscalYear::Previous) => assessment_year - 1,
            _ => assessment_year,
        }
    }
    /// Lowercase code, as in the address: `/…/ita/2568/o36/`.
    pub fn slug(&self) -> String {
        self.code.to_lowercase()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub year: i32,
    pub confirmed: bool,
    #[serde(default)]
    pub note: Option<String>,
    pub groups: Vec<Group>,
    pub items: Vec<CatalogueItem>,
}

const SHIPPED: &[(&str, &str)] = &[
    ("2564", include_str!("../../data/ita/2564.yaml")),
    ("2566", include_str!("../../data/ita/2566.yaml")),
    ("2567", include_str!("../../data/ita/2567.yaml")),
    ("2568", include_str!("../../data/ita/2568.yaml")),
    ("2569", include_str!("../../data/ita/2569.yaml")),
];

/// A site's own catalogue folder, beside its authorities (skipped by the content loader).
pub const SITE_DIR: &str = "_ita";

fn parse(name: &str, text: &str) -> Result<Catalogue, String> {
    let c: Catalogue = serde_saphyr::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    let stem = name.rsplit('/').next().unwrap_or(name).trim_end_matches(".yaml");
    if stem != c.year.to_string() {
        return Err(format!("{name}: year {} does not match the file name (expected {}.yaml)", c.year, c.year));
    }
    let mut seen = std::collections::BTreeSet::new();
    for item in &c.items {
        // A code is an address segment (`…/ita/2568/o36/`): letters, digits and '-', unique
        // ignoring case, and never the measures page's name.
        let ok = !item.code.is_empty() && item.code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !ok || item.code.eq_ignore_ascii_case("measures") {
            return Err(format!("{name}: item code '{}' must be letters, digits and '-' (not 'measures')", item.code));
        }
        if !seen.insert(item.code.to_lowercase()) {
            return Err(format!("{name}: item code '{}' appears twice", item.code));
        }
    }
    for item in &c.items {
        if !c.groups.iter().any(|g| g.code == item.group) {
            return Err(format!("{name}: {}: group '{}' is not listed under groups", item.code, item.group));
        }
    }
    Ok(c)
}

/// Every catalogue: the shipped years, with the site's files laid over them (a site file
/// replaces the shipped year of the same number whole).
pub fn load(content_dir: &Path) -> Result<BTreeMap<i32, Catalogue>, String> {
    let mut all = BTreeMap::new();
    for (name, text) in SHIPPED {
        let c = parse(&format!("data/ita/{name}.yaml"), text)?;
        all.insert(c.year, c);
    }
    let dir = content_dir.join(SITE_DIR);
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut files: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for p in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "yaml")) {
            let name = format!("{SITE_DIR}/{}", p.file_name().unwrap_or_default().to_string_lossy());
            let text = std::fs::read_to_string(&p).map_err(|e| format!("{name}: {e}"))?;
            let c = parse(&name, &text)?;
            all.insert(c.year, c);
        }
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> BTreeMap<i32, Catalogue> {
        load(Path::new("/nonexistent")).unwrap()
    }

    #[test]
    fn forty_three_items_in_2566_and_2567_with_the_plan_at_o36() {
        let all = shipped();
        for year in [2566, 2567] {
            let c = &all[&year];
            assert!(c.confirmed);
            let codes: Vec<String> = c.items.iter().map(|i| i.code.clone()).collect();
            let expected: Vec<String> = (1..=43).map(|n| format!("O{n}")).collect();
            assert_eq!(codes, expected, "{year}");
            let by = |code: &str| c.items.iter().find(|i| i.code == code).unwrap();
            assert_eq!(by("O36").name, "แผนปฏิบัติการป้องกันการทุจริต");
            assert_eq!((by("O36").fill, by("O36").covers(year)), (Some(Fill::Plan), year));
            assert_eq!(by("O37").name, "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน");
            assert_eq!((by("O37").fill, by("O37").covers(year)), (Some(Fill::Round6m), year));
            assert_eq!(by("O38").name, "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี");
            assert_eq!((by("O38").fill, by("O38").covers(year)), (Some(Fill::Round12m), year - 1));
            assert_eq!(by("O42").fill, Some(Fill::Measures));
            assert_eq!(by("O43").fill, Some(Fill::MeasuresResults));
            assert_eq!(by("O5").fill, Some(Fill::Contact));
            assert_eq!(by("O28").fill, Some(Fill::ComplaintChannel));
            assert_eq!(by("O1").name, "โครงสร้าง");
            assert_eq!(by("O31").name, "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่");
            assert_eq!(c.items.iter().filter(|i| i.fill.is_some()).count(), 7, "{year}");
        }
    }

    #[test]
    fn older_and_newer_numberings() {
        let all = shipped();
        let c = &all[&2564];
        let plan = c.items.iter().find(|i| i.fill == Some(Fill::Plan)).unwrap();
        assert_eq!(plan.code, "O39");
        assert_eq!(c.items.iter().find(|i| i.fill == Some(Fill::Round6m)).unwrap().code, "O40");
        assert_eq!(c.items.iter().find(|i| i.fill == Some(Fill::Round12m)).unwrap().code, "O41");
        for year in [2568, 2569] {
            assert!(!all[&year].confirmed, "{year} is to be confirmed");
            assert!(all[&year].note.is_some());
        }
        let plan_2569 = all[&2569].items.iter().find(|i| i.fill == Some(Fill::Plan)).unwrap();
        assert_eq!(plan_2569.code, "O23");
        let plan_2568 = all[&2568].items.iter().find(|i| i.fill == Some(Fill::Plan)).unwrap();
        assert_eq!(plan_2568.code, "O25");
    }

    #[test]
    fn a_site_replaces_or_adds_a_year() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(SITE_DIR)).unwrap();
        std::fs::write(
            dir.path().join(SITE_DIR).join("2570.yaml"),
            "year: 2570\nconfirmed: true\ngroups: [{code: \"1\", name: ก}]\nitems:\n  - {code: O7, name: แผน, group: \"1\", publish: แผน, fill: plan, fiscal_year: current}\n",
        )
        .unwrap();
        let all = load(dir.path()).unwrap();
        assert_eq!(all[&2570].items[0].code, "O7");
        assert!(all.contains_key(&2566));
        std::fs::write(dir.path().join(SITE_DIR).join("2571.yaml"), "year: 2571\nconfirmed: true\nbogus: 1\n").unwrap();
        let err = load(dir.path()).unwrap_err();
        assert!(err.contains("_ita/2571.yaml") && err.contains("bogus"), "{err}");
    }
}
