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

/// A question's folded text, with the pairs of bytes it holds: a key with a pair the text
/// lacks cannot occur in it, which rules out most keys before any scan.
pub(super) struct Shown {
    text: String,
    pairs: [u64; 64],
}

fn pair(a: u8, b: u8) -> usize {
    (usize::from(a) * 31 + usize::from(b)) % 4096
}

impl Shown {
    pub(super) fn of(question: &Question) -> Shown {
        Shown::folded(shown(question))
    }

    fn folded(text: String) -> Shown {
        let mut pairs = [0u64; 64];
        for w in text.as_bytes().windows(2) {
            let bit = pair(w[0], w[1]);
            pairs[bit / 64] |= 1 << (bit % 64);
        }
        Shown { text, pairs }
    }

    /// Whether `shown` states one of `keys` as a whole word or phrase (as [`states`]).
    pub(super) fn states(&self, keys: &[String]) -> bool {
        let may_hold = |key: &String| {
            key.as_bytes().windows(2).all(|w| {
                let bit = pair(w[0], w[1]);
                self.pairs[bit / 64] & (1 << (bit % 64)) != 0
            })
        };
        states_any(&self.text, keys.iter().filter(|key| may_hold(key)))
    }
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
    states_any(shown, keys.iter())
}

fn states_any<'k>(shown: &str, mut keys: impl Iterator<Item = &'k String>) -> bool {
    keys.any(|key| {
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
    let (text, key) = (text.as_bytes(), key.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        let first = *key.first()?;
        // A plain loop over bytes: under the size-optimized release profile a closure or a
        // `find(char)` searcher per call costs more than the scan itself.
        while from + key.len() <= text.len() {
            let at = from;
            from += 1;
            // UTF-8: a key starts with a leading byte, so any match starts at a char boundary.
            if text[at] == first && text[at..at + key.len()] == *key {
                from = at + key.len();
                return Some(at);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Through `Shown`, whose byte pairs only rule keys out, and checked against the plain scan.
    fn check(text: &str, keys: &[&str]) -> bool {
        let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        let plain = states(text, &keys);
        assert_eq!(
            Shown::folded(text.to_string()).states(&keys),
            plain,
            "{text:?}"
        );
        plain
    }

    #[test]
    fn the_pair_filter_never_changes_a_verdict() {
        let text = "who said it? “we must deter and fortify” \u{1f} mark carney \u{1f} c$2 billion";
        for key in [
            "deter",
            "fortify",
            "mark carney",
            "carney",
            "c$2 billion",
            "2 billion",
            "billions",
            "ukraine",
            "a",
            "é",
            "rney",
        ] {
            check(text, &[key]);
        }
        check(text, &["ukraine", "deter"]);
    }

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
        assert!(!check("xab ab ab", &["ab ab"]));
        assert!(check("the kyiv report", &["kyiv"]));
        assert!(!check("the kyivan report", &["kyiv"]));
    }
}
