//! render: the computed model → files of the published site.

pub mod data;

/// One file of the site: its path below the output folder and its bytes.
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}
