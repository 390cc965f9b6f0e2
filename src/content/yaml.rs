//! A YAML document as a tree in which every key and value knows where it was written.
//!
//! serde-saphyr does the parsing (and bounds it against alias bombs, deep nesting and
//! oversized input); we deserialize into this untyped tree instead of typed structs so
//! that (a) every problem in a file can be reported at once, in Thai, with a hint,
//! rather than the first serde error in English, and (b) numbers keep their exact
//! source text: money is read from the characters the author typed, never via f64.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A 1-based line and column (in characters, as editors count them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing at all.
    Null,
    /// A scalar. `text` is the decoded string for quoted/block scalars and the exact
    /// source characters for plain ones; `quoted` says which.
    Scalar {
        text: String,
        quoted: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub text: String,
    pub pos: Pos,
}

impl Node {
    pub fn as_map(&self) -> Option<&[(Key, Node)]> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?.iter().find(|(k, _)| k.text == key).map(|(_, v)| v)
    }
}

/// Limits that keep a hostile or broken file from hanging or exhausting the build.
/// A plan of 10,000 items is about 200,000 nodes; the limits leave room above that.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
pub const MAX_DEPTH: usize = 64;
const MAX_NODES: usize = 2_000_000;

/// Why a file could not be read as YAML.
#[derive(Debug, Clone, PartialEq)]
pub enum YamlError {
    Syntax {
        pos: Pos,
        detail: String,
    },
    TooDeep {
        pos: Pos,
    },
    /// The parser's own recursion guard, which only knows where it stopped.
    FlowTooDeep {
        pos: Pos,
    },
    TooLarge,
    AliasBomb {
        pos: Pos,
    },
    DuplicateKey {
        pos: Pos,
        key: String,
        first_line: u32,
    },
}

pub fn parse(source: &str) -> Result<Node, YamlError> {
    if source.len() > MAX_FILE_BYTES {
        return Err(YamlError::TooLarge);
    }
    // The parser's own recursion is bounded by max_depth; ours follows the tree it built.
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_events = MAX_NODES * 2;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_total_scalar_bytes = MAX_FILE_BYTES;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.strict_booleans = true;
    // Duplicates are found in our own tree, where both lines are known.
    options.duplicate_keys = serde_saphyr::options::DuplicateKeyPolicy::PassThrough;
    options.with_snippet = false;
    options.alias_limits.max_total_replayed_events = 200_000;
    let raw: Option<Spanned<RawValue>> =
        serde_saphyr::from_str_with_options(source, options).map_err(|e| map_error(&e))?;
    let Some(raw) = raw else {
        return Ok(Node { value: Value::Null, pos: Pos { line: 1, col: 1 } });
    };
    let node = into_node(raw, source);
    match first_duplicate(&node) {
        Some(e) => Err(e),
        None => Ok(node),
    }
}

fn map_error(e: &serde_saphyr::Error) -> YamlError {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach;
    let pos =
        e.location().map(|l| Pos { line: l.line() as u32, col: l.column() as u32 }).unwrap_or(Pos { line: 1, col: 1 });
    let inner = e.without_snippet();
    let first_line = inner.to_string().lines().next().unwrap_or("").to_string();
    match inner {
        E::Budget { breach: BudgetBreach::Depth { .. }, .. } => YamlError::TooDeep { pos },
        E::Budget { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => YamlError::AliasBomb { pos },
        // The parser's own guard against runaway nesting of flow collections.
        _ if first_line.contains("recursion limit") => YamlError::FlowTooDeep { pos },
        // Alias limits may arrive wrapped with the alias's location.
        _ if first_line.contains("alias replay")
            || first_line.contains("alias expansion")
            || first_line.contains("budget") =>
        {
            YamlError::AliasBomb { pos }
        }
        _ => YamlError::Syntax { pos, detail: first_line },
    }
}

/// What serde-saphyr hands us, before positions and raw text are attached.
enum RawValue {
    Null,
    Str(String),
    /// A plain scalar that YAML typed as a number or boolean: its text is re-read from source.
    Typed,
    Seq(Vec<Spanned<RawValue>>),
    Map(Vec<(Spanned<RawValue>, Spanned<RawValue>)>),
}

fn pos_of(s: &serde_saphyr::Location) -> Pos {
    Pos { line: s.line() as u32, col: s.column() as u32 }
}

fn into_node(raw: Spanned<RawValue>, source: &str) -> Node {
    let pos = pos_of(&raw.referenced);
    let value = match raw.value {
        RawValue::Null => Value::Null,
        RawValue::Str(s) => {
            let quoted = source_slice(source, &raw.referenced)
                .map(|raw| raw.starts_with('"') || raw.starts_with('\''))
                .unwrap_or(false);
            Value::Scalar { text: s, quoted }
        }
        RawValue::Typed => {
            let text = source_slice(source, &raw.referenced).unwrap_or("").trim().to_string();
            Value::Scalar { text, quoted: false }
        }
        RawValue::Seq(items) => Value::Seq(items.into_iter().map(|i| into_node(i, source)).collect()),
        RawValue::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key_node = into_node(k, source);
                    let text = match key_node.value {
                        Value::Scalar { text, .. } => text,
                        Value::Null => String::new(),
                        // A list or map used as a key is reported by the schema check.
                        _ => "?".to_string(),
                    };
                    (Key { text, pos: key_node.pos }, into_node(v, source))
                })
                .collect(),
        ),
    };
    Node { value, pos }
}

