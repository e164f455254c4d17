//! Reads a fact-table directory (`sources.toml`, `facts.toml`, the article texts) into a draft for the verifier.
//!
//! The directory is read through a closure so this module does no I/O of its own;
//! the CLI and the build script hand it the file system.

use crate::fact::{
    AnswerKind, Avoid, Count, Currency, Date, Evidence, Fact, FactId, Money, Related, Relation,
    Status, Topic, Value, Version, QUESTION_KIND_NAMES,
};
use crate::source::{Source, SourceId, SourceKind};
use crate::table::FactTable;
use crate::verify::{verify, Draft, Location, Problem};
use serde::Deserialize;
use toml::Spanned;

pub const SOURCES_FILE: &str = "sources.toml";
pub const FACTS_FILE: &str = "facts.toml";

/// Reads and verifies the fact-table directory behind `read` (which maps a relative path to its text).
///
/// Returns the table and every problem: syntax errors, schema errors and verification failures alike.
pub fn load_and_verify(read: &dyn Fn(&str) -> Result<String, String>) -> (FactTable, Vec<Problem>) {
    let (draft, mut problems) = load(read);
    let (table, verify_problems) = verify(draft);
    problems.extend(verify_problems);
    (table, problems)
}

/// Reads the directory into a draft, collecting every problem that stops a part from being read.
pub fn load(read: &dyn Fn(&str) -> Result<String, String>) -> (Draft, Vec<Problem>) {
    let mut draft = Draft {
        sources_file: SOURCES_FILE.into(),
        facts_file: FACTS_FILE.into(),
        ..Draft::default()
    };
    let mut problems = Vec::new();
    match read(SOURCES_FILE) {
        Ok(text) => read_sources(&text, read, &mut draft, &mut problems),
        Err(why) => problems.push(file_problem(
            SOURCES_FILE,
            0,
            format!("cannot read it: {why}"),
        )),
    }
    match read(FACTS_FILE) {
        Ok(text) => read_facts(&text, &mut draft, &mut problems),
        Err(why) => problems.push(file_problem(
            FACTS_FILE,
            0,
            format!("cannot read it: {why}"),
        )),
    }
    (draft, problems)
}

fn file_problem(file: &str, line: u32, message: String) -> Problem {
    Problem {
        location: Location {
            file: file.into(),
            line,
        },
        fact: None,
        message,
    }
}

fn line_of(text: &str, offset: usize) -> u32 {
    text[..offset.min(text.len())].matches('\n').count() as u32 + 1
}

fn syntax_problem(file: &str, text: &str, error: toml::de::Error) -> Problem {
    let line = error
        .span()
        .map(|span| line_of(text, span.start))
        .unwrap_or(0);
    file_problem(file, line, error.message().to_string())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: Spanned<String>,
    file: String,
    headline: String,
    outlet: String,
    kind: SourceKind,
    based_on: Option<String>,
    derives_from: Option<String>,
    #[serde(default)]
    notes: String,
}

