//! What the generator works out once per table, so that every quiz after the first only draws.

use super::cloze::{self, ClozeSite};
use super::distractors::{conflict_options, distractors};
use super::explain::{explain, Quotes};
use super::leak;
use super::matching::Pools;
use super::numeric::numeric_answer;
use super::plan::{Plan, TopicIdx};
use super::source_check::{claim_len, comparable_lengths, Foils};
use crate::fact::{AnswerKind, Evidence, Fact, Topic, Value};
use crate::question::QuestionKind;
use crate::reading::{self, Askable, Passage};
use crate::source::SourceId;
use crate::table::{FactIdx, FactTable, PerFact};
use std::sync::OnceLock;

/// A fact table with the per-table work done: what [`super::generate`] and a
/// [`crate::Session`] take. Callers own it (the CLI, the page, the tests) and build it once.
#[derive(Debug)]
pub struct Prepared {
    pub(super) table: FactTable,
    pub(super) topics: Vec<Topic>,
    pub(super) facts: PerFact<FactPrep>,
    /// Every single-fact question the table can make, before any filter, in table order.
    pub(super) plans: Vec<Plan>,
    pub(super) pools: Pools,
    pub(super) foils: Foils,
    /// Whether a fact can be asked as a source check: a lesson of source checks only prefers
    /// foils that cannot, which keep no question out of it.
    pub(super) checkable: PerFact<bool>,
    /// The reading passages, worked out by the first reading quiz or view that needs them.
    passages: OnceLock<Vec<Passage>>,
    /// How they are worked out: from the articles' texts, or not at all (see `without_passages`).
    find_passages: fn(&Prepared) -> Vec<Passage>,
}

/// One fact's share of the per-table work.
#[derive(Clone, Debug)]
pub(super) struct FactPrep {
    /// Values of its kind and scale that no source supports for it, in a fixed order.
    pub(super) distractors: Vec<Value>,
    /// Where its quotes can be blanked for a cloze.
    pub(super) cloze: Vec<ClozeSite>,
    /// Its answer as shown, its claim with that answer, and its explanation.
    pub(super) answer: String,
    pub(super) claim: String,
    /// The claim's length in characters (source checks compare it for every foil they sort).
    pub(super) claim_chars: usize,
    pub(super) explanation: String,
    /// The quotes that state its answer (then its correction's), and those that only set the scene.
    pub(super) quotes: Vec<Evidence>,
    pub(super) context: Vec<Evidence>,
    /// What would give its answer away if another question printed it (see `leak::keys`).
    pub(super) leak_keys: Vec<String>,
    /// The sentences its quotes stand in (each report's sentence once, as an index into the
    /// table's distinct sentences): source checks never show two claims from one sentence.
    pub(super) sentences: Vec<u32>,
    /// The other facts of its `group`: a quiz that asks or shows it asks and shows none of them.
    pub(super) siblings: Vec<FactIdx>,
}

impl Prepared {
    /// Does the per-table work for `table` (a few milliseconds for the shipped one).
    pub fn new(table: FactTable) -> Prepared {
        Prepared::with(table, |prepared| {
            reading::passages(&prepared.table, &prepared.askable())
        })
    }

    /// As [`Prepared::new`], for a table without its articles' texts, which makes no reading
    /// passages: the same quizzes, and a program that never calls `new` (the reader's browser
    /// bundle) never holds the code that works passages out.
    pub fn without_passages(table: FactTable) -> Prepared {
        Prepared::with(table, |_| Vec::new())
    }

    fn with(table: FactTable, find_passages: fn(&Prepared) -> Vec<Passage>) -> Prepared {
        let facts = PerFact::from_facts(&table, |_, fact| {
            let answer = fact.answer().to_string();
            let claim = fact.claim_with(&answer);
            let quotes = Quotes::of(fact);
            FactPrep {
                distractors: distractors(&table, fact),
                cloze: cloze::sites(fact),
                claim_chars: claim.chars().count(),
                claim,
                explanation: explain(&table, fact, &quotes.stating),
                quotes: quotes.support(fact),
                context: quotes.context.iter().copied().cloned().collect(),
                leak_keys: Vec::new(),
                sentences: Vec::new(),
                answer,
                siblings: fact.group.as_ref().map_or(Vec::new(), |group| {
                    table
                        .indexed()
                        .filter(|(_, other)| {
                            other.group.as_ref() == Some(group) && other.id != fact.id
                        })
                        .map(|(i, _)| i)
                        .collect()
                }),
            }
        });
        let mut prepared = Prepared {
            topics: table.topics(),
            pools: Pools::new(&table),
            foils: Foils::new(&table),
            checkable: PerFact::filled(&table, false),
            facts,
            plans: Vec::new(),
            passages: OnceLock::new(),
            find_passages,
            table,
        };
        prepared.plans = prepared.single_fact_plans();
        for plan in &prepared.plans {
            if let Plan::Single {
                kind: QuestionKind::SourceCheck,
                fact,
                ..
            } = *plan
            {
                prepared.checkable[fact] = true;
            }
        }
        let mut distinct: Vec<(&SourceId, String)> = Vec::new();
        let mut sentences = Vec::new();
        for (_, fact) in prepared.table.indexed() {
            let mut ids = Vec::new();
            for e in fact.all_evidence() {
                let sentence = (&e.source, format!("{}{}{}", e.lead, e.quote, e.tail));
                let id = match distinct.iter().position(|d| *d == sentence) {
                    Some(id) => id,
                    None => {
                        distinct.push(sentence);
                        distinct.len() - 1
                    }
                };
                ids.push(id as u32);
            }
            sentences.push(ids);
        }
        for (f, ids) in sentences.into_iter().enumerate() {
            let f = FactIdx(f);
            prepared.facts[f].sentences = ids;
            prepared.facts[f].leak_keys = leak::keys(&prepared, f);
        }
        prepared
    }

