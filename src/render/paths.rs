//! Where each page lives, relative to the site root, exactly as ../shared/spec/site.md
//! fixes them. Pages link to each other relatively (`../../x/`), so the site works under
//! any sub-path and even opened from disk; only canonical links, the sitemap and the feed
//! use the absolute base_url.

pub fn authority(a: &str) -> String {
    format!("{}/", seg(a))
}
pub fn plan(a: &str, p: &str) -> String {
    format!("{}/plans/{}/", seg(a), seg(p))
}
pub fn item(a: &str, p: &str, id: &str) -> String {
    format!("{}/plans/{}/items/{}/", seg(a), seg(p), seg(id))
}
pub fn report(a: &str, r: &str) -> String {
    format!("{}/reports/{}/", seg(a), seg(r))
}
pub fn data(a: &str) -> String {
    format!("{}/data/", seg(a))
}
pub fn province(slug: &str) -> String {
    format!("provinces/{}/", seg(slug))
}
/// An attachment: `files/…` below the authority folder.
pub fn file(a: &str, f: &str) -> String {
    format!("{}/{}", seg(a), f.split('/').map(seg).collect::<Vec<_>>().join("/"))
}

/// `../` once per folder level: how a page at `path` reaches the site root.
pub fn root_from(path: &str) -> String {
    let depth = path.matches('/').count();
    if depth == 0 { "./".into() } else { "../".repeat(depth) }
}

/// Percent-encodes one path segment. Thai stays readable in the address bar (browsers
/// decode it), while the bytes we write are plain ASCII that every host and parser agrees on.
pub fn seg(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The inverse of [`seg`] for a whole path; used by tests and by the link checker.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(Ok(v)) = s.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16))
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_of_site_md() {
        assert_eq!(report("bueng-nakhon", "2566-6m"), "bueng-nakhon/reports/2566-6m/");
        assert_eq!(item("a", "2566-2570", "1.1-1"), "a/plans/2566-2570/items/1.1-1/");
        assert_eq!(province("roi-et"), "provinces/roi-et/");
        assert_eq!(root_from(""), "./");
        assert_eq!(root_from("a/plans/p/"), "../../../");
    }

    #[test]
    fn thai_round_trips_through_encoding() {
        let s = "ไฟล์ แผน.pdf";
        assert_eq!(decode(&seg(s)), s);
        assert!(seg(s).is_ascii());
    }
}
pub const SEARCH: &str = "search/";
