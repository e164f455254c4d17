//! The passage of a reading quiz: one article's paragraphs, cited, with the sentences that answer the questions so far marked and the report's recorded errors struck through beside their correction.

use super::SharedTable;
use crate::strings;
use std::ops::Range;
use yew::prelude::*;

/// Props of [`ReadingPassage`].
#[derive(Properties, PartialEq)]
pub struct ReadingPassageProps {
    pub table: SharedTable,
    /// Which passage: an index into `Prepared::passages` (a reading spec's `passage`).
    pub passage: usize,
    /// Byte ranges of the passage's text to mark, as `Session::highlights` gives them.
    #[prop_or_default]
    pub highlights: Vec<Range<usize>>,
}

/// The passage as text (never parsed as markup), with its highlights in `<mark>`; nothing for a
/// passage the table lacks.
#[component]
pub fn ReadingPassage(props: &ReadingPassageProps) -> Html {
    let table = props.table.table();
    let Some(passage) = props.table.prepared().passages().get(props.passage) else {
        return Html::default();
    };
    let source = table.source(&passage.source);
    let headline = source.map_or(passage.source.0.as_str(), |s| s.headline.as_str());
    let outlet = source.map_or("", |s| s.outlet.as_str());
    let paragraphs = passage
        .segments(&props.highlights)
        .into_iter()
        .map(|segments| {
            let pieces = segments.into_iter().map(|segment| {
                let text = if segment.erratum {
                    html! { <span class="sq-erratum">{ segment.text }</span> }
                } else {
                    html! { <>{ segment.text }</> }
                };
                let text = if segment.marked {
                    html! { <mark>{ text }</mark> }
                } else {
                    text
                };
                html! {
                    <>
                        { text }
                        if let Some(correct) = segment.correction {
                            <span class="sq-correction">{ strings::correction(correct) }</span>
                        }
                    </>
                }
            });
            html! { <p>{ for pieces }</p> }
        });
    html! {
        <section class="sq-passage">
            <h2>{ strings::READ_PASSAGE }</h2>
            <figure>
                <blockquote>{ for paragraphs }</blockquote>
                <figcaption>{ "— " }<cite>{ headline }</cite>{ format!(", {outlet}") }</figcaption>
            </figure>
            if !passage.errata.is_empty() {
                <p class="sq-meta">{ strings::PASSAGE_ERRATA }</p>
            }
            if !props.highlights.is_empty() {
                <p class="sq-meta">{ strings::PASSAGE_MARKS }</p>
            }
        </section>
    }
}
