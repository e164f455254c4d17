//! The quiz as a state machine: answering, checking, moving on, and the score, with no I/O.

use crate::fact::Topic;
use crate::generate::{generate, Prepared, Quiz};
use crate::question::{Body, Question, Response};
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
                sorted.sort_unstable();
                (sorted == (0..items.len()).collect::<Vec<_>>())
                    .then(|| Response::Order(self.order.clone()))
            }
        }
    }
}

/// Reads a typed number: "1500", "1,500" and "1 500" are fifteen hundred, "2.5" and "2,5" two and a half.
///
/// A single comma followed by exactly three digits groups thousands; any other single comma is a decimal comma.
pub fn parse_number(text: &str) -> Option<f64> {
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
    normalized.parse::<f64>().ok().filter(|n| n.is_finite())
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
        assert_eq!(parse_number("1500"), Some(1500.0));
        assert_eq!(parse_number("1,500"), Some(1500.0));
        assert_eq!(parse_number("1 500"), Some(1500.0));
        assert_eq!(parse_number("1,500,000"), Some(1_500_000.0));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("1,000.5"), Some(1000.5));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("two"), None);
        assert_eq!(parse_number("inf"), None);
    }
}
