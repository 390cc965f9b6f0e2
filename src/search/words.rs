//! Dictionary words of folded text, for ranking: a page where the query is a whole word
//! ranks above one where it is only part of a longer word. Recall never depends on this
//! cut (the trigrams serve recall), so a dictionary that cuts differently from the
//! reader's browser only changes the order of results, never whether a page is found.

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;

/// The word-like segments of `folded` (letters or numbers; spaces and punctuation dropped).
pub fn words(folded: &str) -> Vec<&str> {
    // The dictionary model, not the default LSTM: the LSTM cuts ตำบล and similar words wrongly.
    // Made once: making it costs more than cutting a title.
    static SEGMENTER: std::sync::LazyLock<icu_segmenter::WordSegmenterBorrowed<'static>> =
        std::sync::LazyLock::new(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));
    let seg = *SEGMENTER;
    let mut out = Vec::new();
    let mut it = seg.segment_str(folded);
    let mut prev = match it.next() {
        Some(p) => p,
        None => return out,
    };
    while let Some(next) = it.next() {
        if it.is_word_like() {
            out.push(&folded[prev..next]);
        }
        prev = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn thai_words_by_the_dictionary() {
        let w = words("โครงการฝึกอบรมคุณธรรมจริยธรรม");
        assert!(w.contains(&"โครงการ"), "{w:?}");
        assert!(w.contains(&"ฝึกอบรม") || (w.contains(&"ฝึก") && w.contains(&"อบรม")), "{w:?}");
        assert_eq!(w.concat(), "โครงการฝึกอบรมคุณธรรมจริยธรรม");
        assert!(words("องค์การบริหารส่วนตำบล").contains(&"ตำบล"));
    }

    #[test]
    fn latin_words_and_no_punctuation() {
        assert_eq!(words("no gift policy, 2567"), ["no", "gift", "policy", "2567"]);
        assert!(words("").is_empty());
    }
}
