//! `prongsai new authority|plan|report`: starting files an officer fills in. Nothing is
//! asked that has a good default (the kind of authority from its name, the plan's years
//! from the national template in force, the report round from today's date); every file
//! written is valid as it stands, with comments where the officer fills in, and nothing
//! that exists is replaced.

use crate::content::model::{Authority, Period, Plan};
use crate::content::templates;
use crate::diag::Lang;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct Problem(pub String);

fn say(lang: Lang, th: String, en: String) -> Problem {
    Problem(match lang {
        Lang::Th => th,
        Lang::En => en,
    })
}

/// Today's date in Thailand (UTC+7 all year) as (year CE, month, day), from the system
/// clock: the fiscal year turns at midnight Bangkok time, not UTC.
pub fn today() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    civil_from_days(((secs + 7 * 3600) / 86_400) as i64)
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// The Thai fiscal year (BE) a date falls in: it starts on 1 October.
pub fn fiscal_year((y, m, _): (i32, u32, u32)) -> i32 {
    y + 543 + i32::from(m >= 10)
}

/// The latest report round whose period has ended on `date`: the 6-month round ends on
/// 31 March, the 12-month round on 30 September.
pub fn latest_round(date: (i32, u32, u32)) -> (i32, Period) {
    let fy = fiscal_year(date);
    match date.1 {
        4..=9 => (fy, Period::SixMonths),
        _ => (fy - 1, Period::TwelveMonths),
    }
}

/// The five fiscal years and national template of the plan in force in fiscal year `fy`.
pub fn default_plan_years(fy: i32) -> (Vec<i32>, &'static str) {
    if (2561..=2565).contains(&fy) {
        return ((2561..=2565).collect(), "nacc-2561");
    }
    // nacc-2566 covers 2566–2570; later cycles keep five-year steps and the latest template.
    let start = if fy < 2561 { fy } else { 2566 + (fy - 2566).div_euclid(5) * 5 };
    ((start..start + 5).collect(), "nacc-2566")
}

/// `บึงนคร` in "องค์การบริหารส่วนตำบลบึงนคร" → sao, and so on.
pub fn kind_from_name(name: &str) -> Option<&'static str> {
    let n: String = name.split_whitespace().collect();
    [
        ("องค์การบริหารส่วนจังหวัด", "pao"),
        ("อบจ.", "pao"),
        ("องค์การบริหารส่วนตำบล", "sao"),
        ("อบต.", "sao"),
        ("เทศบาล", "municipality"),
        ("ทต.", "municipality"),
        ("ทม.", "municipality"),
        ("ทน.", "municipality"),
    ]
    .into_iter()
    .find(|(p, _)| n.starts_with(p))
    .map(|(_, k)| k)
}

