//! Every message the program can say about content, in Thai and in English.
//! One place, so wording stays consistent and translations stay complete.

use super::Lang;
use crate::content::numbers::NumberError;

/// What kind of value a key should hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    Amount,
    Date,
    List,
    Map,
    TextOrList,
    AmountOrMap,
    Year,
}

impl Expected {
    fn th(self) -> &'static str {
        match self {
            Expected::Text => "ข้อความ",
            Expected::Number => "ตัวเลข",
            Expected::Amount => "จำนวนเงิน",
            Expected::Date => "วันที่ (ปปปป-ดด-วว)",
            Expected::List => "รายการ (ขึ้นบรรทัดด้วย - หรือ [ ])",
            Expected::Map => "ชุดข้อมูลแบบ ชื่อ: ค่า",
            Expected::TextOrList => "ข้อความหรือรายการ",
            Expected::AmountOrMap => "จำนวนเงินหรือจำนวนเงินรายปี",
            Expected::Year => "ปีงบประมาณ พ.ศ.",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Expected::Text => "text",
            Expected::Number => "a number",
            Expected::Amount => "an amount of money",
            Expected::Date => "a date (YYYY-MM-DD)",
            Expected::List => "a list",
            Expected::Map => "a mapping of key: value",
            Expected::TextOrList => "text or a list",
            Expected::AmountOrMap => "an amount or amounts per year",
            Expected::Year => "a BE fiscal year",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    // Reading files
    YamlSyntax { detail: String },
    BareDash,
    TabIndent,
    TooDeep,
    TooLarge { limit_mb: usize },
    AliasBomb,
    NotUtf8 { encoding: LegacyEncoding },
    DuplicateKey { key: String, first_line: u32 },
    UnclosedBracket { bracket: char },
    NulByte,
    EmptyFile,
    ReadFailed { detail: String },
    FolderNotFile,
    FrontMatterUnclosed,
    // Shape of a file
    UnknownKey { key: String, suggestion: Option<&'static str>, allowed: Vec<&'static str> },
    MissingKey { key: &'static str },
    WrongType { key: String, expected: Expected },
    BadAmount { text: String, why: NumberError },
    BadCount { text: String },
    BadDate { text: String },
    BadChoice { key: &'static str, text: String, allowed: Vec<&'static str> },
    UnknownStatus { text: String },
    BadSlug { slug: String },
    MissingTitle { what: String },
    // Plans
    FiscalYearsNotConsecutive { years: String },
    BudgetYearOutsidePlan { year: String, first: i32, last: i32 },
    DuplicateItemId { id: String, first_line: u32 },
    MalformedItemId { id: String },
    DuplicateNo { what: &'static str, no: String, first_line: u32 },
    MissionOutsideDimension { mission: String, dimension: u32 },
    BadScope { text: String },
    ScopeNotFound { scope: String },
    // Reports
    UnknownPlan { plan: String },
    ReportUnknownItem { item: String, plan: String },
    ReportFileName { expected: String },
    DuplicateReportItem { item: String, first_line: u32 },
    // Detail pages, files
    DetailUnknownItem { item: String, plan: String },
    PathLeavesContent { path: String },
    PathNotFound { path: String },
    BadLink { url: String },
    PlaceholderBaseUrl { url: String },
    FileNameDisagrees { expected: String },
    MissingRequiredFile { name: &'static str },
    // Warnings
    StatedCountDiffers { scope: String, stated: u64, computed: u64 },
    StatedBudgetDiffers { scope: String, year: i32, stated: String, computed: String },
    StatedSummaryDiffers { what: String, stated: String, computed: String },
    DisbursedAboveBudget { disbursed: String, budget: String },
    DoneNothingDisbursed { budget: String },
    ItemMissingFromRound { item: String, title: String },
    AsOfOutsideYear { date: String, fiscal_year: i32 },
    DetailTitleDiffers { detail: String, plan: String },
    DetailOwnerDiffers { detail: String, plan: String },
    DetailBudgetDiffers { detail: String, year: i32, plan: String },
    BudgetLinesSum { sum: String, expected: String },
    BudgetLineArithmetic { formula: String, product: String, amount: String },
    OwnerAliasFolded { spelling: String, canonical: String },
    UnknownProvince { name: String },
    SaraAmDecomposed,
    HtmlInText,
    DuplicateIssueTitle { title: String, first_line: u32 },
    StepNumberGap { expected: u64, found: u64 },
}

fn number_why(why: &NumberError, lang: Lang) -> &'static str {
    match (why, lang) {
        (NumberError::Empty, Lang::Th) => "ไม่มีตัวเลข",
        (NumberError::Empty, Lang::En) => "there is no number",
        (NumberError::Negative, Lang::Th) => "จำนวนเงินติดลบไม่ได้",
        (NumberError::Negative, Lang::En) => "an amount cannot be negative",
        (NumberError::Grouping, Lang::Th) => "เครื่องหมายจุลภาคต้องคั่นทุก 3 หลัก",
        (NumberError::Grouping, Lang::En) => "thousands separators must stand every three digits",
        (NumberError::TooManyDecimals, Lang::Th) => "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์) ถ้าเป็นหลักพันให้ใช้จุลภาค เช่น 13,000",
        (NumberError::TooManyDecimals, Lang::En) => {
            "at most two decimals (satang); separate thousands with a comma, e.g. 13,000"
        }
        (NumberError::NotANumber, Lang::Th) => "ไม่ใช่ตัวเลข",
        (NumberError::NotANumber, Lang::En) => "not a number",
        (NumberError::TooLarge, Lang::Th) => "ตัวเลขใหญ่เกินไป",
        (NumberError::TooLarge, Lang::En) => "the number is too large",
    }
}

impl Msg {
    pub fn text(&self, lang: Lang) -> String {
        let th = lang == Lang::Th;
        macro_rules! t {
            ($th:expr, $en:expr) => {
                if th { $th } else { $en }
            };
        }
        match self {
            Msg::YamlSyntax { detail } => {
                t!(format!("เขียน YAML ไม่ถูกต้อง ({detail})"), format!("malformed YAML ({detail})"))
            }
            Msg::BareDash => t!("เครื่องหมาย - ตัวเดียวต้องอยู่ในเครื่องหมายคำพูด".into(), "a lone - must be quoted".into()),
            Msg::TabIndent => t!("ย่อหน้าด้วยแท็บไม่ได้ ต้องใช้ช่องว่าง".into(), "indentation must use spaces, not tabs".into()),
            Msg::TooDeep => t!("ข้อมูลซ้อนกันลึกเกินไป (เกิน 64 ชั้น)".into(), "nesting is too deep (over 64 levels)".into()),
            Msg::TooLarge { limit_mb } => {
                t!(format!("ไฟล์ใหญ่เกิน {limit_mb} MB"), format!("the file is larger than {limit_mb} MB"))
            }
            Msg::AliasBomb => t!(
                "ใช้ anchor (&) และ alias (*) มากเกินกว่าที่อ่านได้อย่างปลอดภัย".into(),
                "too many anchors (&) or aliases (*) to read safely".into()
            ),
            Msg::NotUtf8 { encoding: LegacyEncoding::Tis620 } => t!(
                "ไฟล์ไม่ได้บันทึกเป็น UTF-8 ดูเหมือนเป็นรหัสภาษาไทยแบบเก่า (TIS-620/Windows-874)".into(),
                "the file is not UTF-8; it looks like the older Thai encoding TIS-620 (Windows-874)".into()
            ),
            Msg::NotUtf8 { encoding: LegacyEncoding::Utf16 } => t!(
                "ไฟล์บันทึกเป็น UTF-16 (\"Unicode\" ใน Notepad) ไม่ใช่ UTF-8".into(),
                "the file is saved as UTF-16 (\"Unicode\" in Notepad), not UTF-8".into()
            ),
            Msg::NotUtf8 { encoding: LegacyEncoding::Unknown } => {
                t!("ไฟล์ไม่ได้บันทึกเป็น UTF-8".into(), "the file is not valid UTF-8".into())
            }
            Msg::DuplicateKey { key, first_line } => {
                t!(format!("`{key}` ซ้ำกับบรรทัด {first_line}"), format!("`{key}` is already given on line {first_line}"))
            }
            Msg::UnclosedBracket { bracket } => t!(
                format!("เปิดวงเล็บ {bracket} ไว้แต่ไม่ได้ปิด"),
                format!("the bracket {bracket} opened here is never closed")
            ),
            Msg::NulByte => t!(
                "ไฟล์มีอักขระ NUL จึงไม่ใช่ไฟล์ข้อความ (ไฟล์อาจเสียหาย)".into(),
                "the file contains a NUL byte: it is not a text file (it may be damaged)".into()
            ),
            Msg::EmptyFile => t!("ไฟล์ว่าง".into(), "the file is empty".into()),
            Msg::ReadFailed { detail } => {
                t!(format!("อ่านไฟล์ไม่ได้ ({detail})"), format!("cannot read the file ({detail})"))
            }
            Msg::FolderNotFile => {
                t!("ตรงนี้ต้องเป็นไฟล์ แต่พบโฟลเดอร์".into(), "a file was expected here, but this is a folder".into())
            }
            Msg::FrontMatterUnclosed => t!(
                "ส่วนหัว (front matter) เปิดด้วย --- แต่ไม่มี --- ปิด".into(),
                "the front matter opened with --- is never closed by ---".into()
            ),
            Msg::UnknownKey { key, suggestion: Some(s), .. } => {
                t!(format!("ไม่รู้จักชื่อ `{key}` หมายถึง `{s}` หรือไม่?"), format!("unknown key `{key}`; did you mean `{s}`?"))
            }
            Msg::UnknownKey { key, suggestion: None, .. } => {
                t!(format!("ไม่รู้จักชื่อ `{key}`"), format!("unknown key `{key}`"))
            }
            Msg::MissingKey { key } => t!(format!("ขาด `{key}` ซึ่งต้องมี"), format!("missing required key `{key}`")),
            Msg::WrongType { key, expected } => {
                t!(format!("`{key}` ต้องเป็น{}", expected.th()), format!("`{key}` must be {}", expected.en()))
            }
            Msg::BadAmount { text, why } => t!(
                format!("'{text}' ไม่ใช่จำนวนเงินที่ถูกต้อง: {}", number_why(why, lang)),
                format!("'{text}' is not a valid amount: {}", number_why(why, lang))
            ),
            Msg::BadCount { text } => {
                t!(format!("'{text}' ไม่ใช่จำนวนเต็มที่ถูกต้อง"), format!("'{text}' is not a whole number"))
            }
            Msg::BadDate { text } => t!(format!("'{text}' ไม่ใช่วันที่ที่ถูกต้อง"), format!("'{text}' is not a valid date")),
            Msg::BadChoice { key, text, .. } => {
                t!(format!("`{key}` เป็น '{text}' ไม่ได้"), format!("`{key}` cannot be '{text}'"))
            }
            Msg::UnknownStatus { text } => t!(format!("ไม่รู้จักสถานะ '{text}'"), format!("unknown status '{text}'")),
            Msg::BadSlug { slug } => t!(
                format!("ชื่อโฟลเดอร์หรือไฟล์ '{slug}' ใช้เป็นที่อยู่เว็บไม่ได้"),
                format!("'{slug}' cannot be used in a web address")
            ),
            Msg::MissingTitle { what } => t!(
                format!("{what} ไม่มีชื่อ และแม่แบบไม่ได้ให้ชื่อไว้"),
                format!("{what} has no title and the template gives none")
            ),
            Msg::FiscalYearsNotConsecutive { years } => t!(
                format!("ปีงบประมาณต้องเรียงต่อกันทีละปี (พบ {years})"),
                format!("fiscal years must be consecutive (found {years})")
            ),
            Msg::BudgetYearOutsidePlan { year, first, last } => t!(
                format!("ปี {year} อยู่นอกช่วงของแผน ({first}–{last})"),
                format!("year {year} is outside the plan ({first}–{last})")
            ),
            Msg::DuplicateItemId { id, first_line } => t!(
                format!("รหัสรายการ '{id}' ซ้ำกับบรรทัด {first_line}"),
                format!("item id '{id}' is already used on line {first_line}")
            ),
            Msg::MalformedItemId { id } => t!(
                format!("รหัสรายการ '{id}' ใช้ได้เฉพาะ a-z 0-9 . และ -"),
                format!("item id '{id}' may use only a-z, 0-9, '.' and '-'")
            ),
            Msg::DuplicateNo { what, no, first_line } => t!(
                format!("{} {no} ซ้ำกับบรรทัด {first_line}", thai_what(what)),
                format!("{what} {no} is already defined on line {first_line}")
            ),
            Msg::MissionOutsideDimension { mission, dimension } => t!(
                format!("ภารกิจ {mission} ไม่ได้อยู่ในมิติที่ {dimension}"),
                format!("mission {mission} does not belong to dimension {dimension}")
            ),
            Msg::BadScope { text } => t!(format!("ขอบเขต '{text}' ไม่ถูกต้อง"), format!("invalid scope '{text}'")),
            Msg::ScopeNotFound { scope } => {
                t!(format!("ไม่มี{} ในแผนนี้", thai_scope(scope)), format!("the plan has no {scope}"))
            }
            Msg::UnknownPlan { plan } => {
                t!(format!("ไม่พบแผน '{plan}' ในโฟลเดอร์ plans/"), format!("no plan '{plan}' in plans/"))
            }
            Msg::ReportUnknownItem { item, plan } => {
                t!(format!("ไม่มีรายการ '{item}' ในแผน {plan}"), format!("plan {plan} has no item '{item}'"))
            }
            Msg::ReportFileName { expected } => t!(
                format!("ชื่อไฟล์ไม่ตรงกับ fiscal_year และ period ควรเป็น {expected}"),
                format!("the file name disagrees with fiscal_year and period; it should be {expected}")
            ),
            Msg::DuplicateReportItem { item, first_line } => t!(
                format!("รายการ '{item}' รายงานซ้ำกับบรรทัด {first_line}"),
                format!("item '{item}' is already reported on line {first_line}")
            ),
            Msg::DetailUnknownItem { item, plan } => t!(
                format!("หน้ารายละเอียดนี้ไม่ตรงกับรายการใดในแผน {plan} (ไม่มีรายการ '{item}')"),
                format!("this detail page matches no item of plan {plan} (no item '{item}')")
            ),
            Msg::PathLeavesContent { path } => t!(
                format!("ที่อยู่ไฟล์ '{path}' ออกนอกโฟลเดอร์เนื้อหา"),
                format!("the path '{path}' leaves the content folder")
            ),
            Msg::PathNotFound { path } => t!(format!("ไม่พบไฟล์ '{path}'"), format!("file '{path}' not found")),
            Msg::BadLink { url } => t!(
                format!("ลิงก์ '{url}' ใช้ไม่ได้ ต้องขึ้นต้นด้วย https:// หรือ http://"),
                format!("the link '{url}' is not allowed; it must start with https:// or http://")
            ),
            Msg::PlaceholderBaseUrl { url } => t!(
                format!(
                    "base_url '{url}' ยังไม่ใช่ที่อยู่จริงของเว็บไซต์: แก้ใน site.yaml ก่อนเผยแพร่ มิฉะนั้นลิงก์ในแผนผังเว็บไซต์ ฟีด และหน้า ITA จะใช้ไม่ได้"
                ),
                format!(
                    "base_url '{url}' is not the site's real address yet: set it in site.yaml before publishing, or the links in the sitemap, feed and ITA pages will not work"
                )
            ),
            Msg::FileNameDisagrees { expected } => t!(
                format!("ชื่อไฟล์ไม่ตรงกับปีในไฟล์ ควรเป็น {expected}"),
                format!("the file name disagrees with the year inside; it should be {expected}")
            ),
            Msg::MissingRequiredFile { name } => {
                t!(format!("ไม่พบไฟล์ {name} ซึ่งต้องมี"), format!("the required file {name} is missing"))
            }
            Msg::StatedCountDiffers { scope, stated, computed } => t!(
                format!("{} ระบุจำนวน {stated} รายการ แต่นับได้ {computed}", thai_scope(scope)),
                format!("{scope}: the document states {stated} items, but {computed} are listed")
            ),
            Msg::StatedBudgetDiffers { scope, year, stated, computed } => t!(
                format!("{} ปี {year} ระบุงบประมาณ {stated} บาท แต่รวมได้ {computed} บาท", thai_scope(scope)),
                format!("{scope}, {year}: the document states {stated} baht, the items add up to {computed}")
            ),
            Msg::StatedSummaryDiffers { what, stated, computed } => t!(
                format!(
                    "สรุปในเอกสารระบุ {} {stated} {unit} แต่คำนวณได้ {computed} {unit}",
                    summary_label(what),
                    unit = summary_unit(what)
                ),
                format!("the document's summary states {what} = {stated}, computed {computed}")
            ),
            Msg::DisbursedAboveBudget { disbursed, budget } => t!(
                format!("เบิกจ่าย {disbursed} บาท มากกว่างบประมาณ {budget} บาท"),
                format!("disbursed {disbursed} baht is more than the budget of {budget}")
            ),
            Msg::DoneNothingDisbursed { budget } => t!(
                format!("ดำเนินการแล้วเสร็จ แต่ไม่มีการเบิกจ่ายจากงบประมาณ {budget} บาท"),
                format!("marked done, but nothing of its {budget} baht budget was disbursed")
            ),
            Msg::ItemMissingFromRound { item, title } => t!(
                format!("รายการ {item} ({title}) ไม่อยู่ในรอบรายงานนี้ จึงนับเป็นรอรายงาน"),
                format!("item {item} ({title}) is missing from this round; counted as awaiting report")
            ),
            Msg::AsOfOutsideYear { date, fiscal_year } => t!(
                format!("วันที่ข้อมูล {date} อยู่นอกปีงบประมาณ {fiscal_year}"),
                format!("as_of {date} is outside fiscal year {fiscal_year}")
            ),
            Msg::DetailTitleDiffers { detail, plan } => t!(
                format!("ชื่อในหน้ารายละเอียด '{detail}' ต่างจากชื่อในแผน '{plan}'"),
                format!("the detail page title '{detail}' differs from the plan's '{plan}'")
            ),
            Msg::DetailOwnerDiffers { detail, plan } => t!(
                format!("ผู้รับผิดชอบในหน้ารายละเอียด '{detail}' ต่างจากในแผน '{plan}'"),
                format!("the detail page owner '{detail}' differs from the plan's '{plan}'")
            ),
            Msg::DetailBudgetDiffers { detail, year, plan } => t!(
                format!("งบประมาณในหน้ารายละเอียด {detail} บาท ต่างจากในแผนปี {year} ({plan})"),
                format!("the detail page budget of {detail} baht differs from the plan's {year} amount ({plan})")
            ),
            Msg::BudgetLinesSum { sum, expected } => t!(
                format!("รายการค่าใช้จ่ายรวมได้ {sum} บาท ไม่ตรงกับงบประมาณ {expected}"),
                format!("the budget lines add up to {sum} baht, not {expected}")
            ),
            Msg::BudgetLineArithmetic { formula, product, amount } => t!(
                format!("{formula} = {product} บาท แต่ระบุไว้ {amount} บาท"),
                format!("{formula} = {product} baht, but {amount} is written")
            ),
            Msg::OwnerAliasFolded { spelling, canonical } => t!(
                format!("'{spelling}' ถูกนับรวมกับ '{canonical}' ตาม owner_aliases"),
                format!("'{spelling}' is counted as '{canonical}' through owner_aliases")
            ),
            Msg::UnknownProvince { name } => t!(
                format!("ไม่รู้จักจังหวัด '{name}' หน่วยงานนี้จะไม่อยู่ในหน้าจังหวัดของพอร์ทัล"),
                format!("unknown province '{name}': this authority will not appear on a province page of the portal")
            ),
            Msg::SaraAmDecomposed => t!(
                "สระอำเขียนเป็นสองตัวอักษร (ํ + า) แทน ำ".into(),
                "sara am is written as two characters (ํ + า) instead of ำ".into()
            ),
            Msg::HtmlInText => t!(
                "มีแท็ก HTML ในข้อความ แท็กจะถูกแสดงเป็นตัวอักษร ไม่ใช่จัดรูปแบบ".into(),
                "HTML tags in text are shown as text, not as formatting".into()
            ),
            Msg::DuplicateIssueTitle { title, first_line } => t!(
                format!("ประเด็น '{title}' ชื่อซ้ำกับบรรทัด {first_line}"),
                format!("issue '{title}' has the same title as line {first_line}")
            ),
            Msg::StepNumberGap { expected, found } => t!(
                format!("ลำดับขั้นตอนควรเป็น {expected} แต่พบ {found}"),
                format!("step numbering jumps: expected {expected}, found {found}")
            ),
        }
    }

    /// What to do about it, where a hint helps.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        let th = lang == Lang::Th;
        let h = |a: &str, b: &str| Some(if th { a.to_string() } else { b.to_string() });
        match self {
            Msg::BareDash => h(
                r#"เขียน "-" (มีเครื่องหมายคำพูด) เมื่อไม่ระบุจำนวนเงิน"#,
                r#"write "-" in quotes for an amount that is not stated"#,
            ),
            Msg::TabIndent => h("แทนแท็บด้วยช่องว่าง 2 ช่อง", "replace each tab with two spaces"),
            Msg::NotUtf8 { .. } => h(
                "เปิดไฟล์ใน Notepad แล้วเลือก บันทึกเป็น… > การเข้ารหัส: UTF-8 (หรือใน LibreOffice/VS Code เลือก UTF-8)",
                "open the file in Notepad, Save As… > Encoding: UTF-8 (or choose UTF-8 in LibreOffice or VS Code)",
            ),
            Msg::UnknownKey { allowed, .. } if !allowed.is_empty() => {
                Some(format!("{}: {}", if th { "ชื่อที่ใช้ได้" } else { "known keys" }, allowed.join(", ")))
            }
            Msg::BadAmount { why: NumberError::Grouping, .. } => {
                h("เช่น 20,000 หรือ 200,000", "for example 20,000 or 200,000")
            }
            Msg::BadAmount { .. } => h(
                r#"เขียนเป็นตัวเลข เช่น 13000, "13,000" หรือ "๑๓,๐๐๐"; ไม่ระบุให้เขียน "-"; ไม่ใช้งบประมาณให้เขียน 0"#,
                r#"write a number such as 13000, "13,000" or "๑๓,๐๐๐"; "-" when not stated; 0 when no budget is needed"#,
            ),
            Msg::BadDate { .. } => h("เขียนแบบ ปปปป-ดด-วว เช่น 2566-03-31", "write YYYY-MM-DD, e.g. 2566-03-31"),
            Msg::BadChoice { allowed, .. } => {
                Some(format!("{}: {}", if th { "ใช้ได้" } else { "allowed" }, allowed.join(", ")))
            }
            Msg::UnknownStatus { .. } => h(
                "ใช้ได้: done | in_progress | awaiting_report | not_possible | not_started หรือ ดำเนินการแล้วเสร็จ | อยู่ระหว่างดำเนินการ | รอรายงาน | ไม่สามารถดำเนินการได้ | ยังไม่ดำเนินการ",
                "use done | in_progress | awaiting_report | not_possible | not_started, or the Thai labels",
            ),
            Msg::BadSlug { .. } => {
                h("ใช้ตัวอักษร a-z ตัวเลข 0-9 และ - เท่านั้น เช่น bueng-nakhon", "use only a-z, 0-9 and -, e.g. bueng-nakhon")
            }
            Msg::PathLeavesContent { .. } => h(
                "เก็บไฟล์แนบไว้ในโฟลเดอร์ files/ ของหน่วยงาน แล้วอ้างเป็น files/ชื่อไฟล์",
                "keep attachments in the authority's files/ folder and refer to them as files/NAME",
            ),
            Msg::ItemMissingFromRound { .. } => {
                h("เพิ่มรายการนี้ในรายงาน พร้อมสถานะ", "add the item to the round with its status")
            }
            Msg::StatedCountDiffers { .. } | Msg::StatedBudgetDiffers { .. } => h(
                "หน้าเว็บจะแสดงทั้งตัวเลขในเอกสารและตัวเลขที่คำนวณ",
                "the page shows both the printed and the computed figure",
            ),
            Msg::SaraAmDecomposed => h("แทนที่ ํา ด้วย ำ (การค้นหายังพบทั้งสองแบบ)", "replace ํา with ำ (search finds both)"),
            _ => None,
        }
    }
}

/// Which encoding a file that is not UTF-8 seems to be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegacyEncoding {
    Tis620,
    Utf16,
    Unknown,
}

fn summary_label(what: &str) -> &str {
    match what {
        "done" => "ดำเนินการแล้วเสร็จ",
        "in_progress" => "อยู่ระหว่างดำเนินการ",
        "awaiting_report" => "รอรายงาน",
        "not_possible" => "ไม่สามารถดำเนินการได้",
        "not_started" => "ยังไม่ดำเนินการ",
        "total" => "จำนวนรายการทั้งหมด",
        "budget" => "งบประมาณ",
        "disbursed" => "เบิกจ่าย",
        other => other,
    }
}

fn summary_unit(what: &str) -> &str {
    if matches!(what, "budget" | "disbursed") { "บาท" } else { "รายการ" }
}

fn thai_what(what: &str) -> &str {
    match what {
        "dimension" => "มิติที่",
        "mission" => "ภารกิจ",
        "sub-mission" => "ภารกิจย่อย",
        _ => what,
    }
}

/// `dimension 1` → `มิติที่ 1`, `mission 1.1` → `ภารกิจ 1.1`, `plan` → `ทั้งแผน`.
pub fn thai_scope(scope: &str) -> String {
    if scope == "plan" {
        return "ทั้งแผน".into();
    }
    if let Some(n) = scope.strip_prefix("dimension ") {
        return format!("มิติที่ {n}");
    }
    if let Some(n) = scope.strip_prefix("mission ") {
        return format!("ภารกิจ {n}");
    }
    scope.to_string()
}
