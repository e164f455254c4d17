//! Verifies `questions/` at build time and embeds the verified table as compact JSON (the articles' texts apart): a bad table fails the build.

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
    let (table, problems) = sourced_core::load::load_and_verify(&read);
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("facts.json");
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
        std::fs::write(
            &out,
            serde_json::to_string(&summary).expect("a string serializes"),
        )
        .expect("OUT_DIR is writable");
        std::fs::write(out.with_file_name("articles.txt"), "").expect("OUT_DIR is writable");
        return;
    }
    // The articles' texts go to a file of their own: only reading passages need them, so the
    // reader's bundle, which never includes `embedded_table`'s articles, never carries them.
    let mut table = table;
    let texts: Vec<String> = table
        .sources
        .iter_mut()
        .map(|source| std::mem::take(&mut source.text))
        .collect();
    assert!(
        texts.iter().all(|text| !text.contains('\0')),
        "an article's text holds a NUL character, which ends each text in articles.txt"
    );
    let json = serde_json::to_string(&table).expect("a verified table always serializes");
    std::fs::write(&out, json).expect("OUT_DIR is writable");
    let articles: String = texts.iter().map(|text| format!("{text}\0")).collect();
    std::fs::write(out.with_file_name("articles.txt"), articles).expect("OUT_DIR is writable");
}
