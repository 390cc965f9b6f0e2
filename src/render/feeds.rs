//! sitemap.xml (split past 50,000 pages), feed.xml (Atom: the newest report rounds) and
//! robots.txt. These use
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

/// The most addresses one sitemap may list (sitemaps.org protocol).
pub const SITEMAP_MAX_URLS: usize = 50_000;

/// sitemap.xml listing every page; past `max` addresses (a national portal has some 390,000
/// pages) it becomes a sitemap index of `sitemaps/<n>.xml`, `max` addresses each, as the
/// sitemaps.org protocol requires. `paths`: site-relative folders of every HTML page
/// (already percent-encoded), in site order.
pub fn sitemap_files(base_url: &str, paths: &[String], max: usize) -> Vec<super::OutFile> {
    use super::OutFile;
    if paths.len() <= max {
        return vec![OutFile { path: "sitemap.xml".into(), bytes: sitemap(base_url, paths) }];
    }
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    index.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut out = Vec::new();
    for (n, chunk) in paths.chunks(max.max(1)).enumerate() {
        let path = format!("sitemaps/{}.xml", n + 1);
        index.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", xml_escape(&format!("{base_url}{path}"))));
        out.push(OutFile { path, bytes: sitemap(base_url, chunk) });
    }
    index.push_str("</sitemapindex>\n");
    out.push(OutFile { path: "sitemap.xml".into(), bytes: index.into_bytes() });
    out
}

fn sitemap(base_url: &str, paths: &[String]) -> Vec<u8> {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in paths {
        s.push_str("<url><loc>");
        s.push_str(&xml_escape(base_url));
        s.push_str(&xml_escape(p));
        s.push_str("</loc></url>\n");
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

/// The newest entries the feed carries: a reader polls it often, and a national portal has
/// some 15,000 rounds; every round stays on its authority's pages.
pub const FEED_MAX_ENTRIES: usize = 200;

pub fn atom(site: &Site, mut entries: Vec<Entry>) -> Vec<u8> {
    entries.sort_by(|a, b| b.date.cmp(&a.date).then(a.path.cmp(&b.path)));
    entries.truncate(FEED_MAX_ENTRIES);
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
