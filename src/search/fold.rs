//! Folding: the one normal form that both the index (here) and the query (the client's
//! `search-core.js`, which mirrors this file rule for rule) reduce text to, so that what an
//! officer typed and what a citizen types meet. A test runs both on the same strings.
//!
//! Rules, in order:
//! 1. zero-width characters and the soft hyphen are removed;
//! 2. Thai digits become Arabic digits;
//! 3. letters are lower-cased (Unicode, whole string);
//! 4. every run of white space becomes one space, and the ends are trimmed;
//! 5. `ํ` + `า` (with a tone mark between or before) becomes the tone mark + `ำ`;
//! 6. `เเ` (two sara e, typed for sara ae) becomes `แ`;
//! 7. marks above and below a consonant are put in one order (vowels, then tone marks,
//!    then the others), and a mark typed twice is kept once.

/// Removed outright: they change bytes, never what a reader sees.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// The order of a Thai mark within a cluster; None for anything that is not such a mark.
fn mark_class(c: char) -> Option<u8> {
    match c {
        '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}' | '\u{0E4D}' => Some(0),
        '\u{0E48}'..='\u{0E4B}' => Some(1),
        '\u{0E4C}' | '\u{0E4E}' => Some(2),
        _ => None,
    }
}

const NIKHAHIT: char = '\u{0E4D}';
const SARA_AA: char = '\u{0E32}';
const SARA_AM: char = '\u{0E33}';
const SARA_E: char = '\u{0E40}';
const SARA_AE: char = '\u{0E41}';

/// The folded form of `text`.
pub fn fold(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| if ('\u{0E50}'..='\u{0E59}').contains(&c) { char::from(b'0' + (c as u32 - 0x0E50) as u8) } else { c })
        .collect();
    let lower = cleaned.to_lowercase();
    let mut chars: Vec<char> = Vec::with_capacity(lower.len());
    for word in lower.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !chars.is_empty() {
            chars.push(' ');
        }
        chars.extend(word.chars());
    }
    thai_clusters(&chars)
}

fn thai_clusters(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len() * 3);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == SARA_E && chars.get(i + 1) == Some(&SARA_E) {
            out.push(SARA_AE);
            i += 2;
            continue;
        }
        if mark_class(c).is_none() {
            out.push(c);
            i += 1;
            continue;
        }
        // A run of marks: gather it, turn ํ…า into …ำ, then order and de-duplicate.
        let start = i;
        while i < chars.len() && mark_class(chars[i]).is_some() {
            i += 1;
        }
        let mut marks: Vec<char> = chars[start..i].to_vec();
        let mut am = false;
        if chars.get(i) == Some(&SARA_AA)
            && let Some(n) = marks.iter().rposition(|m| *m == NIKHAHIT)
        {
            marks.remove(n);
            am = true;
            i += 1;
        }
        marks.sort_by_key(|m| mark_class(*m));
        marks.dedup();
        out.extend(marks);
        if am {
            out.push(SARA_AM);
        }
    }
    out
}

/// Character trigrams of folded text: the recall path. Any folded query of three characters
/// or more that occurs in a folded text has all its trigrams among the text's trigrams.
pub fn trigrams(folded: &str) -> impl Iterator<Item = String> + '_ {
    let idx: Vec<usize> = folded.char_indices().map(|(i, _)| i).chain([folded.len()]).collect();
    (0..idx.len().saturating_sub(3)).map(move |k| folded[idx[k]..idx[k + 3]].to_string())
}

/// The trigrams of folded text as numbers (three code points of 21 bits each): the same
/// trigrams as [`trigrams`], without a string each, for building the index.
pub fn trigram_codes(folded: &str) -> impl Iterator<Item = u64> + '_ {
    let chars: Vec<u64> = folded.chars().map(|c| c as u64).collect();
    (0..chars.len().saturating_sub(2)).map(move |k| (chars[k] << 42) | (chars[k + 1] << 21) | chars[k + 2])
}

/// The trigram a [`trigram_codes`] number stands for.
pub fn trigram_text(code: u64) -> String {
    [code >> 42, (code >> 21) & 0x1F_FFFF, code & 0x1F_FFFF].iter().filter_map(|&c| char::from_u32(c as u32)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_case_space_and_invisibles() {
        assert_eq!(fold("  No\u{200B} Gift\u{00A0}\u{00A0}POLICY ๒๕๖๗ "), "no gift policy 2567");
        assert_eq!(fold("\u{FEFF}ก\u{00AD}ข"), "กข");
    }

    #[test]
    fn sara_am_typed_in_two_parts() {
        assert_eq!(fold("ทํางาน"), "ทำงาน");
        assert_eq!(fold("น\u{0E4D}\u{0E49}\u{0E32}"), "น้ำ");
        assert_eq!(fold("น\u{0E49}\u{0E4D}\u{0E32}"), "น้ำ");
        assert_eq!(fold("น้ำ"), "น้ำ");
        // A nikhahit that is not followed by sara aa stays.
        assert_eq!(fold("สํ"), "สํ");
    }

    #[test]
    fn two_sara_e_are_sara_ae() {
        assert_eq!(fold("เเผน"), "แผน");
        assert_eq!(fold("เเละ"), fold("และ"));
    }

    #[test]
    fn marks_in_one_order_and_once() {
        // tone before vowel above, as some keyboards let people type it
        assert_eq!(fold("ท\u{0E48}\u{0E35}"), "ที่");
        assert_eq!(fold("ที่่"), "ที่");
        assert_eq!(fold("ผู้"), "ผู้");
        assert_eq!(fold("ผ\u{0E49}\u{0E39}"), "ผู้");
    }

    #[test]
    fn folding_is_idempotent_on_samples() {
        for s in ["โครงการฝึกอบรม", "เเผน ๑", "ทํา", "No Gift", "ท่ี่", "น\u{0E4D}\u{0E49}\u{0E32}"]
        {
            assert_eq!(fold(&fold(s)), fold(s), "{s}");
        }
    }

    #[test]
    fn trigrams_by_code_point() {
        let g: Vec<String> = trigrams("ทุจริต").collect();
        assert_eq!(g, ["ทุจ", "ุจร", "จริ", "ริต"]);
        assert_eq!(trigrams("ab").count(), 0);
        assert_eq!(trigrams("abc").collect::<Vec<_>>(), ["abc"]);
    }

    #[test]
    fn trigram_codes_are_the_trigrams() {
        for text in ["", "กข", "โครงการ no gift ๒๕๖๗", "ตำบล"] {
            let folded = fold(text);
            let from_codes: Vec<String> = trigram_codes(&folded).map(trigram_text).collect();
            assert_eq!(from_codes, trigrams(&folded).collect::<Vec<_>>());
        }
    }
}
