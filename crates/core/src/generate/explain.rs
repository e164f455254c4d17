//! Explanations: the claim, then how well the sources support it, in plain words; and the question shell.

use super::words::{fill, ENGLISH};
use super::Generator;
use crate::fact::{AnswerKind, Currency, Evidence, Fact, Money, Status, Value};
use crate::question::{Body, Question, QuestionKind};
use crate::source::{Source, SourceKind};
use crate::table::{FactIdx, FactTable};
use crate::text::{fold, normalize_whitespace};
use crate::verify::states_answer;

/// A fact's explanation (worked out once per table), with the context note its author gave;
/// `stating` are its quotes that state its answer (see [`Quotes`]).
pub(super) fn explain(table: &FactTable, fact: &Fact, stating: &[&Evidence]) -> String {
    let status = status_line(table, fact, stating);
    match &fact.note {
        Some(note) => fill(ENGLISH.with_note, &[("status", &status), ("note", note)]),
        None => status,
    }
}

/// The claim, then how well the sources support it.
fn status_line(table: &FactTable, fact: &Fact, stating: &[&Evidence]) -> String {
    match (fact.kind, fact.status) {
        (AnswerKind::SourceError, _) => fill(
            ENGLISH.error_status,
            &[
                ("claim", &fact.claim_with(&fact.answer().to_string())),
                ("correct", fact.correct.as_deref().unwrap_or_default()),
                ("reports", &correcting_reports(table, fact).0),
            ],
        ),
        (_, Status::Conflicting) => {
            let versions: Vec<String> = fact
                .versions
                .iter()
                .map(|v| {
                    let mut who: Vec<String> = Vec::new();
                    for evidence in &v.evidence {
                        let outlet = table.outlet(&evidence.source);
                        if !who.contains(&outlet) {
                            who.push(outlet);
                        }
                    }
                    let template = if who.len() > 1 {
                        ENGLISH.say
                    } else {
                        ENGLISH.says
                    };
                    fill(
                        template,
                        &[
                            ("who", &who.join(ENGLISH.and)),
                            ("value", &v.answer.to_string()),
                        ],
                    )
                })
                .collect();
            fill(
                ENGLISH.disagree,
                &[("versions", &versions.join(ENGLISH.list_separator))],
            )
        }
        (_, Status::Corroborated) => {
            let reports = reports(table, stating, false);
            fill(
                ENGLISH.confirmed,
                &[
                    ("claim", &fact.claim_with(&fact.answer().to_string())),
                    ("count", &reports.len().to_string()),
                    ("reports", &join_list(&reports)),
                ],
            )
        }
        (_, Status::SingleSource) => fill(
            ENGLISH.single,
            &[
                ("claim", &fact.claim_with(&fact.answer().to_string())),
                ("reports", &join_list(&reports(table, stating, true))),
            ],
        ),
    }
}

/// The reports of the quotes that state the fact's answer, one per independence group, each named by
/// its outlet with any copy of it that also states it ("CBC News (via a news-aggregator app), with
/// its copy CBC News, machine-translated"). With `every_copy` (a single source's status), an
/// original's copies that the fact does not quote are named too, as no second source: a student
/// who finds the claim in the copy as well must not count it twice.
fn reports(table: &FactTable, stating: &[&Evidence], every_copy: bool) -> Vec<String> {
    let stating: Vec<&Source> = stating.iter().filter_map(|e| table.source(&e.source)).fold(
        Vec::new(),
        |mut seen: Vec<&Source>, source| {
            if !seen.iter().any(|s| s.id == source.id) {
                seen.push(source);
            }
            seen
        },
    );
    let mut groups: Vec<Vec<&Source>> = Vec::new();
    for source in stating {
        match groups
            .iter_mut()
            .find(|g| g[0].independence_group == source.independence_group)
        {
            Some(group) => group.push(source),
            None => groups.push(vec![source]),
        }
    }
    groups
        .into_iter()
        .map(|mut group| {
            // The original names the report; translations and rewrites are its copies.
            crate::order::sort_by_key(&mut group, |s| s.kind != SourceKind::Original);
            let copies: Vec<&str> = group[1..].iter().map(|s| s.outlet.as_str()).collect();
            let original = group[0];
            let uncited: Vec<&str> = table
                .sources
                .iter()
                .filter(|s| {
                    every_copy
                        && copies.is_empty()
                        && original.kind == SourceKind::Original
                        && s.id != original.id
                        && s.independence_group == original.independence_group
                })
                .map(|s| s.outlet.as_str())
                .collect();
            match uncited.as_slice() {
                [] => {}
                [copy] => {
                    return fill(
                        ENGLISH.copy_no_second,
                        &[("report", &original.outlet), ("copy", copy)],
                    )
                }
                _ => {
                    return fill(
                        ENGLISH.copies_no_second,
                        &[
                            ("report", &original.outlet),
                            ("copies", &uncited.join(ENGLISH.and)),
                        ],
                    )
                }
            }
            match copies.as_slice() {
                [] => group[0].outlet.clone(),
                [copy] => fill(
                    ENGLISH.with_copy,
                    &[("report", &group[0].outlet), ("copy", copy)],
                ),
                _ => fill(
                    ENGLISH.with_copies,
                    &[
                        ("report", &group[0].outlet),
                        ("copies", &copies.join(ENGLISH.and)),
                    ],
                ),
            }
        })
        .collect()
}

