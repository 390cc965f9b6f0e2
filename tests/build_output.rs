//! The output folder across builds: a rebuild equals a fresh build, keeps unchanged files
//! as they were (same file, same modification time), and `prongsai index` re-indexes a
//! built site in place.

mod common;

use assert_cmd::Command;
use common::{copy_dir, root, snapshot};
use std::path::Path;

fn build(content: &Path, out: &Path) {
    Command::cargo_bin("prongsai")
        .unwrap()
        .args(["build", "--content"])
        .arg(content)
        .arg("--output")
        .arg(out)
        .assert()
        .success();
}

fn relative(files: Vec<(std::path::PathBuf, Vec<u8>)>, base: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    files.into_iter().map(|(p, b)| (p.strip_prefix(base).unwrap().to_path_buf(), b)).collect()
}

#[cfg(unix)]
fn inode(p: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).unwrap().ino()
}

#[test]
#[cfg(unix)]
fn a_rebuild_equals_a_fresh_build_and_keeps_unchanged_files() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&root().join("content"), &content);
    let (site, fresh) = (tmp.path().join("site"), tmp.path().join("fresh"));
    build(&content, &site);
    let authority = std::fs::read_dir(&content)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.path().join("authority.yaml").is_file())
        .unwrap()
        .file_name()
        .into_string()
        .unwrap();
    let unchanged = site.join("assets/style.css");
    let changed = site.join(&authority).join("index.html");
    let (unchanged_before, changed_before) = (inode(&unchanged), std::fs::read(&changed).unwrap());

    // Rename the authority: its pages change, the stylesheet does not.
    let yaml = content.join(&authority).join("authority.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let name_line = text.lines().find(|l| l.starts_with("name:")).unwrap().to_string();
    std::fs::write(&yaml, text.replace(&name_line, "name: องค์การบริหารส่วนตำบลทดสอบการสร้างซ้ำ")).unwrap();
    build(&content, &site);
    build(&content, &fresh);

    assert_eq!(relative(snapshot(&site), &site), relative(snapshot(&fresh), &fresh));
    assert_eq!(inode(&unchanged), unchanged_before, "an unchanged file is kept, not written anew");
    let after = std::fs::read_to_string(&changed).unwrap();
    assert_ne!(after.as_bytes(), changed_before.as_slice());
    assert!(after.contains("ทดสอบการสร้างซ้ำ"));
    // No staging or old folder is left beside the site.
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn index_rewrites_the_search_folder_of_a_built_site() {
    let tmp = tempfile::tempdir().unwrap();
    let content = root().join("content");
    let site = tmp.path().join("site");
    build(&content, &site);
    let before = relative(snapshot(&site.join("search")), &site);
    std::fs::remove_file(site.join("search/meta.json")).unwrap();
    Command::cargo_bin("prongsai")
        .unwrap()
        .args(["index", "--content"])
        .arg(&content)
        .arg("--output")
        .arg(&site)
        .assert()
        .success();
    assert_eq!(relative(snapshot(&site.join("search")), &site), before);
    assert!(site.join(prongsai::build::OUTPUT_MARKER).is_file(), "the site keeps its marker");
    assert!(!site.join("search").join(prongsai::build::OUTPUT_MARKER).exists());
}

#[test]
fn index_refuses_a_folder_that_is_not_a_site() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    Command::cargo_bin("prongsai")
        .unwrap()
        .args(["index", "--content"])
        .arg(root().join("content"))
        .arg("--output")
        .arg(tmp.path())
        .assert()
        .failure();
    assert!(!tmp.path().join("search").exists());
    assert_eq!(std::fs::read_to_string(tmp.path().join("notes.txt")).unwrap(), "mine");
}
