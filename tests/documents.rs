//! The JSON documents the browser writes (host events with their xAPI statements, results files,
//! saved progress), byte for byte as the build before issue 15 wrote them with serde_json.
//!
//! `tests/fixtures/documents.txt` was written by that build (`WRITE_DOCUMENT_FIXTURES=1`): one
//! document per line, each after a line naming it. Saved progress must also still load.
//! When the questions change, rewrite the fixtures with that build, not this one: a worktree at
//! de88a73 with today's `questions/` and this file (its tests of `from_json`, `to_json` and
//! Decimal dropped, `serde_json::to_string` writing progress and events), run there with
//! `WRITE_DOCUMENT_FIXTURES=1 cargo test --test documents`, its `tests/fixtures/documents.txt`
//! copied here.

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
    let progress = |session: &Session| session.progress.to_json();
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
    event.to_json()
}

#[test]
fn saved_progress_loads_as_serde_json_loaded_it() {
    let saves: Vec<(String, String)> = fixtures()
        .into_iter()
        .filter(|(name, _)| name.contains(" progress "))
        .collect();
    assert!(saves.len() > 50);
    for (name, save) in saves {
        let save = decode(&save);
        let serde: Progress = serde_json::from_str(&save).unwrap();
        assert_eq!(Progress::from_json(&save), Ok(serde), "{name}");
    }
}

#[test]
fn saves_of_older_builds_still_load_and_broken_ones_are_refused() {
    // Before times and drafts were saved (older builds), and one with a typed number and a draft.
    let old = r#"{"spec":{"seed":42,"count":10,"topics":["aid"],"kinds":["numeric"],"difficulty":"hard"},"answers":[{"number":1500.0},{"text":"Kyiv"}],"showing_feedback":true}"#;
    let progress = Progress::from_json(old).expect("an old save loads");
    assert_eq!(progress, serde_json::from_str::<Progress>(old).unwrap());
    assert_eq!(progress.elapsed_ms, Vec::<u64>::new());
    let draft = r#"{"spec":{"seed":7,"count":5,"topics":[],"kinds":[],"difficulty":null,"passage":2},"answers":[{"pairs":[1,0]},{"order":[2,0,1]},{"choice":3}],"showing_feedback":false,"elapsed_ms":[1200,800,50],"draft":{"choice":null,"text":"2,5","pairs":[null,1],"order":[]}}"#;
    let progress = Progress::from_json(draft).expect("a save with a draft loads");
    assert_eq!(progress, serde_json::from_str::<Progress>(draft).unwrap());
    assert_eq!(progress.to_json(), draft);
    for (broken, why) in [
        ("", "expected a value at byte 0"),
        ("{}", "no spec"),
        (
            r#"{"spec":{"seed":1,"count":5},"answers":[{"choice":-1}],"showing_feedback":true}"#,
            "a choice is not a count",
        ),
        (
            r#"{"spec":{"seed":1,"count":5,"kinds":["essay"]},"answers":[],"showing_feedback":false}"#,
            r#"unknown kind "essay""#,
        ),
        (
            r#"{"spec":{"seed":1,"count":5},"answers":[{"number":"1"}],"showing_feedback":false}"#,
            "a number is not a number",
        ),
    ] {
        assert_eq!(
            Progress::from_json(broken),
            Err(why.to_string()),
            "{broken}"
        );
        assert!(
            serde_json::from_str::<Progress>(broken).is_err(),
            "serde_json refused it too: {broken}"
        );
    }
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
    // Matching and ordering, which a quiz of twenty may not draw.
    let mut sets = QuizSpec::new(11, 4);
    sets.kinds = vec![
        sourced_core::QuestionKind::Matching,
        sourced_core::QuestionKind::Ordering,
    ];
    specs.push((sets, None));
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

fn decode(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
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

#[test]
fn every_numeric_key_prints_as_its_float_did() {
    // Exports and xAPI print answer ± tolerance exactly now; for this table that is the text the
    // float sums printed before, for every numeric question any seed can draw.
    let mut spec = QuizSpec::new(0, 50);
    spec.kinds = vec![sourced_core::QuestionKind::Numeric];
    let mut seen = 0;
    for seed in 0..40 {
        spec.seed = seed;
        for question in sourced_core::generate(prepared(), &spec).questions {
            let Body::Numeric {
                answer, tolerance, ..
            } = question.body
            else {
                continue;
            };
            let (a, t) = (answer.to_f64(), tolerance.to_f64());
            let (low, high) = sourced_core::question::admitted_range(answer, tolerance);
            assert_eq!(answer.to_string(), a.to_string());
            assert_eq!(tolerance.to_string(), t.to_string());
            assert_eq!(
                low.to_string(),
                (a - t).to_string(),
                "{answer} - {tolerance}"
            );
            assert_eq!(
                high.to_string(),
                (a + t).to_string(),
                "{answer} + {tolerance}"
            );
            seen += 1;
        }
    }
    assert!(seen > 100, "{seen} numeric questions");
}
