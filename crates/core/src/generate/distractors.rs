//! Wrong answers: values of the same kind and scale that no source supports for a fact.

use crate::fact::{AnswerKind, Count, Date, Fact, Money, Precision, Value};
use crate::table::FactTable;
use crate::text::fold;

/// A fact's distractors, deduplicated, in a fixed order (worked out once per table).
///
/// Text answers draw only from answers of the same class (and the fact's own hand-written
/// ones); sums never from a related sum (a part, a total, the same money in another currency);
/// a source error's only from its own wrong readings of the same sentence.
pub(super) fn distractors(table: &FactTable, fact: &Fact) -> Vec<Value> {
    let answer = fact.answer();
    let mut candidates: Vec<Value> = Vec::new();
    match answer {
        _ if fact.kind == AnswerKind::SourceError => {}
        Value::Money(money) => {
            let recast = |amount: u64| {
                Value::Money(Money {
                    amount,
                    usd: None,
                    ..money.clone()
                })
            };
            for other in &table.facts {
                for version in &other.versions {
                    if let Value::Money(m) = &version.answer {
                        candidates.push(recast(m.amount));
                    }
                }
            }
            for (num, den) in [(1, 2), (2, 1), (3, 2), (3, 4), (3, 1), (1, 3)] {
                candidates.push(recast(round_two_figures(money.amount * num / den)));
            }
            // Never a related sum, nor one a reader could take for it rounded ("$1.5 billion"
            // beside a US$1.45 billion conversion): within 5% of it counts as the same.
            let mut related = related_amounts(table, fact);
            related.extend(money.usd);
            // A part is smaller than its whole: "C$2.5 billion of the C$2 billion package" is absurd.
            let whole = wholes(table, fact);
            let near = |a: u64, b: u64| a.abs_diff(b) * 20 <= b;
            candidates.retain(|v| match v {
                Value::Money(m) => {
                    m.amount * 5 >= money.amount
                        && m.amount <= money.amount * 5
                        && !related.iter().any(|&r| near(m.amount, r))
                        && whole.is_none_or(|w| m.amount < w)
                }
                _ => false,
            });
        }
        Value::Date(date) => {
            for other in &table.facts {
                for version in &other.versions {
                    if let Value::Date(d) = &version.answer {
                        // Another event's date only when near this one: "independence in
                        // August 2025" or "the G7 in February 2022" give themselves away.
                        let years = (i32::from(d.year) - i32::from(date.year)).abs();
                        let near = match date.precision {
                            Precision::Year => years <= 5,
                            Precision::Month | Precision::Day => years == 0,
                        };
                        if d.precision == date.precision && near {
                            candidates.push(version.answer.clone());
                        }
                    }
                }
            }
            for shift in [1i32, -1, 2, -2, 3, -3] {
                candidates.push(Value::Date(shift_date(date, shift)));
            }
        }
        Value::Count(count) => {
            for delta in [1i64, -1, 2, -2, 3] {
                let value = i64::from(count.value) + delta;
                if value > 0 {
                    candidates.push(Value::Count(Count {
                        value: value as u32,
                        unit: count.unit.clone(),
                    }));
                }
            }
        }
        Value::Text(_) if fact.kind == AnswerKind::Term => {}
        Value::Text(_) => {
            for other in &table.facts {
                if fact.class.is_some() && other.class == fact.class {
                    candidates.extend(other.versions.iter().map(|v| v.answer.clone()));
                }
            }
        }
    }
    candidates.extend(fact.distractors.iter().map(|d| Value::Text(d.clone())));
    // Each candidate's folded text is worked out once (this runs for every fact on first use).
    let answer_shown = fold(&answer.to_string());
    let mut distinct: Vec<(Value, String)> = Vec::new();
    for candidate in candidates {
        let shown = fold(&candidate.to_string());
        if shown != answer_shown
            && !distinct
                .iter()
                .any(|(d, d_shown)| *d_shown == shown || d.agrees_with(&candidate))
            && !fact.supports(&candidate)
        {
            distinct.push((candidate, shown));
        }
    }
    distinct.into_iter().map(|(value, _)| value).collect()
}

/// Whether two facts' sums are related (either names the other in `related`).
pub(super) fn related(a: &Fact, b: &Fact) -> bool {
    a.related.iter().any(|r| r.to == b.id) || b.related.iter().any(|r| r.to == a.id)
}

/// The smallest sum this fact's is part of (in its own currency), if any.
fn wholes(table: &FactTable, fact: &Fact) -> Option<u64> {
    fact.related
        .iter()
        .filter(|r| r.kind == crate::fact::Relation::PartOf)
        .filter_map(|r| table.fact(&r.to))
        .filter_map(|whole| match whole.answer() {
            Value::Money(m) => Some(m.amount),
            _ => None,
        })
        .min()
}

/// The amounts (and their conversions) of every sum related to this fact's.
fn related_amounts(table: &FactTable, fact: &Fact) -> Vec<u64> {
    table
        .facts
        .iter()
        .filter(|other| related(fact, other))
        .flat_map(|other| &other.versions)
        .filter_map(|version| match &version.answer {
            Value::Money(m) => Some([Some(m.amount), m.usd]),
            _ => None,
        })
        .flatten()
        .flatten()
        .collect()
}

/// The distinct values the sources give for a fact in conflict.
pub(super) fn conflict_options(fact: &Fact) -> Vec<Value> {
    let mut values: Vec<Value> = Vec::new();
    for version in &fact.versions {
        if !values.iter().any(|v| v.agrees_with(&version.answer)) {
            values.push(version.answer.clone());
        }
    }
    values
}

/// People and speakers are one pool of distractors; every other kind is its own.
pub(super) fn similar_kinds(a: AnswerKind, b: AnswerKind) -> bool {
    use AnswerKind::*;
    let family = |k: AnswerKind| match k {
        Person | Speaker => 0,
        other => 1 + other as u8,
    };
    family(a) == family(b)
}

/// Rounds to two significant figures, so derived distractors look like figures articles print.
fn round_two_figures(amount: u64) -> u64 {
    let mut scale = 1u64;
    while amount / scale >= 100 {
        scale *= 10;
    }
    (amount + scale / 2) / scale * scale
}

fn shift_date(date: &Date, shift: i32) -> Date {
    let mut out = *date;
    match date.precision {
        Precision::Year => out.year = (i32::from(date.year) + shift) as u16,
        Precision::Month => {
            let months = i32::from(date.year) * 12 + i32::from(date.month) - 1 + shift;
            out.year = (months / 12) as u16;
            out.month = (months % 12 + 1) as u8;
        }
        Precision::Day => out.day = (i32::from(date.day) + shift * 2).clamp(1, 28) as u8,
    }
    out
}
