//! A problem found while importing, located as an officer finds it in Excel: file, sheet,
//! row (1-based, as Excel numbers rows) and the column's header.

use super::messages::ImportMsg;
use crate::diag::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    /// The file's name as the officer knows it (`plan.xlsx`), or the target YAML's path.
    pub file: String,
    pub sheet: Option<String>,
    pub row: Option<u32>,
    pub column: Option<String>,
    pub msg: ImportMsg,
}

impl Problem {
    /// `plan.xlsx: แผน แถว 12 คอลัมน์ 'งบประมาณ ปี 2567': '20,0000' ไม่ใช่จำนวนเงินที่ถูกต้อง: …`
    pub fn render(&self, lang: Lang) -> String {
        // The checker's messages carry their own `path:line:column: warning:` form.
        if let ImportMsg::Checker { .. } = self.msg {
            return self.msg.text(lang);
        }
        let th = lang == Lang::Th;
        let mut place = Vec::new();
        if let Some(s) = &self.sheet {
            place.push(s.clone());
        }
        if let Some(r) = self.row {
            place.push(if th { format!("แถว {r}") } else { format!("row {r}") });
        }
        if let Some(c) = &self.column {
            place.push(if th { format!("คอลัมน์ '{c}'") } else { format!("column '{c}'") });
        }
        let mut out = self.file.clone();
        if !place.is_empty() {
            out.push_str(": ");
            out.push_str(&place.join(" "));
        }
        out.push_str(": ");
        if self.severity == Severity::Warning {
            out.push_str(if th { "คำเตือน: " } else { "warning: " });
        }
        out.push_str(&self.msg.text(lang));
        out
    }
}

/// Problems are gathered, never stopped at: an officer fixes a sheet once, not once per error.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Problems {
    pub list: Vec<Problem>,
}

impl Problems {
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|p| p.severity == Severity::Error)
    }
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.list.iter().filter(|p| p.severity == Severity::Error)
    }
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.list.iter().filter(|p| p.severity == Severity::Warning)
    }
    /// Every problem, one per line (errors and warnings in the order found).
    pub fn render(&self, lang: Lang) -> String {
        self.list.iter().map(|p| p.render(lang) + "\n").collect()
    }
}

/// Where problems of one sheet go: the file and sheet are fixed, rows and columns vary.
pub struct Sink {
    pub file: String,
    pub sheet: Option<String>,
    pub problems: Problems,
}

impl Sink {
    pub fn new(file: &str, sheet: Option<&str>) -> Sink {
        Sink { file: file.to_string(), sheet: sheet.map(String::from), problems: Problems::default() }
    }
    fn push(&mut self, severity: Severity, row: Option<u32>, column: Option<&str>, msg: ImportMsg) {
        self.problems.list.push(Problem {
            severity,
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row,
            column: column.map(String::from),
            msg,
        });
    }
    pub fn error(&mut self, row: Option<u32>, column: Option<&str>, msg: ImportMsg) {
        self.push(Severity::Error, row, column, msg);
    }
    pub fn warning(&mut self, row: Option<u32>, column: Option<&str>, msg: ImportMsg) {
        self.push(Severity::Warning, row, column, msg);
    }
}
