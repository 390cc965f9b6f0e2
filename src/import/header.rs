//! Finding the header row and telling columns apart by their words, not their position:
//! every officer's table is laid out a little differently (docs/spreadsheets.md).

use super::sheet::Grid;
use crate::content::model::Status;

/// How many rows from the top the header may start at.
pub const HEADER_SEARCH_ROWS: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Seq,
    Dimension,
    Mission,
    SubMission,
    Id,
    Item,
    Kind,
    /// A budget column; the fiscal year when its header names one.
    Budget(Option<i32>),
    Owner,
    Remark,
    Quarters,
    QuarterTick(u8),
    Egp,
    Status,
    StatusTick(Status),
    Disbursed,
    Unknown,
}

#[derive(Clone, Debug)]
pub struct Column {
    pub index: usize,
    pub kind: Col,
    /// The header as written (both rows of a two-row header, joined by a space).
    pub header: String,
}

#[derive(Clone, Debug)]
pub struct Header {
    /// 0-based rows of the header: one row, or two when it is split.
    pub first_row: usize,
    pub last_row: usize,
    pub columns: Vec<Column>,
}

impl Header {
    pub fn column(&self, kind: Col) -> Option<&Column> {
        self.columns.iter().find(|c| c.kind == kind)
    }
    /// The budget columns that name a year, in sheet order.
    pub fn year_columns(&self) -> impl Iterator<Item = (i32, &Column)> {
        self.columns.iter().filter_map(|c| match c.kind {
            Col::Budget(Some(y)) => Some((y, c)),
            _ => None,
        })
    }
}

/// The folded form header words are compared in: Thai digits to Arabic, ํา to ำ,
/// lower case, every space removed.
pub fn norm(text: &str) -> String {
    crate::search::fold::fold(text).replace(' ', "")
}

/// One line of display text: runs of white space (line breaks too) become one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const ITEM_WORDS: [&str; 7] = ["โครงการ", "กิจกรรม", "มาตรการ", "รายการ", "แผนงาน", "item", "title"];

/// A cell naming the item column: it starts with one of the words (`ชื่อ` may precede) and
/// is short, so a title row such as `รายงานผลการดำเนินโครงการ…` is not taken for it.
pub fn is_item_header(text: &str) -> bool {
    let t = norm(text);
    let t = t.strip_prefix("ชื่อ").unwrap_or(&t);
    t.chars().count() <= 40 && ITEM_WORDS.iter().any(|w| t.starts_with(w))
}

/// The one fiscal year (25xx, Thai or Arabic digits) a header names; None for none or a range.
pub fn year_in(normed: &str) -> Option<i32> {
    let chars: Vec<char> = normed.chars().collect();
    let mut years = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let y: i32 = chars[start..i].iter().collect::<String>().parse().unwrap_or(0);
                if (2400..=2700).contains(&y) && !years.contains(&y) {
                    years.push(y);
                }
            }
        } else {
            i += 1;
        }
    }
    if years.len() == 1 { Some(years[0]) } else { None }
}

/// Which status a column of ticks stands for, by its header.
pub fn status_named(normed: &str) -> Option<Status> {
    let t = normed;
    if let Some(s) = Status::ALL.into_iter().find(|s| t == s.as_str() || t == s.as_str().replace('_', "")) {
        return Some(s);
    }
    if t.contains("ยังไม่") {
        Some(Status::NotStarted)
    } else if t.contains("ไม่สามารถ") {
        Some(Status::NotPossible)
    } else if t.contains("อยู่ระหว่าง") || t.contains("กำลังดำเนินการ")
    {
        Some(Status::InProgress)
    } else if t.contains("รอรายงาน") {
        Some(Status::AwaitingReport)
    } else if t.contains("ดำเนินการแล้ว") || t.contains("แล้วเสร็จ") || t.contains("เสร็จแล้ว")
    {
        Some(Status::Done)
    } else {
        None
    }
}

