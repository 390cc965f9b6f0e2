use super::{Diagnostic, Lang, Severity, SourceMap};

/// Renders one diagnostic: the location line, the quoted source line with a caret, a hint.
pub fn render(d: &Diagnostic, sources: &SourceMap, lang: Lang) -> String {
    let sev = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = format!("{}:{}:{}: {sev}: {}\n", sources.path(d.file), d.pos.line, d.pos.col, d.msg.text(lang));
    if let Some(line) = sources.line(d.file, d.pos.line) {
        let shown: String = line.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
        let num = d.pos.line.to_string();
        let pad = " ".repeat(num.len());
        // Thai vowels and tone marks above and below take no column of their own.
        let caret_at: usize =
            line.chars().take(d.pos.col.saturating_sub(1) as usize).filter(|c| !is_combining_thai(*c)).count();
        out.push_str(&format!(" {num} | {shown}\n {pad} | {}^\n", " ".repeat(caret_at)));
    }
    if let Some(hint) = d.msg.hint(lang) {
        let label = match lang {
            Lang::Th => "คำแนะนำ",
            Lang::En => "hint",
        };
        out.push_str(&format!("  = {label}: {hint}\n"));
    }
    out
}

pub fn is_combining_thai(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}
