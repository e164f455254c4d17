//! Widget configuration from URL parameters or `data-` attributes: parsed and checked, every bad value reported.

mod colour;
mod origin;

use crate::fact::Topic;
use crate::question::{Difficulty, QuestionKind};
use crate::spec::{join_query, query_pairs, QuizSpec, SpecFields};
use origin::host_origin;
use std::fmt;

pub use crate::spec::{DEFAULT_COUNT, LENGTHS, MAX_COUNT};
pub use colour::{hex_colour, text_on};
pub use origin::{url_origin, wordpress_secret, HostOrigin, PymChild};

/// Every key a page may set, in the order the README documents them.
pub const KEYS: [&str; 15] = [
    "view",
    "code",
    "preset",
    "passage",
    "seed",
    "count",
    "topics",
    "kinds",
    "difficulty",
    "theme",
    "accent",
    "persist",
    "autostart",
    "classroom",
    "host",
];

/// Keys the pym.js loader adds to an iframe's URL (`childId` is read; the rest are known, not used).
const PYM_KEYS: [&str; 4] = ["childId", "initialWidth", "parentTitle", "parentUrl"];

/// What a page asked for. Unset fields keep the start screen's defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub seed: Option<u64>,
    pub count: Option<usize>,
    pub topics: Vec<Topic>,
    pub kinds: Vec<QuestionKind>,
    pub difficulty: Option<Difficulty>,
    /// A reading quiz's passage, 0-based (pages write it 1-based, as the teacher's page lists them).
    pub passage: Option<usize>,
    pub theme: Theme,
    /// The accent colour as `#rrggbb`, lower case.
    pub accent: Option<String>,
    /// Whether progress is kept in the browser's storage (on by default).
    pub persist: bool,
    pub autostart: bool,
    /// Whether the start screen offers class use (the class-code entry and the teacher's link);
    /// `None` leaves it to the page: on for the stand-alone page, off in a frame or a script embed.
    pub classroom: Option<bool>,
    /// Where host events are posted; `None` posts none.
    pub host: Option<HostOrigin>,
    /// Set when the pym.js loader framed the widget: its child id and the parent page's origin.
    pub pym: Option<PymChild>,
    /// Which screen the page shows: the quiz, the teacher's setup, or a printable sheet.
    pub view: View,
    /// The class code the quiz came from (as typed, normalized); it set seed, count and filters.
    pub class_code: Option<String>,
}

/// What a page shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The quiz: start screen, questions, summary.
    #[default]
    Quiz,
    /// The teacher's setup: choices, the class code, links to the sheets.
    Teacher,
    /// A printable worksheet: questions only, with room for answers.
    Worksheet,
    /// A printable answer key: answers, explanations, quotes and sources.
    AnswerKey,
}

impl View {
    pub const ALL: [View; 4] = [View::Quiz, View::Teacher, View::Worksheet, View::AnswerKey];

    pub fn name(self) -> &'static str {
        match self {
            View::Quiz => "quiz",
            View::Teacher => "teacher",
            View::Worksheet => "worksheet",
            View::AnswerKey => "key",
        }
    }
}

/// Named settings for a purpose.
pub const PRESETS: [(&str, &str); 1] = [(
    "source-literacy",
    "source checks only: what independent reports confirm, where they disagree, what a copy got wrong",
)];

impl Default for Config {
    fn default() -> Config {
        Config {
            seed: None,
            count: None,
            topics: Vec::new(),
            kinds: Vec::new(),
            difficulty: None,
            passage: None,
            theme: Theme::Auto,
            accent: None,
            persist: true,
            autostart: false,
            classroom: None,
            host: None,
            pym: None,
            view: View::Quiz,
            class_code: None,
        }
    }
}

/// The colour scheme: follow the reader's system setting, or force one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The name pages write (`theme=dark`).
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A configuration value that could not be used, naming the key and what it accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub key: String,
    pub value: String,
    pub allowed: String,
}

