//! A group of chips (radio buttons or checkboxes) for a quiz's choices, shared by the start screen and the teacher's page.

use crate::strings;
use sourced_core::config::LENGTHS;
use sourced_core::{Difficulty, QuestionKind, Topic};
use yew::prelude::*;

/// One chip: its input's `value`, its label, and whether it is ticked or unavailable.
#[derive(Clone, PartialEq)]
pub struct Chip {
    pub value: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub disabled: bool,
}

/// Props of [`Choices`]; [`lengths`], [`difficulties`], [`topics`] and [`kinds`] make them.
#[derive(Properties, PartialEq)]
pub struct ChoicesProps {
    /// The inputs' `name`, distinct per screen, so each screen's radio buttons are a group of their own.
    pub name: AttrValue,
    /// Checkboxes (any number ticked) rather than radio buttons (one chosen).
    #[prop_or_default]
    pub multiple: bool,
    pub chips: Vec<Chip>,
    /// A chip was chosen, or (a checkbox) ticked or unticked: its position in `chips`. The makers
    /// below turn it back into what the chip stands for, so one component serves every kind of choice.
    pub on_select: Callback<usize>,
}

/// The chips, each a native input in its label; the caller gives them their fieldset and legend.
#[component]
pub fn Choices(props: &ChoicesProps) -> Html {
    let kind = if props.multiple { "checkbox" } else { "radio" };
    props.chips.iter().enumerate().map(|(i, chip)| {
        html! {
            <label class="sq-chip">
                <input type={kind} name={props.name.clone()} value={chip.value.clone()} checked={chip.checked}
                    disabled={chip.disabled} onchange={props.on_select.reform(move |_| i)} />
                <span>{ chip.label.clone() }</span>
            </label>
        }
    }).collect()
}

/// The lengths offered, as radio buttons named `name`, `count` chosen.
pub fn lengths(name: &'static str, count: usize, on_count: &Callback<usize>) -> ChoicesProps {
    let chips = LENGTHS
        .iter()
        .map(|&n| chip(n.to_string(), n.to_string(), count == n));
    ChoicesProps {
        name: name.into(),
        multiple: false,
        chips: chips.collect(),
        on_select: on_count.reform(|i| LENGTHS[i]),
    }
}

/// Any difficulty, then each one, as radio buttons named `name`, `chosen` chosen.
pub fn difficulties(
    name: &'static str,
    chosen: Option<Difficulty>,
    on_difficulty: &Callback<Option<Difficulty>>,
) -> ChoicesProps {
    let choice = |i: usize| i.checked_sub(1).map(|d| Difficulty::ALL[d]);
    let chips = (0..=Difficulty::ALL.len()).map(|i| {
        let d = choice(i);
        let value = d.map_or(strings::ANY_DIFFICULTY, |d| d.name());
        chip(value, strings::difficulty_name(d), chosen == d)
    });
    ChoicesProps {
        name: name.into(),
        multiple: false,
        chips: chips.collect(),
        on_select: on_difficulty.reform(choice),
    }
}

/// The table's topics by name, as checkboxes named `name`, those in `chosen` ticked.
pub fn topics(
    name: &'static str,
    all: &[Topic],
    chosen: &[Topic],
    on_topic: &Callback<Topic>,
) -> ChoicesProps {
    let chips = all
        .iter()
        .map(|t| chip(t.0.clone(), strings::topic_name(&t.0), chosen.contains(t)));
    let all = all.to_vec();
    ChoicesProps {
        name: name.into(),
        multiple: true,
        chips: chips.collect(),
        on_select: on_topic.reform(move |i: usize| all[i].clone()),
    }
}

/// Every kind of question, as checkboxes named `name`, those in `chosen` ticked and those not
/// `available` disabled.
pub fn kinds(
    name: &'static str,
    chosen: &[QuestionKind],
    available: &[QuestionKind],
    on_kind: &Callback<QuestionKind>,
) -> ChoicesProps {
    let chips = QuestionKind::ALL.iter().map(|kind| Chip {
        disabled: !available.contains(kind),
        ..chip(
            kind.name(),
            strings::kind_name(*kind),
            chosen.contains(kind),
        )
    });
    ChoicesProps {
        name: name.into(),
        multiple: true,
        chips: chips.collect(),
        on_select: on_kind.reform(|i| QuestionKind::ALL[i]),
    }
}

fn chip(value: impl Into<AttrValue>, label: impl Into<AttrValue>, checked: bool) -> Chip {
    Chip {
        value: value.into(),
        label: label.into(),
        checked,
        disabled: false,
    }
}