/// The first key written twice in one mapping, anywhere in the tree.
fn first_duplicate(node: &Node) -> Option<YamlError> {
    match &node.value {
        Value::Seq(items) => items.iter().find_map(first_duplicate),
        Value::Map(entries) => {
            let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
            for (k, v) in entries {
                let folded = super::numbers::fold_thai_digits(k.text.trim());
                if let Some(first_line) = seen.insert(folded, k.pos.line) {
                    return Some(YamlError::DuplicateKey { pos: k.pos, key: k.text.clone(), first_line });
                }
                if let Some(e) = first_duplicate(v) {
                    return Some(e);
                }
            }
            None
        }
        _ => None,
    }
}

fn source_slice<'a>(source: &'a str, loc: &serde_saphyr::Location) -> Option<&'a str> {
    let span = loc.span();
    let start = span.byte_offset()? as usize;
    let len = span.byte_len()? as usize;
    source.get(start..start + len)
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawValue;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawValue, E> {
        Ok(RawValue::Typed)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawValue, E> {
        Ok(RawValue::Typed)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawValue, E> {
        Ok(RawValue::Typed)
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<RawValue, E> {
        Ok(RawValue::Typed)
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<RawValue, E> {
        Ok(RawValue::Typed)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawValue, E> {
        Ok(RawValue::Typed)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawValue, E> {
        Ok(RawValue::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<RawValue, E> {
        Ok(RawValue::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<RawValue, E> {
        Ok(RawValue::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element::<Spanned<RawValue>>()? {
            out.push(v);
        }
        Ok(RawValue::Seq(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        let mut out = Vec::new();
        while let Some((k, v)) = map.next_entry::<Spanned<RawValue>, Spanned<RawValue>>()? {
            out.push((k, v));
        }
        Ok(RawValue::Map(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_carry_positions_and_raw_numbers() {
        let src = "title: แผน\nbudget:\n  2566: 28256.40\n  2567: \"๑๓,๐๐๐\"\n  2568: \"-\"\n  2569:\nno: 1\n";
        let n = parse(src).unwrap();
        let b = n.get("budget").unwrap();
        let m = b.as_map().unwrap();
        assert_eq!(m[0].0.text, "2566");
        assert_eq!(m[0].0.pos, Pos { line: 3, col: 3 });
        assert_eq!(m[0].1.as_scalar(), Some("28256.40"));
        assert_eq!(m[0].1.pos, Pos { line: 3, col: 9 });
        assert_eq!(m[1].1.value, Value::Scalar { text: "๑๓,๐๐๐".into(), quoted: true });
        assert_eq!(m[2].1.as_scalar(), Some("-"));
        assert!(m[3].1.is_null());
        // `no` is a key, not the YAML 1.1 boolean false.
        assert_eq!(n.as_map().unwrap()[2].0.text, "no");
    }

    #[test]
    fn hostile_input_is_refused_quickly() {
        let mut bomb = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for i in 0..9 {
            let prev = if i == 0 { "a".to_string() } else { format!("l{}", i - 1) };
            bomb.push_str(&format!(
                "l{i}: &l{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
            ));
        }
        assert!(parse(&bomb).is_err());
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(matches!(parse(&deep), Err(YamlError::TooDeep { .. } | YamlError::FlowTooDeep { .. })));
        let deep_block: String = (0..10_000).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        assert!(parse(&deep_block).is_err());
    }
}