/// A YAML scalar for text an officer typed: plain when that is safe, else double-quoted.
fn scalar(s: &str) -> String {
    let plain_safe = !s.is_empty()
        && !s.starts_with(|c: char| " -?:,[]{}#&*!|>'\"%@`0123456789".contains(c))
        && !s.ends_with(' ')
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains('\n')
        && !matches!(s.to_ascii_lowercase().as_str(), "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "~");
    if plain_safe { s.to_string() } else { serde_json::to_string(s).unwrap_or_default() }
}

/// Writes `text` at `path` unless something is there (or `force`), whole or not at all.
pub fn write_new(path: &Path, text: &str, force: bool, lang: Lang) -> Result<(), Problem> {
    if path.exists() && !force {
        return Err(say(
            lang,
            format!("{}: มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ: ใส่ --force ถ้าต้องการแทนที่", path.display()),
            format!("{}: already exists and was left as it is: add --force to replace it", path.display()),
        ));
    }
    let io = |e: std::io::Error| Problem(format!("{}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.new-{}", std::process::id()));
    let result = std::fs::write(&tmp, text).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

pub struct NewAuthority<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub province: &'a str,
    pub kind: Option<&'a str>,
    pub base_url: Option<&'a str>,
}

/// content/<slug>/authority.yaml, and content/site.yaml when the site has none yet.
pub fn authority(content: &Path, a: &NewAuthority, force: bool, lang: Lang) -> Result<Vec<PathBuf>, Problem> {
    if !crate::content::read::is_slug(a.slug) {
        return Err(say(
            lang,
            format!("'{}' ใช้เป็นชื่อโฟลเดอร์ (ส่วนหนึ่งของที่อยู่เว็บ) ไม่ได้: ใช้ a-z 0-9 และ - เช่น bueng-nakhon", a.slug),
            format!(
                "'{}' cannot be a folder name (part of the web address): use a-z 0-9 and -, e.g. bueng-nakhon",
                a.slug
            ),
        ));
    }
    if crate::content::provinces::slug(a.province).is_none() {
        return Err(say(
            lang,
            format!("ไม่รู้จักจังหวัด '{}': เขียนชื่อจังหวัดภาษาไทยเต็ม เช่น ร้อยเอ็ด กรุงเทพมหานคร", a.province),
            format!("unknown province '{}': write the Thai name in full, e.g. ร้อยเอ็ด", a.province),
        ));
    }
    let kind = match a.kind.or_else(|| kind_from_name(a.name)) {
        Some(k) if ["pao", "municipality", "sao", "other"].contains(&k) => k,
        Some(k) => {
            return Err(say(
                lang,
                format!("ประเภท '{k}' ไม่ถูกต้อง: ใช้ pao, municipality, sao หรือ other"),
                format!("kind '{k}' is not one of pao, municipality, sao, other"),
            ));
        }
        None => {
            return Err(say(
                lang,
                format!("บอกไม่ได้ว่า '{}' เป็นหน่วยงานประเภทใด: ระบุ --kind pao|municipality|sao|other", a.name),
                format!("cannot tell the kind of '{}' from its name: give --kind pao|municipality|sao|other", a.name),
            ));
        }
    };
    let mut written = Vec::new();
    let site = content.join("site.yaml");
    if !site.exists() {
        let base = a.base_url.unwrap_or("https://set-base-url.invalid/");
        let text = format!(
            "# เว็บไซต์ (site.yaml) ดู docs/content-format.md\n\
             title: {}\n\
             # ที่อยู่เว็บไซต์จริงที่จะเผยแพร่: แก้ก่อนเผยแพร่\n\
             base_url: {}\n\
             language: th\n\
             # ตัวเลขในหน้าเว็บ: arabic (1, 2, 3) หรือ thai (๑, ๒, ๓)\n\
             digits: arabic\n",
            scalar(&format!("ความโปร่งใส{}", a.name)),
            scalar(base)
        );
        write_new(&site, &text, false, lang)?;
        written.push(site);
    }
    let path = content.join(a.slug).join("authority.yaml");
    let text = format!(
        "# หน่วยงาน (authority.yaml) ดู docs/content-format.md\n\
         name: {}\n\
         kind: {kind}   # pao = อบจ. | municipality = เทศบาล | sao = อบต. | other\n\
         province: {}\n\
         # ไม่บังคับ: ลบ # หน้าบรรทัดแล้วแทนตัวอย่างด้วยข้อมูลจริง\n\
         # district: อำเภอ\n\
         # subdistrict: ตำบล\n\
         # code: \"รหัส อปท.\"\n\
         # website: https://www.example.go.th/\n\
         # ช่องทางแจ้งเรื่องร้องเรียนการทุจริต:\n\
         # complaint_channel: https://www.example.go.th/complaint/\n\
         # contact: {{address: ที่อยู่, phone: เบอร์โทรศัพท์, email: อีเมล}}\n\
         # ชื่อหน่วยงานภายในที่เขียนต่างกันแต่เป็นหน่วยเดียวกัน (ชื่อที่เขียน: ชื่อที่ใช้รวมยอด):\n\
         # owner_aliases:\n\
         #   กองคลังฯ: กองคลัง\n",
        scalar(a.name),
        scalar(a.province)
    );
    write_new(&path, &text, force, lang)?;
    written.push(path);
    Ok(written)
}

/// content/<authority>/plans/<first>-<last>.yaml with the national template's dimensions
/// and missions, each with no items yet and an example in comments.
pub fn plan(
    content: &Path,
    authority: &str,
    years: Option<(i32, i32)>,
    force: bool,
    lang: Lang,
) -> Result<PathBuf, Problem> {
    require_authority(content, authority, lang)?;
    let (years, template) = match years {
        Some((a, b)) => {
            let t = if a >= 2566 { "nacc-2566" } else { "nacc-2561" };
            ((a..=b).collect::<Vec<_>>(), t)
        }
        None => default_plan_years(fiscal_year(today())),
    };
    let (first, last) = (years[0], years[years.len() - 1]);
    let t = templates::get(template).expect("shipped template");
    let mut s = format!(
        "# แผนปฏิบัติการป้องกันการทุจริต ดู docs/content-format.md\n\
         # ชื่อมิติและภารกิจมาจากแม่แบบของ ป.ป.ช. ({template}) จึงไม่ต้องเขียน\n\
         # กรอกโครงการ/กิจกรรม/มาตรการใต้ภารกิจ แทน items: [] ด้วยรายการ ดังตัวอย่างในภารกิจแรก\n\
         # หรือกรอกใน Excel: prongsai template plan --years {first}-{last} --output แผน.xlsx\n\
         #                  แล้ว prongsai import plan แผน.xlsx --authority {authority} --plan {first}-{last}\n\
         title: แผนปฏิบัติการป้องกันการทุจริต พ.ศ. {first}–{last}\n\
         fiscal_years: [{}]\n\
         template: {template}\n\
         # วันที่ประกาศใช้แผน:\n\
         # adopted: {}-07-15\n\
         # แผนฉบับลงนาม (วางไฟล์ไว้ในโฟลเดอร์ files/):\n\
         # document: files/plan-{first}-{last}.pdf\n\
         dimensions:\n",
        years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", "),
        // A plan is adopted in the fiscal year before its first.
        first - 1
    );
    let mut example = true;
    for d in &t.dimensions {
        s.push_str(&format!("  - no: {}   # {}\n    missions:\n", d.no, d.title));
        for m in &d.missions {
            s.push_str(&format!("      - no: \"{}\"   # {}\n        items: []\n", m.no, m.title));
            if example {
                example = false;
                s.push_str("        # items:\n");
                s.push_str("        #   - title: โครงการเสริมสร้างคุณธรรมจริยธรรมของบุคลากร\n");
                s.push_str("        #     owner: สำนักปลัด\n");
                let budget: Vec<String> = years.iter().map(|y| format!("{y}: 20000")).collect();
                s.push_str(&format!(
                    "        #     budget: {{{}}}   # \"-\" = ไม่ระบุ, 0 = ไม่ใช้งบประมาณ\n",
                    budget.join(", ")
                ));
                s.push_str("        #     note: หมายเหตุ\n");
            }
        }
    }
    let path = content.join(authority).join("plans").join(format!("{first}-{last}.yaml"));
    write_new(&path, &s, force, lang)?;
    Ok(path)
}

