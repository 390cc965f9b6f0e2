//! Markdown for item detail pages. The HTML is inserted into pages unescaped, so everything an author
//! could use to inject markup or script (raw HTML, dangerous URL schemes) is neutralised here.
//!
//! Also the rule for Unicode bidirectional controls in any text a page shows (see [`isolate_bidi`]):
//! the templates' escaping ([`escape_text`]) and the Markdown text both apply it.

use std::borrow::Cow;
use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

pub struct Heading {
    pub level: u8,
    pub text: String,
    pub anchor: String,
}

pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

/// `shift`: how many levels to push headings down (the page already has an h1; detail pages use shift=1 so `#` becomes h2), capped at h6.
pub fn render(text: &str, shift: u8) -> Rendered {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut t = Transform { shift, ..Transform::default() };
    for event in Parser::new_ext(text, options) {
        t.handle(event);
    }
    let mut html = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut html, t.out.into_iter());
    Rendered { html, headings: t.headings }
}

/// The text a reader sees, without markup, one block per line: what search indexes.
pub fn plain_text(text: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::with_capacity(text.len());
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
            ) if !out.ends_with('\n') => out.push('\n'),
            Event::SoftBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The anchor (id) for a heading text: Thai kept intact.
pub fn anchor(text: &str) -> String {
    let mut raw = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_whitespace() {
            raw.push('-');
        } else if c == '-' || c == '_' || keep_in_anchor(c) {
            raw.extend(c.to_lowercase());
        }
    }
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c != '-' || !(out.is_empty() || out.ends_with('-')) {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { "section".to_string() } else { out.to_string() }
}

