//! The `วิธีกรอก` sheet: what each column means and how to bring the workbook back, in Thai.

use super::HOWTO_SHEET;
use super::plan_sheet::Layout;
use super::style::Styles;
use crate::content::model::Status;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// A sheet of (label, explanation) rows.
struct Writer<'a> {
    ws: &'a mut Worksheet,
    st: &'a Styles,
    row: u32,
}

impl Writer<'_> {
    fn new<'a>(ws: &'a mut Worksheet, st: &'a Styles, title: &str) -> Result<Writer<'a>, XlsxError> {
        ws.set_name(HOWTO_SHEET)?;
        ws.set_column_width(0, 30)?;
        ws.set_column_width(1, 100)?;
        ws.set_column_format(0, &st.prose)?;
        ws.set_column_format(1, &st.prose)?;
        ws.set_landscape();
        ws.set_paper_size(9);
        ws.set_print_fit_to_pages(1, 0);
        ws.write_string_with_format(0, 0, title, &st.prose_bold)?;
        Ok(Writer { ws, st, row: 2 })
    }
    fn heading(&mut self, left: &str, right: &str) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(self.row, 0, left, &self.st.header)?;
        self.ws.write_string_with_format(self.row, 1, right, &self.st.header)?;
        self.row += 1;
        Ok(())
    }
    fn line(&mut self, left: &str, right: &str) -> Result<(), XlsxError> {
        super::style::write_text(self.ws, self.row, 0, left, &self.st.text)?;
        super::style::write_text(self.ws, self.row, 1, right, &self.st.text)?;
        self.row += 1;
        Ok(())
    }
    fn gap(&mut self) {
        self.row += 1;
    }
}

const NOT_STATED_RULE: &str = "เครื่องหมาย - หรือช่องว่าง = ไม่ระบุงบประมาณ (ไม่นับในยอดรวม และยอดรวมจะบอกว่ามีรายการที่ไม่ระบุ); \
0 หรือคำว่า ไม่ใช้งบประมาณ = รายการนี้ไม่ต้องใช้งบประมาณ สองอย่างนี้ต่างกัน อย่าใส่ 0 แทนการไม่ระบุ";

/// `codes`: the numbers and titles of the dimensions, missions and sub-missions, for the
/// officer to look up; `source`: where they come from (a national template, or the plan).
pub fn plan(
    ws: &mut Worksheet,
    st: &Styles,
    l: &Layout,
    codes: &[(String, String)],
    source: &str,
    import: &str,
    url: Option<&str>,
) -> Result<(), XlsxError> {
    let mut w = Writer::new(ws, st, "วิธีกรอกแผนปฏิบัติการป้องกันการทุจริต (แผ่นงาน แผน)")?;
    w.heading("คอลัมน์", "ความหมายและวิธีกรอก")?;
    w.line(
        "มิติ",
        "เลขและชื่อมิติ เช่น 1 การสร้างวัฒนธรรมสุจริต กรอกครั้งเดียวที่แถวแรกของมิติ \
แถวล่างที่เว้นว่างไว้ถือว่าอยู่ในมิติเดียวกับแถวบน (ผสานเซลล์ก็ได้)",
    )?;
    w.line(
        "ภารกิจตามมิติ",
        "เลขและชื่อภารกิจ เช่น 1.1 การเสริมสร้างจิตสำนึก… กรอกครั้งเดียวที่แถวแรกของภารกิจ \
แถวล่างที่เว้นว่างถือว่าเป็นภารกิจเดียวกับแถวบน เว้นว่างทั้งคอลัมน์ได้ถ้าแผนไม่แบ่งภารกิจ",
    )?;
    w.line(
        "รหัส",
        "รหัสของรายการ ใช้เป็นที่อยู่หน้าเว็บ (ตัวอักษร a-z ตัวเลข จุด และขีด) เช่น ethics-code \
เว้นว่างได้: โปรแกรมตั้งให้เป็น เลขภารกิจ-ลำดับ เช่น 1.1-3 เมื่อเผยแพร่แล้วไม่ควรเปลี่ยน",
    )?;
    w.line("โครงการ/กิจกรรม/มาตรการ", "ชื่อรายการ (ต้องกรอก) แถวที่มีแต่มิติหรือภารกิจโดยไม่มีชื่อรายการ คือหัวข้อของมิติหรือภารกิจ")?;
    w.line("ประเภท", "เลือก โครงการ กิจกรรม มาตรการ หรือ อื่น ๆ จากรายการ เว้นว่างได้: โปรแกรมดูจากคำแรกของชื่อรายการ")?;
    w.line("ภารกิจย่อย", "เลขภารกิจย่อยของแม่แบบ คั่นด้วยจุลภาค เช่น 1.1.1, 1.1.2 (ดูเลขในตารางด้านล่าง)")?;
    let years = match (l.years.first(), l.years.last()) {
        (Some(a), Some(b)) if a != b => format!("งบประมาณ ปี {a} … {b}"),
        (Some(a), _) => format!("งบประมาณ ปี {a}"),
        _ => "งบประมาณ ปี …".into(),
    };
    w.line(&years, &format!("จำนวนเงิน (บาท) ของแต่ละปีงบประมาณ ทศนิยมได้ไม่เกิน 2 ตำแหน่ง; {NOT_STATED_RULE}"))?;
    w.line("ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ หลายหน่วยงานให้ขึ้นบรรทัดใหม่ในช่องเดียวกัน (กด Alt+Enter)")?;
    w.line("หมายเหตุ", "หมายเหตุของรายการ")?;
    if l.quarters {
        w.line("ไตรมาส", "ไตรมาสของปีงบประมาณที่วางแผนดำเนินการ คั่นด้วยจุลภาค เช่น 1, 2")?;
    }
    if l.egp {
        w.line("e-GP", "เลขที่โครงการในระบบ e-GP คั่นด้วยจุลภาค")?;
    }
    w.gap();
    w.heading("เรื่อง", "ข้อควรรู้")?;
    w.line(
        "แถวรวม",
        "แถวที่ชื่อขึ้นต้นด้วย รวม (รวมมิติที่ 1 จำนวน 7 โครงการ, รวมทั้งสิ้น) ไม่ใช่รายการ \
ตัวเลขในแถวนี้ใช้ตรวจกับยอดที่โปรแกรมคำนวณ",
    )?;
    w.line("เพิ่มหรือลบแถว", "แทรกแถวใต้ภารกิจได้ตามต้องการ แถวว่างที่ไม่ใช้ปล่อยไว้หรือลบก็ได้")?;
    w.line("นำเข้า", import)?;
    w.line("ตรวจ", "หลังนำเข้า สั่ง prongsai check เพื่อตรวจข้อผิดพลาด แล้ว prongsai build เพื่อสร้างเว็บไซต์")?;
    if let Some(u) = url {
        w.line("ที่มา", u)?;
    }
    if !codes.is_empty() {
        w.gap();
        w.heading("เลข", &format!("มิติ ภารกิจ และภารกิจย่อย ({source})"))?;
        for (no, title) in codes {
            w.line(no, title)?;
        }
    }
    Ok(())
}