fn require_authority(content: &Path, authority: &str, lang: Lang) -> Result<(), Problem> {
    if content.join(authority).join("authority.yaml").is_file() {
        return Ok(());
    }
    Err(say(
        lang,
        format!("ไม่พบหน่วยงาน '{authority}' ใน {}: สร้างก่อนด้วย prongsai new authority", content.display()),
        format!("no authority '{authority}' in {}: create it first with prongsai new authority", content.display()),
    ))
}

/// content/<authority>/reports/<fy>-<period>.yaml listing every item of the plan that
/// covers the year, each awaiting its report, with its title and budget in comments.
pub fn report(
    content: &Path,
    authority: &Authority,
    round: Option<(i32, Period)>,
    plan: Option<&str>,
    force: bool,
    lang: Lang,
) -> Result<PathBuf, Problem> {
    let (fy, period) = round.unwrap_or_else(|| latest_round(today()));
    let chosen: Option<&Plan> = match plan {
        Some(slug) => authority.plans.iter().find(|p| p.slug == slug),
        None => authority.plans.iter().rfind(|p| p.fiscal_years.contains(&fy)),
    };
    if let Some(p) = chosen.filter(|p| !p.fiscal_years.contains(&fy)) {
        let (a, b) = (p.fiscal_years.first().copied().unwrap_or(0), p.fiscal_years.last().copied().unwrap_or(0));
        return Err(say(
            lang,
            format!("แผน {} ครอบคลุมปีงบประมาณ {a}–{b} ไม่รวมปี {fy} ของรอบนี้", p.slug),
            format!("plan {} covers fiscal years {a}–{b}, not this round's {fy}", p.slug),
        ));
    }
    let Some(p) = chosen else {
        let have: Vec<&str> = authority.plans.iter().map(|p| p.slug.as_str()).collect();
        return Err(say(
            lang,
            format!(
                "{} ไม่มีแผนที่ครอบคลุมปีงบประมาณ {fy} (มี: {}): ระบุ --plan หรือสร้างแผนด้วย prongsai new plan",
                authority.slug,
                have.join(", ")
            ),
            format!(
                "{} has no plan covering fiscal year {fy} (has: {}): give --plan or create one with prongsai new plan",
                authority.slug,
                have.join(", ")
            ),
        ));
    };
    let slug = format!("{fy}-{}", period.as_str());
    let (start, end) = match period {
        Period::SixMonths => (format!("1 ตุลาคม {}", fy - 1), format!("31 มีนาคม {fy}")),
        Period::TwelveMonths => (format!("1 ตุลาคม {}", fy - 1), format!("30 กันยายน {fy}")),
    };
    let (as_of, published) = match period {
        Period::SixMonths => (format!("{fy}-03-31"), format!("{fy}-04-20")),
        Period::TwelveMonths => (format!("{fy}-09-30"), format!("{fy}-10-20")),
    };
    let mut s = format!(
        "# รายงานผลการดำเนินงาน {} ปีงบประมาณ {fy} ({start} – {end}) ดู docs/content-format.md\n\
         # ทุกรายการเริ่มที่ \"รอรายงาน\": เปลี่ยน status เป็น ดำเนินการแล้วเสร็จ | อยู่ระหว่างดำเนินการ |\n\
         #   ไม่สามารถดำเนินการได้ | ยังไม่ดำเนินการ แล้วใส่ disbursed (เบิกจ่าย) และ note (หมายเหตุ) ถ้ามี\n\
         # หรือกรอกใน Excel: prongsai template report --authority {a} --plan {plan} --round {slug} --output รายงาน.xlsx\n\
         plan: {plan}\n\
         fiscal_year: {fy}\n\
         period: {}\n\
         as_of: {as_of}\n\
         # วันที่เผยแพร่รายงาน:\n\
         # published: {published}\n\
         # รายงานฉบับลงนาม (วางไฟล์ไว้ในโฟลเดอร์ files/):\n\
         # document: files/report-{slug}.pdf\n\
         items:\n",
        period.thai(),
        period.as_str(),
        a = authority.slug,
        plan = p.slug,
    );
    for item in &p.items {
        let budget = match item.amount(fy).money() {
            Some(m) => format!("งบประมาณ {} บาท", m.to_display()),
            None => "ไม่ระบุงบประมาณ".to_string(),
        };
        s.push_str(&format!("  # {} · {budget}\n", item.title.replace('\n', " ")));
        s.push_str(&format!("  - item: {}\n    status: รอรายงาน\n", scalar(&item.id)));
    }
    if p.items.is_empty() {
        s.push_str("  []\n");
    }
    let path = content.join(&authority.slug).join("reports").join(format!("{slug}.yaml"));
    write_new(&path, &s, force, lang)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_and_thai_fiscal_years() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_414), (2025, 11, 22));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(fiscal_year((2023, 9, 30)), 2566);
        assert_eq!(fiscal_year((2023, 10, 1)), 2567);
        assert_eq!(latest_round((2024, 4, 1)), (2567, Period::SixMonths));
        assert_eq!(latest_round((2024, 3, 31)), (2566, Period::TwelveMonths));
        assert_eq!(latest_round((2024, 10, 5)), (2567, Period::TwelveMonths));
    }

    #[test]
    fn plan_years_follow_the_national_templates() {
        assert_eq!(default_plan_years(2563), ((2561..=2565).collect(), "nacc-2561"));
        assert_eq!(default_plan_years(2570), ((2566..=2570).collect(), "nacc-2566"));
        assert_eq!(default_plan_years(2571), ((2571..=2575).collect(), "nacc-2566"));
    }

    #[test]
    fn kinds_from_names() {
        assert_eq!(kind_from_name("องค์การบริหารส่วนตำบลบึงนคร"), Some("sao"));
        assert_eq!(kind_from_name("องค์การบริหารส่วนจังหวัดศรีสะเกษ"), Some("pao"));
        assert_eq!(kind_from_name("เทศบาลตำบลตัวยาง"), Some("municipality"));
        assert_eq!(kind_from_name("สำนักงานเขต"), None);
    }

    #[test]
    fn scalars_are_quoted_when_yaml_would_misread_them() {
        assert_eq!(scalar("องค์การบริหารส่วนตำบลบึงนคร"), "องค์การบริหารส่วนตำบลบึงนคร");
        assert_eq!(scalar("ก: ข"), "\"ก: ข\"");
        assert_eq!(scalar("2566"), "\"2566\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("- x"), "\"- x\"");
    }
}
