//! synth: a deterministic generator of realistic synthetic content for prongsai.
//!
//! Run: `cargo run --release --example synth -- --authorities 1000 --output /tmp/content [--seed 2566] [--force] [--clean]`
//!
//! Writes site.yaml and, per authority, authority.yaml, one plan (plans/<slug>.yaml, sometimes
//! plans/<slug>/_index.md), detail pages for about one item in ten, a 6-month and a 12-month
//! report round, and for about one authority in ten an ita/<year>.yaml. Everything is
//! synthetic: names are composed from syllable pools, contact data point at example.org.
//!
//! Determinism: one SplitMix64 stream per authority, seeded from (seed, index), so the same seed
//! gives byte-identical output and authority i never depends on N (N=100 is a prefix of N=1000).
//! Only the slug counter (`<province>-<kind>-<k>`) looks back, at authorities before i.
//!
//! Warnings: the content passes `prongsai check` without errors. About 3 authorities in 100
//! carry one deliberate, commented irregularity each (a stated plan total that differs, a plan
//! item missing from the 6-month round, a printed report summary that differs), as real
//! documents do; `--clean` leaves them out and the check then gives zero warnings.
//! std only, no dependencies: this file is copied to examples/synth.rs.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, io, process};

/// Writing into a String cannot fail: these drop the always-Ok result.
macro_rules! w {
    ($($t:tt)*) => { let _ = write!($($t)*); };
}
macro_rules! wl {
    ($($t:tt)*) => { let _ = writeln!($($t)*); };
}

// ───────────────────────────── data pools ─────────────────────────────

/// Thai name (as in reference/provinces.yaml), slug, postcode prefix, phone area code,
/// region (0 north, 1 north-east, 2 centre, 3 east, 4 west, 5 south), and a weight roughly
/// proportional to the province's number of local authorities.
#[rustfmt::skip]
const PROVINCES: &[(&str, &str, u32, &str, usize, u32)] = &[
    ("กรุงเทพมหานคร", "bangkok", 10, "02", 2, 0), ("กระบี่", "krabi", 81, "075", 5, 2), ("กาญจนบุรี", "kanchanaburi", 71, "034", 4, 3),
    ("กาฬสินธุ์", "kalasin", 46, "043", 1, 3), ("กำแพงเพชร", "kamphaeng-phet", 62, "055", 0, 2), ("ขอนแก่น", "khon-kaen", 40, "043", 1, 5),
    ("จันทบุรี", "chanthaburi", 22, "039", 3, 2), ("ฉะเชิงเทรา", "chachoengsao", 24, "038", 3, 2), ("ชลบุรี", "chon-buri", 20, "038", 3, 2),
    ("ชัยนาท", "chai-nat", 17, "056", 2, 1), ("ชัยภูมิ", "chaiyaphum", 36, "044", 1, 3), ("ชุมพร", "chumphon", 86, "077", 5, 2),
    ("เชียงราย", "chiang-rai", 57, "053", 0, 3), ("เชียงใหม่", "chiang-mai", 50, "053", 0, 4), ("ตรัง", "trang", 92, "075", 5, 2),
    ("ตราด", "trat", 23, "039", 3, 1), ("ตาก", "tak", 63, "055", 4, 1), ("นครนายก", "nakhon-nayok", 26, "037", 2, 1),
    ("นครปฐม", "nakhon-pathom", 73, "034", 2, 2), ("นครพนม", "nakhon-phanom", 48, "042", 1, 2), ("นครราชสีมา", "nakhon-ratchasima", 30, "044", 1, 7),
    ("นครศรีธรรมราช", "nakhon-si-thammarat", 80, "075", 5, 4), ("นครสวรรค์", "nakhon-sawan", 60, "056", 2, 3), ("นนทบุรี", "nonthaburi", 11, "02", 2, 1),
    ("นราธิวาส", "narathiwat", 96, "073", 5, 2), ("น่าน", "nan", 55, "054", 0, 2), ("บึงกาฬ", "bueng-kan", 38, "042", 1, 1),
    ("บุรีรัมย์", "buri-ram", 31, "044", 1, 4), ("ปทุมธานี", "pathum-thani", 12, "02", 2, 1), ("ประจวบคีรีขันธ์", "prachuap-khiri-khan", 77, "032", 4, 1),
    ("ปราจีนบุรี", "prachin-buri", 25, "037", 3, 1), ("ปัตตานี", "pattani", 94, "073", 5, 2), ("พระนครศรีอยุธยา", "phra-nakhon-si-ayutthaya", 13, "035", 2, 3),
    ("พะเยา", "phayao", 56, "054", 0, 1), ("พังงา", "phang-nga", 82, "076", 5, 1), ("พัทลุง", "phatthalung", 93, "074", 5, 1),
    ("พิจิตร", "phichit", 66, "056", 0, 2), ("พิษณุโลก", "phitsanulok", 65, "055", 0, 2), ("เพชรบุรี", "phetchaburi", 76, "032", 4, 2),
    ("เพชรบูรณ์", "phetchabun", 67, "056", 0, 2), ("แพร่", "phrae", 54, "054", 0, 2), ("ภูเก็ต", "phuket", 83, "076", 5, 1),
    ("มหาสารคาม", "maha-sarakham", 44, "043", 1, 3), ("มุกดาหาร", "mukdahan", 49, "042", 1, 1), ("แม่ฮ่องสอน", "mae-hong-son", 58, "053", 0, 1),
    ("ยโสธร", "yasothon", 35, "045", 1, 2), ("ยะลา", "yala", 95, "073", 5, 1), ("ร้อยเอ็ด", "roi-et", 45, "043", 1, 4),
    ("ระนอง", "ranong", 85, "077", 5, 1), ("ระยอง", "rayong", 21, "038", 3, 1), ("ราชบุรี", "ratchaburi", 70, "032", 4, 2),
    ("ลพบุรี", "lop-buri", 15, "036", 2, 3), ("ลำปาง", "lampang", 52, "054", 0, 2), ("ลำพูน", "lamphun", 51, "053", 0, 1),
    ("เลย", "loei", 42, "042", 1, 2), ("ศรีสะเกษ", "si-sa-ket", 33, "045", 1, 4), ("สกลนคร", "sakon-nakhon", 47, "042", 1, 3),
    ("สงขลา", "songkhla", 90, "074", 5, 3), ("สตูล", "satun", 91, "074", 5, 1), ("สมุทรปราการ", "samut-prakan", 10, "02", 2, 1),
    ("สมุทรสงคราม", "samut-songkhram", 75, "034", 2, 1), ("สมุทรสาคร", "samut-sakhon", 74, "034", 2, 1), ("สระแก้ว", "sa-kaeo", 27, "037", 3, 1),
    ("สระบุรี", "saraburi", 18, "036", 2, 2), ("สิงห์บุรี", "sing-buri", 16, "036", 2, 1), ("สุโขทัย", "sukhothai", 64, "055", 0, 2),
    ("สุพรรณบุรี", "suphan-buri", 72, "035", 2, 3), ("สุราษฎร์ธานี", "surat-thani", 84, "077", 5, 3), ("สุรินทร์", "surin", 32, "044", 1, 4),
    ("หนองคาย", "nong-khai", 43, "042", 1, 2), ("หนองบัวลำภู", "nong-bua-lam-phu", 39, "042", 1, 1), ("อ่างทอง", "ang-thong", 14, "035", 2, 1),
    ("อำนาจเจริญ", "amnat-charoen", 37, "045", 1, 1), ("อุดรธานี", "udon-thani", 41, "042", 1, 4), ("อุตรดิตถ์", "uttaradit", 53, "055", 0, 2),
    ("อุทัยธานี", "uthai-thani", 61, "056", 2, 1), ("อุบลราชธานี", "ubon-ratchathani", 34, "045", 1, 5),
];

/// First syllables of place names, by region (the north has แม่/เวียง, the north-east โนน/โคก …).
#[rustfmt::skip]
const PLACE_PRE: [&[&str]; 6] = [
    &["แม่", "เวียง", "ป่า", "ดอย", "ทุ่ง", "ห้วย", "บ้าน", "สัน", "ศรี", "หนอง", "วัง", "น้ำ", "ปง", "ดอน"],
    &["โนน", "โคก", "หนอง", "ดอน", "นา", "บ้าน", "ห้วย", "กุด", "คำ", "ศรี", "ดง", "บึง", "ท่า", "หัว", "สร้าง", "โพน"],
    &["บาง", "คลอง", "ท่า", "บ้าน", "วัด", "หนอง", "ดอน", "ลาด", "สระ", "บึง", "สาม", "โพธิ์", "ไผ่", "หัว"],
    &["บ้าน", "หนอง", "คลอง", "ท่า", "เขา", "บาง", "ทุ่ง", "วัง", "ห้วย", "หัว", "สระ"],
    &["บ้าน", "หนอง", "ท่า", "วัง", "เขา", "ห้วย", "ดอน", "ลาด", "ทุ่ง", "หัว"],
    &["ควน", "บ้าน", "ท่า", "ทุ่ง", "นา", "เขา", "บ่อ", "คลอง", "ปาก", "ลำ", "พรุ", "หาด", "ไม้"],
];
#[rustfmt::skip]
const PLACE_SUF: &[&str] = &[
    "บัว", "สูง", "ใหม่", "ตูม", "ทราย", "แก้ว", "ทอง", "ใหญ่", "น้อย", "งาม", "ยาง", "ขาม", "แดง", "หลวง",
    "จาน", "ไผ่", "โพธิ์", "สะแก", "ม่วง", "กลาง", "เจริญ", "สวรรค์", "ดู่", "แค", "หว้า", "ตาล", "เต่า",
    "ช้าง", "เสือ", "ทองหลาง", "ตะเคียน", "มะม่วง", "มะขาม", "กระทุ่ม", "ขี้เหล็ก", "สำโรง", "หิน", "พะยอม",
    "บก", "คู", "เหล็ก", "ศิลา", "พัฒนา", "ชุมแสง", "กุง", "เกตุ", "นาค", "ลุง", "ยาว", "ขวาง", "หงษ์",
    "กระเบา", "ตะโก", "มะกอก", "ประดู่", "ยางนา", "สะเดา", "กระบก", "นกยูง", "ม่วงหวาน", "ตะแบก", "โสน",
    "กุ่ม", "ตีนเป็ด", "กอก", "หมากแข้ง", "เดื่อ", "บง", "หญ้าปล้อง", "แวง", "เชียงยืน", "ขาว", "ทองคำ",
    "คำไฮ", "ศรีสุข", "โนนสวรรค์", "กระโดน", "หมาก", "เม็ก", "เปือย", "ผึ้ง", "จิก", "ค้อ",
];
#[rustfmt::skip]
const PLACE_TAIL: &[&str] = &["เหนือ", "ใต้", "ทอง", "แดง", "งาม", "ใหญ่", "พัฒนา", "ศรี", "ทุ่ง", "น้อย", "กลาง", "ใหม่", "สามัคคี", "เจริญ", "ชัย"];

#[rustfmt::skip]
const DIMENSIONS: [[&str; 4]; 2] = [
    ["การสร้างวัฒนธรรมสุจริต", "การบริหารราชการด้วยความโปร่งใส", "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
     "การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น"],
    ["การสร้างสังคมที่ไม่ทนต่อการทุจริต", "การบริหารราชการเพื่อป้องกันการทุจริต", "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
     "การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น"],
];

// Topics: what a mission is about. The two templates number their missions differently, so
// each template maps its missions onto these pools (reference/templates.yaml).
#[rustfmt::skip]
const ETHICS: usize = 0;
const PUBLIC: usize = 1;
const YOUTH: usize = 2;
const OPEN: usize = 3;
#[rustfmt::skip]
const INTEGRITY: usize = 4;
const DISCRETION: usize = 5;
const HONOR: usize = 6;
const FRAUD: usize = 7;
#[rustfmt::skip]
const PARTICIPATE: usize = 8;
const COMPLAINT: usize = 9;
const NETWORK: usize = 10;
const CONTROL: usize = 11;
#[rustfmt::skip]
const COUNCIL: usize = 12;
const PEOPLE_AUDIT: usize = 13;
const WILL: usize = 14;

