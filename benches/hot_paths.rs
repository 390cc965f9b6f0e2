//! The hot paths of a build, on the example content (four real authorities): loading and
//! checking, computing the totals, building and rendering one item page and one plan page,
//! one authority's data files (JSON, CSV, Excel), and the search index. A regression in any of them shows here before it shows on a national portal.
//!
//! Run: `cargo bench --bench hot_paths` (add `-- --save-baseline main` once, then
//! `-- --baseline main` after a change to compare).

use criterion::{Criterion, criterion_group, criterion_main};
use prongsai::build::{Prepared, load_and_check};
use prongsai::render::site::{Options, Renderer};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

fn hot_paths(c: &mut Criterion) {
    let dir = content_dir();
    c.bench_function("load and check (example content)", |b| b.iter(|| black_box(load_and_check(&dir))));

    let loaded = load_and_check(&dir);
    assert!(!loaded.diags.has_errors(), "the example content must load");
    let content = loaded.content;
    c.bench_function("compute totals (example content)", |b| {
        b.iter(|| black_box(prongsai::compute::site(black_box(&content))))
    });

    let prepared = Prepared::load(&content, &dir).expect("theme");
    let figures = prongsai::compute::site(&content);
    let ctx = prepared.ctx(&content, &figures);
    let renderer = Renderer::new(&content, &prepared.theme, Options::default());
    // The authority with the most pages, and one of its item pages: most pages of a portal
    // are item pages.
    let (i, pages) = (0..content.authorities.len())
        .map(|i| (i, prongsai::render::pages::authority_pages(&ctx, i)))
        .max_by_key(|(_, p)| p.len())
        .expect("an authority");
    let item = pages.iter().find(|p| p.template == "item.html").expect("an item page");
    c.bench_function("render one item page", |b| b.iter(|| black_box(renderer.page(item).expect("renders"))));
    let plan = pages.iter().find(|p| p.template == "plan.html").expect("a plan page");
    c.bench_function("render one plan page", |b| b.iter(|| black_box(renderer.page(plan).expect("renders"))));
    c.bench_function("page data of one authority", |b| {
        b.iter(|| black_box(prongsai::render::pages::authority_pages(&ctx, i)))
    });
    // JSON, CSV and the Excel workbooks beside every plan and round, and the attachments.
    c.bench_function("data files of one authority", |b| {
        b.iter(|| black_box(prongsai::build::authority_files(&ctx, &dir, i).expect("data files")))
    });

    c.bench_function("search documents (example content)", |b| {
        b.iter(|| black_box(prongsai::search::docs::collect(&ctx)))
    });
    // Documents included: the index makes them an authority at a time.
    c.bench_function("search index (example content)", |b| {
        b.iter(|| black_box(prongsai::search::index::build(&ctx, Default::default())))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = hot_paths
}
criterion_main!(benches);
