//! Fuzzing the inputs that come from outside: URL and `data-` configuration, class codes, and
//! fact-table files. None of them may make the core panic, and each keeps its promises.
//!
//! Targets (one test each): `fuzz_config_pairs`, `fuzz_url_origin_and_colours`,
//! `fuzz_class_code_any_text`, `fuzz_class_code_near_valid`, `fuzz_class_code_single_typo_never_decodes`,
//! and, with the `toml` feature, `fact_table::fuzz_fact_table_mutated` and
//! `fact_table::fuzz_fact_table_arbitrary_text` (the real `questions/` files, mutated or replaced;
//! the article texts are the real ones). `cargo test --workspace` turns `toml` on for this crate,
//! so the normal test run runs them all; without the feature the fact-table targets are left out.
//!
//! ```text
//! cargo test -p sourced-core --test fuzz --features toml -- --nocapture
//! FUZZ_CASES=1000000 cargo test -p sourced-core --test fuzz --features toml -- --nocapture --exact fuzz_config_pairs
//! FUZZ_SEED=1234 FUZZ_CASES=12000 cargo test -p sourced-core --test fuzz --features toml -- --nocapture fact_table
//! ```
//!
//! - `FUZZ_CASES`: cases per target (default 256, or 48 for the fact-table targets, whose cases each
//!   parse and verify a whole table; about a second in all, so the normal test run stays quick).
//!   Rough rates (dev profile, one core): config pairs 5,000 cases/s, URL origins 30,000/s, class
//!   codes 30,000–70,000/s, fact tables 60–120/s.
//! - `FUZZ_SEED`: a number that makes a run repeatable; without it each run draws a new one, and
//!   every target prints the seed it used.
//!
//! A failure prints the smallest input proptest could shrink it to. A panic in product code is
//! reported the same way (with the panic's message and location on stderr); rerun that input in a
//! plain test with `RUST_BACKTRACE=1` for the backtrace. Coverage-guided (libFuzzer) targets for
//! class codes and configuration are in `fuzz/` at the top of the repository.

use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{
    Config as ProptestConfig, RngAlgorithm, TestError, TestRng, TestRunner,
};
use sourced_core::class_code::{self, ClassCodeError};
use sourced_core::config::LENGTHS;
use sourced_core::config::{self, HostOrigin, KEYS, MAX_COUNT};
use sourced_core::fact::TOPICS;
use sourced_core::{Difficulty, QuestionKind, QuizSpec, Topic};
use std::fmt::Debug;
use std::time::Instant;

// ---------------------------------------------------------------- the runner

/// Cases per target: `FUZZ_CASES`, or the target's default.
fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(default)
}

/// The default for quick targets (parsing a few short strings).
const QUICK: u32 = 256;
/// The default for fact-table targets: each case parses and verifies a whole table (~25 ms).
#[cfg(feature = "toml")]
const SLOW: u32 = 48;

/// Runs `test` on `cases` inputs (`FUZZ_CASES` overrides it) from `strategy`, prints what it did, and fails with the
/// shrunk input if any case fails or panics.
fn fuzz<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: Debug,
{
    let seed: u64 = match std::env::var("FUZZ_SEED") {
        Ok(seed) => seed.trim().parse().expect("FUZZ_SEED is a whole number"),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    };
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..12].copy_from_slice(b"fuzz");
    let cases = self::cases(cases);
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        max_shrink_iters: 20_000,
        ..ProptestConfig::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
    let start = Instant::now();
    let result = runner.run(&strategy, test);
    let elapsed = start.elapsed();
    match result {
        Ok(()) => eprintln!(
            "fuzz {name}: {cases} cases passed in {:.1}s (FUZZ_SEED={seed})",
            elapsed.as_secs_f64()
        ),
        Err(TestError::Fail(why, input)) => panic!(
            "fuzz {name} failed after {:.1}s (FUZZ_SEED={seed}): {why}\nminimal input: {input:#?}",
            elapsed.as_secs_f64()
        ),
        Err(TestError::Abort(why)) => panic!("fuzz {name} aborted (FUZZ_SEED={seed}): {why}"),
    }
}

fn topics(n: usize) -> Vec<Topic> {
    TOPICS
        .iter()
        .map(|t| t.to_string())
        .chain((0..).map(|i| format!("extra-{i}")))
        .take(n)
        .map(Topic)
        .collect()
}

/// The table's topics: usually the real fourteen, sometimes fewer, none, or more than a code can name.
fn topics_strategy() -> impl Strategy<Value = Vec<Topic>> {
    prop_oneof![3 => Just(topics(TOPICS.len())), 1 => (0..=20usize).prop_map(topics)]
}

