//! One question: the prompt, native inputs for its kind, Check; then the inputs marked right or wrong, the feedback and Next.

use super::effects;
use super::feedback::{describe_response, Feedback};
use super::host;
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
    /// The reader brought this card (Start, Next, a new set): bring its heading into view. A card
    /// that was resumed or autostarted leaves the host page where the reader has it.
    #[prop_or_default]
    pub reveal: bool,
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
    let heading = effects::use_focus_on_mount(props.reveal);
    // When this question appeared (the card is keyed by question, so this is per question).
    let shown_at = use_state(effects::now_ms);
    let checked = props.response.is_some();
    let response = draft.response(&props.question.body);
    // One button that is Check, then Next, after the feedback: it keeps keyboard focus across the
    // change, the live region announces the verdict without moving focus, and the verdict is
    // scrolled into view (on a phone it would land below the fold).
    let button = use_node_ref();
    let verdict = use_node_ref();
    {
        let (button, verdict) = (button.clone(), verdict.clone());
        // A card resumed with its feedback open is not the reader's Check: nothing moves then.
        let mounting = use_mut_ref(|| true);
        use_effect_with(checked, move |&checked| {
            let resumed = std::mem::replace(&mut *mounting.borrow_mut(), false);
            if checked && !resumed {
                if effects::focus_was_lost(&button) {
                    effects::focus_quietly(&button);
                }
                if let Some(element) = verdict.cast::<web_sys::Element>() {
                    host::keep_in_view(&element, host::Reveal::Verdict);
                }
            }
        });
    }
    // Ordering: the item last moved and which way, so that focus follows it and the move is said.
    let moved = use_state(|| None::<(usize, bool)>);
    let list = use_node_ref();
    {
        let list = list.clone();
        let name = format!("sq-q{}", props.index);
        use_effect_with((*moved, draft.order.clone()), move |(moved, _)| {
            if let Some((item, up)) = *moved {
                let (this, other) = if up { ("up", "down") } else { ("down", "up") };
                effects::focus_first_enabled(
                    &list,
                    &[
                        format!("#{name}-{this}-{item}"),
                        format!("#{name}-{other}-{item}"),
                    ],
                );
            }
        });
    }
    // Check and Next act on the button's click (Enter in a text field clicks it too), never on
    // the form's submission: a frame sandboxed without `allow-forms` (WordPress's) blocks that.
    let on_go = {
        let (on_check, on_next) = (props.on_check.clone(), props.on_next.clone());
        let response = response.clone();
        let shown_at = *shown_at;
        Callback::from(move |()| {
            if checked {
                on_next.emit(());
            } else if let Some(response) = response.clone() {
                let elapsed_ms = (effects::now_ms() - shown_at).max(0.0) as u64;
                on_check.emit((response, elapsed_ms));
            }
        })
    };
    let on_click = on_go.reform(|event: MouseEvent| event.prevent_default());
    let on_submit = on_go.reform(|event: SubmitEvent| event.prevent_default());
    let last = props.index + 1 == props.total;
    let label = match (checked, last) {
        (false, _) => strings::CHECK,
        (true, false) => strings::NEXT,
        (true, true) => strings::SEE_RESULTS,
    };
    let right = props
        .response
        .as_ref()
        .map(|response| props.question.grade(response));
    html! {
        <form class="sq-card" onsubmit={on_submit}>
            <div class="sq-progress">
                <h2 ref={heading} tabindex="-1">{ strings::progress(props.index + 1, props.total) }</h2>
                <p class="sq-score">{ strings::score(props.score, props.answered) }</p>
                // The heading says it in words; the bar only shows it.
                <progress class="sq-bar" aria-hidden="true" max={props.total.to_string()}
                    value={(props.index + 1).to_string()} />
            </div>
            <fieldset class="sq-question" disabled={checked}>
                <legend class="sq-prompt">{ &props.question.prompt }</legend>
                { inputs(props, &draft, &moved, &list) }
            </fieldset>
            <div class={classes!("sq-feedback", right.map(|r| if r { "sq-right" } else { "sq-wrong" }))}>
                // Only the verdict and the answer are announced; the evidence is there to read.
                <div class="sq-live" role="status" aria-live="polite">
                    if let Some(response) = &props.response {
                        <p class="sq-verdict-line" ref={verdict}>{ verdict_line(&props.question, response) }</p>
                    }
                </div>
                if let Some(response) = &props.response {
                    <Feedback question={props.question.clone()} response={response.clone()} table={props.table.clone()} />
                }
            </div>
            <button ref={button} type="submit" class="sq-primary sq-go" onclick={on_click}
                disabled={!checked && response.is_none()}>{ label }</button>
        </form>
    }
}