/// (mission, its sub-missions, topic), per template: 0 = nacc-2566, 1 = nacc-2561. Within a
/// template no two missions share a topic, so titles and explicit ids are unique in a plan.
#[rustfmt::skip]
const TEMPLATES: [&[(&str, &[&str], usize)]; 2] = [
    &[("1.1", &["1.1.1", "1.1.2", "1.1.3"], ETHICS), ("1.2", &["1.2.1", "1.2.2", "1.2.3"], PUBLIC),
      ("1.3", &["1.3.1", "1.3.2"], YOUTH), ("2.1", &["2.1.1", "2.1.2", "2.1.3"], OPEN),
      ("2.2", &["2.2.1", "2.2.2", "2.2.3"], INTEGRITY), ("2.3", &["2.3.1", "2.3.2", "2.3.3"], DISCRETION),
      ("3.1", &["3.1.1", "3.1.2"], PARTICIPATE), ("3.2", &["3.2.1", "3.2.2", "3.2.3"], COMPLAINT),
      ("3.3", &["3.3.1", "3.3.2", "3.3.3"], NETWORK), ("4.1", &["4.1.1", "4.1.2", "4.1.3"], CONTROL),
      ("4.2", &["4.2.1", "4.2.2"], COUNCIL), ("4.3", &["4.3.1", "4.3.2"], FRAUD)],
    &[("1.1", &["1.1.1", "1.1.2", "1.1.3"], ETHICS), ("1.2", &["1.2.1", "1.2.2", "1.2.3"], PUBLIC),
      ("1.3", &["1.3.1", "1.3.2", "1.3.3"], YOUTH), ("2.1", &[], WILL),
      ("2.2", &["2.2.1", "2.2.2", "2.2.3"], INTEGRITY), ("2.3", &["2.3.1", "2.3.2"], DISCRETION),
      ("2.4", &["2.4.1", "2.4.2", "2.4.3"], HONOR), ("2.5", &["2.5.1", "2.5.2", "2.5.3"], FRAUD),
      ("3.1", &["3.1.1", "3.1.2", "3.1.3"], OPEN), ("3.2", &["3.2.1", "3.2.2", "3.2.3"], COMPLAINT),
      ("3.3", &["3.3.1", "3.3.2", "3.3.3"], PARTICIPATE), ("4.1", &["4.1.1", "4.1.2"], CONTROL),
      ("4.2", &["4.2.1", "4.2.2", "4.2.3"], PEOPLE_AUDIT), ("4.3", &["4.3.1", "4.3.2"], COUNCIL),
      ("4.4", &["4.4.1", "4.4.2"], NETWORK)],
];

// Audiences, for detail pages: who the item is for.
#[rustfmt::skip]
const STAFF: u8 = 0;
const PEOPLE: u8 = 1;
const KIDS: u8 = 2;
const MEMBERS: u8 = 3;
const ORG: u8 = 4;

/// Item titles per topic: "kbo|title[|id]". k = p(roject) a(ctivity) m(easure) x (no leading
/// word; written with kind: activity); b = budget class 0 none, 1 small, 2 medium, 3 large;
/// o = owner code (see Auth::owner); id = an explicit item id some authorities use.
/// Placeholders: {org} {staff} {council} {area} {short} {ordinance}.
#[rustfmt::skip]
const TOPICS: &[(u8, &[&str])] = &[
    /* ETHICS */ (STAFF, &["p2H|โครงการฝึกอบรมคุณธรรมจริยธรรมแก่ผู้บริหาร สมาชิกสภา และ{staff}", "p2P|โครงการเสริมสร้างคุณธรรมจริยธรรมและพัฒนาคุณภาพชีวิตคณะผู้บริหาร สมาชิกสภา {staff}และพนักงานจ้าง",
        "p1P|โครงการอบรมให้ความรู้เรื่องผลประโยชน์ทับซ้อนแก่{staff}", "m0P|มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรมของ{org}|ethics-code", "m0P|มาตรการป้องกันผลประโยชน์ทับซ้อน",
        "a0P|กิจกรรมให้ความรู้เรื่องประมวลจริยธรรมในการประชุมประจำเดือน", "a0H|กิจกรรมจัดทำคู่มือการป้องกันผลประโยชน์ทับซ้อน", "p1P|โครงการเสริมสร้างความรู้ด้านการต่อต้านการทุจริต",
        "p2P|โครงการศึกษาดูงานหน่วยงานต้นแบบด้านคุณธรรมและความโปร่งใส", "a0P|กิจกรรม “ปฏิญาณตนเป็นข้าราชการที่ดีและพลังของแผ่นดิน”", "m0H|มาตรการยกระดับมาตรฐานจริยธรรมของ{staff}",
        "m0P|มาตรการเสริมสร้างวัฒนธรรมองค์กรสุจริต"]),
    /* PUBLIC */ (PEOPLE, &["p2P|โครงการส่งเสริมการดำเนินชีวิตตามหลักปรัชญาของเศรษฐกิจพอเพียง", "p1S|โครงการอบรมส่งเสริมอาชีพตามหลักเศรษฐกิจพอเพียงแก่ประชาชน{area}",
        "a1P|กิจกรรมยกย่องและเชิดชูเกียรติแก่บุคคล หน่วยงาน องค์กร ผู้ทำคุณประโยชน์แก่{org}", "p1P|โครงการปลูกต้นไม้เพื่อเพิ่มพื้นที่สีเขียว ลดภาวะโลกร้อน",
        "p1S|โครงการรณรงค์สร้างจิตสำนึกประชาชนในการต่อต้านการทุจริต", "a0P|กิจกรรมทำความดีเพื่อแผ่นดิน “จิตอาสาพัฒนาชุมชน”", "p2M|โครงการรักษ์น้ำ รักป่า รักษาแผ่นดิน",
        "p1S|โครงการเกษตรทฤษฎีใหม่ตามแนวพระราชดำริ", "p1P|โครงการอบรมให้ความรู้ด้านกฎหมายเบื้องต้นแก่ประชาชน", "a0P|กิจกรรมเผยแพร่ความรู้เรื่องการต่อต้านการทุจริตผ่านหอกระจายข่าว"]),
    /* YOUTH */ (KIDS, &["p1D|โครงการโรงเรียนสุจริต", "p1D|โครงการส่งเสริมคุณธรรมจริยธรรมเด็กและเยาวชน", "p2D|โครงการค่ายคุณธรรมจริยธรรมสำหรับเด็กและเยาวชน{area}", "a0D|กิจกรรม “เด็กไทยโตไปไม่โกง”",
        "p1D|โครงการอบรมคุณธรรมจริยธรรมแก่เด็กในศูนย์พัฒนาเด็กเล็ก", "p2S|โครงการอบรมส่งเสริมครอบครัวยุคใหม่ลดใช้ความรุนแรง", "p1D|โครงการพาน้องเข้าวัด ฟังธรรม ปฏิบัติธรรม",
        "p2D|โครงการแข่งขันกีฬาเยาวชนต้านยาเสพติดและการทุจริต", "p1S|โครงการสภาเด็กและเยาวชน{area}ร่วมต้านทุจริต", "p0D|โครงการโรงเรียนคุณธรรม"]),
    /* OPEN */ (ORG, &["m0L|มาตรการเปิดเผยข้อมูลสาธารณะและกำกับติดตามการเผยแพร่ข้อมูลสาธารณะของ{org}|open-data", "p0P|โครงการเสริมสร้างความโปร่งใสในการบริหารงบประมาณ",
        "a0F|กิจกรรมเผยแพร่ข้อมูลข่าวสารด้านการจัดซื้อจัดจ้าง", "a0P|กิจกรรมพัฒนาศูนย์ข้อมูลข่าวสารของ{org}", "p2P|โครงการจัดทำวารสารประชาสัมพันธ์ผลการดำเนินงาน",
        "a0H|กิจกรรมเผยแพร่ข้อมูลการบริหารและพัฒนาทรัพยากรบุคคล", "m0F|มาตรการเผยแพร่งบแสดงฐานะการเงินและรายงานรับ-จ่ายเงินประจำปี", "p1P|โครงการพัฒนาเว็บไซต์และสื่อสังคมออนไลน์ของ{org}",
        "a0F|กิจกรรมเผยแพร่แผนการจัดซื้อจัดจ้างประจำปีทางเว็บไซต์", "m0P|มาตรการเผยแพร่ข้อมูลข่าวสารผ่านช่องทางที่หลากหลาย"]),
    /* INTEGRITY */ (ORG, &["a0P|กิจกรรมประกาศเจตจำนงต่อต้านการทุจริตของผู้บริหาร", "m0P|มาตรการ No Gift Policy|no-gift", "m0P|มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ{org}",
        "m0P|มาตรการจัดทำแผนปฏิบัติการป้องกันการทุจริต", "a0H|กิจกรรม “สร้างความโปร่งใสในการพิจารณาเลื่อนขั้นเงินเดือน”", "a0F|กิจกรรมวิเคราะห์ผลการจัดซื้อจัดจ้างประจำปี",
        "m0H|มาตรการสร้างความโปร่งใสในการบริหารงานบุคคล", "a0F|กิจกรรมควบคุมการเบิกจ่ายเงินตาม{ordinance}", "m0F|มาตรการป้องกันการรับสินบนในการจัดซื้อจัดจ้าง",
        "a0P|กิจกรรมประกาศเจตนารมณ์การต่อต้านการทุจริตของ{staff}", "a0F|กิจกรรมประเมินความเสี่ยงการทุจริตในการจัดซื้อจัดจ้าง"]),
    /* DISCRETION */ (ORG, &["a0P|กิจกรรม “การจัดทำข้อตกลงการปฏิบัติราชการของ{org}”", "x0L|จัดทำคู่มือและแผนภูมิขั้นตอนการให้บริการประชาชน", "x0F|จัดสถานที่ติดประกาศเปิดเผยข้อมูลการจัดซื้อจัดจ้าง",
        "m0P|มาตรการมอบอำนาจอนุมัติ อนุญาต สั่งการ เพื่อลดขั้นตอนการปฏิบัติราชการ", "p1P|โครงการจัดทำมาตรฐานการให้บริการประชาชนของ{org}", "m0L|มาตรการลดการใช้ดุลพินิจในการปฏิบัติงาน",
        "a0F|กิจกรรมจัดทำแผนผังขั้นตอนและระยะเวลาการให้บริการด้านการรับเงินและการเบิกจ่ายเงิน", "p1L|โครงการให้บริการประชาชนนอกเวลาราชการ", "a0E|กิจกรรมเผยแพร่ขั้นตอนการขออนุญาตก่อสร้างอาคาร",
        "p2P|โครงการพัฒนาระบบบริการอิเล็กทรอนิกส์ (E-Service)", "a0F|กิจกรรมให้บริการรับชำระภาษีนอกสถานที่", "m0P|มาตรการการให้บริการตามลำดับก่อนหลัง", "m0P|มาตรการกระจายอำนาจการตัดสินใจ"]),
    /* HONOR */ (PEOPLE, &["a1P|กิจกรรมยกย่องเชิดชูเกียรติบุคคลที่มีความซื่อสัตย์สุจริต มีคุณธรรมจริยธรรม", "a1P|กิจกรรมมอบประกาศเกียรติคุณแก่ผู้ทำคุณประโยชน์ต่อท้องถิ่น",
        "p1S|โครงการเชิดชูเกียรติผู้ดำรงตนตามหลักเศรษฐกิจพอเพียง", "p1M|โครงการยกย่องเชิดชูเกียรติอาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) ดีเด่น", "a0H|กิจกรรมคัดเลือก{staff}ดีเด่นประจำปี"]),
    /* FRAUD */ (ORG, &["m0P|มาตรการจัดการในกรณีได้ทราบหรือรับแจ้งหรือตรวจสอบพบการทุจริต", "m0P|มาตรการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ|complaints",
        "a0P|กิจกรรมจัดทำแนวทางปฏิบัติในการจัดการเรื่องร้องเรียนการทุจริต", "m0P|มาตรการจัดให้มีระบบและช่องทางการรับเรื่องร้องเรียนเกี่ยวกับการทุจริต",
        "a0L|กิจกรรมให้ความร่วมมือกับหน่วยงานตรวจสอบทั้งภาครัฐและองค์กรอิสระ", "m0H|มาตรการดำเนินการทางวินัยต่อเจ้าหน้าที่ที่กระทำผิดอย่างเคร่งครัด",
        "a0P|กิจกรรมแจ้งผลการดำเนินการเรื่องร้องเรียนการทุจริตให้ผู้ร้องทราบ"]),
    /* PARTICIPATE */ (PEOPLE, &["p1P|โครงการจัดเวทีประชาคมเพื่อจัดทำแผนพัฒนาท้องถิ่น", "a0P|กิจกรรมแต่งตั้งคณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่น",
        "a0F|กิจกรรมแต่งตั้งตัวแทนประชาคมร่วมเป็นคณะกรรมการตรวจรับพัสดุ", "p1P|โครงการประชุมประชาคมหมู่บ้านและประชาคมท้องถิ่น", "a0P|กิจกรรมเปิดโอกาสให้ประชาชนมีส่วนร่วมในการจัดทำ{ordinance}",
        "p2P|โครงการ{short}เคลื่อนที่พบประชาชน", "a0E|กิจกรรมให้ประชาชนมีส่วนร่วมตรวจสอบการก่อสร้างโครงสร้างพื้นฐาน"]),
    /* COMPLAINT */ (PEOPLE, &["m0P|มาตรการจัดการเรื่องราวร้องทุกข์/ร้องเรียนของ{org}", "a0P|กิจกรรมจัดตั้งศูนย์รับเรื่องราวร้องทุกข์ของ{org}", "a0P|กิจกรรมจัดทำตู้รับฟังความคิดเห็นและข้อร้องเรียน",
        "p1P|โครงการสำรวจความพึงพอใจของผู้รับบริการ", "a0P|กิจกรรมรายงานผลการดำเนินการเรื่องร้องเรียนให้ผู้ร้องเรียนทราบ", "a0P|กิจกรรมรับฟังความคิดเห็นผ่านช่องทางออนไลน์",
        "m0P|มาตรการแจ้งผลการดำเนินการเรื่องร้องเรียนภายใน 15 วัน", "p1P|โครงการประชุมรับฟังความคิดเห็นของประชาชนก่อนดำเนินโครงการ"]),
    /* NETWORK */ (PEOPLE, &["a1P|กิจกรรมส่งเสริมชุมชนเฝ้าระวังการทุจริต", "p1P|โครงการส่งเสริมเครือข่ายภาคประชาชนในการป้องกันการทุจริต", "p2P|โครงการอบรมเครือข่ายชมรม STRONG จิตพอเพียงต้านทุจริต",
        "a0P|กิจกรรมติดป้ายประชาสัมพันธ์ช่องทางแจ้งเบาะแสการทุจริต", "p1P|โครงการบูรณาการทุกภาคส่วนเพื่อต่อต้านการทุจริต", "m0P|มาตรการส่งเสริมการมีส่วนร่วมของภาคประชาชนในการเฝ้าระวังการทุจริต",
        "a0P|กิจกรรมสร้างเครือข่ายผู้นำชุมชนเฝ้าระวังการทุจริต"]),
    /* CONTROL */ (ORG, &["a0A|กิจกรรมติดตามประเมินผลการควบคุมภายใน", "p0A|โครงการจัดทำแผนการตรวจสอบภายในประจำปี", "m0P|มาตรการบริหารจัดการความเสี่ยงการทุจริต", "a0A|กิจกรรมจัดทำรายงานการควบคุมภายใน",
        "p1A|โครงการอบรมการพัฒนาระบบควบคุมภายในและการตรวจสอบด้านการเงินการคลัง", "a0A|กิจกรรมประเมินความเสี่ยงการทุจริตประจำปี", "m0F|มาตรการตรวจสอบการเบิกจ่ายเงินและการจัดซื้อจัดจ้างก่อนอนุมัติ",
        "m0A|มาตรการติดตามประเมินผลระบบควบคุมภายใน"]),
    /* COUNCIL */ (MEMBERS, &["p2C|โครงการอบรมกฎหมายท้องถิ่นสำหรับผู้บริหารและ{council}", "p2C|โครงการพัฒนาศักยภาพ{council}", "a0C|กิจกรรมส่งเสริม{council}มีส่วนร่วมในการตรวจสอบการปฏิบัติงานของฝ่ายบริหาร",
        "a0C|กิจกรรมแต่งตั้ง{council}ร่วมเป็นคณะกรรมการตรวจรับพัสดุ", "a0C|กิจกรรมเผยแพร่รายงานการประชุมสภาให้ประชาชนทราบ", "m0C|มาตรการส่งเสริมบทบาทการตรวจสอบของสภาท้องถิ่น",
        "p2C|โครงการศึกษาดูงาน{council}"]),
    /* PEOPLE_AUDIT */ (PEOPLE, &["a0H|กิจกรรมเปิดโอกาสให้ประชาชนมีส่วนร่วมตรวจสอบการบรรจุ แต่งตั้ง โอน ย้าย", "a0F|กิจกรรมเผยแพร่รายงานการรับ-จ่ายเงินประจำปีงบประมาณ",
        "a0F|กิจกรรมประชาสัมพันธ์ประกาศการจัดซื้อจัดจ้างให้ประชาชนทราบ", "a0E|กิจกรรมแต่งตั้งตัวแทนชุมชนร่วมตรวจรับงานจ้าง", "p1P|โครงการส่งเสริมประชาชนมีส่วนร่วมตรวจสอบการใช้จ่ายงบประมาณ"]),
    /* WILL */ (ORG, &["a0P|กิจกรรมแสดงเจตจำนงทางการเมืองในการต่อต้านการทุจริตของผู้บริหาร", "m0P|มาตรการแสดงเจตนารมณ์ในการนำหลักคุณธรรมมาใช้ในการบริหารงาน",
        "a0P|กิจกรรมผู้บริหารประกาศนโยบายคุณธรรมและความโปร่งใสต่อสาธารณะ", "a0P|กิจกรรมรายงานผลการดำเนินงานของผู้บริหารต่อสภาและประชาชน"]),
];

