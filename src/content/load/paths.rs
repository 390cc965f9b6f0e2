//! References from content to attachments and links. A local path must stay inside the
//! content folder (no `..`, no absolute path, no symlink pointing out) and must exist.

use crate::content::read::Reader;
use crate::content::yaml::Pos;
use crate::diag::Msg;
use std::path::Path;

pub struct PathCtx<'a> {
    pub content_root: &'a Path,
    pub authority_dir: &'a Path,
}

pub fn is_url(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
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
    let full = ctx.authority_dir.join(&norm);
    match (full.canonicalize(), ctx.content_root.canonicalize()) {
        (Ok(real), Ok(root)) if real.starts_with(&root) && real.is_file() => Some(norm),
        (Ok(real), Ok(root)) if !real.starts_with(&root) => {
            r.error(pos, Msg::PathLeavesContent { path: t.to_string() });
            None
        }
        _ => {
            r.error(pos, Msg::PathNotFound { path: t.to_string() });
            None
        }
    }
}
