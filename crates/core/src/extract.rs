//! Reads money, dates and counts out of quoted text, so the verifier can check that a quote states its fact's answer.

use crate::decimal::Decimal;
use crate::fact::{Currency, Date, Money, Precision, MONTHS};

const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Splits text into lower-case word tokens; `$50-billion` gives `$50`, `billion`.
fn tokens(text: &str) -> Vec<String> {
    // Lower-cased once, then cut: `lower` maps no character to a separator or to punctuation.
    let lowered = crate::text::lowercase(text);
    lowered
        .split(|c: char| {
            c.is_whitespace() || c == '-' || c == '(' || c == ')' || c == '–' || c == '—'
        })
        .map(|word| {
            word.trim_matches(|c: char| {
                matches!(
                    c,
                    ',' | ';' | ':' | '"' | '“' | '”' | '’' | '\'' | '!' | '?'
                )
            })
        })
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A number written as digits (`1.45`, `500,000`, `$500`) or as a word (`two`).
fn number(token: &str) -> Option<Decimal> {
    let token = token
        .trim_start_matches("us$")
        .trim_start_matches("c$")
        .trim_start_matches('$');
    let token = token.trim_end_matches('.');
    if let Some(n) = NUMBER_WORDS.iter().position(|word| *word == token) {
        return Some(Decimal::whole(n as i64));
    }
    if token.is_empty()
        || !token
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    Decimal::parse(&token.replace(',', ""))
}

/// Every amount of money or large number the text writes, in whole units.
pub fn amounts(text: &str) -> Vec<u64> {
    let tokens = tokens(text);
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        // "$ 2 billion": the dollar sign stands alone.
        let Some(value) = number(token) else { continue };
        let scale = match tokens.get(i + 1).map(String::as_str) {
            Some("billion") => 9,
            Some("million") => 6,
            Some("thousand") => 3,
            _ => 0,
        };
        found.push(value.scaled_whole(scale));
    }
    found
}

/// Whether the text writes this sum: its amount, its U.S.-dollar conversion if any,
/// its currency if stated, and "over" / "more than" if it is a lower bound.
pub fn states_money(text: &str, money: &Money) -> Result<(), String> {
    let found = amounts(text);
    if !found.contains(&money.amount) {
        return Err(format!(
            "no amount of {} in it (read: {})",
            money.amount,
            list(&found)
        ));
    }
    if let Some(usd) = money.usd {
        if !found.contains(&usd) {
            return Err(format!(
                "no U.S.-dollar conversion of {usd} in it (read: {})",
                list(&found)
            ));
        }
    }
    let lower = crate::text::lowercase(text);
    let says = |words: &[&str]| words.iter().any(|word| lower.contains(word));
    match money.currency {
        Currency::Cad if !says(&["canadian dollar", "c$", "cad"]) => {
            return Err(
                "the answer's currency is CAD but the quote never says Canadian dollars".into(),
            )
        }
        Currency::Usd if !says(&["u.s. dollar", "us dollar", "usd", "us$"]) => {
            return Err("the answer's currency is USD but the quote never says U.S. dollars".into())
        }
        _ => {}
    }
    if money.over && !says(&["over ", "more than"]) {
        return Err(
            "the answer says \"over\" but the quote gives no lower bound (\"over\", \"more than\")"
                .into(),
        );
    }
    Ok(())
}

fn list(found: &[u64]) -> String {
    if found.is_empty() {
        "none".into()
    } else {
        found
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn month_of(token: &str) -> Option<u8> {
    // "June's G7 Summit": a possessive still names the month.
    let token = token
        .trim_end_matches('.')
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    if token.len() < 3 {
        return None;
    }
    // Tokens are lower-cased and month names ASCII: compared without lower-casing a copy.
    MONTHS
        .iter()
        .position(|month| {
            month.eq_ignore_ascii_case(token)
                || (token.len() == 3 && month[..3].eq_ignore_ascii_case(token))
                || (token == "sept" && *month == "September")
        })
        .map(|i| i as u8 + 1)
}

/// Whether the text writes this date: its year for year precision; its month (and
/// year, if the text writes one next to it) for month precision; day and month for day precision.
pub fn states_date(text: &str, date: &Date) -> Result<(), String> {
    let tokens = tokens(text);
    let year_at = |i: usize| {
        tokens
            .get(i)
            .and_then(|t| t.trim_end_matches('.').parse::<u16>().ok())
            .filter(|y| *y >= 1000)
    };
    let written_year = |i: usize| year_at(i).is_none_or(|year| year == date.year);
    let ok = match date.precision {
        Precision::Year => (0..tokens.len()).any(|i| year_at(i) == Some(date.year)),
        Precision::Month => (0..tokens.len())
            .any(|i| month_of(&tokens[i]) == Some(date.month) && written_year(i + 1)),
        Precision::Day => (0..tokens.len()).any(|i| {
            let day = |j: usize| tokens.get(j).and_then(|t| t.parse::<u8>().ok()) == Some(date.day);
            month_of(&tokens[i]) == Some(date.month)
                && ((day(i + 1) && written_year(i + 2))
                    || (i > 0 && day(i - 1) && written_year(i + 1)))
        }),
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "it never writes the date {date} at {} precision",
            precision_name(date.precision)
        ))
    }
}

