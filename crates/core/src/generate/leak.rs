//! Leaks: no text of a question may state the answer of another question in the same quiz.

use super::prepared::Prepared;
use crate::fact::{spell_amount, AnswerKind, Value};
use crate::question::{Body, Question};
use crate::table::FactIdx;
use crate::text::fold;

/// What would give a fact's answer away if another question printed it: its distinctive
/// answer (a name, place or sum) and its claim, folded. Worked out once per table.
pub(super) fn keys(prepared: &Prepared, f: FactIdx) -> Vec<String> {
    let table = prepared.table();
    let fact = &table[f];
    let mut keys = vec![fold(&prepared.facts[f].claim)];
    match fact.answer() {
        // A speaker's name is no giveaway of who said which words: "Mark Carney" is in half
        // the prompts, and a who-said question offers four people of the story anyway.
        Value::Text(text)
            if !matches!(fact.kind, AnswerKind::SourceError | AnswerKind::Speaker)
                && text.chars().count() >= 4 =>
        {
            keys.push(fold(text));
            keys.extend(
                fact.spellings
                    .iter()
                    .filter(|s| s.chars().count() >= 4)
                    .map(|s| fold(s)),
            );
        }
        Value::Money(money) => keys.push(fold(&spell_amount(money.amount))),
        _ => {}
    }
    // An error check's answer is the other reports' wording ("deterrence").
    if let Some(correct) = fact.correct.as_deref().filter(|c| c.chars().count() >= 4) {
        keys.push(fold(correct));
    }
    keys
}

/// Everything a question shows before it is answered, folded into one text.
pub(super) fn shown(question: &Question) -> String {
    let mut parts = vec![question.prompt.as_str()];
    match &question.body {
        Body::Choice { options, .. } => parts.extend(options.iter().map(String::as_str)),
        Body::Numeric { unit, .. } => parts.push(unit),
        Body::Cloze { before, after, .. } => parts.extend([before.as_str(), after.as_str()]),
        Body::Matching { left, right, .. } => {
            parts.extend(left.iter().map(String::as_str));
            parts.extend(right.iter().map(String::as_str));
        }
        Body::Ordering { items, .. } => parts.extend(items.iter().map(String::as_str)),
    }
    fold(&parts.join(" \u{1f} "))
}

/// Whether `shown` (another question's text) states one of `keys` as a whole word or phrase.
pub(super) fn states(shown: &str, keys: &[String]) -> bool {
    keys.iter().any(|key| {
        !key.is_empty()
            && shown.match_indices(key.as_str()).any(|(at, _)| {
                let before = shown[..at].chars().last();
                let after = shown[at + key.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
    })
}
