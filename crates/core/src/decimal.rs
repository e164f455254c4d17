//! Decimal numbers as an integer and a power of ten: typed answers and numeric keys, read and written without floating-point formatting or parsing.
//!
//! The browser would otherwise carry Rust's float formatting and parsing (some 20 KB) to show
//! "1.45" and to read what a reader types. A `Decimal` is exact: `1.45` is 145 × 10⁻².

use std::fmt;

/// `mantissa × 10^exponent`, kept normalized (no trailing zero in the mantissa; zero is `0 × 10⁰`),
/// so that equal numbers are equal values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i64,
    exponent: i32,
}

/// More significant digits than a typed answer ever needs are dropped (as a float would round them).
const MAX_DIGITS: u32 = 18;

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        exponent: 0,
    };

    /// `mantissa × 10^exponent`.
    pub fn new(mut mantissa: i64, mut exponent: i32) -> Decimal {
        if mantissa == 0 {
            return Decimal::ZERO;
        }
        while mantissa % 10 == 0 {
            mantissa /= 10;
            exponent += 1;
        }
        Decimal { mantissa, exponent }
    }

    /// A whole number.
    pub fn whole(value: i64) -> Decimal {
        Decimal::new(value, 0)
    }

    pub fn mantissa(self) -> i64 {
        self.mantissa
    }

    pub fn exponent(self) -> i32 {
        self.exponent
    }

    /// Reads a number as Rust and JSON write them: an optional sign, digits with an optional
    /// fraction (`2.5`, `.5`, `5.`), an optional exponent (`1e6`, `2.5E-3`). `None` for anything
    /// else, and for magnitudes no answer has (beyond 10^±300).
    pub fn parse(text: &str) -> Option<Decimal> {
        let (mantissa, exponent) = Decimal::parse_parts(text)?;
        if mantissa == 0 {
            return Some(Decimal::ZERO);
        }
        (-300..=300)
            .contains(&exponent)
            .then(|| Decimal::new(mantissa, exponent as i32))
    }

    /// Whether `text` is a number in the syntax `parse` reads, whatever its magnitude.
    pub fn is_number_syntax(text: &str) -> bool {
        Decimal::parse_parts(text).is_some()
    }

    /// The normalized mantissa and the exponent, before any range is checked.
    fn parse_parts(text: &str) -> Option<(i64, i64)> {
        let (negative, rest) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (number, exp_text) = match rest.find(['e', 'E']) {
            Some(at) => (&rest[..at], Some(&rest[at + 1..])),
            None => (rest, None),
        };
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        let mut mantissa: i64 = 0;
        let mut exponent: i64 = 0;
        let mut digits = 0;
        for (i, b) in whole.bytes().chain(fraction.bytes()).enumerate() {
            if !b.is_ascii_digit() {
                return None;
            }
            let in_fraction = i >= whole.len();
            if digits < MAX_DIGITS {
                mantissa = mantissa * 10 + i64::from(b - b'0');
                if mantissa > 0 {
                    digits += 1;
                }
                if in_fraction {
                    exponent -= 1;
                }
            } else if !in_fraction {
                exponent += 1;
            }
        }
        if let Some(exp_text) = exp_text {
            let (sign, digits) = match exp_text.as_bytes().first()? {
                b'-' => (-1, &exp_text[1..]),
                b'+' => (1, &exp_text[1..]),
                _ => (1, exp_text),
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let value: i64 = digits.parse().unwrap_or(i64::MAX).min(100_000);
            exponent += sign * value;
        }
        let decimal = Decimal::new(if negative { -mantissa } else { mantissa }, 0);
        Some((decimal.mantissa, exponent + i64::from(decimal.exponent)))
    }

    /// The nearest `f64`, for grading by distance: the same number `f64::from_str` reads from
    /// this decimal's digits whenever they are at most 15 and the exponent small (one correctly
    /// rounded operation on exact operands), as every typed answer and key is.
    pub fn to_f64(self) -> f64 {
        let power = 10f64.powi(self.exponent.abs());
        if self.exponent < 0 {
            self.mantissa as f64 / power
        } else {
            self.mantissa as f64 * power
        }
    }

    /// The digits of the mantissa's magnitude, and where the decimal point goes among them
    /// (after `point` digits; negative or past the end means zeros are to be added).
    fn digits(self) -> (String, i64) {
        let digits = self.mantissa.unsigned_abs().to_string();
        let point = digits.len() as i64 + i64::from(self.exponent);
        (digits, point)
    }

    /// As a JSON number the way serde_json writes an `f64`: `1500.0`, `2.5`, `0.001`, `1e+16`,
    /// `1.5e-7`.
    pub fn to_json(self) -> String {
        let (digits, point) = self.digits();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let n = digits.len() as i64;
        if self.mantissa == 0 {
            "0.0".into()
        } else if self.exponent >= 0 && point <= 16 {
            format!("{sign}{digits}{}.0", "0".repeat(self.exponent as usize))
        } else if 0 < point && point <= 16 {
            let (whole, fraction) = digits.split_at(point as usize);
            format!("{sign}{whole}.{fraction}")
        } else if -5 < point && point <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        } else {
            let exponent = point - 1;
            let plus = if exponent > 0 { "+" } else { "" };
            match n {
                1 => format!("{sign}{digits}e{plus}{exponent}"),
                _ => format!("{sign}{}.{}e{plus}{exponent}", &digits[..1], &digits[1..]),
            }
        }
    }

    /// `self × 10^scale` rounded to a whole number (a half away from zero), as `u64`: 0 for
    /// a negative number, `u64::MAX` past it. ("1.45" billion is 1,450,000,000.)
    pub fn scaled_whole(self, scale: i32) -> u64 {
        if self.mantissa <= 0 {
            return 0;
        }
        let exponent = i64::from(self.exponent) + i64::from(scale);
        let mantissa = self.mantissa as u128;
        let value = if exponent >= 0 {
            u32::try_from(exponent)
                .ok()
                .and_then(|e| 10u128.checked_pow(e))
                .and_then(|power| mantissa.checked_mul(power))
        } else {
            let cut = u32::try_from(-exponent)
                .ok()
                .and_then(|e| 10u128.checked_pow(e));
            Some(cut.map_or(0, |cut| (mantissa + cut / 2) / cut))
        };
        value.map_or(u64::MAX, |v| u64::try_from(v).unwrap_or(u64::MAX))
    }

    /// `self - other`, exactly (`None` past the range of the mantissa).
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(Decimal {
            mantissa: other.mantissa.checked_neg()?,
            exponent: other.exponent,
        })
    }

    /// `self + other`, exactly (`None` past the range of the mantissa).
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let exponent = self.exponent.min(other.exponent);
        let scale = |d: Decimal| -> Option<i64> {
            let shift = u32::try_from(d.exponent - exponent).ok()?;
            d.mantissa.checked_mul(10i64.checked_pow(shift)?)
        };
        Some(Decimal::new(
            scale(self)?.checked_add(scale(other)?)?,
            exponent,
        ))
    }

    /// How many digits follow the point once rounded to `places` (half away from zero):
    /// `1.2996` to 3 places is `1.3`, one digit. (Formatting the nearest float instead differs
    /// only on an exact tie, `0.0595`, which that float may fall either side of.)
    pub fn decimals_rounded(self, places: u32) -> u32 {
        let decimals = (-self.exponent).max(0) as u32;
        if decimals <= places {
            return decimals;
        }
        let cut = 10i128.pow(decimals - places);
        let magnitude = i128::from(self.mantissa.unsigned_abs());
        let rounded = (magnitude + cut / 2) / cut;
        let mut decimals = places;
        let mut rest = rounded;
        while decimals > 0 && rest % 10 == 0 {
            rest /= 10;
            decimals -= 1;
        }
        decimals
    }
}