/// Round amounts (baht) by budget class; real plans repeat the same round figure every year.
#[rustfmt::skip]
const AMOUNTS: [&[i64]; 4] = [&[], &[3000, 5000, 8000, 10000, 10000, 12000, 13000, 15000, 20000, 20000, 25000, 30000],
    &[20000, 30000, 30000, 40000, 50000, 50000, 60000, 80000, 100000, 120000, 150000], &[150000, 200000, 300000, 500000]];

#[rustfmt::skip]
const VISIONS: &[&str] = &["{org} โปร่งใส ตรวจสอบได้ ประชาชนมีส่วนร่วม", "บริหารงานตามหลักธรรมาภิบาล ทุกภาคส่วนร่วมกันป้องกันการทุจริต",
    "องค์กรคุณธรรม บุคลากรซื่อสัตย์ บริการประชาชนด้วยความเป็นธรรม", "ร่วมสร้างท้องถิ่นสุจริต ไม่ทนต่อการทุจริตทุกรูปแบบ"];
#[rustfmt::skip]
const MISSION_LINES: &[&str] = &["สร้างวัฒนธรรมสุจริตให้แก่ผู้บริหาร สมาชิกสภา และ{staff}", "เปิดเผยข้อมูลการบริหารงานและงบประมาณให้ประชาชนตรวจสอบได้",
    "เปิดช่องทางให้ประชาชนมีส่วนร่วมและร้องเรียนได้สะดวก", "พัฒนาระบบควบคุมภายในและการบริหารความเสี่ยงการทุจริต",
    "ส่งเสริมบทบาทของสภาท้องถิ่นในการตรวจสอบฝ่ายบริหาร"];

// Detail pages: rationale by audience, then objectives, method steps and results.
#[rustfmt::skip]
const RATIONALE: [&[&str]; 5] = [
    &["ประมวลจริยธรรมของเจ้าหน้าที่ของรัฐกำหนดให้บุคลากรยึดมั่นในความซื่อสัตย์สุจริต และแยกเรื่องส่วนตัวออกจากตำแหน่งหน้าที่",
      "บุคลากรเป็นกำลังสำคัญในการขับเคลื่อนการบริหารงานของ{org} หากบุคลากรขาดคุณธรรมจริยธรรมย่อมกระทบต่อความเชื่อมั่นของประชาชน"],
    &["ประชาชนเป็นผู้มีส่วนได้เสียโดยตรงกับการบริหารงานขององค์กรปกครองส่วนท้องถิ่น การเปิดโอกาสให้ประชาชนมีส่วนร่วมจึงเป็นกลไกสำคัญในการป้องกันการทุจริต",
      "รัฐธรรมนูญแห่งราชอาณาจักรไทยกำหนดให้องค์กรปกครองส่วนท้องถิ่นส่งเสริมให้ประชาชนมีส่วนร่วมในการบริหารกิจการท้องถิ่นและตรวจสอบการใช้อำนาจ"],
    &["เด็กและเยาวชนเป็นกำลังสำคัญในการพัฒนาประเทศ การปลูกฝังความซื่อสัตย์สุจริตตั้งแต่วัยเยาว์ช่วยสร้างสังคมที่ไม่ทนต่อการทุจริต",
      "ยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริตมุ่งปลูกฝังให้เด็กและเยาวชนแยกแยะประโยชน์ส่วนตนและประโยชน์ส่วนรวมได้"],
    &["สมาชิกสภาท้องถิ่นมีหน้าที่ตรวจสอบการบริหารงานของฝ่ายบริหาร แต่สมาชิกจำนวนมากยังไม่คุ้นเคยกับกฎหมายและระเบียบที่เกี่ยวข้อง",
      "พระราชบัญญัติจัดตั้งองค์กรปกครองส่วนท้องถิ่นกำหนดให้สภาท้องถิ่นควบคุมการบริหารงานด้วยการตั้งกระทู้ถามและพิจารณางบประมาณ"],
    &["พระราชกฤษฎีกาว่าด้วยหลักเกณฑ์และวิธีการบริหารกิจการบ้านเมืองที่ดี พ.ศ. 2546 กำหนดให้ส่วนราชการปฏิบัติงานอย่างโปร่งใสและตรวจสอบได้",
      "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) กำหนดให้หน่วยงานเปิดเผยข้อมูลและมีมาตรการป้องกันการทุจริตที่เป็นรูปธรรม"],
];
#[rustfmt::skip]
const OBJECTIVES: [&[&str]; 5] = [
    &["เพื่อให้บุคลากรมีความรู้ความเข้าใจเรื่องประมวลจริยธรรมและผลประโยชน์ทับซ้อน", "เพื่อปลูกฝังค่านิยมความซื่อสัตย์สุจริตและการต่อต้านการทุจริต", "เพื่อเพิ่มประสิทธิภาพการปฏิบัติงานและการให้บริการประชาชน"],
    &["เพื่อให้ประชาชนมีส่วนร่วมในการบริหารกิจการของท้องถิ่น", "เพื่อสร้างเครือข่ายภาคประชาชนในการเฝ้าระวังการทุจริต", "เพื่อให้ประชาชนรับรู้ข้อมูลข่าวสารของ{org}อย่างทั่วถึง"],
    &["เพื่อปลูกฝังคุณธรรมจริยธรรมและความซื่อสัตย์สุจริตแก่เด็กและเยาวชน", "เพื่อให้เด็กและเยาวชนมีจิตสาธารณะและรับผิดชอบต่อส่วนรวม", "เพื่อสร้างภูมิคุ้มกันทางสังคมให้เด็กและเยาวชนห่างไกลยาเสพติด"],
    &["เพื่อให้{council}มีความรู้ความเข้าใจในกฎหมายและระเบียบที่เกี่ยวข้อง", "เพื่อส่งเสริมบทบาทการตรวจสอบของสภาท้องถิ่นอย่างเป็นธรรม"],
    &["เพื่อให้การปฏิบัติงานเป็นไปอย่างโปร่งใส ตรวจสอบได้", "เพื่อลดความเสี่ยงการทุจริตและประพฤติมิชอบในหน่วยงาน", "เพื่อยกระดับผลการประเมิน ITA ของ{org}"],
];
#[rustfmt::skip]
const STEPS: &[&str] = &["แต่งตั้งคณะทำงานและประสานงานกับหน่วยงานที่เกี่ยวข้อง", "ประชาสัมพันธ์ให้กลุ่มเป้าหมายทราบล่วงหน้า",
    "ดำเนินการตามกำหนดการที่วางไว้", "จัดทำแบบทดสอบหรือแบบประเมินความพึงพอใจ", "เผยแพร่ผลการดำเนินงานทางเว็บไซต์ของ{org}"];
