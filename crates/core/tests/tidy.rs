//! Tidy checks that keep the code's shape: the core's one-way layers, a `//!` line atop every module, no browser crate in the core.
//!
//! In the spirit of rust-analyzer's tidy tests: each check collects every offence, names its
//! file and line, and says what to do. The layer order is read from `ARCHITECTURE.md`, so the
//! map and the code cannot drift apart.

use std::fs;
use std::path::{Path, PathBuf};

const CORE: &str = env!("CARGO_MANIFEST_DIR");

fn repo() -> PathBuf {
    Path::new(CORE).join("../..")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The layer order `ARCHITECTURE.md` documents, lowest first: the line after `<!-- tidy: layers -->`.
fn layers() -> Vec<String> {
    let doc = fs::read_to_string(repo().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let line = doc
        .lines()
        .skip_while(|l| !l.contains("<!-- tidy: layers -->"))
        .nth(1)
        .expect("ARCHITECTURE.md has a `<!-- tidy: layers -->` line followed by the layer order");
    line.split('→')
        .map(|m| m.trim().trim_matches('`').to_string())
        .collect()
}

/// The top-level core module a file belongs to (`generate/cloze.rs` → `generate`).
fn module_of(file: &Path) -> String {
    let relative = file.strip_prefix(Path::new(CORE).join("src")).unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// Where a line of code (comments ignored) names `crate::<module>`: (module, column).
fn crate_paths(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or_default();
    code.match_indices("crate::")
        .filter(|(at, _)| {
            // `sourced_crate::x` is not a path into this crate.
            code[..*at]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_')
        })
        .map(|(at, _)| {
            code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn core_modules_import_only_modules_below_them() {
    let layers = layers();
    let rank = |module: &str| layers.iter().position(|l| l == module);
    let lib = fs::read_to_string(Path::new(CORE).join("src/lib.rs")).unwrap();
    let mut offences = Vec::new();
    // Every module is placed in the order, and the order names no module that does not exist.
    let declared: Vec<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();
    for module in &declared {
        if rank(module).is_none() {
            offences.push(format!(
                "crates/core/src/lib.rs: module `{module}` is missing from the layer order in ARCHITECTURE.md"
            ));
        }
    }
    for module in &layers {
        if !declared.contains(module) {
            offences.push(format!(
                "ARCHITECTURE.md: the layer order names `{module}`, which lib.rs does not declare"
            ));
        }
    }
    for file in rust_files(&Path::new(CORE).join("src")) {
        let module = module_of(&file);
        let Some(own) = rank(&module) else { continue };
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for used in crate_paths(line) {
                // Re-exports at the crate root (`crate::Session`) are not a layer.
                let Some(theirs) = rank(&used) else { continue };
                if theirs > own {
                    offences.push(format!(
                        "crates/core/src/{}:{}: `{module}` imports `{used}`, which is above it in the layer order (ARCHITECTURE.md); move the shared part down or pass it in",
                        file.strip_prefix(Path::new(CORE).join("src")).unwrap().display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(offences.is_empty(), "\n{}\n", offences.join("\n"));
}

#[test]
fn every_module_starts_with_a_doc_line() {
    let mut offences = Vec::new();
    for dir in [Path::new(CORE).join("src"), repo().join("src")] {
        for file in rust_files(&dir) {
            let text = fs::read_to_string(&file).unwrap();
            let first = text.lines().next().unwrap_or_default();
            if !first.starts_with("//! ") || first.len() < 12 {
                offences.push(format!(
                    "{}:1: starts with {first:?}; begin with one `//!` line saying what the module is for",
                    file.strip_prefix(repo()).unwrap_or(&file).display()
                ));
            }
        }
    }
    assert!(offences.is_empty(), "\n{}\n", offences.join("\n"));
}

#[test]
fn the_core_depends_on_no_browser_crate() {
    const BROWSER: [&str; 6] = [
        "yew",
        "web-sys",
        "js-sys",
        "gloo",
        "wasm-bindgen",
        "wasm-bindgen-futures",
    ];
    let mut offences = Vec::new();
    let manifest = fs::read_to_string(Path::new(CORE).join("Cargo.toml")).unwrap();
    for (n, line) in manifest.lines().enumerate() {
        let name = line.split(['=', ' ']).next().unwrap_or_default();
        if BROWSER.contains(&name) {
            offences.push(format!(
                "crates/core/Cargo.toml:{}: depends on `{name}`",
                n + 1
            ));
        }
    }
    for file in rust_files(&Path::new(CORE).join("src")) {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for name in BROWSER {
                let path = format!("{}::", name.replace('-', "_"));
                if code.contains(&path) {
                    offences.push(format!(
                        "{}:{}: uses `{path}`; the core stays plain Rust (browser edges live in src/web)",
                        file.strip_prefix(repo()).unwrap_or(&file).display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(offences.is_empty(), "\n{}\n", offences.join("\n"));
}

#[test]
fn the_script_embed_names_every_setting() {
    let script = fs::read_to_string(repo().join("web/sourced-quiz.js")).unwrap();
    let header: String = script
        .lines()
        .take_while(|l| l.starts_with("//"))
        .collect::<Vec<_>>()
        .join(" ");
    let missing: Vec<&str> = sourced_core::config::KEYS
        .into_iter()
        .filter(|key| !header.contains(&format!("data-{key}")))
        .collect();
    assert!(
        missing.is_empty(),
        "web/sourced-quiz.js: its header comment does not name data-{}",
        missing.join(", data-")
    );
}

/// `slice::sort*` where `order` would do: each is compiled again, for its element type and key,
/// into the reader's bundle. `line` is code with its comment cut off.
fn std_sort(line: &str) -> Option<&'static str> {
    const SORTS: [&str; 7] = [
        ".sort(",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_by_cached_key(",
        ".sort_unstable(",
        ".sort_unstable_by(",
        ".sort_unstable_by_key(",
    ];
    SORTS.into_iter().find(|sort| line.contains(sort))
}

#[test]
fn code_the_browser_runs_sorts_through_order() {
    // The core and the root package; not the CLI (native only), and not test modules (at the
    // bottom of a file, after `#[cfg(test)]`).
    let mut files = rust_files(&Path::new(CORE).join("src"));
    files.extend(rust_files(&repo().join("src")));
    let mut offences = Vec::new();
    let root = repo().canonicalize().unwrap();
    for file in files {
        let file = file.canonicalize().unwrap();
        let shown = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        if shown.ends_with("crates/core/src/order.rs") || shown.contains("src/bin/") {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim() == "#[cfg(test)]" {
                break;
            }
            if let Some(sort) = std_sort(line.split("//").next().unwrap_or_default()) {
                offences.push(format!(
                    "{shown}:{}: `{sort}…)`: sort through `sourced_core::order` (one copy of the sort in the bundle)",
                    n + 1
                ));
            }
        }
    }
    assert!(offences.is_empty(), "\n{}\n", offences.join("\n"));
}

/// The checks themselves: a tidy test that cannot fail would keep nothing tidy.
#[test]
fn the_checks_see_what_they_look_for() {
    assert_eq!(
        std_sort("    items.sort_by_key(|i| i.at);"),
        Some(".sort_by_key(")
    );
    assert_eq!(
        std_sort("    crate::order::sort_by_key(&mut items, |i| i.at);"),
        None
    );
    assert_eq!(
        crate_paths("use crate::generate::{Prepared};"),
        ["generate"]
    );
    assert_eq!(
        crate_paths("let x = crate::quiz::Session::new(p, s); // crate::config"),
        ["quiz"]
    );
    assert_eq!(
        crate_paths("use sourced_core::crate_like;"),
        Vec::<String>::new()
    );
    assert_eq!(
        module_of(&Path::new(CORE).join("src/generate/cloze.rs")),
        "generate"
    );
    assert_eq!(module_of(&Path::new(CORE).join("src/table.rs")), "table");
    let layers = layers();
    assert!(layers.len() >= 10, "the layer order reads as {layers:?}");
    assert!(
        layers.iter().position(|l| l == "table") < layers.iter().position(|l| l == "generate"),
        "{layers:?}"
    );
}
