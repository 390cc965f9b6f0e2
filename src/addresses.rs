//! Addresses never disappear. `prongsai freeze` records every address the site publishes
//! in a file kept with the content; from then on a build that would drop a recorded
//! address fails, naming it, unless `moved.yaml` says where it went, and then the old
//! address gets a redirect page (or, for a data file, the file itself).

use crate::render::OutFile;
use crate::render::feeds::xml_escape;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub const RECORD_FILE: &str = "published-addresses.txt";
pub const MOVED_FILE: &str = "moved.yaml";

const HEADER: &str = "# ที่อยู่ทุกหน้าที่เว็บไซต์นี้เคยเผยแพร่ บันทึกโดย `prongsai freeze` ห้ามลบบรรทัด: ผู้ประเมิน ITA และประชาชนอาจกลับมาเปิด\n\
# หากย้ายหน้า ให้ระบุที่อยู่ใหม่ใน moved.yaml (ที่อยู่เดิม: ที่อยู่ใหม่)\n\
# Every address this site has published, recorded by `prongsai freeze`. Never delete a line;\n\
# declare moves in moved.yaml (old: new).\n";

/// The address a reader uses for an output file: a page's folder, or the file itself.
/// Theme assets change name with their content, and the search index's files are split
/// anew by every build: neither is an address anyone cites.
pub fn address_of(path: &str) -> Option<String> {
    if path.starts_with("assets/") || (path.starts_with("search/") && path != "search/index.html") {
        return None;
    }
    Some(match path.strip_suffix("index.html") {
        Some(dir) => dir.to_string(),
        None => path.to_string(),
    })
}

/// The addresses among output `paths`.
pub fn published<'a>(paths: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    paths.into_iter().filter_map(|p| address_of(p)).collect()
}

/// The recorded addresses with their line numbers (for messages).
/// An address as written in the record or in moved.yaml: the home page is written `/`;
/// a leading `/` or the site's base_url is forgiven; nothing may climb out of the site.
fn normalise(written: &str, base_url: &str) -> Result<String, String> {
    let t = written.trim().trim_start_matches('\u{FEFF}');
    let t = t.strip_prefix(base_url).unwrap_or(t).trim_start_matches('/');
    if t.contains('\\') || t.split('/').any(|s| s == ".." || s == ".") {
        return Err(format!("'{written}' is not an address inside the site"));
    }
    Ok(t.to_string())
}

/// The recorded addresses with their line numbers (for messages).
pub fn read_record(content_dir: &Path) -> Result<Vec<(String, usize)>, String> {
    let p = content_dir.join(RECORD_FILE);
    if !p.exists() {
        return Ok(Vec::new());
    }
    let text = std::fs::read_to_string(p).map_err(|e| format!("{RECORD_FILE}: {e}"))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim().trim_start_matches('\u{FEFF}');
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        out.push((normalise(l, "").map_err(|e| format!("{RECORD_FILE}:{}:1: {e}", i + 1))?, i + 1));
    }
    Ok(out)
}

pub fn read_moves(content_dir: &Path, base_url: &str) -> Result<BTreeMap<String, String>, String> {
    let p = content_dir.join(MOVED_FILE);
    if !p.exists() {
        return Ok(BTreeMap::new());
    }
    let text = std::fs::read_to_string(&p).map_err(|e| format!("{MOVED_FILE}: {e}"))?;
    let text = text.trim_start_matches('\u{FEFF}');
    let moves: BTreeMap<String, String> = serde_saphyr::from_str::<Option<BTreeMap<String, String>>>(&text)
        .map_err(|e| format!("{MOVED_FILE}: {e}"))?
        .unwrap_or_default();
    moves
        .into_iter()
        .map(|(k, v)| {
            let err = |e: String| format!("{MOVED_FILE}: {e}");
            Ok((normalise(&k, base_url).map_err(err)?, normalise(&v, base_url).map_err(err)?))
        })
        .collect()
}

#[derive(Debug)]
pub struct Dropped {
    pub address: String,
    pub line: usize,
}

fn redirect_page(base_url: &str, from: &str, to: &str) -> Vec<u8> {
    let depth = from.matches('/').count();
    let rel = format!("{}{to}", if depth == 0 { "./".to_string() } else { "../".repeat(depth) });
    let abs = xml_escape(&format!("{base_url}{to}"));
    let rel = xml_escape(&rel);
    format!(
        "<!doctype html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n<title>ย้ายไปที่อยู่ใหม่</title>\n\
         <link rel=\"canonical\" href=\"{abs}\">\n<meta http-equiv=\"refresh\" content=\"0; url={rel}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n<main>\n<h1>ย้ายไปที่อยู่ใหม่</h1>\n\
         <p>หน้านี้ย้ายไปที่ <a href=\"{rel}\">{abs}</a></p>\n</main>\n</body>\n</html>\n"
    )
    .into_bytes()
}

