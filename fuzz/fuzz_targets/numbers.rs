//! Money and counts as documents write them (src/content/numbers.rs): never a panic, never
//! a negative amount, and an amount read back from each form prongsai writes it in (JSON's
//! plain decimals, the pages' grouped figures, Thai digits) is the same amount.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prongsai::content::numbers::{group_thousands, parse_count, parse_money, to_thai_digits};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(m) = parse_money(s) {
        assert!(m.satang() >= 0, "{s:?} read as {m:?}");
        for written in [m.to_decimal_string(), m.to_display(), to_thai_digits(&m.to_display())] {
            assert_eq!(parse_money(&written), Ok(m), "{s:?} → {m:?} → {written:?}");
        }
        // Thai and Arabic digits are the same number.
        assert_eq!(parse_money(&to_thai_digits(s)), Ok(m), "{s:?} in Thai digits");
    }
    if let Ok(n) = parse_count(s) {
        for written in [n.to_string(), group_thousands(&n.to_string()), to_thai_digits(&n.to_string())] {
            assert_eq!(parse_count(&written), Ok(n), "{s:?} → {n} → {written:?}");
        }
    }
});
