//! The quiz as a state machine: answering, checking, moving on, and the score, with no I/O.

use crate::decimal::Decimal;
use crate::fact::Topic;
use crate::generate::{generate, Prepared, Quiz};
use crate::json::Json;
use crate::question::{Body, Difficulty, Question, QuestionKind, Response};
use crate::spec::QuizSpec;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Where a learner is in a quiz. Everything else (the questions) is regenerated from the spec.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub spec: QuizSpec,
    /// The checked answer to each question so far, in order.
    pub answers: Vec<Response>,
    /// Whether the current question's answer has been checked and its feedback is showing.
    pub showing_feedback: bool,
    /// How long each checked answer took, in milliseconds (from the question appearing to Check).
    #[serde(default)]
    pub elapsed_ms: Vec<u64>,
    /// What the learner has entered on the current question but not checked yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<DraftAnswer>,
}

/// An answer being entered, for any kind; it becomes a `Response` on Check once complete.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftAnswer {
    #[serde(default)]
    pub choice: Option<usize>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub pairs: Vec<Option<usize>>,
    #[serde(default)]
    pub order: Vec<usize>,
}

impl DraftAnswer {
    /// The empty draft for a question: no pairs chosen, items in the order shown.
    pub fn for_question(question: &Question) -> DraftAnswer {
        match &question.body {
            Body::Matching { left, .. } => DraftAnswer {
                pairs: vec![None; left.len()],
                ..DraftAnswer::default()
            },
            Body::Ordering { items, .. } => DraftAnswer {
                order: (0..items.len()).collect(),
                ..DraftAnswer::default()
            },
            _ => DraftAnswer::default(),
        }
    }

    /// The response this draft gives, or `None` while it is incomplete (or does not fit the question).
    pub fn response(&self, body: &Body) -> Option<Response> {
        match body {
            Body::Choice { options, .. } => self
                .choice
                .filter(|&c| c < options.len())
                .map(Response::Choice),
            Body::Numeric { .. } => parse_number(&self.text).map(Response::Number),
            Body::Cloze { .. } => {
                (!self.text.trim().is_empty()).then(|| Response::Text(self.text.trim().to_string()))
            }
            Body::Matching { left, right, .. } => {
                let pairs: Vec<usize> = self.pairs.iter().copied().collect::<Option<Vec<_>>>()?;
                (pairs.len() == left.len() && pairs.iter().all(|&r| r < right.len()))
                    .then_some(Response::Pairs(pairs))
            }
            Body::Ordering { items, .. } => {
                let mut sorted = self.order.clone();
                crate::order::sort(&mut sorted);
                (sorted == (0..items.len()).collect::<Vec<_>>())
                    .then(|| Response::Order(self.order.clone()))
            }
        }
    }
}

/// Reads a typed number: "1500", "1,500" and "1 500" are fifteen hundred, "2.5" and "2,5" two and a half.
///
/// A single comma followed by exactly three digits groups thousands; any other single comma is a decimal comma.
pub fn parse_number(text: &str) -> Option<Decimal> {
    let compact: String = text.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let commas = compact.matches(',').count();
    let grouping = commas > 1
        || compact.contains('.')
        || compact
            .rsplit(',')
            .next()
            .is_some_and(|tail| commas == 1 && tail.len() == 3);
    let normalized = if grouping {
        compact.replace(',', "")
    } else {
        compact.replace(',', ".")
    };
    Decimal::parse(&normalized)
}