fn read_sources(
    text: &str,
    read: &dyn Fn(&str) -> Result<String, String>,
    draft: &mut Draft,
    problems: &mut Vec<Problem>,
) {
    let file: SourcesFile = match toml::from_str(text) {
        Ok(file) => file,
        Err(error) => return problems.push(syntax_problem(SOURCES_FILE, text, error)),
    };
    for raw in file.source {
        let id = SourceId(raw.id.get_ref().clone());
        let mut shipped = String::new();
        match read(&raw.file) {
            Ok(article) => {
                shipped = crate::source::shipped_text(&article);
                draft.texts.insert(id.clone(), article);
            }
            Err(why) => problems.push(file_problem(
                SOURCES_FILE,
                line_of(text, raw.id.span().start),
                format!("source `{id}`: cannot read `{}`: {why}", raw.file),
            )),
        }
        draft.source_lines.push(line_of(text, raw.id.span().start));
        draft.sources.push(Source {
            id,
            file: raw.file,
            headline: raw.headline,
            outlet: raw.outlet,
            kind: raw.kind,
            based_on: raw.based_on,
            derives_from: raw.derives_from.map(SourceId),
            notes: raw.notes,
            independence_group: String::new(),
            text: shipped,
        });
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    #[serde(default)]
    fact: Vec<RawFact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: Spanned<String>,
    topic: String,
    kind: String,
    ask: String,
    claim: String,
    statement: Option<String>,
    label: Option<String>,
    answer: Option<toml::Value>,
    evidence: Option<Vec<RawEvidence>>,
    versions: Option<Vec<RawVersion>>,
    #[serde(default)]
    spellings: Vec<String>,
    #[serde(default)]
    not_distractors: Vec<String>,
    #[serde(default)]
    distractors: Vec<String>,
    quotation: Option<String>,
    about: Option<String>,
    correct: Option<String>,
    #[serde(default)]
    correction: Vec<RawEvidence>,
    class: Option<String>,
    #[serde(default)]
    related: Vec<RawRelation>,
    note: Option<String>,
    #[serde(default)]
    avoid: std::collections::BTreeMap<String, String>,
    group: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    to: String,
    #[serde(rename = "as")]
    relation: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVersion {
    answer: toml::Value,
    evidence: Vec<RawEvidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvidence {
    source: String,
    quote: Spanned<String>,
}

/// `facts.toml` cut before each `[[fact]]` header, each piece padded with the newlines before it,
/// so that a piece parses on its own and its spans give the file's own line numbers.
fn fact_pieces(text: &str) -> Vec<String> {
    let mut starts: Vec<usize> = text
        .match_indices("[[fact]]")
        .map(|(at, _)| at)
        .filter(|&at| at == 0 || text.as_bytes()[at - 1] == b'\n')
        .collect();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    starts
        .iter()
        .zip(starts.iter().skip(1).chain([&text.len()]))
        .map(|(&start, &end)| "\n".repeat(text[..start].matches('\n').count()) + &text[start..end])
        .collect()
}

/// The `id = "…"` a piece of `facts.toml` gives, read without parsing it (it may not parse).
fn piece_id(piece: &str) -> Option<&str> {
    piece.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("id")?
            .trim_start()
            .strip_prefix('=')?;
        value.trim().strip_prefix('"')?.split('"').next()
    })
}

/// The message for a fact that could not be read, with what to do for the common slips.
fn fact_syntax_message(error: &toml::de::Error) -> String {
    let message = error.message().trim_end().to_string();
    if message.contains("unknown field `status`") {
        "`status` is not written by hand: statuses are computed from the evidence (remove it)"
            .into()
    } else {
        message
    }
}

/// Reads every fact it can: a fact that does not parse is reported once, at its line, and the
/// others are read and verified as usual.
fn read_facts(text: &str, draft: &mut Draft, problems: &mut Vec<Problem>) {
    for piece in fact_pieces(text) {
        match toml::from_str::<FactsFile>(&piece) {
            Ok(file) => read_fact_list(&piece, file.fact, draft, problems),
            Err(error) => {
                draft.unread_facts += 1;
                let line = error
                    .span()
                    .map(|span| line_of(&piece, span.start))
                    .unwrap_or(0);
                let message = match piece_id(&piece) {
                    Some(id) => format!("fact `{id}`: {}", fact_syntax_message(&error)),
                    None => fact_syntax_message(&error),
                };
                problems.push(file_problem(FACTS_FILE, line, message));
            }
        }
    }
}

fn read_fact_list(text: &str, raws: Vec<RawFact>, draft: &mut Draft, problems: &mut Vec<Problem>) {
    for raw in raws {
        let line = line_of(text, raw.id.span().start);
        let id = FactId(raw.id.get_ref().clone());
        let mut complain = |message: String| {
            problems.push(Problem {
                location: Location {
                    file: FACTS_FILE.into(),
                    line,
                },
                fact: Some(id.clone()),
                message,
            })
        };
        let Some(kind) = AnswerKind::from_name(&raw.kind) else {
            let kinds: Vec<&str> = AnswerKind::ALL.iter().map(|k| k.name()).collect();
            complain(format!(
                "unknown kind `{}`; kinds are: {}",
                raw.kind,
                kinds.join(", ")
            ));
            continue;
        };
        let raw_versions = match (raw.answer, raw.evidence, raw.versions) {
            (Some(answer), Some(evidence), None) => vec![RawVersion { answer, evidence }],
            (None, None, Some(versions)) if !versions.is_empty() => versions,
            _ => {
                complain(
                    "give either `answer` and `evidence`, or two or more `[[fact.versions]]`"
                        .into(),
                );
                continue;
            }
        };
        let index = draft.facts.len();
        let mut evidence_of = |raws: Vec<RawEvidence>| -> Vec<Evidence> {
            raws.into_iter()
                .map(|raw| {
                    let quote = raw.quote.get_ref().clone();
                    draft.quote_lines.insert(
                        (index, quote.clone()),
                        line_of(text, raw.quote.span().start),
                    );
                    Evidence {
                        source: SourceId(raw.source),
                        quote,
                        lead: String::new(),
                        tail: String::new(),
                    }
                })
                .collect()
        };
        let mut versions = Vec::new();
        let mut bad_answer = false;
        for raw_version in raw_versions {
            match value_from_toml(&raw_version.answer) {
                Ok(answer) => versions.push(Version {
                    answer,
                    evidence: evidence_of(raw_version.evidence),
                }),
                Err(why) => {
                    complain(format!("answer: {why}"));
                    bad_answer = true;
                }
            }
        }
        let correction = evidence_of(raw.correction);
        let mut related = Vec::new();
        for relation in raw.related {
            match Relation::from_name(&relation.relation) {
                Some(kind) => related.push(Related {
                    to: FactId(relation.to),
                    kind,
                }),
                None => {
                    let names: Vec<&str> = Relation::ALL.iter().map(|r| r.name()).collect();
                    complain(format!(
                        "related: unknown relation `{}`; relations are: {}",
                        relation.relation,
                        names.join(", ")
                    ));
                    bad_answer = true;
                }
            }
        }
        let mut avoid = Vec::new();
        for (kind, why) in raw.avoid {
            if !QUESTION_KIND_NAMES.contains(&kind.as_str()) {
                complain(format!(
                    "avoid: unknown question kind `{kind}`; kinds are: {}",
                    QUESTION_KIND_NAMES.join(", ")
                ));
                bad_answer = true;
            } else if why.trim().is_empty() {
                complain(format!(
                    "avoid: `{kind}` needs a reason (what would be unfair about asking it so)"
                ));
                bad_answer = true;
            } else {
                avoid.push(Avoid { kind, why });
            }
        }
        if bad_answer {
            continue;
        }
        draft.fact_lines.push(line);
        draft.facts.push(Fact {
            id,
            topic: Topic(raw.topic),
            kind,
            ask: raw.ask,
            claim: raw.claim,
            statement: raw.statement,
            label: raw.label,
            versions,
            spellings: raw.spellings,
            not_distractors: raw.not_distractors,
            distractors: raw.distractors,
            quotation: raw.quotation,
            about: raw.about.map(SourceId),
            correct: raw.correct,
            correction,
            class: raw.class,
            related,
            note: raw.note,
            avoid,
            group: raw.group,
            status: Status::SingleSource,
            independent_reports: 0,
        });
    }
}

/// Turns a TOML answer (`"text"`, `{ money = … }`, `{ date = … }`, `{ count = … }`) into a typed value.
fn value_from_toml(value: &toml::Value) -> Result<Value, String> {
    let table = match value {
        toml::Value::String(text) => return Ok(Value::Text(text.clone())),
        toml::Value::Table(table) => table,
        other => {
            return Err(format!(
                "expected a string or a table, found {}",
                other.type_str()
            ))
        }
    };
    let keys: Vec<&str> = table.keys().map(String::as_str).collect();
    let allow = |allowed: &[&str]| -> Result<(), String> {
        match keys.iter().find(|key| !allowed.contains(key)) {
            Some(key) => Err(format!(
                "unknown key `{key}`; allowed here: {}",
                allowed.join(", ")
            )),
            None => Ok(()),
        }
    };
    let integer = |key: &str| -> Result<Option<u64>, String> {
        match table.get(key) {
            None => Ok(None),
            Some(toml::Value::Integer(n)) if *n >= 0 => Ok(Some(*n as u64)),
            Some(other) => Err(format!(
                "`{key}` must be a non-negative whole number, found a {}",
                other.type_str()
            )),
        }
    };
    let string = |key: &str| -> Result<Option<&str>, String> {
        match table.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(format!(
                "`{key}` must be a string, found a {}",
                other.type_str()
            )),
        }
    };
    if let Some(amount) = integer("money")? {
        allow(&["money", "currency", "qualifier", "usd"])?;
        let currency = match string("currency")? {
            Some("CAD") => Currency::Cad,
            Some("USD") => Currency::Usd,
            Some("unstated") => Currency::Unstated,
            Some(other) => {
                return Err(format!(
                    "currency `{other}` is not one of CAD, USD, unstated"
                ))
            }
            None => return Err("money needs a `currency`: CAD, USD or unstated".into()),
        };
        let over = match string("qualifier")? {
            None => false,
            Some("over") => true,
            Some(other) => return Err(format!("qualifier `{other}` is not `over`")),
        };
        return Ok(Value::Money(Money {
            amount,
            currency,
            over,
            usd: integer("usd")?,
        }));
    }
    if let Some(iso) = string("date")? {
        allow(&["date"])?;
        return Date::parse_iso(iso).map(Value::Date);
    }
    if let Some(count) = integer("count")? {
        allow(&["count", "unit"])?;
        let value = u32::try_from(count).map_err(|_| format!("count {count} is too large"))?;
        return Ok(Value::Count(Count {
            value,
            unit: string("unit")?.unwrap_or_default().to_string(),
        }));
    }
    Err(format!(
        "a table answer needs `money`, `date` or `count`; found keys: {}",
        keys.join(", ")
    ))
}
