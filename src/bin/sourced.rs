//! `sourced`: the command-line tool for checking fact tables and printing quizzes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: sourced <command>

commands:
  check [DIR]          verify a fact-table directory (default: questions/); exit 1 on any problem
  facts --json [DIR]   print the verified table as JSON
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => check(args.get(1).map(PathBuf::from)),
        Some("facts") => facts(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    result.unwrap_or_else(|message| {
        eprintln!("sourced: {message}");
        ExitCode::from(2)
    })
}

fn default_dir() -> PathBuf {
    PathBuf::from("questions")
}

/// Loads and verifies `dir`; the problems are returned, not printed.
fn load(dir: &Path) -> Result<(sourced_core::FactTable, Vec<sourced_core::Problem>), String> {
    if !dir.is_dir() {
        return Err(format!(
            "`{}` is not a directory (expected a fact table: sources.toml, facts.toml)",
            dir.display()
        ));
    }
    let read =
        |relative: &str| std::fs::read_to_string(dir.join(relative)).map_err(|e| e.to_string());
    Ok(sourced_core::load::load_and_verify(&read))
}

fn check(dir: Option<PathBuf>) -> Result<ExitCode, String> {
    let dir = dir.unwrap_or_else(default_dir);
    let (table, problems) = load(&dir)?;
    if problems.is_empty() {
        println!("ok: {}", table.summary());
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        println!("{}/{problem}", dir.display());
    }
    println!("{} problem(s) in {}", problems.len(), dir.display());
    Ok(ExitCode::FAILURE)
}

fn facts(args: &[String]) -> Result<ExitCode, String> {
    let mut json = false;
    let mut dir = default_dir();
    for arg in args {
        match arg.as_str() {
            "--json" => json = true,
            flag if flag.starts_with('-') => return Err(format!("facts: unknown option `{flag}`")),
            path => dir = PathBuf::from(path),
        }
    }
    if !json {
        return Err("facts: only `--json` output exists; run `sourced facts --json`".into());
    }
    let (table, problems) = load(&dir)?;
    if !problems.is_empty() {
        return Err(format!(
            "{} has {} problem(s); run `sourced check {}` to see them",
            dir.display(),
            problems.len(),
            dir.display()
        ));
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&facts_json(&table)).map_err(|e| e.to_string())?
    );
    Ok(ExitCode::SUCCESS)
}

/// The documented JSON shape: each fact's `answer` and flattened `evidence`, plus `versions` when in conflict.
fn facts_json(table: &sourced_core::FactTable) -> serde_json::Value {
    use serde_json::json;
    let sources: Vec<_> = table
        .sources
        .iter()
        .map(|s| {
            json!({
                "id": s.id, "headline": s.headline, "outlet": s.outlet, "kind": s.kind,
                "independence_group": s.independence_group, "based_on": s.based_on,
                "derives_from": s.derives_from, "file": s.file, "notes": s.notes,
            })
        })
        .collect();
    let facts: Vec<_> = table
        .facts
        .iter()
        .map(|f| {
            let mut fact = json!({
                "id": f.id, "topic": f.topic, "kind": f.kind, "ask": f.ask,
                "answer": f.answer(), "answer_text": f.answer().to_string(),
                "claim": f.claim_with(&f.answer().to_string()),
                "status": f.status, "independent_reports": f.independent_reports,
                "evidence": f.all_evidence().collect::<Vec<_>>(),
            });
            if f.versions.len() > 1 {
                fact["versions"] = json!(f.versions);
            }
            if let Some(quotation) = &f.quotation {
                fact["quotation"] = json!(quotation);
            }
            if let (Some(about), Some(correct)) = (&f.about, &f.correct) {
                fact["about"] = json!(about);
                fact["correct"] = json!(correct);
            }
            fact
        })
        .collect();
    json!({ "sources": sources, "facts": facts })
}