impl Progress {
    /// As saved in localStorage: the JSON serde_json wrote for a `Progress`, byte for byte, so a
    /// save moves between this build and older ones both ways.
    pub fn to_json(&self) -> String {
        let spec = &self.spec;
        let spec_json = Json::object([
            ("seed", Json::uint(spec.seed)),
            ("count", Json::uint(spec.count as u64)),
            (
                "topics",
                Json::strings(&spec.topics.iter().map(|t| t.0.as_str()).collect::<Vec<_>>()),
            ),
            (
                "kinds",
                Json::strings(&spec.kinds.iter().map(|k| k.name()).collect::<Vec<_>>()),
            ),
            (
                "difficulty",
                spec.difficulty.map_or(Json::Null, |d| Json::str(d.name())),
            ),
        ])
        .with_some("passage", spec.passage.map(|p| Json::uint(p as u64)));
        let indexes =
            |items: &[usize]| Json::Array(items.iter().map(|&i| Json::uint(i as u64)).collect());
        let answers = self
            .answers
            .iter()
            .map(|response| match response {
                Response::Choice(i) => Json::object([("choice", Json::uint(*i as u64))]),
                Response::Number(n) => Json::object([("number", Json::Number(n.to_json()))]),
                Response::Text(text) => Json::object([("text", Json::str(text))]),
                Response::Pairs(pairs) => Json::object([("pairs", indexes(pairs))]),
                Response::Order(order) => Json::object([("order", indexes(order))]),
            })
            .collect();
        let draft = self.draft.as_ref().map(|draft| {
            let optional = |i: Option<usize>| i.map_or(Json::Null, |i| Json::uint(i as u64));
            Json::object([
                ("choice", optional(draft.choice)),
                ("text", Json::str(&draft.text)),
                (
                    "pairs",
                    Json::Array(draft.pairs.iter().map(|&p| optional(p)).collect()),
                ),
                ("order", indexes(&draft.order)),
            ])
        });
        Json::object([
            ("spec", spec_json),
            ("answers", Json::Array(answers)),
            ("showing_feedback", Json::Bool(self.showing_feedback)),
            (
                "elapsed_ms",
                Json::Array(self.elapsed_ms.iter().map(|&ms| Json::uint(ms)).collect()),
            ),
        ])
        .with_some("draft", draft)
        .compact()
    }

