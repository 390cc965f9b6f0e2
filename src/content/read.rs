//! Typed reading of the spanned YAML tree, collecting problems instead of stopping at
//! the first. Every reader returns `None` after reporting why, so a file with three
//! mistakes gets three messages.

use super::dates::Date;
use super::model::Amount;
use super::numbers::{self, Money};
use super::yaml::{Key, Node, Pos, Value};
use crate::diag::{Diagnostics, Expected, FileId, Msg, nearest};

pub struct Reader<'d> {
    pub file: FileId,
    pub diags: &'d mut Diagnostics,
}

/// A mapping whose keys have been checked against the known ones.
pub struct Fields<'n> {
    pub pos: Pos,
    entries: &'n [(Key, Node)],
}

impl<'n> Fields<'n> {
    /// The value of `key`; an explicit null counts as absent.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries.iter().find(|(k, _)| k.text == key).map(|(_, v)| v).filter(|v| !v.is_null())
    }
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| k.text == key)
    }
    pub fn key_pos(&self, key: &str) -> Option<Pos> {
        self.entries.iter().find(|(k, _)| k.text == key).map(|(k, _)| k.pos)
    }
}

impl<'d> Reader<'d> {
    pub fn new(file: FileId, diags: &'d mut Diagnostics) -> Self {
        Reader { file, diags }
    }
    pub fn error(&mut self, pos: Pos, msg: Msg) {
        self.diags.error(self.file, pos, msg);
    }
    pub fn warning(&mut self, pos: Pos, msg: Msg) {
        self.diags.warning(self.file, pos, msg);
    }