/// Text that is hard to handle: any unicode, control characters, combining marks, wide and RTL.
fn nasty_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(any::<char>(), 0..max).prop_map(|c| c.into_iter().collect()),
        proptest::string::string_regex(&format!("\\PC{{0,{max}}}")).unwrap(),
        proptest::collection::vec(
            select(vec![
                "\u{0}",
                "\u{7f}",
                "\u{200b}",
                "\u{202e}",
                "\u{feff}",
                "\u{301}",
                "e\u{301}",
                "é",
                "ß",
                "İ",
                "ﬀ",
                "\u{ff10}",
                "\u{ff21}",
                "🇨🇦",
                "👩‍👩‍👧",
                "\r\n",
                "\t",
                " ",
                "\u{a0}",
                "\u{3000}",
                "\u{2028}",
                "%",
                "%00",
                "&",
                "=",
                "#",
                "\"",
                "'",
                "\\",
                "<",
                ">",
            ]),
            0..max.min(8)
        )
        .prop_map(|parts| parts.concat()),
    ]
}

// ---------------------------------------------------------------- class codes

fn spec_strategy() -> impl Strategy<Value = QuizSpec> {
    (
        0..LENGTHS.len(),
        0..4usize,
        proptest::collection::vec(any::<bool>(), TOPICS.len()),
        proptest::collection::vec(any::<bool>(), QuestionKind::ALL.len()),
        any::<u64>(),
    )
        .prop_map(|(count, difficulty, topic_flags, kind_flags, seed)| {
            let all = topics(TOPICS.len());
            let mut spec = QuizSpec::new(0, LENGTHS[count]);
            spec.difficulty = difficulty.checked_sub(1).map(|d| Difficulty::ALL[d]);
            spec.topics = all
                .iter()
                .zip(&topic_flags)
                .filter(|(_, &on)| on)
                .map(|(t, _)| t.clone())
                .collect();
            spec.kinds = QuestionKind::ALL
                .into_iter()
                .zip(kind_flags)
                .filter(|(_, on)| *on)
                .map(|(k, _)| k)
                .collect();
            spec.seed = seed % class_code::seed_limit(&spec, &all);
            spec
        })
}

/// A valid code for the real fourteen topics, as the teacher's page shows it or as typed.
fn code_strategy() -> impl Strategy<Value = String> {
    (spec_strategy(), 0..4u8).prop_map(|(spec, style)| {
        let code = class_code::encode(&spec, &topics(TOPICS.len())).expect("encodable spec");
        match style {
            0 => code,
            1 => class_code::display(&code),
            2 => class_code::display(&code).to_lowercase(),
            _ => format!(" {}-{} ", &code[..4], &code[4..]),
        }
    })
}

/// Characters a person might type into a code box, or paste by mistake.
fn code_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => select(b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ".map(char::from).to_vec()),
        1 => select(b"abcdefghjkmnpqrstuvwxyz".map(char::from).to_vec()),
        1 => select(vec!['0', 'O', 'o', '1', 'I', 'i', 'l', ' ', '-', '\t', '\u{a0}', '\u{3000}', '_', '.', 'é', 'ß', 'İ', '\u{0}', '\u{ff21}', '\u{212a}']),
        1 => any::<char>(),
    ]
}

#[derive(Clone, Debug)]
enum Edit {
    Substitute(Index, char),
    Insert(Index, char),
    Delete(Index),
    SwapAdjacent(Index),
    Swap(Index, Index),
    Lower(Index),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        5 => single_typo_strategy(),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Edit::Swap(i, j)),
    ]
}

/// The typos the check symbol promises to catch (a swap of two symbols apart is not among them).
fn single_typo_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), code_char()).prop_map(|(i, c)| Edit::Substitute(i, c)),
        (any::<Index>(), code_char()).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<Index>().prop_map(Edit::Delete),
        any::<Index>().prop_map(Edit::SwapAdjacent),
        any::<Index>().prop_map(Edit::Lower),
    ]
}

fn apply_edit(chars: &mut Vec<char>, edit: &Edit) {
    let n = chars.len();
    match *edit {
        Edit::Insert(ref i, c) => chars.insert(i.index(n + 1), c),
        _ if n == 0 => {}
        Edit::Substitute(ref i, c) => chars[i.index(n)] = c,
        Edit::Delete(ref i) => {
            chars.remove(i.index(n));
        }
        Edit::SwapAdjacent(ref i) if n >= 2 => chars.swap(i.index(n - 1), i.index(n - 1) + 1),
        Edit::SwapAdjacent(_) => {}
        Edit::Swap(ref i, ref j) => chars.swap(i.index(n), j.index(n)),
        Edit::Lower(ref i) => {
            let at = i.index(n);
            chars[at] = chars[at].to_ascii_lowercase();
        }
    }
}