    /// Reads saved progress, this build's or an older one's (serde_json's layout, with the
    /// fields older builds lacked left out); the error names the field that does not fit.
    pub fn from_json(text: &str) -> Result<Progress, String> {
        let json = Json::parse(text)?;
        let spec_json = json.get("spec").ok_or("no spec")?;
        let count = |value: &Json, what: &str| -> Result<usize, String> {
            value
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| format!("{what} is not a count"))
        };
        // A missing list is an empty one (serde's `default`); a present one must be a list.
        let list = |value: Option<&Json>, what: &str| -> Result<Vec<Json>, String> {
            match value {
                None => Ok(Vec::new()),
                Some(value) => value
                    .as_array()
                    .map(<[Json]>::to_vec)
                    .ok_or_else(|| format!("{what} is not a list")),
            }
        };
        let counts = |value: Option<&Json>, what: &str| -> Result<Vec<usize>, String> {
            list(value, what)?.iter().map(|v| count(v, what)).collect()
        };
        let named = |value: &Json, what: &str| -> Result<String, String> {
            value
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("{what} is not a string"))
        };
        let spec = QuizSpec {
            seed: spec_json
                .get("seed")
                .and_then(Json::as_u64)
                .ok_or("spec.seed is not a number")?,
            count: count(spec_json.get("count").ok_or("no spec.count")?, "spec.count")?,
            topics: list(spec_json.get("topics"), "spec.topics")?
                .iter()
                .map(|t| named(t, "a topic").map(Topic))
                .collect::<Result<_, _>>()?,
            kinds: list(spec_json.get("kinds"), "spec.kinds")?
                .iter()
                .map(|k| {
                    k.as_str()
                        .and_then(QuestionKind::from_name)
                        .ok_or_else(|| format!("unknown kind {}", k.compact()))
                })
                .collect::<Result<_, _>>()?,
            difficulty: match spec_json.get("difficulty") {
                None | Some(Json::Null) => None,
                Some(d) => Some(
                    d.as_str()
                        .and_then(Difficulty::from_name)
                        .ok_or_else(|| format!("unknown difficulty {}", d.compact()))?,
                ),
            },
            passage: match spec_json.get("passage") {
                None | Some(Json::Null) => None,
                Some(p) => Some(count(p, "spec.passage")?),
            },
        };
        let answers = json
            .get("answers")
            .and_then(Json::as_array)
            .ok_or("no answers")?
            .iter()
            .map(|answer| {
                let Json::Object(members) = answer else {
                    return Err("an answer is not an object".to_string());
                };
                let [(kind, value)] = members.as_slice() else {
                    return Err("an answer has not one kind".to_string());
                };
                Ok(match kind.as_str() {
                    "choice" => Response::Choice(count(value, "a choice")?),
                    "number" => Response::Number(match value {
                        Json::Number(text) => {
                            Decimal::parse(text).ok_or("a number out of range")?
                        }
                        _ => return Err("a number is not a number".into()),
                    }),
                    "text" => Response::Text(named(value, "a text answer")?),
                    "pairs" => Response::Pairs(counts(Some(value), "pairs")?),
                    "order" => Response::Order(counts(Some(value), "an order")?),
                    other => return Err(format!("unknown answer kind “{other}”")),
                })
            })
            .collect::<Result<_, _>>()?;
        let draft = match json.get("draft") {
            None | Some(Json::Null) => None,
            Some(draft) => {
                let optional = |v: &Json| match v {
                    Json::Null => Ok(None),
                    v => count(v, "a draft choice").map(Some),
                };
                Some(DraftAnswer {
                    choice: draft.get("choice").map_or(Ok(None), optional)?,
                    text: draft
                        .get("text")
                        .map_or(Ok(String::new()), |t| named(t, "draft.text"))?,
                    pairs: list(draft.get("pairs"), "draft.pairs")?
                        .iter()
                        .map(optional)
                        .collect::<Result<_, _>>()?,
                    order: counts(draft.get("order"), "draft.order")?,
                })
            }
        };
        Ok(Progress {
            spec,
            answers,
            showing_feedback: json
                .get("showing_feedback")
                .and_then(Json::as_bool)
                .ok_or("no showing_feedback")?,
            elapsed_ms: list(json.get("elapsed_ms"), "elapsed_ms")?
                .iter()
                .map(|ms| ms.as_u64().ok_or("a time is not a number"))
                .collect::<Result<_, _>>()?,
            draft,
        })
    }
}

/// A quiz being taken.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub quiz: Quiz,
    pub progress: Progress,
}

/// What a learner can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Keep what the learner has entered so far on the current question.
    Draft(DraftAnswer),
    /// Check this answer to the current question and show the feedback; the page measures the time.
    Check { response: Response, elapsed_ms: u64 },
    /// Go on from the feedback to the next question (or the summary).
    Next,
    /// Start the same questions again.
    Retry,
}

/// One topic's line in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicScore {
    pub topic: Topic,
    pub right: usize,
    pub asked: usize,
}

impl Session {
    pub fn new(prepared: &Prepared, spec: QuizSpec) -> Session {
        let quiz = generate(prepared, &spec);
        Session {
            quiz,
            progress: Progress {
                spec,
                answers: Vec::new(),
                elapsed_ms: Vec::new(),
                showing_feedback: false,
                draft: None,
            },
        }
    }

    /// Rebuilds a session from saved progress; `None` if the progress does not fit the quiz its spec makes.
    pub fn resume(prepared: &Prepared, progress: Progress) -> Option<Session> {
        let quiz = generate(prepared, &progress.spec);
        let fits = progress.answers.len() <= quiz.questions.len()
            && (!progress.answers.is_empty() || !progress.showing_feedback);
        fits.then_some(Session { quiz, progress })
    }

