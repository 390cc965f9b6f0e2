//! What every workbook shares: the Thai font, cell formats, print setup, and document
//! properties with a fixed creation date (so a rebuild gives the same bytes).

use crate::content::dates::Date;
use crate::content::model::Amount;
use crate::content::numbers::Money;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// The font of Thai government documents; Excel substitutes another where it is missing.
pub const FONT: &str = "TH Sarabun New";
pub const SIZE: f64 = 16.0;
pub const MONEY: &str = "#,##0.00";
/// The text of a budget cell that states nothing. Never 0: 0 means "needs no budget".
pub const NOT_STATED: &str = "-";
/// Excel's limit for the text of one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// The creation date written when the content gives none.
const FIXED_DATE: (u16, u8, u8) = (2000, 1, 1);

const HEADER_FILL: u32 = 0xDDEBF7;
const TOTAL_FILL: u32 = 0xF2F2F2;
const DIMENSION_FILL: u32 = 0xFFF2CC;

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(SIZE).set_align(FormatAlign::Top)
}

fn cell() -> Format {
    base().set_border(FormatBorder::Thin).set_text_wrap()
}

pub struct Styles {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub text: Format,
    pub dimension: Format,
    pub mission: Format,
    pub money: Format,
    pub not_stated: Format,
    /// An amount too large for a double, as its decimal text.
    pub money_text: Format,
    pub count: Format,
    pub percent: Format,
    pub total_text: Format,
    pub total_money: Format,
    pub total_not_stated: Format,
    /// Column formats: what a cell the officer types into gets.
    pub column_text: Format,
    pub column_money: Format,
    /// Plain wrapped text without a border (the how-to sheets).
    pub prose: Format,
    pub prose_bold: Format,
}

impl Styles {
    pub fn new() -> Styles {
        let total = cell().set_bold().set_background_color(TOTAL_FILL);
        Styles {
            title: base().set_bold().set_font_size(SIZE + 2.0).set_align(FormatAlign::Center),
            subtitle: base().set_bold(),
            header: cell()
                .set_bold()
                .set_background_color(HEADER_FILL)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            text: cell(),
            dimension: cell().set_bold().set_background_color(DIMENSION_FILL),
            mission: cell().set_bold(),
            money: cell().set_num_format(MONEY),
            not_stated: cell().set_align(FormatAlign::Center),
            money_text: cell().set_align(FormatAlign::Right),
            count: cell().set_num_format("#,##0"),
            percent: cell().set_num_format("0.00%"),
            total_money: total.clone().set_num_format(MONEY),
            total_not_stated: total.clone().set_align(FormatAlign::Center),
            total_text: total,
            column_text: base().set_text_wrap(),
            column_money: base().set_num_format(MONEY),
            prose: base().set_text_wrap(),
            prose_bold: base().set_bold().set_text_wrap(),
        }
    }
}

/// What docProps/core.xml says about the file.
pub struct Properties<'a> {
    pub title: &'a str,
    pub company: Option<&'a str>,
    /// The creation date: from the content (a plan's adoption, a round's date), else fixed.
    pub date: Option<Date>,
}

/// Deflate level of the workbooks' zip entries. On a national portal the build writes some
/// 47,000 workbooks: level 3 writes an authority's data files 19% faster than the default 6
/// (`cargo bench --bench hot_paths -- "data files"`) for workbooks 5% larger; level 1
/// saves a little more time but makes them 36% larger.
const ZIP_LEVEL: u8 = 3;

pub fn workbook(p: &Properties) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    // 16-point TH Sarabun New: about 80 pixels for the default column, 32 for a row.
    wb.set_default_format(&base(), 32, 80)?;
    wb.set_zip_compression_level(ZIP_LEVEL);
    let (y, m, d) = p
        .date
        .and_then(|d| Some((u16::try_from(d.year).ok()?, d.month, d.day)))
        .filter(|(y, _, _)| (1900..=9999).contains(y))
        .unwrap_or(FIXED_DATE);
    let created = ExcelDateTime::from_ymd(y, m, d).or_else(|_| {
        let (y, m, d) = FIXED_DATE;
        ExcelDateTime::from_ymd(y, m, d)
    })?;
    let mut props = DocProperties::new()
        .set_title(clip(p.title))
        .set_author("prongsai")
        .set_comment("สร้างโดย prongsai (แผนปฏิบัติการป้องกันการทุจริต)")
        .set_creation_datetime(&created);
    if let Some(c) = p.company {
        props = props.set_company(clip(c));
    }
    wb.set_properties(&props);
    Ok(wb)
}

/// A4 landscape, one page wide, the header row two lines high and repeated on every printed page, and the
/// rows above it frozen on screen.
pub fn page_setup(ws: &mut Worksheet, header_row: u32) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&Cหน้า &P / &N");
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_freeze_panes(header_row + 1, 0)?;
    // Two lines: "งบประมาณ ปี" over the year wraps in the narrow money columns.
    ws.set_row_height(header_row, 42)?;
    Ok(())
}

/// Texts longer than Excel allows in a cell are cut (with an ellipsis) rather than refused.
pub fn clip(s: &str) -> String {
    if s.chars().count() <= MAX_CELL_CHARS {
        return s.to_string();
    }
    let mut out: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
    out.push('…');
    out
}

/// Amounts below this many satang (10,000,000,000,000 baht: 15 significant digits) go
/// into a double and come back as the same decimal; larger ones are written as text.
pub const EXACT_SATANG: u64 = 1_000_000_000_000_000;

/// An exact amount as an Excel number: satang ÷ 100 is the double nearest the decimal
/// (a correctly rounded division), and its shortest form is the decimal again.
pub fn baht(m: Money) -> f64 {
    m.satang() as f64 / 100.0
}

pub fn fits_a_number(m: Money) -> bool {
    m.satang().unsigned_abs() < EXACT_SATANG
}

/// Money: a number with `number` format, or (beyond [`EXACT_SATANG`]) its decimal as text.
pub fn write_money(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    m: Money,
    number: &Format,
    text: &Format,
) -> Result<(), XlsxError> {
    if fits_a_number(m) {
        ws.write_number_with_format(row, col, baht(m), number)?;
    } else {
        ws.write_string_with_format(row, col, m.to_decimal_string(), text)?;
    }
    Ok(())
}

pub fn write_text(ws: &mut Worksheet, row: u32, col: u16, text: &str, f: &Format) -> Result<(), XlsxError> {
    if text.is_empty() {
        ws.write_blank(row, col, f)?;
    } else {
        ws.write_string_with_format(row, col, clip(text), f)?;
    }
    Ok(())
}

/// A budget cell: an amount, `-` for not stated. `blank_if_not_stated`: an empty cell
/// instead of `-` (a template's cell, for the officer to fill).
pub fn write_amount(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    a: Amount,
    st: &Styles,
    blank_if_not_stated: bool,
) -> Result<(), XlsxError> {
    match a {
        Amount::Stated(m) => write_money(ws, row, col, m, &st.money, &st.money_text)?,
        Amount::NotStated if blank_if_not_stated => {
            ws.write_blank(row, col, &st.money)?;
        }
        Amount::NotStated => {
            ws.write_string_with_format(row, col, NOT_STATED, &st.not_stated)?;
        }
    }
    Ok(())
}
