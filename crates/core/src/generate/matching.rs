//! Matching and timeline ordering: several labelled facts in one question.

use super::dice::Dice;
use super::distractors::{related, similar_kinds};
use super::plan::{MatchGroup, TopicIdx};
use super::words::ENGLISH;
use super::Generator;
use crate::fact::{AnswerKind, Fact, Topic, Value};
use crate::question::{Body, Question, QuestionKind};
use crate::table::{FactIdx, FactTable, PerFact};
use crate::text::same_folded;

/// Candidate facts for one multi-fact question, and which of them may not stand side by side.
#[derive(Clone, Debug, Default)]
pub(super) struct Pool {
    /// Ascending.
    facts: Vec<FactIdx>,
    /// Row-major, pool position × pool position: whether the two facts clash.
    clash: Vec<bool>,
}

/// The pools of every matching group and of ordering.
#[derive(Clone, Debug)]
pub(super) struct Pools {
    /// One per group, in [`MatchGroup::ALL`] order.
    matching: [Pool; MatchGroup::ALL.len()],
    ordering: Pool,
}

impl Pools {
    /// Single-version facts with a label: per matching group by answer kind, and dated ones for ordering.
    pub(super) fn new(table: &FactTable) -> Pools {
        Pools {
            matching: MatchGroup::ALL.map(|group| {
                Pool::new(table, false, |f| {
                    similar_kinds(f.kind, group.kind())
                        && f.kind != AnswerKind::Speaker
                        && !f.avoids(QuestionKind::Matching.name())
                })
            }),
            ordering: Pool::new(table, true, |f| {
                f.kind == AnswerKind::Date && !f.avoids(QuestionKind::Ordering.name())
            }),
        }
    }

    fn matching(&self, group: MatchGroup) -> &Pool {
        &self.matching[group as usize]
    }
}

impl Pool {
    /// The labelled single-version facts `keep` admits; in an `ordering` pool, facts clash when
    /// their dates agree, otherwise when their labels do; always when one supports the other's answer.
    fn new(table: &FactTable, ordering: bool, keep: impl Fn(&Fact) -> bool) -> Pool {
        let facts: Vec<FactIdx> = table
            .indexed()
            .filter(|(_, f)| f.versions.len() == 1 && f.label.is_some() && keep(f))
            .map(|(i, _)| i)
            .collect();
        let mut clash = Vec::with_capacity(facts.len() * facts.len());
        for &a in &facts {
            for &b in &facts {
                let (x, y) = (&table[a], &table[b]);
                let distinct = if ordering {
                    matches!((x.answer(), y.answer()), (Value::Date(d), Value::Date(e)) if !d.agrees_with(e))
                } else {
                    !same_folded(&x.label(), &y.label())
                };
                // Related sums (a part and its total, one sum in two currencies) are never two
                // lines, nor are two facts of one group.
                let same_group = x.group.is_some() && x.group == y.group;
                clash.push(
                    a != b
                        && (x.supports(y.answer())
                            || y.supports(x.answer())
                            || !distinct
                            || related(x, y)
                            || same_group),
                );
            }
        }
        Pool { facts, clash }
    }

    /// Up to `n` of `candidates` (facts of this pool) that may stand side by side, drawn at random.
    fn compatible(&self, candidates: &[FactIdx], n: usize, dice: &mut Dice) -> Vec<FactIdx> {
        let position = |f: FactIdx| self.facts.binary_search(&f).unwrap_or(0);
        let mut candidates = candidates.to_vec();
        dice.shuffle(&mut candidates);
        let mut chosen: Vec<FactIdx> = Vec::new();
        for f in candidates {
            let a = position(f);
            if !chosen
                .iter()
                .any(|&c| self.clash[a * self.facts.len() + position(c)])
            {
                chosen.push(f);
                if chosen.len() == n {
                    break;
                }
            }
        }
        chosen
    }
}

