//! The start screen: what the quiz is about, its length, difficulty and topics, and Start.

use super::app::Msg;
use super::effects;
use crate::strings;
use sourced_core::config::LENGTHS;
use sourced_core::{Difficulty, QuizSpec, Topic};
use yew::prelude::*;

/// Props of [`StartScreen`].
#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    pub topics: Vec<Topic>,
    pub setup: QuizSpec,
    /// The seed the page asked for, if any; otherwise Start draws a fresh one.
    pub fixed_seed: Option<u64>,
    /// Configuration problems to show, each naming its key.
    pub errors: Vec<String>,
    pub on_msg: Callback<Msg>,
}

/// The first screen a reader sees.
#[component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    let on_start = {
        let on_msg = props.on_msg.clone();
        let fixed_seed = props.fixed_seed;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_msg.emit(Msg::Start {
                seed: fixed_seed.unwrap_or_else(effects::random_seed),
            });
        })
    };
    let lengths = LENGTHS.iter().map(|&n| {
        let on_msg = props.on_msg.clone();
        html! {
            <label class="sq-chip">
                <input type="radio" name="sq-length" value={n.to_string()} checked={props.setup.count == n}
                    onchange={Callback::from(move |_| on_msg.emit(Msg::SetCount(n)))} />
                <span>{ n }</span>
            </label>
        }
    });
    let difficulties = std::iter::once(None).chain(Difficulty::ALL.into_iter().map(Some)).map(|d| {
        let on_msg = props.on_msg.clone();
        let name = d.map_or(strings::ANY_DIFFICULTY, |d| d.name());
        html! {
            <label class="sq-chip">
                <input type="radio" name="sq-difficulty" value={name} checked={props.setup.difficulty == d}
                    onchange={Callback::from(move |_| on_msg.emit(Msg::SetDifficulty(d)))} />
                <span>{ name }</span>
            </label>
        }
    });
    let topics = props.topics.iter().map(|topic| {
        let on_msg = props.on_msg.clone();
        let toggled = topic.clone();
        html! {
            <label class="sq-chip">
                <input type="checkbox" name="sq-topic" value={topic.0.clone()} checked={props.setup.topics.contains(topic)}
                    onchange={Callback::from(move |_| on_msg.emit(Msg::ToggleTopic(toggled.clone())))} />
                <span>{ strings::topic_name(&topic.0) }</span>
            </label>
        }
    });
    html! {
        <form class="sq-start" onsubmit={on_start}>
            <p>{ strings::INTRO }</p>
            <p><a href="#sq-sources">{ strings::SOURCES_LINK }</a></p>
            if !props.errors.is_empty() {
                <div class="sq-notice" role="alert">
                    <p>{ strings::CONFIG_PROBLEM }</p>
                    <ul>{ for props.errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                </div>
            }
            <fieldset class="sq-choices">
                <legend>{ strings::LENGTH }</legend>
                { for lengths }
            </fieldset>
            <fieldset class="sq-choices">
                <legend>{ strings::DIFFICULTY }</legend>
                { for difficulties }
            </fieldset>
            <fieldset class="sq-choices">
                <legend>{ strings::TOPICS }</legend>
                { for topics }
            </fieldset>
            <button type="submit" class="sq-primary">{ strings::START }</button>
        </form>
    }
}
