//! The 77 provinces and their URL slugs (data/provinces.yaml, a copy of
//! ../shared/reference/provinces.yaml). Slugs are addresses: never change one.

use std::collections::BTreeMap;
use std::sync::OnceLock;

fn table() -> &'static BTreeMap<String, String> {
    static TABLE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| serde_saphyr::from_str(include_str!("../../data/provinces.yaml")).unwrap_or_default())
}

/// The slug of a province written in Thai (`ร้อยเอ็ด` → `roi-et`). Spacing and the
/// decomposed sara am (`ํา`) are forgiven, as officers type both.
pub fn slug(thai: &str) -> Option<&'static str> {
    let key: String = thai.split_whitespace().collect::<String>().replace("\u{0E4D}\u{0E32}", "\u{0E33}");
    let key = key.strip_prefix("จังหวัด").unwrap_or(&key);
    table().get(key).map(String::as_str)
}

/// The province's name as the national list writes it (`roi-et` → `ร้อยเอ็ด`).
pub fn name(slug: &str) -> Option<&'static str> {
    static BY_SLUG: OnceLock<BTreeMap<&'static str, &'static str>> = OnceLock::new();
    BY_SLUG
        .get_or_init(|| table().iter().map(|(name, slug)| (slug.as_str(), name.as_str())).collect())
        .get(slug)
        .copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn all_77_provinces_have_slugs() {
        assert_eq!(super::table().len(), 77);
        assert_eq!(super::slug("ร้อยเอ็ด"), Some("roi-et"));
        assert_eq!(super::slug("จังหวัดกระบี่"), Some("krabi"));
        assert_eq!(super::slug("กรุงเทพมหานคร"), Some("bangkok"));
        assert_eq!(super::slug("ไม่มีจังหวัดนี้"), None);
        assert_eq!(super::name("amnat-charoen"), Some("อำนาจเจริญ"));
        assert_eq!(super::name("nowhere"), None);
    }
}
