//! The preview server: the output folder's files, nothing outside it, with a small script
//! added to every HTML page that reloads it after a rebuild and shows build errors over it.

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use tokio::sync::watch;

/// The result of the latest build: a version that grows with every attempt, and the
/// error text when that attempt failed (the site served is then the last good one).
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Status {
    pub version: u64,
    pub error: Option<String>,
}

#[derive(Clone)]
pub struct App {
    pub root: Arc<PathBuf>,
    pub status: watch::Receiver<Status>,
}

pub const PREFIX: &str = "/__prongsai/";
const LIVE_JS: &str = include_str!("live.js");

pub fn router(app: App) -> Router {
    Router::new()
        .route("/__prongsai/live.js", get(live_js))
        .route("/__prongsai/status", get(status))
        .route("/__prongsai/wait", get(wait))
        .fallback(get(file))
        .with_state(app)
}

async fn live_js() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], LIVE_JS)
        .into_response()
}

fn json(s: &Status) -> Response {
    let body = serde_json::to_string(s).unwrap_or_else(|_| "{}".into());
    ([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-store")], body).into_response()
}

async fn status(State(app): State<App>) -> Response {
    json(&app.status.borrow().clone())
}

#[derive(serde::Deserialize)]
struct Since {
    v: u64,
}

/// Long poll: answers as soon as the build version differs from `v`, or after 25 s with
/// the same version (the page then asks again).
async fn wait(State(app): State<App>, Query(since): Query<Since>) -> Response {
    let mut rx = app.status.clone();
    let changed = async {
        loop {
            if rx.borrow_and_update().version != since.v {
                return;
            }
            if rx.changed().await.is_err() {
                std::future::pending::<()>().await;
            }
        }
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(25), changed).await;
    json(&app.status.borrow().clone())
}

/// `%E0%B8%81` → the bytes they stand for; `None` for a malformed escape or bytes that are
/// not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file below `root` that a request path names, or `None` when the path tries to leave
/// the folder (`..`, an absolute part, a backslash, NUL) or a symbolic link points outside.
pub fn resolve(root: &Path, request_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(request_path)?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let rel = Path::new(decoded.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let path = root.join(rel);
    let real = path.canonicalize().ok()?;
    let real_root = root.canonicalize().ok()?;
    real.starts_with(&real_root).then_some(real)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "woff2" => "font/woff2",
        "bin" => "application/octet-stream",
        _ => "application/octet-stream",
    }
}

/// Adds the live-reload script to an HTML page, just before `</body>` (or at the end of a
/// minified page that leaves the optional tag out).
fn with_live_script(html: Vec<u8>, version: u64) -> Vec<u8> {
    let tag = format!("<script src=\"{PREFIX}live.js\" data-version=\"{version}\"></script>");
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

async fn send(path: &Path, code: StatusCode, version: u64) -> Response {
    send_cached(path, code, version, false, None).await
}

/// A validator from the file's size and modification time: reloads then get a 304 for
/// fonts and images instead of their bytes again.
fn etag(meta: &std::fs::Metadata) -> String {
    let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
    format!("\"{:x}-{:x}\"", meta.len(), modified.as_nanos())
}

/// `immutable`: the address carries its content's fingerprint (`style.css?v=…`), so the
/// browser may keep it. HTML is sent whole every time (it carries the build version);
/// anything else is revalidated with its ETag.
async fn send_cached(
    path: &Path,
    code: StatusCode,
    version: u64,
    immutable: bool,
    if_none_match: Option<&str>,
) -> Response {
    let ctype = content_type(path);
    let html = ctype.starts_with("text/html");
    let tag = if html { None } else { std::fs::metadata(path).ok().map(|m| etag(&m)) };
    let cache = if immutable {
        "max-age=31536000, immutable"
    } else if html {
        "no-store"
    } else {
        "no-cache"
    };
    if let (Some(t), Some(seen)) = (&tag, if_none_match)
        && code == StatusCode::OK
        && seen == t
    {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, t.clone()), (header::CACHE_CONTROL, cache.to_string())])
            .into_response();
    }
    let Ok(bytes) = tokio::fs::read(path).await else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let body = if html { with_live_script(bytes, version) } else { bytes };
    let mut response = (code, [(header::CONTENT_TYPE, ctype), (header::CACHE_CONTROL, cache)], body).into_response();
    if let Some(t) = tag.and_then(|t| t.parse().ok()) {
        response.headers_mut().insert(header::ETAG, t);
    }
    response
}

