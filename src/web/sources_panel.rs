//! The sources panel: every article with its headline, outlet and kind, and the errors the table records about it.

use super::SharedTable;
use crate::strings;
use sourced_core::AnswerKind;
use yew::prelude::*;

/// Props of [`SourcesPanel`].
#[derive(Properties, PartialEq)]
pub struct SourcesPanelProps {
    pub table: SharedTable,
}

/// A disclosure listing the five articles.
#[component]
pub fn SourcesPanel(props: &SourcesPanelProps) -> Html {
    let table = props.table.table();
    let sources = table.sources.iter().map(|source| {
        let errors = table
            .facts
            .iter()
            .filter(|f| f.kind == AnswerKind::SourceError && f.about.as_ref() == Some(&source.id))
            .map(|f| html! { <li>{ strings::source_error(&f.answer().to_string(), f.correct.as_deref().unwrap_or_default()) }</li> });
        html! {
            <li class="sq-source">
                <cite>{ &source.headline }</cite>
                <p class="sq-meta">{ format!("{} · {}", source.outlet, source.kind.label()) }</p>
                <p>{ &source.notes }</p>
                <ul>{ for errors }</ul>
            </li>
        }
    });
    html! {
        <details class="sq-sources" id="sq-sources">
            <summary>{ strings::SOURCES }</summary>
            <ul>{ for sources }</ul>
        </details>
    }
}