/// A column's kind from its two header rows (`lower` empty for a one-row header).
pub fn classify(upper: &str, lower: &str) -> Col {
    let (u, l) = (norm(upper), norm(lower));
    let t = if u == l { u.clone() } else { format!("{u}{l}") };
    if t.is_empty() {
        return Col::Unknown;
    }
    let has = |w: &str| t.contains(w);
    if has("หมายเหตุ") || matches!(t.as_str(), "remark" | "remarks" | "note" | "notes") {
        return Col::Remark;
    }
    if has("ผู้รับผิดชอบ") || has("หน่วยงาน") || t == "owner" {
        return Col::Owner;
    }
    if has("ไตรมาส") || t.starts_with("quarter") {
        let after = t.rsplit_once("ไตรมาส").map(|(_, a)| a).or_else(|| t.strip_prefix("quarter")).unwrap_or("");
        let after = after.trim_start_matches("ที่").trim_start_matches('s');
        return match after.parse::<u8>() {
            Ok(q @ 1..=4) => Col::QuarterTick(q),
            _ => Col::Quarters,
        };
    }
    if has("e-gp") || has("egp") || has("เลขที่โครงการ") {
        return Col::Egp;
    }
    if has("เบิกจ่าย") || has("ใช้จ่ายจริง") || has("ใช้ไป") || has("disburse")
    {
        return Col::Disbursed;
    }
    if has("สถานะ") || t == "status" {
        return Col::Status;
    }
    if let Some(s) = status_named(&t) {
        return Col::StatusTick(s);
    }
    if has("ภารกิจย่อย") || t == "ข้อ" || has("sub-mission") || has("submission") {
        return Col::SubMission;
    }
    if has("ภารกิจ") || has("mission") {
        return Col::Mission;
    }
    if has("มิติ") || has("dimension") {
        return Col::Dimension;
    }
    if t.starts_with("ลำดับ") || matches!(t.as_str(), "ที่" | "no" | "no." | "#") {
        return Col::Seq;
    }
    if t.starts_with("รหัส") || matches!(t.as_str(), "id" | "code") {
        return Col::Id;
    }
    if has("ประเภท") || matches!(t.as_str(), "kind" | "type") {
        return Col::Kind;
    }
    // The lower row names the year under a merged `งบประมาณ (พ.ศ. 2566–2570)`.
    if let Some(y) = year_in(&l).or_else(|| year_in(&u)) {
        return Col::Budget(Some(y));
    }
    if has("งบประมาณ") || t.starts_with("budget") {
        return Col::Budget(None);
    }
    if is_item_header(upper) || is_item_header(lower) {
        return Col::Item;
    }
    Col::Unknown
}

