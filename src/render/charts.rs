//! Build-time SVG charts, inlined into pages. No script and no `style` anywhere so the pages keep a strict CSP;
//! every series is told apart by a pattern as well as a colour (WCAG 1.4.1); all text is escaped because labels
//! are user content. Widths are estimates (no font metrics at build time), so layout leaves slack.

use std::fmt::Write;

/// Series colours, each at least 3:1 against white (WCAG 1.4.11) so bars and swatches stay perceivable:
/// blue 6.4, red 5.4, green 5.4, purple 7.1, brown 5.0, grey 8.5. The white marks of the patterns carry the
/// distinction when colour is not seen; the test `palette_contrast` keeps these ratios honest.
const PALETTE: [&str; 6] = ["#1f5fa8", "#c0392b", "#1e7b34", "#7d3c98", "#a85a00", "#4d4d4d"];
/// Text colour, about 17:1 on white.
const INK: &str = "#1a1a1a";
const FONT: &str = "Sarabun, 'Noto Sans Thai', sans-serif";
const FS: f64 = 12.0;
const NOT_STATED: &str = "ไม่ระบุ";

macro_rules! w {
    ($o:expr, $($t:tt)*) => {{ let _ = write!($o, $($t)*); }};
}

/// One group of bars (e.g. one dimension of a plan) with one value per series (e.g. per fiscal year).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub label: String,
    pub values: Vec<Option<i64>>,
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    // Bidi controls a label leaves open would run on into the figures after it.
    for c in super::markdown::isolate_bidi(s).chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            // Forbidden in XML 1.0: one of them would make the browser drop the whole inline SVG.
            '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {}
            _ => o.push(c),
        }
    }
    o
}

/// The id goes into `aria-labelledby` (a space-separated list) and `url(#…)`, where other characters break refs.
fn clean_id(id: &str) -> String {
    let s: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    if s.is_empty() { "chart".into() } else { s }
}

/// Coordinates with one decimal, never NaN/inf, so output is stable and valid.
fn num(x: f64) -> String {
    let r = if x.is_finite() { (x * 10.0).round() / 10.0 } else { 0.0 };
    if r.fract() == 0.0 { format!("{}", r as i64) } else { format!("{r:.1}") }
}

/// Thai above/below vowels and tone marks stack on the previous consonant and take no advance width.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{E31}' | '\u{E34}'..='\u{E3A}' | '\u{E47}'..='\u{E4E}')
}

fn units(s: &str) -> usize {
    s.chars().filter(|&c| !is_mark(c)).count()
}

fn text_w(s: &str, fs: f64) -> f64 {
    units(s) as f64 * 0.6 * fs
}

/// Cuts `s` to at most `max` width units, ending with "…" when cut.
fn clip(s: &str, max: usize) -> (String, bool) {
    if units(s) <= max {
        return (s.to_string(), false);
    }
    let (mut out, mut n) = (String::new(), 0);
    for c in s.chars() {
        if !is_mark(c) {
            if n + 1 >= max {
                break;
            }
            n += 1;
        }
        out.push(c);
    }
    // A Thai leading vowel (เ แ โ ใ ไ) belongs to the consonant after it; ending on one reads as a typo.
    while out.ends_with(|c: char| ('\u{E40}'..='\u{E44}').contains(&c) || c.is_whitespace()) {
        out.pop();
    }
    out.push('…');
    (out, true)
}

/// Up to two lines broken at spaces (Thai runs words together, but names like "มิติที่ 1 การ…" have spaces
/// between parts), the second clipped.
fn two_lines(s: &str, max: usize) -> (Vec<String>, bool) {
    let words: Vec<&str> = s.split_whitespace().collect();
    let k = (0..words.len()).take_while(|&k| units(&words[..=k].join(" ")) <= max).count();
    if k == words.len() {
        return (vec![words.join(" ")], false);
    }
    if k == 0 {
        return (vec![clip(&words.join(" "), max).0], true);
    }
    (vec![words[..k].join(" "), clip(&words[k..].join(" "), max).0], true)
}