#[rustfmt::skip]
const RESULTS: [&str; 5] = ["บุคลากรปฏิบัติงานด้วยความซื่อสัตย์สุจริต ไม่มีเรื่องร้องเรียนเรื่องการทุจริต", "ประชาชนมีส่วนร่วมและเชื่อมั่นในการบริหารงานของ{org}",
    "เด็กและเยาวชนมีคุณธรรมจริยธรรมและเป็นแบบอย่างที่ดีในชุมชน", "สภาท้องถิ่นตรวจสอบการบริหารงานได้ถูกต้องตามกฎหมาย", "การปฏิบัติงานโปร่งใส ตรวจสอบได้ และผลการประเมิน ITA ดีขึ้น"];
#[rustfmt::skip]
const INDICATORS: [(&str, &str); 5] = [("ร้อยละของผู้เข้าร่วมที่ผ่านแบบทดสอบหลังการอบรม", "80%"), ("ร้อยละความพึงพอใจของผู้เข้าร่วมโครงการ", "ไม่น้อยกว่าร้อยละ 80"),
    ("จำนวนเรื่องร้องเรียนเรื่องการทุจริต", "0 เรื่อง"), ("จำนวนช่องทางการเผยแพร่ข้อมูล", "อย่างน้อย 3 ช่องทาง"), ("ร้อยละของกิจกรรมที่ดำเนินการตามแผน", "100%")];
/// Target groups: (text, smallest, largest head count) by audience.
#[rustfmt::skip]
const GROUPS: [(&str, u32, u32); 5] = [("ผู้บริหาร สมาชิกสภา {staff} และพนักงานจ้าง", 25, 90), ("ประชาชน{area}", 60, 300),
    ("เด็กและเยาวชน{area}", 30, 150), ("ผู้บริหารและ{council}", 12, 40), ("บุคลากรของ{org}", 20, 80)];

// Report notes by status.
#[rustfmt::skip]
const NOTE_PROGRESS: &[&str] = &["อยู่ระหว่างดำเนินการ คาดว่าจะแล้วเสร็จในไตรมาสที่ 1 ปีงบประมาณถัดไป", "อยู่ระหว่างกระบวนการจัดซื้อจัดจ้าง",
    "ดำเนินการแล้ว อยู่ระหว่างสรุปผลการดำเนินงาน", "ดำเนินการต่อเนื่องตลอดปีงบประมาณ"];
#[rustfmt::skip]
const NOTE_NOT_STARTED: &[&str] = &["เลื่อนไปดำเนินการในปีงบประมาณถัดไป", "รอการโอนงบประมาณ", "กำหนดดำเนินการในไตรมาสที่ 3–4"];
#[rustfmt::skip]
const NOTE_NOT_POSSIBLE: &[&str] = &["ไม่ได้ตั้งงบประมาณไว้ใน{ordinance}", "เกิดอุทกภัยในพื้นที่ จึงงดจัดกิจกรรมและโอนงบประมาณไปช่วยเหลือผู้ประสบภัย",
    "งบประมาณไม่เพียงพอ จึงโอนไปใช้ในภารกิจที่จำเป็นเร่งด่วน", "ติดภารกิจการเลือกตั้งท้องถิ่น"];
#[rustfmt::skip]
const NOTE_AWAITING: &[&str] = &["หน่วยงานผู้รับผิดชอบยังไม่ส่งรายงานผลการดำเนินงาน", "อยู่ระหว่างรวบรวมเอกสารหลักฐาน"];

