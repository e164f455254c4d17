//! The JSON documents the browser writes (host events with their xAPI statements, results files,
//! saved progress), byte for byte as the build before issue 15 wrote them with serde_json.
//!
//! `tests/fixtures/documents.txt` was written by that build (`WRITE_DOCUMENT_FIXTURES=1`): one
//! document per line, each after a line naming it. Saved progress must also still load.

use sourced_core::quiz::parse_number;
use sourced_core::{Action, Body, Prepared, Progress, QuizSpec, Response, Session};
use sourced_quiz::events::EventContext;
use sourced_quiz::results::Results;
use std::sync::OnceLock;

const FIXTURES: &str = "tests/fixtures/documents.txt";

fn prepared() -> &'static Prepared {
    static PREPARED: OnceLock<Prepared> = OnceLock::new();
    PREPARED.get_or_init(|| Prepared::new(sourced_quiz::embedded_table().expect("verified")))
}

fn context() -> EventContext {
    EventContext {
        widget: "quiz-1".into(),
        base_url: "https://quiz.example/embed/".into(),
        timestamp: "2026-11-22T10:00:00.000Z".into(),
    }
}

/// A wrong answer of the question's own kind.
fn wrong(body: &Body, i: usize) -> Response {
    match body {
        Body::Choice { options, correct } => Response::Choice((correct + 1) % options.len()),
        // Typed numbers, with decimals, grouping and a decimal comma.
        Body::Numeric { .. } => {
            let typed = ["7", "1,5", "2.75", "1 500", "0.001", "12345.678"][(i / 3) % 6];
            Response::Number(parse_number(typed).expect("a number"))
        }
        Body::Cloze { .. } => Response::Text("Not \"this\" \\ one\tat all — é".into()),
        Body::Matching { pairs, .. } => Response::Pairs(pairs.iter().rev().copied().collect()),
        Body::Ordering { order, .. } => Response::Order(order.iter().rev().copied().collect()),
    }
}

/// Every document one quiz produces, named, in order.
fn documents(spec: QuizSpec, class_code: Option<&str>) -> Vec<(String, String)> {
    let name = spec.query();
    let mut session = Session::new(prepared(), spec);
    let mut out = Vec::new();
    let progress = |session: &Session| serde_json_progress(&session.progress);
    out.push((format!("{name} ready"), events_json(&context().ready(None))));
    for i in 0..session.quiz.questions.len() {
        let question = session.quiz.questions[i].clone();
        let response = if i % 3 == 1 {
            wrong(&question.body, i)
        } else {
            question.correct_response()
        };
        session.apply(Action::Check {
            response,
            elapsed_ms: 1234 * i as u64 + 50 * (i as u64 % 3),
        });
        out.push((format!("{name} progress {i}"), progress(&session)));
        let answered = context().answered(&session, i).expect("answered");
        out.push((format!("{name} answered {i}"), events_json(&answered)));
        session.apply(Action::Next);
    }
    out.push((format!("{name} progress end"), progress(&session)));
    out.push((
        format!("{name} ready again"),
        events_json(&context().ready(Some(&session))),
    ));
    out.push((
        format!("{name} completed"),
        events_json(&context().completed(&session)),
    ));
    let results = Results::of(&session, class_code.map(str::to_string));
    out.push((format!("{name} results json"), results.to_json()));
    out.push((format!("{name} results csv"), results.to_csv()));
    out
}

fn events_json(event: &sourced_quiz::events::HostEvent) -> String {
    serde_json::to_string(event).unwrap()
}

fn serde_json_progress(progress: &Progress) -> String {
    serde_json::to_string(progress).unwrap()
}

fn specs() -> Vec<(QuizSpec, Option<&'static str>)> {
    let mut specs: Vec<(QuizSpec, Option<&'static str>)> = [6, 42]
        .into_iter()
        .map(|seed| (QuizSpec::new(seed, 20), None))
        .collect();
    let mut hard = QuizSpec::new(9, 20);
    hard.difficulty = Some(sourced_core::Difficulty::Hard);
    specs.push((hard, Some("ABCD-EFGH")));
    let mut numbers = QuizSpec::new(3, 12);
    numbers.kinds = vec![sourced_core::QuestionKind::Numeric];
    specs.push((numbers, None));
    let mut reading = QuizSpec::new(5, 10);
    reading.passage = Some(1);
    specs.push((reading, None));
    specs
}

fn all_documents() -> Vec<(String, String)> {
    specs()
        .into_iter()
        .flat_map(|(spec, code)| documents(spec, code))
        .collect()
}

/// Documents are stored one per line: a results file's own line breaks are escaped.
fn encode(document: &str) -> String {
    document
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn fixtures() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(FIXTURES).expect("tests/fixtures/documents.txt");
    let lines: Vec<&str> = text.lines().collect();
    lines
        .chunks(2)
        .map(|pair| (pair[0].to_string(), pair[1].to_string()))
        .collect()
}

#[test]
fn documents_are_byte_identical_to_the_serde_json_build() {
    let now = all_documents();
    if std::env::var_os("WRITE_DOCUMENT_FIXTURES").is_some() {
        let text: String = now
            .iter()
            .map(|(name, doc)| format!("{name}\n{}\n", encode(doc)))
            .collect();
        std::fs::write(FIXTURES, text).unwrap();
    }
    let before = fixtures();
    assert_eq!(
        now.len(),
        before.len(),
        "as many documents as the fixtures hold"
    );
    for interaction in [
        "choice",
        "true-false",
        "numeric",
        "fill-in",
        "matching",
        "sequencing",
    ] {
        let pattern = format!("\"interactionType\":\"{interaction}\"");
        assert!(
            now.iter().any(|(_, doc)| doc.contains(&pattern)),
            "no {interaction} question"
        );
    }
    for ((name, doc), (fixture_name, fixture)) in now.iter().zip(&before) {
        assert_eq!(name, fixture_name);
        assert_eq!(&encode(doc), fixture, "{name}");
    }
}