/// Anything `decode` says must be displayable, and a decoded spec must be one a code can hold.
fn check_decoded(
    result: &Result<QuizSpec, ClassCodeError>,
    topics: &[Topic],
) -> Result<(), TestCaseError> {
    match result {
        Ok(spec) => {
            prop_assert!(LENGTHS.contains(&spec.count), "count {}", spec.count);
            prop_assert!(
                spec.topics.iter().all(|t| topics.contains(t)),
                "{:?}",
                spec.topics
            );
            prop_assert!(spec.seed < 1 << 30, "seed {}", spec.seed);
        }
        Err(error) => prop_assert!(!error.to_string().is_empty()),
    }
    Ok(())
}

#[test]
fn fuzz_class_code_any_text() {
    let text = prop_oneof![
        nasty_text(24),
        proptest::collection::vec(code_char(), 0..14).prop_map(|c| c.into_iter().collect()),
        "[2-9A-HJ-NP-Za-hj-np-z]{8}",
    ];
    fuzz(
        "class_code_any_text",
        QUICK,
        (text, topics_strategy()),
        |(text, topics)| {
            let result = class_code::decode(&text, &topics);
            check_decoded(&result, &topics)?;
            let normalized = class_code::normalize(&text);
            if let Some(normal) = &normalized {
                prop_assert_eq!(normal.chars().count(), class_code::LENGTH);
                let again = class_code::normalize(normal);
                prop_assert_eq!(again.as_ref(), Some(normal));
                let decoded = class_code::decode(normal, &topics);
                prop_assert_eq!(&decoded, &result);
            }
            if result.is_ok() {
                prop_assert!(normalized.is_some(), "a decoded code normalizes");
            }
            let _ = class_code::display(&text);
            Ok(())
        },
    );
}

#[test]
fn fuzz_class_code_near_valid() {
    let input = (
        code_strategy(),
        proptest::collection::vec(edit_strategy(), 0..5),
        topics_strategy(),
    );
    fuzz(
        "class_code_near_valid",
        QUICK,
        input,
        |(code, edits, topics)| {
            let mut chars: Vec<char> = code.chars().collect();
            for edit in &edits {
                apply_edit(&mut chars, edit);
            }
            let typed: String = chars.into_iter().collect();
            let result = class_code::decode(&typed, &topics);
            check_decoded(&result, &topics)?;
            let _ = class_code::normalize(&typed);
            Ok(())
        },
    );
}

/// The promise that matters: one wrong symbol, one missing or extra one, or two neighbours swapped,
/// never gives a quiz (unless the edit changed nothing a code reads, like case or a hyphen).
#[test]
fn fuzz_class_code_single_typo_never_decodes() {
    let input = (code_strategy(), single_typo_strategy());
    fuzz("class_code_single_typo", QUICK, input, |(code, edit)| {
        let all = topics(TOPICS.len());
        let original = class_code::normalize(&code).expect("a valid code normalizes");
        let spec = class_code::decode(&code, &all).expect("a valid code decodes");
        let mut chars: Vec<char> = code.chars().collect();
        apply_edit(&mut chars, &edit);
        let typed: String = chars.into_iter().collect();
        let result = class_code::decode(&typed, &all);
        if class_code::normalize(&typed).as_ref() == Some(&original) {
            prop_assert_eq!(result, Ok(spec), "{} read as {}", typed, original);
        } else {
            prop_assert!(
                result.is_err(),
                "mistyped {:?} as {:?} and got {:?}",
                code,
                typed,
                result
            );
        }
        Ok(())
    });
}

// ---------------------------------------------------------------- URL and data- configuration

const PYM_KEYS: [&str; 4] = ["childId", "initialWidth", "parentTitle", "parentUrl"];

fn key_strategy() -> impl Strategy<Value = String> {
    let known: Vec<&str> = KEYS.iter().chain(&PYM_KEYS).copied().collect();
    prop_oneof![
        6 => select(known).prop_map(String::from),
        1 => select(vec![
            "", " ", "Seed", "COUNT", " count", "count ", "data-count", "code\u{0}", "colour",
            "childid", "topic", "kind", "\u{200b}seed", "ѕeed", "__proto__", "constructor",
        ])
        .prop_map(String::from),
        1 => nasty_text(12),
    ]
}