    /// The table this was prepared from.
    pub fn table(&self) -> &FactTable {
        &self.table
    }

    /// The table's reading passages: per source in table order, in text order; the same table
    /// always gives the same list. Worked out on first use (a few milliseconds), then kept.
    pub fn passages(&self) -> &[Passage] {
        self.passages.get_or_init(|| (self.find_passages)(self))
    }

    /// Whether two facts quote the same sentence of the same report.
    pub(super) fn share_a_sentence(&self, a: FactIdx, b: FactIdx) -> bool {
        let theirs = &self.facts[b].sentences;
        self.facts[a].sentences.iter().any(|s| theirs.contains(s))
    }

    pub(super) fn topic_index(&self, topic: &Topic) -> TopicIdx {
        self.topics.iter().position(|t| t == topic).unwrap_or(0)
    }

    /// What a reading passage could ask of each fact: the kinds the table supports and the
    /// quotes a cloze can blank.
    fn askable(&self) -> Vec<Askable<'_>> {
        self.table
            .indexed()
            .map(|(f, _)| Askable {
                fact: f,
                kinds: self
                    .plans
                    .iter()
                    .filter(|p| p.fact() == Some(f))
                    .map(Plan::kind)
                    .collect(),
                cloze_quotes: self.facts[f]
                    .cloze
                    .iter()
                    .map(|site| (&site.source, site.quote()))
                    .collect(),
            })
            .collect()
    }

    fn single_fact_plans(&self) -> Vec<Plan> {
        let mut plans = Vec::new();
        for (fact, f) in self.table.indexed() {
            let topic = self.topic_index(&f.topic);
            for kind in QuestionKind::ALL {
                if self.supports_kind(fact, f, kind) {
                    plans.push(Plan::Single { kind, fact, topic });
                }
            }
        }
        plans
    }

    fn supports_kind(&self, idx: FactIdx, fact: &Fact, kind: QuestionKind) -> bool {
        let prep = &self.facts[idx];
        if fact.avoids(kind.name()) {
            return false;
        }
        let single = fact.versions.len() == 1;
        // "Over $1 billion" makes every smaller figure true too: such facts are not asked with distractors.
        let lower_bound = matches!(fact.answer(), Value::Money(m) if m.over);
        let plain = single
            && !lower_bound
            && !matches!(fact.kind, AnswerKind::SourceError | AnswerKind::Speaker);
        match kind {
            QuestionKind::MultipleChoice => plain && prep.distractors.len() >= 3,
            QuestionKind::TrueFalse => plain && !prep.distractors.is_empty(),
            QuestionKind::Numeric => single && numeric_answer(fact).is_some(),
            QuestionKind::Cloze => plain && !prep.cloze.is_empty(),
            QuestionKind::WhoSaid => {
                fact.kind == AnswerKind::Speaker
                    && fact.quotation.is_some()
                    && prep.distractors.len() >= 3
            }
            QuestionKind::SourceCheck => match fact.kind {
                AnswerKind::SourceError => fact.correct.is_some() && prep.distractors.len() >= 3,
                _ if !single => conflict_options(fact).len() >= 2,
                AnswerKind::Speaker => false,
                // Three foils about as long as the key, some longer and some shorter: else the
                // key would always be the longest option, or the shortest.
                _ => {
                    let key = claim_len(self, idx);
                    let comparable: Vec<usize> = self
                        .foils
                        .against(fact.status)
                        .iter()
                        .map(|&c| claim_len(self, c))
                        .filter(|&len| comparable_lengths(len, key))
                        .collect();
                    let shorter = comparable.iter().filter(|&&len| len < key).count();
                    comparable.len() >= 3 && shorter >= 1 && comparable.len() - shorter >= 1
                }
            },
            QuestionKind::Matching | QuestionKind::Ordering => false,
        }
    }
}
