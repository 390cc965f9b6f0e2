//! What the importer can say about a spreadsheet, in Thai and in English. Messages the
//! content loader already words (an amount, a status, an id) are reused through `Content`.

use crate::diag::{Lang, LegacyEncoding, Msg};

#[derive(Clone, Debug, PartialEq)]
pub enum ImportMsg {
    // The input file
    FileNotFound,
    UnknownExtension {
        ext: String,
    },
    EmptyFile,
    ReadFailed {
        detail: String,
    },
    NotAWorkbook {
        detail: String,
    },
    CsvNotUtf8 {
        encoding: LegacyEncoding,
    },
    NoHeader,
    // Columns
    UnknownColumn,
    ColumnNotRead {
        report: bool,
    },
    DuplicateColumn {
        first: String,
    },
    NoBudgetColumn,
    YearsNotConsecutive {
        columns: String,
        years: String,
    },
    NoStatusColumn,
    NoDimension,
    // Cells and rows
    Content(Msg),
    TooManyDecimals {
        text: String,
    },
    MergedAmount {
        origin: String,
    },
    NotAnAmount {
        text: String,
    },
    BadDimension {
        text: String,
    },
    BadMission {
        text: String,
    },
    MissionOutsideDimension {
        mission: String,
        dimension: u32,
    },
    DimensionAgain {
        no: u32,
        first_row: u32,
    },
    MissionAgain {
        no: String,
        first_row: u32,
    },
    ItemWithoutDimension,
    /// `scope` as in stated totals: `dimension 1`, `mission 1.1`.
    MissingTitle {
        scope: String,
    },
    TitleDiffers {
        scope: String,
        first_row: u32,
    },
    BadKind {
        text: String,
    },
    BadSubMissions {
        text: String,
    },
    BadQuarters {
        text: String,
    },
    DuplicateId {
        id: String,
        first_row: u32,
    },
    AmountsWithoutTitle,
    RowIgnored,
    DuplicateTotal {
        scope: String,
        first_row: u32,
    },
    NoItems,
    SlugYears {
        slug: String,
        first: i32,
        last: i32,
    },
    // Reports
    BadRound {
        round: String,
    },
    NoPlanForYear {
        year: i32,
    },
    SeveralPlans {
        year: i32,
        plans: String,
    },
    PlanNotFound {
        plan: String,
    },
    PlanYearOutside {
        plan: String,
        year: i32,
    },
    UnknownItemId {
        id: String,
        plan: String,
    },
    NoMatchingItem {
        title: String,
        plan: String,
    },
    AmbiguousTitle {
        title: String,
        ids: String,
    },
    ItemTwice {
        id: String,
        first_row: u32,
    },
    StatusMissing,
    StatusBlank {
        id: String,
    },
    SeveralTicks {
        statuses: String,
    },
    BadTick {
        text: String,
    },
    ItemNotInSheet {
        id: String,
        title: String,
    },
    TitleNotPlans {
        id: String,
        plan_title: String,
    },
    // The target
    ContentMissing {
        dir: String,
    },
    AuthorityMissing {
        slug: String,
        dir: String,
    },
    Exists,
    WriteFailed {
        detail: String,
    },
    /// The written file failed `prongsai check`: the checker's own messages, in both languages.
    Rejected {
        th: String,
        en: String,
    },
    /// A warning of the checker about the written file, in both languages.
    Checker {
        th: String,
        en: String,
    },
}

const STATUS_WORDS_TH: &str = "ดำเนินการแล้วเสร็จ, อยู่ระหว่างดำเนินการ, รอรายงาน, ไม่สามารถดำเนินการได้, ยังไม่ดำเนินการ";

