//! The verifier against deliberately broken fact tables: each problem is found, located and explained.
#![cfg(not(target_arch = "wasm32"))]

use sourced_core::load::load_and_verify;
use sourced_core::{FactTable, Problem, Status};
use std::collections::HashMap;

const SOURCES: &str = include_str!("../questions/sources.toml");

/// A fact table directory in memory: the real sources and articles, and the given facts.
fn check(facts: &str) -> (FactTable, Vec<Problem>) {
    check_with(SOURCES, facts)
}

fn check_with(sources: &str, facts: &str) -> (FactTable, Vec<Problem>) {
    let mut files: HashMap<String, String> = HashMap::new();
    files.insert("sources.toml".into(), sources.into());
    files.insert("facts.toml".into(), facts.into());
    for entry in
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/questions/sources")).unwrap()
    {
        let path = entry.unwrap().path();
        let name = format!("sources/{}", path.file_name().unwrap().to_string_lossy());
        files.insert(name, std::fs::read_to_string(&path).unwrap());
    }
    let read = |path: &str| {
        files
            .get(path)
            .cloned()
            .ok_or_else(|| "No such file or directory".to_string())
    };
    load_and_verify(&read)
}

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// One fact per source, so that no source is reported unused; `extra` is appended.
fn valid_facts(extra: &str) -> String {
    format!(
        r#"
[[fact]]
id = "visit-date"
topic = "visit"
kind = "date"
ask = "On what date did Mark Carney visit Kyiv?"
claim = "Mark Carney visited Kyiv on {{answer}}."
answer = {{ date = "2025-08-24" }}
evidence = [
  {{ source = "kyiv-report", quote = "On Sunday, August 24, Kyiv hosted" }},
  {{ source = "cbc-aggregator", quote = "Sunday, August 24" }},
]

[[fact]]
id = "aid-purl"
topic = "aid"
kind = "money"
ask = "How much did Canada commit under NATO's PURL initiative?"
claim = "Canada committed {{answer}} under PURL."
answer = {{ money = 500000000, currency = "USD" }}
evidence = [
  {{ source = "wire-brief", quote = "Zelensky welcomed Canada's allocation of 500 million U.S. dollars under the Prioritized Ukraine Requirements List (PURL) initiative" }},
  {{ source = "kyiv-report", quote = "its commitment to provide $500 million under this initiative" }},
]

[[fact]]
id = "g7-pledge"
topic = "aid"
kind = "money"
ask = "How much did Canada pledge in support at the G7 summit in Alberta?"
claim = "Canada pledged {{answer}} at the G7."
answer = {{ money = 4300000000, currency = "unstated" }}
evidence = [
  {{ source = "cbc-aggregator", quote = "Canada pledged $4.3 billion in support for Ukraine" }},
  {{ source = "cbc-translation", quote = "Canada has promised $ 4.3 billion to support Ukraine" }},
]

[[fact]]
id = "kellogg"
topic = "united-states"
kind = "person"
class = "us-official"
ask = "Which U.S. envoy attended the ceremony?"
claim = "{{answer}} attended."
answer = "Keith Kellogg"
evidence = [
  {{ source = "loveworld-rewrite", quote = "Trump’s special envoy to Ukraine, Keith Kellogg, also attended the event." }},
]
{extra}"#
    )
}

#[test]
fn a_valid_table_has_no_problems_and_computed_statuses() {
    let (table, problems) = check(&valid_facts(""));
    assert_eq!(messages(&problems), Vec::<String>::new());
    let status = |id: &str| table.facts.iter().find(|f| f.id.0 == id).unwrap().status;
    assert_eq!(status("visit-date"), Status::Corroborated);
    assert_eq!(status("aid-purl"), Status::Corroborated);
    assert_eq!(status("kellogg"), Status::SingleSource);
}

#[test]
fn two_quotes_from_one_independence_group_are_single_source() {
    // cbc-aggregator and cbc-translation are both based on CBC News.
    let (table, problems) = check(&valid_facts(""));
    assert!(problems.is_empty(), "{:?}", messages(&problems));
    let fact = table.facts.iter().find(|f| f.id.0 == "g7-pledge").unwrap();
    assert_eq!(fact.status, Status::SingleSource);
    assert_eq!(fact.independent_reports, 1);
}

