//! Numeric entry: type the sum or the count, graded within a tolerance.

use super::Generator;
use crate::fact::{Currency, Fact, Value};
use crate::question::{Body, Question, QuestionKind};
use crate::table::FactIdx;

/// The number to type for a numeric-entry question: (answer, unit, tolerance).
pub(super) fn numeric_answer(fact: &Fact) -> Option<(f64, String, f64)> {
    match fact.answer() {
        Value::Money(money) if !money.over => {
            let currency = match money.currency {
                Currency::Cad => "Canadian dollars",
                Currency::Usd => "U.S. dollars",
                Currency::Unstated => "dollars",
            };
            let (scale, word) = if money.amount >= 1_000_000_000 {
                (1e9, "billions")
            } else {
                (1e6, "millions")
            };
            let answer = money.amount as f64 / scale;
            // 1%: forgives rounding, never reaches another figure the articles print.
            let tolerance = (answer * 0.01 * 1000.0).round() / 1000.0;
            Some((answer, format!("{word} of {currency}"), tolerance))
        }
        Value::Count(count) if !count.unit.is_empty() => {
            Some((f64::from(count.value), count.unit.clone(), 0.0))
        }
        _ => None,
    }
}

fn trim_number(n: f64) -> String {
    let text = format!("{n:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Generator<'_> {
    pub(super) fn numeric(&self, f: FactIdx) -> Question {
        let fact = &self.table()[f];
        let (answer, unit, tolerance) = numeric_answer(fact).unwrap_or((0.0, String::new(), 0.0));
        let tolerance_text = if tolerance > 0.0 {
            format!(", within {}", trim_number(tolerance))
        } else {
            String::new()
        };
        let prompt = match fact.answer() {
            Value::Money(_) => format!("{} Answer in {unit}{tolerance_text}.", fact.ask),
            _ => format!("{} Answer with a number.", fact.ask),
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
