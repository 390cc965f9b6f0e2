//! Search, end to end without a browser: the example site is built with its index, and
//! the real client (the site's own assets/search-core.js) answers queries in Node
//! (tests/js/search-check.mjs). The browser test (tools/browser/search.mjs) types into the
//! page itself.

use prongsai::build::{load_and_check, render_site, write_atomically};
use prongsai::render::site::Options;
use prongsai::search::fold::fold;
use prongsai::search::index::Options as IndexOptions;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
mod common;
use common::root;

/// Small blocks, shards and inline limits, so that the example's handful of documents
/// exercises every path a national portal takes: several blocks, packed and own files.
const SMALL: IndexOptions =
    IndexOptions { block: 16, inline_max: 6, own_file_min: 24, shard_target: 128, pack_target: 128, records_chunk: 8 };

fn build_site(dir: &Path, search: IndexOptions) -> PathBuf {
    let content = root().join("content");
    let loaded = load_and_check(&content);
    assert!(!loaded.diags.has_errors());
    let files = render_site(&loaded.content, &content, Options { minify: false, search }).expect("build");
    let out = dir.join("site");
    write_atomically(&out, &files).expect("write");
    out
}

fn site(small: bool) -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    static SMALL_SITE: OnceLock<PathBuf> = OnceLock::new();
    static DEFAULT_SITE: OnceLock<PathBuf> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().unwrap());
    if small {
        SMALL_SITE.get_or_init(|| build_site(&dir.path().join("small"), SMALL))
    } else {
        DEFAULT_SITE.get_or_init(|| build_site(&dir.path().join("default"), IndexOptions::default()))
    }
}