/// Adds what recorded-but-moved addresses need to `files`; returns the recorded addresses
/// the build would drop without a declared move. A move to an address that is not built
/// is dropped too, so a redirect never points nowhere.
pub fn keep_recorded(
    paths: &[String],
    recorded: &[(String, usize)],
    moves: &BTreeMap<String, String>,
    base_url: &str,
) -> (Vec<Kept>, Vec<Dropped>) {
    let now = published(paths);
    let mut dropped = Vec::new();
    let mut kept = Vec::new();
    for (address, line) in recorded {
        if now.contains(address) {
            continue;
        }
        match moves.get(address) {
            Some(to) if now.contains(to) => {
                if address.ends_with('/') || address.is_empty() {
                    kept.push(Kept::Page(OutFile {
                        path: format!("{address}index.html"),
                        bytes: redirect_page(base_url, address, to),
                    }));
                } else {
                    kept.push(Kept::Copy { path: address.clone(), from: to.clone() });
                }
            }
            _ => dropped.push(Dropped { address: address.clone(), line: *line }),
        }
    }
    (kept, dropped)
}

/// What keeps a moved address alive: a redirect page, or (for a data file, which a program
/// fetches and a redirect page would break) a copy of the file at its new address.
#[derive(Debug)]
pub enum Kept {
    Page(OutFile),
    Copy { path: String, from: String },
}

/// The record after a freeze: everything recorded before (never forgotten) and everything
/// published now, sorted.
pub fn record_text(recorded: &[(String, usize)], paths: &[String]) -> (String, usize) {
    let mut all: BTreeSet<String> = recorded.iter().map(|(a, _)| a.clone()).collect();
    let before = all.len();
    all.extend(published(paths));
    let added = all.len() - before;
    let mut s = String::from(HEADER);
    for a in all {
        s.push_str(if a.is_empty() { "/" } else { &a });
        s.push('\n');
    }
    (s, added)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(p: &str) -> String {
        p.to_string()
    }

    #[test]
    fn pages_are_folders_and_assets_are_not_addresses() {
        assert_eq!(address_of("a/plans/p/index.html").as_deref(), Some("a/plans/p/"));
        assert_eq!(address_of("index.html").as_deref(), Some(""));
        assert_eq!(address_of("a/plans/p/plan.csv").as_deref(), Some("a/plans/p/plan.csv"));
        assert_eq!(address_of("assets/style.css"), None);
        assert_eq!(address_of("search/d/0.bin"), None);
        assert_eq!(address_of("search/index.html").as_deref(), Some("search/"));
    }

    #[test]
    fn a_dropped_address_is_named_and_a_move_redirects() {
        let recorded = vec![("a/old/".to_string(), 3), ("a/gone/".to_string(), 4), ("a/x.csv".to_string(), 5)];
        let paths = vec![f("a/new/index.html"), f("a/y.csv")];
        let moves: BTreeMap<String, String> =
            [("a/old/".to_string(), "a/new/".to_string()), ("a/x.csv".to_string(), "a/y.csv".to_string())].into();
        let (kept, dropped) = keep_recorded(&paths, &recorded, &moves, "https://e.go.th/t/");
        assert_eq!(dropped.len(), 1);
        assert_eq!((dropped[0].address.as_str(), dropped[0].line), ("a/gone/", 4));
        let Some(Kept::Page(redirect)) =
            kept.iter().find(|k| matches!(k, Kept::Page(p) if p.path == "a/old/index.html"))
        else {
            panic!("no redirect page in {kept:?}")
        };
        let html = String::from_utf8(redirect.bytes.clone()).unwrap();
        assert!(html.contains("url=../../a/new/") && html.contains("https://e.go.th/t/a/new/"), "{html}");
        assert!(
            kept.iter().any(|k| matches!(k, Kept::Copy { path, from } if path == "a/x.csv" && from == "a/y.csv")),
            "{kept:?}"
        );
    }

    #[test]
    fn the_record_survives_a_bom_writes_home_as_slash_and_refuses_climbing_out() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(RECORD_FILE), "\u{FEFF}# header\n/\na/plans/p/\n").unwrap();
        let r = read_record(dir.path()).unwrap();
        assert_eq!(r, vec![(String::new(), 2), ("a/plans/p/".to_string(), 3)]);
        let (text, added) = record_text(&r, &[f("index.html"), f("a/plans/p/index.html"), f("b/index.html")]);
        assert_eq!(added, 1);
        assert!(text.lines().any(|l| l == "/") && text.lines().any(|l| l == "b/"));
        std::fs::write(dir.path().join(RECORD_FILE), "../../etc/\n").unwrap();
        assert!(read_record(dir.path()).unwrap_err().contains(":1:1:"));
        std::fs::write(dir.path().join(MOVED_FILE), "https://e.go.th/t/a/old/: /a/new/\n").unwrap();
        let m = read_moves(dir.path(), "https://e.go.th/t/").unwrap();
        assert_eq!(m.get("a/old/").map(String::as_str), Some("a/new/"));
    }
}
