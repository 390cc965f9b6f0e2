//! The content loader on any text (src/content/load, src/content/yaml.rs): never a panic or a
//! hang, whatever a file holds. The first byte picks the file the rest is written to, in a
//! copy of tests/fixtures/base (so that a plan meets its report, and the other way round); the
//! folder is loaded and checked as `prongsai check` does. When that finds no error, the
//! authority's figures are computed and its pages and data files rendered, as a build would.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prongsai::build::{Prepared, authority_files};
use prongsai::content::load::load_checked;
use prongsai::render::site::{Options, Renderer};
use std::path::{Path, PathBuf};

/// Where each input goes, by its first byte.
const TARGETS: &[&str] = &[
    "demo/plans/2566-2570.yaml",
    "demo/reports/2566-6m.yaml",
    "demo/ita/2566.yaml",
    "demo/authority.yaml",
    "demo/plans/2566-2570/1.1-1.md",
    "demo/plans/2566-2570/_index.md",
    "site.yaml",
];

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    base: PathBuf,
    prepared: Prepared,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

thread_local! {
    static FIXTURE: Fixture = {
        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/base");
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("content");
        copy_dir(&base, &root);
        let loaded = load_checked(&root);
        assert!(!loaded.diags.has_errors(), "the base fixture is valid");
        let prepared = Prepared::load(&loaded.content, &root).unwrap();
        Fixture { _dir: dir, root, base, prepared }
    };
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    // The YAML parser alone, on every input.
    let _ = prongsai::content::yaml::parse(text);
    FIXTURE.with(|f| {
        let target = TARGETS[usize::from(pick) % TARGETS.len()];
        let path = f.root.join(target);
        std::fs::write(&path, text).unwrap();
        let loaded = load_checked(&f.root);
        // Messages render (they quote the lines they point at).
        for d in &loaded.diags.list {
            let _ = prongsai::diag::render(d, &loaded.sources, prongsai::diag::Lang::Th);
        }
        if !loaded.diags.has_errors() && loaded.content.authorities.len() == 1 {
            let content = &loaded.content;
            let figures = prongsai::compute::site(content);
            let ctx = f.prepared.ctx(content, &figures);
            let renderer = Renderer::new(content, &f.prepared.theme, Options::default());
            renderer.authority_pages(&ctx, 0).expect("pages render");
            authority_files(&ctx, &f.root, 0).expect("data files");
            renderer.portal_pages(&ctx, None).expect("home renders");
        }
        // Back to the fixture as it was for the next input (it has no _index.md).
        match f.base.join(target) {
            original if original.exists() => std::fs::copy(original, &path).map(|_| ()),
            _ => std::fs::remove_file(&path),
        }
        .unwrap();
    });
});
