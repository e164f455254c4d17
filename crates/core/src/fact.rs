//! The fact table's vocabulary: facts, their typed answers, their evidence and their computed status.

use crate::source::SourceId;
use crate::text::{capitalised, set_quote, QuoteSetting};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A fact's stable id (`aid-purl`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FactId(pub String);

impl fmt::Display for FactId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a fact is about, for balancing quizzes and filtering them (`aid`, `russia`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Topic(pub String);

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The topics a fact table may use, in the order a reader meets them.
pub const TOPICS: [&str; 14] = [
    "visit",
    "aid",
    "agreements",
    "security",
    "coalition",
    "united-states",
    "nato",
    "russia",
    "history",
    "energy",
    "sanctions",
    "related",
    "quotes",
    "reporting",
];

/// What kind of thing a fact's answer is; decides which value type fits and which distractors are plausible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    Money,
    Date,
    Count,
    Person,
    Place,
    Organization,
    Country,
    Speaker,
    Term,
    SourceError,
}

impl AnswerKind {
    pub const ALL: [AnswerKind; 10] = [
        AnswerKind::Money,
        AnswerKind::Date,
        AnswerKind::Count,
        AnswerKind::Person,
        AnswerKind::Place,
        AnswerKind::Organization,
        AnswerKind::Country,
        AnswerKind::Speaker,
        AnswerKind::Term,
        AnswerKind::SourceError,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AnswerKind::Money => "money",
            AnswerKind::Date => "date",
            AnswerKind::Count => "count",
            AnswerKind::Person => "person",
            AnswerKind::Place => "place",
            AnswerKind::Organization => "organization",
            AnswerKind::Country => "country",
            AnswerKind::Speaker => "speaker",
            AnswerKind::Term => "term",
            AnswerKind::SourceError => "source_error",
        }
    }

    pub fn from_name(name: &str) -> Option<AnswerKind> {
        AnswerKind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// Whether a value of this type is the right shape for this kind.
    pub fn fits(self, value: &Value) -> bool {
        matches!(
            (self, value),
            (AnswerKind::Money, Value::Money(_))
                | (AnswerKind::Date, Value::Date(_))
                | (AnswerKind::Count, Value::Count(_))
                | (
                    AnswerKind::Person
                        | AnswerKind::Place
                        | AnswerKind::Organization
                        | AnswerKind::Country
                        | AnswerKind::Speaker
                        | AnswerKind::Term
                        | AnswerKind::SourceError,
                    Value::Text(_)
                )
        )
    }
}

/// The currency of a money figure, as the article states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "CAD")]
    Cad,
    #[serde(rename = "USD")]
    Usd,
    /// A bare "$": the article does not say which dollar.
    #[serde(rename = "unstated")]
    Unstated,
}

/// A sum of money, in whole units of its currency.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub amount: u64,
    pub currency: Currency,
    /// "over $1 billion": the figure is a lower bound.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub over: bool,
    /// A U.S.-dollar conversion the article itself gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd: Option<u64>,
}

