//! Printable sheets for a class: the worksheet (questions, room to answer) and the answer key (answers with their evidence).

use super::feedback::{status_words, Quotes};
use super::reading::ReadingPassage;
use super::SharedTable;
use crate::strings;
use sourced_core::{generate, Body, Question, QuizSpec};
use yew::prelude::*;

/// Props of [`PrintSheet`].
#[derive(Properties, PartialEq)]
pub struct PrintSheetProps {
    pub table: SharedTable,
    pub spec: QuizSpec,
    /// The answer key rather than the worksheet.
    pub answers: bool,
    /// The class code the sheet is for, printed on it so students and teacher match sheets.
    #[prop_or_default]
    pub class_code: Option<String>,
}

/// A sheet made for paper: A4 or Letter, one question never split across pages.
#[component]
pub fn PrintSheet(props: &PrintSheetProps) -> Html {
    let quiz = generate(props.table.prepared(), &props.spec);
    let on_print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    let what = if props.answers {
        strings::ANSWER_KEY
    } else {
        strings::WORKSHEET
    };
    let quiz_name = match &props.class_code {
        Some(code) => format!("{} {code}", strings::CLASS_CODE),
        None => props.spec.query(),
    };
    // A reading quiz prints its passage first; the key marks the sentences that answer it.
    let passage = props.spec.passage.map(|index| {
        let highlights = match props.table.prepared().passages().get(index) {
            Some(passage) if props.answers => passage.support_all(&quiz.questions),
            _ => Vec::new(),
        };
        html! { <ReadingPassage table={props.table.clone()} passage={index} highlights={highlights} /> }
    });
    let items = quiz.questions.iter().enumerate().map(|(i, question)| {
        if props.answers {
            answer_item(i + 1, question, &props.table)
        } else {
            worksheet_item(i + 1, question)
        }
    });
    // The key opens with every answer on one page, for marking at a glance.
    let grid = props.answers.then(|| {
        let cells = quiz.questions.iter().enumerate().map(|(i, question)| html! {
            <li><span class="sq-grid-number">{ format!("{}.", i + 1) }</span>{ " " }{ short_answer(question) }</li>
        });
        html! {
            <section class="sq-answer-grid">
                <h3>{ strings::ANSWERS_AT_A_GLANCE }</h3>
                <ol>{ for cells }</ol>
            </section>
        }
    });
    html! {
        <section class={classes!("sq-sheet", props.answers.then_some("sq-answer-key"))}>
            <h2>{ what }</h2>
            <p class="sq-meta">{ format!("{quiz_name} · {}", strings::question_count(quiz.questions.len())) }</p>
            if !props.answers {
                <p class="sq-sheet-name">{ strings::NAME_LINE }</p>
            }
            <div class="sq-actions sq-no-print">
                <button type="button" class="sq-primary" onclick={on_print}>{ strings::PRINT }</button>
            </div>
            { for grid }
            { for passage }
            <ol class="sq-sheet-questions">{ for items }</ol>
        </section>
    }
}

/// A question's number, written out rather than a list marker: a marker sits outside the box and
/// lost its first digit at the page's edge ("12." printed as ".2.").
fn number(n: usize) -> Html {
    html! { <span class="sq-sheet-number" aria-hidden="true">{ format!("{n}.") }</span> }
}

/// The answer as the grid shows it: the letter of a choice, the number or words, a matching's
/// letters, an ordering's numbers in the worksheet's order.
fn short_answer(question: &Question) -> String {
    match &question.body {
        Body::Choice { correct, options } if options.len() == 2 => {
            format!("{}) {}", letter(*correct), question.answer_text)
        }
        Body::Choice { correct, .. } => letter(*correct).to_string(),
        Body::Matching { pairs, .. } => pairs
            .iter()
            .enumerate()
            .map(|(l, &r)| format!("{}→{}", l + 1, letter(r)))
            .collect::<Vec<_>>()
            .join(" "),
        // The worksheet lists the items as given and asks for each one's place.
        Body::Ordering { items, order } => (0..items.len())
            .map(|item| {
                let place = order.iter().position(|&o| o == item).unwrap_or(0) + 1;
                place.to_string()
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => question.answer_text.clone(),
    }
}

/// A question as printed for answering: its options, or lines to write on.
fn worksheet_item(n: usize, question: &Question) -> Html {
    let body = match &question.body {
        Body::Choice { options, .. } => html! {
            <ol class="sq-sheet-options" type="A">
                { for options.iter().map(|o| html! { <li>{ "☐ " }{ o }</li> }) }
            </ol>
        },
        Body::Numeric { unit, .. } => html! {
            <p class="sq-sheet-line">{ format!("{} ({unit}): ______________", strings::TYPE_ANSWER) }</p>
        },
        Body::Cloze { before, after, .. } => html! {
            <>
                <blockquote class="sq-cloze">{ before }<span class="sq-blank">{ "__________" }</span>{ after }</blockquote>
                <p class="sq-sheet-line">{ strings::MISSING_WORDS }</p>
            </>
        },
        Body::Matching { left, right, .. } => html! {
            <div class="sq-sheet-matching">
                <p>{ strings::MATCHING_INSTRUCTIONS }</p>
                <ol>{ for left.iter().map(|l| html! { <li>{ l }{ " → ____" }</li> }) }</ol>
                <ol type="A">{ for right.iter().map(|r| html! { <li>{ r }</li> }) }</ol>
            </div>
        },
        Body::Ordering { items, .. } => html! {
            <div>
                <p>{ strings::ORDERING_INSTRUCTIONS }</p>
                <ul class="sq-sheet-ordering">{ for items.iter().map(|i| html! { <li>{ "____ " }{ i }</li> }) }</ul>
            </div>
        },
    };
    html! {
        <li class="sq-sheet-question">
            { number(n) }
            <div>
                <p class="sq-sheet-prompt">{ &question.prompt }</p>
                { body }
            </div>
        </li>
    }
}

/// A question as printed in the key: the answer, why, how well it is sourced, and the quotes.
fn answer_item(n: usize, question: &Question, table: &SharedTable) -> Html {
    let answer = match &question.body {
        Body::Choice { correct, .. } => format!("{}) {}", letter(*correct), question.answer_text),
        Body::Matching { pairs, .. } => pairs
            .iter()
            .enumerate()
            .map(|(l, &r)| format!("{} → {}", l + 1, letter(r)))
            .collect::<Vec<_>>()
            .join(", "),
        _ => question.answer_text.clone(),
    };
    html! {
        <li class="sq-sheet-question">
            { number(n) }
            <div>
                <div class="sq-sheet-head">
                    <p class="sq-sheet-prompt">{ &question.prompt }</p>
                    <p>{ strings::CORRECT_ANSWER }{ " " }<strong>{ answer }</strong></p>
                </div>
                <p>{ &question.explanation }</p>
                <p class="sq-sheet-status">{ status_words(question, table) }</p>
                <Quotes quotes={question.quotes.clone()} table={table.clone()} />
                if !question.context.is_empty() {
                    <Quotes quotes={question.context.clone()} table={table.clone()} heading={strings::CONTEXT_QUOTES} />
                }
            </div>
        </li>
    }
}

/// A, B, C… for option `i`.
fn letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}
