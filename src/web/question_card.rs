//! One question: native inputs for its kind, Check, then the feedback in a live region and Next.

use super::effects;
use super::feedback::Feedback;
use super::SharedTable;
use crate::strings;
use sourced_core::{Body, DraftAnswer, Question, Response};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`QuestionCard`].
#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    /// 0-based position in the quiz.
    pub index: usize,
    pub total: usize,
    /// Right answers so far, out of `answered` (this question's once it is checked).
    pub score: usize,
    /// Answers checked so far.
    pub answered: usize,
    pub question: Question,
    /// The checked response, once Check was pressed.
    pub response: Option<Response>,
    /// What was entered but not checked yet (kept in the saved progress).
    pub draft: Option<DraftAnswer>,
    pub table: SharedTable,
    /// The learner changed the answer (not checked yet).
    pub on_draft: Callback<DraftAnswer>,
    /// Check was pressed: this response, and the milliseconds since the question appeared.
    pub on_check: Callback<(Response, u64)>,
    /// Next (or See results) was pressed after the feedback.
    pub on_next: Callback<()>,
}

/// The draft as the inputs see it: reads come from the model, writes go up through `on_draft`,
/// so what a learner typed survives a reload like everything else in `Progress`.
#[derive(Clone)]
struct DraftHandle {
    value: DraftAnswer,
    on_draft: Callback<DraftAnswer>,
}

impl std::ops::Deref for DraftHandle {
    type Target = DraftAnswer;

    fn deref(&self) -> &DraftAnswer {
        &self.value
    }
}

impl DraftHandle {
    fn set(&self, next: DraftAnswer) {
        self.on_draft.emit(next);
    }
}

/// The card for the current question.
#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let draft = DraftHandle {
        value: props
            .draft
            .clone()
            .unwrap_or_else(|| DraftAnswer::for_question(&props.question)),
        on_draft: props.on_draft.clone(),
    };
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| effects::focus(&heading));
    }
    // When this question appeared (the card is keyed by question, so this is per question).
    let shown_at = use_state(effects::now_ms);
    let checked = props.response.is_some();
    let response = draft.response(&props.question.body);
    // One button that is Check, then Next: it keeps keyboard focus across the change, and the
    // feedback is announced by the live region without moving focus.
    let button = use_node_ref();
    {
        let button = button.clone();
        use_effect_with(checked, move |&checked| {
            if checked && effects::focus_was_lost(&button) {
                effects::focus(&button);
            }
        });
    }
    let on_submit = {
        let (on_check, on_next) = (props.on_check.clone(), props.on_next.clone());
        let response = response.clone();
        let shown_at = *shown_at;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if checked {
                on_next.emit(());
            } else if let Some(response) = response.clone() {
                let elapsed_ms = (effects::now_ms() - shown_at).max(0.0) as u64;
                on_check.emit((response, elapsed_ms));
            }
        })
    };
    let last = props.index + 1 == props.total;
    let label = match (checked, last) {
        (false, _) => strings::CHECK,
        (true, false) => strings::NEXT,
        (true, true) => strings::SEE_RESULTS,
    };
    html! {
        <form class="sq-card" onsubmit={on_submit}>
            <div class="sq-progress">
                <h2 ref={heading} tabindex="-1">{ strings::progress(props.index + 1, props.total) }</h2>
                <p class="sq-score">{ strings::score(props.score, props.answered) }</p>
            </div>
            <fieldset class="sq-question" disabled={checked}>
                <legend>{ &props.question.prompt }</legend>
                { inputs(props, &draft) }
            </fieldset>
            <button ref={button} type="submit" class="sq-primary" disabled={!checked && response.is_none()}>{ label }</button>
            <div class="sq-live" role="status" aria-live="polite">
                if let Some(response) = &props.response {
                    <Feedback question={props.question.clone()} response={response.clone()} table={props.table.clone()} />
                }
            </div>
        </form>
    }
}