/// How much of a date an article states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to a given precision (month and day are 0 when unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub precision: Precision,
    /// Computed by the verifier: no quote writes the year ("since assuming office in March"),
    /// so the date is shown as the reports give it, without one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub year_implied: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Parses `2025-08-24`, `2022-02` or `1991`; the precision is the precision written.
    pub fn parse_iso(text: &str) -> Result<Date, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, what: &str, max: u16| -> Result<u16, String> {
            match part.parse::<u16>() {
                Ok(n) if n >= 1 && n <= max => Ok(n),
                _ => Err(format!(
                    "`{text}` has no valid {what} (`{part}`); write YYYY, YYYY-MM or YYYY-MM-DD"
                )),
            }
        };
        let year = number(parts[0], "year", 9999)?;
        let (month, day, precision) = match parts.len() {
            1 => (0, 0, Precision::Year),
            2 => (number(parts[1], "month", 12)? as u8, 0, Precision::Month),
            3 => (
                number(parts[1], "month", 12)? as u8,
                number(parts[2], "day", 31)? as u8,
                Precision::Day,
            ),
            _ => {
                return Err(format!(
                    "`{text}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
                ))
            }
        };
        Ok(Date {
            year,
            month,
            day,
            precision,
            year_implied: false,
        })
    }

    pub fn month_name(&self) -> Option<&'static str> {
        MONTHS.get(usize::from(self.month).checked_sub(1)?).copied()
    }

    /// The ISO form at this date's precision.
    pub fn iso(&self) -> String {
        match self.precision {
            Precision::Year => format!("{:04}", self.year),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }

    /// Two dates agree when they are equal at the coarser of their precisions.
    pub fn agrees_with(&self, other: &Date) -> bool {
        let precision = self.precision.min(other.precision);
        self.year == other.year
            && (precision < Precision::Month || self.month == other.month)
            && (precision < Precision::Day || self.day == other.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = self.month_name().unwrap_or("?");
        match self.precision {
            Precision::Year => write!(f, "{}", self.year),
            Precision::Month if self.year_implied => write!(f, "{month}"),
            Precision::Day if self.year_implied => write!(f, "{} {month}", self.day),
            Precision::Month => write!(f, "{month} {}", self.year),
            Precision::Day => write!(f, "{} {month} {}", self.day, self.year),
        }
    }
}

/// A number of things (`4 provinces`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Count {
    pub value: u32,
    #[serde(default)]
    pub unit: String,
}

/// A fact's answer, typed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    Money(Money),
    Date(Date),
    Count(Count),
    Text(String),
}

impl Value {
    /// Whether two values say the same thing (so that both cannot be a conflict, or a distractor of the other).
    pub fn agrees_with(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Money(a), Value::Money(b)) => {
                a.amount == b.amount
                    && (a.currency == b.currency
                        || a.currency == Currency::Unstated
                        || b.currency == Currency::Unstated)
            }
            (Value::Date(a), Value::Date(b)) => a.agrees_with(b),
            (Value::Count(a), Value::Count(b)) => a.value == b.value,
            (Value::Text(a), Value::Text(b)) => crate::text::same_folded(a, b),
            _ => false,
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.over {
            f.write_str("over ")?;
        }
        let prefix = match self.currency {
            Currency::Cad => "C$",
            Currency::Usd => "US$",
            Currency::Unstated => "$",
        };
        write!(f, "{prefix}{}", spell_amount(self.amount))
    }
}

/// `2_000_000_000` → `2 billion`, `1_450_000_000` → `1.45 billion`, `220_000_000` → `220 million`.
pub fn spell_amount(amount: u64) -> String {
    let (unit, name) = if amount >= 1_000_000_000 {
        (1_000_000_000, " billion")
    } else if amount >= 1_000_000 {
        (1_000_000, " million")
    } else {
        return group_thousands(amount);
    };
    let whole = amount / unit;
    let mut fraction = format!("{:09}", amount % unit);
    fraction.truncate(if unit == 1_000_000 { 6 } else { 9 });
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{whole}{name}")
    } else {
        format!("{whole}.{fraction}{name}")
    }
}

fn group_thousands(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Counts under ten as a sentence writes them.
const SMALL_NUMBERS: [&str; 10] = [
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Money(money) => money.fmt(f),
            Value::Date(date) => date.fmt(f),
            Value::Count(count) if count.unit.is_empty() => write!(f, "{}", count.value),
            // One of a unit counted in the plural: "one element", not "one elements".
            Value::Count(count) if count.value == 1 => {
                let unit = count.unit.strip_suffix('s').filter(|u| !u.ends_with('s'));
                write!(f, "one {}", unit.unwrap_or(&count.unit))
            }
            // Under ten, in words, as a sentence writes it: "two distinct elements".
            Value::Count(count) => match SMALL_NUMBERS.get(count.value as usize) {
                Some(word) => write!(f, "{word} {}", count.unit),
                None => write!(f, "{} {}", count.value, count.unit),
            },
            Value::Text(text) => f.write_str(text),
        }
    }
}

