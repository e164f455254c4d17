//! Verifies `questions/` at build time and embeds the verified table packed (`sourced_core::packed`), the articles' texts apart: a bad table fails the build.

use std::path::Path;

fn main() {
    // SOURCED_QUESTIONS builds the widget from another fact-table directory (a newsroom's own story).
    println!("cargo:rerun-if-env-changed=SOURCED_QUESTIONS");
    let dir = match std::env::var_os("SOURCED_QUESTIONS") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("questions"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={}", dir.join("sources").display());
    let read =
        |relative: &str| std::fs::read_to_string(dir.join(relative)).map_err(|e| e.to_string());
    let (mut table, problems) = sourced_core::load::load_and_verify(&read);
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("facts.bin");
    if !problems.is_empty() {
        for problem in &problems {
            println!("cargo:warning={}/{problem}", dir.display());
        }
        let summary = format!(
            "the fact table in {} has {} problem(s); run `cargo run --bin sourced -- check` to list them",
            dir.display(),
            problems.len()
        );
        // The browser build refuses a bad table. Native builds go on, so that `sourced check`
        // itself can run and explain; their embedded table is then an error, never stale data.
        if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
            panic!("{summary}");
        }
        // Text, not a packed table (which starts `SQT1`): `embedded_table` returns it as the error.
        std::fs::write(&out, summary).expect("OUT_DIR is writable");
        std::fs::write(out.with_file_name("articles.txt"), "").expect("OUT_DIR is writable");
        return;
    }
    let json = serde_json::to_string(&table).expect("a verified table always serializes");
    // The browser folds case without Unicode's tables (`text::lower`): exact for this table's
    // every character, or the build stops here.
    if let Some(c) = sourced_core::text::case_mismatch(&json) {
        panic!(
            "the fact table in {} holds {c:?} (U+{:04X}), whose case the widget cannot fold without \
             Unicode tables; add its block to sourced_core::text::lower",
            dir.display(),
            c as u32
        );
    }
    // The reasons a fact is never asked as a kind are for the table's authors (`sourced facts
    // --json` prints them); the browser reads only the kinds, so its copy goes without.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        for avoid in table.facts.iter_mut().flat_map(|f| &mut f.avoid) {
            avoid.why.clear();
        }
    }
    // The articles' texts go to a file of their own: only reading passages need them, so the
    // reader's bundle, which never calls `embedded_table` (which adds them), never carries them.
    let texts: Vec<String> = table
        .sources
        .iter_mut()
        .map(|source| std::mem::take(&mut source.text))
        .collect();
    assert!(
        texts.iter().all(|text| !text.contains('\0')),
        "an article's text holds a NUL character, which ends each text in articles.txt"
    );
    std::fs::write(&out, sourced_core::packed::pack(&table)).expect("OUT_DIR is writable");
    let articles: String = texts.iter().map(|text| format!("{text}\0")).collect();
    std::fs::write(out.with_file_name("articles.txt"), articles).expect("OUT_DIR is writable");
}
