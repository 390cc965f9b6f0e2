#!/usr/bin/env python3
"""Convert the transcribed seed documents into prongsai example content.

Reads  <repo>/../shared/seed-data/*.yaml  (neutral transcriptions of three real documents)
Writes <repo>/content/site.yaml and <repo>/content/{sisaket-pao,bueng-nakhon,din-daeng}/

The YAML is formatted by hand, not dumped, so that an officer can read it: Thai as is,
short flow maps for budgets, comments where the document is irregular. The output is
deterministic: running the script twice gives byte-identical files. The script writes
nothing outside content/ and leaves the hand-written parts of content/ (README.md,
the fictional authority tua-yang/) alone.

Usage:  python3 tools/seed_to_content.py
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SEED = (REPO.parent / "shared" / "seed-data").resolve()
CONTENT = (REPO / "content").resolve()

# Authority folders this script owns (re-created on every run). Nothing else is touched.
GENERATED_AUTHORITIES = ("sisaket-pao", "bueng-nakhon", "din-daeng")

SITE_TITLE = "prongsai ตัวอย่าง: พอร์ทัลแผนปฏิบัติการป้องกันการทุจริต"
SITE_BASE_URL = "https://example.go.th/transparency/"

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# --------------------------------------------------------------------------------------
# YAML scalar formatting
# --------------------------------------------------------------------------------------

_FAIL = object()
_NUMBERISH = re.compile(r"^[-+]?[0-9๐-๙][0-9๐-๙.,_:]*([eE][-+]?[0-9]+)?$")


def _load(text: str):
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return _FAIL


def q(value, flow: bool = False, force: bool = False) -> str:
    """A YAML scalar for a string: plain when that reads back as the same string (in
    block or flow context), else double-quoted. Number-like strings are always quoted,
    so that a YAML 1.1 and a YAML 1.2 reader agree."""
    text = str(value)
    if not force and text and text == text.strip() and "\n" not in text and not _NUMBERISH.match(text):
        probe = "{k: %s}" % text if flow else "k: %s" % text
        if _load(probe) == {"k": text}:
            return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def amount(value) -> str:
    """A budget cell: an integer amount, or "-" where the cell prints '-' (not stated)."""
    if value is None:
        return '"-"'
    if isinstance(value, str):
        return q(value, flow=True, force=True)
    return str(value)


def budget_map(budget: dict, years: list[int], printed: dict | None = None) -> str:
    cells = []
    for y in years:
        v = budget.get(y)
        if printed is not None and v is not None:
            cells.append(f"{y}: {q(printed[y], flow=True, force=True)}")
        else:
            cells.append(f"{y}: {amount(v)}")
    return "{" + ", ".join(cells) + "}"


def flow_list(values, force: bool = False) -> str:
    return "[" + ", ".join(q(v, flow=True, force=force) for v in values) + "]"


def comment(text: str) -> str:
    return "# " + " ".join(str(text).split())


def line_range(lines) -> str:
    lines = list(lines or [])
    if not lines:
        return ""
    if len(lines) == 1 or lines[0] == lines[-1]:
        return f"บรรทัด {lines[0]}"
    return f"บรรทัด {lines[0]}–{lines[-1]}"


def block_text(indent: int, key: str, text: str) -> list[str]:
    """A literal block scalar (|-) for multi-line text."""
    pad = " " * indent
    out = [f"{pad}{key}: |-"]
    for ln in text.split("\n"):
        out.append(f"{pad}  {ln}" if ln else "")
    return out


# --------------------------------------------------------------------------------------
# Writing files (only under content/)
# --------------------------------------------------------------------------------------

WRITTEN: list[Path] = []


def write(rel: str, lines: list[str]) -> None:
    path = (CONTENT / rel).resolve()
    if CONTENT not in path.parents:
        raise SystemExit(f"refusing to write outside content/: {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines).rstrip("\n") + "\n"
    path.write_bytes(text.encode("utf-8"))
    WRITTEN.append(path)


def generated_header(seed_name: str, what: str) -> list[str]:
    return [
        f"# {what}",
        f"# สร้างโดย tools/seed_to_content.py จาก ../shared/seed-data/{seed_name}",
        "# generated file: change the converter and run it again rather than editing by hand.",
    ]


def kind_from_title(title: str) -> str:
    for word, kind in (("โครงการ", "project"), ("กิจกรรม", "activity"), ("มาตรการ", "measure")):
        if title.startswith(word):
            return kind
    return "other"


def load_seed(name: str) -> dict:
    with open(SEED / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def sub_mission_lines(indent: int, subs: list[dict], notes: dict | None = None) -> list[str]:
    pad = " " * indent
    out = []
    for s in subs:
        extra = (notes or {}).get(s["no"]) or s.get("note")
        row = f"{pad}- {{no: {q(s['no'], flow=True, force=True)}, title: {q(s['title'], flow=True)}}}"
        if extra:
            out.append(f"{pad}{comment(extra)}")
        out.append(row)
    return out


# --------------------------------------------------------------------------------------
# site.yaml
# --------------------------------------------------------------------------------------


def write_site() -> None:
    write("site.yaml", [
        "# ไซต์ตัวอย่างของ prongsai: สามหน่วยงานจากเอกสารจริง (ถอดความ) และหนึ่งหน่วยงานสมมติ",
        "# สร้างโดย tools/seed_to_content.py",
        f"title: {q(SITE_TITLE)}",
        f"base_url: {SITE_BASE_URL}",
        "language: th",
        "digits: arabic",
    ])


# --------------------------------------------------------------------------------------
# Sisaket PAO 2561-2564
# --------------------------------------------------------------------------------------

SISAKET_SEED = "sisaket-pao-2561-2564.yaml"
# The one row whose amounts are written in Thai digits with separators, to exercise the
# number reader (the plan table prints Thai digits; the transcription gives integers).
SISAKET_THAI_DIGIT_ROW = (1, 1)  # (dimension no, seq)


def to_thai_grouped(n: int) -> str:
    return f"{n:,}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def owner_value(owner: str) -> str:
    parts = [p.strip() for p in owner.split("/")]
    if len(parts) > 1:
        return flow_list(parts)
    return q(owner)


def convert_sisaket() -> dict:
    seed = load_seed(SISAKET_SEED)
    auth = seed["authority"]
    plan = seed["plan"]
    years = plan["fiscal_years"]
    base = "sisaket-pao"

    # ---- authority.yaml
    owners = []
    for dim in plan["dimensions"]:
        for m in dim["missions"]:
            for it in m["items"]:
                for o in it["owner"].split("/"):
                    if o not in owners:
                        owners.append(o)
    palat = [o for o in owners if o.startswith("สำนักปลัด")]
    lines = generated_header(SISAKET_SEED, "องค์การบริหารส่วนจังหวัดศรีสะเกษ (อบจ.)")
    lines += [
        f"name: {q(auth['name'])}",
        f"kind: {auth['kind']}",
        f"province: {q(auth['province'])}",
        "# ผู้รับผิดชอบที่พิมพ์ในแผน (คอลัมน์ 'หมายเหตุ'): " + ", ".join(owners),
        "owner_aliases:",
        "  กองกิจฯ: กองกิจการสภาฯ      # 'กองกิจฯ' 5 แห่ง, 'กองกิจการสภาฯ' 1 แห่ง (บรรทัด 358)",
    ]
    if len(palat) > 1:
        for p in palat[1:]:
            lines.append(f"  {q(p)}: {q(palat[0])}")
    else:
        lines.append(comment(
            f"สำนักปลัด: the transcription has one spelling only ({', '.join(palat)}), so no alias is needed"))
    write(f"{base}/authority.yaml", lines)

    # ---- plans/2561-2564.yaml
    slug = f"{years[0]}-{years[-1]}"
    lines = generated_header(SISAKET_SEED, f"{plan['title']} ขององค์การบริหารส่วนจังหวัดศรีสะเกษ")
    lines += [
        f"# ถอดความจาก {seed['source']}",
        "# - items are unnumbered bullets in the document: each gets the default id <mission>-<n>,",
        "#   shown in the comment above it (ลำดับ n นับในภารกิจตามลำดับที่พิมพ์).",
        "# - budget \"-\" = the cell prints '-' (not stated); the document never prints 0 or ไม่ใช้งบประมาณ.",
        "#   No budget total is printed anywhere; computed: 3,524,500 (2561), 3,545,000 (2562-2564).",
        "# - owner = the column headed 'หมายเหตุ'; a joint owner 'ก/ข' is written as a list.",
        "#   Where the printed owner cells are fewer than the items, the transcriber assigned them by",
        "#   position (comments say so).",
        "# - no item needs kind: every title's leading word (โครงการ/กิจกรรม/มาตรการ, else other) gives it.",
        "# - the item detail pages promised by the table of contents are missing from the document.",
        f"title: {q(plan['title'])}",
        f"fiscal_years: [{', '.join(str(y) for y in years)}]",
        "template: nacc-2561",
        "dimensions:",
    ]
    per_dim_counts = {}
    totals = {y: 0 for y in years}
    n_items = 0
    for dim in plan["dimensions"]:
        lines.append(f"  - no: {dim['no']}")
        lines.append(f"    title: {q(dim['title'])}   # หน้า {dim['page']}, บรรทัด {dim['line']}")
        lines.append("    missions:")
        count = 0
        last_seq = 0
        for m in dim["missions"]:
            lines.append(f"      - no: {q(m['no'], force=True)}")
            lines.append(f"        title: {q(m['title'])}   # หน้า {m['page']}, บรรทัด {m['line']}")
            if m["sub_missions"]:
                lines.append("        sub_missions:")
                lines += sub_mission_lines(10, m["sub_missions"])
            else:
                lines.append("        # no numbered sub-mission is printed under this mission; its items stand directly under it")
            lines.append("        items:")
            for n, it in enumerate(m["items"], start=1):
                assert it["seq"] > last_seq, "items out of printed order"
                last_seq = it["seq"]
                item_id = f"{m['no']}-{n}"
                src = it.get("src") or {}
                head = f"{item_id} · หน้า {it['page']}"
                if src.get("title"):
                    head += " · " + line_range(src["title"])
                lines.append(f"          # {head}")
                if it.get("transcriber_note"):
                    lines.append("          " + comment("transcriber: " + it["transcriber_note"]))
                if it["owner_alignment"] == "ambiguous":
                    lines.append("          # owner: the printed owner cell for this row is ambiguous (owner_alignment: ambiguous)")
                elif it["owner_alignment"] == "merged_group" and not it.get("transcriber_note"):
                    lines.append("          # owner: one printed owner cell read as spanning its sub-mission group (merged_group)")
                lines.append(f"          - title: {q(it['title'])}")
                if kind_from_title(it["title"]) != it["kind"]:
                    lines.append(f"            kind: {it['kind']}")
                if it["sub_mission"]:
                    lines.append(f"            sub_missions: {flow_list([it['sub_mission']], force=True)}")
                lines.append(f"            owner: {owner_value(it['owner'])}")
                b = it["budget"]
                if (dim["no"], it["seq"]) == SISAKET_THAI_DIGIT_ROW:
                    cells = ", ".join(f'{y}: "{to_thai_grouped(b[y])}"' for y in years)
                    lines.append(f"            budget: {{{cells}}}")
                    lines.append("            # ^ written in Thai digits with separators, as plan tables print amounts,"
                                 f" to exercise the number reader: {', '.join(f'{b[y]:,}' for y in years)}")
                else:
                    lines.append(f"            budget: {budget_map(b, years)}")
                for y in years:
                    if b.get(y):
                        totals[y] += b[y]
                count += 1
        per_dim_counts[dim["no"]] = count
        n_items += count
    lines.append("stated_totals:")
    lines.append("  # the four total rows of the plan table; each row's budget cells are printed empty,")
    lines.append("  # so only the count is stated. Printed counts add up to 69; 71 items are printed.")
    for st in plan["stated_totals"]:
        computed = per_dim_counts[int(st["scope"].split()[1])]
        lines.append(f"  - scope: {st['scope']}")
        lines.append(f"    count: {st['count']}   # printed \"{st['label']}\"; the file lists {computed}")
        lines.append(f"    source: บรรทัด {st['line']}")
    write(f"{base}/plans/{slug}.yaml", lines)

    # ---- plans/2561-2564/_index.md: the plan's introduction, as transcribed
    md = [
        f"# {plan['title']}",
        "",
        "<!-- สร้างโดย tools/seed_to_content.py จากข้อความที่ถอดไว้ในข้อมูลต้นทาง (ข้อความพิมพ์ผิดคงไว้ตามต้นฉบับ) -->",
        "",
        "## วิสัยทัศน์",
        "",
        plan["vision"],
        "",
        plan["vision_explanation"],
        "",
        "## พันธกิจ",
        "",
    ]
    md += [f"{i}. {t}" for i, t in enumerate(plan["mission_statements"], 1)]
    md += ["", "## วัตถุประสงค์", ""]
    md += [f"{i}. {t}" for i, t in enumerate(plan["objectives"], 1)]
    md += ["", "## เป้าหมาย", ""]
    md += [f"{i}. {t}" for i, t in enumerate(plan["goals"], 1)]
    md += ["", "## ประโยชน์ของการจัดทำแผน", ""]
    md += [f"{i}. {t}" for i, t in enumerate(plan["benefits"], 1)]
    write(f"{base}/plans/{slug}/_index.md", md)

    return {"items": n_items, "per_dimension": per_dim_counts, "budget": totals}


# --------------------------------------------------------------------------------------
# Bueng Nakhon SAO 2566-2570
# --------------------------------------------------------------------------------------

BUENG_SEED = "bueng-nakhon-sao-2566-2570.yaml"

# detail-page owner (full text) -> the unit, one spelling per unit
BUENG_OWNER_UNITS = {
    "สำนักงานปลัด องค์การบริหารส่วนตำบลบึงนคร": "สำนักปลัด",
    "สำนักงานปลัดองค์การบริหารส่วนตำบลบึงนคร": "สำนักปลัด",
    "สำนักปลัดองค์การบริหารส่วนตำบลบึงนคร อำเภอธวัชบุรี จังหวัดร้อยเอ็ด": "สำนักปลัด",
    "กองคลัง องค์การบริหารส่วนตำบลบึงนคร": "กองคลัง",
    "กองสวัสดิการสังคม องค์การบริหารส่วนตำบลบึงนคร อำเภอธวัชบุรี จังหวัดร้อยเอ็ด": "กองสวัสดิการสังคม",
    "กองการศึกษา ศาสนาและวัฒนธรรม องค์การบริหารส่วนตำบลบึงนคร": "กองการศึกษา ศาสนาและวัฒนธรรม",
    "หน่วยงานตรวจสอบภายในองค์การบริหารส่วนตำบลบึงนคร": "หน่วยตรวจสอบภายใน",
    "ทุกส่วนราชการในสังกัดองค์การบริหารส่วนตำบลบึงนคร": "ทุกส่วนราชการ",
    "ทุกสำนัก/กอง องค์การบริหารส่วนตำบลบึงนคร": "ทุกส่วนราชการ",
    "หน่วยงานภายในขององค์การบริหารส่วนตำบลบึงนคร ทุกหน่วยงาน (สำนักงาน,กองงาน,กลุ่มงาน)": "ทุกส่วนราชการ",
}

_D = r"[0-9]+(?:,[0-9]{3})*"
_BUDGET_LINE_PATTERNS = [
    # ค่าอาหารว่างและเครื่องดื่ม จำนวน 2 มื้อๆละ 50 บาท จำนวน 59 คน เป็นเงิน 2,950.- บาท
    re.compile(rf"^(?P<label>.+?)\s+(?:จำนวน\s+)?(?P<times>{_D})\s+มื้อๆ\s*ละ\s+(?P<price>{_D})\s+บาท\s+"
               rf"จำนวน\s+(?P<qty>{_D})\s+(?P<unit>\S+)\s+เป็นเงิน"),
    # ค่าวิทยากร จำนวน 6 ชั่วโมงๆ ละ 600 บาท เป็นเงิน ... / ค่าอาหารกลางวัน จำนวน 100 คนๆละ 45 บาท
    re.compile(rf"^(?P<label>.+?)\s+จำนวน\s+(?P<qty>{_D})\s+(?P<unit>\S+?)ๆ\s*ละ\s+(?P<price>{_D})\s+บาท\s+เป็นเงิน"),
    # ค่าวิทยากร (เป็นคณะ) (ชม.ละ 1,200 บ. /6 ชม.) เป็นเงิน ...
    re.compile(rf"^(?P<label>.+?)\s+\((?P<unit>\S+?)ละ\s+(?P<price>{_D})\s+บ\.\s*/\s*(?P<qty>{_D})\s+\S+\)\s+เป็นเงิน"),
    # ค่าป้าย จำนวน 1 ป้าย เป็นเงิน ...
    re.compile(rf"^(?P<label>.+?)\s+จำนวน\s+(?P<qty>{_D})\s+(?P<unit>\S+)\s+เป็นเงิน"),
    # ค่าวัสดุ เครื่องเขียนและอื่นๆ เป็นเงิน ...
    re.compile(r"^(?P<label>.+?)\s+เป็นเงิน"),
]
_BUDGET_LINE_AMOUNT = re.compile(rf"เป็นเงิน\s*(?P<amount>{_D})(?:\.-)?\s*บาท")
_LEADING_NUMBER = re.compile(r"^[0-9]+(?:\.[0-9]+)?\.?\s+")


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def parse_budget_line(text: str, seed_amount: int) -> dict:
    """Split one printed budget line into label, quantity, unit, times, unit_price, amount.
    The printed amount is kept even when the arithmetic is wrong (the program flags it)."""
    t = " ".join(text.translate(THAI_DIGITS).split())
    t = _LEADING_NUMBER.sub("", t)
    m_amount = _BUDGET_LINE_AMOUNT.search(t)
    if not m_amount or _int(m_amount.group("amount")) != seed_amount:
        raise SystemExit(f"budget line amount not understood: {text!r}")
    for pat in _BUDGET_LINE_PATTERNS:
        m = pat.match(t)
        if m:
            g = m.groupdict()
            out = {"label": g["label"].strip()}
            if g.get("qty"):
                out["quantity"] = _int(g["qty"])
            if g.get("unit"):
                out["unit"] = g["unit"]
            if g.get("times"):
                out["times"] = _int(g["times"])
            if g.get("price"):
                out["unit_price"] = _int(g["price"])
            out["amount"] = seed_amount
            return out
    raise SystemExit(f"budget line not understood: {text!r}")


# measurable targets inside an output/outcome line (used for indicators:)
_TARGET_PATTERNS = [
    re.compile(r"(?:ไม่น้อยกว่า|ไม่ต่ำกว่า)\s*ร้อยละ\s*[0-9๐-๙]+"),
    re.compile(r"ร้อยละ\s*[0-9๐-๙]+"),
    re.compile(r"อย่างน้อย\s*(?:จำนวน\s*)?[0-9๐-๙]+\s*(?:ช่องทาง|เรื่อง|ครั้ง(?:ต่อปี)?|ชุด)"),
    re.compile(r"จำนวน\s*[0-9๐-๙]+\s*(?:ฉบับ|ชุด)"),
    re.compile(r"[0-9๐-๙]+ คะแนนขึ้นไป"),
]
_MD_ORDERED = re.compile(r"^([0-9]+)\.")
_LIST_MARK = re.compile(r"^(?:[0-9๐-๙]+(?:\.[0-9๐-๙]+)?[.)]\s*)")


def measurable_target(text: str) -> str | None:
    for pat in _TARGET_PATTERNS:
        m = pat.search(text)
        if m:
            return m.group(0)
    return None


def convert_bueng_nakhon() -> dict:
    seed = load_seed(BUENG_SEED)
    auth = seed["authority"]
    plan = seed["plan"]
    years = plan["fiscal_years"]
    base = "bueng-nakhon"
    slug = f"{years[0]}-{years[-1]}"

    # ---- authority.yaml
    lines = generated_header(BUENG_SEED, "องค์การบริหารส่วนตำบลบึงนคร (อบต.) อำเภอธวัชบุรี จังหวัดร้อยเอ็ด")
    lines += [
        f"name: {q(auth['name'])}",
        f"kind: {auth['kind']}",
        f"province: {q(auth['province'])}",
        f"district: {q(auth['district'])}",
        f"subdistrict: {q(auth['subdistrict'])}",
        "# The plan table has no owner column: the plan writes each item's owner as the unit named on",
        "# its detail page. The detail pages spell the units in full (and differently); they keep the",
        "# printed text, folded here to the unit.",
        "owner_aliases:",
    ]
    for full, unit in BUENG_OWNER_UNITS.items():
        lines.append(f"  {q(full)}: {q(unit)}")
    write(f"{base}/authority.yaml", lines)

    # ---- plans/2566-2570.yaml
    ref_to_id: dict[str, str] = {}
    ref_to_item: dict[str, dict] = {}
    summary_missions = [r for r in seed["summary_table"]["rows"] if r["level"] == "mission"]
    summary_by_no = {r["no"]: r for r in summary_missions}

    lines = generated_header(BUENG_SEED, f"{plan['title']} ขององค์การบริหารส่วนตำบลบึงนคร")
    lines += [
        f"# ถอดความจาก {seed['source']} (ตารางแผน บรรทัด 71–1266)",
        "# - items are numbered 1, 2 … again in every row of the document; each gets the default id",
        "#   <mission>-<n>, shown in the comment above it with the transcription's ref.",
        "# - the x.y.z codes are the template's sub-missions, not item numbers.",
        "# - budget \"-\" = the cell prints '-' (not stated); the remark column (หมายเหตุ) is in note:.",
        "# - no owner column: owner: is the unit named on the item's detail page (see authority.yaml).",
        "# - adoption: the announcement is dated 'ประกาศ ณ วันที่ เดือน กรกฎาคม พ.ศ. ๒๕๖5' with the day",
        "#   left blank (บรรทัด 42–59), so adopted: is not written.",
        f"title: {q(plan['title'])}",
        f"fiscal_years: [{', '.join(str(y) for y in years)}]",
        "template: nacc-2566",
        "dimensions:",
    ]
    per_dim_counts = {}
    totals = {y: 0 for y in years}
    n_items = 0
    for dim in plan["dimensions"]:
        lines.append(f"  - no: {dim['no']}")
        note = f"บรรทัด {dim['line']}, พิมพ์ \"{dim['printed_no']}\""
        lines.append(f"    title: {q(dim['title'])}   # {note}")
        lines.append("    missions:")
        count = 0
        for m in dim["missions"]:
            lines.append(f"      - no: {q(m['no'], force=True)}")
            if m.get("note") and m["no"] == "1.1":
                sm = summary_by_no[m["no"]]
                lines.append("        # the plan table's text for mission 1.1 repeats sub-mission 1.1.1:")
                lines.append("        " + comment(f"'{m['title']}' (บรรทัด {m['line']});"))
                lines.append(f"        # the mission's own title is printed in the summary table (บรรทัด {sm['line']}), used here")
                lines.append(f"        title: {q(sm['title'])}")
            else:
                extra = f" (พิมพ์ \"{m['printed_no']}\")" if m["printed_no"] != m["no"] else ""
                lines.append(f"        title: {q(m['title'])}   # บรรทัด {m['line']}{extra}")
            lines.append("        sub_missions:")
            for s in m["sub_missions"]:
                title = s["title"]
                notes = []
                if s["printed_no"] != s["no"] and not s.get("note"):
                    notes.append(f"printed \"{s['printed_no']}\"")
                if s["no"] == "2.3.3":
                    # the plan table gives the measure's name instead of the sub-mission text
                    st = next(r for r in seed["summary_table"]["rows"] if r.get("no") == "2.3.3")
                    notes.append(f"the plan table prints the measure's name here ('{s['title']}', บรรทัด {s['line']});"
                                 f" the sub-mission text is from the summary table (บรรทัด {st['line']})")
                    title = st["title"]
                elif s.get("note"):
                    notes.append(s["note"])
                pad = " " * 10
                for n_ in notes:
                    lines.append(pad + comment(f"{s['no']}: {n_}"))
                lines.append(f"{pad}- {{no: {q(s['no'], flow=True, force=True)}, title: {q(title, flow=True)}}}")
            lines.append("        items:")
            for n, it in enumerate(m["items"], start=1):
                item_id = f"{m['no']}-{n}"
                ref_to_id[it["ref"]] = item_id
                ref_to_item[it["ref"]] = it
                lines.append(f"          # {item_id} · ref {it['ref']} · พิมพ์ลำดับ \"{it['no']}\" · บรรทัด {it['line']}")
                if it.get("irregularity"):
                    lines.append("          " + comment(it["irregularity"]))
                lines.append(f"          - title: {q(it['title'])}")
                if kind_from_title(it["title"]) != it["kind"]:
                    lines.append(f"            kind: {it['kind']}")
                lines.append(f"            sub_missions: {flow_list(it['sub_missions'], force=True)}")
                unit = BUENG_OWNER_UNITS[it["owner_from_detail"]]
                lines.append(f"            owner: {q(unit)}")
                b = it["budget"]
                raw = it["budget_raw"]
                if it["ref"] == "1.1.3/1":
                    # keep the printed strings on this row, to exercise the number reader
                    lines.append(f"            budget: {budget_map(b, years, printed=raw)}   # as printed")
                else:
                    bm = budget_map(b, years)
                    odd = [y for y in years if b.get(y) is not None and raw[y].replace(",", "") != str(b[y])]
                    if odd:
                        y = odd[0]
                        lines.append(f"            budget: {bm}")
                        lines.append(f"            # ^ {y} printed \"{raw[y]}\" in the signed document; read as {b[y]:,}"
                                     " like the other four years")
                    else:
                        lines.append(f"            budget: {bm}")
                for y in years:
                    if b.get(y):
                        totals[y] += b[y]
                if it.get("note"):
                    lines.append(f"            note: {q(it['note'])}")
                count += 1
        per_dim_counts[dim["no"]] = count
        n_items += count

    lines.append("stated_totals:")
    lines.append("  # the five total rows of the plan table (budget '-' where the row prints '-')")
    for st in plan["stated_totals"]:
        scope = "plan" if st["scope"] == "grand total" else st["scope"]
        lines.append(f"  - scope: {scope}")
        lines.append(f"    count: {st['count']}   # printed \"{st['label']} {st['count_text']}\"")
        lines.append(f"    budget: {budget_map(st['budget'], years)}")
        if st["scope"] == "dimension 1":
            lines.append("    # ^ 2569 and 2570 printed 33,300; the items add up to 33,000 (and the grand total, 41,000, agrees with the items)")
        lines.append(f"    source: ตารางแผน บรรทัด {st['line']}")
    lines.append("  # the mission rows of the summary table (ตารางสรุปจำนวนโครงการ, บรรทัด 2867–3076);")
    lines.append("  # its dimension rows (7, 11, 3, 6) and grand total (27) repeat the plan table's counts.")
    for r in summary_missions:
        lines.append(f"  - scope: mission {r['no']}")
        cnt_line = f"    count: {r['count']}"
        if r.get("note"):
            cnt_line += "   " + comment(r["note"])
        lines.append(cnt_line)
        lines.append(f"    source: ตารางสรุป บรรทัด {r['count_line']}")
    write(f"{base}/plans/{slug}.yaml", lines)

    # ---- plans/2566-2570/_index.md (what the seed gives: the documents and the committee)
    md = [
        f"# {plan['title']}",
        "",
        "<!-- สร้างโดย tools/seed_to_content.py จากข้อความที่ถอดไว้ในข้อมูลต้นทาง -->",
        "",
        "## เอกสารในฉบับนี้",
        "",
    ]
    for doc in seed["documents"]:
        row = f"- {doc['title']} (บรรทัด {doc['lines'][0]}–{doc['lines'][1]})"
        if doc.get("date_printed"):
            row += f" · {doc['date_printed']}"
        md.append(row)
    committee = seed["committee"]
    md += ["", "## คณะกรรมการจัดทำแผนปฏิบัติการป้องกันการทุจริต", ""]
    md += [f"{m_['seat']}. {m_['position']} · {m_['role']}" for m_ in committee["members"]]
    md += ["", "### อำนาจหน้าที่", ""]
    md += [f"- {d}" for d in committee["duties"]]
    write(f"{base}/plans/{slug}/_index.md", md)

    # ---- detail pages
    seen: dict[str, dict] = {}
    dropped: dict[str, list[dict]] = {}
    for page in seed["project_details"]:
        if page.get("duplicate"):
            dropped.setdefault(page["ref"], []).append(page)
            continue
        if page["ref"] in seen:
            raise SystemExit(f"two kept pages for {page['ref']}")
        seen[page["ref"]] = page
    for ref in dropped:
        assert ref in seen, ref
    pages_written = 0
    for page in seed["project_details"]:
        if page.get("duplicate"):
            continue
        ref = page["ref"]
        item_id = ref_to_id[ref]
        item = ref_to_item[ref]
        write(f"{base}/plans/{slug}/{item_id}.md", detail_page(page, item, item_id, dropped.get(ref, [])))
        pages_written += 1

    return {"items": n_items, "per_dimension": per_dim_counts, "budget": totals,
            "pages": pages_written, "pages_in_seed": len(seed["project_details"])}


def detail_page(page: dict, item: dict, item_id: str, dropped: list[dict]) -> list[str]:
    fm = ["---"]
    fm.append(f"# รายละเอียดของ {item_id} (ref {page['ref']}) · หน้ารายละเอียดในเอกสาร บรรทัด {page['line']}–{page['end_line']}")
    for d in dropped:
        fm.append(comment(
            f"duplicate dropped: the document prints this item's detail page again at บรรทัด {d['line']}–{d['end_line']}"
            f" ({d['duplicate']}); only this page (บรรทัด {page['line']}) is kept, one file per item."))
    if page.get("irregularity"):
        fm.append(comment("irregularity: " + page["irregularity"]))
    if page["kind_word"] not in ("project", "activity", "measure"):
        fm.append(comment(f"kind word on the page: {page['kind_word']}"))
    fm.append(f"title: {q(page['title'])}")
    fm.append(f"owner: {q(page['owner'])}")
    fm.append(f"period: {q(page['duration'])}")
    if page.get("target"):
        fm.append(f"target_group: {q(page['target'])}")
    if page.get("area"):
        fm.append(f"area: {q(page['area'])}")
    if page["ref"] == "1.3/1":
        fm.append(f"budget: {{2566: {page['budget']}}}   # the page budgets 25,500 from the FY 2566 ordinance (the plan table: 20,000 a year)")
    elif page["budget"] == 0:
        fm.append(f"budget: 0   # the page says \"{page['budget_text']}\"")
    else:
        fm.append(f"budget: {page['budget']}")

    outputs, outcomes, indicators = [], [], []
    for ind in page["indicators"]:
        label = ind["label"]
        if label == "ผลผลิต":
            outputs.append(ind)
        elif label in ("ผลลัพธ์", "ผลที่คาดว่าจะได้รับ"):
            outcomes.append(ind)
        else:
            raise SystemExit(f"unknown indicator label {label!r}")
        target = measurable_target(ind["text"])
        if target:
            indicators.append((ind, target))
    if indicators:
        fm.append("# ตัวชี้วัด: the page has no separate indicator section; these are the output/outcome")
        fm.append("# lines that state a measurable target (the lines are also kept under outputs/outcomes).")
        fm.append("indicators:")
        for ind, target in indicators:
            name = _LIST_MARK.sub("", ind["text"]).strip()
            fm.append(f"  - name: {q(name)}   # {ind['label']}, บรรทัด {ind['line']}")
            fm.append(f"    target: {q(target)}")
    if outputs:
        fm.append("outputs:   # ผลผลิต")
        for ind in outputs:
            fm.append(f"  - {q(ind['text'])}   # บรรทัด {ind['line']}")
    if outcomes:
        head = "outcomes:   # ผลลัพธ์"
        if any(i["label"] == "ผลที่คาดว่าจะได้รับ" for i in outcomes):
            head = "outcomes:   # the page heads them ผลที่คาดว่าจะได้รับ (expected results)"
        fm.append(head)
        for ind in outcomes:
            fm.append(f"  - {q(ind['text'])}   # บรรทัด {ind['line']}")

    body_budget = []
    if page.get("budget_breakdown"):
        fm.append("budget_lines:")
        total = 0
        for bl in page["budget_breakdown"]:
            parsed = parse_budget_line(bl["text"], bl["amount"])
            total += parsed["amount"]
            fm.append("  " + comment(f"บรรทัด {bl['line']}: \"{bl['text']}\""))
            if "unit_price" in parsed and "quantity" in parsed:
                product = parsed["quantity"] * parsed.get("times", 1) * parsed["unit_price"]
                if product != parsed["amount"]:
                    factors = " × ".join(str(x) for x in (parsed.get("times"), parsed["unit_price"], parsed["quantity"]) if x)
                    fm.append("  " + comment(f"arithmetic: {factors} = {product:,}, printed {parsed['amount']:,};"
                                             " the printed amount is kept (the program flags it)"))
            cells = ", ".join(f"{k}: {v if isinstance(v, int) else q(v, flow=True)}" for k, v in parsed.items())
            fm.append(f"  - {{{cells}}}")
        fm.append(comment(f"the lines add up to {total:,}; the page prints \"{page['budget_breakdown_total_text']}\""))
        # a bullet per printed line; "1." is escaped so that Markdown does not start a numbered list
        body_budget = ["- " + _MD_ORDERED.sub(r"\1\\.", bl["text"]) for bl in page["budget_breakdown"]]
        body_budget += ["", page["budget_breakdown_total_text"]]
    fm.append("---")

    body = ["", "## งบประมาณ", "", page["budget_text"]]
    if body_budget:
        body += [""] + body_budget
    headings = " · ".join(h.replace("(title)", "(ชื่อโครงการ)") for h in page["section_headings"])
    body += [
        "",
        "## หัวข้อของหน้านี้ในเอกสาร",
        "",
        f"หน้ารายละเอียดในเอกสารต้นฉบับ (บรรทัด {page['line']}–{page['end_line']}) มีหัวข้อ: {headings}",
        "",
        "ข้อความของหัวข้อหลักการและเหตุผล วัตถุประสงค์ และวิธีดำเนินการ ไม่ได้ถอดความไว้ในข้อมูลต้นทาง จึงไม่ได้นำมาใส่ที่นี่",
    ]
    return fm + body


# --------------------------------------------------------------------------------------
# Din Daeng SAO, ITA 2568
# --------------------------------------------------------------------------------------

DIN_SEED = "din-daeng-sao-ita-2568.yaml"


def convert_din_daeng() -> dict:
    seed = load_seed(DIN_SEED)
    auth = seed["authority"]
    rep = seed["ita_measures_report"]
    base = "din-daeng"

    lines = generated_header(DIN_SEED, "องค์การบริหารส่วนตำบลดินแดง (อบต.) อำเภอลำทับ จังหวัดกระบี่")
    lines += [
        f"# the document writes the name as \"{auth['name_as_written']}\"",
        f"name: {q(auth['name'])}",
        f"kind: {auth['kind']}",
        f"province: {q(auth['province'])}",
        f"district: {q(auth['district'])}",
        "# no action plan of this authority is transcribed: the site shows its ITA measures only",
    ]
    write(f"{base}/authority.yaml", lines)

    fy = rep["fiscal_year"]
    lines = generated_header(DIN_SEED, rep["title"])
    lines += [
        f"# ถอดความจาก {seed['source']}. Thai digits, typos and numbering gaps are kept as printed.",
        "# The steps are split at the printed top-level numbers (๑. ๒. …); a paragraph break inside a",
        "# cell became one space. HTML <p> tags were removed by the transcription except in issue 1,",
        "# measure 3, where they are restored (see there): the program should warn about HTML in a cell.",
        "# Issues 3 and 4 carry the same title in the document (issue 4 is about government property).",
        comment("intro (as printed): " + rep["intro"]),
        f"year: {fy}",
        f"score: {rep['ita_score']}   # printed \"{rep['ita_score_as_written']}\"",
        f"level: {q(rep['ita_level'])}",
        "measures:",
    ]
    n_measures = n_steps = 0
    for issue in rep["issues"]:
        lines.append(f"  # ประเด็นที่ {issue['no']}")
        lines.append(f"  - issue: {q(issue['title'])}")
        lines.append("    measures:")
        for m in issue["measures"]:
            n_measures += 1
            lines.append(f"      # ประเด็นที่ {issue['no']} มาตรการที่ {m['no']} · {line_range(m['source_lines'])}")
            lines.append(f"      - no: {m['no']}")
            lines.append(f"        title: {q(m['title'])}")
            lines.append("        steps:")
            html_from = None
            if issue["no"] == 1 and m["no"] == 3:
                # The continuation row (line 17) was an HTML cell: steps ๔, ๕, ๖ (and the tail of
                # ๓, whose split point the transcription did not record) came from it.
                html_from = 3
                lines.append("          # steps ๓ (its tail), ๔, ๕ and ๖ come from a second source row (บรรทัด 17) whose only")
                lines.append("          # cell was HTML; its <p> tags are restored on ๔–๖, one paragraph per step (the")
                lines.append("          # transcription kept neither the paragraph breaks nor where step ๓ was split).")
            for i, step in enumerate(m["steps"]):
                n_steps += 1
                text = step
                if html_from is not None and i >= html_from:
                    text = f"<p>{step}</p>"
                lines.append(f"          - {q(text)}")
            lines.append(f"        period: {q(m['period'])}")
            lines.append(f"        owner: {q(m['owner'])}")
            lines += block_text(8, "result", m["result_summary"])
            lines += block_text(8, "outcome", m["outcome"])
            if m.get("notes"):
                lines.append("        notes:")
                for n_ in m["notes"]:
                    lines.append(f"          - {q(n_)}")
    write(f"{base}/ita/{fy}.yaml", lines)
    return {"issues": len(rep["issues"]), "measures": n_measures, "steps": n_steps}


# --------------------------------------------------------------------------------------


def self_check() -> None:
    """Every file written must parse: YAML files whole, Markdown front matter."""
    for path in WRITTEN:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".yaml":
            yaml.safe_load(text)
        elif path.suffix == ".md" and text.startswith("---\n"):
            end = text.index("\n---\n", 4)
            yaml.safe_load(text[4:end])


def main() -> int:
    if not SEED.is_dir():
        print(f"seed data not found: {SEED}", file=sys.stderr)
        return 1
    CONTENT.mkdir(exist_ok=True)
    for name in GENERATED_AUTHORITIES:
        target = (CONTENT / name).resolve()
        assert CONTENT in target.parents
        if target.exists():
            shutil.rmtree(target)
    write_site()
    sis = convert_sisaket()
    bn = convert_bueng_nakhon()
    dd = convert_din_daeng()
    self_check()
    print(f"wrote {len(WRITTEN)} files under {CONTENT.relative_to(REPO)}/")
    print(f"sisaket-pao: {sis['items']} items, per dimension {sis['per_dimension']}, budget {sis['budget']}")
    print(f"bueng-nakhon: {bn['items']} items, per dimension {bn['per_dimension']}, budget {bn['budget']},"
          f" {bn['pages']} detail pages (of {bn['pages_in_seed']} in the seed)")
    print(f"din-daeng: {dd['issues']} issues, {dd['measures']} measures, {dd['steps']} steps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
