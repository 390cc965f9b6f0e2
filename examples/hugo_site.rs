//! hugo_site: turns a site prongsai built into an equivalent plain Markdown site for Hugo, so
//! that `scripts/bench-hugo.sh` compares the two on the same pages and the same text.
//!
//! Run: `cargo run --release --example hugo_site -- --from SITE --output DIR`
//!
//! Every `index.html` of SITE becomes one Markdown page at the same address, holding the page's
//! title and the text of its `<main>` (tags dropped, one paragraph per block element). A page
//! with pages below it becomes a section (`_index.md`), any other a single page (`x.md`), so
//! Hugo writes the same addresses. DIR gets `hugo.toml` and a minimal theme: a page shows its
//! title, its text and (for a section) links to the pages below it. Search index, open data
//! and feeds have no counterpart: Hugo builds the pages alone. std only.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::{env, fs, io, process};

fn pages(site: &Path, dir: &Path, out: &mut Vec<String>) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            pages(site, &p, out)?;
        } else if e.file_name() == "index.html" {
            let rel = p.parent().unwrap_or(site).strip_prefix(site).unwrap_or(Path::new(""));
            let rel = rel.to_string_lossy().replace('\\', "/");
            if rel != "search" {
                out.push(rel);
            }
        }
    }
    Ok(())
}

fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let Some(start) = html.find(open) else { return "" };
    let rest = &html[start..];
    let body = rest.find('>').map_or(rest, |i| &rest[i + 1..]);
    body.find(close).map_or(body, |i| &body[..i])
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The text of `html`: tags dropped, a blank line after each block element.
fn text(html: &str) -> String {
    const BLOCKS: [&str; 12] = ["p", "li", "tr", "h1", "h2", "h3", "h4", "div", "section", "dd", "dt", "caption"];
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&decode(&rest[..i]));
        let Some(j) = rest[i..].find('>') else { break };
        let tag = &rest[i + 1..i + j];
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if tag.starts_with('/') && BLOCKS.contains(&name.as_str()) {
            out.push_str("\n\n");
        } else if name == "td" || name == "th" {
            out.push(' ');
        }
        rest = &rest[i + j + 1..];
    }
    out.push_str(&decode(rest));
    let mut lines = Vec::new();
    for l in out.lines().map(str::trim) {
        if !(l.is_empty() && lines.last().is_some_and(|p: &&str| p.is_empty())) {
            lines.push(l);
        }
    }
    // Markdown would read a line of digits and dots as a list, `#` as a heading: escape.
    lines.iter().map(|l| l.replace('#', "\\#").replace('*', "\\*").replace('_', "\\_")).collect::<Vec<_>>().join("\n")
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

const HUGO_TOML: &str = "baseURL = 'https://example.org/'\nlanguageCode = 'th'\ntitle = 'prongsai equivalent'\n\
disableKinds = ['taxonomy', 'term']\n";

const BASEOF: &str = "<!doctype html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{{ .Title }} · {{ .Site.Title }}</title>\n\
</head>\n<body>\n<header><a href=\"{{ \"/\" | relURL }}\">{{ .Site.Title }}</a></header>\n\
<main>\n{{ block \"main\" . }}{{ end }}\n</main>\n</body>\n</html>\n";
const SINGLE: &str = "{{ define \"main\" }}<h1>{{ .Title }}</h1>\n{{ .Content }}{{ end }}\n";
const LIST: &str = "{{ define \"main\" }}<h1>{{ .Title }}</h1>\n{{ .Content }}\n<ul>\n{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>\n{{ end }}</ul>{{ end }}\n";

fn run(from: &Path, output: &Path) -> io::Result<usize> {
    let mut all = Vec::new();
    pages(from, from, &mut all)?;
    let dirs: BTreeSet<&str> = all.iter().map(String::as_str).collect();
    let has_children = |d: &str| {
        let prefix = format!("{d}/");
        dirs.range(prefix.as_str()..).next().is_some_and(|x| x.starts_with(&prefix))
    };
    let content = output.join("content");
    for rel in &all {
        let html = fs::read_to_string(from.join(rel).join("index.html"))?;
        let title = decode(between(&html, "<title", "</title>").split(" | ").next().unwrap_or("").trim());
        let body = text(between(&html, "<main", "</main>"));
        let target: PathBuf = if rel.is_empty() || has_children(rel) {
            content.join(rel).join("_index.md")
        } else {
            content.join(format!("{rel}.md"))
        };
        if let Some(d) = target.parent() {
            fs::create_dir_all(d)?;
        }
        fs::write(&target, format!("+++\ntitle = {}\n+++\n\n{body}\n", toml_string(&title)))?;
    }
    fs::write(output.join("hugo.toml"), HUGO_TOML)?;
    let layouts = output.join("layouts").join("_default");
    fs::create_dir_all(&layouts)?;
    fs::write(layouts.join("baseof.html"), BASEOF)?;
    fs::write(layouts.join("single.html"), SINGLE)?;
    fs::write(layouts.join("list.html"), LIST)?;
    Ok(all.len())
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(PathBuf::from);
    let (Some(from), Some(output)) = (arg("--from"), arg("--output")) else {
        eprintln!("usage: hugo_site --from SITE --output DIR");
        process::exit(2);
    };
    if output.exists() {
        eprintln!("hugo_site: {} exists; choose a new folder", output.display());
        process::exit(2);
    }
    match run(&from, &output) {
        Ok(n) => eprintln!("hugo_site: {n} pages written to {}", output.display()),
        Err(e) => {
            eprintln!("hugo_site: {e}");
            process::exit(1);
        }
    }
}
