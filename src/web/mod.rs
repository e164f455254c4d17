//! The Yew widget: a thin view over the core's quiz state, mounted on a page or into a host's element.

mod app;
mod choices;
mod classroom;
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
pub use classroom::CLASSROOM;
pub use feedback::{Feedback, FeedbackProps};
pub use host::HostLink;
pub use reading::{ReadingPassage, ReadingPassageProps};

use sourced_core::config::{parse_config, Config};
use sourced_core::{FactTable, Prepared, QuizSpec, Session};
use std::rc::Rc;
use web_sys::Element;
use yew::Html;

/// The prepared fact table, shared by every component without copying; props compare it by pointer.
#[derive(Clone)]
pub struct SharedTable(pub Rc<Prepared>);

impl SharedTable {
    /// Prepares `table` (the per-table work every quiz shares) and shares it.
    pub fn new(table: FactTable) -> SharedTable {
        SharedTable(Rc::new(Prepared::new(table)))
    }

    /// As [`SharedTable::new`] for a table without the articles' texts (the reader's bundle's):
    /// `Prepared::without_passages`, so the reading-passage code stays out of that bundle.
    pub fn without_passages(table: FactTable) -> SharedTable {
        SharedTable(Rc::new(Prepared::without_passages(table)))
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

/// What only the classroom's bundle has: the table with its articles' texts, the teacher's page,
/// the sheets for paper and reading passages. The reader's bundle mounts with `None`, so that
/// none of their code, nor the articles, is linked into it; [`CLASSROOM`] is the one there is.
pub struct Classroom {
    /// The fact table, the articles' texts included.
    pub table: fn() -> Result<FactTable, String>,
    /// The per-table work, reading passages included (`SharedTable::new`).
    pub prepare: fn(FactTable) -> SharedTable,
    /// How many reading passages the table makes (the range `passage` accepts).
    pub passages: fn(&Prepared) -> usize,
    /// A view other than the quiz: the teacher's page, a worksheet or an answer key.
    pub page: fn(&AppProps, &QuizSpec) -> Html,
    /// A reading quiz's passage, marked where the answers checked so far are supported.
    pub passage: fn(&SharedTable, &Session) -> Html,
}

/// There is one [`Classroom`]; props compare it by address.
impl PartialEq for Classroom {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Whether settings ask for what only the classroom's bundle has (a view other than the quiz,
/// or a reading passage): the rule `web/boot.js` and `web/sourced-quiz.js` pick a bundle by.
pub fn needs_classroom(pairs: &[(String, String)]) -> bool {
    use sourced_core::config::View;
    pairs.iter().any(|(key, value)| {
        key == "passage"
            || (key == "view"
                && View::ALL
                    .into_iter()
                    .any(|view| view != View::Quiz && view.name() == value.trim()))
    })
}

/// The name of the performance measure around the per-table work (`Prepared::new`) at mount.
pub const PREPARE_MEASURE: &str = "sourced-quiz:prepare";

/// The id of the element the stand-alone page gives the widget; created if the page has none.
pub const MOUNT_ID: &str = "sourced-quiz";

/// The stand-alone page (and the iframe embed): settings from the URL, mounted on `#sourced-quiz`;
/// `classroom` is the classroom's bundle's, `None` in the reader's.
pub fn start_page(classroom: Option<&'static Classroom>) {
    let Some(root) = effects::mount_point(MOUNT_ID) else {
        return;
    };
    // The classroom's own page (classroom/index.html) names the reader's page on its <body>: its
    // links (a student's quiz, the sheets) lead there; elsewhere the page is the reader's itself.
    let reader_page = gloo::utils::document()
        .body()
        .and_then(|body| body.get_attribute("data-reader-page"));
    let base_url = match reader_page {
        Some(reader) => effects::page_relative_url(&reader),
        None => effects::page_base_url(),
    };
    // A page written by `sourced embed-page` carries its settings as `data-` attributes on the
    // mount point; the address's own settings come after them, as more specific.
    let mut pairs = effects::data_attributes(&root);
    pairs.extend(effects::query_pairs());
    mount_with(root.clone(), root, pairs, base_url, true, classroom);
}

/// A script-tag mount: settings from `host`'s `data-` attributes, rendered into `root` (inside
/// `host`'s shadow root); events are dispatched on `host`. `base_url` is where the widget's
/// files are served from, for the ids in its xAPI statements.
pub fn mount_element(
    host: Element,
    root: Element,
    base_url: String,
    classroom: Option<&'static Classroom>,
) {
    let pairs = effects::data_attributes(&host);
    mount_with(host, root, pairs, base_url, false, classroom);
}

fn mount_with(
    host: Element,
    root: Element,
    pairs: Vec<(String, String)>,
    base_url: String,
    is_page: bool,
    classroom: Option<&'static Classroom>,
) {
    // The loaders pick the classroom's bundle for these settings; this says so if one did not.
    if classroom.is_none() && needs_classroom(&pairs) {
        root.set_text_content(Some(crate::strings::NEEDS_CLASSROOM));
        return;
    }
    let (load, prepare): (
        fn() -> Result<FactTable, String>,
        fn(FactTable) -> SharedTable,
    ) = match classroom {
        Some(classroom) => (classroom.table, classroom.prepare),
        None => (crate::embedded_reader_table, SharedTable::without_passages),
    };
    let table = match load() {
        // Every reader pays for this before the first question: measured for scripts/bench.
        Ok(table) => effects::measured(PREPARE_MEASURE, || prepare(table)),
        Err(message) => {
            root.set_text_content(Some(&message));
            return;
        }
    };
    let passages = match classroom {
        Some(classroom) if pairs.iter().any(|(key, _)| key == "passage") => {
            (classroom.passages)(table.prepared())
        }
        _ => 0,
    };
    let prefix = if is_page { "" } else { "data-" };
    let (mut config, errors) = read_config(&table, &pairs, prefix, passages);
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
        classroom,
        ..props_for(table, config, errors)
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// Parses settings, warning in the console about keys it does not know (`prefix` is how the
/// page spelled them: `data-` for attributes). `passages` is how many the table makes, worked
/// out only for a page that asks for one (a few ms in the browser).
fn read_config(
    table: &SharedTable,
    pairs: &[(String, String)],
    prefix: &str,
    passages: usize,
) -> (Config, Vec<String>) {
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
        classroom: None,
    }
}
