//! The Yew widget: a thin view over the core's quiz state, mounted by `start`.

mod app;
pub mod effects;
mod feedback;
mod question_card;
mod sources_panel;
mod start_screen;
mod summary;

pub use app::{App, AppProps, Model, Msg, SharedTable};
pub use feedback::{Feedback, FeedbackProps};

use sourced_core::config::parse_config;
use std::rc::Rc;

/// The id of the element the page gives the widget; created if the page has none.
pub const MOUNT_ID: &str = "sourced-quiz";

/// Reads the page's configuration and saved progress, then mounts the widget.
pub fn start() {
    let Some(root) = effects::mount_point(MOUNT_ID) else {
        return;
    };
    let props = match crate::embedded_table() {
        Ok(table) => props_for_page(table),
        Err(message) => {
            root.set_text_content(Some(&message));
            return;
        }
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// The props a page's URL and storage ask for.
pub fn props_for_page(table: sourced_core::FactTable) -> AppProps {
    let pairs = effects::query_pairs();
    let topics = table.topics();
    let (config, errors, unknown) =
        parse_config(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), &topics);
    for key in unknown {
        effects::warn(&format!("sourced-quiz: unknown setting `{key}` ignored"));
    }
    let saved =
        effects::load_progress().filter(|p| config.seed.is_none_or(|seed| p.spec.seed == seed));
    AppProps {
        table: SharedTable(Rc::new(table)),
        config,
        config_errors: errors.iter().map(ToString::to_string).collect(),
        saved,
        persist: true,
    }
}
