//! Questions as the generator makes them and the learner answers them, and how an answer is graded.

use crate::decimal::Decimal;
use crate::fact::{Evidence, FactId, Status, Topic};
use serde::{Deserialize, Serialize};

/// The eight kinds of question the generator makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    MultipleChoice,
    TrueFalse,
    Numeric,
    Cloze,
    WhoSaid,
    Matching,
    Ordering,
    SourceCheck,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 8] = [
        QuestionKind::MultipleChoice,
        QuestionKind::TrueFalse,
        QuestionKind::Numeric,
        QuestionKind::Cloze,
        QuestionKind::WhoSaid,
        QuestionKind::Matching,
        QuestionKind::Ordering,
        QuestionKind::SourceCheck,
    ];

    /// The name used in URLs, the CLI and JSON (`multiple_choice`).
    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::Numeric => "numeric",
            QuestionKind::Cloze => "cloze",
            QuestionKind::WhoSaid => "who_said",
            QuestionKind::Matching => "matching",
            QuestionKind::Ordering => "ordering",
            QuestionKind::SourceCheck => "source_check",
        }
    }

    pub fn from_name(name: &str) -> Option<QuestionKind> {
        QuestionKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
    }

    /// How hard this kind is on its own: see "Difficulty" in the README.
    pub fn level(self) -> Difficulty {
        match self {
            QuestionKind::TrueFalse | QuestionKind::MultipleChoice | QuestionKind::WhoSaid => {
                Difficulty::Easy
            }
            QuestionKind::Cloze | QuestionKind::Matching => Difficulty::Medium,
            QuestionKind::Numeric | QuestionKind::Ordering | QuestionKind::SourceCheck => {
                Difficulty::Hard
            }
        }
    }
}

/// How demanding a quiz is.
///
/// * easy: recognise the answer (true/false, multiple choice, who said it);
/// * medium: the easy kinds plus recall in context (cloze) and matching;
/// * hard: recall and reasoning (cloze, matching, numeric entry, timeline ordering, source checks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn name(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    pub fn from_name(name: &str) -> Option<Difficulty> {
        Difficulty::ALL.into_iter().find(|d| d.name() == name)
    }

    /// Whether a quiz of this difficulty includes questions of this kind.
    pub fn admits(self, kind: QuestionKind) -> bool {
        match self {
            Difficulty::Easy => kind.level() == Difficulty::Easy,
            Difficulty::Medium => kind.level() <= Difficulty::Medium,
            Difficulty::Hard => kind.level() >= Difficulty::Medium,
        }
    }
}

/// What the learner must give, and the correct answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Body {
    /// Pick one option (multiple choice, true/false, who said it, source check).
    Choice {
        options: Vec<String>,
        correct: usize,
    },
    /// Type a number; right within `tolerance` of `answer`, in `unit`.
    Numeric {
        unit: String,
        answer: Decimal,
        tolerance: Decimal,
    },
    /// Fill the blank between `before` and `after` (a verbatim quote); any of `accepted` is right.
    Cloze {
        before: String,
        after: String,
        accepted: Vec<String>,
    },
    /// Pair every left item with a right item; `pairs[i]` is the right index for left item `i`.
    Matching {
        left: Vec<String>,
        right: Vec<String>,
        pairs: Vec<usize>,
    },
    /// Put `items` in order; `order` lists item indexes from first to last.
    Ordering {
        items: Vec<String>,
        order: Vec<usize>,
    },
}

/// A learner's answer to one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    Choice(usize),
    Number(Decimal),
    Text(String),
    /// The right index chosen for each left item.
    Pairs(Vec<usize>),
    /// Item indexes from first to last.
    Order(Vec<usize>),
}

/// One question, with everything needed to grade it and to explain its answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub kind: QuestionKind,
    pub prompt: String,
    pub topic: Topic,
    pub body: Body,
    pub fact_ids: Vec<FactId>,
    /// The weakest status among its facts (conflicting, then single-source, then corroborated).
    pub status: Status,
    /// The correct answer in words.
    pub answer_text: String,
    pub explanation: String,
    /// The quotes that state the answer: what the status line counts.
    pub quotes: Vec<Evidence>,
    /// Quotes that set the scene but do not state the answer, shown apart and labelled, so that
    /// the count a reader sees equals the quotes shown as support.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<Evidence>,
}

impl Question {
    /// Whether `response` is a correct answer to this question.
    pub fn grade(&self, response: &Response) -> bool {
        match (&self.body, response) {
            (Body::Choice { correct, .. }, Response::Choice(chosen)) => chosen == correct,
            (
                Body::Numeric {
                    answer, tolerance, ..
                },
                Response::Number(given),
            ) => {
                // By distance in f64, as a float-typed answer was graded: `to_f64` is exact
                // for any number typed with up to 15 digits.
                let distance = (given.to_f64() - answer.to_f64()).abs();
                distance.is_finite() && distance <= tolerance.to_f64()
            }
            (Body::Cloze { accepted, .. }, Response::Text(given)) => {
                let given = normalize_answer(given);
                !given.is_empty() && accepted.iter().any(|a| normalize_answer(a) == given)
            }
            (Body::Matching { pairs, .. }, Response::Pairs(given)) => given == pairs,
            (Body::Ordering { order, .. }, Response::Order(given)) => given == order,
            _ => false,
        }
    }

    /// For a matching, whether each row is paired rightly; for an ordering, whether each
    /// position holds its item. Empty for the kinds answered in one piece.
    pub fn parts_right(&self, response: &Response) -> Vec<bool> {
        match (&self.body, response) {
            (Body::Matching { pairs, .. }, Response::Pairs(given)) => pairs
                .iter()
                .enumerate()
                .map(|(i, p)| given.get(i) == Some(p))
                .collect(),
            (Body::Ordering { order, .. }, Response::Order(given)) => order
                .iter()
                .enumerate()
                .map(|(i, o)| given.get(i) == Some(o))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A response that is right, for tests and for showing the answer.
    pub fn correct_response(&self) -> Response {
        match &self.body {
            Body::Choice { correct, .. } => Response::Choice(*correct),
            Body::Numeric { answer, .. } => Response::Number(*answer),
            Body::Cloze { accepted, .. } => Response::Text(accepted[0].clone()),
            Body::Matching { pairs, .. } => Response::Pairs(pairs.clone()),
            Body::Ordering { order, .. } => Response::Order(order.clone()),
        }
    }
}

/// The range a numeric answer admits, `answer ± tolerance`, worked out exactly: what exports
/// and xAPI statements print (`673.2` and `686.8` for 680 ± 6.8).
pub fn admitted_range(answer: Decimal, tolerance: Decimal) -> (Decimal, Decimal) {
    // The generator's sums have at most 20 digits in all; only a made-up body could overflow.
    match (answer.checked_sub(tolerance), answer.checked_add(tolerance)) {
        (Some(low), Some(high)) => (low, high),
        _ => (answer, answer),
    }
}

/// Folds case, whitespace, currency signs, thousands separators and edge punctuation,
/// so "$500 Million" matches "500 million" and "Zelenskyy." matches "zelenskyy".
pub fn normalize_answer(text: &str) -> String {
    let folded = crate::text::fold(text);
    let kept: String = folded.chars().filter(|c| !matches!(c, '$' | ',')).collect();
    kept.trim_matches(|c: char| {
        c.is_ascii_punctuation() || c.is_whitespace() || matches!(c, '“' | '”' | '’')
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fact_layer_names_every_kind_as_the_question_layer_does() {
        let names: Vec<&str> = QuestionKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(names, crate::fact::QUESTION_KIND_NAMES);
    }
}
