//! The quiz as a state machine: answering, checking, moving on, and the score, with no I/O.

use crate::fact::Topic;
use crate::generate::{generate, Quiz, QuizSpec};
use crate::question::{Question, Response};
use crate::table::FactTable;
use serde::{Deserialize, Serialize};

/// Where a learner is in a quiz. Everything else (the questions) is regenerated from the spec.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub spec: QuizSpec,
    /// The checked answer to each question so far, in order.
    pub answers: Vec<Response>,
    /// Whether the current question's answer has been checked and its feedback is showing.
    pub showing_feedback: bool,
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
    /// Check this answer to the current question and show the feedback.
    Check(Response),
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
    pub fn new(table: &FactTable, spec: QuizSpec) -> Session {
        let quiz = generate(table, &spec);
        Session {
            quiz,
            progress: Progress {
                spec,
                answers: Vec::new(),
                showing_feedback: false,
            },
        }
    }

    /// Rebuilds a session from saved progress; `None` if the progress does not fit the quiz its spec makes.
    pub fn resume(table: &FactTable, progress: Progress) -> Option<Session> {
        let quiz = generate(table, &progress.spec);
        let fits = progress.answers.len() <= quiz.questions.len()
            && (progress.answers.len() > 0 || !progress.showing_feedback);
        fits.then_some(Session { quiz, progress })
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
            Action::Check(response) if !self.progress.showing_feedback && !self.is_finished() => {
                self.progress.answers.push(response);
                self.progress.showing_feedback = true;
            }
            Action::Next if self.progress.showing_feedback => {
                self.progress.showing_feedback = false
            }
            Action::Retry => {
                self.progress.answers.clear();
                self.progress.showing_feedback = false;
            }
            _ => {}
        }
    }

    /// Whether the answer given to question `index` was right (`None` if not answered yet).
    pub fn was_right(&self, index: usize) -> Option<bool> {
        let response = self.progress.answers.get(index)?;
        Some(self.quiz.questions[index].grade(response))
    }

    /// Right answers so far.
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
