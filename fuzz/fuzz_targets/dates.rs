//! Dates as documents write them (src/content/dates.rs): never a panic; a date read is a real
//! calendar date, and reads back the same from the forms prongsai writes (ISO in the Common
//! Era, where that is not taken for Buddhist Era; the Buddhist-Era form; Thai digits).
#![no_main]

use libfuzzer_sys::fuzz_target;
use prongsai::content::dates::Date;
use prongsai::content::numbers::to_thai_digits;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let Ok(d) = Date::parse(s) else { return };
    assert!((1..=12).contains(&d.month) && (1..=31).contains(&d.day), "{s:?} → {d:?}");
    assert_eq!(Date::new(d.year, d.month, d.day), Ok(d), "{s:?} is a real date");
    // A year above 2400 is read as Buddhist Era, so ISO round-trips only up to there.
    if d.year <= 2400 {
        assert_eq!(Date::parse(&d.iso()), Ok(d), "{s:?} → {}", d.iso());
    }
    let be = format!("{}-{:02}-{:02}", d.be_year(), d.month, d.day);
    if (2401..=9999).contains(&d.be_year()) {
        assert_eq!(Date::parse(&be), Ok(d), "{s:?} → {be}");
    }
    assert_eq!(Date::parse(&to_thai_digits(s)), Ok(d), "{s:?} in Thai digits");
    let _ = (d.thai(), d.fiscal_year(), d.to_string());
});
