//! References from content to attachments and links, and where content files really are.
//!
//! Nothing outside the content folder may reach the site, whatever the content says: a local
//! path has no `..`, no leading `/`, no drive (`C:`) and no scheme, and once symbolic links
//! are resolved it is still inside the content folder. An authority folder may itself be a
//! link (a portal may gather folders kept elsewhere): what it holds must then stay inside
//! the folder it points to. A link inside an authority folder that points out of both is
//! an error, whether it is a referenced file, an entry of files/ or a YAML or Markdown file.

use crate::content::read::Reader;
use crate::content::yaml::Pos;
use crate::diag::{Diagnostics, Msg, SourceMap};
use std::path::{Component, Path, PathBuf};

pub struct PathCtx<'a> {
    pub content_root: &'a Path,
    pub authority_dir: &'a Path,
}

pub fn is_url(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

/// Whether `real` (a canonical path) lies inside the content folder `root`, or inside the real
/// folder of the authority (`authority_dir`, below `root`) when that folder is a link.
fn really_inside(real: &Path, root: &Path, authority_dir: Option<&Path>) -> bool {
    let within = |dir: &Path| dir.canonicalize().is_ok_and(|d| real.starts_with(d));
    within(root) || authority_dir.is_some_and(within)
}

/// Checks a reference written in content; returns it normalised (`/` separators).
pub fn check_ref(r: &mut Reader, ctx: &PathCtx, text: &str, pos: Pos) -> Option<String> {
    let t = text.trim();
    if is_url(t) {
        return Some(t.to_string());
    }
    // `javascript:`, `data:`, `file:`… are links of another kind; `C:` is a Windows drive.
    let scheme_len =
        t.find(':').filter(|&i| i > 0 && t[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)));
    if scheme_len.is_some_and(|len| len > 1) {
        r.error(pos, Msg::BadLink { url: t.to_string() });
        return None;
    }
    let norm = t.replace('\\', "/");
    let leaves = norm.starts_with('/') || norm.split('/').any(|c| c == "..") || norm.chars().nth(1) == Some(':');
    if leaves {
        r.error(pos, Msg::PathLeavesContent { path: t.to_string() });
        return None;
    }
    match ctx.authority_dir.join(&norm).canonicalize() {
        Ok(real) if !really_inside(&real, ctx.content_root, Some(ctx.authority_dir)) => {
            r.error(pos, Msg::PathLeavesContent { path: t.to_string() });
            None
        }
        Ok(real) if real.is_file() => Some(norm),
        _ => {
            r.error(pos, Msg::PathNotFound { path: t.to_string() });
            None
        }
    }
}

/// A reference that must name a file of the content folder: a plan's or a round's signed
/// `document`, which is published beside the pages and linked as such. A web address is
/// refused here (found by fuzz/content_yaml: `check` accepted `document: http://…`, and the
/// build then failed reading it as a file).
pub fn check_file_ref(r: &mut Reader, ctx: &PathCtx, text: &str, pos: Pos) -> Option<String> {
    if is_url(text) {
        r.error(pos, Msg::PathLeavesContent { path: text.trim().to_string() });
        return None;
    }
    check_ref(r, ctx, text, pos)
}

