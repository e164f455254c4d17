//! The verified fact table: plain data the generator reads and the browser ships, holding no algorithm's state.

use crate::fact::{Fact, FactId, Status, Topic};
use crate::source::{Source, SourceId};
use serde::{Deserialize, Serialize};
use std::ops::Index;

/// Sources and facts that passed verification, with statuses and independence groups computed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FactTable {
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
}

/// A fact's position in its table: what per-fact work is indexed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactIdx(pub usize);

/// One value per fact of a table, indexed by [`FactIdx`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PerFact<T>(Vec<T>);

impl<T> PerFact<T> {
    /// `value` for each of the table's facts.
    pub fn filled(table: &FactTable, value: T) -> PerFact<T>
    where
        T: Clone,
    {
        PerFact(vec![value; table.facts.len()])
    }

    /// Each fact's value, worked out in table order.
    pub fn from_facts(table: &FactTable, each: impl FnMut(FactIdx, &Fact) -> T) -> PerFact<T> {
        let mut each = each;
        PerFact(table.indexed().map(|(i, fact)| each(i, fact)).collect())
    }

    /// The values in table order (`FactIdx(i)` is the `i`th).
    pub fn values(&self) -> &[T] {
        &self.0
    }

    /// Every value set to `value` again.
    pub fn fill(&mut self, value: T)
    where
        T: Clone,
    {
        self.0.iter_mut().for_each(|v| *v = value.clone());
    }
}

impl<T> Index<FactIdx> for PerFact<T> {
    type Output = T;
    fn index(&self, index: FactIdx) -> &T {
        &self.0[index.0]
    }
}

impl<T> std::ops::IndexMut<FactIdx> for PerFact<T> {
    fn index_mut(&mut self, index: FactIdx) -> &mut T {
        &mut self.0[index.0]
    }
}

impl Index<FactIdx> for FactTable {
    type Output = Fact;
    fn index(&self, index: FactIdx) -> &Fact {
        &self.facts[index.0]
    }
}

impl FactTable {
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|source| &source.id == id)
    }

    pub fn fact(&self, id: &FactId) -> Option<&Fact> {
        self.facts.iter().find(|fact| &fact.id == id)
    }

    /// Every fact with its index, in table order.
    pub fn indexed(&self) -> impl Iterator<Item = (FactIdx, &Fact)> {
        self.facts.iter().enumerate().map(|(i, f)| (FactIdx(i), f))
    }

    /// The outlet that published a source (its id when the table lacks it).
    pub fn outlet(&self, id: &SourceId) -> String {
        self.source(id).map_or(id.0.clone(), |s| s.outlet.clone())
    }

    /// The topics the table uses, in first-use order.
    pub fn topics(&self) -> Vec<Topic> {
        let mut topics: Vec<Topic> = Vec::new();
        for fact in &self.facts {
            if !topics.contains(&fact.topic) {
                topics.push(fact.topic.clone());
            }
        }
        topics
    }

    pub fn count_by_status(&self, status: Status) -> usize {
        self.facts
            .iter()
            .filter(|fact| fact.status == status)
            .count()
    }

    /// One line a person can read: how many facts, per status, and sources.
    pub fn summary(&self) -> String {
        format!(
            "{} facts ({} corroborated, {} single-source, {} conflicting) from {} sources in {} independence groups",
            self.facts.len(),
            self.count_by_status(Status::Corroborated),
            self.count_by_status(Status::SingleSource),
            self.count_by_status(Status::Conflicting),
            self.sources.len(),
            self.independence_groups(),
        )
    }

    pub fn independence_groups(&self) -> usize {
        let mut groups: Vec<&str> = self
            .sources
            .iter()
            .map(|s| s.independence_group.as_str())
            .collect();
        crate::order::sort(&mut groups);
        groups.dedup();
        groups.len()
    }
}
