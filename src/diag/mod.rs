//! Diagnostics: every problem as `path:line:column: error|warning: message`, then the
//! offending source line and a hint, in Thai by default. Paths are relative to the
//! content folder, as compilers print them, so editors can jump to them.

mod messages;
mod render;

pub use messages::{Expected, LegacyEncoding, Msg};
pub use render::render;

use crate::content::yaml::Pos;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Th,
    En,
}

/// A file in the [`SourceMap`]: a group (one per authority folder, so folders load in
/// parallel without renumbering) and its place in the group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId {
    pub group: u32,
    pub index: u32,
}

/// The path of every file read, and the text of those a message quotes.
#[derive(Default, Debug)]
pub struct SourceMap {
    /// By group; a map, not a vector, so that a folder's own map (one group, numbered by
    /// the folder's place among thousands) costs nothing for the groups it does not hold.
    groups: std::collections::BTreeMap<u32, Vec<(String, Option<String>)>>,
    /// The group [`SourceMap::add`] adds to.
    current: u32,
}

impl SourceMap {
    /// A map whose files go in group `group`; [`SourceMap::absorb`] puts groups together.
    pub fn for_group(group: u32) -> SourceMap {
        SourceMap { groups: Default::default(), current: group }
    }
    pub fn add(&mut self, rel_path: String, text: Option<String>) -> FileId {
        let files = self.groups.entry(self.current).or_default();
        files.push((rel_path, text));
        FileId { group: self.current, index: files.len() as u32 - 1 }
    }
    /// Takes over the files of `other`'s groups (made with [`SourceMap::for_group`]).
    pub fn absorb(&mut self, other: SourceMap) {
        self.groups.extend(other.groups);
    }
    /// Forgets the text of every file no diagnostic points at: on a large portal the
    /// sources are hundreds of megabytes that the build no longer needs.
    pub fn keep_text_only_for(&mut self, diags: &Diagnostics) {
        let needed: std::collections::HashSet<FileId> = diags.list.iter().map(|d| d.file).collect();
        for (&group, files) in self.groups.iter_mut() {
            for (i, f) in files.iter_mut().enumerate() {
                if !needed.contains(&FileId { group, index: i as u32 }) {
                    f.1 = None;
                }
            }
        }
    }
    fn file(&self, id: FileId) -> &(String, Option<String>) {
        &self.groups[&id.group][id.index as usize]
    }
    pub fn path(&self, id: FileId) -> &str {
        &self.file(id).0
    }
    pub fn text(&self, id: FileId) -> Option<&str> {
        self.file(id).1.as_deref()
    }
    pub fn line(&self, id: FileId, line: u32) -> Option<&str> {
        let text = self.text(id)?;
        text.lines().nth(line.checked_sub(1)? as usize).map(|l| l.trim_end_matches('\r'))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: FileId,
    pub pos: Pos,
    pub msg: Msg,
}

impl Diagnostic {
    pub fn text(&self, lang: Lang) -> String {
        self.msg.text(lang)
    }
}

#[derive(Default, Debug)]
pub struct Diagnostics {
    pub list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn error(&mut self, file: FileId, pos: Pos, msg: Msg) {
        self.list.push(Diagnostic { severity: Severity::Error, file, pos, msg });
    }
    pub fn warning(&mut self, file: FileId, pos: Pos, msg: Msg) {
        self.list.push(Diagnostic { severity: Severity::Warning, file, pos, msg });
    }
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|d| d.severity == Severity::Error)
    }
    pub fn count(&self, s: Severity) -> usize {
        self.list.iter().filter(|d| d.severity == s).count()
    }
    /// File order, then position: the order a reader fixes them in.
    pub fn sort(&mut self, sources: &SourceMap) {
        self.list
            .sort_by(|a, b| (sources.path(a.file), a.pos, a.severity).cmp(&(sources.path(b.file), b.pos, b.severity)));
        self.list.dedup();
    }
}

/// The known name nearest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    known
        .iter()
        .map(|k| (edit_distance(&w, &k.chars().collect::<Vec<_>>()), *k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn suggests_the_nearest_key() {
        let known = ["budget", "title", "owner", "sub_missions"];
        assert_eq!(nearest("budgte", &known), Some("budget"));
        assert_eq!(nearest("Budget", &known), Some("budget"));
        assert_eq!(nearest("submissions", &known), Some("sub_missions"));
        assert_eq!(nearest("งบประมาณ", &known), None);
    }
}