/// Runs the client in Node on `cases`; see tests/js/search-check.mjs for the shapes.
fn client(site: &Path, cases: &Value) -> Value {
    let mut child = Command::new("node")
        .arg(root().join("tests/js/search-check.mjs"))
        .arg(site)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node is installed (the machine's Node.js runs the search client)");
    child.stdin.take().unwrap().write_all(cases.to_string().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "node failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (type code, title, url) of every document, read back from the index's records.
fn documents(site: &Path) -> Vec<(u64, String, String)> {
    let meta: Value = serde_json::from_slice(&std::fs::read(site.join("search/meta.json")).unwrap()).unwrap();
    let chunk = meta["records_chunk"].as_u64().unwrap() as usize;
    let n = meta["docs"].as_u64().unwrap() as usize;
    let mut out = Vec::new();
    for c in 0..n.div_ceil(chunk) {
        let r: Value =
            serde_json::from_slice(&std::fs::read(site.join(format!("search/r/{c}.json"))).unwrap()).unwrap();
        for d in r["d"].as_array().unwrap() {
            out.push((d[5].as_u64().unwrap() & 7, d[0].as_str().unwrap().into(), d[1].as_str().unwrap().into()));
        }
    }
    assert_eq!(out.len(), n);
    out
}

fn items(site: &Path) -> Vec<(String, String)> {
    documents(site).into_iter().filter(|d| d.0 == 2).map(|d| (d.1, d.2)).collect()
}

fn urls(answer: &Value) -> Vec<String> {
    answer["urls"].as_array().unwrap().iter().map(|u| u.as_str().unwrap().to_string()).collect()
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

fn is_consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c)
}

/// Places a reader could start or end a fragment: never inside a cluster of marks, never
/// between the two halves of ํา or of เเ, never right after a leading vowel.
fn cut_points(chars: &[char]) -> Vec<usize> {
    (0..=chars.len())
        .filter(|&p| {
            let next = chars.get(p).copied();
            let prev = if p == 0 { None } else { Some(chars[p - 1]) };
            !next.is_some_and(|c| is_mark(c) || c == '\u{0E32}' || c == '\u{0E33}')
                && !prev.is_some_and(|c| ('\u{0E40}'..='\u{0E44}').contains(&c))
        })
        .collect()
}

/// A fragment of two syllables or more (two consonants or two Latin letters at least,
/// three characters folded), chosen by `seed`; the whole title when none is that long.
fn fragment(title: &str, seed: u64) -> String {
    let chars: Vec<char> = title.chars().collect();
    let cuts = cut_points(&chars);
    let ok = |s: usize, e: usize| {
        let f: String = chars[s..e].iter().collect();
        let weight = f.chars().filter(|c| is_consonant(*c) || c.is_ascii_alphanumeric()).count();
        weight >= 2 && fold(&f).chars().count() >= 3
    };
    let mut pairs = Vec::new();
    for (i, &s) in cuts.iter().enumerate() {
        for &e in &cuts[i + 1..] {
            if ok(s, e) {
                pairs.push((s, e));
            }
        }
    }
    if pairs.is_empty() {
        return title.to_string();
    }
    let (s, e) = pairs[(seed as usize) % pairs.len()];
    chars[s..e].iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    /// Recall: every item is found by any fragment of its title, on the small-block index
    /// (every path of the format) — one seed per item per case.
    #[test]
    fn every_item_is_found_by_a_fragment_of_its_title(seeds in proptest::collection::vec(any::<u64>(), 200)) {
        let site = site(true);
        let items = items(site);
        prop_assert!(items.len() > 100, "the example has {} items", items.len());
        let queries: Vec<(String, String)> = items
            .iter()
            .zip(seeds.iter().cycle())
            .map(|((title, url), seed)| (fragment(title, *seed), url.clone()))
            .collect();
        for (q, _) in &queries {
            prop_assert!(fold(q).chars().count() >= 3);
        }
        let cases = json!({"queries": queries.iter().map(|(q, _)| json!({"q": q})).collect::<Vec<_>>()});
        let answers = client(site, &cases);
        for ((q, url), a) in queries.iter().zip(answers["queries"].as_array().unwrap()) {
            let title = &items.iter().find(|i| &i.1 == url).unwrap().0;
            prop_assert!(fold(title).contains(&fold(q)), "fragment {q:?} is not in {title:?}");
            prop_assert!(urls(a).contains(url), "{q:?} did not find {url} ({title}); found {:?}", urls(a));
        }
    }

    /// The client folds exactly as the index does, on arbitrary text of Thai letters, marks,
    /// digits, Latin, white space and invisible characters.
    #[test]
    fn client_folds_like_the_index(
        wide in proptest::collection::vec("[ก-ฮะ-ฺเ-๎๐-๙A-Za-z0-9 \t\u{00A0}\u{200B}\u{00AD}]{0,24}", 32),
        // Few characters, so that every rule meets every other: ํ า เ, marks in any order.
        dense in proptest::collection::vec("[นท\u{0E48}\u{0E49}\u{0E34}\u{0E35}\u{0E38}\u{0E4C}\u{0E4D}\u{0E32}เ ๑Σ\u{200B}]{0,12}", 64),
    ) {
        let texts: Vec<String> = wide.into_iter().chain(dense).collect();
        let answers = client(site(false), &json!({"fold": texts}));
        for (t, f) in texts.iter().zip(answers["fold"].as_array().unwrap()) {
            prop_assert_eq!(f.as_str().unwrap(), fold(t), "{:?}", t);
        }
    }
}

#[test]
fn client_folds_every_title_like_the_index() {
    let docs = documents(site(false));
    let texts: Vec<&String> = docs.iter().map(|d| &d.1).collect();
    let answers = client(site(false), &json!({"fold": texts}));
    for (t, f) in texts.iter().zip(answers["fold"].as_array().unwrap()) {
        assert_eq!(f.as_str().unwrap(), fold(t), "{t}");
    }
}

fn ask(site: &Path, q: &str, filters: Value) -> Value {
    let a = client(site, &json!({"queries": [{"q": q, "filters": filters}]}));
    a["queries"][0].clone()
}

#[test]
fn both_layouts_answer_the_same() {
    for q in ["ทุจริต", "ฝึกอบรม", "No Gift", "ประชาคม หมู่บ้าน", "ตรวจสอบ", "กองคลัง"]
    {
        let mut a = urls(&ask(site(true), q, json!({})));
        let mut b = urls(&ask(site(false), q, json!({})));
        assert!(!a.is_empty(), "{q} finds nothing");
        a.sort();
        b.sort();
        assert_eq!(a, b, "{q}");
    }
}

#[test]
fn titles_rank_above_bodies_and_words_above_fragments() {
    let a = ask(site(false), "ฝึกอบรม", json!({}));
    let titles: Vec<&str> = a["titles"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    let first_body = titles.iter().position(|t| !t.contains("ฝึกอบรม")).expect("a body-only match exists");
    assert!(first_body >= 2, "{titles:?}");
    assert!(titles[first_body..].iter().all(|t| !t.contains("ฝึกอบรม")), "{titles:?}");
}

#[test]
fn thai_digits_decomposed_sara_am_and_invisible_characters_find_the_same() {
    for (plain, variant) in
        [("ทำแผน", "ทํา\u{200B}แผน"), ("2567", "๒๕๖๗"), ("No Gift", "nO  gIFT"), ("แผนปฏิบัติ", "เเผนปฏิบัติ")]
    {
        let a = urls(&ask(site(false), plain, json!({})));
        assert!(!a.is_empty(), "{plain}");
        assert_eq!(a, urls(&ask(site(false), variant, json!({}))), "{plain} vs {variant}");
    }
}

#[test]
fn filters_narrow_to_their_documents() {
    let all = urls(&ask(site(true), "ทุจริต", json!({})));
    let roi_et = urls(&ask(site(true), "ทุจริต", json!({"province": "roi-et"})));
    assert!(!roi_et.is_empty() && roi_et.len() < all.len());
    assert!(roi_et.iter().all(|u| u.starts_with("bueng-nakhon/")), "{roi_et:?}");
    let projects = ask(site(true), "ทุจริต", json!({"type": "project"}));
    assert!(!urls(&projects).is_empty());
    for t in projects["titles"].as_array().unwrap() {
        assert!(t.as_str().unwrap().starts_with("โครงการ"), "{t}");
    }
    let done = urls(&ask(site(true), "โครงการ", json!({"status": "done", "year": "2567"})));
    assert!(!done.is_empty() && done.iter().all(|u| u.starts_with("tua-yang/")), "{done:?}");
    let pao = urls(&ask(site(true), "ทุจริต", json!({"akind": "pao"})));
    assert!(!pao.is_empty() && pao.iter().all(|u| u.starts_with("sisaket-pao/")), "{pao:?}");
    let dim4 = urls(&ask(site(true), "โครงการ", json!({"dim": "4"})));
    assert!(!dim4.is_empty() && dim4.iter().all(|u| u.contains("/items/4")), "{dim4:?}");
}

#[test]
fn absent_words_and_short_queries_find_nothing() {
    assert_eq!(ask(site(false), "ไม่มีคำนี้แน่นอน", json!({}))["total"], 0);
    assert_eq!(ask(site(false), "zzqx", json!({}))["total"], 0);
    assert_eq!(ask(site(false), "กข", json!({}))["total"], 0);
}

#[test]
fn every_result_address_is_a_built_page() {
    let site = site(false);
    for (_, _, url) in documents(site) {
        let path = url.split('#').next().unwrap();
        let file = site.join(prongsai::render::paths::decode(path)).join("index.html");
        assert!(file.is_file(), "{url} has no page");
    }
}
