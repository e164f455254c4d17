//! A learner's results as files to keep (CSV, JSON) and a short summary to paste: nothing is sent anywhere.

use crate::strings::describe_response;
use sourced_core::json::Json;
use sourced_core::Session;

/// One answered question, as it appears in both files.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultRow {
    pub number: usize,
    pub question: String,
    pub kind: &'static str,
    pub topic: String,
    pub given_answer: String,
    pub correct_answer: String,
    pub right: bool,
    pub fact_ids: Vec<String>,
    /// Tenths of a second from the question appearing to Check (written as seconds, `4.2`).
    pub tenths: u64,
}

impl ResultRow {
    /// The time in seconds, to a tenth (`4.2`, `12.0`).
    pub fn seconds(&self) -> String {
        format!("{}.{}", self.tenths / 10, self.tenths % 10)
    }
}

/// The whole file: which quiz, the score, and every answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// The settings that reproduce this quiz (`seed=42&count=10…`).
    pub quiz: String,
    /// The class code for this quiz, when it has one.
    pub class_code: Option<String>,
    pub right: usize,
    pub total: usize,
    pub questions: Vec<ResultRow>,
}

impl Results {
    /// The results of the answers given so far.
    pub fn of(session: &Session, class_code: Option<String>) -> Results {
        let questions = session
            .quiz
            .questions
            .iter()
            .zip(&session.progress.answers)
            .enumerate()
            .map(|(i, (question, response))| ResultRow {
                number: i + 1,
                question: question.prompt.clone(),
                kind: question.kind.name(),
                topic: question.topic.0.clone(),
                given_answer: describe_response(question, response),
                correct_answer: question.answer_text.clone(),
                right: question.grade(response),
                fact_ids: question.fact_ids.iter().map(|id| id.0.clone()).collect(),
                // To the nearest tenth, a half up, as `f64::round` rounded it.
                tenths: session
                    .progress
                    .elapsed_ms
                    .get(i)
                    .map_or(0, |&ms| (ms + 50) / 100),
            })
            .collect();
        Results {
            quiz: session.progress.spec.query(),
            class_code,
            right: session.score(),
            total: session.quiz.questions.len(),
            questions,
        }
    }

    /// Pretty JSON, for keeping or for a teacher's script.
    pub fn to_json(&self) -> String {
        let questions = self.questions.iter().map(|row| {
            Json::object([
                ("number", Json::uint(row.number as u64)),
                ("question", Json::str(&row.question)),
                ("kind", Json::str(row.kind)),
                ("topic", Json::str(&row.topic)),
                ("given_answer", Json::str(&row.given_answer)),
                ("correct_answer", Json::str(&row.correct_answer)),
                ("right", Json::Bool(row.right)),
                ("fact_ids", Json::strings(&row.fact_ids)),
                ("seconds", Json::Number(row.seconds())),
            ])
        });
        Json::object([("quiz", Json::str(&self.quiz))])
            .with_some("class_code", self.class_code.as_deref().map(Json::str))
            .with("right", Json::uint(self.right as u64))
            .with("total", Json::uint(self.total as u64))
            .with("questions", Json::Array(questions.collect()))
            .pretty()
    }

    /// CSV (RFC 4180, with a header row) that spreadsheets open as they are.
    pub fn to_csv(&self) -> String {
        let mut csv = String::from(
            "number,question,kind,topic,given answer,correct answer,right,fact ids,seconds\r\n",
        );
        for row in &self.questions {
            let cells = [
                row.number.to_string(),
                row.question.clone(),
                row.kind.to_string(),
                row.topic.clone(),
                row.given_answer.clone(),
                row.correct_answer.clone(),
                if row.right { "yes" } else { "no" }.to_string(),
                row.fact_ids.join(" "),
                row.seconds(),
            ];
            let line: Vec<String> = cells.iter().map(|cell| csv_cell(cell)).collect();
            csv.push_str(&line.join(","));
            csv.push_str("\r\n");
        }
        csv
    }