async fn file(State(app): State<App>, uri: Uri, headers: axum::http::HeaderMap) -> Response {
    let version = app.status.borrow().version;
    let request = uri.path();
    let not_found = || async {
        match resolve(&app.root, "404.html") {
            Some(p) => send(&p, StatusCode::NOT_FOUND, version).await,
            // No site yet (the first build failed): a page that shows why and reloads.
            None => {
                let page = "<!doctype html><html lang=\"th\"><meta charset=\"utf-8\"><title>prongsai</title><body><p>ยังไม่มีเว็บไซต์: สร้างครั้งแรกไม่สำเร็จ</p></body></html>";
                let body = with_live_script(page.as_bytes().to_vec(), version);
                (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
            }
        }
    };
    let Some(path) = resolve(&app.root, request) else { return not_found().await };
    if path.is_dir() {
        if !request.ends_with('/') {
            // Relative, so that `//host`-looking paths cannot send the browser elsewhere.
            let last = request.rsplit('/').next().unwrap_or("");
            let to = format!("./{last}/");
            return (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, to)]).into_response();
        }
        // Resolved like any request: an index.html that is a link out of the folder is refused too.
        return match resolve(&app.root, &format!("{request}index.html")).filter(|p| p.is_file()) {
            Some(index) => send(&index, StatusCode::OK, version).await,
            None => not_found().await,
        };
    }
    let fingerprinted = request.starts_with("/assets/")
        && !request.ends_with(".html")
        && uri.query().is_some_and(|q| q.split('&').any(|kv| kv.starts_with("v=")));
    let seen = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok());
    send_cached(&path, StatusCode::OK, version, fingerprinted, seen).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/index.html"), "x").unwrap();
        assert!(resolve(dir.path(), "/a/index.html").is_some());
        assert!(resolve(dir.path(), "/a/").is_some());
        for bad in ["/../etc/passwd", "/a/../../x", "/%2e%2e/x", "/a%5c..%5cx", "/a/%00", "/%zz"] {
            assert_eq!(resolve(dir.path(), bad), None, "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_pointing_outside_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "s").unwrap();
        std::fs::write(outside.path().join("index.html"), "s").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), dir.path().join("link.txt")).unwrap();
        assert_eq!(resolve(dir.path(), "/link.txt"), None);
        std::os::unix::fs::symlink(outside.path(), dir.path().join("linked")).unwrap();
        assert_eq!(resolve(dir.path(), "/linked/secret.txt"), None);
        assert_eq!(resolve(dir.path(), "/linked/"), None);
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("index.html"), dir.path().join("a/index.html")).unwrap();
        assert!(resolve(dir.path(), "/a/").is_some());
        assert_eq!(resolve(dir.path(), "/a/index.html"), None);
    }

    #[test]
    fn encoded_and_absolute_tricks_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("a")).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        for bad in [
            "/..",
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%2fsecret.txt",
            "/a/..%2f..%2fsecret.txt",
            "/..%5csecret.txt",
            "/%5c..%5csecret.txt",
            "/a/%2e%2e/%2e%2e/secret.txt",
            "/.%2e/secret.txt",
            "/%c0%ae%c0%ae/secret.txt",
            "/secret.txt%00.html",
            "/a/./../../secret.txt",
        ] {
            assert_eq!(resolve(&site, bad), None, "{bad}");
        }
        // An absolute path inside the request stays below the folder.
        let abs = format!("/{}", dir.path().join("secret.txt").display());
        assert_eq!(resolve(&site, &abs), None);
        assert_eq!(resolve(&site, &format!("/%2F{}", abs.trim_start_matches('/'))), None);
    }

    #[test]
    fn the_script_goes_before_the_closing_body_tag_or_at_the_end() {
        let html = with_live_script(b"<html><body><p>x</p></body></html>".to_vec(), 3);
        let s = String::from_utf8(html).unwrap();
        assert!(s.contains("<p>x</p><script src=\"/__prongsai/live.js\" data-version=\"3\"></script></body>"), "{s}");
        let s = String::from_utf8(with_live_script(b"<p>min".to_vec(), 1)).unwrap();
        assert!(s.ends_with("data-version=\"1\"></script>"), "{s}");
    }
}
