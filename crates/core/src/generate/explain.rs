//! Explanations: the claim, then how well the sources support it, in plain words; and the question shell.

use super::Generator;
use crate::fact::{AnswerKind, Fact, Status};
use crate::question::{Body, Question, QuestionKind};
use crate::table::{FactIdx, FactTable};

/// A fact's explanation (worked out once per table).
pub(super) fn explain(table: &FactTable, fact: &Fact) -> String {
    match (fact.kind, fact.status) {
        (AnswerKind::SourceError, _) => format!(
            "{} Other reports: “{}”.",
            fact.claim_with(&fact.answer().to_string()),
            fact.correct.as_deref().unwrap_or_default()
        ),
        (_, Status::Conflicting) => {
            let versions: Vec<String> = fact
                .versions
                .iter()
                .map(|v| {
                    let who: Vec<String> =
                        v.evidence.iter().map(|e| table.outlet(&e.source)).collect();
                    format!("{} says {}", join_dedup(&who), v.answer)
                })
                .collect();
            format!("The sources disagree: {}.", versions.join("; "))
        }
        (_, Status::Corroborated) => format!(
            "{} Confirmed by {} independent reports.",
            fact.claim_with(&fact.answer().to_string()),
            fact.independent_reports
        ),
        (_, Status::SingleSource) => {
            let who: Vec<String> = fact
                .all_evidence()
                .map(|e| table.outlet(&e.source))
                .collect();
            format!(
                "{} Reported by one source only: {}.",
                fact.claim_with(&fact.answer().to_string()),
                join_dedup(&who)
            )
        }
    }
}

fn join_dedup(items: &[String]) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for item in items {
        if !unique.contains(&item.as_str()) {
            unique.push(item);
        }
    }
    unique.join(" and ")
}

impl Generator<'_> {
    /// A question about one fact, with its answer, explanation and quotes.
    pub(super) fn question(
        &self,
        kind: QuestionKind,
        prompt: String,
        f: FactIdx,
        body: Body,
    ) -> Question {
        let fact = &self.table()[f];
        let prep = &self.prepared.facts[f];
        Question {
            kind,
            prompt,
            topic: fact.topic.clone(),
            body,
            fact_ids: vec![fact.id.clone()],
            status: fact.status,
            answer_text: prep.answer.clone(),
            explanation: prep.explanation.clone(),
            quotes: fact.all_evidence().cloned().collect(),
        }
    }

    /// A question about several facts: the strongest status among them, every explanation and quote.
    pub(super) fn multi_question(
        &self,
        kind: QuestionKind,
        prompt: String,
        facts: &[FactIdx],
        body: Body,
        answer_text: String,
    ) -> Question {
        let table = self.table();
        Question {
            kind,
            prompt,
            topic: table[facts[0]].topic.clone(),
            body,
            fact_ids: facts.iter().map(|&f| table[f].id.clone()).collect(),
            status: facts
                .iter()
                .map(|&f| table[f].status)
                .max()
                .unwrap_or(Status::SingleSource),
            answer_text,
            explanation: facts
                .iter()
                .map(|&f| self.prepared.facts[f].explanation.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            quotes: facts
                .iter()
                .flat_map(|&f| table[f].all_evidence().cloned())
                .collect(),
        }
    }
}