/// In plain positional notation, as `f64`'s `Display` writes it: `1500`, `2.5`, `0.001`.
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (digits, point) = self.digits();
        if self.mantissa < 0 {
            f.write_str("-")?;
        }
        if point <= 0 {
            write!(f, "0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            write!(f, "{digits}{}", "0".repeat(point as usize - digits.len()))
        } else {
            let (whole, fraction) = digits.split_at(point as usize);
            write!(f, "{whole}.{fraction}")
        }
    }
}

/// As an `f64` number (the golden quiz and the CLI's `--json` print answers as numbers).
impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.to_f64())
    }
}

/// From an `f64` number, through its shortest decimal digits (natively only: the browser reads
/// saved progress with `json`, never through serde).
impl<'de> serde::Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Decimal::parse(&format!("{value:e}"))
            .ok_or_else(|| serde::de::Error::custom(format!("{value} is no decimal number")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap_or_else(|| panic!("{text} parses"))
    }

    #[test]
    fn reads_what_rust_reads_and_writes_what_f64_display_writes() {
        for text in [
            "0",
            "1500",
            "2.5",
            "2.50",
            "0.001",
            ".5",
            "5.",
            "+3",
            "-1.25",
            "1e6",
            "2.5E-3",
            "680",
            "0.0001",
            "123456789.125",
            "1e21",
            "1e-7",
            "12345.678",
        ] {
            let float: f64 = text.parse().unwrap();
            assert_eq!(d(text).to_f64(), float, "{text}");
            assert_eq!(d(text).to_string(), float.to_string(), "{text}");
            assert_eq!(
                d(text).to_json(),
                serde_json::to_string(&float).unwrap(),
                "{text}"
            );
        }
        for text in [
            "", "-", ".", "e5", "1e", "1.2.3", "1,5", "inf", "NaN", "0x10", "1e999",
        ] {
            assert_eq!(Decimal::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn json_layout_is_serde_jsons_for_every_magnitude() {
        for exponent in -12..=22 {
            for mantissa in [1i64, 7, 25, -3, 123456789, 450_359_962_737_049] {
                let decimal = Decimal::new(mantissa, exponent);
                let float: f64 = decimal.to_string().parse().unwrap();
                assert_eq!(
                    decimal.to_json(),
                    serde_json::to_string(&float).unwrap(),
                    "{decimal}"
                );
            }
        }
    }

    #[test]
    fn scaled_to_whole_numbers_as_float_rounding_gave() {
        for (text, scale) in [
            ("1.45", 9),
            ("2", 9),
            ("835", 6),
            ("0.5", 0),
            ("1.5", 0),
            ("4.3", 9),
            ("1,5", 0),
            ("12.75", 3),
            ("0.0004", 3),
            ("7", 0),
        ] {
            let Some(decimal) = Decimal::parse(text) else {
                continue;
            };
            let float: f64 = text.parse().unwrap();
            let expected = (float * 10f64.powi(scale)).round() as u64;
            assert_eq!(decimal.scaled_whole(scale), expected, "{text} × 10^{scale}");
        }
        assert_eq!(d("-3").scaled_whole(0), 0);
        assert_eq!(d("1e30").scaled_whole(0), u64::MAX);
    }

    #[test]
    fn sums_and_differences_are_exact() {
        assert_eq!(d("680").checked_sub(d("6.8")), Some(d("673.2")));
        assert_eq!(d("1.45").checked_add(d("0.015")), Some(d("1.465")));
        assert_eq!(Decimal::new(1, 300).checked_add(d("1")), None);
    }

    #[test]
    fn decimals_after_rounding_match_formatting_a_float_to_three_places() {
        for units in (0..200_000u64)
            .step_by(7)
            .chain([1_299_600, 1_234_567, 4_300_000])
        {
            for exponent in [-6, -9] {
                let decimal = Decimal::new(units as i64 * 1000, exponent);
                let tie = decimal.exponent() == -4 && decimal.mantissa() % 10 == 5;
                if tie {
                    continue;
                }
                let text = format!("{:.3}", decimal.to_f64());
                let expected = text
                    .trim_end_matches('0')
                    .split('.')
                    .nth(1)
                    .map_or(0, str::len);
                assert_eq!(decimal.decimals_rounded(3) as usize, expected, "{decimal}");
            }
        }
    }
}
