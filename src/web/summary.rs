//! The end of a quiz: the score large, what to do next (retry, new set, share), the review by question, and the results to keep.

use super::effects;
use super::feedback::{describe_response, Quotes};
use super::SharedTable;
use crate::results::Results;
use crate::strings;
use sourced_core::Session;
use yew::prelude::*;

/// Props of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub session: Session,
    pub table: SharedTable,
    /// The class code of this quiz, shown in the results, when it has one.
    #[prop_or_default]
    pub class_code: Option<String>,
    /// The widget page's address, for the link to this quiz.
    #[prop_or_default]
    pub base_url: String,
    /// Class use: the results to keep are shown at once rather than behind a disclosure.
    #[prop_or_default]
    pub classroom: bool,
    /// Retry was pressed: the same questions again.
    pub on_retry: Callback<()>,
    /// New set was pressed: the same settings, new questions (the page draws the seed).
    pub on_new_set: Callback<()>,
    /// The reader got here (See results): bring the heading into view. A resumed summary leaves
    /// the host page where the reader has it.
    #[prop_or_default]
    pub reveal: bool,
}

/// The results screen.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let heading = effects::use_focus_on_mount(props.reveal);
    let session = &props.session;
    let on_retry = props.on_retry.reform(|_: MouseEvent| ());
    let on_new = props.on_new_set.reform(|_: MouseEvent| ());
    let link = effects::share_link(&props.base_url, &session.progress.spec);
    let results = Results::of(session, props.class_code.clone());
    let file_stem = format!("sourced-quiz-results-{}", session.progress.spec.seed);
    let (on_copy, copy_status) = use_copy(results.summary(), strings::COPIED, strings::COPY_FAILED);
    let (on_copy_link, link_status) = use_copy(
        link.clone(),
        strings::LINK_COPIED,
        strings::LINK_COPY_FAILED,
    );
    let topics = session.topic_scores().into_iter().map(|t| {
        html! { <tr><th scope="row">{ strings::topic_name(&t.topic.0) }</th><td>{ format!("{} / {}", t.right, t.asked) }</td></tr> }
    });
    let review = session.quiz.questions.iter().enumerate().map(|(i, question)| {
        let response = &session.progress.answers[i];
        let right = question.grade(response);
        html! {
            <li class={classes!("sq-review-item", if right { "sq-right" } else { "sq-wrong" })}>
                <details>
                    <summary>{ format!("{} {}", if right { "✓" } else { "✗" }, question.prompt) }</summary>
                    <p>{ strings::YOUR_ANSWER }{ " " }{ describe_response(question, response) }</p>
                    <p>{ strings::CORRECT_ANSWER }{ " " }<strong>{ &question.answer_text }</strong></p>
                    <p>{ &question.explanation }</p>
                    <Quotes quotes={question.quotes.clone()} table={props.table.clone()} />
                    if !question.context.is_empty() {
                        <Quotes quotes={question.context.clone()} table={props.table.clone()} heading={strings::CONTEXT_QUOTES} />
                    }
                </details>
            </li>
        }
    });
    let total = session.quiz.questions.len();
    let right = session.score();
    let keep = html! {
        <>
            <p class="sq-meta">{ strings::KEEP_RESULTS_NOTE }</p>
            <div class="sq-actions">
                { download_button(strings::DOWNLOAD_CSV, format!("{file_stem}.csv"), "text/csv;charset=utf-8", results.to_csv()) }
                { download_button(strings::DOWNLOAD_JSON, format!("{file_stem}.json"), "application/json", results.to_json()) }
            </div>
            <label class="sq-entry">
                <span>{ strings::SUMMARY_TO_PASTE }</span>
                <textarea class="sq-paste" readonly=true rows="5" value={results.summary()} />
            </label>
            <div class="sq-actions">
                <button type="button" onclick={on_copy}>{ strings::COPY_SUMMARY }</button>
                <p class="sq-meta" role="status">{ copy_status }</p>
            </div>
        </>
    };
    html! {
        <section class="sq-summary">
            <h2 ref={heading} tabindex="-1">{ strings::RESULTS }</h2>
            // The figure is for the eye; the sentence says it for everyone.
            <p class="sq-score-big" aria-hidden="true">{ right }<span class="sq-score-of">{ format!("/{total}") }</span></p>
            <p class="sq-final">{ strings::final_score(right, total) }</p>
            <h3>{ strings::WHAT_NEXT }</h3>
            <div class="sq-actions">
                <button type="button" class="sq-primary" onclick={on_retry}>{ strings::RETRY }</button>
                <button type="button" onclick={on_new}>{ strings::NEW_SET }</button>
                <button type="button" onclick={on_copy_link}>{ strings::SHARE }</button>
                <p class="sq-meta" role="status">{ link_status }</p>
            </div>
            <label class="sq-entry">
                <span>{ strings::SHARE_LINK }</span>
                <input type="text" readonly=true value={link} />
            </label>
            <h3>{ strings::REVIEW }</h3>
            <ol class="sq-review">{ for review }</ol>
            <details class="sq-by-topic">
                <summary>{ strings::BY_TOPIC }</summary>
                <table class="sq-topics">
                    <tbody>{ for topics }</tbody>
                </table>
            </details>
            if props.classroom {
                <h3>{ strings::KEEP_RESULTS }</h3>
                { keep }
            } else {
                <details class="sq-keep">
                    <summary>{ strings::KEEP_RESULTS }</summary>
                    { keep }
                </details>
            }
        </section>
    }
}

/// A Copy button's callback for `text`, and the status line that says whether it was copied:
/// one hook for both of the summary's, so their code is compiled once.
#[hook]
fn use_copy(
    text: String,
    copied: &'static str,
    failed: &'static str,
) -> (Callback<MouseEvent>, &'static str) {
    let status = use_state(|| "");
    let onclick = {
        let status = status.clone();
        Callback::from(move |_| {
            let status = status.clone();
            effects::copy_text(&text, move |ok| {
                status.set(if ok { copied } else { failed })
            });
        })
    };
    (onclick, *status)
}

/// A button that saves `text` as the file `name` (the results as CSV or JSON).
fn download_button(label: &'static str, name: String, mime: &'static str, text: String) -> Html {
    let onclick = Callback::from(move |_| effects::download(&name, mime, &text));
    html! { <button type="button" {onclick}>{ label }</button> }
}
