//! render: the computed model → files of the published site: HTML pages from the theme's
//! templates, open data, charts, sitemap and feed.

pub mod charts;
pub mod compact;
pub mod data;
pub mod feeds;
pub mod format;
pub mod markdown;
pub mod pages;
pub mod paths;
pub mod site;
pub mod theme;
pub mod value;

/// One file of the site: its path below the output folder and its bytes.
#[derive(Debug)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}