/// "a" or "an" before `word`, by its sound as far as spelling tells (an hour, a one-off, a European).
pub fn indefinite_article(word: &str) -> &'static str {
    let lower = crate::text::lowercase(word.trim_start_matches(['“', '"', '‘', '\'']));
    let vowel = lower.starts_with(['a', 'e', 'i', 'o', 'u'])
        && !["one", "eu", "uni", "use", "usu", "ukr", "u.s", "ura"]
            .iter()
            .any(|p| lower.starts_with(p));
    if vowel
        || ["hour", "honest", "honou"]
            .iter()
            .any(|p| lower.starts_with(p))
    {
        "an"
    } else {
        "a"
    }
}

/// One verbatim quote and the source it is from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub source: SourceId,
    pub quote: String,
    /// Computed by the verifier: the words of the quote's sentence before it and after it, so
    /// that every quote a reader sees stands in its whole sentence, the quoted words marked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tail: String,
}

impl Evidence {
    /// The quote's whole sentence (or sentences), as the article prints it.
    pub fn sentence(&self) -> String {
        format!("{}{}{}", self.lead, self.quote, self.tail)
    }

    /// The sentence as shown apart from its article (lead, quoted words, tail), its quotation
    /// marks made whole: see [`set_quote`].
    pub fn shown(&self, setting: QuoteSetting) -> [String; 3] {
        set_quote([&self.lead, &self.quote, &self.tail], setting)
    }
}

/// One value for a fact with the quotes that support it. A fact in conflict has several.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub answer: Value,
    pub evidence: Vec<Evidence>,
}

/// How well the sources support a fact; computed from independence groups, never typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Quotes from at least two independent sources support it.
    Corroborated,
    /// All its quotes come from one independence group.
    SingleSource,
    /// Sources give incompatible values; every version is kept.
    Conflicting,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Corroborated => "corroborated",
            Status::SingleSource => "single-source",
            Status::Conflicting => "conflicting",
        }
    }
}

/// How one fact's sum relates to another's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// This sum is part of the other (an item of a package).
    PartOf,
    /// The same money, in another currency or wording.
    SameAs,
    /// The reports allow reading both as one sum; they do not say.
    PossiblySameAs,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::PartOf, Relation::SameAs, Relation::PossiblySameAs];

    /// The name written in `facts.toml` (`part_of`).
    pub fn name(self) -> &'static str {
        match self {
            Relation::PartOf => "part_of",
            Relation::SameAs => "same_as",
            Relation::PossiblySameAs => "possibly_same_as",
        }
    }

    pub fn from_name(name: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// A relation from one fact's sum to another fact's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub to: FactId,
    #[serde(rename = "as")]
    pub kind: Relation,
}

/// The names of the question kinds, as `avoid` takes them (the question layer keeps them equal to
/// its `QuestionKind::name`s, which a test checks).
pub const QUESTION_KIND_NAMES: [&str; 8] = [
    "multiple_choice",
    "true_false",
    "numeric",
    "cloze",
    "who_said",
    "matching",
    "ordering",
    "source_check",
];

/// A question kind a fact is never asked as, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Avoid {
    /// A name of [`QUESTION_KIND_NAMES`].
    pub kind: String,
    pub why: String,
}

/// One verified statement about the story, with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: FactId,
    pub topic: Topic,
    pub kind: AnswerKind,
    /// The question stem: a question whose only true answer is this fact's answer.
    pub ask: String,
    /// One sentence in the project's words, with `{answer}` where the answer goes.
    pub claim: String,
    /// What a true/false question shows instead of `claim`, with `{answer}` where the answer (or a
    /// wrong one) goes: worded so that the reports contradict a wrong one ("the official who said
    /// it was …"), where `claim` with a wrong name would only be something no report mentions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// A short name for what the answer is about ("NATO's PURL programme"), for matching and ordering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// One version, or several when the sources conflict.
    pub versions: Vec<Version>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_distractors: Vec<String>,
    /// Wrong answers written by hand, for answers (terms) no other fact can supply plausibly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distractors: Vec<String>,
    /// Speaker facts: the words spoken, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotation: Option<String>,
    /// Source-error facts: the source that got it wrong …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<SourceId>,
    /// … what it should have said …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<String>,
    /// … and the quotes that show it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correction: Vec<Evidence>,
    /// Text answers: the semantic class of the answer (`baltic-state`, `us-official`); distractors
    /// come only from answers of the same class (and the fact's own `distractors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// Money answers: how this sum relates to other facts' sums (part of a total, the same money
    /// in another currency or wording). Related sums are never offered against each other.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Context a reader needs beside the explanation (how two reports' figures may fit together).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Question kinds this fact is never asked as, each with the author's reason ("the name follows
    /// its title"): what a reviewer found unfair and no rule of the generator can see.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub avoid: Vec<Avoid>,
    /// Facts that give one another away by meaning (an offer of "energy" initiatives and of gas
    /// storage) share a group: one quiz never asks or shows two of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Computed by the verifier.
    pub status: Status,
    /// Computed by the verifier: how many independence groups the evidence spans.
    pub independent_reports: u8,
}

