//! Feedback after Check, below the verdict: one line of explanation (or one line per item), a status chip, the first quote and the rest behind a disclosure.

use super::SharedTable;
use crate::strings;
pub use crate::strings::describe_response;
use sourced_core::text::QuoteSetting;
use sourced_core::{AnswerKind, Body, Evidence, Fact, FactId, Question, Response, Status};
use yew::prelude::*;

/// Props of [`Feedback`].
#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    pub question: Question,
    pub response: Response,
    pub table: SharedTable,
}

/// The evidence for a checked answer; the verdict and the answer are the card's (its live region).
#[component]
pub fn Feedback(props: &FeedbackProps) -> Html {
    let question = &props.question;
    let table = &props.table;
    let lines = match (&question.body, &props.response) {
        // One line per item, each with its own status: a matching or an ordering mixes facts
        // confirmed by three reports with facts from one.
        (Body::Matching { left, right, pairs }, given) => {
            let given = match given {
                Response::Pairs(given) => given.as_slice(),
                _ => &[],
            };
            let items = left.iter().enumerate().map(|(i, label)| {
                let answer = pairs
                    .get(i)
                    .and_then(|&r| right.get(r))
                    .map_or("", String::as_str);
                let ok = given.get(i) == pairs.get(i);
                item_line(
                    ok,
                    &format!("{label} → {answer}"),
                    question.fact_ids.get(i),
                    table,
                )
            });
            html! { <ul class="sq-items">{ for items }</ul> }
        }
        (Body::Ordering { items, order }, given) => {
            let given = match given {
                Response::Order(given) => given.as_slice(),
                _ => &[],
            };
            let lines = order.iter().enumerate().map(|(place, &item)| {
                let ok = given.get(place) == Some(&item);
                let date = question
                    .fact_ids
                    .get(item)
                    .and_then(|id| table.table().fact(id))
                    .map(|f| f.answer().to_string());
                let text = match date {
                    Some(date) => format!("{}. {} ({date})", place + 1, items[item]),
                    None => format!("{}. {}", place + 1, items[item]),
                };
                item_line(ok, &text, question.fact_ids.get(item), table)
            });
            html! { <ol class="sq-items sq-items-plain">{ for lines }</ol> }
        }
        _ => html! {
            <>
                { explanation(question, table) }
                <p>{ status_chip(question_status(question, table)) }</p>
            </>
        },
    };
    html! {
        <div class="sq-explain">
            { lines }
            { quote_list(&question.quotes, table) }
            // Context quotes (they do not state the answer) wait behind their own disclosure.
            if !question.context.is_empty() {
                <details class="sq-more-quotes sq-context">
                    <summary>{ strings::CONTEXT_QUOTES }</summary>
                    { for by_source(&question.context).into_iter().map(|run| quote_view(run, table)) }
                </details>
            }
        </div>
    }
}

/// The explanation in one paragraph; the author's note on the fact (how figures may fit
/// together, what a claim leaves open) behind "More context", so the feedback fits a phone.
fn explanation(question: &Question, table: &SharedTable) -> Html {
    let note = question
        .fact_ids
        .first()
        .and_then(|id| table.table().fact(id))
        .and_then(|fact| fact.note.as_deref())
        .filter(|note| question.fact_ids.len() == 1 && question.explanation.contains(note));
    let Some(note) = note else {
        return html! { <p class="sq-explanation">{ &question.explanation }</p> };
    };
    let (before, after) = question
        .explanation
        .split_once(note)
        .unwrap_or((question.explanation.as_str(), ""));
    let main = format!("{} {}", before.trim_end(), after.trim_start());
    html! {
        <>
            <p class="sq-explanation">{ main.trim() }</p>
            <details class="sq-more-quotes sq-note">
                <summary>{ strings::MORE_CONTEXT }</summary>
                <p>{ note }</p>
            </details>
        </>
    }
}

/// How well a claim is sourced, as the chip shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StatusChip {
    /// Confirmed by this many independent reports.
    Confirmed(u8),
    OneReport,
    Disagree,
    /// A question about what a report got wrong.
    ReportError,
}

impl StatusChip {
    fn of_fact(fact: &Fact) -> StatusChip {
        match (fact.kind, fact.status) {
            (AnswerKind::SourceError, _) => StatusChip::ReportError,
            (_, Status::Corroborated) => StatusChip::Confirmed(fact.independent_reports.max(2)),
            (_, Status::SingleSource) => StatusChip::OneReport,
            (_, Status::Conflicting) => StatusChip::Disagree,
        }
    }

    /// The chip's words.
    pub fn words(self) -> String {
        match self {
            StatusChip::Confirmed(n) => strings::corroborated_by(n),
            StatusChip::OneReport => strings::SINGLE_SOURCE.to_string(),
            StatusChip::Disagree => strings::CONFLICTING.to_string(),
            StatusChip::ReportError => strings::REPORT_ERROR.to_string(),
        }
    }

