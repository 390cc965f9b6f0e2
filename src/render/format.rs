//! Numbers and dates as a Thai reader expects them: thousands separators, Buddhist Era,
//! Thai month names, and Thai digits when the site asks for them (`digits: thai`).

use crate::content::dates::Date;
use crate::content::model::{Amount, Digits};
use crate::content::numbers::{Money, group_thousands, to_thai_digits};

#[derive(Clone, Copy, Debug, Default)]
pub struct Fmt {
    pub digits: Digits,
}

impl Fmt {
    pub fn digits(&self, s: String) -> String {
        match self.digits {
            Digits::Arabic => s,
            Digits::Thai => to_thai_digits(&s),
        }
    }
    pub fn money(&self, m: Money) -> String {
        self.digits(m.to_display())
    }
    /// "Not stated" is `None` here so the template words it; it is never shown as 0.
    pub fn amount(&self, a: Amount) -> Option<String> {
        a.money().map(|m| self.money(m))
    }
    pub fn count(&self, n: u64) -> String {
        self.digits(group_thousands(&n.to_string()))
    }
    /// Years are not grouped: 2566, not 2,566.
    pub fn year(&self, y: i32) -> String {
        self.digits(y.to_string())
    }
    pub fn text(&self, s: &str) -> String {
        self.digits(s.to_string())
    }
    /// A 4-decimal rate ("0.9167") as a percentage ("91.67%"); None stays None.
    pub fn percent(&self, rate: Option<&str>) -> Option<String> {
        let r = rate?;
        let (whole, frac) = r.split_once('.').unwrap_or((r, ""));
        let frac = format!("{frac:0<4}");
        let ten_thousandths: u64 = whole.parse::<u64>().ok()? * 10_000 + frac[..4].parse::<u64>().ok()?;
        let (int, cents) = (ten_thousandths / 100, ten_thousandths % 100);
        let s = if cents == 0 { format!("{int}%") } else { format!("{int}.{cents:02}%") };
        Some(self.digits(s))
    }
    pub fn date(&self, d: Date) -> String {
        self.digits(d.thai())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_keep_two_decimals_and_drop_zero_ones() {
        let f = Fmt::default();
        assert_eq!(f.percent(Some("0.9167")).as_deref(), Some("91.67%"));
        assert_eq!(f.percent(Some("1.0000")).as_deref(), Some("100%"));
        assert_eq!(f.percent(Some("0.0500")).as_deref(), Some("5%"));
        assert_eq!(f.percent(Some("0.3240")).as_deref(), Some("32.40%"));
        assert_eq!(f.percent(None), None);
    }

    #[test]
    fn thai_digits_on_request() {
        let f = Fmt { digits: Digits::Thai };
        assert_eq!(f.money(Money(4_100_050)), "๔๑,๐๐๐.๕๐");
        assert_eq!(f.year(2566), "๒๕๖๖");
        assert_eq!(f.count(1234), "๑,๒๓๔");
        assert_eq!(f.amount(Amount::NotStated), None);
    }
}