/// Text that is data rather than a header word: it starts with a number (a year alone
/// excepted) or with `มิติที่ N`.
fn is_data_like(text: &str) -> bool {
    let t = norm(text);
    let t = t.trim_start_matches('(');
    let starts_digit = t.chars().next().is_some_and(|c| c.is_ascii_digit());
    let bare_year = t.chars().all(|c| c.is_ascii_digit()) && year_in(t).is_some();
    (starts_digit && !bare_year) || t.strip_prefix("มิติที่").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// The header of `grid`, if one of its first rows names the item column.
pub fn find(grid: &Grid) -> Option<Header> {
    let width = grid.width();
    // A header row names the item column and at least one other known column (not a value
    // such as `ไม่ใช้งบประมาณ`): a first item titled `โครงการ…` under a missing header is not
    // taken for one.
    let header_like = |t: &str| {
        let amount = super::cells::amount(&super::sheet::Cell::Text(t.to_string())).is_ok();
        !amount && !is_item_header(t) && !is_data_like(t) && classify(t, "") != Col::Unknown
    };
    let first = (0..grid.height().min(HEADER_SEARCH_ROWS)).find(|&r| {
        let texts: Vec<&str> = (0..width).filter_map(|c| grid.get(r, c).text()).collect();
        let next: Vec<&str> = (0..width).filter_map(|c| grid.get(r + 1, c).text()).collect();
        texts.iter().any(|t| is_item_header(t))
            && (texts.iter().any(|t| header_like(t)) || next.iter().any(|t| header_like(t)))
    })?;
    let second = first + 1;
    let upper: Vec<Option<String>> = (0..width).map(|c| grid.get(first, c).text().map(one_line)).collect();
    let lower: Vec<Option<String>> = (0..width).map(|c| grid.get(second, c).text().map(one_line)).collect();
    // An upper cell left blank over a lower one belongs to the group header to its left,
    // as a merge would show it (CSV and .ods carry no merges).
    let mut group: Option<String> = None;
    let mut grouped = Vec::with_capacity(width);
    for c in 0..width {
        let u = match (&upper[c], &lower[c]) {
            (Some(u), Some(_)) => {
                group = Some(u.clone());
                Some(u.clone())
            }
            (Some(u), None) => {
                group = None;
                Some(u.clone())
            }
            (None, Some(_)) => group.clone(),
            (None, None) => {
                group = None;
                None
            }
        };
        grouped.push(u);
    }
    let continues = (0..width).any(|c| lower[c].is_some())
        && (0..width).all(|c| match (&lower[c], &upper[c]) {
            (None, _) => true,
            (Some(l), Some(u)) if l == u => true,
            // The item column's lower cell is blank or merged: anything else is a first item.
            (Some(_), Some(u)) if is_item_header(u) => false,
            (Some(l), _) => {
                let under = grouped[c].as_deref().unwrap_or("");
                let quarter = norm(under).contains("ไตรมาส") && matches!(norm(l).as_str(), "1" | "2" | "3" | "4");
                quarter || (!is_data_like(l) && classify(l, "") != Col::Unknown)
            }
        });
    let mut columns = Vec::new();
    for c in 0..width {
        let u = if continues { grouped[c].clone() } else { upper[c].clone() }.unwrap_or_default();
        let l = if continues { lower[c].clone() } else { None }.unwrap_or_default();
        if u.is_empty() && l.is_empty() {
            continue;
        }
        let (header, kind) = if l.is_empty() || l == u {
            (u.clone(), classify(&u, ""))
        } else if u.is_empty() {
            (l.clone(), classify(&l, ""))
        } else {
            (format!("{u} {l}"), classify(&u, &l))
        };
        columns.push(Column { index: c, kind, header });
    }
    Some(Header { first_row: first, last_row: if continues { second } else { first }, columns })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_their_words() {
        assert_eq!(classify("มิติ", ""), Col::Dimension);
        assert_eq!(classify("ภารกิจตามมิติ", ""), Col::Mission);
        assert_eq!(classify("ภารกิจย่อย", ""), Col::SubMission);
        assert_eq!(classify("ข้อ", ""), Col::SubMission);
        assert_eq!(classify("ลำดับที่", ""), Col::Seq);
        assert_eq!(classify("ที่", ""), Col::Seq);
        assert_eq!(classify("รหัส", ""), Col::Id);
        assert_eq!(classify("โครงการ/กิจกรรม/มาตรการ", ""), Col::Item);
        assert_eq!(classify("ชื่อโครงการ", ""), Col::Item);
        assert_eq!(classify("ประเภท", ""), Col::Kind);
        assert_eq!(classify("งบประมาณ", "๒๕๖๖"), Col::Budget(Some(2566)));
        assert_eq!(classify("งบประมาณ (พ.ศ. 2566 – 2570)", "2567"), Col::Budget(Some(2567)));
        assert_eq!(classify("งบประมาณ ปี 2567 (บาท)", ""), Col::Budget(Some(2567)));
        assert_eq!(classify("งบประมาณ", ""), Col::Budget(None));
        assert_eq!(classify("หน่วยงานที่รับผิดชอบ", ""), Col::Owner);
        assert_eq!(classify("หมายเหตุ", ""), Col::Remark);
        assert_eq!(classify("ไตรมาส", ""), Col::Quarters);
        assert_eq!(classify("ไตรมาส", "ไตรมาสที่ 2"), Col::QuarterTick(2));
        assert_eq!(classify("เลขที่โครงการ e-GP", ""), Col::Egp);
        assert_eq!(classify("สถานะ", ""), Col::Status);
        assert_eq!(classify("ผลการดำเนินงาน", "ดำเนินการแล้ว"), Col::StatusTick(Status::Done));
        assert_eq!(classify("ยังไม่ดำเนินการ", ""), Col::StatusTick(Status::NotStarted));
        assert_eq!(classify("เบิกจ่าย", ""), Col::Disbursed);
        assert_eq!(classify("ตัวชี้วัด", ""), Col::Unknown);
    }

    #[test]
    fn a_title_row_is_not_the_header() {
        assert!(!is_item_header("รายงานผลการดำเนินโครงการตามแผนปฏิบัติการป้องกันการทุจริต"));
        assert!(!is_item_header("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566 – 2570)"));
        assert!(is_item_header("โครงการ / กิจกรรม / มาตรการ"));
    }
}