fn url_strategy() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![
        4 => select(vec!["https", "http", "HTTPS", "Http"]).prop_map(String::from),
        1 => select(vec!["ftp", "javascript", "data", "file", "", "ws", "https ", "htt\u{0}p"]).prop_map(String::from),
        1 => nasty_text(5),
    ];
    let separator = prop_oneof![
        6 => Just("://".to_string()),
        1 => select(vec![":/", "//", ":///", ":", "://://", ":\\\\"]).prop_map(String::from),
    ];
    let userinfo = prop_oneof![5 => Just(String::new()), 1 => "[a-z:]{0,6}@"];
    let host = prop_oneof![
        4 => "[a-zA-Z0-9.-]{0,24}",
        1 => "\\[[0-9a-fA-F:.]{0,14}\\]?",
        1 => select(vec!["localhost", "127.0.0.1", "[::1]", "[]", "[::1", "::1]", "news.example", "xn--bcher-kva.example", "bücher.example", ".example", "-a.example", "a..b"]).prop_map(String::from),
        1 => nasty_text(8),
    ];
    let port = prop_oneof![
        3 => Just(String::new()),
        1 => "[0-9]{0,7}".prop_map(|p| format!(":{p}")),
        1 => select(vec![":80", ":443", ":0", ":65535", ":65536", ":99999", ":+80", ":-1", ":0x50", ": 80", ":８０", "::", ":443:443"]).prop_map(String::from),
        1 => nasty_text(4).prop_map(|p| format!(":{p}")),
    ];
    let tail = prop_oneof![
        3 => Just(String::new()),
        2 => select(vec!["/", "//", "/path", "?", "?x=1", "#", "#frag", "/a/b?c#d", "\\", "/..", "%2F", " /", "/ "]).prop_map(String::from),
        1 => nasty_text(10),
    ];
    (scheme, separator, userinfo, host, port, tail)
        .prop_map(|(s, sep, u, h, p, t)| format!("{s}{sep}{u}{h}{p}{t}"))
}

fn list_strategy() -> impl Strategy<Value = String> {
    let names: Vec<String> = TOPICS
        .iter()
        .map(|t| t.to_string())
        .chain(QuestionKind::ALL.iter().map(|k| k.name().to_string()))
        .chain(["", " ", "all", "AID", "Cloze"].map(String::from))
        .collect();
    let item = prop_oneof![4 => select(names), 1 => nasty_text(6)];
    (
        proptest::collection::vec(item, 0..6),
        select(vec![",", ", ", " ,", ",,", ";", " "]),
    )
        .prop_map(|(items, sep)| items.join(sep))
}

fn value_strategy() -> impl Strategy<Value = String> {
    let known = select(vec![
        "quiz",
        "teacher",
        "worksheet",
        "key",
        "print",
        "source-literacy",
        "source-literacy ",
        "0",
        "1",
        "5",
        "10",
        "50",
        "51",
        "-1",
        "+5",
        "05",
        "5.0",
        "1e3",
        "0x10",
        " 7 ",
        "\u{a0}7",
        "18446744073709551615",
        "18446744073709551616",
        "340282366920938463463374607431768211456",
        "easy",
        "medium",
        "hard",
        "Hard",
        "dark",
        "light",
        "auto",
        "DARK",
        "#C05",
        "#0b57d0",
        "#12345",
        "#ggg",
        "#",
        "##fff",
        "#fff ",
        " #fff",
        "rgb(0,0,0)",
        "red",
        "on",
        "off",
        "yes",
        "no",
        "true",
        "false",
        "TRUE",
        "ＯＮ",
        "",
        " ",
        "*",
        "**",
        " * ",
        "https://news.example",
        "https://News.Example:443/",
        "http://[::1]:8080/",
        "https://news.example/path",
        "https://user@news.example",
        "javascript://x",
        "aid, visit",
        "cloze",
        "quiz-1",
        "xPYMx",
        "a xPYMx b",
    ])
    .prop_map(String::from);
    let number = prop_oneof![
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i128>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        "[ \t]{0,2}[+-]?[0-9]{0,45}[ \t\n]{0,2}",
    ];
    let colour = "[# ]{0,2}[0-9a-fA-Fg-zG-Z\u{ff10}-\u{ff19}\u{ff21}-\u{ff26}]{0,8}";
    let code = prop_oneof![
        code_strategy(),
        (
            code_strategy(),
            proptest::collection::vec(edit_strategy(), 1..4)
        )
            .prop_map(|(code, edits)| {
                let mut chars: Vec<char> = code.chars().collect();
                for edit in &edits {
                    apply_edit(&mut chars, edit);
                }
                chars.into_iter().collect()
            }),
    ];
    let long = (
        select(vec!["a", "1", "é", "xPYMx", "https://a.example/"]),
        90..300usize,
    )
        .prop_map(|(s, n)| s.repeat(n));
    prop_oneof![
        4 => known,
        2 => nasty_text(40),
        2 => number,
        1 => colour,
        2 => url_strategy(),
        1 => list_strategy(),
        2 => code,
        1 => long,
    ]
}

/// Pairs weighted towards the keys that set the quiz's look and its host, and every key with any value.
fn pairs_strategy() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::vec((key_strategy(), value_strategy()), 0..16)
}

