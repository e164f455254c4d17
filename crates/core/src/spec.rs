//! What quiz to make (`QuizSpec`), its limits, and its one serialization as URL pairs.

use crate::fact::Topic;
use crate::question::{Difficulty, QuestionKind};
use serde::{Deserialize, Serialize};

/// The quiz lengths offered on the start screen; any count from 1 to `MAX_COUNT` is accepted from a URL.
pub const LENGTHS: [usize; 4] = [5, 10, 15, 20];
pub const MAX_COUNT: usize = 50;
pub const DEFAULT_COUNT: usize = 10;

/// What quiz to make: the seed decides everything else that is random.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSpec {
    pub seed: u64,
    pub count: usize,
    /// Only these topics; empty means all.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Only these kinds; empty means all.
    #[serde(default)]
    pub kinds: Vec<QuestionKind>,
    /// Only kinds this difficulty admits; `None` means every kind.
    #[serde(default)]
    pub difficulty: Option<Difficulty>,
    /// A reading quiz: which passage (`Prepared::passages`, 0-based) the questions come
    /// from. Only facts it holds are asked, each once, with the reading kinds only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<usize>,
}

impl QuizSpec {
    pub fn new(seed: u64, count: usize) -> QuizSpec {
        QuizSpec {
            seed,
            count,
            topics: Vec::new(),
            kinds: Vec::new(),
            difficulty: None,
            passage: None,
        }
    }

    /// Whether the spec lets the quiz ask this kind.
    pub fn admits(&self, kind: QuestionKind) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind))
            && self.difficulty.is_none_or(|d| d.admits(kind))
    }

    /// Whether the spec lets the quiz ask about this topic.
    pub fn admits_topic(&self, topic: &Topic) -> bool {
        self.topics.is_empty() || self.topics.contains(topic)
    }

    /// Whether only source checks are asked (a source-literacy lesson).
    pub fn source_checks_only(&self) -> bool {
        !self.kinds.is_empty() && self.kinds.iter().all(|&k| k == QuestionKind::SourceCheck)
    }

    /// The URL pairs that reproduce this quiz exactly, in the order pages write them.
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        query_pairs(&SpecFields {
            seed: Some(self.seed),
            count: Some(self.count),
            topics: &self.topics,
            kinds: &self.kinds,
            difficulty: self.difficulty,
            passage: self.passage,
        })
    }

    /// [`QuizSpec::query_pairs`] as a query string (`seed=42&count=10&…`), without `?`.
    pub fn query(&self) -> String {
        join_query(&self.query_pairs())
    }
}

/// A spec whose seed and count may be unset: what a page's configuration names of a quiz.
pub struct SpecFields<'a> {
    pub seed: Option<u64>,
    pub count: Option<usize>,
    pub topics: &'a [Topic],
    pub kinds: &'a [QuestionKind],
    pub difficulty: Option<Difficulty>,
    pub passage: Option<usize>,
}

/// The one serialization of a spec's fields as URL pairs; unset and empty fields are left out,
/// and the passage is written 1-based, as pages and the teacher's list number them.
pub fn query_pairs(fields: &SpecFields) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(seed) = fields.seed {
        pairs.push(("seed", seed.to_string()));
    }
    if let Some(count) = fields.count {
        pairs.push(("count", count.to_string()));
    }
    if !fields.topics.is_empty() {
        let topics: Vec<&str> = fields.topics.iter().map(|t| t.0.as_str()).collect();
        pairs.push(("topics", topics.join(",")));
    }
    if !fields.kinds.is_empty() {
        let kinds: Vec<&str> = fields.kinds.iter().map(|k| k.name()).collect();
        pairs.push(("kinds", kinds.join(",")));
    }
    if let Some(difficulty) = fields.difficulty {
        pairs.push(("difficulty", difficulty.name().to_string()));
    }
    if let Some(passage) = fields.passage {
        pairs.push(("passage", (passage + 1).to_string()));
    }
    pairs
}

/// `key=value` pairs joined with `&` (values here are ids, digits and commas: nothing to escape).
pub fn join_query(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}