fn precision_name(precision: Precision) -> &'static str {
    match precision {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
    }
}

/// Whether the text writes this number, as digits or as a word.
pub fn states_count(text: &str, value: u32) -> Result<(), String> {
    if tokens(text)
        .iter()
        .any(|token| number(token) == Some(Decimal::whole(i64::from(value))))
    {
        Ok(())
    } else {
        Err(format!(
            "it never writes the number {value}, as digits or as a word"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(amount: u64, currency: Currency) -> Money {
        Money {
            amount,
            currency,
            over: false,
            usd: None,
        }
    }

    #[test]
    fn amounts_are_read_the_many_ways_articles_write_them() {
        assert_eq!(
            amounts("its commitment to provide $500 million under"),
            [500_000_000]
        );
        assert_eq!(
            amounts("commitment of $ 2 billion in military aid"),
            [2_000_000_000]
        );
        assert_eq!(
            amounts("announced a $50-billion drone co-operation"),
            [50_000_000_000]
        );
        assert_eq!(
            amounts("two billion Canadian dollars (1.45 billion U.S. dollars)"),
            [2_000_000_000, 1_450_000_000]
        );
        assert_eq!(
            amounts("Canada pledged $4.3 billion in support"),
            [4_300_000_000]
        );
    }

    #[test]
    fn money_needs_amount_currency_and_bound() {
        let cad = Money {
            usd: Some(1_450_000_000),
            ..money(2_000_000_000, Currency::Cad)
        };
        assert!(states_money(
            "two billion Canadian dollars (1.45 billion U.S. dollars)",
            &cad
        )
        .is_ok());
        assert!(
            states_money("two billion dollars (1.45 billion U.S. dollars)", &cad)
                .unwrap_err()
                .contains("CAD")
        );
        assert!(
            states_money("$500 million", &money(50_000_000, Currency::Unstated))
                .unwrap_err()
                .contains("read: 500000000")
        );
        let over = Money {
            over: true,
            ..money(1_000_000_000, Currency::Unstated)
        };
        assert!(states_money("more than $1 billion of the aid", &over).is_ok());
        assert!(states_money("$1 billion of the aid", &over).is_err());
    }

    #[test]
    fn dates_are_read_with_their_precision() {
        let date = |iso| Date::parse_iso(iso).unwrap();
        assert!(states_date("On Sunday, August 24, Kyiv hosted", &date("2025-08-24")).is_ok());
        assert!(states_date(
            "its independence on Aug. 24, 1991, heralding",
            &date("1991-08-24")
        )
        .is_ok());
        assert!(states_date(
            "its independence on Aug. 24, 1991, heralding",
            &date("2025-08-24")
        )
        .is_err());
        assert!(states_date(
            "the full Russian invasion in February 2022.",
            &date("2022-02")
        )
        .is_ok());
        assert!(states_date(
            "the summit in Kananaskis, Alta., in June.",
            &date("2025-06")
        )
        .is_ok());
        assert!(states_date("declared in 1991", &date("1991")).is_ok());
        assert!(states_date("declared in 1992", &date("1991")).is_err());
    }

    #[test]
    fn counts_are_read_as_digits_or_words() {
        assert!(states_count("the two failed attempts at peace", 2).is_ok());
        assert!(states_count("Over three years into the conflict", 3).is_ok());
        assert!(states_count("50 countries, 150 news sites", 150).is_ok());
        assert!(states_count("the two failed attempts", 3).is_err());
    }
}
