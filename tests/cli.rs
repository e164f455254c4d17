//! The `sourced` command line, run as a user runs it: exit codes, messages and JSON shapes.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::{Command, Output};

fn sourced(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sourced"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the sourced binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(args: &[&str]) -> serde_json::Value {
    let output = sourced(args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

#[test]
fn check_passes_on_the_shipped_table_with_a_summary() {
    let output = sourced(&["check"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.starts_with("ok: ") && text.contains(" facts (") && text.contains("corroborated"),
        "{text}"
    );
}

#[test]
fn check_lists_every_problem_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("sourced-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    let questions = Path::new(env!("CARGO_MANIFEST_DIR")).join("questions");
    for entry in std::fs::read_dir(questions.join("sources")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("sources").join(path.file_name().unwrap())).unwrap();
    }
    std::fs::copy(questions.join("sources.toml"), dir.join("sources.toml")).unwrap();
    let facts = std::fs::read_to_string(questions.join("facts.toml")).unwrap();
    // Break two things: one character of the first quote, and one fact's id duplicated.
    let broken = facts.replacen("quote = \"", "quote = \"#", 1);
    std::fs::write(dir.join("facts.toml"), broken).unwrap();
    let output = sourced(&["check", dir.to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("quote is not verbatim in source"), "{text}");
    assert!(
        text.trim_end()
            .ends_with(&format!("1 problem(s) in {}", dir.display())),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_explains_a_missing_directory() {
    let output = sourced(&["check", "no/such/dir"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("`no/such/dir` is not a directory"));
}

#[test]
fn facts_json_has_the_documented_shape() {
    let value = json(&["facts", "--json"]);
    let source = &value["sources"][0];
    for key in ["id", "headline", "outlet", "kind", "independence_group"] {
        assert!(source.get(key).is_some(), "sources[0] lacks {key}");
    }
    let facts = value["facts"].as_array().unwrap();
    assert!(facts.len() >= 60, "{} facts", facts.len());
    for fact in facts {
        for key in [
            "id", "topic", "kind", "answer", "claim", "status", "evidence",
        ] {
            assert!(fact.get(key).is_some(), "fact {} lacks {key}", fact["id"]);
        }
        assert!(
            fact["evidence"][0]["quote"].is_string() && fact["evidence"][0]["source"].is_string()
        );
        assert!(!fact["claim"].as_str().unwrap().contains("{answer}"));
    }
}

#[test]
fn quiz_json_has_the_documented_shape_and_is_reproducible() {
    let args = ["quiz", "--seed", "42", "--count", "10", "--json"];
    let value = json(&args);
    assert_eq!(value, json(&args), "the same seed gives the same quiz");
    assert_eq!(value["seed"], 42);
    let questions = value["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 10);
    for q in questions {
        for key in [
            "kind",
            "prompt",
            "options",
            "answer",
            "fact_ids",
            "status",
            "explanation",
            "quotes",
        ] {
            assert!(q.get(key).is_some(), "a question lacks {key}: {q}");
        }
        assert!(q["quotes"][0]["source"].is_string() && q["quotes"][0]["text"].is_string());
        let answer = &q["answer"];
        match q["kind"].as_str().unwrap() {
            "multiple_choice" | "true_false" | "who_said" | "source_check" => {
                assert!(answer.as_u64().unwrap() < q["options"].as_array().unwrap().len() as u64)
            }
            "numeric" => assert!(answer.is_f64() || answer.is_u64()),
            "cloze" => assert!(answer[0].is_string()),
            "matching" => assert!(answer[0][1].is_u64()),
            "ordering" => assert!(answer.as_array().unwrap().len() >= 4),
            other => panic!("unknown kind {other}"),
        }
    }
    assert_ne!(
        value,
        json(&["quiz", "--seed", "43", "--count", "10", "--json"]),
        "another seed, another quiz"
    );
}

#[test]
fn quiz_text_is_a_worksheet_with_an_answer_key() {
    let output = sourced(&["quiz", "--seed", "42", "--count", "10"]);
    let text = stdout(&output);
    assert!(text.starts_with("Sourced Quiz — seed 42, 10 questions"));
    assert!(text.contains("\n10. ") && text.contains("Answer key"));
}

#[test]
fn quiz_options_are_checked_like_url_parameters() {
    let output = sourced(&[
        "quiz",
        "--seed",
        "1",
        "--count",
        "10",
        "--difficulty",
        "extreme",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "sourced: quiz: `difficulty=extreme` is not valid: difficulty expects easy, medium or hard"
    );
    let output = sourced(&["quiz", "--count", "10"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("--seed N is required"));
}

#[test]
fn a_reading_quiz_prints_its_passage_and_passages_are_listed_by_number() {
    let list = stdout(&sourced(&["passages"]));
    let count = list.lines().filter(|l| !l.starts_with(' ')).count();
    assert_eq!(
        count,
        sourced_core::Prepared::new(sourced_quiz::embedded_table().unwrap())
            .passages()
            .len()
    );
    assert!(list.starts_with("1. "), "{list}");
    let third = list.lines().filter(|l| !l.starts_with(' ')).nth(2).unwrap();
    let opening = third.split('“').nth(1).unwrap().trim_end_matches("…”");
    let text = stdout(&sourced(&["quiz", "--seed", "5", "--passage", "3"]));
    assert!(text.contains("Read this passage, from "), "{text}");
    assert!(
        text.contains(opening),
        "the quiz for passage 3 shows the passage listed third: {opening}"
    );
    let quiz = json(&["quiz", "--seed", "5", "--passage", "3", "--json"]);
    assert_eq!(quiz["passage"], 3);
    let output = sourced(&["quiz", "--seed", "5", "--passage", "0"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("passage expects a passage number from 1 to"));
}

#[test]
fn a_quiz_that_filters_leave_empty_exits_2_naming_the_filters() {
    let output = sourced(&[
        "quiz",
        "--seed",
        "7",
        "--count",
        "8",
        "--kinds",
        "numeric",
        "--difficulty",
        "easy",
    ]);
    let text = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(
        text.contains("--kinds numeric") && text.contains("--difficulty easy"),
        "{text}"
    );
    assert!(output.stdout.is_empty(), "no empty quiz printed");
}

#[test]
fn export_writes_moodle_xml_to_stdout_and_packages_only_to_a_file() {
    let output = sourced(&[
        "export",
        "--format",
        "moodle-xml",
        "--seed",
        "42",
        "--count",
        "10",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let xml = stdout(&output);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"));
    assert_eq!(
        xml.matches("<question type=").count(),
        11,
        "a category and 10 questions"
    );
    assert!(xml.contains("$course$/top/Sourced Quiz/seed=42&amp;count=10"));

    let output = sourced(&[
        "export", "--format", "qti3", "--seed", "42", "--count", "10",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("name the file with --output FILE"));
    let output = sourced(&["export", "--format", "scorm", "--seed", "1"]);
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("formats are moodle-xml, common-cartridge, qti3"));

    let file = std::env::temp_dir().join(format!("sourced-cli-{}.zip", std::process::id()));
    let path = file.to_str().unwrap();
    let output = sourced(&[
        "export", "--format", "qti3", "--seed", "42", "--count", "10", "--output", path,
    ]);
    assert_eq!(output.status.code(), Some(0));
    let zip = std::fs::read(&file).unwrap();
    std::fs::remove_file(&file).unwrap();
    assert_eq!(&zip[..4], b"PK\x03\x04");
}

#[test]
fn embed_page_writes_a_page_with_its_settings_and_oembed_and_refuses_bad_input() {
    let dist = std::env::temp_dir().join(format!("sourced-cli-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    let index = "<!doctype html>\n<html>\n  <head>\n    <script type=\"module\" src=\"./boot.js?js=a.js&amp;wasm=a.wasm\"></script>\n  </head>\n  <body>\n    <main id=\"sourced-quiz\">\n    </main>\n  </body>\n</html>\n";
    std::fs::write(dist.join("index.html"), index).unwrap();
    let d = dist.to_str().unwrap();
    let url = "https://quiz.example/";
    let output = sourced(&[
        "embed-page",
        "aid-5",
        "--url",
        url,
        "--count",
        "5",
        "--topics",
        "aid",
        "--dist",
        d,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout(&output).starts_with("https://quiz.example/q/aid-5/ "),
        "{}",
        stdout(&output)
    );
    let page = std::fs::read_to_string(dist.join("q/aid-5/index.html")).unwrap();
    assert!(
        page.contains("<main id=\"sourced-quiz\" data-count=\"5\" data-topics=\"aid\">"),
        "{page}"
    );
    assert!(page.contains("src=\"../../boot.js"), "{page}");
    let oembed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dist.join("q/aid-5/oembed.json")).unwrap())
            .unwrap();
    assert_eq!(oembed["type"], "rich");
    // The build's own page: its link, twice written, once there.
    for _ in 0..2 {
        assert!(sourced(&["embed-page", "--url", url, "--dist", d])
            .status
            .success());
    }
    let root = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert_eq!(
        root.matches("href=\"https://quiz.example/oembed.json\"")
            .count(),
        1,
        "{root}"
    );

    for (args, message) in [
        (
            vec!["embed-page", "x", "--count", "5"],
            "--url URL is required",
        ),
        (
            vec!["embed-page", "x", "--url", url, "--count", "99"],
            "`count=99` is not valid",
        ),
        (
            vec!["embed-page", "x", "--url", url, "--colour", "red"],
            "unknown setting `--colour`",
        ),
        (
            vec!["embed-page", "Bad Name", "--url", url],
            "`Bad Name` cannot name a page",
        ),
        (
            vec!["embed-page", "--url", url, "--count", "5"],
            "quiz settings need a page NAME",
        ),
        (
            vec!["embed-page", "x", "--url", url, "--dist", "/nonexistent"],
            "run `trunk build --release` first",
        ),
    ] {
        let mut args = args;
        if !args.contains(&"--dist") {
            args.extend(["--dist", d]);
        }
        let output = sourced(&args);
        let error = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {error}");
        assert!(error.contains(message), "{args:?}: {error}");
    }
    std::fs::remove_dir_all(&dist).unwrap();
}