/// The authority's attachments: every file below `files/`, as `files/…`, sorted. A link in
/// there is followed when it stays inside (a shared scan kept once); one pointing outside
/// the content folder, or at nothing, is reported where it lies and not published.
pub fn list_files(root: &Path, authority_dir: &Path, sources: &mut SourceMap, diags: &mut Diagnostics) -> Vec<String> {
    let files_dir = authority_dir.join("files");
    let mut refused: Vec<(PathBuf, Msg)> = Vec::new();
    let mut dangling: Vec<PathBuf> = Vec::new();
    let mut out: Vec<String> = walkdir::WalkDir::new(&files_dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && !e.path_is_symlink() {
                return true;
            }
            let msg = match e.path().canonicalize() {
                Ok(real) if really_inside(&real, root, Some(authority_dir)) => return true,
                Ok(_) => Msg::PathLeavesContent { path: rel_to(authority_dir, e.path()) },
                Err(_) => Msg::PathNotFound { path: rel_to(authority_dir, e.path()) },
            };
            refused.push((e.path().to_path_buf(), msg));
            false
        })
        .filter_map(|entry| match entry {
            Ok(e) => Some(e),
            // A link to nothing cannot be followed: the walk reports it. Other errors (a loop of
            // links inside the folder) leave nothing more to publish there.
            Err(err) => {
                if let Some(p) = err.path().filter(|p| p.symlink_metadata().is_ok_and(|m| m.is_symlink()))
                    && p.canonicalize().is_err()
                {
                    dangling.push(p.to_path_buf());
                }
                None
            }
        })
        .filter(|e| e.file_type().is_file())
        .map(|e| rel_to(authority_dir, e.path()))
        .collect();
    out.sort();
    refused.extend(dangling.into_iter().map(|p| {
        let path = rel_to(authority_dir, &p);
        (p, Msg::PathNotFound { path })
    }));
    for (path, msg) in refused {
        let file = sources.add(rel_to(root, &path), None);
        diags.error(file, Pos { line: 1, col: 1 }, msg);
    }
    out
}

/// `path` below `dir`, with `/` separators.
fn rel_to(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// Whether the content file at `path`, named `rel` below the content folder, is really
/// somewhere else: it, or a folder on its way down from the content folder, is a link whose
/// target is outside (see the module's rule). Its text would then be published, or quoted
/// in messages, as if it were content. Costs one `lstat` per level when nothing is a link.
pub fn file_leaves_content(path: &Path, rel: &str) -> bool {
    let depth = Path::new(rel).components().count();
    if depth == 0 || !path.ends_with(rel) {
        return false;
    }
    let Some(root) = path.ancestors().nth(depth) else { return false };
    let mut on_the_way = root.to_path_buf();
    let linked = Path::new(rel).components().any(|c| {
        on_the_way.push(c);
        on_the_way.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink())
    });
    if !linked {
        return false;
    }
    let authority_dir = (depth > 1).then(|| root.join(Path::new(rel).components().next().unwrap_or(Component::CurDir)));
    match path.canonicalize() {
        Ok(real) => !really_inside(&real, root, authority_dir.as_deref()),
        // A link to nothing: reading it reports that it is missing.
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn linked_files_and_folders_stay_inside() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.yaml"), "x: 1").unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("content");
        std::fs::create_dir_all(root.join("a/plans")).unwrap();
        std::fs::write(root.join("a/plans/p.yaml"), "x: 1").unwrap();
        std::fs::write(root.join("site.yaml"), "x: 1").unwrap();
        assert!(!file_leaves_content(&root.join("a/plans/p.yaml"), "a/plans/p.yaml"));
        assert!(!file_leaves_content(&root.join("site.yaml"), "site.yaml"));
        // A link to a file inside is fine; a link out, or a folder linked out, is not.
        symlink(root.join("a/plans/p.yaml"), root.join("a/plans/q.yaml")).unwrap();
        assert!(!file_leaves_content(&root.join("a/plans/q.yaml"), "a/plans/q.yaml"));
        symlink(outside.path().join("secret.yaml"), root.join("a/plans/s.yaml")).unwrap();
        assert!(file_leaves_content(&root.join("a/plans/s.yaml"), "a/plans/s.yaml"));
        symlink(outside.path(), root.join("a/reports")).unwrap();
        assert!(file_leaves_content(&root.join("a/reports/secret.yaml"), "a/reports/secret.yaml"));
        symlink(outside.path().join("secret.yaml"), root.join("linked-site.yaml")).unwrap();
        assert!(file_leaves_content(&root.join("linked-site.yaml"), "linked-site.yaml"));
        // An authority folder linked in from elsewhere keeps its own files…
        symlink(outside.path(), root.join("b")).unwrap();
        assert!(!file_leaves_content(&root.join("b/secret.yaml"), "b/secret.yaml"));
        // …but site.yaml may not be a link out, and what a linked folder links to must stay in it.
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("other.yaml"), "x: 1").unwrap();
        symlink(elsewhere.path().join("other.yaml"), outside.path().join("other.yaml")).unwrap();
        assert!(file_leaves_content(&root.join("b/other.yaml"), "b/other.yaml"));
    }
}
