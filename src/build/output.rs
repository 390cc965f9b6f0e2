//! Where a build's files go. A build streams every file into a [`Sink`] as soon as it is
//! rendered, so no more than a few pages per core are in memory at once: a national portal's
//! six gigabytes never are. [`Staging`] writes into a new folder beside the output and swaps
//! it in only when everything succeeded; a failing build leaves the previous site byte for
//! byte as it was, and files of removed pages disappear with the swap.

use crate::render::OutFile;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Receives the files of a build, from several threads at once.
pub trait Sink: Sync {
    fn put(&self, file: OutFile) -> io::Result<()>;
}

/// Keeps every file in memory: for tests, `freeze` and small sites.
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<Vec<OutFile>>,
}

impl Sink for MemorySink {
    fn put(&self, file: OutFile) -> io::Result<()> {
        self.files.lock().map_err(|_| io::Error::other("poisoned"))?.push(file);
        Ok(())
    }
}

impl MemorySink {
    /// The files, sorted by path (threads put them in any order).
    pub fn into_files(self) -> Vec<OutFile> {
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

/// Keeps only the paths: for `freeze`, which records addresses.
#[derive(Default)]
pub struct PathSink {
    paths: Mutex<Vec<String>>,
}

impl Sink for PathSink {
    fn put(&self, file: OutFile) -> io::Result<()> {
        self.paths.lock().map_err(|_| io::Error::other("poisoned"))?.push(file.path);
        Ok(())
    }
}

impl PathSink {
    pub fn into_paths(self) -> Vec<String> {
        let mut v = self.paths.into_inner().unwrap_or_else(|e| e.into_inner());
        v.sort_unstable();
        v
    }
}

/// The file every output folder carries, so that a later build knows the folder is its own
/// to replace. Not a published address (a dot file).
pub const OUTPUT_MARKER: &str = ".prongsai-output";

/// A new site being written beside `out_dir`. [`Staging::commit`] swaps it in; dropping it
/// uncommitted removes it, so a failed build leaves nothing behind.
pub struct Staging {
    out_dir: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    /// Every path written, in no particular order.
    paths: Mutex<Vec<String>>,
    /// Whether the folder gets [`OUTPUT_MARKER`] (a whole site does; its search folder not).
    marker: bool,
    /// The site being replaced, if any: a file that comes out byte for byte as before is a
    /// hard link to the old one, not a new file.
    previous: Option<PathBuf>,
    committed: bool,
}

impl Sink for Staging {
    fn put(&self, file: OutFile) -> io::Result<()> {
        self.write(&file.path, &file.bytes)
    }
}

impl Staging {
    /// Refuses an `out_dir` that is not ours to replace ([`may_replace`]).
    pub fn new(out_dir: &Path) -> io::Result<Staging> {
        may_replace(out_dir)?;
        Staging::open(out_dir, true)
    }

    /// A staging folder for `out_dir` without [`may_replace`]: for a folder inside a site
    /// already checked (the search index of `prongsai index`).
    pub fn unchecked(out_dir: &Path) -> io::Result<Staging> {
        Staging::open(out_dir, false)
    }

    fn open(out_dir: &Path, marker: bool) -> io::Result<Staging> {
        let parent = out_dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = out_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
        let tmp = parent.join(format!(".{name}.new-{}", std::process::id()));
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp)?;
        let previous = out_dir.is_dir().then(|| out_dir.to_path_buf());
        Ok(Staging {
            out_dir: out_dir.to_path_buf(),
            tmp,
            old,
            paths: Mutex::new(Vec::new()),
            marker,
            previous,
            committed: false,
        })
    }

    pub fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let p = self.tmp.join(path);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d)?;
        }
        if !self.link_unchanged(path, bytes, &p) {
            std::fs::write(&p, bytes)?;
        }
        self.paths.lock().map_err(|_| io::Error::other("poisoned"))?.push(path.to_string());
        Ok(())
    }

    /// Links `target` to the previous site's file at `path` if that holds `bytes` exactly.
    /// An unchanged file then keeps its modification time (so rsync and HTTP caches see it
    /// unchanged), and a rebuild creates and deletes only the files that changed: on a
    /// national portal, creating and deleting half a million files is most of the time.
    /// Where links are not supported, the file is written.
    fn link_unchanged(&self, path: &str, bytes: &[u8], target: &Path) -> bool {
        let Some(prev) = &self.previous else { return false };
        let old = prev.join(path);
        let same_size = std::fs::symlink_metadata(&old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
        same_size && std::fs::read(&old).is_ok_and(|b| b == bytes) && std::fs::hard_link(&old, target).is_ok()
    }

    /// A file already written (for a moved data file's copy at its old address).
    pub fn read(&self, path: &str) -> io::Result<Vec<u8>> {
        std::fs::read(self.tmp.join(path))
    }

    /// Every path written so far, sorted.
    pub fn paths(&self) -> Vec<String> {
        let mut v = self.paths.lock().map(|p| p.clone()).unwrap_or_default();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Swaps the new folder in for `out_dir`; on failure the previous one stays.
    pub fn commit(mut self) -> io::Result<()> {
        if self.marker {
            std::fs::write(self.tmp.join(OUTPUT_MARKER), "prongsai\n")?;
        }
        if self.out_dir.exists() {
            std::fs::rename(&self.out_dir, &self.old)?;
            if let Err(e) = std::fs::rename(&self.tmp, &self.out_dir) {
                // Put the previous site back before reporting.
                let _ = std::fs::rename(&self.old, &self.out_dir);
                return Err(e);
            }
            self.committed = true;
            let _ = std::fs::remove_dir_all(&self.old);
        } else {
            std::fs::rename(&self.tmp, &self.out_dir)?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Whether `dir` may be replaced whole: absent, empty, marked as a prongsai output, or (for
/// folders built before the marker existed) holding a site's sitemap.xml and assets/.
/// Anything else (a home folder, the project folder, `--output .`) is refused, because
/// replacing the output deletes what was there.
pub fn may_replace(dir: &Path) -> io::Result<()> {
    let Ok(mut entries) = std::fs::read_dir(dir) else { return Ok(()) };
    if entries.next().is_none()
        || dir.join(OUTPUT_MARKER).is_file()
        || (dir.join("sitemap.xml").is_file() && dir.join("assets").is_dir())
    {
        return Ok(());
    }
    Err(io::Error::other(
        "ไม่แทนที่โฟลเดอร์ที่มีไฟล์อื่นอยู่ (ไม่ใช่เว็บไซต์ที่ prongsai สร้าง): เลือกโฟลเดอร์ผลลัพธ์ใหม่หรือโฟลเดอร์ว่าง / \
         not replacing a folder that holds other files (not a site prongsai built): choose a new or empty output folder",
    ))
}

/// Refuses an output folder that holds the content folder: replacing it would delete the
/// content.
pub fn output_clear_of_content(output: &Path, content: &Path) -> io::Result<()> {
    let abs = |p: &Path| p.canonicalize().or_else(|_| std::path::absolute(p)).unwrap_or_else(|_| p.to_path_buf());
    let (out, content) = (abs(output), abs(content));
    if content.starts_with(&out) || out.starts_with(&content) {
        return Err(io::Error::other(format!(
            "โฟลเดอร์ผลลัพธ์ {} ซ้อนกับโฟลเดอร์เนื้อหา {}: ใช้โฟลเดอร์อื่น / the output folder overlaps the content folder: use another",
            out.display(),
            content.display()
        )));
    }
    Ok(())
}

/// Writes `files` into a new folder beside `out_dir`, then swaps it in.
pub fn write_atomically(out_dir: &Path, files: &[OutFile]) -> io::Result<()> {
    let staging = Staging::new(out_dir)?;
    for f in files {
        staging.write(&f.path, &f.bytes)?;
    }
    staging.commit()
}
