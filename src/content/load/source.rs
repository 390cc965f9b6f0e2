//! Reading one file as text: size, NUL bytes, encoding (with TIS-620 recognised), BOM, CRLF.

use crate::content::yaml::{self, Node, Pos, YamlError};
use crate::diag::{Diagnostics, FileId, Msg, SourceMap};
use std::path::Path;

pub struct Loaded {
    pub file: FileId,
    pub text: String,
}

/// Reads `path` as UTF-8 text, registering it in `sources` under `rel`. Problems are reported.
pub fn read_text(path: &Path, rel: &str, sources: &mut SourceMap, diags: &mut Diagnostics) -> Option<Loaded> {
    let start = Pos { line: 1, col: 1 };
    // A link to a file outside the content folder: its text must not be published or quoted.
    if super::paths::file_leaves_content(path, rel) {
        let file = sources.add(rel.to_string(), None);
        diags.error(file, start, Msg::PathLeavesContent { path: rel.to_string() });
        return None;
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let file = sources.add(rel.to_string(), None);
            diags.error(file, start, Msg::ReadFailed { detail: e.to_string() });
            return None;
        }
    };
    if meta.is_dir() {
        let file = sources.add(rel.to_string(), None);
        diags.error(file, start, Msg::FolderNotFile);
        return None;
    }
    if meta.len() as usize > yaml::MAX_FILE_BYTES {
        let file = sources.add(rel.to_string(), None);
        diags.error(file, start, Msg::TooLarge { limit_mb: yaml::MAX_FILE_BYTES / (1024 * 1024) });
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let file = sources.add(rel.to_string(), None);
            diags.error(file, start, Msg::ReadFailed { detail: e.to_string() });
            return None;
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || looks_like_utf16(bytes);
    if utf16 {
        let file = sources.add(rel.to_string(), None);
        diags.error(file, start, Msg::NotUtf8 { encoding: crate::diag::LegacyEncoding::Utf16 });
        return None;
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let file = sources.add(rel.to_string(), None);
        diags.error(file, pos_of_byte(bytes, at), Msg::NulByte);
        return None;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.replace("\r\n", "\n"),
        Err(e) => {
            let file = sources.add(rel.to_string(), None);
            use crate::diag::LegacyEncoding;
            // In TIS-620 every byte is one character, so count bytes up to the first Thai one.
            let (encoding, pos) = if looks_like_tis620(bytes) {
                let at = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
                let line_start = bytes[..at].iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                (LegacyEncoding::Tis620, Pos { line, col: (at - line_start) as u32 + 1 })
            } else {
                (LegacyEncoding::Unknown, pos_of_byte(bytes, e.valid_up_to()))
            };
            diags.error(file, pos, Msg::NotUtf8 { encoding });
            return None;
        }
    };
    let file = sources.add(rel.to_string(), Some(text.clone()));
    Some(Loaded { file, text })
}

/// Parses a YAML file into a tree, or reports why not. An empty file is reported too.
pub fn read_yaml(path: &Path, rel: &str, sources: &mut SourceMap, diags: &mut Diagnostics) -> Option<(FileId, Node)> {
    let loaded = read_text(path, rel, sources, diags)?;
    let node = parse_yaml(&loaded.text, loaded.file, 0, diags)?;
    if node.is_null() {
        diags.error(loaded.file, Pos { line: 1, col: 1 }, Msg::EmptyFile);
        return None;
    }
    Some((loaded.file, node))
}

/// Parses YAML text that starts `line_offset` lines into its file (front matter).
pub fn parse_yaml(text: &str, file: FileId, line_offset: u32, diags: &mut Diagnostics) -> Option<Node> {
    match yaml::parse(text) {
        Ok(mut node) => {
            if line_offset > 0 {
                shift(&mut node, line_offset);
            }
            Some(node)
        }
        Err(e) => {
            let (pos, msg) = explain(text, e);
            let pos = Pos { line: pos.line + line_offset, col: pos.col };
            diags.error(file, pos, msg);
            None
        }
    }
}

fn shift(node: &mut Node, by: u32) {
    node.pos.line += by;
    match &mut node.value {
        yaml::Value::Seq(items) => items.iter_mut().for_each(|n| shift(n, by)),
        yaml::Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            k.pos.line += by;
            shift(v, by)
        }),
        _ => {}
    }
}