    /// Three lines to paste into a class forum: the score, the quiz, the right and wrong per question.
    pub fn summary(&self) -> String {
        let marks: String = self
            .questions
            .iter()
            .map(|row| if row.right { '✓' } else { '✗' })
            .collect();
        let quiz = match &self.class_code {
            Some(code) => format!("class code {code}"),
            None => self.quiz.clone(),
        };
        format!(
            "Carney in Kyiv, a sourced quiz: {} of {} right\nQuiz: {quiz}\nAnswers: {marks}",
            self.right, self.total
        )
    }
}

/// Whether `f64::from_str` would read `text` (`-1.5`, `+2e3`, `-inf`): a number is no formula.
fn reads_as_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    sourced_core::Decimal::is_number_syntax(text)
        || ["inf", "infinity", "nan"]
            .iter()
            .any(|w| unsigned.eq_ignore_ascii_case(w))
}

/// A cell, quoted when it must be; a cell a spreadsheet would run as a formula gets a leading `'`.
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !reads_as_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sourced_core::{Action, QuizSpec, Response};

    fn finished(count: usize) -> Session {
        let prepared = sourced_core::Prepared::new(
            crate::embedded_table().expect("the shipped table verifies"),
        );
        let mut session = Session::new(&prepared, QuizSpec::new(42, count));
        for (i, question) in session.quiz.questions.clone().iter().enumerate() {
            let response = if i % 2 == 0 {
                question.correct_response()
            } else {
                Response::Text("=HYPERLINK(\"http://evil.example\")".into())
            };
            session.apply(Action::Check {
                response,
                elapsed_ms: 12_345,
            });
            session.apply(Action::Next);
        }
        session
    }

    #[test]
    fn csv_has_a_row_per_question_with_every_column() {
        let session = finished(4);
        let results = Results::of(&session, Some("K7MQP4XA".into()));
        let csv = results.to_csv();
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 5, "a header and four rows:\n{csv}");
        assert!(
            lines[0].starts_with("number,question,kind,topic,given answer,correct answer,right")
        );
        assert!(lines[1].starts_with("1,"));
        assert!(lines[1].contains(",yes,"), "{}", lines[1]);
        assert!(lines[2].contains(",no,"), "{}", lines[2]);
        assert!(
            lines[1].ends_with(",12.3"),
            "seconds to a tenth: {}",
            lines[1]
        );
        let first = &session.quiz.questions[0];
        assert!(csv.contains(&first.fact_ids[0].0));
    }

    #[test]
    fn csv_cells_are_quoted_and_never_run_as_formulas() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("-5"), "-5", "a negative number stays a number");
        for text in [
            "-5",
            "+1.5",
            "-.5",
            "-1e999",
            "-inf",
            "+NaN",
            "-Infinity",
            "-",
            "-1,5",
            "+1e",
            "-x",
            "@1",
            "=2",
        ] {
            assert_eq!(reads_as_number(text), text.parse::<f64>().is_ok(), "{text}");
        }
        let csv = Results::of(&finished(2), None).to_csv();
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""),
            "{csv}"
        );
    }

    #[test]
    fn json_and_summary_say_the_same_score() {
        let results = Results::of(&finished(4), Some("K7MQP4XA".into()));
        let json: serde_json::Value = serde_json::from_str(&results.to_json()).unwrap();
        assert_eq!(json["right"], 2);
        assert_eq!(json["total"], 4);
        assert_eq!(json["quiz"], "seed=42&count=4");
        assert_eq!(json["class_code"], "K7MQP4XA");
        assert_eq!(json["questions"].as_array().unwrap().len(), 4);
        assert_eq!(json["questions"][1]["right"], false);
        assert_eq!(
            results.summary(),
            "Carney in Kyiv, a sourced quiz: 2 of 4 right\nQuiz: class code K7MQP4XA\nAnswers: ✓✗✓✗"
        );
    }
}
