//! The content as typed data: what `load` produces and every later stage reads.
//! Positions are kept wherever a later check may need to point back at the source.

use super::dates::Date;
use super::numbers::Money;
use super::yaml::Pos;
use crate::diag::FileId;
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Content {
    pub site: Site,
    pub authorities: Vec<Authority>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Digits {
    #[default]
    Arabic,
    Thai,
}

#[derive(Debug, Default)]
pub struct Site {
    pub title: String,
    pub base_url: String,
    pub language: crate::diag::Lang,
    pub digits: Digits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AuthorityKind {
    Pao,
    Municipality,
    Sao,
    Other,
}

impl AuthorityKind {
    pub const ALL: [AuthorityKind; 4] =
        [AuthorityKind::Pao, AuthorityKind::Municipality, AuthorityKind::Sao, AuthorityKind::Other];
    pub const NAMES: [&'static str; 4] = ["pao", "municipality", "sao", "other"];
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
    pub fn thai(self) -> &'static str {
        ["องค์การบริหารส่วนจังหวัด", "เทศบาล", "องค์การบริหารส่วนตำบล", "อื่น ๆ"][self as usize]
    }
}

#[derive(Debug, Default, Clone)]
pub struct Contact {
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug)]
pub struct Authority {
    pub slug: String,
    pub file: FileId,
    pub name: String,
    pub kind: AuthorityKind,
    pub province: String,
    pub district: Option<String>,
    pub subdistrict: Option<String>,
    pub code: Option<String>,
    pub website: Option<String>,
    pub contact: Option<Contact>,
    pub complaint_channel: Option<String>,
    /// Spelling → the unit it stands for, in file order.
    pub owner_aliases: Vec<(String, String)>,
    pub plans: Vec<Plan>,
    pub reports: Vec<Report>,
    pub ita: Vec<ItaYear>,
    /// Attachments under files/, relative to the authority folder (`files/…`).
    pub files: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Project,
    Activity,
    Measure,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Project, Kind::Activity, Kind::Measure, Kind::Other];
    pub const NAMES: [&'static str; 4] = ["project", "activity", "measure", "other"];
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
    pub fn thai(self) -> &'static str {
        ["โครงการ", "กิจกรรม", "มาตรการ", "อื่น ๆ"][self as usize]
    }
    /// The kind a title announces by its first word, as printed plans do.
    pub fn from_title(title: &str) -> Kind {
        let t = title.trim_start_matches(|c: char| c.is_whitespace() || "\"'“”‘’(".contains(c));
        if t.starts_with("โครงการ") {
            Kind::Project
        } else if t.starts_with("กิจกรรม") {
            Kind::Activity
        } else if t.starts_with("มาตรการ") {
            Kind::Measure
        } else {
            Kind::Other
        }
    }
}

/// A figure printed in a document, or computed from its rows: a count or an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Count(u64),
    Money(Money),
}

impl Figure {
    /// For data files: `41000`, `89141.40`, `27`.
    pub fn decimal(self) -> String {
        match self {
            Figure::Count(n) => n.to_string(),
            Figure::Money(m) => m.to_decimal_string(),
        }
    }
    /// For people: `41,000`, `89,141.40`, `27`.
    pub fn display(self) -> String {
        match self {
            Figure::Count(n) => n.to_string(),
            Figure::Money(m) => m.to_display(),
        }
    }
}

/// A budget cell: an amount (0 = needs no budget) or not stated. Never confused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    NotStated,
    Stated(Money),
}

impl Amount {
    pub fn money(self) -> Option<Money> {
        match self {
            Amount::Stated(m) => Some(m),
            Amount::NotStated => None,
        }
    }
}

#[derive(Debug)]
pub struct Plan {
    pub slug: String,
    pub file: FileId,
    pub title: String,
    pub fiscal_years: Vec<i32>,
    pub template: Option<String>,
    pub adopted: Option<Date>,
    pub document: Option<String>,
    pub dimensions: Vec<Dimension>,
    pub items: Vec<Item>,
    pub stated_totals: Vec<StatedTotal>,
    pub intro: Option<Markdown>,
    pub details: BTreeMap<String, DetailPage>,
}

#[derive(Debug)]
pub struct Dimension {
    pub no: u32,
    pub title: String,
    pub missions: Vec<Mission>,
    pub pos: Pos,
}

#[derive(Debug)]
pub struct Mission {
    pub no: String,
    pub title: String,
    pub sub_missions: Vec<(String, String)>,
    pub pos: Pos,
}

#[derive(Debug)]
pub struct Item {
    pub id: String,
    pub dimension: u32,
    pub mission: Option<String>,
    pub kind: Kind,
    pub title: String,
    pub sub_missions: Vec<String>,
    pub owner: Vec<String>,
    pub owner_pos: Pos,
    /// One entry per fiscal year of the plan, in order.
    pub budget: BTreeMap<i32, Amount>,
    pub quarters: Vec<u8>,
    pub egp: Vec<String>,
    pub note: Option<String>,
    pub pos: Pos,
}

