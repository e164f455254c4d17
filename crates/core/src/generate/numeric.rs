//! Numeric entry: type the sum or the count, graded within a tolerance.

use super::words::{fill, ENGLISH};
use super::Generator;
use crate::fact::{Currency, Fact, Value};
use crate::question::{Body, Question, QuestionKind};
use crate::table::FactIdx;

/// The number to type for a numeric-entry question: (answer, unit as the prompt names it
/// ("billions of U.S. dollars"), unit beside the field ("billion U.S. dollars"), tolerance).
pub(super) fn numeric_answer(fact: &Fact) -> Option<(f64, String, String, f64)> {
    match fact.answer() {
        Value::Money(money) if !money.over => {
            let currency = match money.currency {
                Currency::Cad => ENGLISH.cad,
                Currency::Usd => ENGLISH.usd,
                Currency::Unstated => ENGLISH.dollars,
            };
            let (scale, words, word) = if money.amount >= 1_000_000_000 {
                (1e9, ENGLISH.billions, ENGLISH.billion)
            } else {
                (1e6, ENGLISH.millions, ENGLISH.million)
            };
            let answer = money.amount as f64 / scale;
            // 1%: forgives rounding, never reaches another figure the articles print.
            let tolerance = (answer * 0.01 * 1000.0).round() / 1000.0;
            let unit = fill(ENGLISH.unit, &[("scale", words), ("currency", currency)]);
            let label = fill(
                ENGLISH.unit_label,
                &[("scale", word), ("currency", currency)],
            );
            Some((answer, unit, label, tolerance))
        }
        Value::Count(count) if !count.unit.is_empty() => Some((
            f64::from(count.value),
            count.unit.clone(),
            count.unit.clone(),
            0.0,
        )),
        _ => None,
    }
}

/// How precisely to answer, in words: never the tolerance itself, which would give the answer away.
fn precision_words(answer: f64) -> &'static str {
    let text = format!("{answer:.3}");
    let decimals = text
        .trim_end_matches('0')
        .split('.')
        .nth(1)
        .map_or(0, str::len);
    ENGLISH.decimals[decimals.min(3)]
}

impl Generator<'_> {
    pub(super) fn numeric(&self, f: FactIdx) -> Question {
        let fact = &self.table()[f];
        let (answer, unit, label, tolerance) =
            numeric_answer(fact).unwrap_or((0.0, String::new(), String::new(), 0.0));
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