fn keep_in_anchor(c: char) -> bool {
    match c {
        // Fongman, angkhankhu and khomut only mark verses and sections; paiyannoi (ฯ) and mai yamok (ๆ)
        // belong to the word they follow, so they stay with the rest of the Thai block. Keeping the
        // whole block wholesale is what guarantees no vowel or tone mark is ever lost.
        '\u{0E4F}' | '\u{0E5A}' | '\u{0E5B}' => false,
        '\u{0E00}'..='\u{0E7F}' => true,
        // std has no "is mark"; these blocks cover the combining accents Latin-script names use.
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Whether a link (or image) destination may be kept. Browsers ignore whitespace and control characters
/// inside a scheme and treat `\` like `/`, so the check runs on a copy normalised the same way.
fn safe_url(dest: &str, is_link: bool) -> bool {
    let cleaned: String = dest
        .chars()
        .filter(|c| !(c.is_ascii_whitespace() || c.is_ascii_control()))
        .map(|c| if c == '\\' { '/' } else { c.to_ascii_lowercase() })
        .collect();
    // Protocol-relative URLs leave the site with whatever scheme the page has; not worth the risk.
    if cleaned.starts_with("//") {
        return false;
    }
    let head = cleaned.split(['/', '?', '#']).next().unwrap_or("");
    match head.split_once(':') {
        None => true,
        Some((scheme, _)) => matches!(scheme, "http" | "https") || (is_link && scheme == "mailto"),
    }
}

const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';
const LRO: char = '\u{202D}';
const RLO: char = '\u{202E}';
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Text with its bidirectional controls kept in their place. An embedding or override (U+202A–E)
/// or isolate (U+2066–8) that the text opens and does not close would run on into what the page
/// prints after it, in the same paragraph: a right-to-left override in an item title could show
/// the budget beside it backwards ("Trojan Source"). Removing the controls would lose characters
/// an author typed (the rule is that Thai text keeps every one), so unbalanced text is isolated
/// instead: wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, as `<bdi>` would. A PDI closes
/// one isolate and every embedding opened inside it, so the wrapper ends with one PDI per
/// isolate the text left open, and one for itself. One more FSI in front per stray PDI (a PDI
/// that closes nothing in the text) keeps such a PDI from closing the wrapper early. Balanced
/// text, and text without controls (nearly all), is returned as it is.
pub fn isolate_bidi(s: &str) -> Cow<'_, str> {
    // Every control is encoded as E2 80 AA–AE or E2 81 A6–A9.
    if !s.as_bytes().contains(&0xE2) {
        return Cow::Borrowed(s);
    }
    // What is open, innermost last: true for an isolate, false for an embedding or override.
    let mut open: Vec<bool> = Vec::new();
    let mut stray_pdi = 0;
    for c in s.chars() {
        match c {
            LRE | RLE | LRO | RLO => open.push(false),
            // A PDF closes an embedding opened inside the innermost isolate, never the isolate.
            PDF if open.last() == Some(&false) => {
                open.pop();
            }
            LRI | RLI | FSI => open.push(true),
            // A PDI closes its isolate and every embedding opened inside it.
            PDI => match open.iter().rposition(|&isolate| isolate) {
                Some(at) => open.truncate(at),
                None => {
                    open.clear();
                    stray_pdi += 1;
                }
            },
            _ => {}
        }
    }
    if open.is_empty() && stray_pdi == 0 {
        return Cow::Borrowed(s);
    }
    let open_isolates = open.iter().filter(|&&isolate| isolate).count();
    let mut out = String::with_capacity(s.len() + 3 * (stray_pdi + open_isolates + 2));
    out.extend(std::iter::repeat_n(FSI, stray_pdi + 1));
    out.push_str(s);
    out.extend(std::iter::repeat_n(PDI, open_isolates + 1));
    Cow::Owned(out)
}

/// The templates' escaping (set on the theme's Tera): HTML-escaped as Tera does, with
/// bidirectional controls isolated ([`isolate_bidi`]). Every value a template prints goes
/// through it, so no text from content can run on into the page around it.
pub fn escape_text(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    escape_html(&isolate_bidi(input), out)
}

/// What `tera::escape_html` writes (`&`, `<`, `>`, `"` and `'` as entities), a run of plain
/// bytes per write instead of a write per byte: Thai text is three bytes a letter, and the
/// per-byte writes were a tenth of a build's time.
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut plain = 0;
    for (i, b) in bytes.iter().enumerate() {
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[plain..i])?;
        out.write_all(entity)?;
        plain = i + 1;
    }
    out.write_all(&bytes[plain..])
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// [`isolate_bidi`] for a Markdown text.
fn isolated(t: CowStr<'_>) -> CowStr<'_> {
    match isolate_bidi(&t) {
        Cow::Borrowed(_) => t,
        Cow::Owned(s) => s.into(),
    }
}

struct PendingHeading<'a> {
    level: u8,
    text: String,
    inner: Vec<Event<'a>>,
}

#[derive(Default)]
struct Transform<'a> {
    shift: u8,
    out: Vec<Event<'a>>,
    headings: Vec<Heading>,
    used_anchors: HashSet<String>,
    heading: Option<PendingHeading<'a>>,
    /// One entry per open link or image: whether its start tag was kept, so its end tag matches.
    kept: Vec<bool>,
    html_block: Option<String>,
    /// The open table's column alignments, whether its cells are header cells, and the
    /// column of the next cell: cells are written with a class, not the `style` attribute
    /// pulldown-cmark would write, which the pages' Content-Security-Policy refuses.
    table: Vec<pulldown_cmark::Alignment>,
    in_table_head: bool,
    column: usize,
}

