//! Numeric entry: type the sum or the count, graded within a tolerance.

use super::words::{fill, ENGLISH};
use super::Generator;
use crate::decimal::Decimal;
use crate::fact::{Currency, Fact, Value};
use crate::question::{Body, Question, QuestionKind};
use crate::table::FactIdx;

/// The number to type for a numeric-entry question: (answer, unit as the prompt names it
/// ("billions of U.S. dollars"), unit beside the field ("billion U.S. dollars"), tolerance).
pub(super) fn numeric_answer(fact: &Fact) -> Option<(Decimal, String, String, Decimal)> {
    match fact.answer() {
        Value::Money(money) if !money.over => {
            let currency = match money.currency {
                Currency::Cad => ENGLISH.cad,
                Currency::Usd => ENGLISH.usd,
                Currency::Unstated => ENGLISH.dollars,
            };
            let (exponent, words, word) = if money.amount >= 1_000_000_000 {
                (-9, ENGLISH.billions, ENGLISH.billion)
            } else {
                (-6, ENGLISH.millions, ENGLISH.million)
            };
            let answer = Decimal::new(i64::try_from(money.amount).ok()?, exponent);
            // 1%: forgives rounding, never reaches another figure the articles print. In
            // thousandths, rounded in f64 as it always was (1% of 1.45 is 14.499… thousandths
            // there, so 0.014), so that no generated question changes.
            let thousandths = (answer.to_f64() * 0.01 * 1000.0).round() as i64;
            let tolerance = Decimal::new(thousandths, -3);
            let unit = fill(ENGLISH.unit, &[("scale", words), ("currency", currency)]);
            let label = fill(
                ENGLISH.unit_label,
                &[("scale", word), ("currency", currency)],
            );
            Some((answer, unit, label, tolerance))
        }
        Value::Count(count) if !count.unit.is_empty() => Some((
            Decimal::whole(i64::from(count.value)),
            count.unit.clone(),
            count.unit.clone(),
            Decimal::ZERO,
        )),
        _ => None,
    }
}

/// How precisely to answer, in words: never the tolerance itself, which would give the answer away.
fn precision_words(answer: Decimal) -> &'static str {
    ENGLISH.decimals[answer.decimals_rounded(3).min(3) as usize]
}

impl Generator<'_> {
    pub(super) fn numeric(&self, f: FactIdx) -> Question {
        let fact = &self.table()[f];
        let (answer, unit, label, tolerance) = numeric_answer(fact).unwrap_or((
            Decimal::ZERO,
            String::new(),
            String::new(),
            Decimal::ZERO,
        ));
        let prompt = match fact.answer() {
            Value::Money(_) => fill(
                ENGLISH.numeric_money,
                &[
                    ("ask", &fact.ask),
                    ("unit", &unit),
                    ("precision", precision_words(answer)),
                ],
            ),
            _ => fill(ENGLISH.numeric_count, &[("ask", &fact.ask)]),
        };
        self.question(
            QuestionKind::Numeric,
            prompt,
            f,
            Body::Numeric {
                unit: label,
                answer,
                tolerance,
            },
        )
    }
}
