//! Owners are free text: the same unit is spelled several ways. Folding makes them one.

/// Whitespace collapsed and `ํา` folded to `ำ`: spellings that differ only there are one.
pub fn normalise(s: &str) -> String {
    s.replace("\u{0E4D}\u{0E32}", "\u{0E33}").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The unit an owner spelling stands for, and whether an alias was needed to get there.
pub fn fold(owner: &str, aliases: &[(String, String)]) -> (String, bool) {
    let n = normalise(owner);
    match aliases.iter().find(|(from, _)| normalise(from) == n) {
        Some((_, to)) => (normalise(to), true),
        None => (n, false),
    }
}