fn inputs(props: &QuestionCardProps, draft: &DraftHandle) -> Html {
    let name = format!("sq-q{}", props.index);
    let given = props.response.as_ref();
    match &props.question.body {
        Body::Choice { options, .. } => {
            let chosen = match given {
                Some(Response::Choice(i)) => Some(*i),
                _ => draft.choice,
            };
            let options = options.iter().enumerate().map(|(i, option)| {
                let draft = draft.clone();
                let onchange = Callback::from(move |_| draft.set(DraftAnswer { choice: Some(i), ..(*draft).clone() }));
                html! {
                    <label class="sq-option">
                        <input type="radio" name={name.clone()} value={i.to_string()} checked={chosen == Some(i)} {onchange} />
                        <span>{ option }</span>
                    </label>
                }
            });
            html! { <div class="sq-options">{ for options }</div> }
        }
        Body::Numeric { unit, .. } => {
            let value = match given {
                Some(Response::Number(n)) => n.to_string(),
                _ => draft.text.clone(),
            };
            html! {
                <label class="sq-entry">
                    <span>{ format!("{} ({unit})", strings::TYPE_ANSWER) }</span>
                    <input type="text" inputmode="decimal" autocomplete="off" value={value} oninput={text_input(draft)} />
                </label>
            }
        }
        Body::Cloze { before, after, .. } => {
            let value = match given {
                Some(Response::Text(t)) => t.clone(),
                _ => draft.text.clone(),
            };
            html! {
                <>
                    <blockquote class="sq-cloze">{ before }<span class="sq-blank" aria-hidden="true">{ "_____" }</span>{ after }</blockquote>
                    <label class="sq-entry">
                        <span>{ format!("{}: {}", strings::TYPE_ANSWER, strings::BLANK) }</span>
                        <input type="text" autocomplete="off" value={value} oninput={text_input(draft)} />
                    </label>
                </>
            }
        }
        Body::Matching { left, right, .. } => {
            let rows = left.iter().enumerate().map(|(i, item)| {
                let id = format!("{name}-m{i}");
                let selected = match given {
                    Some(Response::Pairs(pairs)) => pairs.get(i).copied(),
                    _ => draft.pairs.get(i).copied().flatten(),
                };
                let draft = draft.clone();
                let onchange = Callback::from(move |event: Event| {
                    let select: HtmlSelectElement = event.target_unchecked_into();
                    let mut next = (*draft).clone();
                    next.pairs[i] = select.value().parse().ok();
                    draft.set(next);
                });
                html! {
                    <div class="sq-match">
                        <label for={id.clone()}>{ item }</label>
                        <select id={id} {onchange}>
                            <option value="" selected={selected.is_none()}>{ strings::CHOOSE }</option>
                            { for right.iter().enumerate().map(|(r, text)| html! {
                                <option value={r.to_string()} selected={selected == Some(r)}>{ text }</option>
                            }) }
                        </select>
                    </div>
                }
            });
            html! { <div class="sq-matching">{ for rows }</div> }
        }
        Body::Ordering { items, .. } => {
            let order = match given {
                Some(Response::Order(order)) => order.clone(),
                _ => draft.order.clone(),
            };
            let rows = order.iter().enumerate().map(|(position, &item)| {
                let mover = |delta: isize| {
                    let draft = draft.clone();
                    Callback::from(move |_| {
                        let mut next = (*draft).clone();
                        let target = position as isize + delta;
                        if target >= 0 && (target as usize) < next.order.len() {
                            next.order.swap(position, target as usize);
                            draft.set(next);
                        }
                    })
                };
                html! {
                    <li class="sq-order-item">
                        <span>{ &items[item] }</span>
                        <span class="sq-order-buttons">
                            <button type="button" aria-label={format!("{}: {}", strings::MOVE_UP, items[item])}
                                disabled={position == 0} onclick={mover(-1)}>{ "↑" }</button>
                            <button type="button" aria-label={format!("{}: {}", strings::MOVE_DOWN, items[item])}
                                disabled={position + 1 == order.len()} onclick={mover(1)}>{ "↓" }</button>
                        </span>
                    </li>
                }
            });
            html! { <ol class="sq-ordering">{ for rows }</ol> }
        }
    }
}

fn text_input(draft: &DraftHandle) -> Callback<InputEvent> {
    let draft = draft.clone();
    Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        draft.set(DraftAnswer {
            text: input.value(),
            ..(*draft).clone()
        });
    })
}
