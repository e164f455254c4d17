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

/// The fact table verified at build time (see `build.rs`), as compact JSON.
pub const EMBEDDED_TABLE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/facts.json"));

/// The verified fact table this build shipped with.
pub fn embedded_table() -> Result<FactTable, String> {
    // A table that failed verification is embedded (natively only) as a JSON string saying why.
    if let Ok(problem) = serde_json::from_str::<String>(EMBEDDED_TABLE_JSON) {
        return Err(problem);
    }
    serde_json::from_str(EMBEDDED_TABLE_JSON)
        .map_err(|e| format!("the embedded fact table is unreadable: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_folds_as_unicode_would() {
        // The browser's fold has no Unicode tables (`text::lower`); on this table it must not matter.
        let text = serde_json::to_string(&embedded_table().expect("verified")).unwrap();
        assert_eq!(sourced_core::text::case_mismatch(&text), None);
        let unicode = sourced_core::text::normalize_whitespace(&text).to_lowercase();
        assert_eq!(sourced_core::text::fold(&text), unicode);
    }
}
