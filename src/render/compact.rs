//! Compact HTML: the indentation and blank lines that templates leave, removed. Each run of
//! white space that held a line break stays one line break, so the page renders exactly as
//! before (HTML collapses white space outside `pre`); inside `pre`, `textarea`, `script` and
//! `style`, where white space is content, nothing changes.
//!
//! Why not a full minifier: on a national portal minify-html cost three times as much as
//! rendering the templates, to save 8% of the bytes beyond what this does (and less after
//! the gzip every host applies).

const RAW: [&str; 4] = ["pre", "textarea", "script", "style"];

/// The position just after the first opening (`close == false`) or closing tag of a raw
/// element in `line` at or after `from`, with the element's name.
fn find_tag(line: &[u8], from: usize, close: bool, only: Option<&str>) -> Option<(usize, &'static str)> {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &line[i..]) {
        let start = i + off + 1;
        let (is_close, name_start) = match line.get(start) {
            Some(b'/') => (true, start + 1),
            _ => (false, start),
        };
        if is_close == close {
            for name in RAW {
                if only.is_some_and(|o| o != name) {
                    continue;
                }
                let end = name_start + name.len();
                if line.len() >= end
                    && line[name_start..end].eq_ignore_ascii_case(name.as_bytes())
                    && line.get(end).is_none_or(|b| *b == b'>' || b.is_ascii_whitespace() || *b == b'/')
                {
                    return Some((end, name));
                }
            }
        }
        i = start;
    }
    None
}

/// Works on the bytes a template wrote: it looks only at ASCII (`<`, tag names, line
/// breaks and HTML's white space, which is ASCII), so it never splits a character, and the
/// page is never decoded and checked as text on the way.
pub fn compact(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len());
    // The raw element the previous line left open.
    let mut open: Option<&'static str> = None;
    let mut rest = html;
    loop {
        let (line, next) = match memchr::memchr(b'\n', rest) {
            Some(n) => (&rest[..n], Some(&rest[n + 1..])),
            None => (rest, None),
        };
        let open_at_start = open;
        // Follow the raw elements opened and closed on this line.
        let mut at = 0;
        loop {
            let found = match open {
                Some(name) => find_tag(line, at, true, Some(name)).map(|(end, _)| (end, None)),
                None => find_tag(line, at, false, None).map(|(end, name)| (end, Some(name))),
            };
            let Some((end, now)) = found else { break };
            open = now;
            at = end;
        }
        let mut kept = line;
        if open_at_start.is_none() {
            kept = kept.trim_ascii_start();
        }
        if open.is_none() {
            kept = kept.trim_ascii_end();
        }
        if !(kept.is_empty() && open_at_start.is_none() && open.is_none()) {
            if !out.is_empty() {
                out.push(b'\n');
            }
            out.extend_from_slice(kept);
        }
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    if html.ends_with(b"\n") {
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    fn compact(html: &str) -> String {
        String::from_utf8(super::compact(html.as_bytes())).expect("UTF-8 in, UTF-8 out")
    }

    #[test]
    fn indentation_and_blank_lines_go_line_breaks_stay() {
        let html = "<ul>\n    <li>ก</li>\n\n\t<li>ข <a>ค</a>\n      ง</li>\n</ul>\n";
        assert_eq!(compact(html), "<ul>\n<li>ก</li>\n<li>ข <a>ค</a>\nง</li>\n</ul>\n");
    }

    #[test]
    fn white_space_inside_pre_textarea_script_and_style_is_kept() {
        let html = "<div>\n  <pre><code>a\n    b\n\n  c</code></pre>\n  <p>x</p>\n  <TEXTAREA>\n  t\n</textarea>\n  <script>\n  let a;\n</script>\n</div>";
        assert_eq!(
            compact(html),
            "<div>\n<pre><code>a\n    b\n\n  c</code></pre>\n<p>x</p>\n<TEXTAREA>\n  t\n</textarea>\n<script>\n  let a;\n</script>\n</div>"
        );
    }

    #[test]
    fn a_tag_that_only_starts_like_a_raw_one_is_not_raw() {
        let html = "<preview>\n   a\n</preview>\n<p>ok</p>";
        assert_eq!(compact(html), "<preview>\na\n</preview>\n<p>ok</p>");
    }

    #[test]
    fn trailing_space_inside_an_open_pre_is_kept() {
        assert_eq!(compact("  <pre>a   \n b</pre>   \n"), "<pre>a   \n b</pre>\n");
    }

    #[test]
    fn a_raw_element_opened_and_closed_on_one_line_does_not_leak() {
        let html = "<pre>a</pre> <pre>b\n   c</pre>\n    <p>d</p>";
        assert_eq!(compact(html), "<pre>a</pre> <pre>b\n   c</pre>\n<p>d</p>");
    }

    #[test]
    fn only_html_white_space_is_trimmed() {
        // A no-break space and an ideographic space are text, not HTML white space.
        let html = "  <p>ก\u{a0}</p>\u{3000}\n\u{a0}ข  \n\t\r\n";
        assert_eq!(compact(html), "<p>ก\u{a0}</p>\u{3000}\n\u{a0}ข\n");
    }
}
