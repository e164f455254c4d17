//! The verified fact table: what the generator reads and what ships to the browser.

use crate::fact::{AnswerKind, Fact, FactId, Status, Topic};
use crate::source::{Source, SourceId};
use serde::{Deserialize, Serialize};

/// Sources and facts that passed verification, with statuses and independence groups computed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FactTable {
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    /// The generator's per-table memo (distractors, cloze sites), filled by the first quiz.
    #[serde(skip)]
    pub cache: crate::generate::GeneratorCache,
}

impl FactTable {
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|source| &source.id == id)
    }

    pub fn fact(&self, id: &FactId) -> Option<&Fact> {
        self.facts.iter().find(|fact| &fact.id == id)
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

    pub fn count_by_kind(&self, kind: AnswerKind) -> usize {
        self.facts.iter().filter(|fact| fact.kind == kind).count()
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
        groups.sort_unstable();
        groups.dedup();
        groups.len()
    }
}
