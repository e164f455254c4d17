//! Leaks: no text of a question may state the answer of another question in the same quiz.

use super::prepared::Prepared;
use crate::fact::{spell_amount, AnswerKind, Value};
use crate::question::{Body, Question};
use crate::table::FactIdx;
use crate::text::{fold, is_word_char};

/// What would give a fact's answer away if another question printed it: its distinctive
/// answer (a name, place or sum) and its claim, folded. Worked out once per table.
pub(super) fn keys(prepared: &Prepared, f: FactIdx) -> Vec<String> {
    let table = prepared.table();
    let fact = &table[f];
    let mut keys = vec![fold(&prepared.facts[f].claim)];
    // A true/false question's own wording of the fact states it as plainly.
    if fact.statement.is_some() {
        keys.push(fold(&fact.statement_with(&fact.answer().to_string())));
    }
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
            && matches(shown, key).any(|at| {
                let before = shown[..at].chars().last();
                let after = shown[at + key.len()..].chars().next();
                before.is_none_or(|c| !is_word_char(c)) && after.is_none_or(|c| !is_word_char(c))
            })
    })
}

/// Where `key` occurs in `text`, leftmost first and not overlapping (as `str::match_indices`).
/// A plain scan: this runs for every key against every question drawn, and most keys never
/// occur, so a searcher's set-up per key (two-way) costs more than it saves.
fn matches<'t>(text: &'t str, key: &'t str) -> impl Iterator<Item = usize> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        let first = key.chars().next()?;
        // `find(char)` jumps with memchr; most keys' first letter is rare enough.
        while let Some(offset) = text.get(from..)?.find(first) {
            let at = from + offset;
            if text[at..].starts_with(key) {
                from = at + key.len();
                return Some(at);
            }
            from = at + first.len_utf8();
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_leftmost_and_do_not_overlap_as_match_indices() {
        for (text, key) in [
            ("aaaa", "aa"),
            ("xab ab ab", "ab ab"),
            ("kyiv", "kyiv"),
            ("", "a"),
            ("a", "ab"),
            ("é é", "é"),
        ] {
            let ours: Vec<usize> = matches(text, key).collect();
            let std: Vec<usize> = text.match_indices(key).map(|(at, _)| at).collect();
            assert_eq!(ours, std, "{text:?} / {key:?}");
        }
    }

    #[test]
    fn a_key_leaks_only_as_a_whole_word() {
        // As with match_indices, the first (inner-word) match hides the overlapping one.
        assert!(!states("xab ab ab", &["ab ab".to_string()]));
        assert!(states("the kyiv report", &["kyiv".to_string()]));
        assert!(!states("the kyivan report", &["kyiv".to_string()]));
    }
}
