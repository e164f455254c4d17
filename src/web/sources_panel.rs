//! The sources panel: the five reports as a reader meets them (outlet, what kind of report, headline), what each got wrong, and the reviewers' notes behind a disclosure.

use super::SharedTable;
use crate::strings;
use sourced_core::AnswerKind;
use yew::prelude::*;

/// Props of [`SourcesPanel`].
#[derive(Properties, PartialEq)]
pub struct SourcesPanelProps {
    pub table: SharedTable,
}

/// A disclosure listing the articles.
#[component]
pub fn SourcesPanel(props: &SourcesPanelProps) -> Html {
    let table = props.table.table();
    let sources = table.sources.iter().map(|source| {
        let errors: Vec<Html> = table
            .facts
            .iter()
            .filter(|f| f.kind == AnswerKind::SourceError && f.about.as_ref() == Some(&source.id))
            .map(|f| html! { <li>{ strings::source_error(&f.answer().to_string(), f.correct.as_deref().unwrap_or_default()) }</li> })
            .collect();
        html! {
            <li class="sq-source">
                <p class="sq-source-outlet"><strong>{ &source.outlet }</strong>{ " · " }{ strings::source_kind(source.kind) }</p>
                <p><cite>{ &source.headline }</cite></p>
                if !errors.is_empty() {
                    <p class="sq-meta">{ strings::SOURCE_GOT_WRONG }</p>
                    <ul class="sq-source-errors">{ for errors }</ul>
                }
                if !source.notes.is_empty() {
                    <details class="sq-source-notes">
                        <summary>{ strings::SOURCE_NOTES }</summary>
                        <p>{ &source.notes }</p>
                    </details>
                }
            </li>
        }
    });
    html! {
        <details class="sq-sources" id="sq-sources">
            <summary>{ strings::SOURCES }</summary>
            <p>{ strings::sources_intro(table.sources.len()) }</p>
            <ul>{ for sources }</ul>
        </details>
    }
}
