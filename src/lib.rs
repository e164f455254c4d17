//! Sourced Quiz: the verified fact table as shipped, and (on wasm32) the Yew widget that quizzes from it.

pub mod class_setup;
pub mod events;
pub mod export;
pub mod results;
pub mod strings;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use sourced_core as core;
use sourced_core::FactTable;

/// The fact table verified at build time (see `build.rs`), as compact JSON, without the
/// articles' texts.
pub const EMBEDDED_TABLE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/facts.json"));

/// The articles' texts, one per source in table order, each ended by a NUL character. Only
/// [`embedded_table`] reads them: the reader's bundle, which never calls it, never holds them.
const EMBEDDED_ARTICLES: &str = include_str!(concat!(env!("OUT_DIR"), "/articles.txt"));

/// The verified fact table this build shipped with, without the articles' texts: everything
/// a quiz needs (the sources' names and headlines, every quote in its sentence), but no
/// reading passages.
pub fn embedded_reader_table() -> Result<FactTable, String> {
    // A table that failed verification is embedded (natively only) as a JSON string saying why.
    if let Ok(problem) = serde_json::from_str::<String>(EMBEDDED_TABLE_JSON) {
        return Err(problem);
    }
    serde_json::from_str(EMBEDDED_TABLE_JSON)
        .map_err(|e| format!("the embedded fact table is unreadable: {e}"))
}

/// The verified fact table this build shipped with, the articles' texts included.
pub fn embedded_table() -> Result<FactTable, String> {
    let mut table = embedded_reader_table()?;
    let texts: Vec<&str> = EMBEDDED_ARTICLES.split_terminator('\0').collect();
    if texts.len() != table.sources.len() {
        return Err(format!(
            "the embedded articles are {} texts for {} sources",
            texts.len(),
            table.sources.len()
        ));
    }
    for (source, text) in table.sources.iter_mut().zip(texts) {
        source.text = text.to_string();
    }
    Ok(table)
}
