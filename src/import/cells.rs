//! Reading one cell's value: amounts, numbered titles (`มิติที่ 1 …`, `1.1 …`), lists of
//! sub-missions and quarters, owners, ticks. Plans and reports share these.

use super::header::norm;
use super::messages::ImportMsg;
use super::sheet::Cell;
use crate::content::model::{Amount, Kind};
use crate::content::numbers::{Money, NumberError, fold_thai_digits, parse_money};
use crate::diag::Msg;

/// A budget cell. `-`, `–`, `ไม่ระบุ` or blank: not stated; `0`, `ไม่ใช้งบประมาณ`,
/// `ไม่ใช้งบ`: needs no budget; otherwise an exact amount (Excel numbers included).
pub fn amount(cell: &Cell) -> Result<Amount, ImportMsg> {
    match cell {
        Cell::Empty => Ok(Amount::NotStated),
        Cell::Other(text) => Err(ImportMsg::NotAnAmount { text: text.clone() }),
        Cell::MergedAmount(origin) => Err(ImportMsg::MergedAmount { origin: origin.clone() }),
        Cell::Number(text) => match parse_money(text) {
            Ok(m) => Ok(Amount::Stated(m)),
            Err(NumberError::TooManyDecimals) => Err(ImportMsg::TooManyDecimals { text: text.clone() }),
            Err(why) => Err(ImportMsg::Content(Msg::BadAmount { text: text.clone(), why })),
        },
        Cell::Text(raw) => {
            let t = raw.trim();
            if t.is_empty() || matches!(t, "-" | "–" | "—" | "ไม่ระบุ") {
                return Ok(Amount::NotStated);
            }
            let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            if matches!(squeezed.as_str(), "ไม่ใช้งบประมาณ" | "ไม่ใช้งบ") {
                return Ok(Amount::Stated(Money::ZERO));
            }
            parse_money(t).map(Amount::Stated).map_err(|why| ImportMsg::Content(Msg::BadAmount { text: t.into(), why }))
        }
    }
}

/// A title as one line: line breaks inside a cell (Alt+Enter) become spaces; nothing
/// else changes, so every vowel and tone mark stays as typed.
pub fn title_text(text: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// `มิติที่ 1 การสร้าง…`, `๑. การสร้าง…`, `(1.1) การ…`, `1.1.1 …` → the number's parts and
/// the title that follows (as typed, possibly empty). None when it does not start with one.
pub fn numbered(text: &str) -> Option<(Vec<u32>, String)> {
    let text = title_text(text);
    let mut rest = text.as_str();
    for prefix in ["มิติที่", "มิติ", "ภารกิจที่", "ภารกิจ", "ข้อ"]
    {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            break;
        }
    }
    let paren = rest.starts_with('(');
    if paren {
        rest = &rest[1..];
    }
    let mut parts: Vec<u32> = Vec::new();
    let mut digits = String::new();
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        let d = fold_thai_digits(&c.to_string());
        if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() {
            digits.push_str(&d);
            end = i + c.len_utf8();
        } else if c == '.' && !digits.is_empty() {
            parts.push(digits.parse().ok()?);
            digits.clear();
            end = i + 1;
        } else {
            break;
        }
    }
    if !digits.is_empty() {
        parts.push(digits.parse().ok()?);
    }
    if parts.is_empty() || digits.len() > 3 {
        return None;
    }
    let mut tail = &rest[end..];
    if paren {
        tail = tail.strip_prefix(')')?;
    }
    let tail = tail.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | ')'));
    // "1การ…" is a number glued to a word; "13,000" or "2566" is not a numbered title.
    if tail.starts_with(',') {
        return None;
    }
    Some((parts, tail.trim_end().to_string()))
}

/// A code such as `1.1.1` from its parts.
pub fn code(parts: &[u32]) -> String {
    parts.iter().map(u32::to_string).collect::<Vec<_>>().join(".")
}