/// Whether a quote of the fact states the answer of its version (every quote of a source error
/// and of its correction does: they are the error's evidence).
fn states(fact: &Fact, version: &crate::fact::Version, evidence: &Evidence) -> bool {
    fact.kind == AnswerKind::SourceError
        || states_answer(
            fact,
            &loose(&version.answer),
            &normalize_whitespace(&evidence.quote),
        )
}

/// A fact's quotes sorted once per table (each quote is read against its answer once): those
/// that state its answer, in table order, and those that only set the scene.
pub(super) struct Quotes<'t> {
    pub(super) stating: Vec<&'t Evidence>,
    pub(super) context: Vec<&'t Evidence>,
}

impl<'t> Quotes<'t> {
    pub(super) fn of(fact: &'t Fact) -> Quotes<'t> {
        let (mut stating, mut context) = (Vec::new(), Vec::new());
        for version in &fact.versions {
            for evidence in &version.evidence {
                if states(fact, version, evidence) {
                    stating.push(evidence);
                } else {
                    context.push(evidence);
                }
            }
        }
        Quotes { stating, context }
    }

    /// The quotes shown as support: those that state the answer, then the correction's.
    pub(super) fn support(&self, fact: &'t Fact) -> Vec<Evidence> {
        self.stating
            .iter()
            .copied()
            .chain(&fact.correction)
            .cloned()
            .collect()
    }
}

/// A sum with its currency left open: "$500 million" states "500 million U.S. dollars".
fn loose(value: &Value) -> Value {
    match value {
        Value::Money(money) => Value::Money(Money {
            currency: Currency::Unstated,
            usd: None,
            ..money.clone()
        }),
        other => other.clone(),
    }
}

/// The reports whose quotes give an error's correct reading, named ("CBC News (via a
/// news-aggregator app)"), and how many they are; "the other reports" when the table names none.
pub(super) fn correcting_reports(table: &FactTable, fact: &Fact) -> (String, usize) {
    let mut outlets: Vec<String> = Vec::new();
    for evidence in &fact.correction {
        let outlet = table.outlet(&evidence.source);
        if !outlets.contains(&outlet) {
            outlets.push(outlet);
        }
    }
    match outlets.len() {
        0 => (ENGLISH.other_reports.to_string(), 2),
        n => (join_list(&outlets), n),
    }
}

/// "A", "A and B", "A, B and C"; "A; B and C" when an item holds a comma ("CBC News,
/// machine-translated").
fn join_list(items: &[String]) -> String {
    let separator = if items.iter().any(|i| i.contains(',')) {
        ENGLISH.list_separator
    } else {
        ENGLISH.comma
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{}{last}", rest.join(separator), ENGLISH.and),
    }
}

impl Generator<'_> {
    /// A question about one fact, with its answer, explanation and quotes.
    /// The fact's answer as the quiz shows it. A reading quiz shows it as its passage writes it,
    /// when that is another form of the whole name ("Sofiyska Square" where the table says
    /// "Sophia Square"); a shortening ("Carney") or a bare surname would stand out among whole
    /// names, so those are not used.
    pub(super) fn shown_answer(&self, f: FactIdx) -> String {
        let answer = &self.prepared.facts[f].answer;
        let Some(passage) = self.passage else {
            return answer.clone();
        };
        let text = fold(&passage.text);
        let words = |s: &str| s.split_whitespace().count();
        if text.contains(&fold(answer)) {
            return answer.clone();
        }
        self.table()[f]
            .spellings
            .iter()
            .find(|s| {
                words(s) == words(answer)
                    && !fold(answer).contains(&fold(s))
                    && text.contains(&fold(s))
            })
            .unwrap_or(answer)
            .clone()
    }

    pub(super) fn question(
        &self,
        kind: QuestionKind,
        prompt: String,
        f: FactIdx,
        body: Body,
    ) -> Question {
        let fact = &self.table()[f];
        let prep = &self.prepared.facts[f];
        Question {
            kind,
            prompt,
            topic: fact.topic.clone(),
            body,
            fact_ids: vec![fact.id.clone()],
            status: fact.status,
            answer_text: self.shown_answer(f),
            explanation: prep.explanation.clone(),
            quotes: prep.quotes.clone(),
            context: prep.context.clone(),
        }
    }

    /// A question about several facts: the strongest status among them, every explanation and quote.
    pub(super) fn multi_question(
        &self,
        kind: QuestionKind,
        prompt: String,
        facts: &[FactIdx],
        body: Body,
        answer_text: String,
    ) -> Question {
        let table = self.table();
        Question {
            kind,
            prompt,
            topic: table[facts[0]].topic.clone(),
            body,
            fact_ids: facts.iter().map(|&f| table[f].id.clone()).collect(),
            status: facts
                .iter()
                .map(|&f| table[f].status)
                .max()
                .unwrap_or(Status::SingleSource),
            answer_text,
            explanation: facts
                .iter()
                .map(|&f| self.prepared.facts[f].explanation.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            quotes: facts
                .iter()
                .flat_map(|&f| self.prepared.facts[f].quotes.iter().cloned())
                .collect(),
            context: facts
                .iter()
                .flat_map(|&f| self.prepared.facts[f].context.iter().cloned())
                .collect(),
        }
    }
}
