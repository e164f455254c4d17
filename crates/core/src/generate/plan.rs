//! Plans: the questions a table can make, before their random details are drawn.

use super::words::ENGLISH;
use crate::fact::AnswerKind;
use crate::question::QuestionKind;
use crate::table::FactIdx;

/// Index into the prepared table's topics (`Prepared::topics`).
pub(super) type TopicIdx = usize;

/// One question the table can make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Plan {
    /// A question about one fact.
    Single {
        kind: QuestionKind,
        fact: FactIdx,
        topic: TopicIdx,
    },
    /// Pairs of one group's facts, drawn when it is chosen.
    Matching { group: MatchGroup, topic: TopicIdx },
    /// Dated facts to put in order, drawn when it is chosen.
    Ordering { topic: TopicIdx },
}

impl Plan {
    pub(super) fn kind(&self) -> QuestionKind {
        match *self {
            Plan::Single { kind, .. } => kind,
            Plan::Matching { .. } => QuestionKind::Matching,
            Plan::Ordering { .. } => QuestionKind::Ordering,
        }
    }

    pub(super) fn topic(&self) -> TopicIdx {
        match *self {
            Plan::Single { topic, .. }
            | Plan::Matching { topic, .. }
            | Plan::Ordering { topic } => topic,
        }
    }

    /// The one fact a single-fact plan asks about.
    pub(super) fn fact(&self) -> Option<FactIdx> {
        match *self {
            Plan::Single { fact, .. } => Some(fact),
            _ => None,
        }
    }
}

/// The answer kinds that pair well in a matching question: what each sum is for. Not dates (put
/// in order instead: matched, a date with its year and one without pair by their form alone,
/// "24 August" and "24 August 1991"), not people (a role names its holder: "Russia's foreign
/// minister" is Lavrov to anyone who reads the news) and not places (a square in Kyiv among
/// Russian towns pairs with the one event in Kyiv by its form alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MatchGroup {
    Money,
}

impl MatchGroup {
    pub(super) const ALL: [MatchGroup; 1] = [MatchGroup::Money];

    /// The answer kind its facts share.
    pub(super) fn kind(self) -> AnswerKind {
        match self {
            MatchGroup::Money => AnswerKind::Money,
        }
    }

    pub(super) fn prompt(self) -> &'static str {
        match self {
            MatchGroup::Money => ENGLISH.match_money,
        }
    }
}
