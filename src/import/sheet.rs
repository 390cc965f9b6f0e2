//! Reading a workbook (.xlsx, .xls, .ods through calamine) or a .csv into grids of cells.
//! Merged regions of .xlsx/.xls are filled with their top-left value, so a dimension
//! written once and merged down reads the same as one written on every row.

use super::messages::ImportMsg;
use crate::diag::LegacyEncoding;
use calamine::{Data, Reader};
use std::path::Path;

/// One cell as the importer sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// An Excel number, as the exact decimal text of the stored value (`13000`, `28256.4`,
    /// `0.30000000000000004`): never rounded, so a formula's long tail shows up as an error.
    Number(String),
    /// A date, a boolean or an Excel error (`#DIV/0!`), as Excel shows it.
    Other(String),
    /// A cell covered by an amount merged down from the cell named (`D12`).
    MergedAmount(String),
}

impl Cell {
    /// The cell's text with the ends trimmed; None when blank.
    pub fn text(&self) -> Option<&str> {
        let t = match self {
            Cell::Empty => return None,
            Cell::Text(s) | Cell::Number(s) | Cell::Other(s) => s.trim(),
            Cell::MergedAmount(_) => "",
        };
        (!t.is_empty()).then_some(t)
    }
    pub fn is_blank(&self) -> bool {
        self.text().is_none()
    }
}

static EMPTY: Cell = Cell::Empty;

/// Cells by (row, column), both 0-based; row 0 is the sheet's row 1.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Grid {
    rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub fn from_rows(rows: Vec<Vec<Cell>>) -> Grid {
        Grid { rows }
    }
    pub fn get(&self, row: usize, col: usize) -> &Cell {
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&EMPTY)
    }
    pub fn height(&self) -> usize {
        self.rows.len()
    }
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
    pub fn row(&self, row: usize) -> &[Cell] {
        self.rows.get(row).map(Vec::as_slice).unwrap_or(&[])
    }
    fn set(&mut self, row: usize, col: usize, cell: Cell) {
        if self.rows.len() <= row {
            self.rows.resize(row + 1, Vec::new());
        }
        let r = &mut self.rows[row];
        if r.len() <= col {
            r.resize(col + 1, Cell::Empty);
        }
        r[col] = cell;
    }
}

pub struct Sheet {
    /// None for a CSV file, which has no sheets.
    pub name: Option<String>,
    pub grid: Grid,
}

/// The kinds of file the importer reads, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Workbook,
    Csv,
}

pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => Some(Format::Workbook),
        "csv" => Some(Format::Csv),
        _ => None,
    }
}

/// Every sheet of the file, in workbook order. The caller has checked that it exists.
pub fn read(path: &Path) -> Result<Vec<Sheet>, ImportMsg> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_string();
    let format = format_of(path).ok_or(ImportMsg::UnknownExtension { ext: ext.clone() })?;
    let meta = std::fs::metadata(path).map_err(|e| ImportMsg::ReadFailed { detail: e.to_string() })?;
    if meta.len() == 0 {
        return Err(ImportMsg::EmptyFile);
    }
    match format {
        Format::Csv => {
            let bytes = std::fs::read(path).map_err(|e| ImportMsg::ReadFailed { detail: e.to_string() })?;
            Ok(vec![Sheet { name: None, grid: read_csv(&bytes)? }])
        }
        Format::Workbook => read_workbook(path),
    }
}

fn read_workbook(path: &Path) -> Result<Vec<Sheet>, ImportMsg> {
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| ImportMsg::NotAWorkbook { detail: e.to_string() })?;
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        // A chart sheet or a sheet calamine cannot read is not a table: skip it.
        let Ok(range) = wb.worksheet_range(&name) else { continue };
        let mut grid = Grid::default();
        if let Some((r0, c0)) = range.start() {
            for (r, row) in range.rows().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    let cell = cell_of(v);
                    if cell != Cell::Empty {
                        grid.set(r0 as usize + r, c0 as usize + c, cell);
                    }
                }
            }
        }
        let merges = match &mut wb {
            calamine::Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            calamine::Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            // calamine does not report merged regions of .ods and .xlsb: covered cells read
            // blank, which "the same as above" already covers for dimensions and missions.
            _ => Vec::new(),
        };
        for m in merges {
            let (top, left) = (m.start.0 as usize, m.start.1 as usize);
            let value = grid.get(top, left).clone();
            if value == Cell::Empty {
                continue;
            }
            // An amount merged down over several rows is one amount shared by several items:
            // copying it into each row would count it once per row. The rows below get a
            // note instead, which an amount column refuses with its position.
            let amount = match &value {
                Cell::Number(_) => true,
                Cell::Text(t) => crate::content::numbers::parse_money(t).is_ok(),
                _ => false,
            };
            let origin = format!("{}{}", column_letters(left), top + 1);
            for r in top..=m.end.0 as usize {
                for c in left..=m.end.1 as usize {
                    let copy = if amount && r > top { Cell::MergedAmount(origin.clone()) } else { value.clone() };
                    grid.set(r, c, copy);
                }
            }
        }
        out.push(Sheet { name: Some(name), grid });
    }
    Ok(out)
}