impl Fact {
    /// The answer when the sources agree; the first version's when they conflict.
    pub fn answer(&self) -> &Value {
        &self.versions[0].answer
    }

    /// Whether the author ruled out asking this fact as the kind named `kind`.
    pub fn avoids(&self, kind: &str) -> bool {
        self.avoid.iter().any(|a| a.kind == kind)
    }

    /// Every quote of every version, then the correction's.
    pub fn all_evidence(&self) -> impl Iterator<Item = &Evidence> {
        self.versions
            .iter()
            .flat_map(|version| version.evidence.iter())
            .chain(self.correction.iter())
    }

    /// What the fact is about, in a few words: its `label`, else its claim with a blank.
    pub fn label(&self) -> String {
        self.label.clone().unwrap_or_else(|| self.claim_with("___"))
    }

    /// The claim with `answer` in place of `{answer}`.
    ///
    /// The article before the slot agrees with the value put in it: "a {answer}" becomes "an
    /// election monitor", and "the {answer}" takes "the White House" without doubling "the".
    pub fn claim_with(&self, answer: &str) -> String {
        Self::with_answer(&self.claim, answer)
    }

    /// What a true/false question shows, with `answer` in place: the `statement`, else the claim.
    pub fn statement_with(&self, answer: &str) -> String {
        Self::with_answer(self.statement.as_deref().unwrap_or(&self.claim), answer)
    }

    /// `template` with `answer` in place of `{answer}`, the article before the slot agreeing with it.
    fn with_answer(template: &str, answer: &str) -> String {
        let Some((head, tail)) = template.split_once("{answer}") else {
            return template.to_string();
        };
        let Some(words) = head.strip_suffix(' ') else {
            return format!("{head}{answer}{tail}");
        };
        let (before, last) = words.rsplit_once(' ').map_or(("", words), |(b, l)| (b, l));
        let with = |article: &str| match before {
            "" => format!("{article} "),
            _ => format!("{before} {article} "),
        };
        let value_has_the = answer.len() > 4 && answer[..4].eq_ignore_ascii_case("the ");
        let without_article = match before {
            "" => String::new(),
            _ => format!("{before} "),
        };
        match last {
            "the" if value_has_the => format!("{without_article}{answer}{tail}"),
            "The" if value_has_the => format!("{without_article}{}{tail}", capitalised(answer)),
            "a" | "an" => format!("{}{answer}{tail}", with(indefinite_article(answer))),
            "A" | "An" => format!(
                "{}{answer}{tail}",
                with(&capitalised(indefinite_article(answer)))
            ),
            _ => format!("{head}{answer}{tail}"),
        }
    }