impl ImportMsg {
    pub fn text(&self, lang: Lang) -> String {
        let th = lang == Lang::Th;
        macro_rules! t {
            ($th:expr, $en:expr) => {
                if th { $th } else { $en }
            };
        }
        use ImportMsg::*;
        match self {
            FileNotFound => t!("ไม่พบไฟล์".into(), "file not found".into()),
            UnknownExtension { ext } => {
                let (shown_th, shown_en) = if ext.is_empty() {
                    ("ไฟล์นี้ไม่มีนามสกุล".to_string(), "this one has none".to_string())
                } else {
                    (format!("ไฟล์นี้เป็น .{ext}"), format!("this one is .{ext}"))
                };
                t!(
                    format!("อ่านได้เฉพาะไฟล์ .xlsx, .xls, .ods และ .csv ({shown_th})"),
                    format!("only .xlsx, .xls, .ods and .csv files can be read ({shown_en})")
                )
            }
            EmptyFile => t!("ไฟล์ว่าง".into(), "the file is empty".into()),
            ReadFailed { detail } => t!(format!("อ่านไฟล์ไม่ได้ ({detail})"), format!("cannot read the file ({detail})")),
            NotAWorkbook { detail } => t!(
                format!("เปิดเป็นตารางคำนวณไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ Excel/LibreOffice ({detail})"),
                format!("cannot open it as a spreadsheet: the file may be damaged or not an Excel/LibreOffice file ({detail})")
            ),
            CsvNotUtf8 { encoding } => {
                let (what_th, what_en) = match encoding {
                    LegacyEncoding::Tis620 => (
                        "ไม่ได้บันทึกเป็น UTF-8 น่าจะเป็นรหัสภาษาไทยแบบเก่า (TIS-620/Windows-874)",
                        "is not UTF-8; it is probably the older Thai encoding TIS-620 (Windows-874)",
                    ),
                    LegacyEncoding::Utf16 => ("บันทึกเป็น UTF-16 ไม่ใช่ UTF-8", "is saved as UTF-16, not UTF-8"),
                    LegacyEncoding::Unknown => ("ไม่ได้บันทึกเป็น UTF-8", "is not UTF-8"),
                };
                t!(
                    format!("ไฟล์ CSV {what_th}: บันทึกใหม่เป็น CSV UTF-8 (ใน Excel เลือก บันทึกเป็น > CSV UTF-8 (คั่นด้วยจุลภาค))"),
                    format!("the CSV file {what_en}: save it again as CSV UTF-8 (in Excel: Save As > CSV UTF-8 (Comma delimited))")
                )
            }
            NoHeader => t!(
                "ไม่พบแถวหัวตาราง: ใน 20 แถวแรกไม่มีเซลล์ที่เป็นหัวคอลัมน์ของรายการ (โครงการ/กิจกรรม/มาตรการ, รายการ, ชื่อโครงการ, item หรือ title)".into(),
                "no header row: none of the first 20 rows has a cell naming the item column (โครงการ/กิจกรรม/มาตรการ, รายการ, ชื่อโครงการ, item or title)".into()
            ),
            UnknownColumn => t!(
                "ไม่รู้จักคอลัมน์นี้ จึงไม่ได้อ่านข้อมูลในคอลัมน์".into(),
                "unknown column: its cells are not read".into()
            ),
            ColumnNotRead { report } => t!(
                format!("คอลัมน์นี้ไม่ใช้ใน{} จึงไม่ได้อ่าน", if *report { "รายงาน" } else { "แผน" }),
                format!("this column is not used in a {}: its cells are not read", if *report { "report" } else { "plan" })
            ),
            DuplicateColumn { first } => t!(
                format!("คอลัมน์นี้ซ้ำกับคอลัมน์ '{first}' ให้เหลือคอลัมน์เดียว"),
                format!("this column repeats the column '{first}'; keep only one")
            ),
            NoBudgetColumn => t!(
                "ไม่มีคอลัมน์งบประมาณรายปี: หัวคอลัมน์ต้องมีปี พ.ศ. เช่น 'งบประมาณ ปี 2566' หรือ 'งบประมาณ' เหนือ '2566 | 2567 | …'".into(),
                "no budget column per year: the header must carry the BE year, e.g. 'งบประมาณ ปี 2566', or 'งบประมาณ' above '2566 | 2567 | …'".into()
            ),
            YearsNotConsecutive { columns, years } => t!(
                format!("ปีงบประมาณของคอลัมน์ {columns} ไม่ต่อเนื่องกัน ({years}): แผนต้องมีทุกปีเรียงกัน"),
                format!("the fiscal years of the columns {columns} are not consecutive ({years}): a plan has every year in order")
            ),
            NoStatusColumn => t!(
                format!("ไม่มีคอลัมน์สถานะ: ต้องมีคอลัมน์ 'สถานะ' หรือคอลัมน์ละหนึ่งสถานะ ({STATUS_WORDS_TH})"),
                "no status column: a report needs a column 'สถานะ' (status) or one column per status".into()
            ),
            NoDimension => t!(
                "ไม่มีคอลัมน์ 'มิติ' และไม่มีแถว 'มิติที่ …' ก่อนรายการแรก".into(),
                "there is no column 'มิติ' (dimension) and no row 'มิติที่ …' before the first item".into()
            ),
            // An unknown status word: say which words are allowed, as `check` does.
            Content(msg @ Msg::UnknownStatus { .. }) => match msg.hint(lang) {
                Some(h) => format!("{}: {h}", msg.text(lang)),
                None => msg.text(lang),
            },
            Content(msg) => msg.text(lang),
            TooManyDecimals { text } => t!(
                format!("'{text}' มีทศนิยมเกิน 2 ตำแหน่ง (อาจเป็นผลของสูตร) จำนวนเงินมีได้ถึงสตางค์: ปัดในแผ่นงานด้วย ROUND(…, 2) หรือพิมพ์จำนวนเงินแทนสูตร"),
                format!("'{text}' has more than two decimals (a formula's result?); money goes down to the satang: round it in the sheet with ROUND(…, 2) or type the amount")
            ),
            MergedAmount { origin } => t!(
                format!("เซลล์นี้ผสานกับเซลล์ {origin} ซึ่งมีจำนวนเงิน: ยอดเดียวจะถูกนับซ้ำทุกแถว ยกเลิกการผสานเซลล์ แล้วใส่จำนวนเงินของแต่ละรายการ (หรือ 0 / - )"),
                format!("this cell is merged with {origin}, which holds an amount: one amount would be counted on every row; unmerge the cells and give each item its own amount (or 0 / -)")
            ),
            NotAnAmount { text } => t!(
                format!("'{text}' ไม่ใช่จำนวนเงิน (เซลล์เป็นวันที่ ค่าจริง/เท็จ หรือค่าผิดพลาดของสูตร)"),
                format!("'{text}' is not an amount (the cell holds a date, a true/false value or a formula error)")
            ),
            BadDimension { text } => t!(
                format!("'{text}' ต้องขึ้นต้นด้วยเลขของมิติ เช่น 'มิติที่ 1 การสร้างวัฒนธรรมสุจริต' หรือ '1 การสร้าง…'"),
                format!("'{text}' must start with the dimension's number, e.g. 'มิติที่ 1 …' or '1 …'")
            ),
            BadMission { text } => t!(
                format!("'{text}' ต้องขึ้นต้นด้วยเลขของภารกิจ เช่น '1.1 การเสริมสร้าง…' (หรือ 1.1.1 สำหรับภารกิจย่อย)"),
                format!("'{text}' must start with the mission's number, e.g. '1.1 …' (or 1.1.1 for a sub-mission)")
            ),
            MissionOutsideDimension { mission, dimension } => t!(
                format!("ภารกิจ {mission} ไม่ได้อยู่ในมิติที่ {dimension} ซึ่งเป็นมิติของแถวนี้"),
                format!("mission {mission} is not part of dimension {dimension}, the dimension of this row")
            ),
            DimensionAgain { no, first_row } => t!(
                format!("มิติที่ {no} เริ่มไปแล้วที่แถว {first_row}: แถวของมิติเดียวกันต้องอยู่ติดกัน"),
                format!("dimension {no} already started on row {first_row}: the rows of one dimension must stay together")
            ),
            MissionAgain { no, first_row } => t!(
                format!("ภารกิจ {no} เริ่มไปแล้วที่แถว {first_row}: แถวของภารกิจเดียวกันต้องอยู่ติดกัน"),
                format!("mission {no} already started on row {first_row}: the rows of one mission must stay together")
            ),
            ItemWithoutDimension => t!(
                "รายการนี้ไม่อยู่ในมิติใด: เขียนมิติในคอลัมน์ 'มิติ' หรือเพิ่มแถว 'มิติที่ …' ไว้ก่อน".into(),
                "this item is in no dimension: write it in the column 'มิติ' or add a row 'มิติที่ …' above".into()
            ),
            MissingTitle { scope } => t!(
                format!("{} ไม่มีชื่อ: เขียนชื่อต่อจากเลข เช่น '{} …'", thai_scope(scope), thai_scope(scope)),
                format!("{scope} has no title: write it after the number")
            ),
            TitleDiffers { scope, first_row } => t!(
                format!("ชื่อของ{}ในแถวนี้ต่างจากแถว {first_row}: ใช้ชื่อในแถว {first_row}", thai_scope(scope)),
                format!("the title of {scope} on this row differs from row {first_row}; the one on row {first_row} is kept")
            ),
            BadKind { text } => t!(
                format!("ประเภท '{text}' ไม่ถูกต้อง ใช้ได้: โครงการ, กิจกรรม, มาตรการ, อื่น ๆ (หรือ project, activity, measure, other)"),
                format!("unknown kind '{text}': use project, activity, measure, other (or โครงการ, กิจกรรม, มาตรการ, อื่น ๆ)")
            ),
            BadSubMissions { text } => t!(
                format!("'{text}' ไม่ใช่รหัสภารกิจย่อย เขียนเช่น 1.1.1 หรือ 1.1.1, 1.1.2"),
                format!("'{text}' is not a list of sub-mission codes such as 1.1.1 or 1.1.1, 1.1.2")
            ),
            BadQuarters { text } => t!(
                format!("'{text}' ไม่ใช่ไตรมาส: เขียนเลข 1–4 เช่น 1, 2 หรือ 1-4"),
                format!("'{text}' is not a list of quarters: write 1–4, e.g. 1, 2 or 1-4")
            ),
            DuplicateId { id, first_row } => t!(
                format!("รหัส '{id}' ซ้ำกับรหัสของรายการในแถว {first_row}"),
                format!("the id '{id}' is already the id of the item on row {first_row}")
            ),
            AmountsWithoutTitle => t!(
                "แถวนี้มีข้อมูล (จำนวนเงินหรือสถานะ) แต่ไม่มีชื่อโครงการ/กิจกรรม/มาตรการ".into(),
                "this row has data (amounts or a status) but no item title".into()
            ),
            RowIgnored => t!(
                "แถวนี้ไม่มีชื่อโครงการ/กิจกรรม/มาตรการ จึงไม่ได้อ่าน".into(),
                "this row has no item title and is not read".into()
            ),
            DuplicateTotal { scope, first_row } => t!(
                format!("ยอดรวมของ{} ซ้ำกับแถว {first_row}", thai_scope(scope)),
                format!("a total for {scope} is already given on row {first_row}")
            ),
            NoItems => t!("ไม่พบรายการใดใต้หัวตาราง".into(), "no item rows below the header".into()),
            SlugYears { slug, first, last } => t!(
                format!("ชื่อแผน '{slug}' ไม่ตรงกับปีของคอลัมน์งบประมาณ ({first}–{last})"),
                format!("the plan name '{slug}' does not match the years of the budget columns ({first}–{last})")
            ),
            BadRound { round } => t!(
                format!("รอบรายงาน '{round}' ต้องเขียนแบบ <ปีงบประมาณ>-6m หรือ <ปีงบประมาณ>-12m เช่น 2566-6m"),
                format!("the round '{round}' must be <fiscal year>-6m or <fiscal year>-12m, e.g. 2566-6m")
            ),
            NoPlanForYear { year } => t!(
                format!("หน่วยงานนี้ไม่มีแผนที่ครอบคลุมปีงบประมาณ {year}: นำเข้าแผนก่อน หรือระบุ --plan"),
                format!("no plan of this authority covers fiscal year {year}: import the plan first, or give --plan")
            ),
            SeveralPlans { year, plans } => t!(
                format!("มีหลายแผนที่ครอบคลุมปีงบประมาณ {year} ({plans}): ระบุแผนด้วย --plan"),
                format!("several plans cover fiscal year {year} ({plans}): choose one with --plan")
            ),
            PlanNotFound { plan } => t!(
                format!("ไม่พบแผน '{plan}' ของหน่วยงานนี้ หรือแผนมีข้อผิดพลาด (ตรวจด้วย prongsai check)"),
                format!("the plan '{plan}' of this authority is missing or has errors (see prongsai check)")
            ),
            PlanYearOutside { plan, year } => t!(
                format!("แผน '{plan}' ไม่มีปีงบประมาณ {year}"),
                format!("the plan '{plan}' does not cover fiscal year {year}")
            ),
            UnknownItemId { id, plan } => t!(
                format!("ไม่มีรายการรหัส '{id}' ในแผน {plan}"),
                format!("the plan {plan} has no item with the id '{id}'")
            ),
            NoMatchingItem { title, plan } => t!(
                format!("'{title}' ไม่ตรงกับรายการใดในแผน {plan}: ตรวจชื่อ หรือเพิ่มคอลัมน์ 'รหัส'"),
                format!("'{title}' matches no item of the plan {plan}: check the title, or add a column 'รหัส' (id)")
            ),
            AmbiguousTitle { title, ids } => t!(
                format!("'{title}' ตรงกับหลายรายการในแผน ({ids}): ใส่รหัสในคอลัมน์ 'รหัส'"),
                format!("'{title}' matches several items of the plan ({ids}): give the id in a column 'รหัส'")
            ),
            ItemTwice { id, first_row } => t!(
                format!("รายการ '{id}' อยู่ในแถว {first_row} แล้ว"),
                format!("the item '{id}' is already reported on row {first_row}")
            ),
            StatusMissing => t!(
                format!("แถวนี้มีข้อมูลแต่ไม่มีสถานะ: เลือกหนึ่งใน {STATUS_WORDS_TH}"),
                "this row has data but no status: choose one of done, in_progress, awaiting_report, not_possible, not_started".into()
            ),
            StatusBlank { id } => t!(
                format!("รายการ '{id}' ยังไม่มีสถานะ จึงไม่ได้ใส่ในรายงาน (จะนับเป็นรอรายงาน)"),
                format!("the item '{id}' has no status yet and is left out of the round (it counts as awaiting report)")
            ),
            SeveralTicks { statuses } => t!(
                format!("ทำเครื่องหมายไว้หลายสถานะ ({statuses}): เลือกได้สถานะเดียว"),
                format!("several statuses are ticked ({statuses}): tick one")
            ),
            BadTick { text } => t!(
                format!("'{text}' ไม่ใช่เครื่องหมาย: ใส่ ✓, / หรือ x ในช่องของสถานะ และเว้นว่างช่องอื่น"),
                format!("'{text}' is not a tick: put ✓, / or x in the status's column and leave the others blank")
            ),
            ItemNotInSheet { id, title } => t!(
                format!("รายการ {id} '{title}' ของแผนไม่อยู่ในแผ่นงาน จะนับเป็นรอรายงาน"),
                format!("the plan item {id} '{title}' is not in the sheet; it counts as awaiting report")
            ),
            TitleNotPlans { id, plan_title } => t!(
                format!("ชื่อในแถวนี้ต่างจากชื่อของรายการ '{id}' ในแผน ('{plan_title}'): อ่านตามรหัส"),
                format!("the title on this row differs from the plan's title of '{id}' ('{plan_title}'); read by the id")
            ),
            ContentMissing { dir } => {
                t!(format!("ไม่พบโฟลเดอร์เนื้อหา {dir}"), format!("content folder {dir} not found"))
            }
            AuthorityMissing { slug, dir } => t!(
                format!("ไม่พบโฟลเดอร์ของหน่วยงาน '{slug}' ใน {dir}: สร้างหน่วยงานก่อนด้วย prongsai new authority"),
                format!("no authority folder '{slug}' in {dir}: create the authority first with prongsai new authority")
            ),
            Exists => t!(
                "มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ: ใส่ --force ถ้าต้องการแทนที่ด้วยข้อมูลจากแผ่นงาน".into(),
                "the file already exists and was not replaced: add --force to replace it with the sheet's data".into()
            ),
            WriteFailed { detail } => {
                t!(format!("เขียนไฟล์ไม่สำเร็จ ({detail})"), format!("could not write the file ({detail})"))
            }
            Rejected { th: a, en: b } => t!(
                format!("ไฟล์ที่นำเข้าไม่ผ่านการตรวจของ prongsai check จึงไม่ได้เก็บไว้ (ไฟล์เดิมยังอยู่ครบ):\n{a}"),
                format!("the imported file fails prongsai check and was not kept (the previous file is unchanged):\n{b}")
            ),
            Checker { th: a, en: b } => t!(a.clone(), b.clone()),
        }
    }
}

/// `dimension 1` → `มิติที่ 1`, `mission 1.1` → `ภารกิจ 1.1`, `plan` → `ทั้งแผน`.
fn thai_scope(scope: &str) -> String {
    if scope == "plan" {
        return "ทั้งแผน".into();
    }
    if let Some(n) = scope.strip_prefix("dimension ") {
        return format!("มิติที่ {n}");
    }
    match scope.strip_prefix("mission ") {
        Some(n) => format!("ภารกิจ {n}"),
        None => scope.to_string(),
    }
}