impl Item {
    pub fn amount(&self, year: i32) -> Amount {
        self.budget.get(&year).copied().unwrap_or(Amount::NotStated)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    Plan,
    Dimension(u32),
    Mission(String),
}

impl Scope {
    pub fn label(&self) -> String {
        match self {
            Scope::Plan => "plan".into(),
            Scope::Dimension(n) => format!("dimension {n}"),
            Scope::Mission(m) => format!("mission {m}"),
        }
    }
}

#[derive(Debug)]
pub struct StatedTotal {
    pub scope: Scope,
    pub count: Option<(u64, Pos)>,
    pub budget: Vec<(i32, Amount, Pos)>,
    pub source: Option<String>,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct Markdown {
    pub file: FileId,
    /// The line in the file where the Markdown body starts.
    pub first_line: u32,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub name: String,
    pub target: Option<String>,
}

#[derive(Debug, Clone)]
pub struct BudgetLine {
    pub label: String,
    pub quantity: Option<Money>,
    pub unit: Option<String>,
    pub times: Option<Money>,
    pub unit_price: Option<Money>,
    pub amount: Money,
    pub pos: Pos,
}

#[derive(Debug)]
pub struct DetailPage {
    pub item_id: String,
    pub file: FileId,
    pub title: Option<(String, Pos)>,
    pub owner: Option<(Vec<String>, Pos)>,
    pub target_group: Option<String>,
    pub area: Option<String>,
    pub period: Option<String>,
    pub objectives: Vec<String>,
    pub method: Vec<String>,
    pub indicators: Vec<Indicator>,
    pub outputs: Vec<String>,
    pub outcomes: Vec<String>,
    /// The amount the page states: for every year (key None) or per year.
    pub budget: Vec<(Option<i32>, Money, Pos)>,
    pub budget_lines: Vec<BudgetLine>,
    pub budget_lines_pos: Pos,
    pub body: Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Done,
    InProgress,
    AwaitingReport,
    NotPossible,
    NotStarted,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Done, Status::InProgress, Status::AwaitingReport, Status::NotPossible, Status::NotStarted];
    pub const NAMES: [&'static str; 5] = ["done", "in_progress", "awaiting_report", "not_possible", "not_started"];
    pub const THAI: [&'static str; 5] =
        ["ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "รอรายงาน", "ไม่สามารถดำเนินการได้", "ยังไม่ดำเนินการ"];
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
    pub fn thai(self) -> &'static str {
        Self::THAI[self as usize]
    }
    pub fn parse(text: &str) -> Option<Status> {
        let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let t = t.replace("\u{0E4D}\u{0E32}", "\u{0E33}");
        Self::ALL
            .into_iter()
            .find(|s| t.eq_ignore_ascii_case(s.as_str()) || t == s.thai() || t == s.as_str().replace('_', " "))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    SixMonths,
    TwelveMonths,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::SixMonths => "6m",
            Period::TwelveMonths => "12m",
        }
    }
    pub fn thai(self) -> &'static str {
        match self {
            Period::SixMonths => "รอบ 6 เดือน",
            Period::TwelveMonths => "รอบ 12 เดือน",
        }
    }
}

#[derive(Debug)]
pub struct Report {
    /// `<fiscal-year>-<period>`, e.g. `2566-6m`.
    pub slug: String,
    pub file: FileId,
    pub plan: Option<String>,
    pub plan_pos: Pos,
    pub fiscal_year: i32,
    pub period: Period,
    pub as_of: Option<Date>,
    pub published: Option<Date>,
    pub document: Option<String>,
    pub items: Vec<ReportItem>,
    pub items_pos: Pos,
    pub stated_summary: Vec<(String, Figure, Pos)>,
}

#[derive(Debug)]
pub struct ReportItem {
    /// The plan item's id; None for a standalone report.
    pub item: Option<String>,
    pub title: Option<String>,
    pub kind: Option<Kind>,
    pub dimension: Option<u32>,
    pub status: Status,
    /// As written; None means "the plan's budget for this fiscal year".
    pub budget: Option<Amount>,
    pub disbursed: Option<Money>,
    pub note: Option<String>,
    pub evidence: Vec<String>,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub enum Evidence {
    File(String),
    Link { title: Option<String>, url: String },
}

#[derive(Debug)]
pub struct ItaYear {
    pub year: i32,
    pub file: FileId,
    pub score: Option<String>,
    pub level: Option<String>,
    pub evidence: BTreeMap<String, Vec<Evidence>>,
    pub issues: Vec<ItaIssue>,
}

#[derive(Debug)]
pub struct ItaIssue {
    pub title: String,
    pub pos: Pos,
    pub measures: Vec<ItaMeasure>,
}

#[derive(Debug)]
pub struct ItaMeasure {
    pub no: Option<String>,
    pub title: String,
    pub steps: Vec<String>,
    pub period: Option<String>,
    pub owner: Option<String>,
    pub result: Option<String>,
    pub outcome: Option<String>,
    pub notes: Vec<String>,
}
