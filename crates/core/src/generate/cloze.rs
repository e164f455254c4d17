//! Cloze: a quote's whole sentence with the answer (a name, a sum, a number) blanked out, to fill in.

use super::dice::Dice;
use super::words::{fill, ENGLISH};
use super::Generator;
use crate::fact::{spell_amount, AnswerKind, Fact, Value};
use crate::question::{Body, Question, QuestionKind};
use crate::source::{SourceId, SourceKind};
use crate::table::FactIdx;
use crate::text::{
    is_word_char, lowercase, normalize_whitespace, same_folded, set_quote, QuoteSetting,
};

/// A place in a verbatim quote where the answer can be blanked out.
#[derive(Clone, Debug)]
pub(super) struct ClozeSite {
    pub(super) source: SourceId,
    before: String,
    blank: String,
    after: String,
}

impl ClozeSite {
    /// The whole sentence the blank is in.
    pub(super) fn quote(&self) -> String {
        format!("{}{}{}", self.before, self.blank, self.after)
    }
}

/// Fewest words around a blank: a cloze must be answerable from its context.
pub(super) const MIN_CONTEXT_WORDS: usize = 8;

/// Whether the blank follows a title ("U.S. President ___"): recalling who holds an office
/// teaches nothing about the story.
pub(super) fn after_title(before: &str) -> bool {
    let before = before.trim_end();
    ENGLISH.titles.iter().any(|title| before.ends_with(title))
}

/// Whether the blank sits in a list (`including: - ___;`, `A, ___ and C`), where its neighbours
/// would fit as well as it.
pub(super) fn list_item(before: &str, after: &str) -> bool {
    let (before, after) = (before.trim_end(), after.trim_start());
    let opens = before.ends_with([',', ';', ':', '-', '•'])
        || before.ends_with(" and")
        || before.ends_with(" or");
    let closes =
        after.starts_with([',', ';']) || after.starts_with("and ") || after.starts_with("or ");
    let tail: String = before.chars().rev().take(60).collect();
    let head: String = after.chars().take(60).collect();
    (opens && closes)
        || ((before.ends_with(" and") || before.ends_with(" or")) && tail.contains(','))
        || (after.starts_with(',') && (head.contains(" and ") || head.contains(" or ")))
}

/// Every quote (of a single-version fact) that writes its answer exactly once, as its whole
/// sentence. Only names, sums and numbers are blanked: a phrase ("more cautious stance") has
/// paraphrases no key can list, and a date has too many ways of being written.
pub(super) fn sites(fact: &Fact) -> Vec<ClozeSite> {
    if fact.kind == AnswerKind::Term {
        return Vec::new();
    }
    let needles: Vec<String> = match fact.answer() {
        Value::Text(text) => std::iter::once(text.clone())
            .chain(fact.spellings.iter().cloned())
            .collect(),
        Value::Money(money) => vec![spell_amount(money.amount)],
        Value::Count(count) => vec![count.value.to_string()],
        Value::Date(_) => Vec::new(),
    };
    let mut sites = Vec::new();
    for evidence in &fact.versions[0].evidence {
        let quote = normalize_whitespace(&evidence.quote);
        let lower = lowercase(&quote);
        for needle in &needles {
            let needle_lower = lowercase(needle);
            let hits: Vec<usize> = lower.match_indices(&needle_lower).map(|(i, _)| i).collect();
            // Lower-casing can shift byte offsets for some scripts; only accept exact boundaries.
            if hits.len() != 1 || lower.len() != quote.len() {
                continue;
            }
            let start = hits[0];
            let end = start + needle_lower.len();
            let word_edge = |i: usize| quote[..i].chars().last().is_none_or(|c| !is_word_char(c));
            let after_edge = quote[end..].chars().next().is_none_or(|c| !is_word_char(c));
            // A sentence cut out of a longer quotation gets the quotation mark it lacks.
            let [before, _, after] = set_quote(
                [
                    &format!("{}{}", evidence.lead, &quote[..start]),
                    "",
                    &format!("{}{}", &quote[end..], evidence.tail),
                ],
                QuoteSetting::Block,
            );
            let context = before.split_whitespace().count() + after.split_whitespace().count();
            // The rest of the sentence never prints the answer ("from Minsk … brokered in ___").
            let around = lowercase(&format!("{before} {after}"));
            let printed_elsewhere = needles.iter().any(|n| around.contains(&lowercase(n)));
            // Enough context to answer from, and never one item of a list whose others would fit too.
            if word_edge(start)
                && after_edge
                && context >= MIN_CONTEXT_WORDS
                && !list_item(&before, &after)
                && !after_title(&before)
                && !printed_elsewhere
            {
                sites.push(ClozeSite {
                    source: evidence.source.clone(),
                    before,
                    blank: quote[start..end].to_string(),
                    after,
                });
                break;
            }
        }
    }
    sites
}

impl Generator<'_> {
    pub(super) fn cloze(&self, f: FactIdx, dice: &mut Dice) -> Question {
        let fact = &self.table()[f];
        let all = &self.prepared.facts[f].cloze;
        // A reading quiz blanks a sentence of its passage (the passage holds one: it asks this).
        let sites: Vec<&ClozeSite> = match self.passage {
            Some(passage) => all
                .iter()
                .filter(|site| site.source == passage.source && passage.holds(&site.quote()))
                .collect(),
            // Elsewhere, a machine translation's garbled sentence only when no report has another.
            None => all
                .iter()
                .filter(|site| {
                    self.table()
                        .source(&site.source)
                        .is_none_or(|s| s.kind != SourceKind::Translation)
                })
                .collect(),
        };
        let sites = if sites.is_empty() {
            all.iter().collect()
        } else {
            sites
        };
        let site = sites[dice.below(sites.len())];
        let mut accepted = vec![site.blank.clone(), self.prepared.facts[f].answer.clone()];
        accepted.extend(fact.spellings.iter().cloned());
        if let Value::Money(money) = fact.answer() {
            accepted.push(spell_amount(money.amount));
            accepted.push(money.amount.to_string());
        }
        let mut unique: Vec<String> = Vec::new();
        for a in accepted {
            if !unique.iter().any(|u| same_folded(u, &a)) {
                unique.push(a);
            }
        }
        let outlet = self
            .table()
            .source(&site.source)
            .map_or(site.source.0.as_str(), |s| s.outlet.as_str());
        // The fact's question says what the sentence is about: a sentence opening "He" or "This
        // matter" is answerable only with it.
        let prompt = fill(ENGLISH.cloze, &[("ask", &fact.ask), ("outlet", outlet)]);
        let body = Body::Cloze {
            before: site.before.clone(),
            after: site.after.clone(),
            accepted: unique,
        };
        let mut question = self.question(QuestionKind::Cloze, prompt, f, body);
        question.answer_text = site.blank.clone();
        question
    }
}