/// `1.1.1, 1.1.2` (commas, semicolons, slashes, spaces, line breaks or และ between).
pub fn sub_mission_codes(text: &str) -> Option<Vec<String>> {
    let folded = fold_thai_digits(text).replace("และ", ",");
    let mut out = Vec::new();
    for token in folded.split(|c: char| c == ',' || c == ';' || c == '/' || c.is_whitespace()) {
        let token = token.trim().trim_end_matches('.');
        if token.is_empty() {
            continue;
        }
        let parts: Vec<&str> = token.split('.').collect();
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let code = parts.iter().map(|p| p.trim_start_matches('0').to_string()).collect::<Vec<_>>();
        if code.iter().any(String::is_empty) {
            return None;
        }
        let code = code.join(".");
        if !out.contains(&code) {
            out.push(code);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `1, 2`, `1-4`, `ไตรมาสที่ 2-3` → [1, 2] …; None when it is not a list of quarters 1–4.
pub fn quarters(text: &str) -> Option<Vec<u8>> {
    let t = fold_thai_digits(text).replace("ไตรมาสที่", " ").replace("ไตรมาส", " ").replace("และ", ",");
    let mut out: Vec<u8> = Vec::new();
    for token in t.split(|c: char| c == ',' || c == ';' || c == '/' || c.is_whitespace()) {
        if token.is_empty() {
            continue;
        }
        let (a, b) = match token.split_once(['-', '–']) {
            Some((a, b)) => (a.parse::<u8>().ok()?, b.parse::<u8>().ok()?),
            None => {
                let q = token.parse::<u8>().ok()?;
                (q, q)
            }
        };
        if !(1..=4).contains(&a) || !(1..=4).contains(&b) || a > b {
            return None;
        }
        out.extend(a..=b);
    }
    out.sort_unstable();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// The kind as an officer writes it: the Thai word or the English key.
pub fn kind(text: &str) -> Option<Kind> {
    let t = norm(text);
    Kind::ALL.into_iter().find(|k| t == k.as_str() || t == norm(k.thai())).or(match t.as_str() {
        "อื่นๆ" | "อื่น" => Some(Kind::Other),
        _ => None,
    })
}

/// One owner per line of the cell (Alt+Enter); `สำนักการช่าง/กองแผนฯ` stays one owner.
pub fn owners(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

/// e-GP project numbers: separated by commas, spaces or line breaks.
pub fn egp(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// A tick in a status or quarter column: ✓ / x and the like; blank or `-` is no tick.
pub fn tick(cell: &Cell) -> Result<bool, ImportMsg> {
    let Some(t) = cell.text() else { return Ok(false) };
    if matches!(t, "-" | "–" | "—") {
        return Ok(false);
    }
    if matches!(t, "✓" | "✔" | "√" | "☑" | "✅" | "/" | "x" | "X" | "×" | "✗" | "✘" | "*" | "•" | "1") {
        Ok(true)
    } else {
        Err(ImportMsg::BadTick { text: t.to_string() })
    }
}

/// The count printed in a total row: the number before `โครงการ`, `รายการ`, `กิจกรรม` or
/// `มาตรการ` (`รวม 19 โครงการ`, `จำนวน ๗ โครงการ`).
pub fn stated_count(text: &str) -> Option<u64> {
    let t = fold_thai_digits(text);
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == ',') {
                i += 1;
            }
            let number: String = chars[start..i].iter().filter(|c| c.is_ascii_digit()).collect();
            let after: String = chars[i..].iter().skip_while(|c| c.is_whitespace()).collect();
            if ["โครงการ", "รายการ", "กิจกรรม", "มาตรการ"].iter().any(|w| after.starts_with(w))
            {
                return number.parse().ok();
            }
        } else {
            i += 1;
        }
    }
    None
}

/// `รวม`, `รวมมิติที่ 1`, `รวมทั้งสิ้น`, `รวม 19 โครงการ`: a total row, not an item such as
/// `รวมพลังต่อต้านการทุจริต`.
pub fn is_total(text: &str) -> bool {
    let t = norm(text);
    let Some(rest) = t.strip_prefix("รวม") else { return false };
    rest.is_empty()
        || ["ทั้งสิ้น", "ทั้งหมด", "ทั้งแผน", "ทุก", "มิติ", "ภารกิจ", "จำนวน", "ยอด", "งบ", "เงิน", "(", ":"]
            .iter()
            .any(|w| rest.starts_with(w))
        || rest.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn amounts_as_officers_type_them() {
        let baht = |b| Ok(Amount::Stated(Money::from_baht(b)));
        assert_eq!(amount(&text("๑๓,๐๐๐")), baht(13_000));
        assert_eq!(amount(&text("13000 บาท")), baht(13_000));
        assert_eq!(amount(&text("13,000.50")), Ok(Amount::Stated(Money(1_300_050))));
        assert_eq!(amount(&Cell::Number("28256.4".into())), Ok(Amount::Stated(Money(2_825_640))));
        assert_eq!(amount(&text("ไม่ใช้งบประมาณ")), baht(0));
        assert_eq!(amount(&text("ไม่ใช้ งบ")), baht(0));
        assert_eq!(amount(&text("0")), baht(0));
        for blank in ["-", "–", " ", "ไม่ระบุ"] {
            assert_eq!(amount(&text(blank)), Ok(Amount::NotStated), "{blank:?}");
        }
        assert_eq!(amount(&Cell::Empty), Ok(Amount::NotStated));
        assert_eq!(
            amount(&text("20,0000")),
            Err(ImportMsg::Content(Msg::BadAmount { text: "20,0000".into(), why: NumberError::Grouping }))
        );
        assert_eq!(
            amount(&Cell::Number("1234.567".into())),
            Err(ImportMsg::TooManyDecimals { text: "1234.567".into() })
        );
        assert_eq!(amount(&Cell::Other("#DIV/0!".into())), Err(ImportMsg::NotAnAmount { text: "#DIV/0!".into() }));
    }

    #[test]
    fn numbered_titles() {
        let n = |s: &str| numbered(s).map(|(p, t)| (code(&p), t));
        assert_eq!(n("มิติที่ 1 การสร้างวัฒนธรรมสุจริต"), Some(("1".into(), "การสร้างวัฒนธรรมสุจริต".into())));
        assert_eq!(n("๑. การสร้างวัฒนธรรมสุจริต"), Some(("1".into(), "การสร้างวัฒนธรรมสุจริต".into())));
        assert_eq!(n("(1.1) การเสริมสร้าง"), Some(("1.1".into(), "การเสริมสร้าง".into())));
        assert_eq!(n("1.1.1 เสริม\nสร้าง"), Some(("1.1.1".into(), "เสริม สร้าง".into())));
        assert_eq!(n("มิติที่ 2"), Some(("2".into(), String::new())));
        assert_eq!(n("การสร้าง"), None);
        assert_eq!(n("13,000"), None);
    }

    #[test]
    fn lists_in_cells() {
        assert_eq!(sub_mission_codes("1.1.1, ๑.๑.๒"), Some(vec!["1.1.1".into(), "1.1.2".into()]));
        assert_eq!(sub_mission_codes("1.1"), None);
        assert_eq!(quarters("1-3"), Some(vec![1, 2, 3]));
        assert_eq!(quarters("ไตรมาสที่ 2, 4"), Some(vec![2, 4]));
        assert_eq!(quarters("5"), None);
        assert_eq!(kind("โครงการ"), Some(Kind::Project));
        assert_eq!(kind("อื่นๆ"), Some(Kind::Other));
        assert_eq!(kind("Measure"), Some(Kind::Measure));
        assert_eq!(kind("แผนงาน"), None);
        assert_eq!(owners("สำนักการช่าง\nกองแผนฯ"), vec!["สำนักการช่าง", "กองแผนฯ"]);
    }

    #[test]
    fn totals_and_counts() {
        assert!(is_total("รวม"));
        assert!(is_total("รวมมิติที่ 1 จำนวน 7 โครงการ"));
        assert!(is_total("รวมทั้งสิ้น"));
        assert!(is_total("รวม จำนวน ๑๔ โครงการ"));
        assert!(!is_total("รวมพลังต่อต้านการทุจริต"));
        assert_eq!(stated_count("รวมมิติที่ 1 จำนวน 7 โครงการ"), Some(7));
        assert_eq!(stated_count("รวม จำนวน ๑๙ โครงการ"), Some(19));
        assert_eq!(stated_count("รวมมิติที่ 1"), None);
    }
}