impl<'a> Transform<'a> {
    fn handle(&mut self, event: Event<'a>) {
        match event {
            Event::Text(t) => self.push(Event::Text(isolated(t))),
            Event::Code(t) => self.push(Event::Code(isolated(t))),
            Event::Start(Tag::HtmlBlock) => self.html_block = Some(String::new()),
            Event::End(TagEnd::HtmlBlock) => {
                let raw = self.html_block.take().unwrap_or_default();
                self.literal_block(&raw);
            }
            Event::Html(raw) | Event::InlineHtml(raw) => match &mut self.html_block {
                Some(buf) => buf.push_str(&raw),
                None => self.push(Event::Text(isolated(raw))),
            },
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let keep = safe_url(&dest_url, true);
                self.kept.push(keep);
                if keep {
                    let title = isolated(title);
                    self.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
                }
            }
            // A dropped image's alt-text events then render as ordinary text, which is the replacement we want.
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let keep = safe_url(&dest_url, false);
                self.kept.push(keep);
                if keep {
                    let title = isolated(title);
                    self.push(Event::Start(Tag::Image { link_type, dest_url, title, id }));
                }
            }
            end @ Event::End(TagEnd::Link | TagEnd::Image) => {
                if self.kept.pop().unwrap_or(false) {
                    self.push(end);
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let level = (level as u8).saturating_add(self.shift).min(6);
                self.heading = Some(PendingHeading { level, text: String::new(), inner: Vec::new() });
            }
            Event::End(TagEnd::Heading(_)) => self.finish_heading(),
            Event::Start(Tag::Table(alignments)) => {
                self.push(Event::Html(
                    "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"ตาราง\">\n".into(),
                ));
                self.push(Event::Start(Tag::Table(vec![pulldown_cmark::Alignment::None; alignments.len()])));
                self.table = alignments;
            }
            Event::Start(Tag::TableHead) => {
                (self.in_table_head, self.column) = (true, 0);
                self.push(Event::Start(Tag::TableHead));
            }
            Event::End(TagEnd::TableHead) => {
                self.in_table_head = false;
                self.push(Event::End(TagEnd::TableHead));
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                self.push(Event::Start(Tag::TableRow));
            }
            Event::Start(Tag::TableCell) => {
                use pulldown_cmark::Alignment;
                let tag = if self.in_table_head { "th" } else { "td" };
                let class = match self.table.get(self.column) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                self.push(Event::Html(format!("<{tag}{class}>").into()));
            }
            Event::End(TagEnd::TableCell) => {
                let tag = if self.in_table_head { "th" } else { "td" };
                self.push(Event::Html(format!("</{tag}>").into()));
                self.column += 1;
            }
            Event::End(TagEnd::Table) => {
                self.push(Event::End(TagEnd::Table));
                self.push(Event::Html("</div>\n".into()));
            }
            other => self.push(other),
        }
    }

    fn push(&mut self, event: Event<'a>) {
        let Some(h) = &mut self.heading else {
            self.out.push(event);
            return;
        };
        match &event {
            Event::Text(s) | Event::Code(s) => h.text.push_str(s),
            Event::SoftBreak | Event::HardBreak => h.text.push(' '),
            _ => {}
        }
        h.inner.push(event);
    }

    /// Raw HTML is shown as the source the author typed, one source line per visual line.
    fn literal_block(&mut self, raw: &str) {
        let raw = raw.trim_end();
        if raw.is_empty() {
            return;
        }
        self.push(Event::Start(Tag::Paragraph));
        for (i, line) in raw.lines().enumerate() {
            if i > 0 {
                self.push(Event::HardBreak);
            }
            self.push(Event::Text(isolate_bidi(line).into_owned().into()));
        }
        self.push(Event::End(TagEnd::Paragraph));
    }

    fn finish_heading(&mut self) {
        let Some(h) = self.heading.take() else { return };
        let base = anchor(&h.text);
        let mut id = base.clone();
        let mut n = 2;
        while self.used_anchors.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used_anchors.insert(id.clone());
        let level = h.level;
        self.out.push(Event::Html(format!("<h{level} id=\"{}\">", escape_attr(&id)).into()));
        self.out.extend(h.inner);
        self.out.push(Event::Html(format!("</h{level}>\n").into()));
        self.headings.push(Heading { level, text: h.text.trim().to_string(), anchor: id });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escaping_writes_what_tera_writes() {
        for s in ["", "ก", "a&b<c>d\"e'f", "&&", "<ตำบล>'", "plain ไทย text", "'", "x\u{202E}y"] {
            let (mut ours, mut tera) = (Vec::new(), Vec::new());
            super::escape_html(s, &mut ours).expect("in memory");
            tera::escape_html(s, &mut tera).expect("in memory");
            assert_eq!(String::from_utf8(ours).expect("utf-8"), String::from_utf8(tera).expect("utf-8"), "{s:?}");
        }
    }

    #[test]
    fn plain_text_keeps_words_and_drops_markup() {
        let t = super::plain_text("# หัวข้อ\n\nคำ *เน้น*ต่อ [ลิงก์](https://x.org)\n\n- ข้อ 1\n- ข้อ 2\n");
        assert_eq!(t, "หัวข้อ\nคำ เน้นต่อ ลิงก์\nข้อ 1\nข้อ 2\n");
    }

    use super::*;

    fn html(md: &str) -> String {
        render(md, 1).html
    }

    #[test]
    fn thai_anchors_keep_every_mark() {
        assert_eq!(anchor("วัตถุประสงค์ของโครงการ"), "วัตถุประสงค์ของโครงการ");
        assert_eq!(anchor("ขั้นตอน การดำเนินงาน"), "ขั้นตอน-การดำเนินงาน");
        assert_eq!(anchor("No Gift Policy!"), "no-gift-policy");
        assert_eq!(anchor("  ผลการดำเนินงาน ปี ๒๕๖๗ (ITA) "), "ผลการดำเนินงาน-ปี-๒๕๖๗-ita");
        assert_eq!(anchor("กรุงเทพฯ และอื่นๆ ๏"), "กรุงเทพฯ-และอื่นๆ");
        assert_eq!(anchor("a -- b__c"), "a-b__c");
        assert_eq!(anchor("!!!"), "section");
        assert_eq!(anchor(""), "section");
        let marks: String = ('\u{0E31}'..='\u{0E3A}').chain('\u{0E47}'..='\u{0E4E}').collect();
        assert_eq!(anchor(&format!("ก{marks}")), format!("ก{marks}"));
    }

    #[test]
    fn headings_shift_and_get_unique_ids() {
        let r = render("# แผนงาน\n\n## แผนงาน\n\n###### ลึก\n\n# แผนงาน-2\n\n# แผนงาน", 1);
        assert!(r.html.contains("<h2 id=\"แผนงาน\">แผนงาน</h2>"), "{}", r.html);
        assert!(r.html.contains("<h3 id=\"แผนงาน-2\">"));
        assert!(r.html.contains("<h6 id=\"ลึก\">ลึก</h6>"));
        let ids: Vec<_> = r.headings.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(ids, ["แผนงาน", "แผนงาน-2", "ลึก", "แผนงาน-2-2", "แผนงาน-3"]);
        assert_eq!(r.headings.iter().map(|h| h.level).collect::<Vec<_>>(), [2, 3, 6, 2, 2]);
        assert!(render("# a", 0).html.contains("<h1 id=\"a\">"));
        assert!(render("## a", 255).html.contains("<h6 id=\"a\">"));
        let r = render("# `code` *and* text", 1);
        assert_eq!(r.headings[0].text, "code and text");
        assert!(r.html.contains("<h2 id=\"code-and-text\"><code>code</code> <em>and</em> text</h2>"));
    }

    #[test]
    fn raw_html_is_escaped() {
        for md in ["<script>alert(1)</script>", "text <script>alert(1)</script> more", "> <script>x</script>"] {
            let out = html(md);
            assert!(out.contains("&lt;script&gt;"), "{out}");
            assert!(!out.contains("<script"), "{out}");
        }
        let out = html("ก <b onclick=x>ข</b>\n\n<img src=x onerror=alert(1)>\n\n<div>\n<p>บรรทัด</p>\n</div>");
        assert!(!out.contains("<b "), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"), "{out}");
        assert!(out.contains("&lt;div&gt;<br />\n&lt;p&gt;บรรทัด&lt;/p&gt;<br />\n&lt;/div&gt;"), "{out}");
        assert!(!html("<!-- x --> <?php ?> <![CDATA[ ]]>").contains("<!"));
    }

    #[test]
    fn dangerous_links_lose_href_but_keep_text() {
        let bad = "javascript:alert(1) JaVaScRiPt:alert(1) %20javascript:x <java\tscript:x> &#106;avascript:alert(1) \
                   java&#x09;script:x data:text/html;base64,PHNjcmlwdD4= vbscript:msgbox file:///etc/passwd \
                   //evil.example/x /\\evil.example <\u{1}javascript:x> tel:+66 </\t/evil.example> /\u{7f}/x.th";
        for dest in bad.split(' ').filter(|d| !d.is_empty()) {
            let out = html(&format!("[ข้อความ]({dest}) <{dest}>"));
            assert!(out.contains("ข้อความ") && !out.contains("href"), "{dest}: {out}");
        }
        assert_eq!(html("[ลิงก์](javascript:alert(1))"), "<p>ลิงก์</p>\n");
    }

    #[test]
    fn safe_links_keep_href() {
        let hrefs =
            ["https://x.go.th/a?b=1#c", "HTTP://x.th", "mailto:a@b.th", "../plan/", "file.pdf", "#top", "?q=1:2"];
        let out = html(&(hrefs.iter().map(|h| format!("[ลิงก์]({h}) ")).collect::<String>() + "<https://a.th> <a@b.th>"));
        for href in hrefs.iter().chain(&["https://a.th", "mailto:a@b.th"]) {
            assert!(out.contains(&format!("href=\"{href}\"")), "{href}: {out}");
        }
    }

    #[test]
    fn images_only_http_or_relative() {
        let out =
            html("![แผนภูมิ](data:image/png;base64,AAAA) ![โลโก้](mailto:x@y) ![ok](/img/a.png) ![w](https://x.th/a.png)");
        assert!(out.contains("แผนภูมิ") && out.contains("โลโก้"), "{out}");
        assert!(!out.contains("data:") && !out.contains("mailto:"), "{out}");
        assert!(out.contains("<img src=\"/img/a.png\" alt=\"ok\" />") && out.contains("src=\"https://x.th/a.png\""));
        let out = html("[![ภาพ](javascript:x)](https://x.th)");
        assert_eq!(out, "<p><a href=\"https://x.th\">ภาพ</a></p>\n");
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        let out = html("| ก | ข | ค | ง |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n");
        assert!(!out.contains("style="), "{out}");
        assert!(out.contains("<th class=\"align-left\">ก</th>"), "{out}");
        assert!(out.contains("<td class=\"align-center\">2</td>"), "{out}");
        assert!(out.contains("<td class=\"align-right\">3</td>"), "{out}");
        assert!(out.contains("<td>4</td>"), "{out}");
    }

    #[test]
    fn tables_are_wrapped_and_footnotes_render() {
        let out = html("| ก | ข |\n|---|---|\n| 1 | 2 |\n\nข้อความ~~ลบ~~[^1]\n\n[^1]: เชิงอรรถ");
        assert!(
            out.starts_with(
                "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"ตาราง\">\n<table>"
            )
        );
        assert!(out.contains("</table>\n</div>\n"), "{out}");
        assert!(out.contains("<del>ลบ</del>"), "{out}");
        assert!(out.contains("footnote-reference") && out.contains("footnote-definition") && out.contains("เชิงอรรถ"));
    }

    #[test]
    fn tricky_inputs_do_not_panic() {
        let inputs = [
            String::new(),
            " \n\t\n ".into(),
            "> ".repeat(10_000) + "x",
            "- ".repeat(10_000) + "x",
            "  ".repeat(5_000) + "1. x",
            "`".repeat(100_000),
            "[".repeat(50_000) + &"](x)".repeat(50_000),
            "![".repeat(20_000) + "x",
            "*_".repeat(50_000),
            "<div>\n<b>".repeat(5_000),
            "| a |\n|---|\n".to_string() + &"| <x> |\n".repeat(5_000),
            "[^a]: [^a]\n".repeat(1_000),
            "# \n#\n######## x\n=\n-".into(),
            "<script".into(),
            "```\nunterminated".into(),
        ];
        for input in &inputs {
            let r = render(input, 1);
            assert!(!r.html.contains("<script"));
        }
        assert!(render("> ".repeat(10_000).as_str(), 1).html.contains("<blockquote>"));
    }

    /// Whether nothing `s` opens stays open after it, and it closes nothing it did not open.
    fn balanced(s: &str) -> bool {
        let mut open: Vec<bool> = Vec::new();
        for c in s.chars() {
            match c {
                LRE | RLE | LRO | RLO => open.push(false),
                PDF if open.last() == Some(&false) => {
                    open.pop();
                }
                LRI | RLI | FSI => open.push(true),
                PDI => match open.iter().rposition(|&i| i) {
                    Some(at) => open.truncate(at),
                    None => return false,
                },
                _ => {}
            }
        }
        open.is_empty()
    }

    #[test]
    fn bidi_controls_are_kept_and_isolated() {
        for plain in ["ไทย 1,000 บาท – ok", "a\u{202E}b\u{202C}c", "a\u{2067}b\u{202B}c\u{2069}", "\u{202C}x", ""]
        {
            assert!(matches!(isolate_bidi(plain), Cow::Borrowed(_)), "{plain:?}");
        }
        assert_eq!(isolate_bidi("ก\u{202E}ข"), "\u{2068}ก\u{202E}ข\u{2069}");
        // One PDI per isolate left open, and one for the wrapper.
        assert_eq!(isolate_bidi("\u{2066}x\u{202C}"), "\u{2068}\u{2066}x\u{202C}\u{2069}\u{2069}");
        assert_eq!(isolate_bidi("\u{202B}x"), "\u{2068}\u{202B}x\u{2069}");
        // A stray PDI would close the wrapper and leave the override after it open: one more FSI.
        assert_eq!(isolate_bidi("\u{2069}\u{202E}x"), "\u{2068}\u{2068}\u{2069}\u{202E}x\u{2069}");
        assert!(balanced(&isolate_bidi("\u{2069}\u{202E}x")) && !balanced("\u{2069}\u{202E}x"));
        // The templates' escaping and Markdown text both apply it.
        let mut out = Vec::new();
        escape_text("<b>\u{202E}1,000</b>", &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "\u{2068}&lt;b&gt;\u{202E}1,000&lt;/b&gt;\u{2069}");
        let out = html("ชื่อ\u{202E}โครงการ 1,000 บาท `\u{202D}x` [ลิงก์](https://x.th \"t\u{202E}\")\n\n<b>\u{202E}</b>");
        assert!(out.contains("\u{2068}ชื่อ\u{202E}โครงการ 1,000 บาท \u{2069}"), "{out:?}");
        assert!(out.contains("<code>\u{2068}\u{202D}x\u{2069}</code>"), "{out:?}");
        assert!(out.contains("title=\"\u{2068}t\u{202E}\u{2069}\""), "{out:?}");
        assert!(out.contains("&lt;b&gt;\u{2068}\u{202E}\u{2069}&lt;/b&gt;"), "{out:?}");
    }

    proptest::proptest! {
        #[test]
        fn isolated_text_is_balanced_and_keeps_every_character(
            s in "[a-zก-ฮ0-9 \u{202A}-\u{202E}\u{2066}-\u{2069}\u{200E}\u{200F}]{0,40}"
        ) {
            let out = isolate_bidi(&s);
            proptest::prop_assert!(balanced(&out), "{:?} → {:?}", s, out);
            proptest::prop_assert!(out.contains(s.as_str()));
            if balanced(&s) {
                proptest::prop_assert_eq!(out.as_ref(), s.as_str());
            }
            let r = render(&s, 1);
            proptest::prop_assert!(balanced(&r.html), "{:?} → {:?}", s, r.html);
        }

        #[test]
        fn never_panics_and_never_emits_raw_tags(s in "(?s)[ -~\t\n\u{0E00}-\u{0E7F}]{0,300}", shift in 0u8..10) {
            let r = render(&s, shift);
            proptest::prop_assert!(!r.html.contains("<script") && !r.html.contains("<b "));
            for h in &r.headings {
                proptest::prop_assert!(h.level >= 1 && h.level <= 6 && !h.anchor.is_empty());
            }
        }

        #[test]
        fn any_unicode_never_panics(s in "\\PC{0,200}", shift in proptest::num::u8::ANY) {
            let _ = render(&s, shift);
            let _ = anchor(&s);
        }
    }
}