#[test]
fn one_changed_character_in_a_quote_is_found_and_located() {
    let facts = valid_facts("").replace(
        "commitment to provide $500 million",
        "commitment to provide $600 million",
    );
    let (_, problems) = check(&facts);
    assert_eq!(
        messages(&problems),
        [
            "facts.toml:23: fact `aid-purl`: quote is not verbatim in source `kyiv-report`: it matches the source for its first 27 characters, then differs at \"600 million under th\""
        ]
    );
}

#[test]
fn an_unknown_source_is_reported_with_the_known_ones() {
    let facts = valid_facts("").replace(r#"source = "loveworld-rewrite""#, r#"source = "reuters""#);
    let msgs = messages(&check(&facts).1);
    assert!(msgs.contains(&"facts.toml:47: fact `kellogg`: quote names unknown source `reuters` (known: kyiv-report, cbc-aggregator, cbc-translation, wire-brief, loveworld-rewrite)".to_string()), "{msgs:#?}");
    assert!(
        msgs.contains(
            &"sources.toml:39: source `loveworld-rewrite` is not quoted by any fact".to_string()
        ),
        "{msgs:#?}"
    );
}

#[test]
fn a_duplicate_id_names_the_first_use() {
    let duplicate = r#"
[[fact]]
id = "kellogg"
topic = "united-states"
kind = "person"
class = "us-official"
ask = "Who attended?"
claim = "{answer} attended."
answer = "Keith Kellogg"
evidence = [ { source = "kyiv-report", quote = "Keith Kellogg, special envoy of the President of the United States, also attended the ceremony." } ]
"#;
    let msgs = messages(&check(&valid_facts(duplicate)).1);
    assert_eq!(
        msgs,
        ["facts.toml:51: fact `kellogg`: duplicate id: already used by the fact at line 39"]
    );
}

#[test]
fn a_money_value_no_quote_states_is_reported_with_what_was_read() {
    let facts = valid_facts("").replace("money = 500000000", "money = 50000000");
    let msgs = messages(&check(&facts).1);
    assert_eq!(
        msgs,
        ["facts.toml:15: fact `aid-purl`: answer `US$50 million` is stated by none of its quotes: no amount of 50000000 in it (read: 500000000)"]
    );
}

#[test]
fn a_wrong_currency_or_missing_bound_is_reported() {
    let facts = valid_facts("").replace(
        r#"money = 500000000, currency = "USD""#,
        r#"money = 500000000, currency = "CAD""#,
    );
    let msgs = messages(&check(&facts).1);
    assert_eq!(msgs.len(), 1, "{msgs:#?}");
    assert!(
        msgs[0].ends_with("the answer's currency is CAD but the quote never says Canadian dollars"),
        "{msgs:#?}"
    );
}

#[test]
fn an_answer_that_does_not_fit_its_kind_is_reported() {
    let facts = valid_facts("").replace(
        r#"answer = "Keith Kellogg""#,
        r#"answer = { date = "2025-08-24" }"#,
    );
    let msgs = messages(&check(&facts).1);
    assert_eq!(
        msgs,
        ["facts.toml:39: fact `kellogg`: answer `24 August 2025` is not a person value"]
    );
}

#[test]
fn a_typed_status_is_refused_because_status_is_computed() {
    let facts = valid_facts("").replace(
        "topic = \"united-states\"",
        "topic = \"united-states\"\nstatus = \"corroborated\"",
    );
    let msgs = messages(&check(&facts).1);
    assert!(
        msgs[0]
            == "facts.toml:41: fact `kellogg`: `status` is not written by hand: statuses are computed from the evidence (remove it)",
        "{msgs:#?}"
    );
}

#[test]
fn every_problem_is_collected_not_just_the_first() {
    let facts = valid_facts("")
        .replace(
            "commitment to provide $500 million",
            "commitment to provide $600 million",
        )
        .replace(r#"source = "loveworld-rewrite""#, r#"source = "reuters""#)
        .replace(
            "claim = \"{answer} attended.\"",
            "claim = \"Kellogg attended.\"",
        );
    let msgs = messages(&check(&facts).1);
    assert_eq!(msgs.len(), 4, "{msgs:#?}");
    assert!(msgs
        .iter()
        .any(|m| m.contains("claim must contain `{answer}` exactly once")));
}

#[test]
fn conflicting_versions_keep_each_value_with_its_quotes() {
    let conflict = r#"
[[fact]]
id = "aid-drones"
topic = "aid"
kind = "money"
ask = "How much will go to drone capabilities?"
claim = "Canada will spend {answer} on drone capabilities."
[[fact.versions]]
answer = { money = 220000000, currency = "unstated" }
evidence = [ { source = "wire-brief", quote = "220 million dollars for joint Ukrainian-Canadian drone and electronic warfare projects" } ]
[[fact.versions]]
answer = { money = 165000000, currency = "unstated" }
evidence = [ { source = "kyiv-report", quote = "And another $165 million to strengthen drone capabilities." } ]
"#;
    let (table, problems) = check(&valid_facts(conflict));
    assert!(problems.is_empty(), "{:?}", messages(&problems));
    let fact = table.facts.iter().find(|f| f.id.0 == "aid-drones").unwrap();
    assert_eq!(fact.status, Status::Conflicting);
    assert_eq!(fact.versions.len(), 2);
}

#[test]
fn a_source_that_derives_from_an_unknown_source_is_reported() {
    let sources = SOURCES.replacen(
        "based_on = \"Reuters\"",
        "derives_from = \"reuters-original\"",
        1,
    );
    let msgs = messages(&check_with(&sources, &valid_facts("")).1);
    assert_eq!(msgs, ["sources.toml:39: source `loveworld-rewrite`: `derives_from` names an unknown source or forms a loop"]);
}

#[test]
fn a_toml_syntax_error_gives_its_line() {
    let msgs = messages(&check("[[fact]]\nid = \"x\nkind = 3").1);
    assert!(
        msgs.iter().any(|m| m.starts_with("facts.toml:2: ")),
        "{msgs:#?}"
    );
}

#[test]
fn a_malformed_fact_is_reported_once_at_its_line_and_the_others_are_still_verified() {
    let facts = valid_facts(
        r#"
[[fact]]
id = "broken"
topic = "visit"
kind = "date"
claim = "It happened on {answer}."
answer = { date = "2025-08-24" }
evidence = [{ source = "kyiv-report", quote = "On Sunday, August 24, Kyiv hosted" }]

[[fact]]
id = "typed-status"
topic = "visit"
kind = "date"
ask = "When?"
claim = "It happened on {answer}."
status = "corroborated"
answer = { date = "2025-08-24" }
evidence = [{ source = "kyiv-report", quote = "On Sunday, August 24, Kyiv hosted" }]

[[fact]]
id = "changed-quote"
topic = "nowhere"
kind = "date"
ask = "When?"
claim = "It happened on {answer}."
answer = { date = "2025-08-24" }
evidence = [{ source = "kyiv-report", quote = "On Monday, August 24, Kyiv hosted" }]
"#,
    );
    let (_, problems) = check(&facts);
    let text = messages(&problems).join("\n");
    assert!(
        text.contains("fact `broken`: missing field `ask`"),
        "{text}"
    );
    assert_eq!(text.matches("`broken`").count(), 1, "reported once: {text}");
    assert!(text.contains("fact `typed-status`: `status` is not written by hand: statuses are computed from the evidence"), "{text}");
    // The facts that did parse are verified as usual, in the same run.
    assert!(text.contains("unknown topic `nowhere`"), "{text}");
    assert!(text.contains("not verbatim"), "{text}");
    // No consequence of the parse failures is invented.
    assert!(!text.contains("is not quoted by any fact"), "{text}");
    let line = problems
        .iter()
        .find(|p| p.to_string().contains("`broken`"))
        .unwrap()
        .location
        .line;
    let expected = facts.lines().position(|l| l == "id = \"broken\"").unwrap() as u32;
    assert!(
        (expected..=expected + 8).contains(&line),
        "line {line} near {expected}"
    );
}

#[test]
fn a_sentence_recorded_as_a_source_error_is_evidence_of_that_error_only() {
    let facts = valid_facts(
        r#"
[[fact]]
id = "error-former-president"
topic = "reporting"
kind = "source_error"
ask = "What does the LoveWorld rewrite wrongly call Donald Trump?"
claim = "The LoveWorld rewrite calls the sitting president \"{answer}\"."
answer = "Former U.S. President"
about = "loveworld-rewrite"
correct = "U.S. President Donald Trump"
evidence = [{ source = "loveworld-rewrite", quote = "Former U.S. President Donald Trump has taken a leading role in current peace efforts" }]
correction = [{ source = "cbc-aggregator", quote = "despite attempts by the administration of U.S. President Donald Trump to broker a Ukraine-Russia settlement." }]

[[fact]]
id = "us-trump"
topic = "united-states"
kind = "person"
class = "us-president"
ask = "Who has taken a leading role in peace efforts?"
claim = "{answer} has taken a leading role in peace efforts."
answer = "Donald Trump"
evidence = [{ source = "loveworld-rewrite", quote = "U.S. President Donald Trump has taken a leading role" }]
"#,
    );
    let (_, problems) = check(&facts);
    let text = messages(&problems).join("\n");
    assert!(
        text.contains("fact `us-trump`: quote lies in a sentence of `loveworld-rewrite` recorded as source error `error-former-president`"),
        "{text}"
    );
    assert!(
        !text.contains("fact `error-former-president`: quote lies"),
        "the error's own evidence is allowed: {text}"
    );
}

#[test]
fn avoid_names_a_question_kind_and_gives_its_reason() {
    let avoid = |line: &str| {
        let facts = valid_facts("").replace(
            "answer = \"Keith Kellogg\"",
            &format!("answer = \"Keith Kellogg\"\n{line}"),
        );
        messages(&check(&facts).1)
    };
    assert_eq!(
        avoid("avoid = { cloze = \"the name follows its title\" }"),
        Vec::<String>::new()
    );
    let msgs = avoid("avoid = { clozes = \"typo\" }");
    assert!(
        msgs.iter().any(|m| m.starts_with("facts.toml:")
            && m.contains("fact `kellogg`: avoid: unknown question kind `clozes`; kinds are: multiple_choice, true_false")),
        "{msgs:#?}"
    );
    let msgs = avoid("avoid = { cloze = \" \" }");
    assert!(
        msgs.iter()
            .any(|m| m.contains("fact `kellogg`: avoid: `cloze` needs a reason")),
        "{msgs:#?}"
    );
}

#[test]
fn a_true_false_statement_has_one_slot_and_a_fact_that_asks_true_false() {
    let statement = |lines: &str| {
        let facts = valid_facts("").replace(
            "answer = \"Keith Kellogg\"",
            &format!("answer = \"Keith Kellogg\"\n{lines}"),
        );
        messages(&check(&facts).1)
    };
    assert_eq!(
        statement("statement = \"The envoy who attended was {answer}.\""),
        Vec::<String>::new()
    );
    let msgs = statement("statement = \"The envoy who attended was Kellogg.\"");
    assert!(
        msgs.iter().any(|m| m.starts_with("facts.toml:")
            && m.contains("fact `kellogg`: statement must contain `{answer}` exactly once")),
        "{msgs:#?}"
    );
    let msgs =
        statement("statement = \"The envoy was {answer}.\"\navoid = { true_false = \"trivial\" }");
    assert!(
        msgs.iter().any(|m| m.contains(
            "fact `kellogg`: statement is what a true/false question shows, but this fact avoids true_false"
        )),
        "{msgs:#?}"
    );
}

#[test]
fn every_quote_of_the_shipped_table_stands_in_its_whole_sentence() {
    let table = sourced_quiz::embedded_table().expect("questions/ verifies");
    let mut widened = 0;
    for fact in &table.facts {
        for evidence in fact.all_evidence() {
            let text = &table.source(&evidence.source).unwrap().text;
            let sentence = evidence.sentence();
            // A quote across a paragraph break (a headline and its dateline) is shown as it is.
            if !text.split('\n').any(|p| p.contains(&sentence)) {
                assert!(
                    evidence.lead.is_empty()
                        && evidence.tail.is_empty()
                        && text.replace('\n', " ").contains(&sentence),
                    "{}: `{sentence}` is not in {}",
                    fact.id.0,
                    evidence.source
                );
                continue;
            }
            // It starts where a sentence starts.
            let first = sentence.chars().next().unwrap();
            assert!(
                !first.is_lowercase() || text.split('\n').any(|p| p.starts_with(&sentence)),
                "{}: `{sentence}` starts mid-sentence",
                fact.id.0
            );
            widened += usize::from(!evidence.lead.is_empty() || !evidence.tail.is_empty());
        }
    }
    assert!(
        widened > 50,
        "only {widened} quotes were widened to their sentence"
    );
}

#[test]
fn a_quote_cut_from_a_sentence_gets_the_rest_of_it() {
    let (table, problems) = check(&valid_facts(""));
    assert_eq!(messages(&problems), Vec::<String>::new());
    let purl = table.facts.iter().find(|f| f.id.0 == "aid-purl").unwrap();
    let kyiv = &purl.versions[0].evidence[1];
    assert_eq!(
        kyiv.quote,
        "its commitment to provide $500 million under this initiative"
    );
    assert!(
        kyiv.sentence().starts_with(&kyiv.lead) && !kyiv.lead.is_empty(),
        "{kyiv:?}"
    );
    assert!(kyiv.sentence().ends_with('.'), "{kyiv:?}");
}

#[test]
fn a_date_whose_year_no_quote_writes_is_shown_without_it() {
    let table = sourced_quiz::embedded_table().expect("questions/ verifies");
    let mut implied = 0;
    for fact in &table.facts {
        for version in &fact.versions {
            if let sourced_core::Value::Date(date) = &version.answer {
                let written = version
                    .evidence
                    .iter()
                    .any(|e| e.quote.contains(&date.year.to_string()));
                assert_eq!(
                    date.year_implied,
                    !written && date.precision != sourced_core::Precision::Year,
                    "{}",
                    fact.id.0
                );
                if date.year_implied {
                    implied += 1;
                    assert!(!version.answer.to_string().contains(&date.year.to_string()));
                }
            }
        }
    }
    assert!(
        implied > 0,
        "no date of the table leaves its year unwritten"
    );
}

/// `questions/README.md` lists every `group` with its facts, so an author sees what each keeps
/// apart; a group added, renamed or grown in `facts.toml` without its row is caught here.
#[test]
fn the_authors_guide_lists_every_group_with_its_facts() {
    use std::collections::BTreeMap;
    let table = sourced_quiz::embedded_table().expect("questions/ verifies");
    let mut groups: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for fact in &table.facts {
        if let Some(group) = &fact.group {
            groups.entry(group).or_default().push(&fact.id.0);
        }
    }
    let guide = include_str!("../questions/README.md");
    let mut rows: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for line in guide.lines().map(str::trim) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // `| `group` | `fact`, `fact` | gives away … |`: a row of the groups' table.
        if cells.len() < 4 || !cells[1].starts_with('`') || !cells[2].starts_with('`') {
            continue;
        }
        let ids = cells[2]
            .split(',')
            .map(|id| id.trim().trim_matches('`'))
            .collect();
        rows.insert(cells[1].trim_matches('`'), ids);
    }
    for (group, mut facts) in groups.clone() {
        let Some(row) = rows.get(group) else {
            panic!(
                "questions/README.md has no row for group `{group}` ({})",
                facts.join(", ")
            );
        };
        let mut row = row.clone();
        row.sort_unstable();
        facts.sort_unstable();
        assert_eq!(row, facts, "questions/README.md's row for group `{group}`");
    }
    for group in rows.keys() {
        assert!(
            groups.contains_key(group),
            "questions/README.md lists group `{group}`, which no fact has"
        );
    }
}