fn text(o: &mut String, x: f64, y: f64, attrs: &str, body: &str) {
    w!(o, r#"<text x="{}" y="{}"{attrs}>{body}</text>"#, num(x), num(y));
}

fn rect(o: &mut String, (x, y, w, h): (f64, f64, f64, f64), attrs: &str, title: &str) {
    w!(o, r#"<rect x="{}" y="{}" width="{}" height="{}"{attrs}"#, num(x), num(y), num(w), num(h));
    if title.is_empty() { o.push_str("/>") } else { w!(o, "><title>{}</title></rect>", esc(title)) }
}

/// The full text stays reachable as a tooltip and for assistive tech when the visible text is clipped.
fn title_if(cut: bool, full: &str) -> String {
    if cut { format!("<title>{}</title>", esc(full)) } else { String::new() }
}

fn colour(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

fn swatch(i: usize, id: &str, stroke: &str) -> String {
    format!(r#" class="s{i}" fill="url(#{id}-p{i})" stroke="{stroke}""#)
}

/// One tile per series: solid, diagonal, dots, cross-hatch, horizontal, vertical, then cycling.
fn defs(out: &mut String, id: &str, n: usize) {
    out.push_str("<defs>");
    for i in 0..n {
        w!(out, r#"<pattern id="{id}-p{i}" patternUnits="userSpaceOnUse" width="8" height="8">"#);
        w!(out, r#"<rect width="8" height="8" fill="{}"/>"#, colour(i));
        out.push_str(match i % 6 {
            0 => "",
            1 => r##"<path d="M-2,2l4,-4M0,8l8,-8M6,10l4,-4" stroke="#fff" stroke-width="1.6"/>"##,
            2 => r##"<circle cx="4" cy="4" r="1.8" fill="#fff"/>"##,
            3 => r##"<path d="M0,0l8,8M8,0l-8,8" stroke="#fff" stroke-width="1.3"/>"##,
            4 => r##"<path d="M0,4h8" stroke="#fff" stroke-width="2"/>"##,
            _ => r##"<path d="M4,0v8" stroke="#fff" stroke-width="2"/>"##,
        });
        out.push_str("</pattern>");
    }
    out.push_str("</defs>");
}

/// Flowing legend of (series index, or None for the "not stated" mark; label; suffix that is never clipped).
/// Returns the height used.
fn legend(out: &mut String, id: &str, items: &[(Option<usize>, String, String)], x0: f64, y0: f64, width: f64) -> f64 {
    let (mut x, mut y) = (x0, y0);
    out.push_str(r#"<g class="legend">"#);
    for (k, label, suffix) in items {
        let room = ((width - 22.0 - text_w(suffix, FS)) / (0.6 * FS)).max(4.0) as usize;
        let (shown, cut) = clip(label, room);
        let iw = 40.0 + text_w(&shown, FS) + text_w(suffix, FS);
        if x > x0 && x + iw > x0 + width {
            (x, y) = (x0, y + 22.0);
        }
        match k {
            Some(i) => rect(out, (x, y, 14.0, 14.0), &swatch(*i, id, colour(*i)), ""),
            None => text(out, x + 7.0, y + 12.0, r#" text-anchor="middle""#, "–"),
        }
        text(out, x + 20.0, y + 11.5, "", &(title_if(cut, label) + &esc(&shown) + &esc(suffix)));
        x += iw;
    }
    out.push_str("</g>");
    if items.is_empty() { 0.0 } else { y + 22.0 - y0 }
}

fn svg(id: &str, (w, h): (f64, f64), title: &str, desc: &str, defs_n: usize, body: &str) -> String {
    let mut o = String::new();
    w!(o, r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" "#, num(w), num(h));
    w!(o, r#"aria-labelledby="{id}-title {id}-desc" class="chart" preserveAspectRatio="xMinYMin meet">"#);
    w!(o, r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#, esc(title), esc(desc));
    defs(&mut o, id, defs_n);
    w!(o, r#"<g font-family="{FONT}" font-size="{FS}" fill="{INK}">{body}</g></svg>"#);
    o
}

fn value(g: &Group, j: usize) -> Option<i64> {
    g.values.get(j).copied().flatten().map(|v| v.max(0))
}

/// Gridline values in satang: multiples of a 1/2/5×10ⁿ baht step, the smallest giving at most 4 intervals.
/// i128 so that values near i64::MAX cannot overflow.
fn ticks(max: i64) -> Vec<i64> {
    if max <= 0 {
        return vec![0];
    }
    let max_baht = (max as i128 + 99) / 100;
    let (mut step, mut k) = (1i128, 0);
    while (max_baht + step - 1) / step > 4 {
        step = if k % 3 == 1 { step / 2 * 5 } else { step * 2 };
        k += 1;
    }
    (0..=(max_baht + step - 1) / step).map(|i| i64::try_from(i * step * 100).unwrap_or(i64::MAX)).collect()
}

/// Grouped bar chart: budget by dimension (groups) and fiscal year (series).
/// `id`: unique within the page, used to build element ids. `title`: accessible name.
/// `series`: the series labels, e.g. ["2566","2567",...]. Values are satang (integers); None = not stated
/// (no bar, a "–" at the baseline). `fmt`: value → the text a reader sees, for axis and bar value labels.
pub fn grouped_bars(id: &str, title: &str, series: &[String], groups: &[Group], fmt: &dyn Fn(i64) -> String) -> String {
    let id = &clean_id(id);
    let ns = series.len();
    let ticks = ticks(groups.iter().flat_map(|g| (0..ns).filter_map(|j| value(g, j))).max().unwrap_or(0));
    let tick_text: Vec<String> = ticks.iter().map(|&t| fmt(t)).collect();
    let left = 16.0 + tick_text.iter().map(|l| text_w(l, FS)).fold(30.0, f64::max);
    let ng = groups.len().max(1);
    // Widen rather than thin bars below ~10px: the viewBox scales down, so text shrinks a little instead.
    let plot_w = (ng as f64 * (ns as f64 * 12.0 + 14.0)).max(620.0);
    let slot = plot_w / ng as f64;
    let pitch = (slot * 0.82 / ns.max(1) as f64).min(32.0);
    let labels: Vec<Vec<Option<String>>> =
        groups.iter().map(|g| (0..ns).map(|j| value(g, j).map(fmt)).collect()).collect();
    let longest = labels.iter().flatten().flatten().map(|t| text_w(t, 10.0)).fold(0.0, f64::max);
    // Value labels go upright when they fit the bar pitch, else rotated (room reserved above), else not at all.
    let (show, upright) = (pitch >= 9.0, longest <= pitch - 2.0);
    let top_v = *ticks.last().unwrap_or(&0) as f64;
    // With nothing above zero a tall empty plot would only suggest missing data.
    let plot_h = if top_v > 0.0 { 240.0 } else { 40.0 };
    // Room above the plot only for value labels that would stick out past its top.
    let above = |v: i64, t: &str| {
        let room = if top_v > 0.0 { plot_h * (1.0 - v as f64 / top_v) } else { plot_h };
        if !show {
            0.0
        } else if upright {
            13.0 - room
        } else {
            text_w(t, 10.0) + 4.0 - room
        }
    };
    let stick = groups.iter().zip(&labels).flat_map(|(g, r)| r.iter().enumerate().map(move |(j, t)| (value(g, j), t)));
    let top = 24.0 + stick.filter_map(|(v, t)| Some(above(v?, t.as_ref()?))).fold(0.0, f64::max);
    let base = top + plot_h;
    let yof = |v: i64| if top_v > 0.0 { base - v as f64 / top_v * plot_h } else { base };
    let bar_x = |gi: usize, j: usize| left + slot * (gi as f64 + 0.5) + pitch * (j as f64 - ns as f64 / 2.0);
    let line = |b: &mut String, y: f64, attrs: &str| {
        w!(b, r#"<line x1="{}" x2="{}" y1="{y}" y2="{y}"{attrs}/>"#, num(left), num(left + plot_w), y = num(y))
    };

    let mut b = String::new();
    text(&mut b, left - 6.0, top - 14.0, r#" text-anchor="end""#, "(บาท)");
    b.push_str(r##"<g class="grid" stroke="#d9d9d9">"##);
    ticks.iter().skip(1).for_each(|&t| line(&mut b, yof(t), ""));
    b.push_str(r#"</g><g class="axis" text-anchor="end">"#);
    for (&t, l) in ticks.iter().zip(&tick_text) {
        text(&mut b, left - 6.0, yof(t) + 4.0, "", &esc(l));
    }
    b.push_str("</g>");
    for (j, s) in series.iter().enumerate() {
        w!(b, "<g{}>", swatch(j, id, colour(j)));
        for (gi, g) in groups.iter().enumerate() {
            if let (Some(v), Some(Some(t))) = (value(g, j), labels[gi].get(j)) {
                let tip = format!("{}, {s}: {t} บาท", g.label);
                rect(&mut b, (bar_x(gi, j) + 1.0, yof(v), (pitch - 2.0).max(1.0), base - yof(v)), "", &tip);
            }
        }
        b.push_str("</g>");
    }
    line(&mut b, base, &format!(r#" class="axis" stroke="{INK}""#));
    b.push_str(r#"<g class="values" font-size="10" text-anchor="middle">"#);
    for (gi, row) in labels.iter().enumerate() {
        for (j, t) in row.iter().enumerate() {
            let cx = bar_x(gi, j) + pitch / 2.0;
            match (t, value(&groups[gi], j)) {
                (Some(t), Some(v)) if show && upright => text(&mut b, cx, yof(v) - 3.0, "", &esc(t)),
                (Some(t), Some(v)) if show => {
                    let (x, y) = (num(cx + 3.5), num(yof(v) - 3.0));
                    w!(
                        b,
                        r#"<text x="{x}" y="{y}" transform="rotate(-90 {x} {y})" text-anchor="start">{}</text>"#,
                        esc(t)
                    )
                }
                (None, _) => text(&mut b, cx, base - 3.0, r#" font-size="12""#, "–"),
                _ => {}
            }
        }
    }
    b.push_str(r#"</g><g class="groups" text-anchor="middle">"#);
    let max_units = ((slot - 4.0) / (0.6 * FS)).max(3.0) as usize;
    for (gi, g) in groups.iter().enumerate() {
        let (lines, cut) = two_lines(&g.label, max_units);
        let cx = left + slot * (gi as f64 + 0.5);
        let mut body = title_if(cut, &g.label) + &esc(&lines[0]);
        if let Some(l) = lines.get(1) {
            w!(body, r#"<tspan x="{}" dy="14">{}</tspan>"#, num(cx), esc(l));
        }
        text(&mut b, cx, base + 16.0, "", &body);
    }
    b.push_str("</g>");
    let mut items: Vec<_> = series.iter().enumerate().map(|(j, s)| (Some(j), s.clone(), String::new())).collect();
    if labels.iter().flatten().any(Option::is_none) {
        items.push((None, NOT_STATED.to_string(), String::new()));
    }
    let lh = legend(&mut b, id, &items, left, base + 44.0, plot_w);

    let said =
        |s: &String, t: &Option<String>| t.as_ref().map_or(format!("{s} {NOT_STATED}"), |t| format!("{s} {t} บาท"));
    let per_group = groups.iter().zip(&labels).filter(|_| ns > 0);
    let desc: Vec<String> = per_group
        .map(|(g, row)| {
            format!("{}: {}", g.label, series.iter().zip(row).map(|(s, t)| said(s, t)).collect::<Vec<_>>().join(", "))
        })
        .collect();
    let desc = if desc.is_empty() { "ไม่มีข้อมูล".to_string() } else { desc.join("; ") + "." };
    svg(id, (left + plot_w + 12.0, base + 48.0 + lh), title, &desc, ns, &b)
}

/// One horizontal stacked bar: the status of a report round. segments: (label, count). Zero counts are omitted
/// from the bar but kept in the legend with their 0. `fmt_count`: count → text (digits may be Thai).
pub fn stacked_bar(id: &str, title: &str, segments: &[(String, u64)], fmt_count: &dyn Fn(u64) -> String) -> String {
    let id = &clean_id(id);
    let total: u128 = segments.iter().map(|s| s.1 as u128).sum();
    let (x0, bar_w, bar_h) = (12.0, 696.0, 36.0);
    let counts: Vec<String> = segments.iter().map(|s| fmt_count(s.1)).collect();
    let hw = |i: usize| text_w(&counts[i], FS) / 2.0;
    // A 2px floor keeps a count of 1 in thousands visible, at a cost of at most 2px per segment.
    let share = bar_w - 2.0 * segments.iter().filter(|s| s.1 > 0).count() as f64;
    // (index, x, width, count fits inside?, centre of the count's text)
    let (mut placed, mut x) = (Vec::new(), x0);
    for (i, (_, c)) in segments.iter().enumerate().filter(|(_, s)| s.1 > 0) {
        let sw = 2.0 + share * (*c as f64 / total as f64);
        placed.push((i, x, sw, 2.0 * hw(i) + 10.0 <= sw, x + sw / 2.0));
        x += sw;
    }
    // Counts that don't fit sit above the bar, pushed apart so none overlap, each with a leader to its segment.
    let mut edge = f64::MIN;
    for p in placed.iter_mut().filter(|p| !p.3) {
        p.4 = p.4.max(edge + hw(p.0));
        edge = p.4 + hw(p.0) + 8.0;
    }
    edge = x0 + bar_w;
    for p in placed.iter_mut().rev().filter(|p| !p.3) {
        p.4 = p.4.min(edge - hw(p.0));
        edge = p.4 - hw(p.0) - 8.0;
    }
    let top = if placed.iter().all(|p| p.3) { 12.0 } else { 36.0 };
    let mid = top + bar_h / 2.0;

    let mut b = String::new();
    if placed.is_empty() {
        rect(&mut b, (x0, top, bar_w, bar_h), r##" fill="none" stroke="#767676""##, "");
    }
    for &(i, x, sw, _, _) in &placed {
        // White edges separate adjacent segments; each fill alone is 3:1 against the page.
        rect(&mut b, (x, top, sw, bar_h), &swatch(i, id, "#fff"), &format!("{}: {} รายการ", segments[i].0, counts[i]));
    }
    b.push_str(r#"<g class="counts" text-anchor="middle">"#);
    for &(i, x, sw, inside, lx) in &placed {
        if inside {
            // The white chip keeps 4.5:1 text contrast whatever the pattern under it.
            rect(
                &mut b,
                (x + sw / 2.0 - hw(i) - 3.0, mid - 9.0, 2.0 * hw(i) + 6.0, 18.0),
                r##" rx="2" fill="#fff""##,
                "",
            );
            text(&mut b, x + sw / 2.0, mid + 4.0, "", &esc(&counts[i]));
        } else {
            text(&mut b, lx, top - 16.0, "", &esc(&counts[i]));
            let (x1, x2, y1, y2) = (num(lx), num(x + sw / 2.0), num(top - 12.0), num(top));
            w!(b, r#"<line x1="{x1}" x2="{x2}" y1="{y1}" y2="{y2}" stroke="{INK}"/>"#);
        }
    }
    b.push_str("</g>");
    let items = segments.iter().zip(&counts).enumerate().map(|(i, (s, c))| (Some(i), s.0.clone(), format!(": {c}")));
    let ly = top + bar_h + 14.0;
    let lh = legend(&mut b, id, &items.collect::<Vec<_>>(), x0, ly, bar_w);

    let parts: Vec<String> = segments.iter().zip(&counts).map(|(s, c)| format!("{} {c} รายการ", s.0)).collect();
    let total = fmt_count(u64::try_from(total).unwrap_or(u64::MAX));
    let desc = if parts.is_empty() {
        "ไม่มีข้อมูล".into()
    } else {
        format!("{} (รวม {total} รายการ).", parts.join(", "))
    };
    svg(id, (x0 * 2.0 + bar_w, ly + lh + 4.0), title, &desc, segments.len(), &b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn baht(v: i64) -> String {
        format!("{}", v / 100)
    }

    fn thai(n: u64) -> String {
        n.to_string().chars().map(|c| char::from_u32(c as u32 + 0xE50 - '0' as u32).unwrap_or(c)).collect()
    }

    fn years(n: usize) -> Vec<String> {
        (0..n).map(|i| (2566 + i).to_string()).collect()
    }

    fn group(label: &str, values: Vec<Option<i64>>) -> Group {
        Group { label: label.into(), values }
    }

    /// Tags balance, attributes are quoted, every `&` starts a known entity, ids are prefixed and refs resolve.
    fn check(s: &str, id: &str) {
        let (mut stack, mut rest) = (Vec::new(), s);
        let ents = |t: &str| {
            t.match_indices('&')
                .all(|(i, _)| ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| t[i..].starts_with(e)))
        };
        while let Some(p) = rest.find('<') {
            assert!(ents(&rest[..p]) && (p == 0 || !stack.is_empty()), "stray text: {}", &rest[..p]);
            let end = p + rest[p..].find('>').expect("unclosed tag");
            let tag = &rest[p + 1..end];
            assert!(tag.matches('"').count() % 2 == 0 && ents(tag) && !tag.contains('<'), "bad tag {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name), "mismatched close");
            } else if !tag.ends_with('/') {
                stack.push(tag.split(' ').next().unwrap_or(""));
            }
            rest = &rest[end + 1..];
        }
        assert!(stack.is_empty() && rest.is_empty(), "unclosed {stack:?}");
        let root = &s[..s.find('>').unwrap_or(0)];
        assert!(root.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 "#));
        assert!(!root.contains(" width=") && !root.contains(" height="));
        assert!(root.contains(&format!(r#"aria-labelledby="{id}-title {id}-desc""#)));
        for bad in ["style", "NaN", "inf", "<script", "href"] {
            assert!(!s.contains(bad), "found {bad}");
        }
        let ids: Vec<&str> = s.split(" id=\"").skip(1).filter_map(|x| x.split('"').next()).collect();
        assert!(ids.iter().all(|i| i.starts_with(&format!("{id}-"))), "{ids:?}");
        for r in s.split("url(#").skip(1).filter_map(|x| x.split(')').next()) {
            assert!(ids.contains(&r), "dangling ref {r}");
        }
    }

    const LONG: &str = "มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต ผ่านกลไกการมีส่วนร่วมของประชาชนในทุกระดับ อย่างต่อเนื่องและยั่งยืนตลอดไป";

    fn dims() -> Vec<Group> {
        vec![group(LONG, vec![Some(3_300_000), None]), group("มิติที่ 2", vec![Some(4_100_000), Some(0)])]
    }

    #[test]
    fn grouped_is_well_formed_and_describes_every_value() {
        let s = grouped_bars("b", "งบประมาณ", &years(2), &dims(), &baht);
        check(&s, "b");
        assert!(s.contains(&format!("{LONG}: 2566 33000 บาท, 2567 ไม่ระบุ; มิติที่ 2: 2566 41000 บาท, 2567 0 บาท.")));
        assert!(s.contains(&format!("<title>{LONG}</title>")) && s.contains('…'), "clipped label keeps full text");
        assert!(s.contains(">–</text>") && s.contains(">ไม่ระบุ</text>") && s.contains(">2567</text>"));
        assert!(s.contains(">40000</text>") && s.contains(">0</text>"));
        assert_eq!(s, grouped_bars("b", "งบประมาณ", &years(2), &dims(), &baht), "deterministic");
    }

    #[test]
    fn escapes_user_text() {
        let evil = "<script>&\"'".to_string();
        let s =
            grouped_bars("x", &evil, std::slice::from_ref(&evil), &[group(&evil, vec![Some(100)])], &|_| evil.clone());
        check(&s, "x");
        assert!(s.contains("&lt;script&gt;&amp;&quot;&#39;"));
        let s = stacked_bar("y\" onload=\"", &evil, &[(evil.clone(), 1), ("a\u{1}b".into(), 2)], &|_| evil.clone());
        check(&s, "y__onload__");
    }

    #[test]
    fn edge_cases_do_not_break() {
        let ten: Vec<Group> =
            (0..10).map(|i| group(&format!("มิติที่ {i} เรื่องยาว"), vec![Some(i * 10_000_000); 5])).collect();
        let cases = [
            (vec![], 3),
            (vec![group("ก", vec![None, Some(0), Some(-5)])], 3),
            (vec![group("ข", vec![Some(0); 3])], 3),
            (vec![group("ค", vec![Some(999_999_999_999_999), Some(i64::MAX), Some(1)])], 3),
            (ten, 5),
            (dims(), 0),
            (dims(), 9),
        ];
        for (gs, ns) in cases {
            let s = grouped_bars("e", "t", &years(ns), &gs, &baht);
            check(&s, "e");
            assert!(years(ns).iter().all(|y| s.contains(&format!(">{y}</text>"))), "legend lacks a series");
        }
        let s = grouped_bars("z", "t", &years(1), &[group("ก", vec![None])], &baht);
        assert!(s.contains(">0</text>") && s.matches("<line").count() == 1 && !s.contains("</rect>"));
        for segs in [vec![], vec![("a".to_string(), 0)], vec![("a".into(), u64::MAX), ("b".into(), u64::MAX)]] {
            check(&stacked_bar("s", "t", &segs, &thai), "s");
        }
    }

    #[test]
    fn nice_ticks_and_thai_clipping() {
        assert_eq!(ticks(0), vec![0]);
        assert_eq!(ticks(4_100_000), vec![0, 2_000_000, 4_000_000, 6_000_000]);
        assert_eq!(ticks(50), vec![0, 100]);
        assert_eq!(ticks(1_000_000_000_000_000), vec![0, 500_000_000_000_000, 1_000_000_000_000_000]);
        assert!(ticks(i64::MAX).len() <= 5);
        assert_eq!(units("มิติที่"), 3);
        assert_eq!(clip("การเสริมสร้าง", 5), ("การ…".into(), true));
        assert_eq!(two_lines("มิติที่ 1 การสร้างสังคม", 8), (vec!["มิติที่ 1".into(), "การสร้าง…".into()], true));
    }

    #[test]
    fn stacked_omits_zero_segments_but_legend_keeps_them() {
        let segs: Vec<(String, u64)> =
            vec![("ดำเนินการแล้วเสร็จ".into(), 33), ("อยู่ระหว่างดำเนินการ".into(), 0), ("ยังไม่ดำเนินการ".into(), 1)];
        let s = stacked_bar("r", "สถานะ", &segs, &thai);
        check(&s, "r");
        assert!(s.contains(r#"<rect x="12" y="12" width="#) && s.contains(r#"class="s2" fill"#));
        assert_eq!(s.matches(r#"class="s1""#).count(), 1, "only the legend swatch");
        assert!(s.contains(">อยู่ระหว่างดำเนินการ: ๐</text>") && s.contains(">ดำเนินการแล้วเสร็จ: ๓๓</text>"));
        let desc = "ดำเนินการแล้วเสร็จ ๓๓ รายการ, อยู่ระหว่างดำเนินการ ๐ รายการ, ยังไม่ดำเนินการ ๑ รายการ (รวม ๓๔ รายการ).";
        assert!(s.contains(desc));
    }

    #[test]
    fn palette_contrast() {
        let lum = |hex: &str| {
            let ch = |i| {
                let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
                if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
            };
            0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5)
        };
        assert!(PALETTE.iter().all(|c| 1.05 / (lum(c) + 0.05) >= 3.0) && 1.05 / (lum(INK) + 0.05) >= 4.5);
    }
}
