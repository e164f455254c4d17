//! The start screen: the title's one sentence, Start, and behind "Customise" the length, difficulty and topics (or that it is a reading quiz); class use where the page asks for it.

use super::choices::{self, Choices};
use super::effects;
use crate::strings;
use sourced_core::class_code;
use sourced_core::{Difficulty, QuizSpec, Topic};
use yew::prelude::*;

/// Props of [`StartScreen`].
#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    pub topics: Vec<Topic>,
    pub setup: QuizSpec,
    /// Configuration problems to show, each naming its key.
    pub errors: Vec<String>,
    /// Whether to offer class use: the class-code entry and, where there is one, the teacher's link.
    #[prop_or_default]
    pub classroom: bool,
    /// The teacher's setup page, where there is one (the stand-alone page, not a script embed).
    #[prop_or_default]
    pub teacher_link: Option<String>,
    /// A length was chosen.
    pub on_count: Callback<usize>,
    /// A difficulty was chosen (`None`: any).
    pub on_difficulty: Callback<Option<Difficulty>>,
    /// A topic was ticked or unticked.
    pub on_topic: Callback<Topic>,
    /// Start was pressed (the page decides the seed).
    pub on_start: Callback<()>,
    /// A class code was entered that stands for this spec; the code as normalized.
    pub on_join: Callback<(QuizSpec, String)>,
}

/// The first screen a reader sees: one sentence and Start above the fold on a phone.
#[component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    // Start acts on the button's click, never on the form's submission, which a frame sandboxed
    // without `allow-forms` (WordPress's embeds) blocks before the page sees it.
    let on_start = props
        .on_start
        .reform(|event: SubmitEvent| event.prevent_default());
    let on_start_click = props
        .on_start
        .reform(|event: MouseEvent| event.prevent_default());
    let on_sources = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        if let Some(link) = event.target_dyn_into::<web_sys::Element>() {
            effects::open_disclosure(&link, "#sq-sources");
        }
    });
    let code_error = use_state(|| None::<String>);
    let code_input = use_node_ref();
    let setup = &props.setup;
    let reading = setup.passage.is_some();
    html! {
        <>
        <form class="sq-start" onsubmit={on_start}>
            <p class="sq-lede">{ strings::INTRO }</p>
            if !props.errors.is_empty() {
                <div class="sq-notice" role="alert">
                    <p>{ strings::CONFIG_PROBLEM }</p>
                    <ul>{ for props.errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                </div>
            }
            if reading {
                <p class="sq-reading-note">{ strings::READING_START }</p>
            }
            <button type="submit" class="sq-primary sq-start-button" onclick={on_start_click}>{ strings::START }</button>
            <details class="sq-customise">
                <summary>
                    <span class="sq-customise-label">{ strings::CUSTOMISE }</span>
                    <span class="sq-meta">{ strings::setup_summary(setup, reading) }</span>
                </summary>
                // A reading quiz's passage decides its facts: no length or topics to choose.
                if !reading {
                    <fieldset class="sq-choices">
                        <legend>{ strings::LENGTH }</legend>
                        <Choices ..choices::lengths("sq-length", setup.count, &props.on_count) />
                    </fieldset>
                }
                <fieldset class="sq-choices">
                    <legend>{ strings::DIFFICULTY }</legend>
                    <Choices ..choices::difficulties("sq-difficulty", setup.difficulty, &props.on_difficulty) />
                </fieldset>
                if !reading {
                    <fieldset class="sq-choices">
                        <legend>{ strings::TOPICS }</legend>
                        <Choices ..choices::topics("sq-topic", &props.topics, &setup.topics, &props.on_topic) />
                    </fieldset>
                }
            </details>
            <p class="sq-meta"><a href="#sq-sources" onclick={on_sources}>{ strings::SOURCES_LINK }</a></p>
        </form>
        if props.classroom {
            { join_class(props, &code_error, &code_input) }
            if let Some(link) = &props.teacher_link {
                <p class="sq-meta"><a href={link.clone()}>{ strings::TEACHER_LINK }</a></p>
            }
        }
        </>
    }
}

/// The class-code entry: a code that decodes starts its quiz; any other is refused, saying why.
fn join_class(
    props: &StartScreenProps,
    code_error: &UseStateHandle<Option<String>>,
    code_input: &NodeRef,
) -> Html {
    let on_join = {
        let on_join = props.on_join.clone();
        let topics = props.topics.clone();
        let code_error = code_error.clone();
        let code_input = code_input.clone();
        Callback::from(move |()| {
            let typed = code_input
                .cast::<web_sys::HtmlInputElement>()
                .map(|input| input.value())
                .unwrap_or_default();
            match class_code::decode(&typed, &topics) {
                Ok(spec) => {
                    code_error.set(None);
                    let code = class_code::normalize(&typed).unwrap_or(typed);
                    on_join.emit((spec, code));
                }
                Err(error) => code_error.set(Some(error.to_string())),
            }
        })
    };
    // As Start: the click (Enter in the field clicks it too), not the submission.
    let on_join_click = on_join.reform(|event: MouseEvent| event.prevent_default());
    let on_join = on_join.reform(|event: SubmitEvent| event.prevent_default());
    html! {
        <form class="sq-join" onsubmit={on_join}>
            <h2>{ strings::HAVE_CODE }</h2>
            <label class="sq-entry">
                <span>{ strings::ENTER_CODE }</span>
                <input ref={code_input.clone()} type="text" autocomplete="off" autocapitalize="characters"
                    spellcheck="false" aria-invalid={code_error.is_some().then_some("true")}
                    aria-describedby={code_error.is_some().then_some("sq-code-error")} />
            </label>
            if let Some(error) = (**code_error).clone() {
                <p class="sq-notice" id="sq-code-error" role="alert">{ strings::CODE_PROBLEM }{ " " }{ error }</p>
            }
            <button type="submit" onclick={on_join_click}>{ strings::JOIN }</button>
        </form>
    }
}