/// Right or wrong, and the answer once: what the live region reads out.
fn verdict_line(question: &Question, response: &Response) -> Html {
    let right = question.grade(response);
    let mark = html! {
        <strong class="sq-verdict">{ if right { strings::RIGHT } else { strings::WRONG } }</strong>
    };
    match &question.body {
        // The lines below mark every item; the answer in full is for the screen reader.
        Body::Matching { .. } | Body::Ordering { .. } => html! {
            <>{ mark }{ " " }{ strings::items_right(question, response) }
            <span class="sq-sr">{ format!(" {} {}", strings::CORRECT_ANSWER, question.answer_text) }</span></>
        },
        // A typed answer is not on screen any more in the reader's words: say it back.
        Body::Numeric { .. } | Body::Cloze { .. } if !right => html! {
            <>{ mark }{ " " }{ strings::YOUR_ANSWER }{ " " }{ describe_response(question, response) }{ "; " }
            { strings::CORRECT_ANSWER_LOWER }{ " " }<strong>{ &question.answer_text }</strong>{ "." }</>
        },
        _ => html! {
            <>{ mark }{ " " }{ strings::CORRECT_ANSWER }{ " " }<strong>{ &question.answer_text }</strong>{ "." }</>
        },
    }
}

/// The native inputs for the question's kind; once checked, each option, row or item is marked
/// right or wrong where it stands.
fn inputs(
    props: &QuestionCardProps,
    draft: &DraftHandle,
    moved: &UseStateHandle<Option<(usize, bool)>>,
    list: &NodeRef,
) -> Html {
    let name = &format!("sq-q{}", props.index);
    let given = props.response.as_ref();
    match &props.question.body {
        Body::Choice { options, correct } => {
            let chosen = match given {
                Some(Response::Choice(i)) => Some(*i),
                _ => draft.choice,
            };
            let options = options.iter().enumerate().map(|(i, option)| {
                let draft = draft.clone();
                let onchange = Callback::from(move |_| draft.set(DraftAnswer { choice: Some(i), ..(*draft).clone() }));
                let (is_answer, is_chosen) = (i == *correct, chosen == Some(i));
                let mark = given.and_then(|_| match (is_answer, is_chosen) {
                    (true, true) => Some(("sq-tag sq-right", strings::MARK_YOURS_RIGHT)),
                    (true, false) => Some(("sq-tag sq-right", strings::MARK_ANSWER)),
                    (false, true) => Some(("sq-tag sq-wrong", strings::MARK_YOURS_WRONG)),
                    (false, false) => None,
                });
                let class = classes!(
                    "sq-option",
                    given.is_some().then_some(match (is_answer, is_chosen) {
                        (true, _) => "sq-is-answer",
                        (false, true) => "sq-is-wrong",
                        (false, false) => "sq-is-other",
                    })
                );
                html! {
                    <label {class}>
                        <input type="radio" name={name.clone()} value={i.to_string()} checked={is_chosen} {onchange} />
                        <span class="sq-option-text">{ option }</span>
                        if let Some((class, words)) = mark {
                            <span class={class}>{ words }</span>
                        }
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
            let passage = format!("{name}-passage");
            // The blank is a word for assistive technology too ("… Ukraine is blank."), and the
            // field is described by the passage it fills.
            html! {
                <>
                    <blockquote class="sq-cloze" id={passage.clone()}>{ before }<span class="sq-blank"><span aria-hidden="true">{ "_____" }</span><span class="sq-sr">{ strings::BLANK }</span></span>{ after }</blockquote>
                    <label class="sq-entry">
                        <span>{ strings::MISSING_WORDS_LABEL }</span>
                        <input type="text" autocomplete="off" value={value} oninput={text_input(draft)}
                            aria-describedby={passage} />
                    </label>
                </>
            }
        }
        Body::Matching { left, right, pairs } => {
            let rows = left.iter().enumerate().map(|(i, item)| {
                let id = format!("{name}-m{i}");
                let selected = match given {
                    Some(Response::Pairs(given)) => given.get(i).copied(),
                    _ => draft.pairs.get(i).copied().flatten(),
                };
                let draft = draft.clone();
                let onchange = Callback::from(move |event: Event| {
                    let select: HtmlSelectElement = event.target_unchecked_into();
                    let mut next = (*draft).clone();
                    next.pairs[i] = select.value().parse().ok();
                    draft.set(next);
                });
                let mark = given.map(|_| {
                    let answer = pairs.get(i).and_then(|&r| right.get(r)).cloned().unwrap_or_default();
                    if selected == pairs.get(i).copied() {
                        html! { <p class="sq-tag sq-right">{ strings::MARK_ROW_RIGHT }</p> }
                    } else {
                        html! { <p class="sq-tag sq-wrong">{ strings::MARK_ROW_WRONG }{ " " }<strong>{ answer }</strong></p> }
                    }
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
                        { for mark }
                    </div>
                }
            });
            html! { <div class="sq-matching">{ for rows }</div> }
        }
        Body::Ordering {
            items,
            order: correct,
        } => {
            let order = match given {
                Some(Response::Order(order)) => order.clone(),
                _ => draft.order.clone(),
            };
            let rows = order.iter().enumerate().map(|(position, &item)| {
                let mover = |up: bool| {
                    let (draft, moved) = (draft.clone(), moved.clone());
                    Callback::from(move |_| {
                        let mut next = (*draft).clone();
                        let target = if up { position.checked_sub(1) } else { Some(position + 1) };
                        if let Some(target) = target.filter(|&t| t < next.order.len()) {
                            next.order.swap(position, target);
                            moved.set(Some((item, up)));
                            draft.set(next);
                        }
                    })
                };
                let mark = given.map(|_| {
                    let place = correct.iter().position(|&c| c == item).unwrap_or(position);
                    if place == position {
                        html! { <span class="sq-tag sq-right">{ strings::place_right(place) }</span> }
                    } else {
                        html! { <span class="sq-tag sq-wrong">{ strings::place_wrong(place) }</span> }
                    }
                });
                html! {
                    <li class="sq-order-item">
                        <span class="sq-order-text">{ &items[item] }</span>
                        if let Some(mark) = mark {
                            { mark }
                        } else {
                            <span class="sq-order-buttons">
                                <button type="button" id={format!("{name}-up-{item}")} aria-label={format!("{}: {}", strings::MOVE_UP, items[item])}
                                    disabled={position == 0} onclick={mover(true)}>{ "↑" }</button>
                                <button type="button" id={format!("{name}-down-{item}")} aria-label={format!("{}: {}", strings::MOVE_DOWN, items[item])}
                                    disabled={position + 1 == order.len()} onclick={mover(false)}>{ "↓" }</button>
                            </span>
                        }
                    </li>
                }
            });
            let said = moved.and_then(|(item, _)| {
                let at = order.iter().position(|&i| i == item)?;
                Some(strings::moved_to(&items[item], at + 1, order.len()))
            });
            html! {
                <>
                    <ol class="sq-ordering" ref={list.clone()}>{ for rows }</ol>
                    <p class="sq-sr" role="status" aria-live="polite">{ said.filter(|_| given.is_none()).unwrap_or_default() }</p>
                </>
            }
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
