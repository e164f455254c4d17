//! Class codes against the real fact table: a code's quiz is the quiz the teacher chose. Needs `--features toml`.
#![cfg(feature = "toml")]

use proptest::prelude::*;
use sourced_core::class_code::{self, ClassCodeError};
use sourced_core::config::LENGTHS;
use sourced_core::load::load_and_verify;
use sourced_core::{generate, Difficulty, Prepared, QuestionKind, QuizSpec, Topic};
use std::sync::OnceLock;

/// The repository's `questions/`, read, verified and prepared once.
fn prepared() -> &'static Prepared {
    static PREPARED: OnceLock<Prepared> = OnceLock::new();
    PREPARED.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../questions");
        let read = |path: &str| {
            std::fs::read_to_string(format!("{dir}/{path}")).map_err(|e| e.to_string())
        };
        let (table, problems) = load_and_verify(&read);
        assert!(problems.is_empty(), "questions/ has problems: {problems:?}");
        Prepared::new(table)
    })
}

fn table() -> &'static sourced_core::FactTable {
    prepared().table()
}

/// Asserts that `spec` and the spec its class code stands for make the same questions.
fn check_same_quiz(spec: &QuizSpec) -> Result<(), TestCaseError> {
    let topics = table().topics();
    let code = class_code::encode(spec, &topics).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let decoded =
        class_code::decode(&code, &topics).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&decoded, &class_code::canonical(spec.clone(), &topics));
    prop_assert_eq!(
        generate(prepared(), spec).questions,
        generate(prepared(), &decoded).questions,
        "{} for {:?}",
        code,
        spec
    );
    Ok(())
}

/// Any spec a code can hold, its topics shuffled and repeated, its kinds shuffled. Kinds are never
/// repeated: `generate` treats `[SourceCheck, SourceCheck]` unlike `[SourceCheck]` (it tests
/// `kinds == [SourceCheck]` for a source-check lesson), and a code stores each kind once.
fn spec_strategy() -> impl Strategy<Value = QuizSpec> {
    let topic_count = table().topics().len();
    (
        0..LENGTHS.len(),
        0..4usize,
        proptest::collection::vec(0..topic_count, 0..=topic_count + 2),
        Just(QuestionKind::ALL.to_vec()).prop_shuffle(),
        0..=8usize,
        any::<u64>(),
    )
        .prop_map(move |(count, difficulty, picks, kinds, kind_count, seed)| {
            let topics = table().topics();
            let mut spec = QuizSpec::new(0, LENGTHS[count]);
            spec.difficulty = difficulty.checked_sub(1).map(|d| Difficulty::ALL[d]);
            spec.topics = picks.iter().map(|&i| topics[i].clone()).collect();
            spec.kinds = kinds[..kind_count].to_vec();
            spec.seed = seed % class_code::seed_limit(&spec, &topics);
            spec
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_code_generates_the_quiz_its_spec_does(spec in spec_strategy()) {
        check_same_quiz(&spec)?;
    }
}

#[test]
fn the_table_fits_in_a_code() {
    let topics = table().topics();
    assert!(
        topics.len() <= 14,
        "{} topics: codes cannot choose among them",
        topics.len()
    );
    let mut spec = QuizSpec::new(200, 10);
    spec.topics = vec![topics[topics.len() - 1].clone()];
    assert!(class_code::fits(&spec, &topics));
}

#[test]
fn every_topic_listed_and_every_kind_listed_are_the_whole_table() {
    let topics = table().topics();
    let mut spec = QuizSpec::new(12_345, 20);
    spec.topics = topics.iter().rev().cloned().collect();
    spec.kinds = QuestionKind::ALL.iter().rev().copied().collect();
    check_same_quiz(&spec).unwrap();
    let code = class_code::encode(&spec, &topics).unwrap();
    assert_eq!(
        code,
        class_code::encode(&QuizSpec::new(12_345, 20), &topics).unwrap()
    );
}

/// The source-check lesson (only that kind) rotates through its angles; its code keeps that.
#[test]
fn a_source_check_lesson_survives_its_code() {
    for seed in 0..50 {
        let mut spec = QuizSpec::new(seed, 10);
        spec.kinds = vec![QuestionKind::SourceCheck];
        check_same_quiz(&spec).unwrap();
    }
}

#[test]
fn a_topic_from_another_table_is_refused_not_dropped() {
    let topics = table().topics();
    let mut spec = QuizSpec::new(1, 10);
    spec.topics = vec![Topic("moon-landing".into())];
    assert_eq!(
        class_code::encode(&spec, &topics),
        Err(ClassCodeError::TopicNotInTable {
            topic: Topic("moon-landing".into())
        })
    );
}
