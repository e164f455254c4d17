//! The Yew widget: a thin view over the core's quiz state, mounted on a page or into a host's element.

mod app;
mod choices;
pub mod effects;
mod feedback;
pub mod host;
mod print_sheet;
mod question_card;
mod reading;
mod sources_panel;
mod start_screen;
mod summary;
mod teacher;

pub use app::{App, AppProps, Model, Msg};
pub use feedback::{Feedback, FeedbackProps};
pub use host::HostLink;
pub use reading::{ReadingPassage, ReadingPassageProps};

use sourced_core::config::{parse_config, Config};
use sourced_core::{FactTable, Prepared};
use std::rc::Rc;
use web_sys::Element;

/// The prepared fact table, shared by every component without copying; props compare it by pointer.
#[derive(Clone)]
pub struct SharedTable(pub Rc<Prepared>);

impl SharedTable {
    /// Prepares `table` (the per-table work every quiz shares) and shares it.
    pub fn new(table: FactTable) -> SharedTable {
        SharedTable(Rc::new(Prepared::new(table)))
    }

    pub fn prepared(&self) -> &Prepared {
        &self.0
    }

    pub fn table(&self) -> &FactTable {
        self.0.table()
    }
}

impl PartialEq for SharedTable {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The id of the element the stand-alone page gives the widget; created if the page has none.
pub const MOUNT_ID: &str = "sourced-quiz";

/// The stand-alone page (and the iframe embed): settings from the URL, mounted on `#sourced-quiz`.
pub fn start_page() {
    let Some(root) = effects::mount_point(MOUNT_ID) else {
        return;
    };
    let base_url = effects::page_base_url();
    // A page written by `sourced embed-page` carries its settings as `data-` attributes on the
    // mount point; the address's own settings come after them, as more specific.
    let mut pairs = effects::data_attributes(&root);
    pairs.extend(effects::query_pairs());
    mount_with(root.clone(), root, pairs, base_url, true);
}

/// A script-tag mount: settings from `host`'s `data-` attributes, rendered into `root` (inside
/// `host`'s shadow root); events are dispatched on `host`. `base_url` is where the widget's
/// files are served from, for the ids in its xAPI statements.
pub fn mount_element(host: Element, root: Element, base_url: String) {
    let pairs = effects::data_attributes(&host);
    mount_with(host, root, pairs, base_url, false);
}

fn mount_with(
    host: Element,
    root: Element,
    pairs: Vec<(String, String)>,
    base_url: String,
    is_page: bool,
) {
    let table = match crate::embedded_table() {
        Ok(table) => SharedTable::new(table),
        Err(message) => {
            root.set_text_content(Some(&message));
            return;
        }
    };
    let (mut config, errors) = read_config(&table, &pairs, if is_page { "" } else { "data-" });
    // Class use is offered where a page asks for it, and by default only on the stand-alone page
    // (not in a frame on a news site, nor in a script embed).
    config.classroom = Some(config.classroom.unwrap_or(is_page && !effects::in_frame()));
    if is_page {
        effects::set_page_theme(config.theme);
    }
    if is_page {
        host::report_height(&config);
    }
    let props = AppProps {
        host: Some(HostLink::new(host, &config)),
        base_url,
        ..props_for(table, config, errors)
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// Parses settings, warning in the console about keys it does not know (`prefix` is how the
/// page spelled them: `data-` for attributes).
fn read_config(
    table: &SharedTable,
    pairs: &[(String, String)],
    prefix: &str,
) -> (Config, Vec<String>) {
    // The passages are worked out only for a page that asks for one (a few ms in the browser).
    let passages = if pairs.iter().any(|(key, _)| key == "passage") {
        table.prepared().passages().len()
    } else {
        0
    };
    let (config, errors, unknown) = parse_config(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        &table.table().topics(),
        passages,
    );
    for key in unknown {
        effects::warn(&format!(
            "sourced-quiz: unknown setting `{prefix}{key}` ignored (known: {})",
            sourced_core::config::KEYS.join(", ")
        ));
    }
    let errors = errors.iter().map(|error| error.message(prefix)).collect();
    (config, errors)
}

/// The props for a configuration: the table, any saved progress that fits it, and where to save.
pub fn props_for(table: SharedTable, config: Config, config_errors: Vec<String>) -> AppProps {
    let storage = config
        .persist
        .then(|| effects::progress_key(&config.storage_scope()));
    let saved = storage
        .as_deref()
        .and_then(effects::load_progress)
        .filter(|p| config.seed.is_none_or(|seed| p.spec.seed == seed));
    AppProps {
        table,
        config,
        config_errors,
        saved,
        storage,
        host: None,
        base_url: String::new(),
    }
}