impl Generator<'_> {
    /// The facts of a pool that are unused and in the spec's topics.
    fn unused(&self, pool: &Pool, used: &PerFact<bool>) -> Vec<FactIdx> {
        pool.facts
            .iter()
            .copied()
            .filter(|&i| !used[i] && self.spec.admits_topic(&self.table()[i].topic))
            .collect()
    }

    /// The matching group's candidates under the spec, if it can make a question (3 or more).
    pub(super) fn matching_candidates(
        &self,
        group: MatchGroup,
        used: &PerFact<bool>,
    ) -> Vec<FactIdx> {
        self.unused(self.prepared.pools.matching(group), used)
    }

    /// The ordering pool's candidates under the spec.
    pub(super) fn ordering_candidates(&self, used: &PerFact<bool>) -> Vec<FactIdx> {
        self.unused(&self.prepared.pools.ordering, used)
    }

    /// The topic most of a pool's facts share (the first such, in table order of first use).
    pub(super) fn pool_topic(&self, pool: &[FactIdx]) -> TopicIdx {
        let mut counts: Vec<(&Topic, usize)> = Vec::new();
        for &f in pool {
            let topic = &self.table()[f].topic;
            match counts.iter_mut().find(|(t, _)| *t == topic) {
                Some((_, n)) => *n += 1,
                None => counts.push((topic, 1)),
            }
        }
        let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
        counts
            .into_iter()
            .find(|(_, n)| *n == best)
            .map_or(0, |(t, _)| self.prepared.topic_index(t))
    }

    pub(super) fn matching(
        &self,
        group: MatchGroup,
        used: &PerFact<bool>,
        dice: &mut Dice,
    ) -> Option<(Question, Vec<FactIdx>)> {
        let pool = self.matching_candidates(group, used);
        let chosen = self
            .prepared
            .pools
            .matching(group)
            .compatible(&pool, 4, dice);
        if chosen.len() < 3 {
            return None;
        }
        let facts: Vec<&Fact> = chosen.iter().map(|&f| &self.table()[f]).collect();
        let left: Vec<String> = facts.iter().map(|f| f.label()).collect();
        let mut right_order: Vec<usize> = (0..facts.len()).collect();
        dice.shuffle(&mut right_order);
        let right: Vec<String> = right_order
            .iter()
            .map(|&i| facts[i].answer().to_string())
            .collect();
        let pairs: Vec<usize> = (0..facts.len())
            .map(|i| right_order.iter().position(|&r| r == i).unwrap_or(0))
            .collect();
        let answer_text = left
            .iter()
            .zip(&facts)
            .map(|(l, f)| format!("{l} → {}", f.answer()))
            .collect::<Vec<_>>()
            .join("; ");
        Some((
            self.multi_question(
                QuestionKind::Matching,
                group.prompt().into(),
                &chosen,
                Body::Matching { left, right, pairs },
                answer_text,
            ),
            chosen,
        ))
    }

    pub(super) fn ordering(
        &self,
        used: &PerFact<bool>,
        dice: &mut Dice,
    ) -> Option<(Question, Vec<FactIdx>)> {
        let pool = self.ordering_candidates(used);
        let n = if pool.len() >= 5 && dice.below(2) == 0 {
            5
        } else {
            4
        };
        let chosen = self.prepared.pools.ordering.compatible(&pool, n, dice);
        if chosen.len() < 4 {
            return None;
        }
        let facts: Vec<&Fact> = chosen.iter().map(|&f| &self.table()[f]).collect();
        let key = |f: &Fact| match f.answer() {
            Value::Date(d) => (d.year, d.month, d.day),
            _ => (0, 0, 0),
        };
        let items: Vec<String> = facts.iter().map(|f| f.label()).collect();
        let mut order: Vec<usize> = (0..facts.len()).collect();
        crate::order::sort_by_key(&mut order, |&i| key(facts[i]));
        let answer_text = order
            .iter()
            .map(|&i| format!("{} ({})", items[i], facts[i].answer()))
            .collect::<Vec<_>>()
            .join(" → ");
        let prompt = ENGLISH.ordering.to_string();
        Some((
            self.multi_question(
                QuestionKind::Ordering,
                prompt,
                &chosen,
                Body::Ordering { items, order },
                answer_text,
            ),
            chosen,
        ))
    }
}