fn is_hex_colour(value: &str) -> bool {
    value.len() == 7
        && value.starts_with('#')
        && value[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `scheme://host[:port]` as `url_origin` promises it: http(s), lower case, no user, path, query or fragment.
fn check_origin(origin: &str) -> Result<(), TestCaseError> {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    prop_assert!(rest.is_some(), "origin {:?} is not http(s)", origin);
    let rest = rest.unwrap_or_default();
    prop_assert!(!rest.is_empty(), "origin {:?} has no host", origin);
    prop_assert!(
        !rest.contains(['/', '?', '#', '@', '\\']) && !rest.chars().any(char::is_whitespace),
        "origin {:?} has more than scheme, host and port",
        origin
    );
    prop_assert!(
        rest.is_ascii() && rest == rest.to_ascii_lowercase(),
        "origin {:?}",
        origin
    );
    let again = config::url_origin(origin);
    prop_assert_eq!(
        again.as_deref(),
        Some(origin),
        "an origin is its own origin"
    );
    Ok(())
}

#[test]
fn fuzz_config_pairs() {
    fuzz(
        "config_pairs",
        QUICK,
        (pairs_strategy(), topics_strategy()),
        |(pairs, topics)| {
            let (config, errors, unknown) = config::parse_config(
                pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                &topics,
                26,
            );
            let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
            for error in &errors {
                prop_assert!(
                    keys.contains(&error.key.as_str()),
                    "error for a key not given: {:?}",
                    error
                );
                let plain = error.to_string();
                prop_assert!(
                    plain.starts_with(&format!("`{}=", error.key))
                        && plain.contains(&format!(": {} expects ", error.key)),
                    "{:?} does not name its key {:?}",
                    plain,
                    error.key
                );
                let data = error.message("data-");
                prop_assert!(
                    data.starts_with(&format!("`data-{}=", error.key))
                        && data.contains(&format!(": data-{} expects ", error.key)),
                    "{:?} does not name its key {:?}",
                    data,
                    error.key
                );
                prop_assert!(
                    !error.allowed.is_empty(),
                    "{:?} says nothing of what is allowed",
                    error
                );
            }
            for key in &unknown {
                prop_assert!(
                    keys.contains(&key.as_str()),
                    "unknown key not given: {:?}",
                    key
                );
                prop_assert!(
                    !KEYS.contains(&key.as_str()) && !PYM_KEYS.contains(&key.as_str()),
                    "known key {:?} called unknown",
                    key
                );
            }
            if let Some(count) = config.count {
                prop_assert!((1..=MAX_COUNT).contains(&count), "count {}", count);
            }
            if let Some(accent) = &config.accent {
                prop_assert!(is_hex_colour(accent), "accent {:?}", accent);
                prop_assert!(["#ffffff", "#000000"].contains(&config::text_on(accent)));
            }
            if let Some(HostOrigin::Exact(origin)) = &config.host {
                check_origin(origin)?;
            }
            if let Some(pym) = &config.pym {
                prop_assert!(
                    !pym.id.is_empty() && pym.id.len() <= 100 && !pym.id.contains("xPYMx"),
                    "{:?}",
                    pym
                );
                if let Some(origin) = &pym.parent_origin {
                    check_origin(origin)?;
                }
            }
            prop_assert!(
                config.topics.iter().all(|t| topics.contains(t)),
                "{:?}",
                config.topics
            );
            if let Some(code) = &config.class_code {
                // The code stands for exactly the quiz the page will show.
                let spec = class_code::decode(code, &topics);
                prop_assert!(
                    spec.is_ok(),
                    "kept class code {:?} does not decode: {:?}",
                    code,
                    spec
                );
                prop_assert_eq!(spec.ok(), Some(config.spec(u64::MAX)));
            }
            let _ = config.storage_scope();
            let spec = config.spec(7);
            prop_assert!(spec.count >= 1 && spec.count <= MAX_COUNT);
            Ok(())
        },
    );
}

#[test]
fn fuzz_url_origin_and_colours() {
    let text = prop_oneof![3 => url_strategy(), 1 => nasty_text(40), 1 => value_strategy()];
    fuzz("url_origin", QUICK, text, |text| {
        if let Some(origin) = config::url_origin(&text) {
            check_origin(&origin)?;
        }
        if let Some(colour) = config::hex_colour(&text) {
            prop_assert!(is_hex_colour(&colour), "{:?} from {:?}", colour, text);
        }
        let _ = config::text_on(&text);
        // As a host: an exact origin accepted from a value never has a path after it.
        let (config, errors, _) = config::parse_config([("host", text.as_str())], &[], 0);
        match &config.host {
            Some(HostOrigin::Exact(origin)) => {
                check_origin(origin)?;
                prop_assert!(errors.is_empty());
            }
            Some(HostOrigin::Any) => prop_assert_eq!(text.trim(), "*"),
            None => prop_assert_eq!(errors.len(), 1),
        }
        Ok(())
    });
}

// ---------------------------------------------------------------- fact-table files

#[cfg(feature = "toml")]
mod fact_table {
    use super::*;
    use sourced_core::load::{load_and_verify, FACTS_FILE, SOURCES_FILE};
    use sourced_core::Problem;
    use std::collections::HashMap;
    use std::sync::OnceLock;

    const SOURCES: &str = include_str!("../../../questions/sources.toml");
    const FACTS: &str = include_str!("../../../questions/facts.toml");

    /// The article texts, as `sources/<name>` (the paths sources.toml uses), read once.
    fn articles() -> &'static HashMap<String, String> {
        static ARTICLES: OnceLock<HashMap<String, String>> = OnceLock::new();
        ARTICLES.get_or_init(|| {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../questions/sources");
            std::fs::read_dir(dir)
                .expect("questions/sources")
                .map(|entry| {
                    let path = entry.expect("an entry").path();
                    let name = format!("sources/{}", path.file_name().unwrap().to_string_lossy());
                    (name, std::fs::read_to_string(&path).expect("an article"))
                })
                .collect()
        })
    }

    fn check(sources: &str, facts: &str) -> Vec<Problem> {
        let read = |path: &str| match path {
            SOURCES_FILE => Ok(sources.to_string()),
            FACTS_FILE => Ok(facts.to_string()),
            other => articles()
                .get(other)
                .cloned()
                .ok_or_else(|| "No such file or directory".to_string()),
        };
        load_and_verify(&read).1
    }

    #[derive(Clone, Debug)]
    enum Mutation {
        DeleteLine(Index),
        DuplicateLine(Index),
        SwapLines(Index, Index),
        ReplaceChar(Index, char),
        Insert(Index, String),
        DeleteRange(Index, usize),
        Truncate(Index),
        ChangeNumber(Index, String),
        ReplaceString(Index, String),
        DeleteBlock(Index),
        DuplicateBlock(Index),
        SwapBlocks(Index, Index),
    }

    fn snippet() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => select(vec![
                "\"", "'", "[", "]", "[[", "]]", "{", "}", "=", ",", "#", "\n", "\r", "\r\n", "\\",
                "\\u", "\\uD800", "\\U0010FFFF", "\\U00110000", "\"\"\"", "'''", "\n[[fact]]\n",
                "\n[[source]]\n", "\n[[fact.versions]]\n", "id = \"x\"\n", "answer = 5\n",
                "{answer}", " = ", "inf", "nan", "1979-05-27T07:32:00Z", "true", "[]", "{}",
                "\u{0}", "\u{feff}", "\u{202e}", "\u{200b}", "e\u{301}", "é", "🇨🇦", "İ", "ﬀ",
            ])
            .prop_map(String::from),
            1 => super::nasty_text(6),
        ]
    }

    fn number() -> impl Strategy<Value = String> {
        prop_oneof![
            select(vec![
                "0",
                "-1",
                "+1",
                "00",
                "1_000",
                "1__0",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775808",
                "18446744073709551616",
                "4294967296",
                "1e400",
                "1.5",
                "-0.0",
                "0x1F",
                "0o7",
                "0b1",
                "nan",
                "inf",
                "13",
                "32",
                "2025-02-30",
                "9999-99-99",
                "",
            ])
            .prop_map(String::from),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<u64>().prop_map(|n| n.to_string()),
            "[0-9]{1,30}",
        ]
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        prop_oneof![
            2 => any::<Index>().prop_map(Mutation::DeleteLine),
            2 => any::<Index>().prop_map(Mutation::DuplicateLine),
            1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
            2 => (any::<Index>(), prop_oneof![any::<char>(), select(vec!['"', '[', ']', '=', '{', '}', '\n', '#', ',', '\\', 'x', '0', ' '])])
                .prop_map(|(i, c)| Mutation::ReplaceChar(i, c)),
            2 => (any::<Index>(), snippet()).prop_map(|(i, s)| Mutation::Insert(i, s)),
            1 => (any::<Index>(), 1..400usize).prop_map(|(i, n)| Mutation::DeleteRange(i, n)),
            1 => any::<Index>().prop_map(Mutation::Truncate),
            3 => (any::<Index>(), number()).prop_map(|(i, n)| Mutation::ChangeNumber(i, n)),
            3 => replace_string(),
            1 => any::<Index>().prop_map(Mutation::DeleteBlock),
            1 => any::<Index>().prop_map(Mutation::DuplicateBlock),
        ]
    }

    /// Edits that keep the file valid TOML, so that the schema and the verifier get to see them.
    fn semantic_mutation() -> impl Strategy<Value = Mutation> {
        let digits = prop_oneof![
            select(vec![
                "0",
                "1",
                "5",
                "13",
                "32",
                "2024",
                "2026",
                "9999",
                "4294967296",
                "18446744073709551615"
            ])
            .prop_map(String::from),
            "[1-9][0-9]{0,12}",
        ];
        prop_oneof![
            3 => (any::<Index>(), digits).prop_map(|(i, n)| Mutation::ChangeNumber(i, n)),
            4 => replace_string(),
            1 => any::<Index>().prop_map(Mutation::DeleteBlock),
            1 => any::<Index>().prop_map(Mutation::DuplicateBlock),
            1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapBlocks(a, b)),
        ]
    }

    fn replace_string() -> impl Strategy<Value = Mutation> {
        (
            any::<Index>(),
            prop_oneof![
                select(vec![
                    "",
                    " ",
                    "{answer}",
                    "{answer} {answer}",
                    "kyiv-report",
                    "cbc-aggregator",
                    "wire-brief",
                    "no-such-source",
                    "visit",
                    "aid",
                    "money",
                    "date",
                    "count",
                    "term",
                    "person",
                    "speaker",
                    "source_error",
                    "place",
                    "CAD",
                    "USD",
                    "unstated",
                    "over",
                    "sources/none.txt",
                    "../facts.toml",
                    "sources.toml",
                    "visit-date",
                    "original",
                    "translation",
                    "rewrite",
                    "August 24",
                    "$500 million",
                    "2025-02-30",
                    "2025",
                    "2025-08",
                    "24 August 2025",
                    "Visit-Date",
                    "a b",
                ])
                .prop_map(String::from),
                super::nasty_text(12),
            ],
        )
            .prop_map(|(i, s)| Mutation::ReplaceString(i, s))
    }

    /// Byte offsets of the char boundaries of `text`, and its length.
    fn boundaries(text: &str) -> Vec<usize> {
        text.char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect()
    }

    fn mutate(text: &str, mutation: &Mutation) -> String {
        let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
        let boundary = |i: &Index| {
            let b = boundaries(text);
            b[i.index(b.len())]
        };
        match mutation {
            Mutation::DeleteLine(i) if !lines.is_empty() => {
                lines.remove(i.index(lines.len()));
                lines.concat()
            }
            Mutation::DuplicateLine(i) if !lines.is_empty() => {
                let n = i.index(lines.len());
                lines.insert(n, lines[n]);
                lines.concat()
            }
            Mutation::SwapLines(a, b) if !lines.is_empty() => {
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
                lines.concat()
            }
            Mutation::DeleteLine(_) | Mutation::DuplicateLine(_) | Mutation::SwapLines(..) => {
                text.to_string()
            }
            Mutation::DeleteBlock(i) | Mutation::DuplicateBlock(i) | Mutation::SwapBlocks(i, _) => {
                // A block is a `[[…]]` header and the lines up to the next one.
                let mut blocks: Vec<String> = Vec::new();
                for line in &lines {
                    if line.starts_with("[[") || blocks.is_empty() {
                        blocks.push(String::new());
                    }
                    blocks.last_mut().unwrap().push_str(line);
                }
                if blocks.len() < 2 {
                    return text.to_string();
                }
                // Block 0 is the preamble (comments), left in place.
                let count = blocks.len() - 1;
                let n = 1 + i.index(count);
                match mutation {
                    Mutation::DeleteBlock(_) => {
                        blocks.remove(n);
                    }
                    Mutation::DuplicateBlock(_) => blocks.insert(n, blocks[n].clone()),
                    Mutation::SwapBlocks(_, j) => blocks.swap(n, 1 + j.index(count)),
                    _ => unreachable!(),
                }
                blocks.concat()
            }
            Mutation::ReplaceChar(i, c) => {
                let mut chars: Vec<char> = text.chars().collect();
                if !chars.is_empty() {
                    let n = i.index(chars.len());
                    chars[n] = *c;
                }
                chars.into_iter().collect()
            }
            Mutation::Insert(i, s) => {
                let n = boundary(i);
                format!("{}{s}{}", &text[..n], &text[n..])
            }
            Mutation::DeleteRange(i, len) => {
                let start = boundary(i);
                let end = boundaries(text)
                    .into_iter()
                    .find(|&b| b >= start + len)
                    .unwrap_or(text.len());
                format!("{}{}", &text[..start], &text[end..])
            }
            Mutation::Truncate(i) => text[..boundary(i)].to_string(),
            Mutation::ChangeNumber(i, n) => {
                let runs = runs(text, |c| c.is_ascii_digit());
                match runs.get(i.index(runs.len().max(1))) {
                    Some(&(start, end)) if !runs.is_empty() => {
                        format!("{}{n}{}", &text[..start], &text[end..])
                    }
                    _ => text.to_string(),
                }
            }
            Mutation::ReplaceString(i, s) => {
                // The contents of one "…" string (escape-free, on one line), replaced as TOML would spell it.
                let strings = quoted(text);
                if strings.is_empty() {
                    return text.to_string();
                }
                let (start, end) = strings[i.index(strings.len())];
                let escaped: String = s
                    .chars()
                    .flat_map(|c| match c {
                        '"' => "\\\"".chars().collect::<Vec<_>>(),
                        '\\' => "\\\\".chars().collect(),
                        '\n' => "\\n".chars().collect(),
                        c if c.is_control() => {
                            format!("\\u{:04X}", c as u32 & 0xffff).chars().collect()
                        }
                        c => vec![c],
                    })
                    .collect();
                format!("{}{escaped}{}", &text[..start], &text[end..])
            }
        }
    }

    /// Byte ranges of maximal runs of characters for which `keep` holds.
    fn runs(text: &str, keep: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), '\0')]) {
            match (keep(c) && i < text.len(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    runs.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        runs
    }

    /// Byte ranges of the contents of simple `"…"` strings.
    fn quoted(text: &str) -> Vec<(usize, usize)> {
        let mut ranges = Vec::new();
        for (offset, line) in text.split_inclusive('\n').scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        }) {
            let mut open = None;
            let mut escaped = false;
            for (i, c) in line.char_indices() {
                match (c, open) {
                    ('\\', Some(_)) => escaped = !escaped,
                    ('"', None) => open = Some(i + 1),
                    ('"', Some(s)) if !escaped => {
                        ranges.push((offset + s, offset + i));
                        open = None;
                    }
                    _ => escaped = false,
                }
            }
        }
        ranges
    }

    /// Problems name a file of the table and a line in it.
    fn check_problems(
        sources: &str,
        facts: &str,
        problems: &[Problem],
    ) -> Result<(), TestCaseError> {
        for problem in problems {
            let text = match problem.location.file.as_str() {
                SOURCES_FILE => sources,
                FACTS_FILE => facts,
                other => {
                    return Err(TestCaseError::fail(format!(
                        "problem in unknown file {other:?}: {problem}"
                    )))
                }
            };
            let lines = text.matches('\n').count() as u32 + 1;
            prop_assert!(
                (1..=lines).contains(&problem.location.line),
                "problem without a line in its file ({} lines): {}",
                lines,
                problem
            );
            prop_assert!(!problem.message.is_empty() && !problem.to_string().is_empty());
        }
        Ok(())
    }

    #[test]
    fn the_real_table_has_no_problems() {
        let problems = check(SOURCES, FACTS);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[derive(Clone, Copy, Debug)]
    enum Which {
        Sources,
        Facts,
        Both,
    }

    #[test]
    fn fuzz_fact_table_mutated() {
        let which = prop_oneof![
            1 => Just(Which::Sources),
            3 => Just(Which::Facts),
            1 => Just(Which::Both),
        ];
        let mutations = prop_oneof![
            (
                proptest::collection::vec(mutation(), 1..6),
                proptest::collection::vec(mutation(), 1..6),
            ),
            (
                proptest::collection::vec(semantic_mutation(), 1..6),
                proptest::collection::vec(semantic_mutation(), 1..6),
            ),
        ];
        fuzz(
            "fact_table_mutated",
            SLOW,
            (which, mutations),
            |(which, (for_sources, for_facts))| {
                let mut sources = SOURCES.to_string();
                let mut facts = FACTS.to_string();
                if matches!(which, Which::Sources | Which::Both) {
                    for m in &for_sources {
                        sources = mutate(&sources, m);
                    }
                }
                if matches!(which, Which::Facts | Which::Both) {
                    for m in &for_facts {
                        facts = mutate(&facts, m);
                    }
                }
                let problems = check(&sources, &facts);
                check_problems(&sources, &facts, &problems)?;
                if sources == SOURCES && facts == FACTS {
                    prop_assert!(problems.is_empty());
                }
                Ok(())
            },
        );
    }

    #[test]
    fn fuzz_fact_table_arbitrary_text() {
        // Whole files of arbitrary text, or TOML-shaped noise, in place of one or both files.
        let noise = prop_oneof![
            2 => super::nasty_text(200),
            2 => proptest::collection::vec(snippet(), 0..60).prop_map(|parts| parts.concat()),
            1 => proptest::collection::vec(
                (select(vec!["[[fact]]", "[[source]]", "[[fact.versions]]", "[fact]", "id", "topic", "kind", "ask", "claim", "answer", "evidence", "source", "quote", "file", "headline", "outlet", "money", "date", "count", "currency"]), snippet(), number()),
                0..30,
            )
            .prop_map(|parts| parts.into_iter().map(|(k, s, n)| format!("{k} = \"{s}\" {n}\n")).collect()),
        ];
        let which = prop_oneof![Just(Which::Sources), Just(Which::Facts), Just(Which::Both)];
        fuzz(
            "fact_table_arbitrary",
            SLOW,
            (which, noise.clone(), noise),
            |(which, a, b)| {
                let (sources, facts) = match which {
                    Which::Sources => (a.as_str(), FACTS),
                    Which::Facts => (SOURCES, a.as_str()),
                    Which::Both => (a.as_str(), b.as_str()),
                };
                let problems = check(sources, facts);
                check_problems(sources, facts, &problems)?;
                Ok(())
            },
        );
    }
}