    /// Whether `value` is one any source supports for this fact, in any spelling.
    pub fn supports(&self, value: &Value) -> bool {
        if self
            .versions
            .iter()
            .any(|version| version.answer.agrees_with(value))
        {
            return true;
        }
        // Spellings, `not_distractors` and the correct wording compare as shown to a reader.
        if self.spellings.is_empty() && self.not_distractors.is_empty() && self.correct.is_none() {
            return false;
        }
        let shown = value.to_string();
        self.spellings
            .iter()
            .chain(self.not_distractors.iter())
            .chain(self.correct.iter())
            .any(|other| crate::text::same_folded(other, &shown))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(text: &str) -> Fact {
        Fact {
            id: FactId("f".into()),
            topic: Topic("visit".into()),
            kind: AnswerKind::Term,
            ask: String::new(),
            claim: text.into(),
            label: None,
            versions: Vec::new(),
            spellings: Vec::new(),
            not_distractors: Vec::new(),
            distractors: Vec::new(),
            quotation: None,
            about: None,
            correct: None,
            correction: Vec::new(),
            class: None,
            related: Vec::new(),
            note: None,
            avoid: Vec::new(),
            group: None,
            statement: None,
            status: Status::SingleSource,
            independent_reports: 0,
        }
    }

    #[test]
    fn the_article_before_a_slot_agrees_with_its_value() {
        let f = claim("He was invited as a {answer} to Kyiv.");
        assert_eq!(
            f.claim_with("election monitor"),
            "He was invited as an election monitor to Kyiv."
        );
        assert_eq!(
            f.claim_with("observer"),
            "He was invited as an observer to Kyiv."
        );
        assert_eq!(
            f.claim_with("U.S. envoy"),
            "He was invited as a U.S. envoy to Kyiv."
        );
        let f = claim("It goes through the {answer}.");
        assert_eq!(
            f.claim_with("the White House"),
            "It goes through the White House."
        );
        assert_eq!(f.claim_with("Pentagon"), "It goes through the Pentagon.");
        let f = claim("A {answer} was signed.");
        assert_eq!(f.claim_with("agreement"), "An agreement was signed.");
        assert_eq!(
            claim("{answer} said it.").claim_with("Carney"),
            "Carney said it."
        );
        let one = Value::Count(Count {
            value: 1,
            unit: "elements".into(),
        });
        assert_eq!(one.to_string(), "one element");
        let two = Value::Count(Count {
            value: 2,
            unit: "elements".into(),
        });
        assert_eq!(two.to_string(), "two elements");
        let twelve = Value::Count(Count {
            value: 12,
            unit: "elements".into(),
        });
        assert_eq!(twelve.to_string(), "12 elements");
    }

    #[test]
    fn amounts_are_spelled_the_way_articles_write_them() {
        assert_eq!(spell_amount(2_000_000_000), "2 billion");
        assert_eq!(spell_amount(1_450_000_000), "1.45 billion");
        assert_eq!(spell_amount(220_000_000), "220 million");
        assert_eq!(spell_amount(723_000_000), "723 million");
        assert_eq!(spell_amount(4_300_000_000), "4.3 billion");
        assert_eq!(spell_amount(12_500), "12,500");
    }

    #[test]
    fn iso_dates_keep_their_precision() {
        let day = Date::parse_iso("2025-08-24").unwrap();
        assert_eq!(day.precision, Precision::Day);
        assert_eq!(day.to_string(), "24 August 2025");
        assert_eq!(
            Date::parse_iso("2022-02").unwrap().to_string(),
            "February 2022"
        );
        assert_eq!(Date::parse_iso("1991").unwrap().precision, Precision::Year);
        assert!(Date::parse_iso("2025-13").unwrap_err().contains("month"));
        assert!(Date::parse_iso("24 August").is_err());
    }

    #[test]
    fn dates_agree_at_the_coarser_precision() {
        let day = Date::parse_iso("2025-08-24").unwrap();
        assert!(day.agrees_with(&Date::parse_iso("2025-08").unwrap()));
        assert!(!day.agrees_with(&Date::parse_iso("2025-07").unwrap()));
    }

    #[test]
    fn unstated_currency_agrees_with_either_dollar() {
        let money = |amount, currency| {
            Value::Money(Money {
                amount,
                currency,
                over: false,
                usd: None,
            })
        };
        assert!(money(5, Currency::Unstated).agrees_with(&money(5, Currency::Usd)));
        assert!(!money(5, Currency::Cad).agrees_with(&money(5, Currency::Usd)));
        assert!(!money(5, Currency::Cad).agrees_with(&money(6, Currency::Cad)));
    }
}