/// 0 → A, 25 → Z, 26 → AA: the column as Excel names it.
fn column_letters(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn cell_of(v: &Data) -> Cell {
    match v {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.replace("\r\n", "\n").replace('\r', "\n")),
        // Rust prints the shortest text that reads back as the same f64, never an exponent:
        // 28256.4 stays "28256.4"; 0.1 + 0.2 stays "0.30000000000000004" (and is refused).
        Data::Float(f) => Cell::Number(format!("{f}")),
        Data::Int(i) => Cell::Number(i.to_string()),
        Data::Bool(b) => Cell::Other(if *b { "TRUE".into() } else { "FALSE".into() }),
        Data::DateTime(d) => Cell::Other(d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Other(s.clone()),
        Data::Error(e) => Cell::Other(e.to_string()),
    }
}

/// A CSV file: UTF-8 with or without a BOM; comma, semicolon or tab separated.
pub fn read_csv(bytes: &[u8]) -> Result<Grid, ImportMsg> {
    use crate::content::load::source::{looks_like_tis620, looks_like_utf16};
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || looks_like_utf16(bytes) {
        return Err(ImportMsg::CsvNotUtf8 { encoding: LegacyEncoding::Utf16 });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            let encoding = if looks_like_tis620(bytes) { LegacyEncoding::Tis620 } else { LegacyEncoding::Unknown };
            return Err(ImportMsg::CsvNotUtf8 { encoding });
        }
    };
    if text.trim().is_empty() {
        return Err(ImportMsg::EmptyFile);
    }
    let delimiter = sniff_delimiter(text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportMsg::ReadFailed { detail: e.to_string() })?;
        rows.push(
            record
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.replace("\r\n", "\n").replace('\r', "\n"))
                    }
                })
                .collect(),
        );
    }
    Ok(Grid::from_rows(rows))
}

/// Tab when any of the first lines has one outside quotes; else `;` when it outnumbers `,`
/// there (a semicolon file may still carry unquoted `13,000`); else `,`.
fn sniff_delimiter(text: &str) -> u8 {
    let (mut tabs, mut semis, mut commas) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    let mut lines = 0;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => tabs += 1,
            ';' if !quoted => semis += 1,
            ',' if !quoted => commas += 1,
            '\n' if !quoted => {
                lines += 1;
                if lines >= 30 {
                    break;
                }
            }
            _ => {}
        }
    }
    if tabs > 0 {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(g: &Grid) -> Vec<Vec<Option<String>>> {
        (0..g.height()).map(|r| (0..g.width()).map(|c| g.get(r, c).text().map(String::from)).collect()).collect()
    }

    #[test]
    fn csv_with_bom_and_each_separator() {
        let s = |v: &str| Some(v.to_string());
        for (src, sep) in
            [("\u{FEFF}a,\"13,000\",c\n1,2,3\n", ","), ("a;13,000;c\n1;2;3\n", ";"), ("a\t13,000\tc\n1\t2\t3\n", "\t")]
        {
            let g = read_csv(src.as_bytes()).unwrap();
            assert_eq!(texts(&g)[0], vec![s("a"), s("13,000"), s("c")], "{sep:?}");
            assert_eq!(texts(&g)[1], vec![s("1"), s("2"), s("3")], "{sep:?}");
        }
    }

    #[test]
    fn csv_in_old_thai_encoding_is_named() {
        // "แผนงาน" in TIS-620 (its first three bytes alone happen to be valid UTF-8)
        let bytes = b"\xe1\xbc\xb9\xa7\xd2\xb9,1\n";
        assert_eq!(read_csv(bytes), Err(ImportMsg::CsvNotUtf8 { encoding: LegacyEncoding::Tis620 }));
        assert_eq!(read_csv(b"  \n"), Err(ImportMsg::EmptyFile));
    }

    #[test]
    fn excel_numbers_keep_their_exact_value() {
        assert_eq!(cell_of(&Data::Float(13000.0)), Cell::Number("13000".into()));
        assert_eq!(cell_of(&Data::Float(28256.4)), Cell::Number("28256.4".into()));
        assert_eq!(cell_of(&Data::Float(0.1 + 0.2)), Cell::Number("0.30000000000000004".into()));
        assert_eq!(cell_of(&Data::Float(1e21)), Cell::Number("1000000000000000000000".into()));
    }
}