/// ITA measures: (issue, measure, owner, steps, result, outcome).
type ItaMeasure = (&'static str, &'static str, &'static str, &'static [&'static str], &'static str, &'static str);
#[rustfmt::skip]
const ITA_MEASURES: &[ItaMeasure] = &[
    ("กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ", "จัดทำและเผยแพร่คู่มือการปฏิบัติงานและมาตรฐานการให้บริการ", "หัวหน้าสำนักปลัด",
     &["จัดทำคู่มือโดยระบุขั้นตอนและระยะเวลาการให้บริการ", "กำชับให้เจ้าหน้าที่ถือปฏิบัติตามคู่มือโดยเคร่งครัด", "เผยแพร่คู่มือ ณ ที่ทำการและทางเว็บไซต์"],
     "มีคู่มือการปฏิบัติงาน {n} งาน เผยแพร่ครบทุกช่องทาง", "ประชาชนได้รับบริการตามลำดับอย่างเป็นธรรม"),
    ("การป้องกันการรับสินบนและผลประโยชน์ทับซ้อน", "ประกาศและสื่อสารนโยบาย No Gift Policy ให้บุคลากรและผู้มาติดต่อทราบ", "หัวหน้าสำนักปลัด",
     &["ผู้บริหารลงนามประกาศเจตนารมณ์ No Gift Policy", "เผยแพร่ประกาศทางเว็บไซต์และบอร์ดประชาสัมพันธ์", "รายงานผลการรับของขวัญเมื่อสิ้นปีงบประมาณ"],
     "ประกาศเจตนารมณ์แล้ว เผยแพร่ {n} ช่องทาง", "ไม่มีเรื่องร้องเรียนเรื่องการรับสินบนหรือของขวัญ"),
    ("การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง", "เผยแพร่สรุปผลการจัดซื้อจัดจ้างรายเดือนภายในวันที่ 15 ของเดือนถัดไป", "ผู้อำนวยการกองคลัง",
     &["เจ้าหน้าที่พัสดุจัดทำสรุปผลรายเดือน", "ผู้อำนวยการกองคลังตรวจทานและลงนาม", "เผยแพร่ทางเว็บไซต์"],
     "เผยแพร่ครบ 12 เดือน", "ประชาชนตรวจสอบการจัดซื้อจัดจ้างได้ทุกเดือน"),
    ("การใช้ทรัพย์สินของราชการ", "กำหนดแนวปฏิบัติการยืมและใช้ทรัพย์สินของราชการ", "หัวหน้าสำนักปลัด",
     &["จัดทำแนวปฏิบัติและแบบฟอร์มการยืมทรัพย์สิน", "ชี้แจงแนวปฏิบัติในการประชุมประจำเดือน", "ตรวจสอบการยืมคืนทุกไตรมาส"],
     "มีทะเบียนการยืมทรัพย์สินครบถ้วน {n} รายการ", "ไม่พบการนำทรัพย์สินของราชการไปใช้ประโยชน์ส่วนตน"),
    ("กลไกการจัดการเรื่องร้องเรียนการทุจริต", "เปิดช่องทางรับเรื่องร้องเรียนการทุจริตที่หลากหลายและปลอดภัยสำหรับผู้ร้อง", "หัวหน้าสำนักปลัด",
     &["จัดทำแนวปฏิบัติการจัดการเรื่องร้องเรียน", "เปิดช่องทางรับเรื่องทางโทรศัพท์ เว็บไซต์ และตู้รับเรื่อง", "รายงานผลการจัดการเรื่องร้องเรียนทุกไตรมาส"],
     "มีช่องทางรับเรื่องร้องเรียน {n} ช่องทาง", "ผู้ร้องได้รับแจ้งผลภายใน 15 วัน"),
];

#[rustfmt::skip]
const THAI_MONTHS: [&str; 12] = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
    "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];

// ───────────────────────────── PRNG ─────────────────────────────

/// SplitMix64: tiny, fast, and good enough for synthetic data.
struct Rng(u64);
impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    fn pct(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
    fn pick<'a, T>(&mut self, s: &'a [T]) -> &'a T {
        &s[self.below(s.len())]
    }
    fn word(&mut self, s: &[&'static str]) -> &'static str {
        s[self.below(s.len())]
    }
    fn weighted(&mut self, w: &[u32]) -> usize {
        let mut x = self.below(w.iter().sum::<u32>() as usize) as u32;
        for (i, &wi) in w.iter().enumerate() {
            if x < wi {
                return i;
            }
            x -= wi;
        }
        w.len() - 1
    }
}

// ───────────────────────────── formatting ─────────────────────────────

/// Money is held in satang (i64): exact, never a float.
fn money(s: i64) -> String {
    if s % 100 == 0 { format!("{}", s / 100) } else { format!("{}.{:02}", s / 100, s % 100) }
}
fn grouped(s: i64) -> String {
    let whole = (s / 100).to_string();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if s % 100 != 0 {
        w!(out, ".{:02}", s % 100);
    }
    out
}
fn thai_digits(s: &str) -> String {
    s.chars().map(|c| c.to_digit(10).map_or(c, |d| char::from_u32(0x0E50 + d).unwrap_or(c))).collect()
}
/// A YAML scalar, double-quoted when plain style could be misread (YAML indicators, numbers, …).
fn q(s: &str) -> String {
    let special = s.is_empty()
        || s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` ".contains(c))
        || s.ends_with(' ')
        || s.contains(": ")
        || s.contains(" #")
        || s.contains(|c: char| ",[]{}\"'%:#".contains(c))
        || s.chars().all(|c| c.is_ascii_digit() || c == '.')
        || ["true", "false", "null", "yes", "no", "~"].contains(&s);
    if !special {
        return s.to_string();
    }
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

// ───────────────────────────── authorities ─────────────────────────────

#[derive(Clone, Copy, PartialEq)]
enum Level {
    Sao,
    Tambon,
    Mueang,
    Nakhon,
    Pao,
    Other,
}

struct Auth {
    slug: String,
    name: String,
    level: Level,
    prov: usize,
    place: String,
    district: String,
    digits: u8,
    thai_status: bool,
    explicit_ids: bool,
}

impl Auth {
    fn kind(&self) -> &'static str {
        match self.level {
            Level::Sao => "sao",
            Level::Pao => "pao",
            Level::Other => "other",
            _ => "municipality",
        }
    }
    fn mun(&self) -> bool {
        matches!(self.level, Level::Tambon | Level::Mueang | Level::Nakhon)
    }
    /// Placeholders in pool text, spelled as this kind of authority spells them.
    fn fill(&self, t: &str) -> String {
        if !t.contains('{') {
            return t.to_string();
        }
        let (staff, council, short) = match self.level {
            Level::Sao => ("พนักงานส่วนตำบล", "สมาชิกสภาองค์การบริหารส่วนตำบล", "อบต."),
            Level::Pao => ("ข้าราชการองค์การบริหารส่วนจังหวัด", "สมาชิกสภาองค์การบริหารส่วนจังหวัด", "อบจ."),
            Level::Other => ("ข้าราชการและพนักงาน", "สมาชิกสภา", "หน่วยงาน"),
            _ => ("พนักงานเทศบาล", "สมาชิกสภาเทศบาล", "เทศบาล"),
        };
        let ordinance = if self.mun() {
            "เทศบัญญัติงบประมาณรายจ่ายประจำปี"
        } else {
            "ข้อบัญญัติงบประมาณรายจ่ายประจำปี"
        };
        let area = match self.level {
            Level::Pao => format!("ในจังหวัด{}", PROVINCES[self.prov].0),
            Level::Other | Level::Mueang | Level::Nakhon => format!("ในเขต{}", self.name),
            _ => format!("ตำบล{}", self.place),
        };
        t.replace("{org}", &self.name)
            .replace("{staff}", staff)
            .replace("{council}", council)
            .replace("{short}", short)
            .replace("{ordinance}", ordinance)
            .replace("{area}", &area)
    }
    /// Owner units by code; a PAO has สำนัก/กอง of its own, a municipality สำนักปลัดเทศบาล.
    fn owner(&self, code: u8) -> &'static str {
        let pao = self.level == Level::Pao;
        let palad = if pao {
            "สำนักปลัดองค์การบริหารส่วนจังหวัด"
        } else if self.mun() {
            "สำนักปลัดเทศบาล"
        } else {
            "สำนักปลัด"
        };
        match code {
            b'F' => {
                if pao {
                    "สำนักการคลัง"
                } else {
                    "กองคลัง"
                }
            }
            b'E' => {
                if pao {
                    "สำนักการช่าง"
                } else {
                    "กองช่าง"
                }
            }
            b'D' => {
                if self.mun() {
                    "กองการศึกษา"
                } else {
                    "กองการศึกษา ศาสนาและวัฒนธรรม"
                }
            }
            b'S' => "กองสวัสดิการสังคม",
            b'M' => "กองสาธารณสุขและสิ่งแวดล้อม",
            b'A' => "หน่วยตรวจสอบภายใน",
            b'L' => "ทุกส่วนราชการ",
            b'H' if pao => "กองการเจ้าหน้าที่",
            b'C' if pao => "กองกิจการสภาองค์การบริหารส่วนจังหวัด",
            _ => palad,
        }
    }
    fn amount(&self, s: i64) -> String {
        match self.digits {
            _ if s == 0 => "0".into(),
            1 => format!("\"{}\"", grouped(s)),
            2 => format!("\"{}\"", thai_digits(&grouped(s))),
            _ => money(s),
        }
    }
    fn num(&self, n: impl ToString) -> String {
        if self.digits == 2 { thai_digits(&n.to_string()) } else { n.to_string() }
    }
}

fn place(rng: &mut Rng, region: usize) -> String {
    let pre = rng.word(PLACE_PRE[region]);
    let mut suf = rng.word(PLACE_SUF);
    // No doubled syllable: not โนนโนนสวรรค์, not ศรีศรีสุข.
    while suf.starts_with(pre) {
        suf = rng.word(PLACE_SUF);
    }
    let mut p = format!("{pre}{suf}");
    // A third syllable (หนองบัวแดง) in one name of three keeps names from repeating too often.
    if rng.pct(33) {
        let tail = rng.word(PLACE_TAIL);
        if !p.contains(tail) {
            p.push_str(tail);
        }
    }
    p
}

/// Slug counters look back at earlier authorities only, so authority i is the same for any N.
struct Registry {
    counts: HashMap<(usize, &'static str), u32>,
    paos: usize,
    others: usize,
}

fn gen_authority(rng: &mut Rng, reg: &mut Registry) -> Auth {
    let r = rng.below(1000);
    // ~70 % sao, ~28 % municipality, ~1 % pao, ~1 % other; there are only two real "other"
    // authorities (กรุงเทพมหานคร, เมืองพัทยา), so later draws fall back to sao.
    let mut level = match r {
        0..=9 => Level::Pao,
        10..=19 => Level::Other,
        20..=299 => Level::Tambon,
        _ => Level::Sao,
    };
    if level == Level::Tambon {
        level = match rng.below(100) {
            0..=1 => Level::Nakhon,
            2..=9 => Level::Mueang,
            _ => Level::Tambon,
        };
    }
    if level == Level::Other && reg.others >= 2 {
        level = Level::Sao;
    }
    let weights: Vec<u32> = PROVINCES.iter().map(|p| p.5).collect();
    let mut prov = rng.weighted(&weights);
    let region = PROVINCES[prov].4;
    let mut district = if rng.pct(18) { format!("เมือง{}", PROVINCES[prov].0) } else { place(rng, region) };
    let (name, pl): (String, String);
    match level {
        Level::Pao => {
            // PAOs take the provinces in a scattered turn (29 is prime to 76): the first 76 differ.
            prov = 1 + reg.paos * 29 % (PROVINCES.len() - 1);
            reg.paos += 1;
            name = format!("องค์การบริหารส่วนจังหวัด{}", PROVINCES[prov].0);
            district = format!("เมือง{}", PROVINCES[prov].0);
            pl = "ในเมือง".into();
        }
        Level::Other => {
            let bkk = reg.others == 0;
            reg.others += 1;
            prov = if bkk { 0 } else { 8 };
            name = (if bkk { "กรุงเทพมหานคร" } else { "เมืองพัทยา" }).into();
            district = (if bkk { "พระนคร" } else { "บางละมุง" }).into();
            pl = (if bkk { "พระบรมมหาราชวัง" } else { "หนองปรือ" }).into();
        }
        _ => {
            pl = place(rng, region);
            name = match level {
                Level::Sao => format!("องค์การบริหารส่วนตำบล{pl}"),
                Level::Tambon => format!("เทศบาลตำบล{pl}"),
                Level::Mueang => {
                    district = pl.clone();
                    format!("เทศบาลเมือง{pl}")
                }
                _ => {
                    district = format!("เมือง{}", PROVINCES[prov].0);
                    format!("เทศบาลนคร{}", PROVINCES[prov].0)
                }
            };
        }
    }
    let token = match level {
        Level::Sao => "sao",
        Level::Pao => "pao",
        Level::Other => "other",
        _ => "mun",
    };
    let k = reg.counts.entry((prov, token)).or_insert(0);
    *k += 1;
    let slug = format!("{}-{}-{}", PROVINCES[prov].1, token, k);
    let digits = [0u8, 0, 0, 0, 0, 0, 0, 1, 1, 2][rng.below(10)];
    Auth { slug, name, level, prov, place: pl, district, digits, thai_status: rng.pct(35), explicit_ids: rng.pct(30) }
}

fn authority_yaml(a: &Auth, rng: &mut Rng) -> String {
    let (_, _, post, area, _, _) = PROVINCES[a.prov];
    let mut s = format!(
        "# {} ({}) จังหวัด{}\n# ข้อมูลสังเคราะห์ (synthetic, generated by examples/synth.rs): not a real authority;\n\
        # the code, address, phone and e-mail are placeholders.\nname: {}\nkind: {}\nprovince: {}\n",
        a.name,
        a.kind(),
        PROVINCES[a.prov].0,
        q(&a.name),
        a.kind(),
        PROVINCES[a.prov].0
    );
    wl!(s, "district: {}", q(&a.district));
    if matches!(a.level, Level::Sao | Level::Tambon) {
        wl!(s, "subdistrict: {}", q(&a.place));
    }
    let digit = match a.level {
        Level::Pao => 2,
        Level::Nakhon => 3,
        Level::Mueang => 4,
        Level::Tambon => 5,
        _ => 6,
    };
    if a.level != Level::Other && rng.pct(60) {
        wl!(s, "code: \"{digit}{post:02}{:02}{:02}\"", rng.range(1, 25), rng.range(1, 20));
    }
    if rng.pct(85) {
        wl!(s, "website: https://{}.example.org/", a.slug);
    }
    let postcode = if a.district.starts_with("เมือง") {
        format!("{post}000")
    } else {
        format!("{post}{}{}0", rng.range(1, 2), rng.range(1, 9))
    };
    let addr = match a.level {
        Level::Other if a.prov == 0 => "173 ถนนดินสอ แขวงเสาชิงช้า เขตพระนคร กรุงเทพมหานคร 10200".to_string(),
        Level::Pao | Level::Other => format!(
            "{} ถนนราชการ ตำบล{} อำเภอ{} จังหวัด{} {}",
            rng.range(1, 999),
            a.place,
            a.district,
            PROVINCES[a.prov].0,
            postcode
        ),
        _ => format!(
            "{} หมู่ {} ตำบล{} อำเภอ{} จังหวัด{} {}",
            rng.range(1, 399),
            rng.range(1, 15),
            a.place,
            a.district,
            PROVINCES[a.prov].0,
            postcode
        ),
    };
    let phone = if area.len() == 2 {
        format!("{area}-000-{:04}", rng.range(0, 9999))
    } else {
        format!("{area}-000-{:03}", rng.range(0, 999))
    };
    wl!(s, "contact:\n  address: {}\n  phone: \"{phone}\"\n  email: saraban@{}.example.org", q(&addr), a.slug);
    if rng.pct(70) {
        wl!(s, "complaint_channel: https://{}.example.org/complaint", a.slug);
    }
    s
}

// ───────────────────────────── plans ─────────────────────────────

#[derive(Clone, Copy, PartialEq)]
enum Amt {
    NotStated,
    Baht(i64),
}

struct Item {
    mission: usize,
    id: String,
    title: String,
    no_prefix: bool,
    subs: Vec<&'static str>,
    owners: Vec<&'static str>,
    budget: Vec<Amt>,
    absent: bool,
    note: Option<&'static str>,
    quarters: Vec<u8>,
    egp: Option<String>,
    aud: u8,
    detail: bool,
}
impl Item {
    fn money(&self, yi: usize) -> i64 {
        match self.budget[yi] {
            Amt::Baht(m) => m,
            Amt::NotStated => 0,
        }
    }
}

struct Plan {
    slug: String,
    title: String,
    template: usize,
    years: Vec<u32>,
    adopted: Option<String>,
    items: Vec<Item>,
}

/// Per-year amounts: mostly the same figure every year, as printed plans do.
fn year_amounts(rng: &mut Rng, base: i64, n: usize) -> Vec<Amt> {
    let mut v = vec![Amt::Baht(base); n];
    match rng.below(100) {
        0..=61 => {}
        62..=73 => {
            v[0] = Amt::Baht(if rng.pct(25) {
                base - rng.range(1, 150) * 1000 + rng.range(1, 9) * 10
            } else {
                base * 4 / 5 / 50000 * 50000
            })
        }
        74..=83 => {
            for (i, a) in v.iter_mut().enumerate().skip(2) {
                *a = Amt::Baht(base + base / 10 * (i as i64 - 1) / 100000 * 100000);
            }
        }
        84..=93 => {
            let k = rng.range(1, 3) as usize;
            for a in v.iter_mut().skip(k) {
                *a = Amt::NotStated;
            }
        }
        _ => {
            for a in v.iter_mut().skip(1).step_by(2) {
                *a = Amt::Baht(0);
            }
        }
    }
    for a in v.iter_mut() {
        if let Amt::Baht(m) = a
            && *m > 0
        {
            *m = (*m).max(100000);
        }
    }
    v
}

fn gen_plan(a: &Auth, rng: &mut Rng) -> Plan {
    let (template, years): (usize, Vec<u32>) = match rng.below(100) {
        0..=54 => (0, (2566..=2570).collect()),
        55..=84 => (0, (2567..=2570).collect()),
        85..=89 => (0, (2566..=2569).collect()),
        _ => (1, (2561..=2564).collect()),
    };
    let (y1, yn) = (years[0], years[years.len() - 1]);
    let slug = format!("{y1}-{yn}");
    let title = match rng.below(4) {
        0 => format!("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. {y1}–{yn}"),
        1 => format!("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. {y1} – {yn})"),
        2 => format!("แผนปฏิบัติการป้องกันการทุจริต {} ปี (พ.ศ. {} – {})", a.num(years.len()), a.num(y1), a.num(yn)),
        _ => format!("แผนปฏิบัติการป้องกันการทุจริตเพื่อยกระดับคุณธรรมและความโปร่งใส พ.ศ. {y1}–{yn}"),
    };
    let adopted = rng.pct(70).then(|| format!("{}-{:02}-{:02}", y1 - 1, rng.range(5, 9), rng.range(1, 28)));
    let missions = TEMPLATES[template];
    // 20–60 items, mean about 35: every mission gets one, the rest go by weight.
    let n = (20 + rng.below(16) + rng.below(20) * rng.below(20) / 12).min(60);
    let mut counts = vec![1usize; missions.len()];
    let weights: Vec<u32> = missions
        .iter()
        .map(|m| match m.2 {
            ETHICS | INTEGRITY | OPEN => 4,
            PUBLIC | YOUTH | DISCRETION => 3,
            _ => 2,
        })
        .collect();
    for _ in missions.len()..n {
        let mi = rng.weighted(&weights);
        if counts[mi] < TOPICS[missions[mi].2].1.len() {
            counts[mi] += 1;
        }
    }
    let mut items = Vec::new();
    for (mi, &(mno, subs, topic)) in missions.iter().enumerate() {
        let (aud, pool) = TOPICS[topic];
        let mut order: Vec<usize> = (0..pool.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for (k, &ti) in order.iter().take(counts[mi]).enumerate() {
            items.push(gen_item(a, rng, pool[ti], (mi, mno, k), subs, aud, &years));
        }
    }
    Plan { slug, title, template, years, adopted, items }
}

/// One plan item from a pool entry "kbo|title[|id]" (see TOPICS): the k-th item of mission `mno`.
fn gen_item(
    a: &Auth,
    rng: &mut Rng,
    entry: &str,
    (mi, mno, k): (usize, &str, usize),
    subs: &[&'static str],
    aud: u8,
    years: &[u32],
) -> Item {
    let y1 = years[0];
    // PAOs and large municipalities budget the same kind of item several times higher.
    let factor = match a.level {
        Level::Pao | Level::Other => 4,
        Level::Mueang | Level::Nakhon => 2,
        _ => 1,
    };
    let parts: Vec<&str> = entry.split('|').collect();
    let code = parts[0].as_bytes();
    let mut title = a.fill(parts[1]);
    if code[0] == b'm' && !parts[1].contains("{org}") && rng.pct(25) && !title.ends_with('”') {
        title = format!("{title}ของ{}", a.name);
    }
    let id = match parts.get(2) {
        Some(id) if a.explicit_ids => id.to_string(),
        _ => format!("{mno}-{}", k + 1),
    };
    let mut class = (code[1] - b'0') as usize;
    if class == 0 && code[0] == b'a' && rng.pct(12) {
        class = 1;
    }
    if class > 0 && rng.pct(12) {
        class = 0;
    }
    if class == 2 && rng.pct(8) {
        class = 3;
    }
    let (budget, absent, note) = if class == 0 {
        match rng.below(100) {
            0..=49 => (vec![Amt::Baht(0); years.len()], false, None),
            50..=84 => (vec![Amt::NotStated; years.len()], false, Some("ไม่ใช้งบประมาณ")),
            _ => (vec![Amt::NotStated; years.len()], true, None),
        }
    } else {
        let base = rng.pick(AMOUNTS[class]) * 100 * factor;
        (year_amounts(rng, base, years.len()), false, None)
    };
    let mut owners = vec![a.owner(code[2])];
    if rng.pct(6) && owners[0] != a.owner(b'F') {
        owners.push(a.owner(b'F'));
    }
    let mut item_subs = Vec::new();
    if !subs.is_empty() {
        item_subs.push(*rng.pick(subs));
        if rng.pct(20) {
            let s = *rng.pick(subs);
            if !item_subs.contains(&s) {
                item_subs.push(s);
                item_subs.sort();
            }
        }
    }
    let quarters = match code[0] {
        b'p' if rng.pct(45) => {
            let q0 = rng.range(1, 4) as u8;
            if q0 < 4 && rng.pct(30) { vec![q0, q0 + 1] } else { vec![q0] }
        }
        b'm' if rng.pct(25) => vec![1, 2, 3, 4],
        _ => vec![],
    };
    let funded = budget.iter().any(|b| matches!(b, Amt::Baht(m) if *m > 0));
    let egp = (funded && class >= 2 && rng.pct(10)).then(|| format!("{}01{:07}", y1 % 100, rng.range(0, 9_999_999)));
    // Detail pages: mostly for funded projects, as in real plans (about one item in ten).
    let detail = rng.pct(match (code[0], funded) {
        (b'p', true) => 28,
        (b'p', false) | (b'a', true) => 8,
        _ => 3,
    });
    Item {
        mission: mi,
        id,
        title,
        no_prefix: code[0] == b'x',
        subs: item_subs,
        owners,
        budget,
        absent,
        note,
        quarters,
        egp,
        aud,
        detail,
    }
}

/// One unit, or a joint owner as a flow list.
fn owner_text(o: &[&str]) -> String {
    if o.len() == 1 { o[0].to_string() } else { format!("[{}]", o.join(", ")) }
}

fn budget_map(a: &Auth, years: &[u32], v: &[Amt]) -> String {
    let cells: Vec<String> = years
        .iter()
        .zip(v)
        .map(|(y, b)| match b {
            Amt::Baht(m) => format!("{y}: {}", a.amount(*m)),
            Amt::NotStated => format!("{y}: \"-\""),
        })
        .collect();
    format!("{{{}}}", cells.join(", "))
}

fn year_map(years: &[u32], sums: &[i64]) -> String {
    format!("{{{}}}", years.iter().zip(sums).map(|(y, m)| format!("{y}: {}", money(*m))).collect::<Vec<_>>().join(", "))
}

/// Sums per year over items (not stated adds nothing), as the plan's printed total rows do.
fn year_totals(p: &Plan, pred: impl Fn(&Item) -> bool) -> (usize, Vec<i64>) {
    let its: Vec<&Item> = p.items.iter().filter(|i| pred(i)).collect();
    (its.len(), (0..p.years.len()).map(|yi| its.iter().map(|i| i.money(yi)).sum()).collect())
}

fn plan_yaml(a: &Auth, p: &Plan, rng: &mut Rng, irregular: bool, applied: &mut usize) -> String {
    let tname = ["nacc-2566", "nacc-2561"][p.template];
    let mut s = format!(
        "# {} ของ{} (ข้อมูลสังเคราะห์, synthetic)\n# mission titles are left out: the template {tname} supplies them.\n",
        p.title, a.name
    );
    let years: Vec<String> = p.years.iter().map(|y| y.to_string()).collect();
    w!(s, "title: {}\nfiscal_years: [{}]\ntemplate: {tname}\n", q(&p.title), years.join(", "));
    if let Some(d) = &p.adopted {
        wl!(s, "adopted: {d}");
    }
    s.push_str("dimensions:\n");
    let missions = TEMPLATES[p.template];
    for d in 1..=4u8 {
        w!(s, "  - no: {d}\n    title: {}\n    missions:\n", DIMENSIONS[p.template][d as usize - 1]);
        for (mi, m) in missions.iter().enumerate().filter(|(_, m)| m.0.as_bytes()[0] == b'0' + d) {
            w!(s, "      - no: \"{}\"\n        items:\n", m.0);
            for it in p.items.iter().filter(|i| i.mission == mi) {
                if it.detail {
                    wl!(s, "          # {} · detail page plans/{}/{}.md", it.id, p.slug, it.id);
                }
                if it.id.starts_with(&format!("{}-", m.0)) {
                    wl!(s, "          - title: {}", q(&it.title));
                } else {
                    w!(s, "          - id: {}\n            title: {}\n", it.id, q(&it.title));
                }
                if it.no_prefix {
                    s.push_str("            kind: activity\n");
                }
                if !it.subs.is_empty() {
                    let subs: Vec<String> = it.subs.iter().map(|x| format!("\"{x}\"")).collect();
                    wl!(s, "            sub_missions: [{}]", subs.join(", "));
                }
                wl!(s, "            owner: {}", owner_text(&it.owners));
                if !it.absent {
                    wl!(s, "            budget: {}", budget_map(a, &p.years, &it.budget));
                }
                if !it.quarters.is_empty() {
                    let qs: Vec<String> = it.quarters.iter().map(|x| x.to_string()).collect();
                    wl!(s, "            quarters: [{}]", qs.join(", "));
                }
                if let Some(e) = &it.egp {
                    wl!(s, "            egp: [\"{e}\"]");
                }
                if let Some(n) = it.note {
                    wl!(s, "            note: {n}");
                }
            }
        }
    }
    // Printed total rows: about half the plans print them. They add up, except that an irregular
    // plan's total is 300 baht off in one year. No draw depends on `irregular`.
    let off = rng.below(p.years.len());
    if rng.pct(45) {
        s.push_str("stated_totals:\n");
        let (count, mut sums) = year_totals(p, |_| true);
        if irregular {
            sums[off] += 30000;
            *applied += 1;
            wl!(
                s,
                "  # does not match on purpose: the {} total was added up by hand and is 300 baht too high",
                p.years[off]
            );
        }
        wl!(
            s,
            "  - scope: plan\n    count: {count}\n    budget: {}\n    source: หน้า {}",
            year_map(&p.years, &sums),
            rng.range(12, 40)
        );
        if rng.pct(40) {
            for d in 1..=4u8 {
                let (c, sums) = year_totals(p, |i| missions[i.mission].0.as_bytes()[0] == b'0' + d);
                wl!(s, "  - scope: dimension {d}\n    count: {c}\n    budget: {}", year_map(&p.years, &sums));
            }
        }
    }
    s
}

fn index_md(a: &Auth, p: &Plan, rng: &mut Rng) -> String {
    let mut s = format!(
        "# {}\n\n> ข้อมูลสังเคราะห์ (synthetic): ข้อความในหน้านี้สร้างขึ้นเพื่อเป็นตัวอย่าง\n\n## วิสัยทัศน์\n\n{}\n\n## พันธกิจ\n\n",
        p.title,
        a.fill(rng.word(VISIONS))
    );
    let start = rng.below(2);
    for (i, m) in MISSION_LINES.iter().skip(start).take(3 + rng.below(2)).enumerate() {
        wl!(s, "{}. {}", i + 1, a.fill(m));
    }
    w!(
        s,
        "\n## การวิเคราะห์ความเสี่ยง\n\nความเสี่ยงที่พบบ่อยของ{} คือ{} แผนนี้จึงกำหนดมาตรการที่เกี่ยวข้องไว้ในมิติที่ 2\n",
        a.name,
        rng.pick(&["การจัดซื้อจัดจ้างที่ไม่ได้เผยแพร่ผลการวิเคราะห์", "การรับของขวัญในช่วงเทศกาล", "การใช้ดุลพินิจในการอนุมัติอนุญาต"])
    );
    s
}

// ───────────────────────────── detail pages ─────────────────────────────

/// Budget lines that add up exactly to `total` satang, each line's arithmetic exact.
fn budget_lines(rng: &mut Rng, total: i64, people: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut left = total;
    let add = |out: &mut Vec<String>, label: &str, qty: i64, unit: &str, times: i64, price: i64, left: &mut i64| {
        let amount = qty * times * price * 100;
        if amount > 0 && amount <= *left * 9 / 10 {
            let t = if times > 1 { format!(", times: {times}") } else { String::new() };
            out.push(format!(
                "{{label: {label}, quantity: {qty}, unit: {unit}{t}, unit_price: {price}, amount: {}}}",
                amount / 100
            ));
            *left -= amount;
        }
    };
    if total >= 500000 {
        add(&mut out, "ค่าตอบแทนวิทยากร", *rng.pick(&[3, 6]), "ชั่วโมง", 1, *rng.pick(&[600, 1200]), &mut left);
        add(&mut out, "ค่าอาหารกลางวัน", people, "คน", 1, *rng.pick(&[50, 70, 80, 100]), &mut left);
        add(&mut out, "ค่าอาหารว่างและเครื่องดื่ม", people, "คน", 2, *rng.pick(&[25, 30, 35]), &mut left);
        add(&mut out, "ค่าป้ายโครงการ", 1, "ป้าย", 1, *rng.pick(&[500, 750, 1000]), &mut left);
    }
    if left > 0 {
        out.push(format!("{{label: ค่าวัสดุอุปกรณ์และค่าใช้จ่ายอื่นที่จำเป็น, amount: {}}}", money(left)));
    }
    out
}

fn detail_md(a: &Auth, p: &Plan, it: &Item, rng: &mut Rng) -> String {
    let aud = it.aud as usize;
    let (group, lo, hi) = GROUPS[aud];
    let people = rng.range(lo as i64, hi as i64);
    let (y1, yn) = (p.years[0], p.years[p.years.len() - 1]);
    let mut s =
        format!("---\n# ข้อมูลสังเคราะห์ (synthetic)\ntitle: {}\nowner: {}\n", q(&it.title), owner_text(&it.owners));
    let period = match (it.quarters.first(), rng.below(2)) {
        (Some(q0), _) => format!("ไตรมาสที่ {q0} ของทุกปีงบประมาณ"),
        (None, 0) => format!("ปีงบประมาณ พ.ศ. {} – {}", a.num(y1), a.num(yn)),
        _ => format!("ตุลาคม {} – กันยายน {yn}", y1 - 1),
    };
    w!(
        s,
        "period: {}\ntarget_group: {}\narea: {}\n",
        q(&period),
        q(&format!("{} จำนวน {people} คน", a.fill(group))),
        q(&if aud == PEOPLE as usize {
            a.fill("พื้นที่{area}")
        } else {
            format!("ห้องประชุม{}", a.name)
        })
    );
    // The page repeats the plan's amount (one figure when every stated year has it), so no warning.
    let first = it.budget.iter().position(|b| matches!(b, Amt::Baht(m) if *m > 0));
    let mut lines = Vec::new();
    if let Some(yi) = first {
        let m = it.money(yi);
        let same = it.budget.iter().all(|b| *b == Amt::NotStated || *b == Amt::Baht(m));
        if same {
            wl!(s, "budget: {}", money(m));
        } else {
            wl!(s, "budget: {{{}: {}}}", p.years[yi], money(m));
        }
        lines = budget_lines(rng, m, people);
    } else if it.budget.iter().all(|b| *b != Amt::NotStated) || it.note.is_some() {
        s.push_str("budget: 0   # ไม่ใช้งบประมาณ\n");
    }
    let (ind, target) = INDICATORS[rng.below(INDICATORS.len())];
    w!(
        s,
        "indicators:\n  - {{name: {}, target: {}}}\n  - {{name: จำนวนผู้เข้าร่วมหรือผู้ได้รับประโยชน์, target: {people} คน}}\n",
        q(ind),
        q(target)
    );
    w!(
        s,
        "outputs: [{}]\noutcomes: [{}]\n",
        q(&format!("{} เข้าร่วมกิจกรรมครบ {people} คน", a.fill(group))),
        q(&a.fill(RESULTS[aud]))
    );
    if !lines.is_empty() {
        s.push_str("budget_lines:\n");
        for l in &lines {
            wl!(s, "  - {l}");
        }
    }
    s.push_str("---\n\n## หลักการและเหตุผล\n\n");
    let r = rng.below(2);
    // The law sentence (ORG pool) follows the audience's own; an ORG item takes both, in turn.
    let law = if aud == ORG as usize { 1 - r } else { rng.below(2) };
    w!(
        s,
        "{} {}\n{}จึงได้จัดทำ{}ขึ้น เพื่อให้การดำเนินงานสอดคล้องกับแผนปฏิบัติการป้องกันการทุจริตและนโยบายของรัฐบาล\n\n",
        a.fill(RATIONALE[aud][r]),
        a.fill(RATIONALE[4][law]),
        a.name,
        it.title
    );
    s.push_str("## วัตถุประสงค์\n\n");
    for (i, o) in OBJECTIVES[aud].iter().enumerate() {
        wl!(s, "{}. {}", i + 1, a.fill(o));
    }
    if rng.pct(80) {
        w!(s, "\n## กลุ่มเป้าหมาย\n\n{} จำนวน {} คน\n", a.fill(group), a.num(people));
    }
    if rng.pct(85) {
        s.push_str("\n## วิธีดำเนินการ\n\n1. ขออนุมัติโครงการต่อผู้บริหาร\n");
        let k = 2 + rng.below(3);
        for (i, st) in STEPS.iter().take(k).enumerate() {
            wl!(s, "{}. {}", i + 2, a.fill(st));
        }
        wl!(s, "{}. ติดตาม ประเมินผล และรายงานผลต่อผู้บริหาร", k + 2);
    }
    if rng.pct(60) {
        w!(s, "\n## ระยะเวลาดำเนินการ\n\n{period} โดยรายงานผลต่อผู้บริหารภายใน 30 วันหลังเสร็จสิ้นการดำเนินการ\n");
    }
    match first {
        Some(yi) if rng.pct(70) => {
            w!(
                s,
                "\n## งบประมาณ\n\nใช้งบประมาณตาม{} {} จำนวน {} บาท รายละเอียดตามรายการค่าใช้จ่าย ถัวเฉลี่ยจ่ายได้ทุกรายการ\n",
                a.fill("{ordinance}"),
                p.years[yi],
                grouped(it.money(yi))
            );
        }
        None if rng.pct(50) => s.push_str("\n## งบประมาณ\n\nไม่ใช้งบประมาณในการดำเนินการ\n"),
        _ => {}
    }
    if rng.pct(60) {
        w!(s, "\n## ผลที่คาดว่าจะได้รับ\n\n1. {}\n2. {}\n", a.fill(RESULTS[aud]), a.fill(RESULTS[4]));
    }
    s
}

// ───────────────────────────── reports ─────────────────────────────

#[derive(Clone, Copy, PartialEq)]
enum St {
    Done,
    Progress,
    Awaiting,
    NotPossible,
    NotStarted,
}
const ST_EN: [&str; 5] = ["done", "in_progress", "awaiting_report", "not_possible", "not_started"];
const ST_TH: [&str; 5] = ["ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "รอรายงาน", "ไม่สามารถดำเนินการได้", "ยังไม่ดำเนินการ"];

struct Row {
    st12: St,
    st6: St,
    budget: Option<i64>,
    d12: Option<i64>,
    d6: Option<i64>,
}

/// Statuses and money for each plan item in fiscal year index yi, 12-month round first,
/// then the 6-month round made consistent with it (what is done by March stays done).
fn gen_rows(p: &Plan, yi: usize, rng: &mut Rng) -> Vec<Row> {
    p.items
        .iter()
        .map(|it| {
            let st12 = match rng.below(100) {
                0..=77 => St::Done,
                78..=85 => St::Progress,
                86..=89 => St::Awaiting,
                90..=94 => St::NotPossible,
                _ => St::NotStarted,
            };
            let st6 = match st12 {
                St::Done => [St::Done, St::Progress, St::NotStarted][rng.weighted(&[45, 40, 15])],
                St::Progress => [St::Progress, St::NotStarted][rng.below(2)],
                St::NotPossible => [St::NotStarted, St::Progress, St::NotPossible][rng.weighted(&[50, 30, 20])],
                St::Awaiting => [St::Awaiting, St::Progress][rng.below(2)],
                St::NotStarted => St::NotStarted,
            };
            let plan_b = it.money(yi);
            // Some ordinances budget a different figure than the plan: the round then states it.
            let budget =
                (plan_b > 0 && rng.pct(5)).then(|| (plan_b * rng.range(70, 130) / 100 / 100000).max(1) * 100000);
            let b = budget.unwrap_or(plan_b);
            let d12 = if b == 0 {
                None
            } else {
                match st12 {
                    St::Done => Some(if rng.pct(45) {
                        b
                    } else if rng.pct(20) {
                        b * rng.range(80, 99) / 100 + rng.range(0, 99)
                    } else {
                        b * rng.range(80, 99) / 100 / 1000 * 1000
                    }),
                    St::Progress => Some(b * rng.range(20, 70) / 100 / 1000 * 1000),
                    St::NotPossible | St::NotStarted => rng.pct(50).then_some(0),
                    St::Awaiting => None,
                }
            };
            let d12 = d12.map(|d| if st12 == St::Done { d.clamp(100, b) } else { d.min(b) });
            let d6 = match (st6, d12) {
                (St::Done, Some(d)) => Some(d),
                (St::Progress, Some(d)) if d > 0 => Some(d * rng.range(30, 60) / 100 / 1000 * 1000),
                _ => None,
            };
            Row { st12, st6, budget, d12, d6 }
        })
        .collect()
}

/// A round; `irregular` leaves one item out of a 6-month round, or misprints a 12-month summary.
fn report_yaml(
    a: &Auth,
    p: &Plan,
    rows: &[Row],
    (fy, twelve): (u32, bool),
    rng: &mut Rng,
    irregular: bool,
    applied: &mut usize,
) -> String {
    let period = if twelve { "12m" } else { "6m" };
    let mut s = format!(
        "# {} รอบ {} เดือน ปีงบประมาณ {fy} ของ{} (ข้อมูลสังเคราะห์, synthetic)\n",
        if twelve {
            "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี"
        } else {
            "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต"
        },
        if twelve { 12 } else { 6 },
        a.name
    );
    let drop = rng.below(p.items.len());
    let missing = (irregular && !twelve).then_some(drop);
    if let Some(m) = missing {
        *applied += 1;
        wl!(
            s,
            "# item {} is left out on purpose: the officer forgot it, so it counts as awaiting report",
            p.items[m].id
        );
    }
    let (asof, pubm) = if twelve { (format!("{fy}-09-30"), 10) } else { (format!("{fy}-03-31"), 4) };
    w!(
        s,
        "plan: {}\nfiscal_year: {fy}\nperiod: {period}\nas_of: {asof}\npublished: {fy}-{pubm:02}-{:02}\nitems:\n",
        p.slug,
        rng.range(5, 28)
    );
    let yi = p.years.iter().position(|y| *y == fy).unwrap_or(0);
    let (mut counts, mut bsum, mut dsum) = ([0usize; 5], 0i64, 0i64);
    for (i, (it, r)) in p.items.iter().zip(rows).enumerate() {
        let (st, d) = if twelve { (r.st12, r.d12) } else { (r.st6, r.d6) };
        let label = if a.thai_status { ST_TH[st as usize] } else { ST_EN[st as usize] };
        let mut t = format!("  - item: {}\n    status: {label}\n", it.id);
        if let Some(b) = r.budget {
            wl!(t, "    budget: {}", a.amount(b));
        }
        if let Some(d) = d {
            wl!(t, "    disbursed: {}", a.amount(d));
        }
        let note = match st {
            St::Progress if twelve && rng.pct(60) => Some(a.fill(rng.word(NOTE_PROGRESS))),
            St::NotStarted if rng.pct(70) => Some(a.fill(rng.word(NOTE_NOT_STARTED))),
            St::NotPossible => Some(a.fill(rng.word(NOTE_NOT_POSSIBLE))),
            St::Awaiting => Some(rng.word(NOTE_AWAITING).to_string()),
            St::Done if rng.pct(8) => {
                // Months of the fiscal year: October–December belong to the previous calendar year.
                let m = [9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7, 8][rng.below(if twelve { 12 } else { 6 })];
                Some(format!(
                    "ดำเนินการเมื่อ {} {} {} ผู้เข้าร่วม {} คน",
                    rng.range(1, 28),
                    THAI_MONTHS[m],
                    if m >= 9 { fy - 1 } else { fy },
                    rng.range(20, 150)
                ))
            }
            _ => None,
        };
        if let Some(n) = note {
            wl!(t, "    note: {}", q(&n));
        }
        if st == St::Done && rng.pct(10) {
            wl!(t, "    evidence: [https://{}.example.org/news/{fy}-{}]", a.slug, rng.range(1, 400));
        }
        // The left-out item still made its draws above, so nothing after it shifts.
        if Some(i) != missing {
            counts[st as usize] += 1;
            bsum += r.budget.unwrap_or(it.money(yi));
            dsum += d.unwrap_or(0);
            s.push_str(&t);
        }
    }
    // The printed summary: about four rounds in ten print one; it agrees unless deliberately not.
    if rng.pct(40) && missing.is_none() {
        if irregular && twelve {
            dsum += 1000;
            *applied += 1;
            s.push_str(
                "# the printed disbursement total is 10 baht off on purpose (a slip when the sheet was added up)\n",
            );
        }
        let mut parts: Vec<String> =
            (0..5).filter(|k| counts[*k] > 0).map(|k| format!("{}: {}", ST_EN[k], counts[k])).collect();
        parts.push(format!(
            "total: {}, budget: {}, disbursed: {}",
            counts.iter().sum::<usize>(),
            money(bsum),
            money(dsum)
        ));
        w!(s, "stated_summary:\n  {{{}}}\n", parts.join(", "));
    }
    s
}

// ───────────────────────────── ITA ─────────────────────────────

fn ita_yaml(a: &Auth, year: u32, rng: &mut Rng) -> String {
    let score = rng.range(7000, 9950);
    let level = if year <= 2565 {
        ["F", "E", "D", "C", "B", "A", "AA"][match score {
            9500.. => 6,
            8500.. => 5,
            7500.. => 4,
            6500.. => 3,
            _ => 2,
        }]
    } else {
        match score {
            9500.. => ["ผ่านดีเยี่ยม", "ผ่านดี"][rng.below(2)],
            8500.. => ["ผ่านดี", "ผ่าน"][rng.below(2)],
            _ => "ต้องปรับปรุง",
        }
    };
    let mut s = format!(
        "# ITA {year} ของ{} (ข้อมูลสังเคราะห์, synthetic)\nyear: {year}\nscore: {}.{:02}\nlevel: {level}\n",
        a.name,
        score / 100,
        score % 100
    );
    // Evidence only for 2566–2567 (codes O1–O43 with these meanings; 2564 numbers them differently).
    // Links are outside URLs: the generator writes no files/.
    if (2566..=2567).contains(&year) {
        s.push_str("evidence:\n");
        let codes: &[(&str, &str)] = &[
            ("O1", "โครงสร้างองค์กร"),
            ("O3", "อำนาจหน้าที่"),
            ("O7", "ข่าวประชาสัมพันธ์"),
            ("O14", "คู่มือการปฏิบัติงาน"),
            ("O15", "คู่มือการให้บริการ"),
            ("O21", "สรุปผลการจัดซื้อจัดจ้างรายเดือน"),
            ("O31", "ประกาศเจตนารมณ์ No Gift Policy"),
            ("O39", "ประมวลจริยธรรม"),
        ];
        for (code, title) in codes {
            if !rng.pct(60) {
                continue;
            }
            let url = format!("https://{}.example.org/ita/{year}/{}", a.slug, code.to_lowercase());
            if rng.pct(50) {
                wl!(s, "  {code}: [{{title: {}, url: \"{url}\"}}]", q(title));
            } else {
                wl!(s, "  {code}: [\"{url}\"]");
            }
        }
    }
    s.push_str("measures:\n");
    let mut order: Vec<usize> = (0..ITA_MEASURES.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    for &mi in order.iter().take(2 + rng.below(3)) {
        let (issue, title, owner, steps, result, outcome) = ITA_MEASURES[mi];
        w!(s, "  - issue: {}\n    measures:\n      - no: 1\n        title: {}\n        steps:\n", q(issue), q(title));
        for (i, st) in steps.iter().enumerate() {
            wl!(s, "          - {}", q(&format!("{}. {st}", a.num(i + 1))));
        }
        let q1 = rng.range(1, 2);
        w!(
            s,
            "        period: ไตรมาสที่ {}–{}\n        owner: {owner}\n        result: {}\n        outcome: {}\n",
            a.num(q1),
            a.num(rng.range(q1 + 1, 4)),
            q(&result.replace("{n}", &a.num(rng.range(2, 9)))),
            q(outcome)
        );
    }
    s
}

// ───────────────────────────── output ─────────────────────────────

struct Out {
    root: PathBuf,
    files: usize,
    bytes: u64,
}
impl Out {
    fn put(&mut self, rel: &str, text: &str) -> io::Result<()> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, text)?;
        self.files += 1;
        self.bytes += text.len() as u64;
        Ok(())
    }
}

#[derive(Default)]
struct Stats {
    items: usize,
    details: usize,
    rounds: usize,
    ita: usize,
    irregular: usize,
}

fn write_authority(out: &mut Out, a: &Auth, rng: &mut Rng, clean: bool, st: &mut Stats) -> io::Result<()> {
    out.put(&format!("{}/authority.yaml", a.slug), &authority_yaml(a, rng))?;
    let plan = gen_plan(a, rng);
    // Deliberate irregularities, about 3 authorities in 100: 0–1 a plan total off (where totals
    // are printed), 2 an item left out of the 6-month round, 3–4 a misprinted 12-month summary
    // (where one is printed). Drawn even with --clean, so --clean changes only those lines.
    let draw = rng.below(100);
    let irr = if clean { 100 } else { draw };
    let text = plan_yaml(a, &plan, rng, irr <= 1, &mut st.irregular);
    out.put(&format!("{}/plans/{}.yaml", a.slug, plan.slug), &text)?;
    if rng.pct(35) {
        out.put(&format!("{}/plans/{}/_index.md", a.slug, plan.slug), &index_md(a, &plan, rng))?;
    }
    for it in plan.items.iter().filter(|i| i.detail) {
        out.put(&format!("{}/plans/{}/{}.md", a.slug, plan.slug, it.id), &detail_md(a, &plan, it, rng))?;
        st.details += 1;
    }
    st.items += plan.items.len();
    // Report on a fiscal year that has ended (up to 2568).
    let done: Vec<u32> =
        plan.years.iter().copied().filter(|y| *y <= 2568 && (plan.template == 0 || *y >= 2563)).collect();
    let fy = *rng.pick(&done);
    let yi = plan.years.iter().position(|y| *y == fy).unwrap_or(0);
    let rows = gen_rows(&plan, yi, rng);
    let six = report_yaml(a, &plan, &rows, (fy, false), rng, irr == 2, &mut st.irregular);
    out.put(&format!("{}/reports/{fy}-6m.yaml", a.slug), &six)?;
    let twelve = report_yaml(a, &plan, &rows, (fy, true), rng, irr == 3 || irr == 4, &mut st.irregular);
    out.put(&format!("{}/reports/{fy}-12m.yaml", a.slug), &twelve)?;
    st.rounds += 2;
    if rng.pct(10) {
        // The ITA year whose catalogue exists: the year after the report if known, else the same.
        let year = if [2564, 2566, 2567, 2568, 2569].contains(&(fy + 1)) { fy + 1 } else { fy };
        out.put(&format!("{}/ita/{year}.yaml", a.slug), &ita_yaml(a, year, rng))?;
        st.ita += 1;
    }
    Ok(())
}

const USAGE: &str = "usage: synth --authorities N --output DIR [--seed S] [--force] [--clean]
  --authorities N  number of authorities to generate (1..=100000)
  --output DIR     content folder to write (must be empty or absent)
  --seed S         seed (default 2566); same seed and N give byte-identical output
  --force          remove DIR first if it is a content folder (has site.yaml) or empty
  --clean          leave out the few deliberate irregularities (zero warnings)";

struct Opts {
    n: usize,
    out: PathBuf,
    seed: u64,
    force: bool,
    clean: bool,
}

fn parse_args(args: &[String]) -> Result<Option<Opts>, String> {
    let (mut n, mut out, mut seed, mut force, mut clean) = (None, None, 2566u64, false, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "--authorities" | "-n" => {
                let v = val("--authorities")?;
                n = Some(
                    v.parse::<usize>()
                        .ok()
                        .filter(|n| (1..=100_000).contains(n))
                        .ok_or(format!("--authorities: '{v}' is not a number from 1 to 100000"))?,
                );
            }
            "--output" | "-o" => out = Some(PathBuf::from(val("--output")?)),
            "--seed" => {
                let v = val("--seed")?;
                seed = v.parse().map_err(|_| format!("--seed: '{v}' is not a whole number"))?;
            }
            "--force" => force = true,
            "--clean" => clean = true,
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    let n = n.ok_or("--authorities is required")?;
    let out = out.ok_or("--output is required")?;
    Ok(Some(Opts { n, out, seed, force, clean }))
}

fn prepare(dir: &Path, force: bool) -> Result<(), String> {
    let mut entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", dir.display())),
    };
    if entries.next().is_none() {
        return Ok(());
    }
    if !force {
        return Err(format!("{} is not empty (use --force to replace it)", dir.display()));
    }
    // Never wipe a folder that is not generated content: --force on the wrong path must not hurt.
    if !dir.join("site.yaml").is_file() {
        return Err(format!("{} is not empty and has no site.yaml: refusing to remove it", dir.display()));
    }
    fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))
}

fn run(o: &Opts) -> Result<String, String> {
    prepare(&o.out, o.force)?;
    let mut out = Out { root: o.out.clone(), files: 0, bytes: 0 };
    let io = |e: io::Error| format!("cannot write into {}: {e}", o.out.display());
    out.put("site.yaml", &format!("# ข้อมูลสังเคราะห์ (synthetic content), examples/synth.rs --seed {}\n\
        title: \"พอร์ทัลแผนปฏิบัติการป้องกันการทุจริตขององค์กรปกครองส่วนท้องถิ่น (ข้อมูลสังเคราะห์)\"\nbase_url: https://example.org/\nlanguage: th\n", o.seed)).map_err(io)?;
    let mut reg = Registry { counts: HashMap::new(), paos: 0, others: 0 };
    let mut st = Stats::default();
    for i in 0..o.n {
        let mut rng = Rng::new(o.seed, i as u64 + 1);
        let a = gen_authority(&mut rng, &mut reg);
        write_authority(&mut out, &a, &mut rng, o.clean, &mut st).map_err(io)?;
    }
    Ok(format!(
        "synth: {} authorities, {} items, {} detail pages, {} report rounds, {} ITA files, {} deliberate irregularities; \
        {} files ({:.1} MB) written to {} (seed {})",
        o.n,
        st.items,
        st.details,
        st.rounds,
        st.ita,
        st.irregular,
        out.files,
        out.bytes as f64 / 1e6,
        o.out.display(),
        o.seed
    ))
}

fn main() {
    // args_os: a non-UTF-8 argument is a usage error, not a panic.
    let args: Result<Vec<String>, _> = env::args_os().skip(1).map(|a| a.into_string()).collect();
    let Ok(args) = args else {
        eprintln!("synth: arguments must be UTF-8\n{USAGE}");
        process::exit(2);
    };
    match parse_args(&args) {
        Ok(None) => println!("{USAGE}"),
        Err(msg) => {
            eprintln!("synth: {msg}\n{USAGE}");
            process::exit(2);
        }
        Ok(Some(o)) => match run(&o) {
            Ok(summary) => println!("{summary}"),
            Err(msg) => {
                eprintln!("synth: {msg}");
                process::exit(1);
            }
        },
    }
}
