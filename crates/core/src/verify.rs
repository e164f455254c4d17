//! The verifier: checks a draft fact table against its source texts and collects every problem, not just the first.

use crate::extract;
use crate::fact::{AnswerKind, Evidence, Fact, FactId, Precision, Status, Value, TOPICS};
use crate::source::{assign_independence_groups, Source, SourceId};
use crate::table::FactTable;
use crate::text::{fold, longest_matching_prefix, normalize_whitespace, sentence_ranges};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;

/// Where a problem is: a file of the fact-table directory and a 1-based line (0 when unknown).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Location {
    pub file: String,
    pub line: u32,
}

/// One thing wrong with a fact table, with enough context to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub fact: Option<FactId>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.location.file)?;
        if self.location.line > 0 {
            write!(f, ":{}", self.location.line)?;
        }
        if let Some(fact) = &self.fact {
            write!(f, ": fact `{fact}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A fact table as read from its files, before verification, with where each part was written.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    pub sources: Vec<Source>,
    /// Line of each source's `[[source]]` entry, parallel to `sources`.
    pub source_lines: Vec<u32>,
    pub facts: Vec<Fact>,
    /// Line of each fact's `id`, parallel to `facts`.
    pub fact_lines: Vec<u32>,
    /// Line of each quote, by fact index and quote text.
    pub quote_lines: HashMap<(usize, String), u32>,
    /// Each source's full text, by id.
    pub texts: BTreeMap<SourceId, String>,
    pub sources_file: String,
    pub facts_file: String,
    /// Facts that could not be read (already reported): checks of the whole table that they
    /// could change, such as which sources are quoted, are skipped.
    pub unread_facts: usize,
}

/// Verifies a draft: returns the table with statuses computed and every problem found.
///
/// The table is only trustworthy when the problem list is empty.
pub fn verify(draft: Draft) -> (FactTable, Vec<Problem>) {
    let mut checker = Checker {
        draft: &draft,
        problems: Vec::new(),
    };
    let mut sources = draft.sources.clone();
    checker.check_sources(&mut sources);
    let groups: HashMap<&SourceId, &str> = sources
        .iter()
        .map(|s| (&s.id, s.independence_group.as_str()))
        .collect();
    let normalized: HashMap<&SourceId, String> = draft
        .texts
        .iter()
        .map(|(id, text)| (id, normalize_whitespace(text)))
        .collect();

    let mut seen: HashMap<&FactId, usize> = HashMap::new();
    let mut facts = Vec::with_capacity(draft.facts.len());
    for (index, fact) in draft.facts.iter().enumerate() {
        if let Some(first) = seen.insert(&fact.id, index) {
            let line = draft.fact_lines.get(first).copied().unwrap_or(0);
            checker.fact_problem(
                index,
                format!("duplicate id: already used by the fact at line {line}"),
            );
        }
        checker.check_fact(index, fact, &normalized);
        let mut fact = fact.clone();
        (fact.status, fact.independent_reports) = status_of(&fact, &groups);
        facts.push(fact);
    }

    checker.check_relations(&draft.facts);
    checker.check_tainted_evidence(&draft.facts, &sources);
    for fact in &mut facts {
        // A date whose year no quote writes is shown as the reports give it.
        for version in &mut fact.versions {
            if let Value::Date(date) = &mut version.answer {
                let year = date.year.to_string();
                date.year_implied = date.precision != Precision::Year
                    && !version.evidence.iter().any(|e| e.quote.contains(&year));
            }
        }
        for evidence in fact
            .versions
            .iter_mut()
            .flat_map(|v| v.evidence.iter_mut())
            .chain(fact.correction.iter_mut())
        {
            if let Some(source) = sources.iter().find(|s| s.id == evidence.source) {
                (evidence.lead, evidence.tail) = sentence_around(source, &evidence.quote);
            }
        }
    }

    let used: BTreeSet<&SourceId> = draft
        .facts
        .iter()
        .flat_map(|f| f.all_evidence().map(|e| &e.source))
        .collect();
    for (i, source) in sources.iter().enumerate() {
        if !used.contains(&source.id) && draft.unread_facts == 0 {
            checker.source_problem(
                i,
                format!("source `{}` is not quoted by any fact", source.id),
            );
        }
    }
    let problems = checker.problems;
    (FactTable { sources, facts }, problems)
}

/// Where a (whitespace-normalized) quote occurs in a source's paragraphs: (paragraph number,
/// paragraph, byte range in it). Quotes that cross a paragraph break are not found here.
fn occurrences<'s>(source: &'s Source, quote: &str) -> Vec<(usize, &'s str, Range<usize>)> {
    let quote = normalize_whitespace(quote);
    if quote.is_empty() {
        return Vec::new();
    }
    source
        .paragraphs()
        .enumerate()
        .flat_map(|(p, paragraph)| {
            let len = quote.len();
            paragraph
                .match_indices(quote.as_str())
                .map(move |(at, _)| (p, paragraph, at..at + len))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The rest of the sentence (or sentences) a quote lies in, before it and after it, at its first
/// occurrence; empty when the quote is not found (the verifier reports that).
fn sentence_around(source: &Source, quote: &str) -> (String, String) {
    let Some((_, paragraph, at)) = occurrences(source, quote).into_iter().next() else {
        return (String::new(), String::new());
    };
    let sentences: Vec<Range<usize>> = sentence_ranges(paragraph)
        .filter(|s| s.start < at.end && at.start < s.end)
        .collect();
    let start = sentences
        .first()
        .map_or(at.start, |s| s.start.min(at.start));
    let end = sentences.last().map_or(at.end, |s| s.end.max(at.end));
    (
        paragraph[start..at.start].to_string(),
        paragraph[at.end..end].to_string(),
    )
}

/// A fact's status and the number of independence groups whose quotes state its answer.
///
/// Only quotes that state the answer (checked by machine) count: a quote that merely sets
/// the scene is evidence a reader may want, but it corroborates nothing.
pub fn status_of(fact: &Fact, groups: &HashMap<&SourceId, &str>) -> (Status, u8) {
    let stated = |value: &Value, evidence: &Evidence| {
        // "$500 million" corroborates "500 million U.S. dollars": a currency left unstated is compatible.
        let value = match value {
            Value::Money(money) => Value::Money(crate::fact::Money {
                currency: crate::fact::Currency::Unstated,
                usd: None,
                ..money.clone()
            }),
            other => other.clone(),
        };
        states_answer(fact, &value, &normalize_whitespace(&evidence.quote))
    };
    let supporting = fact
        .versions
        .iter()
        .flat_map(|v| v.evidence.iter().filter(move |e| stated(&v.answer, e)));
    let correct = fact.correct.clone().map(Value::Text);
    let corrections = fact
        .correction
        .iter()
        .filter(|e| correct.as_ref().is_some_and(|c| stated(c, e)));
    let spanned: BTreeSet<&str> = supporting
        .chain(corrections)
        .map(|evidence| {
            groups
                .get(&evidence.source)
                .copied()
                .unwrap_or(evidence.source.0.as_str())
        })
        .collect();
    let reports = spanned.len().min(u8::MAX as usize) as u8;
    let conflicting = fact.versions.iter().enumerate().any(|(i, a)| {
        fact.versions[i + 1..]
            .iter()
            .any(|b| !a.answer.agrees_with(&b.answer))
    });
    let status = if conflicting {
        Status::Conflicting
    } else if reports >= 2 {
        Status::Corroborated
    } else {
        Status::SingleSource
    };
    (status, reports)
}

struct Checker<'a> {
    draft: &'a Draft,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn source_problem(&mut self, index: usize, message: String) {
        let line = self.draft.source_lines.get(index).copied().unwrap_or(0);
        self.problems.push(Problem {
            location: Location {
                file: self.draft.sources_file.clone(),
                line,
            },
            fact: None,
            message,
        });
    }

    /// Every `related` names another money fact of the table; relations are money's only.
    fn check_relations(&mut self, facts: &[Fact]) {
        for (index, fact) in facts.iter().enumerate() {
            for related in &fact.related {
                let target = facts.iter().find(|f| f.id == related.to);
                let message = match target {
                    _ if fact.kind != AnswerKind::Money => {
                        format!(
                            "related: only money facts relate sums, and this fact is {}",
                            fact.kind.name()
                        )
                    }
                    None => format!("related: no fact has the id `{}`", related.to),
                    Some(target) if target.id == fact.id => {
                        "related: a fact cannot relate to itself".into()
                    }
                    Some(target) if target.kind != AnswerKind::Money => format!(
                        "related: `{}` is a {} fact; sums relate only to sums",
                        target.id,
                        target.kind.name()
                    ),
                    Some(_) => continue,
                };
                self.fact_problem(index, message);
            }
        }
    }

    /// A sentence recorded as a source error is evidence of that error only: a quote of another
    /// fact that lies in it (wholly or partly) would carry the error into a fact.
    fn check_tainted_evidence(&mut self, facts: &[Fact], sources: &[Source]) {
        // (source, paragraph, sentence range, error id) for every sentence an error's evidence touches.
        let mut tainted: Vec<(&SourceId, usize, Range<usize>, &FactId)> = Vec::new();
        for error in facts.iter().filter(|f| f.kind == AnswerKind::SourceError) {
            for evidence in error.versions.iter().flat_map(|v| &v.evidence) {
                let Some(source) = sources.iter().find(|s| s.id == evidence.source) else {
                    continue;
                };
                for (p, paragraph, at) in occurrences(source, &evidence.quote) {
                    for sentence in sentence_ranges(paragraph) {
                        if sentence.start < at.end && at.start < sentence.end {
                            tainted.push((&source.id, p, sentence, &error.id));
                        }
                    }
                }
            }
        }
        for (index, fact) in facts.iter().enumerate() {
            let quotes = fact
                .versions
                .iter()
                .flat_map(|v| &v.evidence)
                .filter(|_| fact.kind != AnswerKind::SourceError)
                .chain(&fact.correction);
            for evidence in quotes {
                let Some(source) = sources.iter().find(|s| s.id == evidence.source) else {
                    continue;
                };
                let hit =
                    occurrences(source, &evidence.quote)
                        .into_iter()
                        .find_map(|(p, _, at)| {
                            tainted.iter().find(|(s, tp, sentence, _)| {
                                **s == source.id
                                    && *tp == p
                                    && sentence.start < at.end
                                    && at.start < sentence.end
                            })
                        });
                if let Some((_, _, _, error)) = hit {
                    let line = self.quote_line(index, evidence);
                    self.push_fact(
                        index,
                        line,
                        format!(
                            "quote lies in a sentence of `{}` recorded as source error `{error}`; a sentence a report got wrong is evidence of that error only: quote another sentence or another source",
                            source.id
                        ),
                    );
                }
            }
        }
    }

    /// The line of a fact's quote, or of the fact when the quote's own line is unknown.
    fn quote_line(&self, index: usize, evidence: &Evidence) -> u32 {
        self.draft
            .quote_lines
            .get(&(index, evidence.quote.clone()))
            .or_else(|| self.draft.fact_lines.get(index))
            .copied()
            .unwrap_or(0)
    }

    fn fact_problem(&mut self, index: usize, message: String) {
        let line = self.draft.fact_lines.get(index).copied().unwrap_or(0);
        self.push_fact(index, line, message);
    }

    fn push_fact(&mut self, index: usize, line: u32, message: String) {
        self.problems.push(Problem {
            location: Location {
                file: self.draft.facts_file.clone(),
                line,
            },
            fact: Some(self.draft.facts[index].id.clone()),
            message,
        });
    }

    fn check_sources(&mut self, sources: &mut [Source]) {
        let mut seen = BTreeSet::new();
        for (i, source) in sources.iter().enumerate() {
            if !seen.insert(source.id.clone()) {
                self.source_problem(i, format!("duplicate source id `{}`", source.id));
            }
            if !self.draft.texts.contains_key(&source.id) {
                self.source_problem(
                    i,
                    format!(
                        "source `{}`: its text `{}` could not be read",
                        source.id, source.file
                    ),
                );
            }
            if source.headline.trim().is_empty() {
                self.source_problem(i, format!("source `{}` has no headline", source.id));
            } else if let Some(text) = self.draft.texts.get(&source.id) {
                if !normalize_whitespace(text).contains(&normalize_whitespace(&source.headline)) {
                    self.source_problem(
                        i,
                        format!(
                            "source `{}`: headline is not printed verbatim in its text",
                            source.id
                        ),
                    );
                }
            }
        }
        for broken in assign_independence_groups(sources) {
            let i = sources.iter().position(|s| s.id == broken).unwrap_or(0);
            self.source_problem(
                i,
                format!(
                    "source `{broken}`: `derives_from` names an unknown source or forms a loop"
                ),
            );
        }
    }

    fn check_fact(&mut self, index: usize, fact: &Fact, texts: &HashMap<&SourceId, String>) {
        let id_ok = !fact.id.0.is_empty()
            && fact
                .id
                .0
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            self.fact_problem(index, "id must be lowercase letters, digits and '-'".into());
        }
        if !TOPICS.contains(&fact.topic.0.as_str()) {
            self.fact_problem(
                index,
                format!(
                    "unknown topic `{}`; topics are: {}",
                    fact.topic,
                    TOPICS.join(", ")
                ),
            );
        }
        if fact.claim.matches("{answer}").count() != 1 {
            self.fact_problem(index, "claim must contain `{answer}` exactly once".into());
        }
        if let Some(statement) = &fact.statement {
            if statement.matches("{answer}").count() != 1 {
                self.fact_problem(
                    index,
                    "statement must contain `{answer}` exactly once".into(),
                );
            }
            if fact.avoids("true_false") {
                self.fact_problem(
                    index,
                    "statement is what a true/false question shows, but this fact avoids true_false"
                        .into(),
                );
            }
        }
        if fact.ask.trim().is_empty() {
            self.fact_problem(index, "`ask` (the question stem) is empty".into());
        }
        let classed = matches!(
            fact.kind,
            AnswerKind::Person
                | AnswerKind::Place
                | AnswerKind::Organization
                | AnswerKind::Country
                | AnswerKind::Speaker
        );
        match &fact.class {
            None if classed => self.fact_problem(
                index,
                format!(
                    "{} answer needs a `class`, the sort of {} it is (`us-official`, `baltic-state`, `kyiv-square`): its distractors come only from that class",
                    if fact.kind == AnswerKind::Organization { "an organization" } else { match fact.kind { AnswerKind::Person => "a person", AnswerKind::Place => "a place", AnswerKind::Country => "a country", _ => "a speaker" } },
                    fact.kind.name()
                ),
            ),
            Some(class) if !classed => self.fact_problem(
                index,
                format!("`class = \"{class}\"`: only person, place, organization, country and speaker answers have a class"),
            ),
            Some(class)
                if class.is_empty()
                    || !class.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') =>
            {
                self.fact_problem(index, format!("class `{class}` must be lowercase letters, digits and '-'"))
            }
            _ => {}
        }
        if fact.versions.is_empty() {
            self.fact_problem(
                index,
                "has no answer: give `answer` and `evidence`, or `[[fact.versions]]`".into(),
            );
        }
        for evidence in fact.all_evidence() {
            self.check_quote(index, evidence, texts);
        }
        for (v, version) in fact.versions.iter().enumerate() {
            let which = if fact.versions.len() > 1 {
                format!("version {} ", v + 1)
            } else {
                String::new()
            };
            if !fact.kind.fits(&version.answer) {
                self.fact_problem(
                    index,
                    format!(
                        "{which}answer `{}` is not a {} value",
                        version.answer,
                        fact.kind.name()
                    ),
                );
                continue;
            }
            if version.evidence.is_empty() {
                self.fact_problem(index, format!("{which}has no evidence"));
                continue;
            }
            if let Err(why) = self.stated_by_some_quote(fact, &version.answer, &version.evidence) {
                self.fact_problem(
                    index,
                    format!(
                        "{which}answer `{}` is stated by none of its quotes: {why}",
                        version.answer
                    ),
                );
            }
        }
        if fact.versions.len() > 1 && fact.kind != AnswerKind::SourceError {
            let first = &fact.versions[0].answer;
            if fact
                .versions
                .iter()
                .skip(1)
                .all(|v| v.answer.agrees_with(first))
            {
                self.fact_problem(
                    index,
                    "has several versions but they all agree: merge them into one".into(),
                );
            }
        }
        for distractor in &fact.distractors {
            if fact.supports(&Value::Text(distractor.clone())) {
                self.fact_problem(
                    index,
                    format!("distractor `{distractor}` is a value the fact itself supports"),
                );
            }
        }
        self.check_kind_specific(index, fact);
    }

    fn check_kind_specific(&mut self, index: usize, fact: &Fact) {
        match fact.kind {
            AnswerKind::Speaker => match &fact.quotation {
                None => self.fact_problem(index, "speaker fact has no `quotation`".into()),
                Some(quotation) => {
                    let quoted = fact
                        .all_evidence()
                        .any(|e| fold(&e.quote).contains(&fold(quotation)));
                    if !quoted {
                        self.fact_problem(
                            index,
                            "`quotation` does not appear in any of its quotes".into(),
                        );
                    }
                }
            },
            AnswerKind::SourceError => {
                match &fact.about {
                    None => {
                        self.fact_problem(index, "source_error fact has no `about` source".into())
                    }
                    Some(about) => {
                        if fact
                            .versions
                            .iter()
                            .flat_map(|v| &v.evidence)
                            .any(|e| &e.source != about)
                        {
                            self.fact_problem(
                                index,
                                format!(
                                    "its `evidence` must quote only `{about}`, the source in error"
                                ),
                            );
                        }
                        if fact.correction.iter().any(|e| &e.source == about) {
                            self.fact_problem(
                                index,
                                format!("its `correction` must quote sources other than `{about}`"),
                            );
                        }
                        if !self.draft.sources.iter().any(|s| &s.id == about) {
                            self.fact_problem(
                                index,
                                format!("`about` names unknown source `{about}`"),
                            );
                        }
                    }
                }
                match &fact.correct {
                    None => self
                        .fact_problem(index, "source_error fact has no `correct` wording".into()),
                    Some(correct) if fact.correction.is_empty() => self.fact_problem(
                        index,
                        format!("`correct` = `{correct}` has no `correction` quotes"),
                    ),
                    Some(correct) => {
                        let value = Value::Text(correct.clone());
                        if let Err(why) = self.stated_by_some_quote(fact, &value, &fact.correction)
                        {
                            self.fact_problem(
                                index,
                                format!(
                                    "`correct` is stated by none of its correction quotes: {why}"
                                ),
                            );
                        }
                    }
                }
            }
            _ => {
                if fact.quotation.is_some() || fact.about.is_some() || !fact.correction.is_empty() {
                    self.fact_problem(
                        index,
                        format!("`quotation`, `about` and `correction` are for speaker and source_error facts, not {}", fact.kind.name()),
                    );
                }
            }
        }
    }

    fn check_quote(
        &mut self,
        index: usize,
        evidence: &Evidence,
        texts: &HashMap<&SourceId, String>,
    ) {
        let line = self.quote_line(index, evidence);
        let Some(text) = texts.get(&evidence.source) else {
            let known = self
                .draft
                .sources
                .iter()
                .map(|s| s.id.0.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            self.push_fact(
                index,
                line,
                format!(
                    "quote names unknown source `{}` (known: {known})",
                    evidence.source
                ),
            );
            return;
        };
        let quote = normalize_whitespace(&evidence.quote);
        if quote.is_empty() {
            self.push_fact(index, line, "quote is empty".into());
        } else if !text.contains(&quote) {
            let matched = longest_matching_prefix(text, &quote);
            let rest: String = quote.chars().skip(matched).take(20).collect();
            let message = format!(
                "quote is not verbatim in source `{}`: it matches the source for its first {matched} characters, then differs at \"{rest}\"",
                evidence.source,
            );
            self.push_fact(index, line, message);
        }
    }

    /// Ok when at least one quote states the value, else why the closest one does not.
    fn stated_by_some_quote(
        &self,
        fact: &Fact,
        value: &Value,
        evidence: &[Evidence],
    ) -> Result<(), String> {
        let mut why = String::new();
        for quote in evidence.iter().map(|e| normalize_whitespace(&e.quote)) {
            let result = match value {
                Value::Money(money) => extract::states_money(&quote, money),
                Value::Date(date) => extract::states_date(&quote, date),
                Value::Count(count) => extract::states_count(&quote, count.value),
                Value::Text(text) => {
                    let folded = fold(&quote);
                    let spellings = std::iter::once(text).chain(fact.spellings.iter());
                    let mut names = spellings.clone();
                    if names.any(|name| folded.contains(&fold(name))) {
                        Ok(())
                    } else {
                        let all: Vec<&str> = spellings.map(String::as_str).collect();
                        Err(format!("no quote contains \"{}\"", all.join("\" or \"")))
                    }
                }
            };
            match result {
                Ok(()) => return Ok(()),
                Err(reason) if why.is_empty() => why = reason,
                Err(_) => {}
            }
        }
        Err(why)
    }
}

/// Whether a (whitespace-normalized) quote states `value` for `fact`.
pub fn states_answer(fact: &Fact, value: &Value, quote: &str) -> bool {
    why_not_stated(fact, value, quote).is_ok()
}

/// Ok when the quote states the value; else why not, in words.
fn why_not_stated(fact: &Fact, value: &Value, quote: &str) -> Result<(), String> {
    match value {
        Value::Money(money) => extract::states_money(quote, money),
        Value::Date(date) => extract::states_date(quote, date),
        Value::Count(count) => extract::states_count(quote, count.value),
        Value::Text(text) => {
            let folded = fold(quote);
            let spellings: Vec<&str> = std::iter::once(text)
                .chain(fact.spellings.iter())
                .map(String::as_str)
                .collect();
            let speaks = fact
                .quotation
                .as_ref()
                .is_some_and(|q| folded.contains(&fold(q)));
            if speaks || spellings.iter().any(|name| folded.contains(&fold(name))) {
                Ok(())
            } else {
                Err(format!(
                    "no quote contains \"{}\"",
                    spellings.join("\" or \"")
                ))
            }
        }
    }
}
