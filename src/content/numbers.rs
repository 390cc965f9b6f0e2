//! Numbers as Thai documents write them: Thai or Arabic digits (mixed, even within one
//! number), thousands separators, satang. Money is an integer number of satang.

use std::fmt;

/// An exact amount of money in satang (1 baht = 100 satang). Never a float.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);
    pub fn from_baht(baht: i64) -> Money {
        Money(baht * 100)
    }
    pub fn satang(self) -> i64 {
        self.0
    }
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
    pub fn checked_add(self, o: Money) -> Option<Money> {
        self.0.checked_add(o.0).map(Money)
    }
    /// The JSON / CSV form: whole baht without decimals, otherwise exactly two decimals.
    pub fn to_decimal_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        if a % 100 == 0 { format!("{sign}{}", a / 100) } else { format!("{sign}{}.{:02}", a / 100, a % 100) }
    }
    /// For people: thousands separators, and two decimals only when there are satang.
    pub fn to_display(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        let baht = group_thousands(&(a / 100).to_string());
        if a % 100 == 0 { format!("{sign}{baht}") } else { format!("{sign}{baht}.{:02}", a % 100) }
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0.saturating_add(o.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.to_display())
    }
}

/// `"1234567"` → `"1,234,567"`.
pub fn group_thousands(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Thai digits ๐–๙ to ASCII; every other character unchanged.
pub fn fold_thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (c as u32 - 0x0E50) as u8),
            _ => c,
        })
        .collect()
}

/// ASCII digits to Thai digits, for sites that ask for `digits: thai`.
pub fn to_thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x0E50 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    Negative,
    /// Separators not in groups of three, as in `20,0000`.
    Grouping,
    TooManyDecimals,
    NotANumber,
    TooLarge,
}

/// Reads an amount of baht: `129500`, `"129,500"`, `"๑๒๙,๕๐๐"`, `28256.40`, `"13,000.-"`, `"500 บาท"`.
pub fn parse_money(input: &str) -> Result<Money, NumberError> {
    let folded = fold_thai_digits(input.trim());
    let mut s = folded.as_str();
    // A minus sign, and whatever follows read as an amount of its own (suffixes and all): a
    // loop, not a recursion, so that a line of minus signs can neither overflow the stack
    // nor take quadratic time.
    let mut negative = false;
    loop {
        for suffix in ["บาท", ".-", ".–"] {
            s = s.trim_end().strip_suffix(suffix).unwrap_or(s).trim_end();
        }
        s = s.trim_start();
        if s.is_empty() {
            return Err(NumberError::Empty);
        }
        match s.strip_prefix('-') {
            Some(rest) => {
                negative = true;
                s = rest;
            }
            None => break,
        }
    }
    let money = parse_unsigned_money(s)?;
    if negative { Err(NumberError::Negative) } else { Ok(money) }
}

/// An amount without sign or suffix: baht with optional separators, then up to two decimals.
fn parse_unsigned_money(s: &str) -> Result<Money, NumberError> {
    let (int_part, frac_part) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let baht = parse_grouped_digits(int_part)?;
    let satang = match frac_part {
        None => 0,
        Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => {
            return Err(NumberError::NotANumber);
        }
        // Money never has three decimals: "13.000" is a thousands separator typed as a dot.
        Some(f) if f.len() > 2 => return Err(NumberError::TooManyDecimals),
        Some(f) if f.len() == 1 => f.parse::<i64>().unwrap_or(0) * 10,
        Some(f) => f.parse::<i64>().unwrap_or(0),
    };
    baht.checked_mul(100).and_then(|b| b.checked_add(satang)).map(Money).ok_or(NumberError::TooLarge)
}

/// A whole number with optional thousands separators, Thai or Arabic digits.
pub fn parse_count(input: &str) -> Result<u64, NumberError> {
    let folded = fold_thai_digits(input.trim());
    if folded.starts_with('-') {
        return Err(NumberError::Negative);
    }
    parse_grouped_digits(&folded).map(|v| v as u64)
}

fn parse_grouped_digits(s: &str) -> Result<i64, NumberError> {
    if s.is_empty() {
        return Err(NumberError::NotANumber);
    }
    if s.contains(',') {
        let groups: Vec<&str> = s.split(',').collect();
        let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return if s.bytes().all(|b| b.is_ascii_digit() || b == b',') {
                Err(NumberError::Grouping)
            } else {
                Err(NumberError::NotANumber)
            };
        }
    }
    let digits: String = s.chars().filter(|&c| c != ',').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    if digits.len() > 15 {
        return Err(NumberError::TooLarge);
    }
    digits.parse::<i64>().map_err(|_| NumberError::TooLarge)
}

