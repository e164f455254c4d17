//! Numeric entry: type the sum or the count, graded within a tolerance.

use super::words::{fill, ENGLISH};
use super::Generator;
use crate::fact::{Currency, Fact, Value};
use crate::question::{Body, Question, QuestionKind};
use crate::table::FactIdx;

/// The number to type for a numeric-entry question: (answer, unit, tolerance).
pub(super) fn numeric_answer(fact: &Fact) -> Option<(f64, String, f64)> {
    match fact.answer() {
        Value::Money(money) if !money.over => {
            let currency = match money.currency {
                Currency::Cad => ENGLISH.cad,
                Currency::Usd => ENGLISH.usd,
                Currency::Unstated => ENGLISH.dollars,
            };
            let (scale, word) = if money.amount >= 1_000_000_000 {
                (1e9, ENGLISH.billions)
            } else {
                (1e6, ENGLISH.millions)
            };
            let answer = money.amount as f64 / scale;
            // 1%: forgives rounding, never reaches another figure the articles print.
            let tolerance = (answer * 0.01 * 1000.0).round() / 1000.0;
            let unit = fill(ENGLISH.unit, &[("scale", word), ("currency", currency)]);
            Some((answer, unit, tolerance))
        }
        Value::Count(count) if !count.unit.is_empty() => {
            Some((f64::from(count.value), count.unit.clone(), 0.0))
        }
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
        let (answer, unit, tolerance) = numeric_answer(fact).unwrap_or((0.0, String::new(), 0.0));
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
                unit,
                answer,
                tolerance,
            },
        )
    }
}