pub fn report(ws: &mut Worksheet, st: &Styles, import: &str, url: Option<&str>) -> Result<(), XlsxError> {
    let mut w = Writer::new(ws, st, "วิธีกรอกรายงานผลการดำเนินงาน (แผ่นงาน รายงาน)")?;
    w.heading("คอลัมน์", "ความหมายและวิธีกรอก")?;
    w.line("รหัส", "รหัสของรายการในแผน ใช้จับคู่กับแผน อย่าแก้ ถ้าว่าง โปรแกรมจับคู่ด้วยชื่อรายการ")?;
    w.line("มิติ", "เลขมิติของรายการ (จากแผน)")?;
    w.line("โครงการ/กิจกรรม/มาตรการ", "ชื่อรายการ (จากแผน)")?;
    w.line("สถานะ", "เลือกจากรายการ (ดูความหมายด้านล่าง)")?;
    w.line(
        "งบประมาณ",
        &format!(
            "งบประมาณของรายการในปีงบประมาณนี้ ตามแผน แก้ได้ถ้าได้รับจริงต่างจากแผน ทศนิยมได้ไม่เกิน 2 ตำแหน่ง; {NOT_STATED_RULE}"
        ),
    )?;
    w.line("เบิกจ่าย", "จำนวนเงินที่เบิกจ่ายจริงในรอบนี้ (บาท) เว้นว่างหรือ - ถ้ายังไม่ทราบ")?;
    w.line("หมายเหตุ", "หมายเหตุ เช่น เหตุที่ดำเนินการไม่ได้")?;
    w.gap();
    w.heading("สถานะ", "ความหมาย")?;
    let meaning = [
        "ดำเนินการเสร็จแล้วในรอบนี้",
        "เริ่มแล้ว ยังไม่เสร็จ",
        "ยังไม่ได้รับรายงานผลจากหน่วยงาน (ไม่นับในอัตราความสำเร็จ)",
        "ดำเนินการไม่ได้ ระบุเหตุในหมายเหตุ",
        "ยังไม่เริ่ม",
    ];
    for (s, m) in Status::ALL.iter().zip(meaning) {
        w.line(s.thai(), m)?;
    }
    w.gap();
    w.heading("เรื่อง", "ข้อควรรู้")?;
    w.line("แถว", "หนึ่งแถวต่อหนึ่งรายการในแผน กรอกสถานะทุกแถว อย่าเพิ่มรายการที่ไม่มีในแผน (นำเข้าไม่ได้)")?;
    w.line("นำเข้า", import)?;
    w.line("ตรวจ", "หลังนำเข้า สั่ง prongsai check เพื่อตรวจข้อผิดพลาด แล้ว prongsai build เพื่อสร้างเว็บไซต์")?;
    if let Some(u) = url {
        w.line("ที่มา", u)?;
    }
    Ok(())
}