/// Turns a parser error into the message an officer can act on.
fn explain(text: &str, e: YamlError) -> (Pos, Msg) {
    match e {
        YamlError::TooLarge => {
            (Pos { line: 1, col: 1 }, Msg::TooLarge { limit_mb: yaml::MAX_FILE_BYTES / (1024 * 1024) })
        }
        YamlError::TooDeep { pos } => (pos, Msg::TooDeep),
        YamlError::FlowTooDeep { pos } => (flow_depth_exceeded(text).unwrap_or(pos), Msg::TooDeep),
        YamlError::AliasBomb { pos } => (pos, Msg::AliasBomb),
        YamlError::DuplicateKey { pos, key, first_line } => (pos, Msg::DuplicateKey { key, first_line }),
        YamlError::Syntax { pos, detail } => {
            // The commonest slips get a message of their own.
            for (i, line) in
                text.lines().enumerate().take(pos.line as usize + 1).skip(pos.line.saturating_sub(2) as usize)
            {
                let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
                if indent.contains('\t') {
                    return (
                        Pos { line: i as u32 + 1, col: indent.find('\t').unwrap_or(0) as u32 + 1 },
                        Msg::TabIndent,
                    );
                }
            }
            if let Some(line) = text.lines().nth(pos.line.saturating_sub(1) as usize) {
                if let Some((_, value)) = line.split_once(": ") {
                    if value.trim() == "-" {
                        let col = line.chars().count() - value.trim_start().chars().count() + 1;
                        return (Pos { line: pos.line, col: col as u32 }, Msg::BareDash);
                    }
                }
            }
            if let Some((pos, bracket)) = unclosed_bracket(text, pos) {
                return (pos, Msg::UnclosedBracket { bracket });
            }
            let detail = detail
                .trim_start_matches("error: ")
                .split_once(": ")
                .filter(|(head, _)| head.starts_with("line "))
                .map(|(_, rest)| rest.to_string())
                .unwrap_or(detail);
            (pos, Msg::YamlSyntax { detail })
        }
    }
}

/// A `[` or `{` opened before the error and never closed: the parser stops where it got
/// lost, but the author needs to see where the bracket opened.
fn unclosed_bracket(text: &str, err: Pos) -> Option<(Pos, char)> {
    let mut stack: Vec<(Pos, char)> = Vec::new();
    for (li, line) in text.lines().enumerate().take(err.line as usize) {
        let (mut single, mut double) = (false, false);
        let chars: Vec<char> = line.chars().collect();
        for (ci, &c) in chars.iter().enumerate() {
            match c {
                '#' if !single && !double && (ci == 0 || chars[ci - 1].is_whitespace()) => break,
                '\'' if !double => single = !single,
                '"' if !single => double = !double,
                '[' | '{' if !single && !double => stack.push((Pos { line: li as u32 + 1, col: ci as u32 + 1 }, c)),
                ']' | '}' if !single && !double => {
                    stack.pop();
                }
                _ => {}
            }
        }
    }
    stack.into_iter().next().filter(|(p, _)| p.line < err.line)
}

/// Where `[`/`{` nesting first goes deeper than the limit: the parser may stop later.
fn flow_depth_exceeded(text: &str) -> Option<Pos> {
    let (mut depth, mut line, mut col) = (0usize, 1u32, 0u32);
    for c in text.chars() {
        col += 1;
        match c {
            '\n' => {
                line += 1;
                col = 0;
            }
            '[' | '{' => {
                depth += 1;
                if depth > yaml::MAX_DEPTH {
                    return Some(Pos { line, col });
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

pub fn looks_like_utf16(bytes: &[u8]) -> bool {
    let n = bytes.len().min(200);
    n >= 4 && bytes[..n].iter().skip(1).step_by(2).filter(|&&b| b == 0).count() * 2 >= n / 2
}

fn pos_of_byte(bytes: &[u8], at: usize) -> Pos {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
    let col = String::from_utf8_lossy(&before[line_start..]).chars().count() as u32 + 1;
    Pos { line, col }
}

/// TIS-620 puts Thai letters at 0xA1–0xFB; text that is mostly those bytes is old Thai.
pub fn looks_like_tis620(bytes: &[u8]) -> bool {
    let high: Vec<u8> = bytes.iter().copied().filter(|&b| b >= 0x80).collect();
    !high.is_empty() && high.iter().filter(|&&b| (0xA1..=0xFB).contains(&b)).count() * 10 >= high.len() * 9
}
