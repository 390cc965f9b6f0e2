//! Markdown of detail pages and introductions (src/render/markdown.rs) and the front-matter
//! split (src/content/load/detail.rs): never a panic; the HTML holds only the elements and
//! attributes Markdown itself makes, no event handler and no `javascript:`/`data:` address,
//! whatever the text; bidirectional controls never stay open; headings are h1–h6 with ids.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prongsai::content::load::split_front_matter;
use prongsai::render::markdown::{anchor, plain_text, render};

const ELEMENTS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "sup",
    "div",
    "section",
];
const ATTRIBUTES: &[&str] =
    &["href", "src", "alt", "title", "id", "class", "role", "tabindex", "aria-label", "start", "style"];

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every tag of `html` with its attributes: (element, [(attribute, value)]).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let mut j = i + off + 1;
        if b.get(j) == Some(&b'/') {
            j += 1;
        }
        let name_end = html[j..].find(|c: char| !c.is_ascii_alphanumeric()).map_or(html.len(), |k| j + k);
        let name = html[j..name_end].to_ascii_lowercase();
        assert!(!name.is_empty(), "a bare < in the HTML: {html}");
        let mut attrs = Vec::new();
        let mut k = name_end;
        loop {
            while b.get(k).is_some_and(|c| c.is_ascii_whitespace()) {
                k += 1;
            }
            match b.get(k) {
                None => panic!("unterminated tag in {html}"),
                Some(b'>') => break,
                Some(b'/') if b.get(k + 1) == Some(&b'>') => {
                    k += 1;
                    break;
                }
                _ => {}
            }
            let an_end = html[k..].find(['=', ' ', '>', '/']).map_or(html.len(), |e| k + e);
            let attr = html[k..an_end].to_ascii_lowercase();
            k = an_end;
            let mut value = String::new();
            if b.get(k) == Some(&b'=') {
                assert_eq!(b.get(k + 1), Some(&b'"'), "unquoted attribute in {html}");
                let close = html[k + 2..].find('"').expect("closing quote") + k + 2;
                value = unescape(&html[k + 2..close]);
                k = close + 1;
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
        i = k + 1;
    }
    out
}

fn dangerous(url: &str) -> bool {
    let u: String = url
        .chars()
        .filter(|c| !(c.is_ascii_whitespace() || c.is_ascii_control()))
        .map(|c| if c == '\\' { '/' } else { c.to_ascii_lowercase() })
        .collect();
    u.starts_with("//") || ["javascript:", "vbscript:", "data:", "file:"].iter().any(|s| u.starts_with(s))
}

fn bidi_balanced(s: &str) -> bool {
    let mut open: Vec<bool> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => open.push(false),
            '\u{202C}' if open.last() == Some(&false) => {
                open.pop();
            }
            '\u{2066}'..='\u{2068}' => open.push(true),
            '\u{2069}' => match open.iter().rposition(|&isolate| isolate) {
                Some(at) => open.truncate(at),
                None => return false,
            },
            _ => {}
        }
    }
    open.is_empty()
}

fuzz_target!(|data: &[u8]| {
    let Some((&shift, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    if let Ok((front, front_line, body, body_line)) = split_front_matter(text) {
        assert!(text.ends_with(body), "the body is the end of the file");
        // Messages about the body count lines from here (an empty body has no line to point at).
        if !body.is_empty() {
            assert_eq!(body_line as usize, text[..text.len() - body.len()].matches('\n').count() + 1, "{text:?}");
        }
        if let Some(front) = front {
            assert_eq!(front_line, 2);
            assert!(front.is_empty() || text[4..].starts_with(front), "{text:?}");
        }
    }
    let r = render(text, shift % 8);
    for (name, attrs) in tags(&r.html) {
        assert!(ELEMENTS.contains(&name.as_str()), "<{name}> from {text:?}:\n{}", r.html);
        for (attr, value) in attrs {
            assert!(ATTRIBUTES.contains(&attr.as_str()), "<{name} {attr}> from {text:?}:\n{}", r.html);
            if attr == "title" || attr == "alt" {
                assert!(bidi_balanced(&value), "{attr}={value:?} leaves a bidi control open, from {text:?}");
            }
            if attr == "href" || attr == "src" {
                assert!(!dangerous(&value), "<{name} {attr}={value:?}> from {text:?}");
            }
            if attr == "style" {
                let alignments = ["text-align: left", "text-align: center", "text-align: right"];
                assert!(alignments.contains(&value.as_str()), "style={value:?} from {text:?}");
            }
        }
    }
    // What a reader sees (text between tags, titles and alt texts) never leaves a bidirectional
    // control open; addresses, ids and classes are not shown.
    for shown in r.html.split('<').map(|part| part.split_once('>').map_or(part, |(_, text)| text)) {
        assert!(bidi_balanced(shown), "a bidi control left open in {shown:?} from {text:?}");
    }
    for h in &r.headings {
        assert!((1..=6).contains(&h.level) && !h.anchor.is_empty(), "{text:?}");
    }
    let _ = plain_text(text);
    assert!(!anchor(text).is_empty());
});