impl ConfigError {
    /// The message for a page that spells its keys with `prefix` (`data-` for attributes).
    pub fn message(&self, prefix: &str) -> String {
        format!(
            "`{prefix}{}={}` is not valid: {prefix}{} expects {}",
            self.key, self.value, self.key, self.allowed
        )
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(""))
    }
}

/// Parses `key=value` pairs (URL query or `data-` attributes) against the table's topics and its
/// number of reading passages.
///
/// Returns what could be used, every invalid value, and the unknown keys.
pub fn parse_config<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    topics: &[Topic],
    passages: usize,
) -> (Config, Vec<ConfigError>, Vec<String>) {
    let mut config = Config::default();
    let mut errors = Vec::new();
    let mut unknown = Vec::new();
    // Keys that choose the questions: a class code must not be mixed with them.
    let mut quiz_keys = Vec::new();
    for (key, value) in pairs {
        if matches!(
            key,
            "seed" | "count" | "topics" | "kinds" | "difficulty" | "preset" | "passage"
        ) {
            quiz_keys.push(key);
        }
        let mut fail = |allowed: String| {
            errors.push(ConfigError {
                key: key.to_string(),
                value: value.to_string(),
                allowed,
            })
        };
        match key {
            "seed" => match value.trim().parse::<u64>() {
                Ok(seed) => config.seed = Some(seed),
                Err(_) => fail(format!("a whole number from 0 to {}", u64::MAX)),
            },
            "count" => match value.trim().parse::<usize>() {
                Ok(count) if (1..=MAX_COUNT).contains(&count) => config.count = Some(count),
                _ => fail(format!("a number of questions from 1 to {MAX_COUNT}")),
            },
            "topics" => {
                for name in list(value) {
                    match topics.iter().find(|t| t.0 == name) {
                        Some(topic) if config.topics.contains(topic) => {}
                        Some(topic) => config.topics.push(topic.clone()),
                        None => fail(format!(
                            "topics from: {}",
                            topics
                                .iter()
                                .map(|t| t.0.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    }
                }
            }
            "kinds" => {
                for name in list(value) {
                    match QuestionKind::from_name(name) {
                        Some(kind) if config.kinds.contains(&kind) => {}
                        Some(kind) => config.kinds.push(kind),
                        None => fail(format!(
                            "kinds from: {}",
                            QuestionKind::ALL
                                .iter()
                                .map(|k| k.name())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    }
                }
            }
            "difficulty" => match Difficulty::from_name(value.trim()) {
                Some(difficulty) => config.difficulty = Some(difficulty),
                None => fail("easy, medium or hard".into()),
            },
            "code" => match crate::class_code::decode(value, topics) {
                Ok(spec) => {
                    config.class_code = crate::class_code::normalize(value);
                    config.seed = Some(spec.seed);
                    config.count = Some(spec.count);
                    config.topics = spec.topics;
                    config.kinds = spec.kinds;
                    config.difficulty = spec.difficulty;
                }
                Err(error) => fail(format!("a class code from your teacher ({error})")),
            },
            "passage" => match value.trim().parse::<usize>() {
                Ok(n) if (1..=passages).contains(&n) => config.passage = Some(n - 1),
                _ if passages == 0 => {
                    fail("nothing: this quiz's articles have no passage to read".into())
                }
                _ => fail(format!("a passage number from 1 to {passages}")),
            },
            "view" => match View::ALL.into_iter().find(|v| v.name() == value.trim()) {
                Some(view) => config.view = view,
                None => fail("quiz, teacher, worksheet or key".into()),
            },
            "preset" => match value.trim() {
                "source-literacy" => config.kinds = vec![QuestionKind::SourceCheck],
                _ => fail(format!(
                    "a preset: {}",
                    PRESETS
                        .map(|(name, what)| format!("{name} ({what})"))
                        .join("; ")
                )),
            },
            "theme" => match Theme::ALL.into_iter().find(|t| t.name() == value.trim()) {
                Some(theme) => config.theme = theme,
                None => fail("light, dark or auto".into()),
            },
            "accent" => match hex_colour(value) {
                Some(colour) => config.accent = Some(colour),
                None => fail("a colour as #rgb or #rrggbb, e.g. #0b57d0".into()),
            },
            "persist" => match switch(value) {
                Some(on) => config.persist = on,
                None => fail("on or off".into()),
            },
            "autostart" => match switch(value) {
                Some(on) => config.autostart = on,
                None => fail("true or false".into()),
            },
            "classroom" => match switch(value) {
                Some(on) => config.classroom = Some(on),
                None => fail("on or off".into()),
            },
            "host" => match host_origin(value) {
                Some(host) => config.host = Some(host),
                None => fail(
                    "an origin such as https://news.example (scheme, host and port only), or *"
                        .into(),
                ),
            },
            "childId" => match value.trim() {
                id if !id.is_empty() && id.len() <= 100 && !id.contains("xPYMx") => {
                    let parent_origin = config.pym.take().and_then(|p| p.parent_origin);
                    config.pym = Some(PymChild {
                        id: id.to_string(),
                        parent_origin,
                    });
                }
                _ => fail("the id pym.js gives its child frame".into()),
            },
            "parentUrl" => {
                // pym.js passes the parent page's address; only its origin is kept, to post to.
                let origin = url_origin(value);
                match config.pym.as_mut() {
                    Some(pym) => pym.parent_origin = origin,
                    None => {
                        config.pym = Some(PymChild {
                            id: String::new(),
                            parent_origin: origin,
                        })
                    }
                }
            }
            key if PYM_KEYS.contains(&key) => {}
            other => unknown.push(other.to_string()),
        }
    }
    if config.class_code.is_some() && !quiz_keys.is_empty() {
        errors.push(ConfigError {
            key: "code".into(),
            value: config.class_code.take().unwrap_or_default(),
            allowed: format!(
                "to choose the questions alone: leave out {}",
                quiz_keys.join(", ")
            ),
        });
    }
    // A reading quiz asks what its passage holds: topics, a preset or other kinds would contradict it.
    if let Some(passage) = config.passage {
        let mut clashes: Vec<&str> = quiz_keys
            .iter()
            .copied()
            .filter(|k| matches!(*k, "topics" | "preset"))
            .collect();
        if !quiz_keys.contains(&"preset")
            && config
                .kinds
                .iter()
                .any(|k| !crate::reading::KINDS.contains(k))
        {
            clashes.push("kinds other than multiple_choice, cloze and who_said");
        }
        if !clashes.is_empty() {
            config.passage = None;
            errors.push(ConfigError {
                key: "passage".into(),
                value: (passage + 1).to_string(),
                allowed: format!(
                    "to choose the questions from its text: leave out {}",
                    clashes.join(", ")
                ),
            });
        }
    }
    // A parentUrl without a childId is not a pym.js frame.
    config.pym = config.pym.filter(|pym| !pym.id.is_empty());
    (config, errors, unknown)
}

/// The items of a comma-separated list, trimmed, empty ones skipped.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// On or off, in the spellings pages use (`1`, `true`, `on`, `yes`; an empty value means on).
fn switch(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "on" | "yes" => Some(true),
        "0" | "false" | "off" | "no" => Some(false),
        _ => None,
    }
}

impl Config {
    /// The quiz this configuration asks for, with `fallback_seed` when it names none.
    pub fn spec(&self, fallback_seed: u64) -> QuizSpec {
        QuizSpec {
            seed: self.seed.unwrap_or(fallback_seed),
            count: self.count.unwrap_or(DEFAULT_COUNT),
            topics: self.topics.clone(),
            kinds: self.kinds.clone(),
            difficulty: self.difficulty,
            passage: self.passage,
        }
    }
}

impl Config {
    /// Names the saved progress of widgets configured like this one, so that two different widgets
    /// on one page (or one site) never overwrite each other's progress. Empty for an unconfigured page.
    pub fn storage_scope(&self) -> String {
        join_query(&query_pairs(&SpecFields {
            seed: self.seed,
            count: self.count,
            topics: &self.topics,
            kinds: &self.kinds,
            difficulty: self.difficulty,
            passage: self.passage,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSAGES: usize = 3;

    fn topics() -> Vec<Topic> {
        vec![Topic("aid".into()), Topic("visit".into())]
    }

    #[test]
    fn good_values_are_read() {
        let (config, errors, unknown) = parse_config(
            [
                ("seed", "42"),
                ("count", "5"),
                ("topics", "aid, visit"),
                ("kinds", "cloze"),
                ("difficulty", "hard"),
                ("autostart", "1"),
                ("classroom", "off"),
            ],
            &topics(),
            PASSAGES,
        );
        assert!(
            errors.is_empty() && unknown.is_empty(),
            "{errors:?} {unknown:?}"
        );
        assert_eq!(config.classroom, Some(false));
        assert_eq!(config.seed, Some(42));
        assert_eq!(config.count, Some(5));
        assert_eq!(config.topics.len(), 2);
        assert_eq!(config.kinds, [QuestionKind::Cloze]);
        assert_eq!(config.difficulty, Some(Difficulty::Hard));
        assert!(config.autostart);
    }

    #[test]
    fn bad_values_name_the_key_and_what_it_allows() {
        let (config, errors, unknown) = parse_config(
            [
                ("count", "0"),
                ("difficulty", "extreme"),
                ("colour", "red"),
                ("seed", "-1"),
            ],
            &topics(),
            PASSAGES,
        );
        assert_eq!(config, Config::default());
        assert_eq!(unknown, ["colour"]);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages[0],
            "`count=0` is not valid: count expects a number of questions from 1 to 50"
        );
        assert_eq!(
            messages[1],
            "`difficulty=extreme` is not valid: difficulty expects easy, medium or hard"
        );
        assert!(messages[2].starts_with("`seed=-1` is not valid: seed expects a whole number"));
    }

    #[test]
    fn embedding_keys_are_read() {
        let (config, errors, unknown) = parse_config(
            [
                ("theme", "dark"),
                ("accent", "#C05"),
                ("persist", "off"),
                ("host", "https://News.Example:443/"),
            ],
            &topics(),
            PASSAGES,
        );
        assert!(
            errors.is_empty() && unknown.is_empty(),
            "{errors:?} {unknown:?}"
        );
        assert_eq!(config.theme, Theme::Dark);
        assert_eq!(config.accent.as_deref(), Some("#cc0055"));
        assert!(!config.persist);
        assert_eq!(
            config.host,
            Some(HostOrigin::Exact("https://news.example".into()))
        );
        let (config, _, _) = parse_config([("host", "*")], &topics(), PASSAGES);
        assert_eq!(config.host, Some(HostOrigin::Any));
        assert!(
            Config::default().persist,
            "progress is kept unless a page turns it off"
        );
    }

    #[test]
    fn bad_embedding_values_name_the_key_and_what_it_allows() {
        let (config, errors, _) = parse_config(
            [
                ("theme", "blue"),
                ("accent", "red"),
                ("accent", "#12345"),
                ("accent", "url(x)"),
                ("persist", "maybe"),
                ("host", "news.example"),
                ("host", "https://news.example/path"),
                ("host", "javascript://x"),
                ("host", "https://user@news.example"),
            ],
            &topics(),
            PASSAGES,
        );
        assert_eq!(config, Config::default(), "no bad value is half-used");
        let keys: Vec<&str> = errors.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            ["theme", "accent", "accent", "accent", "persist", "host", "host", "host", "host"]
        );
        assert_eq!(
            errors[0].to_string(),
            "`theme=blue` is not valid: theme expects light, dark or auto"
        );
        assert!(errors[1].to_string().contains("#rgb or #rrggbb"));
        assert!(errors[5].to_string().contains("https://news.example"));
    }

    #[test]
    fn origins_are_spelled_as_browsers_spell_them() {
        let cases = [
            ("https://news.example/a/b?c#d", Some("https://news.example")),
            ("HTTP://127.0.0.1:8080", Some("http://127.0.0.1:8080")),
            ("http://example.com:80/", Some("http://example.com")),
            ("https://[::1]:9000/x", Some("https://[::1]:9000")),
            ("https://news.example:99999", None),
            ("ftp://news.example", None),
            ("https://", None),
            ("https://-bad.example", None),
            ("https://a b.example", None),
        ];
        for (url, origin) in cases {
            assert_eq!(url_origin(url).as_deref(), origin, "{url}");
        }
    }

    #[test]
    fn views_and_the_source_literacy_preset_are_read() {
        let (config, errors, _) = parse_config(
            [("view", "worksheet"), ("preset", "source-literacy")],
            &topics(),
            PASSAGES,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.view, View::Worksheet);
        assert_eq!(config.kinds, [QuestionKind::SourceCheck]);
        let (_, errors, _) =
            parse_config([("view", "print"), ("preset", "fun")], &topics(), PASSAGES);
        assert_eq!(
            errors[0].to_string(),
            "`view=print` is not valid: view expects quiz, teacher, worksheet or key"
        );
        assert!(errors[1].to_string().contains("source-literacy"));
    }

    #[test]
    fn a_class_code_sets_the_quiz_and_refuses_company() {
        let mut spec = QuizSpec::new(12, 15);
        spec.topics = vec![Topic("visit".into())];
        let code = crate::class_code::encode(&spec, &topics()).unwrap();
        let (config, errors, _) = parse_config([("code", code.as_str())], &topics(), PASSAGES);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.spec(0), spec);
        assert_eq!(config.class_code.as_deref(), Some(code.as_str()));

        let (config, errors, _) = parse_config(
            [("code", code.as_str()), ("seed", "3")],
            &topics(),
            PASSAGES,
        );
        assert_eq!(config.class_code, None);
        assert_eq!(
            errors[0].to_string(),
            format!("`code={code}` is not valid: code expects to choose the questions alone: leave out seed")
        );
        let (_, errors, _) = parse_config([("code", "AB")], &topics(), PASSAGES);
        assert_eq!(
            errors[0].to_string(),
            "`code=AB` is not valid: code expects a class code from your teacher (a class code has 8 letters and digits, and this one has 2)"
        );
    }

    #[test]
    fn a_kind_or_topic_named_twice_counts_once() {
        let (config, errors, _) = parse_config(
            [
                ("kinds", "source_check, source_check"),
                ("topics", "aid,aid,visit"),
            ],
            &topics(),
            PASSAGES,
        );
        assert!(errors.is_empty());
        assert_eq!(config.kinds, [QuestionKind::SourceCheck]);
        assert_eq!(config.topics, topics());
    }

    #[test]
    fn a_passage_is_numbered_from_one_and_refuses_what_contradicts_it() {
        let (config, errors, _) = parse_config(
            [("passage", "3"), ("kinds", "cloze,who_said"), ("seed", "4")],
            &topics(),
            PASSAGES,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.passage, Some(2));
        assert_eq!(config.spec(0).passage, Some(2));
        assert_eq!(
            config.storage_scope(),
            "seed=4&kinds=cloze,who_said&passage=3"
        );
        for bad in ["0", "4", "two", "-1"] {
            let (config, errors, _) = parse_config([("passage", bad)], &topics(), PASSAGES);
            assert_eq!(config.passage, None);
            assert_eq!(
                errors[0].to_string(),
                format!(
                    "`passage={bad}` is not valid: passage expects a passage number from 1 to 3"
                )
            );
        }
        let (_, errors, _) = parse_config([("passage", "1")], &topics(), 0);
        assert!(errors[0].to_string().contains("no passage to read"));
        let (config, errors, _) = parse_config(
            [("passage", "1"), ("topics", "aid"), ("kinds", "numeric")],
            &topics(),
            PASSAGES,
        );
        assert_eq!(config.passage, None, "reported, never half-applied");
        assert_eq!(
            errors[0].to_string(),
            "`passage=1` is not valid: passage expects to choose the questions from its text: \
             leave out topics, kinds other than multiple_choice, cloze and who_said"
        );
        let (_, errors, _) = parse_config(
            [("preset", "source-literacy"), ("passage", "2")],
            &topics(),
            PASSAGES,
        );
        assert!(
            errors[0].to_string().ends_with("leave out preset"),
            "{}",
            errors[0]
        );
        let mut spec = QuizSpec::new(3, 10);
        spec.passage = Some(0);
        assert_eq!(
            crate::class_code::encode(&spec, &topics()),
            Err(crate::class_code::ClassCodeError::Passage)
        );
        let query = spec.query();
        let pairs: Vec<(&str, &str)> = query.split('&').filter_map(|p| p.split_once('=')).collect();
        assert_eq!(parse_config(pairs, &topics(), PASSAGES).0.spec(0), spec);
    }

    #[test]
    fn pym_frames_are_recognized_and_their_parent_origin_kept() {
        let (config, errors, unknown) = parse_config(
            [
                ("initialWidth", "600"),
                ("childId", "quiz-1"),
                ("parentTitle", "An article"),
                ("parentUrl", "https://news.example/2025/08/carney?x=1"),
            ],
            &topics(),
            PASSAGES,
        );
        assert!(
            errors.is_empty() && unknown.is_empty(),
            "{errors:?} {unknown:?}"
        );
        let pym = config.pym.expect("a pym child");
        assert_eq!(pym.id, "quiz-1");
        assert_eq!(pym.parent_origin.as_deref(), Some("https://news.example"));
        assert_eq!(pym.height_message(420), "pymxPYMxquiz-1xPYMxheightxPYMx420");
        let (config, _, _) = parse_config(
            [("parentUrl", "https://news.example/")],
            &topics(),
            PASSAGES,
        );
        assert_eq!(config.pym, None, "a parentUrl alone is not a pym frame");
    }

    #[test]
    fn accent_text_is_whichever_of_black_and_white_reads_better() {
        assert_eq!(text_on("#0b57d0"), "#ffffff");
        assert_eq!(text_on("#ffdd00"), "#000000");
        assert_eq!(text_on("#000000"), "#ffffff");
        assert_eq!(text_on("#ffffff"), "#000000");
    }

    #[test]
    fn differently_configured_widgets_save_progress_apart() {
        let parse = |pairs: &[(&'static str, &'static str)]| {
            parse_config(pairs.iter().copied(), &topics(), PASSAGES)
                .0
                .storage_scope()
        };
        assert_eq!(parse(&[]), "");
        assert_eq!(
            parse(&[("theme", "dark")]),
            "",
            "looks do not change the quiz"
        );
        assert_ne!(parse(&[("seed", "1")]), parse(&[("seed", "2")]));
        assert_eq!(parse(&[("seed", "1"), ("count", "5")]), "seed=1&count=5");
    }

    #[test]
    fn a_spec_round_trips_through_its_query() {
        let spec = QuizSpec {
            seed: 7,
            count: 15,
            topics: vec![Topic("aid".into())],
            kinds: vec![QuestionKind::Matching, QuestionKind::Numeric],
            difficulty: Some(Difficulty::Medium),
            passage: None,
        };
        let query = spec.query();
        let pairs: Vec<(&str, &str)> = query.split('&').filter_map(|p| p.split_once('=')).collect();
        let (config, errors, _) = parse_config(pairs, &topics(), PASSAGES);
        assert!(errors.is_empty());
        assert_eq!(config.spec(0), spec);
    }
}
