//! Putting an imported file in place: whole or not at all (a temporary file in the same
//! folder, fsync, rename), then read back with the content folder by the same loader and
//! checker as `prongsai check`; a file that adds an error is taken out again and the
//! previous one restored.

use super::messages::ImportMsg;
use crate::content::load::Loaded;
use crate::diag::{Diagnostic, Lang, Severity, render};
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `target` through a temporary file in the same folder.
pub fn write_whole(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Hidden and not .yaml: the loader never reads it, even if a crash leaves it behind.
    let tmp = dir.join(format!(".{name}.import-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, target)?;
        // The rename itself is durable once the folder is synced (not possible everywhere).
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

type Key = (String, u32, u32, String);

fn key(loaded: &Loaded, d: &Diagnostic) -> Key {
    (loaded.sources.path(d.file).to_string(), d.pos.line, d.pos.col, d.msg.text(Lang::En))
}

fn both(loaded: &Loaded, d: &Diagnostic) -> (String, String) {
    let r = |lang| render(d, &loaded.sources, lang).trim_end().to_string();
    (r(Lang::Th), r(Lang::En))
}

/// Writes `target` (`rel` is its path inside the content folder, as the loader names it),
/// then loads and checks the folder. Returns the checker's warnings about the new file, or
/// the errors it added (the previous state restored).
pub fn commit(
    content_dir: &Path,
    target: &Path,
    rel: &str,
    bytes: &[u8],
    before: &Loaded,
) -> Result<Vec<ImportMsg>, ImportMsg> {
    let baseline: HashSet<Key> = before
        .diags
        .list
        .iter()
        .filter(|d| d.severity == Severity::Error && before.sources.path(d.file) != rel)
        .map(|d| key(before, d))
        .collect();
    let old = std::fs::read(target).ok();
    write_whole(target, bytes).map_err(|e| ImportMsg::WriteFailed { detail: e.to_string() })?;
    let after = crate::build::load_and_check(content_dir);
    let added: Vec<&Diagnostic> = after
        .diags
        .list
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| after.sources.path(d.file) == rel || !baseline.contains(&key(&after, d)))
        .collect();
    if !added.is_empty() {
        let restored = match &old {
            Some(bytes) => write_whole(target, bytes),
            None => std::fs::remove_file(target),
        };
        let (mut th, mut en): (Vec<String>, Vec<String>) = added.iter().map(|d| both(&after, d)).unzip();
        if let Err(e) = restored {
            th.push(format!("และคืนไฟล์เดิมไม่สำเร็จ ({e})"));
            en.push(format!("and the previous file could not be restored ({e})"));
        }
        return Err(ImportMsg::Rejected { th: th.join("\n"), en: en.join("\n") });
    }
    Ok(after
        .diags
        .list
        .iter()
        .filter(|d| d.severity == Severity::Warning && after.sources.path(d.file) == rel)
        .map(|d| {
            let (th, en) = both(&after, d);
            ImportMsg::Checker { th, en }
        })
        .collect())
}