    /// Reads a mapping, reporting keys that are not in `known` with the nearest known one.
    pub fn fields<'n>(&mut self, node: &'n Node, name: &str, known: &'static [&'static str]) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.error(node.pos, Msg::WrongType { key: name.to_string(), expected: Expected::Map });
            return None;
        };
        for (k, _) in entries {
            if !known.contains(&k.text.as_str()) {
                let suggestion = nearest(&k.text, known);
                self.error(k.pos, Msg::UnknownKey { key: k.text.clone(), suggestion, allowed: known.to_vec() });
            }
        }
        Some(Fields { pos: node.pos, entries })
    }

    pub fn require<'n>(&mut self, f: &Fields<'n>, key: &'static str) -> Option<&'n Node> {
        let v = f.get(key);
        if v.is_none() {
            let pos = f.key_pos(key).unwrap_or(f.pos);
            self.error(pos, Msg::MissingKey { key });
        }
        v
    }

    fn wrong(&mut self, node: &Node, key: &str, expected: Expected) {
        self.error(node.pos, Msg::WrongType { key: key.to_string(), expected });
    }

    /// A text value. Numbers and dates written without quotes are text too.
    pub fn text(&mut self, node: &Node, key: &str) -> Option<String> {
        match &node.value {
            Value::Scalar { text, .. } => {
                self.check_text(node.pos, text);
                Some(text.clone())
            }
            _ => {
                self.wrong(node, key, Expected::Text);
                None
            }
        }
    }

    /// Warnings every piece of free text gets.
    pub fn check_text(&mut self, pos: Pos, text: &str) {
        if text.contains("\u{0E4D}\u{0E32}") {
            self.warning(pos, Msg::SaraAmDecomposed);
        }
    }

    pub fn opt_text(&mut self, f: &Fields, key: &str) -> Option<String> {
        f.get(key).and_then(|n| self.text(n, key))
    }

    pub fn text_list(&mut self, node: &Node, key: &str) -> Vec<String> {
        match &node.value {
            Value::Seq(items) => items.iter().filter(|n| !n.is_null()).filter_map(|n| self.text(n, key)).collect(),
            _ => {
                self.wrong(node, key, Expected::List);
                Vec::new()
            }
        }
    }

    pub fn opt_text_list(&mut self, f: &Fields, key: &str) -> Vec<String> {
        f.get(key).map(|n| self.text_list(n, key)).unwrap_or_default()
    }

    /// One text or a list of them (an owner may be one unit or several).
    pub fn text_or_list(&mut self, node: &Node, key: &str) -> Vec<String> {
        match &node.value {
            Value::Scalar { .. } => self.text(node, key).into_iter().collect(),
            Value::Seq(_) => self.text_list(node, key),
            _ => {
                self.wrong(node, key, Expected::TextOrList);
                Vec::new()
            }
        }
    }

    pub fn money(&mut self, node: &Node, key: &str) -> Option<Money> {
        let Value::Scalar { text, .. } = &node.value else {
            self.wrong(node, key, Expected::Amount);
            return None;
        };
        match numbers::parse_money(text) {
            Ok(m) => Some(m),
            Err(why) => {
                self.error(node.pos, Msg::BadAmount { text: text.clone(), why });
                None
            }
        }
    }

    /// A budget cell: an amount, 0 (or ไม่ใช้งบประมาณ) for no budget needed, "-"/null for not stated.
    pub fn amount(&mut self, node: &Node, key: &str) -> Option<Amount> {
        match &node.value {
            Value::Null => Some(Amount::NotStated),
            Value::Scalar { text, .. } => {
                let t = text.trim();
                if t.is_empty() || matches!(t, "-" | "–" | "—" | "ไม่ระบุ") {
                    Some(Amount::NotStated)
                } else if t.replace(' ', "") == "ไม่ใช้งบประมาณ" {
                    Some(Amount::Stated(Money::ZERO))
                } else {
                    self.money(node, key).map(Amount::Stated)
                }
            }
            _ => {
                self.wrong(node, key, Expected::Amount);
                None
            }
        }
    }

    pub fn count(&mut self, node: &Node, key: &str) -> Option<u64> {
        let Value::Scalar { text, .. } = &node.value else {
            self.wrong(node, key, Expected::Number);
            return None;
        };
        match numbers::parse_count(text) {
            Ok(v) => Some(v),
            Err(_) => {
                self.error(node.pos, Msg::BadCount { text: text.clone() });
                None
            }
        }
    }

    /// A Buddhist-Era year (a key such as `2566:` or a value).
    pub fn year_text(&mut self, text: &str, pos: Pos, key: &str) -> Option<i32> {
        match numbers::parse_count(text) {
            Ok(y) if (2400..=2700).contains(&y) => Some(y as i32),
            _ => {
                self.error(pos, Msg::WrongType { key: key.to_string(), expected: Expected::Year });
                None
            }
        }
    }

    pub fn year(&mut self, node: &Node, key: &str) -> Option<i32> {
        match &node.value {
            Value::Scalar { text, .. } => {
                let t = text.clone();
                self.year_text(&t, node.pos, key)
            }
            _ => {
                self.wrong(node, key, Expected::Year);
                None
            }
        }
    }

    pub fn date(&mut self, node: &Node, key: &str) -> Option<Date> {
        let Value::Scalar { text, .. } = &node.value else {
            self.wrong(node, key, Expected::Date);
            return None;
        };
        match Date::parse(text) {
            Ok(d) => Some(d),
            Err(_) => {
                self.error(node.pos, Msg::BadDate { text: text.clone() });
                None
            }
        }
    }

    /// One of a fixed set of words, returned as its index in `allowed`.
    pub fn choice(&mut self, node: &Node, key: &'static str, allowed: &[&'static str]) -> Option<usize> {
        let Value::Scalar { text, .. } = &node.value else {
            self.wrong(node, key, Expected::Text);
            return None;
        };
        let found = allowed.iter().position(|a| a.eq_ignore_ascii_case(text.trim()));
        if found.is_none() {
            self.error(node.pos, Msg::BadChoice { key, text: text.clone(), allowed: allowed.to_vec() });
        }
        found
    }

    pub fn list<'n>(&mut self, node: &'n Node, key: &str) -> &'n [Node] {
        match &node.value {
            Value::Seq(items) => items,
            _ => {
                self.wrong(node, key, Expected::List);
                &[]
            }
        }
    }
}

/// Slugs are the folder and file names that become addresses: `[a-z0-9-]+`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Item ids may also carry dots, as the default `1.1-3` does.
pub fn is_item_id(s: &str) -> bool {
    // Starting with a letter or digit keeps "." and ".." (folders, not items) out of addresses.
    s.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}