    /// What to mark in a reading quiz's passage: the sentences that support every question
    /// checked so far (the current one once its feedback shows). Empty for a quiz without a passage.
    pub fn highlights(&self, prepared: &Prepared) -> Vec<Range<usize>> {
        let Some(passage) = self
            .progress
            .spec
            .passage
            .and_then(|p| prepared.passages().get(p))
        else {
            return Vec::new();
        };
        let checked = self.progress.answers.len().min(self.quiz.questions.len());
        passage.support_all(&self.quiz.questions[..checked])
    }

    /// The index of the question being asked or shown with its feedback.
    pub fn current_index(&self) -> usize {
        if self.progress.showing_feedback {
            self.progress.answers.len() - 1
        } else {
            self.progress.answers.len()
        }
    }

    pub fn current(&self) -> Option<&Question> {
        self.quiz.questions.get(self.current_index())
    }

    pub fn is_finished(&self) -> bool {
        !self.progress.showing_feedback && self.progress.answers.len() >= self.quiz.questions.len()
    }

    /// Applies an action; actions that make no sense in the current state change nothing.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Draft(draft) if !self.progress.showing_feedback && !self.is_finished() => {
                self.progress.draft = Some(draft);
            }
            Action::Check {
                response,
                elapsed_ms,
            } if !self.progress.showing_feedback && !self.is_finished() => {
                self.progress.answers.push(response);
                // Older saves have no times: pad them so that times line up with answers.
                self.progress
                    .elapsed_ms
                    .resize(self.progress.answers.len() - 1, 0);
                self.progress.elapsed_ms.push(elapsed_ms);
                self.progress.showing_feedback = true;
                self.progress.draft = None;
            }
            Action::Next if self.progress.showing_feedback => {
                self.progress.showing_feedback = false
            }
            Action::Retry => {
                self.progress.answers.clear();
                self.progress.elapsed_ms.clear();
                self.progress.showing_feedback = false;
                self.progress.draft = None;
            }
            _ => {}
        }
    }

    /// Whether the answer given to question `index` was right (`None` if not answered yet).
    pub fn was_right(&self, index: usize) -> Option<bool> {
        let response = self.progress.answers.get(index)?;
        Some(self.quiz.questions[index].grade(response))
    }

    /// Answers checked so far (the current one included once its feedback shows): what
    /// [`Session::score`] counts out of.
    pub fn answered(&self) -> usize {
        self.progress.answers.len().min(self.quiz.questions.len())
    }

    /// Right answers so far, out of [`Session::answered`].
    pub fn score(&self) -> usize {
        (0..self.progress.answers.len())
            .filter(|&i| self.was_right(i) == Some(true))
            .count()
    }

    /// Right and asked per topic, in the order topics first appear in the quiz.
    pub fn topic_scores(&self) -> Vec<TopicScore> {
        let mut scores: Vec<TopicScore> = Vec::new();
        for (i, question) in self
            .quiz
            .questions
            .iter()
            .enumerate()
            .take(self.progress.answers.len())
        {
            let right = usize::from(self.was_right(i) == Some(true));
            match scores.iter_mut().find(|s| s.topic == question.topic) {
                Some(score) => {
                    score.right += right;
                    score.asked += 1;
                }
                None => scores.push(TopicScore {
                    topic: question.topic.clone(),
                    right,
                    asked: 1,
                }),
            }
        }
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::QuestionKind;

    /// A one-question quiz over a table with one corroborated-looking text fact.
    fn session() -> Session {
        let question = Question {
            kind: QuestionKind::MultipleChoice,
            prompt: "Which?".into(),
            topic: Topic("visit".into()),
            body: Body::Choice {
                options: vec!["a".into(), "b".into()],
                correct: 1,
            },
            fact_ids: Vec::new(),
            status: crate::fact::Status::SingleSource,
            answer_text: "b".into(),
            explanation: String::new(),
            quotes: Vec::new(),
            context: Vec::new(),
        };
        let spec = QuizSpec::new(1, 1);
        let progress = Progress {
            spec: spec.clone(),
            answers: Vec::new(),
            elapsed_ms: Vec::new(),
            showing_feedback: false,
            draft: None,
        };
        Session {
            quiz: Quiz {
                spec,
                questions: vec![question],
            },
            progress,
        }
    }

    #[test]
    fn a_draft_is_kept_until_checked_then_cleared() {
        let mut session = session();
        let draft = DraftAnswer {
            choice: Some(1),
            ..DraftAnswer::default()
        };
        session.apply(Action::Draft(draft.clone()));
        assert_eq!(session.progress.draft, Some(draft));
        session.apply(Action::Check {
            response: Response::Choice(1),
            elapsed_ms: 1500,
        });
        assert_eq!(session.progress.draft, None);
        assert_eq!(session.score(), 1);
        // No drafting over feedback or after the end.
        session.apply(Action::Draft(DraftAnswer::default()));
        assert_eq!(session.progress.draft, None);
        session.apply(Action::Next);
        assert!(session.is_finished());
        session.apply(Action::Draft(DraftAnswer::default()));
        assert_eq!(session.progress.draft, None);
    }

    #[test]
    fn the_score_counts_out_of_the_answers_checked_at_every_step() {
        let mut session = session();
        session
            .quiz
            .questions
            .push(session.quiz.questions[0].clone());
        assert_eq!((session.score(), session.answered()), (0, 0));
        session.apply(Action::Check {
            response: Response::Choice(1),
            elapsed_ms: 0,
        });
        // The feedback of a right first answer: one of one, never "1 of 0".
        assert_eq!((session.score(), session.answered()), (1, 1));
        session.apply(Action::Next);
        assert_eq!((session.score(), session.answered()), (1, 1));
        session.apply(Action::Check {
            response: Response::Choice(0),
            elapsed_ms: 0,
        });
        // A wrong answer shows at once: one of two, never a perfect "1 of 1".
        assert_eq!((session.score(), session.answered()), (1, 2));
    }

    #[test]
    fn an_incomplete_or_ill_fitting_draft_gives_no_response() {
        let body = Body::Matching {
            left: vec!["x".into(), "y".into()],
            right: vec!["1".into(), "2".into()],
            pairs: vec![1, 0],
        };
        let mut draft = DraftAnswer {
            pairs: vec![Some(1), None],
            ..DraftAnswer::default()
        };
        assert_eq!(draft.response(&body), None);
        draft.pairs = vec![Some(1), Some(7)];
        assert_eq!(draft.response(&body), None);
        draft.pairs = vec![Some(1), Some(0)];
        assert_eq!(draft.response(&body), Some(Response::Pairs(vec![1, 0])));
        let order = Body::Ordering {
            items: vec!["a".into(), "b".into()],
            order: vec![1, 0],
        };
        let draft = DraftAnswer {
            order: vec![0, 0],
            ..DraftAnswer::default()
        };
        assert_eq!(draft.response(&order), None);
    }

    #[test]
    fn numbers_are_read_the_way_people_type_them() {
        assert_eq!(parse_number("1500").map(Decimal::to_f64), Some(1500.0));
        assert_eq!(parse_number("1,500").map(Decimal::to_f64), Some(1500.0));
        assert_eq!(parse_number("1 500").map(Decimal::to_f64), Some(1500.0));
        assert_eq!(
            parse_number("1,500,000").map(Decimal::to_f64),
            Some(1_500_000.0)
        );
        assert_eq!(parse_number("2.5").map(Decimal::to_f64), Some(2.5));
        assert_eq!(parse_number("2,5").map(Decimal::to_f64), Some(2.5));
        assert_eq!(parse_number("1,000.5").map(Decimal::to_f64), Some(1000.5));
        assert_eq!(parse_number("0.001"), Some(Decimal::new(1, -3)));
        assert_eq!(
            parse_number("1e3").map(|n| n.to_string()).as_deref(),
            Some("1000")
        );
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("two"), None);
        assert_eq!(parse_number("inf"), None);
    }
}
