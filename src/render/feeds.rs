//! sitemap.xml, feed.xml (Atom: one entry per report round) and robots.txt. These use
//! absolute addresses (base_url), as crawlers and feed readers require.

use super::paths;
use crate::content::dates::{Date, fiscal_year_range};
use crate::content::model::*;

pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            // Characters XML 1.0 forbids would make the whole feed unreadable.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => o.push(c),
        }
    }
    o
}

/// `paths`: site-relative folders of every HTML page (already percent-encoded).
pub fn sitemap(base_url: &str, paths: &[String]) -> Vec<u8> {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in paths {
        s.push_str(&format!("<url><loc>{}</loc></url>\n", xml_escape(&format!("{base_url}{p}"))));
    }
    s.push_str("</urlset>\n");
    s.into_bytes()
}

pub fn robots(base_url: &str) -> Vec<u8> {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n").into_bytes()
}

/// When a round became known: its publication date, else its as-of date, else the last
/// day of the period it covers. Never the build time, so the feed is the same on every build.
pub fn round_date(r: &Report) -> Date {
    r.published.or(r.as_of).unwrap_or_else(|| {
        let (start, end) = fiscal_year_range(r.fiscal_year);
        match r.period {
            Period::TwelveMonths => end,
            Period::SixMonths => Date::new(start.year + 1, 3, 31).unwrap_or(end),
        }
    })
}

pub struct Entry {
    pub title: String,
    pub path: String,
    pub date: Date,
    pub summary: String,
}

pub fn atom(site: &Site, mut entries: Vec<Entry>) -> Vec<u8> {
    entries.sort_by(|a, b| b.date.cmp(&a.date).then(a.path.cmp(&b.path)));
    let base = &site.base_url;
    let updated = entries.first().map(|e| e.date.iso()).unwrap_or_else(|| "2000-01-01".into());
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"th\">\n",
    );
    s.push_str(&format!("<title>{}</title>\n<id>{}</id>\n", xml_escape(&site.title), xml_escape(base)));
    s.push_str(&format!(
        "<link rel=\"self\" href=\"{}feed.xml\"/>\n<link href=\"{}\"/>\n",
        xml_escape(base),
        xml_escape(base)
    ));
    s.push_str(&format!(
        "<updated>{updated}T00:00:00Z</updated>\n<author><name>{}</name></author>\n",
        xml_escape(&site.title)
    ));
    for e in &entries {
        let url = xml_escape(&format!("{base}{}", e.path));
        s.push_str(&format!(
            "<entry><title>{}</title><id>{url}</id><link href=\"{url}\"/><updated>{}T00:00:00Z</updated><summary>{}</summary></entry>\n",
            xml_escape(&e.title),
            e.date.iso(),
            xml_escape(&e.summary)
        ));
    }
    s.push_str("</feed>\n");
    s.into_bytes()
}

/// The address of a round, for the feed.
pub fn round_path(a: &Authority, r: &Report) -> String {
    paths::report(&a.slug, &r.slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_drops_what_xml_forbids() {
        assert_eq!(xml_escape("a<b>&\"'\u{1}"), "a&lt;b&gt;&amp;&quot;&apos;");
    }
}