/// A rate (num ÷ den) rounded half up to four decimals, as the text `0.3240`; `None` if den is 0.
pub fn rate4(num: i128, den: i128) -> Option<String> {
    if den <= 0 || num < 0 {
        return None;
    }
    let scaled = (num * 10_000 * 2 + den) / (den * 2);
    Some(format!("{}.{:04}", scaled / 10_000, scaled % 10_000))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_the_ways_documents_write_money() {
        assert_eq!(parse_money("129500"), Ok(Money(12_950_000)));
        assert_eq!(parse_money("129,500"), Ok(Money(12_950_000)));
        assert_eq!(parse_money("๑๒๙,๕๐๐"), Ok(Money(12_950_000)));
        assert_eq!(parse_money("๒๕๖5"), Ok(Money(256_500)));
        assert_eq!(parse_money("28256.40"), Ok(Money(2_825_640)));
        assert_eq!(parse_money("28256.4"), Ok(Money(2_825_640)));
        assert_eq!(parse_money("13,000.-"), Ok(Money(1_300_000)));
        assert_eq!(parse_money("500 บาท"), Ok(Money(50_000)));
        assert_eq!(parse_money("0"), Ok(Money(0)));
        assert_eq!(parse_money("20,0000"), Err(NumberError::Grouping));
        assert_eq!(parse_money("2,00,000"), Err(NumberError::Grouping));
        assert_eq!(parse_money("-500"), Err(NumberError::Negative));
        assert_eq!(parse_money("12.505"), Err(NumberError::TooManyDecimals));
        assert_eq!(parse_money("13.000"), Err(NumberError::TooManyDecimals));
        assert_eq!(parse_money("สามพัน"), Err(NumberError::NotANumber));
        assert_eq!(parse_money("1e3"), Err(NumberError::NotANumber));
        assert_eq!(parse_money("9999999999999999999"), Err(NumberError::TooLarge));
    }

    #[test]
    fn formats_money_and_rates() {
        assert_eq!(Money(8_914_140).to_decimal_string(), "89141.40");
        assert_eq!(Money(4_100_000).to_decimal_string(), "41000");
        assert_eq!(Money(1_415_950_000).to_display(), "14,159,500");
        assert_eq!(Money(8_914_140).to_display(), "89,141.40");
        assert_eq!(rate4(8_914_140, 27_514_500).as_deref(), Some("0.3240"));
        assert_eq!(rate4(33, 36).as_deref(), Some("0.9167"));
        assert_eq!(rate4(1, 0), None);
        assert_eq!(rate4(1, 1).as_deref(), Some("1.0000"));
    }

    #[test]
    fn many_minus_signs_neither_overflow_the_stack_nor_take_quadratic_time() {
        // Found in the fuzzing pass (docs/fuzzing.md): each `-` was one more recursion, and a budget
        // of a million of them crashed `prongsai check`. A loader thread has a 2 MiB stack.
        let run = |s: String| std::thread::Builder::new().stack_size(256 * 1024).spawn(move || parse_money(&s));
        let dashes = "-".repeat(1_000_000);
        assert_eq!(run(format!("{dashes}500")).unwrap().join().unwrap(), Err(NumberError::Negative));
        assert_eq!(run(dashes.clone()).unwrap().join().unwrap(), Err(NumberError::Empty));
        assert_eq!(run(format!("{dashes}x")).unwrap().join().unwrap(), Err(NumberError::NotANumber));
        assert_eq!(parse_money("- -500 บาท"), Err(NumberError::Negative));
        assert_eq!(parse_money("-"), Err(NumberError::Empty));
        assert_eq!(parse_money("--"), Err(NumberError::Empty));
        assert_eq!(parse_money("-20,0000"), Err(NumberError::Grouping));
    }

    fn thai(s: &str, mask: u64) -> String {
        // Turn some ASCII digits into Thai ones, chosen by the bits of `mask`.
        s.chars()
            .enumerate()
            .map(|(i, c)| {
                if c.is_ascii_digit() && mask >> (i % 64) & 1 == 1 {
                    to_thai_digits(&c.to_string()).chars().next().unwrap()
                } else {
                    c
                }
            })
            .collect()
    }

    proptest! {
        #[test]
        fn any_amount_survives_every_spelling(satang in 0i64..10_000_000_000_000, mask: u64, grouped: bool) {
            let m = Money(satang);
            let plain = m.to_decimal_string();
            prop_assert_eq!(parse_money(&plain), Ok(m));
            let shown = if grouped { m.to_display() } else { plain };
            prop_assert_eq!(parse_money(&thai(&shown, mask)), Ok(m));
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,40}") {
            let _ = parse_money(&s);
            let _ = parse_count(&s);
        }

        #[test]
        fn misplaced_separators_are_refused(head in 1u32..999, tail in 0u32..100_000, width in prop::sample::select(vec![1usize, 2, 4, 5])) {
            let s = format!("{head},{:0width$}", tail % 10u32.pow(width as u32), width = width);
            prop_assert_eq!(parse_money(&s), Err(NumberError::Grouping));
        }

        #[test]
        fn rate_is_within_half_a_unit(num in 0i128..1_000_000_000, extra in 0i128..1_000_000_000) {
            let den = num + extra + 1;
            let r = rate4(num, den).unwrap();
            let v: f64 = r.parse().unwrap();
            prop_assert!((v - num as f64 / den as f64).abs() <= 0.00005 + 1e-12);
            prop_assert_eq!(r.len(), 6);
        }
    }
}