    fn class(self) -> &'static str {
        match self {
            StatusChip::Confirmed(_) => "sq-status-confirmed",
            StatusChip::OneReport => "sq-status-one",
            StatusChip::Disagree => "sq-status-disagree",
            StatusChip::ReportError => "sq-status-error",
        }
    }
}

/// The status of a one-fact question (the weakest of its facts for any other).
pub fn question_status(question: &Question, table: &SharedTable) -> StatusChip {
    let facts: Vec<&Fact> = question
        .fact_ids
        .iter()
        .filter_map(|id| table.table().fact(id))
        .collect();
    if facts.iter().any(|f| f.kind == AnswerKind::SourceError) {
        return StatusChip::ReportError;
    }
    match question.status {
        Status::Corroborated => StatusChip::Confirmed(
            facts
                .iter()
                .map(|f| f.independent_reports)
                .min()
                .unwrap_or(2)
                .max(2),
        ),
        Status::SingleSource => StatusChip::OneReport,
        Status::Conflicting => StatusChip::Disagree,
    }
}

/// The status in plain words (the printed key).
pub fn status_words(question: &Question, table: &SharedTable) -> String {
    question_status(question, table).words()
}

/// The chip itself.
pub fn status_chip(chip: StatusChip) -> Html {
    html! { <span class={classes!("sq-status", chip.class())}>{ chip.words() }</span> }
}

/// One item of a matching or an ordering: right or wrong, the right pairing, its fact's status.
fn item_line(ok: bool, text: &str, fact: Option<&FactId>, table: &SharedTable) -> Html {
    let chip = fact
        .and_then(|id| table.table().fact(id))
        .map(|f| status_chip(StatusChip::of_fact(f)));
    html! {
        <li class={classes!("sq-item", if ok { "sq-right" } else { "sq-wrong" })}>
            <span class="sq-item-mark">{ if ok { "✓" } else { "✗" } }</span>
            <span class="sq-sr">{ if ok { strings::ITEM_RIGHT } else { strings::ITEM_WRONG } }</span>
            <span class="sq-item-text">{ text }</span>
            { for chip }
        </li>
    }
}

/// Props of [`Quotes`].
#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    pub quotes: Vec<Evidence>,
    pub table: SharedTable,
    /// What the quotes are: the evidence the status counts, or context it does not.
    #[prop_or(strings::EVIDENCE)]
    pub heading: &'static str,
}

/// Every quote, headed, for the review, the printed key and the context quotes.
#[component]
pub fn Quotes(props: &QuotesProps) -> Html {
    html! {
        <section class="sq-evidence">
            <h3>{ props.heading }</h3>
            { for by_source(&props.quotes).into_iter().map(|run| quote_view(run, &props.table)) }
        </section>
    }
}

/// The first quote, and the others behind a disclosure ("All 5 quotes"), so that the feedback
/// fits a phone's screen.
fn quote_list(quotes: &[Evidence], table: &SharedTable) -> Html {
    let runs = by_source(quotes);
    let Some((first, rest)) = runs.split_first() else {
        return Html::default();
    };
    html! {
        <section class="sq-evidence">
            <h3>{ strings::EVIDENCE }</h3>
            { quote_view(first, table) }
            if !rest.is_empty() {
                <details class="sq-more-quotes">
                    <summary>{ strings::all_quotes(quotes.len()) }</summary>
                    { for rest.iter().map(|run| quote_view(run, table)) }
                </details>
            }
        </section>
    }
}

/// The quotes cut into runs of one source: quotes of one article that follow each other (a line
/// that leads into a quotation, then the quotation) are one figure under one citation.
fn by_source(quotes: &[Evidence]) -> Vec<&[Evidence]> {
    quotes.chunk_by(|a, b| a.source == b.source).collect()
}

/// One quote in its sentence, the quoted words marked and the article's quotation marks made whole.
fn shown(evidence: &Evidence) -> Html {
    let [lead, quote, tail] = evidence.shown(QuoteSetting::Block);
    html! { <>{ lead }<mark>{ quote }</mark>{ tail }</> }
}

/// Quotes of one article, each in its whole sentence with the quoted words marked, under one
/// citation of the article's headline and outlet. Everything that shows a quote goes through here.
pub fn quote_view(run: &[Evidence], table: &SharedTable) -> Html {
    let Some(first) = run.first() else {
        return Html::default();
    };
    let source = table.table().source(&first.source);
    let headline = source.map_or(first.source.0.as_str(), |s| s.headline.as_str());
    let outlet = source.map_or("", |s| s.outlet.as_str());
    html! {
        <figure class="sq-quote">
            { for run.iter().map(|evidence| html! {
                <blockquote>{ shown(evidence) }</blockquote>
            }) }
            <figcaption>{ "— " }<cite>{ headline }</cite>{ format!(", {outlet}") }</figcaption>
        </figure>
    }
}
