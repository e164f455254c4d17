//! Sourced Quiz: the verified fact table as shipped, and (on wasm32) the Yew widget that quizzes from it.

pub mod class_setup;
#[cfg(not(target_arch = "wasm32"))]
pub mod embed_page;
pub mod events;
pub mod export;
pub mod results;
pub mod strings;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use sourced_core as core;
use sourced_core::FactTable;

/// The fact table verified at build time (see `build.rs`), packed (`sourced_core::packed`),
/// without the articles' texts.
pub const EMBEDDED_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/facts.bin"));

/// The articles' texts, one per source in table order, each ended by a NUL character. Only
/// [`embedded_table`] reads them: the reader's bundle, which never calls it, never holds them.
const EMBEDDED_ARTICLES: &str = include_str!(concat!(env!("OUT_DIR"), "/articles.txt"));

/// The verified fact table this build shipped with, without the articles' texts: everything
/// a quiz needs (the sources' names and headlines, every quote in its sentence), but no
/// reading passages.
pub fn embedded_reader_table() -> Result<FactTable, String> {
    // A table that failed verification is embedded (natively only) as the text saying why.
    if !EMBEDDED_TABLE.starts_with(b"SQT1") {
        return Err(String::from_utf8_lossy(EMBEDDED_TABLE).into_owned());
    }
    sourced_core::packed::unpack(EMBEDDED_TABLE)
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

    #[test]
    fn the_packed_table_round_trips_and_damage_is_an_error() {
        let table = embedded_reader_table().expect("verified");
        let packed = sourced_core::packed::pack(&table);
        assert_eq!(packed, EMBEDDED_TABLE);
        assert_eq!(sourced_core::packed::unpack(&packed).as_ref(), Ok(&table));
        // Cut short or with a byte changed: an error or (a changed letter) another table, never a panic.
        for at in (0..packed.len()).step_by(packed.len() / 500) {
            assert!(
                sourced_core::packed::unpack(&packed[..at]).is_err(),
                "cut at {at}"
            );
            let mut damaged = packed.clone();
            damaged[at] ^= 0xff;
            let _ = sourced_core::packed::unpack(&damaged);
        }
    }
}
