//! Feedback after Check: right or wrong in words and symbol, the answer, the explanation and the quotes.

use super::SharedTable;
use crate::strings;
pub use crate::strings::describe_response;
use sourced_core::{Evidence, Question, Response, Status};
use yew::prelude::*;

/// Props of [`Feedback`].
#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    pub question: Question,
    pub response: Response,
    pub table: SharedTable,
}

/// The verdict and its evidence, shown in the question's live region.
#[component]
pub fn Feedback(props: &FeedbackProps) -> Html {
    let right = props.question.grade(&props.response);
    html! {
        <div class={classes!("sq-feedback", if right { "sq-right" } else { "sq-wrong" })}>
            <p class="sq-verdict"><strong>{ if right { strings::RIGHT } else { strings::WRONG } }</strong></p>
            if !right {
                <p>{ strings::YOUR_ANSWER }{ " " }{ describe_response(&props.question, &props.response) }</p>
            }
            <p>{ strings::CORRECT_ANSWER }{ " " }<strong>{ &props.question.answer_text }</strong></p>
            <p>{ &props.question.explanation }</p>
            <p class="sq-status">{ status_words(&props.question, &props.table) }</p>
            <Quotes quotes={props.question.quotes.clone()} table={props.table.clone()} />
        </div>
    }
}

/// The status in plain words.
pub fn status_words(question: &Question, table: &SharedTable) -> String {
    match question.status {
        Status::Corroborated => {
            let reports = question
                .fact_ids
                .iter()
                .filter_map(|id| table.table().fact(id))
                .map(|f| f.independent_reports)
                .min()
                .unwrap_or(2);
            strings::corroborated_by(reports)
        }
        Status::SingleSource => strings::SINGLE_SOURCE.to_string(),
        Status::Conflicting => strings::CONFLICTING.to_string(),
    }
}

/// Props of [`Quotes`].
#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    pub quotes: Vec<Evidence>,
    pub table: SharedTable,
}

/// Verbatim quotes, each in its whole sentence with the quoted words marked, cited with its
/// article's headline and outlet.
#[component]
pub fn Quotes(props: &QuotesProps) -> Html {
    let quotes = props.quotes.iter().map(|evidence| {
        let source = props.table.table().source(&evidence.source);
        let headline = source.map_or(evidence.source.0.as_str(), |s| s.headline.as_str());
        let outlet = source.map_or("", |s| s.outlet.as_str());
        html! {
            <figure class="sq-quote">
                <blockquote>{ &evidence.lead }<mark>{ &evidence.quote }</mark>{ &evidence.tail }</blockquote>
                <figcaption>{ "— " }<cite>{ headline }</cite>{ format!(", {outlet}") }</figcaption>
            </figure>
        }
    });
    html! {
        <section class="sq-evidence">
            <h3>{ strings::EVIDENCE }</h3>
            { for quotes }
        </section>
    }
}
